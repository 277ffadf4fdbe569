"""Periodic work of the plan: the daily reminder digest to each responsible person."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..i18n import _, format_dato
from ..notifications.services import queue_email
from .constants import CLOSED_STATUSES
from .models import Activity

#: How many days ahead "starts soon" and "due soon" look.
STARTS_SOON_DAYS = 7
DUE_SOON_DAYS = 3


@dataclass
class Digest:
    """What one responsible person should hear about today."""

    starting: list[Activity] = field(default_factory=list)
    due: list[Activity] = field(default_factory=list)
    overdue: list[Activity] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when there is nothing to say."""
        return not (self.starting or self.due or self.overdue)


def collect_digests(today: date) -> dict[int, Digest]:
    """Responsible person id -> their digest for `today` (open activities only; empty digests left out)."""
    soon = today + timedelta(days=STARTS_SOON_DAYS)
    due_soon = today + timedelta(days=DUE_SOON_DAYS)
    query = (select(Activity)
             .where(Activity.responsible_id.is_not(None), Activity.status.not_in(CLOSED_STATUSES),
                    or_(and_(Activity.start_date >= today, Activity.start_date <= soon),
                        Activity.end_date <= due_soon))
             .options(selectinload(Activity.responsible))
             .order_by(Activity.start_date, Activity.id))
    digests: dict[int, Digest] = defaultdict(Digest)
    for activity in db.session.scalars(query):
        digest = digests[activity.responsible_id]
        if activity.end_date < today:
            digest.overdue.append(activity)
        elif activity.end_date <= due_soon and activity.start_date < today:
            digest.due.append(activity)
        elif activity.start_date >= today:
            digest.starting.append(activity)
        else:
            digest.due.append(activity)
    return {pid: d for pid, d in digests.items() if not d.empty}


def digest_body(name: str, digest: Digest, today: date) -> str:
    """The plain-text e-mail for one digest (Danish)."""
    lines = [_("Kære %(name)s", name=name), "",
             _("Her er dit overblik over aktiviteter i VUM-planen, som du er ansvarlig for."), ""]
    if digest.overdue:
        lines.append(_("Forsinket:"))
        lines += [_("- %(title)s (skulle være afsluttet %(date)s, %(days)s dage over)",
                    title=a.title, date=format_dato(a.end_date), days=a.days_overdue(today))
                  for a in digest.overdue]
        lines.append("")
    if digest.due:
        lines.append(_("Skal afsluttes snart:"))
        lines += [_("- %(title)s (senest %(date)s)", title=a.title, date=format_dato(a.end_date))
                  for a in digest.due]
        lines.append("")
    if digest.starting:
        lines.append(_("Starter snart:"))
        lines += [_("- %(title)s (%(date)s)", title=a.title, date=format_dato(a.start_date))
                  for a in digest.starting]
        lines.append("")
    lines.append(_("Opdater status i planen, når en aktivitet er gennemført, udskudt eller aflyst."))
    return "\n".join(lines)


def send_plan_digests(today: date | None = None) -> str:
    """Queue one digest e-mail per responsible person with something to hear about. Commits.

    The outbox key `plan-digest:<person>:<day>` makes a second run on the same day a no-op,
    and persons with nothing due, starting or overdue get no e-mail.
    """
    from ..people.models import Person

    today = today or date.today()
    queued = 0
    for person_id, digest in collect_digests(today).items():
        person = db.session.get(Person, person_id)
        if person is None or not person.active or not person.email:
            continue
        subject = _("VUM-planen: %(n)s aktiviteter kræver din opmærksomhed",
                    n=len(digest.overdue) + len(digest.due) + len(digest.starting))
        message = queue_email(person.email, subject, digest_body(person.name, digest, today),
                              key=f"plan-digest:{person.id}:{today.isoformat()}", category="plan",
                              commit=False)
        queued += message is not None
    db.session.commit()
    return f"{queued} påmindelser sat i kø"
