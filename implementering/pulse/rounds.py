"""Opening and closing rounds, inviting and reminding: the work the scheduler does.

Every function here is idempotent: running it twice on the same day changes nothing
the second time. E-mails go through the outbox with an idempotency key, so a person
never receives the same invitation or reminder twice.
"""
from __future__ import annotations

from datetime import date, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..database import utcnow
from ..extensions import db
from ..i18n import _, format_dato
from ..notifications.models import OutboxMessage
from ..notifications.services import queue_email
from ..people.models import Person
from .models import CLOSED, OPEN, Invitation, Response, Round, Schedule, Token
from .services import issue_token, min_group_size


def due_opening(schedule: Schedule, today: date) -> date | None:
    """The opening day of the schedule's round that should be open today, or None."""
    if not schedule.active or today < schedule.first_round_on:
        return None
    cadence = timedelta(weeks=max(schedule.cadence_weeks, 1))
    steps = (today - schedule.first_round_on) // cadence
    opens_on = schedule.first_round_on + steps * cadence
    return opens_on if today < opens_on + timedelta(days=schedule.open_days) else None


def open_round(schedule: Schedule, opens_on: date) -> Round | None:
    """Open the schedule's round starting `opens_on` and invite the teams' active members. Commits.

    Freezes the question set's current items and each person's team at this moment.
    Returns None when that round already exists.
    """
    if db.session.scalar(select(Round.id).where(Round.schedule_id == schedule.id, Round.opens_on == opens_on)):
        return None
    round_ = Round(schedule=schedule, opens_on=opens_on, status=OPEN,
                   closes_on=opens_on + timedelta(days=max(schedule.open_days, 1)),
                   items=list(schedule.question_set.current_items))
    db.session.add(round_)
    team_ids = [team.id for team in schedule.teams if team.active]
    members = db.session.scalars(select(Person).where(Person.team_id.in_(team_ids), Person.active.is_(True))) \
        if team_ids else []
    for person in members:
        db.session.add(Invitation(round=round_, person_id=person.id, team_id=person.team_id))
    try:
        db.session.commit()
    except IntegrityError:  # a concurrent run opened it first
        db.session.rollback()
        return None
    return round_


def open_due_rounds(today: date | None = None) -> list[Round]:
    """Open every schedule's round that is due today and not yet opened. Commits."""
    today = today or utcnow().date()
    opened = []
    for schedule in db.session.scalars(select(Schedule).where(Schedule.active.is_(True))):
        opens_on = due_opening(schedule, today)
        if opens_on is not None:
            round_ = open_round(schedule, opens_on)
            if round_ is not None:
                opened.append(round_)
    return opened


def answer_link(token: str) -> str:
    """The absolute URL of a personal answer link."""
    return f"{current_app.config['BASE_URL']}/puls/svar/{token}"


def _existing_keys(prefix: str) -> set[str]:
    """Outbox idempotency keys that start with `prefix`."""
    return set(db.session.scalars(select(OutboxMessage.idempotency_key)
                                  .where(OutboxMessage.idempotency_key.like(prefix + "%"))))


def _first_name(person: Person) -> str:
    return person.name.split(" ")[0]


def invitation_body(person: Person, round_: Round, link: str, reminder: bool) -> tuple[str, str]:
    """Subject and text of an invitation or reminder e-mail."""
    closes = format_dato(round_.closes_on - timedelta(days=1), "long")
    if reminder:
        subject = _("Påmindelse: din motivationspuls lukker snart")
        opening = _("Du har endnu ikke svaret på denne runde af motivationspulsen. Det tager under to minutter.")
    else:
        subject = _("Hvordan går det med VUM? En puls på to minutter")
        opening = _("Det er tid til motivationspulsen: fem korte spørgsmål om, hvordan arbejdet med VUM "
                    "går for dig lige nu. Det tager under to minutter.")
    body = "\n\n".join([
        _("Hej %(name)s", name=_first_name(person)),
        opening,
        _("Dit svar er anonymt. Det gemmes uden dit navn, og resultater vises kun for grupper med mindst "
          "%(n)s svar.", n=min_group_size()),
        _("Dit personlige link (det kan bruges én gang, også fra mobilen):") + "\n" + link,
        _("Pulsen er åben til og med %(date)s. Er du logget ind, kan du også svare fra forsiden.", date=closes),
    ])
    return subject, body


def send_invitations(round_: Round) -> int:
    """Queue an invitation with a fresh personal link for each invited person not yet mailed. Commits.

    Returns the number of e-mails queued.
    """
    if not round_.is_open:
        return 0
    prefix = f"pulse:{round_.id}:invite:"
    done = _existing_keys(prefix)
    queued = 0
    for invitation in round_.invitations:
        key = f"{prefix}{invitation.person_id}"
        if key in done or not invitation.person.email:
            continue
        token = issue_token(invitation)
        subject, body = invitation_body(invitation.person, round_, answer_link(token), reminder=False)
        queue_email(invitation.person.email, subject, body, key=key, category="pulse.invitation", commit=False)
        queued += 1
    db.session.commit()
    return queued


def reminders_due(round_: Round, today: date) -> int:
    """How many reminders should have gone out by `today` (0 … max_reminders, none on or after closing)."""
    schedule = round_.schedule
    if today >= round_.closes_on or schedule.reminder_after_days < 1:
        return 0
    steps = (today - round_.opens_on).days // schedule.reminder_after_days
    return max(0, min(steps, schedule.max_reminders, 2))


def send_reminders(round_: Round, today: date | None = None) -> int:
    """Queue one reminder to each invited person who has not answered and is behind schedule. Commits.

    At most `max_reminders` (never more than two) per person; a late run sends one
    reminder, not a burst. Returns the number queued.
    """
    today = today or utcnow().date()
    due = reminders_due(round_, today)
    if due == 0 or not round_.is_open:
        return 0
    answered = set(db.session.scalars(select(Response.person_id).where(Response.round_id == round_.id)))
    queued = 0
    for invitation in round_.invitations:
        if invitation.person_id in answered or invitation.reminders_sent >= due or not invitation.person.email:
            continue
        number = invitation.reminders_sent + 1
        key = f"pulse:{round_.id}:remind{number}:{invitation.person_id}"
        invitation.reminders_sent = due
        if db.session.scalar(select(OutboxMessage.id).where(OutboxMessage.idempotency_key == key)):
            continue
        token = issue_token(invitation)
        subject, body = invitation_body(invitation.person, round_, answer_link(token), reminder=True)
        queue_email(invitation.person.email, subject, body, key=key, category="pulse.reminder", commit=False)
        queued += 1
    db.session.commit()
    return queued


def close_round(round_: Round) -> None:
    """Close a round: no more answers, and every link token of it is deleted. Commits."""
    round_.status = CLOSED
    round_.closed_at = utcnow()
    invitation_ids = select(Invitation.id).where(Invitation.round_id == round_.id)
    for token in db.session.scalars(select(Token).where(Token.invitation_id.in_(invitation_ids))):
        db.session.delete(token)
    db.session.commit()


def close_finished_rounds(today: date | None = None) -> list[Round]:
    """Close every open round whose closing day has come. Commits."""
    today = today or utcnow().date()
    finished = list(db.session.scalars(select(Round).where(Round.status == OPEN, Round.closes_on <= today)))
    for round_ in finished:
        close_round(round_)
    return finished
