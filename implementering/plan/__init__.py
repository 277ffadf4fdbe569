"""The rollout plan: activities, SMART goals, readiness checklists and the communication plan."""
from flask import Blueprint

bp = Blueprint("plan", __name__, url_prefix="/plan")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = []
