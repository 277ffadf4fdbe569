"""The rollout compass: each focus area scored 0–100 per team, quarters, and traffic lights.

In the spirit of Holstebro's Udviklingskompasset: one picture per team over a few areas,
each on the same relative 0–100 scale so a team can see where it stands and how it moved
since the previous quarter. Pure functions: plain numbers in, scores out. A score is
None when its data is missing, never 0, so a missing area is never mistaken for a weak one.
The page /overblik/beregning documents these rules in Danish; keep the two in step.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Mapping

READINESS, TRAINING, ADOPTION, QUALITY, CONSISTENCY, MOTIVATION = (
    "readiness", "training", "adoption", "quality", "consistency", "motivation")
#: The compass areas in the order drawn clockwise on the radar.
AREAS: tuple[str, ...] = (READINESS, TRAINING, ADOPTION, QUALITY, CONSISTENCY, MOTIVATION)

GREEN, YELLOW, RED = "green", "yellow", "red"
#: How far (relative to the target) a figure may fall short and still be yellow rather than red.
TOLERANCE = 0.15


def _pct(value: float | None) -> float | None:
    """A 0–1 share as a 0–100 score, clamped and rounded to one decimal (None stays None)."""
    if value is None:
        return None
    return round(min(max(value, 0.0), 1.0) * 100, 1)


def ratio(part: float, whole: float) -> float | None:
    """part / whole, None when whole is 0."""
    return part / whole if whole else None


def readiness_score(checklist_share: float | None, activities_done: int, activities_due: int) -> float | None:
    """Mean of the readiness checklists' share (0–1) and the share of the team's due plan activities done.

    Either part may be missing; with both missing the score is None.
    """
    parts = [p for p in (checklist_share, ratio(activities_done, activities_due)) if p is not None]
    return _pct(sum(parts) / len(parts)) if parts else None


def training_score(trained: int, case_workers: int) -> float | None:
    """Share of the team's active case workers who attended a required course."""
    return _pct(ratio(trained, case_workers))


def adoption_score(vum_cases: int, new_cases: int) -> float | None:
    """Share of the period's new cases handled with VUM."""
    return _pct(ratio(vum_cases, new_cases))


def quality_score(points: float, max_points: float) -> float | None:
    """Points scored in quality checks as a share of the points possible."""
    return _pct(ratio(points, max_points))


def consistency_score(alpha: float | None) -> float | None:
    """Krippendorff's alpha on calibration vignettes as 0–100; negative alpha counts as 0."""
    return None if alpha is None else _pct(alpha)


def motivation_score(mean: float | None, low: float = 1.0, high: float = 5.0) -> float | None:
    """A mean motivation on the 1–5 scale placed on 0–100 (1 gives 0, 3 gives 50, 5 gives 100)."""
    return None if mean is None else _pct((mean - low) / (high - low))


def overall(scores: Mapping[str, float | None]) -> float | None:
    """The mean of the areas that have a score (None when none has)."""
    known = [v for v in scores.values() if v is not None]
    return round(sum(known) / len(known), 1) if known else None


def change(current: float | None, previous: float | None) -> float | None:
    """Points gained since the previous quarter (None when either is missing)."""
    if current is None or previous is None:
        return None
    return round(current - previous, 1)


# --- quarters ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Quarter:
    """A calendar quarter: first and last day and a label like 'K4 2026'."""

    start: date
    end: date

    @property
    def label(self) -> str:
        """'K4 2026' (kvartal)."""
        return f"K{(self.start.month - 1) // 3 + 1} {self.start.year}"

    def previous(self) -> "Quarter":
        """The quarter before this one."""
        return quarter_of(self.start - timedelta(days=1))


def quarter_of(day: date) -> Quarter:
    """The calendar quarter holding `day`."""
    first_month = (day.month - 1) // 3 * 3 + 1
    start = date(day.year, first_month, 1)
    next_start = date(day.year + (first_month == 10), (first_month + 2) % 12 + 1, 1)
    return Quarter(start, next_start - timedelta(days=1))


# --- traffic lights ---------------------------------------------------------------------------

def traffic_light(value: float | None, target: float | None, higher_is_better: bool = True,
                  tolerance: float = TOLERANCE) -> str | None:
    """Green when the target is met, yellow when within `tolerance` of it (relative), else red.

    None when there is no value or no target. For a lower-is-better figure with target 0,
    one over counts as yellow and more as red.
    """
    if value is None or target is None:
        return None
    if higher_is_better:
        if value >= target:
            return GREEN
        return YELLOW if value >= target * (1 - tolerance) else RED
    if value <= target:
        return GREEN
    allowed = target * (1 + tolerance) if target else 1
    return YELLOW if value <= allowed else RED
