"""Forms of the plan: activities, the rollout wizard, goals, readiness questions and communication."""
from __future__ import annotations

from flask_wtf.file import FileAllowed, FileField, FileRequired
from sqlalchemy import select
from wtforms import (DateField, FloatField, IntegerField, RadioField, SelectField, SelectMultipleField,
                     StringField, SubmitField, TextAreaField, TimeField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from ..extensions import db
from ..forms import BaseForm, MultiCheckboxField
from ..i18n import _l
from ..people.models import Person, Team
from .constants import (ACTIVITY_STATUSES, ACTIVITY_TYPES, AUDIENCES, CHANNELS, COMM_STATUSES, FOCUS_AREAS,
                        READINESS_ANSWERS)

DATE_MESSAGE = _l("Skriv en gyldig dato, fx 2026-11-23.")
TIME_MESSAGE = _l("Skriv et klokkeslæt, fx 09:30.")


def person_choices(blank_label=None) -> list[tuple[int, str]]:
    """Active persons as (id, name) choices, with an optional 'nobody' choice 0 first."""
    rows = db.session.execute(select(Person.id, Person.name).where(Person.active.is_(True))
                              .order_by(Person.name)).all()
    choices = [(row.id, row.name) for row in rows]
    return ([(0, blank_label)] if blank_label else []) + choices


def team_choices() -> list[tuple[int, str]]:
    """Active teams as (id, name) choices."""
    return [(t.id, t.name) for t in db.session.scalars(select(Team).where(Team.active.is_(True))
                                                         .order_by(Team.name))]


def _choices(labels: dict, blank=None) -> list[tuple[str, object]]:
    return ([("", blank)] if blank else []) + list(labels.items())


class ActivityForm(BaseForm):
    """Create or edit an activity; on creation it can repeat as a series."""

    title = StringField(_l("Titel"), validators=[DataRequired(_l("Giv aktiviteten en titel.")), Length(max=200)])
    type = SelectField(_l("Type"), choices=_choices(ACTIVITY_TYPES))
    focus_area = SelectField(_l("Fokusområde"), choices=_choices(FOCUS_AREAS, _l("(intet fokusområde)")),
                             validators=[Optional()])
    description = TextAreaField(_l("Beskrivelse"), validators=[Optional(), Length(max=5000)])
    start_date = DateField(_l("Startdato"), validators=[InputRequired(_l("Vælg en startdato."))],
                           render_kw={"autocomplete": "off"})
    end_date = DateField(_l("Slutdato"), validators=[Optional()],
                         description=_l("Lad feltet stå tomt, hvis aktiviteten ligger på én dag."))
    start_time = TimeField(_l("Starttidspunkt"), validators=[Optional()])
    end_time = TimeField(_l("Sluttidspunkt"), validators=[Optional()])
    location = StringField(_l("Sted"), validators=[Optional(), Length(max=200)])
    responsible_id = SelectField(_l("Ansvarlig"), coerce=int, validators=[Optional()])
    status = SelectField(_l("Status"), choices=_choices(ACTIVITY_STATUSES))
    completed_on = DateField(_l("Gennemført den"), validators=[Optional()],
                             description=_l("Udfyldes automatisk med dags dato, når status sættes til gennemført."))
    persons = SelectMultipleField(_l("Deltagende personer"), coerce=int, validators=[Optional()],
                                  description=_l("Hold Ctrl (Cmd på Mac) nede for at vælge flere."))
    teams = MultiCheckboxField(_l("Deltagende teams"), coerce=int, validators=[Optional()])
    notes = TextAreaField(_l("Noter"), validators=[Optional(), Length(max=5000)])
    repeat_count = IntegerField(_l("Antal gange"), default=1,
                                validators=[Optional(), NumberRange(1, 52, _l("Vælg mellem 1 og 52 gange."))],
                                description=_l("Mere end 1 opretter en serie, hvor hver gang kan ændres eller aflyses for sig."))
    interval_weeks = IntegerField(_l("Uger mellem gangene"), default=1,
                                  validators=[Optional(), NumberRange(1, 26, _l("Vælg mellem 1 og 26 uger."))])
    submit = SubmitField(_l("Gem aktiviteten"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.responsible_id.choices = person_choices(_l("(ingen ansvarlig endnu)"))
        self.persons.choices = person_choices()
        self.teams.choices = team_choices()

    def validate_end_date(self, field):
        """The end may not lie before the start."""
        if field.data and self.start_date.data and field.data < self.start_date.data:
            raise ValidationError(_l("Slutdatoen kan ikke ligge før startdatoen."))

    def validate_end_time(self, field):
        """On a one-day activity the end time must follow the start time."""
        same_day = not self.end_date.data or self.end_date.data == self.start_date.data
        if field.data and self.start_time.data and same_day and field.data <= self.start_time.data:
            raise ValidationError(_l("Sluttidspunktet skal ligge efter starttidspunktet."))


class StatusForm(BaseForm):
    """Quick status change from the list or detail page."""

    status = SelectField(_l("Ny status"), choices=_choices(ACTIVITY_STATUSES))
    submit = SubmitField(_l("Skift status"))


class RolloutForm(BaseForm):
    """Step 1 of the wizard: name, first go-live, teams in scope, together or staggered."""

    name = StringField(_l("Navn på udrulningen"), default="Udrulning af VUM",
                       validators=[DataRequired(_l("Giv udrulningen et navn.")), Length(max=160)])
    go_live = DateField(_l("Go-live-dato"), validators=[InputRequired(_l("Vælg en go-live-dato."))],
                        description=_l("Den dag det første team tager VUM i brug i nye sager."))
    teams = MultiCheckboxField(_l("Teams i udrulningen"), coerce=int,
                               validators=[DataRequired(_l("Vælg mindst ét team."))])
    mode = RadioField(_l("Starter teamene samtidig?"), default="samtidig",
                      choices=[("samtidig", _l("Ja, alle teams går i gang samme dag")),
                               ("forskudt", _l("Nej, forskudt: hvert team får sin egen dato"))])
    stagger_weeks = IntegerField(_l("Forslag: uger mellem teamenes start"), default=4,
                                 validators=[Optional(), NumberRange(1, 26, _l("Vælg mellem 1 og 26 uger."))],
                                 description=_l("Bruges kun ved forskudt start; du kan rette hver dato i næste trin."))
    responsible_id = SelectField(_l("Ansvarlig for aktiviteterne"), coerce=int, validators=[Optional()],
                                 description=_l("Kan ændres pr. aktivitet bagefter."))
    submit = SubmitField(_l("Fortsæt"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.teams.choices = team_choices()
        self.responsible_id.choices = person_choices(_l("(mig selv)"))


class GoLiveForm(BaseForm):
    """A go-live date per team (step 2 of the wizard, and moving go-live later). Fields are added per team."""

    submit = SubmitField(_l("Gem datoerne"))


def golive_form_for(teams: list[Team], dates: dict[int, object], submit_label=None, formdata=None):
    """A GoLiveForm with one required date field `team_<id>` per team, prefilled from `dates`."""

    class _Form(GoLiveForm):
        pass

    for team in teams:
        setattr(_Form, f"team_{team.id}",
                DateField(_l("Go-live for %(team)s", team=team.name),
                          validators=[InputRequired(_l("Vælg en dato for teamet."))], default=dates.get(team.id)))
    if submit_label:
        _Form.submit = SubmitField(submit_label)
    return _Form(formdata=formdata) if formdata is not None else _Form()


class GoalForm(BaseForm):
    """A SMART goal; refuses a goal without measure, target or deadline."""

    text = TextAreaField(_l("Målet i én sætning"), validators=[DataRequired(_l("Beskriv målet.")), Length(max=1000)],
                         description=_l("Specifikt og realistisk, fx: 'Alle sagsbehandlere i Handicap Nord er uddannet i VUM'."))
    measure = SelectField(_l("Hvordan måles det?"), validators=[DataRequired(
        _l("Vælg hvordan målet måles: uden en måling kan ingen se, om det bliver nået."))])
    measure_label = StringField(_l("Navn på den målte værdi"), validators=[Optional(), Length(max=200)],
                                description=_l("Kun når værdien indtastes manuelt, fx 'andel nye sager i VUM'."))
    unit = StringField(_l("Enhed"), validators=[Optional(), Length(max=20)], description=_l("Fx %, sager eller point."))
    baseline = FloatField(_l("Udgangspunkt"), validators=[Optional()],
                          description=_l("Værdien da målet blev sat; tom betyder 0."))
    target = FloatField(_l("Måltal"), validators=[InputRequired(
        _l("Skriv et måltal: det er det, målet vurderes ud fra."))])
    direction = SelectField(_l("Retning"), choices=[("op", _l("Højere er bedre")), ("ned", _l("Lavere er bedre"))])
    start_date = DateField(_l("Startdato"), validators=[Optional()])
    deadline = DateField(_l("Frist"), validators=[InputRequired(
        _l("Vælg en frist: et mål uden tidsgrænse kan ikke følges."))])
    owner_id = SelectField(_l("Ejer"), coerce=int, validators=[Optional()])
    submit = SubmitField(_l("Gem målet"))

    def __init__(self, *args, measures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.measure.choices = [("", _l("(vælg en måling)"))] + list(measures)
        self.owner_id.choices = person_choices(_l("(ingen ejer)"))

    def validate_measure_label(self, field):
        """A manual measure must say what is measured."""
        if self.measure.data == "manual" and not (field.data or "").strip():
            raise ValidationError(_l("Skriv hvad der måles, når værdien indtastes manuelt."))

    def validate_deadline(self, field):
        """The deadline must come after the start."""
        if field.data and self.start_date.data and field.data <= self.start_date.data:
            raise ValidationError(_l("Fristen skal ligge efter startdatoen."))


class ReadingForm(BaseForm):
    """Enter the current value of a manually measured goal."""

    value = FloatField(_l("Værdi"), validators=[InputRequired(_l("Skriv en værdi."))])
    recorded_on = DateField(_l("Dato"), validators=[InputRequired(_l("Vælg en dato."))])
    note = StringField(_l("Bemærkning"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Registrér værdien"))


class ReadinessAnswerForm(BaseForm):
    """Answer one readiness question."""

    answer = RadioField(_l("Svar"), choices=list(READINESS_ANSWERS.items()), validators=[Optional()])
    owner_id = SelectField(_l("Ansvarlig"), coerce=int, validators=[Optional()])
    due_date = DateField(_l("Frist"), validators=[Optional()])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Gem svaret"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_id.choices = person_choices(_l("(ingen)"))


class ReadinessQuestionForm(BaseForm):
    """Add a question of one's own to a focus area's checklist."""

    focus_area = SelectField(_l("Fokusområde"), choices=list(FOCUS_AREAS.items()))
    question = StringField(_l("Spørgsmål"), validators=[DataRequired(_l("Skriv spørgsmålet.")), Length(max=500)])
    submit = SubmitField(_l("Tilføj spørgsmålet"))


class CommunicationForm(BaseForm):
    """One row of the communication plan."""

    audience = SelectField(_l("Målgruppe"), choices=list(AUDIENCES.items()))
    message = TextAreaField(_l("Budskab"), validators=[DataRequired(_l("Skriv budskabet.")), Length(max=2000)])
    channel = SelectField(_l("Kanal"), choices=list(CHANNELS.items()))
    planned_on = DateField(_l("Dato"), validators=[Optional()])
    timing = StringField(_l("Tidspunkt i ord"), validators=[Optional(), Length(max=120)],
                         description=_l("Hvis datoen ikke kendes endnu, fx 'en måned før go-live'."))
    responsible_id = SelectField(_l("Ansvarlig"), coerce=int, validators=[Optional()])
    status = SelectField(_l("Status"), choices=list(COMM_STATUSES.items()))
    activity_id = SelectField(_l("Knyttet til aktivitet"), coerce=int, validators=[Optional()])
    submit = SubmitField(_l("Gem"))

    def __init__(self, *args, **kwargs):
        from .models import Activity

        super().__init__(*args, **kwargs)
        self.responsible_id.choices = person_choices(_l("(ingen)"))
        rows = db.session.execute(select(Activity.id, Activity.title, Activity.start_date)
                                  .where(Activity.source.is_(None)).order_by(Activity.start_date)).all()
        self.activity_id.choices = [(0, _l("(ingen)"))] + [(r.id, f"{r.title} ({r.start_date:%d.%m.%Y})")
                                                           for r in rows]


class ImportForm(BaseForm):
    """Upload an edited plan workbook."""

    file = FileField(_l("Excel-fil (.xlsx) eller CSV"), validators=[
        FileRequired(_l("Vælg en fil.")), FileAllowed(["xlsx", "csv"], _l("Brug en .xlsx- eller .csv-fil."))])
    submit = SubmitField(_l("Importér"))
