"""Claims of paper 000, "Can Buyers Reveal for a Better Deal?" (§3: the optimal-mechanism LP).

Every value is recomputed with :func:`exactmech.auctions.optimal_mechanism` under the
paper's tie rule (maximise buyer surplus among revenue-optimal mechanisms, §3.1).
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

from exactmech.auctions import Mechanism, myerson_uniform, optimal_mechanism
from exactmech.claims.core import Claim
from exactmech.dist import Uniform
from exactmech.numbers import Q
from exactmech.papers.disclosure import DisclosureGame, Partition

__all__ = ["CLAIMS"]

F = Fraction

EX1_VALUES = [[(3, 4), (4, 9)]]
EX1_PRIOR = [["1/2", "1/2"]]
# §3.2, second table: probabilities 0.15·0.4, 0.15·0.6, 0.85·0.4, 0.85·0.6
EX2_VALUES = [[(56, 38), (56, 69), (91, 38), (91, 69)]]
EX2_PRIOR = [
    [Q("0.15") * Q("0.4"), Q("0.15") * Q("0.6"), Q("0.85") * Q("0.4"), Q("0.85") * Q("0.6")]
]
S33_VALUES = [[1, 2, 3], [1, 2, 3]]
S33_PRIOR = [["1/4", "1/4", "1/2"]] * 2


@cache
def ex1() -> Mechanism:
    return optimal_mechanism(EX1_VALUES, EX1_PRIOR)


@cache
def ex2() -> Mechanism:
    return optimal_mechanism(EX2_VALUES, EX2_PRIOR)


@cache
def s33() -> Mechanism:
    return optimal_mechanism(S33_VALUES, S33_PRIOR)


def _type_utility(mech: Mechanism, i: int) -> Fraction:
    v = mech.lp.types[0][i]
    bundle, price = mech.allocation[(i,)][0], mech.payments[(i,)][0]
    return sum((a * b for a, b in zip(v, bundle)), F(0)) - price


def _unsold(mech: Mechanism) -> Fraction:
    return sum(
        (p * (1 - sum(q[0] for q in mech.allocation[t])) for t, p in mech.lp.prior.items()),
        F(0),
    )


@cache
def game33() -> DisclosureGame:
    return DisclosureGame(S33_VALUES, S33_PRIOR)


ND3: Partition = ((0, 1, 2),)
SPLIT: Partition = ((0,), (1, 2))


def _no_disclosure_strictly_best() -> bool:
    outcomes = game33().all_profiles()
    best = outcomes[(ND3, ND3)].surplus_max
    return all(o.surplus_max < best for parts, o in outcomes.items() if parts != (ND3, ND3))


def _theorem31_ex2() -> bool:
    g = DisclosureGame(EX2_VALUES, EX2_PRIOR)
    table = g.all_profiles()
    nd = table[(((0, 1, 2, 3),),)].surplus_max
    others = [o for parts, o in table.items() if parts != (((0, 1, 2, 3),),)]
    return len(others) == 14 and all(
        o.always_sell_surplus is None or o.always_sell_surplus < nd for o in others
    )


def _only_type4(mech: Mechanism) -> bool:
    utils = [_type_utility(mech, i) for i in range(4)]
    return utils[:3] == [0, 0, 0] and utils[3] > 0


def _surplus(*buyers: Uniform) -> Fraction:
    """Expected buyer surplus of Myerson's auction given interval posteriors (paper 000, §4)."""
    return myerson_uniform(list(buyers)).consumer_surplus


LOW, HIGH, ALL = Uniform(0, "1/2"), Uniform("1/2", 1), Uniform(0, 1)


def _high_low_total() -> Fraction:
    """§4.1, Fig. 3b: both buyers reveal whether v >= 1/2; each quadrant has probability 1/4."""
    quads = [(LOW, LOW), (LOW, HIGH), (HIGH, LOW), (HIGH, HIGH)]
    return sum((F(1, 4) * _surplus(a, b) for a, b in quads), F(0))


CLAIMS = [
    Claim(
        "000.s3.2.ex1.menu",
        "000",
        "§3.2, first table",
        "one buyer, two goods (types (3,4),(4,9)): optimal menu {good 1 at 3, both at 12}",
        (((F(1), F(0)), F(3)), ((F(1), F(1)), F(12))),
        lambda: tuple(ex1().menu()),
    ),
    Claim(
        "000.s3.2.ex1.type2-utility",
        "000",
        "§3.2",
        "type 2 buyers get utility 1 in the no-disclosure optimal mechanism",
        F(1),
        lambda: _type_utility(ex1(), 1),
    ),
    Claim(
        "000.s3.2.ex1.good2-sold",
        "000",
        "§3.2",
        "good 2 is sold with ex-ante probability 1/2",
        F(1, 2),
        lambda: sum((p * ex1().allocation[t][0][1] for t, p in ex1().lp.prior.items()), F(0)),
    ),
    Claim(
        "000.s3.2.ex2.menu",
        "000",
        "§3.2, second table",
        "independent goods, 4 types: menu {(good 1 w.p. 31/35, good 2) at 118.6, both at 129}",
        (((F(31, 35), F(1)), Q("118.6")), ((F(1), F(1)), F(129))),
        lambda: tuple(ex2().menu()),
    ),
    Claim(
        "000.s3.2.ex2.type4-only",
        "000",
        "§3.2",
        "only type 4 gets nonzero utility",
        True,
        lambda: _only_type4(ex2()),
    ),
    Claim(
        "000.s3.3.no-disclosure.surplus",
        "000",
        "§3.3",
        "two i.i.d. buyers on {1,2,3} w.p. (1/4,1/4,1/2): buyer surplus without disclosure",
        F(3, 8),
        lambda: s33().buyer_surplus,
    ),
    Claim(
        "000.s3.3.no-disclosure.unsold",
        "000",
        "§3.3",
        "the good is not sold 1/16 of the time (both buyers of type 1)",
        F(1, 16),
        lambda: _unsold(s33()),
    ),
    Claim(
        "000.s4.1.no-disclosure.surplus",
        "000",
        "§4.1, Fig. 3a",
        "two U[0,1] buyers, no disclosure: expected buyer surplus",
        F(1, 6),
        lambda: _surplus(ALL, ALL),
    ),
    Claim(
        "000.s4.1.high-low.both-low",
        "000",
        "§4.1",
        "both values below 1/2: buyer surplus 1/2 · 1/6 (conditional)",
        F(1, 12),
        lambda: _surplus(LOW, LOW),
    ),
    Claim(
        "000.s4.1.high-low.both-high",
        "000",
        "§4.1",
        "both values at least 1/2: buyer surplus (conditional)",
        F(1, 6),
        lambda: _surplus(HIGH, HIGH),
    ),
    Claim(
        "000.s4.1.high-low.mixed",
        "000",
        "§4.1, three integrals",
        "v_A in [0,1/2], v_B in [1/2,1]: the three integrals (unnormalised) sum to 5/96",
        F(5, 96),
        lambda: F(1, 4) * _surplus(LOW, HIGH),
    ),
    Claim(
        "000.s4.1.high-low.total",
        "000",
        "§4.1, Fig. 3b",
        "high/low disclosure by both buyers: expected buyer surplus",
        F(1, 6),
        _high_low_total,
    ),
    Claim(
        "000.s3.3.split.both-high.surplus",
        "000",
        "§3.3",
        "both buyers send {2,3}: buyer surplus 8/9 · 1/4 (conditional)",
        F(2, 9),
        lambda: game33().mechanism(((1, 2), (1, 2))).buyer_surplus,
    ),
    Claim(
        "000.s3.3.split.mixed.surplus",
        "000",
        "§3.3",
        "one buyer sends {1}, the other {2,3}: buyer surplus is zero",
        F(0),
        lambda: game33().mechanism(((0,), (1, 2))).buyer_surplus,
    ),
    Claim(
        "000.s3.3.split.both.surplus",
        "000",
        "§3.3",
        "both buyers use {{1},{2,3}}: buyer surplus 3/4 · 3/4 · 2/9",
        F(1, 8),
        lambda: game33().evaluate([SPLIT, SPLIT]).surplus_max,
    ),
    Claim(
        "000.s3.3.split.both.less-efficient",
        "000",
        "§3.3",
        "both using {{1},{2,3}}: welfare falls below the no-disclosure welfare",
        True,
        lambda: game33().evaluate([SPLIT, SPLIT]).welfare < game33().evaluate([ND3, ND3]).welfare,
    ),
    Claim(
        "000.s3.3.split.one.same-welfare",
        "000",
        "§3.3",
        "one buyer uses {{1},{2,3}}: same welfare, lower buyer surplus",
        True,
        lambda: (lambda a, b: a.welfare == b.welfare and a.surplus_max < b.surplus_max)(
            game33().evaluate([SPLIT, ND3]), game33().evaluate([ND3, ND3])
        ),
    ),
    Claim(
        "000.s3.3.no-disclosure.best",
        "000",
        "§3.3, last paragraph",
        "over all 25 pairs of partitions of {1,2,3}, no disclosure gives strictly the most surplus",
        True,
        _no_disclosure_strictly_best,
    ),
    Claim(
        "000.s3.2.ex2.alternatives",
        "000",
        "§3.2, Theorem 3.1",
        "every other partition (14) that always sells both goods gives strictly lower utility",
        True,
        _theorem31_ex2,
    ),
]
