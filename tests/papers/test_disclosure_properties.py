"""Property tests for paper 000's theorems outside §4 (hypothesis, exact equality)."""

from __future__ import annotations

import itertools
from fractions import Fraction
from functools import cache

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.auctions import build_mechanism_lp, myerson_discrete, optimal_mechanism
from exactmech.dist import Discrete, monopoly_revenue
from exactmech.lp import solve_problem
from exactmech.papers.disclosure import (
    DisclosureGame,
    Partition,
    algorithm_1,
    all_equilibria,
    best_connected_partition,
    buyer_opt,
    buyer_opt_decision,
    buyer_utility,
    check_mechanism,
    connected_partitions,
    efficiency_transform,
    equilibrium,
    partition_reduction,
    partition_utility,
    proposition_5_3,
    second_optimal_mechanism,
    seller_prices,
    solve_partition,
)
from exactmech.papers.disclosure.complexity import DELTA
from exactmech.strategies import discrete_distributions, independent_priors, rationals

F = Fraction


@cache
def _symbolic_5_3():  # type: ignore[no-untyped-def]
    return proposition_5_3()


@st.composite
def one_buyer_instances(
    draw: st.DrawFn, max_size: int = 6
) -> tuple[list[Fraction], list[Fraction]]:
    """Sorted distinct positive values with positive probabilities (paper 000, §5)."""
    d = draw(discrete_distributions(min_size=1, max_size=max_size, min_value=1, max_value=12))
    return list(d.values), list(d.probs)


@st.composite
def partitions_of(draw: st.DrawFn, n: int) -> Partition:
    """A set partition of 0..n-1 by restricted growth strings (shrinks to one block)."""
    labels = [0]
    for _ in range(1, n):
        labels.append(draw(st.integers(0, max(labels) + 1)))
    blocks: dict[int, list[int]] = {}
    for i, b in enumerate(labels):
        blocks.setdefault(b, []).append(i)
    return tuple(sorted(tuple(b) for b in blocks.values()))


@st.composite
def games(draw: st.DrawFn) -> tuple[DisclosureGame, tuple[Partition, ...]]:
    """Small independent disclosure games (1–2 buyers, 1–2 goods) and a partition profile."""
    buyers = draw(st.integers(1, 2))
    goods = draw(st.integers(1, 2)) if buyers == 1 else 1
    max_types = 3 if goods == 1 else 2
    values, priors, parts = [], [], []
    for _ in range(buyers):
        n = draw(st.integers(1, max_types))
        vecs = draw(
            st.lists(st.tuples(*[st.integers(1, 6)] * goods), min_size=n, max_size=n, unique=True)
        )
        w = draw(st.lists(st.integers(1, 4), min_size=n, max_size=n))
        values.append([v if goods > 1 else v[0] for v in vecs])
        priors.append([F(x, sum(w)) for x in w])
        parts.append(draw(partitions_of(n)))
    return DisclosureGame(values, priors), tuple(parts)


# -- Lemma 2.1, Theorem 5.1, Theorem 5.2, Proposition 5.3 ------------------------------------


@settings(max_examples=60)
@given(one_buyer_instances(), st.data())
def test_lemma_2_1_transform_is_efficient_and_keeps_utilities(
    inst: tuple[list[Fraction], list[Fraction]], data: st.DataObject
) -> None:
    """Paper 000, §2.1, Lemma 2.1 (Efficiency Lemma): from any partitional equilibrium
    (any partition, any seller best response per block) the construction gives an efficient
    equilibrium in which every type has the same utility."""
    values, probs = inst
    part = data.draw(partitions_of(len(values)))
    prices = [data.draw(st.sampled_from(seller_prices(values, probs, b).prices)) for b in part]
    eq = equilibrium(values, probs, part, prices)
    new = efficiency_transform(eq)  # equilibrium() re-checks every price is a best response
    assert new.efficient
    assert new.type_utilities() == eq.type_utilities()
    assert new.buyer_utility == eq.buyer_utility
    assert new.revenue >= eq.revenue


def test_lemma_2_1_on_every_equilibrium_of_a_small_instance() -> None:
    """Paper 000, Lemma 2.1, exhaustively: all partitions × all seller best responses."""
    for eq in all_equilibria([1, 2, 3, 5], ["1/8", "3/8", "1/4", "1/4"]):
        new = efficiency_transform(eq)
        assert new.efficient and new.type_utilities() == eq.type_utilities()


@settings(max_examples=80)
@given(one_buyer_instances(max_size=7))
def test_theorem_5_1_algorithm_1_is_the_best_connected_partition(
    inst: tuple[list[Fraction], list[Fraction]],
) -> None:
    """Paper 000, §5.1, Theorem 5.1: Algorithm 1 (index typos corrected) returns a connected
    partition whose utility equals the maximum over all 2^(n−1) connected partitions."""
    values, probs = inst
    alg = algorithm_1(values, probs)
    assert alg.partition in connected_partitions(len(values))
    assert alg.utility == best_connected_partition(values, probs).utility
    assert alg.utility == partition_utility(values, probs, alg.partition)
    assert alg.utility <= buyer_opt(values, probs).utility


@settings(max_examples=60)
@given(one_buyer_instances(max_size=6))
def test_buyer_opt_methods_agree(inst: tuple[list[Fraction], list[Fraction]]) -> None:
    """Paper 000, §5.2: BUYER-OPT's optimum by enumerating all Bell(n) partitions equals the
    subset dynamic programme, and its partition achieves it."""
    values, probs = inst
    a = buyer_opt(values, probs, method="enumerate")
    b = buyer_opt(values, probs, method="subset-dp")
    assert a.utility == b.utility == partition_utility(values, probs, b.partition)


@st.composite
def partition_instances(draw: st.DrawFn) -> list[int]:
    """PARTITION instances with an even sum (last item adjusted by one if needed)."""
    s = draw(st.lists(st.integers(1, 7), min_size=1, max_size=5))
    if sum(s) % 2:
        s[-1] += 1
    return s


@settings(max_examples=40)
@given(partition_instances())
def test_theorem_5_2_reduction(s: list[int]) -> None:
    """Paper 000, §5.2, Theorem 5.2 (Appendix A): the reduced BUYER-OPT instance has an
    equilibrium with buyer utility >= U iff the PARTITION instance is a yes-instance; the
    forward partition reaches U, and the buyer-optimal partition's pool recovers I."""
    inst = partition_reduction(s)
    subset = solve_partition(s)
    brute = any(
        2 * sum(s[i] for i in subset_) == sum(s)
        for k in range(len(s) + 1)
        for subset_ in itertools.combinations(range(len(s)), k)
    )
    assert (subset is not None) == brute
    assert buyer_opt_decision(inst.values, inst.probs, inst.target) == brute
    best = buyer_opt(inst.values, inst.probs)
    if subset is not None:
        assert partition_utility(inst.values, inst.probs, inst.partition_for(subset)) >= inst.target
        recovered = inst.subset_from(best.partition)
        assert 2 * sum(s[i] for i in recovered) == sum(s)
    else:
        assert best.utility < inst.target


@settings(max_examples=40)
@given(rationals(min_value=1, max_value=99, max_denominator=100).filter(lambda d: 0 < d < 1))
def test_proposition_5_3_family(delta: Fraction) -> None:
    """Paper 000, Proposition 5.3 (Appendix B): on values 1, 2, 2+δ w.p. 1/3, 5/9, 1/9 the
    best connected partition gives δ/9 and the best partition (1+δ)/9, for every δ in
    (0, 1); the symbolic result agrees after substitution."""
    r = proposition_5_3(delta)
    assert r.connected.utility == delta / 9
    assert r.general.utility == (1 + delta) / 9
    assert r.ratio == (1 + delta) / delta
    sym = _symbolic_5_3()
    d = sympy.Rational(delta.numerator, delta.denominator)
    assert (
        sym.general.utility.subs(DELTA, d)
        == sympy.Rational((1 + delta).numerator, (1 + delta).denominator) / 9
    )


# -- the mechanism LP and the disclosure game ---------------------------------------------------


def _direct_welfare(game: DisclosureGame, parts: tuple[Partition, ...]) -> Fraction:
    total = F(0)
    for mo in game.outcomes(parts):
        mech = mo.max_surplus
        for t, p in mech.lp.prior.items():
            for j in range(mech.lp.buyers):
                vec = mech.lp.types[j][t[j]]
                total += (
                    mo.probability
                    * p
                    * sum((a * b for a, b in zip(vec, mech.allocation[t][j])), F(0))
                )
    return total


@settings(max_examples=25)
@given(games())
def test_welfare_is_revenue_plus_surplus(
    case: tuple[DisclosureGame, tuple[Partition, ...]],
) -> None:
    """Paper 000, §3.3 table: W = R + U for every partition profile (W computed directly as
    the expected value of the allocation; U as the sum of the buyers' utilities)."""
    game, parts = case
    o = game.evaluate(parts)
    assert o.welfare == o.revenue + o.surplus_max == _direct_welfare(game, parts)
    assert sum(o.utilities, F(0)) == o.surplus_max
    assert o.surplus_min <= o.surplus_max
    if o.always_sell_surplus is not None:
        assert o.always_sell_surplus <= o.surplus_max


@settings(max_examples=25)
@given(games())
def test_disclosure_never_lowers_revenue(
    case: tuple[DisclosureGame, tuple[Partition, ...]],
) -> None:
    """Paper 000, §2–§3: revenue under any partition profile is at least the revenue without
    disclosure (the seller can always run the no-disclosure mechanism), and full disclosure
    leaves the buyers nothing: U = 0 and R = E[Σ_k max_j v_jk]."""
    game, parts = case
    nd = tuple(((tuple(range(len(v)))),) for v in game.values)
    full = tuple(tuple((i,) for i in range(len(v))) for v in game.values)
    base = game.evaluate(nd).revenue
    assert game.evaluate(parts).revenue >= base
    o = game.evaluate(full)
    assert o.surplus_max == o.surplus_min == 0
    expected = F(0)
    for t in itertools.product(*(range(len(v)) for v in game.values)):
        p = F(1)
        for j, i in enumerate(t):
            p *= game.priors[j][i]
        vecs = [game._vectors[j][i] for j, i in enumerate(t)]
        expected += p * sum(max(v[k] for v in vecs) for k in range(len(vecs[0])))
    assert o.revenue == expected


@settings(max_examples=25)
@given(independent_priors(buyers=2, max_size=3, max_value=6))
def test_one_good_lp_revenue_is_ironed_myerson(dists: list[Discrete]) -> None:
    """Paper 000, §2 ("with one good and multiple buyers, the seller runs a Myerson auction"):
    the §3.1 LP's revenue, ex-post and interim IC alike, equals Myerson's auction with ironed
    virtual values."""
    values = [list(d.values) for d in dists]
    probs = [list(d.probs) for d in dists]
    target = myerson_discrete(dists).revenue
    assert optimal_mechanism(values, probs, tie=None).revenue == target
    assert optimal_mechanism(values, probs, tie=None, ic="interim").revenue == target


@settings(max_examples=40)
@given(one_buyer_instances(max_size=5))
def test_one_buyer_lp_is_the_best_posted_price(inst: tuple[list[Fraction], list[Fraction]]) -> None:
    """Paper 000, §2 ("with one buyer and one good, the seller chooses a posted price"): the
    §3.1 LP's revenue is the best posted price's, and its max-surplus end gives the buyer
    buyerUtility of §5.1 (the lowest optimal price)."""
    values, probs = inst
    mech = optimal_mechanism([values], [probs])
    block = list(range(len(values)))
    assert mech.revenue == monopoly_revenue(Discrete(values, probs))
    assert mech.revenue == seller_prices(values, probs, block).revenue
    assert mech.buyer_surplus == buyer_utility(values, probs, block)


def _face_is_point(mech) -> bool:  # type: ignore[no-untyped-def]
    """Independent uniqueness check: min and max of every variable over the optimal face."""
    from dataclasses import replace

    from exactmech.papers.disclosure.face import _face

    face = _face(mech)
    for j in range(face.n):
        c = tuple(F(int(k == j)) for k in range(face.n))
        hi = solve_problem(replace(face, c=c, maximize=True)).fun
        lo = solve_problem(replace(face, c=c, maximize=False)).fun
        if hi != lo:
            return False
    return True


@settings(max_examples=20)
@given(one_buyer_instances(max_size=3), st.booleans())
def test_uniqueness_test_agrees_with_variable_ranges(
    inst: tuple[list[Fraction], list[Fraction]], two_goods: bool
) -> None:
    """Paper 000, §3.2 ("the unique optimal mechanism"): second_optimal_mechanism returns
    None exactly when every LP variable has a single value on the optimal face, and
    otherwise a feasible optimal mechanism different from the given one."""
    values, probs = inst
    vals = [(v, v + 1) for v in values] if two_goods else values
    mech = optimal_mechanism([vals], [probs])
    other = second_optimal_mechanism(mech)
    assert (other is None) == _face_is_point(mech)
    if other is not None:
        chk = check_mechanism(mech.lp, other.allocation, other.payments)
        assert chk.feasible and chk.revenue == mech.revenue
        assert (other.allocation, other.payments) != (mech.allocation, mech.payments)


@settings(max_examples=15)
@given(games())
def test_correlated_product_prior_equals_independent(
    case: tuple[DisclosureGame, tuple[Partition, ...]],
) -> None:
    """Paper 000, §2: a joint prior that happens to be a product gives the same outcomes as
    the independent game (message weights and posteriors agree)."""
    game, parts = case
    joint = {}
    for t in itertools.product(*(range(len(v)) for v in game.values)):
        p = F(1)
        for j, i in enumerate(t):
            p *= game.priors[j][i]
        joint[t] = p
    corr = DisclosureGame.correlated(game.values, joint)
    assert corr.evaluate(parts) == game.evaluate(parts)


@settings(max_examples=15)
@given(games())
def test_interim_utilities_average_to_ex_ante(
    case: tuple[DisclosureGame, tuple[Partition, ...]],
) -> None:
    """Paper 000, §3.3: the prior-weighted interim utilities of a buyer add up to her
    ex-ante utility."""
    game, parts = case
    o = game.evaluate(parts)
    interim = game.interim_utilities(parts)
    for j, row in enumerate(interim):
        total = sum((p * u for p, u in zip(game.priors[j], row) if u is not None), F(0))
        assert total == o.utilities[j]


def test_interim_ic_lp_is_a_relaxation() -> None:
    """Paper 000, §3.1: dropping to interim IC can only raise revenue; on the paper's
    examples both readings give the same revenue and max buyer surplus (the paper's claim
    that the constrained LP is equivalent in value and surplus)."""
    cases = [
        ([[(3, 4), (4, 9)]], [["1/2", "1/2"]]),
        ([[1, 2, 3]] * 2, [["1/4", "1/4", "1/2"]] * 2),
        ([[1, 2, 3], [2, 3]], [["1/4", "1/4", "1/2"], ["1/3", "2/3"]]),
    ]
    for values, prior in cases:
        a = optimal_mechanism(values, prior)
        b = optimal_mechanism(values, prior, ic="interim")
        assert (a.revenue, a.buyer_surplus) == (b.revenue, b.buyer_surplus)
        lp = build_mechanism_lp(values, prior, ic="interim")
        assert check_mechanism(lp, a.allocation, a.payments).feasible


@settings(max_examples=60)
@given(one_buyer_instances(max_size=5), st.data())
def test_optimal_prices_are_values_in_the_message(
    inst: tuple[list[Fraction], list[Fraction]], data: st.DataObject
) -> None:
    """Paper 000, Appendix A (membership in NP): "a price not equal to v_i for some i ∈ P
    cannot be optimal". Every price strictly between, below or above the block's values earns
    strictly less than the seller's optimum."""
    from exactmech.papers.disclosure import price_revenue

    values, probs = inst
    part = data.draw(partitions_of(len(values)))
    block = data.draw(st.sampled_from(part))
    best = seller_prices(values, probs, block)
    vs = sorted(values[i] for i in block)
    others = [vs[0] / 2, vs[-1] + 1] + [(a + b) / 2 for a, b in itertools.pairwise(vs)]
    assert all(p in vs for p in best.prices)
    for p in others:
        assert price_revenue(values, probs, block, p) < best.revenue
