"""Forms for answering a pulse, editing question sets and planning schedules."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from wtforms import (BooleanField, DateField, IntegerField, RadioField, SelectField, StringField, SubmitField,
                     TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp, ValidationError

from ..extensions import db
from ..forms import BaseForm, MultiCheckboxField
from ..i18n import _l
from ..people.models import Team
from .models import ITEM_KINDS, SCALE_LABELS, Item, QuestionSet, Schedule


def answer_form_class(round_):
    """A form class with one 1–5 radio group per scale item of `round_` and the optional comment."""

    class AnswerForm(BaseForm):
        """One person's answer to one round."""

        submit = SubmitField(_l("Send mit svar"))

    choices = [(str(value), f"{value} · {label}") for value, label in SCALE_LABELS.items()]
    for item in round_.items:
        if item.is_scale:
            field = RadioField(item.text, choices=choices,
                               validators=[InputRequired(_l("Vælg et svar fra 1 til 5."))])
        else:
            field = TextAreaField(item.text, validators=[Optional(), Length(max=1000, message=_l(
                "Skriv højst 1000 tegn."))], description=_l("Skriv ikke navne eller CPR-numre."))
        setattr(AnswerForm, f"item_{item.id}", field)
    return AnswerForm


def scores_from(form, round_) -> tuple[dict[int, int], str]:
    """The {item_id: score} and comment typed into an answer form."""
    scores = {item.id: int(form[f"item_{item.id}"].data) for item in round_.scale_items}
    comment = next((form[f"item_{item.id}"].data or "" for item in round_.items if not item.is_scale), "")
    return scores, comment


class ItemWordingForm(BaseForm):
    """New wording for a question (a new version when the text changes)."""

    label = StringField(_l("Kort navn"), validators=[DataRequired(_l("Skriv et kort navn.")), Length(max=60)],
                        description=_l("Bruges i diagrammer og tabeller, fx \u201dMotivation\u201d."))
    text = TextAreaField(_l("Spørgsmålets ordlyd"),
                         validators=[DataRequired(_l("Skriv spørgsmålet.")), Length(max=300)],
                         description=_l("Ændrer du ordlyden, begynder en ny version, så tal fra den gamle og "
                                        "den nye formulering aldrig blandes."))
    submit = SubmitField(_l("Gem ordlyd"))


class NewItemForm(BaseForm):
    """A new question in a set."""

    key = StringField(_l("Nøgle"), validators=[DataRequired(_l("Skriv en nøgle.")), Length(max=60),
                                                 Regexp(r"^[a-z0-9_]+$", message=_l(
                                                     "Brug kun små bogstaver a–z, tal og understregning."))],
                      description=_l("Et fast navn til spørgsmålet på tværs af versioner, fx \u201dsparring\u201d."))
    label = StringField(_l("Kort navn"), validators=[DataRequired(_l("Skriv et kort navn.")), Length(max=60)])
    text = TextAreaField(_l("Spørgsmålets ordlyd"), validators=[DataRequired(_l("Skriv spørgsmålet.")),
                                                                Length(max=300)])
    kind = SelectField(_l("Type"), choices=[(k, v) for k, v in ITEM_KINDS.items()])
    submit = SubmitField(_l("Tilføj spørgsmål"))

    def __init__(self, *args, question_set: QuestionSet | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.question_set = question_set

    def validate_key(self, field):
        """A key is used once per set."""
        if self.question_set and db.session.scalar(select(Item.id).where(
                Item.question_set_id == self.question_set.id, Item.key == (field.data or "").strip().lower())):
            raise ValidationError(_l("Sættet har allerede et spørgsmål med den nøgle."))


class ScheduleForm(BaseForm):
    """Plan when a group of teams gets a pulse."""

    name = StringField(_l("Navn"), validators=[DataRequired(_l("Giv planen et navn.")), Length(max=120)])
    question_set_id = SelectField(_l("Spørgsmålssæt"), coerce=int)
    teams = MultiCheckboxField(_l("Teams"), coerce=int,
                               description=_l("Et team følger højst én plan; vælger du det her, flyttes det."))
    first_round_on = DateField(_l("Første runde åbner"), validators=[InputRequired(_l("Vælg en dato."))])
    cadence_weeks = IntegerField(_l("Uger mellem runderne"), default=4, validators=[
        InputRequired(_l("Skriv et antal uger.")), NumberRange(1, 26, _l("Vælg mellem 1 og 26 uger."))])
    open_days = IntegerField(_l("Dage åben"), default=7, validators=[
        InputRequired(_l("Skriv et antal dage.")), NumberRange(1, 28, _l("Vælg mellem 1 og 28 dage."))])
    reminder_after_days = IntegerField(_l("Påmindelse efter antal dage"), default=3, validators=[
        InputRequired(_l("Skriv et antal dage.")), NumberRange(1, 27, _l("Vælg mellem 1 og 27 dage."))])
    max_reminders = IntegerField(_l("Højst antal påmindelser"), default=2, validators=[
        InputRequired(_l("Skriv 0, 1 eller 2.")), NumberRange(0, 2, _l("Der sendes højst to påmindelser."))])
    active = BooleanField(_l("Aktiv"), default=True)
    submit = SubmitField(_l("Gem plan"))

    def __init__(self, *args, editing_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing_id = editing_id
        self.question_set_id.choices = [(s.id, s.name) for s in db.session.scalars(
            select(QuestionSet).order_by(QuestionSet.name))]
        self.teams.choices = [(t.id, t.name) for t in db.session.scalars(
            select(Team).where(Team.active.is_(True)).order_by(Team.name))]

    def validate_name(self, field):
        """Names are unique."""
        stmt = select(Schedule.id).where(Schedule.name == (field.data or "").strip())
        if self.editing_id:
            stmt = stmt.where(Schedule.id != self.editing_id)
        if db.session.scalar(stmt):
            raise ValidationError(_l("Der findes allerede en plan med det navn."))

    def validate_reminder_after_days(self, field):
        """A reminder must fall while the round is open."""
        if field.data and self.open_days.data and field.data >= self.open_days.data:
            raise ValidationError(_l("Påmindelsen skal komme, mens runden er åben."))


class ResultFilterForm(BaseForm):
    """Filters on the results page (GET, no CSRF)."""

    class Meta:
        csrf = False

    afdeling = SelectField(_l("Afdeling"), coerce=int, validators=[Optional()])
    team = SelectField(_l("Team"), coerce=int, validators=[Optional()])
    periode = SelectField(_l("Periode"), coerce=int, validators=[Optional()], choices=[
        (6, _l("Seneste 6 måneder")), (12, _l("Seneste 12 måneder")), (24, _l("Seneste 2 år")), (0, _l("Hele perioden"))],
        default=12)


def first_day(months: int, today: date) -> date | None:
    """The first day of a period of `months` back from `today` (None for the whole period)."""
    if not months:
        return None
    from datetime import timedelta

    return today - timedelta(days=round(months * 30.44))


class RemedyForm(BaseForm):
    """Choose one of the early warning's remedies to plan for a team."""

    remedy = SelectField(_l("Greb"), validators=[DataRequired(_l("Vælg et greb."))], validate_choice=False)
    submit = SubmitField(_l("Læg i aktivitetsplanen"))

    def __init__(self, *args, **kwargs):
        from .warnings import remedy_choices

        super().__init__(*args, **kwargs)
        self.remedy.choices = remedy_choices()

    def validate_remedy(self, field) -> None:
        """Only the listed remedies (the field's own check would answer in English)."""
        if field.data not in {key for key, _label in field.choices}:
            raise ValidationError(_l("Vælg et af de foreslåede greb."))
