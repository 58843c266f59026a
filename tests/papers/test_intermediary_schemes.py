"""The signaling schemes of paper 001 (§2.2 BBM, §4 RANK_t, §5 S_0, S_0^2, TRUNC, S_1, S_2)."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.dist import (
    Discrete,
    monopoly_price,
    monopoly_revenue,
    revenue_curve,
    virtual_values,
)
from exactmech.errors import DistributionError, InvalidProblemError
from exactmech.papers.intermediary import ProductPrior, posterior_structure
from exactmech.papers.intermediary.schemes import (
    RankSignal,
    algorithm4_weights,
    bbm_law,
    bbm_scheme,
    excess_distribution,
    execute,
    opt_decomposition,
    rank_law,
    rank_scheme,
    s0_rank,
    s0_scheme,
    s0_squared_scheme,
    s1_scheme,
    s2_scheme,
    trunc_instance,
    trunc_law,
)
from exactmech.strategies import discrete_distributions, independent_priors

F = Fraction
EXAMPLE1 = ProductPrior([Discrete([1, 2, 3], ["1/3", "1/3", "1/3"])])


def priors(buyers: int, **kw: object) -> st.SearchStrategy[ProductPrior]:
    return independent_priors(buyers=buyers, max_size=3, max_value=6, **kw).map(ProductPrior)  # type: ignore[arg-type]


def test_example1_through_the_multi_buyer_machinery() -> None:
    """Paper 001, §2.2, Example 1: BBM's signals <1/2, 1/6, 1/3> (2/3), <0, 1/3, 2/3> (1/6),
    <0, 1, 0> (1/6); revenue 4/3 = R(D), CS 2/3 = OPT, welfare 2 = W*."""
    Z = bbm_scheme(EXAMPLE1)
    assert sorted(s.weight for s in Z) == [F(1, 6), F(1, 6), F(2, 3)]
    post = {s.label: s.posterior for s in Z}
    assert post[0] == {(F(1),): F(1, 2), (F(2),): F(1, 6), (F(3),): F(1, 3)}
    assert post[2] == {(F(2),): F(1)}
    val = Z.value()
    assert (val.revenue, val.consumer_surplus, val.welfare) == (F(4, 3), F(2, 3), F(2))


@given(discrete_distributions(max_size=5))
def test_lemma1_bbm(d: Discrete) -> None:
    """Paper 001, §2.2, Lemma 1: every BBM signal is equal-revenue with phi >= 0 on its
    support, its monopoly price is its lowest value (the item always sells), the revenue is
    R(D), and CS(BBM) = OPT >= Pr[V < r] E[V | V < r] = sum_{v < r} v f(v)."""
    prior = ProductPrior([d])
    Z = bbm_scheme(prior)
    for s in Z:
        S = Discrete({v[0]: p for v, p in s.posterior.items()})
        assert len(set(revenue_curve(S).values())) == 1
        assert all(phi >= 0 for phi in virtual_values(S).values())
        assert monopoly_price(S) == S.support[0]
    val = Z.value()
    assert val.revenue == monopoly_revenue(d) == prior.revenue()
    assert val.consumer_surplus == prior.opt()
    r = monopoly_price(d)
    assert prior.opt() >= sum((v * p for v, p in d.items() if v < r), F(0))


@given(discrete_distributions(max_size=5), st.integers(0, 4))
def test_lemma2_truncated_reserve_and_virtual_values(d: Discrete, k: int) -> None:
    """Paper 001, §4, Lemma 2: for D' = D_{|>v°} - v°, r_{D'} >= r_D - v° and
    phi_{D'}(v - v°) = phi_D(v) - v° for every v > v° (eq. (1) virtual values)."""
    support = d.support
    v0 = support[k % len(support)] - 1 if k % 2 else support[k % len(support)]
    if v0 >= support[-1]:
        return
    dp = excess_distribution(d, v0)
    assert monopoly_price(dp) >= monopoly_price(d) - v0
    phi, phi_p = virtual_values(d), virtual_values(dp)
    for v in support:
        if v > v0:
            assert phi_p[v - v0] == phi[v] - v0


@settings(max_examples=15)
@given(st.integers(1, 3).flatmap(lambda n: priors(n)), st.data())
def test_rank_posteriors_have_the_known_max_structure(prior: ProductPrior, data) -> None:  # type: ignore[no-untyped-def]
    """Paper 001, §4 ("Optimal mechanism under RANK_t"): given RANK_t's signal the buyers in
    T other than j have law D_{i|>v°}, j has her BBM segment shifted by v°, and the others'
    maximum value is v° (the seller's guaranteed revenue) — so every signal is handled by
    the known-max reduction."""
    t = data.draw(st.integers(1, prior.n))
    Z = rank_scheme(prior, t)
    for s in Z:
        sig = s.label
        assert isinstance(sig, RankSignal)
        struct = posterior_structure(s.posterior)
        assert struct.reducible
        assert set(sig.top) <= set(struct.independent)
        for i in sig.top:
            if i != sig.chosen:
                cond = prior.dists[i].condition_interval(sig.threshold, None, inclusive="neither")
                assert struct.marginals[i] == cond.trim()
        if struct.rest:
            assert struct.rest_max == sig.threshold


@settings(max_examples=10)
@given(st.integers(1, 2).flatmap(lambda n: independent_priors(buyers=n, max_size=2, max_value=4)))
def test_rank_cs_equals_the_full_lp_on_every_signal(dists: list[Discrete]) -> None:
    """Independent second computation of CS(RANK_t) (paper 001, §4): the exact optimal-auction
    LP on each (correlated) posterior gives the same revenue and sender-preferred CS as the
    known-max reduction."""
    prior = ProductPrior(dists)
    for t in range(1, prior.n + 1):
        Z = rank_scheme(prior, t)
        assert Z.value() == Z.value(method="lp")


@settings(max_examples=10)
@given(st.integers(2, 3).flatmap(lambda n: priors(n)))
def test_s0_squared_hiding_the_rank_gives_the_same_cs(prior: ProductPrior) -> None:
    """Paper 001, Algorithm 4 returns RANK_t's signal without t; pooling RANK_t signals with
    equal (v°, T, j, s) keeps the independent part and the known maximum, so the consumer
    surplus is the same as when t is revealed, and equals sum_t w_t CS(RANK_t) / sum_t w_t
    (the first line of the proof of Lemma 5)."""
    w = algorithm4_weights(prior.n)
    avg = sum((wt * rank_scheme(prior, t).consumer_surplus() for t, wt in enumerate(w, 1)), F(0))
    avg /= sum(w, F(0))
    assert s0_squared_scheme(prior).consumer_surplus() == avg
    assert s0_squared_scheme(prior, reveal_rank=False).consumer_surplus() == avg


def test_algorithm4_weights() -> None:
    """Paper 001, Algorithm 4: w_j = 1/(j+1) for j <= n-2, w_{n-1} = w_n = 1."""
    assert algorithm4_weights(1) == (1,)
    assert algorithm4_weights(2) == (1, 1)
    assert algorithm4_weights(5) == (F(1, 2), F(1, 3), F(1, 4), 1, 1)
    with pytest.raises(InvalidProblemError):
        algorithm4_weights(0)


@settings(max_examples=12)
@given(st.integers(2, 3).flatmap(lambda n: priors(n, regular=True)))
def test_every_scheme_is_within_the_paper_bounds(prior: ProductPrior) -> None:
    """Paper 001, §2.2: every scheme has R(Z) >= R(D), W(Z) <= W* and CS(Z) <= OPT; S_0 is the
    best RANK_t (Algorithm 3)."""
    schemes = [s0_scheme(prior), s0_squared_scheme(prior), s1_scheme(prior), s2_scheme(prior)]
    schemes += [rank_scheme(prior, t) for t in range(1, prior.n + 1)]
    for Z in schemes:
        val = Z.value()
        assert val.revenue >= prior.revenue()
        assert val.welfare <= prior.max_welfare()
        assert 0 <= val.consumer_surplus <= prior.opt()
    best = max(rank_scheme(prior, t).consumer_surplus() for t in range(1, prior.n + 1))
    assert s0_scheme(prior).consumer_surplus() == best
    assert rank_scheme(prior, s0_rank(prior)).consumer_surplus() == best


def test_trunc_law_and_instance() -> None:
    """Paper 001, Algorithm 5: a = largest value <= c, T = {j : v_j > a},
    D_{T,a} = prod_{j in T} (D_{j|>c} - a); with no value <= c, a = 0."""
    D = ProductPrior([Discrete.uniform([1, 2, 3])] * 3)
    law = trunc_law(D, 2, (3, 2, 1))
    assert {(s.floor, s.top) for s in law} == {(F(2), (0,))}
    assert trunc_instance(D, 2, 2, (0,)) == ProductPrior([Discrete.point(1)])
    law0 = trunc_law(D, F(1, 2), (3, 2, 1))
    assert {(s.floor, s.top) for s in law0} == {(F(0), (0, 1, 2))}
    assert sum(law0.values()) == 1
    none = trunc_law(D, 3, (3, 3, 3))
    assert list(none.values()) == [1] and next(iter(none)).inner is None


def test_execute_is_exact_and_seeded() -> None:
    """Running an algorithm draws from its exact law: every integer below the common
    denominator maps to a label, label q exactly p_q * den times."""
    law = rank_law(ProductPrior([Discrete.uniform([1, 2, 3])] * 2), 2, (3, 2))
    den = 1
    for p in law.values():
        den = den * p.denominator // __import__("math").gcd(den, p.denominator)

    class Counter:
        def __init__(self) -> None:
            self.k = -1

        def randrange(self, n: int) -> int:
            assert n == den
            self.k += 1
            return self.k

    rng = Counter()
    counts: dict[object, int] = {}
    for _ in range(den):
        label = execute(law, rng)  # type: ignore[arg-type]
        counts[label] = counts.get(label, 0) + 1
    assert {k: F(c, den) for k, c in counts.items()} == law
    assert execute(law, random.Random(3)) == execute(law, random.Random(3))


def test_bad_scheme_input() -> None:
    D = ProductPrior([Discrete.uniform([1, 2])] * 2)
    with pytest.raises(InvalidProblemError, match="t=0"):
        rank_law(D, 0, (1, 2))
    with pytest.raises(InvalidProblemError, match="1 values for 2 buyers"):
        rank_law(D, 1, (1,))
    with pytest.raises(InvalidProblemError, match="one-buyer"):
        bbm_scheme(D)
    with pytest.raises(DistributionError, match="not in the support"):
        bbm_law(Discrete.uniform([1, 2]), 3)
    with pytest.raises(InvalidProblemError, match="k=9"):
        from exactmech.papers.intermediary.schemes import value_misallocation_surplus

        value_misallocation_surplus(D, 9)
    assert opt_decomposition(D).opt == D.opt()
