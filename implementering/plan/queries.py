"""Finding activities: the list's filters and sorting, the week view and the timeline's bars."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..i18n import _
from .constants import ACTIVITY_STATUSES, ACTIVITY_TYPES, CLOSED_STATUSES, FOCUS_AREAS
from .models import Activity, activity_teams

SORTS = {
    "start": (Activity.start_date, Activity.start_time, Activity.id),
    "-start": (Activity.start_date.desc(), Activity.id.desc()),
    "slut": (Activity.end_date, Activity.id),
    "titel": (Activity.title, Activity.id),
    "status": (Activity.status, Activity.start_date, Activity.id),
}


@dataclass
class ActivityFilter:
    """The list's filters; empty values mean 'all'."""

    status: str = ""
    type: str = ""
    focus_area: str = ""
    responsible_id: int | None = None
    team_id: int | None = None
    start: date | None = None
    end: date | None = None
    overdue: bool = False
    q: str = ""
    sort: str = "start"

    @classmethod
    def from_args(cls, args) -> "ActivityFilter":
        """Read filters from request args, ignoring values that do not parse."""
        def as_date(name):
            try:
                return date.fromisoformat(args.get(name, ""))
            except ValueError:
                return None

        return cls(
            status=args.get("status", "") if args.get("status") in ACTIVITY_STATUSES else "",
            type=args.get("type", "") if args.get("type") in ACTIVITY_TYPES else "",
            focus_area=args.get("omraade", "") if args.get("omraade") in FOCUS_AREAS else "",
            responsible_id=args.get("ansvarlig", type=int) or None,
            team_id=args.get("team", type=int) or None,
            start=as_date("fra"), end=as_date("til"),
            overdue=bool(args.get("forsinket")),
            q=(args.get("q") or "").strip()[:100],
            sort=args.get("sort") if args.get("sort") in SORTS else "start",
        )


def filtered_query(flt: ActivityFilter, today: date):
    """SELECT of activities matching `flt`, eager-loading what the list shows."""
    query = select(Activity).options(selectinload(Activity.responsible), selectinload(Activity.teams))
    if flt.status:
        query = query.where(Activity.status == flt.status)
    if flt.type:
        query = query.where(Activity.type == flt.type)
    if flt.focus_area:
        query = query.where(Activity.focus_area == flt.focus_area)
    if flt.responsible_id:
        query = query.where(Activity.responsible_id == flt.responsible_id)
    if flt.team_id:
        query = query.where(Activity.id.in_(select(activity_teams.c.activity_id)
                                            .where(activity_teams.c.team_id == flt.team_id)))
    if flt.start:
        query = query.where(Activity.end_date >= flt.start)
    if flt.end:
        query = query.where(Activity.start_date <= flt.end)
    if flt.overdue:
        query = query.where(Activity.end_date < today, Activity.status.not_in(CLOSED_STATUSES))
    if flt.q:
        query = query.where(Activity.title.ilike(f"%{flt.q}%"))
    return query.order_by(*SORTS[flt.sort])


def week_bounds(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def week_days(day: date) -> list[tuple[date, list[Activity]]]:
    """The seven days of `day`'s week, each with the activities running that day (by start time)."""
    monday, sunday = week_bounds(day)
    activities = list(db.session.scalars(
        select(Activity).where(Activity.start_date <= sunday, Activity.end_date >= monday)
        .options(selectinload(Activity.responsible))
        .order_by(Activity.start_time, Activity.title)))
    days = []
    for offset in range(7):
        current = monday + timedelta(days=offset)
        days.append((current, [a for a in activities if a.start_date <= current <= a.end_date]))
    return days


def timeline_bars(activities: list[Activity], today: date):
    """GanttBars for the timeline: series share a row; overdue activities get their own colour."""
    from ..charts.plan import GanttBar

    bars = []
    for a in activities:
        row = a.series.title if a.series is not None else a.title
        if a.anchor_team is not None and a.series is not None and a.anchor_team.name not in row:
            row = f"{row} – {a.anchor_team.name}"
        overdue = a.days_overdue(today)
        status = "forsinket" if overdue else a.status
        label = _("Forsinket %(n)s dage", n=overdue) if overdue else a.status_label
        bars.append(GanttBar(row=row[:60], group=a.focus_area_label or _("Andet"), start=a.start_date,
                             end=a.end_date, status=status, status_label=label if not overdue else _("Forsinket"),
                             responsible=a.responsible.name if a.responsible else "", title=a.title))
    return bars
