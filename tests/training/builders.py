"""Builders for training test data: courses, sessions and enrolments with sensible defaults."""
from __future__ import annotations

import itertools
from datetime import date, timedelta

from implementering.extensions import db
from implementering.training.models import Course, CourseSession, Enrolment
from implementering.training.services import sync_plan_activity

_counter = itertools.count(1)


def make_course(name: str | None = None, kind: str = "vum", required: bool = True, **kwargs) -> Course:
    """A course (required before go-live unless told otherwise)."""
    course = Course(name=name or f"Kursus {next(_counter)}", kind=kind, required=required, **kwargs)
    db.session.add(course)
    db.session.commit()
    return course


def make_session(course: Course | None = None, day: date | None = None, **kwargs) -> CourseSession:
    """A session of `course` (a new required course unless given), mirrored into the plan."""
    session = CourseSession(course=course or make_course(), day=day or date.today() + timedelta(days=14),
                            **kwargs)
    db.session.add(session)
    db.session.flush()
    sync_plan_activity(session)
    db.session.commit()
    return session


def make_enrolment(session: CourseSession, person, attendance: str | None = None) -> Enrolment:
    """Enrol `person` in `session`, optionally with attendance recorded."""
    enrolment = Enrolment(session=session, person=person, attendance=attendance)
    db.session.add(enrolment)
    db.session.commit()
    return enrolment
