"""Early warnings raised for a team's falling or low motivation (one per team and round)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity
from ..extensions import db


class EarlyWarning(Entity, db.Model):
    """A team's motivation called for attention after the round that opened on `round_on`.

    Holds only the team's shown (non-suppressed) figures, never anything about a person.
    The e-mails about it go through the outbox with one idempotency key per team, round
    and recipient, so a job that runs twice never sends twice.
    """

    __tablename__ = "pulse_warnings"
    __table_args__ = (UniqueConstraint("team_id", "round_on"),)

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True)
    round_on: Mapped[date] = mapped_column(Date, nullable=False)
    #: 'fald' (a clear fall) or 'lav' (below the floor).
    reason: Mapped[str] = mapped_column(String(10), nullable=False)
    latest: Mapped[float] = mapped_column(Float, nullable=False)
    change: Mapped[float | None] = mapped_column(Float)

    team = relationship("Team")

    def __repr__(self) -> str:
        return f"<EarlyWarning team={self.team_id} {self.round_on} {self.reason}>"
