"""Form base class and shared validators.

`BaseForm` refuses a CPR number in *every* text field of every form, so a new form
is protected without anyone having to remember it.
"""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from .i18n import _l
from .privacy import contains_cpr, redact_cpr

CPR_MESSAGE = _l(
    "Feltet ser ud til at indeholde et CPR-nummer. Det må ikke gemmes her: "
    "fjern nummeret og brug fx et pseudonymt sagsnummer."
)


class NoCPR:
    """WTForms validator refusing text that contains a CPR number (never echoes it)."""

    def __init__(self, message=None):
        self.message = message or CPR_MESSAGE

    def __call__(self, form, field):
        if isinstance(field.data, str) and contains_cpr(field.data):
            # Keep the rest of what was typed, but never send the number back to the browser.
            field.data = redact_cpr(field.data)
            raise ValidationError(str(self.message))


class BaseForm(FlaskForm):
    """FlaskForm with CSRF, Danish messages and the CPR guard on every text field."""

    class Meta:
        locales = ["da_DK", "da"]

    def validate(self, extra_validators=None) -> bool:
        """Run the normal validation, then refuse CPR numbers in every text field."""
        extra = dict(extra_validators or {})
        for name, field in self._fields.items():
            is_text = isinstance(field, (StringField, TextAreaField))
            if is_text and not isinstance(field, PasswordField) and name != "csrf_token":
                extra.setdefault(name, []).append(NoCPR())
        return super().validate(extra_validators=extra)


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
