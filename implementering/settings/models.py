"""Municipality-wide settings: the municipality, the VUM themes and the 0–4 scale labels."""
from __future__ import annotations

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..database import Entity
from ..extensions import db


class Municipality(Entity, db.Model):
    """The one municipality this installation serves (a single row)."""

    __tablename__ = "municipality"

    name: Mapped[str] = mapped_column(String(120), nullable=False)
    #: Set by the demo generator; the demo command refuses to touch non-demo data.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    pulse_min_group_size: Mapped[int] = mapped_column(Integer, default=5, nullable=False)


class Theme(Entity, db.Model):
    """A VUM theme that case workers rate on the 0–4 scale (configurable list)."""

    __tablename__ = "themes"

    key: Mapped[str] = mapped_column(String(60), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    description: Mapped[str] = mapped_column(String(1000), default="", nullable=False)
    #: 'aktivitet' (activity and participation) or 'funktion' (body functions).
    kind: Mapped[str] = mapped_column(String(20), default="aktivitet", nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class ScaleLevel(Entity, db.Model):
    """The label and explanation of one step (0–4) of the functional-level scale."""

    __tablename__ = "scale_levels"

    value: Mapped[int] = mapped_column(Integer, unique=True, nullable=False)
    label: Mapped[str] = mapped_column(String(60), nullable=False)
    description: Mapped[str] = mapped_column(String(500), default="", nullable=False)
