"""Drawing cases: reproducible with a seed, rules and exclusions respected, reviewers never their own case."""
from datetime import date, timedelta

from hypothesis import given, strategies as st

from implementering.notifications.models import OutboxMessage
from implementering.quality.models import OPEN, QualityRound
from implementering.quality.review_models import Review
from implementering.quality.rounds import open_due_rounds, open_round, send_review_reminders
from implementering.quality.sampling import Candidate, assign_reviewers, draw_sample
from tests.builders import make_person, make_team
from tests.cases.builders import make_case
from tests.quality.builders import make_round


def _candidates(n, teams=2):
    return [Candidate(i, i % teams, 100 + i % 5, i % 3, ["ny", "aendring"][i % 2], date(2026, 1, 1)) for i in range(1, n + 1)]


def test_the_same_seed_gives_the_same_draw_whatever_the_input_order():
    pool = _candidates(40)
    first = draw_sample(pool, size=3, seed=7)
    again = draw_sample(list(reversed(pool)), size=3, seed=7)
    assert [d.case_id for d in first] == [d.case_id for d in again]
    assert [d.case_id for d in draw_sample(pool, size=3, seed=8)] != [d.case_id for d in first]


def test_each_team_gets_its_own_number_of_cases_and_spread_covers_areas():
    draws = draw_sample(_candidates(60), size=3, seed=1, spread=True)
    assert sorted({d.group for d in draws}) == [0, 1] and len(draws) == 6
    for team in (0, 1):
        strata = [d.stratum for d in draws if d.group == team]
        assert len(set(strata)) == 3  # three different area/type combinations before any repeat


@given(st.lists(st.tuples(st.integers(1, 30), st.integers(1, 3), st.integers(1, 6)), max_size=40, unique_by=lambda t: t[0]),
       st.integers(0, 10_000))
def test_a_case_worker_never_reviews_their_own_case(cases, seed):
    eligible = {1: [1, 2], 2: [3], 3: [4, 5, 6]}
    chosen = assign_reviewers(cases, eligible, seed)
    for case_id, team_id, caseworker_id in cases:
        assert chosen[case_id] != caseworker_id
        assert chosen[case_id] is None or chosen[case_id] in eligible[team_id]


def test_opening_a_round_draws_by_the_rules_assigns_reviewers_and_emails_them(db):
    team = make_team()
    superuser = make_person(team=team, roles=["superbruger", "sagsbehandler"])
    superuser.supported_teams = [team]
    worker = make_person(team=team)
    manager = make_person(team=team, roles=["ledelse"])
    today = date.today()
    for i in range(4):
        make_case(f"OK-{i}", team=team, caseworker=superuser if i == 0 else worker, opened_on=today - timedelta(days=10))
    make_case("GAMMEL", team=team, caseworker=worker, opened_on=today - timedelta(days=400))
    make_case("UDEN-VUM", team=team, caseworker=worker, opened_on=today, handled_with_vum=False)
    make_case("OPFOELGNING", team=team, caseworker=worker, opened_on=today, case_type="opfoelgning")
    round_ = make_round([team], size=10, only_new=True, only_vum=True)
    assert open_round(round_) == 4
    drawn = {s.case.reference for s in round_.samples}
    assert drawn == {"OK-0", "OK-1", "OK-2", "OK-3"}
    assert all("frø 42" in s.reason and "kun VUM-sager" in s.reason for s in round_.samples)
    reviews = db.session.query(Review).all()
    assert all(r.reviewer_id in (superuser.id, manager.id) for r in reviews)
    own = next(r for r in reviews if r.case.reference == "OK-0")
    assert own.reviewer_id == manager.id
    assert db.session.query(OutboxMessage).count() == 4
    assert open_round(round_) == 0 and db.session.query(Review).count() == 4  # idempotent


def test_a_case_drawn_within_a_year_is_not_drawn_again_unless_allowed(db):
    team = make_team()
    make_case("EN", team=team, opened_on=date.today() - timedelta(days=5))
    first = make_round([team], size=1)
    open_round(first)
    second = make_round([team], size=1, seed=99)
    open_round(second)
    assert len(first.samples) == 1 and second.samples == []
    third = make_round([team], size=1, allow_repeat=True)
    open_round(third)
    assert [s.case.reference for s in third.samples] == ["EN"]


def test_the_job_opens_due_rounds_plans_the_next_month_and_reminds_once(db):
    team = make_team()
    reviewer = make_person(team=team, roles=["ledelse"])
    make_case(team=team, caseworker=make_person(team=team), opened_on=date.today() - timedelta(days=20))
    round_ = make_round([team], recurrence="maaned", opens_on=date.today() - timedelta(days=12))
    assert open_due_rounds() == 1
    db.session.refresh(round_)
    assert round_.status == OPEN
    follow = db.session.query(QualityRound).filter_by(previous_id=round_.id).one()
    assert follow.opens_on.month != round_.opens_on.month and follow.status == "planlagt"
    assert send_review_reminders() == 1 and send_review_reminders() == 1
    reminders = db.session.query(OutboxMessage).filter(OutboxMessage.subject.like("Påmindelse%")).all()
    assert len(reminders) == 1 and reminders[0].recipient == reviewer.email
