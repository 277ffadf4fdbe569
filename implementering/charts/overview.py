"""Pure Plotly figures for the leadership overview, each paired with its data table.

Every builder takes data and already translated labels and returns a `Chart`: the
figure plus the columns and rows of the table shown under it. No Flask, no database.
Colours are the Okabe–Ito palette; the current quarter is solid, the previous dashed,
so the two differ by more than colour.

The figures are plain Plotly figure dicts ({"data": [...], "layout": {...}}), not
`go.Figure` objects: building and validating graph objects cost about 40 ms per figure,
which alone would put the overview far above its time budget. The tests pass every
figure through `go.Figure(...)` once, so Plotly's schema still checks each of them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
CURRENT_COLOUR, PREVIOUS_COLOUR = "#0072B2", "#6b6b6b"
FONT = dict(family="IBM Plex Sans, Arial, sans-serif", size=13, color="#1a1a1a")


def _json_default(value):
    """Dates as ISO strings (what Plotly's own encoder does)."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


@dataclass
class Chart:
    """A figure (a Plotly figure dict) and the table that carries the same numbers."""

    figure: dict
    columns: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)

    _json: str | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> str:
        """The figure as JSON for the page's data-figure attribute (serialised once, then reused)."""
        if self._json is None:
            self._json = json.dumps(self.figure, default=_json_default, ensure_ascii=False, separators=(",", ":"))
        return self._json


def _figure(data: list, layout: dict) -> dict:
    """A figure dict."""
    return {"data": data, "layout": layout}


def fmt(value: float | None, digits: int = 0, suffix: str = "") -> str:
    """A number for a table cell, '–' when missing (Danish decimal comma)."""
    if value is None:
        return "–"
    text = f"{value:.{digits}f}".replace(".", ",")
    return f"{text}{suffix}"


def _layout(title: str, height: int, **extra) -> dict:
    """Shared layout: title left, legend below, white background, tight margins."""
    layout = dict(title=dict(text=title, x=0), font=FONT, height=height, paper_bgcolor="#ffffff",
                  plot_bgcolor="#ffffff", margin=dict(l=48, r=24, t=56, b=40),
                  legend=dict(orientation="h", yanchor="top", y=-0.08, x=0))
    layout.update(extra)
    return layout


def _closed(values: Sequence) -> list:
    """A radar trace's values with the first repeated at the end, so the outline closes."""
    values = list(values)
    return values + values[:1] if values else values


def radar(area_labels: Sequence[str], current: Sequence[float | None], previous: Sequence[float | None], *,
          title: str, current_label: str, previous_label: str, area_column: str, height: int = 380) -> Chart:
    """The compass of one team (or all): the current quarter beside the previous, 0–100 per area."""
    theta = _closed(area_labels)
    data = []
    if any(v is not None for v in previous):
        data.append(dict(type="scatterpolar", r=_closed(previous), theta=theta, name=previous_label,
                         mode="lines+markers", line=dict(color=PREVIOUS_COLOUR, dash="dash", width=2),
                         marker=dict(symbol="square", size=7), connectgaps=False))
    data.append(dict(type="scatterpolar", r=_closed(current), theta=theta, name=current_label, mode="lines+markers",
                     fill="toself", fillcolor="rgba(0,114,178,0.15)", line=dict(color=CURRENT_COLOUR, width=3),
                     marker=dict(size=8), connectgaps=False))
    layout = _layout(title, height, showlegend=True,
                     polar=dict(radialaxis=dict(range=[0, 100], tickvals=[25, 50, 75, 100], gridcolor="#d9d9d9"),
                                angularaxis=dict(gridcolor="#d9d9d9")))
    rows = [[label, fmt(c), fmt(p), fmt(None if c is None or p is None else c - p, 0)]
            for label, c, p in zip(area_labels, current, previous)]
    return Chart(_figure(data, layout), [area_column, current_label, previous_label, "±"], rows)


def small_multiples(area_labels: Sequence[str], team_names: Sequence[str],
                    scores: Sequence[Sequence[float | None]], *, title: str, team_column: str) -> Chart:
    """One small bar chart per area, teams on a shared axis: which team stands where on each area.

    `scores[t][a]` is team t's score on area a (None when missing, drawn as no bar).
    """
    n_areas = max(len(area_labels), 1)
    names = list(team_names)
    gap = 0.01
    width = (1 - gap * (n_areas - 1)) / n_areas
    data, layout_axes, annotations = [], {}, []
    for a, label in enumerate(area_labels):
        values = [row[a] for row in scores]
        axis = "x" if a == 0 else f"x{a + 1}"
        colour = PALETTE[a % len(PALETTE)]
        data.append(dict(type="bar", x=[v if v is not None else 0 for v in values], y=names, orientation="h",
                         xaxis=axis, yaxis="y", name=label, marker=dict(color=colour),
                         text=[fmt(v) for v in values], textposition="inside", insidetextanchor="end",
                         hovertemplate="%{y}: %{text}<extra>" + label + "</extra>", showlegend=False))
        start = a * (width + gap)
        layout_axes["xaxis" if a == 0 else f"xaxis{a + 1}"] = dict(
            domain=[round(start, 4), round(start + width, 4)], range=[0, 100], showticklabels=False,
            gridcolor="#eeeeee", anchor="y")
        annotations.append(dict(text=label, x=start + width / 2, y=1.0, xref="paper", yref="paper",
                                xanchor="center", yanchor="bottom", showarrow=False, font=dict(size=12)))
    height = max(240, 26 * len(names) + 110)
    layout = _layout(title, height, bargap=0.25, annotations=annotations,
                     yaxis=dict(autorange="reversed", automargin=True), **layout_axes)
    rows = [[name, *(fmt(v) for v in row)] for name, row in zip(names, scores)]
    return Chart(_figure(data, layout), [team_column, *area_labels], rows)


def sparkline(periods: Sequence[date], values: Sequence[float | None], *, title: str, period_column: str,
              value_column: str, digits: int = 0, suffix: str = "") -> Chart:
    """A tiny line without axes for a key figure; the table gives the values."""
    data = [dict(type="scatter", x=list(periods), y=list(values), mode="lines",
                 line=dict(color=CURRENT_COLOUR, width=2), connectgaps=False,
                 hovertemplate="%{x}: %{y}<extra></extra>")]
    layout = dict(font=FONT, height=60, margin=dict(l=2, r=2, t=2, b=2), showlegend=False,
                  paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)", meta=dict(title=title),
                  xaxis=dict(visible=False), yaxis=dict(visible=False))
    rows = [[p.isoformat(), fmt(v, digits, suffix)] for p, v in zip(periods, values)]
    return Chart(_figure(data, layout), [period_column, value_column], rows)


def adoption_lines(periods: Sequence[date], series: Sequence[tuple[str, Sequence[float | None]]], *, title: str,
                   period_column: str, y_title: str, max_lines: int = 12) -> Chart:
    """Share of new cases handled with VUM per period, one line per team (or group), in per cent.

    The table has every series; the figure draws at most `max_lines` of them to stay legible.
    """
    data = []
    for index, (name, shares) in enumerate(series[:max_lines]):
        data.append(dict(type="scatter", x=list(periods), y=[None if s is None else round(100 * s, 1) for s in shares],
                         mode="lines+markers", name=name, connectgaps=False,
                         line=dict(color=PALETTE[index % len(PALETTE)], width=2,
                                   dash=("solid", "dot", "dash")[index // len(PALETTE) % 3]),
                         marker=dict(symbol=index % 20, size=6),
                         hovertemplate="%{y:.0f} %<extra>" + name + "</extra>"))
    layout = _layout(title, 380, hovermode="x unified",
                     yaxis=dict(range=[0, 100], title=dict(text=y_title), gridcolor="#e6e6e6", ticksuffix=" %"),
                     xaxis=dict(gridcolor="#f0f0f0"))
    rows = [[p.isoformat(), *(fmt(None if s[i] is None else 100 * s[i], 0, " %") for _n, s in series)]
            for i, p in enumerate(periods)]
    return Chart(_figure(data, layout), [period_column, *(n for n, _s in series)], rows)


def cumulative_cases(days: Sequence[date], totals: Sequence[int], milestones: Sequence[tuple[int, date | None]], *,
                     title: str, day_column: str, total_column: str, milestone_label: str) -> Chart:
    """Cumulative cases handled with VUM, with each milestone reached marked by a star."""
    data = [dict(type="scatter", x=list(days), y=list(totals), mode="lines", name=total_column,
                 line=dict(color=CURRENT_COLOUR, width=3, shape="hv"))]
    reached = [(count, on) for count, on in milestones if on is not None]
    if reached:
        data.append(dict(type="scatter", x=[on for _c, on in reached], y=[c for c, _on in reached],
                         mode="markers+text", name=milestone_label,
                         marker=dict(symbol="star", size=16, color="#E69F00", line=dict(color="#1a1a1a", width=1)),
                         text=[str(c) for c, _on in reached], textposition="top left"))
    layout = _layout(title, 340, yaxis=dict(rangemode="tozero", gridcolor="#e6e6e6"))
    rows = [[str(count), on.isoformat() if on else "–"] for count, on in milestones]
    return Chart(_figure(data, layout), [milestone_label, day_column], rows)


def step_bars(step_labels: Sequence[str], shares: Sequence[float | None], used: Sequence[int], *, title: str,
              step_column: str, share_column: str, count_column: str, threshold: float) -> Chart:
    """Share of VUM cases that used each step; the skip threshold is drawn as a dashed line."""
    values = [None if s is None else round(100 * s, 1) for s in shares]
    data = [dict(type="bar", x=list(step_labels), y=[v or 0 for v in values], marker=dict(color=CURRENT_COLOUR),
                 text=[fmt(v, 0, " %") for v in values], textposition="outside", name=share_column)]
    line = dict(type="line", xref="paper", x0=0, x1=1, yref="y", y0=100 * threshold, y1=100 * threshold,
                line=dict(color="#D55E00", dash="dash", width=2))
    layout = _layout(title, 340, shapes=[line], showlegend=False,
                     yaxis=dict(range=[0, 110], ticksuffix=" %", gridcolor="#e6e6e6"))
    rows = [[label, fmt(v, 0, " %"), str(n)] for label, v, n in zip(step_labels, values, used)]
    return Chart(_figure(data, layout), [step_column, share_column, count_column], rows)


def trend_lines(periods: Sequence[date], series: Sequence[tuple[str, Sequence[float | None]]], *, title: str,
                period_column: str, y_title: str, y_range: tuple[float, float] | None = None,
                digits: int = 0) -> Chart:
    """A few lines over time (e.g. motivation per pulse), with the table."""
    data = [dict(type="scatter", x=list(periods), y=list(values), mode="lines+markers", name=name, connectgaps=False,
                 line=dict(color=PALETTE[index % len(PALETTE)], width=2), marker=dict(symbol=index % 20, size=7))
            for index, (name, values) in enumerate(series)]
    yaxis = dict(title=dict(text=y_title), gridcolor="#e6e6e6")
    if y_range:
        yaxis["range"] = list(y_range)
    layout = _layout(title, 360, hovermode="x unified", yaxis=yaxis)
    rows = [[p.isoformat(), *(fmt(v[i], digits) for _n, v in series)] for i, p in enumerate(periods)]
    return Chart(_figure(data, layout), [period_column, *(n for n, _v in series)], rows)
