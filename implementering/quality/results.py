"""Results of quality checks: per criterion, per team and over time, filtered by area and period,
and the XLSX export. Loads plain tuples and leaves the arithmetic to analytics.quality."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..analytics.quality import Answer, Share, by_criterion, by_period, by_team, weakest_first
from ..cases.models import Case
from ..extensions import db
from ..people.models import Team
from .models import LEVELS, Criterion
from .review_models import SUBMITTED, Review, ReviewAnswer


def quarter(day) -> str:
    """'2026-K4' for a date or datetime."""
    return f"{day.year}-K{(day.month - 1) // 3 + 1}"


@dataclass
class Results:
    """Everything the results page and the export show."""

    criteria: list[tuple[str, str, Share]]        # (key, text, share), weakest first
    teams: list[tuple[str, Share]]                # (team name, share), weakest first
    periods: list[tuple[str, Share]]              # (quarter, share), oldest first
    reviews: int


def load_answers(department_id: int | None = None, team_id: int | None = None,
                 start: date | None = None, end: date | None = None) -> tuple[list[Answer], dict[str, str], dict, int]:
    """(answers, {criterion key: latest text}, {team id: name}, review count) of submitted reviews."""
    stmt = (select(Criterion.key, Criterion.text, Criterion.version_id, Case.team_id, Review.submitted_at,
                   ReviewAnswer.level, Review.id)
            .join(Review, ReviewAnswer.review_id == Review.id)
            .join(Criterion, ReviewAnswer.criterion_id == Criterion.id)
            .join(Case, Review.case_id == Case.id)
            .where(Review.status == SUBMITTED))
    if department_id:
        stmt = stmt.where(Case.department_id == department_id)
    if team_id:
        stmt = stmt.where(Case.team_id == team_id)
    if start:
        stmt = stmt.where(Review.submitted_at >= start)
    if end:
        stmt = stmt.where(Review.submitted_at < date.fromordinal(end.toordinal() + 1))
    answers, texts, versions, review_ids = [], {}, {}, set()
    for key, text, version_id, team, submitted_at, level, review_id in db.session.execute(stmt):
        answers.append(Answer(key, team, quarter(submitted_at), level))
        if version_id >= versions.get(key, 0):
            texts[key], versions[key] = text, version_id
        review_ids.add(review_id)
    names = dict(db.session.execute(select(Team.id, Team.name)).all())
    return answers, texts, names, len(review_ids)


def compute_results(**filters) -> Results:
    """Shares per criterion (weakest first), per team (weakest first) and per quarter."""
    answers, texts, names, count = load_answers(**filters)
    criteria = by_criterion(answers)
    teams = by_team(answers)
    team_order = sorted(teams, key=lambda t: (teams[t].positive_share is None, teams[t].positive_share or 0))
    return Results(
        criteria=[(key, texts.get(key, key), criteria[key]) for key in weakest_first(criteria)],
        teams=[(names.get(t, str(t)), teams[t]) for t in team_order],
        periods=list(by_period(answers).items()),
        reviews=count,
    )


def percent(share: float | None) -> str:
    """'63 %' or '–'."""
    return "–" if share is None else f"{round(share * 100)} %"


def export_xlsx(results: Results) -> bytes:
    """The results as a workbook: one sheet per view (criteria, teams, quarters)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Kriterier"
    level_names = [str(label) for label in LEVELS.values()]
    sheet.append(["Kriterium", "Andel i høj/nogen grad", "Vurderet", *level_names])
    for _key, text, share in results.criteria:
        sheet.append([text, share.positive_share, share.rated, *share.counts.values()])
    teams = book.create_sheet("Teams")
    teams.append(["Team", "Andel i høj/nogen grad", "Vurderet"])
    for name, share in results.teams:
        teams.append([name, share.positive_share, share.rated])
    periods = book.create_sheet("Udvikling")
    periods.append(["Kvartal", "Andel i høj/nogen grad", "Vurderet"])
    for period, share in results.periods:
        periods.append([period, share.positive_share, share.rated])
    for ws in book.worksheets:
        ws.column_dimensions["A"].width = 60
        for row in ws.iter_rows(min_row=2, min_col=2, max_col=2):
            for cell in row:
                cell.number_format = "0%"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
