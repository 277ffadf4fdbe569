"""Plotly figures for calibration: spread of ratings, rater leniency heatmap, alpha over rounds.

Pure builders (no Flask, no database): plain data in, `go.Figure` out. Texts arrive
from the caller (already translated); the few axis words here are Danish defaults.
Every figure is shown with its data table by the page, so colour never carries
information on its own; values are also written in the cells and hover texts.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import plotly.graph_objects as go

SCALE = (0, 1, 2, 3, 4)
TENTATIVE = 0.667
RELIABLE = 0.800
_FONT = dict(family="IBM Plex Sans, Arial, sans-serif", size=13, color="#1a1a1a")
_BLUE = "#004993"
_ORANGE = "#a64b00"


def _layout(fig: go.Figure, height: int, **kwargs) -> go.Figure:
    """Common layout: white background, Danish decimal separator, compact margins."""
    fig.update_layout(height=height, font=_FONT, plot_bgcolor="#fff", paper_bgcolor="#fff",
                      margin=dict(l=60, r=20, t=30, b=60), separators=",.", **kwargs)
    return fig


@dataclass(frozen=True)
class SpreadColumn:
    """One vignette in the spread chart of a theme: how many gave each value, and the reference."""

    label: str
    counts: dict  # value (0–4) -> number of raters
    reference: int | None = None
    own: int | None = None  # the viewer's own value, if any


def spread_figure(columns: Sequence[SpreadColumn], value_labels: dict | None = None,
                  count_word: str = "bedømmere", reference_word: str = "Facit",
                  own_word: str = "Din vurdering") -> go.Figure:
    """Per vignette, a bubble for each scale value sized by how many raters chose it, plus the reference."""
    value_labels = value_labels or {}
    fig = go.Figure()
    xs, ys, sizes, texts = [], [], [], []
    biggest = max((max(c.counts.values(), default=0) for c in columns), default=0) or 1
    for column in columns:
        for value in SCALE:
            n = column.counts.get(value, 0)
            if n:
                xs.append(column.label)
                ys.append(value)
                sizes.append(12 + 40 * (n / biggest) ** 0.5)
                texts.append(str(n))
    fig.add_trace(go.Scatter(
        x=xs, y=ys, mode="markers+text", text=texts, textposition="middle center",
        textfont=dict(color="#fff", size=12), name=count_word.capitalize(),
        marker=dict(size=sizes, color=_BLUE, opacity=0.85, line=dict(color="#00264d", width=1)),
        hovertemplate="%{x}<br>" + "%{y}: %{text} " + count_word + "<extra></extra>",
    ))
    refs = [(c.label, c.reference) for c in columns if c.reference is not None]
    if refs:
        fig.add_trace(go.Scatter(
            x=[r[0] for r in refs], y=[r[1] for r in refs], mode="markers", name=reference_word,
            marker=dict(symbol="diamond-wide-open", size=34, color=_ORANGE, line=dict(width=3)),
            hovertemplate="%{x}<br>" + reference_word + ": %{y}<extra></extra>",
        ))
    owns = [(c.label, c.own) for c in columns if c.own is not None]
    if owns:
        fig.add_trace(go.Scatter(
            x=[o[0] for o in owns], y=[o[1] for o in owns], mode="markers", name=own_word,
            marker=dict(symbol="x-thin-open", size=22, color="#1a1a1a", line=dict(width=3)),
            hovertemplate="%{x}<br>" + own_word + ": %{y}<extra></extra>",
        ))
    fig.update_yaxes(range=[-0.6, 4.6], tickvals=list(SCALE),
                     ticktext=[f"{v} {value_labels.get(v, '')}".strip() for v in SCALE], gridcolor="#e6e6e6")
    fig.update_xaxes(type="category")
    return _layout(fig, 340, showlegend=True, legend=dict(orientation="h", y=-0.2))


def leniency_heatmap(rater_labels: Sequence[str], theme_labels: Sequence[str],
                     values: Sequence[Sequence[float | None]], colorbar_title: str = "Afvigelse") -> go.Figure:
    """Raters × themes coloured by mean signed deviation from colleagues (blue lower, orange higher).

    Each cell also shows its number, so the colour is never the only carrier of meaning.
    """
    z = [[None if v is None else round(float(v), 2) for v in row] for row in values]
    text = [["" if v is None else f"{v:+.2f}".replace(".", ",") for v in row] for row in z]
    bound = max([abs(v) for row in z for v in row if v is not None] + [0.5])
    fig = go.Figure(go.Heatmap(
        z=z, x=list(theme_labels), y=list(rater_labels), text=text, texttemplate="%{text}",
        zmin=-bound, zmax=bound, zmid=0, hoverongaps=False,
        colorscale=[[0.0, "#0b4f8a"], [0.5, "#f7f7f7"], [1.0, "#a64b00"]],
        colorbar=dict(title=dict(text=colorbar_title)),
        hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(type="category", tickangle=-30)
    return _layout(fig, max(260, 28 * len(rater_labels) + 140))


@dataclass(frozen=True)
class TrendPoint:
    """Alpha of one theme in one round, with its confidence interval if known."""

    round_label: str
    alpha: float | None
    low: float | None = None
    high: float | None = None


def alpha_trend_figure(series: dict[str, Sequence[TrendPoint]], reliable_word: str = "God (0,800)",
                       tentative_word: str = "Foreløbig (0,667)") -> go.Figure:
    """Alpha per theme over rounds, with 95% intervals as error bars and lines at 0.667 and 0.800."""
    fig = go.Figure()
    symbols = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon", "pentagon"]
    for i, (name, points) in enumerate(series.items()):
        ys = [p.alpha for p in points]
        plus = [None if p.high is None or p.alpha is None else max(p.high - p.alpha, 0) for p in points]
        minus = [None if p.low is None or p.alpha is None else max(p.alpha - p.low, 0) for p in points]
        fig.add_trace(go.Scatter(
            x=[p.round_label for p in points], y=ys, name=name, mode="lines+markers",
            marker=dict(symbol=symbols[i % len(symbols)], size=9), connectgaps=False,
            error_y=dict(type="data", array=[v or 0 for v in plus], arrayminus=[v or 0 for v in minus],
                         visible=True, thickness=1, width=3),
            hovertemplate=name + "<br>%{x}: %{y:.2f}<extra></extra>",
        ))
    for value, word, dash in ((RELIABLE, reliable_word, "dash"), (TENTATIVE, tentative_word, "dot")):
        fig.add_hline(y=value, line=dict(color="#545454", dash=dash, width=1),
                      annotation_text=word, annotation_position="top left")
    fig.update_yaxes(range=[-0.2, 1.05], gridcolor="#e6e6e6", title_text="Krippendorffs alfa")
    fig.update_xaxes(type="category")
    return _layout(fig, 420, legend=dict(orientation="h", y=-0.25))


def paired_theme_figure(theme_labels: Sequence[str], kappas: Sequence[float | None],
                        exact: Sequence[float | None], adjacent: Sequence[float | None],
                        kappa_word: str = "Vægtet kappa", exact_word: str = "Helt enige",
                        adjacent_word: str = "Højst ét trin fra hinanden") -> go.Figure:
    """Per theme: weighted kappa as bars, the shares of exact and adjacent agreement as markers (0–1).

    Themes without a kappa (too few pairs) get no bar; the data table says why.
    """
    labels = list(theme_labels)
    fig = go.Figure()
    fig.add_trace(go.Bar(x=labels, y=[None if k is None else round(k, 3) for k in kappas], name=kappa_word,
                         marker=dict(color=_BLUE), hovertemplate="%{x}<br>" + kappa_word + ": %{y:.2f}<extra></extra>"))
    for values, word, symbol, colour in ((exact, exact_word, "diamond", _ORANGE),
                                         (adjacent, adjacent_word, "circle-open", "#1a1a1a")):
        fig.add_trace(go.Scatter(x=labels, y=[None if v is None else round(v, 3) for v in values], name=word,
                                 mode="markers", marker=dict(symbol=symbol, size=12, color=colour, line=dict(width=2)),
                                 hovertemplate="%{x}<br>" + word + ": %{y:.0%}<extra></extra>"))
    for value, dash in ((RELIABLE, "dash"), (TENTATIVE, "dot")):
        fig.add_hline(y=value, line=dict(color="#545454", dash=dash, width=1))
    fig.update_yaxes(range=[-0.2, 1.05], gridcolor="#e6e6e6")
    fig.update_xaxes(type="category", tickangle=-30)
    return _layout(fig, 380, showlegend=True, legend=dict(orientation="h", y=-0.35))


def paired_trend_figure(series: dict[str, Sequence[tuple[str, float | None]]],
                        y_title: str = "Vægtet kappa") -> go.Figure:
    """Weighted kappa per quarter, one line per series (e.g. all themes, then each theme)."""
    fig = go.Figure()
    symbols = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon", "pentagon"]
    for i, (name, points) in enumerate(series.items()):
        fig.add_trace(go.Scatter(
            x=[p[0] for p in points], y=[None if p[1] is None else round(p[1], 3) for p in points], name=name,
            mode="lines+markers", connectgaps=False,
            line=dict(width=4 if i == 0 else 2, color=_BLUE if i == 0 else None),
            marker=dict(symbol=symbols[i % len(symbols)], size=9),
            hovertemplate=name + "<br>%{x}: %{y:.2f}<extra></extra>",
        ))
    for value, dash in ((RELIABLE, "dash"), (TENTATIVE, "dot")):
        fig.add_hline(y=value, line=dict(color="#545454", dash=dash, width=1))
    fig.update_yaxes(range=[-0.2, 1.05], gridcolor="#e6e6e6", title_text=y_title)
    fig.update_xaxes(type="category")
    return _layout(fig, 400, legend=dict(orientation="h", y=-0.25))
