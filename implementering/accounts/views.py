"""Login, logout, own profile and password, and the admin's account pages."""
from __future__ import annotations

from urllib.parse import urlsplit

import math
import time

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from ..audit.services import client_ip, record
from ..extensions import db
from ..i18n import _
from ..people.forms import PersonForm
from ..people.models import Person
from ..people.services import save_person, search_persons
from ..security import ADMIN, ANY_ROLE, ROLE_LABELS, public, role_required
from . import bp
from .forms import AccountForm, ChangePasswordForm, ForgotPasswordForm, LoginForm, NewPasswordForm, ResetPasswordForm
from .services import (attempt_login, authenticate, person_for_reset_token, request_password_reset,
                       reset_password_with_token, revoke_sessions, set_password)


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
    status = 200
    if form.validate_on_submit():
        result = attempt_login(form.email.data, form.password.data, client_ip())
        if result.person is not None:
            session.clear()  # a fresh session on login: nothing carried over from before
            login_user(result.person)
            session["_last_seen"] = int(time.time())
            return redirect(_safe_next(request.args.get("next")))
        if result.wait_seconds:
            minutes = max(1, math.ceil(result.wait_seconds / 60))
            form.password.errors.append(_("Der har været for mange mislykkede forsøg på at logge ind. "
                                          "Vent %(n)s minut(ter), og prøv igen. Har du glemt adgangskoden, "
                                          "kan du få et nyt link herunder.", n=minutes))
            status = 429
        else:
            form.password.errors.append(_("E-mail eller adgangskode er forkert."))
    return render_template("accounts/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@role_required(*ANY_ROLE)
def logout():
    """Log out (POST only, so a link cannot log someone out)."""
    record(current_user._get_current_object(), "logout", current_user.email)
    logout_user()
    flash(_("Du er logget ud."), "info")
    return redirect(url_for("accounts.login"))


@bp.route("/min-side/log-ud-overalt", methods=["POST"])
@role_required(*ANY_ROLE)
def logout_everywhere():
    """End every session of the logged-in person, on every device, this one included."""
    person = current_user._get_current_object()
    record(person, "sessions.revoked", person.email, commit=False)
    revoke_sessions(person)
    logout_user()
    flash(_("Du er logget ud på alle enheder."), "info")
    return redirect(url_for("accounts.login"))


@bp.route("/glemt-adgangskode", methods=["GET", "POST"])
@public
def forgot_password():
    """Ask for a password-reset link by e-mail (the same answer whether or not the address exists)."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        request_password_reset(form.email.data, current_app.config["BASE_URL"])
        flash(_("Hvis adressen hører til en bruger, er der nu sendt en e-mail med et link. "
                "Linket virker i %(n)s minutter og kun én gang.",
                n=current_app.config["PASSWORD_RESET_MINUTES"]), "info")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/nulstil-adgangskode/<token>", methods=["GET", "POST"])
@public
def reset_password(token: str):
    """Choose a new password through a one-time link from the e-mail."""
    if person_for_reset_token(token) is None:
        return render_template("accounts/reset_invalid.html"), 400
    form = NewPasswordForm()
    if form.validate_on_submit():
        if reset_password_with_token(token, form.new_password.data) is None:
            return render_template("accounts/reset_invalid.html"), 400
        logout_user()
        flash(_("Din adgangskode er skiftet. Log ind med den nye."), "success")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_password.html", form=form)


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
            record(current_user, "password.changed", current_user.email, commit=False)
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
            record(current_user, "account.created", f"{person.name} <{person.email}>")
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
            if person.active != form.active.data:
                record(current_user, "account.updated", f"{person.name} <{person.email}>",
                       "aktiveret" if form.active.data else "deaktiveret", commit=False)
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
        record(current_user, "password.set_by_admin", f"{person.name} <{person.email}>", commit=False)
        revoke_sessions(person)
        flash(_("Ny adgangskode er sat for %(name)s.", name=person.name), "success")
        return redirect(url_for("accounts.account_edit", person_id=person.id))
    return render_template("accounts/account_edit.html", form=AccountForm(obj=person, formdata=None),
                           person=person, password_form=form, role_labels=ROLE_LABELS), 400
