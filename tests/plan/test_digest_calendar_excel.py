"""The daily digest, the iCalendar feed and the Excel round trip."""
from datetime import date, time

import icalendar
from sqlalchemy import func, select

from implementering.extensions import db
from implementering.notifications.models import OutboxMessage
from implementering.plan import constants as c
from implementering.plan.calendar import build_calendar, renew_token
from implementering.plan.exchange import export_workbook, import_activities, plan_for_export
from implementering.plan.jobs import send_plan_digests
from implementering.plan.models import Activity
from implementering.tabular import read_xlsx
from tests.builders import make_person, make_team
from tests.plan.builders import make_activity

TODAY = date(2026, 3, 10)


def _outbox() -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage)))


def test_each_responsible_person_gets_one_digest_a_day_even_if_the_job_runs_twice(db):
    pia = make_person(name="Pia", email="pia@test.dk")
    make_activity("Forsinket møde", start=date(2026, 3, 1), responsible=pia)
    make_activity("Kursus snart", start=date(2026, 3, 12), responsible=pia)
    send_plan_digests(TODAY)
    send_plan_digests(TODAY)
    mails = _outbox()
    assert len(mails) == 1
    assert mails[0].recipient == "pia@test.dk"
    assert "Forsinket møde" in mails[0].body and "9 dage" in mails[0].body
    assert "Kursus snart" in mails[0].body
    send_plan_digests(date(2026, 3, 11))
    assert len(_outbox()) == 2


def test_no_digest_is_sent_when_there_is_nothing_to_say(db):
    pia = make_person()
    make_activity("Langt ude", start=date(2026, 6, 1), responsible=pia)
    make_activity("Færdig", start=date(2026, 3, 1), responsible=pia, status=c.STATUS_DONE)
    send_plan_digests(TODAY)
    assert _outbox() == []


def test_the_calendar_parses_back_with_stable_uids_and_copenhagen_times(db):
    timed = make_activity("Teammøde", start=date(2026, 3, 12), start_time=time(13), end_time=time(15, 30),
                          location="Lokale 2")
    allday = make_activity("Kursus", start=date(2026, 3, 16), end=date(2026, 3, 17))
    cal = icalendar.Calendar.from_ical(build_calendar([timed, allday], "Plan"))
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    assert str(events["Teammøde"]["uid"]) == f"activity-{timed.id}@vum-implementering"
    start = events["Teammøde"].decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Copenhagen" and start.hour == 13
    assert events["Kursus"].decoded("dtend") == date(2026, 3, 18)
    assert cal.walk("VTIMEZONE")
    again = icalendar.Calendar.from_ical(build_calendar([timed], "Plan"))
    assert str(again.walk("VEVENT")[0]["uid"]) == str(events["Teammøde"]["uid"])


def test_the_personal_feed_url_works_until_the_token_is_renewed(client, db):
    me = make_person()
    make_activity("Mit møde", responsible=me)
    make_activity("Andres møde")
    token = renew_token(me).token
    db.session.commit()
    response = client.get(f"/plan/ical/{token}.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    body = response.get_data(as_text=True)
    assert "Mit møde" in body and "Andres møde" not in body
    renew_token(me)
    db.session.commit()
    assert client.get(f"/plan/ical/{token}.ics").status_code == 404


def _round_trip_rows():
    activities, comm = plan_for_export()
    return read_xlsx(export_workbook(activities, comm))


def test_an_exported_plan_imports_back_without_changes_and_neutralises_formulas(db):
    team = make_team(name="Team Nord")
    pia = make_person(email="pia@test.dk")
    make_activity("=HYPERLINK(\"x\")", start=date(2026, 3, 2), end=date(2026, 3, 3), start_time=time(9),
                  responsible=pia, teams=[team], persons=[pia], description="- punkt et", type=c.TYPE_COURSE,
                  focus_area=c.AREA_TRAINING, notes="@alle")
    make_activity("Seminar", start=date(2026, 9, 1), status=c.STATUS_DONE, completed_on=date(2026, 9, 1))
    headers, rows = _round_trip_rows()
    assert rows[0].values["titel"].startswith("'=")
    report = import_activities(headers, rows, None)
    db.session.commit()
    assert report.ok and (report.created, report.updated, report.unchanged) == (0, 0, 2)
    first = db.session.scalar(select(Activity).order_by(Activity.id))
    assert first.title == "=HYPERLINK(\"x\")" and first.description == "- punkt et"
    assert len(first.changes) == 1  # only "created"


def test_an_import_with_a_bad_row_changes_nothing_and_lists_each_bad_row(db):
    make_activity("Møde", start=date(2026, 3, 2))
    headers, rows = _round_trip_rows()
    good = dict(rows[0].values, titel="Nyt navn")
    bad_date = dict(rows[0].values, id="", start="i morgen")
    bad_person = dict(rows[0].values, id="", ansvarlig="ukendt@test.dk", noter="0101901234")
    from implementering.tabular import Row

    report = import_activities(headers, [Row(2, good), Row(3, bad_date), Row(4, bad_person)], None)
    db.session.rollback()
    assert not report.ok
    assert {p.line for p in report.problems} == {3, 4}
    assert any("CPR" in p.message for p in report.problems)
    assert db.session.scalar(select(func.count(Activity.id))) == 1
    assert db.session.scalar(select(Activity.title)) == "Møde"
