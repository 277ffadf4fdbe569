"""Importing persons: every row validated, all or nothing, Danish row report, idempotent."""
import io

from openpyxl import Workbook

from implementering.people.models import Person
from tests.builders import make_team

GOOD = "navn;e-mail;team;roller\nMette Holm;mette@kommune.dk;Team Nord;sagsbehandler\nJens Lund;JENS@kommune.dk;Team Nord;sagsbehandler, superbruger\n"


def _write(tmp_path, text, name="personer.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_command_imports_a_danish_csv(runner, db, tmp_path):
    make_team("Team Nord")
    result = runner.invoke(args=["people", "import", str(_write(tmp_path, GOOD))])
    assert result.exit_code == 0, result.output
    assert "oprettet 2" in result.output
    jens = db.session.query(Person).filter_by(email="jens@kommune.dk").one()
    assert jens.roles == ["superbruger", "sagsbehandler"] and jens.team.name == "Team Nord"


def test_reimporting_the_same_file_changes_nothing(runner, db, tmp_path):
    make_team("Team Nord")
    path = _write(tmp_path, GOOD)
    runner.invoke(args=["people", "import", str(path)])
    before = [(p.id, p.name, p.email, p.team_id, p.roles, p.updated_at) for p in db.session.query(Person).order_by(Person.id)]
    result = runner.invoke(args=["people", "import", str(path)])
    db.session.expire_all()
    after = [(p.id, p.name, p.email, p.team_id, p.roles, p.updated_at) for p in db.session.query(Person).order_by(Person.id)]
    assert "uændret 2" in result.output
    assert before == after


def test_one_bad_row_means_nothing_is_imported_and_each_bad_row_is_reported(runner, db, tmp_path):
    make_team("Team Nord")
    make_team("Team Syd")
    text = ("name,email,team,roles\n"
            "Mette Holm,mette@kommune.dk,Team Nord,sagsbehandler\n"
            "Ukendt Team,ukendt@kommune.dk,Team Vest,sagsbehandler\n"
            ",mangler@kommune.dk,Team Nord,sagsbehandler\n"
            "Forkert Rolle,rolle@kommune.dk,Team Nord,chef\n"
            "Med CPR,cpr@kommune.dk,Team Nord,010190-1234\n")
    result = runner.invoke(args=["people", "import", str(_write(tmp_path, text))])
    assert result.exit_code == 1
    output = result.output
    assert "linje 3" in output and "Team Vest" in output and "Team Nord, Team Syd" in output
    assert "linje 4" in output and "navn mangler" in output.lower()
    assert "linje 5" in output and "chef" in output
    assert "linje 6" in output and "CPR" in output and "010190" not in output
    assert db.session.query(Person).count() == 0


def test_an_xlsx_file_with_english_headers_is_imported(runner, db, tmp_path):
    make_team("Team Nord")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["name", "email", "team", "roles"])
    sheet.append(["Ida Bach", "ida@kommune.dk", "team nord", "Projektleder"])
    path = tmp_path / "persons.xlsx"
    workbook.save(path)
    result = runner.invoke(args=["people", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert db.session.query(Person).one().roles == ["projektleder"]


def test_the_upload_page_imports_or_shows_the_row_report(client, login_as, db):
    make_team("Team Nord")
    login_as("projektleder")
    bad = "navn;e-mail;team;roller\nAnne;anne@kommune.dk;Team Øst;sagsbehandler\n"
    response = client.post("/personer/import", data={"file": (io.BytesIO(bad.encode()), "p.csv")},
                           content_type="multipart/form-data")
    body = response.get_data(as_text=True)
    assert "Intet er importeret" in body and "Linje 2" in body and "Team Øst" in body
    assert db.session.query(Person).filter_by(email="anne@kommune.dk").count() == 0
    response = client.post("/personer/import", data={"file": (io.BytesIO(GOOD.encode()), "p.csv")},
                           content_type="multipart/form-data", follow_redirects=True)
    assert "2 oprettet" in response.get_data(as_text=True)


def test_an_unreadable_file_type_gets_a_clear_message(client, login_as, db):
    login_as("projektleder")
    response = client.post("/personer/import", data={"file": (io.BytesIO(b"x"), "p.pdf")},
                           content_type="multipart/form-data")
    assert "CSV- eller Excel-fil" in response.get_data(as_text=True)
