"""Pages for quality checks: rounds, the review form, the audit panel, results and criteria."""
from __future__ import annotations

from datetime import date

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from ..charts.quality import distribution_figure, trend_figure
from ..extensions import db
from ..i18n import _
from ..people.models import Person, Team
from ..people.services import departments_in_order, teams_in_order
from ..security import ANY_ROLE, PLANNERS, READERS, SUPPORTERS, role_required
from ..settings.services import active_themes, scale_labels
from . import bp
from .criteria import create_version, criteria_sets
from .forms import (CriteriaVersionForm, MeetingForm, RecommendationForm, RecommendationStatusForm, RoundForm,
                    answers_from, review_form, theme_values_from)
from .models import AUDIT, LEVELS, PLANNED, CriteriaSet, QualityRound
from .results import compute_results, export_xlsx, percent
from .review_models import SUBMITTED, Recommendation, Review
from .reviews import (add_recommendation, assigned_to, may_see_review, panel_comparison, recommendations,
                      save_meeting, save_review, set_recommendation_status, visible_reviews)
from .rounds import close_round, create_round, open_round


@bp.route("/")
@role_required(*SUPPORTERS)
def round_list():
    """Every round, newest first."""
    rounds = list(db.session.scalars(select(QualityRound).order_by(QualityRound.opens_on.desc(), QualityRound.id.desc())))
    return render_template("quality/round_list.html", rounds=rounds)


@bp.route("/runder/ny", methods=["GET", "POST"])
@role_required(*PLANNERS)
def round_create():
    """Set up a round: teams, how many cases, period, rules, dates and recurrence."""
    form = RoundForm()
    if form.validate_on_submit():
        data = dict(form.data)
        data["teams"] = [db.session.get(Team, i) for i in form.teams.data]
        data["panel"] = [db.session.get(Person, i) for i in form.panel.data] if form.kind.data == AUDIT else []
        round_ = create_round(data, current_user)
        flash(_("Runden er oprettet. Sagerne trækkes, når runden åbner."), "success")
        return redirect(url_for("quality.round_detail", round_id=round_.id))
    return render_template("quality/round_form.html", form=form)


@bp.route("/runder/<int:round_id>")
@role_required(*SUPPORTERS)
def round_detail(round_id: int):
    """A round: its rules, the drawn cases with the reason for each, and the reviews' status."""
    round_ = db.get_or_404(QualityRound, round_id)
    reviews = list(db.session.scalars(select(Review).where(Review.round_id == round_.id).order_by(Review.case_id)))
    return render_template("quality/round_detail.html", round=round_, reviews=reviews)


@bp.route("/runder/<int:round_id>/aabn", methods=["POST"])
@role_required(*PLANNERS)
def round_open(round_id: int):
    """Open a planned round now: draw the cases, assign reviewers and send e-mails."""
    round_ = db.get_or_404(QualityRound, round_id)
    if round_.status == PLANNED:
        count = open_round(round_)
        flash(_("Runden er åbnet: %(n)s gennemgange er fordelt.", n=count), "success")
    return redirect(url_for("quality.round_detail", round_id=round_.id))


@bp.route("/runder/<int:round_id>/afslut", methods=["POST"])
@role_required(*PLANNERS)
def round_close(round_id: int):
    """Mark a round as finished."""
    close_round(db.get_or_404(QualityRound, round_id))
    flash(_("Runden er afsluttet."), "success")
    return redirect(url_for("quality.round_detail", round_id=round_id))


@bp.route("/mine")
@role_required(*ANY_ROLE)
def my_reviews():
    """What I am to review, and the finished reviews I may read (my own cases, my teams)."""
    page = db.paginate(visible_reviews(current_user), per_page=30, error_out=False)
    return render_template("quality/my_reviews.html", todo=assigned_to(current_user), page=page)


@bp.route("/gennemgang/<int:review_id>", methods=["GET", "POST"])
@role_required(*ANY_ROLE)
def review_edit(review_id: int):
    """The review form (only for the assigned reviewer; read-only once submitted)."""
    review = db.get_or_404(Review, review_id)
    if review.reviewer_id != current_user.id:
        abort(403)
    if review.status == SUBMITTED:
        return redirect(url_for("quality.review_detail", review_id=review.id))
    criteria, themes = review.criteria_version.criteria, active_themes()
    form = review_form(criteria, themes, scale_labels())
    if request.method == "GET":
        for answer in review.answers:
            form[f"c{answer.criterion_id}"].data, form[f"r{answer.criterion_id}"].data = answer.level, answer.reason
        for rating in review.theme_ratings:
            if f"t{rating.theme_id}" in form:
                form[f"t{rating.theme_id}"].data = str(rating.value)
        form.comment.data = review.comment
    problems = {}
    if form.validate_on_submit():
        submitting = bool(form.submit.data)
        problems = save_review(review, answers_from(form), theme_values_from(form), form.comment.data, submitting)
        if not problems:
            flash(_("Gennemgangen er afsluttet. Tak!") if submitting else _("Kladden er gemt."), "success")
            return redirect(url_for("quality.my_reviews") if submitting else url_for("quality.review_edit", review_id=review.id))
        for criterion_id, message in problems.items():
            form[f"r{criterion_id}" if "begrundelse" in message.lower() else f"c{criterion_id}"].errors = [message]
    return render_template("quality/review_form.html", review=review, form=form, problems=problems)


@bp.route("/gennemgang/<int:review_id>/vis")
@role_required(*ANY_ROLE)
def review_detail(review_id: int):
    """A review with every answer and reason, for those allowed to see it."""
    review = db.get_or_404(Review, review_id)
    if not may_see_review(current_user, review):
        abort(403)
    return render_template("quality/review_detail.html", review=review, levels=LEVELS,
                           themes={t.id: t.name for t in active_themes()}, labels=scale_labels())


@bp.route("/runder/<int:round_id>/panel", methods=["GET", "POST"])
@role_required(*SUPPORTERS)
def audit_panel(round_id: int):
    """The audit panel's comparison per criterion, the meeting notes and the recommendations."""
    round_ = db.get_or_404(QualityRound, round_id)
    if round_.kind != AUDIT:
        abort(404)
    meeting = MeetingForm(obj=round_, prefix="m")
    recommendation = RecommendationForm(prefix="a")
    if meeting.submit.data and meeting.validate_on_submit():
        save_meeting(round_, meeting.meeting_on.data, meeting.meeting_notes.data)
        flash(_("Referatet er gemt."), "success")
        return redirect(url_for("quality.audit_panel", round_id=round_.id))
    if recommendation.add.data and recommendation.validate_on_submit():
        item = add_recommendation(round_, recommendation.text.data, recommendation.owner_id.data, recommendation.due_on.data)
        flash(_("Anbefaling %(n)s er tilføjet.", n=item.number), "success")
        return redirect(url_for("quality.audit_panel", round_id=round_.id))
    panel, comparisons = panel_comparison(round_)
    return render_template("quality/audit_panel.html", round=round_, panel=panel, comparisons=comparisons,
                           meeting=meeting, recommendation=recommendation, levels=LEVELS,
                           recommendations=recommendations(round_), status_form=RecommendationStatusForm)


@bp.route("/anbefalinger/<int:recommendation_id>", methods=["POST"])
@role_required(*SUPPORTERS)
def recommendation_status(recommendation_id: int):
    """Change the status of a recommendation (tracked action)."""
    item = db.get_or_404(Recommendation, recommendation_id)
    form = RecommendationStatusForm()
    if form.validate_on_submit():
        set_recommendation_status(item, form.status.data)
        flash(_("Anbefaling %(n)s er opdateret.", n=item.number), "success")
    return redirect(url_for("quality.audit_panel", round_id=item.round_id))


def _filters() -> dict:
    """Results filters from the query string."""
    from ..cases.importing import parse_date

    args = request.args
    return {"department_id": args.get("omraade", type=int), "team_id": args.get("team", type=int),
            "start": parse_date(args.get("fra", "")) if args.get("fra") else None,
            "end": parse_date(args.get("til", "")) if args.get("til") else None}


@bp.route("/resultater")
@role_required(*READERS)
def results():
    """Per criterion (weakest first), per team and over time, with charts and data tables."""
    data = compute_results(**_filters())
    level_labels = [str(label) for label in LEVELS.values()]
    distribution = distribution_figure([text for _k, text, _s in data.criteria],
                                       [list(s.counts.values()) for _k, _t, s in data.criteria], level_labels,
                                       title=_("Svarfordeling pr. kriterium"))
    trend = trend_figure([p for p, _s in data.periods], [s.positive_share for _p, s in data.periods],
                         title=_("Andel \"i høj grad\" eller \"i nogen grad\" pr. kvartal"), name=_("Andel"))
    return render_template("quality/results.html", data=data, percent=percent, level_labels=level_labels,
                           distribution_json=distribution.to_json(), trend_json=trend.to_json(),
                           teams=teams_in_order(), departments=departments_in_order(), args=request.args)


@bp.route("/resultater.xlsx")
@role_required(*READERS)
def results_export():
    """The results as an Excel workbook."""
    body = export_xlsx(compute_results(**_filters()))
    return Response(body, mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f"attachment; filename=kvalitet-{date.today().isoformat()}.xlsx"})


@bp.route("/kriterier")
@role_required(*PLANNERS)
def criteria_list():
    """The criteria sets with every version."""
    return render_template("quality/criteria_list.html", sets=criteria_sets(), levels=LEVELS)


@bp.route("/kriterier/<int:set_id>/ny-version", methods=["GET", "POST"])
@role_required(*PLANNERS)
def criteria_version_create(set_id: int):
    """Edit a set by making a new version; reviews made with older versions keep theirs."""
    criteria_set = db.get_or_404(CriteriaSet, set_id)
    current = criteria_set.current
    form = CriteriaVersionForm()
    if request.method == "GET":
        rows = [{"key": c.key, "group": c.group, "text": c.text, "guidance": c.guidance} for c in (current.criteria if current else [])]
        rows += [{"key": "", "group": "", "text": "", "guidance": ""}] * 2
        form.criteria.entries = []
        form.criteria.last_index = -1
        for row in rows:
            form.criteria.append_entry(row)
    if form.validate_on_submit():
        items = [entry.form.data for entry in form.criteria.entries]
        if not any((i.get("text") or "").strip() for i in items):
            form.note.errors = [_("En version skal have mindst ét kriterium.")]
        else:
            version = create_version(criteria_set, items, current_user, form.note.data)
            flash(_("Version %(n)s er gemt.", n=version.number), "success")
            return redirect(url_for("quality.criteria_list"))
    return render_template("quality/criteria_form.html", form=form, criteria_set=criteria_set)
