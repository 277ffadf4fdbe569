"""Support operations: the superuser log, questions and the knowledge base, who-to-ask, team figures.

Functions that change data say so and commit. Experience meetings and actions live in
`meetings.py`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select

from ..analytics.support import WeekIntensity, topic_counts, weekly_intensity
from ..database import utcnow
from ..extensions import db
from ..people.models import Person, PersonRole, Team
from ..security import ADMIN, LEDELSE, PROJEKTLEDER, SUPERBRUGER
from .constants import KIND_TEAM_MEETING, PHASES, PRINCIPLES, QUESTION_ANSWERED, QUESTION_OPEN, join_keys
from .models import Question, SupportSession


# Who sees what ---------------------------------------------------------------------------
def sees_all(person: Person) -> bool:
    """Project leaders and administrators see every team's support log."""
    return person.has_any_role((ADMIN, PROJEKTLEDER))


def own_team_ids(person: Person) -> set[int]:
    """The teams a superuser supports, plus their own team."""
    ids = {team.id for team in person.supported_teams}
    if person.team_id:
        ids.add(person.team_id)
    return ids


def may_see_team(person: Person, team: Team) -> bool:
    """Project leaders and leadership see every team's figures; superusers the teams they support."""
    if person.has_any_role((ADMIN, PROJEKTLEDER, LEDELSE)):
        return True
    return team.id in own_team_ids(person)


def may_see_session(person: Person, session: SupportSession) -> bool:
    """A superuser sees what they logged and the log of the teams they support."""
    if sees_all(person) or session.superuser_id == person.id:
        return True
    return session.team_id in own_team_ids(person)


def loggable_teams(person: Person) -> list[Team]:
    """Teams offered in the log form: the superuser's own teams first, everyone's for project leaders."""
    own = list(person.supported_teams)
    if sees_all(person) or not own:
        others = [t for t in db.session.scalars(select(Team).where(Team.active.is_(True)).order_by(Team.name))
                  if t not in own]
        return own + others
    return own


# The support log ---------------------------------------------------------------------------
def _question_lines(text: str | None) -> list[str]:
    """One question per non-empty line."""
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


def apply_log_data(session: SupportSession, data: dict) -> None:
    """Copy the log form's fields onto `session` (no commit)."""
    session.kind = data["kind"]
    session.day = data["day"]
    session.minutes = int(data["minutes"])
    session.team_id = data.get("team_id") or None
    session.participant_count = data.get("participant_count")
    session.participant_names = (data.get("participant_names") or "").strip()
    session.principles = join_keys(data.get("principles"), PRINCIPLES)
    session.phases = join_keys(data.get("phases"), PHASES)
    session.follow_up = bool(data.get("follow_up"))
    session.notes = (data.get("notes") or "").strip()
    is_meeting = session.kind == KIND_TEAM_MEETING
    session.case_ref_1 = (data.get("case_ref_1") or "").strip() if is_meeting else ""
    session.case_ref_2 = (data.get("case_ref_2") or "").strip() if is_meeting else ""
    session.next_presenter = (data.get("next_presenter") or "").strip() if is_meeting else ""


def log_session(superuser: Person, data: dict) -> SupportSession:
    """Log a support session by `superuser`; each line of `data['questions']` becomes an open question.

    Adds one SupportSession and its Questions. Commits.
    """
    session = SupportSession(superuser=superuser)
    apply_log_data(session, data)
    db.session.add(session)
    principles = session.principle_keys
    for text in _question_lines(data.get("questions")):
        session.questions.append(Question(text=text, team_id=session.team_id, asked_by=superuser,
                                          principle=principles[0] if len(principles) == 1 else None))
    db.session.commit()
    return session


def update_session(session: SupportSession, data: dict) -> SupportSession:
    """Change a logged session; new lines in `data['questions']` are added as open questions. Commits."""
    apply_log_data(session, data)
    for text in _question_lines(data.get("questions")):
        session.questions.append(Question(text=text, team_id=session.team_id, asked_by=session.superuser))
    db.session.commit()
    return session


def delete_session(session: SupportSession) -> None:
    """Delete a logged session; its questions stay (unlinked). Commits."""
    db.session.delete(session)
    db.session.commit()


def sessions_for(viewer: Person, team_id: int | None = None, kind: str | None = None,
                 follow_up: bool = False):
    """A select() of the sessions `viewer` may see, newest first, optionally filtered."""
    query = select(SupportSession).order_by(SupportSession.day.desc(), SupportSession.id.desc())
    if not sees_all(viewer):
        teams = own_team_ids(viewer)
        query = query.where(or_(SupportSession.superuser_id == viewer.id, SupportSession.team_id.in_(teams)))
    if team_id:
        query = query.where(SupportSession.team_id == team_id)
    if kind:
        query = query.where(SupportSession.kind == kind)
    if follow_up:
        query = query.where(SupportSession.follow_up.is_(True))
    return query


# Questions and the knowledge base ------------------------------------------------------------
def add_question(text: str, asked_by: Person, team_id: int | None = None, principle: str | None = None) -> Question:
    """Add an open question (outside a logged session). Commits."""
    question = Question(text=text.strip(), asked_by=asked_by, team_id=team_id or None, principle=principle or None)
    db.session.add(question)
    db.session.commit()
    return question


def answer_question(question: Question, answer: str, actor: Person, text: str | None = None,
                    principle: str | None = None) -> Question:
    """Answer a question (optionally rewording it); it then appears in the knowledge base. Commits."""
    if text:
        question.text = text.strip()
    question.principle = principle or None
    question.answer = answer.strip()
    question.status = QUESTION_ANSWERED
    question.answered_by = actor
    question.answered_at = utcnow()
    db.session.commit()
    return question


def open_questions(team_id: int | None = None):
    """A select() of open questions, oldest first."""
    query = select(Question).where(Question.status == QUESTION_OPEN).order_by(Question.created_at, Question.id)
    if team_id:
        query = query.where(Question.team_id == team_id)
    return query


def search_knowledge(text: str = "", principle: str | None = None):
    """A select() of answered questions whose question or answer contains `text`, newest answers first."""
    query = select(Question).where(Question.status == QUESTION_ANSWERED)
    for word in (text or "").lower().split():
        like = f"%{word}%"
        # A word naming a principle ("skalaen") also finds the questions filed under it.
        principles = [key for key, label in PRINCIPLES.items() if word in str(label).lower()]
        query = query.where(or_(func.lower(Question.text).like(like), func.lower(Question.answer).like(like),
                                Question.principle.in_(principles)))
    if principle:
        query = query.where(Question.principle == principle)
    return query.order_by(Question.answered_at.desc(), Question.id.desc())


# Superusers ---------------------------------------------------------------------------------
def who_to_ask(person: Person) -> list[Person]:
    """The superusers a case worker can turn to: those of their own team, else of their department."""
    if person.team is None:
        return []
    found = [p for p in person.team.superusers if p.active and p.id != person.id]
    if found or person.team.department is None:
        return found
    return [p for team in person.team.department.teams for p in team.superusers
            if p.active and p.id != person.id]


def superusers() -> list[Person]:
    """Every active person holding the superuser role, by name."""
    query = (select(Person).where(Person.active.is_(True), Person.role_rows.any(PersonRole.role == SUPERBRUGER))
             .order_by(Person.name))
    return list(db.session.scalars(query))


@dataclass
class SupportTotals:
    """Sessions and hours in a period, and how many participants were reached."""

    sessions: int
    hours: float
    participants: int


def totals(sessions: list[SupportSession]) -> SupportTotals:
    """Add up a list of sessions."""
    return SupportTotals(len(sessions), round(sum(s.minutes for s in sessions) / 60, 1),
                         sum(s.participant_count or 0 for s in sessions))


def recent_sessions_by(superuser: Person, since: date, limit: int = 10) -> list[SupportSession]:
    """The superuser's latest logged sessions since `since`, newest first."""
    query = (select(SupportSession).where(SupportSession.superuser_id == superuser.id, SupportSession.day >= since)
             .order_by(SupportSession.day.desc(), SupportSession.id.desc()).limit(limit))
    return list(db.session.scalars(query))


def sessions_since(since: date, *, team_id: int | None = None, superuser_id: int | None = None) -> list[SupportSession]:
    """Sessions from `since` on, for a team or a superuser (or all), oldest first."""
    query = select(SupportSession).where(SupportSession.day >= since)
    if team_id:
        query = query.where(SupportSession.team_id == team_id)
    if superuser_id:
        query = query.where(SupportSession.superuser_id == superuser_id)
    return list(db.session.scalars(query.order_by(SupportSession.day)))


# Figures per team ---------------------------------------------------------------------------
@dataclass
class SupportPicture:
    """Everything the team (or overall) support view shows, computed once."""

    weeks: list[WeekIntensity]
    principles: list[tuple[str, str, int]]
    phases: list[tuple[str, str, int]]
    totals: SupportTotals


def support_picture(sessions: list[SupportSession], start: date, end: date) -> SupportPicture:
    """Weekly intensity and the most discussed principles and phases of `sessions` in the period."""
    in_period = [s for s in sessions if start <= s.day <= end]
    weeks = weekly_intensity(((s.day, s.minutes) for s in in_period), start, end)
    principles = [(k, str(PRINCIPLES[k]), n) for k, n in topic_counts((s.principle_keys for s in in_period), PRINCIPLES)]
    phases = [(k, str(PHASES[k]), n) for k, n in topic_counts((s.phase_keys for s in in_period), PHASES)]
    return SupportPicture(weeks, principles, phases, totals(in_period))


@dataclass
class TeamSupportRow:
    """One team's support figures for the overview."""

    team: Team
    sessions: int
    hours: float
    open_questions: int
    top_principle: str
    last_day: date | None


def overview_rows(since: date) -> list[TeamSupportRow]:
    """Per active team: sessions and hours since `since`, open questions, most discussed principle."""
    teams = list(db.session.scalars(select(Team).where(Team.active.is_(True)).order_by(Team.name)))
    by_team: dict[int, list[SupportSession]] = {t.id: [] for t in teams}
    for s in db.session.scalars(select(SupportSession).where(SupportSession.day >= since)):
        if s.team_id in by_team:
            by_team[s.team_id].append(s)
    open_counts = dict(db.session.execute(
        select(Question.team_id, func.count()).where(Question.status == QUESTION_OPEN).group_by(Question.team_id)).all())
    last_days = dict(db.session.execute(
        select(SupportSession.team_id, func.max(SupportSession.day)).group_by(SupportSession.team_id)).all())
    rows = []
    for team in teams:
        items = by_team[team.id]
        top = topic_counts((s.principle_keys for s in items), PRINCIPLES)
        rows.append(TeamSupportRow(team, len(items), round(sum(s.minutes for s in items) / 60, 1),
                                   open_counts.get(team.id, 0), str(PRINCIPLES[top[0][0]]) if top else "",
                                   last_days.get(team.id)))
    return rows


def default_period(today: date, weeks: int = 26) -> tuple[date, date]:
    """The period the charts show by default: the last `weeks` weeks up to today."""
    return today - timedelta(weeks=weeks) + timedelta(days=1), today


def as_datetime(day: date) -> datetime:
    """Midnight of `day` (for created_at values in demo data and tests)."""
    return datetime(day.year, day.month, day.day)
