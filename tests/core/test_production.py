"""Production start-up refuses unsafe settings and demo data, and says why."""
import pytest

from implementering import create_app
from implementering.config import production_problems
from implementering.production import database_problems, refuse_unsafe_database
from tests.builders import make_person
from tests.conftest import app_config

GOOD_KEY = "9f" * 32


def test_a_missing_or_default_secret_key_is_refused_in_production():
    assert production_problems({"VUM_ENV": "production", "SECRET_KEY": ""})[0].startswith("SECRET_KEY mangler")
    assert production_problems({"VUM_ENV": "production", "SECRET_KEY": "change-me-please-change-me-please"})
    assert "for kort" in production_problems({"VUM_ENV": "production", "SECRET_KEY": "abc123"})[0]
    assert production_problems({"VUM_ENV": "production", "SECRET_KEY": GOOD_KEY}) == []


def test_debug_is_refused_in_production_but_fine_elsewhere():
    assert any("Debug" in p for p in production_problems({"VUM_ENV": "production", "SECRET_KEY": GOOD_KEY, "DEBUG": True}))
    assert production_problems({"VUM_ENV": "development", "SECRET_KEY": "", "DEBUG": True}) == []


def test_create_app_stops_with_the_reasons(tmp_path):
    config = app_config(f"sqlite:///{tmp_path}/x.sqlite3", VUM_ENV="production", TESTING=False,
                        SECRET_KEY="test-secret-key-not-for-production")
    with pytest.raises(RuntimeError, match="(?s)starter ikke i produktion.*SECRET_KEY"):
        create_app(config)


def test_production_without_a_secret_key_in_the_environment_does_not_invent_one(tmp_path, monkeypatch):
    from implementering.config import settings_from_environment

    monkeypatch.setenv("VUM_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    assert settings_from_environment(str(tmp_path))["SECRET_KEY"] == ""
    assert not (tmp_path / "secret_key").exists()


def test_demo_accounts_in_the_database_stop_a_production_start(app, db, monkeypatch):
    make_person(email="admin@demo.dk", roles=["admin"])
    assert "demokonti" in database_problems(app)[0]
    monkeypatch.setitem(app.config, "VUM_ENV", "production")
    with pytest.raises(RuntimeError, match="demokonti"):
        refuse_unsafe_database(app)


def test_a_clean_database_passes_the_check(app, db):
    make_person(email="rigtig@kommune.dk")
    assert database_problems(app) == []


def test_the_check_command_reports_ok_outside_production(runner):
    result = runner.invoke(args=["production", "check"])
    assert result.exit_code == 0 and "OK" in result.output


def test_the_wsgi_module_and_gunicorn_settings_load(tmp_path, monkeypatch):
    import runpy
    from pathlib import Path

    settings = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))
    assert settings["workers"] >= 2 and settings["preload_app"] is True


def test_behind_one_proxy_the_client_address_comes_from_x_forwarded_for(make_database):
    from implementering.audit.models import AuditEvent
    from implementering.extensions import db

    app = create_app(app_config(make_database("proxy"), PROXY_COUNT=1))
    with app.app_context():
        db.create_all()
        app.test_client().post("/login", data={"email": "x@kommune.dk", "password": "forkert-forkert"},
                               headers={"X-Forwarded-For": "192.0.2.7"})
        assert db.session.query(AuditEvent).filter_by(action="login.failed").one().ip == "192.0.2.7"
        db.session.remove()
        db.engine.dispose()
