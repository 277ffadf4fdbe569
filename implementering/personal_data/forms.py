"""The confirmation form for erasing a person."""
from __future__ import annotations

from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired

from ..forms import BaseForm
from ..i18n import _l


class EraseForm(BaseForm):
    """Erasing cannot be undone: the admin types the person's e-mail to confirm."""

    confirm_email = StringField(_l("Skriv personens e-mail for at bekræfte"),
                                validators=[DataRequired(_l("Skriv personens e-mail for at bekræfte."))])
    submit = SubmitField(_l("Slet personen"))
