"""Filling in reviews (required reasons, independent theme re-ratings), who may see which review,
the audit panel's comparison, and recommendations tracked as actions."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from ..analytics.quality import Agreement, criterion_spread, panel_agreement
from ..cases.models import Case
from ..database import utcnow
from ..extensions import db
from ..i18n import _
from ..people.models import Person, superuser_teams
from ..security import LEDELSE, PLANNERS, SUPERBRUGER
from .models import LEVELS, REASON_REQUIRED, QualityRound
from .review_models import DRAFT, REC_DONE, SUBMITTED, Recommendation, Review, ReviewAnswer, ReviewThemeRating


def answer_problems(criterion_ids: list[int], answers: dict[int, tuple[str, str]], submitting: bool) -> dict[int, str]:
    """{criterion id: Danish problem} for answers that cannot be saved or submitted.

    A level outside the scale is always refused. On submit, every criterion needs a level, and
    'i mindre grad', 'slet ikke' and 'kan ikke vurderes' need a written reason.
    """
    problems: dict[int, str] = {}
    for criterion_id in criterion_ids:
        level, reason = answers.get(criterion_id, ("", ""))
        if level and level not in LEVELS:
            problems[criterion_id] = _("Vælg et af svarene på skalaen.")
        elif submitting and not level:
            problems[criterion_id] = _("Vælg et svar.")
        elif submitting and level in REASON_REQUIRED and not (reason or "").strip():
            problems[criterion_id] = _("Skriv en begrundelse: den kræves, når svaret er \"%(level)s\".",
                                       level=LEVELS[level])
    return problems


def save_review(review: Review, answers: dict[int, tuple[str, str]], theme_values: dict[int, int | None],
                comment: str, submit: bool) -> dict[int, str]:
    """Store a review's answers, theme re-ratings and comment; submit it when asked and complete.

    Returns the problems (nothing is changed when there are any). A submitted review is
    final: calling this again raises ValueError. Commits.
    """
    if review.status == SUBMITTED:
        raise ValueError("review already submitted")
    criterion_ids = [c.id for c in review.criteria_version.criteria]
    problems = answer_problems(criterion_ids, answers, submit)
    if problems:
        return problems
    current = {a.criterion_id: a for a in review.answers}
    for criterion_id in criterion_ids:
        level, reason = answers.get(criterion_id, ("", ""))
        if not level:
            if criterion_id in current:
                review.answers.remove(current[criterion_id])
            continue
        answer = current.get(criterion_id) or ReviewAnswer(criterion_id=criterion_id)
        answer.level, answer.reason = level, (reason or "").strip()
        if criterion_id not in current:
            review.answers.append(answer)
    ratings = {r.theme_id: r for r in review.theme_ratings}
    for theme_id, value in theme_values.items():
        if value is None:
            if theme_id in ratings:
                review.theme_ratings.remove(ratings[theme_id])
        elif theme_id in ratings:
            ratings[theme_id].value = value
        else:
            review.theme_ratings.append(ReviewThemeRating(theme_id=theme_id, value=value))
    review.comment = (comment or "").strip()
    if submit:
        review.status, review.submitted_at = SUBMITTED, utcnow()
    else:
        review.status = DRAFT
    db.session.commit()
    return {}


# --- who may see what ---------------------------------------------------------------------------

def may_see_review(person: Person, review: Review) -> bool:
    """Planners see every review; the reviewer their own; once submitted, the case's case worker,
    the superusers of the case's team and the team's nearest manager see it too."""
    if person.has_any_role(PLANNERS) or review.reviewer_id == person.id:
        return True
    if review.status != SUBMITTED:
        return False
    case = review.case
    if case.caseworker_id == person.id:
        return True
    if person.has_role(SUPERBRUGER) and case.team_id in {t.id for t in person.supported_teams}:
        return True
    return person.has_role(LEDELSE) and person.team_id is not None and person.team_id == case.team_id


def visible_reviews(person: Person):
    """A select() of the submitted reviews `person` may read (see may_see_review), newest first."""
    stmt = (select(Review).join(Case, Review.case_id == Case.id).where(Review.status == SUBMITTED)
            .options(selectinload(Review.case).selectinload(Case.team), selectinload(Review.reviewer),
                     selectinload(Review.round))
            .order_by(Review.submitted_at.desc(), Review.id.desc()))
    if person.has_any_role(PLANNERS):
        return stmt
    rules = [Case.caseworker_id == person.id, Review.reviewer_id == person.id]
    if person.has_role(SUPERBRUGER):
        rules.append(Case.team_id.in_(select(superuser_teams.c.team_id)
                                      .where(superuser_teams.c.person_id == person.id)))
    if person.has_role(LEDELSE) and person.team_id:
        rules.append(Case.team_id == person.team_id)
    return stmt.where(or_(*rules))


def assigned_to(person: Person, include_done: bool = False) -> list[Review]:
    """The reviews `person` is to make (unfinished first, by due date)."""
    stmt = (select(Review).join(QualityRound, Review.round_id == QualityRound.id)
            .where(Review.reviewer_id == person.id)
            .options(selectinload(Review.case), selectinload(Review.round))
            .order_by(QualityRound.due_on, Review.id))
    if not include_done:
        stmt = stmt.where(Review.status != SUBMITTED)
    return list(db.session.scalars(stmt))


# --- audit panel --------------------------------------------------------------------------------

@dataclass
class CriterionComparison:
    """One criterion of an audit: the panel's agreement per case and a summary."""

    criterion: object
    per_case: list[tuple[Case, Agreement]]
    mean_spread: float | None
    disagreements: int


def panel_comparison(round_: QualityRound) -> tuple[list[Person], list[CriterionComparison]]:
    """(panel, comparisons) for an audit round, from submitted reviews only, weakest agreement first."""
    reviews = list(db.session.scalars(select(Review).where(Review.round_id == round_.id, Review.status == SUBMITTED)
                                      .options(selectinload(Review.answers))))
    panel = list(round_.panel)
    by_key = {(r.case_id, r.reviewer_id): r for r in reviews}
    comparisons = []
    cases = [s.case for s in round_.samples]
    for criterion in round_.criteria_version.criteria:
        per_case = []
        for case in cases:
            levels = []
            for member in panel:
                review = by_key.get((case.id, member.id))
                answer = review.answer_for(criterion.id) if review else None
                levels.append(answer.level if answer else None)
            per_case.append((case, panel_agreement(levels)))
        mean, disagreements = criterion_spread([a for _c, a in per_case])
        comparisons.append(CriterionComparison(criterion, per_case, mean, disagreements))
    comparisons.sort(key=lambda c: (-(c.mean_spread or 0), c.criterion.position))
    return panel, comparisons


def save_meeting(round_: QualityRound, meeting_on: date | None, notes: str) -> None:
    """Record the panel meeting's date and discussion. Commits."""
    round_.meeting_on = meeting_on
    round_.meeting_notes = (notes or "").strip()
    db.session.commit()


def add_recommendation(round_: QualityRound, text: str, owner_id: int | None, due_on: date | None) -> Recommendation:
    """Add the round's next numbered recommendation as a tracked action. Commits."""
    number = max((r.number for r in recommendations(round_)), default=0) + 1
    item = Recommendation(round_id=round_.id, number=number, text=text.strip(), owner_id=owner_id or None,
                          due_on=due_on)
    db.session.add(item)
    db.session.commit()
    return item


def recommendations(round_: QualityRound) -> list[Recommendation]:
    """The round's recommendations by number."""
    return list(db.session.scalars(select(Recommendation).where(Recommendation.round_id == round_.id)
                                   .order_by(Recommendation.number)))


def set_recommendation_status(item: Recommendation, status: str, today: date | None = None) -> None:
    """Move a recommendation to 'aaben', 'igang' or 'faerdig' (records the day it was done). Commits."""
    item.status = status
    item.done_on = (today or date.today()) if status == REC_DONE else None
    db.session.commit()


def open_recommendations_for(person: Person) -> list[Recommendation]:
    """Unfinished recommendations owned by `person`, by due date."""
    return list(db.session.scalars(select(Recommendation).where(Recommendation.owner_id == person.id,
                                                                Recommendation.status != REC_DONE)
                                   .order_by(Recommendation.due_on, Recommendation.id)))
