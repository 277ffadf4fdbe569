"""Pages for departments, teams and persons, and the person import."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..core.panels import sections_for
from ..audit import record
from ..extensions import db
from ..forms import uploaded_table
from ..i18n import _
from ..security import PLANNERS, READERS, ROLE_LABELS, role_required
from . import bp
from .forms import DepartmentForm, ImportForm, PersonForm, SuperuserTeamsForm, TeamForm
from .models import Department, Person, Team
from .services import (departments_in_order, import_persons, save_department, save_person, save_team,
                       search_persons, set_superuser_teams, teams_for_listing, teams_in_order)


def _get_or_404(model, object_id: int):
    """Load a row by id or answer 404."""
    return db.get_or_404(model, object_id)


@bp.route("/personer")
@role_required(*READERS)
def person_list():
    """Searchable list of persons with filters for team, department and role."""
    args = request.args
    stmt = search_persons(
        query=args.get("q", ""),
        team_id=args.get("team", type=int),
        department_id=args.get("afdeling", type=int),
        role=args.get("rolle") or None,
        include_inactive=bool(args.get("inaktive")),
    )
    page = db.paginate(stmt, per_page=50, error_out=False)
    return render_template("people/person_list.html", page=page, teams=teams_in_order(),
                           departments=departments_in_order(), role_labels=ROLE_LABELS, args=args)


@bp.route("/personer/<int:person_id>")
@role_required(*READERS)
def person_detail(person_id: int):
    """One person: roles, team, superuser teams."""
    person = _get_or_404(Person, person_id)
    return render_template("people/person_detail.html", person=person, role_labels=ROLE_LABELS,
                           sections=sections_for("person", current_user, person))


@bp.route("/personer/ny", methods=["GET", "POST"])
@role_required(*PLANNERS)
def person_create():
    """Create a person."""
    form = PersonForm()
    if form.validate_on_submit():
        person = save_person(Person(), form.data)
        flash(_("%(name)s er oprettet.", name=person.name), "success")
        return redirect(url_for("people.person_detail", person_id=person.id))
    return render_template("people/person_form.html", form=form, person=None)


@bp.route("/personer/<int:person_id>/rediger", methods=["GET", "POST"])
@role_required(*PLANNERS)
def person_edit(person_id: int):
    """Edit a person's name, e-mail, title, team and active state."""
    person = _get_or_404(Person, person_id)
    form = PersonForm(obj=person, editing_id=person.id)
    if request.method == "GET":
        form.team_id.data = person.team_id or 0
    if form.validate_on_submit():
        save_person(person, {**form.data, "roles": None})
        flash(_("Ændringerne er gemt."), "success")
        return redirect(url_for("people.person_detail", person_id=person.id))
    return render_template("people/person_form.html", form=form, person=person)


@bp.route("/personer/<int:person_id>/superbruger", methods=["GET", "POST"])
@role_required(*PLANNERS)
def superuser_teams(person_id: int):
    """Choose which teams a superuser supports."""
    person = _get_or_404(Person, person_id)
    form = SuperuserTeamsForm()
    if request.method == "GET":
        form.teams.data = [team.id for team in person.supported_teams]
    if form.validate_on_submit():
        teams = [db.session.get(Team, team_id) for team_id in form.teams.data]
        set_superuser_teams(person, [team for team in teams if team is not None])
        flash(_("Superbrugerens teams er gemt."), "success")
        return redirect(url_for("people.person_detail", person_id=person.id))
    return render_template("people/superuser_teams.html", form=form, person=person)


@bp.route("/personer/import", methods=["GET", "POST"])
@role_required(*PLANNERS)
def person_import():
    """Upload a CSV/XLSX of persons; all rows are imported or none, with a row report."""
    form = ImportForm()
    report = None
    table = uploaded_table(form)
    if table is not None:
        headers, rows = table
        report = import_persons(headers, rows)
        if report.ok:
            record(current_user, "import", target="personer", details=f"{report.created} oprettet, {report.updated} opdateret")
            flash(_("Importen er gennemført: %(c)s oprettet, %(u)s opdateret, %(n)s uændret.",
                    c=report.created, u=report.updated, n=report.unchanged), "success")
            return redirect(url_for("people.person_list"))
    return render_template("people/person_import.html", form=form, report=report)


@bp.route("/teams")
@role_required(*READERS)
def team_list():
    """All teams with department, go-live date, size and superusers."""
    return render_template("people/team_list.html", teams=teams_for_listing())


@bp.route("/teams/<int:team_id>")
@role_required(*READERS)
def team_detail(team_id: int):
    """One team: members and superusers."""
    team = _get_or_404(Team, team_id)
    return render_template("people/team_detail.html", team=team, role_labels=ROLE_LABELS,
                           sections=sections_for("team", current_user, team))


@bp.route("/teams/ny", methods=["GET", "POST"])
@role_required(*PLANNERS)
def team_create():
    """Create a team."""
    form = TeamForm()
    if form.validate_on_submit():
        team = save_team(Team(), form.data)
        flash(_("Teamet %(name)s er oprettet.", name=team.name), "success")
        return redirect(url_for("people.team_detail", team_id=team.id))
    return render_template("people/team_form.html", form=form, team=None)


@bp.route("/teams/<int:team_id>/rediger", methods=["GET", "POST"])
@role_required(*PLANNERS)
def team_edit(team_id: int):
    """Edit a team."""
    team = _get_or_404(Team, team_id)
    form = TeamForm(obj=team, editing_id=team.id)
    if request.method == "GET":
        form.department_id.data = team.department_id or 0
    if form.validate_on_submit():
        save_team(team, form.data)
        flash(_("Ændringerne er gemt."), "success")
        return redirect(url_for("people.team_detail", team_id=team.id))
    return render_template("people/team_form.html", form=form, team=team)


@bp.route("/afdelinger")
@role_required(*READERS)
def department_list():
    """All departments with their teams."""
    return render_template("people/department_list.html", departments=departments_in_order())


@bp.route("/afdelinger/ny", methods=["GET", "POST"])
@role_required(*PLANNERS)
def department_create():
    """Create a department."""
    form = DepartmentForm()
    if form.validate_on_submit():
        save_department(Department(), form.data)
        flash(_("Afdelingen er oprettet."), "success")
        return redirect(url_for("people.department_list"))
    return render_template("people/department_form.html", form=form, department=None)


@bp.route("/afdelinger/<int:department_id>/rediger", methods=["GET", "POST"])
@role_required(*PLANNERS)
def department_edit(department_id: int):
    """Edit a department."""
    department = _get_or_404(Department, department_id)
    form = DepartmentForm(obj=department, editing_id=department.id)
    if form.validate_on_submit():
        save_department(department, form.data)
        flash(_("Ændringerne er gemt."), "success")
        return redirect(url_for("people.department_list"))
    return render_template("people/department_form.html", form=form, department=department)
