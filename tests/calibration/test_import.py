"""Importing paper ratings: long and wide layouts, all rows or none, with a row report."""
import io

import pytest
from openpyxl import Workbook

from implementering.calibration.importing import import_ratings, parse_value
from implementering.calibration.models import Rating, Submission
from implementering.extensions import db
from implementering.tabular import read_table
from tests.builders import make_person, make_team

from .builders import make_round, make_themes, make_vignette


@pytest.fixture
def round_setup(db):
    """A round with two vignettes on mobility and social life, and two known raters."""
    team = make_team()
    themes = make_themes()
    v1 = make_vignette(themes, title="Mand, 52 år")
    v2 = make_vignette(themes, title="Kvinde, 23 år")
    anna = make_person(name="Anna Andersen", email="anna@test.dk", team=team)
    bo = make_person(name="Bo Berg", email="bo@test.dk", team=team)
    return make_round([v1, v2], [team]), anna, bo


def _table(text: str):
    return read_table("vurderinger.csv", text.encode("utf-8"))


def test_values_parse_to_the_scale_or_missing():
    assert parse_value("3") == (True, 3) and parse_value("2.0") == (True, 2)
    assert parse_value("") == (True, None) and parse_value("ikke relevant") == (True, None)
    assert parse_value("5") == (False, None) and parse_value("tre") == (False, None)


def test_a_long_file_is_imported_as_final_paper_submissions(round_setup):
    round_, anna, bo = round_setup
    headers, rows = _table("rater,vignette,tema,value\nanna@test.dk,1,mobilitet,2\nanna@test.dk,1,Socialt liv,\n"
                           "Bo Berg,Kvinde, 23 år,mobilitet,4\n".replace("Kvinde, 23 år", '"Kvinde, 23 år"'))
    report = import_ratings(round_, headers, rows)
    assert report.ok and report.created == 3 and report.updated == 2
    anna_sub = db.session.query(Submission).filter_by(rater_id=anna.id).one()
    assert anna_sub.source == "papir" and anna_sub.submitted_at is not None
    assert sorted((r.value is None) for r in anna_sub.ratings) == [False, True]


def test_the_unit_column_form_rater_unit_value_is_accepted(round_setup):
    round_, anna, _bo = round_setup
    headers, rows = _table("rater,unit,value\nanna@test.dk,1/mobilitet,3\nanna@test.dk,2/socialt_liv,ir\n")
    report = import_ratings(round_, headers, rows)
    assert report.ok and db.session.query(Rating).count() == 2


def test_a_wide_xlsx_is_imported(round_setup):
    round_, anna, bo = round_setup
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Bedømmer", "Vignette", "Mobilitet", "Socialt liv"])
    sheet.append(["anna@test.dk", 1, 2, 3])
    sheet.append(["bo@test.dk", 2, 0, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    headers, rows = read_table("papir.xlsx", buffer.getvalue())
    report = import_ratings(round_, headers, rows)
    assert report.ok and report.created == 4
    values = sorted((r.value is None, r.value or 0) for r in db.session.query(Rating))
    assert values == [(False, 0), (False, 2), (False, 3), (True, 0)]


def test_one_bad_row_means_nothing_is_imported_and_each_problem_is_reported(round_setup):
    round_, _anna, _bo = round_setup
    headers, rows = _table("rater,vignette,theme,value\nanna@test.dk,1,mobilitet,2\nukendt@test.dk,1,mobilitet,2\n"
                           "anna@test.dk,9,mobilitet,2\nanna@test.dk,1,mobilitet,7\nanna@test.dk,1,mobilitet,1\n")
    report = import_ratings(round_, headers, rows)
    assert not report.ok
    lines = {p.line: p.message for p in report.problems}
    assert set(lines) == {3, 4, 5, 6}
    assert "findes ikke" in lines[3] and "ikke med i runden" in lines[4] and "ugyldig" in lines[5]
    assert "linje 2" in lines[6]
    assert db.session.query(Rating).count() == 0


def test_a_cpr_number_refuses_the_row_without_echoing_it(round_setup):
    round_, _anna, _bo = round_setup
    headers, rows = _table("rater,vignette,theme,value,begrundelse\nanna@test.dk,1,mobilitet,2,borger 010190-1234\n")
    report = import_ratings(round_, headers, rows)
    assert not report.ok and "CPR" in report.problems[0].message
    assert "010190" not in report.problems[0].message


def test_a_rater_who_already_submitted_in_the_app_is_refused(round_setup):
    from .builders import submit_ratings

    round_, anna, _bo = round_setup
    submit_ratings(round_, anna, {(round_.vignettes[0], round_.vignettes[0].themes[0]): 1})
    headers, rows = _table("rater,vignette,theme,value\nanna@test.dk,1,mobilitet,2\n")
    report = import_ratings(round_, headers, rows)
    assert not report.ok and "allerede indsendt" in report.problems[0].message


def test_the_import_page_shows_the_row_report_in_danish(client, login_as, round_setup):
    round_, _anna, _bo = round_setup
    login_as("projektleder")
    data = {"file": (io.BytesIO(b"rater,vignette,theme,value\nnogen@test.dk,1,mobilitet,2\n"), "papir.csv")}
    response = client.post(f"/kalibrering/runder/{round_.id}/import", data=data, content_type="multipart/form-data")
    text = response.get_data(as_text=True)
    assert "Intet er importeret" in text and "Linje 2" in text
    data = {"file": (io.BytesIO(b"rater,vignette,theme,value\nanna@test.dk,1,mobilitet,2\n"), "papir.csv")}
    response = client.post(f"/kalibrering/runder/{round_.id}/import", data=data, content_type="multipart/form-data")
    assert response.status_code == 302 and db.session.query(Rating).count() == 1
