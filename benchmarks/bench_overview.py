"""The overview and the team page against /health, on the large demo data set, in one run.

Usage:
  .venv/bin/python benchmarks/bench_overview.py [--size large|small] [--repeat N]
  .venv/bin/python benchmarks/bench_overview.py --database-url postgresql://postgres@127.0.0.1:5432/postgres

Builds the demo data (`flask seed demo --size large` equivalent, via seeds.demo.generate) in a
fresh SQLite file, or in a fresh database `vum_bench_overview` on the PostgreSQL server of the
URL given, prints the seed time, then each page's median time, its ratio to /health's median
and the number of SQL statements the page ran, all measured in the same process.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event, select  # noqa: E402

from implementering import create_app  # noqa: E402
from implementering.extensions import db  # noqa: E402

BENCH_DATABASE = "vum_bench_overview"


def fresh_postgres(url: str) -> str:
    """(Re)create the benchmark database on the server of `url`; return its SQLAlchemy URL."""
    import psycopg

    from implementering.config import normalise_database_url

    parts = urlsplit(normalise_database_url(url).replace("postgresql+psycopg://", "postgresql://"))
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')
    return normalise_database_url(urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}")))


def timed(client, path: str, repeat: int, cold: bool = False) -> tuple[float, int]:
    """(median seconds, SQL statements of one request) for GET `path`; exits on an error status.

    With `cold`, the overview cache is emptied before every request, so each one computes
    everything from the database.
    """
    from implementering.overview.services import clear_cache

    counter = {"n": 0}

    def count(*_args):
        counter["n"] += 1

    times = []
    for index in range(repeat):
        if index == 0:
            event.listen(db.engine, "before_cursor_execute", count)
        if cold:
            clear_cache()
        start = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - start)
        if index == 0:
            event.remove(db.engine, "before_cursor_execute", count)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    return statistics.median(times), counter["n"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="large", choices=["small", "large"])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--database-url", default="", help="a PostgreSQL URL; SQLite in a temp folder when empty")
    args = parser.parse_args()
    from seeds.demo import DEMO_PASSWORD, generate

    if args.database_url:
        url = fresh_postgres(args.database_url)
    else:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='vum-bench-overview-')}/bench.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                      "TESTING": False})
    with app.app_context():
        db.create_all()
        started = time.perf_counter()
        summary = generate(size=args.size, seed=1)
        seed_seconds = time.perf_counter() - started
        from implementering.people.models import Team

        team_ids = list(db.session.scalars(select(Team.id).order_by(Team.id)))
    print(f"database: {url.split(':')[0]}, size {args.size}")
    print(f"demo data built in {seed_seconds:.1f} s: " + ", ".join(f"{k} {v}" for k, v in summary.items()))
    client = app.test_client()
    with app.app_context():
        client.post("/login", data={"email": "leder@demo.dk", "password": DEMO_PASSWORD})
        client.get("/overblik/")  # warm-up (template compilation, first-use queries)
        floor, _n = timed(client, "/health", args.repeat * 3)
        print(f"/health median {floor * 1000:.1f} ms (ratio 1.0)")
        print("cold: overview cache emptied before each request; warm: reused within OVERVIEW_CACHE_SECONDS")
        print(f"{'page':<32}{'cold ms':>9}{'ratio':>7}{'queries':>9}{'warm ms':>9}{'ratio':>7}")
        pages = ["/overblik/", "/overblik/?periode=36", f"/overblik/team/{team_ids[0]}",
                 f"/overblik/team/{team_ids[len(team_ids) // 2]}", "/overblik/udskrift", "/"]
        for path in pages:
            cold, queries = timed(client, path, args.repeat, cold=True)
            warm, _n = timed(client, path, args.repeat)
            print(f"{path:<32}{cold * 1000:>9.1f}{cold / floor:>7.1f}{queries:>9}{warm * 1000:>9.1f}{warm / floor:>7.1f}")


if __name__ == "__main__":
    main()
