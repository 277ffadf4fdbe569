"""Demo case register: three years of cases per team; VUM use rises after each team's go-live.

small: about 1,800 cases; large: about 60,000. Bulk inserts keep 'large' to a few seconds.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert, select

from implementering.cases.models import CHANGE, FOLLOW_UP, NEW, STEP_COLUMNS, Case, CaseRating
from implementering.database import utcnow
from implementering.extensions import db
from implementering.settings.models import Theme

CASES_PER_TEAM = {"small": 300, "large": 1500}
DAYS = 3 * 365


def _vum_probability(days_since_go_live: int | None) -> float:
    """Share of new cases handled with VUM: little before go-live, then rising to about 90 %."""
    if days_since_go_live is None or days_since_go_live < 0:
        return 0.03
    return min(0.9, 0.35 + days_since_go_live / 400)


def build_cases_demo(ctx) -> None:
    """Add cases (with steps and some 0–4 ratings) for every team. Adds to ctx.summary['cases']."""
    rng = ctx.rng
    themes = list(db.session.scalars(select(Theme.id).where(Theme.active.is_(True))))
    per_team = CASES_PER_TEAM.get(ctx.size, 300)
    now = utcnow()
    rows, ratings_for = [], []
    number = 0
    for team in ctx.teams:
        workers = [p for p in ctx.persons if p.team_id == team.id] or [None]
        for _ in range(per_team):
            number += 1
            opened = ctx.today - timedelta(days=rng.randint(0, DAYS))
            since = (opened - team.go_live).days if team.go_live else None
            case_type = rng.choices([NEW, FOLLOW_UP, CHANGE], weights=[6, 3, 1])[0]
            vum = rng.random() < _vum_probability(since)
            worker = rng.choice(workers)
            row = {"reference": f"S{opened.year % 100:02d}-{number:06d}", "team_id": team.id,
                   "department_id": team.department_id, "caseworker_id": worker.id if worker else None,
                   "opened_on": opened, "case_type": case_type, "handled_with_vum": vum,
                   "created_at": now, "updated_at": now}
            for column in STEP_COLUMNS.values():
                row[column] = vum and rng.random() < 0.75
            rows.append(row)
            rated = vum and rng.random() < (0.35 if ctx.size == "small" else 0.12)
            ratings_for.append(rng.sample(themes, k=min(len(themes), rng.randint(3, 6))) if rated and themes else [])
    ids = list(db.session.scalars(insert(Case).returning(Case.id, sort_by_parameter_order=True), rows))
    rating_rows = [{"case_id": case_id, "theme_id": theme_id, "value": rng.choices(range(5), weights=[2, 4, 4, 3, 1])[0]}
                   for case_id, chosen in zip(ids, ratings_for) for theme_id in chosen]
    if rating_rows:
        db.session.execute(insert(CaseRating), rating_rows)
    db.session.commit()
    ctx.summary["cases"] = len(ids)
    ctx.summary["case_ratings"] = len(rating_rows)
