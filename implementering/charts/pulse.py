"""Pure Plotly figures for motivation pulses: the motivation curve, the team × item heatmap and
the answer distribution. Data and (already translated) labels in, `go.Figure` out.

Suppressed values arrive as None and are drawn as gaps or grey cells with a text, never
as numbers; the page always shows the same figures in a data table as well.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Sequence

import plotly.graph_objects as go

#: Colour-blind-safe line colours (Okabe–Ito), dark enough against white.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
EXPECTED_COLOUR = "#6b6b6b"
FONT = dict(family="IBM Plex Sans, Arial, sans-serif", size=14, color="#1a1a1a")


@dataclass(frozen=True)
class CurveSeries:
    """One team's curve: dates, means (None = suppressed), spreads and the expected curve."""

    name: str
    dates: Sequence[date]
    means: Sequence[float | None]
    sds: Sequence[float | None]
    expected: Sequence[float | None] = ()


def _layout(fig: go.Figure, title: str, *, height: int = 380, y_title: str = "") -> go.Figure:
    """Shared layout: readable font, legend below, white background."""
    fig.update_layout(title=dict(text=title, x=0), font=FONT, height=height, plot_bgcolor="#ffffff",
                      paper_bgcolor="#ffffff", margin=dict(l=56, r=16, t=48, b=48),
                      legend=dict(orientation="h", yanchor="top", y=-0.15, x=0), hovermode="x unified")
    if y_title:
        fig.update_yaxes(title_text=y_title)
    return fig


def _rgba(hex_colour: str, alpha: float) -> str:
    """'#0072B2' → 'rgba(0,114,178,alpha)'."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def motivation_curve_figure(series: Sequence[CurveSeries], *, title: str, expected_label: str,
                            band_label: str, y_title: str) -> go.Figure:
    """Mean motivation per round for each team, with a ±1 SD band, against the typical curve.

    The typical (expected) curve is drawn dashed for the first series that has one, so
    a team can see where it is on the rise–dip–recovery path.
    """
    fig = go.Figure()
    expected_drawn = False
    for index, curve in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        upper = [m + s if m is not None and s is not None else None for m, s in zip(curve.means, curve.sds)]
        lower = [m - s if m is not None and s is not None else None for m, s in zip(curve.means, curve.sds)]
        fig.add_trace(go.Scatter(x=list(curve.dates), y=upper, mode="lines", line=dict(width=0),
                                 hoverinfo="skip", showlegend=False, legendgroup=curve.name))
        fig.add_trace(go.Scatter(x=list(curve.dates), y=lower, mode="lines", line=dict(width=0), fill="tonexty",
                                 fillcolor=_rgba(colour, 0.15), name=f"{curve.name}: {band_label}",
                                 hoverinfo="skip", legendgroup=curve.name, showlegend=len(series) == 1))
        fig.add_trace(go.Scatter(x=list(curve.dates), y=list(curve.means), mode="lines+markers", name=curve.name,
                                 line=dict(color=colour, width=3), marker=dict(size=8, symbol=index % 20),
                                 legendgroup=curve.name, connectgaps=False,
                                 hovertemplate="%{y:.2f}<extra>" + curve.name + "</extra>"))
        if not expected_drawn and any(v is not None for v in curve.expected):
            fig.add_trace(go.Scatter(x=list(curve.dates), y=list(curve.expected), mode="lines",
                                     name=expected_label, line=dict(color=EXPECTED_COLOUR, width=2, dash="dash"),
                                     hovertemplate="%{y:.1f}<extra>" + expected_label + "</extra>"))
            expected_drawn = True
    fig.update_yaxes(range=[1, 5], dtick=1, gridcolor="#e6e6e6")
    fig.update_xaxes(gridcolor="#f0f0f0")
    return _layout(fig, title, y_title=y_title)


def heatmap_figure(row_labels: Sequence[str], column_labels: Sequence[str],
                   values: Sequence[Sequence[float | None]], *, title: str, too_few_text: str) -> go.Figure:
    """Teams (rows) × items (columns) of means; a None cell is grey and says `too_few_text`."""
    text = [[f"{v:.1f}".replace(".", ",") if v is not None else too_few_text for v in row] for row in values]
    z = [[v for v in row] for row in values]
    grey = [[0 if v is None else None for v in row] for row in values]
    fig = go.Figure()
    fig.add_trace(go.Heatmap(z=grey, x=list(column_labels), y=list(row_labels), showscale=False,
                             colorscale=[[0, "#d9d9d9"], [1, "#d9d9d9"]], hoverinfo="skip", xgap=2, ygap=2))
    fig.add_trace(go.Heatmap(z=z, x=list(column_labels), y=list(row_labels), zmin=1, zmax=5,
                             colorscale=[[0, "#f7fbff"], [0.5, "#9ecae1"], [1, "#08519c"]],
                             text=text, texttemplate="%{text}", textfont=dict(color="#1a1a1a"),
                             colorbar=dict(title="1–5"), xgap=2, ygap=2,
                             hovertemplate="%{y} · %{x}: %{text}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    height = max(260, 60 + 36 * len(row_labels))
    return _layout(fig, title, height=height)


def distribution_figure(item_labels: Sequence[str], distributions: Sequence[Sequence[float]],
                        scale_labels: Sequence[str], *, title: str) -> go.Figure:
    """Stacked horizontal bars: per item the share of answers on each step 1–5."""
    colours = ("#b2182b", "#ef8a62", "#bdbdbd", "#67a9cf", "#2166ac")
    fig = go.Figure()
    for step, label in enumerate(scale_labels):
        fig.add_trace(go.Bar(y=list(item_labels), x=[row[step] * 100 for row in distributions], name=label,
                             orientation="h", marker=dict(color=colours[step], line=dict(color="#ffffff", width=1)),
                             hovertemplate="%{y} · " + label + ": %{x:.0f} %<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_xaxes(range=[0, 100], ticksuffix=" %")
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, title, height=max(240, 80 + 44 * len(item_labels)))
