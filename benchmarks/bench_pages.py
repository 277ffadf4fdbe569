"""Page speed against the floor: each page's median time divided by /health's, in one run.

Usage: .venv/bin/python benchmarks/bench_pages.py [--size small|large] [--repeat N]
Builds a fresh SQLite database with demo data in a temporary folder, logs in as each
demo role through the Flask test client and times every listed page.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from implementering import create_app  # noqa: E402
from implementering.extensions import db  # noqa: E402

#: Extra pages beyond each role's main menu.
EXTRA_PAGES = {"leder@demo.dk": ["/overblik/team/1"], "projektleder@demo.dk": ["/teams/1", "/personer/1"]}


def pages_by_role(app) -> dict[str, list[str]]:
    """Every main-menu page of each demo role (from the navigation itself), plus a few extras."""
    from flask import url_for

    from implementering.accounts.services import find_by_email
    from implementering.navigation import nav_items_for
    from seeds.demo import DEMO_ACCOUNTS

    pages = {}
    with app.test_request_context():
        for email, _name, _roles in DEMO_ACCOUNTS:
            person = find_by_email(email)
            pages[email] = [url_for(item.endpoint) for item in nav_items_for(person)] + EXTRA_PAGES.get(email, [])
    return pages


def _median_seconds(client, path: str, repeat: int) -> float | None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - start)
        if response.status_code >= 400:
            return None
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="small", choices=["small", "large"])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--database-url", help="an EMPTY database to fill (default: a temporary SQLite file)")
    args = parser.parse_args()
    from seeds.demo import DEMO_PASSWORD, generate

    folder = tempfile.mkdtemp(prefix="vum-bench-")
    url = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-" * 8,
                      "WTF_CSRF_ENABLED": False, "TESTING": False})
    with app.app_context():
        db.create_all()
        started = time.perf_counter()
        generate(size=args.size, seed=1)
        print(f"demo data ({args.size}) built in {time.perf_counter() - started:.1f} s")
    client = app.test_client()
    floor = _median_seconds(client, "/health", args.repeat * 2)
    print(f"/health median: {floor * 1000:.2f} ms (the floor, ratio 1.0)")
    print(f"{'page':<28}{'role':<24}{'median ms':>10}{'ratio':>8}")
    for email, pages in pages_by_role(app).items():
        client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
        for path in pages:
            seconds = _median_seconds(client, path, args.repeat)
            if seconds is None:
                print(f"{path:<28}{email:<24}{'(not available)':>18}")
                continue
            print(f"{path:<28}{email:<24}{seconds * 1000:>10.2f}{seconds / floor:>8.1f}")
        client.post("/logout")


if __name__ == "__main__":
    main()
