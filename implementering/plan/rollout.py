"""The "new rollout" wizard: drafting a complete plan relative to go-live dates, and moving it.

Each drafted activity remembers its rollout, the team whose go-live it hangs on (None for
the rollout's first go-live) and its offset in days, so moving a go-live date moves
every drafted activity that has not started yet.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..i18n import _
from ..people.models import Person, Team
from . import constants as c
from .models import Activity, Rollout, RolloutTeam
from .services import create_activity, update_activity
from ..extensions import db


@dataclass(frozen=True)
class DraftStep:
    """One activity (or series) of the drafted plan, relative to a go-live date.

    `per_team` steps are drafted once per team and hang on that team's go-live; the
    others once for the whole rollout, hanging on the first go-live. `repeat` > 1 makes
    a series `interval_weeks` apart.
    """

    key: str
    title: str
    type: str
    focus_area: str
    offset_days: int
    span_days: int = 0
    per_team: bool = False
    repeat: int = 1
    interval_weeks: int = 1
    description: str = ""
    whole_scope: bool = False  # all teams in scope take part


def draft_steps() -> list[DraftStep]:
    """The plan skeleton, following the guideline's order of work (texts in our own words)."""
    return [
        DraftStep("politik", _("Orientering af det politiske udvalg"), c.TYPE_COMMUNICATION, c.AREA_COMMUNICATION,
                  -56, description=_("Kort sag til udvalget om hvorfor VUM indføres, hvad det kræver, "
                                     "og hvad man kan forvente af styringsinformation.")),
        DraftStep("forvaltninger", _("Information til andre forvaltninger"), c.TYPE_COMMUNICATION,
                  c.AREA_COMMUNICATION, -42, description=_("Fx jobcenter, sundhed og økonomi: hvad ændrer sig "
                                                          "for samarbejdet om fælles borgere.")),
        DraftStep("udfoerere", _("Informationsmøde for udførere og leverandører"), c.TYPE_INFORMATION,
                  c.AREA_WORKFLOWS, -35, description=_("Gennemgå bestillinger, mål for indsatsen og "
                                                       "hvordan opfølgningen kommer til at foregå.")),
        DraftStep("superbrugere", _("Ekstra uddannelse af superbrugere"), c.TYPE_SUPERUSER_TRAINING,
                  c.AREA_TRAINING, -42, span_days=1, description=_("Superbrugerne klædes på før kollegerne, "
                                                                   "så de kan svare på spørgsmål fra dag ét.")),
        DraftStep("kickoff", _("Opstartsmøde for alle sagsbehandlere"), c.TYPE_INFORMATION, c.AREA_CHANGE, -28,
                  whole_scope=True, description=_("Hvorfor vi indfører VUM, hvad vi vil opnå, og hvordan "
                                                  "forløbet kommer til at se ud.")),
        DraftStep("kursus", _("VUM-kursus"), c.TYPE_COURSE, c.AREA_TRAINING, -14, span_days=1, per_team=True,
                  description=_("Kursus for teamets sagsbehandlere kort før de går i gang med metoden.")),
        DraftStep("golive", _("Go-live"), c.TYPE_OTHER, c.AREA_ACTIVITY_PLAN, 0, per_team=True,
                  description=_("Teamet bruger VUM i alle nye sager fra i dag.")),
        DraftStep("teammoede", _("Teammøde med to sager"), c.TYPE_TEAM_MEETING, c.AREA_FOLLOW_UP, 7,
                  per_team=True, repeat=8, interval_weeks=1,
                  description=_("2–3 timer: to sagsbehandlere fremlægger hver en sag efter metoden; "
                                "aftal næste mødes to sager inden I går.")),
        DraftStep("erfaring", _("Erfaringsmøde"), c.TYPE_EXPERIENCE_MEETING, c.AREA_FOLLOW_UP, 35,
                  repeat=5, interval_weeks=5, whole_scope=True,
                  description=_("Fælles opsamling for sagsbehandlere og ledere: hvad virker, hvad driller, "
                                "og hvad justerer vi.")),
        DraftStep("seminar", _("Seminar efter et halvt år"), c.TYPE_SEMINAR, c.AREA_FOLLOW_UP, 182,
                  whole_scope=True, description=_("Halv- eller heldagsseminar, hvor udvalgte udfordringer "
                                                  "tages op i dybden; inviter gerne samarbejdspartnere.")),
    ]


def staggered_dates(first: date, teams: list[Team], weeks_apart: int) -> dict[int, date]:
    """Suggested go-live dates: the first team on `first`, each next team `weeks_apart` weeks later."""
    return {team.id: first + timedelta(weeks=weeks_apart * i) for i, team in enumerate(teams)}


def draft_rollout(actor: Person | None, *, name: str, teams: list[Team], go_lives: dict[int, date],
                  responsible: Person | None = None, set_team_go_live: bool = True) -> Rollout:
    """Create a rollout and draft its whole plan from `draft_steps()`.

    `go_lives` maps team id -> go-live date (all equal when the teams start together).
    Adds the Rollout, its RolloutTeam rows and every drafted Activity (series for repeated
    steps); with `set_team_go_live`, also writes each team's go-live date. Does not commit.
    """
    if not teams:
        raise ValueError("a rollout needs at least one team")
    first = min(go_lives[team.id] for team in teams)
    rollout = Rollout(name=name, go_live=first, staggered=len(set(go_lives.values())) > 1,
                      created_by_id=actor.id if actor else None)
    for team in teams:
        rollout.teams.append(RolloutTeam(team_id=team.id, go_live=go_lives[team.id]))
        if set_team_go_live:
            team.go_live = go_lives[team.id]
    db.session.add(rollout)
    responsible = responsible or actor
    for step in draft_steps():
        anchors = [(team, go_lives[team.id]) for team in teams] if step.per_team else [(None, first)]
        for team, anchor in anchors:
            title = f"{step.title} – {team.name}" if team is not None else step.title
            participants = [team] if team is not None else (list(teams) if step.whole_scope else [])
            for number in range(step.repeat):
                offset = step.offset_days + 7 * step.interval_weeks * number
                start = anchor + timedelta(days=offset)
                numbered = f"{title} ({number + 1}/{step.repeat})" if step.repeat > 1 else title
                activity = create_activity(
                    actor, title=numbered, type=step.type, focus_area=step.focus_area,
                    description=step.description, start_date=start,
                    end_date=start + timedelta(days=step.span_days), responsible=responsible,
                    teams=participants,
                )
                activity.rollout = rollout
                activity.anchor_team_id = team.id if team is not None else None
                activity.offset_days = offset
                activity.span_days = step.span_days
                if step.repeat > 1 and number == 0:
                    from .models import ActivitySeries

                    series = ActivitySeries(title=title, interval_weeks=step.interval_weeks,
                                            count=step.repeat, first_date=start)
                    db.session.add(series)
                if step.repeat > 1:
                    activity.series = series
    return rollout


def move_go_live(rollout: Rollout, actor: Person | None, new_dates: dict[int, date], today: date,
                 set_team_go_live: bool = True) -> int:
    """Set new go-live dates (team id -> date) and move the drafted activities that have not started.

    An activity moves when it is still planned or postponed, starts after `today` and still
    follows its anchor (its dates were not changed by hand). The rollout's first go-live
    is recomputed. Writes history rows for each moved activity. Returns how many moved.
    Does not commit.
    """
    old_first = rollout.go_live
    for row in rollout.teams:
        if row.team_id in new_dates:
            row.go_live = new_dates[row.team_id]
            if set_team_go_live:
                row.team.go_live = row.go_live
    rollout.go_live = min(row.go_live for row in rollout.teams) if rollout.teams else old_first
    moved = 0
    activities = db.session.scalars(db.select(Activity).where(Activity.rollout_id == rollout.id))
    for activity in activities:
        if activity.offset_days is None or activity.status not in (c.STATUS_PLANNED, c.STATUS_POSTPONED):
            continue
        if activity.start_date <= today:
            continue
        anchor = rollout.go_live_for(activity.anchor_team_id) if activity.anchor_team_id else rollout.go_live
        start = anchor + timedelta(days=activity.offset_days)
        if start == activity.start_date:
            continue
        offset, span = activity.offset_days, activity.span_days or 0
        update_activity(activity, actor, start_date=start, end_date=start + timedelta(days=span))
        activity.offset_days = offset  # moved by the anchor, so it keeps following it
        moved += 1
    return moved
