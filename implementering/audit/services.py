"""Writing, reading and pruning the audit log."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import has_request_context, request
from sqlalchemy import delete, select

from ..database import utcnow
from ..extensions import db
from ..i18n import _l
from .models import AuditEvent, LoginAttempt

#: Danish labels for the actions the platform records; other domains may add theirs.
ACTION_LABELS = {
    "login.succeeded": _l("Login"),
    "login.failed": _l("Mislykket login"),
    "login.throttled": _l("Login bremset"),
    "logout": _l("Log ud"),
    "sessions.revoked": _l("Logget ud overalt"),
    "password.changed": _l("Adgangskode skiftet"),
    "password.set_by_admin": _l("Adgangskode sat af administrator"),
    "password.reset_requested": _l("Nulstilling af adgangskode bestilt"),
    "password.reset": _l("Adgangskode nulstillet via link"),
    "account.created": _l("Bruger oprettet"),
    "account.updated": _l("Bruger ændret"),
    "person.roles_changed": _l("Roller ændret"),
    "person.exported": _l("Persondata eksporteret"),
    "person.deleted": _l("Person slettet"),
    "settings.anonymity_changed": _l("Anonymitetsgrænse ændret"),
    "import": _l("Import"),
    "export": _l("Eksport"),
    "delete": _l("Sletning"),
    "backup.created": _l("Sikkerhedskopi oprettet"),
    "backup.restored": _l("Sikkerhedskopi genskabt"),
}


def client_ip() -> str:
    """The client's IP address in the current request ('' outside a request)."""
    if not has_request_context():
        return ""
    return (request.remote_addr or "")[:45]


def record(actor, action: str, target: str = "", details: str = "", *, commit: bool = True) -> AuditEvent:
    """Add an audit event: `actor` (a Person, or None for the system/anonymous) did `action`
    to `target`, with free-text `details`. Adds a row (commits unless `commit=False`).

    Never put the content of personal data in `details`; name what was touched.
    """
    actor_id = getattr(actor, "id", None) if getattr(actor, "is_authenticated", True) else None
    event = AuditEvent(
        at=utcnow(),
        actor_id=actor_id,
        actor_name=(getattr(actor, "name", "") or "")[:160] if actor_id else "",
        action=action[:60],
        target=(target or "")[:255],
        details=details or "",
        ip=client_ip(),
    )
    db.session.add(event)
    if commit:
        db.session.commit()
    return event


def events_query(action: str | None = None, actor_id: int | None = None, search: str = ""):
    """Events newest first, optionally only one action (or action prefix like 'login'), one actor
    or a text found in target or details."""
    stmt = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if action:
        stmt = stmt.where((AuditEvent.action == action) | AuditEvent.action.startswith(action + "."))
    if actor_id:
        stmt = stmt.where(AuditEvent.actor_id == actor_id)
    if search:
        like = f"%{search.strip()}%"
        stmt = stmt.where(AuditEvent.target.ilike(like) | AuditEvent.details.ilike(like)
                          | AuditEvent.actor_name.ilike(like))
    return stmt


def purge_old_events(retention_days: int, now: datetime | None = None) -> dict:
    """Delete audit events older than `retention_days` and login attempts older than a day.
    Commits; returns how many rows went."""
    now = now or utcnow()
    events = db.session.execute(delete(AuditEvent).where(AuditEvent.at < now - timedelta(days=retention_days)))
    attempts = db.session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - timedelta(days=1)))
    db.session.commit()
    return {"audit_events": events.rowcount or 0, "login_attempts": attempts.rowcount or 0}
