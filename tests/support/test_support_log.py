"""The superuser support log: the quick form, team meetings, CPR refusal, who sees what."""
from datetime import date, timedelta

from sqlalchemy import select

from implementering.support.models import Question, SupportSession
from tests.builders import make_team
from tests.support.builders import make_superuser, make_support_session

TODAY = date.today()


def _post(client, **data):
    base = {"kind": "sparring", "team_id": data.pop("team_id"), "day": TODAY.isoformat(), "minutes": 30}
    base.update(data)
    return client.post("/stoette/log/ny", data=base)


def test_a_superuser_logs_a_session_with_principles_phases_and_questions(client, login_as, db):
    team = make_team("Team Nord")
    me = login_as(person=make_superuser(team))
    response = _post(client, team_id=team.id, minutes=15, principles=["skala", "maal"], phases=["udredning"],
                     questions="Hvornår er det en 3?\n\nSkal målet stå i handleplanen?", follow_up="y")
    assert response.status_code == 302
    session = db.session.scalar(select(SupportSession))
    assert (session.superuser_id, session.team_id, session.minutes) == (me.id, team.id, 15)
    assert session.principle_keys == ["skala", "maal"] and session.phase_keys == ["udredning"]
    assert session.follow_up is True
    questions = db.session.scalars(select(Question).order_by(Question.id)).all()
    assert [q.text for q in questions] == ["Hvornår er det en 3?", "Skal målet stå i handleplanen?"]
    assert all(q.status == "aaben" and q.team_id == team.id for q in questions)


def test_the_log_form_preselects_the_superusers_team_and_todays_date(client, login_as, db):
    team = make_team("Team Solo")
    login_as(person=make_superuser(team))
    body = client.get("/stoette/log/ny").get_data(as_text=True)
    assert f'value="{team.id}" selected' in body or f'selected value="{team.id}"' in body
    assert f'value="{TODAY.isoformat()}"' in body


def test_a_team_meeting_records_two_pseudonymous_cases_and_the_next_presenter(client, login_as, db):
    team = make_team()
    login_as(person=make_superuser(team))
    _post(client, team_id=team.id, kind="teammoede", minutes=120, participant_count=8,
          case_ref_1="SAG-2041", case_ref_2="SAG-2077", next_presenter="Mette og Jonas")
    session = db.session.scalar(select(SupportSession))
    assert (session.case_ref_1, session.case_ref_2, session.next_presenter) == ("SAG-2041", "SAG-2077", "Mette og Jonas")


def test_a_team_meeting_without_any_case_gets_a_danish_error(client, login_as, db):
    team = make_team()
    login_as(person=make_superuser(team))
    body = _post(client, team_id=team.id, kind="teammoede").get_data(as_text=True)
    assert "Skriv referencen på mindst én af de sager, teammødet drøftede." in body
    assert db.session.scalar(select(SupportSession)) is None


def test_a_case_reference_with_a_name_is_refused(client, login_as, db):
    team = make_team()
    login_as(person=make_superuser(team))
    body = _post(client, team_id=team.id, kind="teammoede", case_ref_1="Hans Hansen").get_data(as_text=True)
    assert "pseudonyme reference" in body
    assert db.session.scalar(select(SupportSession)) is None


def test_a_cpr_number_in_the_notes_or_a_case_reference_is_refused_and_not_echoed(client, login_as, db):
    team = make_team()
    login_as(person=make_superuser(team))
    body = _post(client, team_id=team.id, kind="teammoede", case_ref_1="0101901234",
                 notes="Borger 010190-1234").get_data(as_text=True)
    assert "CPR-nummer" in body and "010190-1234" not in body and "0101901234" not in body
    assert db.session.scalar(select(SupportSession)) is None


def test_missing_kind_and_a_future_date_get_danish_field_errors(client, login_as, db):
    team = make_team()
    login_as(person=make_superuser(team))
    body = client.post("/stoette/log/ny", data={"team_id": team.id, "minutes": 30,
                                                "day": (TODAY + timedelta(days=2)).isoformat()}).get_data(as_text=True)
    assert "Vælg hvad slags støtte det var." in body and "Datoen kan ikke ligge i fremtiden." in body


def test_a_superuser_sees_the_log_of_their_teams_only(client, login_as, db):
    mine, other = make_team("Mit team"), make_team("Andet team")
    me = make_superuser(mine)
    colleague = make_superuser(other)
    visible = make_support_session(colleague, mine, notes="synlig")
    hidden = make_support_session(colleague, other, kind="teammoede")
    login_as(person=me)
    body = client.get("/stoette/").get_data(as_text=True)
    assert f"/stoette/log/{visible.id}" in body and f"/stoette/log/{hidden.id}" not in body
    assert client.get(f"/stoette/log/{hidden.id}").status_code == 403
    assert client.get(f"/stoette/log/{visible.id}/rediger").status_code == 403  # not theirs to edit
    login_as("projektleder")
    assert f"/stoette/log/{hidden.id}" in client.get("/stoette/").get_data(as_text=True)


def test_the_one_who_logged_a_session_can_edit_it(client, login_as, db):
    team = make_team()
    me = make_superuser(team)
    session = make_support_session(me, team)
    login_as(person=me)
    client.post(f"/stoette/log/{session.id}/rediger", data={"kind": "sagsgennemgang", "team_id": team.id,
                                                             "day": TODAY.isoformat(), "minutes": 45})
    assert db.session.get(SupportSession, session.id).kind == "sagsgennemgang"


def test_case_workers_and_leadership_cannot_log_support(client, login_as, db):
    for role in ("sagsbehandler", "ledelse"):
        login_as(role)
        assert client.get("/stoette/log/ny").status_code == 403
        assert client.get("/stoette/").status_code == 403


def test_a_case_worker_sees_who_to_ask_on_the_start_page(client, login_as, db):
    team = make_team("Team Hav")
    make_superuser(team, name="Søren Super", email="soren@k.dk")
    login_as("sagsbehandler", team=team)
    body = client.get("/").get_data(as_text=True)
    assert "Hvem kan jeg spørge?" in body and "Søren Super" in body and "mailto:soren@k.dk" in body


def test_without_a_superuser_in_the_team_the_departments_superusers_are_offered(client, login_as, db):
    team = make_team("Team Uden")
    neighbour = make_team("Team Nabo", department=team.department)
    make_superuser(neighbour, name="Nabo Superbruger")
    login_as("sagsbehandler", team=team)
    assert "Nabo Superbruger" in client.get("/").get_data(as_text=True)


def test_the_superuser_profile_shows_training_teams_and_recent_support(client, login_as, db):
    from tests.training.builders import make_course, make_enrolment, make_session

    team = make_team("Team Profil")
    superuser = make_superuser(team, name="Profil Person")
    make_enrolment(make_session(make_course("Superbrugeruddannelse", kind="superbruger", required=False),
                                day=TODAY - timedelta(days=40)), superuser, attendance="moedt")
    make_support_session(superuser, team, minutes=90, day=TODAY - timedelta(days=3))
    login_as("ledelse")
    body = client.get(f"/stoette/superbrugere/{superuser.id}").get_data(as_text=True)
    assert "Superbrugeruddannelse" in body and "Team Profil" in body and "Sparring én til én" in body
    assert "1,5" in body


def test_the_team_support_page_draws_charts_with_their_tables(client, login_as, db):
    team = make_team("Team Graf")
    superuser = make_superuser(team)
    make_support_session(superuser, team, minutes=60, principles="skala,maal", day=TODAY - timedelta(days=8))
    make_support_session(superuser, team, minutes=30, principles="skala", day=TODAY)
    login_as("ledelse")
    body = client.get(f"/stoette/team/{team.id}").get_data(as_text=True)
    assert body.count("data-figure=") == 2 and "0–4-skalaen" in body
    assert "Tallene bag diagrammet" in body
    assert "Team Graf" in client.get("/stoette/oversigt").get_data(as_text=True)


def test_a_superuser_cannot_open_another_teams_support_page(client, login_as, db):
    other = make_team()
    login_as(person=make_superuser(make_team()))
    assert client.get(f"/stoette/team/{other.id}").status_code == 403


def test_three_taps_are_enough_because_team_date_and_duration_are_preset(client, login_as, db):
    import re

    team = make_team("Team Tre")
    login_as(person=make_superuser(team))
    page = client.get("/stoette/log/ny").get_data(as_text=True)
    checked = re.search(r'<input[^>]*checked[^>]*name="minutes"[^>]*value="(\d+)"|<input[^>]*name="minutes"[^>]*value="(\d+)"[^>]*checked', page)
    minutes = next(g for g in checked.groups() if g)
    day = re.search(r'name="day"[^>]*value="([\d-]+)"|value="([\d-]+)"[^>]*name="day"', page)
    day = next(g for g in day.groups() if g)
    # What the browser sends after tapping a kind and a principle and then "Gem".
    response = client.post("/stoette/log/ny", data={"team_id": team.id, "day": day, "minutes": minutes,
                                                    "participant_count": 1, "kind": "sparring",
                                                    "principles": ["skala"]})
    assert response.status_code == 302
    session = db.session.scalar(select(SupportSession))
    assert (session.minutes, session.day, session.team_id) == (30, TODAY, team.id)
