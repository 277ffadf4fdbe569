"""Demo data for the rollout plan: a drafted rollout with history, goals, readiness answers, communication.

Past activities are mostly done, a few are late, postponed or cancelled, so every plan page
has something to show. Deterministic: only `ctx.rng` decides.
"""
from __future__ import annotations

from datetime import timedelta

from implementering.extensions import db
from implementering.plan import constants as c
from implementering.plan.goal_models import Goal, GoalReading
from implementering.plan.models import Activity
from implementering.plan.readiness_models import CommunicationItem, ReadinessItem
from implementering.plan.rollout import draft_rollout
from implementering.plan.services import create_activity, update_activity

from .defaults_plan import load_plan_defaults


def build_plan_demo(ctx) -> None:
    """Draft a rollout for the demo teams and age it: done, late and moved activities, goals, answers."""
    rng, today = ctx.rng, ctx.today
    leader = ctx.accounts["projektleder@demo.dk"]
    superuser = ctx.accounts["superbruger@demo.dk"]
    teams = [t for t in ctx.teams if t.go_live is not None]
    teams = teams if ctx.size == "large" else teams[:3] if len(teams) >= 3 else teams
    rollout = draft_rollout(leader, name="Udrulning af VUM 2026", teams=teams,
                            go_lives={t.id: t.go_live for t in teams}, responsible=leader, set_team_go_live=False)
    db.session.flush()
    activities = list(db.session.scalars(db.select(Activity).where(Activity.rollout_id == rollout.id)
                                         .order_by(Activity.start_date, Activity.title)))
    for activity in activities:
        if activity.type == c.TYPE_TEAM_MEETING and activity.teams:
            team = activity.teams[0]
            helper = superuser if team in superuser.supported_teams else (team.superusers[0] if team.superusers else leader)
            activity.responsible = helper
            activity.location = f"Mødelokale {team.name.split()[-1]}"
            activity.start_time = activity.start_time or _time(13)
            activity.end_time = _time(15, 30)
        elif activity.type == c.TYPE_COURSE:
            activity.location = "Rådhuset, kursuslokale 2"
            activity.start_time, activity.end_time = _time(9), _time(15)
    db.session.flush()
    late = done = 0
    for activity in activities:
        if activity.end_date >= today:
            if activity.start_date <= today:
                update_activity(activity, leader, status=c.STATUS_IN_PROGRESS)
            continue
        roll = rng.random()
        if roll < 0.80:
            update_activity(activity, activity.responsible or leader, status=c.STATUS_DONE,
                            completed_on=activity.end_date + timedelta(days=rng.randint(0, 2)))
            done += 1
        elif roll < 0.90:
            late += 1  # still planned after its end date: overdue
        elif roll < 0.95:
            update_activity(activity, leader, status=c.STATUS_IN_PROGRESS)
            late += 1
        else:
            update_activity(activity, leader, status=c.STATUS_CANCELLED,
                            notes="Aflyst pga. sygdom; sagerne tages op på næste møde.")
    # A few activities moved by hand, so the history shows a date change.
    for activity in [a for a in activities if a.start_date > today][:3]:
        update_activity(activity, leader, start_date=activity.start_date + timedelta(days=7),
                        end_date=activity.end_date + timedelta(days=7), notes="Flyttet en uge efter aftale med lederne.")
    # One activity of the plan's own, with participants and a time.
    create_activity(leader, title="Status til direktionen", type=c.TYPE_COMMUNICATION, focus_area=c.AREA_CHANGE,
                    start_date=today + timedelta(days=3), start_time=_time(10), end_time=_time(11),
                    location="Direktionsgangen", responsible=leader, persons=[ctx.accounts["leder@demo.dk"]],
                    description="Kort status på fremdrift, forsinkelser og de første erfaringer.")
    _goals(ctx, leader, today)
    _readiness(ctx, leader, today)
    _communication(ctx, leader, today, activities)
    ctx.summary.update(plan_activities=len(activities) + 1, plan_done=done, plan_late=late)


def _time(hour: int, minute: int = 0):
    from datetime import time

    return time(hour, minute)


def _goals(ctx, leader, today) -> None:
    """Four SMART goals: two computed, two entered by hand with a history of readings."""
    rng = ctx.rng
    start = today - timedelta(days=120)
    manual = Goal(text="Mindst 80 % af nye sager i de startede teams behandles efter VUM inden årets udgang.",
                  measure="manual", measure_label="Andel nye sager behandlet efter VUM", unit="%", baseline=0,
                  target=80, start_date=start, deadline=today + timedelta(days=150), owner=leader)
    motivation = Goal(text="Sagsbehandlernes motivation holdes på mindst 3,5 gennem hele indføringen.",
                      measure="manual", measure_label="Gennemsnitlig motivation (1–5)", unit="point", baseline=3.2,
                      target=3.5, start_date=start, deadline=today + timedelta(days=60), owner=ctx.accounts["leder@demo.dk"])
    on_time = Goal(text="Mindst 90 % af planens aktiviteter gennemføres til tiden.", measure="plan_done_share",
                   unit="%", baseline=0, target=90, start_date=start, deadline=today + timedelta(days=200), owner=leader)
    ready = Goal(text="Alle tjeklister er besvaret, og vi er mindst 85 % klar før sidste team starter.",
                 measure="readiness_share", unit="%", baseline=0, target=85, start_date=start,
                 deadline=today + timedelta(days=90), owner=leader)
    db.session.add_all([manual, motivation, on_time, ready])
    value, mood = 5.0, 3.6
    for weeks_ago in range(16, -1, -2):
        day = today - timedelta(weeks=weeks_ago)
        value = min(95.0, value + rng.uniform(3, 9))
        mood = max(2.5, min(4.5, mood + rng.uniform(-0.25, 0.15)))
        manual.readings.append(GoalReading(recorded_on=day, value=round(value, 1), person_id=leader.id))
        motivation.readings.append(GoalReading(recorded_on=day, value=round(mood, 2), person_id=leader.id))


def _readiness(ctx, leader, today) -> None:
    """Answer most default readiness questions, leaving some open with an owner and a due date."""
    load_plan_defaults()
    rng = ctx.rng
    items = list(db.session.scalars(db.select(ReadinessItem).order_by(ReadinessItem.id)))
    owners = [leader, ctx.accounts["leder@demo.dk"], ctx.accounts["superbruger@demo.dk"]]
    for item in items:
        roll = rng.random()
        item.owner = rng.choice(owners)
        if roll < 0.55:
            item.answer = c.ANSWER_YES
        elif roll < 0.75:
            item.answer = c.ANSWER_PARTLY
            item.note = "Drøftes på næste ledermøde."
            item.due_date = today + timedelta(days=rng.randint(5, 40))
        elif roll < 0.85:
            item.answer = c.ANSWER_NO
            item.due_date = today + timedelta(days=rng.randint(-10, 30))
        elif roll < 0.9:
            item.answer = c.ANSWER_NOT_RELEVANT
        else:
            item.due_date = today + timedelta(days=rng.randint(7, 60))


def _communication(ctx, leader, today, activities) -> None:
    """A communication plan with rows for each audience, some linked to activities."""
    by_title = {a.title: a for a in activities}
    rows = [
        ("politikere", "Hvorfor VUM, hvad det koster i tid i starten, og hvilken styringsinformation det giver.",
         "udvalgsmoede", -40, "udsendt", "Orientering af det politiske udvalg"),
        ("andre_afdelinger", "Hvad ændrer sig for samarbejdet om borgere, vi har sammen.", "mail", -30, "udsendt",
         "Information til andre forvaltninger"),
        ("leverandoerer", "Nye bestillinger med tydelige mål, og hvordan vi følger op.", "moede", -20, "udsendt",
         "Informationsmøde for udførere og leverandører"),
        ("oekonomi", "Aftale om betalinger, budgetopfølgning og nye nøgletal.", "moede", 10, "planlagt", None),
        ("sagsbehandlere", "De første gode erfaringer: fejring af de første 100 sager.", "nyhedsbrev", 21, "planlagt", None),
        ("borgere", "Pjece: sådan inddrager vi dig i din sag.", "brev", 45, "planlagt", None),
    ]
    for audience, message, channel, offset, status, title in rows:
        db.session.add(CommunicationItem(audience=audience, message=message, channel=channel,
                                         planned_on=today + timedelta(days=offset), status=status,
                                         responsible=leader, activity=by_title.get(title)))
