"""Importing cases: mapping, validation of every row, update by reference, all or nothing, the log."""
import io
from datetime import date

from openpyxl import Workbook

from implementering.cases.importing import guess_mapping, import_cases, import_fields, parse_date, parse_steps
from implementering.cases.models import Case, CaseImport, CaseRating
from implementering.tabular import read_table
from tests.builders import make_person, make_team
from tests.cases.builders import make_themes

MAPPING = {"reference": "sagsnr", "team": "team", "opened_on": "oprettet", "caseworker": "sagsbehandler",
           "case_type": "sagstype", "handled_with_vum": "vum", "vum_steps": "trin", "theme:egenomsorg": "egenomsorg"}
HEADER = "sagsnr;team;oprettet;sagsbehandler;sagstype;vum;trin;egenomsorg\n"


def _rows(text: str):
    return read_table("sager.csv", text.encode("utf-8"))


def test_dates_steps_and_types_are_read_in_danish_and_iso_formats():
    assert parse_date("2026-03-01") == parse_date("01-03-2026") == parse_date("1.3.2026") == date(2026, 3, 1)
    assert parse_date("31-02-2026") is None
    assert parse_steps("Udredning, afgørelse; handleplan") == (["assessment", "decision", "action_plan"], [])
    assert parse_steps("udredning, kaffe")[1] == ["kaffe"]


def test_the_mapping_is_guessed_from_danish_headers(db):
    themes = make_themes("egenomsorg")
    headers, _ = _rows(HEADER + "A;Nord;2026-01-01;;ny;ja;;\n")
    guessed = guess_mapping(headers, import_fields(themes))
    assert guessed["reference"] == "sagsnr" and guessed["opened_on"] == "oprettet"
    assert guessed["theme:egenomsorg"] == "egenomsorg" and guessed["department"] == ""


def test_a_good_file_creates_cases_with_steps_ratings_and_a_log_row(db):
    themes = make_themes("egenomsorg")
    team = make_team("Team Nord")
    worker = make_person(email="mette@kommune.dk", team=team)
    importer = make_person(roles=["projektleder"])
    _, rows = _rows(HEADER + "S-1;team nord;2026-01-05;mette@kommune.dk;Ny henvendelse;ja;udredning, afgørelse;3\n"
                             "S-2;Team Nord;06-01-2026;;opfølgning;nej;;\n")
    report = import_cases(rows, MAPPING, importer, filename="sager.csv")
    assert report.ok and report.created == 2
    first = db.session.query(Case).filter_by(reference="S-1").one()
    assert (first.team_id, first.caseworker_id, first.department_id) == (team.id, worker.id, team.department_id)
    assert first.handled_with_vum and first.vum_steps == ["assessment", "decision"]
    assert first.rating_for(themes[0].id) == 3
    second = db.session.query(Case).filter_by(reference="S-2").one()
    assert second.case_type == "opfoelgning" and not second.handled_with_vum and second.ratings == []
    log = db.session.query(CaseImport).one()
    assert (log.imported_by_id, log.row_count, log.created_count, log.applied) == (importer.id, 2, 2, True)
    assert first.import_id == log.id


def test_reimporting_updates_by_reference_instead_of_doubling(db):
    make_themes("egenomsorg")
    make_team("Team Nord")
    make_team("Team Syd")
    _, rows = _rows(HEADER + "S-1;Team Nord;2026-01-05;;ny;nej;;2\nS-2;Team Nord;2026-01-05;;ny;nej;;\n")
    import_cases(rows, MAPPING, None)
    _, rows = _rows(HEADER + "S-1;Team Syd;2026-01-05;;ny;ja;;4\nS-2;Team Nord;2026-01-05;;ny;nej;;\n")
    report = import_cases(rows, MAPPING, None)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert db.session.query(Case).count() == 2
    moved = db.session.query(Case).filter_by(reference="S-1").one()
    assert moved.team.name == "Team Syd" and moved.handled_with_vum
    assert [r.value for r in db.session.query(CaseRating).all()] == [4]


def test_one_bad_row_means_nothing_is_applied_and_every_bad_row_is_reported(db):
    make_themes("egenomsorg")
    make_team("Team Nord")
    _, rows = _rows(HEADER
                    + "S-1;Team Nord;2026-01-05;;ny;ja;;2\n"
                    + "S-2;Team Vest;2026-01-05;;ny;ja;;\n"
                    + "S-3;Team Nord;i går;;ny;ja;;7\n"
                    + "010190-1234;Team Nord;2026-01-05;;ny;ja;;\n"
                    + "S-1;Team Nord;2026-01-05;ukendt@x.dk;gammel;måske;kaffe;\n")
    report = import_cases(rows, MAPPING, None, filename="fejl.csv")
    messages = {p.line: p.message for p in report.problems}
    assert not report.ok and set(messages) == {3, 4, 5, 6}
    assert "Team Vest" in messages[3]
    assert "i går" in messages[4] and "0 til 4" in messages[4]
    assert "CPR" in messages[5] and "010190" not in messages[5]
    assert "ukendt@x.dk" in messages[6] and "gammel" in messages[6] and "kaffe" in messages[6]
    assert db.session.query(Case).count() == 0
    log = db.session.query(CaseImport).one()
    assert not log.applied and log.problem_count == 4


def test_a_duplicate_reference_within_the_file_is_refused(db):
    make_team("Team Nord")
    _, rows = _rows("sagsnr;team;oprettet\nS-1;Team Nord;2026-01-05\nS-1;Team Nord;2026-01-06\n")
    report = import_cases(rows, {"reference": "sagsnr", "team": "team", "opened_on": "oprettet"}, None, themes=[])
    assert not report.ok and "linje 2" in report.problems[0].message
    assert db.session.query(Case).count() == 0


def test_a_missing_required_column_is_refused_before_any_row(db):
    _, rows = _rows("sagsnr;team\nS-1;Team Nord\n")
    report = import_cases(rows, {"reference": "sagsnr", "team": "team"}, None, themes=[])
    assert not report.ok and "Oprettet dato" in report.problems[0].message


def test_unmapped_columns_are_never_read_even_when_they_hold_a_cpr_number(db):
    make_team("Team Nord")
    _, rows = _rows("sagsnr;team;oprettet;cpr\nS-1;Team Nord;2026-01-05;010190-1234\n")
    report = import_cases(rows, {"reference": "sagsnr", "team": "team", "opened_on": "oprettet"}, None, themes=[])
    assert report.ok and db.session.query(Case).count() == 1


def _upload(client, data, name):
    return client.post("/sager/import", data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def test_the_two_step_import_page_maps_columns_and_imports_an_xlsx(client, db, login_as):
    make_themes("egenomsorg")
    make_team("Team Nord")
    login_as("projektleder")
    book = Workbook()
    sheet = book.active
    sheet.append(["Sags-ID", "Teamnavn", "Modtaget", "Egenomsorg"])
    sheet.append(["X-9", "Team Nord", date(2026, 2, 3), 2])
    buffer = io.BytesIO()
    book.save(buffer)
    response = _upload(client, buffer.getvalue(), "udtraek.xlsx")
    assert response.status_code == 302
    mapping_url = response.headers["Location"]
    page = client.get(mapping_url)
    assert "Vælg kolonner til importen" in page.get_data(as_text=True)
    fields = {f"f{i}": v for i, v in enumerate(["sags-id", "teamnavn", "modtaget", "", "", "", "", "", "egenomsorg"])}
    response = client.post(mapping_url, data=fields)
    assert response.status_code == 302
    case = db.session.query(Case).one()
    assert case.reference == "X-9" and case.opened_on == date(2026, 2, 3) and case.ratings[0].value == 2
    assert client.get(mapping_url).status_code == 404  # the upload is gone after the import


def test_the_mapping_step_shows_the_row_report_in_danish(client, db, login_as):
    make_team("Team Nord")
    login_as("projektleder")
    response = _upload(client, b"sagsnr;team;oprettet\nS-1;Team Ukendt;2026-01-05\n", "s.csv")
    page = client.post(response.headers["Location"], data={"f0": "sagsnr", "f1": "team", "f2": "oprettet"})
    text = page.get_data(as_text=True)
    assert "Intet er importeret" in text and "Linje 2" in text and "Team Ukendt" in text


def test_a_case_worker_may_not_import(client, db, login_as):
    login_as("sagsbehandler")
    assert client.get("/sager/import").status_code == 403
    assert _upload(client, b"a\n1\n", "s.csv").status_code == 403
