"""Courses, sessions in the plan, enrolment of persons and teams, attendance and coverage."""
from datetime import date, time, timedelta

from sqlalchemy import select

from implementering.plan.models import Activity
from implementering.training.models import CourseSession, Enrolment
from implementering.training.services import enrol, team_coverage
from tests.builders import make_person, make_team
from tests.training.builders import make_course, make_enrolment, make_session

TODAY = date.today()


def _activity(db, session_id):
    return db.session.scalar(select(Activity).where(Activity.source == "training.session",
                                                    Activity.source_id == session_id))


def test_the_project_leader_creates_a_course_and_a_session_that_appears_in_the_plan(client, login_as, db):
    trainer = make_person(name="Tove Træner", roles=["superbruger"])
    login_as("projektleder")
    response = client.post("/uddannelse/kurser/ny", data={"name": "VUM grundkursus", "kind": "vum",
                                                          "required": "y", "active": "y", "hours": 14})
    assert response.status_code == 302
    course_url = response.headers["Location"]
    day = TODAY + timedelta(days=20)
    response = client.post(course_url, data={"day": day.isoformat(), "start_time": "09:00",
                                             "end_time": "15:00", "location": "Rådhuset, lokale 2",
                                             "trainer_id": trainer.id, "capacity": 20}, follow_redirects=True)
    body = response.get_data(as_text=True)
    assert "står nu i aktivitetsplanen" in body
    session = db.session.scalar(select(CourseSession))
    activity = _activity(db, session.id)
    assert activity.title == "VUM grundkursus" and activity.type == "kursus"
    assert activity.start_date == day and activity.start_time == time(9, 0)
    assert activity.responsible_id == trainer.id and activity.location == "Rådhuset, lokale 2"


def test_superuser_training_becomes_a_superuser_training_activity(db):
    session = make_session(make_course(kind="superbruger", required=False))
    assert _activity(db, session.id).type == "superbrugeruddannelse"


def test_a_session_ending_before_it_starts_gets_a_danish_field_error(client, login_as, db):
    course = make_course()
    login_as("projektleder")
    response = client.post(f"/uddannelse/kurser/{course.id}/hold/ny",
                           data={"day": TODAY.isoformat(), "start_time": "12:00", "end_time": "10:00", "trainer_id": 0})
    assert "Sluttiden skal ligge efter starttiden." in response.get_data(as_text=True)
    assert db.session.scalar(select(CourseSession)) is None


def test_a_cpr_number_in_the_session_notes_is_refused(client, login_as, db):
    course = make_course()
    login_as("projektleder")
    response = client.post(f"/uddannelse/kurser/{course.id}/hold/ny",
                           data={"day": TODAY.isoformat(), "notes": "Borger 010190-1234 nævnt", "trainer_id": 0})
    body = response.get_data(as_text=True)
    assert "CPR-nummer" in body and "010190-1234" not in body
    assert db.session.scalar(select(CourseSession)) is None


def test_enrolling_a_whole_team_enrols_its_active_members_and_the_team_in_the_plan(client, login_as, db):
    team = make_team("Team Nord")
    a = make_person(name="Anna", team=team)
    make_person(name="Bent", team=team)
    make_person(name="Gone", team=team, active=False)
    single = make_person(name="Solo")
    session = make_session()
    make_enrolment(session, a)
    login_as("projektleder")
    response = client.post(f"/uddannelse/hold/{session.id}/tilmeld",
                           data={"teams": [team.id], "persons": [single.id]}, follow_redirects=True)
    assert "2 tilmeldt, 1 var allerede tilmeldt" in response.get_data(as_text=True)
    names = sorted(e.person.name for e in db.session.scalars(select(Enrolment)))
    assert names == ["Anna", "Bent", "Solo"]
    activity = _activity(db, session.id)
    assert [t.name for t in activity.teams] == ["Team Nord"]
    assert "Solo" in [p.name for p in activity.persons]


def test_enrolment_stops_at_the_capacity_and_names_who_was_left_out(db):
    session = make_session(capacity=1)
    result = enrol(session, persons=[make_person(name="Først"), make_person(name="Sidst")])
    assert result.added == 1 and result.full == ["Sidst"]


def test_enrolling_nobody_gets_a_danish_error(client, login_as, db):
    session = make_session()
    login_as("projektleder")
    response = client.post(f"/uddannelse/hold/{session.id}/tilmeld", data={})
    assert response.status_code == 400
    assert "Vælg mindst ét team eller én person." in response.get_data(as_text=True)


def test_attendance_is_recorded_on_one_screen_and_marks_the_plan_activity_done(client, login_as, db):
    session = make_session(day=TODAY - timedelta(days=1))
    e1 = make_enrolment(session, make_person(name="Mødte Mette"))
    e2 = make_enrolment(session, make_person(name="Syge Søren"))
    e3 = make_enrolment(session, make_person(name="Glemte Gorm"))
    login_as("superbruger")
    page = client.get(f"/uddannelse/hold/{session.id}/fremmoede").get_data(as_text=True)
    assert "Mødte Mette" in page and f'name="attendance-{e1.id}"' in page
    client.post(f"/uddannelse/hold/{session.id}/fremmoede",
                data={f"attendance-{e1.id}": "moedt", f"attendance-{e2.id}": "afbud",
                      f"attendance-{e3.id}": "udeblevet"})
    values = {e.id: e.attendance for e in db.session.scalars(select(Enrolment))}
    assert values == {e1.id: "moedt", e2.id: "afbud", e3.id: "udeblevet"}
    assert _activity(db, session.id).status == "gennemfoert"


def test_mark_all_attended_fills_only_the_unregistered(client, login_as, db):
    session = make_session()
    e1 = make_enrolment(session, make_person(), attendance="afbud")
    e2 = make_enrolment(session, make_person())
    login_as("projektleder")
    client.post(f"/uddannelse/hold/{session.id}/fremmoede",
                data={f"attendance-{e1.id}": "afbud", f"attendance-{e2.id}": "", "all_attended": "1"})
    values = {e.id: e.attendance for e in db.session.scalars(select(Enrolment))}
    assert values == {e1.id: "afbud", e2.id: "moedt"}


def test_coverage_flags_who_lacks_the_course_before_the_teams_go_live(db):
    team = make_team("Team Syd", go_live=TODAY + timedelta(days=10))
    done = make_person(name="Done", team=team)
    early = make_person(name="Early", team=team)
    late = make_person(name="Late", team=team)
    make_person(name="Missing", team=team)
    make_person(name="Leader", team=team, roles=["ledelse"])  # not a case worker: not counted
    course = make_course()
    past = make_session(course, day=TODAY - timedelta(days=20))
    make_enrolment(past, done, attendance="moedt")
    make_enrolment(make_session(course, day=TODAY + timedelta(days=5)), early)
    make_enrolment(make_session(course, day=TODAY + timedelta(days=30)), late)
    coverage = team_coverage(course, [team], TODAY)[0]
    assert coverage.total == 4 and coverage.done == 1 and coverage.percent == 25
    assert sorted(p.person.name for p in coverage.flagged) == ["Late", "Missing"]
    assert [p.days_to_go_live for p in coverage.people if p.done_on] == [30]


def test_a_cancelled_session_does_not_count_as_done(db):
    team = make_team(go_live=TODAY + timedelta(days=10))
    person = make_person(team=team)
    course = make_course()
    session = make_session(course, day=TODAY - timedelta(days=3), cancelled=True)
    make_enrolment(session, person, attendance="moedt")
    assert team_coverage(course, [team], TODAY)[0].flagged[0].person.id == person.id


def test_the_coverage_page_shows_the_flag_and_leadership_sees_no_names(client, login_as, db):
    team = make_team("Team Øst", go_live=TODAY + timedelta(days=7))
    make_person(name="Mangler Madsen", team=team)
    make_course("VUM grundkursus")
    login_as("projektleder")
    body = client.get("/uddannelse/daekning").get_data(as_text=True)
    assert "Team Øst" in body and "1 markeret" in body
    body = client.get(f"/uddannelse/daekning/team/{team.id}").get_data(as_text=True)
    assert "Mangler Madsen" in body and "Nej, mangler" in body
    login_as("ledelse")
    assert "1 markeret" in client.get("/uddannelse/daekning").get_data(as_text=True)
    assert client.get(f"/uddannelse/daekning/team/{team.id}").status_code == 403


def test_a_case_worker_sees_own_training_and_days_to_go_live(client, login_as, db):
    team = make_team(go_live=TODAY + timedelta(days=12))
    me = login_as("sagsbehandler", team=team)
    course = make_course("VUM grundkursus")
    make_enrolment(make_session(course, day=TODAY - timedelta(days=2)), me, attendance="moedt")
    body = client.get("/uddannelse/min").get_data(as_text=True)
    assert "VUM grundkursus" in body and "14 dage fra kurset til go-live" in body
    assert "Min uddannelse" in client.get("/").get_data(as_text=True)


def test_a_case_worker_cannot_manage_courses_or_take_attendance(client, login_as, db):
    session = make_session()
    login_as("sagsbehandler")
    assert client.get("/uddannelse/kurser/ny").status_code == 403
    assert client.get(f"/uddannelse/hold/{session.id}/fremmoede").status_code == 403
    assert client.get("/uddannelse/").status_code == 403


def test_deleting_a_session_removes_its_plan_activity(client, login_as, db):
    session = make_session()
    session_id = session.id
    login_as("projektleder")
    client.post(f"/uddannelse/hold/{session_id}/slet")
    assert db.session.get(CourseSession, session_id) is None
    assert _activity(db, session_id) is None


def test_the_person_and_team_pages_show_training(client, login_as, db):
    team = make_team("Team Vest", go_live=TODAY + timedelta(days=3))
    person = make_person(name="Pia", team=team)
    make_course("VUM grundkursus")
    login_as("projektleder")
    assert "Mangler kurset ved go-live" in client.get(f"/personer/{person.id}").get_data(as_text=True)
    assert "0 af 1 sagsbehandlere har gennemført" in client.get(f"/teams/{team.id}").get_data(as_text=True)


def test_days_from_course_to_first_vum_case_come_from_the_case_register(client, login_as, db):
    from implementering.cases.models import Case

    team = make_team(go_live=TODAY + timedelta(days=5))
    me = login_as("sagsbehandler", team=team)
    course = make_course("VUM grundkursus")
    make_enrolment(make_session(course, day=TODAY - timedelta(days=20)), me, attendance="moedt")
    db.session.add_all([
        Case(reference="SAG-1", team=team, caseworker=me, opened_on=TODAY - timedelta(days=8), handled_with_vum=False),
        Case(reference="SAG-2", team=team, caseworker=me, opened_on=TODAY - timedelta(days=6), handled_with_vum=True),
        Case(reference="SAG-3", team=team, caseworker=me, opened_on=TODAY - timedelta(days=2), handled_with_vum=True),
    ])
    db.session.commit()
    coverage = team_coverage(course, [team], TODAY)[0]
    assert coverage.people[0].days_to_first_case == 14 and coverage.median_days_to_first_case == 14
    assert "første sag med VUM kom 14 dage efter kurset" in client.get("/uddannelse/min").get_data(as_text=True)


def test_the_coverage_chart_builder_stacks_three_series_per_team():
    from implementering.charts.training import coverage_figure

    fig = coverage_figure(["A", "B"], [3, 1], [1, 0], [0, 4])
    assert [trace.name for trace in fig.data] == ["Gennemført", "Tilmeldt", "Mangler"]
    assert list(fig.data[2].x) == [0, 4] and fig.layout.barmode == "stack"
