"""The scheduler: the one list of periodic jobs and `flask scheduler run`.

APScheduler runs in one dedicated process, never inside a web worker, so several
gunicorn workers or servers cannot multiply the jobs. A lock (a PostgreSQL advisory
lock, or a file lock for SQLite) stops a second scheduler process from starting.
Every job is an idempotent plain function called inside an app context.
"""
from __future__ import annotations

import importlib
import logging
import os
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

log = logging.getLogger("implementering.scheduler")

_ADVISORY_LOCK_ID = 0x56554D  # 'VUM'


@dataclass(frozen=True)
class Job:
    """A periodic job: an id, the function ('module:function') and an APScheduler trigger."""

    id: str
    func: str
    trigger: str = "interval"
    trigger_args: dict = field(default_factory=dict)
    description: str = ""

    def resolve(self):
        """Import and return the job function."""
        module, _, name = self.func.partition(":")
        return getattr(importlib.import_module(module), name)


#: The one list of periodic jobs. Each domain keeps its job functions in `<domain>/jobs.py`.
JOBS: list[Job] = [
    Job("quality_rounds", "implementering.quality.jobs:open_rounds", "cron", {"hour": 6, "minute": 5},
        "Åbner kvalitets- og auditrunder: trækker sager, fordeler bedømmere og sender e-mails."),
    Job("quality_reminders", "implementering.quality.jobs:remind_reviewers", "cron", {"hour": 7, "minute": 0},
        "Minder bedømmere om kvalitetstjek, der skal være færdige inden for tre dage."),
    Job("heartbeat", "implementering.scheduler:heartbeat", "interval", {"seconds": 30},
        "Skriver schedulerens livstegn, som /health viser."),
    Job("deliver_outbox", "implementering.notifications.jobs:deliver_outbox", "interval", {"minutes": 1},
        "Sender ventende e-mails fra udbakken."),
    Job("audit_purge", "implementering.audit.jobs:purge_audit_log", "cron", {"hour": 3, "minute": 15},
        "Sletter logposter ældre end AUDIT_RETENTION_DAYS og gamle loginforsøg."),
    Job("nightly_backup", "implementering.backup.jobs:nightly_backup", "cron", {"hour": 2, "minute": 30},
        "Tager en natlig sikkerhedskopi til BACKUP_DIR og sletter kopier ældre end BACKUP_KEEP_DAYS."),
    Job("plan_digest", "implementering.plan.jobs:send_plan_digests", "cron", {"hour": 6, "minute": 30},
        "Sender hver ansvarlig én daglig oversigt over kommende, forfaldne og forsinkede aktiviteter."),
    Job("plan_goal_snapshot", "implementering.plan.goals:snapshot_computed_goals", "cron", {"hour": 5, "minute": 45},
        "Gemmer dagens værdi af beregnede mål, så deres udvikling kan vises."),
    Job("pulse_rounds", "implementering.pulse.jobs:run_pulse_rounds", "interval", {"minutes": 15},
        "Åbner og lukker pulsrunder og sender invitationer og påmindelser."),
    Job("overview_monthly", "implementering.overview.jobs:send_monthly_summary", "cron", {"hour": 7, "minute": 20},
        "Lægger månedens overblik til ledelsen i udbakken (én gang pr. måned pr. modtager)."),
]


def heartbeat() -> None:
    """Write the scheduler's heartbeat (host and process id)."""
    from .core.health import write_heartbeat

    write_heartbeat(socket.gethostname(), os.getpid())


def run_job(app, job: Job) -> None:
    """Run one job inside an app context; log failures, never crash the scheduler."""
    from .core.health import write_heartbeat
    from .extensions import db

    with app.app_context():
        try:
            result = job.resolve()()
            if job.id != "heartbeat":
                write_heartbeat(socket.gethostname(), os.getpid(), last_job=job.id)
            if result:
                log.info("job %s: %s", job.id, result)
        except Exception:  # a failing job must not stop the others
            db.session.rollback()
            log.exception("job %s failed", job.id)
        finally:
            db.session.remove()


def acquire_singleton_lock(app):
    """Make sure only one scheduler runs per database; returns a handle to keep, or None."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("postgresql"):
        from sqlalchemy import create_engine, text

        engine = create_engine(uri, poolclass=__import__("sqlalchemy.pool", fromlist=["NullPool"]).NullPool)
        connection = engine.connect()
        if connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _ADVISORY_LOCK_ID}).scalar():
            return connection
        connection.close()
        return None
    import fcntl

    handle = open(Path(app.instance_path) / "scheduler.lock", "w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def build_scheduler(app, scheduler_class=None):
    """An APScheduler instance (in-memory job store) holding every job in JOBS."""
    from apscheduler.schedulers.blocking import BlockingScheduler

    scheduler = (scheduler_class or BlockingScheduler)(
        timezone=app.config["BABEL_DEFAULT_TIMEZONE"],
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
    )
    for job in JOBS:
        args = dict(job.trigger_args)
        if job.id == "heartbeat":
            args = {"seconds": app.config["SCHEDULER_HEARTBEAT_SECONDS"]}
        scheduler.add_job(run_job, job.trigger, args=[app, job], id=job.id, name=job.description or job.id,
                          next_run_time=None if job.trigger == "cron" else _now(), **args)
    return scheduler


def _now():
    """Now, timezone-aware, so interval jobs also run once at start."""
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


scheduler_cli = AppGroup("scheduler", help="Den periodiske kørsel af job.")


@scheduler_cli.command("run")
@with_appcontext
def run_command() -> None:
    """Start the scheduler process (one per installation). Stop it with Ctrl-C."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s scheduler %(levelname)s %(message)s")
    app = current_app._get_current_object()
    lock = acquire_singleton_lock(app)
    if lock is None:
        click.echo("En anden scheduler kører allerede mod denne database; denne starter ikke.", err=True)
        sys.exit(1)
    scheduler = build_scheduler(app)
    click.echo(f"Scheduler startet med {len(JOBS)} job. Stop med Ctrl-C.")
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        lock.close()


@scheduler_cli.command("list")
def list_command() -> None:
    """List the periodic jobs."""
    for job in JOBS:
        click.echo(f"{job.id:<28} {job.trigger} {job.trigger_args}  {job.description}")


@scheduler_cli.command("run-job")
@click.argument("job_id")
@with_appcontext
def run_job_command(job_id: str) -> None:
    """Run one job now, once (for operators and debugging)."""
    job = next((job for job in JOBS if job.id == job_id), None)
    if job is None:
        click.echo(f"Ukendt job: {job_id}. Kendte: {', '.join(j.id for j in JOBS)}", err=True)
        sys.exit(1)
    run_job(current_app._get_current_object(), job)
    click.echo(f"Job {job_id} er kørt.")
