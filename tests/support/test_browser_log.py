"""A superuser logs a support session on a phone-sized screen: three taps from the start page."""
from __future__ import annotations

import pytest

from seeds.demo import DEMO_PASSWORD
from tests.browser.conftest import OUTPUT, login

pytestmark = pytest.mark.browser


def test_a_superuser_logs_support_on_a_phone_in_three_taps(live_server, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="da-DK", is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        login(page, live_server, "superbruger@demo.dk", DEMO_PASSWORD)
        page.click("main a:has-text('Log støtte')")
        page.wait_for_url(f"{live_server}/stoette/log/ny")
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / "mobil_log_stoette.png"), full_page=True)
        page.click("label.chip:has-text('Sparring én til én')")   # tap 1: the kind
        page.click("label.chip:has-text('0–4-skalaen')")          # tap 2: a principle
        page.click("button.button-primary:has-text('Gem')")       # tap 3: save (team, date, 30 min preset)
        assert "Støtten er logget" in page.inner_text("main")
        assert "0–4-skalaen" in page.inner_text("main")
    finally:
        context.close()
