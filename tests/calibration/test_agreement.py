"""The agreement statistics, tested without an app against published values and edge cases."""
import math

import numpy as np
import pytest

from implementering.analytics import agreement as ag

nan = np.nan

#: Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 observers × 12 units example.
K2011 = np.array([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
])
DOMAIN_1_5 = (1, 2, 3, 4, 5)

#: Krippendorff (1980) / Wikipedia: 3 coders × 15 units; nominal 0.691, interval 0.811.
K1980 = np.array([
    [nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3],
    [1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan],
    [nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4],
])


@pytest.mark.parametrize("level, published", [("nominal", 0.743), ("ordinal", 0.815),
                                              ("interval", 0.849), ("ratio", 0.797)])
def test_alpha_matches_krippendorffs_published_worked_example(level, published):
    result = ag.alpha(K2011, level, value_domain=DOMAIN_1_5)
    assert round(result.alpha, 3) == published
    assert result.units == 11 and result.pairable_values == 40 and result.raters == 4


@pytest.mark.parametrize("level, published", [("nominal", 0.691), ("interval", 0.811)])
def test_alpha_matches_the_three_coder_example(level, published):
    assert round(ag.alpha(K1980, level).alpha, 3) == published


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
def test_shifting_the_published_example_onto_the_0_to_4_scale_keeps_alpha(level):
    shifted = ag.alpha(K2011 - 1, level)
    assert shifted.alpha == pytest.approx(ag.alpha(K2011, level, value_domain=DOMAIN_1_5).alpha)


def test_ordinal_is_the_default_level():
    assert ag.alpha(K2011 - 1).level == "ordinal"
    assert ag.alpha(K2011 - 1).alpha == pytest.approx(0.8154, abs=1e-4)


def test_perfect_agreement_gives_exactly_one():
    matrix = np.array([[0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4]], dtype=float)
    for level in ag.LEVELS:
        assert ag.alpha(matrix, level).alpha == pytest.approx(1.0)


def test_the_value_domain_is_fixed_to_the_scale_and_refuses_a_five():
    with pytest.raises(ValueError, match="outside the scale"):
        ag.alpha(np.array([[1, 5], [1, 5]], dtype=float))


def test_interval_alpha_uses_the_fixed_domain_even_when_values_are_unused():
    matrix = np.array([[0, 4, 0], [0, 4, 1]], dtype=float)
    assert ag.alpha(matrix, "interval").ok


def test_no_pairable_values_gives_a_problem_not_a_number():
    # Every unit has only one rater.
    matrix = np.array([[1, nan, nan], [nan, 2, nan], [nan, nan, 3]])
    result = ag.alpha(matrix)
    assert result.alpha is None and result.problem == ag.TOO_FEW_PAIRABLE
    assert result.units == 0 and result.pairable_values == 0


def test_everyone_using_the_same_value_gives_no_variation_not_nan():
    result = ag.alpha(np.full((4, 6), 2.0))
    assert result.alpha is None and result.problem == ag.NO_VARIATION
    assert result.units == 6 and result.pairable_values == 24


def test_an_empty_matrix_and_all_missing_give_no_data():
    assert ag.alpha(np.full((3, 2), nan)).problem == ag.NO_DATA
    assert ag.alpha_of_ratings([]).problem == ag.NO_DATA


def test_a_single_rater_cannot_give_alpha():
    assert ag.alpha(np.array([[0, 1, 2, 3]], dtype=float)).problem == ag.TOO_FEW_PAIRABLE


def test_units_with_one_value_are_left_out_of_the_pairable_counts():
    matrix = np.array([[0, 1, 4], [0, 2, nan]], dtype=float)
    result = ag.alpha(matrix)
    assert result.units == 2 and result.pairable_values == 4


def test_missing_values_equal_leaving_the_rater_out_of_that_unit():
    with_missing = ag.alpha_of_ratings([("a", 1, 0), ("b", 1, 1), ("a", 2, 3), ("b", 2, None), ("c", 2, 4),
                                        ("c", 1, 0)])
    without = ag.alpha_of_ratings([("a", 1, 0), ("b", 1, 1), ("a", 2, 3), ("c", 2, 4), ("c", 1, 0)])
    assert with_missing.alpha == pytest.approx(without.alpha)


def test_reliability_matrix_keeps_first_seen_order_and_missing_as_nan():
    data = ag.reliability_matrix([("x", "u1", 1), ("y", "u2", None), ("x", "u2", "")])
    assert data.raters == ("x", "y") and data.units == ("u1", "u2")
    assert data.matrix[0, 0] == 1 and math.isnan(data.matrix[1, 1]) and math.isnan(data.matrix[0, 1])


def test_unknown_level_is_refused():
    with pytest.raises(ValueError):
        ag.alpha(K2011 - 1, "cardinal")


@pytest.mark.parametrize("level", ag.LEVELS)
def test_the_vectorised_batch_gives_the_packages_numbers(level):
    rng = np.random.default_rng(5)
    for _ in range(20):
        matrix = rng.integers(0, 5, size=(6, 8)).astype(float)
        matrix[rng.random(matrix.shape) < 0.2] = nan
        counts = ag.value_counts(matrix)
        expected = ag.alpha(matrix, level)
        batch = ag.alpha_batch(counts[None], level)[0]
        if expected.ok:
            assert batch == pytest.approx(expected.alpha)


def test_bootstrap_interval_is_reproducible_with_a_seed_and_brackets_alpha():
    matrix = K2011 - 1
    first = ag.alpha(matrix, bootstrap=500, seed=11)
    second = ag.alpha(matrix, bootstrap=500, seed=11)
    other = ag.alpha(matrix, bootstrap=500, seed=12)
    assert (first.ci_low, first.ci_high) == (second.ci_low, second.ci_high)
    assert (first.ci_low, first.ci_high) != (other.ci_low, other.ci_high)
    assert first.ci_low <= first.alpha <= first.ci_high <= 1.0
    assert first.ci_level == 0.95 and first.bootstrap_samples > 250


def test_bootstrap_interval_narrows_with_more_units():
    rng = np.random.default_rng(1)
    truth = rng.integers(0, 5, size=200)
    noisy = np.array([np.clip(truth + rng.integers(-1, 2, size=200), 0, 4) for _ in range(5)], dtype=float)
    small = ag.alpha(noisy[:, :20], bootstrap=400, seed=3)
    large = ag.alpha(noisy, bootstrap=400, seed=3)
    assert (large.ci_high - large.ci_low) < (small.ci_high - small.ci_low)


def test_bootstrap_with_one_pairable_unit_gives_no_interval():
    result = ag.alpha(np.array([[0, nan], [3, 1]], dtype=float), bootstrap=200)
    assert result.ci_low is None and result.ci_problem == ag.TOO_FEW_UNITS_FOR_CI


def test_round_agreement_gives_overall_per_theme_and_per_vignette():
    ratings = []
    for rater, shift in (("a", 0), ("b", 0), ("c", 1)):
        for vignette, base in (("v1", 0), ("v2", 2), ("v3", 3)):
            ratings.append((rater, vignette, "mobilitet", min(base + shift, 4)))
            ratings.append((rater, vignette, "socialt", (base + 2 * (rater == "b")) % 5))
    result = ag.round_agreement(ratings, themes=["mobilitet", "socialt", "tom"])
    assert list(result.by_theme) == ["mobilitet", "socialt", "tom"]
    assert result.by_theme["mobilitet"].alpha > result.by_theme["socialt"].alpha
    assert result.by_theme["tom"].problem == ag.NO_DATA
    assert result.overall.units == 6 and set(result.by_vignette) == {"v1", "v2", "v3"}


def test_leniency_is_the_mean_signed_deviation_from_the_other_raters_median():
    ratings = [
        ("a", "v1", "t", 2), ("b", "v1", "t", 2), ("c", "v1", "t", 3), ("d", "v1", "t", 0),
        ("a", "v2", "t", 1), ("b", "v2", "t", 1), ("c", "v2", "t", 3), ("d", "v2", "t", None),
    ]
    profiles = {p.rater: p for p in ag.rater_profiles(ratings)}
    # c: v1 others a,b,d = 2,2,0 → median 2 → +1; v2 others a,b = 1,1 → median 1 → +2
    assert profiles["c"].leniency == pytest.approx(1.5) and profiles["c"].mean_abs_deviation == pytest.approx(1.5)
    # d: v1 others 2,2,3 → median 2 → −2; v2 not relevant (missing) is not compared
    assert profiles["d"].leniency == pytest.approx(-2) and profiles["d"].compared == 1
    # a: v1 others 2,3,0 → median 2 → 0; v2 others 1,3 → median 2 → −1
    assert profiles["a"].leniency == pytest.approx(-0.5) and profiles["a"].mean_abs_deviation == pytest.approx(0.5)
    assert profiles["a"].by_theme == {"t": pytest.approx(-0.5)}


def test_agreement_with_the_reference_rating():
    ratings = [("a", "v1", "t", 2), ("b", "v1", "t", 3), ("a", "v2", "t", 1), ("b", "v2", "t", 1)]
    profiles = {p.rater: p for p in ag.rater_profiles(ratings, reference={("v1", "t"): 2, ("v2", "t"): 1})}
    assert profiles["a"].reference_exact == 1.0 and profiles["a"].reference_deviation == 0
    assert profiles["b"].reference_exact == 0.5 and profiles["b"].reference_deviation == pytest.approx(0.5)


def test_a_lone_rater_has_no_leniency_but_a_problem_code():
    (profile,) = ag.rater_profiles([("a", "v1", "t", 2)])
    assert profile.leniency is None and profile.problem == ag.NO_OTHER_RATERS


def test_quadratic_kappa_equals_the_covariance_identity():
    rng = np.random.default_rng(9)
    x = rng.integers(0, 5, 60)
    y = np.clip(x + rng.integers(-1, 2, 60), 0, 4)
    expected = 2 * np.cov(x, y, bias=True)[0, 1] / (x.var() + y.var() + (x.mean() - y.mean()) ** 2)
    assert ag.weighted_kappa(zip(x, y)).kappa == pytest.approx(expected)


def test_kappa_on_a_hand_worked_example():
    # Two raters on five cases: (0,0) (1,1) (2,3) (3,3) (4,2).
    # Observed squared disagreement 0+0+1+0+4 = 5; under independence each pair expects
    # var x + var y + (mean difference)² = 2 + 1.36 + 0.04 = 3.4, so 17 for five pairs.
    result = ag.weighted_kappa([(0, 0), (1, 1), (2, 3), (3, 3), (4, 2)])
    assert result.kappa == pytest.approx(1 - 5 / 17)
    assert result.exact == pytest.approx(0.6) and result.adjacent == pytest.approx(0.8) and result.pairs == 5


def test_kappa_is_one_for_identical_ratings_and_leaves_out_missing():
    result = ag.weighted_kappa([(0, 0), (2, 2), (4, 4), (None, 3), (1, None)])
    assert result.kappa == pytest.approx(1.0) and result.pairs == 3


def test_kappa_without_variation_or_data_gives_a_problem():
    assert ag.weighted_kappa([(2, 2), (2, 2)]).problem == ag.NO_VARIATION
    assert ag.weighted_kappa([]).problem == ag.NO_DATA


def test_band_follows_krippendorffs_thresholds():
    def band(value):
        return ag.AlphaResult(value, "ordinal", 1, 2, 2).band
    assert band(0.81) == "reliable" and band(0.7) == "tentative" and band(0.5) == "low"
    assert ag.AlphaResult(None, "ordinal", 0, 0, 0).band is None
