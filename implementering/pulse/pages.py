"""Turn published results into what the pages show: figures (as JSON) and their data tables."""
from __future__ import annotations

from datetime import date

from ..charts.pulse import CurveSeries, distribution_figure, heatmap_figure, motivation_curve_figure
from ..i18n import _, _l, format_dato
from ..people.models import Team
from .models import SCALE_LABELS
from .results import Published

PHASE_TEXT = {
    "forberedelse": _l("Før go-live: forventningen og nysgerrigheden plejer at stige."),
    "opstart": _l("Lige efter go-live: motivationen er ofte høj, fordi metoden er ny og spændende."),
    "dyk": _l("Typisk dyk: gamle rutiner skal aflæres, og det nye føles langsomt. Her hjælper støtte og træning."),
    "genrejsning": _l("Genrejsning: med sparring og øvelse plejer motivationen at stige igen."),
    "forankring": _l("Forankring: metoden er ved at blive en del af hverdagen."),
}
PHASE_LABELS = {
    "forberedelse": _l("Forberedelse"),
    "opstart": _l("Opstart"),
    "dyk": _l("Dyk"),
    "genrejsning": _l("Genrejsning"),
    "forankring": _l("Forankring"),
}
MAX_LINES = 6


def _fmt(value: float | None, digits: int = 2) -> str:
    """A Danish decimal, or a dash."""
    return f"{value:.{digits}f}".replace(".", ",") if value is not None else "–"


def too_few(min_size: int) -> str:
    """The note shown in place of a suppressed figure."""
    return _("færre end %(n)s svar", n=min_size)


def curve_context(published: Published, teams: list[Team], *, chart_id: str) -> dict | None:
    """The motivation-curve figure and table: one line per team (up to six), else the combined curve."""
    if not published.rounds:
        return None
    note = too_few(published.selection.min_size)
    series, rows = [], []
    versions = published.motivation_items()
    for item_id in versions:
        suffix = f" ({published.items[item_id].series_label})" if len(versions) > 1 else ""
        if len(teams) <= MAX_LINES:
            for team in teams:
                curve = published.curve(team, item_id)
                if not curve:
                    continue
                name = team.name + suffix
                series.append(CurveSeries(name, [p.on for p in curve], [p.mean for p in curve], [p.sd for p in curve],
                                          [p.expected for p in curve] if len(teams) == 1 else ()))
                rows += [[format_dato(p.on), name, _fmt(p.mean) if p.mean is not None else note, _fmt(p.sd),
                          _fmt(p.expected, 1)] for p in curve]
        else:
            curve = published.group_curve([team.id for team in teams], item_id)
            name = _("Alle valgte teams") + suffix
            series.append(CurveSeries(name, [p.on for p in curve], [p.mean for p in curve], [p.sd for p in curve]))
            rows += [[format_dato(p.on), name, _fmt(p.mean) if p.mean is not None else note, _fmt(p.sd), "–"]
                     for p in curve]
    if not series:
        return None
    figure = motivation_curve_figure(series, title=_("Motivation over tid"),
                                     expected_label=_("Typisk forløb (motivationskurven)"),
                                     band_label=_("spredning (±1 standardafvigelse)"),
                                     y_title=_("Gennemsnit, 1 = helt uenig, 5 = helt enig"))
    return {"figure_json": figure.to_json(), "id": chart_id, "title": _("Motivation over tid"),
            "columns": [_("Runde"), _("Team"), _("Motivation, gennemsnit"), _("Spredning"), _("Typisk forløb")],
            "rows": rows}


def heatmap_context(published: Published, teams: list[Team]) -> dict | None:
    """Teams × items for the latest closed round, with a distinct state for too few answers."""
    on = published.latest
    if on is None:
        return None
    item_ids = published.item_ids(on)
    shown_teams = [team for team in teams if published.invited.get((on, team.id)) or (on, team.id) in published.cells]
    if not item_ids or not shown_teams:
        return None
    note = too_few(published.selection.min_size)
    matrix, rows = [], []
    for team in shown_teams:
        result = published.group(on, [team.id])
        means = []
        for item_id in item_ids:
            stats = result.items.get(item_id)
            means.append(stats.mean if stats and not result.suppressed else None)
        matrix.append(means)
        rows.append([team.name] + [_fmt(m) if m is not None else note for m in means])
    labels = [published.items[i].series_label for i in item_ids]
    figure = heatmap_figure([t.name for t in shown_teams], labels, matrix,
                            title=_("Teams og spørgsmål, runden %(d)s", d=format_dato(on)), too_few_text=note)
    return {"figure_json": figure.to_json(), "id": "puls-heatmap",
            "title": _("Teams og spørgsmål, runden %(d)s", d=format_dato(on)),
            "columns": [_("Team")] + labels, "rows": rows}


def items_context(published: Published, teams: list[Team]) -> dict | None:
    """Mean, spread and distribution per item for the selection in the latest round (or why not)."""
    on = published.latest
    if on is None:
        return None
    result = published.group(on, [team.id for team in teams])
    invited = sum(published.invited.get((on, team.id), 0) for team in teams)
    context = {"on": on, "result": result, "invited": invited, "too_few": too_few(published.selection.min_size)}
    if result.suppressed:
        return context
    item_ids = [i for i in published.item_ids(on) if i in result.items]
    labels = [published.items[i].series_label for i in item_ids]
    figure = distribution_figure(labels, [result.items[i].shares for i in item_ids],
                                 [f"{v} {label}" for v, label in SCALE_LABELS.items()],
                                 title=_("Fordeling af svarene"))
    context.update(figure_json=figure.to_json(), id="puls-fordeling", title=_("Fordeling af svarene"),
                   columns=[_("Spørgsmål"), _("Svar"), _("Gennemsnit"), _("Spredning"),
                            *[f"{v}" for v in SCALE_LABELS]],
                   rows=[[published.items[i].series_label, result.items[i].n, _fmt(result.items[i].mean),
                          _fmt(result.items[i].sd), *result.items[i].distribution] for i in item_ids])
    return context


def team_section(viewer, team: Team) -> dict | None:
    """Context for the pulse block on a team page: the team's curve, when the viewer may see the team."""
    from ..database import utcnow
    from .results import Selection, load_published
    from .services import min_group_size, visible_teams

    if team.id not in {t.id for t in visible_teams(viewer)}:
        return None
    published = load_published(Selection(teams=[team], min_size=min_group_size()))
    if not published.rounds:
        return None
    return {"team": team, "curve": curve_context(published, [team], chart_id=f"puls-team-{team.id}"),
            "phase": phase_context(published, team, utcnow().date()), "phase_labels": PHASE_LABELS}


def phase_context(published: Published, team: Team, today: date) -> dict | None:
    """Where a single team is on the typical curve, and any early warning."""
    phase = published.phase(team, today)
    warning = published.warning(team)
    if phase is None and warning is None:
        return None
    return {"phase": phase, "phase_text": str(PHASE_TEXT[phase]) if phase else "", "warning": warning,
            "weeks": round((today - team.go_live).days / 7) if team.go_live else None}
