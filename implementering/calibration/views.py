"""Pages for calibration: vignettes and reference ratings, rounds, blind rating, results, trend, import."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..analytics.agreement import DEFAULT_LEVEL, LEVELS
from ..audit import record
from ..extensions import db
from ..forms import uploaded_table
from ..i18n import _
from ..people.services import teams_in_order
from ..security import ANY_ROLE, READERS, SUPPORTERS, role_required
from ..settings.services import active_themes, scale_labels
from . import bp
from .forms import (CloseForm, ImportForm, RoundForm, VignetteForm, rating_form, reason_field_name,
                    reference_form, value_field_name)
from .importing import import_ratings
from .models import CalibrationRound, Vignette
from .presentation import leniency_view, own_rows, spread_charts, theme_names, trend_chart
from .results import LEVEL_LABELS, band_label, closed_rounds, problem_text, round_results, team_alphas, theme_trend
from .services import (NOT_RELEVANT, CalibrationError, can_manage, can_view, close_round, has_submitted,
                       is_invited, items_of, open_round, progress, rounds_for,
                       save_ratings, save_references, save_vignette, submission_for, teams_manageable_by,
                       vignettes_in_order)


def _round_or_404(round_id: int) -> CalibrationRound:
    """Load a round or answer 404."""
    return db.get_or_404(CalibrationRound, round_id)


def _level() -> str:
    """The requested level of measurement (?niveau=…), ordinal by default."""
    level = request.args.get("niveau", DEFAULT_LEVEL)
    return level if level in LEVELS else DEFAULT_LEVEL


# --- rounds -----------------------------------------------------------------------------------------

@bp.route("/")
@role_required(*ANY_ROLE)
def round_list():
    """The rounds the person may see: to rate, to run, and closed ones with results."""
    rounds = rounds_for(current_user)
    status = {r.id: ("closed" if r.is_closed else "submitted" if has_submitted(r, current_user) else
                     "invited" if is_invited(current_user, r) else "open") for r in rounds}
    return render_template("calibration/round_list.html", rounds=rounds, status=status,
                           may_open=bool(teams_manageable_by(current_user)))


@bp.route("/runder/ny", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def round_create():
    """Open a new round: vignettes, teams and deadline."""
    teams = teams_manageable_by(current_user)
    form = RoundForm(vignettes=vignettes_in_order(), teams=teams)
    if form.validate_on_submit():
        try:
            round_ = open_round(form.data, current_user)
        except CalibrationError as exc:
            form.team_ids.errors.append(str(exc))
        else:
            flash(_("Runden '%(t)s' er åbnet.", t=round_.title), "success")
            return redirect(url_for("calibration.round_detail", round_id=round_.id))
    return render_template("calibration/round_form.html", form=form, has_teams=bool(teams))


@bp.route("/runder/<int:round_id>")
@role_required(*ANY_ROLE)
def round_detail(round_id: int):
    """A round: its status, the person's own part, progress for those running it."""
    round_ = _round_or_404(round_id)
    if not can_view(current_user, round_):
        abort(403)
    manage = can_manage(current_user, round_)
    return render_template("calibration/round_detail.html", round=round_, manage=manage,
                           invited=is_invited(current_user, round_), submitted=has_submitted(round_, current_user),
                           progress=progress(round_) if manage else [], close_form=CloseForm())


@bp.route("/runder/<int:round_id>/luk", methods=["POST"])
@role_required(*SUPPORTERS)
def round_close(round_id: int):
    """Close the round and reveal results."""
    round_ = _round_or_404(round_id)
    form = CloseForm()
    if not can_manage(current_user, round_):
        abort(403)
    if form.validate_on_submit():
        try:
            close_round(round_, current_user)
            flash(_("Runden er lukket, og resultaterne kan nu ses."), "success")
        except CalibrationError as exc:
            flash(str(exc), "error")
    return redirect(url_for("calibration.round_detail", round_id=round_.id))


@bp.route("/runder/<int:round_id>/vurder", methods=["GET", "POST"])
@role_required(*ANY_ROLE)
def rate(round_id: int):
    """Rate every theme of every vignette in the round (blind: no one else's ratings are shown)."""
    round_ = _round_or_404(round_id)
    if not is_invited(current_user, round_):
        abort(403)
    if round_.is_closed or has_submitted(round_, current_user):
        return redirect(url_for("calibration.round_detail", round_id=round_.id))
    items = items_of(round_)
    submission = submission_for(round_, current_user)
    initial = {}
    for rating in (submission.ratings if submission else []):
        initial[value_field_name(rating.vignette_id, rating.theme_id)] = (
            NOT_RELEVANT if rating.value is None else str(rating.value))
        initial[reason_field_name(rating.vignette_id, rating.theme_id)] = rating.reason
    form = rating_form(items, scale_labels(), data=initial)
    if form.validate_on_submit():
        answers = {(v.id, item.theme_id): (form[value_field_name(v.id, item.theme_id)].data,
                                           form[reason_field_name(v.id, item.theme_id)].data)
                   for v, item in items}
        sending = bool(form.send.data)
        try:
            save_ratings(round_, current_user, answers, submit=sending)
        except CalibrationError as exc:
            flash(str(exc), "error")
        else:
            if sending:
                flash(_("Tak! Dine vurderinger er indsendt."), "success")
                return redirect(url_for("calibration.round_detail", round_id=round_.id))
            flash(_("Din kladde er gemt. Husk at indsende inden fristen."), "success")
            return redirect(url_for("calibration.rate", round_id=round_.id))
    return render_template("calibration/rate.html", round=round_, form=form, items=items,
                           value_field_name=value_field_name, reason_field_name=reason_field_name)


@bp.route("/runder/<int:round_id>/resultater")
@role_required(*ANY_ROLE)
def results(round_id: int):
    """Results of a closed round: agreement, spread per theme, reference ratings, own ratings, leniency."""
    round_ = _round_or_404(round_id)
    if not can_view(current_user, round_):
        abort(403)
    if not round_.is_closed:
        flash(_("Resultaterne vises, når runden er lukket."), "info")
        return redirect(url_for("calibration.round_detail", round_id=round_.id))
    level = _level()
    data = round_results(round_, level)
    lenience_chart, lenience_table = leniency_view(data, current_user)
    return render_template(
        "calibration/results.html", round=round_, data=data, level=level, levels=LEVEL_LABELS,
        theme_names=theme_names(data), spreads=spread_charts(data, current_user),
        lenience_chart=lenience_chart, lenience_table=lenience_table, own=own_rows(data, current_user),
        teams=team_alphas(round_, level), band_label=band_label, problem_text=problem_text,
        manage=can_manage(current_user, round_), casework=_round_casework(round_, data))


def _round_casework(round_: CalibrationRound, data):
    """The case register's agreement for the round's teams, for those who read team-level results."""
    from .casework_pages import round_casework

    if not current_user.has_any_role(READERS):
        return None
    names = theme_names(data)
    return round_casework(round_, list(names), names)


@bp.route("/runder/<int:round_id>/import", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def round_import(round_id: int):
    """Import ratings from a paper exercise (CSV/XLSX, long or wide); all rows or none."""
    round_ = _round_or_404(round_id)
    if not can_manage(current_user, round_):
        abort(403)
    form = ImportForm()
    report = None
    table = uploaded_table(form)
    if table is not None:
        headers, rows = table
        report = import_ratings(round_, headers, rows)
        if report.ok:
            record(current_user, "import", target=f"kalibreringsrunde {round_.id}", details=f"{report.created} vurderinger")
            flash(_("Importen er gennemført: %(n)s vurderinger fra %(r)s bedømmere.",
                    n=report.created, r=report.updated), "success")
            return redirect(url_for("calibration.round_detail", round_id=round_.id))
    return render_template("calibration/import.html", round=round_, form=form, report=report)


@bp.route("/udvikling")
@role_required(*READERS)
def trend():
    """Alpha per theme over closed rounds (optionally one team), with intervals and readings."""
    team_id = request.args.get("team", type=int) or None
    level = _level()
    rounds = closed_rounds(team_id)
    themes = {t.id: t.name for t in active_themes()}
    chart, readings = trend_chart(theme_trend(rounds, level, team_id), themes)
    return render_template("calibration/trend.html", trend_view=chart, readings=readings, rounds=rounds,
                           teams=teams_in_order(), team_id=team_id, level=level, levels=LEVEL_LABELS)


# --- vignettes --------------------------------------------------------------------------------------

@bp.route("/vignetter")
@role_required(*SUPPORTERS)
def vignette_list():
    """The vignette library with its themes and whether each has reference ratings."""
    return render_template("calibration/vignette_list.html", vignettes=vignettes_in_order(include_inactive=True))


@bp.route("/vignetter/ny", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def vignette_create():
    """Write a new vignette."""
    form = VignetteForm(themes=active_themes())
    if request.method == "GET":
        form.theme_ids.data = [t.id for t in active_themes()]
    if form.validate_on_submit():
        vignette = save_vignette(Vignette(), form.data, current_user)
        flash(_("Vignetten er gemt. Tilføj facit, så det kan vises, når runden lukker."), "success")
        return redirect(url_for("calibration.vignette_reference", vignette_id=vignette.id))
    return render_template("calibration/vignette_form.html", form=form, vignette=None)


@bp.route("/vignetter/<int:vignette_id>/rediger", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def vignette_edit(vignette_id: int):
    """Edit a vignette's text and themes."""
    vignette = db.get_or_404(Vignette, vignette_id)
    form = VignetteForm(obj=vignette, themes=active_themes())
    if request.method == "GET":
        form.theme_ids.data = [item.theme_id for item in vignette.items]
    if form.validate_on_submit():
        save_vignette(vignette, form.data, current_user)
        flash(_("Ændringerne er gemt."), "success")
        return redirect(url_for("calibration.vignette_list"))
    return render_template("calibration/vignette_form.html", form=form, vignette=vignette)


@bp.route("/vignetter/<int:vignette_id>/facit", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def vignette_reference(vignette_id: int):
    """The panel's reference rating and reasoning per theme (shown to raters only after a round closes)."""
    vignette = db.get_or_404(Vignette, vignette_id)
    form = reference_form(vignette)
    if form.validate_on_submit():
        references = {}
        for item in vignette.items:
            raw = form[f"value_{item.theme_id}"].data
            references[item.theme_id] = (int(raw) if raw not in (None, "") else None,
                                         form[f"reason_{item.theme_id}"].data or "")
        save_references(vignette, references)
        flash(_("Facit er gemt."), "success")
        return redirect(url_for("calibration.vignette_list"))
    return render_template("calibration/vignette_reference.html", form=form, vignette=vignette)


# --- the case register: case workers against reviewers ------------------------------------------

#: Period choices on the case-register page: months back (0 = everything).
CASEWORK_PERIODS = (12, 24, 36, 0)


@bp.route("/sager")
@role_required(*READERS)
def casework():
    """Agreement between case workers' ratings and reviewers' blind re-ratings, per theme and over time."""
    from datetime import timedelta

    from ..database import utcnow
    from .casework import casework_results, theme_names_in
    from .casework_pages import difference_sentence, paired_problem, result_cells, theme_chart, trend_view

    teams = teams_in_order()
    team_id = request.args.get("team", type=int) or None
    if team_id is not None and team_id not in {t.id for t in teams}:
        team_id = None
    months = request.args.get("periode", 24, type=int)
    months = months if months in CASEWORK_PERIODS else 24
    start = utcnow().date() - timedelta(days=round(months * 30.44)) if months else None
    data = casework_results([team_id] if team_id else None, start=start)
    names = theme_names_in(data)
    return render_template("calibration/casework.html", data=data, teams=teams, team_id=team_id, months=months,
                           periods=CASEWORK_PERIODS, theme_view=theme_chart(data, names),
                           trend_view=trend_view(data, names), difference=difference_sentence(data.overall),
                           paired_problem=paired_problem, overall_cells=result_cells(data.overall))
