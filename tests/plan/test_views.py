"""Plan pages through the client: roles, the wizard, forms' errors, CPR refusal, lists and charts."""
from datetime import date, timedelta

from sqlalchemy import func, select

from implementering.extensions import db
from implementering.plan import constants as c
from implementering.plan.goal_models import Goal
from implementering.plan.models import Activity, Rollout
from tests.builders import make_person, make_team
from tests.plan.builders import make_activity


def test_a_project_leader_drafts_a_staggered_rollout_for_three_teams_and_sees_it_on_the_timeline(client, login_as):
    leader = login_as("projektleder")
    teams = [make_team(name=f"Team {n}") for n in "ABC"]
    response = client.post("/plan/ny-udrulning", data={
        "name": "VUM 2026", "go_live": "2026-03-02", "teams": [t.id for t in teams], "mode": "forskudt",
        "stagger_weeks": "4", "responsible_id": "0"})
    assert response.status_code == 302 and response.location.endswith("/plan/ny-udrulning/datoer")
    page = client.get("/plan/ny-udrulning/datoer").get_data(as_text=True)
    assert "2026-03-30" in page  # second team suggested four weeks later
    response = client.post("/plan/ny-udrulning/datoer", data={
        f"team_{teams[0].id}": "2026-03-02", f"team_{teams[1].id}": "2026-04-06", f"team_{teams[2].id}": "2026-05-04"})
    assert response.status_code == 302
    rollout = db.session.scalar(select(Rollout))
    assert rollout.staggered and rollout.go_live == date(2026, 3, 2)
    courses = db.session.scalars(select(Activity).where(Activity.type == c.TYPE_COURSE)).all()
    assert sorted(a.start_date for a in courses) == [date(2026, 2, 16), date(2026, 3, 23), date(2026, 4, 20)]
    assert all(a.responsible_id == leader.id for a in courses)
    timeline = client.get("/plan/tidslinje?fra=2026-01-01&til=2026-12-31")
    assert timeline.status_code == 200
    html = timeline.get_data(as_text=True)
    assert "data-figure" in html and "VUM-kursus – Team B" in html


def test_the_wizard_refuses_a_rollout_without_teams_in_danish(client, login_as):
    login_as("projektleder")
    response = client.post("/plan/ny-udrulning", data={"name": "X", "go_live": "2026-03-02", "mode": "samtidig"})
    assert response.status_code == 200
    assert "Vælg mindst ét team." in response.get_data(as_text=True)


def test_an_activity_form_with_a_cpr_number_is_refused_and_nothing_is_saved(client, login_as):
    login_as("projektleder")
    response = client.post("/plan/aktivitet/ny", data={
        "title": "Sag 010190-1234", "type": "andet", "start_date": "2026-03-02", "status": "planlagt",
        "responsible_id": "0", "repeat_count": "1", "interval_weeks": "1"})
    assert response.status_code == 200
    assert "CPR-nummer" in response.get_data(as_text=True)
    assert "010190-1234" not in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Activity.id))) == 0


def test_an_activity_ending_before_it_starts_gets_a_danish_field_error(client, login_as):
    login_as("projektleder")
    response = client.post("/plan/aktivitet/ny", data={
        "title": "Møde", "type": "andet", "start_date": "2026-03-02", "end_date": "2026-03-01",
        "status": "planlagt", "responsible_id": "0", "repeat_count": "1", "interval_weeks": "1"})
    assert "Slutdatoen kan ikke ligge før startdatoen." in response.get_data(as_text=True)


def test_a_repeating_activity_is_created_as_a_series(client, login_as):
    login_as("projektleder")
    response = client.post("/plan/aktivitet/ny", data={
        "title": "Teammøde", "type": "teammoede", "start_date": "2026-03-02", "status": "planlagt",
        "responsible_id": "0", "repeat_count": "8", "interval_weeks": "1"})
    assert response.status_code == 302
    dates = db.session.scalars(select(Activity.start_date).order_by(Activity.start_date)).all()
    assert len(dates) == 8 and dates[-1] == date(2026, 4, 20)


def test_a_superuser_edits_only_activities_they_are_responsible_for(client, login_as):
    su = login_as("superbruger")
    mine = make_activity("Mit møde", responsible=su)
    other = make_activity("Andet møde")
    assert client.get(f"/plan/aktivitet/{mine.id}/rediger").status_code == 200
    assert client.get(f"/plan/aktivitet/{other.id}/rediger").status_code == 403
    response = client.post(f"/plan/aktivitet/{mine.id}/status", data={"status": "gennemfoert"})
    assert response.status_code == 302
    assert db.session.get(Activity, mine.id).status == c.STATUS_DONE
    assert client.post(f"/plan/aktivitet/{other.id}/status", data={"status": "aflyst"}).status_code == 403


def test_leadership_and_case_workers_read_the_plan_but_cannot_change_it(client, login_as):
    activity = make_activity("Møde")
    for role in ("ledelse", "sagsbehandler"):
        login_as(role)
        assert client.get("/plan/").status_code == 200
        assert client.get(f"/plan/aktivitet/{activity.id}").status_code == 200
        assert client.get("/plan/aktivitet/ny").status_code == 403
        assert client.post(f"/plan/aktivitet/{activity.id}/slet").status_code == 403
        assert client.get("/plan/ny-udrulning").status_code == 403


def test_anonymous_visitors_are_sent_to_login(client, db):
    response = client.get("/plan/")
    assert response.status_code == 302 and "login" in response.location


def test_the_list_filters_overdue_activities_and_shows_the_days_late(client, login_as):
    login_as("projektleder")
    today = date.today()
    make_activity("Forsinket ting", start=today - timedelta(days=5))
    make_activity("Færdig ting", start=today - timedelta(days=5), status=c.STATUS_DONE)
    make_activity("Kommende ting", start=today + timedelta(days=5))
    html = client.get("/plan/?forsinket=1").get_data(as_text=True)
    assert "Forsinket ting" in html and "Forsinket 5 dage" in html
    assert "Færdig ting" not in html and "Kommende ting" not in html


def test_my_activities_shows_what_i_lead_and_what_my_team_joins(client, login_as):
    team = make_team()
    login_as("sagsbehandler", team=team)
    make_activity("Teamets kursus", start=date.today(), teams=[team])
    make_activity("Fremmed møde", start=date.today())
    html = client.get("/plan/mine").get_data(as_text=True)
    assert "Teamets kursus" in html and "Fremmed møde" not in html
    week = client.get("/plan/uge").get_data(as_text=True)
    assert "Teamets kursus" in week and "(i dag)" in week


def test_a_linked_activity_is_labelled_and_cannot_be_edited_in_the_plan(client, login_as):
    from implementering.plan.services import register_activity_source, upsert_linked_activity

    register_activity_source("test_source", "Testkilden", "plan.activity_list", arg="source")
    login_as("projektleder")
    activity = upsert_linked_activity("test_source", 3, title="Kursusgang", type=c.TYPE_COURSE, start=date(2026, 3, 2))
    db.session.commit()
    html = client.get(f"/plan/aktivitet/{activity.id}").get_data(as_text=True)
    assert "Fra Testkilden" in html
    assert client.get(f"/plan/aktivitet/{activity.id}/rediger").status_code == 403


def test_the_goal_form_explains_why_a_goal_needs_measure_target_and_deadline(client, login_as):
    login_as("projektleder")
    html = client.post("/plan/maal/ny", data={"text": "Flere sager i VUM", "measure": "", "owner_id": "0",
                                               "direction": "op"}).get_data(as_text=True)
    assert "uden en måling kan ingen se" in html
    assert "Skriv et måltal" in html
    assert "et mål uden tidsgrænse kan ikke følges" in html
    assert db.session.scalar(select(func.count(Goal.id))) == 0


def test_a_manual_goal_gets_readings_and_a_status(client, login_as):
    login_as("projektleder")
    response = client.post("/plan/maal/ny", data={
        "text": "80 % af nye sager i VUM", "measure": "manual", "measure_label": "Andel nye sager",
        "target": "80", "deadline": (date.today() + timedelta(days=100)).isoformat(),
        "start_date": (date.today() - timedelta(days=10)).isoformat(), "owner_id": "0", "direction": "op"})
    assert response.status_code == 302
    goal = db.session.scalar(select(Goal))
    client.post(f"/plan/maal/{goal.id}/vaerdi", data={"value": "85", "recorded_on": date.today().isoformat()})
    html = client.get(f"/plan/maal/{goal.id}").get_data(as_text=True)
    assert "85" in html and "Nået" in html


def test_readiness_answers_move_the_area_progress(client, login_as):
    from seeds.defaults_plan import load_plan_defaults
    from implementering.plan.readiness_models import ReadinessItem

    load_plan_defaults()
    db.session.commit()
    login_as("projektleder")
    items = db.session.scalars(select(ReadinessItem).where(ReadinessItem.focus_area == "kommunikation")).all()
    for item in items:
        client.post(f"/plan/parathed/{item.id}", data={"answer": "ja", "owner_id": "0"})
    html = client.get("/plan/parathed").get_data(as_text=True)
    assert "100 procent klar" in html
    response = client.post("/plan/parathed/nyt-spoergsmaal", data={"focus_area": "roller", "question": "Har vi en jurist med?"})
    assert response.status_code == 302
    assert "Har vi en jurist med?" in client.get("/plan/parathed").get_data(as_text=True)


def test_the_communication_plan_refuses_an_empty_message_in_danish(client, login_as):
    login_as("projektleder")
    html = client.post("/plan/kommunikation/ny", data={"audience": "politikere", "message": "", "channel": "mail",
                                                       "status": "planlagt", "responsible_id": "0",
                                                       "activity_id": "0"}).get_data(as_text=True)
    assert "Skriv budskabet." in html


def test_the_excel_export_downloads_for_planners(client, login_as):
    login_as("projektleder")
    make_activity("Møde")
    response = client.get("/plan/eksport.xlsx")
    assert response.status_code == 200 and response.data[:2] == b"PK"
