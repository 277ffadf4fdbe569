"""Pages of the case register: list, one case, entry form, the two-step import and its log."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..audit import record
from ..extensions import db
from ..i18n import _
from ..people.services import departments_in_order, teams_in_order
from ..security import PLANNERS, SUPPORTERS, role_required
from ..settings.services import active_themes, scale_labels
from ..tabular import TableError, read_table
from . import bp
from .forms import UploadForm, case_form, mapping_from, mapping_form
from .importing import guess_mapping, import_cases, import_fields, import_log
from .models import CASE_TYPES, VUM_STEPS, Case
from .services import discard_upload, load_upload, save_case, search_cases, store_upload


def _date_arg(name: str):
    """A date from the query string (ISO), or None."""
    from .importing import parse_date

    value = request.args.get(name, "")
    return parse_date(value) if value else None


@bp.route("/")
@role_required(*SUPPORTERS)
def case_list():
    """The case register with filters for reference, team, area, type, VUM use and period."""
    args = request.args
    stmt = search_cases(query=args.get("q", ""), team_id=args.get("team", type=int),
                        department_id=args.get("omraade", type=int), case_type=args.get("type") or None,
                        vum=args.get("vum") or None, opened_from=_date_arg("fra"), opened_to=_date_arg("til"))
    page = db.paginate(stmt, per_page=50, error_out=False, count=True)
    return render_template("cases/case_list.html", page=page, teams=teams_in_order(),
                           departments=departments_in_order(), case_types=CASE_TYPES, args=args)


@bp.route("/<int:case_id>")
@role_required(*SUPPORTERS)
def case_detail(case_id: int):
    """One case: its facts, the VUM steps used and the case worker's theme ratings."""
    case = db.get_or_404(Case, case_id)
    return render_template("cases/case_detail.html", case=case, themes=active_themes(),
                           labels=scale_labels(), steps=VUM_STEPS)


def _edit(case: Case | None):
    """Shared create/edit handler."""
    themes, labels = active_themes(), scale_labels()
    form = case_form(themes, labels, obj=case, editing_id=case.id if case else None)
    if request.method == "GET" and case is not None:
        form.caseworker_id.data = case.caseworker_id or 0
        form.vum_steps.data = case.vum_steps
        for theme_id, field in form.theme_fields():
            value = case.rating_for(theme_id)
            field.data = "-" if value is None else str(value)
    if form.validate_on_submit():
        saved = save_case(case or Case(), form.data, form.ratings())
        flash(_("Sagen %(ref)s er gemt.", ref=saved.reference), "success")
        return redirect(url_for("cases.case_detail", case_id=saved.id))
    return render_template("cases/case_form.html", form=form, case=case)


@bp.route("/ny", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def case_create():
    """Enter one case by hand."""
    return _edit(None)


@bp.route("/<int:case_id>/rediger", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def case_edit(case_id: int):
    """Edit one case."""
    return _edit(db.get_or_404(Case, case_id))


@bp.route("/import", methods=["GET", "POST"])
@role_required(*PLANNERS)
def case_import():
    """Import step 1: upload the case system's export."""
    form = UploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.read()
        try:
            read_table(upload.filename, data)
        except TableError as exc:
            form.file.errors.append(str(exc))
        else:
            token = store_upload(current_app.instance_path, upload.filename, data)
            return redirect(url_for("cases.case_import_mapping", token=token))
    return render_template("cases/import_upload.html", form=form, log=import_log(5))


@bp.route("/import/<token>", methods=["GET", "POST"])
@role_required(*PLANNERS)
def case_import_mapping(token: str):
    """Import step 2: choose which column holds which field, then import all rows or none."""
    stored = load_upload(current_app.instance_path, token)
    if stored is None:
        abort(404)
    filename, data = stored
    headers, rows = read_table(filename, data)
    fields = import_fields(active_themes())
    form = mapping_form(fields, headers, guess_mapping(headers, fields))
    report = None
    if form.validate_on_submit():
        report = import_cases(rows, mapping_from(form), current_user, filename=filename)
        if report.ok:
            discard_upload(current_app.instance_path, token)
            record(current_user, "import", target="sagsregister", details=f"{report.created} oprettet, {report.updated} opdateret")
            flash(_("Importen er gennemført: %(c)s sager oprettet, %(u)s opdateret, %(n)s uændret.",
                    c=report.created, u=report.updated, n=report.unchanged), "success")
            return redirect(url_for("cases.import_history"))
    return render_template("cases/import_mapping.html", form=form, report=report, filename=filename,
                           preview=rows[:5], headers=[h for h in headers if h], row_count=len(rows))


@bp.route("/import/log")
@role_required(*PLANNERS)
def import_history():
    """The import log: who imported which file when, and how many rows."""
    return render_template("cases/import_log.html", log=import_log(200))
