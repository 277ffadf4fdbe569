"""Audit log: who did what sensitive thing when (logins, roles, imports, exports, deletions).

Other domains call `audit.record(actor, action, target, details)`; admins read the log.
"""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import ADMIN

bp = Blueprint("audit", __name__, url_prefix="/admin")

NAV = [NavItem(_l("Log"), "audit.event_list", (ADMIN,), order=920)]

from . import models, views, watch  # noqa: E402,F401
from .services import record  # noqa: E402,F401

__all__ = ["bp", "record"]
