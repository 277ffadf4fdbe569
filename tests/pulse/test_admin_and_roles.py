"""Question-set versions, schedules, and who sees which teams' results."""
from datetime import timedelta

from sqlalchemy import func, select

from implementering.pulse.models import Item, Schedule
from tests.builders import make_person
from seeds.defaults_pulse import load_pulse_defaults
from tests.pulse.builders import MONDAY, closed_round_with_answers, make_schedule, make_team_with_members


def test_the_default_set_has_five_scale_items_and_a_comment_and_loading_twice_adds_nothing(db):
    load_pulse_defaults()
    load_pulse_defaults()
    items = list(db.session.scalars(select(Item)))
    assert [i.key for i in items if i.is_scale] == ["motivation", "mening", "kompetence", "stoette", "tid"]
    assert len(items) == 6


def test_changing_the_wording_makes_a_new_version_and_trends_never_mix(client, db, login_as):
    team, people = make_team_with_members(5, name="Team Ord")
    schedule = make_schedule([team])
    closed_round_with_answers({team: [(p, 2) for p in people]}, schedule=schedule)
    login_as("projektleder")
    motivation = db.session.scalar(select(Item).where(Item.key == "motivation"))
    client.post(f"/puls/spoergsmaal/punkt/{motivation.id}",
                data={"label": "Motivation", "text": "Jeg glæder mig til at bruge VUM i morgen."})
    versions = list(db.session.scalars(select(Item).where(Item.key == "motivation").order_by(Item.version)))
    assert [(v.version, v.active) for v in versions] == [(1, False), (2, True)]
    closed_round_with_answers({team: [(p, 5) for p in people]}, opens_on=MONDAY + timedelta(weeks=4),
                              schedule=schedule)
    body = client.get(f"/puls/?team={team.id}&periode=0").get_data(as_text=True)
    assert "Team Ord (Motivation (v2))" in body and "Team Ord (Motivation)" in body


def test_the_project_leader_creates_a_schedule_and_gets_danish_errors(client, db, login_as):
    load_pulse_defaults()
    team, _ = make_team_with_members(1)
    login_as("projektleder")
    bad = client.post("/puls/planer/ny", data={"name": "", "question_set_id": 1, "teams": [team.id],
                                                "first_round_on": "2026-03-02", "cadence_weeks": 4, "open_days": 7,
                                                "reminder_after_days": 9, "max_reminders": 3})
    body = bad.get_data(as_text=True)
    assert "Giv planen et navn." in body and "Der sendes højst to påmindelser." in body
    client.post("/puls/planer/ny", data={"name": "Forår", "question_set_id": 1, "teams": [team.id],
                                         "first_round_on": "2026-03-02", "cadence_weeks": 4, "open_days": 7,
                                         "reminder_after_days": 3, "max_reminders": 2, "active": "y"})
    schedule = db.session.scalar(select(Schedule))
    assert schedule.name == "Forår" and [t.id for t in schedule.teams] == [team.id]


def test_a_cpr_number_in_a_question_is_refused(client, db, login_as):
    load_pulse_defaults()
    login_as("projektleder")
    item = db.session.scalar(select(Item).where(Item.key == "tid"))
    body = client.post(f"/puls/spoergsmaal/punkt/{item.id}", data={"label": "Tid", "text": "Sag 010190-1234?"}
                       ).get_data(as_text=True)
    assert "CPR-nummer" in body and db.session.scalar(select(func.count()).select_from(Item)) == 6


def test_case_workers_and_superusers_cannot_plan_pulses(client, db, login_as):
    for role in ("sagsbehandler", "superbruger", "ledelse"):
        login_as(role)
        assert client.get("/puls/planer").status_code == 403
        assert client.get("/puls/spoergsmaal").status_code == 403


def test_a_case_worker_sees_only_the_own_team(client, db, login_as):
    own, own_people = make_team_with_members(5, name="Eget team")
    other, other_people = make_team_with_members(5, name="Andet team")
    closed_round_with_answers({own: [(p, 4) for p in own_people], other: [(p, 2) for p in other_people]})
    login_as(person=own_people[0])
    body = client.get("/puls/?periode=0").get_data(as_text=True)
    assert "Eget team" in body and "Andet team" not in body
    assert client.get(f"/puls/?team={other.id}").status_code == 403
    assert client.get(f"/puls/eksport.csv?team={other.id}").status_code == 403


def test_a_superuser_sees_the_supported_teams(client, db, login_as):
    supported, people = make_team_with_members(5, name="Støttet team")
    other, others = make_team_with_members(5, name="Fremmed team")
    closed_round_with_answers({supported: [(p, 4) for p in people], other: [(p, 2) for p in others]})
    superuser = make_person(roles=["superbruger"])
    superuser.supported_teams = [supported]
    db.session.commit()
    login_as(person=superuser)
    body = client.get("/puls/?periode=0").get_data(as_text=True)
    assert "Støttet team" in body and "Fremmed team" not in body


def test_the_project_leader_opens_and_closes_a_round_by_hand(client, db, login_as):
    team, _ = make_team_with_members(2)
    schedule = make_schedule([team])
    login_as("projektleder")
    body = client.post(f"/puls/planer/{schedule.id}/aabn", follow_redirects=True).get_data(as_text=True)
    assert "2 invitationer" in body
    round_ = schedule.rounds[0]
    client.post(f"/puls/runder/{round_.id}/luk")
    db.session.refresh(round_)
    assert not round_.is_open


def test_an_early_warning_shows_when_a_teams_motivation_falls(client, db, login_as):
    team, people = make_team_with_members(5, name="Team Fald", go_live=MONDAY)
    schedule = make_schedule([team])
    for week, score in ((0, 5), (4, 4), (8, 3)):
        closed_round_with_answers({team: [(p, score) for p in people]}, opens_on=MONDAY + timedelta(weeks=week),
                                  schedule=schedule)
    login_as("projektleder")
    body = client.get(f"/puls/?team={team.id}&periode=0").get_data(as_text=True)
    assert "Motivationen falder" in body and "små succeser" in body
