"""Forms for courses, sessions, enrolment and the attendance screen."""
from __future__ import annotations

from sqlalchemy import select
from wtforms import (BooleanField, DateField, IntegerField, SelectField, SelectMultipleField, StringField,
                     SubmitField, TextAreaField, TimeField)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from ..extensions import db
from ..forms import BaseForm, MultiCheckboxField
from ..i18n import _l
from ..people.models import Person, Team
from .constants import COURSE_KINDS
from .models import Course


class CourseForm(BaseForm):
    """Create or edit a course."""

    name = StringField(_l("Navn"), validators=[DataRequired(_l("Skriv kursets navn.")), Length(max=160)])
    kind = SelectField(_l("Slags kursus"), choices=[(k, v) for k, v in COURSE_KINDS.items()])
    description = TextAreaField(_l("Indhold"), validators=[Optional(), Length(max=4000)])
    hours = IntegerField(_l("Varighed i timer"), validators=[Optional(), NumberRange(1, 200, _l("Skriv et antal timer mellem 1 og 200."))])
    required = BooleanField(_l("Alle sagsbehandlere skal have kurset før deres teams go-live"))
    active = BooleanField(_l("Aktivt"), default=True)
    submit = SubmitField(_l("Gem kursus"))

    def __init__(self, *args, editing_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing_id = editing_id

    def validate_name(self, field):
        """Course names are unique."""
        query = select(Course.id).where(Course.name == (field.data or "").strip())
        if self.editing_id:
            query = query.where(Course.id != self.editing_id)
        if db.session.scalar(query) is not None:
            raise ValidationError(_l("Der findes allerede et kursus med det navn."))


class SessionForm(BaseForm):
    """Create or edit a session of a course."""

    day = DateField(_l("Dato"), validators=[DataRequired(_l("Vælg en dato."))])
    start_time = TimeField(_l("Starttid"), validators=[Optional()])
    end_time = TimeField(_l("Sluttid"), validators=[Optional()])
    location = StringField(_l("Sted"), validators=[Optional(), Length(max=200)],
                           description=_l("Lokale og adresse, eller linket til et onlinemøde."))
    online = BooleanField(_l("Online"))
    trainer_id = SelectField(_l("Underviser"), coerce=int, validators=[Optional()])
    trainer_name = StringField(_l("Ekstern underviser"), validators=[Optional(), Length(max=160)],
                               description=_l("Når underviseren ikke er ansat i kommunen."))
    capacity = IntegerField(_l("Antal pladser"), validators=[Optional(), NumberRange(1, 500, _l("Skriv et antal pladser mellem 1 og 500."))])
    notes = TextAreaField(_l("Bemærkninger"), validators=[Optional(), Length(max=2000)])
    cancelled = BooleanField(_l("Holdet er aflyst"))
    submit = SubmitField(_l("Gem hold"))

    def __init__(self, *args, trainers: list[Person] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.trainer_id.choices = [(0, _l("(ingen valgt)"))] + [(p.id, p.name) for p in trainers]

    def validate_end_time(self, field):
        """The session cannot end before it starts."""
        if field.data and self.start_time.data and field.data <= self.start_time.data:
            raise ValidationError(_l("Sluttiden skal ligge efter starttiden."))


class EnrolForm(BaseForm):
    """Enrol whole teams and/or single persons in a session."""

    teams = MultiCheckboxField(_l("Hele teams"), coerce=int, validators=[Optional()])
    persons = SelectMultipleField(_l("Enkelte personer"), coerce=int, validators=[Optional()],
                                  description=_l("Hold Ctrl (eller Cmd) nede for at vælge flere."))
    submit = SubmitField(_l("Tilmeld"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.teams.choices = [(t.id, t.name) for t in db.session.scalars(
            select(Team).where(Team.active.is_(True)).order_by(Team.name))]
        self.persons.choices = [(p.id, p.name) for p in db.session.scalars(
            select(Person).where(Person.active.is_(True)).order_by(Person.name))]

    def validate(self, extra_validators=None) -> bool:
        """At least one team or person must be chosen."""
        if not super().validate(extra_validators):
            return False
        if not self.teams.data and not self.persons.data:
            self.teams.errors.append(str(_l("Vælg mindst ét team eller én person.")))
            return False
        return True


class AttendanceForm(BaseForm):
    """The attendance screen: the radio buttons are drawn per enrolment; this form carries CSRF."""

    submit = SubmitField(_l("Gem fremmøde"))


class ConfirmForm(BaseForm):
    """A button-only form (delete, unenrol) that carries CSRF."""

    submit = SubmitField(_l("Bekræft"))
