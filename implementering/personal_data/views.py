"""Admin pages: what is stored about a person, export it, erase the person."""
from __future__ import annotations

from flask import Response, flash, redirect, render_template, url_for
from flask_login import current_user

from ..audit.services import record
from ..extensions import db
from ..i18n import _
from ..people.models import Person
from ..security import ADMIN, role_required
from . import bp
from .forms import EraseForm
from .services import collect, erase, export_json, export_xlsx, is_erased

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.route("/<int:person_id>")
@role_required(ADMIN)
def overview(person_id: int):
    """Admin: how much is stored about a person, with export and erase."""
    person = db.get_or_404(Person, person_id)
    return render_template("personal_data/overview.html", person=person, counts=collect(person).counts(),
                           form=EraseForm(), erased=is_erased(person))


@bp.route("/<int:person_id>/eksport.<fmt>")
@role_required(ADMIN)
def export(person_id: int, fmt: str):
    """Admin: download everything stored about a person as JSON or XLSX."""
    person = db.get_or_404(Person, person_id)
    if fmt not in ("json", "xlsx"):
        return render_template("errors/error.html", status=404, title=_("Siden findes ikke")), 404
    record(current_user, "person.exported", f"person #{person.id}", fmt)
    name = f"persondata-{person.id}.{fmt}"
    if fmt == "json":
        body, mimetype = export_json(person), "application/json"
    else:
        body, mimetype = export_xlsx(person), XLSX
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/<int:person_id>/slet", methods=["POST"])
@role_required(ADMIN)
def erase_person(person_id: int):
    """Admin: erase a person after typing their e-mail to confirm."""
    person = db.get_or_404(Person, person_id)
    form = EraseForm()
    if form.validate_on_submit():
        if (form.confirm_email.data or "").strip().lower() != person.email.lower():
            form.confirm_email.errors.append(_("E-mailen passer ikke med personens. Intet er slettet."))
        elif person.id == current_user.id:
            form.confirm_email.errors.append(_("Du kan ikke slette dig selv."))
        else:
            erase(person, current_user._get_current_object())
            flash(_("Personen er slettet. Historikken er bevaret uden navn."), "success")
            return redirect(url_for("personal_data.overview", person_id=person.id))
    return render_template("personal_data/overview.html", person=person, counts=collect(person).counts(),
                           form=form, erased=is_erased(person)), 400
