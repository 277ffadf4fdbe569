"""Training: courses, sessions, enrolment and attendance."""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import READERS, SAGSBEHANDLER

bp = Blueprint("training", __name__, url_prefix="/uddannelse")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = [
    NavItem(_l("Uddannelse"), "training.index", READERS, order=300),
    NavItem(_l("Min uddannelse"), "training.my_training", (SAGSBEHANDLER,), order=310),
]

from . import models, views  # noqa: E402,F401
from .panels import register_all  # noqa: E402

register_all()
