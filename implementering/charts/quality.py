"""Pure Plotly figures for quality checks: the answer distribution per criterion and the trend
of the share 'i høj grad/i nogen grad'. Data and translated labels in, `go.Figure` out."""
from __future__ import annotations

from typing import Sequence

import plotly.graph_objects as go

#: Dark-to-light blues for the positive answers, oranges for the negative, grey for 'cannot judge'
#: (colour is never the only carrier: the legend and data table name each level).
LEVEL_COLOURS = ("#08519c", "#6baed6", "#fdae6b", "#d94801", "#969696")
FONT = dict(family="IBM Plex Sans, Arial, sans-serif", size=14, color="#1a1a1a")


def distribution_figure(criteria: Sequence[str], counts: Sequence[Sequence[int]], level_labels: Sequence[str],
                        *, title: str) -> go.Figure:
    """Horizontal stacked bars: for each criterion the share of each answer level (in %)."""
    fig = go.Figure()
    totals = [max(sum(row), 1) for row in counts]
    for index, label in enumerate(level_labels):
        values = [round(100 * row[index] / total, 1) for row, total in zip(counts, totals)]
        fig.add_trace(go.Bar(y=list(criteria), x=values, name=label, orientation="h",
                             marker_color=LEVEL_COLOURS[index % len(LEVEL_COLOURS)],
                             hovertemplate="%{y}: %{x} %<extra>" + label + "</extra>"))
    fig.update_layout(barmode="stack", title=dict(text=title, x=0), font=FONT, plot_bgcolor="#ffffff",
                      paper_bgcolor="#ffffff", height=max(320, 38 * len(criteria) + 140),
                      margin=dict(l=16, r=16, t=48, b=48), legend=dict(orientation="h", y=-0.12, x=0))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(range=[0, 100], ticksuffix=" %")
    return fig


def trend_figure(periods: Sequence[str], shares: Sequence[float | None], *, title: str, name: str) -> go.Figure:
    """A line of the positive share (in %) per period; gaps where there are no answers."""
    fig = go.Figure(go.Scatter(x=list(periods), y=[None if s is None else round(100 * s, 1) for s in shares],
                               mode="lines+markers", name=name, line=dict(color="#08519c", width=3),
                               connectgaps=False))
    fig.update_layout(title=dict(text=title, x=0), font=FONT, plot_bgcolor="#ffffff", paper_bgcolor="#ffffff",
                      height=340, margin=dict(l=56, r=16, t=48, b=48), showlegend=False)
    fig.update_yaxes(range=[0, 100], ticksuffix=" %", gridcolor="#e0e0e0")
    fig.update_xaxes(type="category")
    return fig
