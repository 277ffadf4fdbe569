"""Forms for departments, teams, persons, superuser teams and the person import."""
from __future__ import annotations

from flask_wtf.file import FileAllowed, FileField, FileRequired
from sqlalchemy import func, or_, select
from wtforms import BooleanField, DateField, EmailField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from ..extensions import db
from ..forms import BaseForm, MultiCheckboxField
from ..i18n import _l
from .models import Department, Person, Team


def _unique(model, column, message):
    """Build a validator refusing a value already used by another row of `model`."""

    def check(form, field):
        value = (field.data or "").strip().lower()
        # SQLite's lower() leaves Æ/Ø/Å alone, so also match the exact text the unique index compares.
        stmt = select(model.id).where(or_(func.lower(column) == value, column == (field.data or "").strip()))
        if form.editing_id is not None:
            stmt = stmt.where(model.id != form.editing_id)
        if db.session.scalar(stmt) is not None:
            raise ValidationError(message)

    return check


class EditingForm(BaseForm):
    """A form that knows which row it edits (None when creating), for uniqueness checks."""

    def __init__(self, *args, editing_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing_id = editing_id


class DepartmentForm(EditingForm):
    """Create or edit a department."""

    name = StringField(_l("Navn"), validators=[DataRequired(_l("Skriv et navn.")), Length(max=120),
                                                _unique(Department, Department.name, _l("Der findes allerede en afdeling med det navn."))])
    description = TextAreaField(_l("Beskrivelse"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Gem"))


class TeamForm(EditingForm):
    """Create or edit a team."""

    name = StringField(_l("Navn"), validators=[DataRequired(_l("Skriv et navn.")), Length(max=120),
                                                _unique(Team, Team.name, _l("Der findes allerede et team med det navn."))])
    department_id = SelectField(_l("Afdeling"), coerce=int, validators=[Optional()])
    go_live = DateField(_l("Go-live-dato"), validators=[Optional()],
                        description=_l("Den dag teamet begynder at bruge VUM i nye sager."))
    active = BooleanField(_l("Aktivt"), default=True)
    submit = SubmitField(_l("Gem"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.department_id.choices = [(0, _l("(ingen afdeling)"))] + [
            (d.id, d.name) for d in db.session.scalars(select(Department).order_by(Department.name))
        ]


class PersonForm(EditingForm):
    """Create or edit a person's basic data."""

    name = StringField(_l("Navn"), validators=[DataRequired(_l("Skriv personens navn.")), Length(max=160)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(_l("Skriv en e-mailadresse.")),
                                                  Email(_l("E-mailadressen er ikke gyldig.")), Length(max=254),
                                                  _unique(Person, Person.email, _l("E-mailadressen bruges allerede af en anden person."))])
    title = StringField(_l("Stilling"), validators=[Optional(), Length(max=120)])
    team_id = SelectField(_l("Team"), coerce=int, validators=[Optional()])
    active = BooleanField(_l("Aktiv"), default=True)
    submit = SubmitField(_l("Gem"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.team_id.choices = [(0, _l("(intet team)"))] + [
            (t.id, t.name) for t in db.session.scalars(select(Team).order_by(Team.name))
        ]


class SuperuserTeamsForm(BaseForm):
    """Choose the teams a superuser supports."""

    teams = MultiCheckboxField(_l("Teams, som personen er superbruger for"), coerce=int)
    submit = SubmitField(_l("Gem"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.teams.choices = [(t.id, t.name) for t in db.session.scalars(select(Team).order_by(Team.name))]


class ImportForm(BaseForm):
    """Upload a CSV or XLSX file of persons."""

    file = FileField(_l("Fil (CSV eller Excel)"), validators=[
        FileRequired(_l("Vælg en fil.")),
        FileAllowed(["csv", "xlsx", "txt"], _l("Brug en CSV- eller Excel-fil (.csv eller .xlsx).")),
    ], description=_l("Kolonner: navn, e-mail, team, roller (eller name, email, team, roles)."))
    submit = SubmitField(_l("Importér"))
