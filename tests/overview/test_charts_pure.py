"""The overview's figure builders return a valid Plotly figure and a table with the same numbers."""
import json
from datetime import date

import plotly.graph_objects as go

from implementering.charts import overview as ch


def valid(chart):
    """Plotly's own schema check of the figure dict (raises on an unknown property)."""
    return go.Figure(json.loads(chart.to_json()))


def test_radar_draws_previous_quarter_dashed_beside_current_and_closes_the_outline():
    chart = ch.radar(["A", "B", "C"], [50, None, 80], [40, 60, 70], title="t", current_label="K4",
                     previous_label="K3", area_column="Område")
    previous, current = valid(chart).data
    assert previous.line.dash == "dash" and current.line.dash is None
    assert list(current.r) == [50, None, 80, 50]
    assert chart.rows[0] == ["A", "50", "40", "10"]
    assert chart.rows[1] == ["B", "–", "60", "–"]


def test_radar_without_a_previous_quarter_has_one_trace():
    chart = ch.radar(["A"], [50], [None], title="t", current_label="K4", previous_label="K3", area_column="x")
    assert len(valid(chart).data) == 1


def test_small_multiples_has_one_panel_per_area_and_a_row_per_team():
    chart = ch.small_multiples(["A", "B"], ["T1", "T2", "T3"], [[1, 2], [3, None], [5, 6]], title="t",
                               team_column="Team")
    fig = valid(chart)
    assert [trace.xaxis for trace in fig.data] == ["x", "x2"]
    assert fig.layout.xaxis2.domain[1] == 1.0
    assert chart.columns == ["Team", "A", "B"]
    assert chart.rows[1] == ["T2", "3", "–"]


def test_adoption_lines_table_shows_shares_in_per_cent_with_a_decimal_comma():
    periods = [date(2026, 1, 5), date(2026, 1, 12)]
    chart = ch.adoption_lines(periods, [("Nord", [0.125, None])], title="t", period_column="Uge", y_title="%")
    assert chart.rows == [["2026-01-05", "12 %"], ["2026-01-12", "–"]]
    assert list(valid(chart).data[0].y) == [12.5, None]


def test_cumulative_marks_only_milestones_reached():
    chart = ch.cumulative_cases([date(2026, 1, 1)], [120], [(100, date(2026, 1, 1)), (250, None)], title="t",
                                day_column="Dag", total_column="I alt", milestone_label="Milepæl")
    fig = valid(chart)
    assert len(fig.data) == 2 and list(fig.data[1].y) == [100]
    assert chart.rows == [["100", "2026-01-01"], ["250", "–"]]


def test_step_bars_draw_the_skip_threshold():
    chart = ch.step_bars(["Udredning"], [0.4], [4], title="t", step_column="Trin", share_column="Andel",
                         count_column="Sager", threshold=0.5)
    assert valid(chart).layout.shapes[0].y0 == 50
    assert chart.rows == [["Udredning", "40 %", "4"]]


def test_sparkline_has_no_axes_and_json_parses():
    chart = ch.sparkline([date(2026, 1, 1)], [3.5], title="t", period_column="p", value_column="v", digits=1)
    assert valid(chart).layout.xaxis.visible is False
    assert chart.rows == [["2026-01-01", "3,5"]]


def test_trend_lines_keep_the_range_given():
    chart = ch.trend_lines([date(2026, 1, 1)], [("M", [3.25])], title="t", period_column="p", y_title="y",
                           y_range=(1, 5), digits=2)
    assert list(valid(chart).layout.yaxis.range) == [1, 5]
    assert chart.rows == [["2026-01-01", "3,25"]]
