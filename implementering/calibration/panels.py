"""The calibration box on the start page and the section on the team page."""
from __future__ import annotations

from datetime import date

from ..core.panels import register_panel, register_section
from ..security import ANY_ROLE, READERS


def start_panel(person) -> dict | None:
    """Rounds waiting for the person's ratings, rounds they run, and the latest closed round."""
    from .services import can_manage, open_rounds_to_rate, progress, rounds_for

    to_rate = open_rounds_to_rate(person, date.today())
    visible = rounds_for(person)  # newest first
    running = []
    for round_ in [r for r in visible if not r.is_closed and can_manage(person, r)][:3]:
        rows = progress(round_)
        running.append((round_, sum(1 for _p, status in rows if status == "submitted"), len(rows)))
    latest = next((r for r in visible if r.is_closed), None)
    running_progress = running
    if not to_rate and not running_progress and latest is None:
        return None
    latest_alpha = None
    if latest is not None:
        from ..analytics.agreement import alpha_of_ratings
        from .results import submitted_ratings

        latest_alpha = alpha_of_ratings((r, (v, t), x) for r, v, t, x in submitted_ratings(latest))
    return {"to_rate": to_rate, "running": running_progress, "latest": latest, "latest_alpha": latest_alpha}


def team_section(viewer, team) -> dict | None:
    """Overall alpha of the team's raters in the closed rounds that invited the team (latest five)."""
    from ..analytics.agreement import alpha_of_ratings
    from .results import closed_rounds, submitted_ratings

    rows = []
    for round_ in closed_rounds(team.id)[-5:]:
        ratings = submitted_ratings(round_, team.id)
        rows.append((round_, alpha_of_ratings(((r, (v, t), x) for r, v, t, x in ratings))))
    return {"rows": rows, "team": team} if rows else None


def register() -> None:
    """Register the start-page panel and the team-page section (idempotent)."""
    register_panel("calibration/_panel.html", ANY_ROLE, start_panel, order=60)
    register_section("team", "calibration/_team_section.html", READERS, team_section, order=60)
