"""The superuser support log, questions and answers, experience meetings, learnings and actions."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity
from ..extensions import db
from ..people.models import Person, Team
from .constants import ACTION_OPEN, LEARNING_CATEGORIES, PHASES, PRINCIPLES, QUESTION_OPEN, SESSION_KINDS, split_keys


class SupportSession(Entity, db.Model):
    """One logged piece of superuser support: sparring, a team meeting, a case review …"""

    __tablename__ = "support_sessions"

    superuser_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    participant_count: Mapped[int | None] = mapped_column(Integer)
    participant_names: Mapped[str] = mapped_column(String(400), default="", nullable=False)
    #: Comma lists of keys from constants.PRINCIPLES and constants.PHASES.
    principles: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    phases: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    #: Team meetings: the two cases discussed (pseudonymous references only) and the next presenter.
    case_ref_1: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    case_ref_2: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    next_presenter: Mapped[str] = mapped_column(String(200), default="", nullable=False)

    superuser: Mapped[Person | None] = relationship(lazy="joined")
    team: Mapped[Team | None] = relationship(lazy="joined")
    questions: Mapped[list["Question"]] = relationship(back_populates="session", order_by="Question.id")

    def __repr__(self) -> str:
        return f"<SupportSession {self.id} {self.kind} {self.day}>"

    @property
    def kind_label(self) -> str:
        """Danish label of the kind."""
        return str(SESSION_KINDS.get(self.kind, self.kind))

    @property
    def principle_keys(self) -> list[str]:
        """The principles touched, as keys."""
        return split_keys(self.principles, PRINCIPLES)

    @property
    def phase_keys(self) -> list[str]:
        """The case phases touched, as keys."""
        return split_keys(self.phases, PHASES)

    @property
    def principle_labels(self) -> list[str]:
        """The principles touched, in Danish."""
        return [str(PRINCIPLES[k]) for k in self.principle_keys]

    @property
    def phase_labels(self) -> list[str]:
        """The case phases touched, in Danish."""
        return [str(PHASES[k]) for k in self.phase_keys]

    @property
    def hours(self) -> float:
        """Duration in hours."""
        return self.minutes / 60


class Question(Entity, db.Model):
    """A question raised in support; answered once, it joins the shared knowledge base."""

    __tablename__ = "support_questions"

    text: Mapped[str] = mapped_column(Text, nullable=False)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("support_sessions.id", ondelete="SET NULL"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"), index=True)
    asked_by_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    principle: Mapped[str | None] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(12), default=QUESTION_OPEN, nullable=False, index=True)
    answer: Mapped[str] = mapped_column(Text, default="", nullable=False)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)

    session: Mapped[SupportSession | None] = relationship(back_populates="questions")
    team: Mapped[Team | None] = relationship()
    asked_by: Mapped[Person | None] = relationship(foreign_keys=[asked_by_id])
    answered_by: Mapped[Person | None] = relationship(foreign_keys=[answered_by_id])

    def __repr__(self) -> str:
        return f"<Question {self.id} {self.status}>"

    @property
    def is_open(self) -> bool:
        """Not answered yet."""
        return self.status == QUESTION_OPEN

    @property
    def principle_label(self) -> str:
        """Danish label of the principle ('' when none)."""
        return str(PRINCIPLES.get(self.principle, "")) if self.principle else ""


class ExperienceMeeting(Entity, db.Model):
    """An experience meeting (erfaringsopsamling) for one team or for everyone; mirrored into the plan."""

    __tablename__ = "support_meetings"

    title: Mapped[str] = mapped_column(String(200), nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"), index=True)
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    participant_count: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="", nullable=False)

    team: Mapped[Team | None] = relationship()
    facilitator: Mapped[Person | None] = relationship()
    learnings: Mapped[list["Learning"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Learning.id"
    )
    actions: Mapped[list["Action"]] = relationship(back_populates="meeting", order_by="Action.due")

    def learnings_by_category(self) -> list[tuple[str, str, list["Learning"]]]:
        """(key, label, learnings) for each category, in the fixed order."""
        return [(key, str(label), [item for item in self.learnings if item.category == key])
                for key, label in LEARNING_CATEGORIES.items()]


class Learning(Entity, db.Model):
    """One thing an experience meeting learned: what works, what is hard, criticism, uncertainty, a result."""

    __tablename__ = "support_learnings"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("support_meetings.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(20), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)

    meeting: Mapped[ExperienceMeeting] = relationship(back_populates="learnings")
    actions: Mapped[list["Action"]] = relationship(back_populates="learning")

    def __repr__(self) -> str:
        return f"<Learning {self.id} {self.category}>"

    @property
    def category_label(self) -> str:
        """Danish label of the category."""
        return str(LEARNING_CATEGORIES.get(self.category, self.category))


class Action(Entity, db.Model):
    """A tracked action from a learning: owner, due date, open until closed; mirrored into the plan."""

    __tablename__ = "support_actions"

    title: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("support_meetings.id", ondelete="SET NULL"), index=True)
    learning_id: Mapped[int | None] = mapped_column(ForeignKey("support_learnings.id", ondelete="SET NULL"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    due: Mapped[date] = mapped_column(Date, nullable=False)
    status: Mapped[str] = mapped_column(String(10), default=ACTION_OPEN, nullable=False, index=True)
    closed_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(Text, default="", nullable=False)

    meeting: Mapped[ExperienceMeeting | None] = relationship(back_populates="actions")
    learning: Mapped[Learning | None] = relationship(back_populates="actions")
    owner: Mapped[Person | None] = relationship()

    @property
    def is_open(self) -> bool:
        """Not closed yet."""
        return self.status == ACTION_OPEN

    def age_days(self, today: date) -> int:
        """Days since the action was created."""
        return (today - self.created_at.date()).days

