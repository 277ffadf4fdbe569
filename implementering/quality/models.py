"""Quality criteria (versioned sets), quality-check and audit rounds, and the cases drawn for them.

Reviews and recommendations live in `review_models.py`. A finished review points at the
criteria version it was made with, so editing a set (which makes a new version) never
changes an old review.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Table, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity
from ..extensions import db
from ..i18n import _l

#: The five answers of the rating form: key → (label, score). Score None = not rated.
HIGH, SOME, LESSER, NOT_AT_ALL, CANNOT = "hoej", "nogen", "mindre", "slet_ikke", "kan_ikke"
LEVELS = {
    HIGH: _l("I høj grad"),
    SOME: _l("I nogen grad"),
    LESSER: _l("I mindre grad"),
    NOT_AT_ALL: _l("Slet ikke"),
    CANNOT: _l("Kan ikke vurderes"),
}
LEVEL_SCORES = {HIGH: 3, SOME: 2, LESSER: 1, NOT_AT_ALL: 0, CANNOT: None}
#: Answers that need a written reason.
REASON_REQUIRED = frozenset({LESSER, NOT_AT_ALL, CANNOT})
#: Answers counted as "good enough" in results.
POSITIVE = frozenset({HIGH, SOME})

QUALITY, AUDIT = "kvalitet", "audit"
ROUND_KINDS = {QUALITY: _l("Kvalitetstjek"), AUDIT: _l("Audit med panel")}
PLANNED, OPEN, CLOSED = "planlagt", "aaben", "afsluttet"
ROUND_STATUSES = {PLANNED: _l("Planlagt"), OPEN: _l("Åben"), CLOSED: _l("Afsluttet")}
RECURRENCES = {"": _l("Ingen gentagelse"), "maaned": _l("Hver måned"), "kvartal": _l("Hvert kvartal")}
PER_TEAM, PER_CASEWORKER = "team", "sagsbehandler"
SAMPLE_UNITS = {PER_TEAM: _l("pr. team"), PER_CASEWORKER: _l("pr. sagsbehandler")}


class CriteriaSet(Entity, db.Model):
    """A named set of quality criteria; its content lives in numbered versions."""

    __tablename__ = "quality_criteria_sets"

    name: Mapped[str] = mapped_column(String(160), unique=True, nullable=False)
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)

    versions: Mapped[list["CriteriaVersion"]] = relationship(
        back_populates="criteria_set", order_by="CriteriaVersion.number", cascade="all, delete-orphan")

    @property
    def current(self) -> "CriteriaVersion | None":
        """The newest version (the one new rounds use)."""
        return self.versions[-1] if self.versions else None


class CriteriaVersion(Entity, db.Model):
    """One frozen version of a criteria set; never edited once a review uses it."""

    __tablename__ = "quality_criteria_versions"
    __table_args__ = (UniqueConstraint("set_id", "number"),)

    set_id: Mapped[int] = mapped_column(ForeignKey("quality_criteria_sets.id", ondelete="CASCADE"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    note: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))

    criteria_set: Mapped[CriteriaSet] = relationship(back_populates="versions")
    criteria: Mapped[list["Criterion"]] = relationship(
        back_populates="version", order_by="Criterion.position", cascade="all, delete-orphan")

    @property
    def label(self) -> str:
        """'Standardkriterier, version 2'."""
        return f"{self.criteria_set.name}, version {self.number}"

    def __repr__(self) -> str:
        return f"<CriteriaVersion {self.id} set={self.set_id} v{self.number}>"


class Criterion(Entity, db.Model):
    """One question of a criteria version, in a group (e.g. 'Mål og formål')."""

    __tablename__ = "quality_criteria"

    version_id: Mapped[int] = mapped_column(ForeignKey("quality_criteria_versions.id", ondelete="CASCADE"),
                                            nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    #: A stable key shared by the same criterion across versions (for trends over versions).
    key: Mapped[str] = mapped_column(String(60), nullable=False)
    group: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    text: Mapped[str] = mapped_column(String(500), nullable=False)
    guidance: Mapped[str] = mapped_column(String(1000), default="", nullable=False)

    version: Mapped[CriteriaVersion] = relationship(back_populates="criteria")

    def __repr__(self) -> str:
        return f"<Criterion {self.id} {self.key!r}>"


round_teams = Table(
    "quality_round_teams", db.Model.metadata,
    Column("round_id", Integer, ForeignKey("quality_rounds.id", ondelete="CASCADE"), primary_key=True),
    Column("team_id", Integer, ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
)

round_panel = Table(
    "quality_round_panel", db.Model.metadata,
    Column("round_id", Integer, ForeignKey("quality_rounds.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", Integer, ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True),
)


class QualityRound(Entity, db.Model):
    """A quality-check round (reviewers per case) or an audit round (a panel rates every case)."""

    __tablename__ = "quality_rounds"

    kind: Mapped[str] = mapped_column(String(20), default=QUALITY, nullable=False)
    title: Mapped[str] = mapped_column(String(160), nullable=False)
    criteria_version_id: Mapped[int] = mapped_column(ForeignKey("quality_criteria_versions.id"), nullable=False)
    opens_on: Mapped[date] = mapped_column(Date, nullable=False)
    due_on: Mapped[date] = mapped_column(Date, nullable=False)
    #: Cases opened in this period are candidates.
    period_start: Mapped[date] = mapped_column(Date, nullable=False)
    period_end: Mapped[date] = mapped_column(Date, nullable=False)
    sample_unit: Mapped[str] = mapped_column(String(20), default=PER_TEAM, nullable=False)
    sample_size: Mapped[int] = mapped_column(Integer, default=2, nullable=False)
    only_new: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    only_vum: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    spread_areas: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    #: Allow a case reviewed in the last 365 days to be drawn again.
    allow_repeat: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    seed: Mapped[int] = mapped_column(Integer, nullable=False)
    recurrence: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    status: Mapped[str] = mapped_column(String(20), default=PLANNED, nullable=False, index=True)
    drawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    #: The round this one was repeated from (recurring rounds).
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("quality_rounds.id", ondelete="SET NULL"))
    # Audit rounds: the panel meeting.
    meeting_on: Mapped[date | None] = mapped_column(Date)
    meeting_notes: Mapped[str] = mapped_column(Text, default="", nullable=False)

    criteria_version: Mapped[CriteriaVersion] = relationship()
    teams = relationship("Team", secondary=round_teams, order_by="Team.name")
    panel = relationship("Person", secondary=round_panel, order_by="Person.name")
    samples: Mapped[list["SampledCase"]] = relationship(
        back_populates="round", order_by="SampledCase.position", cascade="all, delete-orphan")

    @property
    def kind_label(self) -> str:
        return str(ROUND_KINDS.get(self.kind, self.kind))

    @property
    def status_label(self) -> str:
        return str(ROUND_STATUSES.get(self.status, self.status))


class SampledCase(Entity, db.Model):
    """A case drawn for a round, with the stored reason it was chosen (the draw is reproducible)."""

    __tablename__ = "quality_sampled_cases"
    __table_args__ = (UniqueConstraint("round_id", "case_id"),)

    round_id: Mapped[int] = mapped_column(ForeignKey("quality_rounds.id", ondelete="CASCADE"), nullable=False)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    #: Why this case: the pool it was drawn from and its place in the seeded draw (Danish text).
    reason: Mapped[str] = mapped_column(String(500), default="", nullable=False)

    round: Mapped[QualityRound] = relationship(back_populates="samples")
    case = relationship("Case")
