"""Builders for calibration test data: themes, vignettes, rounds and submitted ratings."""
from __future__ import annotations

import itertools
from datetime import date, timedelta

from implementering.calibration.models import (CalibrationRound, Rating, RoundVignette, Submission, Vignette,
                                               VignetteTheme)
from implementering.database import utcnow
from implementering.extensions import db
from implementering.settings.models import ScaleLevel, Theme

_counter = itertools.count(1)


def make_themes(*keys: str) -> list[Theme]:
    """Themes with these keys (default: mobilitet and socialt_liv), plus the five scale labels."""
    keys = keys or ("mobilitet", "socialt_liv")
    themes = []
    for position, key in enumerate(keys):
        theme = db.session.query(Theme).filter_by(key=key).one_or_none()
        if theme is None:
            theme = Theme(key=key, name=key.replace("_", " ").capitalize(), position=position,
                          kind="funktion" if key.endswith("funktioner") else "aktivitet")
            db.session.add(theme)
        themes.append(theme)
    if not db.session.query(ScaleLevel).count():
        for value, label in enumerate(["Ingen", "Lette", "Moderate", "Svære", "Totale"]):
            db.session.add(ScaleLevel(value=value, label=f"{label} begrænsninger"))
    db.session.commit()
    return themes


def make_vignette(themes=None, references: dict | None = None, title: str | None = None) -> Vignette:
    """A vignette rating `themes`; `references` maps theme key to (value, reason)."""
    themes = themes or make_themes()
    references = references or {}
    vignette = Vignette(title=title or f"Vignet {next(_counter)}", text="En fiktiv borger.")
    for position, theme in enumerate(themes):
        value, reason = references.get(theme.key, (None, ""))
        vignette.items.append(VignetteTheme(theme=theme, position=position, reference_value=value,
                                            reference_reason=reason))
    db.session.add(vignette)
    db.session.commit()
    return vignette


def make_round(vignettes, teams, opened_by=None, closed: bool = False, opens_on: date | None = None,
               title: str | None = None) -> CalibrationRound:
    """A round over `vignettes` inviting `teams` (closed if asked)."""
    opens_on = opens_on or date(2026, 3, 2)
    round_ = CalibrationRound(title=title or f"Runde {next(_counter)}", opens_on=opens_on,
                              deadline=opens_on + timedelta(days=14), opened_by=opened_by,
                              closed_at=utcnow() if closed else None)
    round_.teams = list(teams)
    round_.round_vignettes = [RoundVignette(vignette=v, position=i) for i, v in enumerate(vignettes)]
    db.session.add(round_)
    db.session.commit()
    return round_


def submit_ratings(round_, person, values: dict, reason: str = "") -> Submission:
    """A final submission: `values` maps (vignette, theme) objects to a value or None (ikke relevant)."""
    ratings = [Rating(vignette_id=vignette.id, theme_id=theme.id, value=value, reason=reason)
               for (vignette, theme), value in values.items()]
    submission = Submission(round_id=round_.id, rater_id=person.id, submitted_at=utcnow(), ratings=ratings)
    db.session.add(submission)
    db.session.commit()
    return submission
