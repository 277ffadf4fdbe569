"""Periodic work of the audit log: keep it no longer than the configured period."""
from __future__ import annotations

from flask import current_app

from .services import purge_old_events


def purge_audit_log() -> dict:
    """Delete audit events past AUDIT_RETENTION_DAYS and stale login attempts (idempotent)."""
    return purge_old_events(current_app.config["AUDIT_RETENTION_DAYS"])
