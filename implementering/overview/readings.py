"""One Danish sentence reading each chart and key figure, built from the same numbers it shows."""
from __future__ import annotations

from ..analytics import compass as cp
from ..charts.overview import fmt
from ..i18n import _, ngettext


def _change_words(change: float | None, digits: int = 0, unit: str = "") -> str:
    """'steget 4 point' / 'faldet 2 point' / 'uændret' (empty when unknown)."""
    if change is None:
        return ""
    if abs(change) < 0.5 * 10 ** -digits:
        return _("uændret")
    word = _("steget") if change > 0 else _("faldet")
    return f"{word} {fmt(abs(change), digits)}{unit}"


def key_figure(figure) -> str:
    """A sentence on a key figure: its value, its move since last period and its standing against the target."""
    if figure.value is None:
        return _("%(label)s: der er endnu ingen data.", label=figure.label)
    parts = [_("%(label)s er %(value)s", label=figure.label, value=figure.text)]
    if figure.previous is not None:
        unit = " %-point" if figure.text.endswith("%") else ""
        parts.append(_("%(change)s siden perioden før",
                       change=_change_words(figure.value - figure.previous, figure.digits, unit)))
    sentence = ", ".join(parts)
    if figure.light == cp.GREEN:
        sentence += _(", og målet er nået.")
    elif figure.light == cp.YELLOW:
        sentence += _(", tæt på målet.")
    elif figure.light == cp.RED:
        sentence += _(", et stykke fra målet.")
    else:
        sentence += "."
    return sentence


def compass(current: dict, previous: dict, labels: dict) -> str:
    """Which area stands strongest and weakest, and which moved most since the previous quarter."""
    known = {a: v for a, v in current.items() if v is not None}
    if not known:
        return _("Kompasset har endnu ingen data for dette kvartal.")
    best = max(known, key=known.get)
    worst = min(known, key=known.get)
    sentence = _("Stærkest står %(best)s (%(bv)s), svagest %(worst)s (%(wv)s)", best=labels[best],
                 bv=fmt(known[best]), worst=labels[worst], wv=fmt(known[worst]))
    moves = {a: cp.change(v, previous.get(a)) for a, v in known.items()}
    moves = {a: m for a, m in moves.items() if m is not None}
    if moves:
        biggest = max(moves, key=lambda a: abs(moves[a]))
        sentence += _("; størst bevægelse siden sidste kvartal: %(area)s, %(change)s",
                      area=labels[biggest], change=_change_words(moves[biggest], 0, " point"))
    return sentence + "."


def multiples(overview, labels: dict) -> str:
    """Which team has the highest and the lowest overall compass score."""
    scored = [(c.overall, c.team.name) for c in overview.compasses if c.overall is not None]
    if not scored:
        return _("Ingen teams har data i kompasset endnu.")
    if len(scored) == 1:
        return _("%(team)s har en samlet score på %(v)s.", team=scored[0][1], v=fmt(scored[0][0]))
    high, low = max(scored), min(scored)
    return _("Højeste samlede score har %(high)s (%(hv)s), laveste %(low)s (%(lv)s) af %(n)s teams.",
             high=high[1], hv=fmt(high[0]), low=low[1], lv=fmt(low[0]), n=len(scored))


def adoption(chart) -> str:
    """The latest share of the first series (the pooled teams) and how it compares with the start."""
    if not chart.rows:
        return _("Der er ingen nye sager i perioden.")
    values = [row[1] for row in chart.rows if row[1] != "–"]
    if not values:
        return _("Der er ingen nye sager i perioden.")
    if len(values) == 1:
        return _("I perioden blev %(v)s af de nye sager behandlet med VUM.", v=values[-1])
    return _("Andelen af nye sager behandlet med VUM gik fra %(first)s til %(last)s i perioden.",
             first=values[0], last=values[-1])


def cumulative(overview) -> str:
    """How many VUM cases there are in all and the latest milestone."""
    rows = overview.charts["cumulative"].rows
    reached = [row for row in rows if row[1] != "–"]
    total = next((f.text for f in overview.key_figures if f.key == "vum_total"), "0")
    if not reached:
        return _("%(total)s sager er behandlet med VUM; den første milepæl på 100 er ikke nået endnu.", total=total)
    return _("%(total)s sager er behandlet med VUM, og milepælen på %(m)s sager er nået.", total=total,
             m=f"{int(reached[-1][0]):,}".replace(",", "."))


def steps(chart) -> str:
    """Which steps are used least."""
    rows = [row for row in chart.rows if row[1] != "–"]
    if not rows:
        return _("Der er endnu ingen sager behandlet med VUM at se trin i.")
    lowest = min(rows, key=lambda row: float(row[1].replace(" %", "").replace(",", ".")))
    return _("Mindst brugt er trinnet %(step)s, som indgår i %(share)s af VUM-sagerne.", step=lowest[0],
             share=lowest[1])


def headline(overview) -> str:
    """One sentence answering 'how is the rollout going?': the lights, the weakest area and teams not started."""
    lights = [f.light for f in overview.key_figures if f.light]
    if not lights:
        return _("Der er endnu for få data til at vurdere udrulningen.")
    sentence = _("%(g)s af %(n)s nøgletal med mål er grønne, %(y)s gule og %(r)s røde",
                 g=lights.count(cp.GREEN), n=len(lights), y=lights.count(cp.YELLOW), r=lights.count(cp.RED))
    if overview.compass_scope is not None:
        from .report import area_label

        known = {a: v for a, v in overview.compass_scope.current.items() if v is not None}
        if known:
            weakest = min(known, key=known.get)
            sentence += _("; svagest i kompasset står %(area)s", area=area_label(weakest).lower())
    if overview.not_started:
        sentence += ngettext("; %(num)s team er gået live uden sager i VUM",
                             "; %(num)s teams er gået live uden sager i VUM", len(overview.not_started))
    return sentence + "."


def read_all(overview) -> dict[str, str]:
    """A reading for every chart of the overview."""
    from .report import area_label

    labels = {a: area_label(a) for a in cp.AREAS}
    result = {
        "adoption": adoption(overview.charts["adoption"]),
        "cumulative": cumulative(overview),
        "steps": steps(overview.charts["steps"]),
        "multiples": multiples(overview, labels),
        "headline": headline(overview),
    }
    if overview.compass_scope is not None:
        result["compass"] = compass(overview.compass_scope.current, overview.compass_scope.previous, labels)
    return result
