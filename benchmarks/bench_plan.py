"""Benchmark: plan pages on the large demo data, as a ratio to /health (run: .venv/bin/python benchmarks/bench_plan.py)."""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from implementering import create_app  # noqa: E402
from implementering.extensions import db  # noqa: E402

PAGES = ["/plan/", "/plan/tidslinje", "/plan/uge", "/plan/mine", "/plan/?forsinket=1", "/plan/eksport.xlsx"]


def timed(client, url: str, repeat: int = 5) -> float:
    """Median seconds for GET url."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def main() -> None:
    """Seed the large demo into a temporary SQLite database and print each page's time against /health."""
    folder = tempfile.mkdtemp()
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db", "TESTING": True,
                      "SECRET_KEY": "bench", "MAIL_SERVER": ""})
    with app.app_context():
        db.create_all()
        from seeds.demo import generate
        from implementering.people.models import Person

        start = time.perf_counter()
        summary = generate("large")
        print(f"large demo seeded in {time.perf_counter() - start:.1f} s; activities: {summary.get('plan_activities')}")
        leader = db.session.scalar(db.select(Person).where(Person.email == "projektleder@demo.dk"))
        user_id = leader.get_id()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user_id
        session["_fresh"] = True
    health = timed(client, "/health", 10)
    print(f"/health: {health * 1000:.1f} ms")
    for url in PAGES:
        seconds = timed(client, url)
        print(f"{url:24s} {seconds * 1000:7.1f} ms  ratio {seconds / health:6.1f}x /health")


if __name__ == "__main__":
    main()
