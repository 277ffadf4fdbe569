"""The case register's figure for SMART goals in the plan: the share of new cases handled with VUM."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import case, func, select

from ..extensions import db
from ..i18n import _l
from .models import NEW, Case

#: New cases opened in this many days up to and including the day count.
WINDOW_DAYS = 91


def new_cases_vum_share(today: date) -> float | None:
    """Per cent of new cases (case type 'ny') opened in the last WINDOW_DAYS days that were handled with VUM.

    None when no new case was opened in the window. One aggregate query.
    """
    vum, total = db.session.execute(
        select(func.count(case((Case.handled_with_vum.is_(True), 1))), func.count(Case.id))
        .where(Case.case_type == NEW, Case.opened_on > today - timedelta(days=WINDOW_DAYS),
               Case.opened_on <= today)).one()
    return round(100 * vum / total, 1) if total else None


def register_goal_measures() -> None:
    """Offer the VUM share of new cases as a computed measure for plan goals."""
    from ..plan.goals import register_measure

    register_measure("cases_vum_share", _l("Andel nye sager behandlet med VUM, seneste kvartal (%)"), "%",
                     new_cases_vum_share)
