"""The overview pages through the client: roles, filters, print view, export, team page and sections."""
from datetime import timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook

from implementering.security import ADMIN, LEDELSE, PROJEKTLEDER, SAGSBEHANDLER, SUPERBRUGER
from tests.builders import make_department, make_person, make_team
from tests.overview.builders import TODAY, add_cases, add_pulse, make_world


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("implementering.overview.views._today", lambda: TODAY)


@pytest.mark.parametrize("role", [LEDELSE, PROJEKTLEDER, ADMIN])
def test_leadership_project_leaders_and_admins_see_the_overview(client, login_as, role):
    make_world(teams=1)
    login_as(role)
    assert client.get("/overblik/").status_code == 200


@pytest.mark.parametrize("role", [SAGSBEHANDLER, SUPERBRUGER])
def test_case_workers_and_superusers_are_refused_the_overview(client, login_as, role):
    login_as(role)
    assert client.get("/overblik/").status_code == 403
    assert client.get("/overblik/eksport.xlsx").status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, db):
    response = client.get("/overblik/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_the_department_filter_shows_only_that_departments_teams(client, login_as):
    _dep, made = make_world(teams=1)
    other = make_team(name="Fjernt team", department=make_department(name="Anden afdeling"), go_live=TODAY)
    login_as(LEDELSE)
    html = client.get(f"/overblik/?afdeling={made[0][0].department_id}").get_data(as_text=True)
    assert made[0][0].name in html
    assert "Fjernt team</a>" not in html
    html = client.get(f"/overblik/?team={other.id}").get_data(as_text=True)
    assert "Team Fjernt team" in html


def test_an_unknown_period_falls_back_to_twelve_months(client, login_as):
    make_world(teams=1)
    login_as(LEDELSE)
    html = client.get("/overblik/?periode=7").get_data(as_text=True)
    assert "de seneste 12 måneder" in html
    assert "de seneste 6 måneder" in client.get("/overblik/?periode=6").get_data(as_text=True)


def test_every_key_figure_shows_a_traffic_light_in_words_and_a_reading(client, login_as):
    make_world(teams=2)
    login_as(LEDELSE)
    html = client.get("/overblik/").get_data(as_text=True)
    assert "Rød: langt fra målet" in html or "Gul: tæt på målet" in html
    assert "Grøn: målet er nået" in html  # motivation 4.0 against 3.5
    assert "Sådan læses det:" in html
    assert 'data-figure="' in html and "<script>" not in html.split("<main")[1]


def test_the_print_view_has_no_filters_or_actions_and_opens_every_table(client, login_as):
    make_world(teams=1)
    login_as(LEDELSE)
    html = client.get("/overblik/udskrift").get_data(as_text=True)
    assert 'class="print-view"' in html
    assert 'class="filter-form"' not in html and "Hent alle tal som Excel" not in html
    assert '<details class="chart-data" open>' in html
    assert "css/overview.css" in html


def test_the_print_stylesheet_targets_a4_and_hides_navigation(app):
    css = (app.static_folder + "/css/overview.css")
    text = open(css, encoding="utf-8").read()
    assert "@media print" in text and "size: A4" in text and ".site-nav" in text


def test_the_xlsx_export_holds_every_figure_and_the_compass_per_team(client, login_as):
    _dep, made = make_world(teams=2)
    login_as(PROJEKTLEDER)
    response = client.get("/overblik/eksport.xlsx")
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
    wb = load_workbook(BytesIO(response.data))
    assert {"Nøgletal", "Kompas", "Teams side om side", "Anvendelse", "Milepæle", "VUM-trin",
            "Kompas pr. team"} <= set(wb.sheetnames)
    rows = list(wb["Kompas pr. team"].iter_rows(values_only=True))
    assert {row[0] for row in rows[1:]} == {team.name for team, _p in made}
    labels = [row[0] for row in wb["Nøgletal"].iter_rows(values_only=True)]
    assert "Nye sager behandlet med VUM (seneste 4 uger)" in labels


def test_the_method_page_documents_every_compass_area(client, login_as, db):
    login_as(LEDELSE)
    html = client.get("/overblik/beregning").get_data(as_text=True)
    for word in ("Parathed", "Uddannelse", "Anvendelse", "Kvalitet", "Ensartethed", "Motivation",
                 "Krippendorffs alfa", "Standardmål"):
        assert word in html


def test_the_team_page_shows_the_teams_compass_plan_and_motivation(client, login_as):
    _dep, made = make_world(teams=1)
    team, _people = made[0]
    login_as(LEDELSE)
    html = client.get(f"/overblik/team/{team.id}").get_data(as_text=True)
    assert f"{team.name}: til teammødet" in html
    assert "Kompas for" in html and "Forsinkede aktiviteter" in html
    assert "Motivation pr. pulsmåling" in html


def test_a_superuser_sees_the_team_page_of_supported_teams_only(client, login_as):
    _dep, made = make_world(teams=2)
    (mine, _p1), (other, _p2) = made
    superuser = make_person(roles=[SUPERBRUGER])
    superuser.supported_teams = [mine]
    from implementering.extensions import db
    db.session.commit()
    login_as(person=superuser)
    assert client.get(f"/overblik/team/{mine.id}").status_code == 200
    assert client.get(f"/overblik/team/{other.id}").status_code == 403


def test_a_team_past_a_milestone_this_month_is_celebrated(client, login_as):
    team = make_team(go_live=TODAY - timedelta(days=200))
    add_cases(team, on=TODAY - timedelta(days=100), other_vum=90)
    add_cases(team, on=TODAY - timedelta(days=3), other_vum=15)
    login_as(LEDELSE)
    html = client.get(f"/overblik/team/{team.id}").get_data(as_text=True)
    assert "Tillykke!" in html and "nåede 100 sager" in html
    overview = client.get("/overblik/").get_data(as_text=True)
    assert "Milepæle at fejre" in overview and "har nu behandlet 100 sager" in overview


def test_a_small_pulse_group_is_never_shown_on_the_team_page(client, login_as):
    team = make_team(go_live=TODAY - timedelta(days=100))
    add_pulse(team, on=TODAY - timedelta(days=30), scores=[1, 1, 2, 1])  # four answers: below five
    login_as(LEDELSE)
    html = client.get(f"/overblik/team/{team.id}").get_data(as_text=True)
    assert "Motivation pr. pulsmåling" not in html
    assert "mindst 5 svar" in html


def test_the_people_team_page_links_to_the_overview_team_page(client, login_as):
    team = make_team()
    login_as(LEDELSE)
    html = client.get(f"/teams/{team.id}").get_data(as_text=True)
    assert f"/overblik/team/{team.id}" in html


def test_a_case_worker_gets_no_link_to_the_team_page(client, login_as):
    team = make_team()
    login_as(SAGSBEHANDLER)
    response = client.get(f"/teams/{team.id}")
    assert f"/overblik/team/{team.id}" not in response.get_data(as_text=True)


def test_leadership_gets_the_headline_panel_on_the_start_page(client, login_as, monkeypatch):
    make_world(teams=1)
    login_as(LEDELSE)
    html = client.get("/").get_data(as_text=True)
    assert "Udrulningen lige nu" in html and "Se hele overblikket" in html


def test_leadership_is_not_linked_to_pages_it_may_not_open(client, login_as):
    make_world(teams=1)
    login_as(LEDELSE)
    html = client.get("/overblik/").get_data(as_text=True)
    assert 'href="/sager/' not in html          # the case register is for supporters only
    assert 'href="/plan/"' in html or 'href="/puls/"' in html


def test_a_project_leader_is_linked_to_the_case_register(client, login_as):
    make_world(teams=1)
    login_as(PROJEKTLEDER)
    assert 'href="/sager/' in client.get("/overblik/").get_data(as_text=True)


def test_a_cached_page_body_is_never_shared_between_viewers_with_different_roles(app, client, login_as, monkeypatch):
    from implementering.overview import services

    monkeypatch.setitem(app.config, "OVERVIEW_CACHE_SECONDS", 300)
    services.clear_cache()
    try:
        make_world(teams=1)
        login_as(LEDELSE)
        assert 'href="/sager/' not in client.get("/overblik/").get_data(as_text=True)
        login_as(PROJEKTLEDER)
        assert 'href="/sager/' in client.get("/overblik/").get_data(as_text=True)
    finally:
        services.clear_cache()


def test_the_print_and_export_links_keep_the_filters(client, login_as):
    _dep, made = make_world(teams=1)
    department_id = made[0][0].department_id
    login_as(LEDELSE)
    html = client.get(f"/overblik/?afdeling={department_id}&periode=6").get_data(as_text=True)
    assert f"/overblik/udskrift?afdeling={department_id}&amp;periode=6" in html
    assert f"/overblik/eksport.xlsx?afdeling={department_id}&amp;periode=6" in html
    response = client.get(f"/overblik/eksport.xlsx?afdeling={department_id}&periode=6")
    sheet = load_workbook(BytesIO(response.data))["Nøgletal"]
    assert sheet["B3"].value == 6


def test_the_team_page_of_a_team_without_any_data_still_renders(client, login_as):
    team = make_team(go_live=None)
    login_as(LEDELSE)
    response = client.get(f"/overblik/team/{team.id}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Ingen forsinkede aktiviteter." in html and "Ingen støtte registreret." in html
    assert "ikke fastsat" in html


def test_an_unknown_team_is_not_found(client, login_as, db):
    login_as(LEDELSE)
    assert client.get("/overblik/team/999999").status_code == 404


def test_names_behind_course_to_first_case_are_shown_to_supporters_but_not_to_leadership(client, login_as):
    from tests.overview.builders import add_course

    team = make_team(go_live=TODAY - timedelta(days=60))
    worker = make_person(name="Karla Kursist", team=team, password=None)
    add_course([worker], TODAY - timedelta(days=70))
    add_cases(team, worker, on=TODAY - timedelta(days=60), new=1, new_vum=1)
    login_as(LEDELSE)
    html = client.get(f"/overblik/team/{team.id}").get_data(as_text=True)
    assert "Karla Kursist" not in html and "Medianen fra kursus til første VUM-sag er 10 dage." in html
    login_as(PROJEKTLEDER)
    html = client.get(f"/overblik/team/{team.id}").get_data(as_text=True)
    assert "Karla Kursist" in html
