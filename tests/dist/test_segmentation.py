"""Tests of :mod:`exactmech.dist.segmentation`: signaling schemes and the BBM construction.

Example 1 of paper 001 is reproduced exactly; the BBM properties of paper 001, §2.2 and
Lemma 1 are checked on random priors, and the consumer surplus is compared with an
independent computation: the consumer-optimal segmentation LP of Bergemann, Brooks and
Morris (2015), solved exactly with :func:`exactmech.lp.linprog`.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings

from exactmech.dist import (
    Discrete,
    Segmentation,
    bbm_segmentation,
    equal_revenue_distribution,
    mixture,
    monopoly_price,
    monopoly_revenue,
    opt_consumer_surplus,
    revenue_curve,
    virtual_values,
)
from exactmech.errors import DistributionError
from exactmech.lp import linprog
from exactmech.strategies import discrete_distributions

F = Fraction
EXAMPLE1 = Discrete([1, 2, 3], ["1/3", "1/3", "1/3"])


def bbm_lp_consumer_surplus(D: Discrete) -> Fraction:
    """max Σ_p Σ_{v >= p} (v - p) x_p(v) over segments x_p (the one where the seller charges p):
    Σ_p x_p(v) = f(v) and obedience p S_{x_p}(p) >= p' S_{x_p}(p') for all p' (BBM 2015)."""
    zs = D.support
    n = len(zs)
    col = {
        (i, j): i * n + j for i in range(n) for j in range(n)
    }  # segment i (price zs[i]), value j
    c = [zs[j] - zs[i] if j >= i else F(0) for i in range(n) for j in range(n)]
    A_eq, b_eq = [], []
    for j in range(n):
        row = [F(0)] * (n * n)
        for i in range(n):
            row[col[i, j]] = F(1)
        A_eq.append(row)
        b_eq.append(D.pmf(zs[j]))
    A_ub, b_ub = [], []
    for i in range(n):
        for k in range(n):
            if k == i:
                continue
            row = [F(0)] * (n * n)  # zs[k] S(zs[k]) - zs[i] S(zs[i]) <= 0 within segment i
            for j in range(n):
                row[col[i, j]] = (zs[k] if j >= k else 0) - (zs[i] if j >= i else 0)
            A_ub.append(row)
            b_ub.append(F(0))
    res = linprog(c, A_ub=A_ub or None, b_ub=b_ub or None, A_eq=A_eq, b_eq=b_eq, maximize=True)
    assert res.status == "optimal" and res.fun is not None
    return res.fun


# -- Example 1 ------------------------------------------------------------------------------


def test_example1_segments_weights_and_surplus() -> None:
    """paper 001, §2.2, Example 1: S1 = <1/2, 1/6, 1/3> w.p. 2/3, S2 = <0, 1/3, 2/3> w.p. 1/6,
    S3 = <0, 1, 0> w.p. 1/6; revenue 4/3, W* = 2, CS = 2 - 4/3 = 2/3 = OPT."""
    Z = bbm_segmentation(EXAMPLE1)
    assert Z.weights == (F(2, 3), F(1, 6), F(1, 6))
    assert [S.probs for S in Z.posteriors] == [
        (F(1, 2), F(1, 6), F(1, 3)),
        (F(0), F(1, 3), F(2, 3)),
        (F(0), F(1), F(0)),
    ]
    assert [monopoly_price(S) for S in Z.posteriors] == [1, 2, 2]  # lowest support values
    assert Z.revenue() == F(4, 3) == monopoly_revenue(EXAMPLE1)
    assert Z.welfare() == 2 == EXAMPLE1.mean()
    assert Z.consumer_surplus() == F(2, 3) == opt_consumer_surplus(EXAMPLE1)


def test_example1_second_computation_equal_revenue_by_hand_and_lp() -> None:
    """Independent of the greedy code: the equal-revenue conditions S(v) v = u_1 give S1 and S2
    directly; Bayes plausibility then forces the weights; the BBM LP gives CS = 2/3."""
    S1 = Discrete([1, 2, 3], [1 - F(1, 2), F(1, 2) - F(1, 3), F(1, 3)])  # S = 1, 1/2, 1/3
    S2 = Discrete([1, 2, 3], [0, 1 - F(2, 3), F(2, 3)])  # S = 1, 2/3 on {2, 3}
    S3 = Discrete([1, 2, 3], [0, 1, 0])
    g1 = EXAMPLE1.pmf(1) / S1.pmf(1)  # only S1 has value 1
    g2 = (EXAMPLE1.pmf(3) - g1 * S1.pmf(3)) / S2.pmf(3)  # only S1, S2 have value 3
    g3 = 1 - g1 - g2
    assert (g1, g2, g3) == (F(2, 3), F(1, 6), F(1, 6))
    assert mixture([(g1, S1), (g2, S2), (g3, S3)]) == EXAMPLE1
    assert bbm_lp_consumer_surplus(EXAMPLE1) == F(2, 3)


# -- properties (paper 001, §2.2 and Lemma 1) ---------------------------------------------


@given(discrete_distributions(max_size=6, zero_masses=True, max_denominator=2))
def test_bbm_is_bayes_plausible(D: Discrete) -> None:
    """paper 001, §2.2: Σ γ_q = 1 and Σ γ_q S_q = D exactly, on the prior's grid."""
    Z = bbm_segmentation(D)
    assert sum(Z.weights) == 1 and all(w > 0 for w in Z.weights)
    assert mixture(Z.segments).same_grid(D)
    assert Z.is_bayes_plausible(D)
    assert len(Z) <= len(D.support)


@given(discrete_distributions(max_size=6, zero_masses=True, max_denominator=2))
def test_bbm_segments_are_equal_revenue_on_nested_supports(D: Discrete) -> None:
    """paper 001, §2.2: each segment is the equal-revenue distribution on the whole remaining
    support (so supports are nested and strictly shrinking), the seller is indifferent among
    all its support prices, so its monopoly price is its lowest value and the item always sells.

    (Supports need not be upper sets of the prior's support: Example 1's S3 = <0, 1, 0> has
    support {2}, and for D = <1/2, 1/2> on {1, 3/2} the value 3/2 is emptied first.)"""
    Z = bbm_segmentation(D)
    residual = dict(D.as_dict())
    for w, S in Z:
        support = S.support
        assert support == tuple(v for v in D.values if residual[v] > 0)
        assert S.trim() == equal_revenue_distribution(support)
        assert len(set(revenue_curve(S).values())) == 1  # indifferent among support prices
        assert monopoly_price(S) == support[0]
        assert S.survival(monopoly_price(S)) == 1
        for v, p in S.items():
            residual[v] -= w * p
        assert min(residual.values()) >= 0
    assert not any(residual.values())


def test_bbm_supports_need_not_be_upper_sets() -> None:
    """D = <1/2, 1/2> on {1, 3/2}: R(1) = 1 > R(3/2) = 3/4, the equal-revenue segment on {1, 3/2}
    is <1/3, 2/3> and γ1 = min(3/2, 3/4) = 3/4 empties 3/2 first; the rest is a point mass at 1."""
    Z = bbm_segmentation(Discrete([1, "3/2"], ["1/2", "1/2"]))
    assert Z.weights == (F(3, 4), F(1, 4))
    assert [S.probs for S in Z.posteriors] == [(F(1, 3), F(2, 3)), (F(1), F(0))]
    assert Z.revenue() == 1 and Z.consumer_surplus() == F(1, 4)


@given(discrete_distributions(max_size=6, zero_masses=True, max_denominator=2))
def test_bbm_revenue_surplus_and_welfare(D: Discrete) -> None:
    """paper 001, §2.2 and Lemma 1: R(BBM) = R(D) (unsegmented monopoly revenue), W(BBM) = E[V]
    (the item always sells), CS(BBM) = W - R(D) = OPT."""
    Z = bbm_segmentation(D)
    assert Z.revenue() == monopoly_revenue(D)
    assert Z.welfare() == D.mean()
    assert Z.consumer_surplus() == Z.welfare() - Z.revenue() == opt_consumer_surplus(D)


@given(discrete_distributions(max_size=6, zero_masses=True))
def test_bbm_every_segment_contains_the_prior_monopoly_price(D: Discrete) -> None:
    """Why R(BBM) = R(D): r_D lies in every segment's support (it is the last value emptied)."""
    r = monopoly_price(D)
    assert all(r in S.support for S in bbm_segmentation(D).posteriors)


@given(discrete_distributions(max_size=6))
def test_lemma1_virtual_values_nonnegative_and_opt_bound(D: Discrete) -> None:
    """paper 001, Lemma 1: (1) φ_{S_q}(v) >= 0 for every v in the support of every signal;
    (2) CS(BBM) = OPT >= Σ_{v < r_D} v f_D(v)."""
    Z = bbm_segmentation(D)
    assert all(phi >= 0 for S in Z.posteriors for phi in virtual_values(S).values())
    r = monopoly_price(D)
    assert Z.consumer_surplus() >= sum(v * D.pmf(v) for v in D.support if v < r)


@settings(max_examples=30)
@given(discrete_distributions(max_size=4))
def test_bbm_surplus_equals_the_consumer_optimal_lp(D: Discrete) -> None:
    """BBM (2015), paper 001, §2.2: no Bayes-plausible segmentation gives more consumer surplus
    than BBM; the LP over all segmentations (solved exactly) has optimum CS(BBM) = OPT."""
    assert bbm_lp_consumer_surplus(D) == bbm_segmentation(D).consumer_surplus()


# -- API ------------------------------------------------------------------------------------


def test_equal_revenue_distribution() -> None:
    """paper 001, §2.2: u_j S(u_j) = u_1 for every support value."""
    E = equal_revenue_distribution([2, 3, 6])
    assert [v * E.survival(v) for v in E.support] == [2, 2, 2]
    assert E.probs == (F(1, 3), F(1, 3), F(1, 3))
    assert equal_revenue_distribution([2], grid=[1, 2]).probs == (0, 1)
    with pytest.raises(DistributionError, match="support value 2 appears twice"):
        equal_revenue_distribution([2, 2])
    with pytest.raises(DistributionError, match="empty support"):
        equal_revenue_distribution([])


def test_segmentation_validation_and_display() -> None:
    Z = Segmentation([("1/2", Discrete.point(1)), ("1/2", Discrete.point(3))])
    assert len(Z) == 2 and Z[1].weight == F(1, 2) and [s.weight for s in Z] == [F(1, 2)] * 2
    assert repr(Z) == "Segmentation([(1/2, Discrete({1: 1})), (1/2, Discrete({3: 1}))])"
    assert r"\gamma_{1} = \frac{1}{2}" in Z._repr_latex_()
    assert Z.outcomes()[1].revenue == 3
    with pytest.raises(DistributionError, match=r"weights\[0\]=-1 is negative"):
        Segmentation([(-1, Discrete.point(1)), (2, Discrete.point(2))])
    with pytest.raises(DistributionError, match="no segments"):
        Segmentation([])
    with pytest.raises(DistributionError, match=r"segments\[0\] holds a str; expected Discrete"):
        Segmentation([(1, "D")])  # type: ignore[list-item]
    with pytest.raises(DistributionError, match=r"segments\[0\] must be a \(weight, posterior\)"):
        Segmentation([1])  # type: ignore[list-item]


def test_bbm_and_opt_errors() -> None:
    with pytest.raises(
        DistributionError, match=r"bbm_segmentation\(\): support value -1 is not positive"
    ):
        bbm_segmentation(Discrete.uniform([-1, 1]))
    with pytest.raises(DistributionError, match="expected a Discrete prior"):
        bbm_segmentation([1, 2])  # type: ignore[arg-type]
    with pytest.raises(DistributionError, match="expected a Discrete prior"):
        opt_consumer_surplus(None)  # type: ignore[arg-type]
    # a zero-mass grid value may be anything: only the support must be positive
    assert bbm_segmentation(Discrete([0, 1], [0, 1])).weights == (1,)
