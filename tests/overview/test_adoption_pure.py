"""Hand-computed cases for the pure adoption figures."""
from datetime import date

import pytest

from implementering.analytics import adoption as ad


def test_week_and_month_periods_start_on_monday_and_the_first():
    assert ad.period_start(date(2026, 11, 26), ad.WEEK) == date(2026, 11, 23)
    assert ad.period_start(date(2026, 11, 26), ad.MONTH) == date(2026, 11, 1)
    assert ad.next_period(date(2026, 12, 1), ad.MONTH) == date(2027, 1, 1)
    assert ad.periods_between(date(2026, 11, 30), date(2027, 2, 2), ad.MONTH) == [
        date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1), date(2027, 2, 1)]


def test_unknown_grain_is_refused():
    with pytest.raises(ValueError):
        ad.period_start(date(2026, 1, 1), "year")


def test_adoption_series_fills_empty_weeks_and_computes_the_share():
    counts = {date(2026, 11, 2): (4, 1), date(2026, 11, 16): (5, 5)}
    series = ad.adoption_series(counts, date(2026, 11, 2), date(2026, 11, 18), ad.WEEK)
    assert [p.period for p in series] == [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]
    assert [p.share for p in series] == [0.25, None, 1.0]


def test_milestones_are_reached_on_the_day_the_running_total_passes_them():
    daily = [(date(2026, 1, 3), 60), (date(2026, 1, 1), 30), (date(2026, 1, 5), 200), (date(2026, 1, 9), 250)]
    result = {m.count: m.reached_on for m in ad.milestones(daily)}
    # running totals: 1 Jan 30, 3 Jan 90, 5 Jan 290, 9 Jan 540
    assert result == {100: date(2026, 1, 5), 250: date(2026, 1, 5), 500: date(2026, 1, 9), 1000: None}
    assert ad.latest_milestone(540) == 500
    assert ad.next_milestone(540) == 1000
    assert ad.next_milestone(1000) is None
    assert ad.latest_milestone(99) is None


def test_recent_milestones_only_lists_those_reached_since_the_day_given():
    daily = [(date(2026, 1, 1), 100), (date(2026, 3, 1), 150)]
    assert [m.count for m in ad.recent_milestones(daily, since=date(2026, 2, 1))] == [250]


def test_a_step_used_in_under_half_of_the_vum_cases_counts_as_skipped():
    usage = ad.step_usage({"assessment": 10, "follow_up": 4}, 10, ["assessment", "judgement", "follow_up"])
    assert [(u.step, u.used, u.skipped) for u in usage] == [
        ("assessment", 10, False), ("judgement", 0, True), ("follow_up", 4, True)]
    assert usage[2].share == 0.4


def test_teams_past_go_live_without_vum_cases_have_not_started():
    today = date(2026, 11, 23)
    teams = [("a", date(2026, 10, 1), 0), ("b", date(2026, 10, 1), 3), ("c", date(2026, 12, 1), 0), ("d", None, 0)]
    assert ad.not_started(teams, today) == ["a"]


def test_days_from_course_to_first_case_and_their_median():
    assert ad.days_to_first_case(date(2026, 1, 1), date(2026, 1, 15)) == 14
    assert ad.days_to_first_case(None, date(2026, 1, 15)) is None
    assert ad.median_days([14, None, 2, 30]) == 14.0
    assert ad.median_days([None]) is None
    assert ad.cumulative([1, 2, 3]) == [1, 3, 6]
