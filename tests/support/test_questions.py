"""Questions raised in support are answered once and become a searchable knowledge base."""
from sqlalchemy import select

from implementering.support.models import Question
from tests.builders import make_team
from tests.support.builders import make_question, make_superuser


def test_question_is_answered_and_appears_in_the_knowledge_base_for_case_workers(client, login_as, db):
    team = make_team()
    superuser = make_superuser(team)
    login_as(person=superuser)
    client.post("/stoette/log/ny", data={"kind": "spoergsmaal", "team_id": team.id, "minutes": 10,
                                         "day": __import__("datetime").date.today().isoformat(),
                                         "questions": "Må vi springe temaer over i udredningen?"})
    question = db.session.scalar(select(Question))
    assert "Må vi springe temaer over" in client.get("/stoette/spoergsmaal").get_data(as_text=True)
    login_as("projektleder")
    client.post(f"/stoette/spoergsmaal/{question.id}/svar",
                data={"text": question.text, "principle": "fleksibel_udredning",
                      "answer": "Ja, udred kun de temaer, der er relevante for borgerens situation."})
    answered = db.session.get(Question, question.id)
    assert answered.status == "besvaret" and answered.answered_by is not None
    assert "Må vi springe temaer over" not in client.get("/stoette/spoergsmaal").get_data(as_text=True)
    login_as("sagsbehandler")
    body = client.get("/stoette/videnbank?q=temaer+relevante").get_data(as_text=True)
    assert "udred kun de temaer" in body
    assert "udred kun de temaer" not in client.get("/stoette/videnbank?q=handleplan").get_data(as_text=True)


def test_the_knowledge_base_filters_by_principle_and_hides_open_questions(client, login_as, db):
    make_question("Hvad er en 2'er?", answer="Moderate begrænsninger.", principle="skala")
    make_question("Hvordan skriver jeg mål?", answer="Konkret og målbart.", principle="maal")
    make_question("Ubesvaret spørgsmål")
    login_as("sagsbehandler")
    body = client.get("/stoette/videnbank?princip=skala").get_data(as_text=True)
    assert "Hvad er en 2" in body and "Hvordan skriver jeg mål?" not in body
    assert "Ubesvaret spørgsmål" not in client.get("/stoette/videnbank").get_data(as_text=True)


def test_an_answer_with_a_cpr_number_is_refused(client, login_as, db):
    question = make_question()
    login_as("superbruger")
    body = client.post(f"/stoette/spoergsmaal/{question.id}/svar",
                       data={"text": question.text, "answer": "Se sagen for 0101901234"}).get_data(as_text=True)
    assert "CPR-nummer" in body
    assert db.session.get(Question, question.id).status == "aaben"


def test_an_empty_answer_gets_a_danish_error(client, login_as, db):
    question = make_question()
    login_as("projektleder")
    body = client.post(f"/stoette/spoergsmaal/{question.id}/svar", data={"text": question.text, "answer": ""}).get_data(as_text=True)
    assert "Skriv svaret." in body


def test_case_workers_cannot_see_open_questions_or_answer(client, login_as, db):
    question = make_question()
    login_as("sagsbehandler")
    assert client.get("/stoette/spoergsmaal").status_code == 403
    assert client.post(f"/stoette/spoergsmaal/{question.id}/svar", data={"answer": "x"}).status_code == 403


def test_searching_a_principles_name_finds_the_questions_filed_under_it(client, login_as, db):
    make_question("Hvornår er det en 3?", answer="Når borgeren klarer lidt selv.", principle="skala")
    login_as("sagsbehandler")
    assert "Hvornår er det en 3?" in client.get("/stoette/videnbank?q=skalaen").get_data(as_text=True)
