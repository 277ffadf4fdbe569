"""Pages for courses, sessions, enrolment, the attendance screen, coverage and one's own training."""
from __future__ import annotations

from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..charts.training import coverage_figure
from ..extensions import db
from ..i18n import _
from ..people.models import Person, Team
from ..security import ANY_ROLE, PLANNERS, READERS, SUPPORTERS, role_required
from . import bp
from .constants import ATTENDANCE, PERSON_STATUS_TAGS, PERSON_STATUSES
from .forms import AttendanceForm, ConfirmForm, CourseForm, EnrolForm, SessionForm
from .models import Course, CourseSession, Enrolment
from .services import (courses_in_order, default_course, delete_session, department_coverage, enrol,
                       parse_attendance_form, person_standing, person_training, record_attendance,
                       save_course, save_session, team_coverage, trainer_candidates, upcoming_sessions)


def _today() -> date:
    """Today's date (one place, so tests and views agree)."""
    return date.today()


@bp.route("/")
@role_required(*READERS)
def index():
    """Courses with their sessions, and the next sessions."""
    return render_template("training/index.html", courses=courses_in_order(),
                           upcoming=upcoming_sessions(_today(), limit=8), today=_today())


@bp.route("/kurser/ny", methods=["GET", "POST"])
@role_required(*PLANNERS)
def course_create():
    """Create a course."""
    form = CourseForm()
    if form.validate_on_submit():
        course = save_course(Course(), form.data)
        flash(_("Kurset %(name)s er oprettet. Opret nu et hold.", name=course.name), "success")
        return redirect(url_for("training.session_create", course_id=course.id))
    return render_template("training/course_form.html", form=form, course=None)


@bp.route("/kurser/<int:course_id>")
@role_required(*READERS)
def course_detail(course_id: int):
    """One course: its sessions with enrolment and attendance counts."""
    course = db.get_or_404(Course, course_id)
    return render_template("training/course_detail.html", course=course, today=_today())


@bp.route("/kurser/<int:course_id>/rediger", methods=["GET", "POST"])
@role_required(*PLANNERS)
def course_edit(course_id: int):
    """Edit a course."""
    course = db.get_or_404(Course, course_id)
    form = CourseForm(obj=course, editing_id=course.id)
    if form.validate_on_submit():
        save_course(course, form.data)
        flash(_("Ændringerne er gemt."), "success")
        return redirect(url_for("training.course_detail", course_id=course.id))
    return render_template("training/course_form.html", form=form, course=course)


@bp.route("/kurser/<int:course_id>/hold/ny", methods=["GET", "POST"])
@role_required(*PLANNERS)
def session_create(course_id: int):
    """Add a session to a course (it appears in the plan at once)."""
    course = db.get_or_404(Course, course_id)
    form = SessionForm(trainers=trainer_candidates())
    if form.validate_on_submit():
        session = save_session(CourseSession(course=course), form.data)
        flash(_("Holdet er oprettet og står nu i aktivitetsplanen."), "success")
        return redirect(url_for("training.session_detail", session_id=session.id))
    return render_template("training/session_form.html", form=form, course=course, session=None)


@bp.route("/hold/<int:session_id>")
@role_required(*READERS)
def session_detail(session_id: int):
    """One session: facts, enrolled persons with attendance, and the enrolment form."""
    session = db.get_or_404(CourseSession, session_id)
    enrolments = sorted(session.enrolments, key=lambda e: e.person.name)
    return render_template("training/session_detail.html", session=session, enrolments=enrolments,
                           form=EnrolForm(), confirm=ConfirmForm(), counts=session.counts())


@bp.route("/hold/<int:session_id>/rediger", methods=["GET", "POST"])
@role_required(*PLANNERS)
def session_edit(session_id: int):
    """Edit a session (the plan activity follows)."""
    session = db.get_or_404(CourseSession, session_id)
    form = SessionForm(obj=session, trainers=trainer_candidates())
    if request.method == "GET":
        form.trainer_id.data = session.trainer_id or 0
    if form.validate_on_submit():
        save_session(session, form.data)
        flash(_("Ændringerne er gemt."), "success")
        return redirect(url_for("training.session_detail", session_id=session.id))
    return render_template("training/session_form.html", form=form, course=session.course, session=session)


@bp.route("/hold/<int:session_id>/slet", methods=["POST"])
@role_required(*PLANNERS)
def session_delete(session_id: int):
    """Delete a session, its enrolments and its plan activity."""
    session = db.get_or_404(CourseSession, session_id)
    course_id = session.course_id
    if ConfirmForm().validate_on_submit():
        delete_session(session)
        flash(_("Holdet er slettet."), "success")
    return redirect(url_for("training.course_detail", course_id=course_id))


@bp.route("/hold/<int:session_id>/tilmeld", methods=["POST"])
@role_required(*PLANNERS)
def session_enrol(session_id: int):
    """Enrol whole teams and/or persons in a session."""
    session = db.get_or_404(CourseSession, session_id)
    form = EnrolForm()
    if not form.validate_on_submit():
        enrolments = sorted(session.enrolments, key=lambda e: e.person.name)
        return render_template("training/session_detail.html", session=session, enrolments=enrolments,
                               form=form, confirm=ConfirmForm(), counts=session.counts()), 400
    teams = [t for t in (db.session.get(Team, i) for i in form.teams.data) if t]
    persons = [p for p in (db.session.get(Person, i) for i in form.persons.data) if p]
    result = enrol(session, persons=persons, teams=teams)
    flash(_("%(n)s tilmeldt, %(a)s var allerede tilmeldt.", n=result.added, a=result.already), "success")
    if result.full:
        flash(_("Holdet er fuldt; ikke tilmeldt: %(names)s", names=", ".join(result.full)), "warning")
    return redirect(url_for("training.session_detail", session_id=session.id))


@bp.route("/tilmelding/<int:enrolment_id>/afmeld", methods=["POST"])
@role_required(*PLANNERS)
def enrolment_delete(enrolment_id: int):
    """Remove a person from a session."""
    from .services import unenrol

    enrolment = db.get_or_404(Enrolment, enrolment_id)
    session_id = enrolment.session_id
    if ConfirmForm().validate_on_submit():
        unenrol(enrolment)
        flash(_("Tilmeldingen er fjernet."), "success")
    return redirect(url_for("training.session_detail", session_id=session_id))


@bp.route("/hold/<int:session_id>/fremmoede", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def attendance(session_id: int):
    """The attendance screen: one row per enrolled person, three big choices, one save."""
    session = db.get_or_404(CourseSession, session_id)
    form = AttendanceForm()
    if form.validate_on_submit():
        marks = parse_attendance_form(request.form, "all_attended" in request.form, session)
        changed = record_attendance(session, marks)
        flash(_("Fremmødet er gemt (%(n)s ændret).", n=changed), "success")
        return redirect(url_for("training.session_detail", session_id=session.id))
    enrolments = sorted(session.enrolments, key=lambda e: e.person.name)
    return render_template("training/attendance.html", session=session, enrolments=enrolments, form=form,
                           choices=ATTENDANCE)


@bp.route("/daekning")
@role_required(*READERS)
def coverage():
    """Training coverage per department and team, with those who lack the course before go-live."""
    courses = [c for c in courses_in_order(include_inactive=False)]
    course = db.session.get(Course, request.args.get("kursus", type=int) or 0) or default_course()
    rows = department_coverage(course, _today()) if course else []
    teams = [cov for _, _, team_rows in rows for cov in team_rows]
    chart_rows = [[c.label, c.done, c.count("tilmeldt"), c.count("mangler")] for c in teams]
    figure = coverage_figure([r[0] for r in chart_rows], [r[1] for r in chart_rows],
                             [r[2] for r in chart_rows], [r[3] for r in chart_rows])
    show_names = current_user.has_any_role(SUPPORTERS)
    return render_template("training/coverage.html", course=course, courses=courses, rows=rows,
                           show_names=show_names, statuses=PERSON_STATUSES, tags=PERSON_STATUS_TAGS,
                           today=_today(), figure_json=figure.to_json(), chart_rows=chart_rows)


@bp.route("/daekning/team/<int:team_id>")
@role_required(*SUPPORTERS)
def team_coverage_detail(team_id: int):
    """One team's case workers and their standing on the course, against the team's go-live."""
    team = db.get_or_404(Team, team_id)
    course = db.session.get(Course, request.args.get("kursus", type=int) or 0) or default_course()
    coverage = team_coverage(course, [team], _today())[0] if course else None
    return render_template("training/team_coverage.html", team=team, course=course, coverage=coverage,
                           statuses=PERSON_STATUSES, tags=PERSON_STATUS_TAGS, courses=courses_in_order(False))


@bp.route("/min")
@role_required(*ANY_ROLE)
def my_training():
    """The logged-in person's courses, attendance and standing against their team's go-live."""
    return render_template("training/my_training.html", records=person_training(current_user),
                           standing=person_standing(current_user, _today()), statuses=PERSON_STATUSES,
                           tags=PERSON_STATUS_TAGS, today=_today())
