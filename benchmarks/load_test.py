"""Load test: N concurrent users click through the main pages of a running server.

Only against this machine (127.0.0.1/localhost), bounded in time (≤ 300 s) and users
(≤ 100). Each user logs in as one of the five demo accounts, reads the menu of the start
page and then opens the start page and random menu pages with no pause. It prints
requests per second, errors, and p50/p95/max latency per page.

Set-up for the issue's figure (large demo data, gunicorn, PostgreSQL):
    export DATABASE_URL=postgresql://postgres@127.0.0.1/vum_load SECRET_KEY=… VUM_BIND=127.0.0.1:8000
    .venv/bin/flask --app implementering db upgrade && .venv/bin/flask --app implementering seed demo --size large
    bash deploy/serve.sh &            # (VUM_ENV=development: demo accounts are refused in production)
    .venv/bin/python benchmarks/load_test.py --url http://127.0.0.1:8000 --users 50 --seconds 120
"""
from __future__ import annotations

import argparse
import http.cookiejar
import random
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict

DEMO_ACCOUNTS = ["projektleder@demo.dk", "superbruger@demo.dk", "sagsbehandler@demo.dk", "leder@demo.dk",
                 "admin@demo.dk"]
DEMO_PASSWORD = "vumdemo2026!"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Keep redirects visible, so a login redirect counts as what it is."""

    def redirect_request(self, *args, **kwargs):
        """Never follow a redirect."""
        return None


class User(threading.Thread):
    """One simulated person clicking through pages until `deadline`."""

    def __init__(self, base: str, email: str, deadline: float, results, seed: int):
        super().__init__(daemon=True)
        self.base, self.email, self.deadline, self.results = base, email, deadline, results
        self.rng = random.Random(seed)
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

    def fetch(self, path: str, data: dict | None = None) -> tuple[int, str]:
        """GET (or POST `data` to) `path`; record the latency and status; return status and body."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        start = time.perf_counter()
        try:
            with self.opener.open(self.base + path, data=body, timeout=30) as response:
                status, text = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            status, text = exc.code, ""
        except OSError:
            status, text = 0, ""
        self.results[path.split("?")[0]].append((time.perf_counter() - start, status))
        return status, text

    def run(self) -> None:
        """Log in, read the menu, then click until the deadline."""
        _status, page = self.fetch("/login")
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
        status, _ = self.fetch("/login", {"csrf_token": token.group(1) if token else "", "email": self.email,
                                          "password": DEMO_PASSWORD})
        if status != 302:
            return
        _status, start_page = self.fetch("/")
        menu = re.search(r'<ul class="site-nav-list">(.*?)</ul>', start_page, re.S)
        pages = sorted(set(re.findall(r'href="(/[^"#?]*)"', menu.group(1)))) if menu else []
        pages = pages or ["/"]
        while time.monotonic() < self.deadline:
            self.fetch(self.rng.choice(pages + ["/"]))


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main() -> int:
    """Run the load test; exit code 1 when any request failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    args = parser.parse_args()
    host = urllib.parse.urlsplit(args.url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        print("Kun mod denne maskine (127.0.0.1).", file=sys.stderr)
        return 2
    users, seconds = min(args.users, 100), min(args.seconds, 300)
    results: dict[str, list[tuple[float, int]]] = defaultdict(list)
    deadline = time.monotonic() + seconds
    threads = [User(args.url.rstrip("/"), DEMO_ACCOUNTS[n % len(DEMO_ACCOUNTS)], deadline, results, n)
               for n in range(users)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    elapsed = time.monotonic() - started
    total = sum(len(v) for v in results.values())
    errors = sum(1 for v in results.values() for _t, status in v if status == 0 or status >= 500)
    print(f"{users} brugere i {elapsed:.0f} s: {total} forespørgsler, {total / elapsed:.1f}/s, fejl: {errors}")
    print(f"{'side':<40} {'antal':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  statuskoder")
    for path, rows in sorted(results.items()):
        times = [t * 1000 for t, _s in rows]
        codes = sorted({s for _t, s in rows})
        print(f"{path:<40} {len(rows):>6} {statistics.median(times):>8.0f} {percentile(times, 95):>8.0f} "
              f"{max(times):>8.0f}  {codes}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
