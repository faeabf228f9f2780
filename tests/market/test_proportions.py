"""The market's own statistics agree with scipy and statsmodels (which queries no longer import)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillradar.market import proportions as P

from .._examples import examples

counts = st.integers(0, 300)


@settings(max_examples=examples(300), deadline=None)
@given(a=counts, b=counts, c=counts, d=counts)
def test_fisher_two_sided_matches_scipy(a, b, c, d):
    from scipy.stats import fisher_exact

    expected = fisher_exact([[a, b], [c, d]], alternative="two-sided")[1]
    assert P.fisher_two_sided(a, b, c, d) == pytest.approx(expected, rel=1e-7, abs=1e-13)


@settings(max_examples=examples(300), deadline=None)
@given(total=st.integers(1, 5000), data=st.data())
def test_hypergeom_tail_matches_scipy(total, data):
    from scipy.stats import hypergeom

    good = data.draw(st.integers(0, total))
    draws = data.draw(st.integers(0, total))
    k = data.draw(st.integers(0, min(good, draws)))
    expected = hypergeom.sf(k - 1, total, good, draws)
    assert P.hypergeom_sf(k, total, good, draws) == pytest.approx(expected, rel=1e-7, abs=1e-13)


def test_tiny_p_values_keep_their_precision():
    from scipy.stats import hypergeom

    p = P.hypergeom_sf(50, 862, 60, 70)
    assert p == pytest.approx(hypergeom.sf(49, 862, 60, 70), rel=1e-9) and p < 1e-40


@settings(max_examples=examples(100), deadline=None)
@given(p=st.lists(st.floats(0, 1), min_size=1, max_size=60))
def test_bh_matches_statsmodels(p):
    from statsmodels.stats.multitest import multipletests

    assert P.bh(p) == pytest.approx(list(multipletests(p, method="fdr_bh")[1]), abs=1e-12)


@settings(max_examples=examples(200), deadline=None)
@given(x1=counts, e1=counts, x2=counts, e2=counts)
def test_z_or_fisher_and_intervals_match_the_references(x1, e1, x2, e2):
    from scipy.stats import fisher_exact, norm
    from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

    n1, n2 = x1 + e1, x2 + e2
    if not n1 or not n2:
        return
    (p,), (test,) = P.two_proportion([x1], n1, [x2], n2)
    pooled = (x1 + x2) / (n1 + n2)
    if min(pooled * n1, (1 - pooled) * n1, pooled * n2, (1 - pooled) * n2) < 5:
        assert test == "fisher"
        assert p == pytest.approx(fisher_exact([[x1, n1 - x1], [x2, n2 - x2]])[1], rel=1e-7, abs=1e-13)
    else:
        z = (x2 / n2 - x1 / n1) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        assert test == "z" and p == pytest.approx(2 * norm.sf(abs(z)), rel=1e-9, abs=1e-15)
    (lo,), (hi,) = P.wilson([x1], [n1])
    ref_lo, ref_hi = proportion_confint(x1, n1, method="wilson")
    assert lo == pytest.approx(max(0.0, ref_lo), abs=1e-12) and hi == pytest.approx(min(1.0, ref_hi), abs=1e-12)
    (dlo,), (dhi,) = P.newcombe([x1], [n1], [x2], [n2])
    ref = confint_proportions_2indep(x2, n2, x1, n1, method="newcomb")
    assert dlo == pytest.approx(max(-1.0, ref[0]), abs=1e-9) and dhi == pytest.approx(min(1.0, ref[1]), abs=1e-9)
