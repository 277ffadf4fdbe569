"""Records role changes and anonymity-setting changes wherever in the code they happen.

A `before_flush` listener inspects the changes about to be written, so a new page in
any domain that changes roles or the pulse threshold is logged without remembering to.
"""
from __future__ import annotations

from flask import has_request_context
from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from ..database import utcnow
from .models import AuditEvent


def _actor():
    """The logged-in person of the current request, or None (CLI, scheduler, anonymous)."""
    if not has_request_context():
        return None
    from flask import g

    user = g.get("_login_user")  # never load the user here: we are inside a flush
    return user if getattr(user, "is_authenticated", False) else None


def _event(action: str, target: str, details: str) -> AuditEvent:
    from .services import client_ip

    actor = _actor()
    return AuditEvent(at=utcnow(), actor_id=getattr(actor, "id", None), actor_name=getattr(actor, "name", "") or "",
                      action=action, target=target[:255], details=details, ip=client_ip())


def _role_changes(person) -> tuple[set[str], set[str]]:
    """Roles added and removed on `person` in this flush."""
    history = inspect(person).attrs.role_rows.history
    added = {row.role for row in history.added or ()}
    removed = {row.role for row in history.deleted or ()}
    return added - removed, removed - added


def audit_sensitive_changes(session: Session, _flush_context, _instances) -> None:
    """Before a flush: add audit events for role and anonymity-threshold changes."""
    from ..people.models import Person
    from ..settings.models import Municipality

    events = []
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Person):
            added, removed = _role_changes(obj)
            if added or removed:
                parts = []
                if added:
                    parts.append("tilføjet: " + ", ".join(sorted(added)))
                if removed:
                    parts.append("fjernet: " + ", ".join(sorted(removed)))
                events.append(_event("person.roles_changed", f"{obj.name} <{obj.email}>", "; ".join(parts)))
        elif isinstance(obj, Municipality) and obj in session.dirty:
            history = inspect(obj).attrs.pulse_min_group_size.history
            if not history.added:
                continue
            # The old value is not in memory when the object was expired (after a commit);
            # read it from the database without autoflushing.
            old = history.deleted[0] if history.deleted else session.connection().execute(
                select(Municipality.__table__.c.pulse_min_group_size).where(Municipality.__table__.c.id == obj.id)
            ).scalar()
            if old != obj.pulse_min_group_size:
                events.append(_event("settings.anonymity_changed", "pulse_min_group_size",
                                     f"{old} → {obj.pulse_min_group_size}"))
    for audit_event in events:
        session.add(audit_event)


if not event.contains(Session, "before_flush", audit_sensitive_changes):
    event.listen(Session, "before_flush", audit_sensitive_changes)
