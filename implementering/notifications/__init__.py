"""Notifications: the outbox every e-mail passes through, and its delivery job."""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import ADMIN

bp = Blueprint("notifications", __name__, url_prefix="/udbakke")

NAV = [NavItem(_l("Udbakke"), "notifications.outbox", (ADMIN,), order=920)]

from . import models, views  # noqa: E402,F401
