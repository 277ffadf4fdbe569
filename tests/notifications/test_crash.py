"""A scheduler killed in the middle of sending mail sends nothing twice when it starts again."""
import smtplib

import pytest

from implementering.notifications.jobs import deliver_outbox
from implementering.notifications.models import PENDING, SENT, OutboxMessage
from implementering.notifications.services import queue_email
from tests.notifications.test_outbox import smtp_server  # noqa: F401 - the fixture


def test_a_job_killed_after_two_of_five_mails_sends_each_mail_exactly_once_after_restart(db, smtp_server, monkeypatch):
    for n in range(5):
        queue_email(f"p{n}@kommune.dk", f"Besked {n}", "Tekst", key=f"crash-test-{n}")
    real_send = smtplib.SMTP.send_message
    calls = []

    def dying_send(self, message, *args, **kwargs):
        calls.append(message["To"])
        if len(calls) == 3:
            raise SystemExit("killed")  # the process dies before the third mail leaves
        return real_send(self, message, *args, **kwargs)

    monkeypatch.setattr(smtplib.SMTP, "send_message", dying_send)
    with pytest.raises(SystemExit):
        deliver_outbox()
    db.session.rollback()  # what a new process would see: only what was committed
    assert db.session.query(OutboxMessage).filter_by(status=SENT).count() == 2

    monkeypatch.setattr(smtplib.SMTP, "send_message", real_send)
    deliver_outbox()  # the restarted scheduler
    deliver_outbox()  # and its next run
    received = sorted(envelope.rcpt_tos[0] for envelope in smtp_server.messages)
    assert received == [f"p{n}@kommune.dk" for n in range(5)]
    assert db.session.query(OutboxMessage).filter_by(status=PENDING).count() == 0


def test_queueing_again_after_a_restart_does_not_create_a_second_mail(db):
    assert queue_email("a@kommune.dk", "Emne", "Tekst", key="samme-noegle") is not None
    db.session.rollback()
    assert queue_email("a@kommune.dk", "Emne", "Tekst", key="samme-noegle") is None
    assert db.session.query(OutboxMessage).count() == 1
