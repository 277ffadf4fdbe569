"""Data-subject rights: export everything about a person; erase a person consistently."""
import io
import json

from openpyxl import load_workbook
from sqlalchemy import func, select

from implementering import audit
from implementering.audit.models import AuditEvent
from implementering.people.models import Person, PersonRole
from implementering.personal_data.services import ERASED_NAME, collect, erase, references
from implementering.pulse.answer_models import Answer
from implementering.pulse.models import Invitation, Response
from tests.builders import make_person
from tests.pulse.builders import answer, make_open_round, make_team_with_members


def _count(db, model, **where):
    return db.session.scalar(select(func.count()).select_from(model).filter_by(**where))


def test_every_table_pointing_at_persons_is_found_from_the_schema(app):
    tables = {ref.table.name for ref in references()}
    assert {"person_roles", "audit_events", "pulse_invitations", "pulse_responses"} <= tables
    assert "pulse_answers" not in tables  # anonymous answers do not point at anyone


def test_the_json_export_holds_the_person_and_their_rows_but_no_secrets(client, login_as, db):
    person = make_person(name="Eva Eksport", roles=["sagsbehandler", "superbruger"])
    audit.record(person, "export", "noget.xlsx")
    login_as("admin")
    response = client.get(f"/admin/persondata/{person.id}/eksport.json")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    document = json.loads(response.get_data(as_text=True))
    assert document["person"]["name"] == "Eva Eksport" and "password_hash" not in document["person"]
    assert sorted(row["role"] for row in document["data"]["person_roles"]) == ["sagsbehandler", "superbruger"]
    assert document["data"]["audit_events.actor_id"][0]["target"] == "noget.xlsx"
    assert _count(db, AuditEvent, action="person.exported") == 1


def test_the_xlsx_export_has_a_sheet_per_table(client, login_as, db):
    person = make_person(name="Xenia Excel")
    login_as("admin")
    response = client.get(f"/admin/persondata/{person.id}/eksport.xlsx")
    workbook = load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames[0] == "person" and "person_roles" in workbook.sheetnames
    assert ["name", "Xenia Excel"] in [[c.value for c in row] for row in workbook["person"].iter_rows()]


def test_erasing_removes_the_account_replaces_the_name_and_drops_pulse_participation(app, db):
    team, members = make_team_with_members(5)
    target, admin = members[0], make_person(roles=["admin"])
    round_ = make_open_round([team])
    for member in members:
        answer(round_, member, score=4)
    audit.record(target, "login.succeeded", target.email)
    answers_before = _count(db, Answer)
    target_id = target.id

    removed = erase(target, admin)

    person = db.session.get(Person, target_id)
    assert person.name == ERASED_NAME and not person.can_log_in and person.password_hash is None
    assert _count(db, PersonRole, person_id=target_id) == 0
    assert _count(db, Invitation, person_id=target_id) == 0 and _count(db, Response, person_id=target_id) == 0
    assert removed["pulse_responses"] == 1
    assert _count(db, Answer) == answers_before == 5  # anonymous answers stay
    assert _count(db, Response) == 4  # the others' participation is untouched
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.actor_id == target_id)).all()
    assert events and all(e.actor_name == ERASED_NAME and "@" not in e.target.replace("@slettet", "") for e in events)
    assert _count(db, AuditEvent, action="person.deleted") == 1


def test_the_admin_must_type_the_email_to_erase(client, login_as, db):
    person = make_person(name="Bent Bekræft", email="bent@kommune.dk")
    login_as("admin")
    wrong = client.post(f"/admin/persondata/{person.id}/slet", data={"confirm_email": "forkert@kommune.dk"})
    assert wrong.status_code == 400 and "passer ikke" in wrong.get_data(as_text=True)
    assert db.session.get(Person, person.id).name == "Bent Bekræft"
    right = client.post(f"/admin/persondata/{person.id}/slet", data={"confirm_email": "BENT@kommune.dk"})
    assert right.status_code == 302
    assert db.session.get(Person, person.id).name == ERASED_NAME


def test_a_cpr_number_in_the_confirmation_is_refused(client, login_as, db):
    person = make_person()
    login_as("admin")
    response = client.post(f"/admin/persondata/{person.id}/slet", data={"confirm_email": "010190-1234"})
    assert response.status_code == 400 and "CPR" in response.get_data(as_text=True)


def test_an_admin_cannot_erase_themselves(client, login_as, db):
    admin = login_as("admin")
    response = client.post(f"/admin/persondata/{admin.id}/slet", data={"confirm_email": admin.email})
    assert "ikke slette dig selv" in response.get_data(as_text=True)


def test_only_admins_see_personal_data(client, login_as, db):
    person = make_person()
    login_as("projektleder")
    assert client.get(f"/admin/persondata/{person.id}").status_code == 403
    assert client.get(f"/admin/persondata/{person.id}/eksport.json").status_code == 403


def test_the_overview_shows_what_is_stored_and_links_from_the_account_page(client, login_as, db):
    person = make_person(name="Olga Oversigt")
    login_as("admin")
    page = client.get(f"/admin/persondata/{person.id}").get_data(as_text=True)
    assert "Olga Oversigt" in page and "person_roles" in page and "Slet personen" in page
    assert f"/admin/persondata/{person.id}" in client.get(f"/brugere/{person.id}").get_data(as_text=True)


def test_erasing_one_person_leaves_a_similarly_named_person_alone_in_the_log(db):
    per, per_hansen = make_person(name="Per", email="per@kommune.dk"), make_person(name="Per Hansen", email="ph@kommune.dk")
    audit.record(None, "account.created", "Per <per@kommune.dk>")
    audit.record(None, "account.created", "Per Hansen <ph@kommune.dk>")
    erase(per, make_person(roles=["admin"]))
    targets = sorted(e.target for e in db.session.scalars(select(AuditEvent).filter_by(action="account.created")))
    assert targets == ["Per Hansen <ph@kommune.dk>", ERASED_NAME]
