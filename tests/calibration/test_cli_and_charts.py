"""`flask consistency alpha` and the calibration chart builders."""
import json

from implementering.charts import calibration as charts

K2011_LONG = """rater,unit,value
A,1,1\nA,2,2\nA,3,3\nA,4,3\nA,5,2\nA,6,1\nA,7,4\nA,8,1\nA,9,2\nA,10,\nA,11,\nA,12,
B,1,1\nB,2,2\nB,3,3\nB,4,3\nB,5,2\nB,6,2\nB,7,4\nB,8,1\nB,9,2\nB,10,5\nB,11,\nB,12,3
C,1,\nC,2,3\nC,3,3\nC,4,3\nC,5,2\nC,6,3\nC,7,4\nC,8,2\nC,9,2\nC,10,5\nC,11,1\nC,12,
D,1,1\nD,2,2\nD,3,3\nD,4,3\nD,5,2\nD,6,4\nD,7,4\nD,8,1\nD,9,2\nD,10,5\nD,11,1\nD,12,
"""


def _shifted(text: str) -> str:
    """The published 1–5 example moved onto the 0–4 scale (ordinal, nominal and interval alpha unchanged)."""
    out = []
    for line in text.strip().splitlines():
        rater, unit, value = line.split(",")
        out.append(f"{rater},{unit},{int(value) - 1 if value.isdigit() else value}")
    return "\n".join(out) + "\n"


def test_the_alpha_command_prints_the_published_value_on_its_last_line(runner, tmp_path):
    path = tmp_path / "k2011.csv"
    path.write_text(_shifted(K2011_LONG))
    result = runner.invoke(args=["consistency", "alpha", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "0.8154"
    result = runner.invoke(args=["consistency", "alpha", str(path), "--level", "interval"])
    assert result.output.strip().splitlines()[-1] == "0.8491"
    result = runner.invoke(args=["consistency", "alpha", str(path), "--level", "nominal"])
    assert result.output.strip().splitlines()[-1] == "0.7434"


def test_the_alpha_command_refuses_values_off_the_scale(runner, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(K2011_LONG)  # contains 5
    result = runner.invoke(args=["consistency", "alpha", str(path)])
    assert result.exit_code == 2 and "outside the scale" in result.output


def test_the_alpha_command_explains_when_alpha_is_undefined(runner, tmp_path):
    path = tmp_path / "same.csv"
    path.write_text("rater,unit,value\nA,1,2\nB,1,2\nA,2,2\nB,2,2\n")
    result = runner.invoke(args=["consistency", "alpha", str(path)])
    assert result.exit_code == 1 and "no_variation" in result.output


def test_the_spread_figure_has_bubbles_reference_and_own_value():
    fig = charts.spread_figure([charts.SpreadColumn("1. A", {1: 3, 2: 5}, reference=2, own=1),
                                charts.SpreadColumn("2. B", {4: 2})], {0: "Ingen"})
    names = [trace.name for trace in fig.data]
    assert names == ["Bedømmere", "Facit", "Din vurdering"]
    assert list(fig.data[0].y) == [1, 2, 4] and list(fig.data[0].text) == ["3", "5", "2"]


def test_the_heatmap_writes_each_value_in_its_cell_with_a_danish_comma():
    fig = charts.leniency_heatmap(["Bedømmer 1", "Bedømmer 2"], ["Mobilitet"], [[0.5], [None]])
    assert fig.data[0].text[0][0] == "+0,50" and fig.data[0].text[1][0] == ""
    assert fig.data[0].zmid == 0


def test_the_trend_figure_has_reference_lines_and_interval_bars():
    fig = charts.alpha_trend_figure({"Mobilitet": [charts.TrendPoint("R1", 0.58, 0.4, 0.7),
                                                   charts.TrendPoint("R2", 0.74, 0.6, 0.85)]})
    payload = json.loads(fig.to_json())
    lines = [shape["y0"] for shape in payload["layout"]["shapes"]]
    assert sorted(lines) == [0.667, 0.8]
    assert [round(v, 2) for v in payload["data"][0]["error_y"]["array"]] == [0.12, 0.11]
