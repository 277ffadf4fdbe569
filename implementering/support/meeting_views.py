"""Pages for experience meetings, their learnings and the actions that come of them."""
from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from ..extensions import db
from ..i18n import _
from ..people.models import Person
from ..security import ANY_ROLE, READERS, SUPPORTERS, role_required
from . import bp
from .constants import ACTION_CLOSED
from .forms import ActionForm, CloseActionForm, ConfirmForm, LearningForm, MeetingForm, NewMeetingForm
from .meetings import (add_learning, close_action, create_action, may_close, meetings_in_order,
                       open_actions_by_age, reopen_action, save_meeting)
from .models import Action, ExperienceMeeting, Learning


def _persons() -> list[Person]:
    """Active persons, by name (for owner and facilitator choices)."""
    return list(db.session.scalars(select(Person).where(Person.active.is_(True)).order_by(Person.name)))


@bp.route("/erfaringsmoeder")
@role_required(*READERS)
def meeting_list():
    """Experience meetings, newest first, with counts of learnings and open actions."""
    return render_template("support/meeting_list.html", meetings=meetings_in_order(
        request.args.get("team", type=int)))


@bp.route("/erfaringsmoeder/ny", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def meeting_create():
    """Record an experience meeting and what it learned (it also appears in the plan)."""
    form = NewMeetingForm(persons=_persons())
    if request.method == "GET":
        form.facilitator_id.data = current_user.id
    if form.validate_on_submit():
        meeting = save_meeting(ExperienceMeeting(), form.data)
        flash(_("Mødet er gemt. Gør læringerne til handlinger nedenfor."), "success")
        return redirect(url_for("support.meeting_detail", meeting_id=meeting.id))
    return render_template("support/meeting_form.html", form=form, meeting=None)


@bp.route("/erfaringsmoeder/<int:meeting_id>/rediger", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def meeting_edit(meeting_id: int):
    """Edit a meeting's facts."""
    meeting = db.get_or_404(ExperienceMeeting, meeting_id)
    form = MeetingForm(obj=meeting, persons=_persons())
    if request.method == "GET":
        form.team_id.data = meeting.team_id or 0
        form.facilitator_id.data = meeting.facilitator_id or 0
    if form.validate_on_submit():
        save_meeting(meeting, form.data)
        flash(_("Ændringerne er gemt."), "success")
        return redirect(url_for("support.meeting_detail", meeting_id=meeting.id))
    return render_template("support/meeting_form.html", form=form, meeting=meeting)


def _meeting_page(meeting: ExperienceMeeting, learning_form=None, action_form=None, status=200):
    """Render the meeting page with its two forms."""
    learning_form = learning_form or LearningForm(prefix="learning")
    action_form = action_form or ActionForm(prefix="action", persons=_persons(), learnings=meeting.learnings)
    preset = request.args.get("laering", type=int)
    if preset and request.method == "GET":
        action_form.learning_id.data = preset
        chosen = next((item for item in meeting.learnings if item.id == preset), None)
        if chosen is not None:
            action_form.title.data = chosen.text[:200]
    return render_template("support/meeting_detail.html", meeting=meeting, learning_form=learning_form,
                           action_form=action_form, today=date.today()), status


@bp.route("/erfaringsmoeder/<int:meeting_id>")
@role_required(*READERS)
def meeting_detail(meeting_id: int):
    """One meeting: learnings by kind, the actions that came of them, and forms to add both."""
    return _meeting_page(db.get_or_404(ExperienceMeeting, meeting_id))


@bp.route("/erfaringsmoeder/<int:meeting_id>/laering", methods=["POST"])
@role_required(*SUPPORTERS)
def learning_add(meeting_id: int):
    """Add one learning to a meeting."""
    meeting = db.get_or_404(ExperienceMeeting, meeting_id)
    form = LearningForm(prefix="learning")
    if not form.validate_on_submit():
        return _meeting_page(meeting, learning_form=form, status=400)
    add_learning(meeting, form.category.data, form.text.data)
    flash(_("Læringen er tilføjet."), "success")
    return redirect(url_for("support.meeting_detail", meeting_id=meeting.id))


@bp.route("/erfaringsmoeder/<int:meeting_id>/handling", methods=["POST"])
@role_required(*SUPPORTERS)
def action_create(meeting_id: int):
    """Turn a learning into an action with owner and due date; it appears in the plan."""
    meeting = db.get_or_404(ExperienceMeeting, meeting_id)
    form = ActionForm(prefix="action", persons=_persons(), learnings=meeting.learnings)
    if not form.validate_on_submit():
        return _meeting_page(meeting, action_form=form, status=400)
    learning = db.session.get(Learning, form.learning_id.data) if form.learning_id.data else None
    create_action(form.data, meeting=meeting, learning=learning if learning in meeting.learnings else None)
    flash(_("Handlingen er oprettet og står i planen hos den ansvarlige."), "success")
    return redirect(url_for("support.meeting_detail", meeting_id=meeting.id))


@bp.route("/handlinger")
@role_required(*READERS)
def action_list():
    """Open actions, oldest first, with their age; and the latest closed ones."""
    today = date.today()
    closed = list(db.session.scalars(select(Action).where(Action.status == ACTION_CLOSED)
                                     .order_by(Action.closed_on.desc()).limit(10)))
    return render_template("support/action_list.html", rows=open_actions_by_age(today), closed=closed, today=today)


def _visible_action(action_id: int) -> Action:
    """Load an action the viewer may see (its owner or a reader), or answer 404/403."""
    action = db.get_or_404(Action, action_id)
    if action.owner_id != current_user.id and not current_user.has_any_role(READERS):
        abort(403)
    return action


@bp.route("/handlinger/<int:action_id>")
@role_required(*ANY_ROLE)
def action_detail(action_id: int):
    """One action: where it came from, who owns it, and the form to close it."""
    action = _visible_action(action_id)
    return render_template("support/action_detail.html", action=action, form=CloseActionForm(),
                           confirm=ConfirmForm(), may_close=may_close(current_user, action), today=date.today())


@bp.route("/handlinger/<int:action_id>/luk", methods=["POST"])
@role_required(*ANY_ROLE)
def action_close(action_id: int):
    """Close an action (its owner, a superuser or a project leader); the plan activity is marked done."""
    action = _visible_action(action_id)
    if not may_close(current_user, action):
        abort(403)
    form = CloseActionForm()
    if not form.validate_on_submit():
        return render_template("support/action_detail.html", action=action, form=form, confirm=ConfirmForm(),
                               may_close=True, today=date.today()), 400
    close_action(action, current_user, form.outcome.data)
    flash(_("Handlingen er lukket."), "success")
    return redirect(url_for("support.action_detail", action_id=action.id))


@bp.route("/handlinger/<int:action_id>/genaabn", methods=["POST"])
@role_required(*SUPPORTERS)
def action_reopen(action_id: int):
    """Open a closed action again."""
    action = db.get_or_404(Action, action_id)
    if ConfirmForm().validate_on_submit():
        reopen_action(action)
        flash(_("Handlingen er åbnet igen."), "success")
    return redirect(url_for("support.action_detail", action_id=action.id))
