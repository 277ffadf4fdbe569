"""The leadership overview and reports."""
from flask import Blueprint

bp = Blueprint("overview", __name__, url_prefix="/overblik")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = []
