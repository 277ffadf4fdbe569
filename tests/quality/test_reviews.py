"""Reviews: required reasons, criteria versioning, the audit panel, recommendations and who sees what."""
from datetime import date, timedelta

from implementering.analytics.quality import panel_agreement
from implementering.quality.criteria import create_version
from implementering.quality.models import CriteriaSet
from implementering.quality.review_models import Recommendation, Review
from implementering.quality.reviews import answer_problems, may_see_review, save_review
from implementering.quality.rounds import open_round
from tests.builders import make_person, make_team
from tests.cases.builders import make_case, make_themes
from tests.quality.builders import make_criteria, make_round


def test_the_two_lowest_levels_and_cannot_judge_need_a_reason():
    answers = {1: ("hoej", ""), 2: ("mindre", ""), 3: ("slet_ikke", "Mangler mål"), 4: ("kan_ikke", " ")}
    problems = answer_problems([1, 2, 3, 4], answers, submitting=True)
    assert set(problems) == {2, 4} and "begrundelse" in problems[2]
    assert answer_problems([1, 2], {1: ("hoej", "")}, submitting=False) == {}
    assert answer_problems([1, 2], {1: ("hoej", "")}, submitting=True) == {2: "Vælg et svar."}


def test_a_new_criteria_version_leaves_reviews_on_the_old_version_untouched(db):
    version1 = make_criteria("Formålet er klart")
    team = make_team()
    make_case(team=team, caseworker=make_person(team=team))
    make_person(team=team, roles=["ledelse"])
    round_ = make_round([team], version=version1)
    open_round(round_)
    review = db.session.query(Review).one()
    save_review(review, {version1.criteria[0].id: ("hoej", "")}, {}, "", submit=True)
    criteria_set = db.session.get(CriteriaSet, version1.set_id)
    version2 = create_version(criteria_set, [{"text": "Formålet er klart"}, {"text": "Borgeren er inddraget"}], note="ny")
    db.session.expire_all()
    review = db.session.get(Review, review.id)
    assert version2.number == 2 and review.criteria_version.number == 1
    assert [c.text for c in review.criteria_version.criteria] == ["Formålet er klart"]
    assert version2.criteria[0].key == version1.criteria[0].key  # same text keeps its key for trends


def test_panel_agreement_marks_spread_and_disagreement():
    assert panel_agreement(["hoej", "hoej", "hoej"]).verdict == "enig"
    assert panel_agreement(["hoej", "nogen"]).verdict == "taet"
    assert panel_agreement(["hoej", "slet_ikke", "nogen"]).spread == 3
    assert panel_agreement(["hoej", "kan_ikke"]).verdict == "uenig"
    assert panel_agreement(["hoej", None]).verdict == "ingen"


def _audit(db):
    version = make_criteria("Formålet er klart", "Målene er SMARTe")
    team = make_team()
    a, b, c = (make_person(roles=["superbruger"]) for _ in range(3))
    worker = make_person(team=team)
    make_case("AUD-1", team=team, caseworker=worker, opened_on=date.today() - timedelta(days=2))
    make_case("AUD-2", team=team, caseworker=a, opened_on=date.today() - timedelta(days=2))
    round_ = make_round([team], version=version, kind="audit", panel=[a, b, c], size=5)
    open_round(round_)
    return round_, version, (a, b, c)


def test_every_panel_member_rates_every_case_except_their_own(db):
    round_, _version, (a, b, c) = _audit(db)
    pairs = {(r.case.reference, r.reviewer_id) for r in db.session.query(Review).all()}
    assert ("AUD-2", a.id) not in pairs and len(pairs) == 5


def test_the_panel_page_highlights_disagreement_and_turns_recommendations_into_actions(client, db, login_as):
    round_, version, panel = _audit(db)
    first, second = version.criteria
    levels = {panel[0].id: "hoej", panel[1].id: "slet_ikke", panel[2].id: "hoej"}
    for review in db.session.query(Review).all():
        save_review(review, {first.id: ("hoej", ""), second.id: (levels[review.reviewer_id], "Uklart")}, {}, "", True)
    login_as("projektleder")
    text = client.get(f"/kvalitet/runder/{round_.id}/panel").get_data(as_text=True)
    assert text.index("Målene er SMARTe") < text.index("Formålet er klart")  # most spread first
    assert "verdict-uenig" in text and "Uenige" in text
    owner = panel[1]
    response = client.post(f"/kvalitet/runder/{round_.id}/panel",
                           data={"a-text": "Skriv mål med tidsramme", "a-owner_id": owner.id, "a-due_on": "2026-12-01",
                                 "a-add": "1"})
    assert response.status_code == 302
    item = db.session.query(Recommendation).one()
    assert (item.number, item.owner_id, item.status) == (1, owner.id, "aaben")
    client.post(f"/kvalitet/anbefalinger/{item.id}", data={"status": "faerdig"})
    db.session.expire_all()
    assert db.session.get(Recommendation, item.id).status == "faerdig"


def _submitted_review(db):
    team, other = make_team(), make_team()
    worker = make_person(team=team)
    manager = make_person(team=team, roles=["ledelse"])
    version = make_criteria("Formålet er klart")
    make_case("SE-1", team=team, caseworker=worker, opened_on=date.today())
    round_ = make_round([team], version=version)
    open_round(round_)
    review = db.session.query(Review).one()
    save_review(review, {version.criteria[0].id: ("mindre", "Formålet står ikke")}, {}, "", True)
    return review, worker, manager, team, other


def test_who_may_see_a_review(db):
    review, worker, manager, team, other = _submitted_review(db)
    superuser_elsewhere = make_person(roles=["superbruger"])
    superuser_elsewhere.supported_teams = [other]
    superuser_here = make_person(roles=["superbruger"])
    superuser_here.supported_teams = [team]
    assert may_see_review(worker, review) and may_see_review(manager, review) and may_see_review(superuser_here, review)
    assert not may_see_review(make_person(team=team), review)  # a colleague
    assert not may_see_review(superuser_elsewhere, review)
    assert not may_see_review(make_person(roles=["ledelse"]), review)  # leadership sees results, not cases


def test_the_case_worker_reads_the_reasons_but_a_colleague_is_refused(client, db, login_as):
    review, worker, _manager, team, _other = _submitted_review(db)
    login_as(person=worker)
    text = client.get(f"/kvalitet/gennemgang/{review.id}/vis").get_data(as_text=True)
    assert "Formålet står ikke" in text and "I mindre grad" in text
    login_as(person=make_person(team=team))
    assert client.get(f"/kvalitet/gennemgang/{review.id}/vis").status_code == 403


def test_submitting_without_a_required_reason_shows_a_danish_field_error(client, db, login_as):
    team = make_team()
    reviewer = make_person(team=team, roles=["ledelse"])
    theme = make_themes("egenomsorg")[0]
    version = make_criteria("Formålet er klart")
    make_case(team=team, caseworker=make_person(team=team))
    open_round(make_round([team], version=version))
    review = db.session.query(Review).one()
    login_as(person=reviewer)
    criterion = version.criteria[0]
    response = client.post(f"/kvalitet/gennemgang/{review.id}",
                           data={f"c{criterion.id}": "slet_ikke", f"r{criterion.id}": "", f"t{theme.id}": "2", "submit": "1"})
    assert "Skriv en begrundelse" in response.get_data(as_text=True)
    response = client.post(f"/kvalitet/gennemgang/{review.id}",
                           data={f"c{criterion.id}": "slet_ikke", f"r{criterion.id}": "Ingen mål for 241190-1234",
                                 "submit": "1"})
    assert "CPR-nummer" in response.get_data(as_text=True)
    response = client.post(f"/kvalitet/gennemgang/{review.id}",
                           data={f"c{criterion.id}": "slet_ikke", f"r{criterion.id}": "Ingen mål", f"t{theme.id}": "2",
                                 "submit": "1"})
    assert response.status_code == 302
    db.session.expire_all()
    review = db.session.get(Review, review.id)
    assert review.status == "afsluttet" and review.theme_ratings[0].value == 2


def test_only_the_assigned_reviewer_may_fill_the_form(client, db, login_as):
    team = make_team()
    make_person(team=team, roles=["ledelse"])
    make_case(team=team)
    open_round(make_round([team]))
    review = db.session.query(Review).one()
    login_as("projektleder")
    assert client.get(f"/kvalitet/gennemgang/{review.id}").status_code == 403


def test_results_rank_the_weakest_criterion_first_and_export_xlsx(client, db, login_as):
    review, *_ = _submitted_review(db)
    login_as("ledelse")
    response = client.get("/kvalitet/resultater")
    text = response.get_data(as_text=True)
    assert response.status_code == 200 and "Formålet er klart" in text and "0 %" in text
    export = client.get("/kvalitet/resultater.xlsx")
    assert export.status_code == 200 and export.data[:2] == b"PK"
    login_as("sagsbehandler")
    assert client.get("/kvalitet/resultater").status_code == 403
