"""What support adds to other pages: start-page panels, person and team sections, plan links."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from ..core.panels import register_panel, register_section
from ..extensions import db
from ..i18n import _l
from ..plan.services import register_activity_source
from ..security import ADMIN, PROJEKTLEDER, READERS, SAGSBEHANDLER, SUPERBRUGER
from .constants import ACTION_OPEN, QUESTION_OPEN, SOURCE_ACTION, SOURCE_MEETING


def _ask_panel(person) -> dict:
    """"Hvem kan jeg spørge?": the case worker's superusers (always shown, also when there are none)."""
    from .services import who_to_ask

    return {"people": who_to_ask(person), "own_team": person.team}


def _superuser_panel(person) -> dict | None:
    """For superusers: the quick log button, this month's support and open questions of their teams."""
    from .models import Question, SupportSession
    from .services import own_team_ids, totals

    if not person.supported_teams:
        return None
    since = date.today() - timedelta(days=30)
    recent = list(db.session.scalars(select(SupportSession).where(
        SupportSession.superuser_id == person.id, SupportSession.day >= since)))
    team_ids = own_team_ids(person)
    open_count = db.session.scalar(select(func.count()).select_from(Question).where(
        Question.status == QUESTION_OPEN, Question.team_id.in_(team_ids))) or 0
    follow_ups = sum(1 for s in recent if s.follow_up)
    return {"totals": totals(recent), "open_count": open_count, "follow_ups": follow_ups,
            "teams": person.supported_teams}


def _leader_panel(person) -> dict:
    """For project leaders: open questions and the oldest open actions."""
    from .meetings import open_actions_by_age
    from .models import Question

    open_count = db.session.scalar(select(func.count()).select_from(Question).where(
        Question.status == QUESTION_OPEN)) or 0
    actions = open_actions_by_age(date.today())
    return {"open_count": open_count, "actions": actions[:5], "action_count": len(actions)}


def _my_actions_panel(person) -> dict | None:
    """Anyone who owns open actions sees them."""
    from .models import Action

    actions = list(db.session.scalars(select(Action).where(Action.owner_id == person.id, Action.status == ACTION_OPEN)
                                      .order_by(Action.due)))
    return {"actions": actions, "today": date.today()} if actions else None


def _team_section(viewer, team) -> dict | None:
    """Support in the last 90 days and open questions, on the team page."""
    from .services import may_see_team, sessions_since, totals
    from .models import Question

    if not may_see_team(viewer, team):
        return None
    recent = sessions_since(date.today() - timedelta(days=90), team_id=team.id)
    open_count = db.session.scalar(select(func.count()).select_from(Question).where(
        Question.status == QUESTION_OPEN, Question.team_id == team.id)) or 0
    return {"team": team, "totals": totals(recent), "open_count": open_count}


def _person_section(viewer, person) -> dict | None:
    """On a superuser's person page: their teams and a link to the superuser profile."""
    if not person.has_role(SUPERBRUGER):
        return None
    return {"person": person}


def register_all() -> None:
    """Register the panels, sections and the plan's links back to meetings and actions (idempotent)."""
    register_panel("support/_panel_ask.html", (SAGSBEHANDLER,), _ask_panel, order=10)
    register_panel("support/_panel_superuser.html", (SUPERBRUGER,), _superuser_panel, order=20)
    register_panel("support/_panel_leader.html", (ADMIN, PROJEKTLEDER), _leader_panel, order=30)
    register_panel("support/_panel_my_actions.html", READERS + (SAGSBEHANDLER,), _my_actions_panel, order=35)
    register_section("team", "support/_section_team.html", READERS, _team_section, order=50)
    register_section("person", "support/_section_person.html", READERS, _person_section, order=50)
    register_activity_source(SOURCE_MEETING, _l("Erfaringsmøde"), "support.meeting_detail", "meeting_id")
    register_activity_source(SOURCE_ACTION, _l("Handling fra erfaringsmøde"), "support.action_detail", "action_id")
