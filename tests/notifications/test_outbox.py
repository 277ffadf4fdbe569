"""The outbox delivers to a real SMTP server, retries with back-off, and never sends twice."""
import socket
import time
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller

from implementering.database import utcnow
from implementering.notifications.jobs import deliver_outbox
from implementering.notifications.models import FAILED, PENDING, SENT, OutboxMessage
from implementering.notifications.services import backoff, queue_email


class Collector:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(app, monkeypatch):
    """A real SMTP server on localhost; the app is configured to use it."""
    handler = Collector()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", port)
    yield handler
    controller.stop()


def test_queued_mail_arrives_at_the_smtp_server_with_danish_text_intact(db, smtp_server):
    queue_email("mette@kommune.dk", "Pulsmåling i uge 48", "Hej Mette\n\nSvar på tre spørgsmål: æøå.")
    counts = deliver_outbox()
    assert counts == {"sent": 1, "retry": 0, "failed": 0}
    assert len(smtp_server.messages) == 1
    envelope = smtp_server.messages[0]
    assert envelope.rcpt_tos == ["mette@kommune.dk"]
    raw = envelope.content.decode("utf-8", errors="replace")
    assert "Pulsm" in raw
    message = db.session.query(OutboxMessage).one()
    assert message.status == SENT and message.attempts == 1 and message.sent_at is not None


def test_running_the_job_again_sends_nothing_twice(db, smtp_server):
    queue_email("a@kommune.dk", "Emne", "Tekst")
    deliver_outbox()
    deliver_outbox()
    assert len(smtp_server.messages) == 1


def test_the_same_idempotency_key_is_queued_only_once(db):
    first = queue_email("a@kommune.dk", "Emne", "Tekst", key="pulse:1:invite:7")
    second = queue_email("a@kommune.dk", "Emne", "Tekst", key="pulse:1:invite:7")
    assert first is not None and second is None
    assert db.session.query(OutboxMessage).count() == 1


def test_without_a_mail_server_mail_waits_in_the_outbox(db, app):
    assert not app.config["MAIL_SERVER"]
    queue_email("a@kommune.dk", "Emne", "Tekst")
    assert deliver_outbox() is None
    assert db.session.query(OutboxMessage).one().status == PENDING


def test_a_down_server_means_retry_later_and_nothing_lost(db, app, monkeypatch):
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", _free_port())  # nobody listens here
    queue_email("a@kommune.dk", "Emne", "Tekst")
    counts = deliver_outbox()
    message = db.session.query(OutboxMessage).one()
    assert counts["retry"] == 1
    assert message.status == PENDING and message.attempts == 1
    assert message.next_attempt_at > utcnow()
    assert "Error" in message.last_error or "refused" in message.last_error.lower()


def test_mail_that_keeps_failing_is_marked_failed_after_the_maximum_attempts(db, app, monkeypatch):
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", _free_port())
    monkeypatch.setitem(app.config, "MAIL_MAX_ATTEMPTS", 2)
    message = queue_email("a@kommune.dk", "Emne", "Tekst")
    for _ in range(2):
        message.next_attempt_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        deliver_outbox()
    assert db.session.get(OutboxMessage, message.id).status == FAILED


def test_mail_queued_while_the_server_was_down_goes_out_once_it_is_back(db, app, monkeypatch, smtp_server):
    port = app.config["MAIL_PORT"]
    monkeypatch.setitem(app.config, "MAIL_PORT", _free_port())
    message = queue_email("a@kommune.dk", "Emne", "Tekst")
    deliver_outbox()
    monkeypatch.setitem(app.config, "MAIL_PORT", port)
    message.next_attempt_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    deliver_outbox()
    deliver_outbox()
    assert len(smtp_server.messages) == 1
    assert db.session.get(OutboxMessage, message.id).status == SENT


def test_back_off_doubles_and_is_capped():
    assert [backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert backoff(30) == timedelta(hours=6)


def test_the_admin_can_read_the_outbox(client, login_as, db):
    queue_email("a@kommune.dk", "Invitation til kursus", "Velkommen")
    login_as("admin")
    page = client.get("/udbakke/")
    assert "Invitation til kursus" in page.get_data(as_text=True)
    message = db.session.query(OutboxMessage).one()
    detail = client.get(f"/udbakke/{message.id}")
    assert "Velkommen" in detail.get_data(as_text=True)


def test_a_one_time_link_is_never_shown_to_admins_and_is_blanked_once_sent(client, login_as, db, smtp_server):
    from implementering.notifications.models import BODY_REMOVED

    message = queue_email("a@kommune.dk", "Pulsmåling", "Svar her: https://vum/puls/svar/HEMMELIGT-TOKEN",
                          category="pulse.invitation")
    login_as("admin")
    assert "HEMMELIGT-TOKEN" not in client.get(f"/udbakke/{message.id}").get_data(as_text=True)
    deliver_outbox()
    assert b"HEMMELIGT-TOKEN" in smtp_server.messages[0].content  # the recipient got the link
    db.session.expire_all()
    assert db.session.get(OutboxMessage, message.id).body == BODY_REMOVED
