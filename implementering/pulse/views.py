"""Pulse pages: answering (by personal link or logged in), results, export, question sets, schedules."""
from __future__ import annotations

from flask import Response as HttpResponse
from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user

from ..database import utcnow
from ..extensions import db
from ..i18n import _, format_dato
from ..people.models import Department, Team
from ..security import ANY_ROLE, PLANNERS, SUPPORTERS, public, role_required
from . import bp
from .forms import (ItemWordingForm, NewItemForm, ResultFilterForm, ScheduleForm, answer_form_class, first_day,
                    scores_from)
from .models import Invitation, Item, QuestionSet, Round, Schedule
from .pages import PHASE_LABELS, curve_context, heatmap_context, items_context, phase_context, too_few
from .results import Selection, export_csv, load_published, open_round_progress
from .rounds import close_round, open_round, send_invitations
from .services import (ALREADY, CLOSED, add_item, has_answered, invitation_for_token, min_group_size,
                       open_invitations_for, question_sets, retire_item, reword_item, save_schedule, schedules,
                       submit_answer, visible_teams)

# --- answering ------------------------------------------------------------------------------------


def _private(response):
    """Headers for pages reached by a personal link: never cached, never leaked by Referer, not indexed."""
    response = make_response(response)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _answer(invitation: Invitation, action: str):
    """Show and handle the answer form for an invitation (shared by link and logged-in answering)."""
    round_ = invitation.round
    if not round_.is_open:
        return render_template("pulse/answer_closed.html", round=round_)
    if has_answered(round_, invitation.person_id):
        return render_template("pulse/answer_done.html", round=round_, already=True)
    form = answer_form_class(round_)()
    if form.validate_on_submit():
        scores, comment = scores_from(form, round_)
        outcome = submit_answer(invitation, scores, comment)
        if outcome == CLOSED:
            return render_template("pulse/answer_closed.html", round=round_)
        return render_template("pulse/answer_done.html", round=round_, already=outcome == ALREADY)
    return render_template("pulse/answer.html", form=form, round=round_, action=action,
                           min_size=min_group_size(), item_fields=[form[f"item_{i.id}"] for i in round_.items])


@bp.route("/svar/<token>", methods=["GET", "POST"])
@public
def answer_by_link(token: str):
    """Answer a pulse from the personal e-mail link, without logging in. An unknown link shows nothing else."""
    invitation = invitation_for_token(token)
    if invitation is None:
        return _private((render_template("pulse/answer_invalid.html"), 404))
    return _private(_answer(invitation, url_for("pulse.answer_by_link", token=token)))


@bp.route("/runder/<int:round_id>/svar", methods=["GET", "POST"])
@role_required(*ANY_ROLE)
def answer_mine(round_id: int):
    """Answer one's own open pulse while logged in (linked from the start page)."""
    invitation = db.session.query(Invitation).filter_by(round_id=round_id, person_id=current_user.id).first()
    if invitation is None:
        abort(404)
    return _private(_answer(invitation, url_for("pulse.answer_mine", round_id=round_id)))


# --- results --------------------------------------------------------------------------------------


def _selection_from_request():
    """The filter form, the teams it selects (within what the viewer may see), and the Selection."""
    allowed = visible_teams(current_user)
    form = ResultFilterForm(request.args)
    department_ids = sorted({t.department_id for t in allowed if t.department_id})
    form.afdeling.choices = [(0, _("Alle afdelinger"))] + [
        (d.id, d.name) for d in db.session.query(Department).filter(Department.id.in_(department_ids))
        .order_by(Department.name)]
    form.team.choices = [(0, _("Alle teams"))] + [(t.id, t.name) for t in allowed]
    teams = allowed
    department_id = request.args.get("afdeling", 0, type=int)
    team_id = request.args.get("team", 0, type=int)
    if department_id:
        teams = [t for t in teams if t.department_id == department_id]
    if team_id:
        if team_id not in {t.id for t in allowed}:
            abort(403)
        teams = [t for t in allowed if t.id == team_id]
    months = request.args.get("periode", 12, type=int)
    form.periode.data = months
    selection = Selection(teams=teams, min_size=min_group_size(), since=first_day(months, utcnow().date()))
    return form, teams, selection


@bp.route("/")
@role_required(*ANY_ROLE)
def results():
    """Published results for the teams the viewer may see: curve, heatmap, items and comments."""
    form, teams, selection = _selection_from_request()
    published = load_published(selection)
    today = utcnow().date()
    single = teams[0] if len(teams) == 1 else None
    comments = published.comments_for(published.latest, [t.id for t in teams]) if published.latest else []
    return render_template(
        "pulse/results.html", form=form, teams=teams, published=published, single=single,
        curve=curve_context(published, teams, chart_id="puls-kurve"), heatmap=heatmap_context(published, teams),
        items=items_context(published, teams), phase=phase_context(published, single, today) if single else None,
        phase_labels=PHASE_LABELS, comments=comments, too_few=too_few(selection.min_size),
        remedy_form=_remedy_form(single),
        progress=open_round_progress(teams), export_args=request.args.to_dict())


def _remedy_form(team):
    """The remedy form for one team's warning, when the viewer may plan a remedy for it."""
    from .forms import RemedyForm
    from .warnings import may_add_remedy

    return RemedyForm() if team is not None and may_add_remedy(current_user, team) else None


@bp.route("/eksport.csv")
@role_required(*ANY_ROLE)
def export():
    """The published figures of the current filter as CSV; suppressed cells say why and hold no numbers."""
    _form, _teams, selection = _selection_from_request()
    body = "\ufeff" + export_csv(load_published(selection))
    return HttpResponse(body, mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": "attachment; filename=motivationspuls.csv"})


# --- question sets --------------------------------------------------------------------------------


@bp.route("/spoergsmaal")
@role_required(*PLANNERS)
def question_set_list():
    """The question sets with their current items and earlier versions."""
    return render_template("pulse/question_sets.html", sets=question_sets())


@bp.route("/spoergsmaal/punkt/<int:item_id>", methods=["GET", "POST"])
@role_required(*PLANNERS)
def item_edit(item_id: int):
    """Change an item's wording; a changed text starts a new version."""
    item = db.get_or_404(Item, item_id)
    if not item.active:
        abort(404)
    form = ItemWordingForm(obj=item)
    if form.validate_on_submit():
        new = reword_item(item, form.text.data, form.label.data)
        if new is item:
            flash(_("Det korte navn er gemt."), "success")
        else:
            flash(_("Den nye ordlyd er gemt som version %(v)s. Nye runder bruger den.", v=new.version), "success")
        return redirect(url_for("pulse.question_set_list"))
    return render_template("pulse/item_form.html", form=form, item=item)


@bp.route("/spoergsmaal/<int:set_id>/nyt", methods=["GET", "POST"])
@role_required(*PLANNERS)
def item_create(set_id: int):
    """Add a question to a set."""
    question_set = db.get_or_404(QuestionSet, set_id)
    form = NewItemForm(question_set=question_set)
    if form.validate_on_submit():
        add_item(question_set, form.data)
        flash(_("Spørgsmålet er tilføjet."), "success")
        return redirect(url_for("pulse.question_set_list"))
    return render_template("pulse/item_form.html", form=form, item=None, question_set=question_set)


@bp.route("/spoergsmaal/punkt/<int:item_id>/fjern", methods=["POST"])
@role_required(*PLANNERS)
def item_retire(item_id: int):
    """Take a question out of future rounds."""
    retire_item(db.get_or_404(Item, item_id))
    flash(_("Spørgsmålet stilles ikke i nye runder. Tidligere svar er bevaret."), "success")
    return redirect(url_for("pulse.question_set_list"))


# --- schedules and rounds -------------------------------------------------------------------------


@bp.route("/planer")
@role_required(*PLANNERS)
def schedule_list():
    """Pulse schedules with their teams and rounds (response counts only)."""
    return render_template("pulse/schedule_list.html", schedules=schedules(),
                           progress=open_round_progress(list(db.session.query(Team))))


def _schedule_form(schedule: Schedule | None):
    """Show and handle the schedule form (create when `schedule` is None)."""
    form = ScheduleForm(obj=schedule, editing_id=schedule.id if schedule else None)
    if request.method == "GET" and schedule is not None:
        form.teams.data = [team.id for team in schedule.teams]
    if form.validate_on_submit():
        teams = list(db.session.query(Team).filter(Team.id.in_(form.teams.data or [])))
        saved = save_schedule(schedule or Schedule(), form.data, teams)
        flash(_("Planen %(name)s er gemt.", name=saved.name), "success")
        return redirect(url_for("pulse.schedule_list"))
    return render_template("pulse/schedule_form.html", form=form, schedule=schedule)


@bp.route("/planer/ny", methods=["GET", "POST"])
@role_required(*PLANNERS)
def schedule_create():
    """Create a pulse schedule."""
    return _schedule_form(None)


@bp.route("/planer/<int:schedule_id>/rediger", methods=["GET", "POST"])
@role_required(*PLANNERS)
def schedule_edit(schedule_id: int):
    """Edit a pulse schedule."""
    return _schedule_form(db.get_or_404(Schedule, schedule_id))


@bp.route("/planer/<int:schedule_id>/aabn", methods=["POST"])
@role_required(*PLANNERS)
def schedule_open_now(schedule_id: int):
    """Open an extra round today and send the invitations now."""
    schedule = db.get_or_404(Schedule, schedule_id)
    round_ = open_round(schedule, utcnow().date())
    if round_ is None:
        flash(_("Der er allerede en runde, der åbnede i dag."), "warning")
    else:
        count = send_invitations(round_)
        flash(_("Runden er åbnet, og %(n)s invitationer ligger i udbakken.", n=count), "success")
    return redirect(url_for("pulse.schedule_list"))


@bp.route("/runder/<int:round_id>/luk", methods=["POST"])
@role_required(*PLANNERS)
def round_close(round_id: int):
    """Close a round early; its links stop working and its results are published."""
    round_ = db.get_or_404(Round, round_id)
    if round_.is_open:
        close_round(round_)
        flash(_("Runden er lukket."), "success")
    return redirect(url_for("pulse.schedule_list"))


# --- start page -----------------------------------------------------------------------------------


def open_pulses_panel(person) -> dict | None:
    """Start-page panel: the person's open, unanswered pulses, and for readers the latest results."""
    open_invitations = open_invitations_for(person)
    progress = open_round_progress(visible_teams(person)) if person.has_any_role(
        ("admin", "projektleder", "ledelse", "superbruger")) else []
    if not open_invitations and not progress:
        return None
    return {"invitations": open_invitations, "progress": progress}


# --- early warning: the one-click remedy -----------------------------------------------------------

@bp.route("/team/<int:team_id>/greb", methods=["POST"])
@role_required(*SUPPORTERS)
def add_remedy(team_id: int):
    """Plan the chosen remedy as an activity for the team next week (project leaders, the team's superusers)."""
    from .forms import RemedyForm
    from .warnings import add_remedy as plan_remedy
    from .warnings import may_add_remedy

    team = db.get_or_404(Team, team_id)
    if not may_add_remedy(current_user, team):
        abort(403)
    form = RemedyForm()
    if form.validate_on_submit():
        activity, created = plan_remedy(team, form.remedy.data, current_user)
        if created:
            flash(_("'%(t)s' er lagt i aktivitetsplanen %(d)s.", t=activity.title,
                    d=format_dato(activity.start_date)), "success")
        else:
            flash(_("'%(t)s' står allerede i aktivitetsplanen.", t=activity.title), "info")
        return redirect(url_for("plan.activity_detail", activity_id=activity.id))
    flash(" ".join(str(e) for e in form.remedy.errors) or _("Vælg et greb."), "error")
    return redirect(url_for("pulse.results", team=team.id, periode=0))
