"""The pulse demo data: past rounds with answers and an open round for the demo case worker."""
from datetime import date

from sqlalchemy import func, select

from implementering.people.models import Person
from implementering.pulse.models import OPEN, Round
from implementering.pulse.services import open_invitations_for


def test_the_small_demo_has_a_year_of_rounds_and_an_open_pulse_for_the_demo_case_worker(db, monkeypatch):
    import seeds.demo as demo

    monkeypatch.setattr(demo, "DEMO_EXTENSIONS", ["seeds.demo_pulse:build_pulse_demo"])
    summary = demo.generate("small", today=date(2026, 11, 23))
    assert summary["pulse_answers"] > 300
    assert db.session.scalar(select(func.count()).select_from(Round).where(Round.status == OPEN)) == 3
    case_worker = db.session.scalar(select(Person).where(Person.email == "sagsbehandler@demo.dk"))
    assert len(open_invitations_for(case_worker)) == 1
