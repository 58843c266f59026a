"""Paper 003, §3–§4.1: the exponential price mechanism, identities (20)–(22), the guarantee
(23), Proposition 1, the breakpoints (35), the continuous form (1) and §4.2.1."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.dist import Discrete
from exactmech.errors import InvalidProblemError
from exactmech.lp import linprog
from exactmech.papers.robust_common_value import (
    boundary_count,
    designer_lp,
    epm,
    epm_allocation,
    epm_best_X,
    epm_breakpoints,
    epm_class_revenue,
    epm_continuous_allocation,
    epm_continuous_best_response,
    epm_guarantee,
    epm_payment,
    information_upper_bound,
    interior_increment_sum,
    local_multipliers,
    rank,
    virtual_revenue_lines,
    worst_case_revenue,
)
from exactmech.papers.robust_common_value.strategies import common_value_priors

F = Fraction
SMALL = settings(max_examples=20, deadline=None)

params = st.tuples(
    st.integers(1, 3),  # buyers
    st.integers(1, 3),  # k
    st.fractions(F(1, 4), 4, max_denominator=4),  # a
    st.fractions(F(1, 20), 1, max_denominator=20),  # X
)


def test_rank_examples() -> None:
    """Paper 003, §3, after eq. (6): rank(20,10,20,40,30) = {3,4}, rank(20,10,30,40,30) = {4}."""
    assert rank((20, 10, 20, 40, 30)) == {3, 4}
    assert rank((20, 10, 30, 40, 30)) == {4}
    assert rank((5,)) == {1}


@SMALL
@given(params)
def test_identity_20_brute_force(p: tuple[int, int, Fraction, Fraction]) -> None:
    """Paper 003, eq. (20): at every profile with n boundary messages, the interior buyers'
    allocation increments sum to (1/k) Σ_{j=n+1}^I 1/j (checked on all (k+1)^I profiles)."""
    buyers, k, a, X = p
    mech = epm(buyers, k, a, X)
    for m in itertools.product(range(k + 1), repeat=buyers):
        inc = sum(
            mech.q(m[i] + 1, m[:i] + m[i + 1 :]) - mech.q(m[i], m[:i] + m[i + 1 :])
            for i in range(buyers)
            if m[i] < k
        )
        assert inc == interior_increment_sum(buyers, k, boundary_count(m, k))


@SMALL
@given(params)
def test_identity_21_and_feasibility(p: tuple[int, int, Fraction, Fraction]) -> None:
    """Paper 003, eq. (21) (footnote 7): P(j) - a(P(j+1) - P(j)) = -X for interior j; and the
    EPM is feasible with total allocation at most max(m)/k (§3, after eq. (6))."""
    buyers, k, a, X = p
    for j in range(k):
        assert epm_payment(j, a, X) - a * (epm_payment(j + 1, a, X) - epm_payment(j, a, X)) == -X
    mech = epm(buyers, k, a, X)
    for s in mech.multisets():
        assert mech.total_allocation(s) <= F(max(s), k)


@SMALL
@given(params)
def test_identity_22_brute_force(p: tuple[int, int, Fraction, Fraction]) -> None:
    """Paper 003, eq. (22): under the multipliers (17) the virtual revenue (13) of every
    profile in M(n) is Rev_n(v) = (av/k) Σ_{j>n} 1/j + nX((1+1/a)^k - 1) - (I-n)X, i.e.
    Condition (19) holds. Checked on every profile of the expanded (non-symmetric) mechanism."""
    buyers, k, a, X = p
    mech = epm(buyers, k, a, X).to_finite()
    alpha = {(i, j, jp): x for (j, jp), x in local_multipliers(k, a).items() for i in range(buyers)}
    for m, (slope, icpt) in virtual_revenue_lines(mech, alpha).items():
        n = boundary_count(m, k)
        assert icpt == epm_class_revenue(buyers, k, a, X, n, 0)
        assert slope == epm_class_revenue(buyers, k, a, X, n, 1) - icpt


@settings(max_examples=15, deadline=None)
@given(
    st.integers(1, 2),
    st.integers(1, 3),
    st.fractions(F(1, 2), 3, max_denominator=2),
    common_value_priors(max_size=3),
)
def test_proposition1_bce_revenue_at_least_guarantee(
    buyers: int, k: int, a: Fraction, prior: Discrete
) -> None:
    """Paper 003, Proposition 1: every BCE of the EPM has revenue >= (23) at (k, a, X); here
    at the best X of (23), against the exact worst BCE of LP (9)."""
    X, value = epm_best_X(prior, buyers, k, a)
    if X == 0:
        return
    assert worst_case_revenue(epm(buyers, k, a, X), prior).revenue >= value


@SMALL
@given(params, st.fractions(0, 3, max_denominator=7))
def test_breakpoints_35(p: tuple[int, int, Fraction, Fraction], v: Fraction) -> None:
    """Paper 003, eq. (35): Rev_n(v(n)) = Rev_{n+1}(v(n)), and for X > 0 Rev_n is the minimum
    over n' exactly on [v(n-1), v(n)]."""
    buyers, k, a, X = p
    bps = epm_breakpoints(buyers, k, a, X)
    for n, b in enumerate(bps):
        assert epm_class_revenue(buyers, k, a, X, n, b) == epm_class_revenue(
            buyers, k, a, X, n + 1, b
        )
    revs = [epm_class_revenue(buyers, k, a, X, n, v) for n in range(buyers + 1)]
    lo = [F(0), *bps]
    for n in range(buyers + 1):
        inside = lo[n] <= v and (n == buyers or v <= bps[n])
        assert (revs[n] == min(revs)) == inside


@SMALL
@given(
    common_value_priors(max_size=4),
    st.integers(1, 3),
    st.integers(1, 3),
    st.fractions(F(1, 2), 4, max_denominator=3),
)
def test_best_X_equals_lp(prior: Discrete, buyers: int, k: int, a: Fraction) -> None:
    """Paper 003, (23) at fixed (k, a): the breakpoint search equals the LP
    max Σ p(v) γ(v) s.t. γ(v) <= Rev_n(v) for all n, over (X >= 0, γ) (independent method)."""
    X, value = epm_best_X(prior, buyers, k, a)
    assert epm_guarantee(prior, buyers, k, a, X) == value
    vals = prior.values
    nv = len(vals)
    A_ub, b_ub = [], []
    for t, v in enumerate(vals):
        for n in range(buyers + 1):
            slope = epm_class_revenue(buyers, k, a, 1, n, v) - epm_class_revenue(
                buyers, k, a, 0, n, v
            )
            row = [F(0)] * (nv + 1)
            row[t] = F(1)
            row[nv] = -slope
            A_ub.append(row)
            b_ub.append(epm_class_revenue(buyers, k, a, 0, n, v))
    res = linprog(
        [*list(prior.probs), 0],
        A_ub=A_ub,
        b_ub=b_ub,
        bounds=[(None, None)] * nv + [(0, None)],
        maximize=True,
    )
    assert res.fun == value


@settings(max_examples=10, deadline=None)
@given(
    common_value_priors(max_size=3, max_denominator=3),
    st.integers(1, 3),
    st.fractions(F(1, 2), 3, max_denominator=2),
)
def test_one_buyer_sandwich(prior: Discrete, k: int, a: Fraction) -> None:
    """Paper 003, §4.1–§4.2 for one buyer: EPM guarantee (23) <= designer LP at the
    multipliers (17) <= the information-structure upper bound; and the designer's mechanism
    really guarantees its value (worst BCE (9) >= value, by weak duality)."""
    _, epm_value = epm_best_X(prior, 1, k, a)
    des = designer_lp(prior, 1, k, a)
    upper = information_upper_bound(prior).value
    assert epm_value <= des.value <= upper
    assert worst_case_revenue(des.mechanism, prior).revenue >= des.value


def test_designer_two_buyers_lower_bound() -> None:
    """Problem (11) at (17), two symmetric buyers: the LP optimum dominates the EPM at the same
    a and the LP's mechanism guarantees it (checked by the BCE LP (9))."""
    prior = Discrete.uniform([0, F(1, 2), 1])
    _, epm_value = epm_best_X(prior, 2, 2, 2)
    des = designer_lp(prior, 2, 2, 2)
    assert epm_value <= des.value <= prior.mean()
    assert worst_case_revenue(des.mechanism, prior).revenue >= des.value


@SMALL
@given(st.lists(st.fractions(0, 1, max_denominator=6), min_size=1, max_size=4))
def test_continuous_allocation_eq1(z: list[Fraction]) -> None:
    """Paper 003, eq. (1): allocations are symmetric, non-decreasing in the own demand, and
    total max_i z_i; each buyer gets at least 1/I of the lowest demand."""
    q = epm_continuous_allocation(z)
    assert sum(q) == max(z)
    order = sorted(range(len(z)), key=lambda i: z[i])
    assert all(q[i] <= q[j] for i, j in itertools.pairwise(order))
    assert all(x >= min(z) / len(z) for x in q)


@SMALL
@given(st.integers(1, 3), st.integers(1, 6), st.data())
def test_discrete_tends_to_continuous(buyers: int, k: int, data: st.DataObject) -> None:
    """Paper 003, §3: the discrete allocation (6) at demands m/k differs from (1) at z = m/k by
    at most (I-1)/k (only ties at the finitely many others' demands differ)."""
    m = data.draw(st.lists(st.integers(0, k), min_size=buyers, max_size=buyers))
    cont = epm_continuous_allocation([F(x, k) for x in m])
    for i in range(buyers):
        disc = epm_allocation(m[i], m[:i] + m[i + 1 :], k)
        assert abs(disc - cont[i]) <= F(buyers - 1, k)
        assert disc <= cont[i]


def test_continuous_best_response_4_2_1() -> None:
    """Paper 003, §4.2.1: demand 0 below X/A, 1 above X e^{1/A}/A, payment A s - X between."""
    A, X = F(1), F(1, 4)
    assert epm_continuous_best_response(F(1, 5), A, X) == (0, 0)
    z, pay = epm_continuous_best_response(F(1, 2), A, X)
    assert pay == A * F(1, 2) - X and z == sympy.log(2)
    z, pay = epm_continuous_best_response(1, A, X)
    assert z == 1 and pay == sympy.Rational(1, 4) * (sympy.E - 1)


def test_guarantee_examples_and_errors() -> None:
    prior = {F(1, 2): F(1, 2), 1: F(1, 2)}
    assert epm_guarantee(prior, 1, 1, 1, F(1, 4)) == F(1, 4)
    with pytest.raises(InvalidProblemError, match="a=0 must be > 0"):
        epm_guarantee(prior, 1, 1, 0, 1)
    with pytest.raises(InvalidProblemError, match="k=0"):
        epm(1, 0, 1, 1)
    with pytest.raises(InvalidProblemError, match="n=3"):
        epm_class_revenue(2, 1, 1, 1, 3, 0)
    with pytest.raises(InvalidProblemError, match="outside"):
        epm_continuous_allocation([2])
