"""What the overview adds to other pages: the headline panel for leadership and a link on the team page."""
from __future__ import annotations

from datetime import date

from ..core.panels import register_panel, register_section
from ..security import LEDELSE

#: Key figures shown in the leadership panel on the start page.
PANEL_FIGURES = ("adoption_share", "training_coverage", "vum_total", "motivation_mean", "plan_overdue")


def leadership_panel(person) -> dict | None:
    """Headline figures of the whole rollout with their traffic lights, for leadership."""
    from .report import by_key
    from .services import overview_for

    overview = overview_for(date.today())
    if not overview.scope.teams:
        return None
    figures = by_key(overview)
    return {"figures": [figures[key] for key in PANEL_FIGURES if key in figures],
            "headline": overview.readings.get("headline", "")}


def team_section(viewer, team) -> dict | None:
    """A link from the people team page to the team's overview page (for those who may open it)."""
    from .services import may_see_team

    if not may_see_team(viewer, team):
        return None
    return {"team": team}


def register() -> None:
    """Register the start-page panel and the team-page section (idempotent)."""
    from . import TEAM_PAGE_ROLES

    register_panel("overview/_panel.html", (LEDELSE,), leadership_panel, order=10)
    register_section("team", "overview/_team_section.html", TEAM_PAGE_ROLES, team_section, order=10)
