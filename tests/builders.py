"""Builders for test data with sensible defaults: `make_person(team=…)` and friends.

Each builder adds and commits its rows and returns the model object. Call them inside
the `db` fixture's app context. Domain test packages add their own builders beside
their tests and may reuse these.
"""
from __future__ import annotations

import itertools
from datetime import date

from werkzeug.security import generate_password_hash

from implementering.extensions import db
from implementering.people.models import Department, Person, Team
from implementering.security import SAGSBEHANDLER

_counter = itertools.count(1)
PASSWORD = "korrekt-hest-batteri-42"
_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")


def make_department(name: str | None = None, **kwargs) -> Department:
    """A department."""
    department = Department(name=name or f"Afdeling {next(_counter)}", **kwargs)
    db.session.add(department)
    db.session.commit()
    return department


def make_team(name: str | None = None, department: Department | None = None,
              go_live: date | None = None, **kwargs) -> Team:
    """A team (with a new department unless one is given)."""
    team = Team(name=name or f"Team {next(_counter)}", department=department or make_department(),
                go_live=go_live, **kwargs)
    db.session.add(team)
    db.session.commit()
    return team


def make_person(name: str | None = None, roles=(SAGSBEHANDLER,), team: Team | None = None,
                email: str | None = None, password: str | None = PASSWORD, active: bool = True,
                **kwargs) -> Person:
    """A person who can log in with PASSWORD and holds `roles`."""
    n = next(_counter)
    person = Person(name=name or f"Person {n}", email=email or f"person{n}@test.dk", team=team,
                    active=active, **kwargs)
    if password == PASSWORD:
        person.password_hash = _HASH
    elif password:
        person.password_hash = generate_password_hash(password, method="pbkdf2:sha256:1000")
    person.set_roles(list(roles))
    db.session.add(person)
    db.session.commit()
    return person
