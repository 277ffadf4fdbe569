"""Builders for cases and themes in tests."""
from __future__ import annotations

import itertools
from datetime import date

from implementering.cases.models import Case, CaseRating
from implementering.extensions import db
from implementering.settings.models import ScaleLevel, Theme
from tests.builders import make_team

_counter = itertools.count(1)


def make_themes(*keys: str) -> list[Theme]:
    """Active themes with the given keys (default: egenomsorg, mobilitet) and the 0–4 scale."""
    themes = []
    for position, key in enumerate(keys or ("egenomsorg", "mobilitet")):
        theme = Theme(key=key, name=key.replace("_", " ").capitalize(), position=position)
        db.session.add(theme)
        themes.append(theme)
    if not db.session.query(ScaleLevel).count():
        for value in range(5):
            db.session.add(ScaleLevel(value=value, label=f"Niveau {value}"))
    db.session.commit()
    return themes


def make_case(reference: str | None = None, team=None, caseworker=None, opened_on: date | None = None,
              case_type: str = "ny", handled_with_vum: bool = True, ratings: dict | None = None, **kwargs) -> Case:
    """A case in `team` (a new team unless given), opened today unless told otherwise."""
    team = team or (caseworker.team if caseworker is not None and caseworker.team else None) or make_team()
    case = Case(reference=reference or f"SAG-{next(_counter):05d}", team_id=team.id,
                department_id=team.department_id, caseworker_id=caseworker.id if caseworker else None,
                opened_on=opened_on or date.today(), case_type=case_type, handled_with_vum=handled_with_vum,
                **kwargs)
    for theme, value in (ratings or {}).items():
        case.ratings.append(CaseRating(theme_id=theme.id, value=value))
    db.session.add(case)
    db.session.commit()
    return case
