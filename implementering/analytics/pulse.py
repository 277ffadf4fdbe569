"""Pure aggregation of pulse answers with the anonymity rules built in (no Flask, no database).

The smallest unit ever shown is a *cell*: the answers of one team in one closed round.
A cell is shown only when it holds at least the minimum number of answers. Every
larger figure (a department, a filter, a period) is combined from shown cells only,
never from suppressed ones. So the difference between any two figures on any page is
itself made of whole shown cells, and nobody can subtract a small group out of a larger
one (complementary disclosure). Callers pass the effective minimum group size.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date
from typing import Hashable, Iterable, Mapping, Sequence

SCALE_VALUES = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class ItemStats:
    """Mean, spread and distribution (counts of 1…5) of one item within a group."""

    n: int
    mean: float
    sd: float
    distribution: tuple[int, int, int, int, int]

    @property
    def shares(self) -> tuple[float, ...]:
        """The distribution as fractions of n."""
        return tuple(count / self.n for count in self.distribution) if self.n else (0.0,) * 5


@dataclass(frozen=True)
class RawCell:
    """The answers of one team in one round: per item the list of scores (one per answer)."""

    round_key: Hashable
    team_key: Hashable
    n: int
    values: Mapping[Hashable, Sequence[int]]


@dataclass(frozen=True)
class GroupResult:
    """What may be shown about a group: stats per item, or nothing when suppressed."""

    n: int
    suppressed: bool
    items: Mapping[Hashable, ItemStats] = field(default_factory=dict)
    #: How many cells (team-rounds) were left out because each was too small.
    cells_left_out: int = 0
    cells_used: int = 0


def item_stats(values: Sequence[int]) -> ItemStats:
    """Mean, population standard deviation and distribution of 1–5 scores (empty gives zeros)."""
    n = len(values)
    distribution = tuple(sum(1 for v in values if v == k) for k in SCALE_VALUES)
    if n == 0:
        return ItemStats(0, 0.0, 0.0, distribution)  # type: ignore[arg-type]
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
    return ItemStats(n, mean, sd, distribution)  # type: ignore[arg-type]


def is_shown(n: int, min_size: int) -> bool:
    """True when a cell with `n` answers may be shown (`min_size` is the effective minimum)."""
    return n >= min_size


def combine(cells: Iterable[RawCell], min_size: int) -> GroupResult:
    """Combine cells into one group result, using only cells that are themselves shown.

    A group whose shown cells together hold fewer than `min_size` answers (including a
    group with none) is suppressed.
    """
    used, left_out = [], 0
    for cell in cells:
        if is_shown(cell.n, min_size):
            used.append(cell)
        elif cell.n > 0:
            left_out += 1
    n = sum(cell.n for cell in used)
    if not used or n < min_size:
        return GroupResult(n=0, suppressed=True, cells_left_out=left_out)
    pooled: dict[Hashable, list[int]] = {}
    for cell in used:
        for item, values in cell.values.items():
            pooled.setdefault(item, []).extend(values)
    return GroupResult(n=n, suppressed=False, items={item: item_stats(v) for item, v in pooled.items()},
                       cells_left_out=left_out, cells_used=len(used))


def shown_comments(cells_comments: Iterable[tuple[int, Sequence[str]]], min_size: int,
                   rng: random.Random | None = None) -> list[str]:
    """Comments from cells with enough answers, in random order (`(n_answers, comments)` pairs)."""
    texts = [text for n, comments in cells_comments if is_shown(n, min_size) for text in comments]
    (rng or random.SystemRandom()).shuffle(texts)
    return texts


def response_rate(answered: int, invited: int) -> float | None:
    """Share of invited who answered (None when nobody was invited)."""
    return answered / invited if invited else None


# --- the guideline's motivation curve -----------------------------------------------------------

#: (weeks since go-live, typical motivation on the 1–5 scale): a rise around the start, a dip
#: while the new routines still feel slow and hard, then recovery with support and training.
EXPECTED_ANCHORS: tuple[tuple[float, float], ...] = (
    (-12, 3.5), (0, 4.0), (6, 3.7), (14, 2.9), (24, 3.5), (36, 4.1), (60, 4.2),
)

PHASES = (
    (0, "forberedelse"),
    (6, "opstart"),
    (20, "dyk"),
    (36, "genrejsning"),
    (math.inf, "forankring"),
)


def expected_motivation(weeks_since_go_live: float) -> float:
    """The typical motivation at a point of the rollout (smooth interpolation between anchors)."""
    anchors = EXPECTED_ANCHORS
    if weeks_since_go_live <= anchors[0][0]:
        return anchors[0][1]
    for (x0, y0), (x1, y1) in zip(anchors, anchors[1:]):
        if weeks_since_go_live <= x1:
            t = (weeks_since_go_live - x0) / (x1 - x0)
            smooth = (1 - math.cos(math.pi * t)) / 2
            return y0 + (y1 - y0) * smooth
    return anchors[-1][1]


def expected_phase(weeks_since_go_live: float) -> str:
    """The phase of the typical curve a team is in: forberedelse, opstart, dyk, genrejsning, forankring."""
    for limit, name in PHASES:
        if weeks_since_go_live < limit:
            return name
    return PHASES[-1][1]


def weeks_between(start: date, end: date) -> float:
    """Weeks from `start` to `end` (negative when `end` is earlier)."""
    return (end - start).days / 7


@dataclass(frozen=True)
class CurvePoint:
    """One round on a team's motivation curve; mean/sd are None when the round is suppressed."""

    on: date
    n: int
    mean: float | None
    sd: float | None
    expected: float | None


def motivation_curve(points: Iterable[tuple[date, RawCell]], item_key: Hashable, min_size: int,
                     go_live: date | None) -> list[CurvePoint]:
    """The motivation curve of one team: per round the mean and spread of `item_key`, suppression applied."""
    curve = []
    for on, cell in sorted(points, key=lambda pair: pair[0]):
        expected = expected_motivation(weeks_between(go_live, on)) if go_live else None
        if is_shown(cell.n, min_size) and item_key in cell.values:
            stats = item_stats(cell.values[item_key])
            curve.append(CurvePoint(on, cell.n, stats.mean, stats.sd, expected))
        else:
            curve.append(CurvePoint(on, 0, None, None, expected))
    return curve


# --- early warning --------------------------------------------------------------------------------

@dataclass(frozen=True)
class MotivationWarning:
    """Why a team's motivation calls for attention."""

    reason: str  # 'fald' or 'lav'
    latest: float
    change: float | None


def motivation_warning(means: Sequence[float | None], *, drop: float = 0.5, over_rounds: int = 2,
                       floor: float = 3.0) -> MotivationWarning | None:
    """Warn when the latest shown mean fell by `drop` or more over `over_rounds` rounds, or is below `floor`.

    Only shown (non-suppressed) means count, so a warning never reveals a suppressed round.
    """
    shown = [m for m in means if m is not None]
    if not shown:
        return None
    latest = shown[-1]
    if len(shown) > over_rounds:
        change = latest - shown[-1 - over_rounds]
        if change <= -drop:
            return MotivationWarning("fald", latest, change)
    if latest < floor:
        change = latest - shown[-2] if len(shown) > 1 else None
        return MotivationWarning("lav", latest, change)
    return None
