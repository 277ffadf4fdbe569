"""Personal and plan-wide iCalendar feeds (RFC 5545) with secret, revocable tokens."""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..database import utcnow
from ..extensions import db
from ..people.models import Person
from .constants import STATUS_CANCELLED
from .models import Activity, CalendarToken
from .services import person_activity_filter

TZ = ZoneInfo("Europe/Copenhagen")
SCOPE_PERSON = "person"
SCOPE_PLAN = "plan"


def get_token(person: Person, scope: str = SCOPE_PERSON) -> CalendarToken | None:
    """The person's current feed token for `scope`, or None."""
    return db.session.scalar(select(CalendarToken).where(CalendarToken.person_id == person.id,
                                                         CalendarToken.scope == scope))


def renew_token(person: Person, scope: str = SCOPE_PERSON) -> CalendarToken:
    """Give the person a new secret token for `scope`; the old URL stops working. Does not commit."""
    token = get_token(person, scope)
    if token is None:
        token = CalendarToken(person_id=person.id, scope=scope)
        db.session.add(token)
    token.token = secrets.token_urlsafe(32)
    return token


def revoke_token(person: Person, scope: str = SCOPE_PERSON) -> None:
    """Delete the person's token for `scope` so the feed URL answers 404. Does not commit."""
    token = get_token(person, scope)
    if token is not None:
        db.session.delete(token)


def find_token(value: str) -> CalendarToken | None:
    """The token row matching a secret from a URL (None when unknown or revoked)."""
    if not value or len(value) > 64:
        return None
    return db.session.scalar(select(CalendarToken).where(CalendarToken.token == value))


def feed_activities(token: CalendarToken) -> list[Activity]:
    """What a feed shows: every activity (plan scope, planners only) or the person's own."""
    from ..security import PLANNERS

    query = select(Activity).options(selectinload(Activity.responsible))
    if token.scope != SCOPE_PLAN or not token.person.has_any_role(PLANNERS):
        query = query.where(person_activity_filter(token.person))
    return list(db.session.scalars(query.order_by(Activity.start_date, Activity.id)))


def build_calendar(activities: list[Activity], name: str, host: str = "vum-implementering") -> bytes:
    """An RFC 5545 calendar with one VEVENT per activity (stable UID, Europe/Copenhagen times)."""
    cal = Calendar()
    cal.add("prodid", "-//VUM Implementering//Aktivitetsplan//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Copenhagen")
    stamp = utcnow().replace(tzinfo=ZoneInfo("UTC"))
    for activity in activities:
        event = Event()
        event.add("uid", f"activity-{activity.id}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", activity.title)
        if activity.start_time is not None:
            start = datetime.combine(activity.start_date, activity.start_time, tzinfo=TZ)
            end_time = activity.end_time or (datetime.combine(activity.start_date, activity.start_time)
                                             + timedelta(hours=1)).time()
            end = datetime.combine(activity.end_date, end_time, tzinfo=TZ)
            if end <= start:
                end = start + timedelta(hours=1)
            event.add("dtstart", start)
            event.add("dtend", end)
        else:
            event.add("dtstart", activity.start_date)
            event.add("dtend", activity.end_date + timedelta(days=1))  # DTEND is exclusive for dates
        if activity.location:
            event.add("location", activity.location)
        description = activity.description or ""
        if activity.responsible is not None:
            description = f"{description}\n\nAnsvarlig: {activity.responsible.name}".strip()
        if description:
            event.add("description", description)
        event.add("status", "CANCELLED" if activity.status == STATUS_CANCELLED else "CONFIRMED")
        event.add("last-modified", activity.updated_at.replace(tzinfo=ZoneInfo("UTC")))
        cal.add_component(event)
    cal.add_missing_timezones()  # a VTIMEZONE for every TZID used, as RFC 5545 requires
    return cal.to_ical()
