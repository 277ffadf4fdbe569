"""Periodic work of the notifications domain."""
from __future__ import annotations

from flask import current_app

from .services import SmtpSettings, deliver_pending


def deliver_outbox() -> dict | None:
    """Send due outbox mail over SMTP; without MAIL_SERVER the mail stays in the outbox."""
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        return None
    return deliver_pending(SmtpSettings.from_config(config), config["MAIL_MAX_ATTEMPTS"])
