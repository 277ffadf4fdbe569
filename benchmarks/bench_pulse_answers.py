"""Benchmark: 10,000 pulse answers from many concurrent clients to gunicorn with several workers.

Builds a fresh database (an SQLite file by default, or PostgreSQL with --database-url:
the database is dropped and created), one department of teams with 10,000 case workers,
opens one round through the real service (`open_round`) and issues one personal link per
invitation (only SHA-256 hashes are stored, as `issue_token` does, but in one bulk insert).
It then starts gunicorn (bound to 127.0.0.1 only) and lets client threads answer every link
the way a phone does: GET the form (session cookie + CSRF token), POST the scores. Some
answers are double-submitted at the same moment (a double tap), and afterwards a few hundred
already-used links are submitted again. Finally it counts what was stored and checks that
exactly one answer per link exists: none lost, none doubled.

    .venv/bin/python benchmarks/bench_pulse_answers.py
    .venv/bin/python benchmarks/bench_pulse_answers.py --database-url postgresql://postgres@127.0.0.1:5432/vum_bench_pulse

Bounded: at most 64 client threads, 20,000 answers and 900 s; only 127.0.0.1 is contacted.
Exit code 1 when anything was lost, doubled or failed.
"""
from __future__ import annotations

import argparse
import http.client
import os
import queue
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
THANKS, ALREADY = "Tak for dit svar", "Du har allerede svaret"


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def create_postgres(url: str) -> None:
    """Drop and create the database named in `url` (connecting to the server's 'postgres' database)."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise SystemExit(f"Unexpected database name: {name!r}")
    admin = parts._replace(scheme="postgresql", path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare(n_answers: int, team_size: int) -> tuple[list[str], list[int], int]:
    """Create schema, people, an open round and one link per invitation.

    Returns the link tokens, the scale item ids and the round id. Runs inside this process
    with the same environment gunicorn gets.
    """
    from sqlalchemy import func, insert, select

    from implementering import create_app
    from implementering.database import utcnow
    from implementering.extensions import db
    from implementering.people.models import Department, Person, Team
    from implementering.pulse.models import Invitation, Schedule, Token
    from implementering.pulse.rounds import open_round
    from implementering.pulse.services import hash_token
    from seeds.defaults_pulse import load_pulse_defaults

    app = create_app()
    with app.app_context():
        db.drop_all()
        db.create_all()
        question_set = load_pulse_defaults()
        department = Department(name="Benchmark")
        db.session.add(department)
        db.session.flush()
        teams = [Team(name=f"Team {n:03d}", department=department) for n in range((n_answers + team_size - 1)
                                                                                   // team_size)]
        db.session.add_all(teams)
        db.session.flush()
        now = utcnow()
        rows = [{"name": f"Bench Person {n}", "email": f"bench{n}@bench.invalid", "team_id": teams[n // team_size].id,
                 "active": True, "created_at": now, "updated_at": now} for n in range(n_answers)]
        db.session.execute(insert(Person.__table__), rows)
        schedule = Schedule(name="Benchmark", question_set=question_set, first_round_on=date.today(),
                            cadence_weeks=4, open_days=7, reminder_after_days=3, max_reminders=2, active=True)
        schedule.teams = teams
        db.session.add(schedule)
        db.session.commit()
        round_ = open_round(schedule, date.today())          # the real service: 10,000 invitations
        round_id = round_.id
        item_ids = [item.id for item in round_.scale_items]
        invitation_ids = list(db.session.scalars(select(Invitation.id).where(Invitation.round_id == round_id)))
        tokens = [secrets.token_urlsafe(32) for _ in invitation_ids]  # as issue_token does, in bulk
        db.session.execute(insert(Token.__table__), [{"invitation_id": i, "token_hash": hash_token(t)}
                                                      for i, t in zip(invitation_ids, tokens)])
        db.session.commit()
        assert db.session.scalar(select(func.count()).select_from(Token)) == n_answers
        db.session.remove()
        db.engine.dispose()
    return tokens, item_ids, round_id


def count_stored(round_id: int) -> dict:
    """Answers, score rows, responses and comments stored for the round."""
    from sqlalchemy import func, select

    from implementering import create_app
    from implementering.extensions import db
    from implementering.pulse.models import Answer, AnswerValue, Comment, Response

    app = create_app()
    with app.app_context():
        def count(stmt):
            return db.session.scalar(stmt)
        result = {
            "answers": count(select(func.count()).select_from(Answer).where(Answer.round_id == round_id)),
            "values": count(select(func.count()).select_from(AnswerValue).join(Answer)
                            .where(Answer.round_id == round_id)),
            "responses": count(select(func.count()).select_from(Response).where(Response.round_id == round_id)),
            "duplicate_responses": count(select(func.count()).select_from(
                select(Response.person_id).where(Response.round_id == round_id).group_by(Response.person_id)
                .having(func.count() > 1).subquery())),
            "comments": count(select(func.count()).select_from(Comment).where(Comment.round_id == round_id)),
        }
        db.engine.dispose()
    return result


class Client:
    """One HTTP/1.1 connection to the local server with manual cookie handling (one cookie per link)."""

    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, cookie: str = "", body: dict | None = None):
        """Send a request; return (status, text, session cookie, seconds). Reconnects once on a dropped socket."""
        headers = {"Cookie": cookie} if cookie else {}
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            start = time.perf_counter()
            try:
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                text = response.read().decode("utf-8", "replace")
                elapsed = time.perf_counter() - start
                set_cookie = response.getheader("Set-Cookie") or ""
                match = re.match(r"(session=[^;]+)", set_cookie)
                if response.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                return response.status, text, match.group(1) if match else cookie, elapsed
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt == 2:
                    return 0, "", cookie, time.perf_counter() - start
        raise AssertionError("unreachable")


def outcome(status: int, text: str) -> str:
    """'saved', 'already' or 'error:<status>' for an answer page."""
    heading = H1.search(text)
    heading = heading.group(1).strip() if heading else ""
    if status == 200 and heading == THANKS:
        return "saved"
    if status == 200 and heading == ALREADY:
        return "already"
    return f"error:{status}"


def run_clients(port: int, tokens: list[str], item_ids: list[int], clients: int, races: int, deadline: float):
    """Answer every token from `clients` threads; the first `races` tokens are double-submitted at once.

    Returns (per-answer seconds, GET seconds, POST seconds, outcomes, saved forms for replays).
    """
    work: queue.Queue = queue.Queue()
    for index, token in enumerate(tokens):
        work.put((index, token))
    lock = threading.Lock()
    cycle_times, get_times, post_times, outcomes, forms = [], [], [], [], {}

    def worker() -> None:
        client, twin = Client(port), Client(port)
        while time.monotonic() < deadline:
            try:
                index, token = work.get_nowait()
            except queue.Empty:
                return
            path = f"/puls/svar/{token}"
            start = time.perf_counter()
            status, text, cookie, get_s = client.request("GET", path)
            match = CSRF.search(text)
            if status != 200 or not match:
                with lock:
                    outcomes.append(f"error:get{status}")
                continue
            form = {"csrf_token": match.group(1), **{f"item_{i}": str(1 + (index + n) % 5)
                                                      for n, i in enumerate(item_ids)}}
            results = []
            if index < races:  # a double tap: the same submit twice at the same moment
                other = threading.Thread(target=lambda: results.append(twin.request("POST", path, cookie, form)))
                other.start()
                results.append(client.request("POST", path, cookie, form))
                other.join()
            else:
                results.append(client.request("POST", path, cookie, form))
            cycle = time.perf_counter() - start
            with lock:
                get_times.append(get_s)
                cycle_times.append(cycle)
                for status, text, _c, post_s in results:
                    post_times.append(post_s)
                    outcomes.append(outcome(status, text))
                forms[token] = (cookie, form)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(1.0, deadline - time.monotonic() + 30))
    return cycle_times, get_times, post_times, outcomes, forms


def replay(port: int, forms: dict, tokens: list[str], count: int, clients: int) -> list[str]:
    """Submit `count` already-used links again (the same cookie and form), from several threads."""
    chosen = tokens[-count:]
    outcomes, lock = [], threading.Lock()
    work: queue.Queue = queue.Queue()
    for token in chosen:
        if token in forms:
            work.put(token)

    def worker() -> None:
        client = Client(port)
        while True:
            try:
                token = work.get_nowait()
            except queue.Empty:
                return
            cookie, form = forms[token]
            status, text, _c, _s = client.request("POST", f"/puls/svar/{token}", cookie, form)
            status2, text2, _c, _s = client.request("GET", f"/puls/svar/{token}")
            with lock:
                outcomes.extend([outcome(status, text), outcome(status2, text2)])

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(min(clients, 16))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return outcomes


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def wait_until_up(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    """Wait for /health to answer (or the server to die)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped during start-up")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health")
            if conn.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start in time")


def main() -> int:
    """Prepare, serve, load, verify, stop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (dropped and created); default SQLite")
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--races", type=int, default=100, help="answers double-submitted at the same moment")
    parser.add_argument("--replays", type=int, default=300, help="used links submitted again afterwards")
    parser.add_argument("--seconds", type=int, default=600)
    args = parser.parse_args()
    answers, clients = min(args.answers, 20_000), min(args.clients, 64)
    seconds = min(args.seconds, 900)

    instance = Path(tempfile.mkdtemp(prefix="vum-bench-pulse-"))
    if args.database_url:
        if urlsplit(args.database_url).hostname not in ("127.0.0.1", "localhost"):
            print("Only a local database (127.0.0.1).", file=sys.stderr)
            return 2
        create_postgres(args.database_url)
        database_url, label = args.database_url, "PostgreSQL"
    else:
        database_url, label = f"sqlite:///{instance / 'bench.sqlite3'}", "SQLite"
    port = free_port()
    env = {**os.environ, "SECRET_KEY": secrets.token_hex(32), "VUM_INSTANCE_PATH": str(instance),
           "DATABASE_URL": database_url, "VUM_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(args.workers),
           "GUNICORN_ACCESS_LOG": "/dev/null", "GUNICORN_LOG_LEVEL": "warning", "VUM_ENV": "development"}
    os.environ.update({k: env[k] for k in ("SECRET_KEY", "VUM_INSTANCE_PATH", "DATABASE_URL", "VUM_ENV")})

    started = time.perf_counter()
    tokens, item_ids, round_id = prepare(answers, team_size=25)
    print(f"{label}: {answers} invitations with links prepared in {time.perf_counter() - started:.1f} s")

    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    process = subprocess.Popen([gunicorn, "-c", str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{port}",
                                "implementering.wsgi:app"], cwd=ROOT, env=env, start_new_session=True)
    try:
        wait_until_up(port, process)
        deadline = time.monotonic() + seconds
        started = time.perf_counter()
        cycle, gets, posts, outcomes, forms = run_clients(port, tokens, item_ids, clients, args.races, deadline)
        elapsed = time.perf_counter() - started
        replayed = replay(port, forms, tokens, args.replays, clients)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)
    stored = count_stored(round_id)
    shutil.rmtree(instance, ignore_errors=True)

    saved = outcomes.count("saved")
    errors = [o for o in outcomes + replayed if o.startswith("error")]
    print(f"{label}, gunicorn {args.workers} workers × threads, {clients} clients: "
          f"{len(cycle)} answers in {elapsed:.1f} s = {len(cycle) / elapsed:.0f} answers/s")
    ms = [t * 1000 for t in cycle]
    print(f"  per answer (GET form + POST): p50 {statistics.median(ms):.0f} ms, p95 {percentile(ms, 95):.0f} ms, "
          f"max {max(ms):.0f} ms")
    ms = [t * 1000 for t in posts]
    print(f"  POST submit alone:            p50 {statistics.median(ms):.0f} ms, p95 {percentile(ms, 95):.0f} ms")
    ms = [t * 1000 for t in gets]
    print(f"  GET form alone:               p50 {statistics.median(ms):.0f} ms, p95 {percentile(ms, 95):.0f} ms")
    print(f"  thank-you pages: {saved}; 'already answered' on simultaneous double submits: "
          f"{outcomes.count('already')} of {args.races}; on {len(replayed)} replays/reopens of used links: "
          f"{replayed.count('already')} 'already answered'; errors: {len(errors)} {sorted(set(errors))[:5]}")
    print(f"  stored: {stored}")
    ok = (stored["answers"] == answers == saved == stored["responses"] and stored["duplicate_responses"] == 0
          and stored["values"] == answers * len(item_ids) and not errors
          and replayed.count("already") == len(replayed) and outcomes.count("already") == args.races)
    print(f"  exactly {answers} answers stored, none lost or doubled: {'JA' if ok else 'NEJ'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
