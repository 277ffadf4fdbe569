"""Reading and changing the municipality's settings."""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from .models import Municipality, ScaleLevel, Theme


def municipality() -> Municipality | None:
    """The municipality row (None before the first seed)."""
    return db.session.scalar(select(Municipality).order_by(Municipality.id).limit(1))


def active_themes() -> list[Theme]:
    """The themes case workers rate, in their configured order."""
    return list(db.session.scalars(select(Theme).where(Theme.active.is_(True)).order_by(Theme.position, Theme.id)))


def all_themes() -> list[Theme]:
    """Every theme, active or not, in order."""
    return list(db.session.scalars(select(Theme).order_by(Theme.position, Theme.id)))


def scale_levels() -> list[ScaleLevel]:
    """The five steps of the 0–4 scale, 0 first."""
    return list(db.session.scalars(select(ScaleLevel).order_by(ScaleLevel.value)))


def scale_labels() -> dict[int, str]:
    """{0: 'Ingen begrænsninger', …} for display."""
    return {level.value: level.label for level in scale_levels()}


def save_municipality(data: dict) -> Municipality:
    """Update (or create) the municipality's name and minimum pulse group size. Commits."""
    row = municipality() or Municipality(name="")
    row.name = data["name"].strip()
    row.pulse_min_group_size = data["pulse_min_group_size"]
    db.session.add(row)
    db.session.commit()
    return row


def save_theme(theme: Theme, data: dict) -> Theme:
    """Create or update a theme. Commits."""
    theme.name = data["name"].strip()
    theme.key = data["key"].strip().lower()
    theme.description = (data.get("description") or "").strip()
    theme.kind = data["kind"]
    theme.position = data.get("position") or 0
    theme.active = bool(data.get("active", True))
    db.session.add(theme)
    db.session.commit()
    return theme


def save_scale_levels(labels: dict[int, tuple[str, str]]) -> None:
    """Set label and description of each scale value {value: (label, description)}. Commits."""
    existing = {level.value: level for level in scale_levels()}
    for value, (label, description) in labels.items():
        level = existing.get(value) or ScaleLevel(value=value)
        level.label, level.description = label.strip(), description.strip()
        db.session.add(level)
    db.session.commit()
