"""Early warning: e-mails to project leaders and the team's superusers, and the one-click remedy."""
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from implementering.extensions import db
from implementering.notifications.models import OutboxMessage
from implementering.plan.models import Activity
from implementering.pulse.models import EarlyWarning
from implementering.pulse.warnings import add_remedy, next_monday, send_early_warnings
from tests.builders import make_person, make_team

from .builders import MONDAY, closed_round_with_answers, make_schedule, make_team_with_members

#: The day after the third round (opened in week 8) closed.
AFTER_THIRD = MONDAY + timedelta(weeks=8, days=8)


def _warnings():
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.category == "pulse.warning")
                                   .order_by(OutboxMessage.recipient)))


def _three_rounds(team, people, scores):
    schedule = make_schedule([team])
    for week, score in zip((0, 4, 8), scores):
        answered = people if isinstance(score, int) else people[:score[1]]
        value = score if isinstance(score, int) else score[0]
        closed_round_with_answers({team: [(p, value) for p in answered]}, opens_on=MONDAY + timedelta(weeks=week),
                                  schedule=schedule)


@pytest.fixture
def falling(db):
    """A team whose motivation falls from 5 to 3, its superuser, a project leader and an outsider superuser."""
    team, people = make_team_with_members(5, name="Team Fald", go_live=MONDAY)
    superuser = make_person(name="Sif Superbruger", roles=["superbruger"], email="sif@test.dk")
    superuser.supported_teams = [team]
    leader = make_person(name="Per Projektleder", roles=["projektleder"], email="per@test.dk")
    outsider = make_person(name="Ole Andetsteds", roles=["superbruger"], email="ole@test.dk")
    outsider.supported_teams = [make_team(name="Team Andet")]
    db.session.commit()
    _three_rounds(team, people, (5, 4, 3))
    return {"team": team, "people": people, "superuser": superuser, "leader": leader, "outsider": outsider}


def test_a_clear_fall_e_mails_the_project_leader_and_the_teams_superuser_once(falling):
    assert send_early_warnings(AFTER_THIRD) == 2
    mails = _warnings()
    assert [m.recipient for m in mails] == ["per@test.dk", "sif@test.dk"]
    assert "Team Fald" in mails[0].subject and "små succeser" in mails[0].body
    team_id = falling["team"].id
    assert mails[0].idempotency_key == f"pulse:warning:{team_id}:{(MONDAY + timedelta(weeks=8)).isoformat()}:" \
                                       f"{falling['leader'].id}"
    assert send_early_warnings(AFTER_THIRD) == 0 and send_early_warnings(AFTER_THIRD + timedelta(days=1)) == 0
    assert len(_warnings()) == 2
    warning = db.session.scalar(select(EarlyWarning))
    assert warning.reason == "fald" and warning.latest == pytest.approx(3.0)


def test_no_warning_goes_out_when_motivation_holds(db):
    team, people = make_team_with_members(5)
    make_person(roles=["projektleder"])
    _three_rounds(team, people, (4, 4, 4))
    assert send_early_warnings(AFTER_THIRD) == 0 and _warnings() == []


def test_a_suppressed_round_never_triggers_a_warning(db):
    team, people = make_team_with_members(5)
    make_person(roles=["projektleder"])
    _three_rounds(team, people, (5, 5, (1, 4)))  # the low round has only four answers: not shown
    assert send_early_warnings(AFTER_THIRD) == 0


def test_rounds_closed_long_ago_are_not_warned_about(falling):
    assert send_early_warnings(AFTER_THIRD + timedelta(days=30)) == 0


def test_the_threshold_can_be_configured(app, falling, monkeypatch):
    monkeypatch.setitem(app.config, "PULSE_WARNING_DROP", 2.5)
    monkeypatch.setitem(app.config, "PULSE_WARNING_FLOOR", 2.0)
    assert send_early_warnings(AFTER_THIRD) == 0


def test_the_pulse_job_sends_the_warnings(falling):
    from implementering.pulse.jobs import run_pulse_rounds

    assert run_pulse_rounds(AFTER_THIRD)["warned"] == 2


def test_a_remedy_becomes_a_team_activity_next_monday_once(falling):
    today = date(2026, 5, 6)  # a Wednesday
    activity, created = add_remedy(falling["team"], "sparring", falling["leader"], today)
    assert created and activity.start_date == date(2026, 5, 11) == next_monday(today)
    assert [t.name for t in activity.teams] == ["Team Fald"] and activity.responsible_id == falling["leader"].id
    again, created_again = add_remedy(falling["team"], "sparring", falling["leader"], today)
    assert not created_again and again.id == activity.id
    assert db.session.query(Activity).count() == 1


def test_the_project_leader_plans_a_remedy_with_one_click(client, login_as, falling):
    login_as(person=falling["leader"])
    page = client.get(f"/puls/?team={falling['team'].id}&periode=0").get_data(as_text=True)
    assert "Læg i aktivitetsplanen" in page
    response = client.post(f"/puls/team/{falling['team'].id}/greb", data={"remedy": "succeser"})
    assert response.status_code == 302 and "/plan/aktivitet/" in response.headers["Location"]
    activity = db.session.scalar(select(Activity))
    assert activity.title.startswith("Ekstra teammøde") and activity.type == "teammoede"


def test_a_superuser_of_the_team_may_plan_a_remedy_but_not_one_of_another_team(client, login_as, falling):
    login_as(person=falling["outsider"])
    assert client.post(f"/puls/team/{falling['team'].id}/greb", data={"remedy": "succeser"}).status_code == 403
    login_as(person=falling["superuser"])
    assert client.post(f"/puls/team/{falling['team'].id}/greb", data={"remedy": "hvorfor"}).status_code == 302


def test_an_unknown_remedy_is_refused_with_a_danish_message(client, login_as, falling):
    login_as(person=falling["leader"])
    page = client.post(f"/puls/team/{falling['team'].id}/greb", data={"remedy": "trylleri"},
                       follow_redirects=True).get_data(as_text=True)
    assert "Vælg et af de foreslåede greb." in page and db.session.query(Activity).count() == 0


def test_a_case_worker_cannot_plan_a_remedy(client, login_as, falling):
    login_as("sagsbehandler")
    assert client.post(f"/puls/team/{falling['team'].id}/greb", data={"remedy": "succeser"}).status_code == 403
