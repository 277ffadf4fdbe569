"""Courses, their sessions and who is enrolled in each session (with attendance)."""
from __future__ import annotations

from datetime import date, time

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity
from ..extensions import db
from ..people.models import Person, Team
from .constants import ATTENDANCE, ATTENDANCE_TAGS, COURSE_KINDS, KIND_OTHER, KIND_SUPERUSER


class Course(Entity, db.Model):
    """A course (the VUM course, superuser training, a refresher …); it is held in sessions."""

    __tablename__ = "training_courses"

    name: Mapped[str] = mapped_column(String(160), unique=True, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), default=KIND_OTHER, nullable=False)
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)
    hours: Mapped[int | None] = mapped_column(Integer)
    #: Every case worker must have it before their team goes live (counted in training coverage).
    required: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)

    sessions: Mapped[list["CourseSession"]] = relationship(
        back_populates="course", cascade="all, delete-orphan",
        order_by="CourseSession.day",
    )

    @property
    def kind_label(self) -> str:
        """Danish label of the kind."""
        return str(COURSE_KINDS.get(self.kind, self.kind))

    @property
    def is_superuser_training(self) -> bool:
        """True for extra training for superusers (a different activity type in the plan)."""
        return self.kind == KIND_SUPERUSER


class CourseSession(Entity, db.Model):
    """One holding of a course: a date, time, place (or online), trainer and capacity."""

    __tablename__ = "training_sessions"

    course_id: Mapped[int] = mapped_column(ForeignKey("training_courses.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    location: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    online: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    trainer_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    trainer_name: Mapped[str] = mapped_column(String(160), default="", nullable=False)
    capacity: Mapped[int | None] = mapped_column(Integer)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)

    course: Mapped[Course] = relationship(back_populates="sessions")
    trainer: Mapped[Person | None] = relationship()
    enrolments: Mapped[list["Enrolment"]] = relationship(
        back_populates="session", cascade="all, delete-orphan", lazy="selectin"
    )

    def __repr__(self) -> str:
        return f"<CourseSession {self.id} {self.course_id} {self.day}>"

    @property
    def title(self) -> str:
        """The course name (sessions are named by their course and date)."""
        return self.course.name if self.course else ""

    @property
    def trainer_label(self) -> str:
        """The trainer's name, whether a person in the system or an external name."""
        return self.trainer.name if self.trainer else self.trainer_name

    @property
    def place_label(self) -> str:
        """Where: the location, 'Online', or both."""
        if self.online:
            return f"Online · {self.location}" if self.location else "Online"
        return self.location

    @property
    def seats_left(self) -> int | None:
        """Free seats (None when the capacity is open)."""
        if self.capacity is None:
            return None
        return max(self.capacity - len(self.enrolments), 0)

    def counts(self) -> dict[str, int]:
        """How many are enrolled, attended, excused, no-show and not yet registered."""
        result = {"enrolled": len(self.enrolments), "unregistered": 0}
        for key in ATTENDANCE:
            result[key] = 0
        for enrolment in self.enrolments:
            if enrolment.attendance in ATTENDANCE:
                result[enrolment.attendance] += 1
            else:
                result["unregistered"] += 1
        return result


class Enrolment(Entity, db.Model):
    """One person enrolled in one session; `attendance` is None until it is registered."""

    __tablename__ = "training_enrolments"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("training_sessions.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    #: Set when the person was enrolled as part of a whole team.
    via_team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))
    attendance: Mapped[str | None] = mapped_column(String(12))

    session: Mapped[CourseSession] = relationship(back_populates="enrolments")
    person: Mapped[Person] = relationship(lazy="joined")
    via_team: Mapped[Team | None] = relationship()

    def __repr__(self) -> str:
        return f"<Enrolment {self.session_id} {self.person_id} {self.attendance}>"

    @property
    def attendance_label(self) -> str:
        """Danish label of the attendance ('' when not registered)."""
        return str(ATTENDANCE.get(self.attendance, "")) if self.attendance else ""

    @property
    def attendance_tag(self) -> str:
        """CSS modifier for the attendance tag."""
        return ATTENDANCE_TAGS.get(self.attendance or "", "status-neutral")
