"""The demo generator: deterministic, refuses real data, demo accounts can log in."""
from datetime import date

import pytest

from implementering.people.models import Department, Person, Team
from implementering.settings.models import Municipality, ScaleLevel, Theme
from seeds.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoRefused, generate
from tests.builders import make_person

TODAY = date(2026, 11, 23)


def test_the_small_demo_has_the_promised_shape(db):
    summary = generate(size="small", seed=1, today=TODAY)
    assert db.session.query(Municipality).one().is_demo
    assert db.session.query(Department).count() == 3
    assert db.session.query(Team).count() == 6
    assert 50 <= db.session.query(Person).count() <= 70
    assert summary["teams"] == 6
    assert db.session.query(Theme).count() >= 7 and db.session.query(ScaleLevel).count() == 5


def test_every_demo_account_logs_in_with_the_readme_password(client, db):
    generate(size="small", seed=1, today=TODAY)
    for email, _name, _roles in DEMO_ACCOUNTS:
        response = client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert client.get("/").status_code == 200, email
        client.post("/logout")


def test_the_same_seed_gives_the_same_people(app, db):
    generate(size="small", seed=7, today=TODAY)
    first = [(p.name, p.email, p.team.name if p.team else None) for p in db.session.query(Person).order_by(Person.id)]
    from tests.conftest import _clean_tables
    db.session.remove()
    _clean_tables()
    generate(size="small", seed=7, today=TODAY)
    second = [(p.name, p.email, p.team.name if p.team else None) for p in db.session.query(Person).order_by(Person.id)]
    assert first == second


def test_the_generator_refuses_a_database_with_real_data(db):
    make_person(name="Rigtig Medarbejder")
    with pytest.raises(DemoRefused):
        generate(size="small")
    assert db.session.query(Team).count() == 0


def test_the_command_refuses_with_exit_code_1_and_if_empty_skips(runner, db):
    make_person()
    result = runner.invoke(args=["seed", "demo"])
    assert result.exit_code == 1 and "Afvist" in result.output
    result = runner.invoke(args=["seed", "demo", "--if-empty"])
    assert result.exit_code == 0 and "indlæses ikke igen" in result.output


def test_the_large_demo_has_about_500_case_workers_in_40_teams(db):
    generate(size="large", seed=3, today=TODAY)
    assert db.session.query(Team).count() == 40
    assert 440 <= db.session.query(Person).count() <= 560
