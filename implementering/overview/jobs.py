"""The monthly summary to leadership: key figures and what changed, queued in the outbox once a month."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from ..analytics import compass as cp
from ..charts.overview import fmt
from ..extensions import db
from ..i18n import _
from ..people.models import Person, PersonRole
from ..security import LEDELSE

CATEGORY = "overblik"


def summary_key(month: date, person_id: int) -> str:
    """The idempotency key of one person's summary for one month."""
    return f"overview-monthly-{month:%Y-%m}-{person_id}"


def summary_text(overview, month_label: str) -> tuple[str, str]:
    """(subject, body) of the monthly summary: key figures with lights, what changed, milestones, compass."""
    from .report import area_label

    subject = _("Overblik over udrulningen af VUM, %(m)s", m=month_label)
    lines = [subject, "", overview.readings.get("headline", ""), "", _("Nøgletal for alle teams:")]
    for f in overview.key_figures:
        light = f" ({f.light_label})" if f.light else ""
        lines.append(f"- {f.label}: {f.text}{light}")
    changed = [f for f in overview.key_figures if f.value is not None and f.previous is not None
               and abs(f.value - f.previous) >= 10 ** -max(f.digits, 0) / 2]
    lines += ["", _("Hvad har ændret sig:")]
    if changed:
        for f in changed:
            lines.append(f"- {f.reading}")
    else:
        lines.append(_("- Ingen af nøgletallene har flyttet sig mærkbart."))
    fresh = [(m.team.name, count) for m in overview.milestones for count, week in m.reached_week.items()
             if (overview.scope.today - week).days <= 35]
    if fresh:
        lines += ["", _("Milepæle at fejre:")]
        lines += [_("- %(team)s har nået %(n)s sager behandlet med VUM.", team=t, n=n) for t, n in fresh]
    if overview.not_started:
        lines += ["", _("Teams efter go-live uden sager i VUM: %(teams)s", teams=", ".join(t.name for t in overview.not_started))]
    if overview.compass_scope is not None:
        lines += ["", _("Kompasset (gennemsnit af teams), %(q)s mod %(p)s:", q=overview.quarter.label,
                        p=overview.quarter.previous().label)]
        for area in cp.AREAS:
            now, before = overview.compass_scope.current[area], overview.compass_scope.previous[area]
            lines.append(f"- {area_label(area)}: {fmt(now)} ({fmt(before)})")
    lines += ["", _("Hele overblikket med filtre, tabeller og udskrift ligger under Overblik i VUM Implementering.")]
    return subject, "\n".join(lines)


def send_monthly_summary(today: date | None = None) -> str:
    """Queue this month's summary to every active leader with an e-mail address (once per month each).

    Safe to run daily: the idempotency key (month + person) stops a second copy. Commits.
    """
    from ..notifications.services import queue_email
    from .services import overview_for

    today = today or date.today()
    month = today.replace(day=1)
    leaders = list(db.session.scalars(select(Person).where(
        Person.active.is_(True), Person.role_rows.any(PersonRole.role == LEDELSE)).order_by(Person.id)))
    if not leaders:
        return "ingen ledere at sende til"
    overview = overview_for(today)
    from babel.dates import format_date

    label = format_date(month - timedelta(days=1), "MMMM y", locale="da_DK")
    subject, body = summary_text(overview, label)
    queued = 0
    for leader in leaders:
        if leader.email and queue_email(leader.email, subject, body, key=summary_key(month, leader.id),
                                        category=CATEGORY, commit=True) is not None:
            queued += 1
    return f"{queued} månedsoverblik lagt i udbakken"
