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
            if is_text and isinstance(field.data, str) and "\x00" in field.data:
                field.data = field.data.replace("\x00", "")  # PostgreSQL refuses NUL in text
            if is_text and not isinstance(field, PasswordField) and name != "csrf_token":
                extra.setdefault(name, []).append(NoCPR())
        valid = super().validate(extra_validators=extra)
        for field in self._fields.values():
            # A date or number field re-shows what was typed: never a CPR number.
            raw = getattr(field, "raw_data", None) or []
            if any(isinstance(value, str) and contains_cpr(value) for value in raw):
                field.raw_data = [redact_cpr(value) if isinstance(value, str) else value for value in raw]
                if not field.errors:
                    field.errors = [str(CPR_MESSAGE)]
                valid = False
        return valid


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def uploaded_table(form):
    """Validate an upload form and read its `file` field as a CSV/XLSX table.

    Returns (headers, rows), or None when the form is not submitted or not valid; a file
    that cannot be read gets its Danish message on the file field.
    """
    from .tabular import TableError, read_table

    if not form.validate_on_submit():
        return None
    upload = form.file.data
    try:
        return read_table(upload.filename, upload.read())
    except TableError as exc:
        form.file.errors.append(str(exc))
        return None
