"""Accounts: passwords, login, logout, admin administration."""
from werkzeug.security import check_password_hash

from implementering.accounts.services import authenticate, hash_password
from implementering.people.models import Person
from tests.builders import PASSWORD, make_person


def test_production_hashes_passwords_with_scrypt(app, db, monkeypatch):
    monkeypatch.setitem(app.config, "PASSWORD_HASH_METHOD", "scrypt")
    hashed = hash_password("en lang sætning om kaffe")
    assert hashed.startswith("scrypt:") and check_password_hash(hashed, "en lang sætning om kaffe")


def test_the_default_configuration_uses_scrypt(monkeypatch, tmp_path):
    from implementering.config import settings_from_environment

    monkeypatch.delenv("PASSWORD_HASH_METHOD", raising=False)
    assert settings_from_environment(str(tmp_path))["PASSWORD_HASH_METHOD"] == "scrypt"


def test_login_is_case_insensitive_on_email_and_refuses_inactive_accounts(db):
    person = make_person(email="ida@kommune.dk")
    assert authenticate("IDA@kommune.dk ", PASSWORD).id == person.id
    person.active = False
    db.session.commit()
    assert authenticate("ida@kommune.dk", PASSWORD) is None


def test_an_unknown_email_and_a_wrong_password_get_the_same_answer(client, db):
    make_person(email="kendt@kommune.dk")
    unknown = client.post("/login", data={"email": "ukendt@kommune.dk", "password": "noget-helt-andet"})
    wrong = client.post("/login", data={"email": "kendt@kommune.dk", "password": "noget-helt-andet"})
    assert unknown.status_code == wrong.status_code == 200
    assert unknown.get_data(as_text=True) == wrong.get_data(as_text=True).replace("kendt@kommune.dk", "ukendt@kommune.dk")


def test_login_follows_only_local_next_links(client, db):
    person = make_person()
    response = client.post("/login?next=https://evil.example/", data={"email": person.email, "password": PASSWORD})
    assert response.headers["Location"] == "/"
    client.post("/logout")
    response = client.post("/login?next=/teams", data={"email": person.email, "password": PASSWORD})
    assert response.headers["Location"] == "/teams"


def test_logout_requires_post_and_ends_the_session(client, login_as):
    login_as("sagsbehandler")
    assert client.get("/logout").status_code == 405
    client.post("/logout")
    assert client.get("/").status_code == 302


def test_a_new_password_must_have_at_least_12_characters(client, login_as):
    login_as("sagsbehandler")
    response = client.post("/min-side/adgangskode", data={"current_password": PASSWORD, "new_password": "kort",
                                                          "confirm": "kort"})
    assert "mindst 12 tegn" in response.get_data(as_text=True)


def test_changing_ones_password_works_with_the_right_current_password(client, login_as, db):
    person = login_as("sagsbehandler")
    new = "mange ord er en god kode"
    response = client.post("/min-side/adgangskode", data={"current_password": PASSWORD, "new_password": new,
                                                          "confirm": new}, follow_redirects=True)
    assert "Din adgangskode er skiftet" in response.get_data(as_text=True)
    assert authenticate(person.email, new) is not None


def test_the_admin_creates_an_account_that_can_log_in(client, login_as, db):
    login_as("admin")
    response = client.post("/brugere/ny", data={"name": "Nina Nord", "email": "nina@kommune.dk", "team_id": 0,
                                                "account-roles": ["projektleder"], "pw-new_password": "nina har en lang kode"})
    assert response.status_code == 302
    assert authenticate("nina@kommune.dk", "nina har en lang kode").roles == ["projektleder"]


def test_the_admin_changes_roles_and_deactivates_an_account(client, login_as, db):
    person = make_person(roles=["sagsbehandler"])
    login_as("admin")
    client.post(f"/brugere/{person.id}", data={"roles": ["sagsbehandler", "superbruger"]})
    db.session.expire_all()
    refreshed = db.session.get(Person, person.id)
    assert refreshed.roles == ["superbruger", "sagsbehandler"] and not refreshed.active


def test_resetting_a_password_logs_the_person_out_everywhere(app, client, login_as, db):
    target = make_person()
    other = app.test_client()
    other.post("/login", data={"email": target.email, "password": PASSWORD})
    assert other.get("/").status_code == 200
    login_as("admin")
    client.post(f"/brugere/{target.id}/adgangskode", data={"new_password": "en helt ny lang kode"})
    assert other.get("/").status_code == 302


def test_the_admin_cannot_remove_their_own_admin_role(client, login_as, db):
    admin = login_as("admin")
    response = client.post(f"/brugere/{admin.id}", data={"roles": ["projektleder"], "active": "y"})
    assert "egen administratorrolle" in response.get_data(as_text=True)
