"""Calibration's figure for SMART goals in the plan: the latest closed round's overall alpha."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from ..analytics.agreement import alpha_of_ratings
from ..extensions import db
from ..i18n import _l
from .models import CalibrationRound
from .results import submitted_ratings


def latest_overall_alpha(today: date) -> float | None:
    """Krippendorff's alpha (ordinal, no bootstrap) over every unit of the newest round closed by `today`.

    None when no round is closed yet or its ratings cannot support an alpha.
    """
    end = datetime.combine(today + timedelta(days=1), datetime.min.time())
    round_ = db.session.scalar(select(CalibrationRound).where(CalibrationRound.closed_at.is_not(None),
                                                              CalibrationRound.closed_at < end)
                               .order_by(CalibrationRound.closed_at.desc(), CalibrationRound.id.desc()).limit(1))
    if round_ is None:
        return None
    ratings = submitted_ratings(round_)
    result = alpha_of_ratings((r, (v, t), x) for r, v, t, x in ratings)
    return None if result.alpha is None else round(result.alpha, 3)


def register_goal_measures() -> None:
    """Offer the latest overall alpha as a computed measure for plan goals."""
    from ..plan.goals import register_measure

    register_measure("calibration_alpha", _l("Enighed om skalaen: samlet alfa i seneste kalibreringsrunde"), "",
                     latest_overall_alpha)
