"""Motivation pulses: anonymous scheduled surveys."""
from flask import Blueprint

bp = Blueprint("pulse", __name__, url_prefix="/puls")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = []
