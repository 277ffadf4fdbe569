"""Superuser support: the support log, questions and answers, experience meetings and actions."""
from flask import Blueprint

bp = Blueprint("support", __name__, url_prefix="/stoette")

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = []
