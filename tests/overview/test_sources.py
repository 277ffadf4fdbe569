"""Compass scores and key figures computed from data in every domain, against hand-computed values."""
from datetime import date, datetime, timedelta

from implementering.analytics import compass as cp
from implementering.overview.report import by_key
from implementering.overview.services import overview_for
from tests.builders import make_department, make_person, make_team
from tests.overview.builders import (TODAY, add_activity, add_calibration, add_cases, add_course, add_pulse,
                                     add_quality_review, add_readiness, make_world)


def test_a_domain_without_data_gives_no_score_rather_than_zero(db):
    make_team(go_live=TODAY - timedelta(days=10))
    overview = overview_for(TODAY)
    assert overview.compasses[0].current == {area: None for area in cp.AREAS}
    assert by_key(overview)["adoption_share"].value is None


def test_compass_scores_match_hand_computed_values(db):
    _dep, made = make_world(teams=1, workers=6)
    team, people = made[0]
    add_readiness(["ja", "delvist", "nej", "ikke_relevant"], updated=datetime(2026, 10, 5))
    add_quality_review(team, people[1], submitted=datetime(2026, 11, 2, 10),
                       levels=["hoej", "nogen", "slet_ikke", "kan_ikke"])
    add_calibration(people[:3], deadline=date(2026, 11, 1), values=[[0, 2, 4], [0, 2, 4], [0, 2, 4]])
    scores = overview_for(TODAY).compasses[0].current
    # checklist (1 + 0.5 + 0) / 3 = 0.5; activities 1 of 2 due done = 0.5 → 50
    assert scores[cp.READINESS] == 50.0
    assert scores[cp.TRAINING] == 50.0          # 3 of 6 on the course
    assert scores[cp.ADOPTION] == 50.0          # 2 of 4 new cases with VUM
    assert scores[cp.QUALITY] == 55.6           # (3 + 2 + 0) / 9
    assert scores[cp.CONSISTENCY] == 100.0      # perfect agreement: alpha 1
    assert scores[cp.MOTIVATION] == 75.0        # mean 4.0 on 1–5


def test_the_previous_quarter_counts_only_what_had_happened_by_its_end(db):
    team = make_team(go_live=date(2026, 7, 1))
    people = [make_person(team=team) for _ in range(4)]
    add_course(people[:1], date(2026, 8, 1))
    add_course(people[1:2], date(2026, 10, 15))
    add_cases(team, on=date(2026, 9, 7), new=4, new_vum=1)
    add_activity(team, end=date(2026, 9, 10), status="gennemfoert", completed_on=date(2026, 10, 20))
    compass = overview_for(TODAY).compasses[0]
    assert compass.previous[cp.TRAINING] == 25.0
    assert compass.current[cp.TRAINING] == 50.0
    assert compass.previous[cp.ADOPTION] == 25.0
    assert compass.previous[cp.READINESS] == 0.0   # due in Q3 but only done in Q4
    assert compass.current[cp.READINESS] == 100.0


def test_a_pulse_cell_below_the_minimum_is_left_out_of_every_figure(db):
    department = make_department()
    big = make_team(department=department)
    small = make_team(department=department)
    on = TODAY - timedelta(days=20)
    add_pulse(big, on=on, scores=[4, 4, 4, 4, 4])
    add_pulse(small, on=on, scores=[1, 1, 1, 1])        # 4 answers: suppressed
    overview = overview_for(TODAY)
    motivation = by_key(overview)["motivation_mean"]
    # The pooled figure is the big team's alone: adding the small team would reveal it by difference.
    assert motivation.value == 4.0
    scores = {c.team.name: c.current[cp.MOTIVATION] for c in overview.compasses}
    assert scores == {big.name: 75.0, small.name: None}
    assert overview_for(TODAY, team_id=small.id).key_figures[-3].value is None


def test_an_open_pulse_round_is_not_read(db):
    team = make_team()
    add_pulse(team, on=TODAY - timedelta(days=2), scores=[5, 5, 5, 5, 5, 5], status="open")
    assert by_key(overview_for(TODAY))["motivation_mean"].value is None


def test_teams_past_go_live_without_vum_cases_and_course_to_first_case(db):
    started = make_team(go_live=TODAY - timedelta(days=60))
    idle = make_team(go_live=TODAY - timedelta(days=30))
    make_team(go_live=TODAY + timedelta(days=30))
    worker = make_person(team=started)
    add_course([worker], TODAY - timedelta(days=70))
    add_cases(started, worker, on=TODAY - timedelta(days=58), new=1, new_vum=1)
    overview = overview_for(TODAY)
    assert [t.name for t in overview.not_started] == [idle.name]
    assert overview.median_course_to_case == 12.0


def test_the_overall_plan_figure_uses_a_goal_target_when_one_is_set(db):
    from implementering.extensions import db as _db
    from implementering.plan.goal_models import Goal

    team = make_team()
    add_activity(team, end=TODAY - timedelta(days=3), status="gennemfoert", completed_on=TODAY - timedelta(days=3))
    add_activity(team, end=TODAY - timedelta(days=2))
    _db.session.add(Goal(text="Halvdelen til tiden", measure="plan_done_share", target=50, start_date=TODAY,
                         deadline=TODAY + timedelta(days=30)))
    _db.session.commit()
    figure = by_key(overview_for(TODAY))["plan_done_share"]
    assert (figure.value, figure.target, figure.from_goal, figure.light) == (50.0, 50.0, True, cp.GREEN)


def test_key_figures_are_offered_as_goal_measures_with_the_overviews_value(db):
    from implementering.plan.goals import MEASURES

    make_world(teams=1)
    assert MEASURES["adoption_share"].compute(TODAY) == 50.0
    assert MEASURES["motivation_mean"].compute(TODAY) == 4.0


def test_adoption_is_followed_from_each_teams_go_live(db):
    early = make_team(go_live=date(2026, 6, 1))
    late = make_team(go_live=date(2026, 10, 12))
    add_cases(early, on=date(2026, 9, 7), new=2, new_vum=1)
    add_cases(late, on=date(2026, 9, 7), new=2, new_vum=0)      # before its go-live
    add_cases(late, on=date(2026, 11, 2), new=4, new_vum=3)
    chart = overview_for(TODAY).charts["adoption"]
    rows = {row[0]: row[1:] for row in chart.rows}
    header = chart.columns[1:]
    september = dict(zip(header, rows["2026-09-01"]))
    assert september["Alle valgte teams"] == "25 %"          # 1 of 4 new cases in September
    assert september[early.name] == "50 %" and september[late.name] == "–"
    assert dict(zip(header, rows["2026-11-01"]))[late.name] == "75 %"
    single = overview_for(TODAY, team_id=late.id).charts["adoption"]
    assert single.rows[0][0] == "2026-10-12" and dict(single.rows)["2026-11-02"] == "75 %"


def test_the_headline_counts_the_lights_and_names_the_weakest_area(db):
    make_world(teams=1)
    headline = overview_for(TODAY).readings["headline"]
    # plan 50 % red, overdue 1 yellow (target 0), training 50 % red, adoption 50 % red, motivation 4.0 green
    assert headline.startswith("1 af 5 nøgletal med mål er grønne, 1 gule og 3 røde")
    assert "svagest i kompasset står parathed" in headline


def test_the_headline_names_teams_that_have_not_started(db):
    make_team(go_live=TODAY - timedelta(days=30))
    make_team(go_live=TODAY - timedelta(days=20))
    add_readiness(["ja"])
    assert "2 teams er gået live uden sager i VUM" in overview_for(TODAY).readings["headline"]
