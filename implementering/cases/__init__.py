"""The pseudonymous case register and its imports."""
from flask import Blueprint

bp = Blueprint("cases", __name__, url_prefix="/sager")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = []
