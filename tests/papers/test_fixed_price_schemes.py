"""Schemes, obedience checkers, exact algebraic numbers and the parametric LP (paper 002, §4)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from exactmech.errors import ModelError
from exactmech.papers.fixed_price_signaling import (
    ActionProfileScheme,
    DiscreteInstance,
    RealAlgebraic,
    RecommendationScheme,
    check_expost_obedience,
    check_interim_obedience,
    check_probability_constraints,
    coarsen,
    example_instance,
    interim_optimum_bounds,
    optimal_expost_mechanism,
    optimal_interim_mechanism,
    parametric_lp,
    posterior,
    real_roots,
    revenue_bracket,
    sale_probability,
    sale_probability_dual,
    sale_probability_lp,
    theorem_4_8_forced_table,
    theorem_4_9_scheme,
    theorem_4_11_scheme,
    value_pieces,
)

F = Fraction


def _inst(name: str) -> DiscreteInstance:
    inst = example_instance(name)
    assert isinstance(inst, DiscreteInstance)
    return inst


def test_recommendation_scheme_and_11() -> None:
    s = RecommendationScheme([["1/2", 0, "1/3"], ["1/4", 1, 0]])
    assert s.no_sale(0) == F(1, 4) and s.sale_probability_at(1) == 1
    assert s.to_action_profiles().marginal(1) == (F(1, 4), F(1), F(0))
    assert sale_probability(_inst("I3"), s) == F(1, 3) * (F(3, 4) + 1 + F(1, 3))
    with pytest.raises(ModelError, match=r"\(11\) fails: pi\(q_1, s_0\) = -1/2 < 0"):
        RecommendationScheme([["1/2", 0], [1, 0]])
    with pytest.raises(ModelError, match=r"pi\(q_2, s_1\) = -1 < 0"):
        RecommendationScheme([[0, -1], [0, 0]])
    chk = check_probability_constraints([[1, 1], [1, 0]])
    assert [(r.buyer, r.level, r.lhs) for r in chk.violations()] == [(-1, 0, F(-1))]


def test_action_profile_scheme_validation() -> None:
    with pytest.raises(ModelError, match="sum to 1/2"):
        ActionProfileScheme({(1, 0): ["1/2"]})
    with pytest.raises(ModelError, match="not in"):
        ActionProfileScheme({(2, 0): [1]})
    with pytest.raises(ModelError, match="not in \\[0, 1\\]"):
        ActionProfileScheme.from_marginals([["3/2"]])


def test_posterior_bayes_rule() -> None:
    """Eqs. (12)–(13): the posterior after signal 1 is prior times pi, normalised."""
    inst = _inst("I1")
    up = posterior(inst, [["1/2", 1], [0, 0]], 0, 1)
    assert up is not None and up.probs == (F(1, 3), F(2, 3))
    down = posterior(inst, [["1/2", 1], [0, 0]], 0, 0)
    assert down is not None and down.probs == (F(1), F(0))
    assert posterior(inst, [[0, 0], [0, 0]], 0, 1) is None
    with pytest.raises(ModelError, match="not a probability"):
        posterior(inst, [[2, 0], [0, 0]], 0, 1)
    with pytest.raises(ModelError, match="2 buyers and 2 levels"):
        posterior(inst, [[0, 0, 0]], 0, 1)


def test_expost_checker_tie_rules() -> None:
    """(14)–(15) at p = 2 on I3, where v_1(q_2) = 2 = p: the tie rule decides."""
    inst = _inst("I3")
    scheme = [[0, 0, 1], [0, 0, 0]]  # told 0: buyer 1 at q_2, buyer 2 at q_3, both indifferent
    assert not check_expost_obedience(inst, scheme, 2, ties="buy").satisfied
    assert check_expost_obedience(inst, scheme, 2, ties="follow").satisfied
    only1 = [[0, 1, 1], [0, 0, 0]]
    buy = check_expost_obedience(inst, only1, 2, ties="buy")
    assert [(r.equation, r.buyer, r.lhs) for r in buy.violations()] == [("(15)", 1, F(1, 3))]
    assert check_expost_obedience(
        inst, [[0, 0, 1], [0, 0, 0]], 2, ties="follow", recommend_only=True
    )
    assert not check_expost_obedience(inst, only1, 2, ties="no-buy").satisfied
    with pytest.raises(ModelError, match="ties='maybe'"):
        check_expost_obedience(inst, only1, 2, ties="maybe")
    with pytest.raises(ModelError, match="outside the value range"):
        check_expost_obedience(inst, only1, 3)


def test_interim_checker_strictness() -> None:
    """(16)–(17): weak under "follow" (the paper), strict (17) under "buy"."""
    inst = _inst("identical")
    fixed = [[1, 1, 1], [0, 0, 0]]  # Proposition 3.2's mechanism at p = 2 = E v_2
    assert check_interim_obedience(inst, fixed, 2, ties="follow").satisfied
    strict = check_interim_obedience(inst, fixed, 2, ties="buy")
    assert [(r.equation, r.buyer, r.relation) for r in strict.violations()] == [("(17)", 1, ">")]
    one = check_interim_obedience(inst.restrict([0]), [[1, 1, 1]], 2)
    assert [r.equation for r in one.residuals] == ["(7)", "(8)"]
    assert sympy.sympify(one.residuals[0].residual) == 0


def test_printed_schemes() -> None:
    i3 = _inst("I3")
    assert theorem_4_8_forced_table(i3, 2) == ((0, 1, 1), (0, 0, 1))
    assert theorem_4_11_scheme(i3) == ((0, 1, 1), (1, 0, 1))
    assert theorem_4_11_scheme(i3, tie_break="first") == ((0, 1, 1), (1, 0, 0))
    assert theorem_4_9_scheme(_inst("I1"), 3) == ((0, 1), (0, 0))  # argmin tie: first buyer
    assert theorem_4_9_scheme(_inst("I1"), 2) == ((1, 1), (0, 0))
    with pytest.raises(ModelError, match="tie_break"):
        theorem_4_11_scheme(i3, tie_break="random")


def test_expost_mechanism_options() -> None:
    ident = _inst("identical")
    assert optimal_expost_mechanism(ident, ties="follow").revenue == 1
    assert optimal_expost_mechanism(ident, recommend_only=True).revenue == F(4, 3)
    with pytest.raises(ModelError, match="not attained"):
        optimal_expost_mechanism(ident, ties="no-buy")
    with pytest.raises(ModelError, match="signals="):
        optimal_expost_mechanism(ident, signals="public")


def test_lp_entry_points() -> None:
    ident = _inst("identical")
    assert sale_probability_lp(ident, 1) is None  # infeasible below max_i E v_i
    assert sale_probability_lp(ident, F(5, 2)) == sale_probability_dual(ident, F(5, 2)) == F(2, 3)
    with pytest.raises(ModelError, match="not implied"):
        sale_probability_dual(ident, 1)
    with pytest.raises(ModelError, match="m=0"):
        revenue_bracket(ident, 0)
    assert [str(pc.value) for pc in value_pieces(_inst("I1"))] == ["1", "5/p"]


def test_overlapping_dual_matches_primal() -> None:
    """Strong duality for the LP over overlapping recommendations."""
    for name in ("identical", "I3", "half"):
        inst = _inst(name)
        a, b = max(inst.mean_values()), inst.value_bound()
        for t in range(5):
            p = a + (b - a) * F(t, 4)
            primal = sale_probability_lp(inst, p, signals="action-profiles")
            assert primal == sale_probability_dual(inst, p, signals="action-profiles")


def test_interim_optimum_identical_buyers() -> None:
    opt = optimal_interim_mechanism(_inst("identical"))
    assert (opt.revenue, opt.price, opt.maximizers) == (2, 2, ((2, 2),))
    over = optimal_interim_mechanism(_inst("identical"), signals="action-profiles")
    assert (over.revenue, over.scheme) == (F(9, 4), ((F(2, 5), 1, 1), (F(3, 5), 0, 1)))


def test_bounds_and_coarsening() -> None:
    assert interim_optimum_bounds(_inst("I3")) == (F(4, 3), F(5, 3))
    cont = example_instance("continuous-identical")
    coarse = coarsen(cont, 3)  # type: ignore[arg-type]
    assert coarse.values[0] == (F(1, 6), F(1, 2), F(5, 6)) and coarse.probs == (F(1, 3),) * 3
    assert interim_optimum_bounds(cont, cells=2) == (F(1, 2), F(1, 2))


def test_real_algebraic_arithmetic() -> None:
    r = real_roots((F(-2), F(0), F(1)))[1]  # sqrt(2)
    assert r.to_sympy() == sympy.sqrt(2)
    assert RealAlgebraic.rational(F(7, 5)) < r < F(3, 2)
    sq = r.evaluate((F(0), F(0), F(1)))  # r^2 = 2
    assert sq.is_rational and sq.as_fraction() == 2
    half = r.evaluate((F(1),), (F(0), F(1)))  # 1/sqrt(2)
    assert half.to_sympy() == sympy.sqrt(2) / 2
    assert r.field_value((F(1), F(1)), (F(0), F(1))) == sympy.sqrt(2) / 2 + 1
    lo, hi = r.enclosure(F(1, 10**20))
    assert lo < r < hi and hi - lo <= F(1, 10**20)
    assert r.sign_of((F(-2), F(0), F(1))) == 0 and r.sign_of((F(-1), F(1))) == 1
    cubic = real_roots((F(-1), F(-1), F(0), F(1)))
    assert len(cubic) == 1 and str(cubic[0].to_sympy()) == "CRootOf(x**3 - x - 1, 0)"
    assert cubic[0] != r and cubic[0] < r


def test_parametric_lp_small() -> None:
    """max x s.t. p·x + s = 1, x + t = 1 on p in [0, 2]: L(p) = min(1, 1/p)."""
    A0 = [[F(0), F(1), F(0)], [F(1), F(0), F(1)]]
    A1 = [[F(1), F(0), F(0)], [F(0), F(0), F(0)]]
    pieces = parametric_lp(A0, A1, [F(1), F(1)], [F(1), F(0), F(0)], F(0), F(2))
    assert [(pc.lo, pc.hi) for pc in pieces] == [(0, 1), (1, 2)]
    assert [pc.value_at(F(1, 2)) if pc.hi <= 1 else pc.value_at(F(3, 2)) for pc in pieces] == [
        1,
        F(2, 3),
    ]
