"""Platform bookkeeping: the scheduler's heartbeat."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class SchedulerHeartbeat(db.Model):
    """The scheduler process's last sign of life (one row, id 1), shown by /health."""

    __tablename__ = "scheduler_heartbeat"

    id: Mapped[int] = mapped_column(primary_key=True)
    beat_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    hostname: Mapped[str] = mapped_column(String(255), default="", nullable=False)
    pid: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    last_job: Mapped[str] = mapped_column(String(120), default="", nullable=False)

    def __repr__(self) -> str:
        return f"<SchedulerHeartbeat {self.beat_at:%Y-%m-%d %H:%M:%S} pid={self.pid}>"
