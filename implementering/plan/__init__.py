"""The rollout plan: activities, SMART goals, readiness checklists and the communication plan."""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import ANY_ROLE

bp = Blueprint("plan", __name__, url_prefix="/plan")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = [NavItem(_l("Plan"), "plan.activity_list", ANY_ROLE, order=200)]

from . import models, views  # noqa: E402,F401
from .panels import register  # noqa: E402

register()
