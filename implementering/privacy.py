"""Privacy rules as pure functions: Danish CPR detection and the minimum group size.

A CPR number is DDMMYY followed by four digits, written together, with a dash or
with a space. We refuse anything of that shape whose first six digits form a real
calendar date, and deliberately do not rely on the modulus-11 check: numbers issued
since 2007 need not satisfy it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: Smallest group whose pulse answers may be shown; the configured value may not go below.
MIN_GROUP_SIZE_FLOOR = 3
DEFAULT_MIN_GROUP_SIZE = 5

_CPR_PATTERN = re.compile(
    r"(?<!\d)(?P<dd>\d{2})(?P<mm>\d{2})(?P<yy>\d{2})[ \t\u00a0]?[-\u2010\u2011\u2012\u2013]?[ \t\u00a0]?(?P<serial>\d{4})(?!\d)"
)

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class CprMatch:
    """Where a CPR-like number was found (never the number itself)."""

    start: int
    end: int


def is_cpr_date(day: int, month: int, two_digit_year: int) -> bool:
    """Tell whether DD/MM/YY is a real date in some century (29 February needs a leap year).

    Every two-digit year divisible by four is a leap year in at least one of the
    centuries a CPR number can belong to (e.g. 00 is 2000), so that is the rule used.
    """
    if not 1 <= month <= 12 or day < 1:
        return False
    if month == 2 and day == 29:
        return two_digit_year % 4 == 0
    return day <= _DAYS_IN_MONTH[month - 1]


def find_cpr(text: str | None) -> list[CprMatch]:
    """Return the positions of every CPR-like number in `text` (empty list when there is none)."""
    if not text:
        return []
    found = []
    for match in _CPR_PATTERN.finditer(text):
        if is_cpr_date(int(match["dd"]), int(match["mm"]), int(match["yy"])):
            found.append(CprMatch(match.start(), match.end()))
    return found


def contains_cpr(text: str | None) -> bool:
    """True when `text` contains something that must be treated as a CPR number."""
    return bool(find_cpr(text))


def redact_cpr(text: str) -> str:
    """Replace every CPR-like number in `text` with a fixed marker (for logs and error reports)."""
    for match in reversed(find_cpr(text)):
        text = text[: match.start] + "[CPR fjernet]" + text[match.end :]
    return text


def effective_min_group_size(configured: int | None) -> int:
    """The minimum group size actually enforced: the configured value, never below the floor."""
    if configured is None:
        return DEFAULT_MIN_GROUP_SIZE
    return max(int(configured), MIN_GROUP_SIZE_FLOOR)


def may_show_group(answer_count: int, configured_min: int | None = None) -> bool:
    """True when a group with `answer_count` answers is large enough to be shown."""
    return answer_count >= effective_min_group_size(configured_min)
