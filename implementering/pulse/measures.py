"""The pulse's figure for SMART goals in the plan: the municipality's current motivation mean."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from ..analytics.pulse import combine
from ..extensions import db
from ..i18n import _l
from ..people.models import Team

#: A team's latest closed round counts when it opened at most this long before the day.
RECENT_DAYS = 70


def current_motivation_mean(today: date) -> float | None:
    """Mean motivation (1–5) over every team's latest closed round in the last RECENT_DAYS days.

    Follows the anonymity rule: only teams whose own round can be shown enter, and None is
    returned when the combined group is itself below the minimum group size. Rounds asked
    with different wordings of the motivation item are not mixed: the newest wording is used.
    """
    from .results import MOTIVATION_KEY, Selection, load_published
    from .services import min_group_size

    teams = list(db.session.scalars(select(Team).where(Team.active.is_(True))))
    published = load_published(Selection(teams=teams, min_size=min_group_size(),
                                         since=today - timedelta(days=RECENT_DAYS)))
    latest: dict = {}
    for (on, team_id), cell in published.cells.items():
        if on <= today and (team_id not in latest or on > latest[team_id].round_key):
            latest[team_id] = cell
    wordings = [i for i in published.motivation_items()]
    if not latest or not wordings:
        return None
    result = combine(latest.values(), published.selection.min_size)
    stats = result.items.get(wordings[-1])
    if result.suppressed or stats is None or not stats.n:
        return None
    return round(stats.mean, 2)


def register_goal_measures() -> None:
    """Offer the motivation mean as a computed measure for plan goals."""
    from ..plan.goals import register_measure

    register_measure("pulse_motivation", _l("Motivation, gennemsnit på skalaen 1–5 (seneste runde)"), "",
                     current_motivation_mean)
