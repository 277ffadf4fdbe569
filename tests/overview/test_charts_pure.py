"""The overview's figure builders return a figure and a table with the same numbers."""
from datetime import date

from implementering.charts import overview as ch


def test_radar_draws_previous_quarter_dashed_beside_current_and_closes_the_outline():
    chart = ch.radar(["A", "B", "C"], [50, None, 80], [40, 60, 70], title="t", current_label="K4",
                     previous_label="K3", area_column="Område")
    previous, current = chart.figure.data
    assert previous.line.dash == "dash" and current.line.dash is None
    assert list(current.r) == [50, None, 80, 50]
    assert chart.rows[0] == ["A", "50", "40", "10"]
    assert chart.rows[1] == ["B", "–", "60", "–"]


def test_radar_without_a_previous_quarter_has_one_trace():
    chart = ch.radar(["A"], [50], [None], title="t", current_label="K4", previous_label="K3", area_column="x")
    assert len(chart.figure.data) == 1


def test_small_multiples_has_one_panel_per_area_and_a_row_per_team():
    chart = ch.small_multiples(["A", "B"], ["T1", "T2", "T3"], [[1, 2], [3, None], [5, 6]], title="t",
                               team_column="Team")
    assert len(chart.figure.data) == 2
    assert chart.columns == ["Team", "A", "B"]
    assert chart.rows[1] == ["T2", "3", "–"]


def test_adoption_lines_table_shows_shares_in_per_cent_with_a_decimal_comma():
    periods = [date(2026, 1, 5), date(2026, 1, 12)]
    chart = ch.adoption_lines(periods, [("Nord", [0.125, None])], title="t", period_column="Uge", y_title="%")
    assert chart.rows == [["2026-01-05", "12 %"], ["2026-01-12", "–"]]
    assert list(chart.figure.data[0].y) == [12.5, None]


def test_cumulative_marks_only_milestones_reached():
    chart = ch.cumulative_cases([date(2026, 1, 1)], [120], [(100, date(2026, 1, 1)), (250, None)], title="t",
                                day_column="Dag", total_column="I alt", milestone_label="Milepæl")
    assert len(chart.figure.data) == 2
    assert list(chart.figure.data[1].y) == [100]
    assert chart.rows == [["100", "2026-01-01"], ["250", "–"]]


def test_sparkline_has_no_axes_and_json_parses():
    chart = ch.sparkline([date(2026, 1, 1)], [3.5], title="t", period_column="p", value_column="v", digits=1)
    assert chart.figure.layout.xaxis.visible is False
    assert chart.rows == [["2026-01-01", "3,5"]]
    assert chart.to_json().startswith("{")
