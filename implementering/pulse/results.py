"""Published pulse results for a viewer's selection, built on the pure rules in analytics.pulse.

Only closed rounds are published: while a round is open, watching its figures change
with each new answer would give away the answer that changed them.
"""
from __future__ import annotations

import csv
import io
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from ..analytics.pulse import (CurvePoint, GroupResult, RawCell, combine, expected_phase, is_shown, item_stats,
                               motivation_curve, response_rate, shown_comments, weeks_between)
from ..extensions import db
from ..i18n import _
from ..people.models import Team
from .models import CLOSED, OPEN, Answer, AnswerValue, Comment, Invitation, Item, Response, Round

MOTIVATION_KEY = "motivation"


@dataclass
class Selection:
    """The teams and period a results page shows, and the minimum group size in force."""

    teams: list[Team]
    min_size: int
    since: date | None = None


@dataclass
class Published:
    """Everything a results page or export may show for a selection (suppression already applied)."""

    selection: Selection
    rounds: list[date] = field(default_factory=list)  # opening days of closed rounds, oldest first
    cells: dict[tuple[date, int], RawCell] = field(default_factory=dict)  # (opens_on, team_id)
    items: dict[int, Item] = field(default_factory=dict)
    invited: dict[tuple[date, int], int] = field(default_factory=dict)
    comments: dict[tuple[date, int], list[str]] = field(default_factory=dict)

    def cell_n(self, on: date, team_id: int) -> int:
        """Answers in a cell (0 when the team had no round that day)."""
        cell = self.cells.get((on, team_id))
        return cell.n if cell else 0

    def shown(self, on: date, team_id: int) -> bool:
        """True when the team's cell for that round may be shown."""
        return is_shown(self.cell_n(on, team_id), self.selection.min_size)

    def group(self, on: date | None = None, team_ids: list[int] | None = None) -> GroupResult:
        """The combined result of some teams (default all) in one round (default the latest)."""
        on = on or (self.rounds[-1] if self.rounds else None)
        ids = team_ids if team_ids is not None else [t.id for t in self.selection.teams]
        return combine([self.cells[(on, t)] for t in ids if (on, t) in self.cells], self.selection.min_size)

    @property
    def latest(self) -> date | None:
        """Opening day of the latest closed round in the selection."""
        return self.rounds[-1] if self.rounds else None

    def item_ids(self, on: date | None = None) -> list[int]:
        """Scale items asked in a round (default latest), in order."""
        on = on or self.latest
        ids = {item for (day, _t), cell in self.cells.items() if day == on for item in cell.values}
        return sorted(ids, key=lambda i: (self.items[i].position, self.items[i].version))

    def motivation_items(self) -> list[int]:
        """Ids of every wording (version) of the motivation item met in the selection, oldest first."""
        ids = {i for i, item in self.items.items() if item.key == MOTIVATION_KEY}
        return sorted(ids, key=lambda i: self.items[i].version)

    def curve(self, team: Team, item_id: int | None = None) -> list[CurvePoint]:
        """A team's motivation curve for one wording (default the newest); suppressed rounds have no mean.

        Rounds that asked another wording are left out, so a curve never mixes wordings.
        """
        item_id = item_id or (self.motivation_items() or [None])[-1]
        points = [(on, self.cells[(on, team.id)]) for on in self.rounds
                  if (on, team.id) in self.cells and item_id in self.cells[(on, team.id)].values]
        return motivation_curve(points, item_id, self.selection.min_size, team.go_live)

    def group_curve(self, team_ids: list[int], item_id: int | None = None) -> list[CurvePoint]:
        """The combined motivation curve of several teams for one wording (from shown cells only)."""
        item_id = item_id or (self.motivation_items() or [None])[-1]
        curve = []
        for on in self.rounds:
            cells = [self.cells[(on, t)] for t in team_ids
                     if (on, t) in self.cells and item_id in self.cells[(on, t)].values]
            if not cells:
                continue
            result = combine(cells, self.selection.min_size)
            stats = result.items.get(item_id)
            curve.append(CurvePoint(on, result.n, stats.mean if stats else None, stats.sd if stats else None, None))
        return curve

    def warning(self, team: Team):
        """The early warning for a team, from its shown means only (None when all is well)."""
        from .warnings import team_warning

        return team_warning([point.mean for point in self.curve(team)])

    def comments_for(self, on: date, team_ids: list[int], rng: random.Random | None = None) -> list[str]:
        """Comments of shown cells only, in random order."""
        pairs = [(self.cell_n(on, t), self.comments.get((on, t), [])) for t in team_ids]
        return shown_comments(pairs, self.selection.min_size, rng)

    def phase(self, team: Team, today: date) -> str | None:
        """Where the team is on the typical motivation curve (None without a go-live date)."""
        return expected_phase(weeks_between(team.go_live, today)) if team.go_live else None


def load_published(selection: Selection) -> Published:
    """Read the answers of closed rounds for the selection's teams and group them into cells."""
    published = Published(selection)
    team_ids = [team.id for team in selection.teams]
    if not team_ids:
        return published
    round_filter = [Round.status == CLOSED]
    if selection.since:
        round_filter.append(Round.opens_on >= selection.since)
    values: dict[tuple[date, int], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    stmt = (select(Round.opens_on, Answer.team_id, AnswerValue.item_id, AnswerValue.value)
            .join(Answer, Answer.round_id == Round.id).join(AnswerValue, AnswerValue.answer_id == Answer.id)
            .where(Answer.team_id.in_(team_ids), *round_filter))
    for on, team_id, item_id, value in db.session.execute(stmt):
        values[(on, team_id)][item_id].append(value)
    counts = db.session.execute(select(Round.opens_on, Answer.team_id, func.count(Answer.id))
                                .join(Answer, Answer.round_id == Round.id)
                                .where(Answer.team_id.in_(team_ids), *round_filter)
                                .group_by(Round.opens_on, Answer.team_id))
    for on, team_id, n in counts:
        published.cells[(on, team_id)] = RawCell(on, team_id, n, dict(values.get((on, team_id), {})))
    invited = db.session.execute(select(Round.opens_on, Invitation.team_id, func.count(Invitation.id))
                                 .join(Invitation, Invitation.round_id == Round.id)
                                 .where(Invitation.team_id.in_(team_ids), *round_filter)
                                 .group_by(Round.opens_on, Invitation.team_id))
    published.invited = {(on, team_id): n for on, team_id, n in invited}
    for on, team_id, text in db.session.execute(
            select(Round.opens_on, Comment.team_id, Comment.text).join(Comment, Comment.round_id == Round.id)
            .where(Comment.team_id.in_(team_ids), *round_filter)):
        published.comments.setdefault((on, team_id), []).append(text)
    published.rounds = sorted({on for on, _t in published.invited} | {on for on, _t in published.cells})
    item_ids = {item for cell in published.cells.values() for item in cell.values}
    if item_ids:
        published.items = {item.id: item for item in db.session.scalars(select(Item).where(Item.id.in_(item_ids)))}
    return published


def open_round_progress(teams: list[Team]) -> list[dict]:
    """For each open round touching `teams`: invited and answered counts (no names, no answers)."""
    team_ids = [team.id for team in teams]
    if not team_ids:
        return []
    rows = []
    for round_ in db.session.scalars(select(Round).where(Round.status == OPEN).order_by(Round.opens_on)):
        invited = db.session.scalar(select(func.count(Invitation.id)).where(
            Invitation.round_id == round_.id, Invitation.team_id.in_(team_ids))) or 0
        if not invited:
            continue
        answered = db.session.scalar(select(func.count()).select_from(Response).join(
            Invitation, (Invitation.round_id == Response.round_id) & (Invitation.person_id == Response.person_id))
            .where(Response.round_id == round_.id, Invitation.team_id.in_(team_ids))) or 0
        rows.append({"round": round_, "invited": invited, "answered": answered,
                     "rate": response_rate(answered, invited)})
    return rows


def export_csv(published: Published) -> str:
    """The published figures per round, team and item as CSV (semicolon, Danish decimal comma).

    Suppressed cells carry the reason instead of numbers; nothing below the threshold is written.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("Runde"), _("Team"), _("Spørgsmål"), _("Inviterede"), _("Svar"), _("Gennemsnit"),
                     _("Spredning"), "1", "2", "3", "4", "5", _("Bemærkning")])
    teams = {team.id: team for team in published.selection.teams}
    too_few = _("færre end %(n)s svar", n=published.selection.min_size)
    for on in published.rounds:
        for team_id, team in teams.items():
            invited = published.invited.get((on, team_id), 0)
            if not invited and (on, team_id) not in published.cells:
                continue
            if not published.shown(on, team_id):
                writer.writerow([on.isoformat(), team.name, "", invited, "", "", "", "", "", "", "", "", too_few])
                continue
            cell = published.cells[(on, team_id)]
            for item_id in sorted(cell.values, key=lambda i: published.items[i].position):
                stats = item_stats(cell.values[item_id])
                writer.writerow([on.isoformat(), team.name, published.items[item_id].series_label, invited, stats.n,
                                 f"{stats.mean:.2f}".replace(".", ","), f"{stats.sd:.2f}".replace(".", ","),
                                 *stats.distribution, ""])
    return out.getvalue()
