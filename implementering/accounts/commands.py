"""`flask accounts create-admin`: the first administrator of a new installation."""
from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

accounts_cli = AppGroup("accounts", help="Brugerkonti.")


@accounts_cli.command("create-admin")
@click.argument("email")
@click.argument("name")
@click.password_option("--password", prompt="Adgangskode", confirmation_prompt="Gentag adgangskoden")
@with_appcontext
def create_admin_command(email: str, name: str, password: str) -> None:
    """Create an administrator (or give an existing person the admin role and this password)."""
    from ..audit.services import record
    from ..extensions import db
    from ..people.models import Person
    from ..privacy import contains_cpr
    from ..security import ADMIN
    from .services import find_by_email, set_password

    if len(password) < current_app.config["PASSWORD_MIN_LENGTH"]:
        click.echo(f"Adgangskoden skal være på mindst {current_app.config['PASSWORD_MIN_LENGTH']} tegn.", err=True)
        sys.exit(1)
    if "@" not in email or contains_cpr(name):
        click.echo("Skriv en gyldig e-mail og et navn uden CPR-nummer.", err=True)
        sys.exit(1)
    person = find_by_email(email) or Person(email=email.strip().lower(), name=name.strip())
    db.session.add(person)
    set_password(person, password)
    person.active = True
    person.set_roles({*person.roles, ADMIN})
    db.session.flush()
    record(None, "account.created", f"{person.name} <{person.email}>", "administrator via kommandolinjen")
    click.echo(f"{person.name} <{person.email}> er administrator og kan logge ind.")
