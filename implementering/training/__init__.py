"""Training: courses, sessions, enrolment and attendance."""
from flask import Blueprint

bp = Blueprint("training", __name__, url_prefix="/uddannelse")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = []
