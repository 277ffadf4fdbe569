"""Each demo role logs in, visits every page it can reach, and every page passes axe-core.

A screenshot of every page is saved under test-output/screenshots/<role>/.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from seeds.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from tests.browser.conftest import OUTPUT, login

pytestmark = pytest.mark.browser

MAX_PAGES_PER_ROLE = 120
SKIP = re.compile(r"/logout|/static/|\.(xlsx|csv|ics|pdf|json)$|/eksport|/export|/download|/health")


def _pattern(path: str) -> str:
    """One representative per route shape: numbers become {n}."""
    return re.sub(r"\d+", "{n}", path)


def _crawl(page, base_url: str, role: str) -> tuple[list[str], list[str]]:
    """Breadth-first walk of same-site links; returns (visited paths, problems)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    queue, seen_patterns, visited, problems = ["/"], set(), [], []
    folder = OUTPUT / role
    folder.mkdir(parents=True, exist_ok=True)
    while queue and len(visited) < MAX_PAGES_PER_ROLE:
        path = queue.pop(0)
        pattern = _pattern(path.split("?")[0])
        if pattern in seen_patterns:
            continue
        seen_patterns.add(pattern)
        response = page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        visited.append(path)
        if response is None or response.status >= 400:
            problems.append(f"{path}: HTTP {response.status if response else '??'}")
            continue
        slug = re.sub(r"[^a-z0-9]+", "_", path.lower()).strip("_") or "forside"
        page.screenshot(path=str(folder / f"{slug}.png"), full_page=True)
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"]][:3]
                problems.append(f"{path}: {violation['id']} ({violation['impact']}) {targets}")
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            absolute = urljoin(base_url + path, href)
            parts = urlsplit(absolute)
            if f"{parts.scheme}://{parts.netloc}" != base_url or SKIP.search(parts.path):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if _pattern(parts.path) not in seen_patterns:
                queue.append(target)
    return visited, problems


@pytest.mark.parametrize("email,name,roles", DEMO_ACCOUNTS, ids=[a[0].split("@")[0] for a in DEMO_ACCOUNTS])
def test_every_reachable_page_loads_and_has_no_serious_accessibility_problems(live_server, browser, email, name, roles):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    try:
        login(page, live_server, email, DEMO_PASSWORD)
        assert name.split(" ")[0] in page.inner_text("h1")
        visited, problems = _crawl(page, live_server, email.split("@")[0])
    finally:
        context.close()
    assert len(visited) >= 3, visited
    assert problems == [], "\n".join(problems)


def test_the_start_page_fits_a_phone_and_the_skip_link_comes_first(live_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="da-DK", is_mobile=True)
    page = context.new_page()
    try:
        login(page, live_server, "sagsbehandler@demo.dk", DEMO_PASSWORD)
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / "mobil_forside.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skipnav"
    finally:
        context.close()


def test_login_shows_a_danish_error_for_a_wrong_password(live_server, browser):
    page = browser.new_page()
    try:
        page.goto(f"{live_server}/login")
        page.fill("input[name=email]", "admin@demo.dk")
        page.fill("input[name=password]", "forkert adgangskode")
        page.click("button[type=submit]")
        assert "E-mail eller adgangskode er forkert" in page.inner_text("main")
    finally:
        page.close()
