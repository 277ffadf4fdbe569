"""In a real browser: the demo case worker rates the open round's vignettes and submits.

Marked `browser` (Playwright + Chromium, like tests/browser); deselect with -m "not browser".
"""
from __future__ import annotations

import re

import pytest

from seeds.demo import DEMO_PASSWORD
from tests.browser.conftest import login

pytestmark = pytest.mark.browser


def test_a_case_worker_rates_every_theme_by_keyboard_and_mouse_and_submits(browser, live_server):  # noqa: F811
    page = browser.new_page()
    login(page, live_server, "sagsbehandler@demo.dk", DEMO_PASSWORD)
    page.goto(f"{live_server}/kalibrering/")
    page.get_by_role("link", name=re.compile("Kalibrering (vinter|forår|sommer|efterår)")).first.click()
    page.get_by_role("link", name="Vurdér vignetterne").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Vurdér")
    groups = page.locator("fieldset")
    count = groups.count()
    assert count >= 9
    for index in range(count):
        group = groups.nth(index)
        if index == 0:
            group.locator("input[type=radio]").nth(2).focus()
            page.keyboard.press("Space")  # keyboard use works too
        elif index == 1:
            group.get_by_label("Ikke relevant").check()
        else:
            group.locator("label").nth(index % 5).click()
    page.get_by_role("button", name="Indsend mine vurderinger").click()
    page.wait_for_load_state("networkidle")
    assert "Tak! Dine vurderinger er indsendt." in page.content()
    assert page.get_by_role("link", name="Vurdér vignetterne").count() == 0
    page.close()
