"""Pure Plotly figure for the rollout plan: a Gantt timeline (no Flask, no database).

Bars are coloured by status (the legend names each status, and every bar's hover text
repeats it, so colour is never the only carrier), labelled with the responsible person,
grouped by focus area, with a line marking today.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import plotly.graph_objects as go

#: Colour per status key; chosen for contrast on white.
STATUS_COLOURS = {
    "planlagt": "#0059b3",
    "i_gang": "#a66300",
    "gennemfoert": "#358738",
    "udskudt": "#6b6b6b",
    "aflyst": "#a0a0a0",
    "forsinket": "#c42626",
}
DAY_MS = 24 * 60 * 60 * 1000


@dataclass(frozen=True)
class GanttBar:
    """One bar: a row label, the group it belongs to, its dates, status and responsible person."""

    row: str
    group: str
    start: date
    end: date
    status: str
    status_label: str
    responsible: str = ""
    title: str = ""


def gantt_figure(bars: list[GanttBar], today: date, *, title: str = "", today_label: str = "I dag",
                 responsible_label: str = "Ansvarlig") -> go.Figure:
    """A horizontal-bar timeline: one trace per status, rows grouped by focus area, a today line."""
    groups = sorted({bar.group for bar in bars})
    order = {(g, r): i for i, (g, r) in enumerate(sorted({(b.group, b.row) for b in bars},
                                                          key=lambda gr: (groups.index(gr[0]), gr[1])))}
    fig = go.Figure()
    statuses = list(dict.fromkeys(bar.status for bar in bars))
    ordered = sorted(order, key=order.get)
    if ordered:  # an invisible first trace fixes the row order (categories appear in first-seen order)
        fig.add_trace(go.Bar(orientation="h", y=[[g for g, _ in ordered], [r for _, r in ordered]],
                             x=[0] * len(ordered), base=[today.isoformat()] * len(ordered),
                             marker={"color": "rgba(0,0,0,0)"}, hoverinfo="skip", showlegend=False))
    for status in STATUS_COLOURS:
        if status not in statuses:
            continue
        chosen = [bar for bar in bars if bar.status == status]
        fig.add_trace(go.Bar(
            name=chosen[0].status_label,
            orientation="h",
            y=[[bar.group for bar in chosen], [bar.row for bar in chosen]],
            base=[bar.start.isoformat() for bar in chosen],
            x=[((bar.end - bar.start).days + 1) * DAY_MS for bar in chosen],
            text=[bar.responsible for bar in chosen],
            textposition="inside",
            insidetextanchor="start",
            textfont={"color": "#ffffff"},
            marker={"color": STATUS_COLOURS[status], "line": {"color": "#1a1a1a", "width": 0.5}},
            customdata=[[bar.title or bar.row, bar.start.strftime("%d.%m.%Y"), bar.end.strftime("%d.%m.%Y"),
                         bar.status_label, bar.responsible or "–"] for bar in chosen],
            hovertemplate=("<b>%{customdata[0]}</b><br>%{customdata[1]} – %{customdata[2]}<br>"
                           "%{customdata[3]}<br>" + responsible_label + ": %{customdata[4]}<extra></extra>"),
        ))
    rows = len(order)
    fig.add_shape(type="line", xref="x", yref="paper", x0=today.isoformat(), x1=today.isoformat(), y0=0, y1=1,
                  line={"color": "#1a1a1a", "width": 2, "dash": "dash"})
    fig.add_annotation(x=today.isoformat(), y=1, xref="x", yref="paper", text=today_label, showarrow=False,
                       yanchor="bottom", font={"color": "#1a1a1a"})
    starts = [bar.start for bar in bars] or [today]
    ends = [bar.end for bar in bars] or [today]
    fig.update_layout(
        title={"text": title} if title else None,
        barmode="overlay",
        height=max(320, 140 + 26 * rows),
        margin={"l": 10, "r": 10, "t": 40 if title else 30, "b": 40},
        legend={"orientation": "h", "y": -0.02, "yanchor": "top", "title": {"text": ""}},
        xaxis={"type": "date", "range": [(min(starts) - timedelta(days=3)).isoformat(),
                                         (max(ends) + timedelta(days=4)).isoformat()],
               "gridcolor": "#e6e6e6", "tickformat": "%d.%m.%y"},
        yaxis={"autorange": "reversed", "type": "multicategory"},
        plot_bgcolor="#ffffff",
        uniformtext={"minsize": 9, "mode": "hide"},
    )
    return fig
