"""Bad input, property-based: the table reader, every import and the main forms never crash,
never write half of something, and answer in Danish without echoing a CPR number.

Hypothesis generates the files and form posts. Database tests share one `db` fixture over
all examples of a test, so they compare row counts relative to before each example.
"""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from implementering.extensions import db as _db
from implementering.privacy import find_cpr
from implementering.tabular import Row, TableError, read_table

DB_SETTINGS = settings(max_examples=25, deadline=None,
                       suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                              HealthCheck.data_too_large])

# --- strategies -------------------------------------------------------------------------------


@st.composite
def cpr_numbers(draw) -> str:
    """A CPR-shaped number on a real date, written together, with a dash or with a space."""
    day = draw(st.dates(min_value=date(1940, 1, 1), max_value=date(2024, 12, 31)))
    serial = draw(st.integers(0, 9999))
    separator = draw(st.sampled_from(["", "-", " "]))
    return f"{day:%d%m%y}{separator}{serial:04d}"


odd_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
junk = st.one_of(
    odd_text,
    st.sampled_from(["", " ", "ja", "nej", "x", "5", "-1", "3.0", "2026-02-30", "31-13-2026", "i går", "=1+1",
                     "'=SUM(A1)", "NULL", "Ø" * 300, "a" * 250, "\x00", "25:61", "9" * 30, "１２",
                     "ukendt@nowhere.dk", "Ukendt team", "Æble; Pære", "DROP TABLE persons;--"]),
)


def cell(*valid: str):
    """A cell: one of the valid values (most often), junk, empty, or something with a CPR number."""
    with_cpr = st.one_of(cpr_numbers(), st.builds(lambda a, c, b: f"{a}{c}{b}", st.sampled_from(["", "sag ", "x-"]),
                                                   cpr_numbers(), st.sampled_from(["", " ", " ok"])))
    options = [junk, st.just(""), with_cpr]
    if valid:
        options = [st.sampled_from(valid)] * 3 + options
    return st.one_of(*options)


def rows_of(columns: dict[str, st.SearchStrategy], max_rows: int = 6):
    """A list of Row objects (lines 2, 3, …) with cells drawn from `columns`."""
    row = st.fixed_dictionaries(columns)
    return st.lists(row, min_size=0, max_size=max_rows).map(
        lambda records: [Row(line, values) for line, values in enumerate(records, start=2)])


def _cpr_digits(texts) -> set[str]:
    """The digits of every CPR number found in `texts`."""
    found = set()
    for text in texts:
        for match in find_cpr(text):
            found.add("".join(ch for ch in text[match.start:match.end] if ch.isdigit()))
    return found


def _table_counts() -> dict[str, int]:
    """Rows in every table, by name."""
    _db.session.rollback()
    return {table.name: _db.session.scalar(select(func.count()).select_from(table))
            for table in _db.metadata.sorted_tables}


DANISH_WORDS = ("mangler", "findes", "ikke", "skal", "indeholder", "ugyldig", "ukendt", "står", "ligger",
                "brug", "vælg", "har", "kan", "dato", "kolonne", "cpr", "rækker", "filen", "arket", "tegn",
                "ingen", "længere")


def assert_clear_report(report, rows: list[Row], input_texts) -> None:
    """Every problem has a real line number and a non-empty Danish message without an input CPR number."""
    cprs = _cpr_digits(input_texts)
    lines = {1} | {row.line for row in rows}
    for problem in report.problems:
        message = str(problem.message)
        assert message.strip(), problem
        assert isinstance(problem.line, int) and problem.line in lines, problem
        assert any(word in message.lower() for word in DANISH_WORDS), message
        assert "Traceback" not in message and "Error" not in message, message
        echoed = _cpr_digits([message]) & cprs
        assert not echoed, f"line {problem.line} echoes a CPR number: {message!r}"


def assert_all_or_nothing(report, before: dict[str, int], allowed: dict[str, int] | None = None) -> None:
    """When the report has problems, no table changed (except the `allowed` growth, e.g. a log row)."""
    if report.ok:
        return
    after = _table_counts()
    expected = {name: count + (allowed or {}).get(name, 0) for name, count in before.items()}
    changed = {name: (expected[name], after[name]) for name in after if after[name] != expected[name]}
    assert not changed, f"refused import changed tables: {changed}"


# --- 1. the table reader ----------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.csv", "b.xlsx", "c.txt", "D.CSV", "e.XLSX"]))
def test_read_table_returns_rows_or_a_table_error_for_any_bytes(data, name):
    try:
        headers, rows = read_table(name, data)
    except TableError as exc:
        assert str(exc).strip()
    else:
        assert headers and all(isinstance(row, Row) and row.line >= 2 for row in rows)


@settings(max_examples=150, deadline=None)
@given(table=st.lists(st.lists(st.one_of(odd_text, cpr_numbers(), st.sampled_from(['"', '""', ";", ",", "\t",
                                                                                     "\r\n", "\n", "'"])),
                               max_size=6), max_size=8),
       delimiter=st.sampled_from([";", ",", "\t"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
       name=st.sampled_from(["a.csv", "b.txt"]))
def test_read_table_returns_rows_or_a_table_error_for_any_text_table(table, delimiter, encoding, name):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(table)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        data = buffer.getvalue().encode("utf-8")
    try:
        headers, rows = read_table(name, data)
    except TableError as exc:
        assert str(exc).strip()
    else:
        assert headers and all(row.line >= 2 for row in rows)


@settings(max_examples=40, deadline=None)
@given(table=st.lists(st.lists(st.one_of(odd_text.map(lambda t: "".join(c for c in t if c.isprintable())),
                                         st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
                                         st.dates(), st.none()), max_size=5), max_size=6))
def test_read_table_reads_any_generated_workbook_or_refuses_it_clearly(table):
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    workbook = Workbook()
    sheet = workbook.active
    try:
        for record in table:
            sheet.append(record)
    except IllegalCharacterError:
        assume(False)
    buffer = io.BytesIO()
    workbook.save(buffer)
    try:
        headers, rows = read_table("plan.xlsx", buffer.getvalue())
    except TableError as exc:
        assert str(exc).strip()
    else:
        assert headers and all(isinstance(v, str) for row in rows for v in row.values.values())


# --- the CPR guard ----------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(before=odd_text, number=cpr_numbers(), after=odd_text)
def test_a_cpr_number_is_found_wherever_it_stands_between_non_digits(before, number, after):
    assume(not before[-1:].isdigit() and not after[:1].isdigit())
    assert find_cpr(f"{before}{number}{after}")


@DB_SETTINGS
@given(prefix=odd_text.filter(lambda t: "\x00" not in t), number=cpr_numbers())
def test_the_database_refuses_a_cpr_number_in_any_text_column_and_keeps_nothing(db, prefix, number):
    from implementering.database import CPRRefusedError
    from tests.builders import make_department

    assume(not prefix[-1:].isdigit())
    department = make_department()
    before = _table_counts()
    department.description = f"{prefix}{number}"
    with pytest.raises(CPRRefusedError) as refused:
        db.session.commit()
    db.session.rollback()
    assert number not in str(refused.value)
    assert _table_counts() == before


# --- 2. the imports ---------------------------------------------------------------------------


@pytest.fixture
def world(db):
    """Two teams, three persons, themes, and a calibration round over two vignettes."""
    from tests.builders import make_person, make_team
    from tests.calibration.builders import make_round, make_themes, make_vignette

    team_a, team_b = make_team("Team Nord"), make_team("Team Syd")
    anna = make_person(name="Anna Andersen", email="anna@test.dk", team=team_a)
    bo = make_person(name="Bo Berg", email="bo@test.dk", team=team_b)
    leader = make_person(name="Lise Leder", email="lise@test.dk", roles=["projektleder"])
    themes = make_themes("mobilitet", "socialt_liv")
    v1, v2 = make_vignette(themes, title="Mand, 52 år"), make_vignette(themes, title="Kvinde, 23 år")
    round_ = make_round([v1, v2], [team_a, team_b])
    return {"round": round_, "actor": leader, "people": [anna, bo], "teams": [team_a, team_b]}


def _texts(headers, rows) -> list[str]:
    return list(headers) + [value for row in rows for value in row.values.values()]


person_columns = {
    "navn": cell("Anna Andersen", "Carl Clausen", "Dorte Dam"),
    "e-mail": cell("anna@test.dk", "carl@test.dk", "ny@test.dk", "ANNA@TEST.DK", "ikke-en-mail"),
    "team": cell("Team Nord", "team syd", "", "Team Øst"),
    "roller": cell("sagsbehandler", "superbruger, sagsbehandler", "", "kaptajn"),
}


@DB_SETTINGS
@given(rows=rows_of(person_columns), dry_run=st.booleans())
def test_the_person_import_refuses_bad_rows_whole_and_clearly(world, rows, dry_run):
    from implementering.people.services import import_persons

    headers = list(person_columns)
    before = _table_counts()
    try:
        report = import_persons(headers, rows, dry_run=dry_run)
    finally:
        _db.session.rollback()
    assert_clear_report(report, rows, _texts(headers, rows))
    assert_all_or_nothing(report, before)
    if dry_run:
        assert _table_counts() == before


case_columns = {
    "sagsnummer": cell("SAG-1", "SAG-2", "A" * 61, "sag 3"),
    "team": cell("Team Nord", "team syd", "Team Øst"),
    "oprettet": cell("2025-03-01", "01-03-2025", "1.3.2025", "2099-01-01", "2025-02-30", "i går"),
    "sagsbehandler": cell("anna@test.dk", "Bo Berg", "", "ukendt@test.dk"),
    "sagstype": cell("ny", "opfølgning", "ændring", "", "klage"),
    "vum": cell("ja", "nej", "x", "", "måske"),
    "trin": cell("udredning, afgørelse", "", "handleplan; flyvning"),
    "mobilitet": cell("0", "4", "", "5", "2.5"),
}
CASE_MAPPING = {"reference": "sagsnummer", "team": "team", "opened_on": "oprettet", "caseworker": "sagsbehandler",
                "case_type": "sagstype", "handled_with_vum": "vum", "vum_steps": "trin",
                "theme:mobilitet": "mobilitet"}


@DB_SETTINGS
@given(rows=rows_of(case_columns), filename=cell("sager.csv", "eksport 2025.xlsx"),
       drop=st.sets(st.sampled_from(sorted(CASE_MAPPING)), max_size=2))
def test_the_case_import_refuses_bad_rows_whole_and_clearly(world, rows, filename, drop):
    from implementering.cases.importing import import_cases

    mapping = {key: column for key, column in CASE_MAPPING.items() if key not in drop}
    before = _table_counts()
    try:
        report = import_cases(rows, mapping, world["actor"], filename=filename)
    finally:
        _db.session.rollback()
    assert_clear_report(report, rows, _texts(case_columns, rows) + [filename])
    # A refused file leaves one line in the import log (applied=False) and nothing else.
    assert_all_or_nothing(report, before, allowed={"case_imports": 1})


rating_long_columns = {
    "rater": cell("anna@test.dk", "Bo Berg", "ukendt@test.dk"),
    "vignette": cell("1", "2", "v1", "Kvinde, 23 år", "7"),
    "tema": cell("mobilitet", "Socialt liv", "hukommelse"),
    "value": cell("0", "3", "4.0", "ir", "", "5", "tre"),
    "begrundelse": cell("Fordi", "", "x" * 600),
}
rating_wide_columns = {
    "bedømmer": cell("anna@test.dk", "bo@test.dk", "Ukendt"),
    "vignet": cell("1", "2", "Mand, 52 år", "0"),
    "mobilitet": cell("1", "ikke relevant", "", "9"),
    "socialt liv": cell("2", "", "n/a", "høj"),
}


@DB_SETTINGS
@given(layout=st.sampled_from(["long", "wide"]), data=st.data(), extra_header=cell("", "noter"))
def test_the_calibration_import_refuses_bad_rows_whole_and_clearly(world, layout, data, extra_header):
    from implementering.calibration.importing import import_ratings

    columns = rating_long_columns if layout == "long" else rating_wide_columns
    rows = data.draw(rows_of(columns))
    headers = list(columns) + ([extra_header.strip().lower()] if extra_header.strip() else [])
    round_ = _db.session.merge(world["round"])
    before = _table_counts()
    try:
        report = import_ratings(round_, headers, rows)
    finally:
        _db.session.rollback()
    assert_clear_report(report, rows, _texts(headers, rows))
    assert_all_or_nothing(report, before)


activity_columns = {
    "id": cell("", "1", "999999", "abc"),
    "titel": cell("Kursus i VUM", "Temadag", "T" * 201),
    "type": cell("kursus", "Informationsmøde", "", "fest"),
    "fokusområde": cell("", "Forandringsledelse", "kaos"),
    "beskrivelse": cell("Et møde", ""),
    "start": cell("2026-03-02", "02-03-2026", "2.3.2026", "2026-02-30", ""),
    "slut": cell("", "2026-03-03", "2026-01-01"),
    "starttid": cell("", "09:30", "9.30", "25:00", "ni"),
    "sluttid": cell("", "15:00", "10"),
    "sted": cell("", "Rådhuset", "S" * 201),
    "ansvarlig": cell("", "anna@test.dk", "ukendt@test.dk"),
    "status": cell("", "planlagt", "Gennemført", "aflyst?"),
    "deltagere": cell("", "anna@test.dk; bo@test.dk", "x@y.dk"),
    "teams": cell("", "Team Nord; Team Syd", "Team Øst"),
}


@DB_SETTINGS
@given(rows=rows_of(activity_columns))
def test_the_plan_import_refuses_bad_rows_whole_and_clearly(world, rows):
    from implementering.plan.exchange import import_activities

    headers = list(activity_columns)
    actor = _db.session.merge(world["actor"])
    before = _table_counts()
    try:
        report = import_activities(headers, rows, actor)
        if report.ok:
            _db.session.commit()  # as the import page does
    finally:
        _db.session.rollback()
    assert_clear_report(report, rows, _texts(headers, rows))
    assert_all_or_nothing(report, before)


# --- 3. the main forms ------------------------------------------------------------------------

form_text = st.one_of(odd_text, cpr_numbers(),
                      st.builds(lambda a, c, b: f"{a}{c}{b}", odd_text.filter(lambda t: not t[-1:].isdigit()),
                                cpr_numbers(), odd_text.filter(lambda t: not t[:1].isdigit())))


@pytest.fixture
def form_world(world, login_as):
    """The world above, with the client logged in as an admin."""
    login_as("admin")
    return world


def _post_and_check(client, url: str, data: dict, table: str) -> None:
    """POST `data`; never 500; with a CPR number in it, nothing saved and the number not echoed."""
    texts = [value for value in data.values() if isinstance(value, str)]
    cprs = _cpr_digits(texts)
    before = _table_counts()
    response = client.post(url, data=data)
    assert response.status_code < 500, response.status_code
    if cprs:
        body = response.get_data(as_text=True)
        shown = {text[m.start:m.end] for text in texts for m in find_cpr(text)}
        assert not [number for number in shown if number in body], "a CPR number was sent back"
        assert _table_counts()[table] == before[table], f"something was saved in {table}"


@DB_SETTINGS
@given(name=form_text, email=st.one_of(st.just("ny@test.dk"), form_text), title=form_text)
def test_the_person_form_never_fails_nor_keeps_a_cpr_number(client, form_world, name, email, title):
    _post_and_check(client, "/personer/ny", {"name": name, "email": email, "title": title, "team_id": "0",
                                             "active": "y"}, "persons")


@DB_SETTINGS
@given(name=form_text, go_live=st.one_of(st.just(""), st.just("2026-05-01"), form_text))
def test_the_team_form_never_fails_nor_keeps_a_cpr_number(client, form_world, name, go_live):
    _post_and_check(client, "/teams/ny", {"name": name, "department_id": "0", "go_live": go_live}, "teams")


@DB_SETTINGS
@given(title=form_text, description=form_text, location=form_text, notes=form_text,
       start=st.one_of(st.just("2026-03-02"), form_text), start_time=st.one_of(st.just("09:30"), form_text))
def test_the_activity_form_never_fails_nor_keeps_a_cpr_number(client, form_world, title, description, location,
                                                              notes, start, start_time):
    _post_and_check(client, "/plan/aktivitet/ny",
                    {"title": title, "type": "kursus", "description": description, "start_date": start,
                     "start_time": start_time, "location": location, "status": "planlagt", "notes": notes,
                     "repeat_count": "1", "interval_weeks": "1"}, "plan_activities")


@DB_SETTINGS
@given(questions=form_text, notes=form_text, case_ref=form_text, presenter=form_text, names=form_text,
       count=st.one_of(st.just("3"), form_text))
def test_the_support_log_never_fails_nor_keeps_a_cpr_number(client, form_world, questions, notes, case_ref,
                                                            presenter, names, count):
    team_id = form_world["teams"][0].id
    _post_and_check(client, "/stoette/log/ny",
                    {"kind": "teammoede", "team_id": str(team_id), "day": date.today().isoformat(),
                     "minutes": "30", "participant_count": count, "questions": questions, "notes": notes,
                     "case_ref_1": case_ref, "next_presenter": presenter, "participant_names": names},
                    "support_sessions")


@DB_SETTINGS
@given(reference=form_text, opened=st.one_of(st.just("2025-03-01"), form_text))
def test_the_case_form_never_fails_nor_keeps_a_cpr_number(client, form_world, reference, opened):
    team_id = form_world["teams"][0].id
    _post_and_check(client, "/sager/ny", {"reference": reference, "team_id": str(team_id), "opened_on": opened,
                                          "case_type": "ny"}, "cases")


@DB_SETTINGS
@given(title=form_text, text=form_text)
def test_the_vignette_form_never_fails_nor_keeps_a_cpr_number(client, form_world, title, text):
    theme_ids = [str(item.theme_id) for item in form_world["round"].vignettes[0].items]
    _post_and_check(client, "/kalibrering/vignetter/ny",
                    {"title": title, "text": text, "theme_ids": theme_ids, "active": "y"}, "calibration_vignettes")
