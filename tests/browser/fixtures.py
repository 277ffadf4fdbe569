"""Browser fixtures (registered for the whole suite in tests/conftest.py): a live server on a
demo database and Debian's Chromium driven by Playwright. Import only helpers (OUTPUT, login)
from tests.browser.conftest; never import these fixtures into a test module."""
from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from implementering import create_app
from implementering.extensions import db
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import app_config


@pytest.fixture(scope="session")
def live_app(make_database):
    """The live server's app (CSRF on, small demo data loaded); use live_app.app_context() to
    prepare data in the very database the live server serves."""
    from seeds.demo import generate

    app = create_app(app_config(make_database("browser"), WTF_CSRF_ENABLED=True))
    with app.app_context():
        db.drop_all()
        db.create_all()
        generate(size="small", seed=2026)
    return app


@pytest.fixture(scope="session")
def live_server(live_app):
    """The live_app served on a free local port; the value is the base URL."""
    app = live_app
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # keep test output readable
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's package; Playwright downloads no browser here)."""
    playwright_sync = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: apt-get install chromium")
    with playwright_sync.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()
