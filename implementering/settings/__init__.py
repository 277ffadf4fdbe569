"""Municipality settings: name, VUM themes and the 0–4 scale labels."""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import ADMIN

bp = Blueprint("settings", __name__, url_prefix="/indstillinger")

NAV = [NavItem(_l("Indstillinger"), "settings.overview", (ADMIN,), order=910)]

from . import models, views  # noqa: E402,F401
