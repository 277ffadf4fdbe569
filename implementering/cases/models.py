"""The pseudonymous case register: cases, the case worker's 0–4 theme ratings and the import log.

A case is only ever known by a pseudonymous reference; nothing in these tables identifies
a citizen. Other domains read these tables: adoption counts `Case.handled_with_vum` per
`Case.team_id` and week of `Case.opened_on`; calibration pairs `CaseRating` (the case
worker's value) with the reviewer's independent re-rating in the quality domain.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity
from ..extensions import db
from ..i18n import _l

#: Case types: key → label.
NEW, FOLLOW_UP, CHANGE = "ny", "opfoelgning", "aendring"
CASE_TYPES = {
    NEW: _l("Ny henvendelse"),
    FOLLOW_UP: _l("Opfølgning"),
    CHANGE: _l("Ændring"),
}

#: The VUM steps a case can have used: key (= the Case attribute after 'used_') → label.
VUM_STEPS = {
    "assessment": _l("Udredning"),
    "judgement": _l("Faglig vurdering"),
    "decision": _l("Afgørelse"),
    "order": _l("Bestilling til udfører"),
    "action_plan": _l("Handleplan"),
    "follow_up": _l("Opfølgning"),
}
STEP_COLUMNS = {key: f"used_{key}" for key in VUM_STEPS}


class Case(Entity, db.Model):
    """One case as the rollout sees it: reference, team, case worker, type and VUM use."""

    __tablename__ = "cases"
    __table_args__ = (
        # Covering index: the adoption figures group by team and week and count by type and VUM use.
        Index("ix_cases_team_opened", "team_id", "opened_on", "case_type", "handled_with_vum"),
    )

    #: The pseudonymous case reference (never a CPR number); the key for imports.
    reference: Mapped[str] = mapped_column(String(60), unique=True, nullable=False)
    #: The area; normally the team's department.
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), nullable=False)
    #: The responsible case worker (a Person).
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    opened_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    #: One of CASE_TYPES: 'ny', 'opfoelgning', 'aendring'.
    case_type: Mapped[str] = mapped_column(String(20), nullable=False, default=NEW)
    handled_with_vum: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # The VUM steps used in the case, one flag per step (see VUM_STEPS / Case.vum_steps).
    used_assessment: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    used_judgement: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    used_decision: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    used_order: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    used_action_plan: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    used_follow_up: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    #: The import that last created or changed the case (None when entered by hand).
    import_id: Mapped[int | None] = mapped_column(ForeignKey("case_imports.id", ondelete="SET NULL"))

    department = relationship("Department")
    team = relationship("Team")
    caseworker = relationship("Person")
    ratings: Mapped[list["CaseRating"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseRating.theme_id")

    @property
    def vum_steps(self) -> list[str]:
        """The keys of the VUM steps used, in VUM order."""
        return [key for key, column in STEP_COLUMNS.items() if getattr(self, column)]

    @property
    def case_type_label(self) -> str:
        """The case type in Danish."""
        return str(CASE_TYPES.get(self.case_type, self.case_type))

    def rating_for(self, theme_id: int) -> int | None:
        """The case worker's 0–4 value for a theme, or None."""
        return next((r.value for r in self.ratings if r.theme_id == theme_id), None)

    def __repr__(self) -> str:
        return f"<Case {self.id} {self.reference!r}>"


class CaseRating(db.Model):
    """The case worker's 0–4 functional-level rating of one theme in one case."""

    __tablename__ = "case_ratings"
    __table_args__ = (UniqueConstraint("case_id", "theme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), nullable=False)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"), nullable=False, index=True)
    #: 0 (no limitation) … 4 (total limitation).
    value: Mapped[int] = mapped_column(Integer, nullable=False)

    case: Mapped[Case] = relationship(back_populates="ratings")
    theme = relationship("Theme")

    def __repr__(self) -> str:
        return f"<CaseRating case={self.case_id} theme={self.theme_id} {self.value}>"


class CaseImport(Entity, db.Model):
    """The log of one applied (or refused) case import: who, when, which file, how many rows."""

    __tablename__ = "case_imports"

    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    filename: Mapped[str] = mapped_column(String(255), default="", nullable=False)
    row_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    created_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    updated_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    unchanged_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    problem_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    #: True when the rows were written; False when the file was refused.
    applied: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    #: The column mapping used, as 'field=column' lines (for the log page).
    mapping: Mapped[str] = mapped_column(Text, default="", nullable=False)
    seconds: Mapped[float | None] = mapped_column(db.Float)

    imported_by = relationship("Person")

    def __repr__(self) -> str:
        return f"<CaseImport {self.id} {self.filename!r} {self.row_count} rows>"
