"""The scheduler: one list of jobs, one process, a heartbeat that /health shows."""
import threading

from apscheduler.schedulers.background import BackgroundScheduler

from implementering import create_app
from implementering.scheduler import JOBS, acquire_singleton_lock, build_scheduler, run_job
from tests.conftest import app_config


def test_every_job_in_the_list_resolves_to_a_function_with_a_docstring():
    assert {job.id for job in JOBS} >= {"heartbeat", "deliver_outbox"}
    assert len({job.id for job in JOBS}) == len(JOBS)
    for job in JOBS:
        function = job.resolve()
        assert callable(function) and function.__doc__


def test_the_scheduler_holds_each_job_once(app):
    scheduler = build_scheduler(app, BackgroundScheduler)
    assert sorted(job.id for job in scheduler.get_jobs()) == sorted(job.id for job in JOBS)


def test_creating_the_app_starts_no_scheduler(app):
    before = {t.name for t in threading.enumerate()}
    create_app(app.config.copy())
    after = {t.name for t in threading.enumerate()}
    assert not any("APScheduler" in name for name in after - before)


def test_a_job_run_writes_the_heartbeat_that_health_reports(app, client, db):
    run_job(app, next(job for job in JOBS if job.id == "heartbeat"))
    run_job(app, next(job for job in JOBS if job.id == "deliver_outbox"))
    health = client.get("/health").json
    assert health["scheduler"]["status"] == "ok"
    assert health["scheduler"]["last_job"] == "deliver_outbox"


def test_a_failing_job_does_not_stop_the_scheduler(app, db, monkeypatch):
    from implementering import scheduler as module

    broken = module.Job("broken", "implementering.privacy:contains_cpr")  # needs an argument: raises
    run_job(app, broken)  # logs, does not raise


def test_only_one_scheduler_may_run_per_database(make_database):
    app = create_app(app_config(make_database("scheduler_lock")))
    first = acquire_singleton_lock(app)
    try:
        assert first is not None
        assert acquire_singleton_lock(app) is None
    finally:
        first.close()
    again = acquire_singleton_lock(app)
    assert again is not None
    again.close()


def test_the_cli_lists_the_jobs(runner):
    result = runner.invoke(args=["scheduler", "list"])
    assert "deliver_outbox" in result.output and "heartbeat" in result.output


def test_the_heartbeat_is_one_row_however_often_it_is_written(db):
    from implementering.core.health import write_heartbeat
    from implementering.core.models import SchedulerHeartbeat

    write_heartbeat("host", 1)
    write_heartbeat("host", 2, last_job="deliver_outbox")
    write_heartbeat("host", 3)
    beat = db.session.query(SchedulerHeartbeat).one()
    assert (beat.pid, beat.last_job) == (3, "deliver_outbox")
