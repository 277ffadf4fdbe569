"""Danish-first texts and formatting: gettext helpers and the date filters templates use.

User-facing strings are wrapped in `_()` / `_l()`; `make messages` extracts them into
`implementering/translations/messages.pot`, the one place a translation starts from.
"""
from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date as _babel_format_date
from babel.dates import format_datetime as _babel_format_datetime
from flask_babel import gettext, lazy_gettext, ngettext

_ = gettext
_l = lazy_gettext
__all__ = ["_", "_l", "ngettext", "format_dato", "format_datotid", "iso_week", "format_uge"]

LOCALE = "da_DK"
TIMEZONE = "Europe/Copenhagen"


def format_dato(value: date | datetime | None, style: str = "medium") -> str:
    """Format a date the Danish way: 'medium' gives '23. nov. 2026', 'long' '23. november 2026'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return _babel_format_date(value, format=style, locale=LOCALE)


def format_datotid(value: datetime | None) -> str:
    """Format a naive-UTC datetime in Danish local time: '23. nov. 2026 14.05'."""
    if value is None:
        return ""
    from datetime import timezone
    from zoneinfo import ZoneInfo

    local = value.replace(tzinfo=timezone.utc).astimezone(ZoneInfo(TIMEZONE))
    return _babel_format_datetime(local, format="d. MMM y HH.mm", locale=LOCALE)


def iso_week(value: date | datetime) -> int:
    """The ISO 8601 week number, which is what Danish calendars show."""
    return value.isocalendar()[1]


def format_uge(value: date | datetime | None) -> str:
    """'uge 48' for a date (ISO week)."""
    if value is None:
        return ""
    return f"uge {iso_week(value)}"


def role_names(roles) -> str:
    """'Projektleder, Superbruger' for a list of role keys."""
    from .security import ROLE_LABELS

    return ", ".join(str(ROLE_LABELS.get(role, role)) for role in roles)


def register_template_filters(app) -> None:
    """Make the Danish formatting helpers available as Jinja filters."""
    app.add_template_filter(role_names, "role_names")
    app.add_template_filter(format_dato, "dato")
    app.add_template_filter(format_datotid, "datotid")
    app.add_template_filter(format_uge, "uge")
    app.add_template_filter(iso_week, "ugenr")
