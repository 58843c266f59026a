"""The seller's response to a posterior (paper 001, §2.1) and the sender-preferred tie rule.

Two independent computations of the same quantity are compared exactly:

* Myerson's auction with the sender-preferred rule (:func:`myerson_discrete`,
  ``tie="max-surplus"``) against the two-stage optimal-mechanism LP (max revenue, then max
  consumer surplus on the optimal face; interim IC/IR, payments of either sign);
* the "independent part × known maximum" reduction used for RANK_t/TRUNC posteriors against
  the full LP on the correlated posterior.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.auctions import myerson_discrete
from exactmech.dist import Discrete
from exactmech.errors import DistributionError, InvalidProblemError
from exactmech.papers.intermediary import (
    posterior_structure,
    seller_response,
)
from exactmech.papers.intermediary.response import optimal_auction_lp
from exactmech.strategies import discrete_distributions, independent_priors

F = Fraction


def _two_stage_lp(dists: list[Discrete], *, ic: str = "interim") -> tuple[Fraction, Fraction]:
    m = optimal_auction_lp([d.trim() for d in dists], tie="max-surplus", ic=ic, ir=ic)
    assert m.revenue is not None and m.buyer_surplus is not None
    return m.revenue, m.buyer_surplus


@settings(max_examples=40)
@given(
    st.integers(1, 3).flatmap(
        lambda n: independent_priors(buyers=n, max_size=3 if n == 3 else 4, max_value=7)
    )
)
def test_sender_preferred_myerson_equals_two_stage_lp(dists: list[Discrete]) -> None:
    """Paper 001, §2.1 and §3 (proof of Theorem 5, "CS(s) = max(...)"): among revenue-optimal
    ex-interim IC/IR mechanisms the seller picks one maximizing consumer surplus. For product
    priors (regular or not) that is Myerson's auction with ironing, ties to the highest
    ironing-interval mean value, selling at ironed virtual value 0."""
    out = myerson_discrete(dists, tie="max-surplus")
    assert (out.revenue, out.consumer_surplus) == _two_stage_lp(dists)


@settings(max_examples=20)
@given(independent_priors(buyers=2, max_size=3, regular=False))
def test_sender_preferred_on_irregular_priors_equals_both_lp_readings(
    dists: list[Discrete],
) -> None:
    """Paper 001, footnote 1 (ironing): with irregular buyers the sender-preferred rule still
    equals the two-stage LP, under interim and under ex-post IC/IR (it is dominant-strategy
    IC, and the interim optimum is attained by it)."""
    out = myerson_discrete(dists, tie="max-surplus")
    assert (out.revenue, out.consumer_surplus) == _two_stage_lp(dists)
    assert (out.revenue, out.consumer_surplus) == _two_stage_lp(dists, ic="ex-post")


def test_ironing_tie_goes_to_the_higher_interval_mean_not_the_higher_value() -> None:
    """Paper 001, footnote 1 and §5.2: buyer 1's values {2, 3} (masses 2/5, 1/5, and 5 w.p.
    2/5) are ironed to virtual value 0 with interval mean 7/3; buyer 0 has virtual value 0 at
    value 2. The sender-preferred rule gives the tie to buyer 1 at both values (mean 7/3 > 2)
    and equals the two-stage LP; §5.2's "higher valued buyer" rule splits the ironing
    interval (buyer 0 wins at (2, 2) by index) and so loses revenue: 47/15 < 16/5."""
    b0 = Discrete([2, 3, 4], ["1/3", "1/2", "1/6"])
    b1 = Discrete([2, 3, 5], ["2/5", "1/5", "2/5"])
    sender = myerson_discrete([b0, b1], tie="max-surplus")
    assert (sender.revenue, sender.consumer_surplus) == (F(16, 5), F(17, 30))
    assert (sender.revenue, sender.consumer_surplus) == _two_stage_lp([b0, b1])
    value_rule = myerson_discrete([b0, b1], tie="value")
    assert (value_rule.revenue, value_rule.consumer_surplus) == (F(47, 15), F(19, 30))


def test_literal_tie_rules_differ_from_sender_preferred() -> None:
    """Paper 001, Algorithm 1 breaks ties by "a fixed tie-breaking rule" (index); the
    sender-preferred rule earns the same revenue but can give more consumer surplus."""
    known, excess = Discrete.point(1), Discrete([2, 3], ["1/2", "1/2"])
    index = seller_response([known, excess], tie="index")
    sender = seller_response([known, excess])
    assert index.revenue == sender.revenue == 2
    assert (index.consumer_surplus, sender.consumer_surplus) == (0, F(1, 2))


@st.composite
def known_max_posteriors(draw: st.DrawFn) -> dict[tuple[Fraction, ...], Fraction]:
    """Posteriors of the RANK_t/TRUNC shape: independent buyers × a correlated block whose
    maximum is a constant m (shrinks toward one independent buyer and two block buyers)."""
    n_ind = draw(st.integers(0, 2))
    ind = [draw(discrete_distributions(max_size=2, max_value=4)) for _ in range(n_ind)]
    m = draw(st.integers(1, 3))
    n_block = 2
    grid = [p for p in itertools.product(range(1, m + 1), repeat=n_block) if max(p) == m]
    weights = draw(st.lists(st.integers(0, 4), min_size=len(grid), max_size=len(grid)))
    if not any(weights):
        weights[0] = 1
    total = sum(weights)
    block = {tuple(map(F, p)): F(w, total) for p, w in zip(grid, weights) if w}
    order = draw(st.permutations(range(n_ind + n_block)))
    joint: dict[tuple[Fraction, ...], Fraction] = {}
    for combo in itertools.product(*(d.trim().items() for d in ind)):
        p_ind = F(1)
        for _, q in combo:
            p_ind *= q
        for bp, q in block.items():
            raw = tuple(v for v, _ in combo) + bp
            prof = tuple(raw[order.index(k)] for k in range(len(raw)))
            joint[prof] = joint.get(prof, F(0)) + p_ind * q
    return joint


@settings(max_examples=30)
@given(known_max_posteriors())
def test_known_max_reduction_equals_full_lp(post: dict[tuple[Fraction, ...], Fraction]) -> None:
    """Paper 001, §4 ("the seller is guaranteed a revenue of v° from the (t+1)st largest
    buyer"): a posterior = independent buyers × a block whose maximum is a constant m has the
    optimal revenue and sender-preferred CS of Myerson's auction with the block replaced by a
    known-value-m bidder; checked against the full LP on the correlated posterior."""
    fast = seller_response(post)
    assert fast.method in ("myerson", "myerson+known-max")
    slow = seller_response(post, method="lp")
    assert (fast.revenue, fast.consumer_surplus) == (slow.revenue, slow.consumer_surplus)


def test_posterior_structure_and_methods() -> None:
    """Paper 001, §4: RANK_t's posterior is independent on T and correlated outside it."""
    post = {
        (F(3), F(2), F(1)): F(1, 4),
        (F(3), F(1), F(2)): F(1, 4),
        (F(4), F(2), F(1)): F(1, 4),
        (F(4), F(1), F(2)): F(1, 4),
    }
    s = posterior_structure(post)
    assert (s.independent, s.rest, s.rest_max, s.reducible, s.is_product) == (
        (0,),
        (1, 2),
        F(2),
        True,
        False,
    )
    r = seller_response(post)
    assert r.method == "myerson+known-max"
    # buyer 0 in {3, 4}: phi(3) = 2, ties with the known 2 and wins (value 3 > 2): price 3
    assert (r.revenue, r.consumer_surplus) == (F(3), F(1, 2))
    assert seller_response(post, tie="index").consumer_surplus == F(1, 2)
    with pytest.raises(InvalidProblemError, match="not a Myerson tie rule"):
        seller_response(post, tie="min-surplus", method="myerson")


def test_correlated_posterior_needs_an_lp_tie_rule() -> None:
    post = {(F(1), F(1)): F(1, 2), (F(2), F(2)): F(1, 2)}
    assert seller_response(post).method == "lp"
    with pytest.raises(InvalidProblemError, match="rule for Myerson"):
        seller_response(post, tie="value")
    with pytest.raises(InvalidProblemError, match="does not apply"):
        seller_response(post, method="myerson")
    with pytest.raises(InvalidProblemError, match="tie='coin'"):
        seller_response(post, tie="coin")
    with pytest.raises(InvalidProblemError, match="method='fast'"):
        seller_response(post, method="fast")


def test_bad_posteriors_are_named() -> None:
    with pytest.raises(DistributionError, match="sum to 1/2"):
        seller_response({(1, 2): "1/2"})
    with pytest.raises(DistributionError, match="negative"):
        seller_response({(1, 2): "3/2", (2, 1): "-1/2"})
    with pytest.raises(DistributionError, match="entries"):
        seller_response({(1, 2): "1/2", (1,): "1/2"})
    with pytest.raises(DistributionError, match="sequence of Discrete"):
        seller_response([1, 2])  # type: ignore[list-item]
