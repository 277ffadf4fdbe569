"""Weekly support intensity and principle counts (pure)."""
from datetime import date

from implementering.analytics.support import topic_counts, weekly_intensity


def test_weekly_intensity_fills_empty_weeks_with_zero_and_sums_hours():
    rows = [(date(2026, 11, 2), 30), (date(2026, 11, 4), 90), (date(2026, 11, 18), 60), (date(2025, 1, 1), 999)]
    weeks = weekly_intensity(rows, date(2026, 11, 2), date(2026, 11, 22))
    assert [(w.week_start.day, w.sessions, w.hours) for w in weeks] == [(2, 2, 2.0), (9, 0, 0.0), (16, 1, 1.0)]


def test_topic_counts_rank_by_frequency_and_count_a_topic_once_per_session():
    counts = topic_counts([["skala", "maal"], ["skala", "skala"], ["maal"], ["inddragelse"]],
                          ["ressourcer", "skala", "inddragelse", "maal"])
    assert counts == [("skala", 2), ("maal", 2), ("inddragelse", 1)]
