"""Activities: linked activities, history, series, overdue, the wizard and moving go-live."""
from datetime import date, timedelta

from implementering.extensions import db
from implementering.plan import constants as c
from implementering.plan.models import Activity
from implementering.plan.rollout import draft_rollout, move_go_live
from implementering.plan.services import (activities_for_person, cancel_rest_of_series, create_series,
                                          delete_linked_activity, update_activity, upsert_linked_activity)
from tests.builders import make_person, make_team
from tests.plan.builders import make_activity


def test_a_linked_activity_is_created_once_and_updated_in_place(db):
    team = make_team()
    first = upsert_linked_activity("training_session", 7, title="Kursus dag 1", type=c.TYPE_COURSE,
                                   start=date(2026, 3, 2), teams=[team])
    db.session.commit()
    again = upsert_linked_activity("training_session", 7, title="Kursus, dag 1", type=c.TYPE_COURSE,
                                   start=date(2026, 3, 3), teams=[team])
    db.session.commit()
    assert again.id == first.id
    assert db.session.scalar(db.select(db.func.count(Activity.id))) == 1
    assert (again.title, again.start_date, again.end_date) == ("Kursus, dag 1", date(2026, 3, 3), date(2026, 3, 3))
    assert again.focus_area == c.AREA_TRAINING
    delete_linked_activity("training_session", 7)
    db.session.commit()
    assert db.session.scalar(db.select(db.func.count(Activity.id))) == 0


def test_my_activities_include_those_i_lead_join_or_join_through_my_team(db):
    team = make_team()
    me = make_person(team=team)
    lead = make_activity("Jeg leder", responsible=me)
    via_team = make_activity("Via team", teams=[team])
    direct = make_activity("Direkte", persons=[me])
    make_activity("Ikke mig")
    assert {a.id for a in activities_for_person(me)} == {lead.id, via_team.id, direct.id}


def test_changing_an_activity_records_who_changed_what(db):
    pia = make_person(name="Pia")
    activity = make_activity("Møde")
    changed = update_activity(activity, pia, title="Teammøde", status=c.STATUS_DONE)
    db.session.commit()
    fields = {(ch.field, ch.old_value, ch.new_value, ch.person_id) for ch in activity.changes}
    assert changed == 3  # title, status and the filled-in completion date
    assert ("title", "Møde", "Teammøde", pia.id) in fields
    assert ("status", "Planlagt", "Gennemført", pia.id) in fields
    assert activity.completed_on is not None


def test_an_activity_is_overdue_only_when_open_and_past_its_end():
    activity = Activity(title="x", start_date=date(2026, 1, 1), end_date=date(2026, 1, 5), status=c.STATUS_PLANNED)
    assert activity.days_overdue(date(2026, 1, 5)) == 0
    assert activity.days_overdue(date(2026, 1, 8)) == 3
    activity.status = c.STATUS_DONE
    assert activity.days_overdue(date(2026, 1, 8)) == 0
    activity.status = c.STATUS_POSTPONED
    assert activity.days_overdue(date(2026, 1, 8)) == 3


def test_a_series_makes_one_editable_activity_per_occurrence(db):
    series = create_series(None, title="Erfaringsmøde", first_date=date(2026, 2, 2), interval_weeks=5, count=4,
                           type=c.TYPE_EXPERIENCE_MEETING)
    db.session.commit()
    dates = [a.start_date for a in series.activities]
    assert dates == [date(2026, 2, 2), date(2026, 3, 9), date(2026, 4, 13), date(2026, 5, 18)]
    second = series.activities[1]
    update_activity(second, None, status=c.STATUS_CANCELLED)
    assert [a.status for a in series.activities].count(c.STATUS_CANCELLED) == 1
    assert cancel_rest_of_series(series.activities[2], None) == 2
    assert [a.status for a in series.activities] == [c.STATUS_PLANNED] + [c.STATUS_CANCELLED] * 3


def test_the_wizard_drafts_a_staggered_plan_relative_to_each_go_live(db):
    leader = make_person(roles=["projektleder"])
    teams = [make_team(name=f"Team {n}") for n in "ABC"]
    go_lives = {teams[0].id: date(2026, 3, 2), teams[1].id: date(2026, 4, 6), teams[2].id: date(2026, 5, 4)}
    rollout = draft_rollout(leader, name="Udrulning", teams=teams, go_lives=go_lives)
    db.session.commit()
    acts = list(db.session.scalars(db.select(Activity).where(Activity.rollout_id == rollout.id)))
    course = {a.anchor_team_id: a for a in acts if a.type == c.TYPE_COURSE}
    assert {tid: a.start_date for tid, a in course.items()} == {
        tid: d - timedelta(days=14) for tid, d in go_lives.items()}
    superuser = [a for a in acts if a.type == c.TYPE_SUPERUSER_TRAINING][0]
    assert superuser.start_date < min(a.start_date for a in course.values())
    meetings = sorted(a.start_date for a in acts if a.type == c.TYPE_TEAM_MEETING and a.anchor_team_id == teams[1].id)
    assert meetings[0] == date(2026, 4, 13) and len(meetings) == 8
    assert all((b - a).days == 7 for a, b in zip(meetings, meetings[1:]))
    experience = sorted(a.start_date for a in acts if a.type == c.TYPE_EXPERIENCE_MEETING)
    assert all(28 <= (b - a).days <= 42 for a, b in zip(experience, experience[1:]))
    seminar = [a for a in acts if a.type == c.TYPE_SEMINAR][0]
    assert 170 <= (seminar.start_date - date(2026, 3, 2)).days <= 190
    informing = [a for a in acts if a.type == c.TYPE_COMMUNICATION]
    assert informing and all(a.start_date < date(2026, 3, 2) for a in informing)
    assert teams[2].go_live == date(2026, 5, 4)


def test_moving_go_live_moves_only_drafted_activities_that_have_not_started(db):
    team = make_team()
    rollout = draft_rollout(None, name="U", teams=[team], go_lives={team.id: date(2026, 6, 1)})
    db.session.commit()
    acts = {a.title: a for a in db.session.scalars(db.select(Activity).where(Activity.rollout_id == rollout.id))}
    done = acts["Orientering af det politiske udvalg"]
    update_activity(done, None, status=c.STATUS_DONE)
    by_hand = acts[f"VUM-kursus – {team.name}"]
    update_activity(by_hand, None, start_date=date(2026, 5, 1), end_date=date(2026, 5, 1))
    golive = acts[f"Go-live – {team.name}"]
    old_done = done.start_date
    moved = move_go_live(rollout, None, {team.id: date(2026, 6, 15)}, today=date(2026, 1, 1))
    db.session.commit()
    assert golive.start_date == date(2026, 6, 15)
    assert done.start_date == old_done
    assert by_hand.start_date == date(2026, 5, 1)
    assert moved == len(acts) - 2
    assert team.go_live == date(2026, 6, 15)
    assert any(ch.field == "start_date" for ch in golive.changes)
