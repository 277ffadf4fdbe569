"""Smoke tests: the app starts, /health answers, login works end to end."""
from tests.builders import PASSWORD, make_person


def test_health_reports_database_ok_and_unknown_scheduler(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json["database"] == "ok"
    assert response.json["scheduler"]["status"] == "unknown"


def test_a_person_logs_in_with_email_and_password_and_sees_the_start_page(client, db):
    person = make_person(name="Mette Holm", roles=["sagsbehandler"])
    response = client.post("/login", data={"email": person.email, "password": PASSWORD})
    assert response.status_code == 302
    page = client.get("/")
    assert page.status_code == 200
    assert "Goddag, Mette" in page.get_data(as_text=True)


def test_wrong_password_gives_a_danish_message_and_no_session(client, db):
    person = make_person()
    response = client.post("/login", data={"email": person.email, "password": "forkert-forkert-forkert"})
    assert response.status_code == 200
    assert "E-mail eller adgangskode er forkert" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302
