"""Login, logout, own profile and password, and the admin's account pages."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user

from ..extensions import db
from ..i18n import _
from ..people.forms import PersonForm
from ..people.models import Person
from ..people.services import save_person, search_persons
from ..security import ADMIN, ANY_ROLE, ROLE_LABELS, public, role_required
from . import bp
from .forms import AccountForm, ChangePasswordForm, LoginForm, ResetPasswordForm
from .services import authenticate, record_login, revoke_sessions, set_password


def _safe_next(target: str | None) -> str:
    """Only follow a ?next= that stays on this site."""
    if target and not urlsplit(target).netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("core.index")


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    """Log in with e-mail and password."""
    if current_user.is_authenticated:
        return redirect(url_for("core.index"))
    form = LoginForm()
    if form.validate_on_submit():
        person = authenticate(form.email.data, form.password.data)
        if person is not None and person.can_log_in:
            login_user(person)
            record_login(person)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append(_("E-mail eller adgangskode er forkert."))
    return render_template("accounts/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@role_required(*ANY_ROLE)
def logout():
    """Log out (POST only, so a link cannot log someone out)."""
    logout_user()
    flash(_("Du er logget ud."), "info")
    return redirect(url_for("accounts.login"))


@bp.route("/min-side")
@role_required(*ANY_ROLE)
def profile():
    """The logged-in person's own page: roles, team, superusers."""
    return render_template("accounts/profile.html", person=current_user, role_labels=ROLE_LABELS)


@bp.route("/min-side/adgangskode", methods=["GET", "POST"])
@role_required(*ANY_ROLE)
def change_password():
    """Change one's own password."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if authenticate(current_user.email, form.current_password.data) is None:
            form.current_password.errors.append(_("Den nuværende adgangskode er forkert."))
        else:
            set_password(current_user, form.new_password.data)
            db.session.commit()
            flash(_("Din adgangskode er skiftet."), "success")
            return redirect(url_for("accounts.profile"))
    return render_template("accounts/change_password.html", form=form)


@bp.route("/brugere")
@role_required(ADMIN)
def account_list():
    """Admin: every person with login status and roles."""
    stmt = search_persons(query=request.args.get("q", ""), role=request.args.get("rolle") or None,
                          include_inactive=True)
    page = db.paginate(stmt, per_page=50, error_out=False)
    return render_template("accounts/account_list.html", page=page, role_labels=ROLE_LABELS, args=request.args)


@bp.route("/brugere/ny", methods=["GET", "POST"])
@role_required(ADMIN)
def account_create():
    """Admin: create a person with roles and a first password."""
    form = PersonForm()
    account_form = AccountForm(prefix="account")
    password_form = ResetPasswordForm(prefix="pw")
    if request.method == "POST":
        valid = form.validate() & account_form.validate() & password_form.validate()
        if valid:
            person = Person()
            set_password(person, password_form.new_password.data)
            save_person(person, {**form.data, "active": True, "roles": account_form.roles.data})
            flash(_("Brugeren %(name)s er oprettet.", name=person.name), "success")
            return redirect(url_for("accounts.account_edit", person_id=person.id))
    return render_template("accounts/account_create.html", form=form, account_form=account_form,
                           password_form=password_form)


@bp.route("/brugere/<int:person_id>", methods=["GET", "POST"])
@role_required(ADMIN)
def account_edit(person_id: int):
    """Admin: roles and active state of one account."""
    person = db.get_or_404(Person, person_id)
    form = AccountForm(obj=person)
    if request.method == "GET":
        form.roles.data = person.roles
    if form.validate_on_submit():
        if person.id == current_user.id and ADMIN not in form.roles.data:
            form.roles.errors.append(_("Du kan ikke fjerne din egen administratorrolle."))
        elif person.id == current_user.id and not form.active.data:
            form.active.errors.append(_("Du kan ikke deaktivere din egen konto."))
        else:
            person.set_roles(form.roles.data)
            person.active = form.active.data
            db.session.commit()
            flash(_("Kontoen er gemt."), "success")
            return redirect(url_for("accounts.account_edit", person_id=person.id))
    return render_template("accounts/account_edit.html", form=form, person=person,
                           password_form=ResetPasswordForm(), role_labels=ROLE_LABELS)


@bp.route("/brugere/<int:person_id>/adgangskode", methods=["POST"])
@role_required(ADMIN)
def account_reset_password(person_id: int):
    """Admin: set a new password for a person and end their open sessions."""
    person = db.get_or_404(Person, person_id)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        set_password(person, form.new_password.data)
        revoke_sessions(person)
        flash(_("Ny adgangskode er sat for %(name)s.", name=person.name), "success")
        return redirect(url_for("accounts.account_edit", person_id=person.id))
    return render_template("accounts/account_edit.html", form=AccountForm(obj=person, formdata=None),
                           person=person, password_form=form, role_labels=ROLE_LABELS), 400
