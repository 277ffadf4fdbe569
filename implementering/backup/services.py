"""Making and restoring backups of the database, on SQLite and PostgreSQL."""
from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url

BACKUP_PREFIX = "vum-backup-"


class BackupError(RuntimeError):
    """A backup or restore could not be completed; the message says why (in Danish)."""


def _sqlite_path(url) -> str:
    path = url.database
    if not path or path == ":memory:":
        raise BackupError("En database i hukommelsen kan ikke sikkerhedskopieres.")
    return path


def _pg_args(url) -> tuple[list[str], dict]:
    """Connection arguments for pg_dump/pg_restore and an environment holding the password."""
    args = ["-h", url.host or "localhost", "-p", str(url.port or 5432), "-U", url.username or "postgres",
            "-d", url.database]
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password
    return args, env


def _run(command: list[str], env: dict) -> None:
    """Run a PostgreSQL client tool; raise BackupError with its message on failure."""
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    except FileNotFoundError as exc:
        raise BackupError(f"{command[0]} findes ikke; installer PostgreSQL-klientværktøjerne.") from exc
    if result.returncode != 0:
        raise BackupError(f"{command[0]} fejlede: {result.stderr.strip()[:2000]}")


def create_backup(database_uri: str, target: str | Path) -> Path:
    """Write a consistent backup of the database at `database_uri` to `target` (a file).

    SQLite: the online backup API, safe while the app is running. PostgreSQL: pg_dump -Fc.
    The file is written beside the target first and renamed, so a failed backup never
    leaves a half file under the final name.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    url = make_url(database_uri)
    try:
        if url.get_backend_name() == "sqlite":
            source = sqlite3.connect(_sqlite_path(url))
            destination = sqlite3.connect(partial)
            try:
                with destination:
                    source.backup(destination)
            finally:
                destination.close()
                source.close()
        elif url.get_backend_name() == "postgresql":
            args, env = _pg_args(url)
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", str(partial), *args], env)
        else:
            raise BackupError(f"Databasetypen {url.get_backend_name()} understøttes ikke.")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    target.chmod(0o600)  # the backup holds personal data
    return target


def restore_backup(database_uri: str, source: str | Path) -> None:
    """Replace the contents of the database at `database_uri` with the backup in `source`.

    Stop the web workers and the scheduler first. SQLite: the backup API in reverse.
    PostgreSQL: pg_restore --clean (existing tables are dropped and recreated).
    """
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"Filen {source} findes ikke.")
    url = make_url(database_uri)
    if url.get_backend_name() == "sqlite":
        with open(source, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise BackupError(f"{source} er ikke en SQLite-sikkerhedskopi.")
        backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        live = sqlite3.connect(_sqlite_path(url))
        try:
            with live:
                backup.backup(live)
        finally:
            live.close()
            backup.close()
    elif url.get_backend_name() == "postgresql":
        args, env = _pg_args(url)
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
              "--exit-on-error", *args, str(source)], env)
    else:
        raise BackupError(f"Databasetypen {url.get_backend_name()} understøttes ikke.")


def backup_name(backend: str, now: datetime) -> str:
    """The file name of a scheduled backup, sortable by time."""
    suffix = "sqlite3" if backend == "sqlite" else "dump"
    return f"{BACKUP_PREFIX}{now:%Y%m%d-%H%M%S}.{suffix}"


def prune_backups(folder: str | Path, keep_days: int, now: datetime) -> list[Path]:
    """Delete scheduled backups in `folder` older than `keep_days` (by their name); returns them.

    The newest backup is always kept, however old, so a long outage never leaves none.
    """
    folder = Path(folder)
    files = sorted(folder.glob(f"{BACKUP_PREFIX}*"))
    removed = []
    for path in files[:-1]:
        stamp = path.name[len(BACKUP_PREFIX):].split(".")[0]
        try:
            taken = datetime.strptime(stamp, "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        if taken < now - timedelta(days=keep_days):
            path.unlink()
            removed.append(path)
    return removed
