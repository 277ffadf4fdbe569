"""Activities of the rollout plan: activities, series, change history, rollouts and calendar tokens.

Goals live in `goal_models`, readiness checklists and the communication plan in
`readiness_models`; all are imported at the bottom so `plan.models` exposes every model.
"""
from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, String, Table, Text,
                        Time, UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity, utcnow
from ..extensions import db
from ..people.models import Person, Team
from .constants import (ACTIVITY_STATUSES, ACTIVITY_TYPES, CLOSED_STATUSES, FOCUS_AREAS, STATUS_PLANNED,
                        STATUS_TAGS, TYPE_OTHER)

#: Persons taking part in an activity.
activity_persons = Table(
    "plan_activity_persons",
    db.Model.metadata,
    Column("activity_id", Integer, ForeignKey("plan_activities.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", Integer, ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True),
)

#: Whole teams taking part in an activity.
activity_teams = Table(
    "plan_activity_teams",
    db.Model.metadata,
    Column("activity_id", Integer, ForeignKey("plan_activities.id", ondelete="CASCADE"), primary_key=True),
    Column("team_id", Integer, ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
)


class Rollout(Entity, db.Model):
    """A rollout drafted by the wizard: a common go-live date, or one per team when staggered."""

    __tablename__ = "plan_rollouts"

    name: Mapped[str] = mapped_column(String(160), nullable=False)
    go_live: Mapped[date] = mapped_column(Date, nullable=False)
    staggered: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))

    teams: Mapped[list["RolloutTeam"]] = relationship(
        back_populates="rollout", cascade="all, delete-orphan", order_by="RolloutTeam.go_live"
    )
    created_by: Mapped[Person | None] = relationship()

    def go_live_for(self, team_id: int | None) -> date:
        """The go-live date of `team_id` in this rollout (the common date when not staggered)."""
        for row in self.teams:
            if row.team_id == team_id:
                return row.go_live
        return self.go_live


class RolloutTeam(db.Model):
    """One team in a rollout with its own go-live date."""

    __tablename__ = "plan_rollout_teams"
    __table_args__ = (UniqueConstraint("rollout_id", "team_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rollout_id: Mapped[int] = mapped_column(ForeignKey("plan_rollouts.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    go_live: Mapped[date] = mapped_column(Date, nullable=False)

    rollout: Mapped[Rollout] = relationship(back_populates="teams")
    team: Mapped[Team] = relationship()

    def __repr__(self) -> str:
        return f"<RolloutTeam {self.team_id} {self.go_live}>"


class ActivitySeries(Entity, db.Model):
    """A recurring activity: every `interval_weeks` weeks, `count` times; occurrences are Activities."""

    __tablename__ = "plan_activity_series"

    title: Mapped[str] = mapped_column(String(200), nullable=False)
    interval_weeks: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    count: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    first_date: Mapped[date] = mapped_column(Date, nullable=False)

    activities: Mapped[list["Activity"]] = relationship(back_populates="series", order_by="Activity.start_date")


class Activity(Entity, db.Model):
    """One activity of the rollout plan (a meeting, a course session, a piece of communication …).

    `source`/`source_id` mark activities owned by another domain (e.g. a training course
    session): they are kept in step by that domain through `services.upsert_linked_activity`
    and edited there. `rollout_id`/`anchor_team_id`/`offset_days`/`span_days` tie a drafted
    activity to a go-live date so it moves when the go-live date moves.
    """

    __tablename__ = "plan_activities"
    __table_args__ = (
        UniqueConstraint("source", "source_id"),
        Index("ix_plan_activities_dates", "start_date", "end_date"),
    )

    title: Mapped[str] = mapped_column(String(200), nullable=False)
    type: Mapped[str] = mapped_column(String(30), default=TYPE_OTHER, nullable=False)
    focus_area: Mapped[str | None] = mapped_column(String(40), index=True)
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)
    start_date: Mapped[date] = mapped_column(Date, nullable=False)
    end_date: Mapped[date] = mapped_column(Date, nullable=False)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    completed_on: Mapped[date | None] = mapped_column(Date)
    location: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    responsible_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default=STATUS_PLANNED, nullable=False, index=True)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_activity_series.id", ondelete="SET NULL"), index=True
    )
    source: Mapped[str | None] = mapped_column(String(40))
    source_id: Mapped[int | None] = mapped_column(Integer)
    rollout_id: Mapped[int | None] = mapped_column(ForeignKey("plan_rollouts.id", ondelete="SET NULL"), index=True)
    anchor_team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))
    offset_days: Mapped[int | None] = mapped_column(Integer)
    span_days: Mapped[int | None] = mapped_column(Integer)

    responsible: Mapped[Person | None] = relationship(foreign_keys=[responsible_id])
    persons: Mapped[list[Person]] = relationship(secondary=activity_persons, order_by="Person.name")
    teams: Mapped[list[Team]] = relationship(secondary=activity_teams, order_by="Team.name")
    series: Mapped[ActivitySeries | None] = relationship(back_populates="activities")
    rollout: Mapped[Rollout | None] = relationship()
    anchor_team: Mapped[Team | None] = relationship(foreign_keys=[anchor_team_id])
    changes: Mapped[list["ActivityChange"]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="ActivityChange.changed_at.desc()"
    )

    # Labels and derived state ---------------------------------------------------------
    @property
    def type_label(self) -> str:
        """Danish label of the activity type."""
        return str(ACTIVITY_TYPES.get(self.type, self.type))

    @property
    def status_label(self) -> str:
        """Danish label of the status."""
        return str(ACTIVITY_STATUSES.get(self.status, self.status))

    @property
    def status_tag(self) -> str:
        """CSS modifier for the status tag."""
        return STATUS_TAGS.get(self.status, "status-neutral")

    @property
    def focus_area_label(self) -> str:
        """Danish label of the focus area ('' when none)."""
        return str(FOCUS_AREAS.get(self.focus_area, self.focus_area or ""))

    @property
    def is_closed(self) -> bool:
        """Done or cancelled."""
        return self.status in CLOSED_STATUSES

    def days_overdue(self, today: date) -> int:
        """Days past the end date while not done or cancelled; 0 when not overdue."""
        if self.is_closed or self.end_date >= today:
            return 0
        return (today - self.end_date).days

    @property
    def is_linked(self) -> bool:
        """True when another domain owns the activity (edit it there)."""
        return bool(self.source)


class ActivityChange(db.Model):
    """One change of one field of an activity: who, when, from what to what."""

    __tablename__ = "plan_activity_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("plan_activities.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    field: Mapped[str] = mapped_column(String(40), nullable=False)
    old_value: Mapped[str] = mapped_column(Text, default="", nullable=False)
    new_value: Mapped[str] = mapped_column(Text, default="", nullable=False)

    activity: Mapped[Activity] = relationship(back_populates="changes")
    person: Mapped[Person | None] = relationship()

    def __repr__(self) -> str:
        return f"<ActivityChange {self.activity_id} {self.field}>"


class CalendarToken(Entity, db.Model):
    """A secret, revocable token for an iCalendar feed: a person's own activities, or the whole plan."""

    __tablename__ = "plan_calendar_tokens"
    __table_args__ = (UniqueConstraint("person_id", "scope"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    #: "person" (my activities) or "plan" (every activity; project leaders only).
    scope: Mapped[str] = mapped_column(String(10), default="person", nullable=False)
    token: Mapped[str] = mapped_column(String(64), unique=True, nullable=False, info={"cpr_exempt": True})

    person: Mapped[Person] = relationship()


from .goal_models import Goal, GoalReading  # noqa: E402,F401
from .readiness_models import CommunicationItem, ReadinessItem  # noqa: E402,F401
