"""Pages for persons, teams and departments."""
from datetime import date

from implementering.people.models import Person, Team
from tests.builders import make_person, make_team


def test_the_project_leader_creates_a_person_and_sees_the_person_page(client, login_as, db):
    team = make_team("Team Nord")
    login_as("projektleder")
    response = client.post("/personer/ny", data={"name": "Karen Dahl", "email": "Karen@Kommune.dk",
                                                 "team_id": team.id, "active": "y"}, follow_redirects=True)
    body = response.get_data(as_text=True)
    assert "Karen Dahl er oprettet" in body and "Team Nord" in body
    assert db.session.query(Person).filter_by(email="karen@kommune.dk").count() == 1


def test_a_duplicate_email_gets_a_danish_field_error(client, login_as, db):
    make_person(email="dup@kommune.dk")
    login_as("projektleder")
    response = client.post("/personer/ny", data={"name": "X", "email": "DUP@kommune.dk", "team_id": 0})
    assert "bruges allerede" in response.get_data(as_text=True)


def test_missing_name_is_reported_at_the_field(client, login_as, db):
    login_as("projektleder")
    response = client.post("/personer/ny", data={"name": "", "email": "a@kommune.dk", "team_id": 0})
    assert "Skriv personens navn." in response.get_data(as_text=True)


def test_the_team_list_shows_go_live_as_a_danish_date_and_week(client, login_as, db):
    make_team("Team Syd", go_live=date(2026, 11, 23))
    login_as("ledelse")
    body = client.get("/teams").get_data(as_text=True)
    assert "23. nov. 2026" in body and "uge 48" in body


def test_search_finds_persons_by_part_of_the_name(client, login_as, db):
    make_person(name="Birgitte Kjær")
    make_person(name="Ole Olsen")
    login_as("superbruger")
    body = client.get("/personer?q=kjær").get_data(as_text=True)
    assert "Birgitte Kjær" in body and "Ole Olsen" not in body


def test_a_superuser_is_assigned_teams_and_shown_on_the_team_page(client, login_as, db):
    team = make_team("Team Vest")
    superuser = make_person(name="Søren Holm", roles=["superbruger", "sagsbehandler"])
    login_as("projektleder")
    client.post(f"/personer/{superuser.id}/superbruger", data={"teams": [team.id]})
    assert "Søren Holm" in client.get(f"/teams/{team.id}").get_data(as_text=True)
    assert [t.name for t in db.session.get(Person, superuser.id).supported_teams] == ["Team Vest"]


def test_a_case_worker_cannot_edit_people(client, login_as, db):
    login_as("sagsbehandler")
    assert client.get("/personer/ny").status_code == 403
