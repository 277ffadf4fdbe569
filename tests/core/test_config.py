"""Configuration: secret key, database URLs, SQLite pragmas, cookies, Danish formatting."""
from datetime import date, datetime

from sqlalchemy import text

from implementering.config import normalise_database_url, secret_key_from_instance, settings_from_environment
from implementering.i18n import format_dato, format_datotid, format_uge


def test_a_secret_key_is_generated_once_into_the_instance_folder(tmp_path):
    first = secret_key_from_instance(str(tmp_path))
    assert len(first) == 64 and secret_key_from_instance(str(tmp_path)) == first
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_postgres_urls_use_psycopg_3():
    assert normalise_database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("sqlite:///x") == "sqlite:///x"


def test_sqlite_is_the_default_database_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = settings_from_environment(str(tmp_path))
    assert settings["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/vum.sqlite3"


def test_session_cookies_are_httponly_lax_and_secure_in_production(tmp_path, monkeypatch):
    monkeypatch.setenv("VUM_ENV", "production")
    settings = settings_from_environment(str(tmp_path))
    assert settings["SESSION_COOKIE_HTTPONLY"] and settings["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert settings["SESSION_COOKIE_SECURE"]
    monkeypatch.setenv("VUM_ENV", "development")
    assert not settings_from_environment(str(tmp_path))["SESSION_COOKIE_SECURE"]


def test_sqlite_connections_get_foreign_keys_wal_and_a_busy_timeout(db):
    if db.engine.dialect.name != "sqlite":
        return
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_dates_are_written_the_danish_way():
    assert format_dato(date(2026, 11, 23)) == "23. nov. 2026"
    assert format_dato(datetime(2026, 5, 3, 12)) == "3. maj 2026"
    assert format_uge(date(2026, 11, 23)) == "uge 48"
    assert format_uge(date(2027, 1, 1)) == "uge 53"
    assert format_datotid(datetime(2026, 7, 1, 10, 0)) == "1. jul. 2026 12.00"


def test_error_pages_are_danish(client):
    response = client.get("/findes-ikke")
    assert response.status_code == 404 and "Siden findes ikke" in response.get_data(as_text=True)
