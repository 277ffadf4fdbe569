"""Every form and the database itself refuse CPR numbers, without echoing them."""
import pytest
from werkzeug.datastructures import MultiDict

from implementering.database import CPRRefusedError
from implementering.people.forms import DepartmentForm
from implementering.people.models import Department, Person
from tests.builders import make_person


def test_a_form_refuses_a_cpr_number_in_a_text_field_with_a_danish_message(app, db):
    with app.test_request_context():
        form = DepartmentForm(MultiDict({"name": "Handicap", "description": "Borger 010190-1234"}), meta={"csrf": False})
        assert not form.validate()
        message = " ".join(form.description.errors)
        assert "CPR-nummer" in message
        assert "010190" not in message


def test_the_database_refuses_a_cpr_number_even_when_a_form_is_bypassed(db):
    db.session.add(Department(name="Psykiatri", description="Se 0101901234"))
    with pytest.raises(CPRRefusedError) as caught:
        db.session.commit()
    db.session.rollback()
    assert "0101901234" not in str(caught.value)
    assert db.session.query(Department).count() == 0


def test_changing_an_existing_row_to_contain_a_cpr_number_is_refused(db):
    person = make_person(name="Hanne")
    person.title = "Sagsbehandler 010190 1234"
    with pytest.raises(CPRRefusedError):
        db.session.commit()
    db.session.rollback()
    assert db.session.get(Person, person.id).title == ""


def test_a_page_shows_the_cpr_error_at_the_field_and_saves_nothing(client, login_as, db):
    login_as("projektleder")
    response = client.post("/afdelinger/ny", data={"name": "Udsatte", "description": "cpr 311299-4321"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "CPR-nummer" in body and "311299" not in body
    assert "cpr [CPR fjernet]" in body  # the rest of the text is kept for correction
    assert db.session.query(Department).count() == 0
