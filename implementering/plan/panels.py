"""The plan's start-page panel and its sections on the person and team pages."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from ..core.panels import register_panel, register_section
from ..extensions import db
from ..security import ANY_ROLE, PLANNERS, READERS
from .constants import CLOSED_STATUSES
from .models import Activity, activity_teams
from .services import activities_for_person


def my_plan_panel(person) -> dict | None:
    """'Mine aktiviteter': the next open activities and how many are overdue; plan totals for planners."""
    today = date.today()
    mine = activities_for_person(person, start=today - timedelta(days=365), include_closed=False)
    overdue = [a for a in mine if a.days_overdue(today)]
    upcoming = [a for a in mine if a.end_date >= today][:5]
    context = {"upcoming": upcoming, "overdue": overdue, "today": today, "plan_overdue": None}
    if person.has_any_role(PLANNERS):
        context["plan_overdue"] = db.session.scalar(select(func.count(Activity.id)).where(
            Activity.end_date < today, Activity.status.not_in(CLOSED_STATUSES)))
    if not upcoming and not overdue and context["plan_overdue"] is None:
        return None
    return context


def person_section(viewer, person) -> dict | None:
    """The person's open activities on their person page."""
    activities = activities_for_person(person, start=date.today() - timedelta(days=60), include_closed=False)
    return {"activities": activities[:10], "today": date.today(), "total": len(activities)}


def team_section(viewer, team) -> dict | None:
    """The team's activities (where the team takes part) on the team page."""
    today = date.today()
    query = (select(Activity).where(Activity.id.in_(select(activity_teams.c.activity_id)
                                                    .where(activity_teams.c.team_id == team.id)),
                                    Activity.end_date >= today - timedelta(days=30))
             .order_by(Activity.start_date).limit(12))
    return {"activities": list(db.session.scalars(query)), "today": today, "team": team}


def register() -> None:
    """Register the panel and the sections (idempotent)."""
    register_panel("plan/_panel.html", ANY_ROLE, my_plan_panel, order=20)
    register_section("person", "plan/_person_section.html", READERS, person_section, order=30)
    register_section("team", "plan/_team_section.html", READERS, team_section, order=30)
