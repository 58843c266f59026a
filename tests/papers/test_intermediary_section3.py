"""Paper 001, §3: Proposition 1, Theorem 5, LP (2), Theorems 1, 2 and 4, exactly."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.errors import InvalidProblemError
from exactmech.lp import linprog
from exactmech.papers.intermediary import full_surplus_extraction, seller_response
from exactmech.papers.intermediary.response import optimal_auction_lp
from exactmech.papers.intermediary.section3 import (
    TwoPointInstance,
    best_consumer_surplus,
    efficient_best_consumer_surplus,
    lp2,
    proposition1_cases,
    proposition1_cs,
    proposition1_outcome,
    theorem1_instance,
    theorem1_quantities,
    theorem2_instance,
    theorem2_quantities,
    verify_dual_certificate,
)
from exactmech.strategies import correlated_priors

F = Fraction


@st.composite
def balanced_instances(draw: st.DrawFn) -> TwoPointInstance:
    """a > b > c > d > 0 (integers), alpha = b/a, beta = d/c (paper 001, §3)."""
    gaps = draw(st.lists(st.integers(1, 5), min_size=4, max_size=4))
    d = F(gaps[0])
    c = d + gaps[1]
    b = c + gaps[2]
    return TwoPointInstance.balanced(b + gaps[3], b, c, d)


units = st.fractions(0, 1, max_denominator=12)


@settings(max_examples=60)
@given(balanced_instances(), units, units)
def test_proposition1_cases_and_sender_preferred_cs(
    inst: TwoPointInstance, x: Fraction, y: Fraction
) -> None:
    """Paper 001, §3, Proposition 1: at every product signal s = (alpha', beta') some case
    applies; each applicable case's mechanism is revenue-optimal (its revenue equals
    Myerson's) and earns the printed CS; the sender-preferred CS is the largest of them
    (the proof of Theorem 5 takes CS(s) = max(...) where cases overlap)."""
    cases = proposition1_cases(inst, x, y)
    assert cases
    opt = seller_response(inst.posterior(x, y).dists)
    for k in cases:
        rev, cs = proposition1_outcome(inst, k, x, y)
        assert rev == opt.revenue
        assert cs == proposition1_cs(inst, k, x, y)
    assert opt.consumer_surplus == max(proposition1_cs(inst, k, x, y) for k in cases)


@settings(max_examples=40)
@given(balanced_instances(), st.integers(0, 12))
def test_theorem5_families(inst: TwoPointInstance, k: int) -> None:
    """Paper 001, §3, Theorem 5: family (1) has phi1(b|s) = c and CS(s) = alpha'(a - b);
    family (2) has phi2(d|s) = phi1(b|s) >= 0 and CS(s) = alpha'(1 - beta')(a - b), which
    is >= (1 - alpha')beta'(c - d) (the inequality derived in the proof)."""
    xc = inst.family1_alpha()
    assert inst.phi1_b(xc) == inst.c
    assert inst.signal_cs(xc, F(k, 12)) == xc * (inst.a - inst.b)
    lo, hi = inst.family2_range()
    x = lo + (hi - lo) * F(k, 12)
    y = inst.family2_beta(x)
    assert inst.phi2_d(y) == inst.phi1_b(x) >= 0
    a, b, c, d = inst.a, inst.b, inst.c, inst.d
    assert inst.signal_cs(x, y) == x * (1 - y) * (a - b) >= (1 - x) * y * (c - d)


@pytest.mark.parametrize("delta", ["1/4", "1/10", "1/20"])
def test_theorem2_best_consumer_surplus(delta: str) -> None:
    """Paper 001, §3, Theorem 2 (no scheme beats (1/2 + eps) OPT): on the theorem's instance
    the exact supremum of CS(Z) is delta^2 + delta^3 (2 - delta)/(1 - delta) (the paper's
    bound delta^2 (1 + o(1)) is attained), a ratio (1 + delta - delta^2)/(2 - delta) of OPT.
    Lower bound: an explicit Bayes-plausible scheme; upper bound: a dual certificate checked
    over all product signals."""
    best = best_consumer_surplus(theorem2_instance(delta))
    q = theorem2_quantities(delta)
    assert best.exact and best.lower == best.upper
    assert best.lower == q["best_cs"] and best.ratio == q["best_ratio"]
    assert best.opt == q["opt"]
    assert best.scheme.consumer_surplus() == best.lower


@settings(max_examples=25)
@given(st.fractions(0, 1, max_denominator=30), st.fractions(0, 1, max_denominator=30))
def test_theorem2_certificate_by_direct_myerson(x: Fraction, y: Fraction) -> None:
    """Independent check of the §3 dual certificate at delta = 1/4: for random product signals,
    y·mu(s) >= CS(s) with CS computed by Myerson's auction directly (no case analysis)."""
    inst = theorem2_instance("1/4")
    duals = (F(0), F(0), F(1, 3), F(7, 12))
    lhs = sum((w * m for w, m in zip(duals, inst.masses(x, y))), F(0))
    assert lhs >= seller_response(inst.posterior(x, y).dists).consumer_surplus


def test_theorem2_grid_without_structure_is_below_the_exact_value() -> None:
    """Paper 001, §3: a plain 9 x 9 grid of signals (no Theorem 5 points) stays below the
    exact supremum 19/192 at delta = 1/4, and the grid LP's own dual is no certificate."""
    inst = theorem2_instance("1/4")
    grid = [(F(i, 8), F(j, 8)) for i in range(9) for j in range(9)]
    res = lp2(inst, grid)
    assert res.value < F(19, 192)
    assert not verify_dual_certificate(inst, res.duals)
    assert verify_dual_certificate(inst, (0, 0, F(1, 3), F(7, 12)))
    assert not verify_dual_certificate(inst, (0, 0, F(1, 3), F(7, 12) - F(1, 1000)))


@settings(max_examples=8)
@given(balanced_instances())
def test_best_consumer_surplus_is_certified_on_random_instances(inst: TwoPointInstance) -> None:
    """Paper 001, §3 (Theorem 5 + LP (2)): with Theorem 5's families in the grid, LP (2)'s
    optimum is certified by its dual over all product signals."""
    best = best_consumer_surplus(inst, grid=4)
    assert best.exact
    assert best.lower <= best.opt


def test_theorem2_printed_formulas() -> None:
    """Paper 001, §3, proof of Theorem 2: (1') alpha' = (1 - delta)/(2 - delta) < 1/2 with
    CS = delta/((1 - delta)(2 - delta)) <= delta/2 (1 + o(1)); (2') the printed beta'; OPT =
    (1 - alpha)(b - beta c) = 2 delta^2 (1 + o(1)); the ratio tends to 1/2."""
    q = theorem2_quantities()
    dl = sympy.Symbol("delta", positive=True)
    assert sympy.simplify(q["alpha1"] - (1 - dl) / (2 - dl)) == 0
    assert sympy.simplify(q["beta2"] - q["beta2_printed"]) == 0
    assert sympy.limit(q["cs1"] / dl, dl, 0) == sympy.Rational(1, 2)
    assert sympy.limit(q["opt"] / dl**2, dl, 0) == 2
    assert sympy.limit(q["best_cs"] / dl**2, dl, 0) == 1
    assert sympy.limit(q["best_ratio"], dl, 0) == sympy.Rational(1, 2)
    assert sympy.simplify(q["welfare"] - q["revenue"] - q["opt"]) == 0


@pytest.mark.parametrize("eps", ["1", "1/2", "1/5", "1/10"])
def test_theorem1_efficient_schemes(eps: str) -> None:
    """Paper 001, §3, Theorem 1: every scheme whose auction always allocates to the highest
    value has CS <= eps CS(D). The three-column LP is checked against LP (2) over a grid of
    all signals that are efficient under the seller's actual (sender-preferred) auction."""
    inst = theorem1_instance(eps)
    best = efficient_best_consumer_surplus(inst)
    assert best < F(eps) * inst.prior().consumer_surplus()
    xc, (xd, _) = inst.family1_alpha(), inst.family2_range()
    pts = sorted({F(i, 6) for i in range(7)} | {xc, xd})
    efficient = [(x, y) for x, y in itertools.product(pts, pts) if inst.efficient(x, y)]
    assert (xc, F(0)) in efficient and (xd, F(0)) in efficient and (xc, F(1)) in efficient
    assert lp2(inst, efficient).value == best


def test_theorem1_symbolic_bounds() -> None:
    """Paper 001, §3, proof of Theorem 1: CS(D) = (b/c)((c - d)/a)(a - b), alpha' <= (b - d)/
    (a - d), gamma <= (a - d)(c - d)/(ac), CS <= (b - d)(c - d)(a - b)/(ac) = ((b - d)/b) CS(D)
    and (b - d)/b = eps/2 at d = (1 - eps/2) b."""
    q = theorem1_quantities()
    a, b, c, d = sympy.symbols("a b c d", positive=True)
    assert sympy.simplify(q["cs_D"] - q["cs_D_printed"]) == 0
    assert sympy.simplify(q["alpha_max"] - (b - d) / (a - d)) == 0
    assert sympy.simplify(q["gamma_max"] - (a - d) * (c - d) / (a * c)) == 0
    assert sympy.simplify(q["cs_bound"] - (b - d) * (c - d) * (a - b) / (a * c)) == 0
    assert sympy.simplify(q["ratio"] - (b - d) / b) == 0
    assert q["ratio_eps"] == sympy.Symbol("epsilon", positive=True) / 2


@settings(max_examples=30)
@given(correlated_priors(buyers=2, types=2, max_value=5, zero_masses=True))
def test_theorem4_full_surplus_extraction(joint: dict) -> None:  # type: ignore[type-arg]
    """Paper 001, §2.1, Theorem 4 (Crémer–McLean, n = 2, K_i = 2): under any correlated prior
    the seller extracts the whole welfare E[max v_i] (interim IC/IR, payments of either sign),
    so the consumer surplus is 0. Correlation is judged independently here, by comparing the
    joint with the product of its marginals on the full grid."""
    marg: list[dict[Fraction, Fraction]] = [{}, {}]
    for v, p in joint.items():
        for i in (0, 1):
            marg[i][v[i]] = marg[i].get(v[i], F(0)) + p
    independent = all(
        joint.get(v, 0) == marg[0][v[0]] * marg[1][v[1]]
        for v in itertools.product(marg[0], marg[1])
    )
    r = full_surplus_extraction(joint)
    assert r.correlated == (not independent)
    if r.correlated:
        assert r.extracts and r.consumer_surplus == 0
    assert r.revenue <= r.max_welfare


def test_theorem4_needs_payments_of_either_sign() -> None:
    """Paper 001, §2.1 allows payments of either sign; Crémer–McLean needs them: with
    nonnegative payments this correlated prior leaves the buyers a positive surplus."""
    joint = {(3, 1): "4/13", (3, 3): "2/13", (5, 1): "6/13", (5, 3): "1/13"}
    free = optimal_auction_lp(joint)
    nonneg = optimal_auction_lp(joint, payments="nonnegative")
    assert (free.revenue, free.buyer_surplus) == (F(53, 13), 0)
    assert (nonneg.revenue, nonneg.buyer_surplus) == (F(45, 13), F(8, 13))


def test_bad_section3_input() -> None:
    with pytest.raises(InvalidProblemError, match="a > b > c > d"):
        TwoPointInstance(1, 2, 3, 4, "1/2", "1/2")
    with pytest.raises(InvalidProblemError, match="alpha=1 not in"):
        TwoPointInstance(4, 3, 2, 1, 1, "1/2")
    inst = TwoPointInstance.balanced(4, 3, 2, 1)
    with pytest.raises(InvalidProblemError, match="outside"):
        inst.family2_beta(0)
    with pytest.raises(InvalidProblemError, match="not in \\[0, 1\\]"):
        inst.posterior(2, 0)
    with pytest.raises(InvalidProblemError, match="case=5"):
        proposition1_cs(inst, 5, 0, 0)
    with pytest.raises(InvalidProblemError, match="expected 4"):
        verify_dual_certificate(inst, [1, 1])
    with pytest.raises(InvalidProblemError, match="theta"):
        theorem1_instance("1/2", theta=5)
    with pytest.raises(InvalidProblemError, match="no signals"):
        lp2(inst, [])
    assert linprog([1], A_ub=[[1]], b_ub=[1], maximize=True).fun == 1
