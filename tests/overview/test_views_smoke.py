"""A first look: leadership opens the overview and sees its main sections."""
import pytest

from implementering.security import LEDELSE
from tests.overview.builders import TODAY, make_world


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("implementering.overview.views._today", lambda: TODAY)


def test_leadership_sees_the_overview_with_key_figures_and_compass(client, login_as, db):
    make_world()
    login_as(LEDELSE)
    response = client.get("/overblik/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Nøgletal" in html and "Udrulningskompasset" in html and "Anvendelse af metoden" in html
