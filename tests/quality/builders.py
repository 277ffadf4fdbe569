"""Builders for criteria, rounds and reviews in tests."""
from __future__ import annotations

import itertools
from datetime import date, timedelta

from implementering.extensions import db
from implementering.quality.criteria import create_version
from implementering.quality.models import CriteriaSet, QualityRound


_counter = itertools.count(1)


def make_criteria(*texts: str, name: str | None = None):
    """A criteria set with version 1 holding `texts` (default: two criteria); returns the version."""
    criteria_set = CriteriaSet(name=name or f"Kriterier {next(_counter)}")
    return create_version(criteria_set, [{"text": t} for t in (texts or ("Formålet er klart", "Målene er SMARTe"))])


def make_round(teams, version=None, kind="kvalitet", panel=(), size=2, opens_on=None, **kwargs) -> QualityRound:
    """A planned round over `teams` with sensible defaults (period: the last 90 days)."""
    opens_on = opens_on or date.today()
    round_ = QualityRound(kind=kind, title=kwargs.pop("title", "Runde"), criteria_version_id=(version or make_criteria()).id,
                          opens_on=opens_on, due_on=opens_on + timedelta(days=14),
                          period_start=opens_on - timedelta(days=90), period_end=opens_on,
                          sample_size=size, seed=kwargs.pop("seed", 42), **kwargs)
    round_.teams = list(teams)
    round_.panel = list(panel)
    db.session.add(round_)
    db.session.commit()
    return round_
