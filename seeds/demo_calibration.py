"""Demo calibration data: quarterly rounds over two years, converging themes, one that stays poor.

Each rater gets a fixed personal tilt (a few clearly higher or lower than colleagues);
the noise on most themes shrinks round by round, while 'Socialt liv' stays noisy.
The newest round is still open, and the demo case worker has not rated it yet.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import insert, select

from implementering.calibration.models import (SOURCE_APP, SOURCE_PAPER, CalibrationRound, Rating,
                                               RoundVignette, Submission, Vignette)
from implementering.database import utcnow
from implementering.extensions import db
from implementering.security import SAGSBEHANDLER, SUPERBRUGER

from .defaults_calibration import load_calibration_defaults

ROUNDS = 8
POOR_THEME = "socialt_liv"
SEASONS = {1: "vinter", 2: "vinter", 3: "forår", 4: "forår", 5: "forår", 6: "sommer", 7: "sommer", 8: "sommer",
           9: "efterår", 10: "efterår", 11: "efterår", 12: "vinter"}


def build_calibration_demo(ctx) -> None:
    """Create the demo rounds, submissions and ratings (uses ctx.rng only; bulk inserts)."""
    load_calibration_defaults()
    rng = ctx.rng
    vignettes = list(db.session.scalars(select(Vignette).order_by(Vignette.id)))
    if not vignettes:
        return
    opener = ctx.accounts.get("superbruger@demo.dk") or ctx.accounts.get("projektleder@demo.dk")
    raters_by_team = {team.id: [p for p in ctx.persons if p.team_id == team.id and p.active
                                and p.has_any_role((SAGSBEHANDLER, SUPERBRUGER))] for team in ctx.teams}
    tilt = {}
    for person in ctx.persons:
        roll = rng.random()
        tilt[person.id] = rng.choice([-0.9, 0.9]) if roll < 0.1 else rng.gauss(0, 0.12)
    demo_worker = ctx.accounts.get("sagsbehandler@demo.dk")
    if demo_worker is not None:
        tilt[demo_worker.id] = 0.6  # the demo case worker rates visibly higher than colleagues
    teams_per_round = 3 if ctx.size == "small" else 12
    rounds = submissions = ratings = 0
    for index in range(ROUNDS):
        opens = ctx.today - timedelta(days=91 * (ROUNDS - 1 - index) + 14)
        is_last = index == ROUNDS - 1
        chosen = [ctx.teams[0]] + rng.sample(ctx.teams[1:], min(teams_per_round - 1, len(ctx.teams) - 1))
        picked = rng.sample(vignettes, min(4, len(vignettes)))
        round_ = CalibrationRound(
            title=f"Kalibrering {SEASONS[opens.month]} {opens.year}", opens_on=opens,
            deadline=opens + timedelta(days=21), opened_by=opener,
            closed_at=None if is_last else _closing_time(opens + timedelta(days=22)),
        )
        round_.teams = chosen
        round_.round_vignettes = [RoundVignette(vignette=v, position=i) for i, v in enumerate(picked)]
        db.session.add(round_)
        db.session.flush()
        rounds += 1
        progress = index / (ROUNDS - 1)
        raters = []
        for team in chosen:
            for person in raters_by_team.get(team.id, []):
                if is_last and (person is demo_worker or rng.random() < 0.5):
                    continue  # the open round is only half done, and waits for the demo case worker
                if not is_last and rng.random() < 0.1:
                    continue  # a few miss every round
                raters.append(person)
        source = SOURCE_PAPER if index < 2 else SOURCE_APP  # the first rounds were done on paper
        stamp = utcnow()
        submission_rows = [{"round_id": round_.id, "rater_id": person.id, "source": source,
                            "submitted_at": _closing_time(opens + timedelta(days=rng.randint(1, 20))),
                            "created_at": stamp, "updated_at": stamp} for person in raters]
        ids = list(db.session.scalars(
            insert(Submission).returning(Submission.id, sort_by_parameter_order=True), submission_rows)
        ) if submission_rows else []
        submissions += len(ids)
        rows = []
        for submission_id, person in zip(ids, raters):
            for vignette in picked:
                for item in vignette.items:
                    rows.append(_rating_row(rng, submission_id, vignette.id, item, tilt[person.id], progress))
        if rows:
            db.session.execute(insert(Rating), rows)
            ratings += len(rows)
    db.session.commit()
    ctx.summary.update(calibration_rounds=rounds, calibration_submissions=submissions, calibration_ratings=ratings)


def _closing_time(day):
    """Midday UTC on `day`, as a naive datetime."""
    return datetime(day.year, day.month, day.day, 11, 0)


def _rating_row(rng, submission_id: int, vignette_id: int, item, tilt: float, progress: float) -> dict:
    """One rating near the reference: personal tilt plus noise that shrinks unless the theme stays poor."""
    reference = item.reference_value if item.reference_value is not None else 2
    if item.theme.key == POOR_THEME:
        spread = 1.25
    else:
        spread = 1.2 - 1.15 * progress
    if rng.random() < 0.03:
        value = None  # "ikke relevant"
    else:
        value = int(round(min(4.0, max(0.0, reference + tilt * (1 - 0.3 * progress) + rng.gauss(0, spread)))))
    now = utcnow()
    return {"submission_id": submission_id, "vignette_id": vignette_id, "theme_id": item.theme_id,
            "value": value, "reason": "", "created_at": now, "updated_at": now}
