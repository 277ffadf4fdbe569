"""Forms for rounds, the review form, the audit meeting, recommendations and criteria versions."""
from __future__ import annotations

from sqlalchemy import select
from wtforms import (BooleanField, DateField, FieldList, FormField, HiddenField, IntegerField, RadioField,
                     SelectField, StringField, SubmitField, TextAreaField)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from ..extensions import db
from ..forms import BaseForm, MultiCheckboxField
from ..i18n import _l
from ..people.models import Person, Team
from .criteria import current_versions
from .models import LEVELS, RECURRENCES, ROUND_KINDS, SAMPLE_UNITS
from .review_models import REC_STATUSES


class RoundForm(BaseForm):
    """Set up a quality-check or audit round."""

    kind = RadioField(_l("Type"), choices=list(ROUND_KINDS.items()), default="kvalitet")
    title = StringField(_l("Titel"), validators=[DataRequired(_l("Skriv en titel.")), Length(max=160)])
    criteria_version_id = SelectField(_l("Kriterier"), coerce=int)
    teams = MultiCheckboxField(_l("Teams"), coerce=int, validators=[DataRequired(_l("Vælg mindst ét team."))])
    panel = MultiCheckboxField(_l("Panel (kun audit)"), coerce=int,
                               description=_l("Panelet vurderer alle sagerne hver for sig og mødes bagefter."))
    sample_unit = SelectField(_l("Antal sager"), choices=list(SAMPLE_UNITS.items()))
    sample_size = IntegerField(_l("Sager pr. team eller sagsbehandler"), default=2,
                               validators=[DataRequired(_l("Skriv et antal.")),
                                           NumberRange(1, 50, _l("Antallet skal være mellem 1 og 50."))])
    period_start = DateField(_l("Sager oprettet fra"), validators=[DataRequired(_l("Skriv en dato."))])
    period_end = DateField(_l("Sager oprettet til"), validators=[DataRequired(_l("Skriv en dato."))])
    only_new = BooleanField(_l("Kun nye henvendelser"), default=True)
    only_vum = BooleanField(_l("Kun sager behandlet med VUM"), default=True)
    spread_areas = BooleanField(_l("Spred sagerne på områder og sagstyper"), default=True)
    allow_repeat = BooleanField(_l("Tillad sager, der er trukket inden for det seneste år"))
    opens_on = DateField(_l("Runden åbner"), validators=[DataRequired(_l("Skriv en dato."))],
                         description=_l("Sagerne trækkes, og bedømmerne får besked, den dag runden åbner."))
    due_on = DateField(_l("Frist for bedømmerne"), validators=[DataRequired(_l("Skriv en dato."))])
    recurrence = SelectField(_l("Gentag runden"), choices=list(RECURRENCES.items()))
    seed = IntegerField(_l("Frø til lodtrækningen"), validators=[Optional()],
                        description=_l("Samme frø giver samme trækning. Tomt: åbningsdatoen bruges."))
    submit = SubmitField(_l("Opret runden"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria_version_id.choices = [(v.id, v.label) for v in current_versions()]
        self.teams.choices = [(t.id, t.name) for t in db.session.scalars(
            select(Team).where(Team.active.is_(True)).order_by(Team.name))]
        reviewers = select(Person).where(Person.active.is_(True), Person.password_hash.is_not(None)).order_by(Person.name)
        self.panel.choices = [(p.id, p.name) for p in db.session.scalars(reviewers)]

    def validate_period_end(self, field) -> None:
        if self.period_start.data and field.data and field.data < self.period_start.data:
            raise ValidationError(_l("Slutdatoen skal ligge efter startdatoen."))

    def validate_due_on(self, field) -> None:
        if self.opens_on.data and field.data and field.data < self.opens_on.data:
            raise ValidationError(_l("Fristen skal ligge efter den dag, runden åbner."))

    def validate_panel(self, field) -> None:
        if self.kind.data == "audit" and len(field.data or []) < 2:
            raise ValidationError(_l("Et auditpanel skal have mindst to medlemmer."))


def review_form(criteria, themes, scale_labels: dict[int, str], *args, **kwargs):
    """The review form: per criterion a level (c<id>) and a reason (r<id>); per theme a 0–4 value (t<id>)."""

    class ReviewForm(BaseForm):
        comment = TextAreaField(_l("Samlet kommentar"), validators=[Optional(), Length(max=4000)])
        save = SubmitField(_l("Gem kladde"))
        submit = SubmitField(_l("Afslut gennemgangen"))

    for criterion in criteria:
        setattr(ReviewForm, f"c{criterion.id}", RadioField(criterion.text, choices=list(LEVELS.items()),
                                                           validators=[Optional()], description=criterion.guidance))
        setattr(ReviewForm, f"r{criterion.id}", TextAreaField(_l("Begrundelse"), validators=[Optional(), Length(max=2000)]))
    theme_choices = [("-", _l("Ikke vurderet"))] + [(str(v), f"{v} – {label}") for v, label in sorted(scale_labels.items())]
    for theme in themes:
        setattr(ReviewForm, f"t{theme.id}", SelectField(theme.name, choices=theme_choices, default="-"))
    form = ReviewForm(*args, **kwargs)
    form.criteria = list(criteria)
    form.themes = list(themes)
    return form


def answers_from(form) -> dict[int, tuple[str, str]]:
    """{criterion id: (level, reason)} from a submitted review form."""
    return {c.id: (form[f"c{c.id}"].data or "", form[f"r{c.id}"].data or "") for c in form.criteria}


def theme_values_from(form) -> dict[int, int | None]:
    """{theme id: 0–4 or None} from a submitted review form."""
    return {t.id: (None if form[f"t{t.id}"].data in (None, "", "-") else int(form[f"t{t.id}"].data))
            for t in form.themes}


class MeetingForm(BaseForm):
    """The audit panel's meeting."""

    meeting_on = DateField(_l("Mødedato"), validators=[Optional()])
    meeting_notes = TextAreaField(_l("Drøftelse og konklusioner"), validators=[Optional(), Length(max=20000)])
    submit = SubmitField(_l("Gem referatet"))


class RecommendationForm(BaseForm):
    """A new numbered recommendation with an owner."""

    text = TextAreaField(_l("Anbefaling"), validators=[DataRequired(_l("Skriv anbefalingen.")), Length(max=1000)])
    owner_id = SelectField(_l("Ansvarlig"), coerce=int, validators=[Optional()])
    due_on = DateField(_l("Frist"), validators=[Optional()])
    add = SubmitField(_l("Tilføj anbefaling"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_id.choices = [(0, _l("(ingen endnu)"))] + [
            (p.id, p.name) for p in db.session.scalars(select(Person).where(Person.active.is_(True)).order_by(Person.name))]


class RecommendationStatusForm(BaseForm):
    """Change a recommendation's status."""

    status = SelectField(_l("Status"), choices=list(REC_STATUSES.items()))
    submit = SubmitField(_l("Opdatér"))


class CriterionEntry(BaseForm):
    """One criterion in the version editor."""

    class Meta:
        csrf = False

    key = HiddenField()
    group = StringField(_l("Gruppe"), validators=[Optional(), Length(max=120)])
    text = StringField(_l("Kriterium"), validators=[Optional(), Length(max=500)])
    guidance = StringField(_l("Hjælp til bedømmeren"), validators=[Optional(), Length(max=1000)])


class CriteriaVersionForm(BaseForm):
    """Make a new version of a criteria set (empty rows are left out)."""

    criteria = FieldList(FormField(CriterionEntry), min_entries=1)
    note = StringField(_l("Hvad er ændret?"), validators=[DataRequired(_l("Beskriv kort ændringen.")), Length(max=500)])
    submit = SubmitField(_l("Gem som ny version"))
