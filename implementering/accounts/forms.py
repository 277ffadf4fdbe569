"""Forms for logging in, changing one's own password and administering accounts."""
from __future__ import annotations

from flask import current_app
from wtforms import BooleanField, EmailField, PasswordField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from ..forms import BaseForm, MultiCheckboxField
from ..i18n import _l
from ..security import ALL_ROLES, ROLE_LABELS


def password_length(form, field) -> None:
    """At least PASSWORD_MIN_LENGTH characters; no composition rules (NIST SP 800-63B)."""
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    if len(field.data or "") < minimum:
        raise ValidationError(_l("Adgangskoden skal være på mindst %(n)s tegn.", n=minimum))


class LoginForm(BaseForm):
    """E-mail and password."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(_l("Skriv din e-mail."))])
    password = PasswordField(_l("Adgangskode"), validators=[DataRequired(_l("Skriv din adgangskode."))])
    submit = SubmitField(_l("Log ind"))


class ChangePasswordForm(BaseForm):
    """Change one's own password; the current one is asked for first."""

    current_password = PasswordField(_l("Nuværende adgangskode"), validators=[DataRequired(_l("Skriv din nuværende adgangskode."))])
    new_password = PasswordField(
        _l("Ny adgangskode"),
        validators=[DataRequired(_l("Skriv en ny adgangskode.")), password_length],
        description=_l("Mindst 12 tegn. En sætning, du kan huske, er et godt valg."),
    )
    confirm = PasswordField(
        _l("Gentag ny adgangskode"),
        validators=[DataRequired(_l("Gentag den nye adgangskode.")), EqualTo("new_password", _l("De to adgangskoder er ikke ens."))],
    )
    submit = SubmitField(_l("Skift adgangskode"))


class AccountForm(BaseForm):
    """Admin: roles and active state of an account."""

    roles = MultiCheckboxField(
        _l("Roller"), choices=[(role, ROLE_LABELS[role]) for role in ALL_ROLES]
    )
    active = BooleanField(_l("Aktiv (kan logge ind)"))
    submit = SubmitField(_l("Gem"))


class ResetPasswordForm(BaseForm):
    """Admin: set a new password for someone."""

    new_password = PasswordField(
        _l("Ny adgangskode"),
        validators=[DataRequired(_l("Skriv en ny adgangskode.")), password_length],
        description=_l("Mindst 12 tegn. Giv den til personen ad en sikker vej."),
    )
    submit = SubmitField(_l("Sæt adgangskode"))


class ForgotPasswordForm(BaseForm):
    """Ask for a reset link by e-mail."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(_l("Skriv din e-mail.")),
                                                 Email(_l("Skriv en gyldig e-mailadresse."))])
    submit = SubmitField(_l("Send link"))


class NewPasswordForm(BaseForm):
    """Choose a new password after following a reset link."""

    new_password = PasswordField(
        _l("Ny adgangskode"),
        validators=[DataRequired(_l("Skriv en ny adgangskode.")), password_length],
        description=_l("Mindst 12 tegn. En sætning, du kan huske, er et godt valg."),
    )
    confirm = PasswordField(
        _l("Gentag ny adgangskode"),
        validators=[DataRequired(_l("Gentag den nye adgangskode.")), EqualTo("new_password", _l("De to adgangskoder er ikke ens."))],
    )
    submit = SubmitField(_l("Gem ny adgangskode"))
