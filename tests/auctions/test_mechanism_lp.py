"""The optimal-mechanism LP of paper 000 §3.1."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactmech.auctions import build_mechanism_lp, optimal_mechanism, product_prior
from exactmech.errors import DistributionError, InvalidProblemError, ShapeError
from exactmech.lp import check
from exactmech.numbers import Q

F = Fraction
EX2_VALUES = [[(56, 38), (56, 69), (91, 38), (91, 69)]]
EX2_PRIOR = [[Q("0.06"), Q("0.09"), Q("0.34"), Q("0.51")]]
S33 = ([[1, 2, 3], [1, 2, 3]], [["1/4", "1/4", "1/2"]] * 2)


@pytest.mark.parametrize("ic", ["ex-post", "interim"])
def test_section_3_2_menus_under_both_ic_readings(ic: str) -> None:
    """Paper 000 §3.2: both menus, whichever reading of the garbled IC constraint."""
    m1 = optimal_mechanism([[(3, 4), (4, 9)]], [["1/2", "1/2"]], ic=ic)
    assert m1.menu() == [((F(1), F(0)), F(3)), ((F(1), F(1)), F(12))]
    m2 = optimal_mechanism(EX2_VALUES, EX2_PRIOR, ic=ic)
    assert m2.menu() == [((F(31, 35), F(1)), F(593, 5)), ((F(1), F(1)), F(129))]
    assert m2.lex is not None and check(m2.lex)


@pytest.mark.parametrize("ic", ["ex-post", "interim"])
def test_section_3_3_surplus_depends_on_tie_rule(ic: str) -> None:
    """Paper 000 §3.3: 3/8 is the *max-surplus* end of the revenue-optimal face; the other end is 0."""
    hi = optimal_mechanism(*S33, ic=ic)
    lo = optimal_mechanism(*S33, ic=ic, tie="min-surplus")
    assert hi.revenue == lo.revenue == F(9, 4)
    assert (hi.buyer_surplus, lo.buyer_surplus) == (F(3, 8), F(0))
    assert sum(hi.utilities) == F(3, 8)  # the split between buyers is not pinned down
    assert hi.welfare == F(21, 8)


def test_always_sell_variant() -> None:
    # one buyer, one good, values {1, 3} w.p. 1/2: monopoly price 3 excludes type 1, and any
    # mechanism selling to type 1 loses revenue -> infeasible with revenue kept optimal
    m = optimal_mechanism([[1, 3]], [["1/2", "1/2"]], always_sell=True)
    assert m.status == "infeasible"
    # values {2, 3} w.p. 1/2: price 2 (revenue 2) beats price 3 (revenue 3/2) and always sells
    m = optimal_mechanism([[2, 3]], [["1/2", "1/2"]], always_sell=True)
    assert (m.status, m.revenue) == ("optimal", F(2))


def test_lp_size_of_the_k8_mechanism_lp() -> None:
    """Two buyers, one good, K = 8 types: the 1088 x 256 LP of the fast-LP issue."""
    mlp = build_mechanism_lp([list(range(1, 9))] * 2, [[F(1, 8)] * 8] * 2)
    p = mlp.problem
    assert p.n == 256
    assert len(p.A_ub) + len(p.A_eq) == 1088


def test_correlated_prior_and_errors() -> None:
    m = optimal_mechanism([[1, 2], [1, 2]], {(0, 0): "1/2", (1, 1): "1/2"})
    # perfectly correlated values: the seller extracts everything (Crémer–McLean flavour)
    assert m.revenue == F(3, 2) and m.buyer_surplus == 0
    with pytest.raises(DistributionError, match="sums to 1/2"):
        optimal_mechanism([[1, 2]], {(0,): "1/2"})
    with pytest.raises(ShapeError, match="invalid profile"):
        optimal_mechanism([[1, 2]], {(5,): 1})
    with pytest.raises(InvalidProblemError, match="ic="):
        optimal_mechanism([[1, 2]], [[F(1, 2), F(1, 2)]], ic="sometimes")
    with pytest.raises(InvalidProblemError, match="negative"):
        optimal_mechanism([[-1, 2]], [[F(1, 2), F(1, 2)]])
    assert product_prior([[F(1, 2), F(1, 2)], [1]]) == {(0, 0): F(1, 2), (1, 0): F(1, 2)}


@given(
    st.lists(st.integers(1, 12), min_size=1, max_size=4, unique=True),
    st.lists(st.integers(1, 5), min_size=4, max_size=4),
)
def test_single_buyer_lp_equals_best_posted_price(values: list[int], weights: list[int]) -> None:
    """One buyer, one good: the optimal mechanism's revenue is max_p p·Pr[v >= p] (Riley–Zeckhauser)."""
    values = sorted(values)
    w = weights[: len(values)]
    probs = [F(x, sum(w)) for x in w]
    best = max(v * sum(p for u, p in zip(values, probs) if u >= v) for v in values)
    mech = optimal_mechanism([values], [probs], method="exact")
    assert mech.revenue == best


@pytest.mark.parametrize("method", ["exact", "float-guided"])
def test_max_min_split_is_unique_and_keeps_revenue_and_surplus(method: str) -> None:
    """Paper 000 §3.3, no disclosure: revenue 9/4 and buyer surplus 3/8 on the whole max-surplus
    face, but the split between the two identical buyers is not unique there. ``split="max-min"``
    returns the equal split 3/16 each, whichever method (and vertex) solves the LP; one buyer
    revealing {2, 3} against full pooling: 1/6 each of U = 1/3."""
    mech = optimal_mechanism(*S33, split="max-min", method=method)
    assert (mech.revenue, mech.buyer_surplus) == (F(9, 4), F(3, 8))
    assert mech.utilities == (F(3, 16), F(3, 16))
    assert mech.lex is not None and len(mech.lex.fun) == 3 and check(mech.lex)  # 3 stages, certified
    assert mech.lex.fun[2] == F(3, 16)  # the last stage's value: the smallest utility
    asym = optimal_mechanism(
        [[2, 3], [1, 2, 3]], [["1/3", "2/3"], ["1/4", "1/4", "1/2"]], split="max-min", method=method
    )
    assert (asym.revenue, asym.buyer_surplus) == (F(5, 2), F(1, 3))
    assert asym.utilities == (F(1, 6), F(1, 6))
    with pytest.raises(InvalidProblemError, match="split='even'"):
        optimal_mechanism(*S33, split="even")
