"""Myerson's auction (paper 001 Algorithm 1; paper 000 §4) and the second-price auction."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.auctions import myerson_discrete, myerson_uniform, optimal_mechanism, second_price
from exactmech.calculus import integrate
from exactmech.dist import Discrete, Uniform, ironed_virtual_values, monopoly_revenue
from exactmech.errors import DistributionError, FloatInputError
from exactmech.strategies import discrete_distributions, independent_priors

F = Fraction


def _virtual_surplus(dists: list[Discrete], out) -> Fraction:  # type: ignore[no-untyped-def]
    phis = [ironed_virtual_values(d) for d in dists]
    return sum(
        (
            p * sum(phis[i][v[i]] * out.allocation[v][i] for i in range(len(dists)))
            for v, p in out.prior.items()
        ),
        F(0),
    )


@given(independent_priors(buyers=2, max_size=4), st.sampled_from(["index", "uniform"]))
def test_revenue_equals_ironed_virtual_surplus(dists: list[Discrete], tie: str) -> None:
    """Myerson (1981): expected revenue = expected ironed virtual surplus when the allocation is
    constant on ironed intervals (paper 001, §2.1 and footnote 1)."""
    out = myerson_discrete(dists, tie=tie)
    assert out.revenue == _virtual_surplus(dists, out)
    assert out.welfare == out.revenue + out.consumer_surplus
    assert all(u >= 0 for u in out.utilities)


@settings(max_examples=25)
@given(
    st.integers(1, 3).flatmap(lambda n: independent_priors(buyers=n, max_size=3 if n == 3 else 4))
)
def test_myerson_revenue_equals_optimal_mechanism_lp(dists: list[Discrete]) -> None:
    """Myerson's auction is optimal among all (ex-post IC/IR) mechanisms for independent
    buyers: its revenue equals the LP optimum of paper 000, §3.1 (1-3 buyers, <= 4 types)."""
    out = myerson_discrete(dists)
    values = [list(d.support) for d in dists]
    probs = [[d.pmf(v) for v in d.support] for d in dists]
    mech = optimal_mechanism(values, probs, tie=None)
    assert mech.revenue == out.revenue


@given(discrete_distributions(max_size=5))
def test_one_buyer_myerson_is_the_monopoly_price(d: Discrete) -> None:
    """One buyer: Myerson's auction is the monopoly posted price (paper 001, §2.1)."""
    assert myerson_discrete([d]).revenue == monopoly_revenue(d)


def test_section_3_3_example_and_tie_rules() -> None:
    D = Discrete([1, 2, 3], ["1/4", "1/4", "1/2"])
    idx, uni = myerson_discrete([D, D], tie="index"), myerson_discrete([D, D], tie="uniform")
    assert idx.revenue == uni.revenue == F(9, 4)
    assert idx.consumer_surplus == uni.consumer_surplus == F(3, 8)
    assert uni.utilities == (F(3, 16), F(3, 16))
    assert idx.utilities == (F(1, 4), F(1, 8))  # the fixed priority favours buyer 0
    # Ex-post payments (payment identity): at (3, 3) each gets half the good for 3/2; a type 3
    # facing a 2 pays 5/2. The paper's §3.3 description ("sell for 2.5 whenever someone bids 3")
    # charges 5/4 each at (3, 3): the same expected revenue 9/4, with interim (not ex-post) IC.
    three, three_two = (F(3), F(3)), (F(3), F(2))
    assert uni.payments[three] == (F(3, 2), F(3, 2)) and uni.allocation[three] == (F(1, 2), F(1, 2))
    assert uni.payments[three_two] == (F(5, 2), F(0))
    assert second_price([D, D], reserve=2).revenue == F(17, 8) < F(9, 4)


def test_ironing_matters_for_irregular_buyers() -> None:
    D = Discrete([1, 2, 3], ["1/2", "1/10", "2/5"])  # eq. (1) is not monotone here
    ironed, raw = myerson_discrete([D, D]), myerson_discrete([D, D], ironed=False)
    lp = optimal_mechanism([[1, 2, 3]] * 2, [[F(1, 2), F(1, 10), F(2, 5)]] * 2, tie=None)
    assert ironed.revenue == lp.revenue
    assert raw.revenue <= ironed.revenue


@given(
    st.lists(st.tuples(st.integers(0, 6), st.integers(1, 6)), min_size=1, max_size=3),
)
@settings(max_examples=30)
def test_uniform_revenue_is_expected_max_virtual_value(intervals: list[tuple[int, int]]) -> None:
    """Myerson (paper 000, §4, Lemma 4.1): revenue = E[max(2v_i − b_i, 0)], here computed by the
    piecewise integrator on sympy's Max (a different code path from the win regions)."""
    buyers = [Uniform(F(a, 2), F(a, 2) + F(w, 2)) for a, w in intervals]
    xs = sympy.symbols(f"x0:{len(buyers)}")
    expr = sympy.Max(*(2 * x - sympy.Rational(b.b) for x, b in zip(xs, buyers)), 0)
    region = [
        c for x, b in zip(xs, buyers) for c in (x >= sympy.Rational(b.a), x <= sympy.Rational(b.b))
    ]
    vol = 1
    for b in buyers:
        vol *= b.b - b.a
    out = myerson_uniform(buyers)
    assert out.revenue == integrate(expr, region, list(xs)) / vol
    assert out.welfare == out.revenue + sum(out.utilities)


def test_uniform_known_values_and_errors() -> None:
    assert myerson_uniform([Uniform(0, 1), Uniform(0, 1)]).consumer_surplus == F(1, 6)
    one = myerson_uniform([Uniform(0, 1)])
    assert (one.revenue, one.consumer_surplus) == (F(1, 4), F(1, 8))
    known = myerson_uniform(["1/2", Uniform(0, 1)])  # buyer 0 revealed 1/2
    assert known.revenue == F(9, 16) and known.utilities[0] == 0
    with pytest.raises(FloatInputError):
        myerson_uniform([0.5])
    with pytest.raises(DistributionError, match="no buyers"):
        myerson_uniform([])
    with pytest.raises(DistributionError, match="expected Discrete"):
        myerson_discrete([Uniform(0, 1)])  # type: ignore[list-item]


def test_uniform_ties_between_revealed_buyers_go_to_one_buyer() -> None:
    """Revealed types with equal values tie with positive probability: exactly one buyer
    wins (the lowest index), so revenue and welfare count the good once."""
    out = myerson_uniform([1, 1])
    assert (out.revenue, out.welfare, out.utilities) == (1, 1, (0, 0))
    mixed = myerson_uniform([Uniform(0, 1), "1/2", "1/2"])
    single = myerson_uniform([Uniform(0, 1), "1/2"])
    assert (mixed.revenue, mixed.welfare) == (single.revenue, single.welfare)
    assert mixed.utilities == (*single.utilities, 0)
