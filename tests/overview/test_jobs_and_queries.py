"""The monthly summary e-mail and the bound on SQL queries per page."""
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from sqlalchemy import event, select

from implementering.extensions import db as _db
from implementering.notifications.models import OutboxMessage
from implementering.overview.jobs import send_monthly_summary, summary_key
from implementering.scheduler import JOBS
from implementering.security import LEDELSE, PROJEKTLEDER
from tests.builders import make_person
from tests.overview.builders import TODAY, make_world

#: The most SQL statements the overview or the team page may run, whatever the number of teams.
QUERY_BOUND = 30


def _outbox():
    return list(_db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_the_monthly_summary_goes_to_each_leader_once_a_month(db):
    make_world(teams=2)
    leader = make_person(roles=[LEDELSE], email="leder@test.dk")
    make_person(roles=[PROJEKTLEDER], email="pl@test.dk")
    make_person(roles=[LEDELSE], email="gone@test.dk", active=False)
    send_monthly_summary(TODAY)
    send_monthly_summary(TODAY + timedelta(days=1))
    messages = _outbox()
    assert [m.recipient for m in messages] == ["leder@test.dk"]
    assert messages[0].idempotency_key == summary_key(date(2026, 11, 1), leader.id)
    body = messages[0].body
    assert messages[0].subject == "Overblik over udrulningen af VUM, oktober 2026"
    assert "Nøgletal for alle teams" in body and "Hvad har ændret sig" in body
    assert "Nye sager behandlet med VUM (seneste 4 uger): 50 %" in body
    assert "Kompasset" in body
    send_monthly_summary(date(2026, 12, 1))
    assert len(_outbox()) == 2


def test_the_monthly_summary_is_a_registered_job():
    job = next(job for job in JOBS if job.id == "overview_monthly")
    assert job.resolve() is send_monthly_summary


@contextmanager
def count_queries():
    """Count every SQL statement sent through the engine while the block runs."""
    counter = {"n": 0}

    def before(conn, cursor, statement, parameters, context, executemany):
        counter["n"] += 1

    engine = _db.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield counter
    finally:
        event.remove(engine, "before_cursor_execute", before)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("implementering.overview.views._today", lambda: TODAY)


def _queries_for(client, url):
    with count_queries() as counter:
        response = client.get(url)
    assert response.status_code == 200
    return counter["n"]


def test_the_overview_and_team_page_run_a_bounded_number_of_queries_whatever_the_team_count(client, login_as):
    _dep, made = make_world(teams=2, workers=3)
    login_as(LEDELSE)
    client.get("/overblik/")  # warm-up: first-use queries of the app are not the page's
    few = _queries_for(client, "/overblik/")
    team_few = _queries_for(client, f"/overblik/team/{made[0][0].id}")
    make_world(teams=8, workers=3)
    many = _queries_for(client, "/overblik/")
    team_many = _queries_for(client, f"/overblik/team/{made[0][0].id}")
    assert many == few, "the overview's query count grows with the number of teams"
    assert team_many == team_few
    assert many <= QUERY_BOUND and team_many <= QUERY_BOUND



def test_a_computed_overview_is_reused_within_the_cache_time_and_recomputed_after_clearing(app, db, monkeypatch):
    from implementering.overview import services

    monkeypatch.setitem(app.config, "OVERVIEW_CACHE_SECONDS", 300)
    services.clear_cache()
    try:
        first = services.overview_for(TODAY)
        with count_queries() as counter:
            again = services.overview_for(TODAY)
        assert again is first and counter["n"] == 0
        services.clear_cache()
        assert services.overview_for(TODAY) is not first
    finally:
        services.clear_cache()


def test_tests_run_without_the_cache(app):
    from implementering.overview.services import cache_seconds

    with app.app_context():
        assert cache_seconds() == 0
