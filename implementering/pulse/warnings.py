"""Early warning: e-mail the project leaders and a team's superusers when its motivation falls,
and turn a chosen remedy into a planned activity for the team with one click.

The warning itself is decided by `analytics.pulse.motivation_warning` from the team's
shown means only, so a warning never reveals a round that was suppressed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import select

from ..analytics.pulse import MotivationWarning, motivation_warning
from ..database import utcnow
from ..extensions import db
from ..i18n import _, _l, format_dato
from ..notifications.services import queue_email
from ..people.models import Person, PersonRole, Team
from ..security import ADMIN, PROJEKTLEDER, SUPERBRUGER
from .models import CLOSED, Invitation, Round
from .warning_models import EarlyWarning

#: Rounds that closed longer ago than this are not warned about (e.g. history loaded at once).
WARN_WITHIN_DAYS = 14
#: How much history the check reads (the rule needs the last few shown rounds).
HISTORY_DAYS = 400


@dataclass(frozen=True)
class Remedy:
    """One of the guideline's remedies, as an activity the plan can hold."""

    key: str
    label: object
    title: object
    type: str
    description: object


def _remedies() -> dict[str, Remedy]:
    """The remedies offered for a falling motivation, in the guideline's spirit (own words)."""
    from ..plan.constants import TYPE_OTHER, TYPE_SUPERUSER_TRAINING, TYPE_TEAM_MEETING

    items = [
        Remedy("succeser", _l("Ekstra teammøde om de små succeser"), _l("Ekstra teammøde: det, der lykkes"),
               TYPE_TEAM_MEETING,
               _l("Hver deltager tager én sag med, hvor metoden gjorde en forskel. Skriv succeserne op, så de kan ses.")),
        Remedy("sparring", _l("Sparring med superbrugeren"), _l("Sparring med superbruger"), TYPE_SUPERUSER_TRAINING,
               _l("Superbrugeren sidder med i teamet og gennemgår aktuelle sager sammen med sagsbehandlerne.")),
        Remedy("usikkerhed", _l("Teammøde om usikkerheden"), _l("Teammøde: hvad er svært lige nu?"),
               TYPE_TEAM_MEETING,
               _l("Tal åbent om det, der føles langsomt eller uvant, og aftal, hvad der skal til for at komme videre.")),
        Remedy("hvorfor", _l("Oplæg om hvorfor vi bruger metoden"), _l("Hvorfor VUM? Kort oplæg og dialog"),
               TYPE_OTHER,
               _l("Ledelsen genfortæller formålet med metoden og hvad den skal give borgerne og medarbejderne.")),
    ]
    return {item.key: item for item in items}


def remedy_choices() -> list[tuple[str, str]]:
    """(key, label) of every remedy, for a select field."""
    return [(r.key, str(r.label)) for r in _remedies().values()]


def warning_thresholds() -> dict:
    """The early-warning rule's settings (PULSE_WARNING_DROP, _ROUNDS, _FLOOR in the config)."""
    config = current_app.config
    return {"drop": float(config.get("PULSE_WARNING_DROP", 0.5)),
            "over_rounds": int(config.get("PULSE_WARNING_ROUNDS", 2)),
            "floor": float(config.get("PULSE_WARNING_FLOOR", 3.0))}


def team_warning(means) -> MotivationWarning | None:
    """The configured warning rule applied to a team's shown means (oldest first)."""
    return motivation_warning(means, **warning_thresholds())


# --- recipients and e-mail ---------------------------------------------------------------------

def warning_recipients(team: Team) -> list[Person]:
    """Active project leaders and the team's active superusers, each once, by name."""
    leaders = db.session.scalars(select(Person).join(PersonRole).where(
        PersonRole.role == PROJEKTLEDER, Person.active.is_(True)))
    people = {p.id: p for p in leaders}
    people.update({p.id: p for p in team.superusers if p.active and p.has_any_role((SUPERBRUGER, ADMIN))})
    return sorted(people.values(), key=lambda p: p.name)


def warning_email(team: Team, warning: EarlyWarning) -> tuple[str, str]:
    """Subject and body of the early-warning e-mail: what happened and what usually helps."""
    latest = f"{warning.latest:.2f}".replace(".", ",")
    if warning.reason == "fald":
        what = _("Motivationen i %(team)s er faldet tydeligt og ligger nu på %(m)s i gennemsnit (skala 1–5).",
                 team=team.name, m=latest)
    else:
        what = _("Motivationen i %(team)s er lav: %(m)s i gennemsnit på skalaen 1–5.", team=team.name, m=latest)
    remedies = "\n".join(f"- {r.label}: {r.description}" for r in _remedies().values())
    link = f"{current_app.config['BASE_URL']}/puls/?team={team.id}&periode=0"
    body = "\n\n".join([
        what,
        _("Tallet bygger på runden fra %(d)s og kun på runder med nok svar til at kunne vises.",
          d=format_dato(warning.round_on)),
        _("Et dyk er almindeligt, når de gamle rutiner slippes, men det skal tages alvorligt. Greb der plejer at hjælpe:"),
        remedies,
        _("Se teamets kurve og læg et greb direkte ind i aktivitetsplanen med ét klik:") + "\n" + link,
    ])
    return _("Tidlig advarsel: motivationen i %(team)s", team=team.name), body


def raise_warning(team: Team, round_on: date, warning: MotivationWarning) -> tuple[EarlyWarning, int]:
    """Record the warning for the team's round (once) and queue its e-mails (once per recipient). Commits.

    Idempotency key per team, round and recipient: `pulse:warning:<team>:<round day>:<person>`.
    Returns the warning row and the number of e-mails queued now.
    """
    row = db.session.scalar(select(EarlyWarning).where(EarlyWarning.team_id == team.id,
                                                       EarlyWarning.round_on == round_on))
    if row is None:
        row = EarlyWarning(team_id=team.id, round_on=round_on, reason=warning.reason, latest=warning.latest,
                           change=warning.change)
        db.session.add(row)
        db.session.flush()
    subject, body = warning_email(team, row)
    queued = 0
    for person in warning_recipients(team):
        key = f"pulse:warning:{team.id}:{round_on.isoformat()}:{person.id}"
        if person.email and queue_email(person.email, subject, body, key=key, category="pulse.warning",
                                        commit=False) is not None:
            queued += 1
    db.session.commit()
    return row, queued


def send_early_warnings(today: date | None = None) -> int:
    """Check the teams of rounds closed in the last WARN_WITHIN_DAYS days and warn where needed. Commits.

    Idempotent: a team is warned once per round. Returns the number of e-mails queued.
    """
    from .results import Selection, load_published
    from .services import min_group_size

    today = today or utcnow().date()
    recent = select(Round.id).where(Round.status == CLOSED, Round.closes_on <= today,
                                    Round.closes_on >= today - timedelta(days=WARN_WITHIN_DAYS))
    team_ids = set(db.session.scalars(select(Invitation.team_id).where(Invitation.round_id.in_(recent)).distinct()))
    if not team_ids:
        return 0
    teams = list(db.session.scalars(select(Team).where(Team.id.in_(team_ids), Team.active.is_(True))
                                    .order_by(Team.name)))
    published = load_published(Selection(teams=teams, min_size=min_group_size(),
                                         since=today - timedelta(days=HISTORY_DAYS)))
    queued = 0
    for team in teams:
        curve = published.curve(team)
        shown = [p for p in curve if p.mean is not None]
        warning = team_warning([p.mean for p in curve])
        if warning is None or not shown:
            continue
        _row, count = raise_warning(team, shown[-1].on, warning)
        queued += count
    return queued


# --- the one-click remedy ----------------------------------------------------------------------

def may_add_remedy(person: Person, team: Team) -> bool:
    """Project leaders and administrators for any team; superusers for the teams they support."""
    if person.has_any_role((ADMIN, PROJEKTLEDER)):
        return True
    return person.has_role(SUPERBRUGER) and any(t.id == team.id for t in person.supported_teams)


def next_monday(today: date) -> date:
    """The Monday of next week."""
    return today + timedelta(days=7 - today.weekday())


def add_remedy(team: Team, remedy_key: str, actor: Person, today: date | None = None):
    """Plan the chosen remedy as an activity for `team` on Monday next week, `actor` responsible. Commits.

    A second click on the same remedy for the same team and day adds nothing. Returns
    (activity, created). Raises KeyError for an unknown remedy.
    """
    from ..plan.constants import AREA_CHANGE
    from ..plan.models import Activity, activity_teams
    from ..plan.services import create_activity

    remedy = _remedies()[remedy_key]
    day = next_monday(today or utcnow().date())
    title = f"{remedy.title} ({team.name})"
    existing = db.session.scalar(select(Activity).join(activity_teams).where(
        Activity.title == title, Activity.start_date == day, activity_teams.c.team_id == team.id))
    if existing is not None:
        return existing, False
    activity = create_activity(actor, title=title, start_date=day, type=remedy.type, teams=[team],
                               responsible=actor, focus_area=AREA_CHANGE, description=str(remedy.description),
                               notes=str(_("Oprettet fra motivationspulsens tidlige advarsel.")))
    db.session.commit()
    return activity, True
