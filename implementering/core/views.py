"""The start page, /health and the accessibility statement."""
from __future__ import annotations

from flask import current_app, jsonify, render_template
from flask_login import current_user

from ..security import ANY_ROLE, ROLE_LABELS, public, role_required
from . import bp
from .health import check
from .panels import panels_for


@bp.route("/")
@role_required(*ANY_ROLE)
def index():
    """The start page: what each of the person's roles needs first."""
    return render_template("core/index.html", panels=panels_for(current_user), role_labels=ROLE_LABELS)


@bp.route("/health")
@public
def health():
    """Public JSON health check: database status and the scheduler's last heartbeat."""
    body, status = check(current_app.config["SCHEDULER_HEARTBEAT_SECONDS"])
    return jsonify(body), status


@bp.route("/tilgaengelighed")
@public
def accessibility():
    """The accessibility statement (tilgængelighedserklæring)."""
    return render_template("core/accessibility.html")
