"""The pulse's periodic job: close finished rounds, open due ones, invite, remind and warn.

A plain, idempotent function: the scheduler runs it every quarter of an hour and tests
call it directly with a chosen day.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ..database import utcnow
from ..extensions import db
from .models import OPEN, Round
from .rounds import close_finished_rounds, open_due_rounds, send_invitations, send_reminders
from .warnings import send_early_warnings


def run_pulse_rounds(today: date | None = None) -> dict[str, int]:
    """Close, open, invite, remind and send early warnings for `today` (default: today in UTC); returns counts."""
    today = today or utcnow().date()
    closed = close_finished_rounds(today)
    opened = open_due_rounds(today)
    invited = reminded = 0
    for round_ in db.session.scalars(select(Round).where(Round.status == OPEN)).all():
        invited += send_invitations(round_)
        reminded += send_reminders(round_, today)
    warned = send_early_warnings(today)
    return {"closed": len(closed), "opened": len(opened), "invited": invited, "reminded": reminded,
            "warned": warned}
