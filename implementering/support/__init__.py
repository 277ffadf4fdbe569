"""Superuser support: the support log, questions and answers, experience meetings and actions."""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import ANY_ROLE, LEDELSE, SUPPORTERS

bp = Blueprint("support", __name__, url_prefix="/stoette")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = [
    NavItem(_l("Støtte"), "support.index", SUPPORTERS, order=320),
    NavItem(_l("Støtte"), "support.overview", (LEDELSE,), order=320),
    NavItem(_l("Videnbank"), "support.knowledge", ANY_ROLE, order=330),
]

from . import models, views  # noqa: E402,F401
from .panels import register_all  # noqa: E402

register_all()
