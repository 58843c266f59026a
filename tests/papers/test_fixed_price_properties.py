"""Property tests of paper 002's general statements on random discrete instances.

Instances come from :func:`exactmech.strategies.quality_instances` (``n <= 3`` buyers,
``K <= 4`` levels). Every assertion is exact.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.papers.fixed_price_signaling import (
    TIE_RULES,
    ActionProfileScheme,
    DiscreteInstance,
    check_expost_obedience,
    check_interim_obedience,
    obeys_by_posterior,
    optimal_expost_fixed_price,
    optimal_expost_mechanism,
    optimal_interim_fixed_price,
    optimal_interim_mechanism,
    optimal_theorem_4_9_printed,
    real_roots,
    revenue_bracket,
    sale_probability_dual,
    sale_probability_lp,
    signaling_gain_trial,
    theorem_4_2_scheme,
    theorem_4_8,
    value_pieces,
)
from exactmech.papers.fixed_price_signaling.algebraic import simplest_between
from exactmech.strategies import quality_instances

F = Fraction
P = sympy.Symbol("p")

multi = quality_instances(min_buyers=2, max_buyers=3, max_levels=4)
single = quality_instances(min_buyers=1, max_buyers=1, max_levels=4)


def _prices(inst: DiscreteInstance) -> list[Fraction]:
    pts = list(inst.value_points())
    return sorted({*pts, *((a + b) / 2 for a, b in itertools.pairwise(pts))})


@st.composite
def instances_with_schemes(
    draw: st.DrawFn,
) -> tuple[DiscreteInstance, list[list[Fraction]], Fraction]:
    """An instance, a randomized n+1-signal scheme (rows sum to at most 1) and a price."""
    inst = draw(quality_instances(max_buyers=3, max_levels=4))
    cols = []
    for _ in range(inst.K):
        w = draw(st.lists(st.integers(0, 3), min_size=inst.n + 1, max_size=inst.n + 1))
        if not any(w):
            w[0] = 1
        cols.append([F(x, sum(w)) for x in w[1:]])
    table = [[cols[k][i] for k in range(inst.K)] for i in range(inst.n)]
    p = draw(st.sampled_from(_prices(inst)))
    return inst, table, p


@pytest.mark.slow
@settings(max_examples=25)
@given(multi)
def test_programme18_optimum(inst: DiscreteInstance) -> None:
    """Paper 002, Proposition 4.10 (§4.2.2) and §5's second conclusion:
    ``max_i E v_i <= max (18) <= E[max_i v_i]``.

    Also: the exact optimum lies in the certified bracket of the dual LP on a price grid
    (an independent computation); its scheme satisfies (11), (16), (17) exactly and earns
    ``price · Pr[sold]``; overlapping recommendations never earn less (they relax (11)).
    """
    opt = optimal_interim_mechanism(inst)
    fixed = optimal_interim_fixed_price(inst).revenue
    assert fixed <= opt.revenue_exact <= inst.expected_max()
    lo, hi = revenue_bracket(inst, 6)
    assert lo <= opt.revenue_exact <= hi
    assert check_interim_obedience(inst, opt.scheme, opt.price).satisfied
    assert sympy.simplify(sympy.sympify(opt.price) * opt.sale_probability - opt.revenue) == 0
    lo_e, hi_e = opt.enclosure
    assert lo_e <= opt.revenue_exact <= hi_e and hi_e - lo_e <= F(1, 10**30)
    assert (
        optimal_interim_mechanism(inst, signals="action-profiles").revenue_exact
        >= opt.revenue_exact
    )


@settings(max_examples=40)
@given(single)
def test_one_buyer_theorems(inst: DiscreteInstance) -> None:
    """Paper 002, §4.1: Theorem 4.5 / Proposition 4.4 (ex-interim optimum of programme (9)
    is ``E v``), Theorem 4.2 (ex-post optimum is ``max_p [1 - G(v^{-1}(p))] p``, attained by
    the threshold scheme), Proposition 4.3 and Observation 1 / Proposition 4.6 (signaling
    earns what the fixed price earns)."""
    mean = inst.mean_value(0)
    assert optimal_interim_mechanism(inst).revenue == mean
    assert optimal_interim_fixed_price(inst).revenue == mean
    ep = optimal_expost_mechanism(inst)
    printed = optimal_theorem_4_9_printed(inst)
    assert ep.revenue == printed.revenue == optimal_expost_fixed_price(inst).revenue
    assert check_expost_obedience(inst, theorem_4_2_scheme(inst, printed.price), printed.price)


@settings(max_examples=40)
@given(multi, st.data())
def test_value_function_monotone_and_dual(inst: DiscreteInstance, data: st.DataObject) -> None:
    """Programme (18) at a fixed price (paper 002, §4.2.2): for ``p >= max_i E v_i`` the LP
    value ``L(p)`` is non-increasing, equals its dual LP (strong duality) and the exact
    piecewise-rational value function of the parametric analysis."""
    a, b = max(inst.mean_values()), inst.value_bound()
    ts = sorted(data.draw(st.lists(st.integers(0, 12), min_size=2, max_size=2)))
    p1, p2 = (a + (b - a) * F(t, 12) for t in ts)
    l1, l2 = sale_probability_lp(inst, p1), sale_probability_lp(inst, p2)
    assert l1 is not None and l2 is not None
    assert l1 >= l2
    assert l1 == sale_probability_dual(inst, p1)
    piece = next(pc for pc in value_pieces(inst) if bool(pc.lo <= p1 <= pc.hi))
    assert sympy.sympify(piece.value).subs(P, sympy.Rational(p1.numerator, p1.denominator)) == l1


@settings(max_examples=60)
@given(instances_with_schemes(), st.sampled_from(TIE_RULES))
def test_constraints_match_posterior_obedience(
    case: tuple[DiscreteInstance, list[list[Fraction]], Fraction], ties: str
) -> None:
    """Paper 002, eqs. (4)–(8) (§4.1), Proposition 4.7 (14)–(15) and (16)–(17) (§4.2):
    the rewritten constraints hold exactly when obedience defined through the Bayes
    posteriors (1)–(2), (12)–(13) holds, for randomized schemes and every tie rule."""
    inst, table, p = case
    assert check_expost_obedience(inst, table, p, ties=ties).satisfied == obeys_by_posterior(
        inst, table, p, model="ex-post", ties=ties
    )
    assert check_interim_obedience(inst, table, p, ties=ties).satisfied == obeys_by_posterior(
        inst, table, p, model="ex-interim", ties=ties
    )


@settings(max_examples=60)
@given(multi)
def test_theorem_4_9_and_fixed_price(inst: DiscreteInstance) -> None:
    """Paper 002, Theorem 4.9: with buyers who buy only on signal 1 the optimum is
    ``max_p [1 - G(v_min^{-1}(p))] p``; it equals the model's ex-post fixed-price optimum
    (all buyers see the same quality), not Proposition 3.1's product formula."""
    rec = optimal_expost_mechanism(inst, recommend_only=True).revenue
    assert (
        rec == optimal_theorem_4_9_printed(inst).revenue == optimal_expost_fixed_price(inst).revenue
    )


@settings(max_examples=60)
@given(multi)
def test_theorem_4_8_characterization(inst: DiscreteInstance) -> None:
    """Paper 002, Theorem 4.8 (ex-post buyers, n+1 signals, indifferent buyers buy): no
    obedient mechanism exists exactly when the two largest valuations at the top quality
    coincide (prices live in ``[0, v̄]``). With overlapping recommendations one always does."""
    top = sorted((r[-1] for r in inst.values), reverse=True)
    assert theorem_4_8(inst).holds == (top[0] == top[1])
    assert not theorem_4_8(inst, signals="action-profiles").holds


@settings(max_examples=60)
@given(st.lists(st.lists(st.integers(0, 4), min_size=3, max_size=3), min_size=1, max_size=3))
def test_overlapping_marginals(raw: list[list[int]]) -> None:
    """Overlapping recommendations (paper 002, §4.2, Definition 2.3): the packed scheme has the
    requested marginals and sells with probability ``min(1, sum_i y_i(q))``."""
    ys = [[F(x, 4) for x in row] for row in raw]
    s = ActionProfileScheme.from_marginals(ys)
    for i, row in enumerate(ys):
        assert s.marginal(i) == tuple(row)
    for k in range(3):
        assert s.sale_probability_at(k) == min(F(1), sum((r[k] for r in ys), F(0)))


@settings(max_examples=60)
@given(st.integers(-20, 20), st.integers(-20, 20), st.integers(1, 5))
def test_real_roots_of_quadratics(b: int, c: int, a: int) -> None:
    """Exact real roots (used for the breakpoints of programme (18)): each root's sympy closed
    form is a root, roots are sorted and strictly separated by a rational."""
    poly = (F(c), F(b), F(a))
    roots = real_roots(poly)
    x = sympy.Symbol("x")
    for r in roots:
        assert sympy.expand((a * x**2 + b * x + c).subs(x, r.to_sympy())) == 0
    for r1, r2 in itertools.pairwise(roots):
        assert r1 < r2
        m = simplest_between(r1.enclosure()[1], r2.enclosure()[0])
        assert r1 < m < r2


@pytest.mark.parametrize("seed", [0, 2, 5])
def test_gain_trial_is_pure(seed: int) -> None:
    """The sweep entry point is a pure function of its seed and agrees with a recomputation."""
    t1, t2 = signaling_gain_trial(seed), signaling_gain_trial(seed)
    assert t1 == t2
    opt = optimal_interim_mechanism(t1.instance)
    assert t1.strictly_better == (
        opt.revenue_exact > optimal_interim_fixed_price(t1.instance).revenue
    )
