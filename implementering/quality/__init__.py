"""Case quality checks and audit rounds."""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import ANY_ROLE, READERS

bp = Blueprint("quality", __name__, url_prefix="/kvalitet")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = [
    NavItem(_l("Kvalitetstjek"), "quality.my_reviews", ANY_ROLE, order=510),
    NavItem(_l("Kvalitetsresultater"), "quality.results", READERS, order=520),
]

from . import models, review_models, views  # noqa: E402,F401
from .panels import register  # noqa: E402

register()
from .measures import register_goal_measures  # noqa: E402

register_goal_measures()
