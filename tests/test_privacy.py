"""CPR detection is strict about shape and date, and never relies on modulus 11."""
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from implementering.privacy import (MIN_GROUP_SIZE_FLOOR, contains_cpr, effective_min_group_size, find_cpr,
                                    is_cpr_date, may_show_group, redact_cpr)


@pytest.mark.parametrize("text", [
    "010190-1234", "0101901234", "010190 1234", "Borger 311299-4321 har søgt", "(290200-1111)",
    "cpr:150575-0000.", "010190\u20131234", "se 010190 - 1234 i sagen",
])
def test_cpr_numbers_in_the_usual_shapes_are_found(text):
    assert contains_cpr(text)


@pytest.mark.parametrize("text", [
    "320190-1234",      # no 32nd day
    "011390-1234",      # no 13th month
    "000190-1234",      # no day 0
    "290201-1234",      # 29 February 2001/1901 did not exist
    "310490-1234",      # April has 30 days
    "12345678901234",   # a longer run of digits is not a CPR number
    "010190-123",       # too short
    "2026-000123",      # a case reference
    "tlf. 12 34 56 78",
    "",
])
def test_things_that_are_not_cpr_numbers_are_left_alone(text):
    assert not contains_cpr(text)


def test_the_modulus_11_check_is_not_required():
    # 010190-1235 fails modulus 11 but may still be a real (post-2007) CPR number.
    assert contains_cpr("010190-1235")


def test_29_february_is_accepted_only_in_years_divisible_by_four():
    assert is_cpr_date(29, 2, 0) and is_cpr_date(29, 2, 96)
    assert not is_cpr_date(29, 2, 1) and not is_cpr_date(29, 2, 99)


def test_redaction_removes_the_number_and_keeps_the_rest():
    assert redact_cpr("Borger 010190-1234 ringede") == "Borger [CPR fjernet] ringede"


dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
separators = st.sampled_from(["", "-", " "])
surroundings = st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=20)


@given(day=dates, serial=st.integers(0, 9999), sep=separators, before=surroundings, after=surroundings)
def test_every_real_date_with_any_serial_is_found_wherever_it_stands(day, serial, sep, before, after):
    number = f"{day:%d%m%y}{sep}{serial:04d}"
    text = before + number + after
    matches = find_cpr(text)
    assert matches, text
    assert any(text[m.start:m.end].replace(" ", "").replace("-", "") == number.replace(" ", "").replace("-", "")
               for m in matches)


@given(dd=st.integers(0, 99), mm=st.integers(0, 99), yy=st.integers(0, 99), serial=st.integers(0, 9999))
def test_a_ten_digit_number_is_a_cpr_number_exactly_when_it_starts_with_a_real_date(dd, mm, yy, serial):
    text = f"{dd:02d}{mm:02d}{yy:02d}{serial:04d}"
    real = False
    for century in (1900, 2000):
        try:
            date(century + yy, mm, dd)
            real = True
        except ValueError:
            pass
    assert contains_cpr(text) == real


@given(digits=st.text(alphabet="0123456789", min_size=11, max_size=30))
def test_longer_digit_runs_never_count(digits):
    assume(len(digits) >= 11)
    assert not contains_cpr(digits)


def test_the_minimum_group_size_never_goes_below_the_floor():
    assert effective_min_group_size(1) == MIN_GROUP_SIZE_FLOOR
    assert effective_min_group_size(None) == 5
    assert effective_min_group_size(8) == 8
    assert not may_show_group(4) and may_show_group(5)
    assert may_show_group(3, configured_min=3) and not may_show_group(2, configured_min=1)
