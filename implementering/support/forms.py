"""Forms for the support log (phone-first), questions, experience meetings, learnings and actions."""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from wtforms import (BooleanField, DateField, IntegerField, RadioField, SelectField, StringField, SubmitField,
                     TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from ..extensions import db
from ..forms import BaseForm, MultiCheckboxField
from ..i18n import _l
from ..people.models import Person, Team
from .constants import DURATIONS, KIND_TEAM_MEETING, LEARNING_CATEGORIES, PHASES, PRINCIPLES, SESSION_KINDS

#: A pseudonymous case reference: letters, digits and - _ / . only, no spaces (so no names).
CASE_REF = re.compile(r"^[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå\-_/.]{1,39}$")
CASE_REF_MESSAGE = _l("Skriv kun sagens pseudonyme reference (bogstaver, tal og bindestreg, ingen mellemrum "
                      "eller navne), fx SAG-2041.")


def _case_ref(form, field):
    """Refuse anything but a pseudonymous case reference."""
    value = (field.data or "").strip()
    if value and not CASE_REF.match(value):
        raise ValidationError(str(CASE_REF_MESSAGE))


def _duration_label(minutes: int) -> str:
    """'15 min' or '1½ t' for a preset duration."""
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours}{'½' if rest == 30 else ''} t"


class SupportLogForm(BaseForm):
    """Log a support session; built to be filled in on a phone in well under 30 seconds."""

    kind = RadioField(_l("Hvad slags støtte?"), choices=list(SESSION_KINDS.items()),
                      validators=[InputRequired(_l("Vælg hvad slags støtte det var."))])
    team_id = SelectField(_l("Team"), coerce=int, validators=[DataRequired(_l("Vælg teamet."))])
    day = DateField(_l("Dato"), default=date.today, validators=[DataRequired(_l("Skriv en dato."))])
    minutes = RadioField(_l("Varighed"), coerce=int, default=30,
                         choices=[(m, _duration_label(m)) for m in DURATIONS],
                         validators=[InputRequired(_l("Vælg varigheden."))])
    participant_count = IntegerField(_l("Antal deltagere"), default=1,
                                     validators=[Optional(), NumberRange(1, 200, _l("Skriv et tal mellem 1 og 200."))])
    principles = MultiCheckboxField(_l("Principper, I talte om"), choices=list(PRINCIPLES.items()))
    phases = MultiCheckboxField(_l("Sagens faser"), choices=list(PHASES.items()))
    questions = TextAreaField(_l("Spørgsmål, der blev stillet"), validators=[Optional(), Length(max=4000)],
                              description=_l("Ét spørgsmål pr. linje. De kommer på listen over åbne spørgsmål."))
    follow_up = BooleanField(_l("Kræver opfølgning"))
    case_ref_1 = StringField(_l("Sag 1 (pseudonym reference)"), validators=[Optional(), Length(max=40), _case_ref])
    case_ref_2 = StringField(_l("Sag 2 (pseudonym reference)"), validators=[Optional(), Length(max=40), _case_ref])
    next_presenter = StringField(_l("Hvem fremlægger på næste møde?"), validators=[Optional(), Length(max=200)])
    participant_names = StringField(_l("Deltagernes navne"), validators=[Optional(), Length(max=400)])
    notes = TextAreaField(_l("Noter"), validators=[Optional(), Length(max=4000)],
                          description=_l("Skriv aldrig borgerens navn eller CPR-nummer."))
    submit = SubmitField(_l("Gem"))

    def __init__(self, *args, teams: list[Team] = (), **kwargs):
        super().__init__(*args, **kwargs)
        # The superuser's own teams come first, so the first (preselected) one is usually right.
        self.team_id.choices = [(t.id, t.name) for t in teams]

    def validate_day(self, field):
        """Support is logged after it happened."""
        if field.data and field.data > date.today():
            raise ValidationError(str(_l("Datoen kan ikke ligge i fremtiden.")))

    def validate(self, extra_validators=None) -> bool:
        """Field checks, then: a team meeting records at least one of the cases discussed."""
        valid = super().validate(extra_validators)
        if self.kind.data == KIND_TEAM_MEETING and not (self.case_ref_1.data or "").strip() \
                and not self.case_ref_1.errors:
            self.case_ref_1.errors = [*self.case_ref_1.errors,
                                      str(_l("Skriv referencen på mindst én af de sager, teammødet drøftede."))]
            valid = False
        return valid


class QuestionForm(BaseForm):
    """Add a question that came up outside a logged session."""

    text = TextAreaField(_l("Spørgsmål"), validators=[DataRequired(_l("Skriv spørgsmålet.")), Length(max=2000)])
    team_id = SelectField(_l("Team"), coerce=int, validators=[Optional()])
    principle = SelectField(_l("Princip"), validators=[Optional()],
                            choices=[("", _l("(intet bestemt)"))] + list(PRINCIPLES.items()))
    submit = SubmitField(_l("Tilføj spørgsmål"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.team_id.choices = [(0, _l("(intet team)"))] + [
            (t.id, t.name) for t in db.session.scalars(select(Team).order_by(Team.name))]


class AnswerForm(BaseForm):
    """Answer a question once; it then joins the knowledge base."""

    text = TextAreaField(_l("Spørgsmål"), validators=[DataRequired(_l("Skriv spørgsmålet.")), Length(max=2000)],
                         description=_l("Du kan omformulere spørgsmålet, så det giver mening for alle."))
    principle = SelectField(_l("Princip"), validators=[Optional()],
                            choices=[("", _l("(intet bestemt)"))] + list(PRINCIPLES.items()))
    answer = TextAreaField(_l("Svar"), validators=[DataRequired(_l("Skriv svaret.")), Length(max=6000)])
    submit = SubmitField(_l("Gem svar"))


class MeetingForm(BaseForm):
    """Create or edit an experience meeting; on creation the learnings are typed one per line."""

    title = StringField(_l("Titel"), validators=[DataRequired(_l("Skriv en titel.")), Length(max=200)])
    day = DateField(_l("Dato"), default=date.today, validators=[DataRequired(_l("Skriv en dato."))])
    team_id = SelectField(_l("Team"), coerce=int, validators=[Optional()])
    facilitator_id = SelectField(_l("Mødeleder"), coerce=int, validators=[Optional()])
    participant_count = IntegerField(_l("Antal deltagere"), validators=[Optional(), NumberRange(1, 500, _l("Skriv et tal mellem 1 og 500."))])
    summary = TextAreaField(_l("Referat"), validators=[Optional(), Length(max=6000)])
    submit = SubmitField(_l("Gem møde"))

    def __init__(self, *args, persons: list[Person] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.team_id.choices = [(0, _l("Alle teams"))] + [
            (t.id, t.name) for t in db.session.scalars(select(Team).order_by(Team.name))]
        self.facilitator_id.choices = [(0, _l("(ingen valgt)"))] + [(p.id, p.name) for p in persons]


class NewMeetingForm(MeetingForm):
    """A new meeting, with one text box per kind of learning."""

    virker = TextAreaField(LEARNING_CATEGORIES["virker"], validators=[Optional(), Length(max=4000)],
                           description=_l("Én læring pr. linje."))
    svaert = TextAreaField(LEARNING_CATEGORIES["svaert"], validators=[Optional(), Length(max=4000)])
    kritik = TextAreaField(LEARNING_CATEGORIES["kritik"], validators=[Optional(), Length(max=4000)])
    usikkerhed = TextAreaField(LEARNING_CATEGORIES["usikkerhed"], validators=[Optional(), Length(max=4000)])
    resultat = TextAreaField(LEARNING_CATEGORIES["resultat"], validators=[Optional(), Length(max=4000)])


class LearningForm(BaseForm):
    """Add one learning to a meeting."""

    category = SelectField(_l("Slags"), choices=list(LEARNING_CATEGORIES.items()))
    text = TextAreaField(_l("Læring"), validators=[DataRequired(_l("Skriv læringen.")), Length(max=2000)])
    submit = SubmitField(_l("Tilføj læring"))


class ActionForm(BaseForm):
    """Turn a learning into an action with an owner and a due date."""

    title = StringField(_l("Handling"), validators=[DataRequired(_l("Skriv hvad der skal gøres.")), Length(max=200)])
    description = TextAreaField(_l("Beskrivelse"), validators=[Optional(), Length(max=4000)])
    owner_id = SelectField(_l("Ansvarlig"), coerce=int, validators=[DataRequired(_l("Vælg en ansvarlig."))])
    due = DateField(_l("Frist"), validators=[DataRequired(_l("Skriv en frist."))])
    learning_id = SelectField(_l("Fra læringen"), coerce=int, validators=[Optional()])
    submit = SubmitField(_l("Opret handling"))

    def __init__(self, *args, persons: list[Person] = (), learnings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_id.choices = [(0, _l("Vælg ansvarlig"))] + [(p.id, p.name) for p in persons]
        self.learning_id.choices = [(0, _l("(ingen bestemt)"))] + [
            (item.id, f"{item.category_label}: {item.text[:80]}") for item in learnings]


class CloseActionForm(BaseForm):
    """Close an action with what came of it."""

    outcome = TextAreaField(_l("Hvad blev resultatet?"), validators=[Optional(), Length(max=4000)])
    submit = SubmitField(_l("Luk handlingen"))


class ConfirmForm(BaseForm):
    """A button-only form that carries CSRF."""

    submit = SubmitField(_l("Bekræft"))
