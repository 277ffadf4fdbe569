"""Pure rules: goal status, trend, readiness progress, series dates and the Gantt figure."""
from datetime import date

import pytest

from implementering.analytics.plan import (AT_RISK, MISSED, ON_TRACK, REACHED, goal_status, readiness_progress,
                                            trend)
from implementering.charts.plan import GanttBar, gantt_figure
from implementering.plan.services import series_dates

START, DEADLINE = date(2026, 1, 1), date(2026, 12, 31)


def test_a_goal_whose_value_meets_the_target_is_reached_even_before_the_deadline():
    assert goal_status(80, 80, DEADLINE, date(2026, 3, 1), start=START) == REACHED


def test_a_goal_not_met_after_its_deadline_is_missed():
    assert goal_status(50, 80, DEADLINE, date(2027, 1, 1), start=START) == MISSED


def test_a_goal_keeping_pace_with_the_time_used_is_on_track():
    assert goal_status(45, 80, DEADLINE, date(2026, 7, 1), start=START) == ON_TRACK


def test_a_goal_lagging_behind_the_time_used_is_at_risk():
    assert goal_status(10, 80, DEADLINE, date(2026, 10, 1), start=START) == AT_RISK


def test_a_lower_is_better_goal_is_reached_when_the_value_falls_to_the_target():
    assert goal_status(2, 3, DEADLINE, date(2026, 5, 1), start=START, baseline=10, higher_is_better=False) == REACHED
    assert goal_status(9, 3, DEADLINE, date(2026, 10, 1), start=START, baseline=10, higher_is_better=False) == AT_RISK


def test_a_goal_without_a_value_is_on_track_early_and_at_risk_late():
    assert goal_status(None, 80, DEADLINE, date(2026, 2, 1), start=START) == ON_TRACK
    assert goal_status(None, 80, DEADLINE, date(2026, 11, 1), start=START) == AT_RISK


def test_trend_compares_the_last_two_values():
    assert trend([1, 2]) == "op"
    assert trend([3, 2]) == "ned"
    assert trend([2, 2]) == "flad"
    assert trend([2]) == ""


def test_readiness_counts_partly_as_half_and_leaves_out_not_relevant():
    share, answered, relevant = readiness_progress(["ja", "delvist", "nej", None, "ikke_relevant"])
    assert (share, answered, relevant) == (pytest.approx(1.5 / 4), 3, 4)


def test_series_dates_are_the_interval_apart():
    assert series_dates(date(2026, 1, 5), 5, 3) == [date(2026, 1, 5), date(2026, 2, 9), date(2026, 3, 16)]
    with pytest.raises(ValueError):
        series_dates(date(2026, 1, 5), 0, 3)


def test_the_gantt_has_a_bar_trace_per_status_and_a_today_line():
    bars = [GanttBar("Kursus", "Uddannelse", date(2026, 1, 5), date(2026, 1, 6), "planlagt", "Planlagt", "Pia"),
            GanttBar("Møde", "Opfølgning", date(2026, 1, 1), date(2026, 1, 1), "forsinket", "Forsinket", "Søren")]
    fig = gantt_figure(bars, date(2026, 1, 3))
    names = [trace.name for trace in fig.data if trace.showlegend is not False]
    assert names == ["Planlagt", "Forsinket"]
    assert fig.layout.shapes[0].x0 == "2026-01-03"
    assert "Pia" in fig.data[1].text
