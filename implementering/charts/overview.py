"""Pure Plotly figures for the leadership overview, each paired with its data table.

Every builder takes data and already translated labels and returns a `Chart`: the
figure plus the columns and rows of the table shown under it. No Flask, no database.
Colours are the Okabe–Ito palette; the current quarter is solid, the previous dashed,
so the two differ by more than colour.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

import plotly.graph_objects as go
from plotly.subplots import make_subplots

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
CURRENT_COLOUR, PREVIOUS_COLOUR = "#0072B2", "#6b6b6b"
FONT = dict(family="IBM Plex Sans, Arial, sans-serif", size=13, color="#1a1a1a")


@dataclass
class Chart:
    """A figure and the table that carries the same numbers."""

    figure: go.Figure
    columns: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)

    def to_json(self) -> str:
        """The figure as JSON for the page's data-figure attribute."""
        return self.figure.to_json()


def fmt(value: float | None, digits: int = 0, suffix: str = "") -> str:
    """A number for a table cell, '–' when missing (Danish decimal comma)."""
    if value is None:
        return "–"
    text = f"{value:.{digits}f}".replace(".", ",")
    return f"{text}{suffix}"


def _layout(fig: go.Figure, title: str, height: int, **extra) -> go.Figure:
    """Shared layout: title left, legend below, white background, tight margins."""
    fig.update_layout(title=dict(text=title, x=0), font=FONT, height=height, paper_bgcolor="#ffffff",
                      plot_bgcolor="#ffffff", margin=dict(l=48, r=24, t=56, b=40),
                      legend=dict(orientation="h", yanchor="top", y=-0.08, x=0), **extra)
    return fig


def _closed(values: Sequence) -> list:
    """A radar trace's values with the first repeated at the end, so the outline closes."""
    values = list(values)
    return values + values[:1] if values else values


def radar(area_labels: Sequence[str], current: Sequence[float | None], previous: Sequence[float | None], *,
          title: str, current_label: str, previous_label: str, area_column: str, height: int = 380) -> Chart:
    """The compass of one team (or all): the current quarter beside the previous, 0–100 per area."""
    fig = go.Figure()
    theta = _closed(area_labels)
    if any(v is not None for v in previous):
        fig.add_trace(go.Scatterpolar(r=_closed(previous), theta=theta, name=previous_label, mode="lines+markers",
                                      line=dict(color=PREVIOUS_COLOUR, dash="dash", width=2),
                                      marker=dict(symbol="square", size=7), connectgaps=False))
    fig.add_trace(go.Scatterpolar(r=_closed(current), theta=theta, name=current_label, mode="lines+markers",
                                  fill="toself", fillcolor="rgba(0,114,178,0.15)",
                                  line=dict(color=CURRENT_COLOUR, width=3), marker=dict(size=8),
                                  connectgaps=False))
    fig.update_layout(polar=dict(radialaxis=dict(range=[0, 100], tickvals=[25, 50, 75, 100], gridcolor="#d9d9d9"),
                                 angularaxis=dict(gridcolor="#d9d9d9")), showlegend=True)
    rows = [[label, fmt(c), fmt(p), fmt(None if c is None or p is None else c - p, 0)]
            for label, c, p in zip(area_labels, current, previous)]
    return Chart(_layout(fig, title, height), [area_column, current_label, previous_label, "±"], rows)


def small_multiples(area_labels: Sequence[str], team_names: Sequence[str],
                    scores: Sequence[Sequence[float | None]], *, title: str, team_column: str) -> Chart:
    """One small bar chart per area, teams on a shared axis: which team stands where on each area.

    `scores[t][a]` is team t's score on area a (None when missing, drawn as no bar).
    """
    n_areas = max(len(area_labels), 1)
    fig = make_subplots(rows=1, cols=n_areas, shared_yaxes=True, subplot_titles=list(area_labels),
                        horizontal_spacing=0.01)
    names = list(team_names)
    for a, label in enumerate(area_labels):
        values = [row[a] for row in scores]
        fig.add_trace(go.Bar(x=[v if v is not None else 0 for v in values], y=names, orientation="h",
                             name=label, marker_color=[PALETTE[a % len(PALETTE)] if v is not None else "#ffffff"
                                                       for v in values],
                             text=[fmt(v) for v in values], textposition="inside", insidetextanchor="end",
                             hovertemplate="%{y}: %{text}<extra>" + label + "</extra>", showlegend=False),
                      row=1, col=a + 1)
        fig.update_xaxes(range=[0, 100], showticklabels=False, gridcolor="#eeeeee", row=1, col=a + 1)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_annotations(font_size=12)
    height = max(240, 26 * len(names) + 110)
    rows = [[name, *(fmt(v) for v in row)] for name, row in zip(names, scores)]
    return Chart(_layout(fig, title, height, bargap=0.25), [team_column, *area_labels], rows)


def sparkline(periods: Sequence[date], values: Sequence[float | None], *, title: str, period_column: str,
              value_column: str, digits: int = 0, suffix: str = "") -> Chart:
    """A tiny line without axes for a key figure; the table gives the values."""
    fig = go.Figure(go.Scatter(x=list(periods), y=list(values), mode="lines", line=dict(color=CURRENT_COLOUR, width=2),
                               connectgaps=False, hovertemplate="%{x}: %{y}<extra></extra>"))
    fig.update_layout(font=FONT, height=60, margin=dict(l=2, r=2, t=2, b=2), showlegend=False,
                      paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)", title=dict(text=""),
                      meta=dict(title=title))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    rows = [[p.isoformat(), fmt(v, digits, suffix)] for p, v in zip(periods, values)]
    return Chart(fig, [period_column, value_column], rows)


def adoption_lines(periods: Sequence[date], series: Sequence[tuple[str, Sequence[float | None]]], *, title: str,
                   period_column: str, y_title: str, max_lines: int = 12) -> Chart:
    """Share of new cases handled with VUM per period, one line per team (or group), in per cent.

    The table has every series; the figure draws at most `max_lines` of them to stay legible.
    """
    fig = go.Figure()
    for index, (name, shares) in enumerate(series[:max_lines]):
        fig.add_trace(go.Scatter(x=list(periods), y=[None if s is None else round(100 * s, 1) for s in shares],
                                 mode="lines+markers", name=name, connectgaps=False,
                                 line=dict(color=PALETTE[index % len(PALETTE)], width=2,
                                           dash=("solid", "dot", "dash")[index // len(PALETTE) % 3]),
                                 marker=dict(symbol=index % 20, size=6),
                                 hovertemplate="%{y:.0f} %<extra>" + name + "</extra>"))
    fig.update_yaxes(range=[0, 100], title_text=y_title, gridcolor="#e6e6e6", ticksuffix=" %")
    fig.update_xaxes(gridcolor="#f0f0f0")
    rows = [[p.isoformat(), *(fmt(None if s[i] is None else 100 * s[i], 0, " %") for _n, s in series)]
            for i, p in enumerate(periods)]
    return Chart(_layout(fig, title, 380, hovermode="x unified"), [period_column, *(n for n, _s in series)], rows)


def cumulative_cases(days: Sequence[date], totals: Sequence[int], milestones: Sequence[tuple[int, date | None]], *,
                     title: str, day_column: str, total_column: str, milestone_label: str) -> Chart:
    """Cumulative cases handled with VUM, with each milestone reached marked by a star."""
    fig = go.Figure(go.Scatter(x=list(days), y=list(totals), mode="lines", name=total_column,
                               line=dict(color=CURRENT_COLOUR, width=3), line_shape="hv"))
    reached = [(count, on) for count, on in milestones if on is not None]
    if reached:
        fig.add_trace(go.Scatter(x=[on for _c, on in reached], y=[c for c, _on in reached], mode="markers+text",
                                 name=milestone_label, marker=dict(symbol="star", size=16, color="#E69F00",
                                                                   line=dict(color="#1a1a1a", width=1)),
                                 text=[str(c) for c, _on in reached], textposition="top left"))
    fig.update_yaxes(rangemode="tozero", gridcolor="#e6e6e6")
    rows = [[str(count), on.isoformat() if on else "–"] for count, on in milestones]
    return Chart(_layout(fig, title, 340), [milestone_label, day_column], rows)


def step_bars(step_labels: Sequence[str], shares: Sequence[float | None], used: Sequence[int], *, title: str,
              step_column: str, share_column: str, count_column: str, threshold: float) -> Chart:
    """Share of VUM cases that used each step; the skip threshold is drawn as a dashed line."""
    values = [None if s is None else round(100 * s, 1) for s in shares]
    fig = go.Figure(go.Bar(x=list(step_labels), y=[v or 0 for v in values], marker_color=CURRENT_COLOUR,
                           text=[fmt(v, 0, " %") for v in values], textposition="outside"))
    fig.add_hline(y=100 * threshold, line=dict(color="#D55E00", dash="dash", width=2))
    fig.update_yaxes(range=[0, 110], ticksuffix=" %", gridcolor="#e6e6e6")
    rows = [[label, fmt(v, 0, " %"), str(n)] for label, v, n in zip(step_labels, values, used)]
    return Chart(_layout(fig, title, 340), [step_column, share_column, count_column], rows)


def trend_lines(periods: Sequence[date], series: Sequence[tuple[str, Sequence[float | None]]], *, title: str,
                period_column: str, y_title: str, y_range: tuple[float, float] | None = None,
                digits: int = 0) -> Chart:
    """A few lines over time (e.g. each compass area per quarter), with the table."""
    fig = go.Figure()
    for index, (name, values) in enumerate(series):
        fig.add_trace(go.Scatter(x=list(periods), y=list(values), mode="lines+markers", name=name,
                                 connectgaps=False, line=dict(color=PALETTE[index % len(PALETTE)], width=2),
                                 marker=dict(symbol=index % 20, size=7)))
    if y_range:
        fig.update_yaxes(range=list(y_range))
    fig.update_yaxes(title_text=y_title, gridcolor="#e6e6e6")
    rows = [[p.isoformat(), *(fmt(v[i], digits) for _n, v in series)] for i, p in enumerate(periods)]
    return Chart(_layout(fig, title, 360, hovermode="x unified"), [period_column, *(n for n, _v in series)], rows)
