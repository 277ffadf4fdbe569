"""The pure anonymity and curve rules in implementering.analytics.pulse."""
import random

from implementering.analytics.pulse import (RawCell, combine, expected_motivation, expected_phase, item_stats,
                                            motivation_curve, motivation_warning, shown_comments)


def cell(team, values, round_key="r1"):
    return RawCell(round_key, team, len(values), {"motivation": values})


def test_item_stats_gives_mean_spread_and_distribution():
    stats = item_stats([1, 3, 5, 5])
    assert stats.mean == 3.5 and round(stats.sd, 3) == 1.658 and stats.distribution == (1, 0, 1, 0, 2)


def test_a_group_below_the_minimum_is_suppressed():
    result = combine([cell("a", [5, 5, 5, 5])], min_size=5)
    assert result.suppressed and result.items == {} and result.n == 0


def test_a_combined_group_never_includes_a_suppressed_cell_so_it_cannot_be_subtracted_out():
    big, small = cell("a", [4, 4, 4, 4, 4, 4]), cell("b", [1, 1])
    total = combine([big, small], min_size=5)
    alone = combine([big], min_size=5)
    assert total.n == 6 and total.items["motivation"].mean == 4.0
    assert total.items == alone.items  # total minus the big team reveals nothing about the small one
    assert total.cells_left_out == 1


def test_several_small_cells_do_not_add_up_to_a_shown_group():
    result = combine([cell("a", [1, 2, 3]), cell("b", [4, 5, 5])], min_size=5)
    assert result.suppressed


def test_comments_come_only_from_cells_with_enough_answers_and_in_random_order():
    texts = [f"kommentar {i}" for i in range(20)]
    shown = shown_comments([(6, texts), (2, ["fra det lille team"])], 5, random.Random(1))
    assert "fra det lille team" not in shown and sorted(shown) == sorted(texts) and shown != texts


def test_the_expected_curve_rises_dips_and_recovers():
    before, start, dip, later = (expected_motivation(w) for w in (-12, 0, 14, 40))
    assert start > before and dip < start - 0.8 and later > start
    assert [expected_phase(w) for w in (-3, 2, 14, 30, 50)] == [
        "forberedelse", "opstart", "dyk", "genrejsning", "forankring"]


def test_the_curve_has_no_mean_for_a_suppressed_round():
    from datetime import date
    points = [(date(2026, 1, 5), cell("a", [4] * 6)), (date(2026, 2, 2), cell("a", [1, 1]))]
    curve = motivation_curve(points, "motivation", 5, go_live=date(2026, 1, 1))
    assert curve[0].mean == 4.0 and curve[1].mean is None and curve[1].expected is not None


def test_a_clear_fall_over_two_rounds_or_a_low_level_gives_a_warning():
    assert motivation_warning([4.2, 4.0, 3.6]).reason == "fald"
    assert motivation_warning([3.0, 2.9, 2.8]).reason == "lav"
    assert motivation_warning([3.8, 3.9, 3.7]) is None
    assert motivation_warning([None, None]) is None
