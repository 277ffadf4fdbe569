"""Reading and changing cases one at a time: search, create/update with theme ratings, storing
uploads between the two steps of an import."""
from __future__ import annotations

import re
import secrets
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..people.models import Person, Team
from .models import STEP_COLUMNS, Case, CaseRating


def search_cases(query: str = "", team_id: int | None = None, department_id: int | None = None,
                 case_type: str | None = None, vum: str | None = None, caseworker_id: int | None = None,
                 opened_from: date | None = None, opened_to: date | None = None):
    """A select() of cases matching the filters, newest first (`vum`: 'ja', 'nej' or None)."""
    stmt = select(Case).options(selectinload(Case.team), selectinload(Case.caseworker)).order_by(
        Case.opened_on.desc(), Case.id.desc())
    if query:
        stmt = stmt.where(func.lower(Case.reference).like(f"%{query.strip().lower()}%"))
    if team_id:
        stmt = stmt.where(Case.team_id == team_id)
    if department_id:
        stmt = stmt.where(Case.department_id == department_id)
    if case_type:
        stmt = stmt.where(Case.case_type == case_type)
    if vum in ("ja", "nej"):
        stmt = stmt.where(Case.handled_with_vum.is_(vum == "ja"))
    if caseworker_id:
        stmt = stmt.where(Case.caseworker_id == caseworker_id)
    if opened_from:
        stmt = stmt.where(Case.opened_on >= opened_from)
    if opened_to:
        stmt = stmt.where(Case.opened_on <= opened_to)
    return stmt


def case_by_reference(reference: str) -> Case | None:
    """The case with this reference (exact, trimmed), or None."""
    return db.session.scalar(select(Case).where(Case.reference == reference.strip()))


def save_case(case: Case, data: dict, ratings: dict[int, int | None]) -> Case:
    """Create or update a case from form data and set the case worker's theme ratings. Commits.

    `data` holds reference, team_id, caseworker_id, opened_on, case_type, handled_with_vum and
    vum_steps (list of step keys); `ratings` maps theme id → 0–4 value or None (no rating).
    The area (department) follows the team.
    """
    team = db.session.get(Team, data["team_id"])
    case.reference = data["reference"].strip()
    case.team_id = team.id
    case.department_id = team.department_id
    case.caseworker_id = data.get("caseworker_id") or None
    case.opened_on = data["opened_on"]
    case.case_type = data["case_type"]
    case.handled_with_vum = bool(data.get("handled_with_vum"))
    steps = set(data.get("vum_steps") or ())
    for key, column in STEP_COLUMNS.items():
        setattr(case, column, key in steps)
    current = {rating.theme_id: rating for rating in case.ratings}
    for theme_id, value in ratings.items():
        if value is None:
            if theme_id in current:
                case.ratings.remove(current[theme_id])
        elif theme_id in current:
            current[theme_id].value = value
        else:
            case.ratings.append(CaseRating(theme_id=theme_id, value=value))
    if case.id is None:
        db.session.add(case)
    db.session.commit()
    return case


def caseworker_choices() -> list[tuple[int, str]]:
    """(id, 'Name (Team)') for every active person, by name."""
    stmt = select(Person.id, Person.name, Team.name).outerjoin(Team, Person.team_id == Team.id).where(
        Person.active.is_(True)).order_by(Person.name)
    return [(pid, f"{name} ({team})" if team else name) for pid, name, team in db.session.execute(stmt)]


# --- uploads between the upload and the mapping step ---------------------------------------------

_TOKEN = re.compile(r"^[0-9a-f]{32}$")


def _upload_folder(instance_path: str) -> Path:
    folder = Path(instance_path) / "case_uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store_upload(instance_path: str, filename: str, data: bytes) -> str:
    """Keep an uploaded file until its mapping is chosen; returns the token naming it."""
    token = secrets.token_hex(16)
    suffix = ".xlsx" if filename.lower().endswith(".xlsx") else ".csv"
    folder = _upload_folder(instance_path)
    (folder / f"{token}{suffix}").write_bytes(data)
    (folder / f"{token}.name").write_text(Path(filename).name[:200], encoding="utf-8")
    return token


def load_upload(instance_path: str, token: str) -> tuple[str, bytes] | None:
    """(original filename, bytes) of a stored upload, or None when the token is unknown."""
    if not _TOKEN.match(token or ""):
        return None
    folder = _upload_folder(instance_path)
    for suffix in (".csv", ".xlsx"):
        path = folder / f"{token}{suffix}"
        if path.exists():
            name_file = folder / f"{token}.name"
            name = name_file.read_text(encoding="utf-8") if name_file.exists() else path.name
            if not name.lower().endswith(suffix):
                name = f"{name}{suffix}"
            return name, path.read_bytes()
    return None


def discard_upload(instance_path: str, token: str) -> None:
    """Delete a stored upload (after a successful import)."""
    if not _TOKEN.match(token or ""):
        return
    for path in _upload_folder(instance_path).glob(f"{token}.*"):
        path.unlink(missing_ok=True)
