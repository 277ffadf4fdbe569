"""Queueing e-mail in the outbox and delivering it over SMTP with retries and back-off."""
from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from ..database import utcnow
from ..extensions import db
from .models import BODY_REMOVED, FAILED, PENDING, SENT, OutboxMessage


def queue_email(recipient: str, subject: str, body: str, *, key: str | None = None,
                category: str = "", commit: bool = True) -> OutboxMessage | None:
    """Put an e-mail in the outbox. With `key`, queueing the same key again does nothing.

    Returns the new message, or None when a message with `key` already exists.
    Adds a row to the outbox (and commits unless `commit=False`).
    """
    if key is not None:
        existing = db.session.scalar(select(OutboxMessage).where(OutboxMessage.idempotency_key == key))
        if existing is not None:
            return None
    message = OutboxMessage(recipient=recipient.strip(), subject=subject, body=body,
                            idempotency_key=key, category=category, next_attempt_at=utcnow())
    if not commit:
        db.session.add(message)
        return message
    try:
        with db.session.begin_nested():
            db.session.add(message)
    except IntegrityError:  # a concurrent writer queued the same key first
        return None
    db.session.commit()
    return message


def backoff(attempts: int) -> timedelta:
    """How long to wait after `attempts` failed tries: 1, 2, 4 … minutes, at most 6 hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


@dataclass(frozen=True)
class SmtpSettings:
    """How to reach the SMTP server."""

    server: str
    port: int = 25
    username: str = ""
    password: str = ""
    use_tls: bool = False
    use_ssl: bool = False
    sender: str = "VUM Implementering <noreply@localhost>"
    timeout: float = 10.0

    @classmethod
    def from_config(cls, config) -> "SmtpSettings":
        """Build from a Flask config mapping."""
        return cls(config["MAIL_SERVER"], config["MAIL_PORT"], config["MAIL_USERNAME"],
                   config["MAIL_PASSWORD"], config["MAIL_USE_TLS"], config["MAIL_USE_SSL"],
                   config["MAIL_SENDER"], config["MAIL_TIMEOUT"])


def build_email(message: OutboxMessage, sender: str) -> EmailMessage:
    """The MIME message for an outbox row (plain text, UTF-8, stable Message-ID)."""
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(idstring=f"outbox-{message.id}")
    email.set_content(message.body)
    return email


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    """Open an SMTP connection as configured (SSL, STARTTLS, login)."""
    if settings.use_ssl:
        smtp = smtplib.SMTP_SSL(settings.server, settings.port, timeout=settings.timeout,
                                context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(settings.server, settings.port, timeout=settings.timeout)
        if settings.use_tls:
            smtp.starttls(context=ssl.create_default_context())
    if settings.username:
        smtp.login(settings.username, settings.password)
    return smtp


def due_messages(now: datetime, limit: int = 100) -> list[OutboxMessage]:
    """Pending messages whose next attempt is due, oldest first."""
    stmt = (select(OutboxMessage)
            .where(OutboxMessage.status == PENDING)
            .where(or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now))
            .order_by(OutboxMessage.id).limit(limit))
    return list(db.session.scalars(stmt))


def deliver_pending(settings: SmtpSettings, max_attempts: int, now: datetime | None = None) -> dict:
    """Send every due message; on failure schedule a retry, after `max_attempts` mark it failed.

    Each message is committed as sent right after the server accepted it, so a crash
    cannot send it twice from this outbox. Returns counts {'sent', 'retry', 'failed'}.
    """
    now = now or utcnow()
    counts = {"sent": 0, "retry": 0, "failed": 0}
    messages = due_messages(now)
    if not messages:
        return counts
    try:
        smtp = _connect(settings)
    except (OSError, smtplib.SMTPException) as exc:
        for message in messages:
            counts[_record_failure(message, exc, max_attempts, now)] += 1
        db.session.commit()
        return counts
    try:
        for message in messages:
            try:
                smtp.send_message(build_email(message, settings.sender))
            except (OSError, smtplib.SMTPException) as exc:
                counts[_record_failure(message, exc, max_attempts, now)] += 1
            else:
                message.status, message.sent_at, message.last_error = SENT, utcnow(), ""
                if message.hides_body:
                    message.body = BODY_REMOVED
                message.attempts += 1
                counts["sent"] += 1
            db.session.commit()
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            pass
    return counts


def _record_failure(message: OutboxMessage, exc: Exception, max_attempts: int, now: datetime) -> str:
    """Count a failed attempt on `message`; returns 'failed' or 'retry'."""
    message.attempts += 1
    message.last_error = f"{type(exc).__name__}: {exc}"[:1000]
    if message.attempts >= max_attempts:
        message.status = FAILED
        message.next_attempt_at = None
        return "failed"
    message.next_attempt_at = now + backoff(message.attempts)
    return "retry"


def retry_message(message: OutboxMessage) -> None:
    """Put a failed message back in the queue for an immediate new try. Commits."""
    message.status, message.attempts, message.next_attempt_at = PENDING, 0, utcnow()
    db.session.commit()
