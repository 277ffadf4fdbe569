"""The overview's content: key figures with traffic lights, the compass per team, and every figure
with its table and a one-sentence reading. Built from `sources` (SQL aggregates) and the pure
rules in analytics.compass / analytics.adoption; the views and the XLSX export only show it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from flask import url_for
from werkzeug.routing import BuildError

from ..analytics import adoption as ad
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
    """The first of `endpoints` that exists in the app (other domains' pages), else None."""
    for endpoint in endpoints:
        try:
            return url_for(endpoint, **values)
        except BuildError:
            continue
        except RuntimeError:  # outside a request (the monthly e-mail job): no links
            return None
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
    href: str | None = None
    previous: float | None = None
    spark: ch.Chart | None = None
    reading: str = ""
    digits: int = 0

    @property
    def light_label(self) -> str:
        """Danish word for the light (shown beside the colour, never colour alone)."""
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


def build(scope: src.Scope) -> Overview:
    """Read every source once for `scope` and assemble the overview (a bounded number of queries)."""
    today = scope.today
    quarter = cp.quarter_of(today)
    quarters = _quarters_back(today, max(2, (scope.months + 2) // 3 + 1))
    goals = src.goal_targets()
    weeks = src.adoption_weeks(scope)
    steps = src.step_counts(scope, scope.since)
    people = src.trainees(scope)
    plan_team, plan_all, overdue_all, overdue_team = src.plan_progress(scope, quarters)
    checklist = src.checklist_shares(quarters)
    quality = src.quality_months(scope)
    min_size = src.min_group_size()
    pulses = src.pulse_cells(scope, min_size)
    calibration = src.calibration_counts(scope, quarters[0].previous().start)
    support = src.support_months(scope)
    teams = scope.teams

    def week_in(q: cp.Quarter, day: date) -> bool:
        return q.start <= day <= q.end

    # --- the compass per team and quarter ---------------------------------------------------------
    def team_scores(team, qi: int) -> dict[str, float | None]:
        q = quarters[qi]
        cut = min(q.end, today)
        plan = plan_team.get(team.id, [src.PlanCounts()] * len(quarters))[qi]
        members = people.get(team.id, [])
        trained = sum(1 for p in members if p.course_on and p.course_on <= cut)
        new = sum(c.new for d, c in weeks.get(team.id, {}).items() if week_in(q, d))
        new_vum = sum(c.new_vum for d, c in weeks.get(team.id, {}).items() if week_in(q, d))
        pts = src.Points()
        for month, p in quality.get(team.id, {}).items():
            if week_in(q, month):
                pts.add(p)
        window = q.previous().start
        alpha = _alpha([(u, v, n) for deadline, u, v, n in calibration.get(team.id, []) if window <= deadline <= cut])
        mean, _n = src.pooled_mean([c for c in pulses.get(team.id, []) if week_in(q, c.on)])
        return {
            cp.READINESS: cp.readiness_score(checklist[qi], plan.done, plan.due),
            cp.TRAINING: cp.training_score(trained, len(members)),
            cp.ADOPTION: cp.adoption_score(new_vum, new),
            cp.QUALITY: cp.quality_score(pts.points, pts.possible),
            cp.CONSISTENCY: cp.consistency_score(alpha),
            cp.MOTIVATION: cp.motivation_score(mean),
        }

    last, prev = len(quarters) - 1, len(quarters) - 2
    compasses = [TeamCompass(team, team_scores(team, last), team_scores(team, prev)) for team in teams]

    def mean_area(items: list[TeamCompass], attr: str, area: str) -> float | None:
        values = [getattr(c, attr)[area] for c in items if getattr(c, attr)[area] is not None]
        return round(sum(values) / len(values), 1) if values else None

    scope_compass = None
    if compasses:
        scope_compass = TeamCompass(
            None, {a: mean_area(compasses, "current", a) for a in cp.AREAS},
            {a: mean_area(compasses, "previous", a) for a in cp.AREAS})

    # --- adoption series --------------------------------------------------------------------------
    week_list = ad.periods_between(scope.since, today, ad.WEEK)
    complete_weeks = [w for w in week_list if w + timedelta(days=6) < today]
    pooled = {w: (sum(weeks.get(t.id, {}).get(w, src.WeekCounts()).new for t in teams),
                  sum(weeks.get(t.id, {}).get(w, src.WeekCounts()).new_vum for t in teams)) for w in week_list}
    month_list = ad.periods_between(scope.since, today, ad.MONTH)

    # (new, new with VUM) per team and month, bucketed once
    month_counts: dict[int, dict[date, list[int]]] = {}
    for t in teams:
        buckets = month_counts.setdefault(t.id, {})
        for d, c in weeks.get(t.id, {}).items():
            if d >= month_list[0] if month_list else False:
                bucket = buckets.setdefault(ad.period_start(d, ad.MONTH), [0, 0])
                bucket[0] += c.new
                bucket[1] += c.new_vum

    def monthly(team_ids):
        out = {}
        for m in month_list:
            new = sum(month_counts[t].get(m, (0, 0))[0] for t in team_ids)
            vum = sum(month_counts[t].get(m, (0, 0))[1] for t in team_ids)
            out[m] = ad.share(vum, new)
        return out

    charts: dict[str, ch.Chart] = {}
    series = []
    if len(teams) == 1:
        series = [(teams[0].name, [ad.share(pooled[w][1], pooled[w][0]) for w in week_list])]
        periods, grain_label = week_list, _("Uge (mandag)")
    else:
        by_team = {t.id: monthly([t.id]) for t in teams}
        series = [(_("Alle valgte teams"), list(monthly([t.id for t in teams]).values()))]
        series += [(t.name, [by_team[t.id][m] for m in month_list]) for t in teams]
        periods, grain_label = month_list, _("Måned")
    charts["adoption"] = ch.adoption_lines(periods, series, title=_("Andel nye sager behandlet med VUM"),
                                           period_column=grain_label, y_title=_("Andel"))

    # cumulative VUM cases and milestones (week precision on the overview)
    all_weeks = sorted({w for t in teams for w in weeks.get(t.id, {})})
    cum_daily = [(w, sum(weeks.get(t.id, {}).get(w, src.WeekCounts()).vum for t in teams)) for w in all_weeks]
    totals = ad.cumulative(n for _w, n in cum_daily)
    scope_milestones = ad.milestones(cum_daily)
    charts["cumulative"] = ch.cumulative_cases(
        [w for w, _n in cum_daily], totals, [(m.count, m.reached_on) for m in scope_milestones],
        title=_("Sager behandlet med VUM i alt"), day_column=_("Nået i ugen fra"), total_column=_("Sager i alt"),
        milestone_label=_("Milepæl"))
    milestones = []
    for t in teams:
        per_week = sorted((w, c.vum) for w, c in weeks.get(t.id, {}).items())
        total = sum(n for _w, n in per_week)
        reached = {m.count: m.reached_on for m in ad.milestones(per_week) if m.reached_on}
        milestones.append(Milestones(t, total, ad.latest_milestone(total), ad.next_milestone(total), reached))

    # steps used / skipped
    from ..cases.models import VUM_STEPS

    step_total: dict[str, int] = defaultdict(int)
    for counts in steps.values():
        for key, n in counts.items():
            step_total[key] += n
    usage = ad.step_usage(step_total, step_total.get("vum", 0), list(VUM_STEPS))
    charts["steps"] = ch.step_bars([str(VUM_STEPS[u.step]) for u in usage], [u.share for u in usage],
                                   [u.used for u in usage], title=_("VUM-trin brugt i sagerne"),
                                   step_column=_("Trin"), share_column=_("Andel af VUM-sager"),
                                   count_column=_("Sager"), threshold=ad.SKIPPED_BELOW)

    not_started = ad.not_started([(t, t.go_live, sum(c.vum for w, c in weeks.get(t.id, {}).items()
                                                     if t.go_live and w >= t.go_live - timedelta(days=6)))
                                  for t in teams], today)
    all_people = [p for t in teams for p in people.get(t.id, [])]
    median_days = ad.median_days(ad.days_to_first_case(p.course_on, p.first_case_on) for p in all_people)

    # --- compass charts -----------------------------------------------------------------------------
    if scope_compass is not None:
        title = (_("Kompas for %(team)s", team=teams[0].name) if len(teams) == 1
                 else _("Kompas for de valgte teams (gennemsnit)"))
        charts["compass"] = radar_chart(scope_compass.current, scope_compass.previous, quarter, title)
    charts["multiples"] = ch.small_multiples(
        [area_label(a) for a in cp.AREAS], [c.team.name for c in compasses],
        [[c.current[a] for a in cp.AREAS] for c in compasses],
        title=_("Teams side om side, %(q)s", q=quarter.label), team_column=_("Team"))

    # --- key figures ----------------------------------------------------------------------------------
    kf: list[KeyFigure] = []

    def add(key, label, value, text, href, *, series=None, periods=None, digits=0, suffix="", previous=None):
        target, higher, from_goal = _target(key, goals)
        figure = KeyFigure(key, label, value, text, target, higher, cp.traffic_light(value, target, higher),
                           from_goal, href, previous, digits=digits)
        if series is not None:
            figure.spark = ch.sparkline(periods, series, title=label, period_column=_("Periode"),
                                        value_column=label, digits=digits, suffix=suffix)
        kf.append(figure)
        return figure

    q_labels = [q.end if q.end < today else today for q in quarters]
    if scope.filtered:
        plan_counts = [src.PlanCounts(sum(plan_team.get(t.id, [src.PlanCounts()] * len(quarters))[i].due for t in teams),
                                      sum(plan_team.get(t.id, [src.PlanCounts()] * len(quarters))[i].done for t in teams))
                       for i in range(len(quarters))]
        overdue = sum(overdue_team.get(t.id, 0) for t in teams)
    else:
        plan_counts, overdue = plan_all, overdue_all
    plan_series = [None if not c.due else round(100 * c.done / c.due, 1) for c in plan_counts]
    add("plan_done_share", _("Aktiviteter gennemført til tiden"), plan_series[-1], ch.fmt(plan_series[-1], 0, " %"),
        detail_url("plan.activity_list"), series=plan_series, periods=q_labels, suffix=" %",
        previous=plan_series[-2] if len(plan_series) > 1 else None)
    add("plan_overdue", _("Forsinkede aktiviteter"), float(overdue), str(overdue),
        (detail_url("plan.activity_list") or "") + "?forsinket=1" if detail_url("plan.activity_list") else None)
    ready = [None if s is None else round(100 * s, 1) for s in checklist]
    add("readiness_share", _("Parathed i tjeklisterne"), ready[-1], ch.fmt(ready[-1], 0, " %"),
        detail_url("plan.readiness"), series=ready, periods=q_labels, suffix=" %",
        previous=ready[-2] if len(ready) > 1 else None)
    month_ends = [min(ad.next_period(m, ad.MONTH) - timedelta(days=1), today) for m in month_list]
    coverage = [None if not all_people else round(100 * sum(1 for p in all_people if p.course_on and p.course_on <= e)
                                                  / len(all_people), 1) for e in month_ends]
    add("training_coverage", _("Sagsbehandlere på VUM-kursus"), coverage[-1] if coverage else None,
        ch.fmt(coverage[-1] if coverage else None, 0, " %"), detail_url("training.coverage"),
        series=coverage, periods=month_list, suffix=" %", previous=coverage[-2] if len(coverage) > 1 else None)
    recent = complete_weeks[-ADOPTION_WEEKS:]
    before = complete_weeks[-2 * ADOPTION_WEEKS:-ADOPTION_WEEKS]

    def share_of(ws):
        new = sum(pooled[w][0] for w in ws)
        return None if not new else round(100 * sum(pooled[w][1] for w in ws) / new, 1)

    week_shares = [share_of([w]) for w in complete_weeks]
    add("adoption_share", _("Nye sager behandlet med VUM (seneste %(n)s uger)", n=ADOPTION_WEEKS), share_of(recent),
        ch.fmt(share_of(recent), 0, " %"), detail_url("cases.case_list"), series=week_shares, periods=complete_weeks,
        suffix=" %", previous=share_of(before))
    total_vum = totals[-1] if totals else 0
    add("vum_total", _("Sager behandlet med VUM i alt"), float(total_vum), f"{total_vum:,}".replace(",", "."),
        detail_url("cases.case_list"), series=totals[-len(week_list):] if totals else [],
        periods=[w for w, _n in cum_daily][-len(week_list):])
    q_months = [src.Points() for _m in month_list]
    for t in teams:
        for m, p in quality.get(t.id, {}).items():
            if m in month_list:
                q_months[month_list.index(m)].add(p)
    quality_series = [None if not p.possible else round(100 * p.points / p.possible, 1) for p in q_months]
    last_quality = [v for v in quality_series[-3:] if v is not None]
    q_now = src.Points()
    for p in q_months[-3:]:
        q_now.add(p)
    q_before = src.Points()
    for p in q_months[-6:-3]:
        q_before.add(p)
    add("quality_share", _("Kvalitetstjek: point opnået (seneste 3 mdr.)"),
        None if not q_now.possible else round(100 * q_now.points / q_now.possible, 1),
        ch.fmt(None if not q_now.possible else 100 * q_now.points / q_now.possible, 0, " %") if last_quality or q_now.possible else "–",
        detail_url("quality.index", "quality.round_list", "quality.results"), series=quality_series,
        periods=month_list, suffix=" %",
        previous=None if not q_before.possible else round(100 * q_before.points / q_before.possible, 1))
    rounds = sorted({c.on for t in teams for c in pulses.get(t.id, []) if c.on >= scope.since})
    motivation_series = [src.pooled_mean([c for t in teams for c in pulses.get(t.id, []) if c.on == on])[0]
                         for on in rounds]
    motivation_series = [None if v is None else round(v, 2) for v in motivation_series]
    add("motivation_mean", _("Motivation (seneste pulsmåling, 1–5)"),
        motivation_series[-1] if motivation_series else None,
        ch.fmt(motivation_series[-1] if motivation_series else None, 1), detail_url("pulse.results"),
        series=motivation_series, periods=rounds, digits=1,
        previous=motivation_series[-2] if len(motivation_series) > 1 else None)
    alpha_q = []
    for q in quarters:
        cut, window = min(q.end, today), q.previous().start
        rows = [(u, v, n) for t in teams for deadline, u, v, n in calibration.get(t.id, [])
                if window <= deadline <= cut]
        value = _alpha(rows)
        alpha_q.append(None if value is None else round(value, 3))
    add("consistency_alpha", _("Ensartet brug af 0–4-skalaen (alfa)"), alpha_q[-1], ch.fmt(alpha_q[-1], 2),
        detail_url("calibration.trend", "calibration.round_list"), series=alpha_q, periods=q_labels, digits=2,
        previous=alpha_q[-2] if len(alpha_q) > 1 else None)
    workers = max(len(all_people), 1)
    support_series = [round(sum(support.get(t.id, {}).get(m, (0, 0))[1] for t in teams) / 60 / workers, 2)
                      for m in month_list]
    add("support_hours", _("Støtte fra superbrugere (timer pr. sagsbehandler pr. måned)"),
        support_series[-2] if len(support_series) > 1 else (support_series[-1] if support_series else None),
        ch.fmt(support_series[-2] if len(support_series) > 1 else None, 1), detail_url("support.overview", "support.index"),
        series=support_series, periods=month_list, digits=1,
        previous=support_series[-3] if len(support_series) > 2 else None)

    overview = Overview(scope, quarter, kf, compasses, charts, {}, milestones, not_started, median_days, people,
                        min_size, scope_compass)
    overview.computed_at = utcnow()
    overview.readings = readings.read_all(overview)
    for figure in kf:
        figure.reading = readings.key_figure(figure)
    return overview


def by_key(overview: Overview) -> dict[str, KeyFigure]:
    """The key figures by key."""
    return {figure.key: figure for figure in overview.key_figures}
