"""Paper 003, §2 and §4: finite mechanisms, the BCE LPs (9)/(10), weak duality, Lemma 1."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.dist import Discrete
from exactmech.errors import DistributionError, InvalidProblemError
from exactmech.papers.robust_common_value import (
    FiniteMechanism,
    LPSizeError,
    MechanismError,
    SymmetricMechanism,
    dual_bound,
    dual_lp,
    epm,
    multiset_minus,
    posted_price_guarantee,
    virtual_revenue,
    virtual_revenue_lines,
    worst_case_revenue,
)
from exactmech.papers.robust_common_value.strategies import (
    common_value_priors,
    finite_mechanisms,
    multipliers,
    symmetric_mechanisms,
)

F = Fraction
SMALL = settings(max_examples=25, deadline=None)


def _is_bce_full(mech: FiniteMechanism, prior: Discrete, mu: dict) -> bool:
    """Check Consistency and Obedience of paper 003, §2 directly (no LP code involved)."""
    for v, p in prior.items():
        if sum(x for (w, _), x in mu.items() if w == v) != p:
            return False
    for i, size in enumerate(mech.n_messages):
        for j in range(size):
            for jp in range(size):
                gain = F(0)
                for (v, m), x in mu.items():
                    if m[i] == j:
                        m2 = (*m[:i], jp, *m[i + 1 :])
                        gain += x * (mech.utility(i, v, m) - mech.utility(i, v, m2))
                if gain < 0:
                    return False
    return all(x >= 0 for x in mu.values())


def _expand(mech: SymmetricMechanism, mu_sym: dict) -> dict:
    """A symmetric BCE from orbit masses: spread w(v, s) evenly over the profiles of s."""
    import itertools

    out: dict = {}
    for (v, s), w in mu_sym.items():
        perms = set(itertools.permutations(s))
        for m in perms:
            out[(v, m)] = out.get((v, m), F(0)) + w / len(perms)
    return out


@SMALL
@given(finite_mechanisms(buyers=2, max_messages=3), common_value_priors(max_size=3))
def test_primal_equals_dual(mech: FiniteMechanism, prior: Discrete) -> None:
    """Paper 003, §4: LP duality, (9) = (10); the optimal α of (9)'s duals certifies it
    through the weak-duality bound Σ_v p(v) min_m Rev(v, m); the minimiser is a BCE."""
    res = worst_case_revenue(mech, prior)
    assert dual_lp(mech, prior).value == res.revenue
    assert dual_bound(mech, prior, res.alpha) == res.revenue
    assert sum(p * res.gamma[v] for v, p in prior.items()) == res.revenue
    assert _is_bce_full(mech, prior, res.mu)
    assert sum(x * mech.revenue(m) for (_, m), x in res.mu.items()) == res.revenue


@SMALL
@given(symmetric_mechanisms(buyers=2, max_messages=3), common_value_priors(max_size=3))
def test_symmetric_reduction(mech: SymmetricMechanism, prior: Discrete) -> None:
    """Paper 003, eq. (3) and §5.1: for a symmetric mechanism the worst BCE may be taken
    symmetric; the reduced LP over orbit masses equals the full LP (9), and so do the
    symmetric and the per-buyer dual (10)."""
    red = worst_case_revenue(mech, prior)
    full = worst_case_revenue(mech, prior, symmetric=False)
    assert red.symmetric and not full.symmetric
    assert red.revenue == full.revenue
    assert red.n_variables <= full.n_variables
    assert dual_lp(mech, prior).value == red.revenue == dual_lp(mech, prior, symmetric=False).value
    assert dual_bound(mech, prior, red.alpha) == red.revenue
    assert _is_bce_full(mech.to_finite(), prior, _expand(mech, red.mu))


@SMALL
@given(st.data(), common_value_priors(max_size=3))
def test_weak_duality(data: st.DataObject, prior: Discrete) -> None:
    """Paper 003, (10)–(12): for ANY α >= 0, Σ_v p(v) min_m Rev(v, m) is at most the worst
    BCE revenue (weak duality), for symmetric and per-buyer multipliers alike."""
    mech = data.draw(symmetric_mechanisms(buyers=2, max_messages=3))
    worst = worst_case_revenue(mech, prior).revenue
    assert dual_bound(mech, prior, data.draw(multipliers(mech))) <= worst
    assert dual_bound(mech, prior, data.draw(multipliers(mech, symmetric=False))) <= worst


@SMALL
@given(st.data(), st.fractions(0, 1, max_denominator=6))
def test_lemma1_virtual_revenue_at_most_value(data: st.DataObject, v: Fraction) -> None:
    """Paper 003, Lemma 1, eq. (14): min_m Rev(v, m) <= v for every v and every α >= 0."""
    mech = data.draw(finite_mechanisms(buyers=data.draw(st.integers(1, 2)), max_messages=3))
    alpha = data.draw(multipliers(mech))
    lines = virtual_revenue_lines(mech, alpha)
    assert min(s * v + c for s, c in lines.values()) <= v


@SMALL
@given(symmetric_mechanisms(buyers=3, max_messages=3), st.data())
def test_symmetric_virtual_revenue_matches_profiles(mech: SymmetricMechanism, data) -> None:
    """Eq. (13) computed on multisets equals eq. (13) on every profile of the expanded mechanism
    (symmetric multipliers make Rev permutation invariant)."""
    alpha = data.draw(multipliers(mech))
    sym = virtual_revenue_lines(mech, alpha)
    per_buyer = {(i, j, jp): a for (j, jp), a in alpha.items() for i in range(3)}
    full = virtual_revenue_lines(mech.to_finite(), per_buyer)
    for m, line in full.items():
        assert sym[tuple(sorted(m))] == line


@SMALL
@given(common_value_priors(max_size=4), st.fractions(0, 1, max_denominator=5))
def test_posted_price_guarantee_equals_bce_lp(prior: Discrete, price: Fraction) -> None:
    """Paper 003, footnote 3: the worst information for a posted price pools the largest
    mass with mean <= price; the fractional-knapsack formula equals the BCE LP (9)."""
    mech = SymmetricMechanism(1, 2, lambda own, o: (own, own * price))
    assert posted_price_guarantee(prior, price) == worst_case_revenue(mech, prior).revenue


def test_footnote3_uniform_grid_formula() -> None:
    """Footnote 3 on the grid {0, 1/8, ..., 1}: p(1 - 2p) when the pooled set ends on the grid."""
    grid = Discrete.uniform([F(j, 8) for j in range(9)])
    assert (
        posted_price_guarantee(grid, F(1, 4))
        == worst_case_revenue(
            SymmetricMechanism(1, 2, lambda own, o: (own, own * F(1, 4))), grid
        ).revenue
    )


def test_virtual_revenue_single_profile() -> None:
    mech = epm(2, 2, 1, F(1, 4))
    alpha = {(0, 1): 1, (1, 2): 1}
    assert virtual_revenue(mech, alpha, F(1, 2), (1, 0)) == virtual_revenue(
        mech, alpha, F(1, 2), (0, 1)
    )
    assert virtual_revenue(
        mech.to_finite(), {(i, j, j + 1): 1 for i in (0, 1) for j in (0, 1)}, F(1, 2), (2, 1)
    ) == virtual_revenue(mech, alpha, F(1, 2), (1, 2))


def test_multiset_helpers() -> None:
    assert multiset_minus((0, 0, 2), 0) == (0, 2)
    assert SymmetricMechanism.orbit_size((0, 0, 2)) == 3
    mech = epm(3, 2, 1, 1)
    assert mech.total_allocation((2, 2, 2)) == 1
    assert Counter(mech.multisets())[(0, 1, 2)] == 1


def test_symmetrize_roundtrip() -> None:
    """Eq. (43): symmetrising a symmetric mechanism returns it; an asymmetric one averages."""
    mech = epm(2, 2, 2, F(1, 5))
    assert mech.to_finite().is_symmetric()
    back = mech.to_finite().symmetrize()
    assert all(
        back.q(j, o) == mech.q(j, o) and back.P(j, o) == mech.P(j, o)
        for (j, o), _ in mech.entries()
    )
    asym = FiniteMechanism(
        (2, 2), lambda i, m: F(m[i], 2) if i == 0 else F(m[i], 4), lambda i, m: 0
    )
    assert not asym.is_symmetric()
    assert asym.symmetrize().q(1, (0,)) == F(3, 8)


# -- bad input ------------------------------------------------------------------------


def test_prior_errors() -> None:
    mech = epm(1, 1, 1, 1)
    with pytest.raises(DistributionError, match="sum to 9/10"):
        worst_case_revenue(mech, {0: "0.5", 1: "0.4"})
    with pytest.raises(DistributionError, match="outside \\[0, 1\\]"):
        worst_case_revenue(mech, {2: 1})
    with pytest.raises(TypeError, match="float"):
        worst_case_revenue(mech, {0: 0.5, 1: 0.5})


def test_mechanism_errors() -> None:
    with pytest.raises(MechanismError, match="opt-out"):
        FiniteMechanism((2,), lambda i, m: F(1, 2), lambda i, m: 0)
    with pytest.raises(MechanismError, match="sum to 2 > 1"):
        FiniteMechanism((2, 2), lambda i, m: m[i], lambda i, m: 0)
    with pytest.raises(MechanismError, match="negative"):
        FiniteMechanism((2,), lambda i, m: -m[0], lambda i, m: 0)
    with pytest.raises(MechanismError, match="no entry"):
        FiniteMechanism((2,), {(0,): (0,)}, {(0,): (0,), (1,): (0,)})
    with pytest.raises(MechanismError, match="opt-out"):
        SymmetricMechanism(2, 2, lambda own, o: (0, 1))


def test_multiplier_errors() -> None:
    mech = epm(1, 2, 1, 1)
    with pytest.raises(InvalidProblemError, match="negative"):
        dual_bound(mech, {1: 1}, {(0, 1): "-1/2"})
    with pytest.raises(InvalidProblemError, match="outside"):
        dual_bound(mech, {1: 1}, {(0, 5): 1})
    with pytest.raises(InvalidProblemError, match="all"):
        dual_bound(mech, {1: 1}, {(0, 1): 1, (0, 0, 1): 1})


def test_lp_size_limit_suggests_symmetric_reduction() -> None:
    mech = epm(2, 3, 3, F(1, 10))
    prior = {0: F(1, 2), 1: F(1, 2)}
    with pytest.raises(LPSizeError, match="symmetric reduction"):
        worst_case_revenue(mech, prior, symmetric=False, max_variables=10)
    with pytest.raises(LPSizeError, match="symmetric reduction"):
        worst_case_revenue(mech.to_finite(), prior, max_variables=10)
    with pytest.raises(LPSizeError, match="above the limit 5"):
        worst_case_revenue(mech, prior, max_variables=5)
    with pytest.raises(LPSizeError, match="SymmetricMechanism"):
        worst_case_revenue(mech.to_finite(), prior, symmetric=True)


def test_badly_scaled_bce_lp_is_solved_by_highs_without_repair() -> None:
    """Paper 003, §4 LP (10), symmetric form, I = 2, k = 10, the uniform 11-point prior, for the
    best EPM of Theorem 4.1: the standard form's rows are primitive integers of up to 14
    digits. Unscaled, HiGHS ended "Unknown" (then an exact repair was needed); with the
    power-of-two row and cost scaling of ``exactmech.lp.guided.FloatModel`` its basis is
    optimal as returned, and the LP value equals the guarantee of ``epm_best_X``."""
    from exactmech.lp._standard import to_standard
    from exactmech.lp.guided import FloatModel
    from exactmech.papers.robust_common_value import as_prior, epm_best_X
    from exactmech.papers.robust_common_value.bce import _primal_symmetric

    prior = {F(j, 10): F(1, 11) for j in range(11)}
    X, guarantee = epm_best_X(prior, 2, 10, 10)
    mech = epm(2, 10, 10, X)
    problem, _, _ = _primal_symmetric(mech, as_prior(prior, "test"), 10**6, "test")
    assert FloatModel(to_standard(problem).lp).run().status == "Optimal"
    res = worst_case_revenue(mech, prior, symmetric=True)
    assert res.revenue == guarantee
    assert res.lp.method == "float-guided" and "repair" not in res.lp.timings
