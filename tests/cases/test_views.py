"""Entering, listing and editing cases through the pages."""
from datetime import date

from implementering.cases.models import Case
from tests.builders import make_person, make_team
from tests.cases.builders import make_case, make_themes


def _form(team, **extra):
    return {"reference": "SAG-77", "team_id": team.id, "caseworker_id": 0, "opened_on": "2026-03-02",
            "case_type": "ny", "handled_with_vum": "y", "vum_steps": ["assessment", "decision"], **extra}


def test_a_superuser_registers_a_case_with_steps_and_theme_ratings(client, db, login_as):
    theme = make_themes("egenomsorg")[0]
    team = make_team()
    login_as("superbruger")
    response = client.post("/sager/ny", data=_form(team, **{f"theme_{theme.id}": "3"}))
    assert response.status_code == 302
    case = db.session.query(Case).one()
    assert case.vum_steps == ["assessment", "decision"] and case.rating_for(theme.id) == 3
    assert case.department_id == team.department_id and case.opened_on == date(2026, 3, 2)


def test_a_cpr_number_as_case_reference_is_refused_with_a_danish_field_error(client, db, login_as):
    team = make_team()
    login_as("projektleder")
    response = client.post("/sager/ny", data=_form(team, reference="241190-1234"))
    text = response.get_data(as_text=True)
    assert response.status_code == 200 and "CPR-nummer" in text and "241190-1234" not in text
    assert db.session.query(Case).count() == 0


def test_a_reference_already_in_use_is_refused(client, db, login_as):
    team = make_team()
    make_case("SAG-77", team=team)
    login_as("projektleder")
    text = client.post("/sager/ny", data=_form(team)).get_data(as_text=True)
    assert "findes allerede en sag med dette sagsnummer" in text


def test_editing_a_case_can_remove_a_theme_rating(client, db, login_as):
    theme = make_themes("egenomsorg")[0]
    case = make_case(ratings={theme: 2})
    login_as("projektleder")
    data = _form(case.team, reference=case.reference, **{f"theme_{theme.id}": "-"})
    assert client.post(f"/sager/{case.id}/rediger", data=data).status_code == 302
    db.session.expire_all()
    assert db.session.get(Case, case.id).ratings == []


def test_the_list_filters_by_vum_use(client, db, login_as):
    team = make_team()
    make_case("MED-VUM", team=team, handled_with_vum=True)
    make_case("UDEN-VUM", team=team, handled_with_vum=False)
    login_as("superbruger")
    text = client.get("/sager/?vum=nej").get_data(as_text=True)
    assert "UDEN-VUM" in text and "MED-VUM" not in text


def test_case_workers_and_leadership_do_not_see_the_register(client, db, login_as):
    login_as("sagsbehandler", "ledelse")
    assert client.get("/sager/").status_code == 403
