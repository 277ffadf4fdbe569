"""Forms for vignettes, reference ratings, rounds, rating and the paper import.

The rating and reference forms are built per vignette/round, one field per theme, so
they subclass BaseForm at runtime (the CPR guard covers every reason field too).
"""
from __future__ import annotations

from datetime import date

from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, DateField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..forms import BaseForm, MultiCheckboxField
from ..i18n import _l
from .services import NOT_RELEVANT


def scale_choices(labels: dict[int, str]) -> list[tuple[str, str]]:
    """('0', '0 – Ingen begrænsninger') … plus 'ikke relevant'."""
    choices = [(str(v), f"{v} – {labels.get(v, '')}".rstrip(" –")) for v in range(5)]
    return choices + [(NOT_RELEVANT, str(_l("Ikke relevant")))]


class VignetteForm(BaseForm):
    """Create or edit a vignette."""

    title = StringField(_l("Titel"), validators=[DataRequired(_l("Skriv en titel.")), Length(max=200)],
                        description=_l("Et kort, fiktivt navn, fx 'Mand, 47 år, erhvervet hjerneskade'."))
    text = TextAreaField(_l("Sagsbeskrivelse"), validators=[DataRequired(_l("Skriv sagsbeskrivelsen.")),
                                                             Length(max=20000)],
                         description=_l("Fiktiv og uden personhenførbare oplysninger. CPR-numre afvises."))
    theme_ids = MultiCheckboxField(_l("Temaer der skal vurderes"), coerce=int,
                                   validators=[DataRequired(_l("Vælg mindst ét tema."))])
    active = BooleanField(_l("Kan bruges i nye runder"), default=True)
    submit = SubmitField(_l("Gem vignetten"))

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.theme_ids.choices = [(t.id, t.name) for t in themes]


class RoundForm(BaseForm):
    """Open a calibration round."""

    title = StringField(_l("Titel"), validators=[DataRequired(_l("Skriv en titel.")), Length(max=200)],
                        description=_l("Fx 'Kalibrering forår 2026'."))
    opens_on = DateField(_l("Åbner"), validators=[DataRequired(_l("Vælg en dato."))], default=date.today)
    deadline = DateField(_l("Frist"), validators=[DataRequired(_l("Vælg en frist."))],
                         description=_l("Sidste dag for at indsende vurderinger."))
    vignette_ids = MultiCheckboxField(_l("Vignetter"), coerce=int,
                                      validators=[DataRequired(_l("Vælg mindst én vignet."))])
    team_ids = MultiCheckboxField(_l("Teams"), coerce=int, validators=[DataRequired(_l("Vælg mindst ét team."))])
    submit = SubmitField(_l("Åbn runden"))

    def __init__(self, *args, vignettes=(), teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.vignette_ids.choices = [(v.id, v.title) for v in vignettes]
        self.team_ids.choices = [(t.id, t.name) for t in teams]

    def validate_deadline(self, field):
        """The deadline cannot be before the opening day."""
        if field.data and self.opens_on.data and field.data < self.opens_on.data:
            raise ValidationError(_l("Fristen kan ikke ligge før åbningsdatoen."))


class CloseForm(BaseForm):
    """Close a round (a button with CSRF protection)."""

    submit = SubmitField(_l("Luk runden og vis resultaterne"))


class ImportForm(BaseForm):
    """Upload paper ratings."""

    file = FileField(_l("Fil (CSV eller Excel)"), validators=[
        FileRequired(_l("Vælg en fil.")),
        FileAllowed(["csv", "xlsx", "txt"], _l("Brug en CSV- eller Excel-fil (.csv, .xlsx).")),
    ])
    submit = SubmitField(_l("Importér"))


def value_field_name(vignette_id: int, theme_id: int) -> str:
    """Name of the rating field for one theme of one vignette."""
    return f"v{vignette_id}_t{theme_id}"


def reason_field_name(vignette_id: int, theme_id: int) -> str:
    """Name of the reason field for one theme of one vignette."""
    return f"r{vignette_id}_t{theme_id}"


def rating_form(items, labels: dict[int, str], data=None):
    """A form with a 0–4/'ikke relevant' choice and a short reason per (vignette, theme item)."""

    class RatingForm(BaseForm):
        save = SubmitField(_l("Gem kladde"))
        send = SubmitField(_l("Indsend mine vurderinger"))

    for vignette, item in items:
        setattr(RatingForm, value_field_name(vignette.id, item.theme_id),
                RadioField(item.theme.name, choices=scale_choices(labels), validators=[Optional()]))
        setattr(RatingForm, reason_field_name(vignette.id, item.theme_id),
                StringField(_l("Kort begrundelse for %(theme)s", theme=item.theme.name),
                            validators=[Optional(), Length(max=500, message=_l("Højst 500 tegn."))]))
    return RatingForm(data=data)  # form data comes from the request on POST (Flask-WTF)


def reference_form(vignette):
    """A form with the reference rating and reasoning for each theme of `vignette`."""

    class ReferenceForm(BaseForm):
        submit = SubmitField(_l("Gem facit"))

    choices = [("", str(_l("(intet facit)")))] + [(str(v), str(v)) for v in range(5)]
    data = {}
    for item in vignette.items:
        setattr(ReferenceForm, f"value_{item.theme_id}",
                SelectField(_l("Facit for %(theme)s", theme=item.theme.name), choices=choices,
                            validators=[Optional()]))
        setattr(ReferenceForm, f"reason_{item.theme_id}",
                TextAreaField(_l("Begrundelse for %(theme)s", theme=item.theme.name),
                              validators=[Optional(), Length(max=4000)]))
        data[f"value_{item.theme_id}"] = "" if item.reference_value is None else str(item.reference_value)
        data[f"reason_{item.theme_id}"] = item.reference_reason
    return ReferenceForm(data=data)
