"""Accounts: logging in and out, own password, and the admin's account pages."""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import ADMIN

bp = Blueprint("accounts", __name__)

NAV = [NavItem(_l("Brugere"), "accounts.account_list", (ADMIN,), order=900)]

from . import models, views  # noqa: E402,F401
