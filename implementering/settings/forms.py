"""Forms for the municipality's settings."""
from __future__ import annotations

from sqlalchemy import func, select
from wtforms import BooleanField, FieldList, FormField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, ValidationError

from ..extensions import db
from ..forms import BaseForm
from ..i18n import _l
from ..privacy import MIN_GROUP_SIZE_FLOOR
from .models import Theme


class MunicipalityForm(BaseForm):
    """The municipality's name and the pulse anonymity threshold."""

    name = StringField(_l("Kommunens navn"), validators=[DataRequired(_l("Skriv kommunens navn.")), Length(max=120)])
    pulse_min_group_size = IntegerField(
        _l("Mindste antal svar, før pulsresultater vises"),
        validators=[DataRequired(_l("Skriv et tal.")),
                    NumberRange(min=MIN_GROUP_SIZE_FLOOR, max=50,
                                message=_l("Tallet skal være mellem %(min)s og %(max)s."))],
        description=_l("Beskytter anonymiteten. Standard er 5; lavere end 3 er ikke tilladt."),
    )
    submit = SubmitField(_l("Gem"))


class ThemeForm(BaseForm):
    """One VUM theme."""

    name = StringField(_l("Navn"), validators=[DataRequired(_l("Skriv temaets navn.")), Length(max=120)])
    key = StringField(_l("Nøgle"), validators=[DataRequired(_l("Skriv en kort nøgle.")), Length(max=60),
                                              Regexp(r"^[a-z0-9_-]+$", message=_l("Brug kun små bogstaver a-z, tal, - og _."))],
                      description=_l("Bruges i import og eksport, fx 'egenomsorg'."))
    description = TextAreaField(_l("Beskrivelse"), validators=[Optional(), Length(max=1000)])
    kind = SelectField(_l("Type"), choices=[("aktivitet", _l("Aktivitet og deltagelse")), ("funktion", _l("Funktionsevne"))])
    position = IntegerField(_l("Rækkefølge"), validators=[Optional()], default=0)
    active = BooleanField(_l("Aktivt"), default=True)
    submit = SubmitField(_l("Gem"))

    def __init__(self, *args, editing_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing_id = editing_id

    def validate_key(self, field) -> None:
        """Keys are unique."""
        stmt = select(Theme.id).where(func.lower(Theme.key) == (field.data or "").strip().lower())
        if self.editing_id:
            stmt = stmt.where(Theme.id != self.editing_id)
        if db.session.scalar(stmt):
            raise ValidationError(_l("Nøglen bruges allerede af et andet tema."))


class ScaleLevelForm(BaseForm):
    """Label and explanation for one scale value (used inside ScaleForm)."""

    class Meta:
        csrf = False

    label = StringField(_l("Betegnelse"), validators=[DataRequired(_l("Skriv en betegnelse.")), Length(max=60)])
    description = StringField(_l("Forklaring"), validators=[Optional(), Length(max=500)])


class ScaleForm(BaseForm):
    """All five scale labels at once."""

    levels = FieldList(FormField(ScaleLevelForm), min_entries=5, max_entries=5)
    submit = SubmitField(_l("Gem skalaen"))
