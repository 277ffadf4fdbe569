"""The scheduler job opens rounds, invites, reminds only non-responders (at most twice) and closes."""
from datetime import date, timedelta

from sqlalchemy import func, select

from implementering.notifications.models import OutboxMessage
from implementering.pulse.jobs import run_pulse_rounds
from implementering.pulse.models import CLOSED, Invitation, Round, Token
from implementering.scheduler import JOBS
from tests.builders import make_person
from tests.pulse.builders import MONDAY, answer, make_schedule, make_team_with_members


def outbox(category=None):
    stmt = select(OutboxMessage).order_by(OutboxMessage.id)
    if category:
        stmt = stmt.where(OutboxMessage.category == category)
    return list(__import__("implementering.extensions", fromlist=["db"]).db.session.scalars(stmt))


def test_the_job_is_registered_with_the_scheduler():
    assert any(job.func == "implementering.pulse.jobs:run_pulse_rounds" for job in JOBS)


def test_the_job_opens_a_due_round_and_invites_every_active_member_once(db):
    team, members = make_team_with_members(3)
    make_person(team=team, active=False)
    make_schedule([team])
    counts = run_pulse_rounds(MONDAY + timedelta(days=1))
    assert counts["opened"] == 1 and counts["invited"] == 3
    invitations = outbox("pulse.invitation")
    assert sorted(m.recipient for m in invitations) == sorted(p.email for p in members)
    assert all("/puls/svar/" in m.body and m.idempotency_key.startswith("pulse:") for m in invitations)


def test_running_the_job_twice_the_same_day_changes_nothing(db):
    team, _ = make_team_with_members(3)
    make_schedule([team])
    run_pulse_rounds(MONDAY)
    again = run_pulse_rounds(MONDAY)
    assert again == {"closed": 0, "opened": 0, "invited": 0, "reminded": 0, "warned": 0}
    assert db.session.scalar(select(func.count()).select_from(Round)) == 1
    assert len(outbox()) == 3
    assert db.session.scalar(select(func.count()).select_from(Token)) == 3


def test_no_round_opens_before_the_first_day_or_after_the_open_days_of_a_cycle(db):
    team, _ = make_team_with_members(2)
    make_schedule([team])
    assert run_pulse_rounds(MONDAY - timedelta(days=1))["opened"] == 0
    assert run_pulse_rounds(MONDAY + timedelta(days=8))["opened"] == 0
    assert run_pulse_rounds(MONDAY + timedelta(weeks=4))["opened"] == 1


def test_reminders_go_only_to_non_responders_and_at_most_twice(db):
    team, (first, second, third) = make_team_with_members(3)
    make_schedule([team], open_days=10, reminder_after_days=3)
    run_pulse_rounds(MONDAY)
    round_ = db.session.scalar(select(Round))
    answer(round_, first, 4)
    for day in range(1, 10):
        run_pulse_rounds(MONDAY + timedelta(days=day))
    reminders = outbox("pulse.reminder")
    assert sorted(m.recipient for m in reminders) == sorted([second.email, second.email, third.email, third.email])
    assert first.email not in {m.recipient for m in reminders}


def test_a_reminder_reuses_nothing_and_the_first_link_still_works(db):
    team, (person,) = make_team_with_members(1)
    make_schedule([team])
    run_pulse_rounds(MONDAY)
    run_pulse_rounds(MONDAY + timedelta(days=3))
    invitation = db.session.scalar(select(Invitation))
    assert invitation.reminders_sent == 1 and len(invitation.tokens) == 2


def test_a_late_job_sends_one_reminder_not_a_burst(db):
    team, _ = make_team_with_members(1)
    make_schedule([team], open_days=10)
    run_pulse_rounds(MONDAY)
    run_pulse_rounds(MONDAY + timedelta(days=7))
    assert len(outbox("pulse.reminder")) == 1


def test_the_job_closes_the_round_on_its_closing_day_and_deletes_its_tokens(db):
    team, _ = make_team_with_members(2)
    make_schedule([team])
    run_pulse_rounds(MONDAY)
    run_pulse_rounds(MONDAY + timedelta(days=6))
    assert db.session.scalar(select(Round)).status != CLOSED
    counts = run_pulse_rounds(MONDAY + timedelta(days=7))
    assert counts["closed"] == 1 and counts["reminded"] == 0
    assert db.session.scalar(select(Round)).status == CLOSED
    assert db.session.scalar(select(func.count()).select_from(Token)) == 0


def test_an_invitation_keeps_the_team_the_person_had_when_the_round_opened(db):
    team, (person,) = make_team_with_members(1)
    other, _ = make_team_with_members(1)
    make_schedule([team, other])
    run_pulse_rounds(MONDAY)
    person.team = other
    db.session.commit()
    invitation = db.session.scalar(select(Invitation).where(Invitation.person_id == person.id))
    assert invitation.team_id == team.id
