"""Lemmas 3-7, Eq. (4), Theorems 3, 7, 8 of paper 001 as property tests, and the errata.

Every property test states the result and its location and asserts it exactly on random
product priors (n <= 3 or 4 buyers, supports <= 3). Every ``test_erratum_*`` documents a
printed statement that is false, with the failing instance and an independent second
computation.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import mpmath
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.dist import Discrete, is_regular, virtual_values
from exactmech.errors import InvalidProblemError
from exactmech.papers.intermediary import ProductPrior, posterior_structure
from exactmech.papers.intermediary.lemmas import (
    below_reserve_mass,
    check_eq4,
    check_lemma3,
    check_lemma4,
    check_lemma5,
    check_lemma6,
    check_lemma7,
    check_seeded,
    check_theorem3,
    check_theorem7,
    check_theorem8,
    harmonic,
    lemma3_bound,
    lemma6_lhs,
    lemma7_middle,
    order_statistic_means,
    poisson_binomial,
    random_product_prior,
)
from exactmech.papers.intermediary.schemes import (
    algorithm4_weights,
    eq5_printed,
    eq6_printed,
    excess_distribution,
    opt_decomposition,
    rank_consumer_surplus,
    rank_scheme,
    s0_scheme,
    s0_squared_scheme,
)
from exactmech.strategies import independent_priors

F = Fraction


def priors(buyers: int, **kw: object) -> st.SearchStrategy[ProductPrior]:
    return independent_priors(buyers=buyers, max_size=3, max_value=6, **kw).map(ProductPrior)  # type: ignore[arg-type]


some_priors = st.integers(1, 3).flatmap(lambda n: priors(n))


@settings(max_examples=15)
@given(some_priors)
def test_lemma3(prior: ProductPrior) -> None:
    """Paper 001, §4, Lemma 3: for 1 <= t <= n, CS(RANK_t) >= (prod p_i) ((1/t) sum_{l<=t}
    E[Z_l] - E[Z_{t+1}]) (sender-preferred ties; E[Z_{n+1}] = 0)."""
    c = check_lemma3(prior)
    assert c.holds, c.details


def test_lemma3_is_tight_and_needs_sender_preferred_ties() -> None:
    """Paper 001, Lemma 3 on D = {1: 1/4, 2: 1/4, 6: 1/2}, two i.i.d. buyers: the bound 1/8 for
    t = 1 is attained by the sender-preferred seller; under Algorithm 1's fixed (index)
    tie-breaking the chosen buyer loses her ties against v° and CS(RANK_1) = 1/16 < 1/8."""
    D = ProductPrior([Discrete([1, 2, 6], ["1/4", "1/4", "1/2"])] * 2)
    assert [rank_consumer_surplus(D, t) for t in (1, 2)] == [F(1, 8), F(3, 8)]
    assert [lemma3_bound(D, t) for t in (1, 2)] == [F(1, 8), F(3, 8)]
    assert rank_consumer_surplus(D, 1, "index") == F(1, 16)
    assert not check_lemma3(D, tie="index").holds


@settings(max_examples=30)
@given(st.integers(1, 3).flatmap(lambda n: priors(n, regular=None)))
def test_lemma4(prior: ProductPrior) -> None:
    """Paper 001, §5.1.1, Lemma 4: CS_0 = P E[Z_1] — the welfare lost when Myerson's auction
    keeps the item is (prod_i p_i) times the expected largest below-reserve value (also for
    irregular priors: ironed virtual values are negative exactly below the reserve)."""
    c = check_lemma4(prior)
    assert c.lhs == c.rhs


@settings(max_examples=12)
@given(some_priors)
def test_lemma5_and_corollary1(prior: ProductPrior) -> None:
    """Paper 001, §5.1.1, Lemma 5 and Corollary 1 with the proved constant: sum_t w_t
    CS(RANK_t) >= CS_0 and CS(S_0) >= CS(S_0^2) >= CS_0 / (1 + H_{n-1})."""
    c = check_lemma5(prior)
    assert c.holds, c.details


@settings(max_examples=12)
@given(some_priors)
def test_rank_n_bound(prior: ProductPrior) -> None:
    """Paper 001, §5.1.1 ("it is easy to see"): CS(RANK_n) >= P E[Z_n]."""
    ez = order_statistic_means(prior)
    bound = F(0) if ez is None else below_reserve_mass(prior) * ez[-1]
    assert rank_consumer_surplus(prior, prior.n) >= bound


@given(st.lists(st.fractions(0, 1, max_denominator=8), min_size=1, max_size=12))
def test_lemma6(ps: list[Fraction]) -> None:
    """Paper 001, §5.1.2, Lemma 6: for independent Bernoullis X_i and N = sum X_i, some
    j in {1..n} has min(1, E[N]/j) - Pr[N >= j+1] >= Pr[N >= 1]/5 (exact pmf by DP)."""
    assert check_lemma6(ps).holds


@settings(max_examples=20)
@given(
    st.integers(30, 40).flatmap(
        lambda n: st.lists(
            st.fractions(F(1, 6), F(1, 3), max_denominator=12), min_size=n, max_size=n
        )
    )
)
def test_lemma6_middle_case_constants(ps: list[Fraction]) -> None:
    """Paper 001, Lemma 6, second case: if 5 <= E[N] <= n/3 and j = 2 ceil(E[N]), then
    min(1, E[N]/j) >= 0.4 and Pr[N >= j+1] < e^{-5/3} < 0.19 (here 1/6 <= p_i <= 1/3 and
    n >= 30, so the case always applies)."""
    mean = sum(ps, F(0))
    assert 5 <= mean <= F(len(ps), 3)
    j = 2 * -(-mean.numerator // mean.denominator)
    pmf = poisson_binomial(ps)
    assert min(F(1), mean / j) >= F(2, 5)
    assert sum(pmf[j + 1 :], F(0)) < F(19, 100)


def test_poisson_binomial_matches_enumeration() -> None:
    """The DP pmf equals brute-force enumeration of the 2^n outcomes."""
    ps = [F(1, 2), F(1, 3), F(3, 4), F(1, 5)]
    brute = [F(0)] * 5
    for xs in itertools.product((0, 1), repeat=4):
        p = F(1)
        for x, q in zip(xs, ps):
            p *= q if x else 1 - q
        brute[sum(xs)] += p
    assert poisson_binomial(ps) == tuple(brute)
    with pytest.raises(InvalidProblemError):
        poisson_binomial([2])
    with pytest.raises(InvalidProblemError):
        lemma6_lhs([F(1, 2)], 0)


@settings(max_examples=12)
@given(some_priors)
def test_lemma7_and_corollary2(prior: ProductPrior) -> None:
    """Paper 001, §5.1.2, Lemma 7 with Lemma 6's constant 1/5: for every k,
    max_t CS(RANK_t) >= (1/5) P Pr[Z_1 >= x_k] (x_k - x_{k-1}); with E[Z_1] <= K max_k
    Pr[Z_1 >= x_k](x_k - x_{k-1}) this gives Corollary 2, CS(S_0) >= CS_0 / (5K)."""
    assert check_lemma7(prior).holds
    assert s0_scheme(prior).consumer_surplus() >= check_lemma4(prior).lhs / (5 * prior.K)


@settings(max_examples=15)
@given(st.integers(1, 3).flatmap(lambda n: priors(n, regular=None)))
def test_eq4_decomposition(prior: ProductPrior) -> None:
    """Paper 001, §5, Eq. (4): OPT = CS(D) + CS_0 + sum_i CS_i = CS(D) + CS_0 + sum_k CS^_k
    (CS_i and CS^_k read with the auction's winner); for i.i.d. regular buyers the
    mis-allocation terms vanish, OPT = CS(D) + CS_0."""
    assert check_eq4(prior).holds
    if prior.is_iid() and is_regular(prior.dists[0]):
        dec = opt_decomposition(prior)
        assert dec.opt == dec.cs_no_signal + dec.cs0


@settings(max_examples=6)
@given(st.integers(2, 4).flatmap(lambda n: priors(n, regular=True)))
def test_theorem3_explicit_constants(prior: ProductPrior) -> None:
    """Paper 001, Theorem 3 with explicit constants (n <= 4, support <= 3): the best of no
    signal, S_0 (and S_1 for non-identical buyers) reaches OPT/(2 + H_{n-1}) (i.i.d.) or
    OPT/(1 + (n+1)(1 + H_{n-1})) (Eq. (4) + Corollary 1 + Theorem 7)."""
    assert check_theorem3(prior).holds


@settings(max_examples=4)
@given(priors(4, regular=True).map(lambda p: ProductPrior.iid(p.dists[0], 4)))
def test_theorem3_iid_four_buyers(prior: ProductPrior) -> None:
    """Paper 001, Theorem 3 (1), n = 4 i.i.d.: max(CS(D), CS(S_0)) >= OPT/(2 + H_3)."""
    assert check_theorem3(prior).holds


@settings(max_examples=10)
@given(st.integers(2, 3).flatmap(lambda n: priors(n, regular=True)))
def test_theorems7_and_8(prior: ProductPrior) -> None:
    """Paper 001, §5.2, Theorems 7 and 8 (regular priors, as assumed): CS_i <= sum_{T,a}
    Pr(T,a) CS_0(D_{T,a}) and CS^_k <= sum_T Pr(T) CS_0(D_{T,x_k}); CS(S_1) >= CS_{i*}/(1 +
    H_{n-1}) and CS(S_2) >= CS^_{k*}/(1 + H_{n-1})."""
    assert check_theorem7(prior).holds
    assert check_theorem8(prior).holds


@pytest.mark.parametrize(
    "name", ["lemma3", "lemma4", "lemma5", "lemma6", "lemma7", "eq4", "theorem3", "theorem7"]
)
def test_seeded_checks_are_pure(name: str) -> None:
    """The per-instance checks are pure functions of (prior, seed): a sweep can rerun them."""
    a = check_seeded(name, 11, buyers=2)
    b = check_seeded(name, 11, buyers=2)
    assert a == b and a.holds
    assert random_product_prior(5, regular=True) == random_product_prior(5, regular=True)
    with pytest.raises(InvalidProblemError, match="name='lemma9'"):
        check_seeded("lemma9", 1)


# -- errata -----------------------------------------------------------------------------------

COUNTER5 = ProductPrior([Discrete([1, 2], ["1/3", "2/3"]), Discrete([1, 3], ["1/4", "3/4"])])
COUNTER7 = ProductPrior([Discrete([1, 2, 6], ["1/4", "1/4", "1/2"])] * 2)


def test_erratum_lemma5_weight_sum() -> None:
    """Paper 001, proof of Lemma 5 prints sum_t w_t = 1 + sum_{t<n} 1/t <= 1 + ln n. The
    equality holds (exact sum of Algorithm 4's weights), the inequality is false for every
    n >= 2: H_{n-1} >= ln n because 1/t >= integral_t^{t+1} dx/x. Second computation: mpmath
    at 50 digits."""
    for n in range(2, 30):
        total = sum(algorithm4_weights(n), F(0))
        assert total == 1 + harmonic(n - 1)
        with mpmath.workdps(50):
            assert mpmath.mpf(total.numerator) / total.denominator > 1 + mpmath.log(n)


def test_erratum_lemma5_printed_bound_fails() -> None:
    """Paper 001, Lemma 5's proof ends with CS(S_0^2) >= CS_0 / (1 + ln n). On two buyers with
    values {1: 1/3, 2: 2/3} and {1: 1/4, 3: 3/4}: CS_0 = P E[Z_1] = 1/12 and CS(S_0^2) =
    1/24 = CS_0 / (1 + H_1), below CS_0/(1 + ln 2) ≈ 0.0492. Second computation: the full
    optimal-auction LP on every posterior of RANK_1 and RANK_2."""
    assert check_lemma4(COUNTER5).lhs == F(1, 12)
    assert s0_squared_scheme(COUNTER5).consumer_surplus() == F(1, 24)
    lp = [rank_scheme(COUNTER5, t).value(method="lp").consumer_surplus for t in (1, 2)]
    assert sum(lp) / 2 == F(1, 24)
    with mpmath.workdps(50):
        assert mpmath.mpf(1) / 24 < (mpmath.mpf(1) / 12) / (1 + mpmath.log(2))
    c = check_lemma5(COUNTER5)
    assert c.holds and not c.details["printed_holds"]


def test_erratum_lemma7_middle_inequality() -> None:
    """Paper 001, proof of Lemma 7 prints CS(RANK_t) >= P E[(1/t) sum_{i<=t} Z_i - Z_{t+1}] >=
    P (x_k - x_{k-1}) (min(1, E[G_k]/t) - Pr[G_k >= t+1]). The second step needs
    E[min(G, t)] >= min(E[G], t), the wrong direction of Jensen's inequality. Two i.i.d.
    buyers {1: 1/4, 2: 1/4, 6: 1/2}, t = 1, x_k = 2: P = 1/4, G ~ Bin(2, 1/2), the middle is
    1/8 but the right side is 3/16, and CS(RANK_1) = 1/8 too. Second computation: E[Z_1 - Z_2]
    by enumerating the four below-reserve profiles, and CS(RANK_1) by the full LP."""
    lhs, rhs = lemma7_middle(COUNTER7, 1, 2)
    assert (lhs, rhs) == (F(1, 8), F(3, 16))
    ys = [F(1), F(2)]
    e_gap = sum((abs(a - b) for a, b in itertools.product(ys, ys)), F(0)) / 4
    assert below_reserve_mass(COUNTER7) * e_gap == F(1, 8)
    assert rank_scheme(COUNTER7, 1).value(method="lp").consumer_surplus == F(1, 8) < rhs
    assert check_lemma7(COUNTER7).holds  # the lemma's conclusion still holds (t = 2)


def test_erratum_lemma6_alpha6() -> None:
    """Paper 001, proof of Lemma 6, first case prints (1/5)E[N] - Pr[N >= 6] >= (1/5)(sum_q q
    alpha_q) - alpha_6 with alpha_q = Pr[N = q]; since Pr[N >= 6] >= alpha_6 this is false
    whenever Pr[N >= 7] > 0 (it should read sum_{q >= 6} alpha_q). Seven fair coins: E[N] =
    7/2 < 5, 7/10 - 8/128 < 7/10 - 7/128. Second computation: enumeration of 2^7 outcomes."""
    pmf = poisson_binomial([F(1, 2)] * 7)
    counts = [0] * 8
    for xs in itertools.product((0, 1), repeat=7):
        counts[sum(xs)] += 1
    assert pmf == tuple(F(c, 128) for c in counts)
    mean = F(7, 2)
    assert mean / 5 - sum(pmf[6:], F(0)) < mean / 5 - pmf[6]
    assert mean / 5 - sum(pmf[6:], F(0)) >= (1 - pmf[0]) / 5  # the corrected chain holds
    assert check_lemma6([F(1, 2)] * 7).holds


EQ6 = ProductPrior([Discrete([1, 4, 5], ["5/8", "1/8", "1/4"]), Discrete([3, 4], ["3/4", "1/4"])])
EQ5 = ProductPrior([Discrete([1, 3, 5], ["2/7", "1/7", "4/7"]), Discrete([1, 4], ["1/2", "1/2"])])


def _misallocation_by_enumeration(prior: ProductPrior) -> Fraction:
    out = prior.auction()
    return sum(
        (
            p * (max(v) - sum(x * vi for x, vi in zip(out.allocation[v], v)))
            for v, p in out.prior.items()
            if any(out.allocation[v])
        ),
        F(0),
    )


def test_erratum_eq6_indexes_by_virtual_value() -> None:
    """Paper 001, Eq. (6) defines CS^_k by summing over profiles with x_k = max_j phi_j(v_j) —
    the highest *virtual value* equals x_k — while the text says "allocated to a buyer with
    value x_k". As printed, sum_k CS^_k = 0 on this instance although the mis-allocation loss
    OPT - CS(D) - CS_0 is 3/32; with the winner's value it is 3/32 (Eq. (4) holds). Second
    computation: the welfare lost on sold profiles, enumerated from the allocation."""
    dec = opt_decomposition(EQ6)
    loss = dec.opt - dec.cs_no_signal - dec.cs0
    assert loss == F(3, 32) == _misallocation_by_enumeration(EQ6)
    assert sum((eq6_printed(EQ6, k) for k in range(1, EQ6.K + 1)), F(0)) == 0
    assert sum(dec.cs_hat, F(0)) == loss


def test_erratum_eq5_counts_unsold_profiles() -> None:
    """Paper 001, Eq. (5) sums over profiles where i = argmax_j phi_j(v_j), whether or not the
    item is sold; on unsold profiles the welfare loss is already in CS_0, so Eq. (4) double
    counts: here sum_i Eq.(5) = 1/7 while the mis-allocation loss is 0. Reading the sum with
    the auction's winner restores Eq. (4)."""
    dec = opt_decomposition(EQ5)
    loss = dec.opt - dec.cs_no_signal - dec.cs0
    assert loss == 0 == _misallocation_by_enumeration(EQ5)
    assert sum((eq5_printed(EQ5, i) for i in range(EQ5.n)), F(0)) == F(1, 7)
    assert sum(dec.cs_i, F(0)) == loss


def test_erratum_rank_posterior_is_not_a_product() -> None:
    """Paper 001, §1.2 says the posterior conditioned on the signal "is a product
    distribution". Three i.i.d. buyers uniform on {1, 2, 3}, RANK_1, signal v° = 2, T = {0}:
    buyers 1 and 2 are at most 2 and at least one of them equals 2, so (1, 1) is impossible
    although each marginal gives value 1 positive mass — the posterior is correlated. (The
    seller's problem is still that of a product prior with a known bidder at v°, which is
    how exactmech solves it.) Second computation: the joint mass of (v_1, v_2) = (1, 1)
    against the product of the marginals."""
    prior = ProductPrior([Discrete.uniform([1, 2, 3])] * 3)
    sig = next(s for s in rank_scheme(prior, 1) if s.label.threshold == 2 and s.label.top == (0,))
    struct = posterior_structure(sig.posterior)
    assert not struct.is_product and struct.rest == (1, 2) and struct.rest_max == 2
    m1, m2 = struct.marginals[1], struct.marginals[2]
    p11 = sum((p for v, p in sig.posterior.items() if v[1] == 1 and v[2] == 1), F(0))
    assert p11 == 0 < m1.pmf(1) * m2.pmf(1)


def test_erratum_theorem7_lemma2_shift() -> None:
    """Paper 001, proof of Theorem 7 prints "by Lemma 2, phi_{D'_j}(v_j - a) = phi_{D_j}(v_j)";
    Lemma 2 gives phi_{D_j}(v_j) - a (which the next sentence uses: "< 0"). D uniform on
    {1, 2, 3}, a = 1, v_j = 2: phi_{D'}(1) = 0 = phi_D(2) - 1, not phi_D(2) = 1."""
    d = Discrete.uniform([1, 2, 3])
    dp = excess_distribution(d, 1)
    assert virtual_values(dp)[F(1)] == 0 == virtual_values(d)[F(2)] - 1
    assert virtual_values(dp)[F(1)] != virtual_values(d)[F(2)]
