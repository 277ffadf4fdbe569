"""Scale consistency in the case register: case workers' 0–4 ratings against reviewers' blind re-ratings.

A quality-check reviewer re-rates a sampled case's themes without seeing the case
worker's ratings (`quality.ReviewThemeRating`); the case worker's own ratings sit in
`cases.CaseRating`. Paired through `Review.case_id` and the theme, they show whether the
scale is used the same way in real cases, not only in calibration vignettes.

Nothing here changes data. The database counts the pairs (one row per theme, month and
pair of values, so the result is bounded however many cases there are); the statistics
come from `analytics.calibration`.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import extract, func, select

from ..analytics.calibration import (CaseworkAgreement, CountRow, PairedResult, casework_agreement,
                                     paired_from_counts, quarter_of)
from ..analytics.agreement import SCALE_VALUES
from ..cases.models import Case, CaseRating
from ..extensions import db
from ..quality.review_models import SUBMITTED, Review, ReviewThemeRating


def _day_after(day: date) -> datetime:
    """Midnight after `day` (an exclusive upper bound for datetimes)."""
    return datetime.combine(day + timedelta(days=1), datetime.min.time())


def counted_pairs(team_ids: list[int] | None = None, start: date | None = None,
                  end: date | None = None) -> list[CountRow]:
    """(theme_id, quarter, case worker's value, reviewer's value, count) of submitted reviews.

    One bounded aggregate query: grouped by theme, year, month and the two values, so at
    most themes × months × 25 rows come back. `team_ids` (the case's team) and the period
    (the review's submission day, both ends included) narrow it down.
    """
    year = extract("year", Review.submitted_at)
    month = extract("month", Review.submitted_at)
    stmt = (select(ReviewThemeRating.theme_id, year, month, CaseRating.value, ReviewThemeRating.value,
                   func.count())
            .join(Review, Review.id == ReviewThemeRating.review_id)
            .join(CaseRating, (CaseRating.case_id == Review.case_id)
                  & (CaseRating.theme_id == ReviewThemeRating.theme_id))
            .where(Review.status == SUBMITTED, Review.submitted_at.is_not(None),
                   CaseRating.value.in_(SCALE_VALUES), ReviewThemeRating.value.in_(SCALE_VALUES))
            .group_by(ReviewThemeRating.theme_id, year, month, CaseRating.value, ReviewThemeRating.value))
    if team_ids is not None:
        stmt = stmt.join(Case, Case.id == Review.case_id).where(Case.team_id.in_(team_ids or [-1]))
    if start is not None:
        stmt = stmt.where(Review.submitted_at >= datetime.combine(start, datetime.min.time()))
    if end is not None:
        stmt = stmt.where(Review.submitted_at < _day_after(end))
    merged: dict = defaultdict(int)
    for theme_id, y, m, case_value, review_value, n in db.session.execute(stmt):
        merged[(theme_id, quarter_of(y, m), int(case_value), int(review_value))] += int(n)
    return [(t, q, a, b, n) for (t, q, a, b), n in sorted(merged.items())]


def casework_results(team_ids: list[int] | None = None, start: date | None = None,
                     end: date | None = None) -> CaseworkAgreement:
    """Agreement between case workers and reviewers: overall, per theme, per quarter, per theme and quarter."""
    return casework_agreement(counted_pairs(team_ids, start, end))


def casework_overall(team_ids: list[int] | None = None, start: date | None = None,
                     end: date | None = None) -> PairedResult:
    """Only the overall agreement (for a round's results or a goal measure)."""
    merged: dict = defaultdict(int)
    for _theme, _quarter, a, b, n in counted_pairs(team_ids, start, end):
        merged[(a, b)] += n
    return paired_from_counts(merged)


def theme_names_in(data: CaseworkAgreement) -> dict[int, str]:
    """theme_id → name for the themes that have pairs, in the themes' configured order."""
    from ..settings.models import Theme

    ids = list(data.by_theme)
    if not ids:
        return {}
    themes = db.session.scalars(select(Theme).where(Theme.id.in_(ids)).order_by(Theme.position, Theme.name))
    return {theme.id: theme.name for theme in themes}
