"""The pure Plotly figure builders for pulses."""
from datetime import date

from implementering.charts.pulse import CurveSeries, heatmap_figure, motivation_curve_figure


def test_the_motivation_curve_draws_the_team_and_the_typical_curve_with_a_gap_for_suppressed_rounds():
    series = CurveSeries("Team Nord", [date(2026, 1, 5), date(2026, 2, 2)], [4.0, None], [0.5, None], [3.9, 3.5])
    fig = motivation_curve_figure([series], title="Motivation", expected_label="Typisk forløb",
                                  band_label="spredning", y_title="1–5")
    names = [trace.name for trace in fig.data]
    assert "Team Nord" in names and "Typisk forløb" in names
    team_trace = next(t for t in fig.data if t.name == "Team Nord")
    assert list(team_trace.y) == [4.0, None]


def test_the_heatmap_says_too_few_answers_instead_of_a_number():
    fig = heatmap_figure(["A", "B"], ["Motivation"], [[4.3], [None]], title="x", too_few_text="færre end 5 svar")
    labelled = fig.data[1]
    assert labelled.text[1][0] == "færre end 5 svar" and labelled.text[0][0] == "4,3"
