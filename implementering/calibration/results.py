"""Results of calibration rounds: loads ratings and hands them to the pure statistics.

Nothing here changes data. Danish sentences for the statistics' problem codes and the
one-sentence readings under charts live here too, so `analytics/` stays free of Flask.
"""
from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from babel.numbers import format_decimal
from sqlalchemy import select

from ..analytics import agreement as ag
from ..extensions import db
from ..i18n import _, _l
from ..people.models import Person
from .models import CalibrationRound, Rating, Submission

#: Resamples for the confidence intervals shown on pages (seeded, so a page never changes on reload).
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 2026

PROBLEM_TEXTS = {
    ag.NO_DATA: _l("Ingen vurderinger endnu."),
    ag.TOO_FEW_PAIRABLE: _l("For få data: mindst to bedømmere skal have vurderet det samme tema."),
    ag.NO_VARIATION: _l("Kan ikke beregnes: alle har givet samme værdi, så der er ingen variation at måle enighed på."),
    ag.TOO_FEW_UNITS_FOR_CI: _l("For få vurderede enheder til et sikkerhedsinterval."),
    ag.NO_OTHER_RATERS: _l("Ingen kolleger har vurderet de samme temaer."),
}

LEVEL_LABELS = {
    "ordinal": _l("Ordinal (standard)"),
    "nominal": _l("Nominal"),
    "interval": _l("Interval"),
    "ratio": _l("Ratio"),
}


def problem_text(code: str | None) -> str:
    """Danish explanation of a statistics problem code ('' for None)."""
    return str(PROBLEM_TEXTS.get(code, "")) if code else ""


def decimal(value: float | None, digits: int = 2) -> str:
    """'0,58' (Danish decimal comma); '–' for None."""
    if value is None:
        return "–"
    return format_decimal(round(value, digits), format="0." + "0" * digits, locale="da_DK")


def signed(value: float | None, digits: int = 2) -> str:
    """'+0,25' / '−0,50' with an explicit sign; '–' for None."""
    if value is None:
        return "–"
    text = decimal(abs(value), digits)
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


def band_label(result: ag.AlphaResult) -> tuple[str, str]:
    """(Danish label, status-tag kind) for an alpha value; the label carries the meaning, not the colour."""
    return {
        "reliable": (_("God enighed"), "success"),
        "tentative": (_("Foreløbig enighed"), "warning"),
        "low": (_("Lav enighed"), "error"),
    }.get(result.band, (_("Kan ikke beregnes"), "neutral"))


def trend_sentence(theme: str, first: float | None, last: float | None) -> str:
    """'Tema Mobilitet: enigheden er steget fra 0,58 til 0,74' (or fallen, or unchanged)."""
    if first is None or last is None:
        return _("Tema %(theme)s: for få data til at vise en udvikling.", theme=theme)
    if round(last, 2) > round(first, 2):
        return _("Tema %(theme)s: enigheden er steget fra %(a)s til %(b)s.", theme=theme, a=decimal(first), b=decimal(last))
    if round(last, 2) < round(first, 2):
        return _("Tema %(theme)s: enigheden er faldet fra %(a)s til %(b)s.", theme=theme, a=decimal(first), b=decimal(last))
    return _("Tema %(theme)s: enigheden er uændret på %(a)s.", theme=theme, a=decimal(first))


# --- loading -----------------------------------------------------------------------------------

def submitted_ratings(round_: CalibrationRound, team_id: int | None = None) -> list[tuple[int, int, int, int | None]]:
    """(rater_id, vignette_id, theme_id, value) of every final submission, optionally one team's raters."""
    stmt = (select(Submission.rater_id, Rating.vignette_id, Rating.theme_id, Rating.value)
            .join(Rating, Rating.submission_id == Submission.id)
            .where(Submission.round_id == round_.id, Submission.submitted_at.is_not(None))
            .order_by(Submission.rater_id, Rating.vignette_id, Rating.theme_id))
    if team_id is not None:
        stmt = stmt.join(Person, Person.id == Submission.rater_id).where(Person.team_id == team_id)
    return [tuple(row) for row in db.session.execute(stmt)]


@dataclass
class Cell:
    """What the group said about one theme of one vignette."""

    counts: Counter = field(default_factory=Counter)  # value -> number of raters
    not_relevant: int = 0
    reference: int | None = None
    reason: str = ""

    @property
    def median(self) -> float | None:
        """The median of the values given (None when nobody gave one)."""
        values = list(self.counts.elements())
        return float(statistics.median(values)) if values else None


@dataclass
class RoundResults:
    """Everything the results page shows about one closed round."""

    round: CalibrationRound
    level: str
    agreement: ag.RoundAgreement
    profiles: list[ag.RaterProfile]
    cells: dict  # (vignette_id, theme_id) -> Cell
    raters: dict  # rater_id -> Person
    ratings: list

    @property
    def rater_count(self) -> int:
        """Number of raters with a final submission."""
        return len(self.raters)


def reference_map(round_: CalibrationRound) -> dict[tuple[int, int], int]:
    """(vignette_id, theme_id) → reference value, where the panel has given one."""
    return {(vignette.id, item.theme_id): item.reference_value
            for vignette in round_.vignettes for item in vignette.items if item.reference_value is not None}


def round_results(round_: CalibrationRound, level: str = ag.DEFAULT_LEVEL, bootstrap: int = BOOTSTRAP_SAMPLES,
                  team_id: int | None = None) -> RoundResults:
    """Alpha (overall, per theme, per vignette, with CIs), rater profiles and per-cell distributions."""
    ratings = submitted_ratings(round_, team_id)
    themes = []
    for vignette in round_.vignettes:
        for item in vignette.items:
            if item.theme_id not in themes:
                themes.append(item.theme_id)
    agreement = ag.round_agreement(ratings, level=level, bootstrap=bootstrap, seed=BOOTSTRAP_SEED,
                                   themes=themes, vignettes=[v.id for v in round_.vignettes])
    references = reference_map(round_)
    profiles = ag.rater_profiles(ratings, references)
    cells: dict = {}
    for vignette in round_.vignettes:
        for item in vignette.items:
            cells[(vignette.id, item.theme_id)] = Cell(reference=item.reference_value, reason=item.reference_reason)
    for _rater, vignette_id, theme_id, value in ratings:
        cell = cells.setdefault((vignette_id, theme_id), Cell())
        if value is None:
            cell.not_relevant += 1
        else:
            cell.counts[value] += 1
    rater_ids = sorted({r[0] for r in ratings})
    raters = {p.id: p for p in db.session.scalars(select(Person).where(Person.id.in_(rater_ids)))} if rater_ids else {}
    return RoundResults(round_, level, agreement, profiles, cells, raters, ratings)


def team_alphas(round_: CalibrationRound, level: str = ag.DEFAULT_LEVEL) -> list[tuple[object, ag.AlphaResult]]:
    """Overall alpha per invited team (for leadership), without confidence intervals."""
    rows = []
    for team in round_.teams:
        ratings = submitted_ratings(round_, team.id)
        rows.append((team, ag.alpha_of_ratings(((r, (v, t), x) for r, v, t, x in ratings), level)))
    return rows


def closed_rounds(team_id: int | None = None) -> list[CalibrationRound]:
    """Closed rounds, oldest first (optionally only rounds that invited `team_id`)."""
    stmt = select(CalibrationRound).where(CalibrationRound.closed_at.is_not(None)).order_by(
        CalibrationRound.opens_on, CalibrationRound.id)
    rounds = list(db.session.scalars(stmt))
    if team_id:
        rounds = [r for r in rounds if any(t.id == team_id for t in r.teams)]
    return rounds


def theme_trend(rounds: list[CalibrationRound], level: str = ag.DEFAULT_LEVEL, team_id: int | None = None,
                bootstrap: int = BOOTSTRAP_SAMPLES) -> dict[int, list[tuple[CalibrationRound, ag.AlphaResult]]]:
    """theme_id → [(round, alpha with CI)] over `rounds`, for the trend chart."""
    trend: dict = defaultdict(list)
    for round_ in rounds:
        ratings = submitted_ratings(round_, team_id)
        by_theme = defaultdict(list)
        for rater, vignette, theme, value in ratings:
            by_theme[theme].append((rater, vignette, value))
        for theme, rows in by_theme.items():
            trend[theme].append((round_, ag.alpha_of_ratings(rows, level, bootstrap, BOOTSTRAP_SEED)))
    return dict(trend)
