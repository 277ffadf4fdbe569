"""Forms for one case, the import upload and the import's column-mapping step."""
from __future__ import annotations

from flask_wtf.file import FileAllowed, FileField, FileRequired
from sqlalchemy import select
from wtforms import BooleanField, DateField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..extensions import db
from ..forms import BaseForm, MultiCheckboxField
from ..i18n import _l
from ..people.models import Team
from .models import CASE_TYPES, VUM_STEPS, Case


class CaseForm(BaseForm):
    """Enter or edit one case. Theme rating fields (theme_<id>) are added by `case_form()`."""

    reference = StringField(
        _l("Sagsnummer"), validators=[DataRequired(_l("Skriv sagsnummeret.")), Length(max=60)],
        description=_l("Det pseudonyme nummer fra sagssystemet. Aldrig CPR-nummer eller navn."))
    team_id = SelectField(_l("Team"), coerce=int, validators=[DataRequired(_l("Vælg et team."))])
    caseworker_id = SelectField(_l("Ansvarlig sagsbehandler"), coerce=int, validators=[Optional()])
    opened_on = DateField(_l("Oprettet"), validators=[DataRequired(_l("Skriv datoen som åååå-mm-dd."))])
    case_type = SelectField(_l("Sagstype"), choices=list(CASE_TYPES.items()))
    handled_with_vum = BooleanField(_l("Sagen er behandlet med VUM"))
    vum_steps = MultiCheckboxField(_l("Anvendte VUM-trin"), choices=list(VUM_STEPS.items()))
    submit = SubmitField(_l("Gem sagen"))

    def __init__(self, *args, editing_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        from .services import caseworker_choices

        self.editing_id = editing_id
        self.team_id.choices = [(0, _l("Vælg team"))] + [
            (t.id, t.name) for t in db.session.scalars(select(Team).order_by(Team.name))]
        self.caseworker_id.choices = [(0, _l("(ikke angivet)"))] + caseworker_choices()

    def validate_reference(self, field) -> None:
        """A reference is used by one case only."""
        stmt = select(Case.id).where(Case.reference == (field.data or "").strip())
        if self.editing_id:
            stmt = stmt.where(Case.id != self.editing_id)
        if db.session.scalar(stmt):
            raise ValidationError(_l("Der findes allerede en sag med dette sagsnummer."))

    def theme_fields(self):
        """(theme id, field) for each theme rating field, in theme order."""
        return [(int(name.split("_", 1)[1]), field) for name, field in self._fields.items()
                if name.startswith("theme_")]

    def ratings(self) -> dict[int, int | None]:
        """{theme id: 0–4 or None} from the submitted rating fields."""
        return {theme_id: (None if field.data in (None, "", "-") else int(field.data))
                for theme_id, field in self.theme_fields()}


def case_form(themes, scale_labels: dict[int, str], *args, **kwargs) -> CaseForm:
    """A CaseForm with one 0–4 select per active theme (named theme_<id>)."""

    class _CaseForm(CaseForm):
        pass

    choices = [("-", _l("Ikke vurderet"))] + [(str(v), f"{v} – {label}") for v, label in sorted(scale_labels.items())]
    for theme in themes:
        setattr(_CaseForm, f"theme_{theme.id}", SelectField(theme.name, choices=choices, default="-"))
    return _CaseForm(*args, **kwargs)


class UploadForm(BaseForm):
    """Step 1 of an import: the file."""

    file = FileField(_l("Fil fra sagssystemet (CSV eller Excel)"), validators=[
        FileRequired(_l("Vælg en fil.")),
        FileAllowed(["csv", "txt", "xlsx"], _l("Brug en CSV-fil (.csv) eller et Excel-ark (.xlsx)."))])
    submit = SubmitField(_l("Fortsæt til kolonnerne"))


def mapping_form(fields, headers: list[str], guessed: dict[str, str], *args, **kwargs):
    """Step 2 of an import: one select per case field, choosing the file column that holds it."""

    class MappingForm(BaseForm):
        submit = SubmitField(_l("Importér sagerne"))

    choices = [("", _l("(findes ikke i filen)"))] + [(h, h) for h in headers if h]
    names = []
    for index, item in enumerate(fields):
        validators = [DataRequired(_l("Vælg den kolonne, der indeholder feltet."))] if item.required else [Optional()]
        setattr(MappingForm, f"f{index}", SelectField(item.label, choices=choices, validators=validators,
                                                       default=guessed.get(item.key, "")))
        names.append((item.key, f"f{index}"))
    form = MappingForm(*args, **kwargs)
    form.field_keys = names
    return form


def mapping_from(form) -> dict[str, str]:
    """{field key: header} from a submitted mapping form."""
    return {key: getattr(form, name).data for key, name in form.field_keys if getattr(form, name).data}
