"""The outbox: every e-mail the app sends is first a row here."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..database import Entity
from ..extensions import db

#: Mail whose body carries a personal one-time link: admins never see the body, and it is
#: blanked once sent, so nobody can use the link on the recipient's behalf.
ONE_TIME_LINK_CATEGORIES = frozenset({"pulse.invitation", "pulse.reminder", "accounts.password_reset"})
BODY_REMOVED = "[Indholdet er fjernet efter afsendelse, fordi det indeholdt et personligt engangslink.]"

PENDING = "pending"
SENT = "sent"
FAILED = "failed"


class OutboxMessage(Entity, db.Model):
    """One e-mail waiting to be sent, sent, or given up on after repeated failures."""

    __tablename__ = "outbox"

    recipient: Mapped[str] = mapped_column(String(254), nullable=False, index=True)
    subject: Mapped[str] = mapped_column(String(255), nullable=False)
    # Bodies are written by the app (they may carry one-time links), never typed by users.
    body: Mapped[str] = mapped_column(Text, nullable=False, info={"cpr_exempt": True})
    status: Mapped[str] = mapped_column(String(10), default=PENDING, nullable=False, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    last_error: Mapped[str] = mapped_column(String(1000), default="", nullable=False)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: Makes queueing idempotent: the same key is never queued (and so never sent) twice.
    idempotency_key: Mapped[str | None] = mapped_column(
        String(200), unique=True, info={"cpr_exempt": True}
    )
    #: What produced the message (e.g. 'pulse.invitation'), for filtering in the admin view.
    category: Mapped[str] = mapped_column(String(60), default="", nullable=False)

    @property
    def hides_body(self) -> bool:
        """True when the body holds a personal one-time link that admins must not see."""
        return self.category in ONE_TIME_LINK_CATEGORIES
