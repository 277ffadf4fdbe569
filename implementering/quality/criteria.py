"""Criteria sets and their versions: reading the current version and making a new one."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from ..extensions import db
from .models import CriteriaSet, CriteriaVersion, Criterion


def criteria_sets() -> list[CriteriaSet]:
    """Every criteria set, by name."""
    return list(db.session.scalars(select(CriteriaSet).order_by(CriteriaSet.name)))


def current_versions() -> list[CriteriaVersion]:
    """The newest version of every set (what new rounds may use)."""
    return [s.current for s in criteria_sets() if s.current is not None]


def slug(text: str) -> str:
    """A stable key from a criterion text ('Borgerens ressourcer' → 'borgerens_ressourcer')."""
    folded = text.lower().translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))
    return re.sub(r"[^a-z0-9]+", "_", folded).strip("_")[:60] or "kriterium"


def create_version(criteria_set: CriteriaSet, items: list[dict], person=None, note: str = "") -> CriteriaVersion:
    """Add version n+1 of `criteria_set` with `items` [{key?, group, text, guidance}]. Commits.

    Earlier versions are left exactly as they were, so reviews made with them keep their
    questions. An item without a key keeps the key of the same text in the previous version
    (so trends continue) or gets a new one.
    """
    previous = criteria_set.current
    known = {c.text.strip().lower(): c.key for c in previous.criteria} if previous else {}
    number = (db.session.scalar(select(func.max(CriteriaVersion.number))
                                .where(CriteriaVersion.set_id == criteria_set.id)) or 0) + 1 if criteria_set.id else 1
    version = CriteriaVersion(number=number, note=note.strip(), created_by_id=getattr(person, "id", None))
    used: set[str] = set()
    for position, item in enumerate(i for i in items if (i.get("text") or "").strip()):
        text = item["text"].strip()
        key = item.get("key") or known.get(text.lower()) or slug(text)
        while key in used:
            key = f"{key}_x"[:60]
        used.add(key)
        version.criteria.append(Criterion(position=position, key=key, group=(item.get("group") or "").strip(),
                                          text=text, guidance=(item.get("guidance") or "").strip()))
    criteria_set.versions.append(version)
    db.session.add(criteria_set)
    db.session.commit()
    return version
