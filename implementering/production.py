"""Production readiness: what must be true before VUM Implementering serves real users.

`create_app` already refuses a production configuration with a missing or default
SECRET_KEY, debug or testing on (no database needed). This module adds the checks that
need the database, demo accounts above all, and the `flask production check` command
that `make serve` and the systemd units run before starting.
"""
from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import AppGroup, with_appcontext

DEMO_DOMAIN = "@demo.dk"


def database_problems(app: Flask) -> list[str]:
    """Why the database must not serve production: demo accounts or demo data present.

    A database without tables yet (before the first migration) has no problems.
    """
    from sqlalchemy import func, inspect, select

    from .extensions import db
    from .people.models import Person
    from .settings.models import Municipality

    problems = []
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
        if "persons" in tables:
            demo = db.session.scalar(select(func.count()).select_from(Person)
                                     .where(func.lower(Person.email).endswith(DEMO_DOMAIN)))
            if demo:
                problems.append(f"Databasen har {demo} demokonti (e-mail på {DEMO_DOMAIN}); "
                                "brug en tom database til produktion.")
        if "municipality" in tables and db.session.scalar(select(Municipality.id).where(Municipality.is_demo.is_(True))):
            problems.append("Databasen er fyldt med demodata (flask seed demo); brug en tom database.")
        db.session.remove()
        db.engine.dispose()  # do not hand a pooled connection to forked gunicorn workers
    return problems


def refuse_unsafe_database(app: Flask) -> None:
    """In production, raise RuntimeError with the reasons when the database holds demo data."""
    if app.config.get("VUM_ENV") != "production":
        return
    problems = database_problems(app)
    if problems:
        raise RuntimeError("VUM Implementering starter ikke i produktion:\n- " + "\n- ".join(problems))


production_cli = AppGroup("production", help="Kontrol af produktionsopsætningen.")


@production_cli.command("check")
@with_appcontext
def check_command() -> None:
    """Check configuration and database for production; exit code 1 with the reasons if unfit."""
    from flask import current_app

    from .config import production_problems

    app = current_app._get_current_object()
    problems = production_problems(app.config)
    if app.config.get("VUM_ENV") == "production":
        problems += database_problems(app)
    if problems:
        click.echo("Ikke klar til produktion:\n- " + "\n- ".join(problems), err=True)
        sys.exit(1)
    click.echo(f"OK: miljø {app.config['VUM_ENV']}, database {app.config['SQLALCHEMY_DATABASE_URI'].split(':')[0]}.")
