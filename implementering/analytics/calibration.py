"""Scale consistency in real cases: the case worker's 0–4 rating against the reviewer's blind re-rating.

Pure functions (numpy via `agreement`; no Flask, no database). The input is a contingency
table already counted by the database: rows of (theme, period, case worker's value,
reviewer's value, count). The functions expand nothing but what the statistics need and
hand the work to `agreement.weighted_kappa` and `agreement.alpha_from_counts`, so the
numbers match the calibration rounds' own statistics.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import repeat
from typing import Hashable, Iterable

import numpy as np

from . import agreement as ag

#: Fewer pairs than this give no kappa or alpha (too noisy to read); the counts are still shown.
MIN_PAIRS = 5
#: Problem code for a group with fewer than MIN_PAIRS pairs.
TOO_FEW_PAIRS = "too_few_pairs"

#: One counted cell: (theme, period, case worker's value, reviewer's value, number of pairs).
CountRow = tuple[Hashable, Hashable, int, int, int]


@dataclass(frozen=True)
class PairedResult:
    """Agreement between case workers and reviewers over some pairs of ratings."""

    pairs: int
    kappa: float | None           # quadratic-weighted kappa
    exact: float | None           # share of pairs with the same value
    adjacent: float | None        # share at most one step apart (exact included)
    alpha: float | None           # Krippendorff's alpha (ordinal), two raters per unit
    mean_difference: float | None  # mean of reviewer − case worker (+ = reviewers see more limitation)
    problem: str | None = None

    @property
    def ok(self) -> bool:
        """True when kappa is a number."""
        return self.kappa is not None


@dataclass(frozen=True)
class CaseworkAgreement:
    """Paired agreement overall, per theme, per period and per theme and period."""

    overall: PairedResult
    by_theme: dict = field(default_factory=dict)          # theme -> PairedResult
    by_period: dict = field(default_factory=dict)         # period -> PairedResult, periods sorted
    by_theme_period: dict = field(default_factory=dict)   # theme -> {period -> PairedResult}


def paired_from_counts(counts: dict[tuple[int, int], int], min_pairs: int = MIN_PAIRS,
                       level: str = ag.DEFAULT_LEVEL) -> PairedResult:
    """Agreement of a {(case worker's value, reviewer's value): count} table on the 0–4 scale.

    Exact and adjacent shares and the mean difference are always given when there are
    pairs; kappa and alpha only from `min_pairs` pairs on (problem TOO_FEW_PAIRS), and
    None with the statistics' own problem code when they are undefined.
    """
    counts = {(int(a), int(b)): int(n) for (a, b), n in counts.items() if n}
    total = sum(counts.values())
    if not total:
        return PairedResult(0, None, None, None, None, None, problem=ag.NO_DATA)
    for a, b in counts:
        if a not in ag.SCALE_VALUES or b not in ag.SCALE_VALUES:
            raise ValueError(f"values outside the scale {list(ag.SCALE_VALUES)}: {(a, b)}")
    exact = sum(n for (a, b), n in counts.items() if a == b) / total
    adjacent = sum(n for (a, b), n in counts.items() if abs(a - b) <= 1) / total
    difference = sum((b - a) * n for (a, b), n in counts.items()) / total
    if total < min_pairs:
        return PairedResult(total, None, exact, adjacent, None, difference, problem=TOO_FEW_PAIRS)
    pairs = (pair for pair, n in counts.items() for pair in repeat(pair, n))
    kappa = ag.weighted_kappa(pairs)
    # Alpha: every pair is one unit (a case's theme) with two values; identical units are
    # repeated rows of the units × values table, so the table is built without a loop per pair.
    kinds = list(counts)
    rows = np.zeros((len(kinds), len(ag.SCALE_VALUES)))
    for i, (a, b) in enumerate(kinds):
        rows[i, a] += 1
        rows[i, b] += 1
    table = np.repeat(rows, [counts[k] for k in kinds], axis=0)
    alpha = ag.alpha_from_counts(table, level=level, raters=2)
    return PairedResult(total, kappa.kappa, exact, adjacent, alpha.alpha, difference,
                        problem=kappa.problem or alpha.problem)


def casework_agreement(rows: Iterable[CountRow], min_pairs: int = MIN_PAIRS) -> CaseworkAgreement:
    """Group counted pairs overall, per theme, per period and per theme and period, then measure each."""
    overall: dict = defaultdict(int)
    theme: dict = defaultdict(lambda: defaultdict(int))
    period: dict = defaultdict(lambda: defaultdict(int))
    theme_period: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for theme_key, period_key, a, b, n in rows:
        overall[(a, b)] += n
        theme[theme_key][(a, b)] += n
        period[period_key][(a, b)] += n
        theme_period[theme_key][period_key][(a, b)] += n
    return CaseworkAgreement(
        overall=paired_from_counts(overall, min_pairs),
        by_theme={t: paired_from_counts(c, min_pairs) for t, c in theme.items()},
        by_period={p: paired_from_counts(period[p], min_pairs) for p in sorted(period)},
        by_theme_period={t: {p: paired_from_counts(ps[p], min_pairs) for p in sorted(ps)}
                         for t, ps in theme_period.items()},
    )


def quarter_of(year: int, month: int) -> str:
    """'2026-K2' for a year and a month."""
    return f"{int(year)}-K{(int(month) - 1) // 3 + 1}"
