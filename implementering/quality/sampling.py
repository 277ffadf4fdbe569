"""Drawing cases for a round and choosing reviewers: pure, seeded and reproducible.

No Flask, no database: the service passes plain candidates in and stores what comes out.
The same candidates, size and seed always give the same draw, whatever the order the
candidates arrive in, so anyone can re-run a draw and see why a case was chosen.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Hashable, Iterable, Sequence


@dataclass(frozen=True)
class Candidate:
    """A case that satisfies the round's rules."""

    case_id: int
    team_id: int
    caseworker_id: int | None
    department_id: int | None
    case_type: str
    opened_on: date


@dataclass(frozen=True)
class Draw:
    """One drawn case: its group (team or case worker), rank in the group's draw and pool size."""

    case_id: int
    group: Hashable
    rank: int
    pool_size: int
    stratum: tuple


def _interleave(ordered: list[Candidate]) -> list[Candidate]:
    """Round-robin across strata (area × case type), keeping the random order inside each stratum."""
    buckets: dict[tuple, list[Candidate]] = {}
    for item in ordered:
        buckets.setdefault((item.department_id, item.case_type), []).append(item)
    out: list[Candidate] = []
    queues = list(buckets.values())
    while queues:
        for queue in queues:
            out.append(queue.pop(0))
        queues = [queue for queue in queues if queue]
    return out


def draw_sample(candidates: Iterable[Candidate], *, size: int, seed: int, per: str = "team",
                spread: bool = True) -> list[Draw]:
    """Draw up to `size` cases per team (per='team') or per case worker (per='sagsbehandler').

    Each group gets its own generator seeded with (seed, group), so adding a team to a
    round does not change another team's draw. With `spread`, the draw alternates between
    areas and case types before taking a second case from the same kind.
    """
    groups: dict[Hashable, list[Candidate]] = {}
    for item in candidates:
        key = item.team_id if per == "team" else item.caseworker_id
        if key is None:
            continue
        groups.setdefault(key, []).append(item)
    draws: list[Draw] = []
    for key in sorted(groups, key=str):
        pool = sorted(groups[key], key=lambda c: c.case_id)
        rng = random.Random(f"{seed}:{per}:{key}")
        rng.shuffle(pool)
        if spread:
            pool = _interleave(pool)
        for rank, item in enumerate(pool[:size], start=1):
            draws.append(Draw(item.case_id, key, rank, len(groups[key]), (item.department_id, item.case_type)))
    return draws


def assign_reviewers(cases: Sequence[tuple[int, int, int | None]], eligible: dict[int, Sequence[int]],
                     seed: int, load: dict[int, int] | None = None) -> dict[int, int | None]:
    """Choose one reviewer per case: {case_id: reviewer id, or None when nobody may review it}.

    `cases` holds (case_id, team_id, caseworker_id); `eligible` maps a team to the persons who
    may review its cases (superusers and nearest managers). A case worker never reviews their
    own case. The least-loaded eligible person is chosen; ties are broken by a seeded order.
    """
    load = dict(load or {})
    rng = random.Random(f"{seed}:reviewers")
    tie = {person: rng.random() for person in sorted({p for ids in eligible.values() for p in ids})}
    chosen: dict[int, int | None] = {}
    for case_id, team_id, caseworker_id in sorted(cases):
        options = [p for p in eligible.get(team_id, ()) if p != caseworker_id]
        if not options:
            chosen[case_id] = None
            continue
        person = min(options, key=lambda p: (load.get(p, 0), tie[p], p))
        load[person] = load.get(person, 0) + 1
        chosen[case_id] = person
    return chosen
