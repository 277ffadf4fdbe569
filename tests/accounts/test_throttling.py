"""Login throttling: state in the database, per account and per IP, the same answer for everyone."""
from datetime import timedelta

from implementering.accounts.throttle import ThrottlePolicy, account_key, record_attempt, seconds_to_wait
from implementering.audit.models import AuditEvent, LoginAttempt
from implementering.database import utcnow
from tests.builders import PASSWORD, make_person

POLICY = ThrottlePolicy(timedelta(minutes=15), max_account_failures=5, max_ip_failures=20)


def _fail(client, email, times, ip="10.0.0.1"):
    responses = []
    for _ in range(times):
        responses.append(client.post("/login", data={"email": email, "password": "forkert-forkert-forkert"},
                                     environ_base={"REMOTE_ADDR": ip}))
    return responses


def test_five_failures_lock_the_account_with_a_danish_message_even_for_the_right_password(client, db):
    person = make_person(email="lone@kommune.dk")
    assert all(r.status_code == 200 for r in _fail(client, person.email, 5))
    response = client.post("/login", data={"email": person.email, "password": PASSWORD},
                           environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert response.status_code == 429
    assert "for mange mislykkede forsøg" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302  # not logged in


def test_a_throttled_unknown_email_gets_exactly_the_answer_of_a_throttled_known_one(client, db):
    make_person(email="kendt@kommune.dk")
    _fail(client, "kendt@kommune.dk", 5, ip="10.0.0.3")
    _fail(client, "ukendt@kommune.dk", 5, ip="10.0.0.4")
    known = _fail(client, "kendt@kommune.dk", 1, ip="10.0.0.3")[0]
    unknown = _fail(client, "ukendt@kommune.dk", 1, ip="10.0.0.4")[0]
    assert known.status_code == unknown.status_code == 429
    assert known.get_data(as_text=True).replace("kendt@", "X@") == unknown.get_data(as_text=True).replace("ukendt@", "X@")


def test_the_lock_uses_the_e_mail_case_insensitively(client, db):
    person = make_person(email="mads@kommune.dk")
    _fail(client, "MADS@kommune.dk", 5)
    assert client.post("/login", data={"email": person.email, "password": PASSWORD}).status_code == 429


def test_an_ip_address_is_slowed_down_after_many_failures_across_accounts(client, db, app, monkeypatch):
    monkeypatch.setitem(app.config, "LOGIN_MAX_FAILURES_IP", 6)
    for n in range(6):
        _fail(client, f"gæt{n}@kommune.dk", 1, ip="10.9.9.9")
    person = make_person()
    blocked = client.post("/login", data={"email": person.email, "password": PASSWORD},
                          environ_base={"REMOTE_ADDR": "10.9.9.9"})
    elsewhere = client.post("/login", data={"email": person.email, "password": PASSWORD},
                            environ_base={"REMOTE_ADDR": "10.1.1.1"})
    assert blocked.status_code == 429 and elsewhere.status_code == 302


def test_the_state_lives_in_the_database_so_every_worker_sees_it(client, db):
    make_person(email="delt@kommune.dk")
    _fail(client, "delt@kommune.dk", 3)
    assert db.session.query(LoginAttempt).filter_by(success=False).count() == 3


def test_the_lock_lifts_when_the_window_has_passed(db):
    key = account_key("x@kommune.dk", "secret")
    start = utcnow() - timedelta(minutes=20)
    for minute in range(5):
        record_attempt(key, "10.0.0.1", False, now=start + timedelta(minutes=minute))
    db.session.commit()
    assert seconds_to_wait(key, "10.0.0.1", POLICY, now=start + timedelta(minutes=5)) > 0
    assert seconds_to_wait(key, "10.0.0.1", POLICY, now=start + timedelta(minutes=20)) == 0


def test_a_successful_login_resets_the_account_count(db):
    key = account_key("y@kommune.dk", "secret")
    now = utcnow()
    for minute in range(4):
        record_attempt(key, "10.0.0.1", False, now=now - timedelta(minutes=10 - minute))
    record_attempt(key, "10.0.0.1", True, now=now - timedelta(minutes=5))
    record_attempt(key, "10.0.0.1", False, now=now - timedelta(minutes=4))
    db.session.commit()
    assert seconds_to_wait(key, "10.0.0.1", POLICY, now=now) == 0


def test_logins_and_failures_are_written_to_the_audit_log(client, db):
    person = make_person(email="log@kommune.dk")
    _fail(client, person.email, 1)
    client.post("/login", data={"email": person.email, "password": PASSWORD})
    actions = [e.action for e in db.session.query(AuditEvent).order_by(AuditEvent.id) if e.action.startswith("login")]
    assert actions == ["login.failed", "login.succeeded"]
    assert db.session.query(AuditEvent).filter_by(action="login.failed").one().ip == "10.0.0.1"


def test_an_unknown_email_and_a_wrong_password_both_verify_exactly_one_hash(db, monkeypatch):
    from implementering.accounts import services

    calls = []
    real = services.check_password_hash
    monkeypatch.setattr(services, "check_password_hash", lambda h, p: calls.append(h) or real(h, p))
    make_person(email="tid@kommune.dk")
    services.authenticate("ukendt@kommune.dk", "forkert-forkert")
    services.authenticate("tid@kommune.dk", "forkert-forkert")
    assert len(calls) == 2

