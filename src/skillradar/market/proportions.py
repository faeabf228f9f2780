"""The statistics of market queries, on plain Python and numpy: Wilson intervals, Newcombe intervals of a
difference, the two-proportion test (pooled z, or Fisher's exact test for small counts), the
hypergeometric upper tail (one-sided Fisher, for co-occurrence) and Benjamini–Hochberg q-values.

Why not statsmodels and scipy: importing them costs 1–2 s, several times the query itself, and every
CLI query would pay it. The formulas are short; the test suite checks them against scipy and
statsmodels (``tests/market/test_proportions.py``).

Exact tests sum the hypergeometric pmf over its whole support, built from the ratio of consecutive
terms and normalised by its own sum, so tiny p-values keep their relative precision (~1e-12).
"""

from __future__ import annotations

import math

__all__ = ["Z95", "wilson", "newcombe", "two_proportion", "hypergeom_sf", "fisher_two_sided", "bh"]

Z95 = 1.959963984540054  # the standard normal's 97.5% quantile
_TOLERANCE = 1 + 1e-7  # tables as likely as the observed one, up to rounding (as scipy counts them)


def wilson(count, nobs, z: float = Z95) -> tuple[list[float], list[float]]:
    """95% Wilson score intervals ``(lows, highs)`` of ``count / nobs`` (sequences); nobs 0 gives (0, 1)."""
    lows, highs = [], []
    for x, n in zip(count, nobs):
        x, n = float(x), float(n)
        if n <= 0:
            lows.append(0.0)
            highs.append(1.0)
            continue
        p = x / n
        denom = 1 + z * z / n
        centre = (p + z * z / (2 * n)) / denom
        half = z / denom * math.sqrt(max(0.0, p * (1 - p) / n + z * z / (4 * n * n)))
        lows.append(min(1.0, max(0.0, centre - half)))
        highs.append(min(1.0, max(0.0, centre + half)))
    return lows, highs


def newcombe(x1, n1, x2, n2, z: float = Z95) -> tuple[list[float], list[float]]:
    """95% intervals of ``x2/n2 - x1/n1`` by Newcombe's hybrid score method (from the two Wilson intervals)."""
    l1, u1 = wilson(x1, n1, z)
    l2, u2 = wilson(x2, n2, z)
    lows, highs = [], []
    for a, na, b, nb, la, ua, lb, ub in zip(x1, n1, x2, n2, l1, u1, l2, u2):
        pa, pb = a / na, b / nb
        d = pb - pa
        lows.append(max(-1.0, d - math.sqrt((pb - lb) ** 2 + (ua - pa) ** 2)))
        highs.append(min(1.0, d + math.sqrt((ub - pb) ** 2 + (pa - la) ** 2)))
    return lows, highs


def _pmf(total: int, good: int, draws: int):
    """(lowest x, pmf over the support) of the hypergeometric: x of ``good`` among ``draws`` from ``total``."""
    import numpy as np

    lo, hi = max(0, draws - (total - good)), min(good, draws)
    x = np.arange(lo, hi, dtype=np.float64)
    ratios = (good - x) * (draws - x) / ((x + 1) * (total - good - draws + x + 1))
    logs = np.concatenate(([0.0], np.cumsum(np.log(ratios))))
    logs -= logs.max()
    pmf = np.exp(logs)
    return lo, pmf / pmf.sum()


def hypergeom_sf(k: int, total: int, good: int, draws: int) -> float:
    """P(X >= k), X ~ Hypergeom(total, good, draws): the one-sided (enrichment) Fisher exact p."""
    lo, pmf = _pmf(int(total), int(good), int(draws))
    start = max(0, int(k) - lo)
    return float(min(1.0, max(0.0, pmf[start:].sum())))


def fisher_two_sided(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher exact p of the 2×2 table ``[[a, b], [c, d]]``: the probability of every table with
    the same margins that is at most as likely as the observed one."""
    total, good, draws = a + b + c + d, a + c, a + b
    if total == 0 or good in (0, total) or draws in (0, total):
        return 1.0
    lo, pmf = _pmf(total, good, draws)
    observed = pmf[a - lo]
    return float(min(1.0, pmf[pmf <= observed * _TOLERANCE].sum()))


def two_proportion(x1, n1: int, x2, n2: int) -> tuple[list[float], list[str]]:
    """Two-sided p-values per skill of ``x1/n1`` vs ``x2/n2``: pooled z-test, or Fisher's exact test
    where an expected cell count of the 2×2 table is below 5; returns ``(p, tests)``."""
    ps, tests = [], []
    for a, b in zip(x1, x2):
        a, b = int(a), int(b)
        pooled = (a + b) / (n1 + n2)
        expected = min(pooled * n1, (1 - pooled) * n1, pooled * n2, (1 - pooled) * n2)
        if expected < 5:
            ps.append(fisher_two_sided(a, n1 - a, b, n2 - b))
            tests.append("fisher")
            continue
        se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        z = (b / n2 - a / n1) / se if se > 0 else 0.0
        ps.append(min(1.0, max(0.0, math.erfc(abs(z) / math.sqrt(2)))))
        tests.append("z")
    return ps, tests


def bh(p) -> list[float]:
    """Benjamini–Hochberg adjusted p-values (q-values), in the order given."""
    p = [float(v) for v in p]
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    q = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p[i] * m / rank)
        q[i] = min(1.0, max(0.0, running))
    return q
