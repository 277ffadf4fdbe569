"""Calibration rounds on the 0–4 scale."""
from flask import Blueprint

bp = Blueprint("calibration", __name__, url_prefix="/kalibrering")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = []
