"""Demo quality work: monthly quality-check rounds over the past year (18 months for 'large'),
where some teams visibly improve and others stall, an open round waiting for the demo
superuser, and one audit round with a panel, meeting notes and recommendations."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import insert, select

from implementering.extensions import db
from implementering.quality.models import AUDIT, CLOSED, OPEN, QualityRound
from implementering.quality.review_models import SUBMITTED, Recommendation, Review, ReviewAnswer, ReviewThemeRating
from implementering.quality.rounds import assign_round_reviews, draw_round_sample, _add_months
from implementering.settings.models import Theme
from seeds.defaults_quality import DEFAULT_SET_NAME, load_quality_defaults

MONTHS = {"small": 12, "large": 18}
#: Harder criteria start lower (by key).
DIFFICULTY = {"smarte_maal": -0.25, "faglig_vurdering": -0.2, "skala_begrundet": -0.15, "ressourcer": -0.1,
              "borgerinddragelse": -0.05}
REASONS = {
    "mindre": ["Målene mangler tidsramme.", "Borgerens egne ord fremgår kun sparsomt.",
               "Vurdering og fakta er blandet sammen.", "Skalaværdien er ikke forklaret."],
    "slet_ikke": ["Der er ingen mål i handleplanen.", "Afgørelsen er en standardtekst."],
    "kan_ikke": ["Dokumentet var ikke tilgængeligt i sagen."],
}


def _level(rng, p_positive: float) -> str:
    """Draw an answer level with roughly `p_positive` chance of 'høj/nogen grad'."""
    if rng.random() < 0.03:
        return "kan_ikke"
    if rng.random() < p_positive:
        return "hoej" if rng.random() < 0.45 else "nogen"
    return "mindre" if rng.random() < 0.7 else "slet_ikke"


def build_quality_demo(ctx) -> None:
    """Create the rounds, reviews, answers and an audit. Adds counts to ctx.summary."""
    rng = ctx.rng
    load_quality_defaults()
    from implementering.quality.models import CriteriaSet

    version = db.session.scalar(select(CriteriaSet).where(CriteriaSet.name == DEFAULT_SET_NAME)).current
    criteria = version.criteria
    themes = list(db.session.scalars(select(Theme.id).where(Theme.active.is_(True))))
    improving = {team.id: (index % 3 != 2) for index, team in enumerate(ctx.teams)}  # a third of teams stall
    planner = ctx.accounts.get("projektleder@demo.dk")
    months = MONTHS.get(ctx.size, 12)
    answer_rows, theme_rows, reviews_total = [], [], 0
    first_open = ctx.today.replace(day=1)
    for back in range(months, -1, -1):
        opens = _add_months(first_open, -back)
        round_ = QualityRound(kind="kvalitet", title=f"Kvalitetstjek {opens.strftime('%m/%Y')}",
                              criteria_version_id=version.id, opens_on=opens, due_on=opens + timedelta(days=21),
                              period_start=_add_months(opens, -2), period_end=opens - timedelta(days=1),
                              sample_size=3, only_new=False, seed=int(opens.strftime("%Y%m%d")), recurrence="maaned" if back == 0 else "",
                              created_by_id=planner.id if planner else None, status=OPEN)
        round_.teams = list(ctx.teams)
        db.session.add(round_)
        db.session.flush()
        draw_round_sample(round_)
        db.session.flush()
        reviews = assign_round_reviews(round_)
        reviews_total += len(reviews)
        if back == 0:
            continue  # the current round stays open with unfinished reviews
        round_.status = CLOSED
        progress = (months - back) / months
        for review in reviews:
            team_id = review.case.team_id
            base = 0.4 + (0.45 * progress if improving[team_id] else 0.05 * rng.random())
            review.status = SUBMITTED
            review.submitted_at = datetime.combine(opens + timedelta(days=rng.randint(2, 20)), time(10))
            for criterion in criteria:
                level = _level(rng, max(0.05, min(0.95, base + DIFFICULTY.get(criterion.key, 0))))
                reason = rng.choice(REASONS[level]) if level in REASONS else ""
                answer_rows.append({"review_id": review.id, "criterion_id": criterion.id, "level": level,
                                    "reason": reason})
            for theme_id in rng.sample(themes, k=min(3, len(themes))) if themes and rng.random() < 0.5 else []:
                theme_rows.append({"review_id": review.id, "theme_id": theme_id, "value": rng.randint(0, 4)})
    if answer_rows:
        db.session.execute(insert(ReviewAnswer), answer_rows)
    if theme_rows:
        db.session.execute(insert(ReviewThemeRating), theme_rows)
    db.session.commit()
    _audit(ctx, version)
    ctx.summary["quality_reviews"] = reviews_total
    ctx.summary["quality_answers"] = len(answer_rows)


def _audit(ctx, version) -> None:
    """One finished audit round with a three-person panel, a meeting and recommendations."""
    rng = ctx.rng
    panel = [p for p in (ctx.accounts.get(e) for e in ("superbruger@demo.dk", "projektleder@demo.dk", "leder@demo.dk")) if p]
    if len(panel) < 2:
        return
    opens = ctx.today - timedelta(days=45)
    round_ = QualityRound(kind=AUDIT, title="Audit af handleplaner", criteria_version_id=version.id, opens_on=opens,
                          due_on=opens + timedelta(days=14), period_start=opens - timedelta(days=120),
                          period_end=opens, sample_size=1, seed=2026, allow_repeat=True, status=OPEN,
                          meeting_on=opens + timedelta(days=20),
                          meeting_notes="Panellet var enige om, at formålene står klart. Målene mangler ofte "
                                        "tidsramme, og vi vurderede inddragelsen forskelligt.")
    round_.teams = list(ctx.teams[:4])
    round_.panel = panel
    db.session.add(round_)
    db.session.flush()
    draw_round_sample(round_)
    db.session.flush()
    for review in assign_round_reviews(round_):
        review.status, review.submitted_at = SUBMITTED, datetime.combine(opens + timedelta(days=10), time(9))
        for criterion in version.criteria:
            p = 0.3 if criterion.key in ("smarte_maal", "borgerinddragelse") else 0.8
            level = _level(rng, p)
            review.answers.append(ReviewAnswer(criterion_id=criterion.id, level=level,
                                               reason=rng.choice(REASONS[level]) if level in REASONS else ""))
    owners = [ctx.accounts.get("projektleder@demo.dk"), ctx.accounts.get("superbruger@demo.dk")]
    texts = ["Alle nye handleplaner får mål med succeskriterium og dato.",
             "Borgerens egne ord om mål skrives ind i udredningen.",
             "Superbrugerne tager to sager med til hvert teammøde om skalaen."]
    for number, text in enumerate(texts, start=1):
        db.session.add(Recommendation(round_id=round_.id, number=number, text=text, owner_id=owners[number % 2].id,
                                      due_on=ctx.today + timedelta(days=30 * number),
                                      status=["faerdig", "igang", "aaben"][number - 1]))
    db.session.commit()
