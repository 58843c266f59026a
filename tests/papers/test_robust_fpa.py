"""Paper 003, Figures 1–2 comparison column and footnote 3: the first-price auction's minimum
revenue with a reserve (derived formula) and posted prices, cross-checked with the BCE LP."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.dist import Discrete
from exactmech.errors import InvalidProblemError
from exactmech.papers.robust_common_value import (
    first_price_auction,
    fpa_min_revenue,
    fpa_optimal_reserve,
    fpa_uniform_exact,
    pooled_quantile,
    posted_price_guarantee,
    posted_price_guarantee_density,
    uniform_density,
    worst_case_revenue,
)
from exactmech.papers.robust_common_value.strategies import common_value_priors

F = Fraction


@settings(max_examples=30, deadline=None)
@given(common_value_priors(max_size=4), st.fractions(0, 1, max_denominator=8))
def test_one_bidder_fpa_is_a_posted_price(prior: Discrete, r: Fraction) -> None:
    """With N = 1 the formula R = (1/N)∫_{x0}^1 V(x0) y^{-2} dy is r(1 − x0), the posted-price
    guarantee of footnote 3 (fractional knapsack), exactly; and the mpmath evaluation agrees."""
    x0 = pooled_quantile(prior, r)
    assert r * (1 - x0) == posted_price_guarantee(prior, r)
    exact = r * (1 - x0)
    with mpmath.workdps(45):
        assert (
            abs(fpa_min_revenue(prior, 1, r) - mpmath.mpf(exact.numerator) / exact.denominator)
            < mpmath.mpf(10) ** -35
        )


def test_density_formula_one_bidder_equals_footnote3() -> None:
    """Footnote 3 for the uniform prior: p(1 − 2p); the FPA formula with N = 1 agrees."""
    rho = uniform_density()
    for p in (F(1, 8), F(1, 4), F(2, 5)):
        exact = posted_price_guarantee_density(rho, sympy.Rational(p.numerator, p.denominator))
        assert exact == sympy.Rational((p * (1 - 2 * p)).numerator, (p * (1 - 2 * p)).denominator)
        with mpmath.workdps(45):
            assert (
                abs(fpa_min_revenue(rho, 1, p) - mpmath.mpf(sympy.N(exact, 50)))
                < mpmath.mpf(10) ** -35
            )


def test_uniform_exact_values() -> None:
    """Uniform prior: the best reserve is 2^{-N-1} and the guarantee is the rational
    (N−1)(1 − 2^{1−2N})/(2(2N−1)) + 2^{−2N−1}, equal to the numerical optimum."""
    rho = uniform_density()
    for n in (1, 2, 3, 5):
        exact = fpa_uniform_exact(n)
        assert exact == F(n - 1, 2 * (2 * n - 1)) * (1 - F(2, 4**n)) + F(1, 2 * 4**n)
        res = fpa_optimal_reserve(rho, n)
        with mpmath.workdps(45):
            assert (
                abs(res.value - mpmath.mpf(exact.numerator) / exact.denominator)
                < mpmath.mpf(10) ** -30
            )
            assert abs(res.params["reserve"] - mpmath.mpf(1) / 2 ** (n + 1)) < mpmath.mpf(10) ** -30
    assert fpa_uniform_exact(2) == F(17, 96)


def test_formula_against_bce_lp_on_bid_grids() -> None:
    """Cross-check of the derived formula with the exact BCE LP (9) of the first-price auction
    on a bid grid (prior: uniform on {0, 1/4, ..., 1}, reserve 1/8, two bidders): the LP's
    worst revenue approaches the continuous-bid formula as the grid refines."""
    prior = uniform_density().discretize(4)
    formula = fpa_min_revenue(prior, 2, F(1, 8))
    gaps = []
    for step in (8, 16):
        bids = [F(j, step) for j in range(step // 8, step + 1)]
        lp = worst_case_revenue(first_price_auction(2, bids), prior).revenue
        gaps.append(abs(mpmath.mpf(lp.numerator) / lp.denominator - formula))
    assert gaps[1] < gaps[0]
    assert gaps[1] < mpmath.mpf("0.01")


def test_first_price_auction_mechanism() -> None:
    fpa = first_price_auction(3, [F(1, 4), F(1, 2)])
    assert fpa.total_allocation((0, 1, 1)) == 1
    assert fpa.total_allocation((0, 0, 0)) == 0
    assert fpa.revenue((1, 2, 2)) == F(1, 2)
    with pytest.raises(InvalidProblemError, match="increasing"):
        first_price_auction(2, [F(1, 2), F(1, 4)])
    with pytest.raises(InvalidProblemError, match="buyers"):
        first_price_auction(0, [F(1, 2)])
    with pytest.raises(InvalidProblemError, match="reserve"):
        fpa_min_revenue(uniform_density(), 2, -1)
