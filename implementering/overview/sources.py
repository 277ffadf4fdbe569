"""What the overview reads from the other domains: one function per figure, aggregated in SQL.

Each function runs a fixed number of GROUP BY queries over the teams in scope, whatever
their number, and returns plain numbers keyed by team id (never model objects in bulk).
Each is tolerant of a domain with no data yet (an empty result, never an error). Dates are
truncated to weeks and months in the database with the dialect's own function.

Pulse figures obey the anonymity rules: only closed rounds are read, and a team's
figure for a round (a *cell*) is used only when it holds at least the minimum number
of answers; every larger figure is pooled from such cells only (see analytics.pulse).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from sqlalchemy import Date, and_, case, cast, func, select
from sqlalchemy.orm import joinedload

from ..analytics.compass import Quarter
from ..extensions import db
from ..people.models import Department, Person, PersonRole, Team
from ..security import SAGSBEHANDLER

WEEK, MONTH = "week", "month"


# --- scope ------------------------------------------------------------------------------------

@dataclass
class Scope:
    """The teams and period an overview page shows."""

    teams: list[Team]
    today: date
    since: date
    department_id: int | None = None
    team_id: int | None = None
    months: int = 12
    departments: list[Department] = field(default_factory=list)

    @property
    def team_ids(self) -> list[int]:
        """Ids of the teams in scope."""
        return [team.id for team in self.teams]

    @property
    def filtered(self) -> bool:
        """True when a department or team filter narrows the scope."""
        return bool(self.department_id or self.team_id)


def make_scope(today: date, department_id: int | None = None, team_id: int | None = None,
               months: int = 12) -> Scope:
    """The active teams matching the filters (two queries: teams with departments, and departments)."""
    stmt = (select(Team).options(joinedload(Team.department)).where(Team.active.is_(True))
            .order_by(Team.name))
    if department_id:
        stmt = stmt.where(Team.department_id == department_id)
    if team_id:
        stmt = stmt.where(Team.id == team_id)
    teams = list(db.session.scalars(stmt).unique())
    departments = list(db.session.scalars(select(Department).order_by(Department.name)))
    since = date(today.year, today.month, 1)
    for _ in range(max(months, 1) - 1):
        since = (since - timedelta(days=1)).replace(day=1)
    return Scope(teams, today, since, department_id, team_id, months, departments)


def _dialect() -> str:
    """'postgresql' or 'sqlite'."""
    return db.session.get_bind().dialect.name


def truncate(column, grain: str):
    """SQL expression giving the Monday of the week (or first of the month) of a date/datetime column."""
    if _dialect() == "postgresql":
        return cast(func.date_trunc(grain, column), Date)
    if grain == WEEK:
        return func.date(column, "weekday 0", "-6 days")
    return func.date(column, "start of month")


def as_date(value) -> date | None:
    """A truncated value as a date (SQLite returns text, PostgreSQL a date)."""
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    return _parse_day(str(value)[:10])


@lru_cache(maxsize=4096)
def _parse_day(text: str) -> date:
    """'2026-11-23' as a date (the same few hundred weeks recur for every team)."""
    return date.fromisoformat(text)


# --- adoption (cases) ---------------------------------------------------------------------------

@dataclass
class WeekCounts:
    """One team's cases in one week: new cases, new ones handled with VUM, and all VUM cases."""

    new: int = 0
    new_vum: int = 0
    vum: int = 0


def adoption_weeks(scope: Scope, new_since: date | None = None) -> dict[int, dict[date, WeekCounts]]:
    """Per team and week: new cases and new cases with VUM (from the week holding `new_since`), and all
    cases with VUM (all time, for the running total and milestones). Two queries.

    Two narrow queries beat one wide one: the VUM filter and the date range each leave the
    database only a small part of the register to group by week.
    """
    from ..cases.models import NEW, Case

    if not scope.team_ids:
        return {}
    week = truncate(Case.opened_on, WEEK).label("week")
    result: dict[int, dict[date, WeekCounts]] = defaultdict(dict)
    vum = (select(Case.team_id, week, func.count(Case.id))
           .where(Case.team_id.in_(scope.team_ids), Case.handled_with_vum.is_(True), Case.opened_on <= scope.today)
           .group_by(Case.team_id, week))
    for team_id, day, n in db.session.execute(vum):
        result[team_id][as_date(day)] = WeekCounts(vum=int(n or 0))
    new = (select(Case.team_id, week, func.count(Case.id),
                  func.sum(case((Case.handled_with_vum.is_(True), 1), else_=0)))
           .where(Case.team_id.in_(scope.team_ids), Case.case_type == NEW, Case.opened_on <= scope.today)
           .group_by(Case.team_id, week))
    if new_since is not None:
        new = new.where(Case.opened_on >= new_since - timedelta(days=new_since.weekday()))
    for team_id, day, total, with_vum in db.session.execute(new):
        counts = result[team_id].setdefault(as_date(day), WeekCounts())
        counts.new, counts.new_vum = int(total or 0), int(with_vum or 0)
    return result


def step_counts(scope: Scope, since: date | None = None) -> dict[int, dict[str, int]]:
    """Per team: how many VUM cases (key 'vum') and how many used each step, since `since`. One query."""
    from ..cases.models import STEP_COLUMNS, Case

    if not scope.team_ids:
        return {}
    columns = [func.sum(case((getattr(Case, column).is_(True), 1), else_=0)) for column in STEP_COLUMNS.values()]
    stmt = (select(Case.team_id, func.count(Case.id), *columns)
            .where(Case.team_id.in_(scope.team_ids), Case.handled_with_vum.is_(True), Case.opened_on <= scope.today)
            .group_by(Case.team_id))
    if since:
        stmt = stmt.where(Case.opened_on >= since)
    result = {}
    for team_id, total, *used in db.session.execute(stmt):
        result[team_id] = {"vum": int(total or 0), **{k: int(n or 0) for k, n in zip(STEP_COLUMNS, used)}}
    return result


def vum_days(team_id: int, today: date) -> list[tuple[date, int]]:
    """(day, cases handled with VUM opened that day) for one team: the milestones' exact days. One query."""
    from ..cases.models import Case

    stmt = (select(Case.opened_on, func.count(Case.id))
            .where(Case.team_id == team_id, Case.handled_with_vum.is_(True), Case.opened_on <= today)
            .group_by(Case.opened_on).order_by(Case.opened_on))
    return [(day, int(n)) for day, n in db.session.execute(stmt)]


# --- training -------------------------------------------------------------------------------------

@dataclass
class Trainee:
    """An active case worker with the day of their first attended required course and first VUM case after it."""

    person_id: int
    team_id: int
    name: str
    course_on: date | None
    first_case_on: date | None = None


def _coverage_course_ids() -> list[int]:
    """The courses coverage counts: the required ones, else the VUM courses (one query)."""
    from ..training.models import Course

    rows = list(db.session.execute(select(Course.id, Course.required, Course.kind).where(Course.active.is_(True))))
    required = [cid for cid, req, _k in rows if req]
    return required or [cid for cid, _r, kind in rows if kind == "vum"]


def trainees(scope: Scope) -> dict[int, list[Trainee]]:
    """Per team, its active case workers with first course day and first VUM case after it. Three queries."""
    from ..cases.models import Case
    from ..training.constants import ATTENDED
    from ..training.models import CourseSession, Enrolment

    if not scope.team_ids:
        return {}
    course_ids = _coverage_course_ids()
    first_course = (select(Enrolment.person_id.label("person_id"), func.min(CourseSession.day).label("day"))
                    .join(CourseSession, Enrolment.session_id == CourseSession.id)
                    .where(CourseSession.course_id.in_(course_ids or [-1]), CourseSession.cancelled.is_(False),
                           Enrolment.attendance == ATTENDED, CourseSession.day <= scope.today)
                    .group_by(Enrolment.person_id).subquery())
    stmt = (select(Person.id, Person.team_id, Person.name, first_course.c.day)
            .outerjoin(first_course, first_course.c.person_id == Person.id)
            .where(Person.team_id.in_(scope.team_ids), Person.active.is_(True),
                   Person.role_rows.any(PersonRole.role == SAGSBEHANDLER))
            .order_by(Person.name))
    result: dict[int, list[Trainee]] = defaultdict(list)
    by_person = {}
    for person_id, team_id, name, day in db.session.execute(stmt):
        trainee = Trainee(person_id, team_id, name, day)
        result[team_id].append(trainee)
        by_person[person_id] = trainee
    first_case = (select(Case.caseworker_id, func.min(Case.opened_on))
                  .join(first_course, first_course.c.person_id == Case.caseworker_id)
                  .where(Case.handled_with_vum.is_(True), Case.opened_on >= first_course.c.day,
                         Case.team_id.in_(scope.team_ids))
                  .group_by(Case.caseworker_id))
    for person_id, day in db.session.execute(first_case):
        if person_id in by_person:
            by_person[person_id].first_case_on = day
    return result


# --- plan -----------------------------------------------------------------------------------------

@dataclass
class PlanCounts:
    """Activities due by a day (cancelled left out) and how many of them were done by then."""

    due: int = 0
    done: int = 0


def plan_progress(scope: Scope, quarters: list[Quarter]) -> tuple[dict[int, list[PlanCounts]], list[PlanCounts], int,
                                                                   dict[int, int]]:
    """Due and done activities at each quarter's end (or today, if sooner), per team and in all; overdue counts.

    Returns ({team id: [PlanCounts per quarter]}, [PlanCounts per quarter for the whole plan],
    overdue activities in the whole plan, {team id: overdue}). Two queries.
    """
    from ..plan.constants import CLOSED_STATUSES, STATUS_CANCELLED, STATUS_DONE
    from ..plan.models import Activity, activity_teams

    def columns():
        cols = []
        for quarter in quarters:
            cut = min(quarter.end, scope.today)
            due = and_(Activity.end_date <= cut, Activity.status != STATUS_CANCELLED)
            done = and_(due, Activity.status == STATUS_DONE,
                        func.coalesce(Activity.completed_on, Activity.end_date) <= cut)
            cols += [func.sum(case((due, 1), else_=0)), func.sum(case((done, 1), else_=0))]
        overdue = and_(Activity.end_date < scope.today, Activity.status.not_in(CLOSED_STATUSES))
        return cols + [func.sum(case((overdue, 1), else_=0))]

    def unpack(row) -> tuple[list[PlanCounts], int]:
        values = [int(v or 0) for v in row]
        counts = [PlanCounts(values[2 * i], values[2 * i + 1]) for i in range(len(quarters))]
        return counts, values[-1]

    per_team, overdue_team = {}, {}
    if scope.team_ids:
        stmt = (select(activity_teams.c.team_id, *columns())
                .join(Activity, Activity.id == activity_teams.c.activity_id)
                .where(activity_teams.c.team_id.in_(scope.team_ids)).group_by(activity_teams.c.team_id))
        for team_id, *row in db.session.execute(stmt):
            per_team[team_id], overdue_team[team_id] = unpack(row)
    row = db.session.execute(select(*columns())).one()
    total, overdue = unpack(row)
    return per_team, total, overdue, overdue_team


def checklist_shares(quarters: list[Quarter]) -> list[float | None]:
    """Readiness over every checklist at each quarter's end, from the answers set by then. One query.

    Checklists keep no history, so an answer changed after a quarter's end counts as
    unanswered for that quarter (a conservative reading).
    """
    from ..analytics.plan import readiness_progress
    from ..plan.readiness_models import ReadinessItem

    rows = list(db.session.execute(select(ReadinessItem.answer, ReadinessItem.updated_at)
                                   .where(ReadinessItem.active.is_(True))))
    if not rows:
        return [None for _ in quarters]
    shares = []
    for quarter in quarters:
        answers = [answer if updated.date() <= quarter.end else None for answer, updated in rows]
        shares.append(readiness_progress(answers)[0])
    return shares


def goal_targets() -> dict[str, tuple[float, bool]]:
    """{measure key: (target, higher is better)} of the rollout goals (the latest deadline wins). One query."""
    from ..plan.goal_models import Goal

    targets = {}
    for measure, target, higher in db.session.execute(
            select(Goal.measure, Goal.target, Goal.higher_is_better).order_by(Goal.deadline)):
        targets[measure] = (float(target), bool(higher))
    return targets


# --- quality --------------------------------------------------------------------------------------

@dataclass
class Points:
    """Points scored in quality reviews and the points possible (answers that could be judged × 3)."""

    points: int = 0
    possible: int = 0
    reviews: int = 0

    def add(self, other: "Points") -> None:
        """Add another count into this one."""
        self.points += other.points
        self.possible += other.possible
        self.reviews += other.reviews


def quality_months(scope: Scope) -> dict[int, dict[date, Points]]:
    """Per team and month of submission: points and points possible in submitted reviews. One query."""
    from ..quality.models import LEVEL_SCORES
    from ..quality.review_models import SUBMITTED, Review, ReviewAnswer
    from ..cases.models import Case

    if not scope.team_ids:
        return {}
    scored = [(level, score) for level, score in LEVEL_SCORES.items() if score is not None]
    points = case(*[(ReviewAnswer.level == level, score) for level, score in scored], else_=0)
    possible = case((ReviewAnswer.level.in_([level for level, _s in scored]), max(s for _l, s in scored)), else_=0)
    month = truncate(Review.submitted_at, MONTH).label("month")
    stmt = (select(Case.team_id, month, func.sum(points), func.sum(possible), func.count(func.distinct(Review.id)))
            .join(Review, Review.case_id == Case.id).join(ReviewAnswer, ReviewAnswer.review_id == Review.id)
            .where(Case.team_id.in_(scope.team_ids), Review.status == SUBMITTED, Review.submitted_at.is_not(None))
            .group_by(Case.team_id, month))
    result: dict[int, dict[date, Points]] = defaultdict(dict)
    for team_id, day, pts, pos, reviews in db.session.execute(stmt):
        result[team_id][as_date(day)] = Points(int(pts or 0), int(pos or 0), int(reviews or 0))
    return result


# --- pulse ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PulseCell:
    """One team's answers in one closed round: how many, and the sum and count of motivation scores."""

    on: date
    team_id: int
    n: int
    total: int
    count: int

    @property
    def mean(self) -> float | None:
        """Mean motivation in the cell (only call for shown cells)."""
        return self.total / self.count if self.count else None


def min_group_size() -> int:
    """The minimum group size in force (the municipality's setting, never below the floor). One query."""
    from ..privacy import effective_min_group_size
    from ..settings.models import Municipality

    configured = db.session.scalar(select(Municipality.pulse_min_group_size).order_by(Municipality.id).limit(1))
    return effective_min_group_size(configured)


def pulse_cells(scope: Scope, min_size: int) -> dict[int, list[PulseCell]]:
    """Per team, its *shown* cells of closed rounds (n ≥ min_size), oldest first. One query.

    Cells below the minimum are dropped here, before anything is added up, so no figure
    built from the result can reveal a small group, alone or by difference.
    """
    from ..pulse.models import CLOSED, Answer, AnswerValue, Item, Round

    if not scope.team_ids:
        return {}
    motivation_items = select(Item.id).where(Item.key == "motivation")
    stmt = (select(Round.opens_on, Answer.team_id, func.count(Answer.id), func.sum(AnswerValue.value),
                   func.count(AnswerValue.value))
            .join(Answer, Answer.round_id == Round.id)
            .outerjoin(AnswerValue, (AnswerValue.answer_id == Answer.id) & AnswerValue.item_id.in_(motivation_items))
            .where(Round.status == CLOSED, Answer.team_id.in_(scope.team_ids), Round.opens_on <= scope.today)
            .group_by(Round.opens_on, Answer.team_id).order_by(Round.opens_on))
    result: dict[int, list[PulseCell]] = defaultdict(list)
    for on, team_id, n, total, count in db.session.execute(stmt):
        if n >= min_size:
            result[team_id].append(PulseCell(on, team_id, int(n), int(total or 0), int(count or 0)))
    return result


def pooled_mean(cells: list[PulseCell]) -> tuple[float | None, int]:
    """Mean motivation over shown cells, weighted by their answers, and the answers behind it."""
    total = sum(c.total for c in cells)
    count = sum(c.count for c in cells)
    return (total / count if count else None), sum(c.n for c in cells)


# --- calibration ------------------------------------------------------------------------------------

def calibration_counts(scope: Scope, since: date) -> dict[int, list[tuple[date, tuple, int, int]]]:
    """Per rater's team: (round deadline, unit, value, count) of submitted ratings in rounds closed since `since`.

    A unit is (round, vignette, theme); the counts make Krippendorff's count table. One query.
    """
    from ..calibration.models import CalibrationRound, Rating, Submission

    if not scope.team_ids:
        return {}
    stmt = (select(Person.team_id, CalibrationRound.deadline, CalibrationRound.id, Rating.vignette_id, Rating.theme_id,
                   Rating.value, func.count(Rating.id))
            .join(Submission, Submission.id == Rating.submission_id)
            .join(CalibrationRound, CalibrationRound.id == Submission.round_id)
            .join(Person, Person.id == Submission.rater_id)
            .where(Person.team_id.in_(scope.team_ids), Submission.submitted_at.is_not(None),
                   CalibrationRound.closed_at.is_not(None), Rating.value.is_not(None),
                   CalibrationRound.deadline >= since, CalibrationRound.deadline <= scope.today)
            .group_by(Person.team_id, CalibrationRound.deadline, CalibrationRound.id, Rating.vignette_id,
                      Rating.theme_id, Rating.value))
    result: dict[int, list] = defaultdict(list)
    for team_id, deadline, round_id, vignette_id, theme_id, value, n in db.session.execute(stmt):
        result[team_id].append((deadline, (round_id, vignette_id, theme_id), int(value), int(n)))
    return result


# --- support --------------------------------------------------------------------------------------

def support_months(scope: Scope) -> dict[int, dict[date, tuple[int, int]]]:
    """Per team and month since the scope's start: (sessions, minutes) of superuser support. One query."""
    from ..support.models import SupportSession

    if not scope.team_ids:
        return {}
    month = truncate(SupportSession.day, MONTH).label("month")
    stmt = (select(SupportSession.team_id, month, func.count(SupportSession.id), func.sum(SupportSession.minutes))
            .where(SupportSession.team_id.in_(scope.team_ids), SupportSession.day >= scope.since,
                   SupportSession.day <= scope.today)
            .group_by(SupportSession.team_id, month))
    result: dict[int, dict[date, tuple[int, int]]] = defaultdict(dict)
    for team_id, day, sessions, minutes in db.session.execute(stmt):
        result[team_id][as_date(day)] = (int(sessions or 0), int(minutes or 0))
    return result


__all__ = ["Scope", "make_scope", "adoption_weeks", "step_counts", "vum_days", "trainees", "plan_progress",
           "checklist_shares", "goal_targets", "quality_months", "pulse_cells", "pooled_mean", "calibration_counts",
           "support_months", "min_group_size"]
