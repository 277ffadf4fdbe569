"""The permission matrix is generated from the routes and matches what they enforce."""
import pytest

from implementering.audit.matrix import routes
from implementering.security import ALL_ROLES
from tests.core.test_routes_roles import _url_for_rule


def _method(row):
    return "GET" if "GET" in row.methods else row.methods[0]


def test_the_matrix_page_lists_every_route_for_admins_only(app, client, login_as):
    login_as("ledelse")
    assert client.get("/admin/rettigheder").status_code == 403
    login_as("admin")
    page = client.get("/admin/rettigheder").get_data(as_text=True)
    for row in routes(app):
        assert f"<code>{row.rule.replace('<', '&lt;').replace('>', '&gt;')}</code>" in page


def test_every_role_is_let_through_exactly_where_the_matrix_says(app, client, login_as):
    people = {role: login_as(role) for role in ALL_ROLES}
    mismatches = []
    for row in routes(app):
        url, method = _url_for_rule(app.url_map._rules_by_endpoint[row.endpoint][0]), _method(row)
        if row.endpoint in ("accounts.logout", "accounts.logout_everywhere"):
            continue  # ending the session would spoil the next checks; covered in tests/accounts
        for role in ALL_ROLES:
            login_as(person=people[role])
            status = client.open(url, method=method).status_code
            refused = status == 403
            if refused == row.allows(role):
                mismatches.append(f"{method} {row.rule} as {role}: {status}, matrix says {row.allows(role)}")
    assert mismatches == []


def test_anonymous_visitors_reach_exactly_the_public_routes(app, client):
    mismatches = []
    for row in routes(app):
        url = _url_for_rule(app.url_map._rules_by_endpoint[row.endpoint][0])
        response = client.open(url, method=_method(row))
        sent_to_login = response.status_code == 302 and "/login" in response.headers.get("Location", "")
        if sent_to_login == row.allows(None):
            mismatches.append(f"{row.rule}: {response.status_code}")
    assert mismatches == []
