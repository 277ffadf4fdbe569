"""What the case-register agreement page and the round results show: tables, charts and readings.

No data is changed here; the numbers come from `casework.py`.
"""
from __future__ import annotations

from ..analytics.calibration import TOO_FEW_PAIRS, CaseworkAgreement, PairedResult
from ..charts import calibration as charts
from ..i18n import _
from .presentation import ChartView
from .results import decimal, problem_text, signed


def paired_problem(result: PairedResult) -> str:
    """Danish explanation of why a paired result has no kappa ('' when it has one)."""
    if result.problem == TOO_FEW_PAIRS:
        return _("For få par: mindst 5 sager skal være vurderet af både sagsbehandler og kvalitetstjekker.")
    return problem_text(result.problem)


def percent(share: float | None) -> str:
    """'63 %' or '–'."""
    return "–" if share is None else f"{round(share * 100)} %"


def result_cells(result: PairedResult) -> list:
    """The table cells of one paired result: pairs, kappa, exact, adjacent, alpha, difference, note."""
    return [result.pairs, decimal(result.kappa), percent(result.exact), percent(result.adjacent),
            decimal(result.alpha), signed(result.mean_difference), paired_problem(result)]


def result_columns(first: str) -> list[str]:
    """Column headings matching `result_cells`, after the first column `first`."""
    return [first, _("Par"), _("Vægtet kappa"), _("Helt enige"), _("Højst ét trin fra hinanden"), _("Alfa"),
            _("Forskel (kvalitetstjekker − sagsbehandler)"), _("Bemærkning")]


def difference_sentence(result: PairedResult) -> str:
    """One sentence on who rates higher, or '' when there is nothing to say."""
    if result.mean_difference is None or not result.pairs:
        return ""
    if abs(result.mean_difference) < 0.05:
        return _("Sagsbehandlere og kvalitetstjekkere ligger i gennemsnit på samme niveau.")
    if result.mean_difference > 0:
        return _("Kvalitetstjekkerne vurderer i gennemsnit %(d)s trin højere (flere begrænsninger) end sagsbehandlerne.",
                 d=decimal(result.mean_difference))
    return _("Kvalitetstjekkerne vurderer i gennemsnit %(d)s trin lavere (færre begrænsninger) end sagsbehandlerne.",
             d=decimal(-result.mean_difference))


def theme_chart(data: CaseworkAgreement, names: dict[int, str]) -> ChartView | None:
    """Kappa and the shares of exact and adjacent agreement per theme, with its table."""
    themes = [(tid, name) for tid, name in names.items() if tid in data.by_theme]
    if not themes:
        return None
    results = [data.by_theme[tid] for tid, _n in themes]
    fig = charts.paired_theme_figure([n for _t, n in themes], [r.kappa for r in results],
                                     [r.exact for r in results], [r.adjacent for r in results],
                                     kappa_word=_("Vægtet kappa"), exact_word=_("Helt enige"),
                                     adjacent_word=_("Højst ét trin fra hinanden"))
    rows = [[name, *result_cells(result)] for (_tid, name), result in zip(themes, results)]
    defined = [(name, r.kappa) for (_tid, name), r in zip(themes, results) if r.kappa is not None]
    reading = ""
    if defined:
        weakest = min(defined, key=lambda pair: pair[1])
        reading = _("Tema %(theme)s har den laveste enighed mellem sagsbehandler og kvalitetstjekker (kappa %(k)s).",
                    theme=weakest[0], k=decimal(weakest[1]))
    return ChartView("sager-temaer", _("Enighed pr. tema: sagsbehandler mod kvalitetstjekker"), fig.to_json(),
                     result_columns(_("Tema")), rows, reading)


def trend_view(data: CaseworkAgreement, names: dict[int, str]) -> ChartView | None:
    """Kappa per quarter for all themes together and for each theme, with its table and a reading."""
    if not data.by_period:
        return None
    series = {_("Alle temaer"): [(p, r.kappa) for p, r in data.by_period.items()]}
    rows = [[p, _("Alle temaer"), *result_cells(r)] for p, r in data.by_period.items()]
    for tid, name in names.items():
        periods = data.by_theme_period.get(tid)
        if not periods:
            continue
        series[name] = [(p, periods[p].kappa if p in periods else None) for p in data.by_period]
        rows += [[p, name, *result_cells(r)] for p, r in periods.items()]
    fig = charts.paired_trend_figure(series, y_title=_("Vægtet kappa"))
    defined = [(p, r.kappa) for p, r in data.by_period.items() if r.kappa is not None]
    if len(defined) > 1:
        first, last = defined[0], defined[-1]
        verb = (_("steget") if round(last[1], 2) > round(first[1], 2) else
                _("faldet") if round(last[1], 2) < round(first[1], 2) else _("uændret"))
        reading = _("Alle temaer: enigheden er %(verb)s fra %(a)s (%(p)s) til %(b)s (%(q)s).", verb=verb,
                    a=decimal(first[1]), p=first[0], b=decimal(last[1]), q=last[0])
    else:
        reading = _("For få kvartaler med nok par til at vise en udvikling.")
    columns = [_("Kvartal")] + result_columns(_("Tema"))
    return ChartView("sager-udvikling", _("Enighed over tid (vægtet kappa pr. kvartal)"), fig.to_json(),
                     columns, rows, reading)


#: How far back from a round's closing the round's results look for quality-check pairs.
ROUND_WINDOW_DAYS = 182


def round_casework(round_, theme_ids: list[int], names: dict[int, str]) -> dict | None:
    """The case register's agreement for a closed round's teams in the half year before it closed.

    Returns the rows per theme of the round (and overall) for a small table, or None when
    no quality check paired any ratings in that window.
    """
    from datetime import timedelta

    from .casework import casework_results

    if round_.closed_at is None:
        return None
    end = round_.closed_at.date()
    data = casework_results([t.id for t in round_.teams], start=end - timedelta(days=ROUND_WINDOW_DAYS), end=end)
    if not data.overall.pairs:
        return None
    rows = [[names.get(tid, str(tid)), *result_cells(data.by_theme[tid])] for tid in theme_ids if tid in data.by_theme]
    rows.append([_("Alle temaer"), *result_cells(data.overall)])
    return {"columns": result_columns(_("Tema")), "rows": rows, "start": end - timedelta(days=ROUND_WINDOW_DAYS),
            "end": end, "difference": difference_sentence(data.overall)}
