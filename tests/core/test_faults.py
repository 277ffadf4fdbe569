"""With the database unreachable the app answers 503 in Danish, and it recovers without a restart."""
import os
from urllib.parse import urlsplit, urlunsplit

import pytest

from implementering import create_app
from implementering.extensions import db as _db
from tests.conftest import _create_postgres_database, _postgres_url, app_config


def _unreachable_and_recoverable(tmp_path, name):
    """A URL whose database does not exist yet, and a function that creates it."""
    base = _postgres_url()
    if base:
        parts = urlsplit(base)
        url = urlunsplit(parts._replace(path=f"/vum_fault_{name}_{os.getpid()}"))
        from implementering.config import normalise_database_url

        import psycopg

        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "vum_fault_{name}_{os.getpid()}" WITH (FORCE)')
        return normalise_database_url(url), lambda: _create_postgres_database(base, f"vum_fault_{name}_{os.getpid()}")
    folder = tmp_path / "missing-folder"
    return f"sqlite:///{folder / 'vum.sqlite3'}", lambda: folder.mkdir()


@pytest.fixture
def broken_app(tmp_path):
    url, repair = _unreachable_and_recoverable(tmp_path, "down")
    app = create_app(app_config(url))
    yield app, repair
    with app.app_context():
        _db.session.remove()
        _db.engine.dispose()


def _closed_port_url() -> str:
    if _postgres_url():
        return "postgresql+psycopg://postgres@127.0.0.1:1/vum"
    return "sqlite:////nonexistent-folder/for/sure/vum.sqlite3"


def test_a_page_answers_503_with_the_danish_error_page_when_the_database_is_down(broken_app):
    app, _repair = broken_app
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = "1:1"  # a logged-in person: loading them needs the database
    response = client.get("/")
    body = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "Tjenesten er midlertidigt utilgængelig" in body and "Databasen svarer ikke" in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert response.headers["Retry-After"] == "30"


def test_the_login_page_answers_503_when_posting_needs_the_database(broken_app):
    app, _repair = broken_app
    app.config["WTF_CSRF_ENABLED"] = False
    response = app.test_client().post("/login", data={"email": "a@b.dk", "password": "x" * 12})
    assert response.status_code == 503
    assert "Databasen svarer ikke" in response.get_data(as_text=True)


def test_health_says_the_database_is_unreachable_without_a_stack_trace():
    app = create_app(app_config(_closed_port_url()))
    response = app.test_client().get("/health")
    assert response.status_code == 503
    assert response.json == {"status": "error", "database": "unreachable", "scheduler": {"status": "unknown"}}


def test_the_app_recovers_without_a_restart_when_the_database_comes_back(broken_app):
    app, repair = broken_app
    client = app.test_client()
    assert client.get("/health").status_code == 503
    assert client.get("/login", data={}).status_code in (200, 503)
    repair()
    with app.app_context():
        _db.create_all()
    assert client.get("/health").status_code == 200
    assert client.get("/login").status_code == 200


def test_a_database_error_mid_request_becomes_503_for_json_clients_too(broken_app):
    app, _repair = broken_app
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = "1:1"
    response = client.get("/", headers={"Accept": "application/json"})
    assert response.status_code == 503 and response.json["status"] == 503
