"""Password-reset tokens: one-time, expiring, stored only as a hash."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity
from ..extensions import db


class PasswordResetToken(Entity, db.Model):
    """A reset link sent by e-mail. Only the SHA-256 of the token is kept, so a copy of the
    database does not let anyone reset a password."""

    __tablename__ = "password_reset_tokens"

    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True, nullable=False)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False, info={"cpr_exempt": True})
    expires_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)

    person = relationship("Person")
