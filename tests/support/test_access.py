"""Every training and support route sends anonymous visitors to login and refuses outsiders."""
import pytest

from implementering.security import ALL_ROLES, declared_access
from tests.core.test_routes_roles import _url_for_rule

PREFIXES = ("training.", "support.")


def _my_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith(PREFIXES):
            method = "GET" if "GET" in rule.methods else sorted(rule.methods - {"HEAD", "OPTIONS"})[0]
            yield rule, method, app.view_functions[rule.endpoint]


def test_there_are_training_and_support_routes(app):
    assert len(list(_my_routes(app))) >= 30


@pytest.mark.parametrize("prefix", PREFIXES)
def test_anonymous_visitors_are_sent_to_login(app, client, prefix):
    for rule, method, _ in _my_routes(app):
        if rule.endpoint.startswith(prefix):
            response = client.open(_url_for_rule(rule), method=method)
            assert response.status_code == 302 and "/login" in response.headers["Location"], rule.rule


def test_logged_in_persons_without_the_role_get_403(app, client, login_as):
    people = {role: login_as(role) for role in ALL_ROLES}
    checked = 0
    for rule, method, view in _my_routes(app):
        outsiders = [role for role in ALL_ROLES if role not in declared_access(view)]
        for role in outsiders:
            login_as(person=people[role])
            assert client.open(_url_for_rule(rule), method=method).status_code == 403, (rule.rule, role)
            checked += 1
    assert checked > 20
