"""The overview, team page, method page, print view and export render for the right roles."""
from datetime import date

import pytest

from implementering.security import LEDELSE, PROJEKTLEDER, SAGSBEHANDLER, SUPERBRUGER
from tests.overview.builders import TODAY, make_world


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("implementering.overview.views._today", lambda: TODAY)


def test_leadership_sees_the_overview_with_key_figures_and_compass(client, login_as, db):
    make_world()
    login_as(LEDELSE)
    response = client.get("/overblik/")
    assert response.status_code == 200, response.get_data(as_text=True)[:3000]
    html = response.get_data(as_text=True)
    assert "Nøgletal" in html and "Udrulningskompasset" in html
