"""Scale consistency in the case register: case workers' ratings paired with reviewers' blind re-ratings."""
from datetime import date, datetime

import pytest

from implementering.analytics.calibration import (TOO_FEW_PAIRS, casework_agreement, paired_from_counts,
                                                  quarter_of)
from implementering.calibration.casework import casework_results, counted_pairs
from implementering.extensions import db
from implementering.quality.review_models import DRAFT, SUBMITTED, Review, ReviewThemeRating
from tests.builders import make_person, make_team
from tests.cases.builders import make_case
from tests.quality.builders import make_criteria, make_round as make_quality_round

from .builders import make_round, make_themes, make_vignette, submit_ratings


# --- pure statistics, checked by hand ----------------------------------------------------------------

def test_perfect_pairs_give_kappa_and_alpha_of_one():
    result = paired_from_counts({(0, 0): 3, (4, 4): 3})
    assert result.kappa == pytest.approx(1.0) and result.alpha == pytest.approx(1.0)
    assert result.exact == 1.0 and result.adjacent == 1.0 and result.mean_difference == 0


def test_a_reviewer_one_step_higher_every_time_gives_kappa_four_sevenths():
    # Observed weighted disagreement 3/16, expected 21/48 = 7/16, so kappa = 1 - 3/7.
    result = paired_from_counts({(0, 1): 1, (1, 2): 1, (2, 3): 1}, min_pairs=3)
    assert result.kappa == pytest.approx(4 / 7)
    assert result.exact == 0 and result.adjacent == 1 and result.mean_difference == pytest.approx(1.0)


def test_agreement_no_better_than_chance_gives_kappa_zero_and_alpha_one_eighth():
    # Each of (1,1), (1,2), (2,1), (2,2) once: observed = expected, so kappa 0. Alpha: D_o = 1/2,
    # D_e = 32/56, alpha = 1 - (1/2)/(32/56) = 0.125 (ordinal equals nominal with two values used).
    result = paired_from_counts({(1, 1): 1, (1, 2): 1, (2, 1): 1, (2, 2): 1}, min_pairs=4)
    assert result.kappa == pytest.approx(0.0) and result.alpha == pytest.approx(0.125)
    assert result.exact == 0.5 and result.adjacent == 1.0


def test_fewer_pairs_than_the_minimum_give_shares_but_no_kappa():
    result = paired_from_counts({(2, 2): 2, (2, 3): 1})
    assert result.kappa is None and result.alpha is None and result.problem == TOO_FEW_PAIRS
    assert result.pairs == 3 and result.exact == pytest.approx(2 / 3)


def test_everyone_using_one_value_is_explained_not_a_nan():
    result = paired_from_counts({(2, 2): 6})
    assert result.kappa is None and result.problem == "no_variation" and result.exact == 1.0


def test_no_pairs_is_no_data():
    assert paired_from_counts({}).problem == "no_data"


def test_a_value_outside_the_scale_is_refused():
    with pytest.raises(ValueError):
        paired_from_counts({(5, 4): 5})


def test_counted_rows_are_grouped_per_theme_and_period():
    rows = [("mob", "2026-K1", 0, 0, 3), ("mob", "2026-K1", 4, 4, 3), ("mob", "2026-K2", 0, 1, 1),
            ("soc", "2026-K2", 1, 2, 1), ("soc", "2026-K2", 2, 3, 1)]
    data = casework_agreement(rows, min_pairs=3)
    assert data.overall.pairs == 9
    assert list(data.by_period) == ["2026-K1", "2026-K2"]
    assert data.by_theme["mob"].kappa == pytest.approx(paired_from_counts({(0, 0): 3, (4, 4): 3, (0, 1): 1}).kappa)
    assert data.by_theme_period["mob"]["2026-K1"].kappa == pytest.approx(1.0)
    assert data.by_period["2026-K2"].kappa == pytest.approx(4 / 7)


def test_quarters_are_named_by_year_and_number():
    assert quarter_of(2026, 1) == "2026-K1" and quarter_of(2026, 12) == "2026-K4"


# --- pairing in the database ----------------------------------------------------------------------

def _review(case, reviewer, quality_round, values: dict, submitted_at=datetime(2026, 2, 10, 9), status=SUBMITTED):
    review = Review(round_id=quality_round.id, case_id=case.id, reviewer_id=reviewer.id,
                    criteria_version_id=quality_round.criteria_version_id, status=status,
                    submitted_at=submitted_at if status == SUBMITTED else None)
    review.theme_ratings = [ReviewThemeRating(theme_id=theme.id, value=value) for theme, value in values.items()]
    db.session.add(review)
    db.session.commit()
    return review


@pytest.fixture
def register(db):
    """Two teams; three reviewed cases in Nord (one review still a draft), one in Syd."""
    nord, syd = make_team(name="Nord"), make_team(name="Syd")
    mobility, social = make_themes()
    worker, reviewer = make_person(team=nord), make_person(roles=["superbruger"])
    quality_round = make_quality_round([nord, syd], version=make_criteria())
    cases = [make_case(team=nord, caseworker=worker, ratings={mobility: v, social: 2}) for v in (0, 1, 2)]
    _review(cases[0], reviewer, quality_round, {mobility: 1, social: 2})
    _review(cases[1], reviewer, quality_round, {mobility: 2, social: 2}, submitted_at=datetime(2026, 5, 3, 12))
    _review(cases[2], reviewer, quality_round, {mobility: 4}, status=DRAFT)
    syd_case = make_case(team=syd, ratings={mobility: 3})
    _review(syd_case, reviewer, quality_round, {mobility: 3, social: 1})  # no case-worker value for social
    return {"nord": nord, "syd": syd, "themes": (mobility, social), "reviewer": reviewer}


def test_pairs_are_counted_per_theme_and_quarter_from_submitted_reviews_only(register):
    mobility, social = register["themes"]
    rows = counted_pairs()
    assert sorted(rows) == sorted([
        (mobility.id, "2026-K1", 0, 1, 1), (mobility.id, "2026-K1", 3, 3, 1), (mobility.id, "2026-K2", 1, 2, 1),
        (social.id, "2026-K1", 2, 2, 1), (social.id, "2026-K2", 2, 2, 1)])


def test_pairs_can_be_narrowed_to_a_team_and_a_period(register):
    mobility, _social = register["themes"]
    assert {r[2:4] for r in counted_pairs([register["syd"].id])} == {(3, 3)}
    rows = counted_pairs([register["nord"].id], start=date(2026, 4, 1), end=date(2026, 5, 3))
    assert sum(r[4] for r in rows) == 2 and {r[1] for r in rows} == {"2026-K2"}


def test_casework_results_report_the_mean_difference_of_reviewers(register):
    data = casework_results([register["nord"].id])
    assert data.overall.pairs == 4 and data.overall.mean_difference == pytest.approx(0.5)


# --- pages ------------------------------------------------------------------------------------------

def test_the_case_register_page_shows_the_themes_with_chart_and_table(client, login_as, register):
    login_as("projektleder")
    page = client.get("/kalibrering/sager?periode=0").get_data(as_text=True)
    assert "Skalaen i sagerne" in page and "Mobilitet" in page and "data-figure" in page
    assert "Tallene bag diagrammet" in page and "For få par" in page


def test_the_case_register_page_filters_by_team(client, login_as, register):
    login_as("ledelse")
    page = client.get(f"/kalibrering/sager?periode=0&team={register['syd'].id}").get_data(as_text=True)
    assert "Mobilitet" in page and "Socialt liv" not in page  # Syd's case has no social-life pair
    everyone = client.get("/kalibrering/sager?periode=0").get_data(as_text=True)
    assert "Socialt liv" in everyone


def test_a_case_worker_cannot_open_the_case_register_page(client, login_as, register):
    login_as("sagsbehandler")
    assert client.get("/kalibrering/sager").status_code == 403


def test_the_results_of_a_closed_round_show_the_case_register_for_its_teams(client, login_as, register):
    mobility, social = register["themes"]
    vignette = make_vignette([mobility, social])
    round_ = make_round([vignette], [register["nord"]], closed=True)
    round_.closed_at = datetime(2026, 6, 1, 12)
    db.session.commit()
    submit_ratings(round_, make_person(team=register["nord"]), {(vignette, mobility): 1, (vignette, social): 2})
    login_as("projektleder")
    page = client.get(f"/kalibrering/runder/{round_.id}/resultater").get_data(as_text=True)
    assert "Skalaen i sagerne i samme periode" in page and "Alle temaer" in page
