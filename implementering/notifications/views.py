"""The admin's view of the outbox."""
from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from sqlalchemy import func, select

from ..extensions import db
from ..i18n import _
from ..security import ADMIN, role_required
from . import bp
from .models import OutboxMessage
from .services import retry_message


@bp.route("/")
@role_required(ADMIN)
def outbox():
    """Every e-mail the app has queued, newest first, filterable by status."""
    status = request.args.get("status") or None
    stmt = select(OutboxMessage).order_by(OutboxMessage.id.desc())
    if status:
        stmt = stmt.where(OutboxMessage.status == status)
    page = db.paginate(stmt, per_page=50, error_out=False)
    counts = dict(db.session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all())
    return render_template("notifications/outbox.html", page=page, counts=counts, status=status,
                           mail_configured=bool(current_app.config.get("MAIL_SERVER")))


@bp.route("/<int:message_id>")
@role_required(ADMIN)
def message_detail(message_id: int):
    """One e-mail with its body and delivery history."""
    return render_template("notifications/message_detail.html", message=db.get_or_404(OutboxMessage, message_id))


@bp.route("/<int:message_id>/prov-igen", methods=["POST"])
@role_required(ADMIN)
def message_retry(message_id: int):
    """Queue a failed message again."""
    retry_message(db.get_or_404(OutboxMessage, message_id))
    flash(_("Beskeden sendes igen ved næste kørsel."), "success")
    return redirect(url_for("notifications.message_detail", message_id=message_id))
