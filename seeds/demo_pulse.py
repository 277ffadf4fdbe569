"""Demo pulses: a schedule per department with a year (small) or two years (large) of closed rounds.

Most teams follow the typical motivation curve around their go-live (rise, dip, recovery);
one team keeps falling, so the early warning has something to show. The newest round is
open, so the demo case worker can answer it from the start page. Deterministic: ctx.rng only.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert

from implementering.analytics.pulse import expected_motivation
from implementering.extensions import db
from implementering.pulse.models import CLOSED, Invitation, Response, Round, Schedule, round_items
from implementering.pulse.answer_models import Answer, AnswerValue, Comment
from implementering.pulse.rounds import open_round

from .defaults_pulse import load_pulse_defaults

COMMENTS = [
    "Skemaet tager stadig lang tid, men det bliver bedre for hver sag.",
    "Det hjalp meget at gennemgå en sag sammen med superbrugeren.",
    "Vi mangler tid til at øve os mellem de travle dage.",
    "Borgerne virker glade for at blive spurgt mere ind til deres egne ønsker.",
    "Jeg er i tvivl om, hvordan skalaen skal bruges på psykiske funktioner.",
    "Fedt at høre, at vi har klaret de første mange sager med metoden.",
    "Teammøderne med konkrete sager er det bedste, vi har gjort.",
    "Jeg savner eksempler på gode formuleringer af mål.",
    "Det er svært at slippe de gamle vaner, men jeg kan se meningen.",
    "Mere sparring, tak. Især i de komplekse sager.",
]
#: How the other items move with motivation: (key, offset from motivation).
ITEM_OFFSETS = {"motivation": 0.0, "mening": 0.2, "kompetence": -0.3, "stoette": 0.1, "tid": -0.6}


def _score(rng, centre: float) -> int:
    """A 1–5 answer scattered around `centre`."""
    return max(1, min(5, round(rng.gauss(centre, 0.8))))


def _level(falling: bool, weeks_since_go_live: float, weeks_since_start: float, offset: float) -> float:
    """The demo team's typical motivation at a point in time."""
    if falling:
        return 4.0 - 0.035 * weeks_since_start
    return expected_motivation(weeks_since_go_live) + offset


def build_pulse_demo(ctx) -> None:
    """Schedules per department, past rounds with anonymous answers, and one open round now."""
    rng = ctx.rng
    question_set = load_pulse_defaults()
    items = question_set.current_items
    scale_items = [item for item in items if item.is_scale]
    comment_item = next(item for item in items if not item.is_scale)
    weeks = 104 if ctx.size == "large" else 52
    # A round opened two days ago is open now; the cycles before it are closed.
    latest = ctx.today - timedelta(days=2)
    first = latest - timedelta(weeks=weeks - weeks % 4)
    falling_team = ctx.teams[min(3, len(ctx.teams) - 1)]
    offsets = {team.id: rng.uniform(-0.3, 0.3) for team in ctx.teams}
    schedules = []
    for department in ctx.departments:
        teams = [team for team in ctx.teams if team.department is department]
        schedule = Schedule(name=f"Motivationspuls {department.name}", question_set=question_set,
                            first_round_on=first, cadence_weeks=4, open_days=7, reminder_after_days=3,
                            max_reminders=2, active=True)
        schedule.teams = teams
        db.session.add(schedule)
        schedules.append(schedule)
    db.session.flush()
    members = {team.id: [p for p in ctx.persons if p.team is team and p.active] for team in ctx.teams}
    invitations, responses, answers, values, comments, round_links = [], [], [], [], [], []
    rounds = 0
    for schedule in schedules:
        opens_on = first
        while opens_on < latest:
            round_ = Round(schedule=schedule, opens_on=opens_on, closes_on=opens_on + timedelta(days=7),
                           status=CLOSED)
            db.session.add(round_)
            db.session.flush()
            rounds += 1
            round_links += [{"round_id": round_.id, "item_id": item.id} for item in items]
            for team in schedule.teams:
                falling = team is falling_team
                go_live = team.go_live or ctx.today
                answered = 0
                for person in members[team.id]:
                    invitations.append({"round_id": round_.id, "person_id": person.id, "team_id": team.id,
                                        "reminders_sent": rng.choice((0, 1, 2)), "created_at": opens_on,
                                        "updated_at": opens_on})
                    if rng.random() < 0.78:
                        responses.append({"round_id": round_.id, "person_id": person.id})
                        answered += 1
                centre = _level(falling, (opens_on - go_live).days / 7, (opens_on - first).days / 7, offsets[team.id])
                for _ in range(answered):
                    key = f"{rng.getrandbits(128):032x}"
                    personal = rng.gauss(0, 0.3)
                    answers.append({"id": key, "round_id": round_.id, "team_id": team.id,
                                    "answered_on": opens_on + timedelta(days=rng.randint(0, 6))})
                    for item in scale_items:
                        values.append({"answer_id": key, "item_id": item.id,
                                       "value": _score(rng, centre + ITEM_OFFSETS.get(item.key, 0) + personal)})
                    if rng.random() < 0.15:
                        comments.append({"id": f"{rng.getrandbits(128):032x}", "round_id": round_.id,
                                         "team_id": team.id, "item_id": comment_item.id,
                                         "text": rng.choice(COMMENTS)})
            opens_on += timedelta(weeks=4)
    for table, rows in ((round_items, round_links), (Invitation.__table__, invitations),
                        (Response.__table__, responses), (Answer.__table__, answers),
                        (AnswerValue.__table__, values), (Comment.__table__, comments)):
        if rows:
            db.session.execute(insert(table), rows)
    db.session.commit()
    for schedule in schedules:
        if open_round(schedule, latest) is not None:
            rounds += 1
    ctx.summary.update(pulse_rounds=rounds, pulse_answers=len(answers))
