"""Pure statistics for superuser support: weekly intensity and which principles come up most.

No Flask, no database: lists in, lists out.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable


@dataclass(frozen=True)
class WeekIntensity:
    """Support in one ISO week: how many sessions and how many hours."""

    week_start: date
    sessions: int
    hours: float


def monday(day: date) -> date:
    """The Monday of `day`'s ISO week."""
    return day - timedelta(days=day.weekday())


def weekly_intensity(rows: Iterable[tuple[date, int]], start: date, end: date) -> list[WeekIntensity]:
    """Sessions and hours per week from `start` to `end` (both included), empty weeks as zero.

    `rows` are (day, minutes) pairs; rows outside the period are ignored.
    """
    first, last = monday(start), monday(end)
    sessions: Counter = Counter()
    minutes: Counter = Counter()
    for day, mins in rows:
        if start <= day <= end:
            week = monday(day)
            sessions[week] += 1
            minutes[week] += mins or 0
    result, week = [], first
    while week <= last:
        result.append(WeekIntensity(week, sessions[week], round(minutes[week] / 60, 1)))
        week += timedelta(weeks=1)
    return result


def topic_counts(topic_lists: Iterable[Iterable[str]], order: Iterable[str]) -> list[tuple[str, int]]:
    """How often each topic was touched, most often first (ties in vocabulary order), zeros left out."""
    counts: Counter = Counter()
    for topics in topic_lists:
        counts.update(set(topics))
    position = {key: i for i, key in enumerate(order)}
    ranked = sorted((key for key in counts if key in position), key=lambda k: (-counts[k], position[k]))
    return [(key, counts[key]) for key in ranked]
