"""Setting up rounds, drawing their samples, assigning reviewers with e-mails, reminders and
recurring rounds. Every operation is idempotent: opening an open round changes nothing."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from sqlalchemy import select

from ..cases.models import NEW, Case
from ..database import utcnow
from ..extensions import db
from ..i18n import _
from ..notifications.services import queue_email
from ..people.models import Person, PersonRole, Team
from ..security import LEDELSE
from .models import AUDIT, OPEN, PER_TEAM, PLANNED, QualityRound, SampledCase
from .review_models import SUBMITTED, Review
from .sampling import Candidate, assign_reviewers, draw_sample

#: Days before the due date that an unfinished reviewer gets a reminder.
REMINDER_DAYS = 3
#: A case is not drawn again within this many days unless the round allows it.
REPEAT_WINDOW_DAYS = 365


def create_round(data: dict, person: Person | None) -> QualityRound:
    """Create a planned round from form data (teams and panel as model lists). Commits."""
    round_ = QualityRound(
        kind=data["kind"], title=data["title"].strip(), criteria_version_id=data["criteria_version_id"],
        opens_on=data["opens_on"], due_on=data["due_on"], period_start=data["period_start"],
        period_end=data["period_end"], sample_unit=data.get("sample_unit") or PER_TEAM,
        sample_size=data["sample_size"], only_new=bool(data.get("only_new")), only_vum=bool(data.get("only_vum")),
        spread_areas=bool(data.get("spread_areas")), allow_repeat=bool(data.get("allow_repeat")),
        seed=data.get("seed") or _default_seed(data["opens_on"]), recurrence=data.get("recurrence") or "",
        created_by_id=getattr(person, "id", None))
    round_.teams = list(data.get("teams") or [])
    round_.panel = list(data.get("panel") or [])
    db.session.add(round_)
    db.session.commit()
    return round_


def _default_seed(day: date) -> int:
    """A readable default seed: the opening date as yyyymmdd."""
    return int(day.strftime("%Y%m%d"))


def candidates_for(round_: QualityRound) -> list[Candidate]:
    """The cases the round's rules allow (teams, period, only new, only VUM, no recent repeats)."""
    team_ids = [team.id for team in round_.teams]
    if not team_ids:
        return []
    stmt = select(Case.id, Case.team_id, Case.caseworker_id, Case.department_id, Case.case_type, Case.opened_on).where(
        Case.team_id.in_(team_ids), Case.opened_on >= round_.period_start, Case.opened_on <= round_.period_end)
    if round_.only_new:
        stmt = stmt.where(Case.case_type == NEW)
    if round_.only_vum:
        stmt = stmt.where(Case.handled_with_vum.is_(True))
    if not round_.allow_repeat:
        since = round_.opens_on - timedelta(days=REPEAT_WINDOW_DAYS)
        recent = (select(SampledCase.case_id).join(QualityRound, SampledCase.round_id == QualityRound.id)
                  .where(QualityRound.id != round_.id, QualityRound.opens_on > since,
                         QualityRound.opens_on <= round_.opens_on + timedelta(days=REPEAT_WINDOW_DAYS)))
        stmt = stmt.where(Case.id.not_in(recent))
    return [Candidate(*row) for row in db.session.execute(stmt)]


def draw_round_sample(round_: QualityRound) -> list[SampledCase]:
    """Draw and store the round's cases with the reason for each; does nothing if already drawn. No commit."""
    if round_.samples:
        return list(round_.samples)
    draws = draw_sample(candidates_for(round_), size=round_.sample_size, seed=round_.seed,
                        per=round_.sample_unit, spread=round_.spread_areas)
    names = _group_names(round_)
    rules = _rules_text(round_)
    for position, item in enumerate(draws, start=1):
        reason = _("Nr. %(rank)s i den tilfældige trækning blandt %(pool)s mulige sager for %(group)s "
                   "(%(rules)s; frø %(seed)s).", rank=item.rank, pool=item.pool_size,
                   group=names.get(item.group, str(item.group)), rules=rules, seed=round_.seed)
        round_.samples.append(SampledCase(case_id=item.case_id, position=position, reason=reason[:500]))
    round_.drawn_at = utcnow()
    return list(round_.samples)


def _group_names(round_: QualityRound) -> dict:
    """Names for the draw's groups: teams or case workers."""
    if round_.sample_unit == PER_TEAM:
        return {team.id: team.name for team in round_.teams}
    return dict(db.session.execute(select(Person.id, Person.name)).all())


def _rules_text(round_: QualityRound) -> str:
    """The rules in words, for the stored reason."""
    parts = [_("oprettet %(a)s–%(b)s", a=round_.period_start.isoformat(), b=round_.period_end.isoformat())]
    if round_.only_new:
        parts.append(_("kun nye sager"))
    if round_.only_vum:
        parts.append(_("kun VUM-sager"))
    if round_.spread_areas:
        parts.append(_("spredt på område og sagstype"))
    if not round_.allow_repeat:
        parts.append(_("ikke trukket det seneste år"))
    return ", ".join(parts)


def eligible_reviewers(team_ids: list[int]) -> dict[int, list[int]]:
    """{team id: person ids} of the team's superusers and nearest managers (leadership in the team)."""
    eligible: dict[int, set[int]] = {team_id: set() for team_id in team_ids}
    for team in db.session.scalars(select(Team).where(Team.id.in_(team_ids))):
        eligible[team.id].update(p.id for p in team.superusers if p.active)
    managers = select(Person.id, Person.team_id).join(PersonRole).where(
        PersonRole.role == LEDELSE, Person.team_id.in_(team_ids), Person.active.is_(True))
    for person_id, team_id in db.session.execute(managers):
        eligible[team_id].add(person_id)
    return {team_id: sorted(ids) for team_id, ids in eligible.items()}


def assign_round_reviews(round_: QualityRound) -> list[Review]:
    """Create the reviews: one reviewer per case, or every panel member per case (audit). No commit.

    Never assigns a case to its own case worker; existing reviews are kept (idempotent).
    """
    existing = {(r.case_id, r.reviewer_id) for r in db.session.scalars(select(Review).where(Review.round_id == round_.id))}
    created: list[Review] = []
    samples = [(s.case_id, s.case.team_id, s.case.caseworker_id) for s in round_.samples]

    def add(case_id: int, reviewer_id: int) -> None:
        if (case_id, reviewer_id) in existing:
            return
        review = Review(round_id=round_.id, case_id=case_id, reviewer_id=reviewer_id,
                        criteria_version_id=round_.criteria_version_id)
        db.session.add(review)
        created.append(review)
        existing.add((case_id, reviewer_id))

    if round_.kind == AUDIT:
        for case_id, _team, caseworker_id in samples:
            for member in round_.panel:
                if member.id != caseworker_id:
                    add(case_id, member.id)
    elif not existing:
        chosen = assign_reviewers(samples, eligible_reviewers(sorted({t for _c, t, _w in samples})), round_.seed)
        for case_id, reviewer_id in chosen.items():
            if reviewer_id is not None:
                add(case_id, reviewer_id)
    db.session.flush()
    return created


def open_round(round_: QualityRound, today: date | None = None) -> int:
    """Open a planned round: draw, assign, e-mail each reviewer, plan the next recurrence. Commits.

    Returns the number of reviews created (0 when the round was already open).
    """
    if round_.status != PLANNED:
        return 0
    draw_round_sample(round_)
    db.session.flush()
    reviews = assign_round_reviews(round_)
    for review in reviews:
        _notify(review, "tildelt")
    round_.status = OPEN
    plan_next(round_)
    db.session.commit()
    return len(reviews)


def _notify(review: Review, what: str) -> None:
    """Queue the assignment or reminder e-mail for a review (idempotent per review and kind)."""
    reviewer = review.reviewer or db.session.get(Person, review.reviewer_id)
    round_ = review.round or db.session.get(QualityRound, review.round_id)
    case = review.case or db.session.get(Case, review.case_id)
    if what == "tildelt":
        subject = _("Ny sag til kvalitetstjek: %(ref)s", ref=case.reference)
        body = _("Hej %(name)s\n\nDu skal gennemgå sag %(ref)s i runden \"%(round)s\" senest %(due)s.\n"
                 "Find den under \"Mine kvalitetstjek\" i VUM Implementering.\n",
                 name=reviewer.name, ref=case.reference, round=round_.title, due=round_.due_on.strftime("%d-%m-%Y"))
    else:
        subject = _("Påmindelse: kvalitetstjek af %(ref)s", ref=case.reference)
        body = _("Hej %(name)s\n\nGennemgangen af sag %(ref)s i runden \"%(round)s\" skal være færdig %(due)s.\n",
                 name=reviewer.name, ref=case.reference, round=round_.title, due=round_.due_on.strftime("%d-%m-%Y"))
    queue_email(reviewer.email, subject, body, key=f"quality-review-{review.id}-{what}", category="kvalitet",
                commit=False)


def _add_months(day: date, months: int) -> date:
    """The same day `months` later (clamped to the month's last day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def plan_next(round_: QualityRound) -> QualityRound | None:
    """For a recurring round: create the next planned round once (same rules, dates moved). No commit."""
    months = {"maaned": 1, "kvartal": 3}.get(round_.recurrence)
    if not months or round_.id is None:
        return None
    if db.session.scalar(select(QualityRound.id).where(QualityRound.previous_id == round_.id)):
        return None
    following = QualityRound(
        kind=round_.kind, title=round_.title, criteria_version_id=round_.criteria_version_id,
        opens_on=_add_months(round_.opens_on, months), due_on=_add_months(round_.due_on, months),
        period_start=_add_months(round_.period_start, months), period_end=_add_months(round_.period_end, months),
        sample_unit=round_.sample_unit, sample_size=round_.sample_size, only_new=round_.only_new,
        only_vum=round_.only_vum, spread_areas=round_.spread_areas, allow_repeat=round_.allow_repeat,
        seed=_default_seed(_add_months(round_.opens_on, months)), recurrence=round_.recurrence,
        created_by_id=round_.created_by_id, previous_id=round_.id)
    following.teams = list(round_.teams)
    following.panel = list(round_.panel)
    db.session.add(following)
    return following


def open_due_rounds(today: date | None = None) -> int:
    """Job: open every planned round whose opening day has come. Returns how many were opened."""
    today = today or date.today()
    due = list(db.session.scalars(select(QualityRound).where(QualityRound.status == PLANNED,
                                                             QualityRound.opens_on <= today)
                                  .order_by(QualityRound.opens_on, QualityRound.id)))
    for round_ in due:
        open_round(round_, today)
    return len(due)


def send_review_reminders(today: date | None = None) -> int:
    """Job: queue one reminder per unfinished review in open rounds due within REMINDER_DAYS. Commits."""
    today = today or date.today()
    stmt = (select(Review).join(QualityRound, Review.round_id == QualityRound.id)
            .where(QualityRound.status == OPEN, Review.status != SUBMITTED,
                   QualityRound.due_on >= today, QualityRound.due_on <= today + timedelta(days=REMINDER_DAYS)))
    reviews = list(db.session.scalars(stmt))
    for review in reviews:
        _notify(review, "paamindelse")
    db.session.commit()
    return len(reviews)


def close_round(round_: QualityRound) -> None:
    """Mark a round as finished (unfinished reviews stay as they are). Commits."""
    from .models import CLOSED

    round_.status = CLOSED
    db.session.commit()
