"""What was answered, stored apart from who answered.

An answer carries its round, the team (as it was when the round opened) and the day,
never a person, an invitation or a token. Primary keys are random, so not even the
order of insertion links an answer to the order in which people responded; there are
no created/updated timestamps. Comments are stored apart from the scores they came with.
"""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


def random_key() -> str:
    """A random 32-character primary key that records no order."""
    return uuid.uuid4().hex


class Answer(db.Model):
    """One person's scores in one round (anonymous)."""

    __tablename__ = "pulse_answers"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=random_key,
                                    info={"cpr_exempt": True})
    round_id: Mapped[int] = mapped_column(ForeignKey("pulse_rounds.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    #: Date precision on purpose: a time of day could be matched against other logs.
    answered_on: Mapped[date] = mapped_column(Date, nullable=False)

    values: Mapped[list["AnswerValue"]] = relationship(back_populates="answer", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"<Answer round={self.round_id} team={self.team_id}>"


class AnswerValue(db.Model):
    """The 1–5 score given to one item within one answer."""

    __tablename__ = "pulse_answer_values"

    answer_id: Mapped[str] = mapped_column(ForeignKey("pulse_answers.id", ondelete="CASCADE"), primary_key=True,
                                           info={"cpr_exempt": True})
    item_id: Mapped[int] = mapped_column(ForeignKey("pulse_items.id"), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, nullable=False)

    answer: Mapped[Answer] = relationship(back_populates="values")

    def __repr__(self) -> str:
        return f"<AnswerValue item={self.item_id}>"


class Comment(db.Model):
    """A free-text comment, kept apart from the scores so it cannot be tied to them."""

    __tablename__ = "pulse_comments"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=random_key, info={"cpr_exempt": True})
    round_id: Mapped[int] = mapped_column(ForeignKey("pulse_rounds.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("pulse_items.id"))
    text: Mapped[str] = mapped_column(Text, nullable=False)

    def __repr__(self) -> str:
        return f"<Comment round={self.round_id} team={self.team_id}>"
