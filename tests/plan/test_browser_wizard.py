"""In a real browser: the project leader drafts a staggered rollout for three teams with the wizard,
adjusts one drafted activity and finds the plan on the timeline; every step passes axe-core.

Marked `browser` (Playwright + Chromium, like tests/browser); deselect with -m "not browser".
The live server's demo database is shared by the browser session, so the rollout gets a unique
name and the test asserts only what it drafted itself (no counts).
"""
from __future__ import annotations

import re
import time
import uuid
from datetime import date, timedelta

import pytest

from seeds.demo import DEMO_PASSWORD
from tests.browser.conftest import OUTPUT, login

pytestmark = pytest.mark.browser


def _serious(page) -> list[str]:
    """axe-core violations of impact serious or critical on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


def _shot(page, name: str) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"plan_wizard_{name}.png"), full_page=True)


def test_a_project_leader_drafts_a_staggered_plan_for_three_teams_adjusts_it_and_sees_it_on_the_timeline(
        live_server, browser):  # noqa: F811
    marker = uuid.uuid4().hex[:6]
    rollout_name = f"Browserudrulning {marker}"
    today = date.today()
    first = today + timedelta(days=60)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    started = time.perf_counter()
    try:
        login(page, live_server, "projektleder@demo.dk", DEMO_PASSWORD)

        # Step 1: from the activity list, open the wizard.
        page.goto(f"{live_server}/plan/")
        page.get_by_role("link", name="Ny udrulning").first.click()
        page.wait_for_load_state("networkidle")
        assert page.get_by_role("heading", level=1).inner_text() == "Ny udrulning"
        assert _serious(page) == []
        page.get_by_label("Navn på udrulningen").fill(rollout_name)
        page.get_by_label("Go-live-dato").fill(first.isoformat())
        team_boxes = page.locator("fieldset:has(legend:text('Teams i udrulningen')) input[type=checkbox]")
        assert team_boxes.count() >= 3
        team_names = []
        for index in range(3):
            box = team_boxes.nth(index)
            box.check()
            team_names.append(page.locator(f"label[for='{box.get_attribute('id')}']").inner_text().strip())
        page.get_by_label("Nej, forskudt: hvert team får sin egen dato").check()
        _shot(page, "1_start")
        page.get_by_role("button", name="Fortsæt").click()
        page.wait_for_load_state("networkidle")

        # Step 2: a go-live date per team (suggested, then filled in by hand).
        assert page.get_by_role("heading", level=1).inner_text() == "Go-live pr. team"
        assert _serious(page) == []
        dates = [first, first + timedelta(weeks=3), first + timedelta(weeks=6)]
        date_inputs = page.locator("form input[type=date]")
        assert date_inputs.count() == 3
        for index in range(3):
            date_inputs.nth(index).fill(dates[index].isoformat())
        _shot(page, "2_dates")
        page.get_by_role("button", name="Lav planen").click()
        page.wait_for_load_state("networkidle")

        # The drafted rollout: its teams with their own dates and a full plan.
        assert page.get_by_role("heading", level=1).inner_text() == rollout_name
        main = page.inner_text("main")
        assert "Planen er lagt" in main
        assert "forskudt start" in main
        for name in team_names:
            assert f"VUM-kursus – {name}" in main
            assert f"Go-live – {name}" in main
            assert f"Teammøde med to sager – {name} (8/8)" in main
        for title in ("Orientering af det politiske udvalg", "Ekstra uddannelse af superbrugere",
                      "Erfaringsmøde (1/5)", "Seminar efter et halvt år"):
            assert title in main
        assert _serious(page) == []
        _shot(page, "3_drafted")
        rollout_url = page.url

        # Adjust one drafted activity: the kick-off gets a new title, date and responsible person.
        page.get_by_role("link", name="Opstartsmøde for alle sagsbehandlere").first.click()
        page.wait_for_load_state("networkidle")
        page.get_by_role("link", name="Redigér").click()
        page.wait_for_load_state("networkidle")
        assert _serious(page) == []
        new_title = f"Opstartsmøde {marker}"
        new_start = first - timedelta(days=21)
        page.get_by_label("Titel").fill(new_title)
        page.get_by_label(re.compile("^Startdato")).fill(new_start.isoformat())
        page.get_by_label(re.compile("^Slutdato")).fill(new_start.isoformat())
        responsible = page.get_by_label(re.compile("^Ansvarlig"))
        current = responsible.input_value()
        options = responsible.locator("option")
        other = next(options.nth(i) for i in range(options.count())
                     if options.nth(i).get_attribute("value") not in (current, "0", ""))
        other_name = other.inner_text().strip()
        responsible.select_option(other.get_attribute("value"))
        _shot(page, "4_edit")
        page.get_by_role("button", name="Gem aktiviteten").click()
        page.wait_for_load_state("networkidle")
        detail = page.inner_text("main")
        assert new_title in detail
        assert other_name in detail
        page.goto(rollout_url)
        assert new_title in page.inner_text("main")

        # The timeline: the chart is drawn and its data table lists the new activities.
        page.get_by_role("link", name="Se på tidslinjen").click()
        page.wait_for_load_state("networkidle")
        assert page.get_by_role("heading", level=1).inner_text() == "Tidslinje"
        page.wait_for_selector("#plan-gantt.js-plotly-plot svg.main-svg", state="attached", timeout=15000)
        assert page.locator("#plan-gantt svg.main-svg").count() >= 1
        table = page.inner_text("figure.chart-figure table")
        assert new_title in table
        assert other_name in table
        for name in team_names:
            assert f"VUM-kursus – {name}" in table
        _shot(page, "5_timeline")
        assert _serious(page) == []
    finally:
        elapsed = time.perf_counter() - started
        print(f"\nplan wizard flow (login to timeline, incl. axe and screenshots): {elapsed:.1f} s")
        context.close()
