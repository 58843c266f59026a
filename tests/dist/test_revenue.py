"""Tests of :mod:`exactmech.dist.revenue`: revenue curves, monopoly prices, virtual values."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactmech.dist import (
    Discrete,
    PiecewiseUniform,
    Uniform,
    is_regular,
    monopoly_price,
    monopoly_revenue,
    posted_price_outcome,
    quantile_revenue_curve,
    revenue,
    revenue_curve,
    virtual_value,
    virtual_values,
)
from exactmech.errors import DistributionError, FloatInputError
from exactmech.strategies import (
    discrete_distributions,
    piecewise_uniform_distributions,
    uniform_intervals,
)

F = Fraction
EXAMPLE1 = Discrete([1, 2, 3], ["1/3", "1/3", "1/3"])


def test_example1_monopoly_price_and_revenue() -> None:
    """paper 001, §2.2, Example 1: monopoly price p = 2 with revenue R(D) = 4/3."""
    assert revenue_curve(EXAMPLE1) == {1: 1, 2: F(4, 3), 3: 1}
    assert monopoly_price(EXAMPLE1) == 2
    assert monopoly_revenue(EXAMPLE1) == F(4, 3)


def test_monopoly_price_is_the_smallest_maximizer() -> None:
    """paper 001, §2.1: r_D is the *smallest* support value maximizing r S(r)."""
    D = Discrete.uniform([1, 2])  # revenues 1 and 1
    assert monopoly_price(D) == 1
    assert monopoly_price(Discrete([2, 4], ["1/2", "1/2"])) == 2  # 2 and 2


def test_revenue_uses_ties_in_favour_of_buying() -> None:
    assert revenue(EXAMPLE1, 3) == 1  # the value-3 buyer buys at price 3
    assert revenue(EXAMPLE1, "7/2") == 0
    with pytest.raises(FloatInputError, match=r"revenue\(\): price=1.5 is a float"):
        revenue(EXAMPLE1, 1.5)


def test_zero_atoms_are_not_prices() -> None:
    D = Discrete([1, 2, 3], [0, "1/2", "1/2"])
    assert revenue_curve(D) == {2: 2, 3: F(3, 2)}
    assert monopoly_price(D) == 2
    assert virtual_values(D) == virtual_values(D.trim())


@given(discrete_distributions(max_size=5, zero_masses=True, max_denominator=3))
def test_monopoly_price_beats_every_price(D: Discrete) -> None:
    """paper 001, §2.1: r_D maximizes p S(p) over all prices, not only support values, and no
    smaller support value does as well."""
    r, R = monopoly_price(D), monopoly_revenue(D)
    assert r * D.survival(r) == R
    grid = sorted(set(D.values) | {(a + b) / 2 for a, b in zip(D.values, D.values[1:])})
    assert all(revenue(D, p) <= R for p in [*grid, D.values[-1] + 1, F(0)])
    assert all(revenue(D, z) < R for z in D.support if z < r)


def test_example1_virtual_values_by_hand() -> None:
    """paper 001, eq. (1) on <1/3, 1/3, 1/3>: φ(1) = 1 - 1·(2/3)/(1/3) = -1, φ(2) = 2 - 1·(1/3)/(1/3)
    = 1, φ(3) = 3."""
    assert virtual_values(EXAMPLE1) == {1: -1, 2: 1, 3: 3}
    assert virtual_value(EXAMPLE1, 2) == 1


def test_section3_instance_virtual_values() -> None:
    """paper 001, §3: with αa = b the two-point distribution has φ(a) = a and φ(b) = 0
    (instance a = 4, b = 1, α = 1/4)."""
    D = Discrete([1, 4], ["3/4", "1/4"])
    assert virtual_values(D) == {1: 0, 4: 4}


@given(discrete_distributions(max_size=6, zero_masses=True, max_denominator=2))
def test_virtual_values_are_slopes_of_the_quantile_revenue_curve(D: Discrete) -> None:
    """paper 001, eq. (1): φ(z_l) is the slope of the revenue curve over the quantiles
    [S(z_{l+1}), S(z_l)] of atom z_l (computed here from the survival function directly)."""
    zs = D.support
    phis = virtual_values(D)
    for i, z in enumerate(zs):
        nxt_q = D.survival(zs[i + 1]) if i + 1 < len(zs) else F(0)
        nxt_r = zs[i + 1] * nxt_q if i + 1 < len(zs) else F(0)
        assert phis[z] == (z * D.survival(z) - nxt_r) / (D.survival(z) - nxt_q)
    pts = quantile_revenue_curve(D)
    assert pts[0] == (0, 0) and pts[-1] == (1, zs[0])


@given(discrete_distributions(max_size=6, zero_masses=True))
def test_expected_virtual_surplus_of_a_price_is_its_revenue(D: Discrete) -> None:
    """Myerson's lemma, discrete form behind paper 001, eq. (1): for every support price p,
    E[φ(V) 1{V >= p}] = p S(p)."""
    phis = virtual_values(D)
    for p in D.support:
        assert D.expect(lambda v, p=p: phis[v] if v >= p else 0) == p * D.survival(p)


@given(discrete_distributions(max_size=6))
def test_virtual_value_at_the_reserve_is_nonnegative(D: Discrete) -> None:
    """paper 001, §2.1: "It is easy to check that φ_D(r_D) >= 0"."""
    assert virtual_value(D, monopoly_price(D)) >= 0


@given(discrete_distributions(max_size=6, regular=True))
def test_regular_virtual_values_negative_below_the_reserve(D: Discrete) -> None:
    """paper 001, §2.1: for regular D, φ_D(v) < 0 for all v < r_D."""
    r = monopoly_price(D)
    assert all(phi < 0 for v, phi in virtual_values(D).items() if v < r)


@given(discrete_distributions(min_size=2, max_size=6), st.data())
def test_lemma2_truncation_and_shift(D: Discrete, data: st.DataObject) -> None:
    """paper 001, §4, Lemma 2: for D' = D_{|>v°} - v°, r_{D'} >= r_D - v° and
    φ_{D'}(v - v°) = φ_D(v) - v° for every v > v° in the support."""
    v0 = data.draw(st.sampled_from(D.support[:-1]))
    Dp = D.condition_interval(v0, None, inclusive="neither").shift(-v0)
    assert monopoly_price(Dp) >= monopoly_price(D) - v0
    phi, phip = virtual_values(D), virtual_values(Dp)
    for v in D.support:
        if v > v0:
            assert phip[v - v0] == phi[v] - v0


@given(uniform_intervals(max_denominator=3), st.data())
def test_uniform_virtual_value_is_2v_minus_b(U: Uniform, data: st.DataObject) -> None:
    """paper 000, Lemma 4.1: a buyer with value v ~ U[a, b] has virtual value 2v - b."""
    v = data.draw(st.fractions(U.a, U.b, max_denominator=6))
    assert virtual_value(U, v) == 2 * v - U.b


@given(uniform_intervals(max_denominator=2))
def test_uniform_monopoly_price(U: Uniform) -> None:
    """The reserve of U[a, b] is max(a, b/2): where φ(v) = 2v - b crosses 0 (paper 000, §4:
    reserve 1/2 on U[0, 1])."""
    r = max(U.a, U.b / 2)
    assert monopoly_price(U) == r
    assert monopoly_revenue(U) == r * (U.b - r) / (U.b - U.a)


@given(piecewise_uniform_distributions(gaps=True))
def test_piecewise_uniform_monopoly_price_beats_a_price_grid(D: PiecewiseUniform) -> None:
    """The candidate set (piece ends and peaks) contains the smallest maximizer of p S(p):
    no price on a fine grid does better, and none below it does as well."""
    r, R = monopoly_price(D), monopoly_revenue(D)
    assert revenue(D, r) == R
    grid = [D.lower + F(k, 12) * (D.upper - D.lower) for k in range(13)]
    assert all(revenue(D, p) <= R for p in grid)
    assert all(revenue(D, p) < R for p in grid if p < r)


def test_piecewise_uniform_virtual_values() -> None:
    D = PiecewiseUniform([0, 1, 2], ["3/4", "1/4"])
    # lower piece: φ(v) = v - (1 - 3v/4)/(3/4) = 2v - 4/3; upper piece: 2v - 2
    assert virtual_value(D, "1/2") == F(-1, 3)
    assert virtual_value(D, 1) == 0  # right-continuous density: the upper piece
    assert virtual_value(D, "3/2") == 1
    with pytest.raises(DistributionError, match=r"density is 0 at v=3"):
        virtual_value(D, 3)


def test_is_regular() -> None:
    assert is_regular(EXAMPLE1)
    assert not is_regular(Discrete([1, 2, 3], ["1/2", "1/10", "2/5"]))
    assert is_regular(Uniform(0, 1))
    assert is_regular(PiecewiseUniform([0, 1, 2], ["1/4", "3/4"]))  # density rises
    assert not is_regular(PiecewiseUniform([0, 1, 2], ["3/4", "1/4"]))  # density drops
    assert not is_regular(PiecewiseUniform([0, 1, 2, 3], ["1/4", 0, "3/4"]))  # gap


@given(piecewise_uniform_distributions(), st.data())
def test_piecewise_regularity_is_monotone_virtual_value(
    D: PiecewiseUniform, data: st.DataObject
) -> None:
    """Regular (paper 001, §2.1) iff v - S(v)/f(v) is non-decreasing on the support: checked on
    both sides of every breakpoint."""
    pts = sorted(
        {x for b in D.breakpoints for x in (b - F(1, 100), b) if D.lower <= x < D.upper} | {D.upper}
    )
    phis = [virtual_value(D, x) for x in pts]
    assert is_regular(D) == all(a <= b for a, b in itertools.pairwise(phis))


def test_posted_price_outcomes() -> None:
    out = posted_price_outcome(Uniform(0, 1))
    assert (out.price, out.revenue, out.consumer_surplus, out.welfare) == (
        F(1, 2),
        F(1, 4),
        F(1, 8),
        F(3, 8),
    )
    assert posted_price_outcome(EXAMPLE1, 1).consumer_surplus == 1
    assert "PricingOutcome(price=2" in repr(posted_price_outcome(EXAMPLE1))
    assert r"\frac{4}{3}" in posted_price_outcome(EXAMPLE1)._repr_latex_()


@given(st.one_of(discrete_distributions(zero_masses=True), piecewise_uniform_distributions()))
def test_consumer_surplus_is_welfare_minus_revenue(D: Discrete | PiecewiseUniform) -> None:
    """paper 001, §2.1: CS(D') = W(D') - R(D'), with W = E[V 1{V >= p}] and CS = E[(V-p)^+]."""
    out = posted_price_outcome(D)
    assert out.consumer_surplus == out.welfare - out.revenue
    if isinstance(D, Discrete):
        assert out.consumer_surplus == D.expect(lambda v: max(v - out.price, 0))


@pytest.mark.parametrize(
    "func", [revenue_curve, quantile_revenue_curve, virtual_values], ids=lambda f: f.__name__
)
def test_discrete_only_functions_reject_uniforms(func: object) -> None:
    with pytest.raises(DistributionError, match="expected a Discrete distribution, got Uniform"):
        func(Uniform(0, 1))  # type: ignore[operator]


def test_non_distributions_rejected() -> None:
    with pytest.raises(DistributionError, match=r"^monopoly_price\(\): expected a Discrete or"):
        monopoly_price([1, 2])  # type: ignore[arg-type]
    with pytest.raises(DistributionError, match=r"v=4 is not in the support \{1, 2, 3\}"):
        virtual_value(EXAMPLE1, 4)
