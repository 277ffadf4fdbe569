"""Rounds through the pages: opening, blind rating, closing and revealing results, and who may do what."""
from datetime import date

import pytest

from implementering.calibration.models import CalibrationRound, Rating, Submission, Vignette
from implementering.calibration.services import CalibrationError, save_ratings
from implementering.database import utcnow
from implementering.extensions import db
from tests.builders import make_person, make_team

from .builders import make_round, make_themes, make_vignette, submit_ratings


@pytest.fixture
def setup(db):
    """A team with three case workers, a superuser, two vignettes with reference ratings, an open round."""
    team = make_team(name="Handicap Nord")
    mobility, social = make_themes()
    v1 = make_vignette([mobility, social], {"mobilitet": (2, "Rollatoren tæller med."),
                                            "socialt_liv": (3, "Ingen venner.")}, title="Mand, 52 år")
    v2 = make_vignette([mobility, social], {"mobilitet": (0, "Går frit.")}, title="Kvinde, 23 år")
    workers = [make_person(name=f"Sagsbehandler {i}", team=team) for i in range(3)]
    superuser = make_person(name="Superbruger Sif", roles=["superbruger", "sagsbehandler"], team=team)
    superuser.supported_teams = [team]
    db.session.commit()
    round_ = make_round([v1, v2], [team], opened_by=superuser, title="Forårsrunden")
    return {"team": team, "themes": (mobility, social), "vignettes": (v1, v2), "workers": workers,
            "superuser": superuser, "round": round_}


def _answers(setup, choice="2", reason=""):
    data = {}
    for v in setup["vignettes"]:
        for t in setup["themes"]:
            data[f"v{v.id}_t{t.id}"] = choice
            data[f"r{v.id}_t{t.id}"] = reason
    return data


def _submit_all(setup, values=(1, 2, 3)):
    for worker, value in zip(setup["workers"], values):
        submit_ratings(setup["round"], worker, {(v, t): value for v in setup["vignettes"] for t in setup["themes"]},
                       reason=f"begrundelse fra {worker.name}")


def test_a_superuser_opens_a_round_for_a_team_they_support(client, login_as, setup):
    login_as(person=setup["superuser"])
    response = client.post("/kalibrering/runder/ny", data={
        "title": "Efterårsrunden", "opens_on": "2026-09-01", "deadline": "2026-09-20",
        "vignette_ids": [setup["vignettes"][0].id], "team_ids": [setup["team"].id]})
    assert response.status_code == 302
    created = db.session.query(CalibrationRound).filter_by(title="Efterårsrunden").one()
    assert [t.name for t in created.teams] == ["Handicap Nord"] and created.opened_by_id == setup["superuser"].id


def test_a_superuser_cannot_invite_a_team_they_do_not_support(client, login_as, setup):
    other = make_team(name="Psykiatri Syd")
    login_as(person=setup["superuser"])
    response = client.post("/kalibrering/runder/ny", data={
        "title": "Snyd", "opens_on": "2026-09-01", "deadline": "2026-09-20",
        "vignette_ids": [setup["vignettes"][0].id], "team_ids": [other.id]})
    assert response.status_code == 200
    assert db.session.query(CalibrationRound).filter_by(title="Snyd").count() == 0


def test_a_deadline_before_the_opening_day_gets_a_danish_error(client, login_as, setup):
    login_as(person=setup["superuser"])
    response = client.post("/kalibrering/runder/ny", data={
        "title": "Baglæns", "opens_on": "2026-09-20", "deadline": "2026-09-01",
        "vignette_ids": [setup["vignettes"][0].id], "team_ids": [setup["team"].id]})
    assert "Fristen kan ikke ligge før åbningsdatoen." in response.get_data(as_text=True)


def test_a_case_worker_can_neither_open_nor_close_rounds(client, login_as, setup):
    login_as(person=setup["workers"][0])
    assert client.get("/kalibrering/runder/ny").status_code == 403
    assert client.post(f"/kalibrering/runder/{setup['round'].id}/luk").status_code == 403
    assert client.get("/kalibrering/vignetter").status_code == 403


def test_a_superuser_of_another_team_cannot_close_or_import(client, login_as, setup):
    stranger = make_person(roles=["superbruger"], team=make_team())
    login_as(person=stranger)
    assert client.post(f"/kalibrering/runder/{setup['round'].id}/luk").status_code == 403
    assert client.get(f"/kalibrering/runder/{setup['round'].id}/import").status_code == 403
    assert client.get(f"/kalibrering/runder/{setup['round'].id}").status_code == 403


def test_a_case_worker_saves_a_draft_then_submits_and_ikke_relevant_is_stored_as_missing(client, login_as, setup):
    worker = login_as(person=setup["workers"][0])
    url = f"/kalibrering/runder/{setup['round'].id}/vurder"
    v1, v2 = setup["vignettes"]
    mobility, social = setup["themes"]
    draft = {f"v{v1.id}_t{mobility.id}": "3", "save": "1"}
    assert client.post(url, data=draft).status_code == 302
    submission = db.session.query(Submission).filter_by(rater_id=worker.id).one()
    assert submission.submitted_at is None and len(submission.ratings) == 1
    answers = _answers(setup, "2", "Kort grund")
    answers[f"v{v2.id}_t{social.id}"] = "ir"
    answers["send"] = "1"
    assert client.post(url, data=answers).status_code == 302
    submission = db.session.query(Submission).filter_by(rater_id=worker.id).one()
    assert submission.submitted_at is not None
    values = {(r.vignette_id, r.theme_id): r.value for r in submission.ratings}
    assert values[(v2.id, social.id)] is None and values[(v1.id, mobility.id)] == 2
    assert len(values) == 4


def test_submitting_with_an_unanswered_theme_is_refused_in_danish(client, login_as, setup):
    login_as(person=setup["workers"][0])
    answers = _answers(setup, "2")
    answers[next(iter(answers))] = ""
    answers["send"] = "1"
    response = client.post(f"/kalibrering/runder/{setup['round'].id}/vurder", data=answers, follow_redirects=True)
    assert "Vælg en værdi eller &#39;ikke relevant&#39; for alle temaer" in response.get_data(as_text=True)
    assert db.session.query(Submission).filter(Submission.submitted_at.is_not(None)).count() == 0


def test_a_cpr_number_in_a_reason_is_refused_and_nothing_is_saved(client, login_as, setup):
    login_as(person=setup["workers"][0])
    answers = _answers(setup, "1", "Borgeren med 010190-1234 klarer sig")
    answers["send"] = "1"
    response = client.post(f"/kalibrering/runder/{setup['round'].id}/vurder", data=answers)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "CPR-nummer" in page and "010190-1234" not in page
    assert db.session.query(Rating).count() == 0


def test_rating_is_blind_until_you_submit_and_results_wait_for_closing(client, login_as, setup):
    _submit_all(setup, values=(1, 2))
    late = setup["workers"][2]
    login_as(person=late)
    rate_page = client.get(f"/kalibrering/runder/{setup['round'].id}/vurder").get_data(as_text=True)
    assert "begrundelse fra" not in rate_page and "Rollatoren tæller med." not in rate_page
    response = client.get(f"/kalibrering/runder/{setup['round'].id}/resultater")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/runder/{setup['round'].id}")


def test_a_submitted_rater_cannot_change_their_ratings(setup):
    _submit_all(setup)
    with pytest.raises(CalibrationError):
        save_ratings(setup["round"], setup["workers"][0], {}, submit=False)


def test_a_case_worker_outside_the_invited_teams_cannot_rate(client, login_as, setup):
    outsider = make_person(team=make_team())
    login_as(person=outsider)
    assert client.get(f"/kalibrering/runder/{setup['round'].id}/vurder").status_code == 403
    with pytest.raises(CalibrationError):
        save_ratings(setup["round"], outsider, {}, submit=False)


def test_closing_reveals_results_reference_and_reasoning_to_everyone(client, login_as, setup):
    _submit_all(setup)
    login_as(person=setup["superuser"])
    page = client.get(f"/kalibrering/runder/{setup['round'].id}").get_data(as_text=True)
    assert "3 af 4 har indsendt" in page
    assert client.post(f"/kalibrering/runder/{setup['round'].id}/luk").status_code == 302
    assert db.session.get(CalibrationRound, setup["round"].id).is_closed
    login_as(person=setup["workers"][0])
    results = client.get(f"/kalibrering/runder/{setup['round'].id}/resultater")
    text = results.get_data(as_text=True)
    assert results.status_code == 200
    assert "Rollatoren tæller med." in text and "Dine vurderinger" in text and "data-figure" in text
    assert "Sagsbehandler 0" in text  # own name
    assert "Sagsbehandler 1" not in text and "Bedømmer 2" in text  # colleagues anonymised


def test_the_teams_superuser_sees_names_in_the_leniency_results(client, login_as, setup):
    _submit_all(setup)
    setup["round"].closed_at = utcnow()
    db.session.commit()
    login_as(person=setup["superuser"])
    text = client.get(f"/kalibrering/runder/{setup['round'].id}/resultater").get_data(as_text=True)
    assert all(w.name in text for w in setup["workers"])
    # values 1, 2, 3: the lowest is 1.5 below the others' median (2.5), the highest 1.5 above (1.5)
    assert "+1,50" in text and "−1,50" in text


def test_leadership_sees_team_alpha_and_the_trend_but_not_the_vignette_library(client, login_as, setup):
    _submit_all(setup)
    setup["round"].closed_at = utcnow()
    db.session.commit()
    login_as("ledelse")
    text = client.get(f"/kalibrering/runder/{setup['round'].id}/resultater").get_data(as_text=True)
    assert "Enighed pr. team" in text and "Handicap Nord" in text
    assert "Sagsbehandler 0" not in text
    trend = client.get("/kalibrering/udvikling").get_data(as_text=True)
    assert "Forårsrunden" in trend and "Tema Mobilitet" in trend
    assert client.get("/kalibrering/vignetter").status_code == 403


def test_results_with_too_little_data_explain_instead_of_crashing(client, login_as, setup):
    submit_ratings(setup["round"], setup["workers"][0],
                   {(v, t): 2 for v in setup["vignettes"] for t in setup["themes"]})
    setup["round"].closed_at = utcnow()
    db.session.commit()
    login_as(person=setup["workers"][0])
    response = client.get(f"/kalibrering/runder/{setup['round'].id}/resultater?niveau=interval")
    text = response.get_data(as_text=True)
    assert response.status_code == 200 and "nan" not in text.lower().replace("nanna", "")
    assert "mindst to bedømmere" in text


def test_the_start_page_invites_a_case_worker_to_rate(client, login_as, setup):
    setup["round"].opens_on = date.today()
    db.session.commit()
    login_as(person=setup["workers"][0])
    text = client.get("/").get_data(as_text=True)
    assert "Der venter vurderinger fra dig" in text and "Forårsrunden" in text


def test_a_vignette_with_a_cpr_number_is_refused_and_references_are_saved(client, login_as, setup):
    login_as(person=setup["superuser"])
    mobility, social = setup["themes"]
    response = client.post("/kalibrering/vignetter/ny", data={
        "title": "Test", "text": "Borger 0101901234 bor alene", "theme_ids": [mobility.id], "active": "y"})
    assert "CPR-nummer" in response.get_data(as_text=True)
    assert db.session.query(Vignette).filter_by(title="Test").count() == 0
    response = client.post("/kalibrering/vignetter/ny", data={
        "title": "Test", "text": "En fiktiv borger bor alene", "theme_ids": [mobility.id, social.id], "active": "y"})
    vignette = db.session.query(Vignette).filter_by(title="Test").one()
    response = client.post(f"/kalibrering/vignetter/{vignette.id}/facit", data={
        f"value_{mobility.id}": "3", f"reason_{mobility.id}": "Kan kun gå korte stykker.", f"value_{social.id}": ""})
    assert response.status_code == 302
    db.session.refresh(vignette)
    refs = {item.theme_id: (item.reference_value, item.reference_reason) for item in vignette.items}
    assert refs == {mobility.id: (3, "Kan kun gå korte stykker."), social.id: (None, "")}


def test_the_team_page_shows_the_teams_alpha_per_closed_round(client, login_as, setup):
    _submit_all(setup)
    setup["round"].closed_at = utcnow()
    db.session.commit()
    login_as("projektleder")
    text = client.get(f"/teams/{setup['team'].id}").get_data(as_text=True)
    assert "Enighed om skalaen i teamet" in text and "Forårsrunden" in text


def test_every_calibration_route_sends_anonymous_visitors_to_login(app, client):
    rules = [r for r in app.url_map.iter_rules() if r.endpoint.startswith("calibration.")]
    assert len(rules) >= 12
    for rule in rules:
        url = rule.rule.replace("<int:round_id>", "1").replace("<int:vignette_id>", "1")
        method = "GET" if "GET" in rule.methods else "POST"
        response = client.open(url, method=method)
        assert response.status_code == 302 and "/login" in response.headers["Location"], url


def test_progress_counts_agree_with_the_full_progress_list(setup):
    """The start page's cheap counts and the round page's list count the same people."""
    from implementering.calibration.services import progress, progress_counts

    round_ = setup["round"]
    assert progress_counts(round_) == (0, 4)
    _submit_all(setup, values=(1, 2))
    rows = progress(round_)
    assert progress_counts(round_) == (sum(1 for _p, s in rows if s == "submitted"), len(rows)) == (2, 4)
