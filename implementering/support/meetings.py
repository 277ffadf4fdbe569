"""Experience meetings and the learning loop: learnings become actions that live in the plan until closed.

Meetings and actions are mirrored into the plan through `plan.services.upsert_linked_activity`
(one source of truth); an action's plan activity is the owner's until the action is closed.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ..extensions import db
from ..i18n import _
from ..people.models import Person
from ..plan.constants import AREA_FOLLOW_UP, STATUS_DONE, TYPE_EXPERIENCE_MEETING, TYPE_OTHER
from ..plan.services import delete_linked_activity, upsert_linked_activity
from .constants import ACTION_CLOSED, ACTION_OPEN, LEARNING_CATEGORIES, SOURCE_ACTION, SOURCE_MEETING
from .models import Action, ExperienceMeeting, Learning


def _lines(text: str | None) -> list[str]:
    """One item per non-empty line."""
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


def sync_meeting_activity(meeting: ExperienceMeeting, today: date | None = None) -> None:
    """Create or update the plan activity of `meeting` (done once held and learnings are recorded). No commit."""
    db.session.flush()
    today = today or date.today()
    status = STATUS_DONE if meeting.day <= today and meeting.learnings else None
    upsert_linked_activity(SOURCE_MEETING, meeting.id, title=meeting.title, type=TYPE_EXPERIENCE_MEETING,
                           start=meeting.day, responsible=meeting.facilitator,
                           teams=[meeting.team] if meeting.team else [], status=status,
                           focus_area=AREA_FOLLOW_UP, description=meeting.summary)


def save_meeting(meeting: ExperienceMeeting, data: dict) -> ExperienceMeeting:
    """Create or update a meeting; lines in `data[<category key>]` become learnings. Commits."""
    meeting.title = data["title"].strip()
    meeting.day = data["day"]
    meeting.team_id = data.get("team_id") or None
    meeting.facilitator_id = data.get("facilitator_id") or None
    meeting.participant_count = data.get("participant_count")
    meeting.summary = (data.get("summary") or "").strip()
    if meeting.id is None:
        db.session.add(meeting)
    for category in LEARNING_CATEGORIES:
        for text in _lines(data.get(category)):
            meeting.learnings.append(Learning(category=category, text=text))
    db.session.flush()
    db.session.refresh(meeting, ["team", "facilitator"])
    sync_meeting_activity(meeting)
    db.session.commit()
    return meeting


def add_learning(meeting: ExperienceMeeting, category: str, text: str) -> Learning:
    """Add one learning to a meeting. Commits."""
    learning = Learning(category=category, text=text.strip())
    meeting.learnings.append(learning)
    sync_meeting_activity(meeting)
    db.session.commit()
    return learning


def delete_meeting(meeting: ExperienceMeeting) -> None:
    """Delete a meeting with its learnings and plan activity; its actions stay, unlinked. Commits."""
    delete_linked_activity(SOURCE_MEETING, meeting.id)
    db.session.delete(meeting)
    db.session.commit()


def _action_description(action: Action) -> str:
    """The plan text of an action: its description and where it came from."""
    origin = ""
    if action.meeting is not None:
        origin = _("Fra erfaringsmødet \u201d%(title)s\u201d %(day)s.", title=action.meeting.title,
                   day=action.meeting.day.strftime("%d.%m.%Y"))
    if action.learning is not None:
        origin += " " + _("Læring: %(text)s", text=action.learning.text)
    return "\n\n".join(part for part in (action.description, origin.strip()) if part)


def sync_action_activity(action: Action, start: date | None = None) -> None:
    """Create or update the plan activity of `action`: owned by its owner, ending on the due date. No commit."""
    db.session.flush()
    begin = start or (action.meeting.day if action.meeting else date.today())
    upsert_linked_activity(SOURCE_ACTION, action.id, title=action.title, type=TYPE_OTHER,
                           start=min(begin, action.due), end=action.due, responsible=action.owner,
                           persons=[action.owner] if action.owner else [],
                           status=STATUS_DONE if action.status == ACTION_CLOSED else None,
                           focus_area=AREA_FOLLOW_UP, description=_action_description(action))


def create_action(data: dict, meeting: ExperienceMeeting | None = None, learning: Learning | None = None) -> Action:
    """Create an action (title, description, owner_id, due) from a meeting or learning; put it in the plan. Commits."""
    action = Action(title=data["title"].strip(), description=(data.get("description") or "").strip(),
                    owner_id=data.get("owner_id") or None, due=data["due"], status=ACTION_OPEN,
                    meeting=meeting or (learning.meeting if learning else None), learning=learning)
    db.session.add(action)
    db.session.flush()
    db.session.refresh(action, ["owner"])
    sync_action_activity(action)
    db.session.commit()
    return action


def close_action(action: Action, actor: Person, outcome: str = "", today: date | None = None) -> Action:
    """Close an action with an outcome; its plan activity is marked done. Commits."""
    action.status = ACTION_CLOSED
    action.closed_on = today or date.today()
    action.outcome = (outcome or "").strip()
    sync_action_activity(action)
    db.session.commit()
    return action


def reopen_action(action: Action) -> Action:
    """Open a closed action again (the plan activity goes back to planned). Commits."""
    from ..plan.constants import STATUS_PLANNED

    action.status = ACTION_OPEN
    action.closed_on = None
    sync_action_activity(action)  # keeps the status, so set it back to planned below
    from ..plan.models import Activity

    activity = db.session.scalar(select(Activity).where(Activity.source == SOURCE_ACTION,
                                                        Activity.source_id == action.id))
    if activity is not None:
        activity.status = STATUS_PLANNED
        activity.completed_on = None
    db.session.commit()
    return action


def may_close(person: Person, action: Action) -> bool:
    """The owner, project leaders, administrators and superusers may close an action."""
    return action.owner_id == person.id or person.has_any_role(("admin", "projektleder", "superbruger"))


def open_actions_by_age(today: date) -> list[tuple[Action, int]]:
    """Open actions with their age in days, oldest first."""
    query = select(Action).where(Action.status == ACTION_OPEN).order_by(Action.created_at, Action.id)
    return [(action, action.age_days(today)) for action in db.session.scalars(query)]


def meetings_in_order(team_id: int | None = None) -> list[ExperienceMeeting]:
    """Experience meetings, newest first."""
    query = select(ExperienceMeeting).order_by(ExperienceMeeting.day.desc(), ExperienceMeeting.id.desc())
    if team_id:
        query = query.where(ExperienceMeeting.team_id == team_id)
    return list(db.session.scalars(query))
