"""Turns calibration results into what the pages show: charts with data tables and readings.

No data is changed here. Names of raters are masked according to `may_see_rater_name`.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..charts import calibration as charts
from ..i18n import _
from ..people.models import Person
from ..settings.services import scale_labels
from .results import RoundResults, decimal, problem_text, signed, trend_sentence
from .services import may_see_rater_name


@dataclass
class ChartView:
    """One chart as the chart() macro wants it: figure JSON, title, table columns and rows, reading."""

    id: str
    title: str
    figure_json: str
    columns: list
    rows: list
    reading: str = ""


def theme_names(results: RoundResults) -> dict[int, str]:
    """theme_id → name for the round's themes, in order."""
    names = {}
    for vignette in results.round.vignettes:
        for item in vignette.items:
            names.setdefault(item.theme_id, item.theme.name)
    return names


def spread_charts(results: RoundResults, viewer: Person) -> list[ChartView]:
    """Per theme: how the ratings spread per vignette, with the reference and the viewer's own value."""
    labels = scale_labels()
    own = {(v, t): x for r, v, t, x in results.ratings if r == viewer.id}
    views = []
    for theme_id, name in theme_names(results).items():
        columns, rows = [], []
        for number, vignette in enumerate(results.round.vignettes, start=1):
            cell = results.cells.get((vignette.id, theme_id))
            if cell is None:
                continue
            label = f"{number}. {vignette.title}"
            columns.append(charts.SpreadColumn(label, dict(cell.counts), cell.reference, own.get((vignette.id, theme_id))))
            rows.append([label, *[cell.counts.get(v, 0) for v in range(5)], cell.not_relevant,
                         "–" if cell.reference is None else cell.reference,
                         "–" if own.get((vignette.id, theme_id)) is None else own[(vignette.id, theme_id)]])
        if not columns:
            continue
        fig = charts.spread_figure(columns, labels, count_word=_("bedømmere"), reference_word=_("Facit"),
                                   own_word=_("Din vurdering"))
        result = results.agreement.by_theme.get(theme_id)
        reading = (_("Tema %(theme)s: alfa %(a)s.", theme=name, a=decimal(result.alpha)) if result and result.ok
                   else _("Tema %(theme)s: %(why)s", theme=name, why=problem_text(result.problem if result else None)))
        views.append(ChartView(
            id=f"spredning-{theme_id}", title=_("%(theme)s: vurderinger pr. vignet", theme=name),
            figure_json=fig.to_json(),
            columns=[_("Vignet"), "0", "1", "2", "3", "4", _("Ikke relevant"), _("Facit"), _("Din vurdering")],
            rows=rows, reading=reading))
    return views


def rater_label(viewer: Person, rater: Person | None, number: int) -> str:
    """The rater's name when `viewer` may see it, else 'Bedømmer N'."""
    if rater is not None and may_see_rater_name(viewer, rater):
        return rater.name
    return _("Bedømmer %(n)s", n=number)


def leniency_view(results: RoundResults, viewer: Person) -> tuple[ChartView | None, list[dict]]:
    """The raters × themes heatmap and a per-rater table, names masked for `viewer`."""
    names = theme_names(results)
    profiles = [p for p in results.profiles if p.leniency is not None]
    if not profiles:
        return None, []
    table, labels, z = [], [], []
    for number, profile in enumerate(profiles, start=1):
        rater = results.raters.get(profile.rater)
        label = rater_label(viewer, rater, number)
        labels.append(label)
        z.append([profile.by_theme.get(t) for t in names])
        table.append({
            "label": label, "is_viewer": profile.rater == viewer.id, "compared": profile.compared,
            "leniency": signed(profile.leniency), "mad": decimal(profile.mean_abs_deviation),
            "reference_exact": "–" if profile.reference_exact is None else f"{round(profile.reference_exact * 100)} %",
            "reference_deviation": signed(profile.reference_deviation), "raw": profile.leniency,
        })
    fig = charts.leniency_heatmap(labels, list(names.values()), z, colorbar_title=_("Afvigelse"))
    rows = [[label, *[signed(v) for v in row]] for label, row in zip(labels, z)]
    strongest = max(table, key=lambda r: abs(r["raw"]))
    reading = _("Størst afvigelse: %(who)s vurderer i gennemsnit %(d)s trin fra kollegernes median.",
                who=strongest["label"], d=strongest["leniency"])
    chart = ChartView("afvigelse", _("Afvigelse fra kollegernes median pr. bedømmer og tema"), fig.to_json(),
                      [_("Bedømmer"), *names.values()], rows, reading)
    return chart, table


def own_rows(results: RoundResults, viewer: Person) -> list[dict]:
    """The viewer's own ratings beside the group's median and the reference, per vignette and theme."""
    own = {(v, t): x for r, v, t, x in results.ratings if r == viewer.id}
    if not own:
        return []
    rows = []
    for number, vignette in enumerate(results.round.vignettes, start=1):
        for item in vignette.items:
            key = (vignette.id, item.theme_id)
            cell = results.cells.get(key)
            mine = own.get(key)
            rows.append({"vignette": f"{number}. {vignette.title}", "theme": item.theme.name,
                         "own": _("ikke relevant") if mine is None else mine,
                         "median": decimal(cell.median, 1) if cell else "–",
                         "reference": "–" if item.reference_value is None else item.reference_value,
                         "differs": item.reference_value is not None and mine is not None and mine != item.reference_value})
    return rows


def trend_chart(trend: dict, theme_labels: dict[int, str]) -> tuple[ChartView | None, list[str]]:
    """Alpha per theme over rounds with intervals, its table and one reading sentence per theme."""
    if not trend:
        return None, []
    series, rows, readings = {}, [], []
    for theme_id, name in theme_labels.items():
        points = trend.get(theme_id)
        if not points:
            continue
        series[name] = [charts.TrendPoint(f"{r.title} ({r.opens_on:%m/%Y})", a.alpha, a.ci_low, a.ci_high)
                        for r, a in points]
        for round_, result in points:
            rows.append([name, round_.title, decimal(result.alpha),
                         "–" if result.ci_low is None else f"{decimal(result.ci_low)} – {decimal(result.ci_high)}",
                         result.units, result.pairable_values, problem_text(result.problem) or ""])
        defined = [a.alpha for _r, a in points if a.alpha is not None]
        readings.append(trend_sentence(name, defined[0] if defined else None,
                                       defined[-1] if len(defined) > 1 else None))
    fig = charts.alpha_trend_figure(series, reliable_word=_("God (0,800)"), tentative_word=_("Foreløbig (0,667)"))
    chart = ChartView("udvikling", _("Enighed (Krippendorffs alfa) pr. tema over runderne"), fig.to_json(),
                      [_("Tema"), _("Runde"), _("Alfa"), _("95 %-interval"), _("Enheder"), _("Parrede værdier"),
                       _("Bemærkning")], rows, " ".join(readings[:3]))
    return chart, readings
