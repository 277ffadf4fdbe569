"""`flask backup create PATH` and `flask backup restore PATH`."""
from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from .services import BackupError, create_backup, restore_backup

backup_cli = AppGroup("backup", help="Sikkerhedskopier af databasen.")


@backup_cli.command("create")
@click.argument("path", type=click.Path(dir_okay=False))
@with_appcontext
def create_command(path: str) -> None:
    """Write a backup of the database to PATH (safe while the app runs)."""
    try:
        written = create_backup(current_app.config["SQLALCHEMY_DATABASE_URI"], path)
    except BackupError as exc:
        click.echo(f"Sikkerhedskopien mislykkedes: {exc}", err=True)
        sys.exit(1)
    _audit("backup.created", str(written))
    click.echo(f"Sikkerhedskopi skrevet til {written}.")


@backup_cli.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Spring bekræftelsen over.")
@with_appcontext
def restore_command(path: str, yes: bool) -> None:
    """Replace the database's contents with the backup in PATH (stop web and scheduler first)."""
    from ..extensions import db

    if not yes:
        click.confirm("Alt nuværende indhold i databasen erstattes af sikkerhedskopien. Fortsæt?", abort=True)
    db.session.remove()
    db.engine.dispose()  # no pooled connection may hold the old database open
    try:
        restore_backup(current_app.config["SQLALCHEMY_DATABASE_URI"], path)
    except BackupError as exc:
        click.echo(f"Genskabelsen mislykkedes: {exc}", err=True)
        sys.exit(1)
    _audit("backup.restored", path)
    click.echo(f"Databasen er genskabt fra {path}.")


def _audit(action: str, target: str) -> None:
    """Log the operation; a database without the audit table (very old backup) is no error."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..audit.services import record
    from ..extensions import db

    try:
        record(None, action, target, "kommandolinje")
    except SQLAlchemyError:
        db.session.rollback()
