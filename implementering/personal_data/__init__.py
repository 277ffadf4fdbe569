"""Data-subject rights: an admin exports everything stored about a person, or erases the person."""
from flask import Blueprint

bp = Blueprint("personal_data", __name__, url_prefix="/admin/persondata")

from . import views  # noqa: E402,F401
