"""Pulse services: question sets and item versions, schedules, tokens, answering and who sees what."""
from __future__ import annotations

import hashlib
import secrets
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..database import utcnow
from ..extensions import db
from ..people.models import Team
from ..privacy import effective_min_group_size
from ..security import ADMIN, LEDELSE, PROJEKTLEDER, SUPERBRUGER
from .models import (COMMENT, OPEN, Answer, AnswerValue, Comment, Invitation, Item, QuestionSet, Response, Round,
                     Schedule, Token)

#: The outcome of a submit: saved, this person had already answered, or the round is not open.
SAVED, ALREADY, CLOSED = "saved", "already", "closed"


# --- settings -------------------------------------------------------------------------------------

def min_group_size() -> int:
    """The minimum number of answers behind any shown figure (the setting, never below the floor)."""
    from ..settings.services import municipality

    row = municipality()
    return effective_min_group_size(row.pulse_min_group_size if row else None)


# --- question sets --------------------------------------------------------------------------------

def question_sets() -> list[QuestionSet]:
    """Every question set, by name."""
    return list(db.session.scalars(select(QuestionSet).order_by(QuestionSet.name)))


def reword_item(item: Item, text: str, label: str | None = None) -> Item:
    """Give an item new wording: the old row is retired and a new version takes its place. Commits.

    Rounds already opened keep asking (and reporting) the old wording; a change of label
    alone (same wording) is kept on the same version.
    """
    text, label = text.strip(), (label or item.label).strip()
    if text == item.text:
        item.label = label
        db.session.commit()
        return item
    item.active = False
    newest = db.session.scalar(select(func.max(Item.version)).where(
        Item.question_set_id == item.question_set_id, Item.key == item.key)) or item.version
    new = Item(question_set_id=item.question_set_id, key=item.key, version=newest + 1, label=label, text=text,
               kind=item.kind, position=item.position, active=True)
    db.session.add(new)
    db.session.commit()
    return new


def add_item(question_set: QuestionSet, data: dict) -> Item:
    """Add a new question to a set (version 1, placed last). Commits."""
    key = data["key"].strip().lower()
    position = max((item.position for item in question_set.items), default=-1) + 1
    item = Item(question_set=question_set, key=key, version=1, label=data["label"].strip(),
                text=data["text"].strip(), kind=data["kind"], position=position, active=True)
    db.session.add(item)
    db.session.commit()
    return item


def retire_item(item: Item) -> None:
    """Take an item out of future rounds (its answers stay). Commits."""
    item.active = False
    db.session.commit()


# --- schedules ------------------------------------------------------------------------------------

def schedules() -> list[Schedule]:
    """Every schedule, by name."""
    return list(db.session.scalars(select(Schedule).order_by(Schedule.name)))


def save_schedule(schedule: Schedule, data: dict, teams: list[Team]) -> Schedule:
    """Create or update a schedule and the teams it covers. Commits.

    A team follows at most one schedule: teams chosen here leave any other schedule.
    """
    for field in ("name", "first_round_on", "cadence_weeks", "open_days", "reminder_after_days",
                  "max_reminders", "question_set_id"):
        setattr(schedule, field, data[field].strip() if isinstance(data[field], str) else data[field])
    schedule.active = bool(data.get("active", True))
    for other in schedules():
        if other is not schedule:
            other.teams = [team for team in other.teams if team not in teams]
    db.session.flush()
    schedule.teams = list(teams)
    db.session.add(schedule)
    db.session.commit()
    return schedule


# --- tokens ---------------------------------------------------------------------------------------

def hash_token(token: str) -> str:
    """SHA-256 of a link token (tokens are long and random, so no salt or stretching is needed)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(invitation: Invitation) -> str:
    """Make a new random link token for `invitation`; only its hash is stored (not committed).

    Earlier tokens of the invitation stay valid until the person answers or the round closes,
    so the link in the first e-mail still works after a reminder.
    """
    token = secrets.token_urlsafe(32)
    invitation.tokens.append(Token(token_hash=hash_token(token)))
    return token


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link token belongs to, or None for an unknown (or expired) token."""
    if not token or len(token) > 100:
        return None
    found = db.session.scalar(select(Token).where(Token.token_hash == hash_token(token)))
    return found.invitation if found else None


# --- answering ------------------------------------------------------------------------------------

def has_answered(round_: Round, person_id: int) -> bool:
    """True when the person has answered the round."""
    return db.session.get(Response, (round_.id, person_id)) is not None


def open_invitations_for(person) -> list[Invitation]:
    """The person's invitations to rounds that are open and not yet answered."""
    answered = select(Response.round_id).where(Response.person_id == person.id)
    stmt = (select(Invitation).join(Round).where(Invitation.person_id == person.id, Round.status == OPEN,
                                                  Invitation.round_id.not_in(answered))
            .order_by(Round.closes_on))
    return list(db.session.scalars(stmt))


def submit_answer(invitation: Invitation, scores: dict[int, int], comment: str | None,
                  today: date | None = None) -> str:
    """Store one anonymous answer for the invitation's person. Commits.

    Writes who answered (`Response`) and what was answered (`Answer`, `AnswerValue`, an
    optional `Comment`) in one transaction, none pointing at the other. The Response's
    primary key makes a second or concurrent submit fail, so it returns ALREADY and
    stores nothing; a round that is not open returns CLOSED.
    """
    round_ = invitation.round
    if not round_.is_open:
        return CLOSED
    if has_answered(round_, invitation.person_id):
        return ALREADY
    today = today or utcnow().date()
    wanted = {item.id for item in round_.scale_items}
    if set(scores) != wanted or any(v not in (1, 2, 3, 4, 5) for v in scores.values()):
        raise ValueError("every scale item of the round needs a score from 1 to 5")
    try:
        db.session.add(Response(round_id=round_.id, person_id=invitation.person_id))
        db.session.flush()
        answer = Answer(round_id=round_.id, team_id=invitation.team_id, answered_on=today,
                        values=[AnswerValue(item_id=item_id, value=value) for item_id, value in scores.items()])
        db.session.add(answer)
        text = (comment or "").strip()
        comment_item = next((item for item in round_.items if item.kind == COMMENT), None)
        if text and comment_item is not None:
            db.session.add(Comment(round_id=round_.id, team_id=invitation.team_id, item_id=comment_item.id,
                                   text=text[:2000]))
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return ALREADY
    return SAVED


# --- who sees which teams -------------------------------------------------------------------------

def sees_all_teams(person) -> bool:
    """Project leaders, leadership and administrators see every team's published results."""
    return person.has_any_role((ADMIN, PROJEKTLEDER, LEDELSE))


def visible_teams(person) -> list[Team]:
    """Teams whose published results `person` may see: all, supported teams, or the own team."""
    if sees_all_teams(person):
        return list(db.session.scalars(select(Team).order_by(Team.name)))
    teams = {}
    if person.has_role(SUPERBRUGER):
        teams.update({team.id: team for team in person.supported_teams})
    if person.team is not None:
        teams[person.team.id] = person.team
    return sorted(teams.values(), key=lambda team: team.name)
