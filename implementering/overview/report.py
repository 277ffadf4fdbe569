"""The overview's content: key figures with traffic lights, the compass per team, and every figure
with its table and a one-sentence reading. Built from `sources` (SQL aggregates) and the pure
rules in analytics.compass / analytics.adoption; the views and the XLSX export only show it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from flask import url_for
from werkzeug.routing import BuildError

from ..analytics import compass as cp
from ..analytics.agreement import alpha_from_counts
from ..charts import overview as ch
from ..database import utcnow
from ..i18n import _, _l
from . import readings
from . import sources as src

AREA_LABELS = {
    cp.READINESS: _l("Parathed"), cp.TRAINING: _l("Uddannelse"), cp.ADOPTION: _l("Anvendelse"),
    cp.QUALITY: _l("Kvalitet"), cp.CONSISTENCY: _l("Ensartethed"), cp.MOTIVATION: _l("Motivation"),
}

#: Targets used when the rollout plan has no goal on the figure: (value, higher is better).
DEFAULT_TARGETS = {
    "plan_done_share": (90.0, True),
    "plan_overdue": (0.0, False),
    "readiness_share": (80.0, True),
    "training_coverage": (90.0, True),
    "adoption_share": (80.0, True),
    "quality_share": (67.0, True),
    "motivation_mean": (3.5, True),
    "consistency_alpha": (0.667, True),
}
#: Recent weeks the adoption key figure covers.
ADOPTION_WEEKS = 4


def area_label(area: str) -> str:
    """Danish label of a compass area."""
    return str(AREA_LABELS[area])


def detail_url(*endpoints: str, **values) -> str | None:
    """The first of `endpoints` (other domains' pages) that exists and the current user may open, else None."""
    from flask import current_app, has_request_context
    from flask_login import current_user

    if not has_request_context():  # the monthly e-mail job: no links
        return None
    for endpoint in endpoints:
        view = current_app.view_functions.get(endpoint)
        roles = getattr(view, "access_roles", None)
        if view is None or (roles is not None and not current_user.has_any_role(roles)):
            continue
        try:
            return url_for(endpoint, **values)
        except BuildError:
            continue
    return None


@dataclass
class KeyFigure:
    """One key figure: value, unit, traffic light against its target, sparkline and reading."""

    key: str
    label: str
    value: float | None
    text: str
    target: float | None = None
    higher_is_better: bool = True
    light: str | None = None
    from_goal: bool = False
    #: (endpoints to try, URL values): resolved per request, as the overview is cached across viewers.
    link: tuple = ((), {})
    previous: float | None = None
    spark: ch.Chart | None = None
    reading: str = ""
    digits: int = 0

    @property
    def href(self) -> str | None:
        """The detail page for this figure that the current user may open (None when there is none)."""
        endpoints, values = self.link
        return detail_url(*endpoints, **values)

    @property
    def light_label(self) -> str:
        """Danish word for the light (shown beside the colour, never colour alone)."""
        if self.value is None:
            return _("Ingen data")
        return {cp.GREEN: _("Grøn: målet er nået"), cp.YELLOW: _("Gul: tæt på målet"),
                cp.RED: _("Rød: langt fra målet")}.get(self.light or "", _("Intet mål"))

    @property
    def light_tag(self) -> str:
        """CSS modifier for the status tag."""
        return {cp.GREEN: "status-success", cp.YELLOW: "status-warning", cp.RED: "status-error"}.get(
            self.light or "", "status-neutral")

    @property
    def target_text(self) -> str:
        """'Mål: 90' with the direction, or ''."""
        if self.target is None:
            return ""
        sign = "≥" if self.higher_is_better else "≤"
        return _("Mål: %(sign)s %(value)s", sign=sign, value=ch.fmt(self.target, self.digits))


@dataclass
class TeamCompass:
    """One team's compass: the current and previous quarter's score per area."""

    team: object
    current: dict[str, float | None]
    previous: dict[str, float | None]

    @property
    def overall(self) -> float | None:
        """Mean of the current quarter's known areas."""
        return cp.overall(self.current)

    @property
    def overall_change(self) -> float | None:
        """Change of the overall score since the previous quarter."""
        return cp.change(self.overall, cp.overall(self.previous))

    def radar(self, quarter: cp.Quarter, title: str | None = None) -> ch.Chart:
        """The team's radar chart with the previous quarter beside the current."""
        return radar_chart(self.current, self.previous, quarter, title or _("Kompas for %(team)s", team=self.team.name))


@dataclass
class Milestones:
    """Cumulative VUM cases of a team and the milestones it has reached."""

    team: object
    total: int
    latest: int | None
    next: int | None
    reached_week: dict[int, date] = field(default_factory=dict)


@dataclass
class Overview:
    """Everything the overview (or a team page) shows for a scope."""

    scope: src.Scope
    quarter: cp.Quarter
    key_figures: list[KeyFigure]
    compasses: list[TeamCompass]
    charts: dict[str, ch.Chart]
    readings: dict[str, str]
    milestones: list[Milestones]
    not_started: list
    median_course_to_case: float | None
    trainees: dict
    min_group_size: int
    compass_scope: TeamCompass | None = None
    computed_at: datetime | None = None
    #: Shown pulse cells per team (each with at least `min_group_size` answers).
    pulses: dict = field(default_factory=dict)

    def chart(self, key: str) -> ch.Chart | None:
        """A chart by key."""
        return self.charts.get(key)


def radar_chart(current: dict, previous: dict, quarter: cp.Quarter, title: str) -> ch.Chart:
    """The radar of a compass (labels translated)."""
    return ch.radar([area_label(a) for a in cp.AREAS], [current.get(a) for a in cp.AREAS],
                    [previous.get(a) for a in cp.AREAS], title=title, current_label=quarter.label,
                    previous_label=quarter.previous().label, area_column=_("Område"))


def _quarters_back(today: date, count: int) -> list[cp.Quarter]:
    """The last `count` quarters up to the one holding `today`, oldest first."""
    quarters = [cp.quarter_of(today)]
    while len(quarters) < count:
        quarters.insert(0, quarters[0].previous())
    return quarters


def _target(key: str, goals: dict) -> tuple[float | None, bool, bool]:
    """(target, higher is better, from a goal) for a key figure."""
    if key in goals:
        target, higher = goals[key]
        return target, higher, True
    target, higher = DEFAULT_TARGETS.get(key, (None, True))
    return target, higher, False


def _alpha(rows) -> float | None:
    """Krippendorff's alpha (ordinal) from (unit, value, count) rows; None when undefined."""
    import numpy as np

    units: dict = defaultdict(lambda: [0] * 5)
    for unit, value, n in rows:
        if 0 <= value <= 4:
            units[unit][value] += n
    if not units:
        return None
    return alpha_from_counts(np.array(list(units.values()))).alpha


@dataclass
class Raw:
    """Everything read from the database for one scope (each source once)."""

    scope: src.Scope
    quarters: list[cp.Quarter]
    goals: dict
    weeks: dict
    steps: dict
    people: dict
    plan_team: dict
    plan_all: list
    overdue_all: int
    overdue_team: dict
    checklist: list
    quality: dict
    min_size: int
    pulses: dict
    calibration: dict
    support: dict

    @property
    def teams(self) -> list:
        """The teams in scope."""
        return self.scope.teams

    @property
    def today(self) -> date:
        """The day the overview is made for."""
        return self.scope.today


def read_sources(scope: src.Scope) -> Raw:
    """Run every source query once for `scope` (a fixed number of queries)."""
    quarters = _quarters_back(scope.today, max(2, (scope.months + 2) // 3 + 1))
    plan_team, plan_all, overdue_all, overdue_team = src.plan_progress(scope, quarters)
    min_size = src.min_group_size()
    new_since = min(scope.since, quarters[-2].start)  # the period and the compass's two quarters
    return Raw(scope, quarters, src.goal_targets(), src.adoption_weeks(scope, new_since),
               src.step_counts(scope, scope.since),
               src.trainees(scope), plan_team, plan_all, overdue_all, overdue_team, src.checklist_shares(quarters),
               src.quality_months(scope), min_size, src.pulse_cells(scope, min_size),
               src.calibration_counts(scope, quarters[0].previous().start), src.support_months(scope))


def _in(q: cp.Quarter, day: date) -> bool:
    """True when `day` falls in quarter `q`."""
    return q.start <= day <= q.end


def team_scores(raw: Raw, team, qi: int) -> dict[str, float | None]:
    """One team's compass scores in quarter `raw.quarters[qi]` (counted up to its end, or today)."""
    q = raw.quarters[qi]
    cut = min(q.end, raw.today)
    plan = raw.plan_team.get(team.id, [src.PlanCounts()] * len(raw.quarters))[qi]
    members = raw.people.get(team.id, [])
    trained = sum(1 for p in members if p.course_on and p.course_on <= cut)
    in_quarter = [c for d, c in raw.weeks.get(team.id, {}).items() if _in(q, d)]
    points = src.Points()
    for month, p in raw.quality.get(team.id, {}).items():
        if _in(q, month):
            points.add(p)
    window = q.previous().start
    alpha = _alpha([(u, v, n) for deadline, u, v, n in raw.calibration.get(team.id, []) if window <= deadline <= cut])
    mean, _n = src.pooled_mean([c for c in raw.pulses.get(team.id, []) if _in(q, c.on)])
    return {
        cp.READINESS: cp.readiness_score(raw.checklist[qi], plan.done, plan.due),
        cp.TRAINING: cp.training_score(trained, len(members)),
        cp.ADOPTION: cp.adoption_score(sum(c.new_vum for c in in_quarter), sum(c.new for c in in_quarter)),
        cp.QUALITY: cp.quality_score(points.points, points.possible),
        cp.CONSISTENCY: cp.consistency_score(alpha),
        cp.MOTIVATION: cp.motivation_score(mean),
    }


def compasses_for(raw: Raw) -> tuple[list[TeamCompass], TeamCompass | None]:
    """Each team's compass (current and previous quarter) and the scope's (the mean of the teams per area)."""
    last, prev = len(raw.quarters) - 1, len(raw.quarters) - 2
    compasses = [TeamCompass(team, team_scores(raw, team, last), team_scores(raw, team, prev)) for team in raw.teams]
    if not compasses:
        return compasses, None

    def mean_area(attr: str, area: str) -> float | None:
        values = [getattr(c, attr)[area] for c in compasses if getattr(c, attr)[area] is not None]
        return round(sum(values) / len(values), 1) if values else None

    scope_compass = TeamCompass(None, {a: mean_area("current", a) for a in cp.AREAS},
                                {a: mean_area("previous", a) for a in cp.AREAS})
    return compasses, scope_compass


def build(scope: src.Scope) -> Overview:
    """Read every source once for `scope` and assemble the overview (a bounded number of queries)."""
    from .adoption_figures import adoption_for
    from .keyfigures import key_figures

    raw = read_sources(scope)
    quarter = cp.quarter_of(scope.today)
    compasses, scope_compass = compasses_for(raw)
    charts: dict[str, ch.Chart] = {}
    adoption, milestones, not_started, median_days = adoption_for(raw, charts)
    if scope_compass is not None:
        title = (_("Kompas for %(team)s", team=scope.teams[0].name) if len(scope.teams) == 1
                 else _("Kompas for de valgte teams (gennemsnit)"))
        charts["compass"] = radar_chart(scope_compass.current, scope_compass.previous, quarter, title)
    charts["multiples"] = ch.small_multiples(
        [area_label(a) for a in cp.AREAS], [c.team.name for c in compasses],
        [[c.current[a] for a in cp.AREAS] for c in compasses],
        title=_("Teams side om side, %(q)s", q=quarter.label), team_column=_("Team"))
    figures = key_figures(raw, adoption)
    overview = Overview(scope, quarter, figures, compasses, charts, {}, milestones, not_started, median_days,
                        raw.people, raw.min_size, scope_compass, utcnow(), raw.pulses)
    overview.readings = readings.read_all(overview)
    for figure in figures:
        figure.reading = readings.key_figure(figure)
    return overview


def by_key(overview: Overview) -> dict[str, KeyFigure]:
    """The key figures by key."""
    return {figure.key: figure for figure in overview.key_figures}
