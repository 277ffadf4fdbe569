"""Agreement on the 0–4 scale: Krippendorff's alpha, rater leniency and weighted kappa.

Pure functions (numpy and the `krippendorff` package; no Flask, no database). They take
plain Python data and return frozen dataclasses. When the data cannot support a number
they return `None` with a machine-readable `problem` code (see PROBLEMS) instead of
raising or returning NaN; the app turns the code into a Danish sentence.

Terms, following Krippendorff (2011, "Computing Krippendorff's alpha-reliability"):
a *unit* is one thing that is rated (here: one theme of one vignette); a value is
*pairable* when its unit has at least two values, so only pairable values enter alpha.
"Ikke relevant" is stored as a missing value (None / NaN), never as a number.
"""
from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Hashable, Iterable, Sequence

import krippendorff
import numpy as np

#: The functional-level scale. Alpha always uses this domain, whatever values happen to occur.
SCALE_VALUES: tuple[int, ...] = (0, 1, 2, 3, 4)
LEVELS: tuple[str, ...] = ("nominal", "ordinal", "interval", "ratio")
DEFAULT_LEVEL = "ordinal"

#: Krippendorff's conventional thresholds: below 0.667 discard, 0.800 and above reliable.
TENTATIVE = 0.667
RELIABLE = 0.800

#: Problem codes returned instead of a number (the app maps them to Danish texts).
NO_DATA = "no_data"
TOO_FEW_PAIRABLE = "too_few_pairable"      # no unit has values from two or more raters
NO_VARIATION = "no_variation"              # every pairable value is the same: alpha is undefined
TOO_FEW_UNITS_FOR_CI = "too_few_units_for_ci"
NO_OTHER_RATERS = "no_other_raters"
PROBLEMS = (NO_DATA, TOO_FEW_PAIRABLE, NO_VARIATION, TOO_FEW_UNITS_FOR_CI, NO_OTHER_RATERS)

#: A rating as (rater, unit, value); value None means missing ("ikke relevant" or not rated).
Rating = tuple[Hashable, Hashable, "int | float | None"]


# --- reliability data ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ReliabilityData:
    """Raters × units matrix of values (NaN = missing), with the rater and unit labels in order."""

    raters: tuple
    units: tuple
    matrix: np.ndarray  # shape (len(raters), len(units)), float, NaN for missing


def _is_missing(value) -> bool:
    """True for None, NaN and the empty string."""
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def reliability_matrix(ratings: Iterable[Rating]) -> ReliabilityData:
    """Arrange (rater, unit, value) triples as a raters × units matrix, in first-seen order.

    A rater who rated the same unit twice keeps the last value. Raters and units that
    only have missing values are still listed (they count as raters, not as values).
    """
    raters: dict = {}
    units: dict = {}
    cells: dict = {}
    for rater, unit, value in ratings:
        raters.setdefault(rater, len(raters))
        units.setdefault(unit, len(units))
        cells[(raters[rater], units[unit])] = np.nan if _is_missing(value) else float(value)
    matrix = np.full((len(raters), len(units)), np.nan)
    for (r, u), value in cells.items():
        matrix[r, u] = value
    return ReliabilityData(tuple(raters), tuple(units), matrix)


def value_counts(matrix: np.ndarray, value_domain: Sequence = SCALE_VALUES) -> np.ndarray:
    """Units × values table: how many raters gave each value to each unit (missing ignored).

    Raises ValueError for a value outside the domain, so a stray 5 can never be counted silently.
    """
    matrix = np.asarray(matrix, dtype=float)
    domain = np.asarray(value_domain, dtype=float)
    present = matrix[~np.isnan(matrix)]
    if present.size and not np.isin(present, domain).all():
        bad = sorted(set(present[~np.isin(present, domain)].tolist()))
        raise ValueError(f"values outside the scale {list(value_domain)}: {bad}")
    return (matrix.T[..., np.newaxis] == domain[np.newaxis, np.newaxis, :]).sum(axis=1)


# --- Krippendorff's alpha --------------------------------------------------------------------------

@dataclass(frozen=True)
class AlphaResult:
    """Alpha for one set of units, with what it rests on and, if asked for, a confidence interval."""

    alpha: float | None
    level: str
    units: int               # units with at least two values (pairable units)
    pairable_values: int     # values in those units
    raters: int              # raters with at least one value
    problem: str | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    ci_level: float | None = None
    ci_problem: str | None = None
    bootstrap_samples: int = 0  # resamples that gave a defined alpha

    @property
    def ok(self) -> bool:
        """True when alpha is a number."""
        return self.alpha is not None

    @property
    def band(self) -> str | None:
        """'reliable' (≥ 0.800), 'tentative' (≥ 0.667), 'low', or None without alpha."""
        if self.alpha is None:
            return None
        if self.alpha >= RELIABLE:
            return "reliable"
        if self.alpha >= TENTATIVE:
            return "tentative"
        return "low"


def _check_level(level: str) -> str:
    """Return `level` when it is a known level of measurement, else raise ValueError."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    return level


def alpha_from_counts(counts: np.ndarray, level: str = DEFAULT_LEVEL,
                      value_domain: Sequence = SCALE_VALUES, raters: int = 0) -> AlphaResult:
    """Krippendorff's alpha from a units × values count table (the `krippendorff` package computes it)."""
    _check_level(level)
    counts = np.asarray(counts)
    if counts.size == 0 or counts.sum() == 0:
        return AlphaResult(None, level, 0, 0, raters, problem=NO_DATA)
    per_unit = counts.sum(axis=1)
    pairable = counts[per_unit >= 2]
    n_units, n_values = int(pairable.shape[0]), int(pairable.sum())
    if n_units == 0:
        return AlphaResult(None, level, 0, 0, raters, problem=TOO_FEW_PAIRABLE)
    if np.count_nonzero(pairable.sum(axis=0)) < 2:
        # Everyone used one and the same value: expected disagreement is 0 and alpha is 0/0.
        return AlphaResult(None, level, n_units, n_values, raters, problem=NO_VARIATION)
    value = float(krippendorff.alpha(value_counts=pairable, value_domain=list(value_domain),
                                     level_of_measurement=level))
    if not math.isfinite(value):  # defensive: never hand a NaN to a page
        return AlphaResult(None, level, n_units, n_values, raters, problem=NO_VARIATION)
    return AlphaResult(value, level, n_units, n_values, raters)


def alpha(matrix: np.ndarray, level: str = DEFAULT_LEVEL, value_domain: Sequence = SCALE_VALUES,
          bootstrap: int = 0, seed: int | None = 0, confidence: float = 0.95) -> AlphaResult:
    """Krippendorff's alpha of a raters × units matrix (NaN = missing), 0–4 domain by default.

    With `bootstrap` > 0, adds a percentile confidence interval from that many resamples
    of the units (with replacement), reproducible with `seed`.
    """
    matrix = np.asarray(matrix, dtype=float)
    if matrix.ndim != 2:
        raise ValueError("matrix must be 2-dimensional (raters × units)")
    counts = value_counts(matrix, value_domain)
    raters = int((~np.isnan(matrix)).any(axis=1).sum()) if matrix.size else 0
    result = alpha_from_counts(counts, level, value_domain, raters=raters)
    if bootstrap and result.ok:
        return _with_interval(result, counts, level, value_domain, bootstrap, seed, confidence)
    return result


def alpha_of_ratings(ratings: Iterable[Rating], level: str = DEFAULT_LEVEL, bootstrap: int = 0,
                     seed: int | None = 0, value_domain: Sequence = SCALE_VALUES) -> AlphaResult:
    """Alpha of (rater, unit, value) triples; see `alpha`."""
    data = reliability_matrix(ratings)
    return alpha(data.matrix, level, value_domain, bootstrap=bootstrap, seed=seed)


# --- bootstrap -------------------------------------------------------------------------------------

def _distance_matrices(value_domain: Sequence, level: str, n_v: np.ndarray) -> np.ndarray:
    """Squared distances δ²(c, k) per resample: shape (B, V, V). Ordinal depends on the marginals."""
    domain = np.asarray(value_domain, dtype=float)
    batch = n_v.shape[0]
    if level == "nominal":
        d = 1.0 - np.eye(len(domain))
        return np.broadcast_to(d, (batch, *d.shape))
    if level == "interval":
        d = (domain[:, None] - domain[None, :]) ** 2
        return np.broadcast_to(d, (batch, *d.shape))
    if level == "ratio":
        total = domain[:, None] + domain[None, :]
        diff = domain[:, None] - domain[None, :]
        d = np.divide(diff, total, out=np.zeros_like(total), where=total != 0) ** 2
        return np.broadcast_to(d, (batch, *d.shape))
    # ordinal: δ(c,k) = Σ_{g=c..k} n_g − (n_c + n_k)/2, for c ≤ k (symmetric)
    cum = np.cumsum(n_v, axis=1)
    lo = np.minimum.outer(np.arange(len(domain)), np.arange(len(domain)))
    hi = np.maximum.outer(np.arange(len(domain)), np.arange(len(domain)))
    between = cum[:, hi] - cum[:, lo] + n_v[:, lo]
    return (between - (n_v[:, lo] + n_v[:, hi]) / 2.0) ** 2


def alpha_batch(counts: np.ndarray, level: str = DEFAULT_LEVEL,
                value_domain: Sequence = SCALE_VALUES) -> np.ndarray:
    """Alpha for a batch of count tables, shape (B, units, values) → (B,), NaN where undefined.

    The same formula as the `krippendorff` package, vectorised so a 1,000-sample
    bootstrap takes milliseconds; a test checks both give the same numbers.
    """
    _check_level(level)
    counts = np.asarray(counts, dtype=float)
    m_u = counts.sum(axis=2)                                   # values per unit
    weight = np.where(m_u >= 2, 1.0 / np.maximum(m_u - 1, 1), 0.0)
    outer = counts[..., :, None] * counts[..., None, :]        # (B, U, V, V)
    diag = counts[..., :, None] * np.eye(counts.shape[2])      # remove self-pairs
    o = ((outer - diag) * weight[..., None, None]).sum(axis=1)  # coincidences (B, V, V)
    n_v = o.sum(axis=1)
    n = n_v.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        e = (n_v[:, :, None] * n_v[:, None, :] - n_v[:, :, None] * np.eye(len(value_domain))) / (n - 1)[:, None, None]
        d = _distance_matrices(value_domain, level, n_v)
        observed = (o * d).sum(axis=(1, 2))
        expected = (e * d).sum(axis=(1, 2))
        result = 1.0 - observed / expected
    result[~np.isfinite(result) | (expected <= 0)] = np.nan
    return result


def bootstrap_interval(counts: np.ndarray, level: str = DEFAULT_LEVEL, value_domain: Sequence = SCALE_VALUES,
                       samples: int = 1000, seed: int | None = 0,
                       confidence: float = 0.95) -> tuple[float | None, float | None, int, str | None]:
    """Percentile bootstrap interval for alpha, resampling units with replacement.

    Resampling units (not raters) follows Zapf et al. (2016); a rater drawn twice would
    agree perfectly with themself and inflate alpha. Returns (low, high, defined
    resamples, problem); with fewer than two pairable units no interval is given.
    """
    counts = np.asarray(counts)
    pairable = counts[counts.sum(axis=1) >= 2]
    if pairable.shape[0] < 2:
        return None, None, 0, TOO_FEW_UNITS_FOR_CI
    rng = np.random.default_rng(seed)
    chunk = max(1, min(samples, 2_000_000 // max(pairable.size, 1)))
    values = []
    done = 0
    while done < samples:
        size = min(chunk, samples - done)
        index = rng.integers(0, pairable.shape[0], size=(size, pairable.shape[0]))
        values.append(alpha_batch(pairable[index], level, value_domain))
        done += size
    draws = np.concatenate(values)
    draws = draws[np.isfinite(draws)]
    # Too many undefined resamples would make the interval meaningless.
    if draws.size < max(2, samples // 2):
        return None, None, int(draws.size), TOO_FEW_UNITS_FOR_CI
    tail = (1.0 - confidence) / 2.0 * 100.0
    low, high = np.percentile(draws, [tail, 100.0 - tail])
    return float(low), float(high), int(draws.size), None


def _with_interval(result: AlphaResult, counts: np.ndarray, level: str, value_domain: Sequence,
                   samples: int, seed: int | None, confidence: float) -> AlphaResult:
    """Copy of `result` with the bootstrap interval filled in."""
    low, high, defined, problem = bootstrap_interval(counts, level, value_domain, samples, seed, confidence)
    return AlphaResult(result.alpha, result.level, result.units, result.pairable_values, result.raters,
                       result.problem, low, high, confidence if low is not None else None, problem, defined)


# --- per theme, per vignette, overall ----------------------------------------------------------------

#: A calibration rating: (rater, vignette, theme, value or None).
ThemeRating = tuple[Hashable, Hashable, Hashable, "int | None"]


@dataclass(frozen=True)
class RoundAgreement:
    """Alpha of one calibration round: overall, per theme and per vignette."""

    overall: AlphaResult
    by_theme: dict = field(default_factory=dict)     # theme -> AlphaResult
    by_vignette: dict = field(default_factory=dict)  # vignette -> AlphaResult


def round_agreement(ratings: Sequence[ThemeRating], level: str = DEFAULT_LEVEL, bootstrap: int = 0,
                    seed: int | None = 0, themes: Sequence | None = None,
                    vignettes: Sequence | None = None) -> RoundAgreement:
    """Alpha over units (vignette, theme): all together, per theme and per vignette.

    `themes` and `vignettes` fix the order (and include groups without data, which then
    carry a problem code instead of a number).
    """
    ratings = list(ratings)
    by_theme_rows: dict = defaultdict(list)
    by_vignette_rows: dict = defaultdict(list)
    for rater, vignette, theme, value in ratings:
        by_theme_rows[theme].append((rater, vignette, value))
        by_vignette_rows[vignette].append((rater, theme, value))
    overall = alpha_of_ratings(((r, (v, t), x) for r, v, t, x in ratings), level, bootstrap, seed)
    theme_order = list(themes) if themes is not None else list(by_theme_rows)
    vignette_order = list(vignettes) if vignettes is not None else list(by_vignette_rows)
    return RoundAgreement(
        overall=overall,
        by_theme={t: alpha_of_ratings(by_theme_rows.get(t, []), level, bootstrap, seed) for t in theme_order},
        by_vignette={v: alpha_of_ratings(by_vignette_rows.get(v, []), level, bootstrap, seed)
                     for v in vignette_order},
    )


# --- rater leniency ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class RaterProfile:
    """How one rater uses the scale compared with colleagues and with the reference rating."""

    rater: Hashable
    compared: int                       # units where at least one colleague also gave a value
    leniency: float | None              # mean signed deviation from the colleagues' median
    mean_abs_deviation: float | None
    by_theme: dict = field(default_factory=dict)  # theme -> mean signed deviation
    reference_compared: int = 0
    reference_exact: float | None = None     # share of ratings equal to the reference
    reference_deviation: float | None = None  # mean signed deviation from the reference
    problem: str | None = None


def rater_profiles(ratings: Sequence[ThemeRating], reference: dict | None = None) -> list[RaterProfile]:
    """Each rater's leniency: mean signed deviation from the *other* raters' median per unit.

    A positive value means the rater gives higher values (judges more limitation) than
    colleagues. `reference` maps (vignette, theme) to the agreed rating, if any.
    Raters appear in first-seen order.
    """
    reference = reference or {}
    per_unit: dict = defaultdict(dict)
    order: dict = {}
    for rater, vignette, theme, value in ratings:
        order.setdefault(rater, len(order))
        if not _is_missing(value):
            per_unit[(vignette, theme)][rater] = float(value)
    deviations: dict = defaultdict(list)
    theme_deviations: dict = defaultdict(lambda: defaultdict(list))
    ref_deviations: dict = defaultdict(list)
    for (vignette, theme), values in per_unit.items():
        ref = reference.get((vignette, theme))
        for rater, value in values.items():
            if ref is not None:
                ref_deviations[rater].append(value - ref)
            others = [v for r, v in values.items() if r != rater]
            if not others:
                continue
            deviation = value - statistics.median(others)
            deviations[rater].append(deviation)
            theme_deviations[rater][theme].append(deviation)
    profiles = []
    for rater in order:
        devs = deviations.get(rater, [])
        refs = ref_deviations.get(rater, [])
        profiles.append(RaterProfile(
            rater=rater,
            compared=len(devs),
            leniency=float(np.mean(devs)) if devs else None,
            mean_abs_deviation=float(np.mean(np.abs(devs))) if devs else None,
            by_theme={t: float(np.mean(v)) for t, v in theme_deviations.get(rater, {}).items()},
            reference_compared=len(refs),
            reference_exact=(sum(1 for d in refs if d == 0) / len(refs)) if refs else None,
            reference_deviation=float(np.mean(refs)) if refs else None,
            problem=None if devs else NO_OTHER_RATERS,
        ))
    return profiles


# --- paired ratings (quality checks) --------------------------------------------------------------

@dataclass(frozen=True)
class PairedAgreement:
    """Agreement between two ratings of the same cases (case worker vs. independent reviewer)."""

    pairs: int
    kappa: float | None
    exact: float | None     # share of pairs with the same value
    adjacent: float | None  # share of pairs at most one step apart (exact included)
    problem: str | None = None


def weighted_kappa(pairs: Iterable[tuple], categories: Sequence = SCALE_VALUES,
                   weights: str = "quadratic") -> PairedAgreement:
    """Cohen's weighted kappa (quadratic by default, or 'linear') with exact and adjacent agreement.

    Pairs with a missing value on either side are left out. Kappa is None (problem
    NO_VARIATION) when chance agreement is already perfect, e.g. both sides always
    used the same single value.
    """
    if weights not in ("quadratic", "linear"):
        raise ValueError("weights must be 'quadratic' or 'linear'")
    cats = [float(c) for c in categories]
    index = {c: i for i, c in enumerate(cats)}
    kept = [(float(a), float(b)) for a, b in pairs if not _is_missing(a) and not _is_missing(b)]
    if not kept:
        return PairedAgreement(0, None, None, None, problem=NO_DATA)
    for a, b in kept:
        if a not in index or b not in index:
            raise ValueError(f"values outside the scale {list(categories)}: {(a, b)}")
    k = len(cats)
    observed = np.zeros((k, k))
    for a, b in kept:
        observed[index[a], index[b]] += 1
    n = len(kept)
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / n
    grid = np.subtract.outer(np.arange(k), np.arange(k))
    w = (grid ** 2) if weights == "quadratic" else np.abs(grid)
    w = w / ((k - 1) ** 2 if weights == "quadratic" else (k - 1))
    diffs = np.array([abs(a - b) for a, b in kept])
    exact = float(np.mean(diffs == 0))
    adjacent = float(np.mean(diffs <= 1))
    denominator = float((w * expected).sum())
    if denominator == 0:
        return PairedAgreement(n, None, exact, adjacent, problem=NO_VARIATION)
    kappa = 1.0 - float((w * observed).sum()) / denominator
    return PairedAgreement(n, kappa, exact, adjacent)
