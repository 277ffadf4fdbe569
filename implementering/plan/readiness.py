"""Readiness checklists: questions per focus area, answers and progress; the communication plan rows."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..analytics.plan import readiness_progress
from ..extensions import db
from .constants import FOCUS_AREAS
from .readiness_models import CommunicationItem, ReadinessItem


@dataclass
class AreaProgress:
    """Progress of one focus area's checklist."""

    key: str
    label: str
    share: float
    answered: int
    relevant: int
    total: int

    @property
    def percent(self) -> int:
        """Share as a whole per cent."""
        return round(100 * self.share)


def items_by_area() -> dict[str, list[ReadinessItem]]:
    """Active questions grouped by focus area, in the guideline's area order."""
    grouped: dict[str, list[ReadinessItem]] = {key: [] for key in FOCUS_AREAS}
    query = (select(ReadinessItem).where(ReadinessItem.active.is_(True))
             .options(selectinload(ReadinessItem.owner))
             .order_by(ReadinessItem.position, ReadinessItem.id))
    for item in db.session.scalars(query):
        grouped.setdefault(item.focus_area, []).append(item)
    return grouped


def area_progress() -> list[AreaProgress]:
    """Progress per focus area (for the bars and, later, the overview)."""
    result = []
    for key, items in items_by_area().items():
        share, answered, relevant = readiness_progress([i.answer for i in items])
        result.append(AreaProgress(key, str(FOCUS_AREAS.get(key, key)), share, answered, relevant, len(items)))
    return result


def overall_progress() -> float | None:
    """Readiness over every checklist (0–1), or None when there are no questions."""
    answers = list(db.session.scalars(select(ReadinessItem.answer).where(ReadinessItem.active.is_(True))))
    if not answers:
        return None
    return readiness_progress(answers)[0]


def answer_item(item: ReadinessItem, data: dict) -> None:
    """Store answer, owner, due date and note on a question. Does not commit."""
    item.answer = data.get("answer") or None
    item.owner_id = data.get("owner_id") or None
    item.due_date = data.get("due_date")
    item.note = (data.get("note") or "").strip()


def add_question(focus_area: str, question: str) -> ReadinessItem:
    """Add a question of the project leader's own at the end of an area. Does not commit."""
    last = db.session.scalar(select(func.max(ReadinessItem.position))
                             .where(ReadinessItem.focus_area == focus_area)) or 0
    item = ReadinessItem(focus_area=focus_area, question=question.strip(), position=last + 1)
    db.session.add(item)
    return item


def save_communication(item: CommunicationItem, data: dict) -> CommunicationItem:
    """Fill a communication-plan row from form data (new rows are added). Does not commit."""
    for field in ("audience", "channel", "planned_on", "status"):
        setattr(item, field, data.get(field))
    item.message = data["message"].strip()
    item.timing = (data.get("timing") or "").strip()
    item.responsible_id = data.get("responsible_id") or None
    item.activity_id = data.get("activity_id") or None
    if item.id is None:
        db.session.add(item)
    return item
