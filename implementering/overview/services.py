"""Overview services: building the overview and the team page, who may see a team, and the XLSX export."""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..analytics import adoption as ad
from ..analytics import compass as cp
from ..charts import overview as ch
from ..extensions import db
from ..i18n import _, _l
from ..people.models import Team
from ..security import ADMIN, LEDELSE, PROJEKTLEDER
from . import report
from . import sources as src

#: A milestone reached this recently is celebrated on the team page and the overview.
CELEBRATE_DAYS = 30


#: Computed overviews by (day, department, team, months): (monotonic time, overview).
_CACHE: dict[tuple, tuple[float, report.Overview]] = {}


def cache_seconds() -> int:
    """How long a computed overview is reused: OVERVIEW_CACHE_SECONDS (default 300; 0 in tests)."""
    from flask import current_app

    return int(current_app.config.get("OVERVIEW_CACHE_SECONDS", 0 if current_app.testing else 300))


def cached_html(key: tuple) -> str | None:
    """A page body rendered within `cache_seconds()`, or None."""
    import time

    ttl = cache_seconds()
    hit = _CACHE.get(("html", *key))
    if ttl and hit and time.monotonic() - hit[0] < ttl:
        return hit[1]
    return None


def store_html(key: tuple, html: str) -> None:
    """Keep a rendered page body for `cache_seconds()` (nothing is kept when caching is off)."""
    import time

    if cache_seconds():
        if len(_CACHE) > 400:
            _CACHE.clear()
        _CACHE[("html", *key)] = (time.monotonic(), html)


def clear_cache() -> None:
    """Forget every computed overview (the next page view recomputes)."""
    _CACHE.clear()


def overview_for(today: date, department_id: int | None = None, team_id: int | None = None,
                 months: int = 12) -> report.Overview:
    """The overview for the filters (reads only; a bounded number of queries whatever the team count).

    A leadership overview need not be live to the second, so a computed overview is kept
    for `cache_seconds()` per filter combination (in this process); the page says when its
    figures were computed. Only plain values and already loaded rows are kept.
    """
    import time

    ttl = cache_seconds()
    key = (today, department_id, team_id, months)
    hit = _CACHE.get(key)
    if ttl and hit and time.monotonic() - hit[0] < ttl:
        return hit[1]
    overview = report.build(src.make_scope(today, department_id, team_id, months))
    if ttl:
        if len(_CACHE) > 200:  # many filter combinations: start afresh rather than grow without bound
            _CACHE.clear()
        _CACHE[key] = (time.monotonic(), overview)
    return overview


def team_choices() -> list[Team]:
    """Active teams for the filter, by name (one query)."""
    return list(db.session.scalars(select(Team).where(Team.active.is_(True)).order_by(Team.name)))


def may_see_team(person, team: Team) -> bool:
    """Leadership, project leaders and admins see every team; a superuser only the teams they support."""
    if person.has_any_role((LEDELSE, PROJEKTLEDER, ADMIN)):
        return True
    return db.session.scalar(select(func.count()).select_from(Team).where(
        Team.id == team.id, Team.superusers.any(id=person.id))) > 0


def current_min_group_size() -> int:
    """The minimum number of pulse answers behind any shown figure."""
    return src.min_group_size()


def default_targets_for_page() -> list[tuple[str, str]]:
    """(figure, default target text) for the method page."""
    labels = {
        "plan_done_share": _("Aktiviteter gennemført til tiden"), "plan_overdue": _("Forsinkede aktiviteter"),
        "readiness_share": _("Parathed i tjeklisterne"), "training_coverage": _("Sagsbehandlere på VUM-kursus"),
        "adoption_share": _("Nye sager behandlet med VUM"), "quality_share": _("Kvalitetstjek: point opnået"),
        "motivation_mean": _("Motivation"), "consistency_alpha": _("Ensartet brug af 0–4-skalaen (alfa)"),
    }
    rows = []
    for key, (target, higher) in report.DEFAULT_TARGETS.items():
        digits = 3 if key == "consistency_alpha" else (1 if key == "motivation_mean" else 0)
        rows.append((labels[key], f"{'≥' if higher else '≤'} {ch.fmt(target, digits)}", key))
    return rows


# --- the team page -------------------------------------------------------------------------------

@dataclass
class TeamPage:
    """What the team page shows beyond the team's own overview."""

    overview: report.Overview
    compass: report.TeamCompass | None
    milestones: list[ad.Milestone]
    celebrate: ad.Milestone | None
    total_vum: int
    activities: list = field(default_factory=list)
    overdue: list = field(default_factory=list)
    support_sessions: list = field(default_factory=list)
    open_actions: list = field(default_factory=list)
    motivation: list = field(default_factory=list)
    charts: dict = field(default_factory=dict)
    readings: dict = field(default_factory=dict)


def team_page(team: Team, today: date) -> TeamPage:
    """The team's overview plus its plan items, support, milestones (exact days) and motivation curve.

    Kept for `cache_seconds()` like the overview (read-only rows, loaded in full).
    """
    import time

    ttl = cache_seconds()
    key = ("team", today, team.id)
    hit = _CACHE.get(key)
    if ttl and hit and time.monotonic() - hit[0] < ttl:
        return hit[1]
    page = _build_team_page(team, today)
    if ttl:
        _CACHE[key] = (time.monotonic(), page)
    return page


def _build_team_page(team: Team, today: date) -> TeamPage:
    """Build the team page (see `team_page`)."""
    overview = overview_for(today, team_id=team.id, months=12)
    compass = overview.compasses[0] if overview.compasses else None
    days = src.vum_days(team.id, today)
    milestones = ad.milestones(days)
    total = sum(n for _d, n in days)
    recent = [m for m in milestones if m.reached_on and m.reached_on >= today - timedelta(days=CELEBRATE_DAYS)]
    page = TeamPage(overview, compass, milestones, recent[-1] if recent else None, total)
    page.activities, page.overdue = _team_activities(team, today)
    page.support_sessions, page.open_actions = _team_support(team, today)
    cells = overview.pulses.get(team.id, [])
    page.motivation = [(c.on, c.n, c.mean) for c in cells if c.on >= today - timedelta(days=365)]
    if compass is not None:
        page.charts["compass"] = compass.radar(overview.quarter)
        from .readings import compass as read_compass
        page.readings["compass"] = read_compass(compass.current, compass.previous,
                                                {a: report.area_label(a) for a in cp.AREAS})
    if page.motivation:
        page.charts["motivation"] = ch.trend_lines(
            [on for on, _n, _m in page.motivation], [(_("Motivation"), [round(m, 2) if m else None
                                                                       for _o, _n, m in page.motivation])],
            title=_("Motivation pr. pulsmåling (1–5)"), period_column=_("Måling"), y_title=_("Gennemsnit"),
            y_range=(1, 5), digits=2)
        first, last = page.motivation[0][2], page.motivation[-1][2]
        page.readings["motivation"] = _("Motivationen gik fra %(a)s til %(b)s over det seneste år "
                                        "(kun målinger med mindst %(n)s svar vises).",
                                        a=ch.fmt(first, 1), b=ch.fmt(last, 1), n=overview.min_group_size)
    return page


def _team_activities(team: Team, today: date) -> tuple[list, list]:
    """Coming activities (next 8 weeks) and overdue ones for the team (one query each)."""
    from ..plan.constants import CLOSED_STATUSES
    from ..plan.models import Activity, activity_teams

    on_team = Activity.id.in_(select(activity_teams.c.activity_id).where(activity_teams.c.team_id == team.id))
    coming = list(db.session.scalars(
        select(Activity).options(selectinload(Activity.responsible))
        .where(on_team, Activity.end_date >= today, Activity.start_date <= today + timedelta(weeks=8),
               Activity.status.not_in(CLOSED_STATUSES))
        .order_by(Activity.start_date).limit(15)))
    overdue = list(db.session.scalars(
        select(Activity).options(selectinload(Activity.responsible))
        .where(on_team, Activity.end_date < today, Activity.status.not_in(CLOSED_STATUSES))
        .order_by(Activity.end_date).limit(15)))
    return coming, overdue


def _team_support(team: Team, today: date) -> tuple[list, list]:
    """The team's support sessions of the last 90 days (newest first) and open actions from its meetings."""
    from ..support.constants import ACTION_OPEN
    from ..support.models import Action, ExperienceMeeting, SupportSession

    sessions = list(db.session.scalars(
        select(SupportSession).where(SupportSession.team_id == team.id,
                                     SupportSession.day >= today - timedelta(days=90))
        .order_by(SupportSession.day.desc()).limit(20)))
    actions = list(db.session.scalars(
        select(Action).options(selectinload(Action.owner)).join(ExperienceMeeting, Action.meeting_id == ExperienceMeeting.id)
        .where(ExperienceMeeting.team_id == team.id, Action.status == ACTION_OPEN).order_by(Action.due).limit(15)))
    return sessions, actions


# --- XLSX -----------------------------------------------------------------------------------------

CHART_TITLES = {
    "compass": _l("Kompas"), "multiples": _l("Teams side om side"), "adoption": _l("Anvendelse"),
    "cumulative": _l("Milepæle"), "steps": _l("VUM-trin"),
}


def _sheet_title(text: str, used: set) -> str:
    """A valid, unique sheet name (max 31 characters, no []:*?/\\)."""
    clean = "".join(c for c in text if c not in "[]:*?/\\")[:31] or "Ark"
    name, n = clean, 2
    while name in used:
        name = f"{clean[:28]} {n}"
        n += 1
    used.add(name)
    return name


def workbook(overview: report.Overview) -> io.BytesIO:
    """One sheet of key figures and one per chart (its table), with the filters written on the first sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    used: set = set()
    ws.title = _sheet_title(_("Nøgletal"), used)
    scope = overview.scope
    ws.append([_("Overblik over udrulningen af VUM"), overview.scope.today.isoformat()])
    ws.append([_("Teams"), ", ".join(t.name for t in scope.teams) if scope.filtered else _("Alle teams")])
    ws.append([_("Periode (måneder)"), scope.months])
    ws.append([])
    ws.append([_("Nøgletal"), _("Værdi"), _("Mål"), _("Lys"), _("Perioden før"), _("Læsning")])
    ws["A1"].font = ws["A5"].font = Font(bold=True)
    for figure in overview.key_figures:
        ws.append([figure.label, figure.value, figure.target_text, figure.light_label, figure.previous,
                   figure.reading])
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["F"].width = 80
    for figure in overview.key_figures:
        if figure.spark is not None and figure.spark.rows:
            _chart_sheet(wb, _sheet_title(figure.label, used), figure.spark, figure.reading)
    for key, chart in overview.charts.items():
        _chart_sheet(wb, _sheet_title(str(CHART_TITLES.get(key, key)), used), chart, overview.readings.get(key, ""))
    sheet = wb.create_sheet(_sheet_title(_("Kompas pr. team"), used))
    sheet.append([_("Team"), *[f"{report.area_label(a)} {overview.quarter.label}" for a in cp.AREAS],
                  *[f"{report.area_label(a)} {overview.quarter.previous().label}" for a in cp.AREAS],
                  _("Samlet"), _("Ændring")])
    for c in overview.compasses:
        sheet.append([c.team.name, *[c.current[a] for a in cp.AREAS], *[c.previous[a] for a in cp.AREAS],
                      c.overall, c.overall_change])
    stream = io.BytesIO()
    wb.save(stream)
    stream.seek(0)
    return stream


def _chart_sheet(wb, title: str, chart: ch.Chart, reading: str) -> None:
    """A sheet with a chart's table (numbers as numbers where they parse) and its reading."""
    sheet = wb.create_sheet(title)
    if reading:
        sheet.append([reading])
        sheet.append([])
    sheet.append(list(chart.columns))
    for row in chart.rows:
        sheet.append([_cell(value) for value in row])


def _cell(value):
    """'12 %' → 12, '3,5' → 3.5, '–' → None; anything else unchanged."""
    if not isinstance(value, str):
        return value
    text = value.replace(" %", "").replace(".", "").replace(",", ".") if value.count(",") <= 1 else value
    if value == "–":
        return None
    try:
        return float(text) if "." in text else int(text)
    except ValueError:
        return value
