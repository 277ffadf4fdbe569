"""The deterministic demo-data generator behind `flask seed demo`.

`small`: one municipality, 3 departments, 6 teams, about 60 persons.
`large`: about 500 case workers in 40 teams. The same seed and day give the same data.
Other domains add their demo data through DEMO_EXTENSIONS.
"""
from __future__ import annotations

import importlib
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select

from implementering.accounts.services import hash_password
from implementering.extensions import db
from implementering.people.models import Department, Person, Team
from implementering.security import ADMIN, LEDELSE, PROJEKTLEDER, SAGSBEHANDLER, SUPERBRUGER
from implementering.settings.models import Municipality

from .defaults import load_defaults

DEMO_PASSWORD = "vumdemo2026!"

#: The demo accounts listed in the README: (e-mail, name, roles).
DEMO_ACCOUNTS = [
    ("admin@demo.dk", "Anne Admin", [ADMIN]),
    ("projektleder@demo.dk", "Pia Projektleder", [PROJEKTLEDER]),
    ("superbruger@demo.dk", "Søren Superbruger", [SUPERBRUGER, SAGSBEHANDLER]),
    ("sagsbehandler@demo.dk", "Sara Sagsbehandler", [SAGSBEHANDLER]),
    ("leder@demo.dk", "Lars Leder", [LEDELSE]),
]

FIRST_NAMES = ["Anne", "Mette", "Hanne", "Lene", "Susanne", "Camilla", "Louise", "Maria", "Line", "Karen",
               "Peter", "Jens", "Lars", "Henrik", "Søren", "Thomas", "Martin", "Rasmus", "Jesper", "Mikkel",
               "Ida", "Emma", "Sofie", "Julie", "Cecilie", "Mads", "Anders", "Kasper", "Jonas", "Ahmad",
               "Fatima", "Birgitte", "Dorthe", "Inge", "Morten", "Niels", "Ole", "Trine", "Vibeke", "Yasmin"]
LAST_NAMES = ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
              "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
              "Johansen", "Møller", "Mortensen", "Knudsen", "Holm", "Lund", "Bach", "Dahl", "Kjær"]
DEPARTMENTS = [
    ("Handicap", "Voksne med fysisk eller kognitiv funktionsnedsættelse."),
    ("Psykiatri", "Voksne med psykiske vanskeligheder."),
    ("Udsatte", "Voksne med sociale problemer, hjemløshed eller misbrug."),
    ("Hjerneskade", "Voksne med erhvervet hjerneskade."),
    ("Botilbud", "Visitation til og opfølgning på botilbud."),
]
TEAM_WORDS = ["Nord", "Syd", "Øst", "Vest", "Centrum", "Midt", "Havn", "Bakke"]

SIZES = {
    "small": {"departments": 3, "teams": 6, "per_team": 9},
    "large": {"departments": 5, "teams": 40, "per_team": 12},
}

#: Other domains add their demo builders here: 'module:function' taking a DemoContext.
DEMO_EXTENSIONS: list[str] = [
    "seeds.demo_pulse:build_pulse_demo",
    "seeds.demo_cases:build_cases_demo",
    "seeds.demo_quality:build_quality_demo",
    "seeds.demo_plan:build_plan_demo",
    "seeds.demo_calibration:build_calibration_demo",
    "seeds.demo_training:build_training_demo",
    "seeds.demo_support:build_support_demo",
]


class DemoRefused(RuntimeError):
    """The database holds data that is not demo data; the generator will not touch it."""


@dataclass
class DemoContext:
    """What the base generator made, handed to each domain's demo builder."""

    rng: random.Random
    size: str
    today: date
    departments: list[Department] = field(default_factory=list)
    teams: list[Team] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    accounts: dict[str, Person] = field(default_factory=dict)
    summary: dict[str, int] = field(default_factory=dict)


def database_is_empty() -> bool:
    """True when there is neither a municipality nor any person."""
    return (db.session.scalar(select(func.count()).select_from(Municipality)) == 0
            and db.session.scalar(select(func.count()).select_from(Person)) == 0)


def _check_may_seed() -> None:
    """Refuse to write into a database with real (or earlier demo) data."""
    if database_is_empty():
        return
    municipality = db.session.scalar(select(Municipality).limit(1))
    if municipality is None or not municipality.is_demo:
        raise DemoRefused("databasen indeholder data, som ikke er demodata. Brug en tom database.")
    raise DemoRefused("databasen har allerede demodata. Brug en tom database for at indlæse igen.")


def generate(size: str = "small", seed: int = 2026, today: date | None = None) -> dict[str, int]:
    """Create the demo municipality, organisation, accounts and every domain's demo data. Commits."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {sorted(SIZES)}")
    _check_may_seed()
    spec = SIZES[size]
    ctx = DemoContext(rng=random.Random(seed), size=size, today=today or date.today())
    load_defaults()
    db.session.add(Municipality(name="Demokommune", is_demo=True, pulse_min_group_size=5))
    _make_organisation(ctx, spec)
    _make_accounts(ctx)
    db.session.commit()
    ctx.summary.update(departments=len(ctx.departments), teams=len(ctx.teams), persons=len(ctx.persons))
    for path in DEMO_EXTENSIONS:
        module, _, name = path.partition(":")
        getattr(importlib.import_module(module), name)(ctx)
        db.session.commit()
    return ctx.summary


def _make_organisation(ctx: DemoContext, spec: dict) -> None:
    """Departments, teams (staggered go-live around today) and their case workers."""
    rng = ctx.rng
    for name, description in DEPARTMENTS[: spec["departments"]]:
        department = Department(name=name, description=description)
        db.session.add(department)
        ctx.departments.append(department)
    used_emails: set[str] = set()
    for index in range(spec["teams"]):
        department = ctx.departments[index % len(ctx.departments)]
        word = TEAM_WORDS[(index // len(ctx.departments)) % len(TEAM_WORDS)]
        suffix = "" if index < len(ctx.departments) * len(TEAM_WORDS) else f" {index}"
        # Staggered go-live: the first teams started months ago, the last start in the coming months.
        offset = int((index / max(spec["teams"] - 1, 1)) * 300) - 210
        team = Team(name=f"{department.name} {word}{suffix}", department=department,
                    go_live=ctx.today + timedelta(days=offset - offset % 7))
        db.session.add(team)
        ctx.teams.append(team)
        for member in range(spec["per_team"] + rng.randint(-1, 1)):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            email = _unique_email(f"{first}.{last}", used_emails)
            person = Person(name=f"{first} {last}", email=email, team=team, title="Sagsbehandler")
            roles = [SAGSBEHANDLER]
            if member == 0:
                roles.append(SUPERBRUGER)
                person.supported_teams = [team]
            person.set_roles(roles)
            db.session.add(person)
            ctx.persons.append(person)


def _unique_email(stem: str, used: set[str]) -> str:
    """A demo e-mail address not used before (ascii-folded)."""
    base = stem.lower().translate(str.maketrans({"ø": "oe", "æ": "ae", "å": "aa", " ": "."}))
    email, n = f"{base}@demo.dk", 1
    while email in used:
        n += 1
        email = f"{base}{n}@demo.dk"
    used.add(email)
    return email


def _make_accounts(ctx: DemoContext) -> None:
    """The five demo accounts with the README's password."""
    password_hash = hash_password(DEMO_PASSWORD)
    first_team = ctx.teams[0]
    for email, name, roles in DEMO_ACCOUNTS:
        person = Person(name=name, email=email, password_hash=password_hash)
        if SAGSBEHANDLER in roles:
            person.team = first_team
        if SUPERBRUGER in roles:
            person.supported_teams = ctx.teams[:2]
        person.set_roles(roles)
        db.session.add(person)
        ctx.accounts[email] = person
        ctx.persons.append(person)
