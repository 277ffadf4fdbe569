"""The leadership overview, how its scores are computed, the team page, print view and XLSX export."""
from __future__ import annotations

from datetime import date

from flask import abort, render_template, request, send_file
from flask_login import current_user
from markupsafe import Markup

from ..extensions import db
from ..people.models import Team
from ..security import role_required
from . import OVERVIEW_ROLES, TEAM_PAGE_ROLES, bp
from . import services

PERIODS = (3, 6, 12, 24, 36)


def _filters() -> dict:
    """Department, team and period (months) from the query string; unknown values are ignored."""
    months = request.args.get("periode", type=int)
    return {
        "department_id": request.args.get("afdeling", type=int) or None,
        "team_id": request.args.get("team", type=int) or None,
        "months": months if months in PERIODS else 12,
    }


def _today() -> date:
    """Today (a seam for tests and the demo)."""
    return date.today()


def _body(partial: str, key: tuple, build) -> Markup:
    """The page body from `partial`, rendered once per key (filters, viewer's roles) while the overview is cached.

    The body holds only figures and links; the layout around it (menu, user name, flash
    messages) is rendered for every request. `build` returns the partial's context.
    """
    key = (partial, *key, tuple(current_user.roles))
    html = services.cached_html(key)
    if html is None:
        html = render_template(partial, **build())
        services.store_html(key, html)
    return Markup(html)


@bp.route("/")
@role_required(*OVERVIEW_ROLES)
def index():
    """The leadership overview: key figures, adoption, the compass and teams side by side."""
    filters = _filters()
    today = _today()
    content = _body("overview/_index_content.html", (today, *filters.values(), False), lambda: dict(
        overview=services.overview_for(today, **filters), filters=filters, periods=PERIODS,
        all_teams=services.team_choices(), print_view=False))
    return render_template("overview/index.html", content=content, print_view=False)


@bp.route("/udskrift")
@role_required(*OVERVIEW_ROLES)
def print_view():
    """The overview laid out for A4 (no navigation or filters; tables open)."""
    filters = _filters()
    today = _today()
    content = _body("overview/_index_content.html", (today, *filters.values(), True), lambda: dict(
        overview=services.overview_for(today, **filters), filters=filters, periods=PERIODS, all_teams=[],
        print_view=True))
    return render_template("overview/index.html", content=content, print_view=True)


@bp.route("/eksport.xlsx")
@role_required(*OVERVIEW_ROLES)
def export_xlsx():
    """Every figure of the overview (with the current filters) as a sheet in one workbook."""
    filters = _filters()
    overview = services.overview_for(_today(), **filters)
    stream = services.workbook(overview)
    return send_file(stream, mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     as_attachment=True, download_name=f"overblik-{_today().isoformat()}.xlsx")


@bp.route("/beregning")
@role_required(*OVERVIEW_ROLES)
def method():
    """Exactly how each score and key figure is computed."""
    return render_template("overview/method.html", defaults=services.default_targets_for_page(),
                           min_group_size=services.current_min_group_size())


@bp.route("/team/<int:team_id>")
@role_required(*TEAM_PAGE_ROLES)
def team(team_id: int):
    """Everything about one team for the team meeting."""
    team = db.get_or_404(Team, team_id)
    if not services.may_see_team(current_user, team):
        abort(403)
    today = _today()

    def context():
        page = services.team_page(team, today)
        return dict(team=team, page=page, overview=page.overview)

    content = _body("overview/_team_content.html", (today, team.id), context)
    return render_template("overview/team.html", team=team, content=content)
