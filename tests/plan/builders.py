"""Builders for plan test data."""
from __future__ import annotations

from datetime import date

from implementering.extensions import db
from implementering.plan.models import Activity
from implementering.plan.services import create_activity


def make_activity(title: str = "Informationsmøde", start: date = date(2026, 3, 2), end: date | None = None,
                  **fields) -> Activity:
    """An activity of the plan (committed)."""
    activity = create_activity(None, title=title, start_date=start, end_date=end or start, **fields)
    db.session.commit()
    return activity
