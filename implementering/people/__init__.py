"""People and organisation: departments, teams, persons, roles and superusers."""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import READERS

bp = Blueprint("people", __name__)

NAV = [NavItem(_l("Organisation"), "people.team_list", READERS, order=800)]

from . import models, views  # noqa: E402,F401
