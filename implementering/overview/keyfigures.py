"""The overview's key figures: value, sparkline over the period, target (from a rollout goal or a
default) and traffic light, each with the link to its detail page. Built from `report.Raw`."""
from __future__ import annotations

from datetime import date, timedelta

from ..analytics import adoption as ad
from ..analytics import compass as cp
from ..charts import overview as ch
from ..i18n import _
from . import sources as src
from .report import ADOPTION_WEEKS, KeyFigure, _alpha, _target


def _pct(part: float, whole: float) -> float | None:
    """part / whole in per cent with one decimal, None without a whole."""
    return None if not whole else round(100 * part / whole, 1)


def _last(values: list, back: int = 1):
    """values[-back], or None when the list is too short."""
    return values[-back] if len(values) >= back else None


def key_figures(raw, adoption) -> list[KeyFigure]:
    """Every key figure of the overview, in the order shown."""
    scope, teams, today, quarters = raw.scope, raw.teams, raw.today, raw.quarters
    figures: list[KeyFigure] = []

    def add(key, label, value, text, link, *, series=None, periods=None, digits=0, suffix="", previous=None):
        target, higher, from_goal = _target(key, raw.goals)
        figure = KeyFigure(key, label, value, text, target, higher, cp.traffic_light(value, target, higher),
                           from_goal, link, previous, digits=digits)
        if series is not None:
            figure.spark = ch.sparkline(periods, series, title=label, period_column=_("Periode"),
                                        value_column=label, digits=digits, suffix=suffix)
        figures.append(figure)

    q_ends = [min(q.end, today) for q in quarters]
    month_list = adoption.month_list

    # plan: done on time and overdue (the teams' activities when filtered, else the whole plan)
    if scope.filtered:
        empty = [src.PlanCounts()] * len(quarters)
        plan = [src.PlanCounts(sum(raw.plan_team.get(t.id, empty)[i].due for t in teams),
                               sum(raw.plan_team.get(t.id, empty)[i].done for t in teams)) for i in range(len(quarters))]
        overdue = sum(raw.overdue_team.get(t.id, 0) for t in teams)
    else:
        plan, overdue = raw.plan_all, raw.overdue_all
    plan_series = [_pct(c.done, c.due) for c in plan]
    add("plan_done_share", _("Aktiviteter gennemført til tiden"), plan_series[-1], ch.fmt(plan_series[-1], 0, " %"),
        (("plan.activity_list",), {}), series=plan_series, periods=q_ends, suffix=" %", previous=_last(plan_series, 2))
    add("plan_overdue", _("Forsinkede aktiviteter"), float(overdue), str(overdue),
        (("plan.activity_list",), {"forsinket": 1}))
    ready = [None if s is None else round(100 * s, 1) for s in raw.checklist]
    add("readiness_share", _("Parathed i tjeklisterne"), ready[-1], ch.fmt(ready[-1], 0, " %"),
        (("plan.readiness",), {}), series=ready, periods=q_ends, suffix=" %", previous=_last(ready, 2))

    # training coverage at each month's end
    people = [p for t in teams for p in raw.people.get(t.id, [])]
    month_ends = [min(ad.next_period(m, ad.MONTH) - timedelta(days=1), today) for m in month_list]
    coverage = [_pct(sum(1 for p in people if p.course_on and p.course_on <= end), len(people)) for end in month_ends]
    add("training_coverage", _("Sagsbehandlere på VUM-kursus"), _last(coverage), ch.fmt(_last(coverage), 0, " %"),
        (("training.coverage",), {}), series=coverage, periods=month_list, suffix=" %", previous=_last(coverage, 2))

    # adoption: the last complete weeks against the weeks before them
    weeks = adoption.complete_weeks

    def share_of(ws: list[date]) -> float | None:
        return _pct(sum(adoption.pooled[w][1] for w in ws), sum(adoption.pooled[w][0] for w in ws))

    recent = share_of(weeks[-ADOPTION_WEEKS:])
    add("adoption_share", _("Nye sager behandlet med VUM (seneste %(n)s uger)", n=ADOPTION_WEEKS), recent,
        ch.fmt(recent, 0, " %"), (("cases.case_list",), {}), series=[share_of([w]) for w in weeks],
        periods=weeks, suffix=" %", previous=share_of(weeks[-2 * ADOPTION_WEEKS:-ADOPTION_WEEKS]))
    total = adoption.totals[-1] if adoption.totals else 0
    shown = len(adoption.week_list)
    add("vum_total", _("Sager behandlet med VUM i alt"), float(total), f"{total:,}".replace(",", "."),
        (("cases.case_list",), {}), series=adoption.totals[-shown:],
        periods=[w for w, _n in adoption.cum_weeks][-shown:])

    # quality: points of the last three months against the three before
    by_month = {m: src.Points() for m in month_list}
    for t in teams:
        for m, p in raw.quality.get(t.id, {}).items():
            if m in by_month:
                by_month[m].add(p)
    months = [by_month[m] for m in month_list]

    def pooled_points(items) -> float | None:
        total_points = src.Points()
        for p in items:
            total_points.add(p)
        return _pct(total_points.points, total_points.possible)

    quality_now = pooled_points(months[-3:])
    add("quality_share", _("Kvalitetstjek: point opnået (seneste 3 mdr.)"), quality_now,
        ch.fmt(quality_now, 0, " %"), (("quality.results", "quality.round_list"), {}),
        series=[_pct(p.points, p.possible) for p in months], periods=month_list, suffix=" %",
        previous=pooled_points(months[-6:-3]))

    # motivation: the latest closed round, pooled over shown cells only
    rounds = sorted({c.on for t in teams for c in raw.pulses.get(t.id, []) if c.on >= scope.since})
    by_round: dict[date, list] = {on: [] for on in rounds}
    for t in teams:
        for c in raw.pulses.get(t.id, []):
            if c.on in by_round:
                by_round[c.on].append(c)
    motivation = [src.pooled_mean(by_round[on])[0] for on in rounds]
    motivation = [None if v is None else round(v, 2) for v in motivation]
    add("motivation_mean", _("Motivation (seneste pulsmåling, 1–5)"), _last(motivation),
        ch.fmt(_last(motivation), 1), (("pulse.results",), {}), series=motivation, periods=rounds, digits=1,
        previous=_last(motivation, 2))

    # scale consistency: alpha over the half year up to each quarter's end
    alphas = []
    for q, end in zip(quarters, q_ends):
        window = q.previous().start
        value = _alpha([(u, v, n) for t in teams for deadline, u, v, n in raw.calibration.get(t.id, [])
                        if window <= deadline <= end])
        alphas.append(None if value is None else round(value, 3))
    add("consistency_alpha", _("Ensartet brug af 0–4-skalaen (alfa)"), alphas[-1], ch.fmt(alphas[-1], 2),
        (("calibration.trend", "calibration.round_list"), {}), series=alphas, periods=q_ends, digits=2,
        previous=_last(alphas, 2))

    # support intensity: hours per case worker in the last complete month
    workers = max(len(people), 1)
    support = [round(sum(raw.support.get(t.id, {}).get(m, (0, 0))[1] for t in teams) / 60 / workers, 2)
               for m in month_list]
    last_month = _last(support, 2)
    add("support_hours", _("Støtte fra superbrugere (timer pr. sagsbehandler pr. måned)"), last_month,
        ch.fmt(last_month, 1), (("support.overview", "support.index"), {}), series=support, periods=month_list,
        digits=1, previous=_last(support, 3))
    return figures
