"""The health check: database reachability and the scheduler's heartbeat."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..database import utcnow
from ..extensions import db
from .models import SchedulerHeartbeat


def heartbeat_status(beat: SchedulerHeartbeat | None, interval_seconds: int, now: datetime) -> dict:
    """Describe the scheduler from its last heartbeat: 'ok', 'stale' (3 missed beats) or 'unknown'."""
    if beat is None:
        return {"status": "unknown", "last_heartbeat": None, "age_seconds": None}
    age = (now - beat.beat_at).total_seconds()
    return {
        "status": "ok" if age <= 3 * interval_seconds else "stale",
        "last_heartbeat": beat.beat_at.isoformat() + "Z",
        "age_seconds": round(age, 1),
        "last_job": beat.last_job,
    }


def check(interval_seconds: int) -> tuple[dict, int]:
    """Touch the database once (reading the heartbeat) and build the /health answer."""
    try:
        beat = db.session.execute(
            db.select(SchedulerHeartbeat).where(SchedulerHeartbeat.id == 1)
        ).scalar_one_or_none()
    except SQLAlchemyError:
        db.session.rollback()
        return {"status": "error", "database": "unreachable", "scheduler": {"status": "unknown"}}, 503
    return {"status": "ok", "database": "ok", "scheduler": heartbeat_status(beat, interval_seconds, utcnow())}, 200


def write_heartbeat(hostname: str, pid: int, last_job: str = "") -> None:
    """Record that the scheduler is alive now. Upserts row 1 and commits.

    Two jobs may beat at the same moment: whoever loses the insert race updates instead.
    """
    from sqlalchemy import update
    from sqlalchemy.exc import IntegrityError

    values = {"beat_at": utcnow(), "hostname": hostname, "pid": pid}
    if last_job:
        values["last_job"] = last_job
    for _attempt in range(2):
        updated = db.session.execute(update(SchedulerHeartbeat).where(SchedulerHeartbeat.id == 1).values(**values))
        if updated.rowcount:
            db.session.commit()
            return
        try:
            db.session.add(SchedulerHeartbeat(id=1, **{"last_job": "", **values}))
            db.session.commit()
            return
        except IntegrityError:
            db.session.rollback()
