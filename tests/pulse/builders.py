"""Builders for pulse tests: a schedule over teams, an opened round, and answers."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from implementering.extensions import db
from implementering.pulse.models import Invitation, Round, Schedule
from implementering.pulse.rounds import close_round, open_round
from implementering.pulse.services import submit_answer
from seeds.defaults_pulse import load_pulse_defaults
from tests.builders import make_person, make_team

MONDAY = date(2026, 3, 2)


def make_schedule(teams, first_round_on: date = MONDAY, **kwargs) -> Schedule:
    """A schedule with the default question set over `teams` (defaults: every 4 weeks, 7 days, reminders after 3)."""
    question_set = load_pulse_defaults()
    schedule = Schedule(name=kwargs.pop("name", f"Plan {first_round_on}-{len(teams)}-{teams[0].id}"),
                        question_set=question_set, first_round_on=first_round_on, **kwargs)
    schedule.teams = list(teams)
    db.session.add(schedule)
    db.session.commit()
    return schedule


def make_team_with_members(size: int, **kwargs):
    """A team and `size` case workers in it; returns (team, persons)."""
    team = make_team(**kwargs)
    return team, [make_person(team=team) for _ in range(size)]


def make_open_round(teams, opens_on: date = MONDAY, schedule: Schedule | None = None) -> Round:
    """Open a round for `teams` (a new schedule unless one is given)."""
    schedule = schedule or make_schedule(teams, first_round_on=opens_on)
    return open_round(schedule, opens_on)


def invitation_of(round_: Round, person) -> Invitation:
    """The person's invitation to the round."""
    return db.session.scalar(select(Invitation).where(Invitation.round_id == round_.id,
                                                      Invitation.person_id == person.id))


def answer(round_: Round, person, score: int | dict = 4, comment: str = "", on: date | None = None) -> str:
    """Answer the round as `person`: every scale item gets `score` (or {item key: score})."""
    scores = {item.id: (score.get(item.key, 3) if isinstance(score, dict) else score) for item in round_.scale_items}
    return submit_answer(invitation_of(round_, person), scores, comment, today=on or round_.opens_on)


def closed_round_with_answers(teams_scores: dict, opens_on: date = MONDAY, schedule=None) -> Round:
    """Open a round, let each team's members answer with the given scores (one per member), close it.

    `teams_scores` maps a team to a list of (person, score) pairs.
    """
    round_ = make_open_round(list(teams_scores), opens_on, schedule)
    for pairs in teams_scores.values():
        for person, score in pairs:
            answer(round_, person, score)
    close_round(round_)
    return round_
