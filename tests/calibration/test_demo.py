"""The calibration demo data: two years of rounds, converging themes, one poor theme, visible leniency."""
import sys
from datetime import date

import pytest

from implementering.calibration.models import CalibrationRound, Submission
from implementering.calibration.results import closed_rounds, round_results, theme_trend
from implementering.extensions import db
from implementering.people.models import Person
from implementering.settings.models import Theme

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(db, monkeypatch):
    """The small demo with only this domain's extension (others' demo data is not needed here)."""
    import seeds.demo  # noqa: F401  (the package may shadow the module name, so use sys.modules)

    demo_module = sys.modules["seeds.demo"]
    monkeypatch.setattr(demo_module, "DEMO_EXTENSIONS", ["seeds.demo_calibration:build_calibration_demo"])
    return demo_module.generate(size="small", seed=2026, today=TODAY)


def test_the_demo_has_rounds_over_two_years_and_one_open(demo):
    rounds = db.session.query(CalibrationRound).order_by(CalibrationRound.opens_on).all()
    assert len(rounds) == 8 and demo["calibration_rounds"] == 8
    assert (rounds[-1].opens_on - rounds[0].opens_on).days >= 600
    assert [r.is_closed for r in rounds] == [True] * 7 + [False]


def test_the_demo_case_worker_has_an_open_round_to_rate(demo):
    worker = db.session.query(Person).filter_by(email="sagsbehandler@demo.dk").one()
    open_round = db.session.query(CalibrationRound).filter(CalibrationRound.closed_at.is_(None)).one()
    assert db.session.query(Submission).filter_by(round_id=open_round.id, rater_id=worker.id).count() == 0
    assert worker.team_id in {t.id for t in open_round.teams}


def test_most_themes_converge_while_social_life_stays_poor(demo):
    keys = {t.id: t.key for t in db.session.query(Theme)}
    trend = {keys[t]: [a.alpha for _r, a in points] for t, points in theme_trend(closed_rounds(), bootstrap=0).items()}
    rising = [k for k, values in trend.items() if values[-1] - values[0] > 0.15]
    assert len(rising) >= 5
    assert max(trend["socialt_liv"]) < 0.667


def test_some_raters_are_visibly_more_or_less_lenient(demo):
    results = round_results(closed_rounds()[-1], bootstrap=0)
    assert max(abs(p.leniency) for p in results.profiles if p.leniency is not None) >= 0.5


def test_every_calibration_page_works_for_the_demo_accounts(demo, client, login_as):
    closed = closed_rounds()[-1]
    for email in ("sagsbehandler@demo.dk", "superbruger@demo.dk", "leder@demo.dk", "projektleder@demo.dk"):
        login_as(person=db.session.query(Person).filter_by(email=email).one())
        assert client.get("/kalibrering/").status_code == 200, email
        assert client.get(f"/kalibrering/runder/{closed.id}/resultater").status_code == 200, email
    assert client.get("/kalibrering/udvikling").status_code == 200
