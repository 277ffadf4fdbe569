"""Pages around the activity plan: Excel export/import, calendar feeds, goals, readiness, communication."""
from __future__ import annotations

from datetime import date

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..audit import record
from ..extensions import db
from ..forms import uploaded_table
from ..i18n import _
from ..security import ANY_ROLE, PLANNERS, READERS, public, role_required
from . import bp
from .calendar import SCOPE_PERSON, SCOPE_PLAN, build_calendar, feed_activities, find_token, get_token, renew_token, revoke_token
from .exchange import export_workbook, import_activities, plan_for_export
from .forms import (CommunicationForm, GoalForm, ImportForm, ReadinessAnswerForm, ReadinessQuestionForm,
                    ReadingForm)
from .goal_models import Goal
from .goals import MANUAL, add_reading, evaluate, measure_choices, save_goal
from .readiness import add_question, answer_item, area_progress, items_by_area, save_communication
from .readiness_models import CommunicationItem, ReadinessItem
from .views import today


# Excel ----------------------------------------------------------------------------------------
@bp.route("/eksport.xlsx")
@role_required(*READERS)
def export_xlsx():
    """The whole plan (activities and communication plan) as an Excel workbook."""
    activities, comm = plan_for_export()
    data = export_workbook(activities, comm)
    return Response(data, mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f"attachment; filename=vum-plan-{today().isoformat()}.xlsx"})


@bp.route("/import", methods=["GET", "POST"])
@role_required(*PLANNERS)
def import_plan():
    """Upload an edited export: all rows are applied, or none and each bad row is listed."""
    form = ImportForm()
    report = None
    table = uploaded_table(form)
    if table is not None:
        headers, rows = table
        report = import_activities(headers, rows, current_user)
        if report.ok:
            db.session.commit()
            record(current_user, "import", target="aktivitetsplan", details=f"{report.created} oprettet, {report.updated} opdateret")
            flash(_("Importen er gennemført: %(c)s oprettet, %(u)s opdateret, %(n)s uændret.",
                    c=report.created, u=report.updated, n=report.unchanged), "success")
            return redirect(url_for("plan.activity_list"))
        db.session.rollback()
    return render_template("plan/import.html", form=form, report=report)


# Calendar feeds -------------------------------------------------------------------------------
@bp.route("/kalender")
@role_required(*ANY_ROLE)
def calendar_settings():
    """The person's secret calendar addresses (own activities; the whole plan for planners)."""
    tokens = {SCOPE_PERSON: get_token(current_user, SCOPE_PERSON)}
    if current_user.has_any_role(PLANNERS):
        tokens[SCOPE_PLAN] = get_token(current_user, SCOPE_PLAN)
    return render_template("plan/calendar.html", tokens=tokens)


def _scope_from_form() -> str:
    scope = request.form.get("scope", SCOPE_PERSON)
    if scope == SCOPE_PLAN and not current_user.has_any_role(PLANNERS):
        abort(403)
    return SCOPE_PLAN if scope == SCOPE_PLAN else SCOPE_PERSON


@bp.route("/kalender/forny", methods=["POST"])
@role_required(*ANY_ROLE)
def calendar_renew():
    """Create or replace the secret calendar address (the old one stops working)."""
    renew_token(current_user, _scope_from_form())
    db.session.commit()
    flash(_("Der er lavet en ny kalenderadresse. En gammel adresse virker ikke længere."), "success")
    return redirect(url_for("plan.calendar_settings"))


@bp.route("/kalender/tilbagekald", methods=["POST"])
@role_required(*ANY_ROLE)
def calendar_revoke():
    """Switch the calendar address off."""
    revoke_token(current_user, _scope_from_form())
    db.session.commit()
    flash(_("Kalenderadressen er slået fra."), "success")
    return redirect(url_for("plan.calendar_settings"))


@bp.route("/ical/<token>.ics")
@public
def calendar_feed(token: str):
    """The iCalendar feed behind a secret token (no login: calendar programs cannot log in)."""
    row = find_token(token)
    if row is None or not row.person.active:
        abort(404)
    name = _("VUM-plan") if row.scope == SCOPE_PLAN else _("Mine VUM-aktiviteter")
    body = build_calendar(feed_activities(row), str(name), host=request.host.split(":")[0])
    return Response(body, mimetype="text/calendar",
                    headers={"Content-Disposition": "inline; filename=vum-plan.ics", "Cache-Control": "private, max-age=300"})


# Goals ------------------------------------------------------------------------------------------
@bp.route("/maal")
@role_required(*ANY_ROLE)
def goal_list():
    """Every SMART goal with current value, trend and status."""
    goals = list(db.session.scalars(select(Goal).options(selectinload(Goal.owner), selectinload(Goal.readings))
                                    .order_by(Goal.deadline, Goal.id)))
    return render_template("plan/goal_list.html", views=[evaluate(g, today()) for g in goals])


@bp.route("/maal/ny", methods=["GET", "POST"])
@role_required(*PLANNERS)
def goal_create():
    """Write a new SMART goal."""
    form = GoalForm(measures=measure_choices())
    if request.method == "GET":
        form.owner_id.data = current_user.id
        form.start_date.data = today()
    if form.validate_on_submit():
        goal = save_goal(Goal(), form.data, today())
        db.session.commit()
        flash(_("Målet er gemt."), "success")
        return redirect(url_for("plan.goal_detail", goal_id=goal.id))
    return render_template("plan/goal_form.html", form=form, goal=None)


@bp.route("/maal/<int:goal_id>")
@role_required(*ANY_ROLE)
def goal_detail(goal_id: int):
    """A goal with its readings; the owner or a planner can enter a value for a manual measure."""
    goal = db.get_or_404(Goal, goal_id)
    may_enter = goal.measure == MANUAL and (current_user.has_any_role(PLANNERS) or goal.owner_id == current_user.id)
    form = ReadingForm(recorded_on=today()) if may_enter else None
    return render_template("plan/goal_detail.html", view=evaluate(goal, today()), form=form)


@bp.route("/maal/<int:goal_id>/rediger", methods=["GET", "POST"])
@role_required(*PLANNERS)
def goal_edit(goal_id: int):
    """Edit a goal."""
    goal = db.get_or_404(Goal, goal_id)
    form = GoalForm(obj=goal, measures=measure_choices())
    if request.method == "GET":
        form.direction.data = "op" if goal.higher_is_better else "ned"
        form.owner_id.data = goal.owner_id or 0
    if form.validate_on_submit():
        save_goal(goal, form.data, today())
        db.session.commit()
        flash(_("Målet er gemt."), "success")
        return redirect(url_for("plan.goal_detail", goal_id=goal.id))
    return render_template("plan/goal_form.html", form=form, goal=goal)


@bp.route("/maal/<int:goal_id>/vaerdi", methods=["POST"])
@role_required(*ANY_ROLE)
def goal_reading(goal_id: int):
    """Record a value of a manually measured goal (its owner or a planner)."""
    goal = db.get_or_404(Goal, goal_id)
    if goal.measure != MANUAL or not (current_user.has_any_role(PLANNERS) or goal.owner_id == current_user.id):
        abort(403)
    form = ReadingForm()
    if form.validate_on_submit():
        add_reading(goal, current_user, form.value.data, form.recorded_on.data, (form.note.data or "").strip())
        db.session.commit()
        flash(_("Værdien er registreret."), "success")
        return redirect(url_for("plan.goal_detail", goal_id=goal.id))
    return render_template("plan/goal_detail.html", view=evaluate(goal, today()), form=form), 400


@bp.route("/maal/<int:goal_id>/slet", methods=["POST"])
@role_required(*PLANNERS)
def goal_delete(goal_id: int):
    """Delete a goal and its readings."""
    db.session.delete(db.get_or_404(Goal, goal_id))
    db.session.commit()
    flash(_("Målet er slettet."), "success")
    return redirect(url_for("plan.goal_list"))


# Readiness ------------------------------------------------------------------------------------
@bp.route("/parathed")
@role_required(*READERS)
def readiness():
    """One checklist per focus area with a progress bar each."""
    return render_template("plan/readiness.html", grouped=items_by_area(), progress=area_progress(),
                           question_form=ReadinessQuestionForm())


@bp.route("/parathed/<int:item_id>", methods=["GET", "POST"])
@role_required(*PLANNERS)
def readiness_answer(item_id: int):
    """Answer one readiness question: answer, owner, due date and note."""
    item = db.get_or_404(ReadinessItem, item_id)
    form = ReadinessAnswerForm(obj=item)
    if request.method == "GET":
        form.owner_id.data = item.owner_id or 0
    if form.validate_on_submit():
        answer_item(item, form.data)
        db.session.commit()
        flash(_("Svaret er gemt."), "success")
        return redirect(url_for("plan.readiness") + f"#omraade-{item.focus_area}")
    return render_template("plan/readiness_answer.html", form=form, item=item)


@bp.route("/parathed/nyt-spoergsmaal", methods=["POST"])
@role_required(*PLANNERS)
def readiness_add():
    """Add a question of one's own to a checklist."""
    form = ReadinessQuestionForm()
    if form.validate_on_submit():
        item = add_question(form.focus_area.data, form.question.data)
        db.session.commit()
        flash(_("Spørgsmålet er tilføjet."), "success")
        return redirect(url_for("plan.readiness") + f"#omraade-{item.focus_area}")
    return render_template("plan/readiness.html", grouped=items_by_area(), progress=area_progress(),
                           question_form=form), 400


# Communication plan ---------------------------------------------------------------------------
@bp.route("/kommunikation")
@role_required(*READERS)
def communication_list():
    """The communication plan: audience, message, channel, when, responsible, status."""
    items = list(db.session.scalars(select(CommunicationItem)
                                    .options(selectinload(CommunicationItem.responsible))
                                    .order_by(CommunicationItem.planned_on, CommunicationItem.id)))
    return render_template("plan/communication_list.html", items=items)


@bp.route("/kommunikation/ny", methods=["GET", "POST"])
@role_required(*PLANNERS)
def communication_create():
    """Add a row to the communication plan."""
    form = CommunicationForm()
    if form.validate_on_submit():
        save_communication(CommunicationItem(), form.data)
        db.session.commit()
        flash(_("Rækken er tilføjet kommunikationsplanen."), "success")
        return redirect(url_for("plan.communication_list"))
    return render_template("plan/communication_form.html", form=form, item=None)


@bp.route("/kommunikation/<int:item_id>/rediger", methods=["GET", "POST"])
@role_required(*PLANNERS)
def communication_edit(item_id: int):
    """Edit a row of the communication plan."""
    item = db.get_or_404(CommunicationItem, item_id)
    form = CommunicationForm(obj=item)
    if request.method == "GET":
        form.responsible_id.data = item.responsible_id or 0
        form.activity_id.data = item.activity_id or 0
    if form.validate_on_submit():
        save_communication(item, form.data)
        db.session.commit()
        flash(_("Ændringerne er gemt."), "success")
        return redirect(url_for("plan.communication_list"))
    return render_template("plan/communication_form.html", form=form, item=item)


@bp.route("/kommunikation/<int:item_id>/slet", methods=["POST"])
@role_required(*PLANNERS)
def communication_delete(item_id: int):
    """Delete a row of the communication plan."""
    db.session.delete(db.get_or_404(CommunicationItem, item_id))
    db.session.commit()
    flash(_("Rækken er slettet."), "success")
    return redirect(url_for("plan.communication_list"))
