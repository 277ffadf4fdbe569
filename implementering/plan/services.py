"""Activity services: create, change (with history), series, linked activities from other domains.

None of these functions commit; the caller (a view, a job or another domain's service) commits.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Iterable

from sqlalchemy import or_, select

from ..extensions import db
from ..people.models import Person, Team
from .constants import CLOSED_STATUSES, STATUS_CANCELLED, STATUS_DONE, STATUS_PLANNED, TYPE_OTHER
from .models import Activity, ActivityChange, ActivitySeries, activity_persons, activity_teams

#: Fields whose changes are written to the history, in the order shown.
TRACKED_FIELDS = ("title", "type", "focus_area", "description", "start_date", "end_date", "start_time",
                  "end_time", "completed_on", "location", "responsible_id", "status", "notes")


@dataclass(frozen=True)
class ActivitySource:
    """Where activities owned by another domain are edited."""

    label: str
    endpoint: str
    arg: str = "id"


#: source key -> ActivitySource; other domains call `register_activity_source` to add theirs.
ACTIVITY_SOURCES: dict[str, ActivitySource] = {}


def register_activity_source(key: str, label: str, endpoint: str, arg: str = "id") -> None:
    """Tell the plan where activities with `source == key` are edited (a label and a url_for endpoint)."""
    ACTIVITY_SOURCES[key] = ActivitySource(label, endpoint, arg)


# Linked activities (one source of truth for other domains) ----------------------------------
def upsert_linked_activity(source: str, source_id: int, *, title: str, type: str, start: date,
                           end: date | None = None, start_time: time | None = None,
                           end_time: time | None = None, location: str = "",
                           responsible: Person | None = None, teams: Iterable[Team] = (),
                           persons: Iterable[Person] = (), status: str | None = None,
                           focus_area: str | None = None, description: str = "") -> Activity:
    """Create or update the plan activity that mirrors `source`/`source_id` (e.g. a course session).

    Adds or changes one Activity (participants replaced by `teams`/`persons`); `status=None`
    keeps the current status (planlagt for a new one). Does not commit; the caller commits.
    """
    activity = db.session.scalar(
        select(Activity).where(Activity.source == source, Activity.source_id == source_id)
    )
    if activity is None:
        activity = Activity(source=source, source_id=source_id, status=status or STATUS_PLANNED)
        db.session.add(activity)
    elif status is not None:
        activity.status = status
    activity.title = title
    activity.type = type
    activity.start_date = start
    activity.end_date = end or start
    activity.start_time = start_time
    activity.end_time = end_time
    activity.location = location or ""
    activity.responsible = responsible
    activity.teams = list(teams)
    activity.persons = list(persons)
    activity.description = description or ""
    if focus_area is not None:
        activity.focus_area = focus_area
    elif activity.focus_area is None:
        from .constants import AREA_TRAINING, TYPE_COURSE, TYPE_SUPERUSER_TRAINING

        activity.focus_area = AREA_TRAINING if type in (TYPE_COURSE, TYPE_SUPERUSER_TRAINING) else None
    if activity.status == STATUS_DONE and activity.completed_on is None:
        activity.completed_on = activity.end_date
    return activity


def delete_linked_activity(source: str, source_id: int) -> None:
    """Delete the plan activity mirroring `source`/`source_id`, if there is one. Does not commit."""
    activity = db.session.scalar(
        select(Activity).where(Activity.source == source, Activity.source_id == source_id)
    )
    if activity is not None:
        db.session.delete(activity)


def linked_edit_target(activity: Activity) -> ActivitySource | None:
    """Where a linked activity is edited, or None for the plan's own activities."""
    if not activity.source:
        return None
    return ACTIVITY_SOURCES.get(activity.source)


# Queries ------------------------------------------------------------------------------------
def person_activity_filter(person: Person):
    """SQL condition: `person` is responsible for, or takes part in, the activity (directly or via team)."""
    direct = select(activity_persons.c.activity_id).where(activity_persons.c.person_id == person.id)
    conditions = [Activity.responsible_id == person.id, Activity.id.in_(direct)]
    if person.team_id is not None:
        via_team = select(activity_teams.c.activity_id).where(activity_teams.c.team_id == person.team_id)
        conditions.append(Activity.id.in_(via_team))
    return or_(*conditions)


def activities_for_person(person: Person, *, start: date | None = None, end: date | None = None,
                          include_closed: bool = True) -> list[Activity]:
    """Activities `person` is responsible for or takes part in (directly or via their team), by date.

    `start`/`end` keep only activities overlapping that period; `include_closed=False`
    leaves out done and cancelled ones. Reads only.
    """
    query = select(Activity).where(person_activity_filter(person))
    if start is not None:
        query = query.where(Activity.end_date >= start)
    if end is not None:
        query = query.where(Activity.start_date <= end)
    if not include_closed:
        query = query.where(Activity.status.not_in(CLOSED_STATUSES))
    return list(db.session.scalars(query.order_by(Activity.start_date, Activity.start_time, Activity.id)))


def overdue_activities(today: date) -> list[Activity]:
    """Activities not done or cancelled whose end date has passed, oldest first."""
    query = (select(Activity)
             .where(Activity.end_date < today, Activity.status.not_in(CLOSED_STATUSES))
             .order_by(Activity.end_date, Activity.id))
    return list(db.session.scalars(query))


# Editing with history -----------------------------------------------------------------------
def _as_text(value) -> str:
    """How a field value is written in the history."""
    if value is None:
        return ""
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def _display(field: str, value) -> str:
    """A history value as a reader wants it: names instead of ids, labels instead of keys."""
    from .constants import ACTIVITY_STATUSES, ACTIVITY_TYPES, FOCUS_AREAS

    if value in (None, ""):
        return ""
    if field == "responsible_id":
        person = db.session.get(Person, value)
        return person.name if person else str(value)
    labels = {"status": ACTIVITY_STATUSES, "type": ACTIVITY_TYPES, "focus_area": FOCUS_AREAS}.get(field)
    if labels is not None:
        return str(labels.get(value, value))
    return _as_text(value)


def _record(activity: Activity, actor: Person | None, field: str, old, new) -> None:
    """Append one history row when the value changed."""
    if _as_text(old) == _as_text(new):
        return
    activity.changes.append(ActivityChange(person_id=actor.id if actor else None, field=field,
                                           old_value=_display(field, old), new_value=_display(field, new)))


def _participants_text(persons: Iterable[Person], teams: Iterable[Team]) -> str:
    """Participants as a sorted text for the history."""
    names = sorted(p.name for p in persons) + sorted(f"team {t.name}" for t in teams)
    return ", ".join(names)


def create_activity(actor: Person | None, *, title: str, start_date: date, end_date: date | None = None,
                    type: str = TYPE_OTHER, persons: Iterable[Person] = (), teams: Iterable[Team] = (),
                    **fields) -> Activity:
    """Add a new activity (and a "created" history row). Does not commit."""
    activity = Activity(title=title, type=type, start_date=start_date, end_date=end_date or start_date,
                        status=fields.pop("status", STATUS_PLANNED), **fields)
    activity.persons = list(persons)
    activity.teams = list(teams)
    if activity.status == STATUS_DONE and activity.completed_on is None:
        activity.completed_on = activity.end_date
    activity.changes.append(ActivityChange(person_id=actor.id if actor else None, field="oprettet",
                                           old_value="", new_value=title))
    db.session.add(activity)
    return activity


def update_activity(activity: Activity, actor: Person | None, *, persons: Iterable[Person] | None = None,
                    teams: Iterable[Team] | None = None, **fields) -> int:
    """Change `fields` (and participants when given) and write one history row per changed field.

    Setting status to done fills an empty `completed_on` with today (or the end date if earlier). Changing the
    dates by hand detaches the activity from its go-live anchor. Returns the number of changed
    fields. Does not commit.
    """
    before = len(activity.changes)
    old_dates = (activity.start_date, activity.end_date)
    for field, value in fields.items():
        if field not in TRACKED_FIELDS:
            raise ValueError(f"unknown activity field {field}")
        _record(activity, actor, field, getattr(activity, field), value)
        setattr(activity, field, value)
    if activity.end_date < activity.start_date:
        _record(activity, actor, "end_date", activity.end_date, activity.start_date)
        activity.end_date = activity.start_date
    if activity.status == STATUS_DONE and activity.completed_on is None:
        activity.completed_on = min(date.today(), activity.end_date)
        _record(activity, actor, "completed_on", None, activity.completed_on)
    if (activity.start_date, activity.end_date) != old_dates:
        activity.offset_days = None  # moved by hand: no longer follows the go-live date
    if persons is not None or teams is not None:
        new_persons = list(persons) if persons is not None else list(activity.persons)
        new_teams = list(teams) if teams is not None else list(activity.teams)
        _record(activity, actor, "deltagere", _participants_text(activity.persons, activity.teams),
                _participants_text(new_persons, new_teams))
        activity.persons = new_persons
        activity.teams = new_teams
    return len(activity.changes) - before


def delete_activity(activity: Activity) -> None:
    """Delete an activity of the plan (its history goes with it). Does not commit."""
    db.session.delete(activity)


# Series -------------------------------------------------------------------------------------
def series_dates(first: date, interval_weeks: int, count: int) -> list[date]:
    """The dates of a series: `count` dates `interval_weeks` weeks apart from `first`."""
    if interval_weeks < 1 or count < 1:
        raise ValueError("interval and count must be at least 1")
    return [first + timedelta(weeks=interval_weeks * i) for i in range(count)]


def create_series(actor: Person | None, *, title: str, first_date: date, interval_weeks: int, count: int,
                  duration_days: int = 0, persons: Iterable[Person] = (), teams: Iterable[Team] = (),
                  **fields) -> ActivitySeries:
    """Add a series and one activity per occurrence (each editable or cancellable on its own).

    Occurrences are titled "title (n/count)". `fields` are passed to every occurrence.
    Does not commit.
    """
    series = ActivitySeries(title=title, interval_weeks=interval_weeks, count=count, first_date=first_date)
    db.session.add(series)
    persons, teams = list(persons), list(teams)
    for number, day in enumerate(series_dates(first_date, interval_weeks, count), start=1):
        activity = create_activity(actor, title=f"{title} ({number}/{count})", start_date=day,
                                   end_date=day + timedelta(days=duration_days), persons=persons,
                                   teams=teams, **dict(fields))
        activity.series = series
    return series


def cancel_rest_of_series(activity: Activity, actor: Person | None) -> int:
    """Cancel this occurrence and every later one of its series that is not done. Returns how many."""
    if activity.series is None:
        return 0
    count = 0
    for other in activity.series.activities:
        if other.start_date >= activity.start_date and other.status not in CLOSED_STATUSES:
            update_activity(other, actor, status=STATUS_CANCELLED)
            count += 1
    return count
