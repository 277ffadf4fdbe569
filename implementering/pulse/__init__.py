"""Motivation pulses: anonymous scheduled surveys and each team's motivation curve."""
from flask import Blueprint

from ..core.panels import register_panel, register_section
from ..i18n import _l
from ..navigation import NavItem
from ..security import ANY_ROLE, PLANNERS, READERS

bp = Blueprint("pulse", __name__, url_prefix="/puls")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = [
    NavItem(_l("Motivation"), "pulse.results", ANY_ROLE, order=600),
    NavItem(_l("Pulsplaner"), "pulse.schedule_list", PLANNERS, order=610),
]

from . import models, views  # noqa: E402,F401
from .measures import register_goal_measures  # noqa: E402
from .pages import team_section  # noqa: E402

register_goal_measures()

register_panel("pulse/_panel.html", ANY_ROLE, views.open_pulses_panel, order=20)
register_section("team", "pulse/_team_section.html", READERS, team_section, order=60)
