"""Model objects of paper 001 (§2, §2.2): product priors, signaling schemes, OPT."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.dist import Discrete
from exactmech.errors import DistributionError, FloatInputError
from exactmech.papers.intermediary import ProductPrior, Signal, SignalingScheme
from exactmech.strategies import independent_priors

F = Fraction


def test_product_prior_quantities() -> None:
    """Paper 001, §2.2: W* = E[max V_i], OPT = W* - R(D); §4: p_i, Y_i, reserves."""
    D = ProductPrior([Discrete.uniform([1, 2, 3]), Discrete([2, 4], ["1/2", "1/2"])])
    assert D.n == 2 and D.K == 4 and D.values() == (1, 2, 3, 4)
    assert D.max_welfare() == F(1, 3) * F(2 + 2 + 3, 2) + F(1, 2) * 4
    assert D.opt() == D.max_welfare() - D.revenue()
    assert (D.reserve(0), D.reserve(1)) == (2, 2)
    assert D.below_reserve_probability(0) == F(1, 3)
    assert D.below_reserve(0) == Discrete.point(1)
    assert D.pmf((3, 4)) == F(1, 6) and D.pmf((4, 4)) == 0
    assert not D.is_iid() and ProductPrior.iid(Discrete.point(1), 3).is_iid()
    with pytest.raises(DistributionError, match="no value below her reserve"):
        D.below_reserve(1)
    with pytest.raises(DistributionError, match="out of range"):
        D.reserve(2)
    assert ProductPrior(list(D.dists)) == D and hash(D) == hash(ProductPrior(list(D.dists)))


def test_product_prior_rejects_bad_input() -> None:
    with pytest.raises(DistributionError, match="no buyers"):
        ProductPrior([])
    with pytest.raises(DistributionError, match="buyer 1 is a list"):
        ProductPrior([Discrete.point(1), [1, 2]])  # type: ignore[list-item]
    with pytest.raises(DistributionError, match="value 2 with probability 0"):
        ProductPrior([Discrete([1, 2], [1, 0])])
    with pytest.raises(DistributionError, match="value -1"):
        ProductPrior([Discrete([-1, 2], ["1/2", "1/2"])])
    with pytest.raises(DistributionError, match="n=0"):
        ProductPrior.iid(Discrete.point(1), 0)
    with pytest.raises(FloatInputError):
        ProductPrior([Discrete.point(1)]).pmf((0.5,))


def test_scheme_bayes_plausibility_errors_name_the_input() -> None:
    """Paper 001, §2.2: a scheme is feasible iff sum_q gamma_q = 1 and sum gamma_q S_q = D."""
    D = ProductPrior([Discrete.uniform([1, 2])])
    with pytest.raises(DistributionError, match=r"profile \(1\) gets mass 1/4 .* but 1/2"):
        SignalingScheme(D, [("1/4", {(1,): 1}), ("3/4", {(2,): 1})])
    with pytest.raises(DistributionError, match="weights sum to 3/2"):
        SignalingScheme(D, [("1/2", {(1,): 1}), (1, {(2,): 1})])
    with pytest.raises(DistributionError, match="weights\\[0\\]=-1/2 is negative"):
        SignalingScheme(D, [("-1/2", {(1,): 1}), ("3/2", {(2,): 1})])
    with pytest.raises(DistributionError, match="posterior sums to 1/2"):
        SignalingScheme(D, [(1, {(1,): "1/2"})])
    with pytest.raises(DistributionError, match="2 entries; the prior has 1 buyers"):
        SignalingScheme(D, [(1, {(1, 2): 1})])
    with pytest.raises(DistributionError, match="no signals"):
        SignalingScheme(D, [])
    with pytest.raises(DistributionError, match="must be a Signal"):
        SignalingScheme(D, [(1,)])
    with pytest.raises(DistributionError, match="expected a ProductPrior"):
        SignalingScheme([1, 2], [(1, {(1,): 1})])  # type: ignore[arg-type]
    with pytest.raises(FloatInputError):
        SignalingScheme(D, [(0.5, {(1,): 1}), ("1/2", {(2,): 1})])


def test_scheme_on_a_joint_prior_and_labels() -> None:
    """A scheme on a correlated joint prior (paper 001, §2.1: D' arbitrarily correlated)."""
    joint = {(1, 1): "1/2", (2, 2): "1/2"}
    Z = SignalingScheme(
        joint, [Signal("all", F(1), {(F(1), F(1)): F(1, 2), (F(2), F(2)): F(1, 2)})]
    )
    assert Z.prior is None and len(Z) == 1 and next(iter(Z)).label == "all"
    assert Z.value().consumer_surplus == 0  # Theorem 4: full surplus extraction
    assert Z.joint_prior() == {(1, 1): F(1, 2), (2, 2): F(1, 2)}


@settings(max_examples=15)
@given(
    st.integers(1, 2).flatmap(lambda n: independent_priors(buyers=n, max_size=2, max_value=4)),
    st.integers(1, 3),
    st.data(),
)
def test_every_scheme_is_between_the_paper_bounds(dists: list[Discrete], m: int, data) -> None:  # type: ignore[no-untyped-def]
    """Paper 001, §2.2: for every Bayes-plausible scheme R(Z) >= R(D) (Myerson's auction is
    ex-post IC/IR, so it stays feasible under any signal), W(Z) <= W* = E[max V_i] and hence
    CS(Z) <= OPT. Random garblings: each profile is mapped to one of m labels at random."""
    D = ProductPrior(dists)
    law = {
        v: data.draw(st.lists(st.integers(0, 3), min_size=m, max_size=m).filter(any))
        for v in D.joint()
    }
    Z = SignalingScheme.from_law(
        D, lambda v: {q: F(w, sum(law[v])) for q, w in enumerate(law[v]) if w}
    )
    val = Z.value()
    assert val.revenue >= D.revenue()
    assert val.welfare <= D.max_welfare()
    assert val.consumer_surplus <= D.opt()
    assert val.welfare == val.revenue + val.consumer_surplus


def test_from_law_bad_laws() -> None:
    D = ProductPrior([Discrete.uniform([1, 2])])
    with pytest.raises(DistributionError, match=r"law\(\(2\)\) sums to 2"):
        SignalingScheme.from_law(D, lambda v: {"a": 1, "b": v[0] - 1})
    with pytest.raises(DistributionError, match="probability -1"):
        SignalingScheme.from_law(D, lambda v: {"a": 2, "b": -1})
    with pytest.raises(DistributionError, match="must be a ProductPrior"):
        SignalingScheme.from_law({(1,): 1}, lambda v: {0: 1})  # type: ignore[arg-type]


def test_no_signal_and_full_revelation() -> None:
    """Paper 001, §1 and Fig. 1b: no signal gives Myerson's point M (CS(D)); full revelation
    gives point A (revenue W*, CS 0)."""
    D = ProductPrior([Discrete.uniform([1, 2, 3]), Discrete([2, 4], ["1/2", "1/2"])])
    none = SignalingScheme.from_law(D, lambda v: {"nothing": 1}).value()
    assert (none.revenue, none.consumer_surplus) == (D.revenue(), D.consumer_surplus())
    full = SignalingScheme.from_law(D, lambda v: {v: 1}).value()
    assert (full.revenue, full.consumer_surplus) == (D.max_welfare(), 0)
