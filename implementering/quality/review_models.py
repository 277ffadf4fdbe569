"""Reviews of sampled cases (answers per criterion, independent theme re-ratings) and the
numbered recommendations of an audit, tracked as actions with owners."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity
from ..extensions import db
from ..i18n import _l

ASSIGNED, DRAFT, SUBMITTED = "tildelt", "kladde", "afsluttet"
REVIEW_STATUSES = {ASSIGNED: _l("Ikke begyndt"), DRAFT: _l("I gang"), SUBMITTED: _l("Afsluttet")}
REC_OPEN, REC_ACTIVE, REC_DONE = "aaben", "igang", "faerdig"
REC_STATUSES = {REC_OPEN: _l("Ikke startet"), REC_ACTIVE: _l("I gang"), REC_DONE: _l("Gennemført")}


class Review(Entity, db.Model):
    """One reviewer's review of one sampled case in one round."""

    __tablename__ = "quality_reviews"
    __table_args__ = (UniqueConstraint("round_id", "case_id", "reviewer_id"),)

    round_id: Mapped[int] = mapped_column(ForeignKey("quality_rounds.id", ondelete="CASCADE"), nullable=False)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), nullable=False, index=True)
    #: The criteria version the review is made with (kept when the set gets a new version).
    criteria_version_id: Mapped[int] = mapped_column(ForeignKey("quality_criteria_versions.id"), nullable=False)
    status: Mapped[str] = mapped_column(String(20), default=ASSIGNED, nullable=False, index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    comment: Mapped[str] = mapped_column(Text, default="", nullable=False)

    round = relationship("QualityRound")
    case = relationship("Case")
    reviewer = relationship("Person")
    criteria_version = relationship("CriteriaVersion")
    answers: Mapped[list["ReviewAnswer"]] = relationship(back_populates="review", cascade="all, delete-orphan")
    theme_ratings: Mapped[list["ReviewThemeRating"]] = relationship(
        back_populates="review", cascade="all, delete-orphan")

    @property
    def status_label(self) -> str:
        return str(REVIEW_STATUSES.get(self.status, self.status))

    def answer_for(self, criterion_id: int) -> "ReviewAnswer | None":
        return next((a for a in self.answers if a.criterion_id == criterion_id), None)

    def __repr__(self) -> str:
        return f"<Review {self.id} round={self.round_id} case={self.case_id} {self.status}>"


class ReviewAnswer(db.Model):
    """The answer to one criterion: a level (see quality.models.LEVELS) and a reason."""

    __tablename__ = "quality_review_answers"
    __table_args__ = (UniqueConstraint("review_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("quality_reviews.id", ondelete="CASCADE"), nullable=False)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("quality_criteria.id"), nullable=False, index=True)
    level: Mapped[str] = mapped_column(String(20), nullable=False)
    reason: Mapped[str] = mapped_column(Text, default="", nullable=False)

    review: Mapped[Review] = relationship(back_populates="answers")
    criterion = relationship("Criterion")


class ReviewThemeRating(db.Model):
    """The reviewer's own, independent 0–4 rating of a theme in the reviewed case.

    Paired with the case worker's `CaseRating(case_id, theme_id, value)` for scale consistency.
    """

    __tablename__ = "quality_review_theme_ratings"
    __table_args__ = (UniqueConstraint("review_id", "theme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("quality_reviews.id", ondelete="CASCADE"), nullable=False)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"), nullable=False, index=True)
    value: Mapped[int] = mapped_column(Integer, nullable=False)

    review: Mapped[Review] = relationship(back_populates="theme_ratings")


class Recommendation(Entity, db.Model):
    """A numbered recommendation of an audit, tracked as an action with an owner and a deadline."""

    __tablename__ = "quality_recommendations"
    __table_args__ = (UniqueConstraint("round_id", "number"),)

    round_id: Mapped[int] = mapped_column(ForeignKey("quality_rounds.id", ondelete="CASCADE"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(String(1000), nullable=False)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=REC_OPEN, nullable=False)
    done_on: Mapped[date | None] = mapped_column(Date)

    round = relationship("QualityRound")
    owner = relationship("Person")

    @property
    def status_label(self) -> str:
        return str(REC_STATUSES.get(self.status, self.status))
