"""Pages of the activity plan: list, my activities, timeline, week view, activity pages and the wizard."""
from __future__ import annotations

from datetime import date, timedelta

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..i18n import _, _l
from ..people.models import Person, Team
from ..security import ANY_ROLE, PLANNERS, SUPERBRUGER, SUPPORTERS, may_access, role_required
from . import bp
from .constants import ACTIVITY_STATUSES, ACTIVITY_TYPES, FOCUS_AREAS
from .forms import ActivityForm, RolloutForm, StatusForm, golive_form_for, person_choices, team_choices
from .models import Activity, Rollout
from .queries import ActivityFilter, filtered_query, timeline_bars, week_bounds, week_days
from .rollout import draft_rollout, move_go_live, staggered_dates
from .services import (activities_for_person, cancel_rest_of_series, create_activity, create_series,
                       delete_activity, linked_edit_target, update_activity)


def today() -> date:
    """Today's date (one place, so tests and demo agree)."""
    return date.today()


def can_edit(activity: Activity, person) -> bool:
    """Planners edit every activity; superusers the ones they are responsible for; linked ones are edited at their source."""
    if activity.is_linked:
        return False
    if person.has_any_role(PLANNERS):
        return True
    return person.has_role(SUPERBRUGER) and activity.responsible_id == person.id


@bp.app_template_global("plan_edit_source")
def plan_edit_source(activity: Activity):
    """(label, url) of the page where a linked activity is edited, or None."""
    target = linked_edit_target(activity)
    if target is None:
        return None
    if not may_access(current_user, target.endpoint):
        return target.label, None
    try:
        return target.label, url_for(target.endpoint, **{target.arg: activity.source_id})
    except Exception:  # the owning domain's page may not exist (yet)
        return target.label, None


@bp.context_processor
def plan_context() -> dict:
    """Labels every plan template uses."""
    return {"activity_types": ACTIVITY_TYPES, "activity_statuses": ACTIVITY_STATUSES,
            "focus_areas": FOCUS_AREAS, "today": today(), "can_edit": can_edit, "field_labels": FIELD_LABELS}


#: Danish names of the fields in the change history.
FIELD_LABELS = {
    "oprettet": _l("Oprettet"), "title": _l("Titel"), "type": _l("Type"), "focus_area": _l("Fokusområde"),
    "description": _l("Beskrivelse"), "start_date": _l("Startdato"), "end_date": _l("Slutdato"),
    "start_time": _l("Starttidspunkt"), "end_time": _l("Sluttidspunkt"), "completed_on": _l("Gennemført den"),
    "location": _l("Sted"), "responsible_id": _l("Ansvarlig"), "status": _l("Status"), "notes": _l("Noter"),
    "deltagere": _l("Deltagere"),
}


def _filter_context(flt: ActivityFilter) -> dict:
    return {"flt": flt, "people": person_choices(), "teams": team_choices()}


# Lists ----------------------------------------------------------------------------------------
@bp.route("/")
@role_required(*ANY_ROLE)
def activity_list():
    """Every activity with filters (status, type, area, responsible, team, period, overdue) and sorting."""
    flt = ActivityFilter.from_args(request.args)
    page = db.paginate(filtered_query(flt, today()), per_page=100, error_out=False)
    return render_template("plan/activity_list.html", page=page, **_filter_context(flt))


@bp.route("/mine")
@role_required(*ANY_ROLE)
def my_activities():
    """What the logged-in person is responsible for or takes part in (directly or via their team)."""
    show_all = bool(request.args.get("alle"))
    start = None if show_all else today() - timedelta(days=30)
    activities = activities_for_person(current_user, start=start)
    responsible = [a for a in activities if a.responsible_id == current_user.id]
    taking_part = [a for a in activities if a.responsible_id != current_user.id]
    return render_template("plan/my_activities.html", responsible=responsible, taking_part=taking_part,
                           show_all=show_all)


@bp.route("/tidslinje")
@role_required(*ANY_ROLE)
def timeline():
    """The plan as a Gantt chart with a today line (with its data table); same filters as the list."""
    from ..charts.plan import gantt_figure

    args = request.args.to_dict()
    if "fra" not in args and "til" not in args:  # default: a month back, five months ahead
        args.update(fra=(today() - timedelta(days=30)).isoformat(), til=(today() + timedelta(days=150)).isoformat())
    from werkzeug.datastructures import MultiDict

    flt = ActivityFilter.from_args(MultiDict(args))
    query = filtered_query(flt, today()).options(selectinload(Activity.series), selectinload(Activity.anchor_team))
    activities = list(db.session.scalars(query.limit(600)))
    bars = timeline_bars(activities, today())
    figure = gantt_figure(bars, today(), today_label=_("I dag"), responsible_label=_("Ansvarlig"))
    rows = [(b.title, b.group, f"{b.start:%d.%m.%Y}", f"{b.end:%d.%m.%Y}", b.status_label, b.responsible or "–")
            for b in bars]
    return render_template("plan/timeline.html", figure_json=figure.to_json(), rows=rows,
                           truncated=len(activities) == 600, **_filter_context(flt))


@bp.route("/uge")
@role_required(*ANY_ROLE)
def week():
    """One ISO week, day by day; `?dato=` picks the week."""
    try:
        day = date.fromisoformat(request.args.get("dato", ""))
    except ValueError:
        day = today()
    monday, sunday = week_bounds(day)
    return render_template("plan/week.html", days=week_days(day), monday=monday, sunday=sunday,
                           previous=monday - timedelta(days=7), following=monday + timedelta(days=7))


# One activity --------------------------------------------------------------------------------
@bp.route("/aktivitet/<int:activity_id>")
@role_required(*ANY_ROLE)
def activity_detail(activity_id: int):
    """An activity with participants, series, go-live anchor and change history."""
    activity = db.get_or_404(Activity, activity_id)
    return render_template("plan/activity_detail.html", activity=activity, status_form=StatusForm(),
                           editable=can_edit(activity, current_user))


def _form_values(form: ActivityForm) -> dict:
    """Activity fields from a validated form."""
    return dict(title=form.title.data.strip(), type=form.type.data, focus_area=form.focus_area.data or None,
                description=(form.description.data or "").strip(), start_date=form.start_date.data,
                end_date=form.end_date.data or form.start_date.data, start_time=form.start_time.data,
                end_time=form.end_time.data, location=(form.location.data or "").strip(),
                responsible_id=form.responsible_id.data or None, status=form.status.data,
                completed_on=form.completed_on.data, notes=(form.notes.data or "").strip())


def _participants(form: ActivityForm) -> tuple[list[Person], list[Team]]:
    persons = list(db.session.scalars(select(Person).where(Person.id.in_(form.persons.data or []))))
    teams = list(db.session.scalars(select(Team).where(Team.id.in_(form.teams.data or []))))
    return persons, teams


@bp.route("/aktivitet/ny", methods=["GET", "POST"])
@role_required(*PLANNERS)
def activity_create():
    """Create an activity, or a series of them when it repeats."""
    form = ActivityForm()
    if request.method == "GET":
        form.responsible_id.data = current_user.id
        if request.args.get("dato"):
            try:
                form.start_date.data = date.fromisoformat(request.args["dato"])
            except ValueError:
                pass
    if form.validate_on_submit():
        values = _form_values(form)
        persons, teams = _participants(form)
        count = form.repeat_count.data or 1
        if count > 1:
            span = (values.pop("end_date") - values["start_date"]).days
            first = values.pop("start_date")
            title = values.pop("title")
            series = create_series(current_user, title=title, first_date=first, interval_weeks=form.interval_weeks.data or 1,
                                   count=count, duration_days=span, persons=persons, teams=teams, **values)
            db.session.commit()
            flash(_("Serien er oprettet med %(n)s aktiviteter.", n=count), "success")
            return redirect(url_for("plan.activity_detail", activity_id=series.activities[0].id))
        activity = create_activity(current_user, persons=persons, teams=teams, **values)
        db.session.commit()
        flash(_("Aktiviteten er oprettet."), "success")
        return redirect(url_for("plan.activity_detail", activity_id=activity.id))
    return render_template("plan/activity_form.html", form=form, activity=None)


@bp.route("/aktivitet/<int:activity_id>/rediger", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def activity_edit(activity_id: int):
    """Edit one activity (one occurrence of a series is edited on its own); every change is logged."""
    activity = db.get_or_404(Activity, activity_id)
    if not can_edit(activity, current_user):
        abort(403)
    form = ActivityForm(obj=activity)
    del form.repeat_count, form.interval_weeks
    if request.method == "GET":
        form.responsible_id.data = activity.responsible_id or 0
        form.focus_area.data = activity.focus_area or ""
        form.persons.data = [p.id for p in activity.persons]
        form.teams.data = [t.id for t in activity.teams]
    if form.validate_on_submit():
        persons, teams = _participants(form)
        changed = update_activity(activity, current_user, persons=persons, teams=teams, **_form_values(form))
        db.session.commit()
        flash(_("Ændringerne er gemt.") if changed else _("Der var ingen ændringer at gemme."), "success")
        return redirect(url_for("plan.activity_detail", activity_id=activity.id))
    return render_template("plan/activity_form.html", form=form, activity=activity)


@bp.route("/aktivitet/<int:activity_id>/status", methods=["POST"])
@role_required(*SUPPORTERS)
def activity_status(activity_id: int):
    """Change only the status (done, postponed, cancelled …)."""
    activity = db.get_or_404(Activity, activity_id)
    if not can_edit(activity, current_user):
        abort(403)
    form = StatusForm()
    if form.validate_on_submit():
        update_activity(activity, current_user, status=form.status.data)
        db.session.commit()
        flash(_("Status er nu %(s)s.", s=activity.status_label.lower()), "success")
    return redirect(request.form.get("next") if (request.form.get("next") or "").startswith("/")
                    else url_for("plan.activity_detail", activity_id=activity.id))


@bp.route("/aktivitet/<int:activity_id>/aflys-resten", methods=["POST"])
@role_required(*PLANNERS)
def series_cancel_rest(activity_id: int):
    """Cancel this occurrence and every later open one of its series."""
    activity = db.get_or_404(Activity, activity_id)
    count = cancel_rest_of_series(activity, current_user)
    db.session.commit()
    flash(_("%(n)s gange i serien er aflyst.", n=count), "success")
    return redirect(url_for("plan.activity_detail", activity_id=activity.id))


@bp.route("/aktivitet/<int:activity_id>/slet", methods=["POST"])
@role_required(*PLANNERS)
def activity_delete(activity_id: int):
    """Delete an activity of the plan (not one owned by another part of the system)."""
    activity = db.get_or_404(Activity, activity_id)
    if activity.is_linked:
        abort(403)
    delete_activity(activity)
    db.session.commit()
    flash(_("Aktiviteten er slettet."), "success")
    return redirect(url_for("plan.activity_list"))


# The wizard -----------------------------------------------------------------------------------
WIZARD_KEY = "plan_wizard"


@bp.route("/ny-udrulning", methods=["GET", "POST"])
@role_required(*PLANNERS)
def rollout_new():
    """Wizard step 1: go-live, teams in scope, together or staggered; drafts at once when together."""
    form = RolloutForm()
    if form.validate_on_submit():
        teams = list(db.session.scalars(select(Team).where(Team.id.in_(form.teams.data)).order_by(Team.name)))
        responsible = db.session.get(Person, form.responsible_id.data) if form.responsible_id.data else None
        if form.mode.data == "forskudt" and len(teams) > 1:
            dates = staggered_dates(form.go_live.data, teams, form.stagger_weeks.data or 4)
            session[WIZARD_KEY] = {"name": form.name.data.strip(), "teams": [t.id for t in teams],
                                   "dates": {str(k): v.isoformat() for k, v in dates.items()},
                                   "responsible": responsible.id if responsible else None}
            return redirect(url_for("plan.rollout_dates"))
        rollout = draft_rollout(current_user, name=form.name.data.strip(), teams=teams,
                                go_lives={t.id: form.go_live.data for t in teams}, responsible=responsible)
        db.session.commit()
        flash(_("Planen er lagt. Gennemgå aktiviteterne og ret det, der skal passe til jer."), "success")
        return redirect(url_for("plan.rollout_detail", rollout_id=rollout.id))
    return render_template("plan/rollout_new.html", form=form)


@bp.route("/ny-udrulning/datoer", methods=["GET", "POST"])
@role_required(*PLANNERS)
def rollout_dates():
    """Wizard step 2 (staggered start): a go-live date per team, then the plan is drafted."""
    state = session.get(WIZARD_KEY)
    if not state:
        return redirect(url_for("plan.rollout_new"))
    teams = list(db.session.scalars(select(Team).where(Team.id.in_(state["teams"])).order_by(Team.name)))
    dates = {int(k): date.fromisoformat(v) for k, v in state["dates"].items()}
    form = golive_form_for(teams, dates, submit_label=_("Lav planen"))
    if form.validate_on_submit():
        go_lives = {t.id: getattr(form, f"team_{t.id}").data for t in teams}
        responsible = db.session.get(Person, state["responsible"]) if state.get("responsible") else None
        rollout = draft_rollout(current_user, name=state["name"], teams=teams, go_lives=go_lives,
                                responsible=responsible)
        db.session.commit()
        session.pop(WIZARD_KEY, None)
        flash(_("Planen er lagt. Gennemgå aktiviteterne og ret det, der skal passe til jer."), "success")
        return redirect(url_for("plan.rollout_detail", rollout_id=rollout.id))
    return render_template("plan/rollout_dates.html", form=form, teams=teams, name=state["name"])


@bp.route("/udrulning/<int:rollout_id>")
@role_required(*ANY_ROLE)
def rollout_detail(rollout_id: int):
    """A rollout: its teams' go-live dates and the drafted activities."""
    rollout = db.get_or_404(Rollout, rollout_id)
    activities = list(db.session.scalars(select(Activity).where(Activity.rollout_id == rollout.id)
                                         .options(selectinload(Activity.responsible))
                                         .order_by(Activity.start_date, Activity.id)))
    return render_template("plan/rollout_detail.html", rollout=rollout, activities=activities,
                           rollouts=list(db.session.scalars(select(Rollout).order_by(Rollout.go_live))))


@bp.route("/udrulning/<int:rollout_id>/go-live", methods=["GET", "POST"])
@role_required(*PLANNERS)
def rollout_move(rollout_id: int):
    """Change go-live dates; drafted activities that have not started move with them."""
    rollout = db.get_or_404(Rollout, rollout_id)
    teams = [row.team for row in rollout.teams]
    form = golive_form_for(teams, {row.team_id: row.go_live for row in rollout.teams},
                           submit_label=_("Flyt planen"))
    if form.validate_on_submit():
        moved = move_go_live(rollout, current_user, {t.id: getattr(form, f"team_{t.id}").data for t in teams},
                             today())
        db.session.commit()
        flash(_("Go-live er ændret, og %(n)s aktiviteter er flyttet med.", n=moved), "success")
        return redirect(url_for("plan.rollout_detail", rollout_id=rollout.id))
    return render_template("plan/rollout_move.html", form=form, rollout=rollout)


from . import views_more  # noqa: E402,F401  (export/import, calendar, goals, readiness, communication)
