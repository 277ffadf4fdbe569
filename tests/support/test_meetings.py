"""Experience meetings: learnings become actions that live in the plan and the owner's list until closed."""
from datetime import date, timedelta

from sqlalchemy import select

from implementering.plan.models import Activity
from implementering.plan.services import activities_for_person
from implementering.support.models import Action, ExperienceMeeting, Learning
from tests.builders import make_person, make_team
from tests.support.builders import make_action, make_meeting

TODAY = date.today()


def _activity(db, source, source_id):
    return db.session.scalar(select(Activity).where(Activity.source == source, Activity.source_id == source_id))


def test_a_meeting_records_learnings_by_kind_and_appears_in_the_plan(client, login_as, db):
    team = make_team("Team Nord")
    login_as("superbruger")
    response = client.post("/stoette/erfaringsmoeder/ny", data={
        "title": "Erfaringsmøde 3", "day": TODAY.isoformat(), "team_id": team.id, "facilitator_id": 0,
        "participant_count": 11, "virker": "Skalaen giver fælles sprog", "svaert": "Mål bliver for brede\nTidsforbrug",
        "kritik": "", "usikkerhed": "Hvornår er noget en 3?", "resultat": ""})
    assert response.status_code == 302
    meeting = db.session.scalar(select(ExperienceMeeting))
    assert sorted((item.category, item.text) for item in meeting.learnings) == [
        ("svaert", "Mål bliver for brede"), ("svaert", "Tidsforbrug"), ("usikkerhed", "Hvornår er noget en 3?"),
        ("virker", "Skalaen giver fælles sprog")]
    activity = _activity(db, "support.meeting", meeting.id)
    assert activity.type == "erfaringsmoede" and activity.status == "gennemfoert"
    assert [t.name for t in activity.teams] == ["Team Nord"]


def test_learning_becomes_an_action_in_the_plan_and_the_owners_activities_until_closed(client, login_as, db):
    owner = make_person(name="Olivia Ejer", roles=["sagsbehandler"])
    meeting = make_meeting("Erfaringsmøde 4", svaert="Mål bliver for brede")
    learning = db.session.scalar(select(Learning))
    login_as("projektleder")
    due = TODAY + timedelta(days=21)
    response = client.post(f"/stoette/erfaringsmoeder/{meeting.id}/handling", data={
        "action-title": "Workshop om målformulering", "action-owner_id": owner.id, "action-due": due.isoformat(),
        "action-learning_id": learning.id})
    assert response.status_code == 302
    action = db.session.scalar(select(Action))
    assert action.learning_id == learning.id and action.meeting_id == meeting.id
    activity = _activity(db, "support.action", action.id)
    assert activity.responsible_id == owner.id and activity.end_date == due and activity.status == "planlagt"
    assert "Erfaringsmøde 4" in activity.description
    owner = db.session.get(type(owner), owner.id)
    assert action.id in [a.source_id for a in activities_for_person(owner, include_closed=False)]

    login_as(person=owner)
    assert "Workshop om målformulering" in client.get("/").get_data(as_text=True)
    body = client.get(f"/stoette/handlinger/{action.id}").get_data(as_text=True)
    assert "Erfaringsmøde 4" in body and "Mål bliver for brede" in body
    client.post(f"/stoette/handlinger/{action.id}/luk", data={"outcome": "Workshop holdt 12. januar."})
    assert db.session.get(Action, action.id).status == "lukket"
    assert _activity(db, "support.action", action.id).status == "gennemfoert"
    owner = db.session.get(type(owner), owner.id)
    assert action.id not in [a.source_id for a in activities_for_person(owner, include_closed=False)]


def test_an_action_without_owner_gets_a_danish_error(client, login_as, db):
    meeting = make_meeting()
    login_as("superbruger")
    response = client.post(f"/stoette/erfaringsmoeder/{meeting.id}/handling",
                           data={"action-title": "Noget", "action-owner_id": 0, "action-due": TODAY.isoformat()})
    assert response.status_code == 400 and "Vælg en ansvarlig." in response.get_data(as_text=True)


def test_the_project_leader_sees_open_actions_oldest_first_with_their_age(client, login_as, db):
    old = make_action(title="Gammel handling")
    old.created_at = old.created_at - timedelta(days=40)
    db.session.commit()
    make_action(title="Ny handling")
    closed = make_action(title="Lukket handling")
    closed.status = "lukket"
    closed.closed_on = TODAY
    db.session.commit()
    login_as("projektleder")
    body = client.get("/stoette/handlinger").get_data(as_text=True)
    assert body.index("Gammel handling") < body.index("Ny handling")
    assert "<td>40</td>" in body


def test_someone_else_cannot_close_a_case_workers_action(client, login_as, db):
    action = make_action()
    login_as("sagsbehandler")
    assert client.get(f"/stoette/handlinger/{action.id}").status_code == 403
    assert client.post(f"/stoette/handlinger/{action.id}/luk", data={}).status_code == 403


def test_a_cpr_number_in_a_learning_is_refused(client, login_as, db):
    meeting = make_meeting()
    login_as("superbruger")
    response = client.post(f"/stoette/erfaringsmoeder/{meeting.id}/laering",
                           data={"learning-category": "kritik", "learning-text": "Borger 010190-1234 klagede"})
    assert response.status_code == 400 and "CPR-nummer" in response.get_data(as_text=True)
    assert db.session.scalar(select(Learning)) is None


def test_leadership_reads_meetings_but_cannot_create_them(client, login_as, db):
    meeting = make_meeting("Læsbart møde")
    login_as("ledelse")
    assert "Læsbart møde" in client.get(f"/stoette/erfaringsmoeder/{meeting.id}").get_data(as_text=True)
    assert client.get("/stoette/erfaringsmoeder/ny").status_code == 403
