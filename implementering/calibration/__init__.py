"""Calibration rounds on the 0–4 scale: vignettes, blind rating, agreement and rater leniency."""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import ANY_ROLE

#: `flask consistency alpha FILE` lives on this blueprint's command group.
bp = Blueprint("calibration", __name__, url_prefix="/kalibrering", cli_group="consistency")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = [NavItem(_l("Kalibrering"), "calibration.round_list", ANY_ROLE, order=600)]

from . import commands, models, views  # noqa: E402,F401
from .panels import register as _register_panels  # noqa: E402

_register_panels()
from .measures import register_goal_measures  # noqa: E402

register_goal_measures()
