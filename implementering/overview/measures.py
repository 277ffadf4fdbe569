"""The overview's key figures as goal measures, so the rollout plan's SMART goals can target them.

A goal on one of these measures also sets the target (and so the traffic light) of the
key figure with the same key on the overview.
"""
from __future__ import annotations

from datetime import date

from ..i18n import _l


def _figure(key: str):
    """A compute function returning the whole municipality's value of key figure `key` on a day."""
    def compute(today: date) -> float | None:
        from .report import by_key
        from .services import overview_for

        figure = by_key(overview_for(today)).get(key)
        return None if figure is None else figure.value

    return compute


#: (key, label, unit, higher is better)
MEASURES = (
    ("training_coverage", _l("Andel sagsbehandlere på VUM-kursus (%)"), "%", True),
    ("adoption_share", _l("Andel nye sager behandlet med VUM, seneste 4 uger (%)"), "%", True),
    ("vum_total", _l("Sager behandlet med VUM i alt"), "", True),
    ("quality_share", _l("Point opnået i kvalitetstjek, seneste 3 måneder (%)"), "%", True),
    ("motivation_mean", _l("Motivation i seneste pulsmåling (1–5)"), "", True),
    ("consistency_alpha", _l("Ensartet brug af 0–4-skalaen (Krippendorffs alfa)"), "", True),
)


def register() -> None:
    """Offer the key figures as measures in the plan's goals (idempotent; skipped without the plan domain)."""
    try:
        from ..plan.goals import MEASURES as existing, register_measure
    except ImportError:  # the plan domain is not installed
        return
    for key, label, unit, higher in MEASURES:
        if key not in existing:
            register_measure(key, label, unit, _figure(key), higher_is_better=higher)
