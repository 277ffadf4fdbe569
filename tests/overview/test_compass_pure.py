"""Hand-computed cases for the compass scores, quarters and traffic lights."""
from datetime import date

from implementering.analytics import compass as c


def test_readiness_is_the_mean_of_checklist_and_activity_shares():
    assert c.readiness_score(0.5, 3, 4) == 62.5
    assert c.readiness_score(None, 1, 4) == 25.0
    assert c.readiness_score(0.8, 0, 0) == 80.0
    assert c.readiness_score(None, 0, 0) is None


def test_area_scores_are_shares_on_0_to_100_and_missing_data_gives_none():
    assert c.training_score(9, 12) == 75.0
    assert c.training_score(0, 0) is None
    assert c.adoption_score(1, 3) == 33.3
    assert c.quality_score(18, 24) == 75.0


def test_motivation_maps_the_1_to_5_scale_onto_0_to_100():
    assert c.motivation_score(1.0) == 0.0
    assert c.motivation_score(3.0) == 50.0
    assert c.motivation_score(4.2) == 80.0
    assert c.motivation_score(None) is None


def test_consistency_is_alpha_in_per_cent_with_negative_alpha_as_zero():
    assert c.consistency_score(0.734) == 73.4
    assert c.consistency_score(-0.2) == 0.0
    assert c.consistency_score(None) is None


def test_overall_and_change_ignore_missing_areas():
    assert c.overall({"a": 50.0, "b": None, "c": 70.0}) == 60.0
    assert c.overall({"a": None}) is None
    assert c.change(70.0, 55.5) == 14.5
    assert c.change(70.0, None) is None


def test_quarters_and_their_predecessors():
    q = c.quarter_of(date(2026, 11, 23))
    assert (q.start, q.end, q.label) == (date(2026, 10, 1), date(2026, 12, 31), "K4 2026")
    p = q.previous()
    assert (p.start, p.end, p.label) == (date(2026, 7, 1), date(2026, 9, 30), "K3 2026")
    assert c.quarter_of(date(2026, 2, 3)).previous().label == "K4 2025"


def test_traffic_lights_against_a_target():
    assert c.traffic_light(90, 90) == c.GREEN
    assert c.traffic_light(80, 90) == c.YELLOW   # within 15 % of 90 (76.5)
    assert c.traffic_light(70, 90) == c.RED
    assert c.traffic_light(None, 90) is None
    assert c.traffic_light(0, 0, higher_is_better=False) == c.GREEN
    assert c.traffic_light(1, 0, higher_is_better=False) == c.YELLOW
    assert c.traffic_light(3, 0, higher_is_better=False) == c.RED
