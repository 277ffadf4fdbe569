"""Calibration: vignettes with reference ratings, rounds, submissions and ratings on the 0–4 scale."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Table, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity, utcnow
from ..extensions import db
from ..people.models import Person, Team
from ..settings.models import Theme

#: Which teams are invited to a round.
round_teams = Table(
    "calibration_round_teams",
    db.Model.metadata,
    Column("round_id", Integer, ForeignKey("calibration_rounds.id", ondelete="CASCADE"), primary_key=True),
    Column("team_id", Integer, ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
)

#: Submission sources.
SOURCE_APP = "app"
SOURCE_PAPER = "papir"


class Vignette(Entity, db.Model):
    """A fictitious case description that everyone in a round rates, theme by theme."""

    __tablename__ = "calibration_vignettes"

    title: Mapped[str] = mapped_column(String(200), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))

    created_by: Mapped[Person | None] = relationship()
    items: Mapped[list["VignetteTheme"]] = relationship(
        back_populates="vignette", cascade="all, delete-orphan", lazy="selectin",
        order_by="VignetteTheme.position",
    )

    @property
    def themes(self) -> list[Theme]:
        """The themes to rate, in order."""
        return [item.theme for item in self.items]

    def item_for(self, theme_id: int) -> "VignetteTheme | None":
        """The vignette's row for one theme, or None."""
        return next((item for item in self.items if item.theme_id == theme_id), None)


class VignetteTheme(Entity, db.Model):
    """One theme to rate on a vignette, with the panel's reference rating ("facit") and its reasoning."""

    __tablename__ = "calibration_vignette_themes"
    __table_args__ = (UniqueConstraint("vignette_id", "theme_id"),)

    vignette_id: Mapped[int] = mapped_column(ForeignKey("calibration_vignettes.id", ondelete="CASCADE"),
                                             index=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    #: 0–4, or None when there is no reference rating.
    reference_value: Mapped[int | None] = mapped_column(Integer)
    reference_reason: Mapped[str] = mapped_column(Text, default="", nullable=False)

    vignette: Mapped[Vignette] = relationship(back_populates="items")
    theme: Mapped[Theme] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"<VignetteTheme v{self.vignette_id} t{self.theme_id} ref={self.reference_value}>"


class RoundVignette(db.Model):
    """A vignette in a round, in the order raters meet it."""

    __tablename__ = "calibration_round_vignettes"

    round_id: Mapped[int] = mapped_column(ForeignKey("calibration_rounds.id", ondelete="CASCADE"),
                                          primary_key=True)
    vignette_id: Mapped[int] = mapped_column(ForeignKey("calibration_vignettes.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    vignette: Mapped[Vignette] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"<RoundVignette r{self.round_id} v{self.vignette_id}>"


class CalibrationRound(Entity, db.Model):
    """A calibration exercise: vignettes, invited teams, a deadline; results revealed on closing."""

    __tablename__ = "calibration_rounds"

    title: Mapped[str] = mapped_column(String(200), nullable=False)
    opens_on: Mapped[date] = mapped_column(Date, nullable=False)
    deadline: Mapped[date] = mapped_column(Date, nullable=False)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))

    opened_by: Mapped[Person | None] = relationship(foreign_keys=[opened_by_id])
    round_vignettes: Mapped[list[RoundVignette]] = relationship(
        cascade="all, delete-orphan", order_by=RoundVignette.position, lazy="selectin"
    )
    teams: Mapped[list[Team]] = relationship(secondary=round_teams, order_by="Team.name")
    submissions: Mapped[list["Submission"]] = relationship(back_populates="round", cascade="all, delete-orphan")

    @property
    def vignettes(self) -> list[Vignette]:
        """The round's vignettes, in order."""
        return [rv.vignette for rv in self.round_vignettes]

    @property
    def is_closed(self) -> bool:
        """True once the round is closed and its results revealed."""
        return self.closed_at is not None


class Submission(Entity, db.Model):
    """One rater's ratings in a round; `submitted_at` is None while it is still a draft."""

    __tablename__ = "calibration_submissions"
    __table_args__ = (UniqueConstraint("round_id", "rater_id"),)

    round_id: Mapped[int] = mapped_column(ForeignKey("calibration_rounds.id", ondelete="CASCADE"), index=True)
    rater_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(10), default=SOURCE_APP, nullable=False)

    round: Mapped[CalibrationRound] = relationship(back_populates="submissions")
    rater: Mapped[Person] = relationship()
    ratings: Mapped[list["Rating"]] = relationship(back_populates="submission", cascade="all, delete-orphan",
                                                   lazy="selectin")

    def submit(self) -> None:
        """Mark the submission as final."""
        self.submitted_at = utcnow()

    def __repr__(self) -> str:
        return f"<Submission r{self.round_id} p{self.rater_id} {'sent' if self.submitted_at else 'draft'}>"


class Rating(Entity, db.Model):
    """One rating of one theme of one vignette. `value` None means "ikke relevant" (missing)."""

    __tablename__ = "calibration_ratings"
    __table_args__ = (UniqueConstraint("submission_id", "vignette_id", "theme_id"),)

    submission_id: Mapped[int] = mapped_column(ForeignKey("calibration_submissions.id", ondelete="CASCADE"),
                                               index=True)
    vignette_id: Mapped[int] = mapped_column(ForeignKey("calibration_vignettes.id"), index=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"), index=True)
    value: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(500), default="", nullable=False)

    submission: Mapped[Submission] = relationship(back_populates="ratings")

    def __repr__(self) -> str:
        return f"<Rating s{self.submission_id} v{self.vignette_id} t{self.theme_id} = {self.value}>"
