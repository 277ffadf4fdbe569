"""The overview in a real browser as leder@demo.dk: charts drawn, screenshots, axe-core clean, print layout.

Runs with the browser suite (marker `browser`); deselect with `-m "not browser"`.
"""
from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from implementering import create_app
from implementering.extensions import db
from seeds.demo import DEMO_PASSWORD
from tests.browser.conftest import OUTPUT, login
from tests.conftest import app_config

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live_server(make_database):
    """The app on its own database (so it never touches the browser suite's) with the small demo loaded."""
    from seeds.demo import generate

    app = create_app(app_config(make_database("browser_overview"), WTF_CSRF_ENABLED=True))
    with app.app_context():
        db.drop_all()
        db.create_all()
        generate(size="small", seed=2026)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    with app.app_context():
        db.engine.dispose()


def _serious(page) -> list[str]:
    """axe-core violations of impact serious or critical on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


def test_leadership_overview_draws_every_chart_and_passes_axe(live_server, browser):  # noqa: F811
    folder = OUTPUT / "overview"
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    try:
        login(page, live_server, "leder@demo.dk", DEMO_PASSWORD)
        assert "Udrulningen lige nu" in page.inner_text("main")
        page.goto(f"{live_server}/overblik/")
        page.wait_for_load_state("networkidle")
        charts = page.locator("[data-figure]")
        assert charts.count() >= 8
        page.wait_for_function("document.querySelectorAll('[data-figure] .main-svg').length >= 8")
        page.screenshot(path=str(folder / "overblik.png"), full_page=True)
        assert _serious(page) == []
        page.select_option("#periode", "6")
        page.click("form.filter-form button[type=submit]")
        page.wait_for_load_state("networkidle")
        assert "periode=6" in page.url
        page.emulate_media(media="print")
        assert not page.locator(".site-nav").is_visible()
        assert not page.locator("form.filter-form").is_visible()
        page.screenshot(path=str(folder / "overblik_print.png"), full_page=True)
        page.emulate_media(media="screen")
        page.click("table.ov-compass-table a >> nth=0")
        page.wait_for_load_state("networkidle")
        assert "til teammødet" in page.inner_text("h1")
        page.screenshot(path=str(folder / "team.png"), full_page=True)
        assert _serious(page) == []
        page.goto(f"{live_server}/overblik/beregning")
        assert _serious(page) == []
    finally:
        context.close()


def test_the_overview_fits_a_phone(live_server, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="da-DK", is_mobile=True)
    page = context.new_page()
    try:
        login(page, live_server, "leder@demo.dk", DEMO_PASSWORD)
        page.goto(f"{live_server}/overblik/")
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, width
        page.screenshot(path=str((OUTPUT / "overview") / "overblik_phone.png"), full_page=True)
    finally:
        context.close()
