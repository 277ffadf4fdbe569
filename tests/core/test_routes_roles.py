"""Every route declares who may use it, and the declaration holds for every route in the app."""
import re

import pytest

from implementering.security import ALL_ROLES, declared_access

SAMPLE_VALUES = {"int": "1", "default": "1", "string": "1", "path": "1", "uuid": "00000000-0000-0000-0000-000000000001"}


def _url_for_rule(rule) -> str:
    """The rule's URL with every parameter filled with a sample value."""
    def fill(match):
        converter = match.group(1) or "default"
        return SAMPLE_VALUES.get(converter, "1")
    return re.sub(r"<(?:(\w+)(?:\([^)]*\))?:)?\w+>", fill, rule.rule)


def _routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        method = "GET" if "GET" in rule.methods else sorted(rule.methods - {"HEAD", "OPTIONS"})[0]
        yield rule, method, app.view_functions[rule.endpoint]


def test_every_view_declares_public_or_roles(app):
    undeclared = [rule.endpoint for rule, _, view in _routes(app) if declared_access(view) is None]
    assert undeclared == []


def test_there_are_routes_to_check(app):
    assert len(list(_routes(app))) >= 25


def test_every_non_public_route_sends_anonymous_visitors_to_login(app, client):
    failures = []
    for rule, method, view in _routes(app):
        if declared_access(view) == "public":
            continue
        response = client.open(_url_for_rule(rule), method=method)
        if response.status_code != 302 or "/login" not in response.headers.get("Location", ""):
            failures.append(f"{method} {rule.rule} -> {response.status_code}")
    assert failures == []


def test_every_route_answers_403_to_a_logged_in_person_without_the_role(app, client, login_as):
    people = {role: login_as(role) for role in ALL_ROLES}
    checked, failures = 0, []
    for rule, method, view in _routes(app):
        access = declared_access(view)
        if access == "public":
            continue
        outsiders = [role for role in ALL_ROLES if role not in access]
        if not outsiders:
            continue
        login_as(person=people[outsiders[0]])
        response = client.open(_url_for_rule(rule), method=method)
        checked += 1
        if response.status_code != 403:
            failures.append(f"{method} {rule.rule} as {outsiders[0]} -> {response.status_code}")
    assert failures == []
    assert checked > 10


def test_a_person_with_the_role_gets_through(client, login_as):
    login_as("admin")
    assert client.get("/brugere").status_code == 200
    assert client.get("/indstillinger/").status_code == 200


def test_a_deactivated_person_is_logged_out(client, login_as, db):
    person = login_as("projektleder")
    person.active = False
    db.session.commit()
    assert client.get("/personer").status_code == 302
