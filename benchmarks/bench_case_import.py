"""Benchmark: import a generated 50,000-row case file through the real import service.

Usage:  .venv/bin/python benchmarks/bench_case_import.py [ROWS] [DATABASE_URL]
Without a URL (or DATABASE_URL in the environment) a temporary SQLite database is used.
Runs the import twice: first every row is new, then every row is an update or unchanged.
Prints rows per second and the total time of each run (read + validate + write).
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from implementering import create_app  # noqa: E402
from implementering.extensions import db  # noqa: E402

TEAMS = 40
WORKERS = 480


def make_file(rows: int, themes: list[str], seed: int = 7, change: bool = False) -> bytes:
    """A semicolon CSV like a case-system export, with every column the mapping knows."""
    rng = random.Random(seed)
    header = ["sagsnr", "team", "oprettet", "sagsbehandler", "sagstype", "vum", "trin", *themes]
    lines = [";".join(header)]
    start = date(2023, 1, 1)
    types = ["Ny henvendelse", "Opfølgning", "Ændring"]
    steps = ["udredning", "faglig vurdering", "afgørelse", "bestilling", "handleplan", "opfølgning"]
    for i in range(rows):
        team = i % TEAMS
        vum = rng.random() < (0.8 if change else 0.6)
        used = ", ".join(s for s in steps if vum and rng.random() < 0.7)
        ratings = [str(rng.randint(0, 4)) if vum and rng.random() < 0.5 else "" for _ in themes]
        opened = start + timedelta(days=rng.randint(0, 1000))
        lines.append(";".join([f"SAG-{i:07d}", f"Team {team}", opened.strftime("%d-%m-%Y"),
                               f"sb{team * 12 + i % 12}@bench.dk", rng.choice(types), "ja" if vum else "nej",
                               used, *ratings]))
    return ("\n".join(lines) + "\n").encode("utf-8")


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    url = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("DATABASE_URL", "")
    folder = tempfile.mkdtemp(prefix="bench-cases-")
    if not url:
        url = f"sqlite:///{folder}/bench.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, "SECRET_KEY": "bench"})
    with app.app_context():
        from implementering.cases.importing import guess_mapping, import_cases, import_fields
        from implementering.people.models import Department, Person, Team
        from implementering.settings.services import active_themes
        from implementering.tabular import read_table
        from seeds.defaults import load_defaults

        db.drop_all()
        db.create_all()
        load_defaults()
        department = Department(name="Bench")
        db.session.add(department)
        teams = [Team(name=f"Team {i}", department=department) for i in range(TEAMS)]
        db.session.add_all(teams)
        db.session.flush()
        db.session.add_all(Person(name=f"SB {i}", email=f"sb{i}@bench.dk", team_id=teams[i // 12].id)
                           for i in range(WORKERS))
        db.session.commit()
        themes = active_themes()
        print(f"database: {db.engine.dialect.name}; rows: {rows:,}; themes mapped: {len(themes)}")
        for label, change in (("first import (all new)", False), ("re-import (updates)", True)):
            data = make_file(rows, [t.key for t in themes], change=change)
            started = time.perf_counter()
            headers, table = read_table("udtraek.csv", data)
            read = time.perf_counter() - started
            mapping = guess_mapping(headers, import_fields(themes))
            report = import_cases(table, mapping, None, filename="udtraek.csv", themes=themes)
            total = time.perf_counter() - started
            assert report.ok, report.problems[:3]
            print(f"{label:<24} total {total:6.2f} s (reading {read:4.2f} s) · {rows / total:9,.0f} rows/s · "
                  f"created {report.created:,}, updated {report.updated:,}, unchanged {report.unchanged:,}")
        verdict = "under" if total < 60 else "OVER"
        print(f"The {rows:,}-row import is {verdict} the one-minute target.")
        db.session.remove()
        if url.startswith("postgresql"):
            db.drop_all()


if __name__ == "__main__":
    main()
