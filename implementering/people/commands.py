"""`flask people …`: command-line verbs for persons."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import AppGroup

from ..tabular import TableError, read_table
from .services import import_persons

people_cli = AppGroup("people", help="Personer: import og vedligehold.")


@people_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Kontrollér filen uden at gemme noget.")
def import_command(file: Path, dry_run: bool) -> None:
    """Importér personer fra en CSV- eller XLSX-fil (kolonner: navn, e-mail, team, roller).

    Alle rækker kontrolleres først; er blot én forkert, importeres intet, og hver fejl
    vises med linjenummer. Afslutter med kode 1 ved fejl.
    """
    try:
        headers, rows = read_table(file.name, file.read_bytes())
    except TableError as exc:
        click.echo(f"Fejl: {exc}", err=True)
        sys.exit(1)
    report = import_persons(headers, rows, dry_run=dry_run)
    if not report.ok:
        click.echo(f"Intet er importeret: {len(report.problems)} række(r) har fejl.", err=True)
        for problem in report.problems:
            click.echo(f"  linje {problem.line}: {problem.message}", err=True)
        sys.exit(1)
    verb = "Ville have" if dry_run else "Har"
    click.echo(f"{verb} oprettet {report.created}, opdateret {report.updated}, uændret {report.unchanged}.")
