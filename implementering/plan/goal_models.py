"""SMART rollout goals and the values recorded for them over time."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity
from ..extensions import db
from ..people.models import Person


class Goal(Entity, db.Model):
    """A SMART goal: text, a measure (computed by the app or entered by hand), target, deadline, owner."""

    __tablename__ = "plan_goals"

    text: Mapped[str] = mapped_column(Text, nullable=False)
    #: A key of `goals.MEASURES` ("manual" means the owner enters the value).
    measure: Mapped[str] = mapped_column(String(40), nullable=False)
    #: What the manual measure is called (e.g. "andel nye sager i VUM"); empty for computed measures.
    measure_label: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    unit: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    baseline: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float] = mapped_column(Float, nullable=False)
    #: True when a higher value is better (most measures); False for e.g. "overdue activities".
    higher_is_better: Mapped[bool] = mapped_column(default=True, nullable=False)
    start_date: Mapped[date] = mapped_column(Date, nullable=False)
    deadline: Mapped[date] = mapped_column(Date, nullable=False)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)

    owner: Mapped[Person | None] = relationship()
    readings: Mapped[list["GoalReading"]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="GoalReading.recorded_on"
    )

    def __repr__(self) -> str:
        return f"<Goal {self.id} {self.measure}>"


class GoalReading(Entity, db.Model):
    """A value of a goal's measure on a day (entered by the owner, or a snapshot of a computed one)."""

    __tablename__ = "plan_goal_readings"

    goal_id: Mapped[int] = mapped_column(ForeignKey("plan_goals.id", ondelete="CASCADE"), index=True)
    recorded_on: Mapped[date] = mapped_column(Date, nullable=False)
    value: Mapped[float] = mapped_column(nullable=False)
    note: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))

    goal: Mapped[Goal] = relationship(back_populates="readings")
