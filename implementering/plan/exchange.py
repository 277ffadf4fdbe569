"""The plan as an Excel workbook: export (activities + communication plan) and all-or-nothing import.

One row per activity with every field. Cells that a spreadsheet would treat as a formula
(starting with = + - @) are written with a leading apostrophe and read back without it,
so a round trip changes nothing.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..i18n import _
from ..people.models import Person, Team
from ..privacy import contains_cpr
from ..tabular import ImportReport, Row
from .constants import ACTIVITY_STATUSES, ACTIVITY_TYPES, FOCUS_AREAS
from .models import Activity, CommunicationItem
from .services import create_activity, update_activity

#: (header, attribute or None for composed values) in column order.
COLUMNS = ["id", "titel", "type", "fokusområde", "beskrivelse", "start", "slut", "starttid", "sluttid",
           "gennemført", "sted", "ansvarlig", "status", "noter", "deltagere", "teams", "kilde"]
FORMULA_PREFIXES = ("=", "+", "-", "@")


def neutralise(value):
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """Undo `neutralise` on a cell read back from a workbook."""
    if value.startswith("'") and value[1:2] in FORMULA_PREFIXES and value[1:2] != "":
        return value[1:]
    return value


def _time_text(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def activity_row(activity: Activity) -> list:
    """The export cells of one activity, in COLUMNS order."""
    return [
        activity.id, activity.title, activity.type_label, activity.focus_area_label, activity.description,
        activity.start_date, activity.end_date, _time_text(activity.start_time), _time_text(activity.end_time),
        activity.completed_on or "", activity.location,
        activity.responsible.email if activity.responsible else "", activity.status_label, activity.notes,
        "; ".join(sorted(p.email for p in activity.persons)), "; ".join(sorted(t.name for t in activity.teams)),
        activity.source or "",
    ]


def export_workbook(activities: list[Activity], communication: list[CommunicationItem]) -> bytes:
    """An XLSX with the sheet 'Aktiviteter' (importable) and the sheet 'Kommunikationsplan'."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Aktiviteter"
    sheet.append(COLUMNS)
    for activity in activities:
        sheet.append([neutralise(cell) for cell in activity_row(activity)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    comm = workbook.create_sheet("Kommunikationsplan")
    comm.append(["målgruppe", "budskab", "kanal", "dato", "tidspunkt", "ansvarlig", "status", "aktivitet"])
    for item in communication:
        comm.append([neutralise(v) for v in (
            item.audience_label, item.message, item.channel_label, item.planned_on or "", item.timing,
            item.responsible.name if item.responsible else "", item.status_label,
            item.activity.title if item.activity else "")])
    for cell in comm[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def plan_for_export() -> tuple[list[Activity], list[CommunicationItem]]:
    """Every activity and communication row, loaded for export."""
    activities = list(db.session.scalars(
        select(Activity).options(selectinload(Activity.responsible), selectinload(Activity.persons),
                                 selectinload(Activity.teams)).order_by(Activity.start_date, Activity.id)))
    comm = list(db.session.scalars(select(CommunicationItem).order_by(CommunicationItem.planned_on,
                                                                      CommunicationItem.id)))
    return activities, comm


# Import -------------------------------------------------------------------------------------
@dataclass
class ParsedRow:
    """A validated import row, ready to apply."""

    line: int
    activity: Activity | None
    fields: dict
    persons: list[Person]
    teams: list[Team]


def _lookup(labels: dict) -> dict[str, str]:
    """Lower-cased label or key -> key."""
    table = {key.lower(): key for key in labels}
    table.update({str(label).lower(): key for key, label in labels.items()})
    return table


def _parse_date(text: str) -> date | None:
    """ISO (2026-11-23) or Danish (23-11-2026 / 23.11.2026) date; None when empty; ValueError if bad."""
    if not text:
        return None
    text = text.strip()[:10] if "T" in text or len(text) > 10 else text.strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def _parse_time(text: str) -> time | None:
    """'9:30' or '09.30' -> time; None when empty; ValueError if bad."""
    if not text:
        return None
    text = text.strip().replace(".", ":")
    parts = text.split(":")
    return time(int(parts[0]), int(parts[1]) if len(parts) > 1 else 0)


def _parse_row(row: Row, report: ImportReport, people: dict[str, Person], teams: dict[str, Team],
               existing: dict[int, Activity]) -> ParsedRow | None:
    """Validate one row; record each problem on `report`; return the parsed row or None."""
    values = {k: unneutralise(v.strip()) if isinstance(v, str) else v for k, v in row.values.items()}
    problems: list[str] = []
    for header, text in values.items():
        if isinstance(text, str) and contains_cpr(text):
            problems.append(_("kolonnen '%(col)s' ser ud til at indeholde et CPR-nummer", col=header))
    if problems:  # say nothing else about this row: another message could echo the number
        for problem in problems:
            report.add_problem(row.line, problem)
        return None
    activity = None
    if values.get("id"):
        try:
            activity = existing.get(int(values["id"]))
        except ValueError:
            activity = None
        if activity is None:
            problems.append(_("der findes ingen aktivitet med id %(id)s", id=values["id"]))
    title = values.get("titel", "")
    if not title:
        problems.append(_("titel mangler"))
    elif len(title) > 200:
        problems.append(_("titlen er længere end 200 tegn"))
    type_key = _lookup(ACTIVITY_TYPES).get(values.get("type", "").lower()) if values.get("type") else "andet"
    if type_key is None:
        problems.append(_("ukendt type '%(v)s'", v=values.get("type")))
    status_key = (_lookup(ACTIVITY_STATUSES).get(values.get("status", "").lower())
                  if values.get("status") else "planlagt")
    if status_key is None:
        problems.append(_("ukendt status '%(v)s'", v=values.get("status")))
    area = None
    if values.get("fokusområde"):
        area = _lookup(FOCUS_AREAS).get(values["fokusområde"].lower())
        if area is None:
            problems.append(_("ukendt fokusområde '%(v)s'", v=values["fokusområde"]))
    dates = {}
    for header in ("start", "slut", "gennemført"):
        try:
            dates[header] = _parse_date(values.get(header, ""))
        except ValueError:
            problems.append(_("'%(v)s' i kolonnen %(col)s er ikke en dato (brug fx 2026-11-23)",
                              v=values.get(header), col=header))
    if "start" in dates and dates["start"] is None:
        problems.append(_("startdato mangler"))
    if dates.get("start") and dates.get("slut") and dates["slut"] < dates["start"]:
        problems.append(_("slutdatoen ligger før startdatoen"))
    times = {}
    for header in ("starttid", "sluttid"):
        try:
            times[header] = _parse_time(values.get(header, ""))
        except (ValueError, IndexError, OverflowError):
            problems.append(_("'%(v)s' i kolonnen %(col)s er ikke et klokkeslæt (brug fx 09:30)",
                              v=values.get(header), col=header))
    responsible = None
    if values.get("ansvarlig"):
        responsible = people.get(values["ansvarlig"].lower())
        if responsible is None:
            problems.append(_("ingen person har e-mailen %(v)s", v=values["ansvarlig"]))
    persons = []
    for email in filter(None, (e.strip().lower() for e in values.get("deltagere", "").split(";"))):
        if email in people:
            persons.append(people[email])
        else:
            problems.append(_("ingen person har e-mailen %(v)s", v=email))
    team_list = []
    for name in filter(None, (n.strip() for n in values.get("teams", "").split(";"))):
        if name.lower() in teams:
            team_list.append(teams[name.lower()])
        else:
            problems.append(_("teamet '%(v)s' findes ikke", v=name))
    if problems:
        for problem in problems:
            report.add_problem(row.line, problem)
        return None
    fields = dict(title=title, type=type_key, focus_area=area, description=values.get("beskrivelse", ""),
                  start_date=dates["start"], end_date=dates.get("slut") or dates["start"],
                  start_time=times.get("starttid"), end_time=times.get("sluttid"),
                  completed_on=dates.get("gennemført"), location=values.get("sted", ""),
                  responsible_id=responsible.id if responsible else None, status=status_key,
                  notes=values.get("noter", ""))
    if activity is not None and activity.source:
        if _differs(activity, fields, persons, team_list):
            report.add_problem(row.line, _("aktiviteten redigeres et andet sted i systemet og kan ikke "
                                           "ændres ved import"))
        else:
            report.unchanged += 1
        return None
    return ParsedRow(row.line, activity, fields, persons, team_list)


def _differs(activity: Activity, fields: dict, persons: list[Person], teams: list[Team]) -> bool:
    """True when applying the row would change the activity."""
    if any(getattr(activity, key) != value for key, value in fields.items()):
        return True
    return ({p.id for p in activity.persons} != {p.id for p in persons}
            or {t.id for t in activity.teams} != {t.id for t in teams})


def import_activities(headers: list[str], rows: list[Row], actor: Person | None) -> ImportReport:
    """Apply an exported-format sheet: rows with an id update that activity, rows without create one.

    All or nothing: when any row is bad, nothing is changed and each bad row is reported.
    Changes are written to each activity's history. Does not commit.
    """
    report = ImportReport()
    if "titel" not in headers or "start" not in headers:
        report.add_problem(1, _("arket skal have kolonnerne 'titel' og 'start' (brug eksportens format)"))
        return report
    people = {p.email.lower(): p for p in db.session.scalars(select(Person))}
    teams = {t.name.lower(): t for t in db.session.scalars(select(Team))}
    existing = {a.id: a for a in db.session.scalars(
        select(Activity).options(selectinload(Activity.persons), selectinload(Activity.teams)))}
    parsed = [p for p in (_parse_row(row, report, people, teams, existing) for row in rows) if p]
    if not report.ok:
        return report
    for item in parsed:
        if item.activity is None:
            responsible_id = item.fields.pop("responsible_id")
            create_activity(actor, persons=item.persons, teams=item.teams, responsible_id=responsible_id,
                            **item.fields)
            report.created += 1
        elif _differs(item.activity, item.fields, item.persons, item.teams):
            update_activity(item.activity, actor, persons=item.persons, teams=item.teams, **item.fields)
            report.updated += 1
        else:
            report.unchanged += 1
    return report
