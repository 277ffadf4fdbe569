"""Password reset by e-mail, idle session timeout and logging out everywhere."""
import re
import time
from datetime import timedelta

from implementering.accounts.models import PasswordResetToken
from implementering.accounts.services import authenticate
from implementering.audit.models import AuditEvent
from implementering.notifications.models import OutboxMessage
from tests.builders import PASSWORD, make_person

NEW = "en helt ny og lang adgangskode"


def _request_link(client, db, email):
    client.post("/glemt-adgangskode", data={"email": email})
    message = db.session.query(OutboxMessage).filter_by(recipient=email).one()
    return re.search(r"/nulstil-adgangskode/\S+", message.body).group(0)


def test_a_reset_link_is_mailed_and_only_its_hash_is_stored(client, db):
    person = make_person(email="glemsom@kommune.dk")
    link = _request_link(client, db, person.email)
    token = link.rsplit("/", 1)[1]
    stored = db.session.query(PasswordResetToken).one()
    assert stored.token_hash != token and token not in stored.token_hash and len(stored.token_hash) == 64


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, db):
    make_person(email="kendt@kommune.dk")
    known = client.post("/glemt-adgangskode", data={"email": "kendt@kommune.dk"}, follow_redirects=True)
    unknown = client.post("/glemt-adgangskode", data={"email": "ukendt@kommune.dk"}, follow_redirects=True)
    assert known.get_data(as_text=True) == unknown.get_data(as_text=True)
    assert "Hvis adressen hører til en bruger" in known.get_data(as_text=True)
    assert db.session.query(OutboxMessage).count() == 1


def test_the_link_sets_a_new_password_once_and_ends_every_session(client, db):
    person = make_person(email="nulstil@kommune.dk")
    version = person.session_version
    link = _request_link(client, db, person.email)
    assert client.get(link).status_code == 200
    response = client.post(link, data={"new_password": NEW, "confirm": NEW})
    assert response.status_code == 302
    db.session.refresh(person)
    assert authenticate(person.email, NEW) is not None and person.session_version == version + 1
    again = client.post(link, data={"new_password": "endnu en ny lang kode", "confirm": "endnu en ny lang kode"})
    assert again.status_code == 400 and "udløbet eller allerede brugt" in again.get_data(as_text=True)
    assert db.session.query(AuditEvent).filter_by(action="password.reset").count() == 1


def test_an_expired_link_does_not_work(client, db):
    person = make_person(email="gammel@kommune.dk")
    link = _request_link(client, db, person.email)
    row = db.session.query(PasswordResetToken).one()
    row.expires_at = row.expires_at - timedelta(hours=2)
    db.session.commit()
    assert client.post(link, data={"new_password": NEW, "confirm": NEW}).status_code == 400
    assert authenticate(person.email, PASSWORD) is not None


def test_a_short_new_password_is_refused_in_danish(client, db):
    person = make_person(email="kort@kommune.dk")
    link = _request_link(client, db, person.email)
    response = client.post(link, data={"new_password": "kort", "confirm": "kort"})
    assert "mindst 12 tegn" in response.get_data(as_text=True)


def test_a_cpr_number_in_the_reset_form_is_refused(client, db):
    response = client.post("/glemt-adgangskode", data={"email": "010190-1234"})
    assert response.status_code == 200 and "CPR" in response.get_data(as_text=True)


def test_a_session_idle_too_long_is_logged_out(client, login_as, app):
    login_as("sagsbehandler")
    assert client.get("/min-side").status_code == 200
    with client.session_transaction() as session:
        session["_last_seen"] = int(time.time()) - app.config["SESSION_IDLE_MINUTES"] * 60 - 5
    response = client.get("/min-side")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert "ikke har været aktiv" in client.get("/login").get_data(as_text=True)


def test_an_active_session_stays_logged_in(client, login_as):
    login_as("sagsbehandler")
    with client.session_transaction() as session:
        session["_last_seen"] = int(time.time()) - 120
    assert client.get("/min-side").status_code == 200


def test_log_out_everywhere_ends_other_sessions_too(app, client, db):
    person = make_person(email="overalt@kommune.dk", roles=["sagsbehandler"])
    other = app.test_client()
    for c in (client, other):
        c.post("/login", data={"email": person.email, "password": PASSWORD})
        assert c.get("/min-side").status_code == 200
    client.post("/min-side/log-ud-overalt")
    assert client.get("/min-side").status_code == 302
    assert other.get("/min-side").status_code == 302
    assert db.session.query(AuditEvent).filter_by(action="sessions.revoked").count() == 1


def test_asking_twice_within_two_minutes_sends_one_mail(client, db):
    person = make_person(email="to-gange@kommune.dk")
    client.post("/glemt-adgangskode", data={"email": person.email})
    client.post("/glemt-adgangskode", data={"email": person.email})
    assert db.session.query(OutboxMessage).count() == 1
