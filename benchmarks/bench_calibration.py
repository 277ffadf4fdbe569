"""Benchmark: Krippendorff's alpha with a 1,000-sample bootstrap for a large calibration round.

500 raters × 3 vignettes × 10 themes (30 units, 15,000 ratings), ordinal level. Prints
the time for the point estimate, for alpha with the bootstrap, and for the whole round
(overall + per theme + per vignette, each with its bootstrap), plus their ratios.
Run: .venv/bin/python benchmarks/bench_calibration.py
"""
from __future__ import annotations

import time

import numpy as np

from implementering.analytics import agreement as ag

RATERS, VIGNETTES, THEMES, SAMPLES = 500, 3, 10, 1000


def _ratings(seed: int = 1) -> list[tuple]:
    """Synthetic ratings near a reference value per unit, with personal tilt and noise."""
    rng = np.random.default_rng(seed)
    reference = rng.integers(0, 5, size=(VIGNETTES, THEMES))
    tilt = rng.normal(0, 0.3, RATERS)
    rows = []
    for r in range(RATERS):
        noise = rng.normal(0, 0.7, size=(VIGNETTES, THEMES))
        values = np.clip(np.rint(reference + tilt[r] + noise), 0, 4).astype(int)
        for v in range(VIGNETTES):
            for t in range(THEMES):
                rows.append((r, v, t, None if rng.random() < 0.02 else int(values[v, t])))
    return rows


def _best_of(func, repeat: int = 5) -> float:
    """Fastest of `repeat` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Measure and print."""
    ratings = _ratings()
    overall = [(r, (v, t), x) for r, v, t, x in ratings]
    data = ag.reliability_matrix(overall)
    point = _best_of(lambda: ag.alpha(data.matrix))
    boot = _best_of(lambda: ag.alpha(data.matrix, bootstrap=SAMPLES, seed=1))
    whole = _best_of(lambda: ag.round_agreement(ratings, bootstrap=SAMPLES, seed=1), repeat=3)
    result = ag.alpha(data.matrix, bootstrap=SAMPLES, seed=1)
    print(f"round: {RATERS} raters × {VIGNETTES} vignettes × {THEMES} themes = {len(ratings)} ratings")
    print(f"alpha (ordinal) = {result.alpha:.4f}, 95% CI {result.ci_low:.4f}–{result.ci_high:.4f}")
    print(f"alpha, point estimate:                    {point * 1000:8.1f} ms")
    print(f"alpha + {SAMPLES}-sample bootstrap:           {boot * 1000:8.1f} ms  ({boot / point:.1f}× the point estimate)")
    print(f"whole round (overall + {THEMES} themes + {VIGNETTES} vignettes, all with bootstrap): {whole * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
