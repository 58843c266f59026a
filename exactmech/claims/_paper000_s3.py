"""Paper 000 claims: §3.2, §3.3 and footnote 3.

Registered through :mod:`exactmech.claims.paper000`; ``claim`` builds a ``000.*`` claim.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from functools import cache
from typing import Any

from exactmech.auctions import Mechanism, optimal_mechanism
from exactmech.claims.core import Claim, Erratum
from exactmech.numbers import Q
from exactmech.papers.disclosure import (
    EXAMPLE_1,
    EXAMPLE_2,
    FOOTNOTE_3,
    SECTION_3_3,
    Partition,
    efficiency_transform,
    equilibrium,
    example_1_menu,
    example_1_table,
    example_1_types,
    example_2_menu,
    example_2_table,
    example_2_types,
    interim_rule,
    optimal_face,
    section_3_3_interim_prices,
    section_3_3_printed_mechanism,
    section_3_3_table,
    seller_prices,
    symmetrize,
)

__all__ = ["CLAIMS", "claim"]

F = Fraction
ND3: Partition = ((0, 1, 2),)
SPLIT: Partition = ((0,), (1, 2))


def claim(
    cid: str,
    location: str,
    statement: str,
    expected: Any,
    compute: Callable[[], Any],
    erratum: Erratum | None = None,
) -> Claim:
    return Claim(f"000.{cid}", "000", location, statement, expected, compute, erratum)


# -- §3.2 ------------------------------------------------------------------------------------


def _one_buyer(instance: Any) -> tuple[list[Any], list[Any]]:
    return [list(instance.values[0])], [list(instance.priors[0])]


@cache
def ex1() -> Mechanism:
    return EXAMPLE_1.game().mechanism([(0, 1)])


def _good_sold(mech: Mechanism, k: int) -> Fraction:
    return sum((r.probability * r.allocation[k] for r in interim_rule(mech)), F(0))


def _ex1_full_efficient() -> bool:
    """Full disclosure sells both goods to every type (welfare = E[v_1 + v_2])."""
    row = next(r for r in example_1_table() if r.partition == ((0,), (1,)))
    values, priors = EXAMPLE_1.values[0], EXAMPLE_1.priors[0]
    total = sum((p * (a + b) for (a, b), p in zip(values, priors)), F(0))
    return row.welfare == total and row.always_sell_surplus == 0


def _ex1_nd_best() -> bool:
    rows = example_1_table()
    nd = rows[0]
    return nd.partition == ((0, 1),) and all(r.surplus_max < nd.surplus_max for r in rows[1:])


def _ex2_marginals() -> tuple[Fraction, Fraction]:
    """P(value for good 1 is 56), P(value for good 2 is 38)."""
    vals, probs = EXAMPLE_2.values[0], EXAMPLE_2.priors[0]
    p1 = sum((p for v, p in zip(vals, probs) if v[0] == 56), F(0))
    p2 = sum((p for v, p in zip(vals, probs) if v[1] == 38), F(0))
    return p1, p2


def _ex2_independent() -> bool:
    vals, probs = EXAMPLE_2.values[0], EXAMPLE_2.priors[0]
    p = dict(zip(vals, probs))
    m1 = {a: sum((q for (x, _), q in p.items() if x == a), F(0)) for a, _ in vals}
    m2 = {b: sum((q for (_, y), q in p.items() if y == b), F(0)) for _, b in vals}
    return all(p[(a, b)] == m1[a] * m2[b] for a, b in vals)


def _ex2_max_probability() -> Fraction:
    """Largest q at which types 3 and 4 weakly prefer 'both goods' to '(q, 1)'."""
    menu = example_2_menu()
    random_price = next(r.price for r in menu if r.bundle[0] < 1)
    both_price = next(r.price for r in menu if all(q == 1 for q in r.bundle))
    # v1 + v2 − both >= q v1 + v2 − random  <=>  q <= (v1 − both + random) / v1
    return min(
        (Q(v[0]) - both_price + random_price) / Q(v[0])
        for v in (EXAMPLE_2.values[0][i] for i in (2, 3))
    )


def _ex2_alternatives_lower() -> bool:
    rows = example_2_table()
    nd = next(r for r in rows if r.partition == ((0, 1, 2, 3),))
    return all(
        r.always_sell_surplus is None or r.always_sell_surplus < nd.surplus_max
        for r in rows
        if r is not nd
    )


def _always_sell_zero(rows: list[Any]) -> bool:
    feasible = [r.always_sell_surplus for r in rows if r.always_sell_surplus is not None]
    return bool(feasible) and all(u == 0 for u in feasible)


# -- §3.3 ------------------------------------------------------------------------------------


@cache
def s33() -> Mechanism:
    return SECTION_3_3.game().mechanism([(0, 1, 2), (0, 1, 2)])


def _unsold(mech: Mechanism) -> Fraction:
    return sum(
        (p * (1 - sum(q[0] for q in mech.allocation[t])) for t, p in mech.lp.prior.items()),
        F(0),
    )


def _prices(case: str) -> dict[Fraction, Fraction | None]:
    return {r.value: r.unit_price for r in section_3_3_interim_prices() if r.case == case}


def _win(case: str, buyer: int, value: int) -> Fraction:
    return next(
        r.win_probability
        for r in section_3_3_interim_prices()
        if r.case == case and r.buyer == buyer and r.value == value
    )


def _conditional_on_some_3(mech: Mechanism) -> tuple[Fraction, Fraction]:
    """P(some buyer has the highest type) and the buyer surplus conditional on it."""
    top = len(mech.lp.types[0]) - 1
    prob = sum((p for t, p in mech.lp.prior.items() if top in t), F(0))
    surplus = F(0)
    for t, p in mech.lp.prior.items():
        if top in t:
            for j in range(mech.lp.buyers):
                v = mech.lp.types[j][t[j]][0]
                surplus += p * (v * mech.allocation[t][j][0] - mech.payments[t][j])
    return prob, surplus / prob


def _pair(a: Partition, b: Partition) -> Any:
    return next(r for r in section_3_3_table() if r.partitions == (a, b))


def _max_welfare_33() -> Fraction:
    return max(r.welfare for r in section_3_3_table())


def _no_disclosure_strictly_best() -> bool:
    rows = section_3_3_table()
    best = _pair(ND3, ND3).surplus_max
    return all(r.surplus_max < best for r in rows if r.partitions != (ND3, ND3))


def _theorem31_buyers() -> bool:
    best = _pair(ND3, ND3).surplus_max
    return all(
        r.always_sell_surplus is None or r.always_sell_surplus < best for r in section_3_3_table()
    )


def _constrained_equivalent() -> bool:
    """§3.1: ex-post IC/IR gives the same revenue and buyer surplus as the interim relaxation."""
    for inst in (EXAMPLE_1, EXAMPLE_2, SECTION_3_3, FOOTNOTE_3):
        values, priors = [list(v) for v in inst.values], [list(p) for p in inst.priors]
        outcomes = {
            (m.revenue, m.buyer_surplus)
            for m in (
                optimal_mechanism(values, priors, ic=ic, ir=ir)
                for ic in ("ex-post", "interim")
                for ir in ("ex-post", "interim")
            )
        }
        if len(outcomes) != 1:
            return False
    return True


def _printed_mechanism_optimal() -> bool:
    chk = section_3_3_printed_mechanism("interim")
    lp = optimal_mechanism([[1, 2, 3]] * 2, [list(SECTION_3_3.priors[0])] * 2, ic="interim")
    return chk.feasible and chk.revenue == lp.revenue and chk.buyer_surplus == lp.buyer_surplus


def _value1_over_value2() -> bool:
    """Messages {1} and {2, 3}: at values (1, 2) the good goes to the value-1 buyer."""
    mech = SECTION_3_3.game().mechanism([(0,), (1, 2)])
    return mech.allocation[(0, 0)][0] == (F(1),)


def _split_profile_probability() -> Fraction:
    g = SECTION_3_3.game()
    return next(w for w, blocks in g.message_profiles([SPLIT, SPLIT]) if blocks == ((1, 2), (1, 2)))


# one-buyer version of §3.3's prior (the Efficiency Lemma paragraph)
V33, P33 = [1, 2, 3], ["1/4", "1/4", "1/2"]


def _lemma21_partition() -> Partition:
    return efficiency_transform(equilibrium(V33, P33, [[0, 1, 2]])).partition


def _lemma21_no_loss() -> bool:
    eq = equilibrium(V33, P33, [[0, 1, 2]])
    new = efficiency_transform(eq)
    return new.efficient and new.type_utilities() == eq.type_utilities()


# -- footnote 3 --------------------------------------------------------------------------------


@cache
def fn3_nd() -> Mechanism:
    return symmetrize(FOOTNOTE_3.game().mechanism([(0, 1, 2), (0, 1, 2)]))


@cache
def fn3_low() -> Mechanism:
    return symmetrize(FOOTNOTE_3.game().mechanism([(0, 1), (0, 1)]))


def _fn3_nd_rule() -> tuple[Fraction, Fraction, Fraction | None]:
    rows = interim_rule(fn3_nd())
    return rows[0].allocation[0], rows[1].allocation[0], rows[2].unit_price


def _fn3_low_posterior() -> tuple[Fraction, ...]:
    return tuple(r.probability for r in interim_rule(fn3_low()))


def _fn3_low_revenue() -> Fraction:
    rev = fn3_low().revenue
    assert rev is not None
    return rev


def _fn3_low_lowest_price() -> Fraction | None:
    return interim_rule(fn3_low())[0].unit_price


def _fn3_low_gain() -> bool:
    """Values (2, 1) after both announce low: the value-2 buyer's utility is positive."""
    mech = fn3_low()
    u = 2 * mech.allocation[(1, 0)][0][0] - mech.payments[(1, 0)][0]
    return u > 0


def _fn3_pareto() -> bool:
    g = FOOTNOTE_3.game()
    before = g.interim_utilities([ND3, ND3], symmetric=True)
    after = g.interim_utilities([((0, 1), (2,))] * 2, symmetric=True)
    pairs = [(a, b) for ra, rb in zip(before, after) for a, b in zip(ra, rb)]
    assert all(a is not None and b is not None for a, b in pairs)
    return all(b >= a for a, b in pairs if a is not None and b is not None) and all(
        any(b is not None and a is not None and b > a for a, b in zip(ra, rb))
        for ra, rb in zip(before, after)
    )


_FN3_ERRATUM = Erratum(
    F(3, 2),
    "Footnote 3 says that when both buyers announce {1, 2} (each value w.p. 1/2) 'the optimal "
    "selling mechanism is a second price auction with reserve price 1'. That auction earns "
    "1/4·(1 + 1 + 1 + 2) = 5/4, but the optimal revenue is 3/2: the discrete virtual values "
    "are φ(1) = 0 and φ(2) = 2, so the expected virtual surplus is at most 3/2 and Myerson's "
    "auction attains it (there a value-2 buyer facing a value-1 buyer pays the threshold 3/2, "
    "not 1). Other mechanisms are optimal too (a posted price of 2; asymmetric ones), but no "
    "second-price auction with any reserve is. The footnote's conclusion survives at the "
    "max-surplus end of the optimal face (the paper's tie rule): the value-2 buyer against a "
    "value-1 buyer gets positive utility. Confirmed independently by Myerson's auction with "
    "ironing (myerson_discrete), the second-price auction evaluator at every reserve "
    "(test_erratum_footnote3_second_price_reserve_1_not_optimal), and by an outside referee's "
    "plain-Fraction recomputation of the §3.1 LP.",
)


CLAIMS: list[Claim] = [
    # §3.2, example 1 --------------------------------------------------------------------
    claim(
        "s3.1.constrained-equivalent",
        "§3.1",
        "the ex-post IC/IR LP has the same optimal value and buyer surplus as the version that "
        "allows ex-post violations (interim IC/IR), on every prior of §3 and footnote 3",
        True,
        _constrained_equivalent,
    ),
    claim(
        "s3.2.ex1.menu",
        "§3.2, first table",
        "one buyer, two goods (types (3,4),(4,9)): optimal menu {good 1 at 3, both at 12}",
        (((F(1), F(0)), F(3)), ((F(1), F(1)), F(12))),
        lambda: tuple((r.bundle, r.price) for r in example_1_menu()),
    ),
    claim(
        "s3.2.ex1.unique",
        "§3.2",
        "the no-disclosure optimal mechanism of the first example is unique",
        True,
        lambda: optimal_face(*_one_buyer(EXAMPLE_1)).unique,
    ),
    claim(
        "s3.2.ex1.choices",
        "§3.2",
        "type 1 buyers purchase only good 1, type 2 buyers purchase both goods",
        ((1,), (2,)),
        lambda: tuple(r.types for r in example_1_menu()),
    ),
    claim(
        "s3.2.ex1.type2-utility",
        "§3.2",
        "type 2 buyers get utility 1 in the no-disclosure optimal mechanism",
        F(1),
        lambda: example_1_types()[1].utility,
    ),
    claim(
        "s3.2.ex1.good2-sold",
        "§3.2",
        "good 2 is sold with ex-ante probability 1/2",
        F(1, 2),
        lambda: _good_sold(ex1(), 1),
    ),
    claim(
        "s3.2.ex1.full-disclosure.surplus",
        "§3.2",
        "partition {{1},{2}}: the seller extracts all surplus, buyer utility zero",
        F(0),
        lambda: example_1_table()[1].surplus_max,
    ),
    claim(
        "s3.2.ex1.full-disclosure.efficient",
        "§3.2",
        "partition {{1},{2}} always yields an efficient outcome (both goods always sold)",
        True,
        _ex1_full_efficient,
    ),
    claim(
        "s3.2.ex1.no-disclosure-best",
        "§3.2",
        "{{1,2}} (no disclosure) is the best partition for the buyer though good 2 goes unsold",
        True,
        _ex1_nd_best,
    ),
    claim(
        "s3.2.ex1.always-sell-zero",
        "§3.2, Theorem 3.1",
        "two goods: every equilibrium that always sells both goods gives the buyer zero",
        True,
        lambda: _always_sell_zero(example_1_table()),
    ),
    # §3.2, example 2 --------------------------------------------------------------------
    claim(
        "s3.2.ex2.marginals",
        "§3.2, second table",
        "probabilities 0.15·0.4, …: P(value 56 for good 1) = 0.15, P(value 38 for good 2) = 0.4",
        (Q("0.15"), Q("0.4")),
        _ex2_marginals,
    ),
    claim(
        "s3.2.ex2.independent",
        "§3.2, second table",
        "the values for the two goods are independent",
        True,
        _ex2_independent,
    ),
    claim(
        "s3.2.ex2.menu",
        "§3.2, second table",
        "independent goods, 4 types: menu {(good 1 w.p. 31/35, good 2) at 118.6, both at 129}",
        (((F(31, 35), F(1)), Q("118.6")), ((F(1), F(1)), F(129))),
        lambda: tuple((r.bundle, r.price) for r in example_2_menu()),
    ),
    claim(
        "s3.2.ex2.unique",
        "§3.2",
        "the optimal mechanism of the second example is unique",
        True,
        lambda: optimal_face(*_one_buyer(EXAMPLE_2)).unique,
    ),
    claim(
        "s3.2.ex2.allocations",
        "§3.2",
        "type 1 buys nothing, type 2 the randomized bundle, types 3 and 4 both goods",
        ((F(0), F(0)), (F(31, 35), F(1)), (F(1), F(1)), (F(1), F(1))),
        lambda: tuple(r.allocation for r in example_2_types()),
    ),
    claim(
        "s3.2.ex2.payments",
        "§3.2",
        "payments by type: 0, 118.6, 129, 129",
        (F(0), Q("118.6"), F(129), F(129)),
        lambda: tuple(r.payment for r in example_2_types()),
    ),
    claim(
        "s3.2.ex2.max-probability",
        "§3.2",
        "31/35 is the largest probability at which types 3 and 4 weakly prefer both goods",
        F(31, 35),
        _ex2_max_probability,
    ),
    claim(
        "s3.2.ex2.type4-only",
        "§3.2",
        "only type 4 gets nonzero utility",
        True,
        lambda: (lambda u: all(x == 0 for x in u[:3]) and u[3] > 0)(
            [r.utility for r in example_2_types()]
        ),
    ),
    claim(
        "s3.2.ex2.alternatives.count",
        "§3.2",
        "there are 14 alternative partitions of {1,2,3,4}",
        14,
        lambda: len(example_2_table()) - 1,
    ),
    claim(
        "s3.2.ex2.alternatives",
        "§3.2, Theorem 3.1",
        "every other partition (14), in any equilibrium that always sells both goods, gives "
        "strictly lower buyer utility",
        True,
        _ex2_alternatives_lower,
    ),
    claim(
        "s3.2.ex2.always-sell-zero",
        "§1.1 and Theorem 3.1",
        "multiple goods: the only always-sell outcome gives the buyer zero ('only at A')",
        True,
        lambda: _always_sell_zero(example_2_table()),
    ),
    claim(
        "s3.2.ex2.no-disclosure-not-always-sold",
        "§3.2",
        "no disclosure sometimes leaves a good unsold (no always-sell optimal mechanism)",
        True,
        lambda: example_2_table()[0].always_sell_surplus is None,
    ),
    # §3.3 ---------------------------------------------------------------------------------
    claim(
        "s3.3.no-disclosure.prices",
        "§3.3",
        "no disclosure: a winning bidder of 3 pays 2.5, a winning bidder of 2 pays 2 "
        "(interim price per unit won)",
        (F(2), F(5, 2)),
        lambda: (lambda p: (p[F(2)], p[F(3)]))(_prices("{1,2,3} × {1,2,3}")),
    ),
    claim(
        "s3.3.no-disclosure.type1-unsold",
        "§3.3",
        "no disclosure: a bidder of 1 never gets the good",
        F(0),
        lambda: _win("{1,2,3} × {1,2,3}", 0, 1),
    ),
    claim(
        "s3.3.no-disclosure.printed-optimal",
        "§3.3",
        "the printed mechanism (flat prices 2.5 and 2, random ties) is revenue-optimal "
        "(interim IC reading) with the LP's buyer surplus",
        True,
        _printed_mechanism_optimal,
    ),
    claim(
        "s3.3.no-disclosure.surplus",
        "§3.3",
        "two i.i.d. buyers on {1,2,3} w.p. (1/4,1/4,1/2): buyer surplus without disclosure",
        F(3, 8),
        lambda: s33().buyer_surplus,
    ),
    claim(
        "s3.3.no-disclosure.decomposition",
        "§3.3",
        "3/8 = 3/4 · 1/2: some buyer has type 3 w.p. 3/4, then the buyer surplus is 1/2",
        (F(3, 4), F(1, 2)),
        lambda: _conditional_on_some_3(s33()),
    ),
    claim(
        "s3.3.no-disclosure.unsold",
        "§3.3",
        "the good is not sold 1/16 of the time (both buyers of type 1)",
        F(1, 16),
        lambda: _unsold(s33()),
    ),
    claim(
        "s3.3.one-buyer.efficiency-lemma-partition",
        "§3.3 and Lemma 2.1",
        "one buyer: the Efficiency Lemma construction from no disclosure is {{1},{2,3}}",
        ((0,), (1, 2)),
        _lemma21_partition,
    ),
    claim(
        "s3.3.one-buyer.message1-price",
        "§3.3",
        "one buyer: after the message {1} the seller sells for a price of 1",
        F(1),
        lambda: seller_prices(V33, P33, [0]).price,
    ),
    claim(
        "s3.3.one-buyer.no-loss",
        "§3.3 and Lemma 2.1",
        "one buyer: efficiency is regained with no loss to any type's utility",
        True,
        _lemma21_no_loss,
    ),
    claim(
        "s3.3.split.both-high.prices",
        "§3.3",
        "both send {2,3}: same mechanism except a bidder of 3 pays 2.75 instead of 2.5",
        (F(2), F(11, 4)),
        lambda: (lambda p: (p[F(2)], p[F(3)]))(_prices("{2,3} × {2,3}")),
    ),
    claim(
        "s3.3.split.both-high.decomposition",
        "§3.3",
        "both send {2,3}: some type 3 w.p. 8/9, then the buyer surplus is 1/4",
        (F(8, 9), F(1, 4)),
        lambda: _conditional_on_some_3(SECTION_3_3.game().mechanism([(1, 2), (1, 2)])),
    ),
    claim(
        "s3.3.split.both-high.surplus",
        "§3.3",
        "both buyers send {2,3}: buyer surplus 8/9 · 1/4 (conditional)",
        F(2, 9),
        lambda: SECTION_3_3.game().mechanism([(1, 2), (1, 2)]).buyer_surplus,
    ),
    claim(
        "s3.3.split.mixed.prices",
        "§3.3",
        "messages {1} and {2,3}: the seller sells to the second buyer only at 3 (a bidder of 2 "
        "never wins; win probability, price)",
        (F(0), F(3)),
        lambda: (_win("{1} × {2,3}", 1, 2), _prices("{1} × {2,3}")[F(3)]),
    ),
    claim(
        "s3.3.split.mixed.surplus",
        "§3.3",
        "one buyer sends {1}, the other {2,3}: buyer surplus is zero",
        F(0),
        lambda: SECTION_3_3.game().mechanism([(0,), (1, 2)]).buyer_surplus,
    ),
    claim(
        "s3.3.split.mixed.value1-over-value2",
        "§3.3",
        "messages {1} and {2,3}: the good may go to a buyer of value 1 over one of value 2",
        True,
        _value1_over_value2,
    ),
    claim(
        "s3.3.split.both-high.probability",
        "§3.3",
        "both using {{1},{2,3}}: both send {2,3} with probability 3/4 · 3/4",
        F(3, 4) * F(3, 4),
        _split_profile_probability,
    ),
    claim(
        "s3.3.split.both.surplus",
        "§3.3",
        "both buyers use {{1},{2,3}}: buyer surplus 3/4 · 3/4 · 2/9",
        F(1, 8),
        lambda: _pair(SPLIT, SPLIT).surplus_max,
    ),
    claim(
        "s3.3.split.both.less-efficient",
        "§3.3",
        "both using {{1},{2,3}}: welfare falls below the no-disclosure welfare",
        True,
        lambda: _pair(SPLIT, SPLIT).welfare < _pair(ND3, ND3).welfare,
    ),
    claim(
        "s3.3.split.both.still-inefficient",
        "§3.3",
        "both using {{1},{2,3}} still does not resolve the inefficiency",
        True,
        lambda: _pair(SPLIT, SPLIT).welfare < _max_welfare_33(),
    ),
    claim(
        "s3.3.split.one.same-welfare",
        "§3.3",
        "one buyer uses {{1},{2,3}}: same welfare, lower buyer surplus",
        True,
        lambda: (lambda a, b: a.welfare == b.welfare and a.surplus_max < b.surplus_max)(
            _pair(SPLIT, ND3), _pair(ND3, ND3)
        ),
    ),
    claim(
        "s3.3.split.one.inefficient",
        "§3.3",
        "one buyer uses {{1},{2,3}}: the equilibrium is still inefficient",
        True,
        lambda: _pair(SPLIT, ND3).welfare < _max_welfare_33(),
    ),
    claim(
        "s3.3.pairs.count",
        "§3.3, last paragraph",
        "all pairs of partitions of {1,2,3}: 25",
        25,
        lambda: len(section_3_3_table()),
    ),
    claim(
        "s3.3.no-disclosure.best",
        "§3.3, last paragraph",
        "over all 25 pairs of partitions of {1,2,3}, no disclosure gives strictly the most surplus",
        True,
        _no_disclosure_strictly_best,
    ),
    claim(
        "s3.3.theorem3.1",
        "§3.3, Theorem 3.1",
        "two buyers: every equilibrium that always sells gives strictly less than 3/8",
        True,
        _theorem31_buyers,
    ),
    # footnote 3 ---------------------------------------------------------------------------
    claim(
        "fn3.no-disclosure.sells-at-1000",
        "footnote 3",
        "no disclosure: the optimal mechanism only sells at a price of 1000 (values 1 and 2 never "
        "win; unit price 1000)",
        (F(0), F(0), F(1000)),
        _fn3_nd_rule,
    ),
    claim(
        "fn3.no-disclosure.surplus",
        "footnote 3",
        "no disclosure: buyers never receive positive utility",
        F(0),
        lambda: optimal_face([[1, 2, 1000]] * 2, [list(FOOTNOTE_3.priors[0])] * 2).surplus_range[1],
    ),
    claim(
        "fn3.low.posterior",
        "footnote 3",
        "both announce low: each buyer has value 1 or 2 with probability 1/2",
        (F(1, 2), F(1, 2)),
        _fn3_low_posterior,
    ),
    claim(
        "fn3.low.revenue",
        "footnote 3",
        "both announce low: the optimal mechanism is a second-price auction with reserve 1, "
        "so the optimal revenue is that auction's revenue, 5/4 (the paper names the auction; "
        "5/4 is its revenue, not a printed number)",
        F(5, 4),
        _fn3_low_revenue,
        _FN3_ERRATUM,
    ),
    claim(
        "fn3.low.lowest-price",
        "footnote 3",
        "both announce low: the good is sold down to price 1 (a value-1 buyer wins at 1)",
        F(1),
        _fn3_low_lowest_price,
    ),
    claim(
        "fn3.low.value2-gains",
        "footnote 3",
        "values 2 and 1 after both announce low: the value-2 buyer gets positive utility",
        True,
        _fn3_low_gain,
    ),
    claim(
        "fn3.pareto",
        "footnote 3",
        "both buyers Pareto improve in interim utility by announcing low/high",
        True,
        _fn3_pareto,
    ),
]
