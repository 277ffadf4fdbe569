"""Operations on departments, teams and persons, including the all-or-nothing person import."""
from __future__ import annotations

from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, or_, select

from ..extensions import db
from ..i18n import _
from ..privacy import contains_cpr
from ..security import ALL_ROLES, ROLE_LABELS
from ..tabular import ImportReport, Row
from .models import Department, Person, Team

#: Accepted column names, English and Danish.
NAME_COLUMNS = ("name", "navn")
EMAIL_COLUMNS = ("email", "e-mail", "mail")
TEAM_COLUMNS = ("team",)
ROLE_COLUMNS = ("roles", "roller", "rolle", "role")


def normalise_email(email: str) -> str:
    """Trim and lower-case an e-mail address."""
    return (email or "").strip().lower()


def search_persons(query: str = "", team_id: int | None = None, role: str | None = None,
                   department_id: int | None = None, include_inactive: bool = False):
    """A select() of persons matching a free-text query and filters, ordered by name."""
    stmt = select(Person).order_by(Person.name)
    if query:
        like = f"%{query.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(Person.name).like(like), func.lower(Person.email).like(like)))
    if team_id:
        stmt = stmt.where(Person.team_id == team_id)
    if department_id:
        stmt = stmt.join(Team, Person.team_id == Team.id).where(Team.department_id == department_id)
    if role:
        from .models import PersonRole

        stmt = stmt.where(Person.role_rows.any(PersonRole.role == role))
    if not include_inactive:
        stmt = stmt.where(Person.active.is_(True))
    return stmt


def teams_in_order() -> list[Team]:
    """All teams, by name."""
    return list(db.session.scalars(select(Team).order_by(Team.name)))


def teams_for_listing() -> list[Team]:
    """All teams by name, with department, members and superusers loaded in a few queries."""
    from sqlalchemy.orm import selectinload

    stmt = (select(Team).order_by(Team.name)
            .options(selectinload(Team.department), selectinload(Team.members), selectinload(Team.superusers)))
    return list(db.session.scalars(stmt))


def departments_in_order() -> list[Department]:
    """All departments, by name."""
    return list(db.session.scalars(select(Department).order_by(Department.name)))


def save_person(person: Person, data: dict) -> Person:
    """Create or update a person from form data (name, email, title, team_id, active). Commits."""
    person.name = data["name"].strip()
    person.email = normalise_email(data["email"])
    person.title = (data.get("title") or "").strip()
    person.team_id = data.get("team_id") or None
    person.active = bool(data.get("active", True))
    if "roles" in data and data["roles"] is not None:
        person.set_roles(data["roles"])
    if person.id is None:
        db.session.add(person)
    db.session.commit()
    return person


def save_team(team: Team, data: dict) -> Team:
    """Create or update a team (name, department_id, go_live, active). Commits."""
    team.name = data["name"].strip()
    team.department_id = data.get("department_id") or None
    team.go_live = data.get("go_live")
    team.active = bool(data.get("active", True))
    if team.id is None:
        db.session.add(team)
    db.session.commit()
    return team


def save_department(department: Department, data: dict) -> Department:
    """Create or update a department (name, description). Commits."""
    department.name = data["name"].strip()
    department.description = (data.get("description") or "").strip()
    if department.id is None:
        db.session.add(department)
    db.session.commit()
    return department


def set_superuser_teams(person: Person, teams: list[Team]) -> None:
    """Make `person` superuser for exactly `teams`. Commits."""
    person.supported_teams = list(teams)
    db.session.commit()


# --- import -----------------------------------------------------------------------------------

_ROLE_ALIASES = {
    **{role: role for role in ALL_ROLES},
    **{str(label).lower(): role for role, label in ROLE_LABELS.items()},
    "leder": "ledelse",
    "leadership": "ledelse",
    "superuser": "superbruger",
    "caseworker": "sagsbehandler",
    "case worker": "sagsbehandler",
    "project leader": "projektleder",
}


def parse_roles(text: str) -> tuple[list[str], list[str]]:
    """Split a roles cell ('sagsbehandler, superbruger') into (known roles, unknown words)."""
    known, unknown = [], []
    for word in (part.strip().lower() for part in text.replace(";", ",").replace("|", ",").split(",")):
        if not word:
            continue
        role = _ROLE_ALIASES.get(word)
        (known if role else unknown).append(role or word)
    return sorted(set(known), key=ALL_ROLES.index), unknown


@dataclass
class _PersonRow:
    """A validated import row."""

    line: int
    name: str
    email: str
    team: Team | None
    roles: list[str]


def _validate_rows(rows: list[Row], headers: list[str], report: ImportReport) -> list[_PersonRow]:
    """Check every row; record problems in `report`; return the rows that passed."""
    if not any(h in headers for h in NAME_COLUMNS) or not any(h in headers for h in EMAIL_COLUMNS):
        report.add_problem(1, _("Filen mangler kolonnerne 'navn' og 'e-mail' (eller 'name' og 'email')."))
        return []
    teams = {team.name.strip().lower(): team for team in teams_in_order()}
    known_teams = ", ".join(team.name for team in teams.values()) or _("(ingen teams oprettet)")
    seen: dict[str, int] = {}
    valid = []
    for row in rows:
        if any(contains_cpr(value) for value in row.values.values()):
            # Report nothing else for this row: other messages could echo the number.
            report.add_problem(row.line, _("Rækken indeholder et CPR-nummer, som ikke må importeres."))
            continue
        problems = []
        name = row.get(*NAME_COLUMNS)
        email = normalise_email(row.get(*EMAIL_COLUMNS))
        if not name:
            problems.append(_("navn mangler"))
        if not email:
            problems.append(_("e-mail mangler"))
        else:
            try:
                validate_email(email, check_deliverability=False)
            except EmailNotValidError:
                problems.append(_("e-mailadressen '%(email)s' er ikke gyldig", email=email))
            if email in seen:
                problems.append(_("e-mailadressen står også i linje %(line)s", line=seen[email]))
            seen.setdefault(email, row.line)
        team_name = row.get(*TEAM_COLUMNS)
        team = teams.get(team_name.lower()) if team_name else None
        if team_name and team is None:
            problems.append(_("teamet '%(team)s' findes ikke; kendte teams: %(known)s", team=team_name, known=known_teams))
        roles, unknown = parse_roles(row.get(*ROLE_COLUMNS))
        if unknown:
            problems.append(_("ukendt rolle: %(roles)s (kendte: %(known)s)", roles=", ".join(unknown), known=", ".join(ALL_ROLES)))
        if problems:
            text = "; ".join(str(p) for p in problems)
            report.add_problem(row.line, text[0].upper() + text[1:] + ".")
        else:
            valid.append(_PersonRow(row.line, name, email, team, roles))
    return valid


def import_persons(headers: list[str], rows: list[Row], dry_run: bool = False) -> ImportReport:
    """Create or update persons from table rows, keyed by e-mail; all rows or none.

    Every row is validated first; if any is bad nothing is written and the report lists
    each bad row. Re-importing the same file changes nothing. Commits unless `dry_run`.
    """
    report = ImportReport()
    if not rows:
        report.add_problem(1, _("Filen indeholder ingen rækker med personer."))
        return report
    valid = _validate_rows(rows, headers, report)
    if not report.ok:
        return report
    existing = {
        normalise_email(person.email): person
        for person in db.session.scalars(select(Person).where(func.lower(Person.email).in_([r.email for r in valid])))
    }
    try:
        for item in valid:
            person = existing.get(item.email)
            team_id = item.team.id if item.team else None
            if person is None:
                person = Person(name=item.name, email=item.email, team_id=team_id, active=True)
                person.set_roles(item.roles)
                db.session.add(person)
                report.created += 1
            elif (person.name, person.team_id, person.roles) == (item.name, team_id, item.roles):
                report.unchanged += 1
            else:
                person.name, person.team_id = item.name, team_id
                person.set_roles(item.roles)
                report.updated += 1
        if dry_run:
            db.session.rollback()
        else:
            db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return report
