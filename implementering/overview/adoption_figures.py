"""The overview's adoption figures: share of new cases with VUM per week or month since go-live,
cumulative VUM cases with milestones, the VUM steps used and skipped, teams not started, and the
time from course to first VUM case. Built from `report.Raw`."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from ..analytics import adoption as ad
from ..charts import overview as ch
from ..i18n import _
from .report import Milestones, Raw


@dataclass
class Adoption:
    """Adoption series of a scope: weeks and months of the period, pooled counts and cumulative VUM cases."""

    week_list: list[date]
    complete_weeks: list[date]
    month_list: list[date]
    pooled: dict[date, tuple[int, int]]
    cum_weeks: list[tuple[date, int]]
    totals: list[int]


def adoption_for(raw: Raw, charts: dict) -> tuple[Adoption, list[Milestones], list, float | None]:
    """The adoption, cumulative and step charts (added to `charts`), team milestones, teams not started
    and the median days from course to first VUM case."""
    from ..cases.models import VUM_STEPS

    scope, teams, weeks, today = raw.scope, raw.teams, raw.weeks, raw.today
    week_list = ad.periods_between(scope.since, today, ad.WEEK)
    month_list = ad.periods_between(scope.since, today, ad.MONTH)
    pooled = {w: [0, 0] for w in week_list}
    month_counts: dict[int, dict[date, list[int]]] = {t.id: {} for t in teams}
    vum_by_week: dict[date, int] = defaultdict(int)
    for t in teams:
        for w, c in weeks.get(t.id, {}).items():
            vum_by_week[w] += c.vum
            if w in pooled:
                pooled[w][0] += c.new
                pooled[w][1] += c.new_vum
            if month_list and w >= month_list[0]:
                bucket = month_counts[t.id].setdefault(ad.period_start(w, ad.MONTH), [0, 0])
                bucket[0] += c.new
                bucket[1] += c.new_vum

    def monthly(team_ids) -> list[float | None]:
        return [ad.share(sum(month_counts[t].get(m, (0, 0))[1] for t in team_ids),
                         sum(month_counts[t].get(m, (0, 0))[0] for t in team_ids)) for m in month_list]

    # Adoption is followed from each team's go-live: periods before it are left empty.
    if len(teams) == 1:
        start = ad.period_start(teams[0].go_live, ad.WEEK) if teams[0].go_live else None
        periods = [w for w in week_list if start is None or w >= start] or week_list
        series = [(teams[0].name, [ad.share(pooled[w][1], pooled[w][0]) for w in periods])]
        grain_label = _("Uge (mandag)")
    else:
        series = [(_("Alle valgte teams"), monthly([t.id for t in teams]))]
        for t in teams:
            first = ad.period_start(t.go_live, ad.MONTH) if t.go_live else None
            series.append((t.name, [None if first and m < first else v for m, v in zip(month_list, monthly([t.id]))]))
        periods, grain_label = month_list, _("Måned")
    charts["adoption"] = ch.adoption_lines(periods, series, title=_("Andel nye sager behandlet med VUM"),
                                           period_column=grain_label, y_title=_("Andel"))

    cum_weeks = sorted(vum_by_week.items())
    totals = ad.cumulative(n for _w, n in cum_weeks)
    charts["cumulative"] = ch.cumulative_cases(
        [w for w, _n in cum_weeks], totals, [(m.count, m.reached_on) for m in ad.milestones(cum_weeks)],
        title=_("Sager behandlet med VUM i alt"), day_column=_("Nået i ugen fra"), total_column=_("Sager i alt"),
        milestone_label=_("Milepæl"))
    milestones = []
    for t in teams:
        per_week = sorted((w, c.vum) for w, c in weeks.get(t.id, {}).items())
        total = sum(n for _w, n in per_week)
        reached = {m.count: m.reached_on for m in ad.milestones(per_week) if m.reached_on}
        milestones.append(Milestones(t, total, ad.latest_milestone(total), ad.next_milestone(total), reached))

    step_total: dict[str, int] = defaultdict(int)
    for counts in raw.steps.values():
        for key, n in counts.items():
            step_total[key] += n
    usage = ad.step_usage(step_total, step_total.get("vum", 0), list(VUM_STEPS))
    charts["steps"] = ch.step_bars([str(VUM_STEPS[u.step]) for u in usage], [u.share for u in usage],
                                   [u.used for u in usage], title=_("VUM-trin brugt i sagerne"),
                                   step_column=_("Trin"), share_column=_("Andel af VUM-sager"),
                                   count_column=_("Sager"), threshold=ad.SKIPPED_BELOW)

    since_go_live = [(t, t.go_live, sum(c.vum for w, c in weeks.get(t.id, {}).items()
                                        if w >= t.go_live - timedelta(days=6)) if t.go_live else 0) for t in teams]
    not_started = ad.not_started(since_go_live, today)
    all_people = [p for t in teams for p in raw.people.get(t.id, [])]
    median_days = ad.median_days(ad.days_to_first_case(p.course_on, p.first_case_on) for p in all_people)
    adoption = Adoption(week_list, [w for w in week_list if w + timedelta(days=6) < today], month_list,
                        {w: tuple(v) for w, v in pooled.items()}, cum_weeks, totals)
    return adoption, milestones, not_started, median_days
