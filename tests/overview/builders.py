"""Builders for overview tests: a small world with data in every domain the overview reads.

Rows are added in bulk and committed once; numbers are chosen so tests can compute
the expected figures by hand.
"""
from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

from implementering.extensions import db
from implementering.security import SAGSBEHANDLER
from tests.builders import make_department, make_person, make_team

_counter = itertools.count(1)
TODAY = date(2026, 11, 23)  # a Monday in Q4 2026


def add_cases(team, caseworker=None, *, on: date, new: int = 0, new_vum: int = 0, other_vum: int = 0,
              steps: tuple[str, ...] = ("assessment", "judgement", "decision")) -> None:
    """`new` new cases opened on `on`, of which `new_vum` handled with VUM, plus `other_vum` follow-up VUM cases."""
    from implementering.cases.models import FOLLOW_UP, NEW, Case

    def case(kind, vum):
        n = next(_counter)
        flags = {f"used_{s}": vum for s in steps}
        return Case(reference=f"REF-{n:06d}", team_id=team.id, department_id=team.department_id,
                    caseworker_id=caseworker.id if caseworker else None, opened_on=on, case_type=kind,
                    handled_with_vum=vum, **flags)

    rows = [case(NEW, i < new_vum) for i in range(new)] + [case(FOLLOW_UP, True) for _ in range(other_vum)]
    db.session.add_all(rows)
    db.session.commit()


def add_course(persons, day: date, required: bool = True):
    """A required VUM course held on `day` that every person in `persons` attended."""
    from implementering.training.models import Course, CourseSession, Enrolment

    course = Course(name=f"VUM-kursus {next(_counter)}", kind="vum", required=required)
    session = CourseSession(course=course, day=day)
    db.session.add_all([course, session])
    db.session.flush()
    db.session.add_all([Enrolment(session_id=session.id, person_id=p.id, attendance="moedt") for p in persons])
    db.session.commit()
    return course


def add_activity(team, *, end: date, status: str = "planlagt", completed_on: date | None = None, title=None):
    """A plan activity for `team` ending on `end`."""
    from implementering.plan.models import Activity

    activity = Activity(title=title or f"Aktivitet {next(_counter)}", start_date=end, end_date=end, status=status,
                        completed_on=completed_on)
    activity.teams = [team]
    db.session.add(activity)
    db.session.commit()
    return activity


def add_readiness(answers: list[str | None], updated: datetime | None = None) -> None:
    """Readiness questions with these answers (all last changed at `updated`)."""
    from implementering.plan.readiness_models import ReadinessItem

    for answer in answers:
        item = ReadinessItem(focus_area="uddannelse", question=f"Spørgsmål {next(_counter)}", answer=answer)
        if updated:
            item.updated_at = updated
        db.session.add(item)
    db.session.commit()


def add_pulse(team, *, on: date, scores: list[int], status: str = "closed"):
    """A pulse round opened on `on` where the team answered the motivation item with `scores`."""
    from implementering.pulse.models import Answer, AnswerValue, Item, QuestionSet, Round, Schedule

    qs = db.session.query(QuestionSet).filter_by(key="test").one_or_none()
    if qs is None:
        qs = QuestionSet(key="test", name="Test")
        item = Item(question_set=qs, key="motivation", label="Motivation", text="Jeg er motiveret")
        db.session.add_all([qs, item])
        db.session.flush()
    item = qs.items[0]
    schedule = Schedule(name=f"Plan {next(_counter)}", question_set_id=qs.id, first_round_on=on)
    round_ = Round(schedule=schedule, opens_on=on, closes_on=on + timedelta(days=7), status=status)
    db.session.add_all([schedule, round_])
    db.session.flush()
    for score in scores:
        answer = Answer(round_id=round_.id, team_id=team.id, answered_on=on)
        answer.values.append(AnswerValue(item_id=item.id, value=score))
        db.session.add(answer)
    db.session.commit()
    return round_


def add_calibration(team_raters, *, deadline: date, values: list[list[int]]):
    """A closed calibration round: rater i gives values[i][u] on unit u (one vignette, themes as units)."""
    from implementering.calibration.models import (CalibrationRound, Rating, RoundVignette, Submission, Vignette,
                                                   VignetteTheme)
    from implementering.settings.models import Theme

    themes = []
    for u in range(len(values[0])):
        theme = Theme(key=f"tema{next(_counter)}", name=f"Tema {u}")
        themes.append(theme)
    vignette = Vignette(title=f"Vignet {next(_counter)}", text="Tekst")
    db.session.add_all([*themes, vignette])
    db.session.flush()
    for i, theme in enumerate(themes):
        db.session.add(VignetteTheme(vignette_id=vignette.id, theme_id=theme.id, position=i))
    round_ = CalibrationRound(title="Runde", opens_on=deadline - timedelta(days=14), deadline=deadline,
                              closed_at=datetime.combine(deadline, datetime.min.time()))
    db.session.add(round_)
    db.session.flush()
    db.session.add(RoundVignette(round_id=round_.id, vignette_id=vignette.id))
    for rater, row in zip(team_raters, values):
        sub = Submission(round_id=round_.id, rater_id=rater.id, submitted_at=datetime.combine(deadline, datetime.min.time()))
        db.session.add(sub)
        db.session.flush()
        for theme, value in zip(themes, row):
            db.session.add(Rating(submission_id=sub.id, vignette_id=vignette.id, theme_id=theme.id, value=value))
    db.session.commit()


def add_quality_review(team, reviewer, *, submitted: datetime, levels: list[str]):
    """A submitted quality review of a new case of `team` with one answer per level."""
    from implementering.cases.models import Case
    from implementering.quality.models import CriteriaSet, CriteriaVersion, Criterion, QualityRound
    from implementering.quality.review_models import Review, ReviewAnswer

    n = next(_counter)
    cset = CriteriaSet(name=f"Kriterier {n}")
    version = CriteriaVersion(criteria_set=cset, number=1)
    criteria = [Criterion(version=version, key=f"k{i}", text=f"Kriterium {i}", position=i) for i in range(len(levels))]
    case = Case(reference=f"Q-{n:05d}", team_id=team.id, opened_on=submitted.date(), case_type="opfoelgning")
    db.session.add_all([cset, version, *criteria, case])
    db.session.flush()
    round_ = QualityRound(title="Tjek", criteria_version_id=version.id, opens_on=submitted.date(),
                          due_on=submitted.date(), period_start=submitted.date(), period_end=submitted.date(), seed=1)
    db.session.add(round_)
    db.session.flush()
    review = Review(round_id=round_.id, case_id=case.id, reviewer_id=reviewer.id, criteria_version_id=version.id,
                    status="afsluttet", submitted_at=submitted)
    review.answers = [ReviewAnswer(criterion_id=c.id, level=level) for c, level in zip(criteria, levels)]
    db.session.add(review)
    db.session.commit()


def add_support(team, superuser, *, day: date, minutes: int):
    """A support session for `team`."""
    from implementering.support.models import SupportSession

    db.session.add(SupportSession(superuser_id=superuser.id, team_id=team.id, kind="sparring", day=day,
                                  minutes=minutes))
    db.session.commit()


def make_world(teams: int = 2, workers: int = 6, today: date = TODAY):
    """`teams` teams (go-live 3 months ago) each with `workers` case workers and data in every domain."""
    department = make_department()
    made = []
    for t in range(teams):
        team = make_team(department=department, go_live=today - timedelta(days=91))
        people = [make_person(roles=[SAGSBEHANDLER], team=team, password=None) for _ in range(workers)]
        add_course(people[: workers // 2], today - timedelta(days=120))
        add_cases(team, people[0], on=today - timedelta(days=14), new=4, new_vum=2)
        add_activity(team, end=today - timedelta(days=10), status="gennemfoert", completed_on=today - timedelta(days=10))
        add_activity(team, end=today - timedelta(days=5))
        add_pulse(team, on=today - timedelta(days=30), scores=[4, 4, 3, 5, 4])
        add_support(team, people[0], day=today - timedelta(days=20), minutes=60)
        made.append((team, people))
    return department, made
