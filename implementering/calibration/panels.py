"""The calibration box on the start page and the section on the team page."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from ..core.panels import register_panel, register_section
from ..security import ANY_ROLE, READERS


def start_panel(person) -> dict | None:
    """Rounds waiting for the person's ratings, rounds they run, and the latest closed round."""
    from .services import can_manage, open_rounds_to_rate, progress_counts, rounds_for

    to_rate = open_rounds_to_rate(person, date.today())
    visible = rounds_for(person)  # newest first
    running = []
    for round_ in [r for r in visible if not r.is_closed and can_manage(person, r)][:3]:
        running.append((round_, *progress_counts(round_)))
    latest = next((r for r in visible if r.is_closed), None)
    running_progress = running
    if not to_rate and not running_progress and latest is None:
        return None
    latest_alpha = None
    if latest is not None:
        latest_alpha = _closed_round_alpha(latest.id, latest.closed_at, None)
    return {"to_rate": to_rate, "running": running_progress, "latest": latest, "latest_alpha": latest_alpha}


def team_section(viewer, team) -> dict | None:
    """Overall alpha of the team's raters in the closed rounds that invited the team (latest five)."""
    from .results import closed_rounds

    rows = [(round_, _closed_round_alpha(round_.id, round_.closed_at, team.id))
            for round_ in closed_rounds(team.id)[-5:]]
    return {"rows": rows, "team": team} if rows else None


@lru_cache(maxsize=256)
def _closed_round_alpha(round_id: int, closed_at, team_id: int | None):
    """Overall alpha of a closed round (optionally one team's raters).

    A closed round's ratings no longer change, so the result is kept per process; the
    closing time is part of the key, so a round that is reopened and closed again is new.
    """
    from ..analytics.agreement import alpha_of_ratings
    from ..extensions import db
    from .models import CalibrationRound
    from .results import submitted_ratings

    round_ = db.session.get(CalibrationRound, round_id)
    ratings = submitted_ratings(round_, team_id) if team_id is not None else submitted_ratings(round_)
    return alpha_of_ratings((r, (v, t), x) for r, v, t, x in ratings)


def register() -> None:
    """Register the start-page panel and the team-page section (idempotent)."""
    register_panel("calibration/_panel.html", ANY_ROLE, start_panel, order=60)
    register_section("team", "calibration/_team_section.html", READERS, team_section, order=60)
