"""Shared fixtures: app, db, client, login_as, and a fresh database per purpose.

Set TEST_DATABASE_URL=postgresql://… to run everything on PostgreSQL; each pytest-xdist
worker then gets databases of its own on that server. Without it, SQLite files in a
temporary folder are used.
"""
from __future__ import annotations

import contextvars
import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

import pytest
from flask.testing import FlaskClient

from implementering import create_app
from implementering.config import normalise_database_url
from implementering.extensions import db as _db

# Uploads, secret key and locks of test apps go to a throwaway folder, never to ./instance.
os.environ.setdefault("VUM_INSTANCE_PATH", tempfile.mkdtemp(prefix="vum-test-instance-"))

pytest_plugins = ["tests.browser.fixtures"]

FAST_HASH = "pbkdf2:sha256:1000"  # production uses scrypt; see tests/accounts/test_passwords.py


def _postgres_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql")) else None


def _create_postgres_database(base_url: str, name: str) -> str:
    """(Re)create database `name` on the server of `base_url`; return its SQLAlchemy URL."""
    import psycopg

    parts = urlsplit(normalise_database_url(base_url).replace("postgresql+psycopg://", "postgresql://"))
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return normalise_database_url(urlunsplit(parts._replace(path=f"/{name}")))


@pytest.fixture(scope="session")
def make_database(tmp_path_factory, worker_id):
    """Factory: a fresh, empty database for `purpose` (PostgreSQL or SQLite), as a URL."""
    base = _postgres_url()

    def make(purpose: str) -> str:
        if base:
            stem = urlsplit(base).path.lstrip("/") or "vum_test"
            return _create_postgres_database(base, f"{stem}_{purpose}_{worker_id}")
        folder = tmp_path_factory.mktemp(f"db-{purpose}")
        return f"sqlite:///{folder / 'vum.sqlite3'}"

    return make


def app_config(database_url: str, **overrides) -> dict:
    """Configuration for a test app on `database_url`."""
    return {
        "TESTING": True,
        "VUM_ENV": "testing",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "WTF_CSRF_ENABLED": False,
        "PASSWORD_HASH_METHOD": FAST_HASH,
        "MAIL_SERVER": "",
        **overrides,
    }


class IsolatedClient(FlaskClient):
    """A test client whose every request runs in its own app context.

    Without this, a request would reuse the test's app context (and so its database
    session and Flask-Login's cached user in `g`). Before each request the test's
    transaction is committed, after it the test's session forgets what it loaded, so
    assertions read what the request really wrote.
    """

    def open(self, *args, **kwargs):
        if _has_app_context():
            _db.session.commit()
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if _has_app_context():
            _db.session.rollback()
            _db.session.expire_all()
        return response


def _has_app_context() -> bool:
    from flask import has_app_context

    return has_app_context()


@pytest.fixture(scope="session")
def app(make_database):
    """The application on a fresh test database with every table created."""
    application = create_app(app_config(make_database("main")))
    application.test_client_class = IsolatedClient
    with application.app_context():
        _db.drop_all()
        _db.create_all()
    return application


def _clean_tables() -> None:
    """Delete every row from every table (fast on both databases)."""
    tables = list(reversed(_db.metadata.sorted_tables))
    if _db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        with _db.engine.begin() as conn:
            conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    else:
        with _db.engine.begin() as conn:
            for table in tables:
                conn.execute(table.delete())


@pytest.fixture
def db(app):
    """The database inside an app context; every table is emptied after the test."""
    with app.app_context():
        yield _db
        _db.session.rollback()
        _db.session.remove()
        _clean_tables()


@pytest.fixture
def client(app, db):
    """A test client (each request in its own app context)."""
    return app.test_client()


@pytest.fixture
def runner(app, db):
    """A CLI runner for `flask` commands."""
    return app.test_cli_runner()


@pytest.fixture
def login_as(client, db):
    """Log the client in as a new person with `roles` (or as a given person); returns the person."""
    from tests.builders import make_person

    def login(*roles: str, person=None, **person_kwargs):
        person = person or make_person(roles=list(roles), **person_kwargs)
        with client.session_transaction() as session:
            session["_user_id"] = person.get_id()
            session["_fresh"] = True
        return person

    return login
