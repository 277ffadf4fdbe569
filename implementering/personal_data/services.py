"""Finding, exporting and erasing everything stored about one person.

The code reads the schema itself: every table with a foreign key to `persons.id` holds
data about the person. So a new domain's tables are covered without registering them.

Erasure keeps the `persons` row as a nameless tombstone rather than deleting it, so
every record that points at it (cases, reviews, history) stays consistent and simply
shows "Slettet person". Rows declared `ondelete="CASCADE"` belong to the person alone
(roles, enrolments, pulse invitations and participation, reset links) and are deleted;
anonymous pulse answers never point at a person and are kept as they are.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Table, select, update

from ..database import utcnow
from ..extensions import db
from ..people.models import Person

ERASED_NAME = "Slettet person"
#: Columns never exported: secrets and machine values, not information about the person.
HIDDEN_COLUMNS = {"password_hash", "token_hash", "session_version", "idempotency_key"}


@dataclass
class Reference:
    """A column in `table` that points at a person."""

    table: Table
    column: str
    cascade: bool


def references() -> list[Reference]:
    """Every foreign key in the schema that points at `persons.id`, in a stable order."""
    found = []
    for table in db.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "persons" and fk.column.name == "id" and table.name != "persons":
                found.append(Reference(table, fk.parent.name, (fk.ondelete or "").upper() == "CASCADE"))
    return found


def _plain(value):
    """A JSON- and Excel-friendly version of a column value."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _row(table: Table, row) -> dict:
    return {key: _plain(value) for key, value in row._mapping.items() if key not in HIDDEN_COLUMNS}


@dataclass
class PersonData:
    """Everything stored about one person: their own row and the rows pointing at them."""

    person: dict
    tables: dict[str, list[dict]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """How many rows each table holds about the person."""
        return {name: len(rows) for name, rows in self.tables.items()}


def collect(person: Person) -> PersonData:
    """Read everything stored about `person` (no changes)."""
    persons = db.metadata.tables["persons"]
    data = PersonData(_row(persons, db.session.execute(select(persons).where(persons.c.id == person.id)).one()))
    for ref in references():
        rows = db.session.execute(select(ref.table).where(ref.table.c[ref.column] == person.id)).all()
        if rows:
            key = ref.table.name if ref.column == "person_id" else f"{ref.table.name}.{ref.column}"
            data.tables.setdefault(key, []).extend(_row(ref.table, row) for row in rows)
    return data


def export_json(person: Person) -> str:
    """Everything about `person` as an indented JSON document."""
    data = collect(person)
    return json.dumps({"exported_at": utcnow().isoformat(), "person": data.person, "data": data.tables},
                      ensure_ascii=False, indent=2, default=str)


def export_xlsx(person: Person) -> bytes:
    """Everything about `person` as a workbook: one sheet for the person, one per table."""
    from openpyxl import Workbook

    data = collect(person)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "person"
    for key, value in data.person.items():
        sheet.append([key, value])
    for name, rows in data.tables.items():
        sheet = workbook.create_sheet(name[:31])
        columns = list(rows[0])
        sheet.append(columns)
        for row in rows:
            sheet.append([row[column] for column in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def erase(person: Person, actor: Person) -> dict[str, int]:
    """Erase `person`: delete the rows that belong to them alone, turn their own row into a
    nameless tombstone without account or roles, and replace their name in the audit log.

    Everything happens in one transaction (all or nothing) and is committed, with an audit
    event. Returns how many rows went from each table.
    """
    from ..audit.models import AuditEvent
    from ..audit.services import record

    if person.id == actor.id:
        raise ValueError("Du kan ikke slette dig selv.")
    name, email, person_id = person.name, person.email, person.id
    removed: dict[str, int] = {}
    try:
        for ref in references():
            if ref.cascade:
                result = db.session.execute(ref.table.delete().where(ref.table.c[ref.column] == person_id))
                if result.rowcount:
                    removed[ref.table.name] = removed.get(ref.table.name, 0) + result.rowcount
        db.session.expire(person)
        person.name = ERASED_NAME
        person.email = f"slettet-{person_id}@slettet.invalid"
        person.title = ""
        person.password_hash = None
        person.active = False
        person.team_id = None
        person.last_login_at = None
        person.session_version += 1
        # The audit log keeps what happened, but no longer who it was.
        db.session.execute(update(AuditEvent).where(AuditEvent.actor_id == person_id).values(actor_name=ERASED_NAME))
        # Targets name a person as "Name <e-mail>" or by e-mail; the e-mail is unique, a bare
        # name is not ("Per" is inside "Per Hansen"), so only these forms are replaced.
        for needle in (f"{name} <{email}>", email):
            for event in db.session.scalars(select(AuditEvent).where(AuditEvent.target.contains(needle)
                                                                     | AuditEvent.details.contains(needle))):
                event.target = event.target.replace(needle, ERASED_NAME)
                event.details = event.details.replace(needle, ERASED_NAME)
        record(actor, "person.deleted", f"person #{person_id}",
               ", ".join(f"{table}: {n}" for table, n in sorted(removed.items())), commit=False)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return removed


def is_erased(person: Person) -> bool:
    """True when `person` is a tombstone left by `erase`."""
    return person.name == ERASED_NAME and person.email.endswith("@slettet.invalid")
