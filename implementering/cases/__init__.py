"""The pseudonymous case register and its imports."""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import SUPPORTERS

bp = Blueprint("cases", __name__, url_prefix="/sager")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = [NavItem(_l("Sager"), "cases.case_list", SUPPORTERS, order=500)]

from . import models, views  # noqa: E402,F401
from .measures import register_goal_measures  # noqa: E402

register_goal_measures()
