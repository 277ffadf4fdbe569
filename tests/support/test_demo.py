"""The training and support demo data make every page look alive and are deterministic."""
from datetime import date

from sqlalchemy import func, select

from implementering.plan.models import Activity
from implementering.support.models import Action, ExperienceMeeting, Question, SupportSession
from implementering.training.models import CourseSession, Enrolment
from seeds import demo

TODAY = date(2026, 11, 23)


def _generate(monkeypatch, size="small"):
    monkeypatch.setattr(demo, "DEMO_EXTENSIONS", ["seeds.demo_training:build_training_demo",
                                                  "seeds.demo_support:build_support_demo"])
    return demo.generate(size=size, seed=2026, today=TODAY)


def _count(db, model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_the_small_demo_has_sessions_attendance_a_year_of_support_and_meetings(db, monkeypatch):
    summary = _generate(monkeypatch)
    assert summary["training_sessions"] >= 8 and summary["support_sessions"] > 200
    assert _count(db, Enrolment, Enrolment.attendance == "moedt") > 40
    assert _count(db, Enrolment, Enrolment.attendance.in_(("afbud", "udeblevet"))) > 0
    assert _count(db, Activity, Activity.source == "training.session") == _count(db, CourseSession)
    first = db.session.scalar(select(func.min(SupportSession.day)))
    assert (TODAY - first).days > 300
    assert _count(db, SupportSession, SupportSession.kind == "teammoede") > 10
    assert _count(db, Question, Question.status == "besvaret") > 10
    assert _count(db, Question, Question.status == "aaben") >= 5
    assert _count(db, ExperienceMeeting) >= 8
    assert _count(db, Action, Action.status == "aaben") >= 1 and _count(db, Action, Action.status == "lukket") >= 1


def test_the_demo_accounts_see_living_pages(client, db, monkeypatch):
    _generate(monkeypatch)
    for email, must_see in (("superbruger@demo.dk", "Log støtte"), ("sagsbehandler@demo.dk", "Hvem kan jeg spørge?"),
                            ("projektleder@demo.dk", "Mangler kurset før go-live")):
        client.post("/login", data={"email": email, "password": demo.DEMO_PASSWORD})
        assert must_see in client.get("/").get_data(as_text=True), email
        client.post("/logout")
    client.post("/login", data={"email": "projektleder@demo.dk", "password": demo.DEMO_PASSWORD})
    for url in ("/stoette/", "/stoette/oversigt", "/stoette/videnbank", "/stoette/handlinger",
                "/stoette/erfaringsmoeder", "/uddannelse/", "/uddannelse/daekning", "/stoette/spoergsmaal"):
        assert client.get(url).status_code == 200, url


def test_the_demo_is_deterministic(app, db, monkeypatch):
    _generate(monkeypatch)
    first = [(s.day, s.kind, s.minutes, s.principles) for s in db.session.scalars(select(SupportSession).order_by(SupportSession.id))]
    from tests.conftest import _clean_tables
    db.session.remove()
    _clean_tables()
    _generate(monkeypatch)
    second = [(s.day, s.kind, s.minutes, s.principles) for s in db.session.scalars(select(SupportSession).order_by(SupportSession.id))]
    assert first == second
