"""The quality checks' figure for SMART goals in the plan: the share of criteria met 'i høj grad'."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select

from ..extensions import db
from ..i18n import _l
from .models import CANNOT, HIGH
from .review_models import SUBMITTED, Review, ReviewAnswer

#: "The last quarter": reviews submitted in the 91 days up to and including the day.
QUARTER_DAYS = 91


def high_share(today: date) -> float | None:
    """Per cent of rated criteria answered 'i høj grad' in reviews submitted in the last quarter.

    'Kan ikke vurderes' is left out of the count; None when nothing was rated. One
    aggregate query.
    """
    start = datetime.combine(today - timedelta(days=QUARTER_DAYS - 1), datetime.min.time())
    end = datetime.combine(today + timedelta(days=1), datetime.min.time())
    high, rated = db.session.execute(
        select(func.count(case((ReviewAnswer.level == HIGH, 1))), func.count(ReviewAnswer.id))
        .join(Review, Review.id == ReviewAnswer.review_id)
        .where(Review.status == SUBMITTED, Review.submitted_at >= start, Review.submitted_at < end,
               ReviewAnswer.level != CANNOT)).one()
    return round(100 * high / rated, 1) if rated else None


def register_goal_measures() -> None:
    """Offer the 'i høj grad' share as a computed measure for plan goals."""
    from ..plan.goals import register_measure

    register_measure("quality_high_share", _l("Kvalitetstjek: andel kriterier opfyldt i høj grad, seneste kvartal (%)"),
                     "%", high_share)
