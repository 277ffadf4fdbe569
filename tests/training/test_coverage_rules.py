"""The pure rules behind training status, the go-live flag and days from course to go-live."""
from datetime import date

from implementering.training.services import classify, days_course_to_go_live

GO_LIVE = date(2026, 12, 1)


def test_a_person_who_attended_is_done_and_never_flagged():
    assert classify(date(2026, 11, 1), None, GO_LIVE) == ("gennemfoert", False)


def test_a_person_without_course_or_session_is_flagged_when_the_team_has_a_go_live():
    assert classify(None, None, GO_LIVE) == ("mangler", True)


def test_a_person_without_course_is_not_flagged_while_the_team_has_no_go_live():
    assert classify(None, None, None) == ("mangler", False)


def test_an_enrolment_before_go_live_is_not_flagged():
    assert classify(None, date(2026, 11, 20), GO_LIVE) == ("tilmeldt", False)


def test_an_enrolment_on_or_after_go_live_is_flagged():
    assert classify(None, GO_LIVE, GO_LIVE) == ("tilmeldt", True)


def test_days_from_course_to_go_live_are_negative_when_the_course_came_after():
    assert days_course_to_go_live(date(2026, 11, 21), GO_LIVE) == 10
    assert days_course_to_go_live(date(2026, 12, 3), GO_LIVE) == -2
    assert days_course_to_go_live(None, GO_LIVE) is None
