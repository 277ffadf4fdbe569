"""The quality domain's start-page panel and team-page section."""
from __future__ import annotations

from ..core.panels import register_panel, register_section
from ..security import ANY_ROLE, READERS


def _panel_context(person) -> dict | None:
    """Reviews waiting for `person`, recent reviews of their own cases and their open recommendations."""
    from .reviews import assigned_to, open_recommendations_for, visible_reviews
    from ..extensions import db

    todo = assigned_to(person)
    mine = [r for r in db.session.scalars(visible_reviews(person).limit(20)) if r.case.caseworker_id == person.id][:3]
    actions = open_recommendations_for(person)
    if not (todo or mine or actions):
        return None
    return {"todo": todo[:5], "todo_count": len(todo), "mine": mine, "actions": actions[:5]}


def _team_context(viewer, team) -> dict | None:
    """The team's share of positive answers per quarter (last four quarters with data)."""
    from .results import compute_results

    data = compute_results(team_id=team.id)
    if not data.reviews:
        return None
    return {"periods": data.periods[-4:], "weakest": data.criteria[:3], "reviews": data.reviews}


def register() -> None:
    """Register the panel and the section (idempotent)."""
    register_panel("quality/_panel.html", ANY_ROLE, _panel_context, order=300)
    register_section("team", "quality/_team_section.html", READERS, _team_context, order=300)
