"""Paper 003, §5.1 (reduction (37)–(42)) and §5.2 (Lemmas 2 and 3, Π_2^# (50), (51)–(54))."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.dist import Discrete
from exactmech.errors import InvalidProblemError
from exactmech.papers.robust_common_value import (
    FiniteMechanism,
    boundary_count,
    epm_best_X,
    generalized_epm,
    lemma2_values,
    lemma3_holds,
    local_multipliers,
    markov_reduction,
    pi2_sharp_best,
    pi2_sharp_lines,
    pi2_sharp_objective,
    pi2_star_as_sharp,
    virtual_revenue_lines,
    worst_case_revenue,
)
from exactmech.papers.robust_common_value.strategies import (
    common_value_priors,
    finite_mechanisms,
    multipliers,
)

F = Fraction
SMALL = settings(max_examples=15, deadline=None)

gen_params = st.tuples(
    st.integers(1, 3),
    st.fractions(F(1, 2), 3, max_denominator=2),
    st.fractions(-1, 1, max_denominator=6),
    st.fractions(-1, 1, max_denominator=6),
)


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_lemma2_symbolic(k: int) -> None:
    """Paper 003, Lemma 2: every allocation satisfying (45) and (47) (with the opt-out of
    (44)) has q(1, 0) = (3k+1)/(4k²) and q(1, k) = 1/(2k); solved with sympy for each k."""
    assert lemma2_values(k) == (sympy.Rational(3 * k + 1, 4 * k * k), sympy.Rational(1, 2 * k))


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_lemma3_symbolic(k: int) -> None:
    """Paper 003, Lemma 3, eq. (48): P(k,k) is determined by P(1,0), P(1,k), P(k,0) for every
    solution of (46), for every a (row space over ℚ(a))."""
    assert lemma3_holds(k)


@SMALL
@given(gen_params)
def test_generalized_mechanism_satisfies_condition_19(
    p: tuple[int, Fraction, Fraction, Fraction],
) -> None:
    """Paper 003, §5.2: the mechanism (51)–(54) under the multipliers (17) has, on every
    profile with n boundary messages, exactly the n-th term of (50) as virtual revenue
    (Condition (19)), and it is feasible with (47) binding."""
    k, a, y0, y1 = p
    mech = generalized_epm(k, a, y0, y1)
    lines = pi2_sharp_lines(k, a)
    for s, (slope, icpt) in virtual_revenue_lines(mech, local_multipliers(k, a)).items():
        c, d0, d1 = lines[boundary_count(s, k)]
        assert (slope, icpt) == (c, d0 * y0 + d1 * y1)
    assert all(mech.total_allocation((j, k)) == 1 for j in range(k + 1))


@SMALL
@given(
    common_value_priors(max_size=3), st.integers(1, 3), st.fractions(F(1, 2), 3, max_denominator=2)
)
def test_proposition2_and_special_case(prior: Discrete, k: int, a: Fraction) -> None:
    """Paper 003, Proposition 2: the mechanism (51)–(54) at the best (Y_0, Y_1) of (50)
    guarantees Π_2^# (worst BCE of LP (9) >= value); and Π_2^# >= Π_2^* at the same (k, a),
    since Y_0 = 2X, Y_1 = X − X((1+1/a)^k − 1) reproduce (23) with a larger n = 0 term."""
    value, y0, y1 = pi2_sharp_best(prior, k, a)
    assert pi2_sharp_objective(prior, k, a, y0, y1) == value
    assert worst_case_revenue(generalized_epm(k, a, y0, y1), prior).revenue >= value
    X, star = epm_best_X(prior, 2, k, a)
    assert pi2_sharp_objective(prior, k, a, *pi2_star_as_sharp(k, a, X)) >= star
    assert value >= star


@SMALL
@given(st.data(), st.integers(1, 3), st.sampled_from([F(1), F(1, 2)]))
def test_reduction_identities_41_42(data: st.DataObject, k: int, c: Fraction) -> None:
    """Paper 003, §5.1: for any mechanism and multipliers α, the mixed-message mechanism
    (37)–(39) with the local multipliers (40) satisfies identity (41) for j < k, and at every
    interior profile (all messages < k) its virtual revenue is the 𝒜-mixture of the original
    Rev(v, m) (42), hence at least min_m Rev(v, m)."""
    buyers = data.draw(st.integers(1, 2))
    base = data.draw(finite_mechanisms(buyers=buyers, max_messages=3))
    alpha = data.draw(multipliers(base))
    red = markov_reduction(base, alpha, k, c)
    per_buyer = {key: Fraction(x) for key, x in alpha.items() if key[1] != key[2]}
    for i in range(buyers):
        for j in range(k):
            for m in base.profiles():
                for v in (F(0), F(1, 2), F(1)):
                    lhs = F(0)
                    for x, w in enumerate(red.mixed[i][j]):
                        mx = (*m[:i], x, *m[i + 1 :])
                        for xp in range(base.n_messages[i]):
                            rate = per_buyer.get((i, x, xp), F(0))
                            if rate:
                                mxp = (*m[:i], xp, *m[i + 1 :])
                                lhs += w * rate * (base.utility(i, v, mxp) - base.utility(i, v, mx))
                    u_next = v * red.mixed_allocation(base, i, j + 1, m) - red.mixed_payment(
                        base, i, j + 1, m
                    )
                    u_now = v * red.mixed_allocation(base, i, j, m) - red.mixed_payment(
                        base, i, j, m
                    )
                    assert lhs == red.a * (u_next - u_now)  # (41)
    orig = virtual_revenue_lines(base, per_buyer)
    new = virtual_revenue_lines(red.mechanism, red.alpha)
    for mt in itertools.product(range(k), repeat=buyers):  # interior profiles
        mix_s, mix_c = F(0), F(0)
        for m, (s, ic) in orig.items():
            w = F(1)
            for i in range(buyers):
                w *= red.mixed[i][mt[i]][m[i]]
            mix_s += w * s
            mix_c += w * ic
        assert new[mt] == (mix_s, mix_c)  # (42)
    assert all(
        abs(sum(row) - 1) == 0
        for t in red.transition
        for row in [[p for (j, _), p in t.items() if j == jj] for jj in {j for j, _ in t}]
    )


def test_reduction_errors() -> None:
    base = FiniteMechanism((2,), lambda i, m: m[0], lambda i, m: 0)
    with pytest.raises(InvalidProblemError, match="k=0"):
        markov_reduction(base, {}, 0)
    with pytest.raises(InvalidProblemError, match="c=0"):
        markov_reduction(base, {}, 1, 0)
