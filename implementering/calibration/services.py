"""Operations on vignettes and calibration rounds, and who may see and do what.

Blind rating: a rater sees nobody else's ratings before submitting; everyone's results
(statistics, reference ratings and their reasoning) are revealed when the round closes.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ..database import utcnow
from ..extensions import db
from ..i18n import _
from ..people.models import Person, Team
from ..security import ADMIN, LEDELSE, PLANNERS, PROJEKTLEDER, SAGSBEHANDLER, SUPERBRUGER
from ..settings.models import Theme
from .models import (SOURCE_APP, CalibrationRound, Rating, RoundVignette, Submission, Vignette,
                     VignetteTheme)

#: Raters are case workers; superusers rate too.
RATER_ROLES = (SAGSBEHANDLER, SUPERBRUGER)
#: Form value for "ikke relevant" (stored as None).
NOT_RELEVANT = "ir"


class CalibrationError(ValueError):
    """An operation that the rules do not allow (the message is Danish, for the user)."""


# --- vignettes ------------------------------------------------------------------------------------

def vignettes_in_order(include_inactive: bool = False) -> list[Vignette]:
    """Vignettes by title (active only unless asked)."""
    stmt = select(Vignette).order_by(Vignette.title)
    if not include_inactive:
        stmt = stmt.where(Vignette.active.is_(True))
    return list(db.session.scalars(stmt))


def save_vignette(vignette: Vignette, data: dict, actor: Person) -> Vignette:
    """Create or update a vignette's title, text, active flag and themes (`theme_ids`). Commits.

    Themes no longer chosen are removed with their reference rating; kept themes keep theirs.
    """
    vignette.title = data["title"].strip()
    vignette.text = data["text"].strip()
    vignette.active = bool(data.get("active", True))
    if vignette.id is None:
        vignette.created_by = actor
        db.session.add(vignette)
    wanted = [int(t) for t in data.get("theme_ids") or []]
    themes = {t.id: t for t in db.session.scalars(select(Theme).where(Theme.id.in_(wanted)))}
    existing = {item.theme_id: item for item in vignette.items}
    items = []
    for theme in sorted(themes.values(), key=lambda t: (t.position, t.id)):
        item = existing.get(theme.id) or VignetteTheme(theme=theme)
        item.position = theme.position
        items.append(item)
    vignette.items = items
    db.session.commit()
    return vignette


def save_references(vignette: Vignette, references: dict[int, tuple[int | None, str]]) -> Vignette:
    """Set the reference rating and reasoning per theme id: {theme_id: (value or None, reason)}. Commits."""
    for item in vignette.items:
        if item.theme_id in references:
            value, reason = references[item.theme_id]
            item.reference_value = value
            item.reference_reason = (reason or "").strip()
    db.session.commit()
    return vignette


# --- rounds ---------------------------------------------------------------------------------------

def teams_manageable_by(person: Person) -> list[Team]:
    """Teams `person` may invite to a round: every team for planners, supported teams for superusers."""
    if person.has_any_role(PLANNERS):
        return list(db.session.scalars(select(Team).where(Team.active.is_(True)).order_by(Team.name)))
    if person.has_role(SUPERBRUGER):
        return [team for team in person.supported_teams if team.active]
    return []


def open_round(data: dict, actor: Person) -> CalibrationRound:
    """Open a round with title, opens_on, deadline, vignette_ids and team_ids. Commits.

    Raises CalibrationError when a team is outside what `actor` may manage or a list is empty.
    """
    allowed = {team.id: team for team in teams_manageable_by(actor)}
    team_ids = [int(t) for t in data.get("team_ids") or []]
    if not team_ids or any(t not in allowed for t in team_ids):
        raise CalibrationError(_("Vælg et eller flere af de teams, du kan invitere."))
    vignette_ids = [int(v) for v in data.get("vignette_ids") or []]
    vignettes = {v.id: v for v in vignettes_in_order()}
    if not vignette_ids or any(v not in vignettes for v in vignette_ids):
        raise CalibrationError(_("Vælg en eller flere vignetter."))
    round_ = CalibrationRound(
        title=data["title"].strip(), opens_on=data.get("opens_on") or date.today(),
        deadline=data["deadline"], opened_by=actor,
    )
    round_.teams = [allowed[t] for t in team_ids]
    round_.round_vignettes = [RoundVignette(vignette=vignettes[v], position=i) for i, v in enumerate(vignette_ids)]
    db.session.add(round_)
    db.session.commit()
    return round_


def close_round(round_: CalibrationRound, actor: Person) -> None:
    """Close the round and reveal its results; drafts that were never submitted are left out. Commits."""
    if not can_manage(actor, round_):
        raise CalibrationError(_("Du kan ikke lukke denne runde."))
    if round_.is_closed:
        raise CalibrationError(_("Runden er allerede lukket."))
    round_.closed_at = utcnow()
    db.session.commit()


def can_manage(person: Person, round_: CalibrationRound) -> bool:
    """Planners manage every round; a superuser the rounds they opened or that invite a team they support."""
    if person.has_any_role(PLANNERS):
        return True
    if not person.has_role(SUPERBRUGER):
        return False
    supported = {team.id for team in person.supported_teams}
    return round_.opened_by_id == person.id or any(team.id in supported for team in round_.teams)


def is_invited(person: Person, round_: CalibrationRound) -> bool:
    """True when `person` is a rater in one of the round's teams."""
    return (person.has_any_role(RATER_ROLES) and person.team_id is not None
            and any(team.id == person.team_id for team in round_.teams))


def can_view(person: Person, round_: CalibrationRound) -> bool:
    """Who may open a round's page: managers, invited raters, anyone who rated, and leadership."""
    return (can_manage(person, round_) or is_invited(person, round_) or person.has_role(LEDELSE)
            or submission_for(round_, person) is not None)


def rounds_for(person: Person) -> list[CalibrationRound]:
    """The rounds `person` may see, newest first."""
    rounds = db.session.scalars(select(CalibrationRound).order_by(CalibrationRound.opens_on.desc(),
                                                                  CalibrationRound.id.desc()))
    if person.has_any_role(PLANNERS) or person.has_role(LEDELSE):
        return list(rounds)
    return [r for r in rounds if can_view(person, r)]


def submission_for(round_: CalibrationRound, person: Person) -> Submission | None:
    """`person`'s submission (draft or final) in the round, or None."""
    return db.session.scalar(select(Submission).where(Submission.round_id == round_.id,
                                                      Submission.rater_id == person.id))


def has_submitted(round_: CalibrationRound, person: Person) -> bool:
    """True when `person` has a final submission in the round."""
    submission = submission_for(round_, person)
    return submission is not None and submission.submitted_at is not None


def may_see_group_ratings(person: Person, round_: CalibrationRound) -> bool:
    """Blind rating: others' ratings are hidden until you have submitted, or the round is closed."""
    return round_.is_closed or has_submitted(round_, person)


def may_see_rater_name(viewer: Person, rater: Person) -> bool:
    """A rater's name in leniency results is shown to the rater, superusers of the rater's team,
    and the rater's nearest manager (leadership in the same team); everyone else sees it anonymised."""
    if viewer.id == rater.id:
        return True
    if rater.team_id is None:
        return False
    if viewer.has_role(SUPERBRUGER) and any(team.id == rater.team_id for team in viewer.supported_teams):
        return True
    return viewer.has_role(LEDELSE) and viewer.team_id == rater.team_id


def items_of(round_: CalibrationRound) -> list[tuple[Vignette, VignetteTheme]]:
    """Every (vignette, theme item) to rate in the round, in order."""
    return [(vignette, item) for vignette in round_.vignettes for item in vignette.items]


def parse_choice(choice: str | None) -> tuple[bool, int | None]:
    """Form choice → (answered, value): '0'–'4' → value, 'ir' → (True, None), '' → (False, None)."""
    choice = (choice or "").strip()
    if choice == NOT_RELEVANT:
        return True, None
    if choice in {"0", "1", "2", "3", "4"}:
        return True, int(choice)
    return False, None


def save_ratings(round_: CalibrationRound, rater: Person, answers: dict[tuple[int, int], tuple[str, str]],
                 submit: bool) -> Submission:
    """Save `rater`'s answers {(vignette_id, theme_id): (choice, reason)} as a draft, or submit them. Commits.

    Submitting is final and needs an answer (a value or "ikke relevant") for every theme.
    Raises CalibrationError when the round is closed, the rater is not invited or has submitted.
    """
    if round_.is_closed:
        raise CalibrationError(_("Runden er lukket, så der kan ikke længere vurderes."))
    if not is_invited(rater, round_):
        raise CalibrationError(_("Du er ikke inviteret til denne runde."))
    submission = submission_for(round_, rater)
    if submission is not None and submission.submitted_at is not None:
        raise CalibrationError(_("Du har allerede indsendt dine vurderinger."))
    keys = [(vignette.id, item.theme_id) for vignette, item in items_of(round_)]
    if submit and any(not parse_choice(answers.get(key, ("", ""))[0])[0] for key in keys):
        raise CalibrationError(_("Vælg en værdi eller 'ikke relevant' for alle temaer, før du indsender."))
    if submission is None:
        submission = Submission(round=round_, rater=rater, source=SOURCE_APP)
        db.session.add(submission)
    existing = {(r.vignette_id, r.theme_id): r for r in submission.ratings}
    for key in keys:
        choice, reason = answers.get(key, ("", ""))
        answered, value = parse_choice(choice)
        rating = existing.get(key)
        if not answered:
            if rating is not None:
                submission.ratings.remove(rating)
            continue
        if rating is None:
            rating = Rating(vignette_id=key[0], theme_id=key[1])
            submission.ratings.append(rating)
        rating.value = value
        rating.reason = (reason or "").strip()[:500]
    if submit:
        submission.submit()
    db.session.commit()
    return submission


def progress(round_: CalibrationRound) -> list[tuple[Person, str]]:
    """Each invited rater (and anyone imported) with 'submitted', 'draft' or 'missing', by name."""
    submissions = {s.rater_id: s for s in round_.submissions}
    team_ids = [team.id for team in round_.teams]
    people = list(db.session.scalars(select(Person).where(Person.team_id.in_(team_ids), Person.active.is_(True))
                                     .order_by(Person.name))) if team_ids else []
    people = [p for p in people if p.has_any_role(RATER_ROLES)]
    seen = {p.id for p in people}
    people += [s.rater for s in round_.submissions if s.rater_id not in seen]
    rows = []
    for person in people:
        submission = submissions.get(person.id)
        status = "missing" if submission is None else ("submitted" if submission.submitted_at else "draft")
        rows.append((person, status))
    return rows


def progress_counts(round_: CalibrationRound) -> tuple[int, int]:
    """(submitted, invited) for a round, counted with three small queries (for start-page boxes).

    Counts the same people as `progress`: active raters of the round's teams plus anyone
    with a submission.
    """
    from ..people.models import PersonRole

    team_ids = [team.id for team in round_.teams]
    invited = set(db.session.scalars(
        select(Person.id).where(Person.team_id.in_(team_ids), Person.active.is_(True),
                                Person.role_rows.any(PersonRole.role.in_(RATER_ROLES))))) if team_ids else set()
    rows = db.session.execute(select(Submission.rater_id, Submission.submitted_at)
                              .where(Submission.round_id == round_.id)).all()
    return sum(1 for _rater, at in rows if at is not None), len(invited | {rater for rater, _at in rows})


def open_rounds_to_rate(person: Person, today: date) -> list[CalibrationRound]:
    """Open rounds (already started) that invite `person` and that they have not submitted yet."""
    if not person.has_any_role(RATER_ROLES) or person.team_id is None:
        return []
    stmt = (select(CalibrationRound).join(CalibrationRound.teams)
            .where(Team.id == person.team_id, CalibrationRound.closed_at.is_(None),
                   CalibrationRound.opens_on <= today)
            .order_by(CalibrationRound.deadline))
    return [r for r in db.session.scalars(stmt) if not has_submitted(r, person)]


def is_admin_like(person: Person) -> bool:
    """True for administrators and project leaders (used for page links)."""
    return person.has_any_role((ADMIN, PROJEKTLEDER))
