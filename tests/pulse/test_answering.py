"""Answering by personal link without login, and from the start page when logged in."""
import re
from datetime import timedelta

from sqlalchemy import func, inspect, select

from implementering.extensions import db as _db
from implementering.notifications.models import OutboxMessage
from implementering.pulse.jobs import run_pulse_rounds
from implementering.pulse.models import Answer, AnswerValue, Comment, Response, Round, Token
from implementering.pulse.services import hash_token
from implementering.core.panels import panels_for
from tests.pulse.test_anonymity import panel_html
from tests.pulse.builders import MONDAY, make_schedule, make_team_with_members


def link_for(person) -> str:
    """The path of the newest answer link e-mailed to `person`."""
    message = _db.session.scalar(select(OutboxMessage).where(OutboxMessage.recipient == person.email)
                                 .order_by(OutboxMessage.id.desc()))
    return re.search(r"(/puls/svar/\S+)", message.body).group(1)


def form_data(round_, score="4", **extra):
    data = {f"item_{item.id}": score for item in round_.scale_items}
    data.update(extra)
    return data


def opened(db, size=2):
    team, members = make_team_with_members(size, name="Team Vest")
    make_schedule([team])
    run_pulse_rounds(MONDAY)
    return db.session.scalar(select(Round)), members


def test_the_link_opens_the_form_without_login(client, db):
    round_, (person, _) = opened(db)
    response = client.get(link_for(person))
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "Hvordan går det med VUM?" in body
    assert "helt uenig" in body.lower() and response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_tokens_are_stored_only_as_hashes(client, db):
    round_, (person, _) = opened(db)
    token = link_for(person).rsplit("/", 1)[1]
    stored = list(db.session.scalars(select(Token.token_hash)))
    assert hash_token(token) in stored and token not in stored and len(token) >= 40


def test_answering_by_link_stores_one_anonymous_answer(client, db):
    round_, (person, _) = opened(db)
    response = client.post(link_for(person), data=form_data(round_, "2", **{
        f"item_{[i for i in round_.items if not i.is_scale][0].id}": "Mere sparring, tak"}))
    assert "Tak for dit svar" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 1
    assert db.session.scalar(select(func.count()).select_from(AnswerValue)) == 5
    assert db.session.scalar(select(Comment.text)) == "Mere sparring, tak"
    assert db.session.get(Response, (round_.id, person.id)) is not None


def test_a_used_link_gets_a_friendly_message_and_no_second_answer(client, db):
    round_, (person, _) = opened(db)
    link = link_for(person)
    client.post(link, data=form_data(round_))
    again = client.post(link, data=form_data(round_, "1"))
    assert "Du har allerede svaret" in again.get_data(as_text=True)
    assert "Du har allerede svaret" in client.get(link).get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 1


def test_a_link_from_a_closed_round_has_expired(client, db):
    round_, (person, _) = opened(db)
    link = link_for(person)
    run_pulse_rounds(MONDAY + timedelta(days=7))
    response = client.get(link)
    assert response.status_code == 404 and "Linket virker ikke" in response.get_data(as_text=True)


def test_an_unknown_link_reveals_nothing(client, db):
    opened(db)
    response = client.get("/puls/svar/gaet-et-link")
    body = response.get_data(as_text=True)
    assert response.status_code == 404 and "Team Vest" not in body and "item_" not in body
    assert client.post("/puls/svar/gaet-et-link", data={}).status_code == 404


def test_a_missing_score_gets_a_danish_error_at_the_field(client, db):
    round_, (person, _) = opened(db)
    data = form_data(round_)
    data.pop(f"item_{round_.scale_items[0].id}")
    body = client.post(link_for(person), data=data).get_data(as_text=True)
    assert "Vælg et svar fra 1 til 5." in body
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 0


def test_a_cpr_number_in_the_comment_is_refused(client, db):
    round_, (person, _) = opened(db)
    comment_item = [i for i in round_.items if not i.is_scale][0]
    body = client.post(link_for(person), data=form_data(round_, **{
        f"item_{comment_item.id}": "Borger 010190-1234 fylder meget"})).get_data(as_text=True)
    assert "CPR-nummer" in body and "010190-1234" not in body
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 0


def test_a_logged_in_case_worker_answers_from_the_start_page(client, db, login_as):
    round_, (person, _) = opened(db)
    login_as(person=person)
    assert "Svar på pulsen" in panel_html(person)
    assert "pulse/_panel.html" in [template for template, _ in panels_for(person)]
    assert client.get(f"/puls/runder/{round_.id}/svar").status_code == 200
    client.post(f"/puls/runder/{round_.id}/svar", data=form_data(round_))
    assert db.session.get(Response, (round_.id, person.id)) is not None
    assert "Svar på pulsen" not in panel_html(person)
    # ... and the e-mailed link is now spent as well
    assert "Du har allerede svaret" in client.get(link_for(person)).get_data(as_text=True)


def test_nobody_can_answer_a_round_they_were_not_invited_to(client, db, login_as):
    round_, _ = opened(db)
    login_as("sagsbehandler")
    assert client.get(f"/puls/runder/{round_.id}/svar").status_code == 404


def test_the_answer_tables_hold_neither_person_nor_token_nor_time_of_day(db):
    for model in (Answer, AnswerValue, Comment):
        columns = {c.name for c in inspect(model).columns}
        assert not columns & {"person_id", "invitation_id", "token_hash", "created_at", "updated_at"}
    assert str(inspect(Answer).columns["answered_on"].type) == "DATE"
    assert {c.name for c in inspect(Response).columns} == {"round_id", "person_id"}
