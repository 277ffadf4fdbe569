"""Training operations: courses, sessions (mirrored into the plan), enrolment, attendance, coverage.

Functions that change data say so and commit; the plan activity of a session is kept in
step through `plan.services.upsert_linked_activity` so the plan has one source of truth.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import median
from typing import Iterable

from sqlalchemy import func, select

from ..extensions import db
from ..people.models import Department, Person, PersonRole, Team
from ..plan.constants import STATUS_CANCELLED, STATUS_DONE, TYPE_COURSE, TYPE_SUPERUSER_TRAINING
from ..plan.services import delete_linked_activity, upsert_linked_activity
from ..security import SAGSBEHANDLER
from .constants import (ATTENDANCE, ATTENDED, LONG_GAP_DAYS, STATUS_DONE as P_DONE, STATUS_ENROLLED,
                        STATUS_MISSING)
from .models import Course, CourseSession, Enrolment

#: The `source` of plan activities that mirror a course session.
PLAN_SOURCE = "training.session"


# Courses and sessions ----------------------------------------------------------------------
def save_course(course: Course, data: dict) -> Course:
    """Create or update a course from form data (name, kind, description, hours, required, active). Commits."""
    course.name = data["name"].strip()
    course.kind = data["kind"]
    course.description = (data.get("description") or "").strip()
    course.hours = data.get("hours")
    course.required = bool(data.get("required"))
    course.active = bool(data.get("active", True))
    if course.id is None:
        db.session.add(course)
    db.session.flush()
    for session in course.sessions:  # the name or kind shows in the plan
        sync_plan_activity(session)
    db.session.commit()
    return course


def save_session(session: CourseSession, data: dict) -> CourseSession:
    """Create or update a session from form data and mirror it into the plan. Commits."""
    for key in ("day", "start_time", "end_time", "capacity"):
        setattr(session, key, data.get(key))
    session.location = (data.get("location") or "").strip()
    session.online = bool(data.get("online"))
    session.trainer_id = data.get("trainer_id") or None
    session.trainer_name = (data.get("trainer_name") or "").strip()
    session.notes = (data.get("notes") or "").strip()
    session.cancelled = bool(data.get("cancelled"))
    if session.id is None:
        db.session.add(session)
    db.session.flush()
    sync_plan_activity(session)
    db.session.commit()
    return session


def delete_session(session: CourseSession) -> None:
    """Delete a session, its enrolments and its plan activity. Commits."""
    delete_linked_activity(PLAN_SOURCE, session.id)
    db.session.delete(session)
    db.session.commit()


def sync_plan_activity(session: CourseSession) -> None:
    """Create or update the plan activity mirroring `session` (title, time, place, participants, status).

    Whole teams enrolled take part as teams; persons enrolled one by one as persons.
    A cancelled session is cancelled in the plan; a past session with attendance is done.
    Does not commit.
    """
    db.session.flush()
    teams = {e.via_team.id: e.via_team for e in session.enrolments if e.via_team is not None}
    persons = [e.person for e in session.enrolments if e.via_team_id is None]
    status = None
    if session.cancelled:
        status = STATUS_CANCELLED
    elif any(e.attendance for e in session.enrolments):
        status = STATUS_DONE
    course = session.course or db.session.get(Course, session.course_id)
    upsert_linked_activity(
        PLAN_SOURCE, session.id, title=course.name,
        type=TYPE_SUPERUSER_TRAINING if course.is_superuser_training else TYPE_COURSE,
        start=session.day, start_time=session.start_time, end_time=session.end_time,
        location=session.place_label, responsible=session.trainer, teams=list(teams.values()),
        persons=persons, status=status, description=course.description,
    )


def courses_in_order(include_inactive: bool = True) -> list[Course]:
    """Courses, required ones first, then by name."""
    query = select(Course).order_by(Course.required.desc(), Course.name)
    if not include_inactive:
        query = query.where(Course.active.is_(True))
    return list(db.session.scalars(query))


def upcoming_sessions(today: date, limit: int = 20) -> list[CourseSession]:
    """Sessions from `today` on that are not cancelled, soonest first."""
    query = (select(CourseSession).where(CourseSession.day >= today, CourseSession.cancelled.is_(False))
             .order_by(CourseSession.day, CourseSession.start_time).limit(limit))
    return list(db.session.scalars(query))


def trainer_candidates() -> list[Person]:
    """Active persons who may be named as trainer (project leaders, superusers, administrators)."""
    query = (select(Person).where(Person.active.is_(True),
                                  Person.role_rows.any(PersonRole.role.in_(("projektleder", "superbruger", "admin"))))
             .order_by(Person.name))
    return list(db.session.scalars(query))


# Enrolment and attendance -------------------------------------------------------------------
@dataclass
class EnrolResult:
    """What an enrolment did: how many were added, already there, or left out for lack of seats."""

    added: int = 0
    already: int = 0
    full: list[str] = field(default_factory=list)


def enrol(session: CourseSession, persons: Iterable[Person] = (), teams: Iterable[Team] = ()) -> EnrolResult:
    """Enrol `persons` and the active members of `teams` in `session`, up to its capacity.

    Persons already enrolled are skipped; those beyond the capacity are not enrolled and
    are named in the result. Updates the plan activity. Commits.
    """
    result = EnrolResult()
    enrolled = {e.person_id for e in session.enrolments}
    wanted: list[tuple[Person, Team | None]] = [(p, None) for p in persons]
    for team in teams:
        wanted.extend((member, team) for member in team.members if member.active)
    for person, team in wanted:
        if person.id in enrolled:
            result.already += 1
            continue
        if session.capacity is not None and len(enrolled) >= session.capacity:
            result.full.append(person.name)
            continue
        session.enrolments.append(Enrolment(person=person, via_team=team))
        enrolled.add(person.id)
        result.added += 1
    sync_plan_activity(session)
    db.session.commit()
    return result


def unenrol(enrolment: Enrolment) -> None:
    """Remove one enrolment and update the plan activity. Commits."""
    session = enrolment.session
    session.enrolments.remove(enrolment)
    db.session.delete(enrolment)
    sync_plan_activity(session)
    db.session.commit()


def record_attendance(session: CourseSession, marks: dict[int, str | None]) -> int:
    """Set attendance per enrolment id (`None` or '' clears it); unknown ids and values are ignored.

    Returns how many enrolments changed. Marks the plan activity done once attendance is
    recorded. Commits.
    """
    changed = 0
    by_id = {e.id: e for e in session.enrolments}
    for enrolment_id, value in marks.items():
        enrolment = by_id.get(enrolment_id)
        value = value or None
        if enrolment is None or (value is not None and value not in ATTENDANCE):
            continue
        if enrolment.attendance != value:
            enrolment.attendance = value
            changed += 1
    sync_plan_activity(session)
    db.session.commit()
    return changed


def parse_attendance_form(form: dict, mark_all_attended: bool = False,
                          session: CourseSession | None = None) -> dict[int, str | None]:
    """Read `attendance-<enrolment id>` fields from a posted form into {id: value}.

    With `mark_all_attended`, every enrolment of `session` not marked in the form is marked attended.
    """
    marks: dict[int, str | None] = {}
    for key, value in form.items():
        if key.startswith("attendance-") and key[len("attendance-"):].isdigit():
            marks[int(key[len("attendance-"):])] = value or None
    if mark_all_attended and session is not None:
        for enrolment in session.enrolments:
            if not marks.get(enrolment.id):
                marks[enrolment.id] = ATTENDED
    return marks


# Completion and coverage --------------------------------------------------------------------
def classify(done_on: date | None, enrolled_on: date | None, go_live: date | None) -> tuple[str, bool]:
    """Training status and go-live flag for one person and one course.

    Status is done (attended a session), enrolled (in a coming session) or missing. The
    flag is raised when the team has a go-live date and the person will not have the
    course before it: missing, or only enrolled in a session on or after go-live.
    """
    if done_on is not None:
        return P_DONE, False
    if enrolled_on is not None:
        return STATUS_ENROLLED, go_live is not None and enrolled_on >= go_live
    return STATUS_MISSING, go_live is not None


def days_course_to_go_live(done_on: date | None, go_live: date | None) -> int | None:
    """Days from the course to the team's go-live (negative when the course came after go-live)."""
    if done_on is None or go_live is None:
        return None
    return (go_live - done_on).days


@dataclass
class PersonTraining:
    """One person's standing on one course, seen against their team's go-live."""

    person: Person
    status: str
    flagged: bool
    done_on: date | None
    enrolled_on: date | None
    go_live: date | None
    #: The first case the person handled with VUM (from the case register), if any.
    first_case_on: date | None = None

    @property
    def days_to_first_case(self) -> int | None:
        """Days from the course to the person's first case handled with VUM."""
        if self.done_on is None or self.first_case_on is None:
            return None
        return (self.first_case_on - self.done_on).days

    @property
    def days_to_go_live(self) -> int | None:
        """Days from the course to go-live."""
        return days_course_to_go_live(self.done_on, self.go_live)

    @property
    def long_gap(self) -> bool:
        """True when the course came so long before go-live that the method is not used soon after."""
        days = self.days_to_go_live
        return days is not None and days > LONG_GAP_DAYS


@dataclass
class Coverage:
    """Training coverage of a group (a team or a department) for one course."""

    label: str
    go_live: date | None
    people: list[PersonTraining]
    team: Team | None = None

    @property
    def total(self) -> int:
        """Case workers counted."""
        return len(self.people)

    def count(self, status: str) -> int:
        """How many have `status`."""
        return sum(1 for p in self.people if p.status == status)

    @property
    def done(self) -> int:
        """How many have completed the course."""
        return self.count(P_DONE)

    @property
    def percent(self) -> int | None:
        """Share completed, in whole percent (None for an empty group)."""
        return round(100 * self.done / self.total) if self.total else None

    @property
    def flagged(self) -> list[PersonTraining]:
        """Those who will not have the course before go-live."""
        return [p for p in self.people if p.flagged]

    @property
    def median_days_to_first_case(self) -> float | None:
        """Median days from course to first VUM case among those with both."""
        days = [p.days_to_first_case for p in self.people if p.days_to_first_case is not None]
        return median(days) if days else None

    @property
    def median_days_to_go_live(self) -> float | None:
        """Median days from course to go-live among those who completed it."""
        days = [p.days_to_go_live for p in self.people if p.days_to_go_live is not None]
        return median(days) if days else None


def default_course() -> Course | None:
    """The course coverage is measured on by default: the first required, else the first VUM course."""
    courses = courses_in_order(include_inactive=False)
    for course in courses:
        if course.required:
            return course
    return next((c for c in courses if c.kind == "vum"), courses[0] if courses else None)


def _completion_index(course: Course, today: date) -> tuple[dict[int, date], dict[int, date]]:
    """For `course`: {person id: first date attended} and {person id: next enrolled session date}."""
    rows = db.session.execute(
        select(Enrolment.person_id, CourseSession.day, Enrolment.attendance)
        .join(CourseSession, Enrolment.session_id == CourseSession.id)
        .where(CourseSession.course_id == course.id, CourseSession.cancelled.is_(False))
    )
    done: dict[int, date] = {}
    enrolled: dict[int, date] = {}
    for person_id, day, attendance in rows:
        if attendance == ATTENDED:
            done[person_id] = min(day, done.get(person_id, day))
        elif attendance is None and day >= today:
            enrolled[person_id] = min(day, enrolled.get(person_id, day))
    return done, enrolled


def first_vum_cases(person_ids: Iterable[int]) -> dict[int, date]:
    """{person id: date of their first case handled with VUM} from the case register (one query)."""
    from ..cases.models import Case

    ids = list(person_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(Case.caseworker_id, func.min(Case.opened_on))
        .where(Case.handled_with_vum.is_(True), Case.caseworker_id.in_(ids)).group_by(Case.caseworker_id))
    return {person_id: day for person_id, day in rows}


def case_workers_by_team(teams: Iterable[Team]) -> dict[int, list[Person]]:
    """Active case workers of each team, by team id (one query)."""
    team_ids = [t.id for t in teams]
    query = (select(Person).where(Person.team_id.in_(team_ids), Person.active.is_(True),
                                  Person.role_rows.any(PersonRole.role == SAGSBEHANDLER))
             .order_by(Person.name))
    grouped: dict[int, list[Person]] = defaultdict(list)
    for person in db.session.scalars(query):
        grouped[person.team_id].append(person)
    return grouped


def team_coverage(course: Course, teams: Iterable[Team], today: date) -> list[Coverage]:
    """Coverage of `course` per team (active case workers only), in the order given. Reads only."""
    teams = list(teams)
    done, enrolled = _completion_index(course, today)
    members = case_workers_by_team(teams)
    first_cases = first_vum_cases(p.id for people in members.values() for p in people)
    result = []
    for team in teams:
        people = []
        for person in members.get(team.id, []):
            status, flagged = classify(done.get(person.id), enrolled.get(person.id), team.go_live)
            people.append(PersonTraining(person, status, flagged, done.get(person.id),
                                         enrolled.get(person.id), team.go_live, first_cases.get(person.id)))
        result.append(Coverage(team.name, team.go_live, people, team))
    return result


def department_coverage(course: Course, today: date) -> list[tuple[Department | None, Coverage, list[Coverage]]]:
    """Coverage per department (its active teams pooled) with the teams' own coverage. Reads only."""
    teams = list(db.session.scalars(select(Team).where(Team.active.is_(True)).order_by(Team.name)))
    by_team = team_coverage(course, teams, today)
    grouped: dict[int | None, list[Coverage]] = defaultdict(list)
    for coverage in by_team:
        grouped[coverage.team.department_id].append(coverage)
    departments = {d.id: d for d in db.session.scalars(select(Department))}
    result = []
    for dept_id in sorted(grouped, key=lambda i: (departments[i].name if i in departments else "~")):
        team_rows = grouped[dept_id]
        pooled = [p for c in team_rows for p in c.people]
        department = departments.get(dept_id)
        result.append((department, Coverage(department.name if department else "-", None, pooled), team_rows))
    return result


@dataclass
class CourseRecord:
    """One course in a person's training history."""

    course: Course
    session: CourseSession
    attendance: str | None


def person_training(person: Person) -> list[CourseRecord]:
    """Every session `person` is enrolled in, newest first. Reads only."""
    query = (select(Enrolment).join(CourseSession).where(Enrolment.person_id == person.id)
             .order_by(CourseSession.day.desc()))
    return [CourseRecord(e.session.course, e.session, e.attendance) for e in db.session.scalars(query)]


def person_standing(person: Person, today: date) -> list[tuple[Course, PersonTraining]]:
    """The person's standing on every required course (with days to their team's go-live)."""
    go_live = person.team.go_live if person.team else None
    first_case = first_vum_cases([person.id]).get(person.id)
    result = []
    for course in [c for c in courses_in_order(include_inactive=False) if c.required]:
        done, enrolled = _completion_index(course, today)
        status, flagged = classify(done.get(person.id), enrolled.get(person.id), go_live)
        result.append((course, PersonTraining(person, status, flagged, done.get(person.id),
                                              enrolled.get(person.id), go_live, first_case)))
    return result
