"""Goal measures computed by other domains' services: quality, pulse, calibration and the case register."""
from datetime import date, datetime, timedelta

import pytest

from implementering.calibration.measures import latest_overall_alpha
from implementering.cases.measures import new_cases_vum_share
from implementering.database import utcnow
from implementering.extensions import db
from implementering.plan.goals import MEASURES
from implementering.pulse.measures import current_motivation_mean
from implementering.quality.measures import high_share
from implementering.quality.review_models import DRAFT, SUBMITTED, Review, ReviewAnswer
from tests.builders import make_person, make_team
from tests.calibration.builders import make_round, make_themes, make_vignette, submit_ratings
from tests.cases.builders import make_case
from tests.pulse.builders import MONDAY, closed_round_with_answers, make_team_with_members
from tests.quality.builders import make_criteria, make_round as make_quality_round

TODAY = date(2026, 6, 30)


def test_every_domain_measure_is_offered_to_goals(app):
    assert {"quality_high_share", "pulse_motivation", "calibration_alpha", "cases_vum_share"} <= set(MEASURES)
    assert MEASURES["cases_vum_share"].unit == "%" and MEASURES["cases_vum_share"].compute is new_cases_vum_share


def test_the_vum_share_counts_only_new_cases_of_the_last_quarter(db):
    team = make_team()
    for vum in (True, True, True, False):
        make_case(team=team, opened_on=TODAY - timedelta(days=10), handled_with_vum=vum)
    make_case(team=team, opened_on=TODAY - timedelta(days=10), handled_with_vum=False, case_type="opfoelgning")
    make_case(team=team, opened_on=TODAY - timedelta(days=200), handled_with_vum=False)
    make_case(team=team, opened_on=TODAY + timedelta(days=1), handled_with_vum=False)
    assert new_cases_vum_share(TODAY) == 75.0
    assert new_cases_vum_share(date(2020, 1, 1)) is None


def _review(quality_round, case, reviewer, levels, submitted_at, status=SUBMITTED):
    version = quality_round.criteria_version
    review = Review(round_id=quality_round.id, case_id=case.id, reviewer_id=reviewer.id,
                    criteria_version_id=version.id, status=status, submitted_at=submitted_at)
    review.answers = [ReviewAnswer(criterion_id=c.id, level=level) for c, level in zip(version.criteria, levels)]
    db.session.add(review)
    db.session.commit()


def test_the_high_share_counts_rated_criteria_of_reviews_submitted_in_the_last_quarter(db):
    team = make_team()
    quality_round = make_quality_round([team], version=make_criteria("A", "B", "C"))
    reviewer = make_person(roles=["superbruger"])
    recent = datetime(2026, 6, 1, 10)
    _review(quality_round, make_case(team=team), reviewer, ("hoej", "nogen", "kan_ikke"), recent)
    _review(quality_round, make_case(team=team), reviewer, ("hoej", "hoej", "slet_ikke"), recent)
    _review(quality_round, make_case(team=team), reviewer, ("nogen", "nogen", "nogen"), datetime(2026, 1, 5))
    _review(quality_round, make_case(team=team), reviewer, ("hoej", "hoej", "hoej"), None, status=DRAFT)
    # 3 of 5 rated criteria (the 'kan ikke vurderes' left out) in the window.
    assert high_share(TODAY) == 60.0
    assert high_share(date(2025, 1, 1)) is None


def test_the_motivation_mean_follows_the_anonymity_rule(db):
    big, big_people = make_team_with_members(5)
    small, small_people = make_team_with_members(4)
    closed_round_with_answers({big: [(p, 4) for p in big_people[:4]] + [(big_people[4], 2)],
                               small: [(p, 1) for p in small_people]})
    day = MONDAY + timedelta(days=10)
    # The small team (4 answers) is left out; the big team's five answers stand: (4*4 + 2) / 5.
    assert current_motivation_mean(day) == pytest.approx(3.6)
    assert current_motivation_mean(MONDAY - timedelta(days=1)) is None


def test_the_motivation_mean_is_hidden_when_no_team_reaches_the_threshold(db):
    team, people = make_team_with_members(4)
    closed_round_with_answers({team: [(p, 5) for p in people]})
    assert current_motivation_mean(MONDAY + timedelta(days=10)) is None


def test_the_alpha_measure_uses_the_newest_closed_round(db):
    team = make_team()
    mobility, social = make_themes()
    vignette = make_vignette([mobility, social])
    raters = [make_person(team=team) for _ in range(2)]
    old = make_round([vignette], [team], closed=True, title="Gammel")
    new = make_round([vignette], [team], closed=True, title="Ny")
    old.closed_at, new.closed_at = datetime(2026, 1, 1), datetime(2026, 5, 1)
    db.session.commit()
    for rater in raters:  # perfect agreement in the old round
        submit_ratings(old, rater, {(vignette, mobility): 1, (vignette, social): 3})
    submit_ratings(new, raters[0], {(vignette, mobility): 1, (vignette, social): 3})
    submit_ratings(new, raters[1], {(vignette, mobility): 3, (vignette, social): 1})
    assert latest_overall_alpha(date(2026, 2, 1)) == pytest.approx(1.0)
    assert latest_overall_alpha(TODAY) < 0
    assert latest_overall_alpha(date(2025, 1, 1)) is None
