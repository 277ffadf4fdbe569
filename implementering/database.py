"""Shared model base (naming convention, id and timestamps) and SQLite connection pragmas."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from sqlalchemy import DateTime, MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Explicit constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Return the current time as a naive UTC datetime (stored the same on every database)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Declarative base for every model; Flask-SQLAlchemy builds `db.Model` on it."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Entity:
    """Mixin giving a model an integer primary key and created/updated timestamps."""

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, nullable=False
    )

    def __repr__(self) -> str:
        """Show the class and id, plus a name or title where the model has one."""
        label = getattr(self, "name", None) or getattr(self, "title", None)
        return f"<{type(self).__name__} {self.id}{' ' + repr(label) if label else ''}>"


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Turn on foreign keys, WAL and a busy timeout for SQLite connections only."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class CPRRefusedError(ValueError):
    """Raised when something tries to store a CPR number; names the column, never the value."""

    def __init__(self, table: str, column: str):
        super().__init__(f"CPR number refused in {table}.{column}")
        self.table = table
        self.column = column


def guard_against_cpr(session, _flush_context, _instances) -> None:
    """Before every flush: refuse any new or changed text value that contains a CPR number.

    This is the last line of defence behind form and import validation. Columns that
    hold machine values (hashes, tokens) opt out with `info={"cpr_exempt": True}`.
    """
    from sqlalchemy import String, inspect

    from .privacy import contains_cpr

    for obj in (*session.new, *session.dirty):
        mapper = inspect(obj).mapper
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            if column.info.get("cpr_exempt") or not isinstance(column.type, String):
                continue
            value = getattr(obj, attr.key, None)
            if isinstance(value, str) and contains_cpr(value):
                raise CPRRefusedError(mapper.local_table.name, column.name)


def install_cpr_guard() -> None:
    """Attach `guard_against_cpr` to every ORM session (idempotent)."""
    from sqlalchemy.orm import Session

    if not event.contains(Session, "before_flush", guard_against_cpr):
        event.listen(Session, "before_flush", guard_against_cpr)
