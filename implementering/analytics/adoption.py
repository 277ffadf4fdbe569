"""Pure adoption figures: share of new cases handled with VUM per period, cumulative counts,
milestones, step usage, teams that have not started, and time from course to first VUM case.

Plain numbers and dates in, numbers and small dataclasses out (no Flask, no database).
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Mapping, Sequence

#: The guideline's example of a success to celebrate is the first 100 cases; then these.
MILESTONES: tuple[int, ...] = (100, 250, 500, 1000)
WEEK, MONTH = "week", "month"
#: A VUM step used in fewer than this share of VUM cases counts as skipped.
SKIPPED_BELOW = 0.5


def period_start(day: date, grain: str) -> date:
    """The first day of the week (Monday) or month holding `day`."""
    if grain == WEEK:
        return day - timedelta(days=day.weekday())
    if grain == MONTH:
        return day.replace(day=1)
    raise ValueError(f"grain must be {WEEK!r} or {MONTH!r}")


def next_period(start: date, grain: str) -> date:
    """The first day of the period after the one starting on `start`."""
    if grain == WEEK:
        return start + timedelta(days=7)
    return date(start.year + (start.month == 12), start.month % 12 + 1, 1)


def periods_between(first: date, last: date, grain: str) -> list[date]:
    """Start days of every period from the one holding `first` to the one holding `last`."""
    if last < first:
        return []
    current, end = period_start(first, grain), period_start(last, grain)
    periods = []
    while current <= end:
        periods.append(current)
        current = next_period(current, grain)
    return periods


def share(part: int, whole: int) -> float | None:
    """part / whole, or None when whole is 0."""
    return part / whole if whole else None


@dataclass(frozen=True)
class AdoptionPoint:
    """One period of a team's adoption: new cases, those handled with VUM, and the share."""

    period: date
    total: int
    vum: int

    @property
    def share(self) -> float | None:
        """Share of the period's new cases handled with VUM (None without new cases)."""
        return share(self.vum, self.total)


def adoption_series(counts: Mapping[date, tuple[int, int]], start: date, end: date,
                    grain: str) -> list[AdoptionPoint]:
    """A point per period from `start` to `end`, with (total, vum) from `counts` keyed by period start.

    Periods with no cases are included with zeros, so gaps show as gaps and not as lines.
    """
    return [AdoptionPoint(p, *counts.get(p, (0, 0))) for p in periods_between(start, end, grain)]


def cumulative(values: Iterable[int]) -> list[int]:
    """Running totals of `values`."""
    total, out = 0, []
    for value in values:
        total += value
        out.append(total)
    return out


@dataclass(frozen=True)
class Milestone:
    """A milestone of cases handled with VUM and the day it was reached (None when not yet)."""

    count: int
    reached_on: date | None

    @property
    def reached(self) -> bool:
        """True once the milestone is reached."""
        return self.reached_on is not None


def milestones(daily: Iterable[tuple[date, int]], thresholds: Sequence[int] = MILESTONES) -> list[Milestone]:
    """For each threshold, the first day on which the cumulative VUM count reached it.

    `daily` is (day, number of VUM cases that day) in any order; days may repeat.
    """
    pending = sorted(thresholds)
    reached: dict[int, date] = {}
    total, index = 0, 0
    for day, n in sorted(daily):
        total += n
        while index < len(pending) and total >= pending[index]:
            reached[pending[index]] = day
            index += 1
        if index == len(pending):
            break
    return [Milestone(threshold, reached.get(threshold)) for threshold in pending]


def latest_milestone(total: int, thresholds: Sequence[int] = MILESTONES) -> int | None:
    """The highest threshold reached by `total` (None when none)."""
    reached = [t for t in thresholds if total >= t]
    return max(reached) if reached else None


def next_milestone(total: int, thresholds: Sequence[int] = MILESTONES) -> int | None:
    """The next threshold not yet reached (None after the last)."""
    ahead = [t for t in sorted(thresholds) if total < t]
    return ahead[0] if ahead else None


def recent_milestones(daily: Iterable[tuple[date, int]], since: date,
                      thresholds: Sequence[int] = MILESTONES) -> list[Milestone]:
    """Milestones reached on or after `since` (to celebrate), oldest first."""
    return [m for m in milestones(daily, thresholds) if m.reached_on and m.reached_on >= since]


@dataclass(frozen=True)
class StepUsage:
    """How often one VUM step is used in cases handled with VUM."""

    step: str
    used: int
    of: int

    @property
    def share(self) -> float | None:
        """Share of VUM cases using the step."""
        return share(self.used, self.of)

    @property
    def skipped(self) -> bool:
        """True when the step is used in fewer than SKIPPED_BELOW of the VUM cases."""
        return self.of > 0 and self.used / self.of < SKIPPED_BELOW


def step_usage(used: Mapping[str, int], vum_cases: int, order: Sequence[str]) -> list[StepUsage]:
    """Usage of each step in `order` among `vum_cases` cases handled with VUM."""
    return [StepUsage(step, int(used.get(step, 0) or 0), vum_cases) for step in order]


def not_started(teams: Iterable[tuple[object, date | None, int]], today: date) -> list[object]:
    """Keys of teams past their go-live date (before `today`) with no case handled with VUM.

    `teams` holds (key, go-live date, VUM cases since go-live).
    """
    return [key for key, go_live, vum in teams if go_live is not None and go_live < today and not vum]


def days_to_first_case(course_on: date | None, first_case_on: date | None) -> int | None:
    """Days from a person's course to their first VUM case opened on or after it (None if either is missing)."""
    if course_on is None or first_case_on is None:
        return None
    return (first_case_on - course_on).days


def median_days(values: Iterable[int | None]) -> float | None:
    """Median of the known values (None when there is none)."""
    known = [v for v in values if v is not None]
    return float(statistics.median(known)) if known else None
