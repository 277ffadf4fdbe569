"""The audit log and the login-attempt ledger (state for throttling across workers and servers)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import utcnow
from ..extensions import db


class AuditEvent(db.Model):
    """One sensitive action. The actor's name is copied, so the entry stays readable later."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    actor_name: Mapped[str] = mapped_column(String(160), default="", nullable=False)
    #: A dotted code such as 'login.failed' or 'person.roles_changed' (see ACTION_LABELS).
    action: Mapped[str] = mapped_column(String(60), nullable=False, index=True)
    target: Mapped[str] = mapped_column(String(255), default="", nullable=False)
    details: Mapped[str] = mapped_column(Text, default="", nullable=False)
    ip: Mapped[str] = mapped_column(String(45), default="", nullable=False, info={"cpr_exempt": True})

    actor = relationship("Person", foreign_keys=[actor_id])

    def __repr__(self) -> str:
        return f"<AuditEvent {self.id} {self.action} {self.at:%Y-%m-%d %H:%M}>"


class LoginAttempt(db.Model):
    """One login attempt, kept for a day to throttle guessing per account and per IP address.

    The e-mail is stored only as a keyed hash: unknown addresses typed by mistake are
    not kept in readable form.
    """

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_account_at", "account_key", "at"),
        Index("ix_login_attempts_ip_at", "ip", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    account_key: Mapped[str] = mapped_column(String(64), nullable=False, info={"cpr_exempt": True})
    ip: Mapped[str] = mapped_column(String(45), default="", nullable=False, info={"cpr_exempt": True})
    success: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)

    def __repr__(self) -> str:
        return f"<LoginAttempt {self.id} {'ok' if self.success else 'failed'}>"
