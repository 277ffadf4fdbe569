"""SMART goals: the measures the app can compute, current values, trend and status.

Later domains add measures with `register_measure` (e.g. share of case workers trained,
average quality-check score); each is a function of the day returning a number or None.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from sqlalchemy import func, select

from ..analytics.plan import goal_status, trend
from ..extensions import db
from ..i18n import _l
from ..people.models import Person
from .constants import CLOSED_STATUSES, GOAL_STATUS_TAGS, GOAL_STATUSES, STATUS_CANCELLED, STATUS_DONE
from .goal_models import Goal, GoalReading
from .models import Activity

MANUAL = "manual"


@dataclass(frozen=True)
class Measure:
    """A figure a goal can be judged by."""

    key: str
    label: object
    unit: str
    compute: Callable[[date], float | None] | None  # None: the owner enters the value
    higher_is_better: bool = True


MEASURES: dict[str, Measure] = {}


def register_measure(key: str, label, unit: str, compute: Callable[[date], float | None] | None,
                     higher_is_better: bool = True) -> None:
    """Make a computed figure available to goals (idempotent per key)."""
    MEASURES[key] = Measure(key, label, unit, compute, higher_is_better)


def _share_done_on_time(today: date) -> float | None:
    """Per cent of activities due by today that were done (cancelled ones left out)."""
    due = select(Activity).where(Activity.end_date <= today, Activity.status != STATUS_CANCELLED).subquery()
    total = db.session.scalar(select(func.count()).select_from(due))
    if not total:
        return None
    done = db.session.scalar(select(func.count()).select_from(due).where(due.c.status == STATUS_DONE))
    return round(100 * done / total, 1)


def _overdue_count(today: date) -> float:
    """Number of overdue activities."""
    return float(db.session.scalar(select(func.count(Activity.id)).where(
        Activity.end_date < today, Activity.status.not_in(CLOSED_STATUSES))) or 0)


def _readiness_share(today: date) -> float | None:
    """Per cent readiness over every checklist."""
    from .readiness import overall_progress

    share = overall_progress()
    return None if share is None else round(100 * share, 1)


register_measure(MANUAL, _l("Indtastes manuelt af ejeren"), "", None)
register_measure("plan_done_share", _l("Andel aktiviteter gennemført til tiden (%)"), "%", _share_done_on_time)
register_measure("plan_overdue", _l("Antal forsinkede aktiviteter"), "", _overdue_count, higher_is_better=False)
register_measure("readiness_share", _l("Parathed i tjeklisterne (%)"), "%", _readiness_share)


def measure_choices() -> list[tuple[str, object]]:
    """(key, label) of every measure, manual first."""
    return [(m.key, m.label) for m in MEASURES.values()]


@dataclass
class GoalView:
    """A goal with its current value, trend and status, ready to show."""

    goal: Goal
    current: float | None
    trend: str
    status: str
    measure_label: str

    @property
    def status_label(self) -> str:
        """Danish status label."""
        return str(GOAL_STATUSES[self.status])

    @property
    def status_tag(self) -> str:
        """CSS modifier for the status tag."""
        return GOAL_STATUS_TAGS[self.status]


def current_value(goal: Goal, today: date) -> float | None:
    """Computed measures are computed now; manual ones take the latest reading (None if none)."""
    measure = MEASURES.get(goal.measure)
    if measure is not None and measure.compute is not None:
        return measure.compute(today)
    return goal.readings[-1].value if goal.readings else None


def evaluate(goal: Goal, today: date) -> GoalView:
    """Current value, trend (from readings plus today's value) and status of a goal."""
    current = current_value(goal, today)
    values = [r.value for r in goal.readings if r.recorded_on < today]
    if current is not None:
        values.append(current)
    status = goal_status(current, goal.target, goal.deadline, today, start=goal.start_date,
                         baseline=goal.baseline, higher_is_better=goal.higher_is_better)
    measure = MEASURES.get(goal.measure)
    label = goal.measure_label if goal.measure == MANUAL or measure is None else str(measure.label)
    return GoalView(goal, current, trend(values), status, label)


def save_goal(goal: Goal, data: dict, today: date) -> Goal:
    """Fill a goal from form data (new goals are added to the session). Does not commit."""
    goal.text = data["text"].strip()
    goal.measure = data["measure"]
    measure = MEASURES.get(goal.measure)
    goal.measure_label = (data.get("measure_label") or "").strip() if goal.measure == MANUAL else ""
    goal.unit = (data.get("unit") or (measure.unit if measure else "")).strip()
    goal.baseline = data.get("baseline")
    goal.target = data["target"]
    goal.higher_is_better = data.get("direction", "op") == "op"
    goal.start_date = data.get("start_date") or goal.start_date or today
    goal.deadline = data["deadline"]
    goal.owner_id = data.get("owner_id") or None
    if goal.id is None:
        db.session.add(goal)
    return goal


def add_reading(goal: Goal, actor: Person | None, value: float, recorded_on: date, note: str = "") -> GoalReading:
    """Record a value for a goal (replacing one recorded on the same day). Does not commit."""
    for reading in goal.readings:
        if reading.recorded_on == recorded_on:
            reading.value, reading.note = value, note
            return reading
    reading = GoalReading(value=value, recorded_on=recorded_on, note=note, person_id=actor.id if actor else None)
    goal.readings.append(reading)
    goal.readings.sort(key=lambda r: r.recorded_on)
    return reading


def snapshot_computed_goals(today: date | None = None) -> str:
    """Daily job: store today's value of each computed goal so its trend has a history. Commits."""
    today = today or date.today()
    count = 0
    for goal in db.session.scalars(select(Goal).where(Goal.measure != MANUAL)):
        value = current_value(goal, today)
        if value is not None:
            add_reading(goal, None, value, today)
            count += 1
    db.session.commit()
    return f"{count} målværdier gemt"
