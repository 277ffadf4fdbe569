"""Admin pages for the municipality, themes and scale labels."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from ..extensions import db
from ..i18n import _
from ..security import ADMIN, role_required
from . import bp
from .forms import MunicipalityForm, ScaleForm, ThemeForm
from .models import Theme
from .services import all_themes, municipality, save_municipality, save_scale_levels, save_theme, scale_levels


@bp.route("/", methods=["GET", "POST"])
@role_required(ADMIN)
def overview():
    """The municipality's name, the anonymity threshold, the themes and the scale."""
    form = MunicipalityForm(obj=municipality())
    if form.validate_on_submit():
        save_municipality(form.data)
        flash(_("Indstillingerne er gemt."), "success")
        return redirect(url_for("settings.overview"))
    return render_template("settings/overview.html", form=form, themes=all_themes(), levels=scale_levels())


@bp.route("/temaer/ny", methods=["GET", "POST"])
@role_required(ADMIN)
def theme_create():
    """Add a theme."""
    form = ThemeForm()
    if form.validate_on_submit():
        save_theme(Theme(), form.data)
        flash(_("Temaet er oprettet."), "success")
        return redirect(url_for("settings.overview"))
    return render_template("settings/theme_form.html", form=form, theme=None)


@bp.route("/temaer/<int:theme_id>", methods=["GET", "POST"])
@role_required(ADMIN)
def theme_edit(theme_id: int):
    """Edit or deactivate a theme."""
    theme = db.get_or_404(Theme, theme_id)
    form = ThemeForm(obj=theme, editing_id=theme.id)
    if form.validate_on_submit():
        save_theme(theme, form.data)
        flash(_("Temaet er gemt."), "success")
        return redirect(url_for("settings.overview"))
    return render_template("settings/theme_form.html", form=form, theme=theme)


@bp.route("/skala", methods=["GET", "POST"])
@role_required(ADMIN)
def scale_edit():
    """Edit the labels of the 0–4 scale."""
    levels = scale_levels()
    form = ScaleForm()
    if request.method == "GET":
        for entry, level in zip(form.levels.entries, levels):
            entry.form.label.data, entry.form.description.data = level.label, level.description
    if form.validate_on_submit():
        save_scale_levels({value: (entry.form.label.data, entry.form.description.data or "")
                           for value, entry in enumerate(form.levels.entries)})
        flash(_("Skalaen er gemt."), "success")
        return redirect(url_for("settings.overview"))
    return render_template("settings/scale_form.html", form=form)
