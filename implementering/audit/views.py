"""Admin pages: the audit log and the permission matrix."""
from __future__ import annotations

from flask import current_app, render_template, request

from ..extensions import db
from ..security import ADMIN, ALL_ROLES, ROLE_LABELS, role_required
from . import bp
from .matrix import permission_matrix
from .services import ACTION_LABELS, events_query


@bp.route("/log")
@role_required(ADMIN)
def event_list():
    """Admin: the audit log, newest first, filtered by action and free text."""
    action = request.args.get("handling") or None
    stmt = events_query(action=action, search=request.args.get("q", ""))
    page = db.paginate(stmt, per_page=100, error_out=False)
    return render_template("audit/event_list.html", page=page, labels=ACTION_LABELS, args=request.args,
                           retention_days=current_app.config["AUDIT_RETENTION_DAYS"])


@bp.route("/rettigheder")
@role_required(ADMIN)
def permissions():
    """Admin: which role may use which page, generated from the routes' own declarations."""
    return render_template("audit/permissions.html", sections=permission_matrix(current_app),
                           roles=ALL_ROLES, role_labels=ROLE_LABELS)
