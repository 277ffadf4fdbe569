"""Case quality checks and audit rounds."""
from flask import Blueprint

bp = Blueprint("quality", __name__, url_prefix="/kvalitet")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = []
