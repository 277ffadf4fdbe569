"""Builders for support test data: logged sessions, questions, meetings and actions."""
from __future__ import annotations

from datetime import date, timedelta

from implementering.extensions import db
from implementering.support.meetings import create_action, save_meeting
from implementering.support.models import ExperienceMeeting, Question, SupportSession
from tests.builders import make_person


def make_superuser(team=None, **kwargs):
    """A superuser (also a case worker) supporting `team`."""
    person = make_person(roles=["superbruger", "sagsbehandler"], team=team, **kwargs)
    if team is not None:
        person.supported_teams = [team]
        db.session.commit()
    return person


def make_support_session(superuser=None, team=None, day: date | None = None, minutes: int = 30,
                         kind: str = "sparring", principles: str = "", **kwargs) -> SupportSession:
    """A logged support session."""
    session = SupportSession(superuser=superuser, team=team, day=day or date.today(), minutes=minutes,
                             kind=kind, principles=principles, **kwargs)
    db.session.add(session)
    db.session.commit()
    return session


def make_question(text: str = "Hvordan bruger vi skalaen?", answer: str = "", **kwargs) -> Question:
    """A question; answered when `answer` is given."""
    question = Question(text=text, answer=answer, status="besvaret" if answer else "aaben", **kwargs)
    db.session.add(question)
    db.session.commit()
    return question


def make_meeting(title: str = "Erfaringsmøde", day: date | None = None, **data) -> ExperienceMeeting:
    """An experience meeting (mirrored into the plan); learnings from data['svaert'] etc."""
    return save_meeting(ExperienceMeeting(), {"title": title, "day": day or date.today(), **data})


def make_action(meeting=None, owner=None, due: date | None = None, title: str = "Lav en huskeseddel"):
    """An open action with an owner."""
    owner = owner or make_person()
    return create_action({"title": title, "owner_id": owner.id, "due": due or date.today() + timedelta(days=14)},
                         meeting=meeting)
