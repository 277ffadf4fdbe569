"""The audit log: what is recorded, who may read it, and how long it is kept."""
from datetime import timedelta

from implementering import audit
from implementering.audit.jobs import purge_audit_log
from implementering.audit.models import AuditEvent, LoginAttempt
from implementering.database import utcnow
from implementering.scheduler import JOBS
from tests.builders import make_person


def test_other_domains_record_events_through_one_function(db):
    person = make_person(name="Karin Kvist")
    audit.record(person, "import", "sager.xlsx", "120 rækker")
    event = db.session.query(AuditEvent).filter_by(action="import").one()
    assert (event.actor_id, event.actor_name, event.target, event.details) == (person.id, "Karin Kvist", "sager.xlsx", "120 rækker")


def test_role_changes_are_recorded_wherever_they_happen(client, login_as, db):
    person = make_person(name="Rolf Rolle", roles=["sagsbehandler"])
    admin = login_as("admin")
    client.post(f"/brugere/{person.id}", data={"roles": ["sagsbehandler", "superbruger"], "active": "y"})
    event = db.session.query(AuditEvent).filter_by(action="person.roles_changed").filter(
        AuditEvent.target.contains("Rolf")).order_by(AuditEvent.id.desc()).first()
    assert event.details == "tilføjet: superbruger" and event.actor_id == admin.id


def test_changing_the_anonymity_threshold_is_recorded(db):
    from implementering.settings.models import Municipality

    municipality = Municipality(name="Testkommune", pulse_min_group_size=5)
    db.session.add(municipality)
    db.session.commit()
    municipality.pulse_min_group_size = 7
    db.session.commit()
    event = db.session.query(AuditEvent).filter_by(action="settings.anonymity_changed").one()
    assert event.details == "5 → 7"


def test_only_admins_read_the_log_and_it_shows_the_events(client, login_as, db):
    audit.record(None, "export", "rapport.xlsx")
    login_as("projektleder")
    assert client.get("/admin/log").status_code == 403
    login_as("admin")
    page = client.get("/admin/log?handling=export").get_data(as_text=True)
    assert "rapport.xlsx" in page and "Eksport" in page


def test_old_events_and_login_attempts_are_purged_by_a_scheduled_job(db, app):
    old = utcnow() - timedelta(days=app.config["AUDIT_RETENTION_DAYS"] + 1)
    db.session.add_all([AuditEvent(at=old, action="login.failed"), AuditEvent(at=utcnow(), action="login.failed"),
                        LoginAttempt(at=utcnow() - timedelta(days=2), account_key="k", ip="1.2.3.4")])
    db.session.commit()
    assert purge_audit_log() == {"audit_events": 1, "login_attempts": 1}
    assert db.session.query(AuditEvent).count() == 1
    assert any(job.func == "implementering.audit.jobs:purge_audit_log" for job in JOBS)
