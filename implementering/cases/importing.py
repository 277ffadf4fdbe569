"""Bulk import of cases from the case system's CSV/XLSX export: column mapping, validation of
every row, update by case reference, all or nothing, and an import log.

Built for size (50,000 rows in seconds): every lookup (teams, persons, existing cases and
ratings) is loaded once, rows are validated in plain Python, and the writes are bulk
INSERT/UPDATE statements in one transaction. The CPR guard on ORM flushes does not see
bulk statements, so every mapped cell is checked for a CPR number here, before anything
is written.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, select, update

from ..database import utcnow
from ..extensions import db
from ..i18n import _
from ..people.models import Department, Person, Team
from ..privacy import contains_cpr, redact_cpr
from ..settings.models import Theme
from ..tabular import ImportReport, Row, normalise_header
from .models import CASE_TYPES, CHANGE, FOLLOW_UP, NEW, STEP_COLUMNS, VUM_STEPS, Case, CaseImport, CaseRating

#: Problems beyond this many are summarised in one line (the file is refused anyway).
MAX_REPORTED_PROBLEMS = 200


@dataclass(frozen=True)
class ImportField:
    """A case attribute that a file column can be mapped to."""

    key: str
    label: str
    required: bool
    aliases: tuple[str, ...]


def import_fields(themes: list[Theme]) -> list[ImportField]:
    """The fields of the mapping step, in order: case fields first, then one per active theme."""
    fields = [
        ImportField("reference", _("Sagsnummer (pseudonymt)"), True,
                    ("sagsnummer", "sagsnr", "sagsnr.", "sags-id", "sagsid", "reference", "case", "case_reference")),
        ImportField("team", _("Team"), True, ("team", "teamnavn", "gruppe")),
        ImportField("opened_on", _("Oprettet dato"), True,
                    ("oprettet", "dato", "oprettelsesdato", "startdato", "opened", "opened_on", "modtaget")),
        ImportField("caseworker", _("Sagsbehandler (e-mail eller navn)"), False,
                    ("sagsbehandler", "sagsbehandler e-mail", "sagsbehandlers e-mail", "e-mail", "email", "caseworker")),
        ImportField("department", _("Område/afdeling"), False, ("afdeling", "område", "omraade", "department", "area")),
        ImportField("case_type", _("Sagstype"), False, ("sagstype", "type", "case_type")),
        ImportField("handled_with_vum", _("Behandlet med VUM"), False,
                    ("vum", "behandlet med vum", "handled_with_vum", "vum-sag")),
        ImportField("vum_steps", _("Anvendte VUM-trin"), False, ("vum-trin", "trin", "anvendte trin", "vum_steps", "steps")),
    ]
    for theme in themes:
        fields.append(ImportField(f"theme:{theme.key}", _("Vurdering 0–4: %(name)s", name=theme.name), False,
                                  (theme.key, theme.name.lower())))
    return fields


def guess_mapping(headers: list[str], fields: list[ImportField]) -> dict[str, str]:
    """Propose {field key: header} by matching header names against each field's aliases."""
    available = [h for h in headers if h]
    mapping: dict[str, str] = {}
    for item in fields:
        match = next((h for h in available if h in item.aliases and h not in mapping.values()), "")
        mapping[item.key] = match
    return mapping


# --- cell parsers (pure) ----------------------------------------------------------------------

_DATE_PATTERNS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ].*)?$"),
    re.compile(r"^(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})$"),
)


def parse_date(text: str) -> date | None:
    """'2026-11-23', '23-11-2026', '23.11.2026' or '23/11/2026' → date; None when not a date."""
    text = text.strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return None
    return None


_CASE_TYPE_WORDS = {
    **{key: key for key in CASE_TYPES},
    **{str(label).lower(): key for key, label in CASE_TYPES.items()},
    "ny": NEW, "ny sag": NEW, "henvendelse": NEW, "new": NEW, "new request": NEW,
    "opfølgning": FOLLOW_UP, "followup": FOLLOW_UP, "follow-up": FOLLOW_UP, "follow up": FOLLOW_UP,
    "ændring": CHANGE, "aendring": CHANGE, "ændring af indsats": CHANGE, "change": CHANGE,
}


def parse_case_type(text: str) -> str | None:
    """A case-type key from Danish or English words; None when unknown."""
    return _CASE_TYPE_WORDS.get(text.strip().lower())


_TRUE = {"ja", "j", "x", "1", "true", "sand", "yes", "y"}
_FALSE = {"nej", "n", "0", "false", "falsk", "no", ""}


def parse_bool(text: str) -> bool | None:
    """'ja'/'nej', '1'/'0', 'x'/'' and English equivalents → bool; None when unclear."""
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


_STEP_WORDS = {
    **{key: key for key in VUM_STEPS},
    **{str(label).lower(): key for key, label in VUM_STEPS.items()},
    "udredning": "assessment", "faglig vurdering": "judgement", "vurdering": "judgement",
    "afgørelse": "decision", "bestilling": "order", "bestilling til udfører": "order",
    "handleplan": "action_plan", "opfølgning": "follow_up",
}


def parse_steps(text: str) -> tuple[list[str], list[str]]:
    """Split 'udredning, afgørelse' into (known step keys, unknown words)."""
    known, unknown = [], []
    for word in re.split(r"[,;|/]", text):
        word = word.strip().lower()
        if not word:
            continue
        key = _STEP_WORDS.get(word)
        (known if key else unknown).append(key or word)
    return [key for key in VUM_STEPS if key in known], unknown


# --- the import -------------------------------------------------------------------------------

_COMPARED = ("department_id", "team_id", "caseworker_id", "opened_on", "case_type", "handled_with_vum",
             *STEP_COLUMNS.values())


class _Lookups:
    """Everything a row needs from the database, loaded once per import."""

    def __init__(self, themes: list[Theme]):
        self.teams = {name.strip().lower(): (tid, dept) for tid, name, dept in
                      db.session.execute(select(Team.id, Team.name, Team.department_id))}
        self.departments = {name.strip().lower(): did for did, name in
                            db.session.execute(select(Department.id, Department.name))}
        self.persons_by_email: dict[str, int] = {}
        names: dict[str, list[int]] = {}
        for pid, email, name in db.session.execute(select(Person.id, Person.email, Person.name)):
            self.persons_by_email[email.strip().lower()] = pid
            names.setdefault(name.strip().lower(), []).append(pid)
        self.persons_by_name = {name: ids[0] for name, ids in names.items() if len(ids) == 1}
        self.ambiguous_names = {name for name, ids in names.items() if len(ids) > 1}
        self.themes = {theme.key: theme.id for theme in themes}
        self.date_cache: dict[str, date | None] = {}


def _validate_row(row: Row, mapping: dict[str, str], look: _Lookups, theme_columns: dict[int, str],
                  problems: list[str]) -> dict | None:
    """Turn one row into case values (+ '_ratings'); append Danish problems; None when bad."""
    values = row.values
    cells = {key: (values.get(column) or "").strip() for key, column in mapping.items() if column}
    if any(contains_cpr(cell) for cell in cells.values() if len(cell) >= 10):
        # Say nothing else about this row: another message could echo the number.
        problems.append(_("rækken indeholder et CPR-nummer, som aldrig må gemmes; brug et pseudonymt sagsnummer"))
        return None
    out: dict = {}
    reference = cells.get("reference", "")
    if not reference:
        problems.append(_("sagsnummer mangler"))
    elif len(reference) > 60:
        problems.append(_("sagsnummeret er længere end 60 tegn"))
    out["reference"] = reference
    team_name = cells.get("team", "")
    team = look.teams.get(team_name.lower()) if team_name else None
    if not team_name:
        problems.append(_("team mangler"))
    elif team is None:
        problems.append(_("teamet '%(team)s' findes ikke", team=team_name))
    else:
        out["team_id"], out["department_id"] = team
    if "department" in cells:
        area = cells["department"]
        if area:
            department_id = look.departments.get(area.lower())
            if department_id is None:
                problems.append(_("området '%(area)s' findes ikke", area=area))
            else:
                out["department_id"] = department_id
    raw_date = cells.get("opened_on", "")
    if raw_date not in look.date_cache:
        look.date_cache[raw_date] = parse_date(raw_date) if raw_date else None
    opened = look.date_cache[raw_date]
    if not raw_date:
        problems.append(_("oprettet dato mangler"))
    elif opened is None:
        problems.append(_("'%(value)s' er ikke en dato (brug fx 2026-11-23 eller 23-11-2026)", value=raw_date))
    elif opened > date.today():
        problems.append(_("datoen %(value)s ligger i fremtiden", value=raw_date))
    out["opened_on"] = opened
    if "caseworker" in cells:
        who = cells["caseworker"].lower()
        if who:
            person_id = look.persons_by_email.get(who) or look.persons_by_name.get(who)
            if person_id is None:
                if who in look.ambiguous_names:
                    problems.append(_("flere personer hedder '%(who)s'; brug e-mailadressen", who=cells["caseworker"]))
                else:
                    problems.append(_("sagsbehandleren '%(who)s' findes ikke", who=cells["caseworker"]))
            out["caseworker_id"] = person_id
        else:
            out["caseworker_id"] = None
    if "case_type" in cells:
        case_type = parse_case_type(cells["case_type"]) if cells["case_type"] else NEW
        if case_type is None:
            problems.append(_("ukendt sagstype '%(value)s' (brug ny, opfølgning eller ændring)", value=cells["case_type"]))
        out["case_type"] = case_type
    if "handled_with_vum" in cells:
        flag = parse_bool(cells["handled_with_vum"])
        if flag is None:
            problems.append(_("'%(value)s' i VUM-kolonnen skal være ja eller nej", value=cells["handled_with_vum"]))
        out["handled_with_vum"] = bool(flag)
    if "vum_steps" in cells:
        steps, unknown = parse_steps(cells["vum_steps"])
        if unknown:
            problems.append(_("ukendt VUM-trin: %(words)s", words=", ".join(unknown)))
        for key, column in STEP_COLUMNS.items():
            out[column] = key in steps
    ratings: dict[int, int] = {}
    for theme_id, key in theme_columns.items():
        cell = cells.get(key, "")
        if not cell:
            continue
        if cell in ("0", "1", "2", "3", "4"):
            ratings[theme_id] = int(cell)
        else:
            problems.append(_("vurderingen '%(value)s' skal være et tal fra 0 til 4", value=cell))
    out["_ratings"] = ratings
    return None if problems else out


def _sentence(problems: list[str]) -> str:
    """Join a row's problems into one Danish sentence."""
    text = "; ".join(str(p) for p in problems)
    return text[0].upper() + text[1:] + "."


def import_cases(rows: list[Row], mapping: dict[str, str], person: Person | None, *, filename: str = "",
                 themes: list[Theme] | None = None, dry_run: bool = False) -> ImportReport:
    """Create or update cases from table rows using `mapping` {field key: header}; all rows or none.

    Cases are matched on their reference: a known reference is updated (only the mapped
    fields), a new one is created, and a row identical to the stored case counts as unchanged.
    For each mapped theme column the file is the truth: an empty cell removes the rating.
    Writes one CaseImport log row (also for a refused file) and commits, unless `dry_run`.
    """
    started = time.perf_counter()
    from ..settings.services import active_themes

    themes = active_themes() if themes is None else themes
    fields = {item.key: item for item in import_fields(themes)}
    mapping = {key: normalise_header(column) for key, column in mapping.items() if column and key in fields}
    report = ImportReport()
    missing = [str(fields[key].label) for key, item in fields.items() if item.required and key not in mapping]
    if missing:
        report.add_problem(1, _("Vælg en kolonne til: %(fields)s.", fields=", ".join(missing)))
    if not rows:
        report.add_problem(1, _("Filen indeholder ingen rækker med sager."))
    look = _Lookups(themes)
    theme_columns = {look.themes[key.split(":", 1)[1]]: key for key in mapping if key.startswith("theme:")}
    valid: list[dict] = []
    if report.ok:
        seen: dict[str, int] = {}
        hidden = 0
        for row in rows:
            problems: list[str] = []
            values = _validate_row(row, mapping, look, theme_columns, problems)
            if values is not None:
                reference = values["reference"]
                if reference in seen:
                    problems.append(_("sagsnummeret står også i linje %(line)s", line=seen[reference]))
                    values = None
                else:
                    seen[reference] = row.line
            if values is None:
                if len(report.problems) < MAX_REPORTED_PROBLEMS:
                    report.add_problem(row.line, _sentence(problems))
                else:
                    hidden += 1
            else:
                valid.append(values)
        if hidden:
            report.add_problem(rows[-1].line, _("… og %(n)s rækker mere med fejl. Ret de viste, og prøv igen.",
                                                n=hidden))
    log = CaseImport(imported_by_id=person.id if person else None, filename=redact_cpr(filename or "")[:255],
                     row_count=len(rows), applied=report.ok,
                     mapping="\n".join(f"{key}={column}" for key, column in mapping.items()))
    if report.ok:
        try:
            db.session.add(log)
            db.session.flush()
            _apply(valid, theme_columns, report, log.id)
        except Exception:
            db.session.rollback()
            raise
    if dry_run:
        db.session.rollback()
        return report
    log.created_count, log.updated_count, log.unchanged_count = report.created, report.updated, report.unchanged
    log.problem_count = len(report.problems)
    log.seconds = round(time.perf_counter() - started, 3)
    db.session.add(log)
    db.session.commit()
    report.log_id = log.id  # type: ignore[attr-defined]
    return report


def _apply(valid: list[dict], theme_columns: dict[int, str], report: ImportReport, import_id: int) -> None:
    """Write the validated rows with bulk statements (no commit). Counts go into `report`."""
    existing = {row.reference: row for row in db.session.execute(
        select(Case.id, Case.reference, *(getattr(Case, name) for name in _COMPARED)))}
    stored_ratings: dict[int, dict[int, int]] = {}
    if theme_columns:
        stmt = select(CaseRating.case_id, CaseRating.theme_id, CaseRating.value).where(
            CaseRating.theme_id.in_(list(theme_columns)))
        for case_id, theme_id, value in db.session.execute(stmt):
            stored_ratings.setdefault(case_id, {})[theme_id] = value
    now = utcnow()
    inserts: list[dict] = []
    insert_ratings: list[dict] = []
    updates: list[dict] = []
    replace_ratings: dict[int, dict[int, int]] = {}
    for values in valid:
        ratings = values.pop("_ratings")
        old = existing.get(values["reference"])
        if old is None:
            record = {"case_type": NEW, "handled_with_vum": False, "caseworker_id": None,
                      **{column: False for column in STEP_COLUMNS.values()}, **values,
                      "import_id": import_id, "created_at": now, "updated_at": now}
            inserts.append(record)
            insert_ratings.append(ratings)
            continue
        changes = {key: value for key, value in values.items()
                   if key != "reference" and getattr(old, key) != value}
        ratings_changed = bool(theme_columns) and stored_ratings.get(old.id, {}) != ratings
        if not changes and not ratings_changed:
            report.unchanged += 1
            continue
        report.updated += 1
        updates.append({"id": old.id, **changes, "import_id": import_id, "updated_at": now})
        if ratings_changed:
            replace_ratings[old.id] = ratings
    if inserts:
        new_ids = list(db.session.scalars(
            insert(Case).returning(Case.id, sort_by_parameter_order=True), inserts))
        report.created += len(new_ids)
        rating_rows = [{"case_id": case_id, "theme_id": theme_id, "value": value}
                       for case_id, ratings in zip(new_ids, insert_ratings) for theme_id, value in ratings.items()]
        if rating_rows:
            db.session.execute(insert(CaseRating), rating_rows)
    if updates:
        # Group by the set of changed columns: one executemany per shape keeps it fast.
        shapes: dict[tuple, list[dict]] = {}
        for item in updates:
            shapes.setdefault(tuple(sorted(item)), []).append(item)
        for group in shapes.values():
            db.session.execute(update(Case), group)
    if replace_ratings:
        ids = list(replace_ratings)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            db.session.execute(delete(CaseRating).where(CaseRating.case_id.in_(chunk),
                                                        CaseRating.theme_id.in_(list(theme_columns))))
        rows = [{"case_id": case_id, "theme_id": theme_id, "value": value}
                for case_id, ratings in replace_ratings.items() for theme_id, value in ratings.items()]
        if rows:
            db.session.execute(insert(CaseRating), rows)


def import_log(limit: int = 100) -> list[CaseImport]:
    """The latest imports, newest first."""
    return list(db.session.scalars(select(CaseImport).order_by(CaseImport.created_at.desc(), CaseImport.id.desc())
                                   .limit(limit)))


def case_count() -> int:
    """How many cases the register holds."""
    return db.session.scalar(select(func.count()).select_from(Case)) or 0


__all__ = ["import_cases", "import_fields", "guess_mapping", "parse_date", "parse_case_type", "parse_bool",
           "parse_steps", "import_log", "case_count", "ImportField"]
