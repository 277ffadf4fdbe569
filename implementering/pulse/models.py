"""Question sets (with versioned wording), schedules, rounds and invitations.

What people answered lives apart, in `answer_models.py`: nothing here points at an
answer, and nothing there points at a person.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import (Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Table, UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity
from ..extensions import db
from ..i18n import _l

SCALE = "scale"
COMMENT = "comment"
ITEM_KINDS = {SCALE: _l("Skala 1–5"), COMMENT: _l("Kommentar (fritekst)")}

#: The 1–5 agreement scale shown on every scale item.
SCALE_LABELS = {
    1: _l("Helt uenig"),
    2: _l("Uenig"),
    3: _l("Hverken enig eller uenig"),
    4: _l("Enig"),
    5: _l("Helt enig"),
}

PLANNED, OPEN, CLOSED = "planned", "open", "closed"
ROUND_STATUS = {PLANNED: _l("Planlagt"), OPEN: _l("Åben"), CLOSED: _l("Lukket")}


class QuestionSet(Entity, db.Model):
    """A named set of pulse items; schedules use one set each."""

    __tablename__ = "pulse_question_sets"

    key: Mapped[str] = mapped_column(String(60), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    description: Mapped[str] = mapped_column(String(500), default="", nullable=False)

    items: Mapped[list["Item"]] = relationship(back_populates="question_set",
                                               order_by="(Item.position, Item.version)")

    @property
    def current_items(self) -> list["Item"]:
        """The items in use now (the newest wording of each), in order."""
        return [item for item in self.items if item.active]


class Item(Entity, db.Model):
    """One wording of one question. Changing the wording makes a new row (version + 1).

    Answers point at the row they were given to, so a trend never mixes two wordings.
    """

    __tablename__ = "pulse_items"
    __table_args__ = (UniqueConstraint("question_set_id", "key", "version"),)

    question_set_id: Mapped[int] = mapped_column(ForeignKey("pulse_question_sets.id"), index=True)
    #: Stable name of the question across versions, e.g. 'motivation'.
    key: Mapped[str] = mapped_column(String(60), nullable=False)
    version: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    label: Mapped[str] = mapped_column(String(60), nullable=False)
    text: Mapped[str] = mapped_column(String(300), nullable=False)
    kind: Mapped[str] = mapped_column(String(10), default=SCALE, nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    #: False once a newer wording replaced it (or it was taken out of the set).
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)

    question_set: Mapped[QuestionSet] = relationship(back_populates="items")

    @property
    def is_scale(self) -> bool:
        """True for 1–5 items, False for the free-text comment."""
        return self.kind == SCALE

    @property
    def series_label(self) -> str:
        """Label used in charts: the version is named once there is more than one."""
        return self.label if self.version == 1 else f"{self.label} (v{self.version})"


#: Which teams a schedule covers; a team follows at most one schedule.
schedule_teams = Table(
    "pulse_schedule_teams",
    db.Model.metadata,
    Column("schedule_id", Integer, ForeignKey("pulse_schedules.id", ondelete="CASCADE"), primary_key=True),
    Column("team_id", Integer, ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True, unique=True),
)


class Schedule(Entity, db.Model):
    """When a group of teams gets a pulse: cadence, how long it is open, reminders."""

    __tablename__ = "pulse_schedules"

    name: Mapped[str] = mapped_column(String(120), unique=True, nullable=False)
    question_set_id: Mapped[int] = mapped_column(ForeignKey("pulse_question_sets.id"), index=True)
    first_round_on: Mapped[date] = mapped_column(Date, nullable=False)
    cadence_weeks: Mapped[int] = mapped_column(Integer, default=4, nullable=False)
    open_days: Mapped[int] = mapped_column(Integer, default=7, nullable=False)
    reminder_after_days: Mapped[int] = mapped_column(Integer, default=3, nullable=False)
    max_reminders: Mapped[int] = mapped_column(Integer, default=2, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)

    question_set: Mapped[QuestionSet] = relationship()
    teams = relationship("Team", secondary=schedule_teams, order_by="Team.name")
    rounds: Mapped[list["Round"]] = relationship(back_populates="schedule", order_by="Round.opens_on")


#: The items a round asks, frozen when it opens.
round_items = Table(
    "pulse_round_items",
    db.Model.metadata,
    Column("round_id", Integer, ForeignKey("pulse_rounds.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", Integer, ForeignKey("pulse_items.id"), primary_key=True),
)


class Round(Entity, db.Model):
    """One pulse for the teams of a schedule: open from `opens_on`, closed on `closes_on`."""

    __tablename__ = "pulse_rounds"
    __table_args__ = (UniqueConstraint("schedule_id", "opens_on"),)

    schedule_id: Mapped[int] = mapped_column(ForeignKey("pulse_schedules.id"), index=True)
    opens_on: Mapped[date] = mapped_column(Date, nullable=False)
    closes_on: Mapped[date] = mapped_column(Date, nullable=False)
    status: Mapped[str] = mapped_column(String(10), default=OPEN, nullable=False, index=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)

    schedule: Mapped[Schedule] = relationship(back_populates="rounds")
    items: Mapped[list[Item]] = relationship(secondary=round_items, order_by="Item.position")
    invitations: Mapped[list["Invitation"]] = relationship(back_populates="round")

    @property
    def is_open(self) -> bool:
        """True while answers are accepted."""
        return self.status == OPEN

    @property
    def last_day(self) -> date:
        """The last day answers are accepted (the day before `closes_on`)."""
        return self.closes_on - timedelta(days=1)

    @property
    def scale_items(self) -> list[Item]:
        """The 1–5 items of this round, in order."""
        return [item for item in self.items if item.is_scale]

    @property
    def title(self) -> str:
        """'Puls uge 48, 2026' style label."""
        return f"{_l('Puls')} {_l('uge')} {self.opens_on.isocalendar()[1]}, {self.opens_on.isocalendar()[0]}"

    def __repr__(self) -> str:
        return f"<Round {self.id} {self.opens_on} {self.status}>"


class Invitation(Entity, db.Model):
    """That a person was asked to answer a round, and from which team.

    Used for reminders and response rates only. Whether the person answered is kept
    in `Response` (no timestamps); the answer itself never points back here.
    """

    __tablename__ = "pulse_invitations"
    __table_args__ = (UniqueConstraint("round_id", "person_id"),)

    round_id: Mapped[int] = mapped_column(ForeignKey("pulse_rounds.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    #: The person's team when the round opened; answers are counted there.
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    reminders_sent: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    round: Mapped[Round] = relationship(back_populates="invitations")
    person = relationship("Person")
    team = relationship("Team")
    tokens: Mapped[list["Token"]] = relationship(back_populates="invitation", cascade="all, delete-orphan")


class Token(db.Model):
    """The SHA-256 hash of a one-time link sent to a person (the link itself is never stored)."""

    __tablename__ = "pulse_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(ForeignKey("pulse_invitations.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False, info={"cpr_exempt": True})

    invitation: Mapped[Invitation] = relationship(back_populates="tokens")

    def __repr__(self) -> str:
        return f"<Token {self.id} invitation={self.invitation_id}>"


class Response(db.Model):
    """That `person_id` has answered `round_id`: nothing more (no time, no link to the answer).

    The composite primary key is the database's guarantee of one answer per person
    per round, also under concurrent submits; no surrogate id records the order.
    """

    __tablename__ = "pulse_responses"

    round_id: Mapped[int] = mapped_column(ForeignKey("pulse_rounds.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True)

    def __repr__(self) -> str:
        return f"<Response round={self.round_id}>"


from .answer_models import Answer, AnswerValue, Comment  # noqa: E402,F401
from .warning_models import EarlyWarning  # noqa: E402,F401
