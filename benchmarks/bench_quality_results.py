"""Benchmark: the quality results page against /health on the demo data (large by default).

Usage:  .venv/bin/python benchmarks/bench_quality_results.py [small|large]
Builds the demo in a temporary SQLite database, then times both pages in the same run and
prints the median times and their ratio.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from implementering import create_app  # noqa: E402
from implementering.extensions import db  # noqa: E402


def median_time(client, url: str, runs: int = 15) -> float:
    """Median seconds of `runs` GETs of `url` (after one warm-up)."""
    assert client.get(url).status_code == 200, url
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    size = sys.argv[1] if len(sys.argv) > 1 else "large"
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3",
                      "TESTING": True, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False})
    with app.app_context():
        from implementering.people.models import Person
        from seeds.demo import generate

        db.create_all()
        summary = generate(size)
        person = db.session.query(Person).filter_by(email="projektleder@demo.dk").one()
        user_id = person.get_id()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"] = user_id, True
    health = median_time(client, "/health")
    results = median_time(client, "/kvalitet/resultater")
    print(f"demo '{size}': {summary.get('cases', 0):,} cases, {summary.get('quality_answers', 0):,} answers")
    print(f"/health               {health * 1000:8.1f} ms")
    print(f"/kvalitet/resultater  {results * 1000:8.1f} ms   ratio {results / health:6.1f}× /health")


if __name__ == "__main__":
    main()
