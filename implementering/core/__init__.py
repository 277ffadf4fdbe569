"""Core pages: the start page, /health, the accessibility statement, error pages."""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import ANY_ROLE

bp = Blueprint("core", __name__)

NAV = [NavItem(_l("Forside"), "core.index", ANY_ROLE, order=0)]

from . import models, views  # noqa: E402,F401
