"""Pure Plotly figure for training coverage: completed, enrolled and missing per team."""
from __future__ import annotations

import plotly.graph_objects as go

_FONT = dict(family="IBM Plex Sans, Arial, sans-serif", size=14, color="#1a1a1a")


def coverage_figure(teams: list[str], done: list[int], enrolled: list[int], missing: list[int]) -> go.Figure:
    """Stacked horizontal bars per team: completed, enrolled in a coming session, missing."""
    fig = go.Figure()
    for name, values, colour, pattern in (("Gennemført", done, "#1d5c1f", ""),
                                          ("Tilmeldt", enrolled, "#0059b3", "/"),
                                          ("Mangler", missing, "#a67c00", "x")):
        fig.add_bar(y=teams, x=values, name=name, orientation="h", marker=dict(color=colour,
                    pattern=dict(shape=pattern)), hovertemplate=f"%{{y}}: %{{x}} {name.lower()}<extra></extra>")
    fig.update_layout(barmode="stack", font=_FONT, height=80 + 28 * max(len(teams), 1),
                      margin=dict(l=10, r=20, t=20, b=40), legend=dict(orientation="h", y=-0.15),
                      xaxis=dict(title="Sagsbehandlere", rangemode="tozero"),
                      yaxis=dict(automargin=True, autorange="reversed"),
                      plot_bgcolor="#fff", paper_bgcolor="#fff")
    return fig
