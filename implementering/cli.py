"""Registers the command-line verbs of every domain on the app."""
from __future__ import annotations

import sys

import click
from flask.cli import AppGroup, with_appcontext

seed_cli = AppGroup("seed", help="Standardindhold og demodata.")


@seed_cli.command("defaults")
@with_appcontext
def seed_defaults_command() -> None:
    """Load the default content (themes, scale labels, …) where it is missing."""
    from seeds.defaults import load_defaults

    load_defaults()
    click.echo("Standardindhold er indlæst.")


@seed_cli.command("demo")
@click.option("--size", type=click.Choice(["small", "large"]), default="small", show_default=True)
@click.option("--seed", "seed_value", type=int, default=2026, show_default=True, help="Tilfældighedsfrø.")
@click.option("--if-empty", is_flag=True, help="Gør intet, hvis databasen allerede har data.")
@with_appcontext
def seed_demo_command(size: str, seed_value: int, if_empty: bool) -> None:
    """Fill the database with deterministic demo data (refuses a database with real data)."""
    from seeds.demo import DemoRefused, database_is_empty, generate

    if if_empty and not database_is_empty():
        click.echo("Databasen har allerede data; demodata indlæses ikke igen.")
        return
    try:
        summary = generate(size=size, seed=seed_value)
    except DemoRefused as exc:
        click.echo(f"Afvist: {exc}", err=True)
        sys.exit(1)
    click.echo("Demodata indlæst: " + ", ".join(f"{k}: {v}" for k, v in summary.items()))


def register(app) -> None:
    """Attach every command group to `app`."""
    from .accounts.commands import accounts_cli
    from .backup.commands import backup_cli
    from .people.commands import people_cli
    from .production import production_cli
    from .scheduler import scheduler_cli

    app.cli.add_command(accounts_cli)
    app.cli.add_command(backup_cli)
    app.cli.add_command(production_cli)
    app.cli.add_command(seed_cli)
    app.cli.add_command(people_cli)
    app.cli.add_command(scheduler_cli)
