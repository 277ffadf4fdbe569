"""Demo training: course sessions before each team's go-live, attendance, superuser training, a refresher.

Deterministic (ctx.rng only). Most case workers take the VUM course two to five weeks before
their team goes live; a few send apologies or do not show up, some of them catch up, and in
the teams that go live soon a few have no seat yet, so coverage has flags to show.
"""
from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import select

from implementering.extensions import db
from implementering.security import LEDELSE, PROJEKTLEDER, SAGSBEHANDLER, SUPERBRUGER
from implementering.training.models import Course, CourseSession, Enrolment
from implementering.training.services import sync_plan_activity

from .defaults_training import load_training_defaults

PLACES = ["Rådhuset, mødelokale 3", "Jobcentret, kantinen", "Socialforvaltningen, store mødesal",
          "Kursuscenter Ådalen"]
TRAINERS = ["Mette Kronborg (ekstern underviser)", "Jesper Vinther (ekstern underviser)"]


def _course(name: str) -> Course:
    return db.session.scalar(select(Course).where(Course.name == name))


def _session(course: Course, day, **kwargs) -> CourseSession:
    session = CourseSession(course=course, day=day, **kwargs)
    db.session.add(session)
    return session


def build_training_demo(ctx) -> None:
    """Sessions, enrolments and attendance for the demo municipality; each session is in the plan."""
    rng, today = ctx.rng, ctx.today
    load_training_defaults()
    vum = _course("VUM-kursus for sagsbehandlere")
    superuser_course = _course("Superbrugeruddannelse")
    refresher = _course("Opfriskning af VUM")
    managers = _course("VUM for ledere")
    leader = ctx.accounts.get("projektleder@demo.dk")
    sessions: list[CourseSession] = []
    enrolments = 0

    def enrol(session, person, team=None, attendance=None):
        nonlocal enrolments
        session.enrolments.append(Enrolment(person=person, via_team=team, attendance=attendance))
        enrolments += 1

    def past_attendance() -> str:
        roll = rng.random()
        return "moedt" if roll < 0.86 else ("afbud" if roll < 0.94 else "udeblevet")

    missed = []  # (person, day of the session they missed)
    demo_accounts = set(ctx.accounts.values())
    for index, team in enumerate(ctx.teams):
        if team.go_live is None:
            continue
        day = team.go_live - timedelta(days=rng.choice([14, 21, 28, 35]))
        day -= timedelta(days=max(day.weekday() - 4, 0))  # a weekend moves to the Friday before
        online = rng.random() < 0.2
        session = _session(vum, day, start_time=time(9), end_time=time(15, 30), capacity=24, online=online,
                           location="Teams-møde" if online else rng.choice(PLACES),
                           trainer_name=rng.choice(TRAINERS))
        sessions.append(session)
        members = [p for p in team.members if p.active and p.has_role(SAGSBEHANDLER)]
        soon = today <= team.go_live <= today + timedelta(days=60)
        for person in members:
            if soon and rng.random() < 0.12:
                continue  # no seat yet: flagged before go-live
            attendance = past_attendance() if day < today else None
            if attendance and person in demo_accounts:
                attendance = "moedt"  # the demo accounts show the usual path
            enrol(session, person, team, attendance)
            if attendance in ("afbud", "udeblevet"):
                missed.append((person, day))
    # Catch-up sessions: one in the past for the early teams, one coming up.
    catch_up_past = _session(vum, today - timedelta(days=100), start_time=time(9), end_time=time(15, 30), capacity=30,
                             location=PLACES[0], trainer=leader, notes="Opsamlingshold for dem, der var forhindret.")
    catch_up_next = _session(vum, today + timedelta(days=16), start_time=time(9), end_time=time(15, 30), capacity=30,
                             location=PLACES[2], trainer=leader, notes="Opsamlingshold.")
    sessions += [catch_up_past, catch_up_next]
    for person, missed_on in missed:
        roll = rng.random()
        if missed_on < catch_up_past.day and roll < 0.5:
            enrol(catch_up_past, person, None, "moedt")
        elif roll < 0.8:
            enrol(catch_up_next, person)
    # Superuser training, well before the first go-live.
    superusers = [p for p in ctx.persons if p.has_role(SUPERBRUGER)]
    first_live = min((t.go_live for t in ctx.teams if t.go_live), default=today)
    for offset in (75, 68):
        session = _session(superuser_course, first_live - timedelta(days=offset), start_time=time(9),
                           end_time=time(16), capacity=len(superusers) + 5, location=PLACES[3],
                           trainer_name=TRAINERS[0])
        sessions.append(session)
        for person in superusers:
            enrol(session, person, None, "moedt" if rng.random() < 0.93 else "afbud")
    # A refresher for the teams that have worked with VUM for a while, and one for managers.
    refresher_session = _session(refresher, today + timedelta(days=23), start_time=time(12, 30),
                                 end_time=time(15, 30), capacity=30, location=PLACES[2], trainer=leader)
    sessions.append(refresher_session)
    for team in ctx.teams:
        if team.go_live and team.go_live < today - timedelta(days=120):
            for person in team.members:
                if person.active and person.has_role(SAGSBEHANDLER) and len(refresher_session.enrolments) < 30:
                    enrol(refresher_session, person, team)
    manager_session = _session(managers, first_live - timedelta(days=40), start_time=time(13), end_time=time(16),
                               location=PLACES[0], trainer_name=TRAINERS[1])
    sessions.append(manager_session)
    for person in ctx.persons:
        if person.has_any_role((LEDELSE, PROJEKTLEDER)):
            enrol(manager_session, person, None, "moedt")
    db.session.flush()
    for session in sessions:
        sync_plan_activity(session)
    ctx.summary.update(training_sessions=len(sessions), training_enrolments=enrolments)
