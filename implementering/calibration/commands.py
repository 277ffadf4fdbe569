"""Command-line verbs: `flask consistency alpha FILE [--level …]`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..analytics import agreement as ag
from ..tabular import TableError, read_table
from . import bp


@bp.cli.command("alpha")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--level", type=click.Choice(list(ag.LEVELS)), default=ag.DEFAULT_LEVEL, show_default=True,
              help="Måleniveau.")
@click.option("--bootstrap", type=int, default=0, show_default=True, help="Antal bootstrap-stikprøver til 95 %-interval.")
@click.option("--seed", type=int, default=2026, show_default=True, help="Tilfældighedsfrø til bootstrap.")
def alpha_command(file: Path, level: str, bootstrap: int, seed: int) -> None:
    """Krippendorff's alpha of a long CSV/XLSX with header rater,unit,value (empty value = missing).

    Values must lie on the 0–4 scale. The last line is alpha rounded to four decimals.
    """
    try:
        headers, rows = read_table(file.name, file.read_bytes())
    except TableError as exc:
        click.echo(f"Fejl: {exc}", err=True)
        sys.exit(2)
    if not {"rater", "unit", "value"} <= set(headers):
        click.echo("Fejl: filen skal have overskrifterne rater,unit,value.", err=True)
        sys.exit(2)
    triples = []
    for row in rows:
        text = (row.values.get("value") or "").strip().replace(",", ".")
        try:
            value = float(text) if text else None
        except ValueError:
            click.echo(f"Fejl: linje {row.line}: værdien '{text}' er ikke et tal.", err=True)
            sys.exit(2)
        triples.append((row.get("rater"), row.get("unit"), value))
    try:
        result = ag.alpha_of_ratings(triples, level, bootstrap=bootstrap, seed=seed)
    except ValueError as exc:
        click.echo(f"Fejl: {exc}", err=True)
        sys.exit(2)
    click.echo(f"Niveau: {level}; bedømmere: {result.raters}; enheder: {result.units}; "
               f"parrede værdier: {result.pairable_values}")
    if result.ci_low is not None:
        click.echo(f"95 %-interval: {result.ci_low:.4f} til {result.ci_high:.4f}")
    if not result.ok:
        click.echo(f"Alfa kan ikke beregnes ({result.problem}).", err=True)
        click.echo("nan")
        sys.exit(1)
    click.echo(f"{result.alpha:.4f}")
