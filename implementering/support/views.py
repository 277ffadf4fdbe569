"""Pages for the support log, questions and the knowledge base, superusers and team support figures."""
from __future__ import annotations

from datetime import date, timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..charts.support import intensity_figure, topics_figure
from ..extensions import db
from ..i18n import _
from ..people.models import Person, Team
from ..security import ANY_ROLE, READERS, SUPPORTERS, role_required
from . import bp
from .constants import KIND_TEAM_MEETING, PRINCIPLES, SESSION_KINDS
from .forms import AnswerForm, ConfirmForm, QuestionForm, SupportLogForm
from .models import Question, SupportSession
from .services import (add_question, answer_question, default_period, delete_session, log_session,
                       loggable_teams, may_see_session, may_see_team, open_questions, overview_rows,
                       recent_sessions_by, search_knowledge, sees_all, sessions_for, sessions_since,
                       support_picture, superusers, totals, update_session)


def _today() -> date:
    """Today's date."""
    return date.today()


# The support log ---------------------------------------------------------------------------
@bp.route("/")
@role_required(*SUPPORTERS)
def index():
    """The support log the viewer may see, newest first, with filters."""
    args = request.args
    query = sessions_for(current_user, team_id=args.get("team", type=int), kind=args.get("slags") or None,
                         follow_up=bool(args.get("opfoelgning")))
    page = db.paginate(query, per_page=30, error_out=False)
    return render_template("support/index.html", page=page, teams=loggable_teams(current_user),
                           kinds=SESSION_KINDS, args=args)


@bp.route("/log/ny", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def log_create():
    """Log a support session (phone-first)."""
    teams = loggable_teams(current_user)
    form = SupportLogForm(teams=teams)
    if request.method == "GET" and teams:
        form.team_id.data = teams[0].id  # the superuser's own (first) team: no tap needed
    if form.validate_on_submit():
        session = log_session(current_user, form.data)
        flash(_("Støtten er logget. Tak!"), "success")
        if request.form.get("again"):
            return redirect(url_for("support.log_create"))
        return redirect(url_for("support.session_detail", session_id=session.id))
    return render_template("support/log_form.html", form=form, session=None, meeting_kind=KIND_TEAM_MEETING)


def _visible_session(session_id: int) -> SupportSession:
    """Load a session the viewer may see, or answer 404/403."""
    session = db.get_or_404(SupportSession, session_id)
    if not may_see_session(current_user, session):
        abort(403)
    return session


@bp.route("/log/<int:session_id>")
@role_required(*SUPPORTERS)
def session_detail(session_id: int):
    """One logged session."""
    session = _visible_session(session_id)
    may_edit = sees_all(current_user) or session.superuser_id == current_user.id
    return render_template("support/session_detail.html", session=session, may_edit=may_edit,
                           confirm=ConfirmForm())


@bp.route("/log/<int:session_id>/rediger", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def session_edit(session_id: int):
    """Change a logged session (the one who logged it, or a project leader)."""
    session = _visible_session(session_id)
    if not (sees_all(current_user) or session.superuser_id == current_user.id):
        abort(403)
    teams = loggable_teams(current_user)
    if session.team and session.team not in teams:
        teams = [session.team] + teams
    form = SupportLogForm(obj=session, teams=teams)
    if request.method == "GET":
        form.principles.data = session.principle_keys
        form.phases.data = session.phase_keys
        form.questions.data = ""
    if form.validate_on_submit():
        update_session(session, form.data)
        flash(_("Ændringerne er gemt."), "success")
        return redirect(url_for("support.session_detail", session_id=session.id))
    return render_template("support/log_form.html", form=form, session=session, meeting_kind=KIND_TEAM_MEETING)


@bp.route("/log/<int:session_id>/slet", methods=["POST"])
@role_required(*SUPPORTERS)
def session_delete(session_id: int):
    """Delete a logged session (the one who logged it, or a project leader)."""
    session = _visible_session(session_id)
    if not (sees_all(current_user) or session.superuser_id == current_user.id):
        abort(403)
    if ConfirmForm().validate_on_submit():
        delete_session(session)
        flash(_("Registreringen er slettet."), "success")
    return redirect(url_for("support.index"))


# Questions and the knowledge base ----------------------------------------------------------
@bp.route("/spoergsmaal", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def questions():
    """Open questions, oldest first, and a form to add one."""
    form = QuestionForm()
    if form.validate_on_submit():
        add_question(form.text.data, current_user, form.team_id.data, form.principle.data)
        flash(_("Spørgsmålet er tilføjet."), "success")
        return redirect(url_for("support.questions"))
    team_id = request.args.get("team", type=int)
    items = list(db.session.scalars(open_questions(team_id)))
    return render_template("support/questions.html", items=items, form=form, team_id=team_id,
                           teams=loggable_teams(current_user), today=_today())


@bp.route("/spoergsmaal/<int:question_id>/svar", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def question_answer(question_id: int):
    """Answer a question (or improve an answer); it then joins the knowledge base."""
    question = db.get_or_404(Question, question_id)
    form = AnswerForm(obj=question)
    if form.validate_on_submit():
        answer_question(question, form.answer.data, current_user, form.text.data, form.principle.data)
        flash(_("Svaret er gemt og står nu i videnbanken."), "success")
        return redirect(url_for("support.questions"))
    return render_template("support/answer_form.html", form=form, question=question)


@bp.route("/videnbank")
@role_required(*ANY_ROLE)
def knowledge():
    """The knowledge base: answered questions, searchable by words and principle."""
    text = request.args.get("q", "").strip()
    principle = request.args.get("princip") or None
    if principle not in PRINCIPLES:
        principle = None
    page = db.paginate(search_knowledge(text, principle), per_page=25, error_out=False)
    return render_template("support/knowledge.html", page=page, text=text, principle=principle,
                           principles=PRINCIPLES)


# Superusers ---------------------------------------------------------------------------------
@bp.route("/superbrugere")
@role_required(*ANY_ROLE)
def superuser_list():
    """Every superuser with the teams they support."""
    return render_template("support/superuser_list.html", people=superusers())


@bp.route("/superbrugere/<int:person_id>")
@role_required(*READERS)
def superuser_profile(person_id: int):
    """A superuser's profile: training, teams supported and recent support."""
    from ..training.services import person_training

    person = db.get_or_404(Person, person_id)
    since = _today() - timedelta(days=90)
    recent = sessions_since(since, superuser_id=person.id)
    return render_template("support/superuser_profile.html", person=person, training=person_training(person),
                           recent=recent_sessions_by(person, since, limit=10), totals=totals(recent),
                           show_log=current_user.has_any_role(SUPPORTERS))


# Figures ------------------------------------------------------------------------------------
def _charts(picture) -> dict:
    """Figure JSON and table rows for the intensity and principle charts."""
    weeks = picture.weeks
    intensity = intensity_figure([w.week_start for w in weeks], [w.sessions for w in weeks],
                                 [w.hours for w in weeks])
    topics = topics_figure([label for _, label, _ in picture.principles], [n for _, _, n in picture.principles])
    return {"intensity_json": intensity.to_json(), "topics_json": topics.to_json()}


@bp.route("/team/<int:team_id>")
@role_required(*READERS)
def team_support(team_id: int):
    """One team: support intensity over time, principles discussed, open questions, training coverage."""
    from ..training.services import default_course, team_coverage

    team = db.get_or_404(Team, team_id)
    if not may_see_team(current_user, team):
        abort(403)
    start, end = default_period(_today())
    picture = support_picture(sessions_since(start, team_id=team.id), start, end)
    course = default_course()
    coverage = team_coverage(course, [team], _today())[0] if course else None
    questions_open = list(db.session.scalars(open_questions(team.id)))
    return render_template("support/team_support.html", team=team, picture=picture, start=start, end=end,
                           coverage=coverage, course=course, questions_open=questions_open,
                           show_names=current_user.has_any_role(SUPPORTERS), **_charts(picture))


@bp.route("/oversigt")
@role_required(*READERS)
def overview():
    """All teams: support in the last 90 days, open questions and the principles most discussed."""
    start, end = default_period(_today())
    picture = support_picture(sessions_since(start), start, end)
    rows = overview_rows(_today() - timedelta(days=90))
    return render_template("support/overview.html", rows=rows, picture=picture, start=start, end=end,
                           **_charts(picture))


from . import meeting_views  # noqa: E402,F401
