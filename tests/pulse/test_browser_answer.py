"""A case worker answers the motivation pulse on a phone, from the link in the invitation e-mail.

No login: the personal link alone opens the form. After the answer the same link shows a
friendly "already answered" page, and the stored answer carries no trace of the person.
Screenshots go to test-output/screenshots/puls_*.png.
"""
from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from implementering.extensions import db
from implementering.people.models import Person
from implementering.pulse.models import Answer, AnswerValue, Invitation, Response, Schedule
from implementering.pulse.rounds import answer_link, invitation_body, open_round
from implementering.pulse.services import issue_token, open_invitations_for
from tests.browser.conftest import OUTPUT

pytestmark = pytest.mark.browser

CASE_WORKER = "sagsbehandler@demo.dk"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "da-DK"}


def _invite_case_worker(app) -> dict:
    """Give the demo case worker a fresh link to an open round, the way the scheduler does.

    Uses the demo's open round when the case worker has not answered it yet; otherwise
    opens a new round of the team's schedule. Returns the e-mail's link and the ids involved.
    """
    with app.app_context():
        person = db.session.scalar(select(Person).where(Person.email == CASE_WORKER))
        invitations = open_invitations_for(person)
        if not invitations:
            schedule = next(s for s in db.session.scalars(select(Schedule)) if person.team in s.teams)
            round_ = open_round(schedule, max(r.opens_on for r in schedule.rounds) + timedelta(days=1))
            invitations = [db.session.scalar(select(Invitation).where(Invitation.round_id == round_.id,
                                                                      Invitation.person_id == person.id))]
        invitation = invitations[0]
        token = issue_token(invitation)
        db.session.commit()
        _subject, body = invitation_body(person, invitation.round, answer_link(token), reminder=False)
        link = re.search(r"https?://\S+/puls/svar/\S+", body).group(0)
        ids = {"round_id": invitation.round_id, "person_id": person.id, "team_id": invitation.team_id,
               "items": len(invitation.round.scale_items), "path": urlsplit(link).path}
        ids["answers_before"] = db.session.scalar(select(func.count()).select_from(Answer)
                                                  .where(Answer.round_id == ids["round_id"]))
        db.session.remove()
    return ids


def _serious_accessibility_problems(page) -> list[str]:
    """axe-core violations of impact serious or critical on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}) {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_a_case_worker_answers_on_a_phone_from_the_email_link_and_only_once(live_app, live_server, browser):
    invite = _invite_case_worker(live_app)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        response = page.goto(live_server + invite["path"])
        assert response.status == 200
        assert response.headers.get("cache-control") == "no-store"
        assert "/login" not in page.url
        assert page.locator("h1").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the form must not scroll sideways"
        page.screenshot(path=str(OUTPUT / "puls_svar.png"), full_page=True)
        assert _serious_accessibility_problems(page) == []

        groups = page.eval_on_selector_all("input[type=radio]", "els => [...new Set(els.map(e => e.name))]")
        assert len(groups) == invite["items"] >= 5
        for position, name in enumerate(groups):
            page.locator(f"input[name='{name}'][value='{4 if position % 2 else 5}']").check()
        page.locator("textarea").fill("Det går bedre, når vi sparrer om sagerne.")
        page.screenshot(path=str(OUTPUT / "puls_svar_udfyldt.png"), full_page=True)
        page.locator("button[type=submit]").click()
        page.wait_for_load_state("networkidle")
        assert page.inner_text("h1") == "Tak for dit svar"
        page.screenshot(path=str(OUTPUT / "puls_tak.png"), full_page=True)
        assert _serious_accessibility_problems(page) == []

        page.goto(live_server + invite["path"])
        assert page.inner_text("h1") == "Du har allerede svaret"
        assert page.locator("input[type=radio]").count() == 0
        page.screenshot(path=str(OUTPUT / "puls_allerede_svaret.png"), full_page=True)
        assert _serious_accessibility_problems(page) == []
    finally:
        context.close()

    with live_app.app_context():
        answers = list(db.session.scalars(select(Answer).where(Answer.round_id == invite["round_id"])))
        assert len(answers) == invite["answers_before"] + 1
        assert db.session.get(Response, (invite["round_id"], invite["person_id"])) is not None
        mine = [a for a in answers if sorted(v.value for v in a.values) == sorted(
            [5 if i % 2 == 0 else 4 for i in range(invite["items"])])]
        assert mine and all(a.team_id == invite["team_id"] for a in mine)
        columns = {c.name for c in Answer.__table__.columns} | {c.name for c in AnswerValue.__table__.columns}
        assert not columns & {"person_id", "invitation_id", "token_hash", "created_at", "updated_at"}
        assert all(not hasattr(a, "person_id") for a in answers)
        db.session.remove()
