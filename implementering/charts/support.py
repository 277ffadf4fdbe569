"""Pure Plotly figures for superuser support: intensity over time and the principles discussed."""
from __future__ import annotations

from datetime import date

import plotly.graph_objects as go

_FONT = dict(family="IBM Plex Sans, Arial, sans-serif", size=14, color="#1a1a1a")
_BLUE = "#004993"
_ORANGE = "#a64b00"


def intensity_figure(weeks: list[date], sessions: list[int], hours: list[float]) -> go.Figure:
    """Bars for sessions per week and a line for hours per week (second axis)."""
    fig = go.Figure()
    fig.add_bar(x=weeks, y=sessions, name="Støttesessioner", marker_color=_BLUE,
                hovertemplate="Uge af %{x|%d.%m.%Y}: %{y} sessioner<extra></extra>")
    fig.add_scatter(x=weeks, y=hours, name="Timer", mode="lines+markers", yaxis="y2",
                    line=dict(color=_ORANGE, width=3, dash="dot"), marker=dict(symbol="diamond", size=7),
                    hovertemplate="Uge af %{x|%d.%m.%Y}: %{y} timer<extra></extra>")
    fig.update_layout(
        font=_FONT, margin=dict(l=50, r=50, t=20, b=40), height=320, bargap=0.2,
        legend=dict(orientation="h", y=-0.2),
        yaxis=dict(title="Sessioner", rangemode="tozero"),
        yaxis2=dict(title="Timer", overlaying="y", side="right", rangemode="tozero", showgrid=False),
        xaxis=dict(title=None, tickformat="%d.%m"),
        plot_bgcolor="#fff", paper_bgcolor="#fff",
    )
    return fig


def topics_figure(labels: list[str], counts: list[int]) -> go.Figure:
    """A horizontal bar per principle (or phase), the most discussed at the top."""
    fig = go.Figure(go.Bar(x=list(reversed(counts)), y=list(reversed(labels)), orientation="h",
                           marker_color=_BLUE, text=list(reversed(counts)), textposition="outside",
                           hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.update_layout(font=_FONT, margin=dict(l=10, r=30, t=20, b=40), height=60 + 36 * max(len(labels), 1),
                      xaxis=dict(title="Antal sessioner", rangemode="tozero"), yaxis=dict(automargin=True),
                      plot_bgcolor="#fff", paper_bgcolor="#fff")
    return fig
