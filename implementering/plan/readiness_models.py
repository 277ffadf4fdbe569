"""Readiness checklists (one per focus area) and the communication plan."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity
from ..extensions import db
from ..people.models import Person
from .constants import (AUDIENCES, CHANNELS, COMM_STATUS_TAGS, COMM_STATUSES, FOCUS_AREAS,
                        READINESS_ANSWERS)


class ReadinessItem(Entity, db.Model):
    """One readiness question of a focus area's checklist with its answer, owner, due date and note."""

    __tablename__ = "plan_readiness_items"

    focus_area: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    question: Mapped[str] = mapped_column(String(500), nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    #: Stable key of a default question (None for questions the project leader added).
    default_key: Mapped[str | None] = mapped_column(String(60), unique=True)
    answer: Mapped[str | None] = mapped_column(String(20))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    due_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)

    owner: Mapped[Person | None] = relationship()

    @property
    def focus_area_label(self) -> str:
        """Danish label of the focus area."""
        return str(FOCUS_AREAS.get(self.focus_area, self.focus_area))

    @property
    def answer_label(self) -> str:
        """Danish label of the answer ('' when unanswered)."""
        return str(READINESS_ANSWERS.get(self.answer, "")) if self.answer else ""


class CommunicationItem(Entity, db.Model):
    """One row of the communication plan: who hears what, how, when, from whom."""

    __tablename__ = "plan_communication_items"

    audience: Mapped[str] = mapped_column(String(40), nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False)
    channel: Mapped[str] = mapped_column(String(40), nullable=False)
    planned_on: Mapped[date | None] = mapped_column(Date)
    #: Free-text timing when no exact date is known yet ("før go-live", "hver måned").
    timing: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="planlagt", nullable=False)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("plan_activities.id", ondelete="SET NULL"))

    responsible: Mapped[Person | None] = relationship()
    activity = relationship("Activity")

    @property
    def audience_label(self) -> str:
        """Danish label of the audience."""
        return str(AUDIENCES.get(self.audience, self.audience))

    @property
    def channel_label(self) -> str:
        """Danish label of the channel."""
        return str(CHANNELS.get(self.channel, self.channel))

    @property
    def status_label(self) -> str:
        """Danish label of the status."""
        return str(COMM_STATUSES.get(self.status, self.status))

    @property
    def status_tag(self) -> str:
        """CSS modifier for the status tag."""
        return COMM_STATUS_TAGS.get(self.status, "status-neutral")
