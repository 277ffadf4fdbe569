"""The nightly backup job."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from flask import current_app
from sqlalchemy.engine import make_url

from .services import backup_name, create_backup, prune_backups


def nightly_backup() -> dict:
    """Back up the database into BACKUP_DIR and delete backups older than BACKUP_KEEP_DAYS.

    Running it twice in a night only makes one more file, so a restarted scheduler does no harm.
    """
    folder = current_app.config["BACKUP_DIR"]
    if not folder:
        return {"skipped": "BACKUP_DIR er tom"}
    uri = current_app.config["SQLALCHEMY_DATABASE_URI"]
    now = datetime.now()
    path = create_backup(uri, Path(folder) / backup_name(make_url(uri).get_backend_name(), now))
    removed = prune_backups(folder, current_app.config["BACKUP_KEEP_DAYS"], now)
    return {"backup": str(path), "removed": len(removed)}
