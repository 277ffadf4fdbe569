"""Imports and file downloads from any domain land in the audit log."""
import io

from implementering.audit.models import AuditEvent
from tests.builders import make_team


def test_a_person_import_is_an_audit_event(client, login_as, db):
    make_team("Team Nord")
    leader = login_as("projektleder")
    data = "navn;e-mail;team;roller\nMette;mette@kommune.dk;Team Nord;sagsbehandler\n"
    client.post("/personer/import", data={"file": (io.BytesIO(data.encode()), "p.csv")},
                content_type="multipart/form-data")
    event = db.session.query(AuditEvent).filter_by(action="import").one()
    assert event.actor_id == leader.id and event.target == "personer" and "1 oprettet" in event.details


def test_every_attachment_download_is_an_export_event(client, login_as, db):
    login_as("projektleder")
    response = client.get("/plan/eksport.xlsx")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    event = db.session.query(AuditEvent).filter_by(action="export").one()
    assert event.target == "/plan/eksport.xlsx" and event.details.endswith(".xlsx")


def test_a_refused_import_is_not_logged_as_an_import(client, login_as, db):
    login_as("projektleder")
    bad = "navn;e-mail;team;roller\nAnne;anne@kommune.dk;Team Øst;sagsbehandler\n"
    client.post("/personer/import", data={"file": (io.BytesIO(bad.encode()), "p.csv")},
                content_type="multipart/form-data")
    assert db.session.query(AuditEvent).filter_by(action="import").count() == 0
