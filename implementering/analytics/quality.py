"""Pure statistics for quality checks: shares per criterion, distributions, trends and the
audit panel's agreement. No Flask, no database: tuples in, dataclasses out."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Hashable, Iterable, Sequence

#: Level keys in display order, and their scores (None = 'kan ikke vurderes', left out of shares).
LEVEL_ORDER = ("hoej", "nogen", "mindre", "slet_ikke", "kan_ikke")
SCORES = {"hoej": 3, "nogen": 2, "mindre": 1, "slet_ikke": 0, "kan_ikke": None}
POSITIVE = frozenset({"hoej", "nogen"})


@dataclass(frozen=True)
class Answer:
    """One answer: which criterion (stable key), team, period (e.g. '2026-K1') and level."""

    criterion: str
    team: Hashable
    period: str
    level: str


@dataclass
class Share:
    """Counts of each level and the share of 'i høj grad/i nogen grad' among rated answers."""

    counts: dict[str, int] = field(default_factory=lambda: {level: 0 for level in LEVEL_ORDER})

    @property
    def rated(self) -> int:
        """Answers other than 'kan ikke vurderes'."""
        return sum(n for level, n in self.counts.items() if SCORES[level] is not None)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def positive_share(self) -> float | None:
        """0–1, or None with no rated answers."""
        rated = self.rated
        return None if rated == 0 else sum(self.counts[level] for level in POSITIVE) / rated


def _tally(answers: Iterable[Answer], key) -> dict:
    shares: dict = defaultdict(Share)
    for answer in answers:
        if answer.level in SCORES:
            shares[key(answer)].counts[answer.level] += 1
    return dict(shares)


def by_criterion(answers: Iterable[Answer]) -> dict[str, Share]:
    """{criterion: Share}."""
    return _tally(answers, lambda a: a.criterion)


def by_team(answers: Iterable[Answer]) -> dict[Hashable, Share]:
    """{team: Share} over all criteria."""
    return _tally(answers, lambda a: a.team)


def by_period(answers: Iterable[Answer]) -> dict[str, Share]:
    """{period: Share} over all criteria, periods sorted."""
    return dict(sorted(_tally(answers, lambda a: a.period).items()))


def by_team_and_period(answers: Iterable[Answer]) -> dict[tuple[Hashable, str], Share]:
    """{(team, period): Share}."""
    return _tally(answers, lambda a: (a.team, a.period))


def weakest_first(shares: dict[str, Share]) -> list[str]:
    """Criterion keys ordered from the lowest positive share to the highest (unrated last)."""
    return sorted(shares, key=lambda k: (shares[k].positive_share is None, shares[k].positive_share or 0, k))


@dataclass(frozen=True)
class Agreement:
    """How a panel rated one criterion of one case: the levels, spread (max−min score) and verdict."""

    levels: tuple[str | None, ...]
    spread: int | None
    verdict: str  # 'enig', 'taet', 'uenig' or 'ingen'


def panel_agreement(levels: Sequence[str | None]) -> Agreement:
    """Compare the panel's levels for one criterion of one case.

    'enig': every rated answer is the same level; 'taet': one step apart; 'uenig': two or more
    steps apart, or some said 'kan ikke vurderes' while others rated it; 'ingen': fewer than two answers.
    """
    given = [level for level in levels if level]
    scores = [SCORES[level] for level in given if SCORES.get(level) is not None]
    if len(given) < 2:
        return Agreement(tuple(levels), None, "ingen")
    spread = (max(scores) - min(scores)) if scores else 0
    mixed_cannot = 0 < len(scores) < len(given)
    if spread == 0 and not mixed_cannot:
        verdict = "enig"
    elif spread <= 1 and not mixed_cannot:
        verdict = "taet"
    else:
        verdict = "uenig"
    return Agreement(tuple(levels), spread, verdict)


def criterion_spread(agreements: Sequence[Agreement]) -> tuple[float | None, int]:
    """(mean spread over cases, number of cases where the panel disagreed) for one criterion."""
    spreads = [a.spread for a in agreements if a.spread is not None]
    mean = sum(spreads) / len(spreads) if spreads else None
    return mean, sum(1 for a in agreements if a.verdict == "uenig")
