"""Paper 000 claims: §5, Appendices A and B, and §4.1.

Registered through :mod:`exactmech.claims.paper000`.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from functools import cache
from typing import Any

import sympy

from exactmech.auctions import myerson_uniform
from exactmech.claims._paper000_s3 import claim
from exactmech.claims.core import Claim, Erratum
from exactmech.dist import Uniform
from exactmech.papers.disclosure import (
    algorithm_1,
    appendix_a_identities,
    best_connected_partition,
    buyer_opt,
    equilibrium,
    partition_reduction,
    partition_utility,
    price_revenue,
    proposition_5_3,
    proposition_5_3_family,
    seller_prices,
    set_partitions,
    solve_partition,
)
from exactmech.papers.disclosure.complexity import DELTA

__all__ = ["CLAIMS"]

F = Fraction

# -- §5 and Appendix B -----------------------------------------------------------------------


@cache
def _family() -> tuple[list[Any], list[Fraction]]:
    return proposition_5_3_family()


_DOM = (DELTA, 0, 1)


def _appb_pool_probability() -> Any:
    values, probs = _family()
    return price_revenue(values, probs, [0, 2], 2 + DELTA, domain=_DOM) / (2 + DELTA)


def _appb_pool_choice() -> tuple[Any, Any]:
    values, probs = _family()
    sc = seller_prices(values, probs, [0, 2], domain=_DOM)
    return sc.prices, sc.revenue


def _appb_price2_bound() -> bool:
    values, probs = _family()
    bound = 2 * probs[1]
    blocks = [b for part in set_partitions(3) for b in part if 1 in b]
    return bound > 1 and all(
        sympy.simplify(price_revenue(values, probs, b, 2, domain=_DOM) - bound) >= 0 for b in blocks
    )


def _appb_low_types_zero() -> bool:
    """In every connected-partition equilibrium types 1 and 2 get utility 0 (δ = 1/2, 1/10)."""
    for d in ("1/2", "1/10", "99/100"):
        values, probs = proposition_5_3_family(d)
        for part in set_partitions(3):
            u = equilibrium(values, probs, part).type_utilities()
            if u[0] != 0 or u[1] != 0:
                return False
    return True


def _appb_type3_utility() -> Any:
    values, probs = _family()
    price = seller_prices(values, probs, [0, 2], domain=_DOM).price
    return sympy.factor(values[2] - price)


def _theorem51_on_family() -> bool:
    values, probs = _family()
    a = algorithm_1(values, probs, domain=_DOM).utility
    b = best_connected_partition(values, probs, domain=_DOM).utility
    return bool(sympy.simplify(a - b) == 0)


# -- Appendix A ------------------------------------------------------------------------------


def _identity(name: str) -> Callable[[], Any]:
    return lambda: next(i for i in appendix_a_identities() if i.name == name).derived


def _appendix_a_claims() -> list[Claim]:
    out = []
    S = sympy.Symbol("S", positive=True)
    for ident in appendix_a_identities():
        erratum = None
        if ident.name == "backward.upper.simplified":
            erratum = Erratum(
                S / (4 * S - 2) + S / 2,
                "Appendix A simplifies 3S/(2(6S − 3)) + 3S/6 to S/(4S − 1) + S/2, but "
                "3S/(2(6S − 3)) = 3S/(12S − 6) = S/(4S − 2). The proof's conclusion is unaffected "
                "(S/(4S − 2) < 1 for every positive integer S). Confirmed by exact rational "
                "arithmetic for S = 2..40 and by the seller's indifference point on a two-type "
                "message (tests/papers/test_disclosure_claims.py::"
                "test_erratum_appendix_a_upper_bound).",
            )
        out.append(
            claim(
                f"appA.{ident.name}",
                ident.location,
                ident.statement,
                ident.printed,
                _identity(ident.name),
                erratum,
            )
        )
    return out


def _appa_excess_below_one() -> bool:
    """S/(4S − 2) < 1 (the corrected excess) for every S >= 1, decided by sympy."""
    S = sympy.Symbol("S", positive=True)
    sol = sympy.solve_univariate_inequality(S / (4 * S - 2) < 1, S, relational=False)
    return bool(sympy.Interval(1, sympy.oo).is_subset(sol))


# -- §4.1 (kept here; §4.2–§4.3 are in paper000_continuous) ---------------------------------


def _surplus(*buyers: Uniform) -> Fraction:
    """Expected buyer surplus of Myerson's auction given interval posteriors (paper 000, §4)."""
    return myerson_uniform(list(buyers)).consumer_surplus


LOW, HIGH, ALL = Uniform(0, "1/2"), Uniform("1/2", 1), Uniform(0, 1)


def _high_low_total() -> Fraction:
    """§4.1, Fig. 2b: both buyers reveal whether v >= 1/2; each quadrant has probability 1/4."""
    quads = [(LOW, LOW), (LOW, HIGH), (HIGH, LOW), (HIGH, HIGH)]
    return sum((F(1, 4) * _surplus(a, b) for a, b in quads), F(0))


def _forward_example() -> bool:
    inst = partition_reduction([1, 1, 2])
    subset = solve_partition(inst.s)
    assert subset is not None
    u = partition_utility(inst.values, inst.probs, inst.partition_for(subset))
    return bool(u >= inst.target) and buyer_opt(inst.values, inst.probs).utility >= inst.target


CLAIMS: list[Claim] = [
    # §5.1 and Appendix B --------------------------------------------------------------------
    claim(
        "s5.1.theorem5.1.family",
        "§5.1, Theorem 5.1",
        "Algorithm 1 finds the best connected partition (Appendix B family, symbolic δ)",
        True,
        _theorem51_on_family,
    ),
    claim(
        "appB.pool.price",
        "Appendix B",
        "message {1, 2+δ}: the seller prices at 1 (revenue 1)",
        ((F(1),), F(1)),
        _appb_pool_choice,
    ),
    claim(
        "appB.pool.sale-probability",
        "Appendix B",
        "message {1, 2+δ}: price 2+δ sells with posterior probability 1/4",
        F(1, 4),
        _appb_pool_probability,
    ),
    claim(
        "appB.pool.high-revenue",
        "Appendix B",
        "message {1, 2+δ}: price 2+δ earns (2+δ)/4 < 1",
        (2 + DELTA) / 4,
        lambda: price_revenue(*_family(), [0, 2], 2 + DELTA, domain=_DOM),
    ),
    claim(
        "appB.pool.type3-utility",
        "Appendix B",
        "message {1, 2+δ}: a buyer of value 2+δ gets utility 1+δ",
        1 + DELTA,
        _appb_type3_utility,
    ),
    claim(
        "appB.general.utility",
        "Appendix B",
        "partition {{1, 2+δ}, {2}}: ex-ante buyer utility (1+δ)/9",
        (1 + DELTA) / 9,
        lambda: partition_utility(*_family(), [[0, 2], [1]], domain=_DOM),
    ),
    claim(
        "appB.general.optimum",
        "Appendix B",
        "arbitrary partitions achieve (1+δ)/9 (BUYER-OPT by brute force)",
        (1 + DELTA) / 9,
        lambda: proposition_5_3().general.utility,
    ),
    claim(
        "appB.price1-revenue",
        "Appendix B",
        "posting 1 earns expected revenue 1 whatever the message",
        True,
        lambda: all(
            price_revenue(*_family(), b, 1, domain=_DOM) == 1
            for part in set_partitions(3)
            for b in part
        ),
    ),
    claim(
        "appB.price2-bound",
        "Appendix B",
        "for any message containing 2, price 2 earns at least 5/9 · 2 > 1",
        True,
        _appb_price2_bound,
    ),
    claim(
        "appB.low-types-zero",
        "Appendix B",
        "buyers of value 1 or 2 never get positive utility",
        True,
        _appb_low_types_zero,
    ),
    claim(
        "appB.connected.optimum",
        "Appendix B",
        "every connected partition gives at most δ/9 (the best gives exactly δ/9)",
        DELTA / 9,
        lambda: proposition_5_3().connected.utility,
    ),
    claim(
        "appB.ratio",
        "Appendix B, Proposition 5.3",
        "no approximation ratio better than (1+δ)/δ",
        (1 + DELTA) / DELTA,
        lambda: proposition_5_3().ratio,
    ),
    claim(
        "appB.ratio.unbounded",
        "Appendix B, Proposition 5.3",
        "as δ → 0 the ratio grows without bound (its limit is +∞)",
        True,
        lambda: sympy.limit(proposition_5_3().ratio, DELTA, 0, "+") == sympy.oo,
    ),
    # Appendix A -----------------------------------------------------------------------------
    *_appendix_a_claims(),
    claim(
        "appA.backward.excess-below-one",
        "Appendix A, backward direction",
        "the excess term is below 1 for any positive integer S",
        True,
        _appa_excess_below_one,
    ),
    claim(
        "appA.reduction.target-forward",
        "Appendix A, forward direction",
        "S = 4, s = (1, 1, 2): the forward partition {I ∪ {n}, [m] \\ I} reaches U = S/6 − 1/12",
        True,
        _forward_example,
    ),
    # §4.1 -----------------------------------------------------------------------------------
    claim(
        "s4.1.no-disclosure.surplus",
        "§4.1, Fig. 2a",
        "two U[0,1] buyers, no disclosure: expected buyer surplus",
        F(1, 6),
        lambda: _surplus(ALL, ALL),
    ),
    claim(
        "s4.1.high-low.both-low",
        "§4.1",
        "both values below 1/2: buyer surplus 1/2 · 1/6 (conditional)",
        F(1, 12),
        lambda: _surplus(LOW, LOW),
    ),
    claim(
        "s4.1.high-low.both-high",
        "§4.1",
        "both values at least 1/2: buyer surplus (conditional)",
        F(1, 6),
        lambda: _surplus(HIGH, HIGH),
    ),
    claim(
        "s4.1.high-low.mixed",
        "§4.1, three integrals",
        "v_A in [0,1/2], v_B in [1/2,1]: the three integrals (unnormalised) sum to 5/96",
        F(5, 96),
        lambda: F(1, 4) * _surplus(LOW, HIGH),
    ),
    claim(
        "s4.1.high-low.total",
        "§4.1, Fig. 2b",
        "high/low disclosure by both buyers: expected buyer surplus",
        F(1, 6),
        _high_low_total,
    ),
]
