"""Periodic jobs of the quality domain (registered in implementering/scheduler.py)."""
from __future__ import annotations

from .rounds import open_due_rounds, send_review_reminders


def open_rounds() -> int:
    """Open every planned round whose day has come (draw, assign, e-mail). Idempotent."""
    return open_due_rounds()


def remind_reviewers() -> int:
    """Queue reminders for unfinished reviews close to their due date (one per review). Idempotent."""
    return send_review_reminders()
