"""The counterexamples of Appendix E and their payoff tables (paper 004, App. E, Tables 6–7).

Each example gives simple trading procedures (posted prices, menus of offers) on the
structures of Table 3 or Table 4 at ``(s̲, b̲, s̄, b̄) = (1, 2, 3, 4)``. Here they are
recomputed from the procedures, not typed in:

* an offer is ``(q, price)`` (trade with probability ``q`` at ``price`` conditional on
  trade, so ``t = q·price``); the receiver accepts iff it does not lose; the offerer picks
  the best offer for herself from the menu for the receiver's (reported) value, or none;
  ties go to the larger ``q`` (the paper's "is willing to take" choices);
* the outcome at every state defines a :class:`DirectMechanism` on the structure; signal
  pairs of probability zero (inconsistent reports) get no trade and no payment;
* each mechanism is checked to be a direct mechanism (IC/IR of §4.1, exactly), and the
  tables list each state's payoffs next to the printed ones.

Examples: E.1 (posted prices 3 and 4 in region II: pre-assigning types to structures is
not enough), E.2 (Table 6: Table 3's structures in region III give ``TMU = 11/7 > 25/16``),
E.3 (Table 7: Table 4's structures without the overlap condition give ``19/12 > 25/16``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from exactmech.errors import InvalidProblemError
from exactmech.numbers import Q, RationalLike
from exactmech.papers.information_games.extortion import DirectMechanism, tmu
from exactmech.papers.information_games.params import TradeParams
from exactmech.papers.information_games.structures import (
    InformationStructure,
    State,
    StructureList,
    table3_structures,
    table4_structures,
)

__all__ = [
    "E1_PARAMS",
    "E2_PARAMS",
    "PRE_ASSIGNMENT",
    "PayoffRow",
    "buyer_menu_choice",
    "e1_example",
    "e2_mechanisms",
    "e3_mechanisms",
    "mechanism_from_outcomes",
    "posted_price",
    "seller_menu_choice",
    "table6",
    "table7",
]

F = Fraction
#: Appendix E.1: ``(s̲, b̲, s̄, b̄) = (1, 2, 3, 4)``, ``p_b̄ = 1/2``, ``p_s̲ = 1/4`` (region II).
E1_PARAMS = TradeParams(1, 2, 3, 4, "1/2", "1/4")
#: Appendix E.2 and E.3: ``p_b̄ = 3/4``, ``p_s̲ = 1/2`` (region III).
E2_PARAMS = TradeParams(1, 2, 3, 4, "3/4", "1/2")
#: The pre-assignment of §5.1 (0-based structure indices): ``b̄, s̄`` to ``S¹``, ``b̲, s̲`` to ``S²``.
PRE_ASSIGNMENT: dict[str, list[int]] = {"b_hi": [0], "s_hi": [0], "b_lo": [1], "s_lo": [1]}

Offer = tuple[Fraction, Fraction]
Menu = list[tuple[RationalLike, RationalLike]]


def _offers(options: Sequence[tuple[RationalLike, RationalLike]]) -> list[Offer]:
    return [(Q(q, "q", func="menu"), Q(p, "price", func="menu")) for q, p in options]


def posted_price(b: Fraction, s: Fraction, price: RationalLike) -> Offer:
    """``(q, t)`` of a posted price: trade iff ``s ≤ price ≤ b`` (ties accept, as in E.1)."""
    p = Q(price, "price", func="posted_price")
    return (F(1), p) if s <= p <= b else (F(0), F(0))


def seller_menu_choice(
    b: Fraction, s: Fraction, options: Sequence[tuple[RationalLike, RationalLike]]
) -> Offer:
    """``(q, t)`` when a seller of value ``s`` picks from ``options`` for a buyer of value ``b``.

    The buyer accepts an offer ``(q, price)`` iff ``price ≤ b``; the seller maximises
    ``q(price − s)`` over accepted offers and "no offer"; ties go to the larger ``q``.
    """
    best: tuple[Fraction, Fraction, Fraction] = (F(0), F(0), F(0))  # (payoff, q, t)
    for q, p in _offers(options):
        if p <= b:
            cand = (q * (p - s), q, q * p)
            if (cand[0], cand[1]) > (best[0], best[1]):
                best = cand
    return best[1], best[2]


def buyer_menu_choice(
    b: Fraction, s: Fraction, options: Sequence[tuple[RationalLike, RationalLike]]
) -> Offer:
    """``(q, t)`` when a buyer of value ``b`` picks from ``options`` for a seller of value ``s``.

    The seller accepts ``(q, price)`` iff ``price ≥ s``; the buyer maximises ``q(b − price)``;
    ties go to the larger ``q``.
    """
    best: tuple[Fraction, Fraction, Fraction] = (F(0), F(0), F(0))
    for q, p in _offers(options):
        if p >= s:
            cand = (q * (b - p), q, q * p)
            if (cand[0], cand[1]) > (best[0], best[1]):
                best = cand
    return best[1], best[2]


def mechanism_from_outcomes(
    S: InformationStructure, outcome: Callable[[State, Fraction, Fraction], Offer]
) -> DirectMechanism:
    """The direct mechanism with ``outcome(state, b, s)`` at each state's signal pair.

    Pairs of probability zero get ``q = t = 0``. Raises if two states with the same signal
    pair get different outcomes.
    """
    q: dict[tuple[str, str], Fraction] = {}
    t: dict[tuple[str, str], Fraction] = {}
    for st in S.states:
        key = (st.signal_b, st.signal_s)
        qv, tv = outcome(st, S.value_of("B", st.b), S.value_of("S", st.s))
        if key in q and (q[key], t[key]) != (qv, tv):
            raise InvalidProblemError(
                f"mechanism_from_outcomes(): states sharing signals {key} get different outcomes"
            )
        q[key], t[key] = qv, tv
    return DirectMechanism(S, q, t)


def _checked(m: DirectMechanism) -> DirectMechanism:
    bad = m.violations()
    if bad:  # pragma: no cover - the examples are direct mechanisms (tested)
        raise InvalidProblemError(f"not a direct mechanism on {m.structure.name!r}: {bad}")
    return m


def e1_example() -> dict[str, Fraction]:
    """Appendix E.1: posted price 3 on ``S¹`` and 4 on ``S²`` (Table 3), region II.

    Returns the four pre-assigned terms ``u_b̲(M²)``, ``u_b̄(M¹)``, ``u_s̲(M²)``, ``u_s̄(M¹)``
    and ``"sum"`` ``= p_b̲u_b̲(M²) + p_b̄u_b̄(M¹) + p_s̲u_s̲(M²) + p_s̄u_s̄(M¹)``.

    >>> e1_example()["sum"]
    Fraction(7, 8)
    """
    L = table3_structures(E1_PARAMS)
    m1 = _checked(mechanism_from_outcomes(L.structures[0], lambda st, b, s: posted_price(b, s, 3)))
    m2 = _checked(mechanism_from_outcomes(L.structures[1], lambda st, b, s: posted_price(b, s, 4)))
    out = {
        "u_b_lo(M2)": m2.type_utility("b_lo"),
        "u_b_hi(M1)": m1.type_utility("b_hi"),
        "u_s_lo(M2)": m2.type_utility("s_lo"),
        "u_s_hi(M1)": m1.type_utility("s_hi"),
    }
    out["sum"] = tmu([m1, m2], PRE_ASSIGNMENT)
    return out


def e2_mechanisms() -> tuple[DirectMechanism, DirectMechanism]:
    """Appendix E.2's ``M¹``, ``M²`` on Table 3's structures at :data:`E2_PARAMS`.

    ``M¹`` (seller informed): for a ``b̄`` buyer the seller offers trade with probability
    ``6/7`` at 3 or for sure at ``19/7``; for a ``b̲`` buyer, price 2. ``M²`` (buyer
    informed): facing ``s̲`` the buyer offers probability ``4/7`` at 2 or for sure at
    ``20/7``; facing ``s̄``, price 3.
    """
    L = table3_structures(E2_PARAMS)
    seller_menus: dict[str, Menu] = {"hi": [("6/7", 3), (1, "19/7")], "lo": [(1, 2)]}
    buyer_menus: dict[str, Menu] = {"lo": [("4/7", 2), (1, "20/7")], "hi": [(1, 3)]}
    m1 = mechanism_from_outcomes(
        L.structures[0], lambda st, b, s: seller_menu_choice(b, s, seller_menus[st.b])
    )
    m2 = mechanism_from_outcomes(
        L.structures[1], lambda st, b, s: buyer_menu_choice(b, s, buyer_menus[st.s])
    )
    return _checked(m1), _checked(m2)


def e3_mechanisms() -> tuple[DirectMechanism, DirectMechanism]:
    """Appendix E.3's non-overlapping ``M¹``, ``M²`` on Table 4's structures (λ = 1/6).

    ``M¹`` (seller informed): for a ``b̄`` buyer the seller offers probability ``8/9`` at
    ``13/4`` or a sure sale at 3; for ``b̲``, price 1. ``M²``: when the buyer is quasi-type
    ``b̄′`` the good is sold at ``17/5``; otherwise a ``s̲`` seller sells at 1 and a ``s̄``
    seller offers price 3 (taken by ``b̄`` only).
    """
    L = table4_structures(E2_PARAMS, overlapping=False)
    seller_menus: dict[str, Menu] = {"hi": [("8/9", "13/4"), (1, 3)], "lo": [(1, 1)]}

    def m2_rule(st: State, b: Fraction, s: Fraction) -> Offer:
        if st.label.startswith("hi'"):
            return posted_price(b, s, "17/5")
        return posted_price(b, s, 1 if st.s == "lo" else 3)

    m1 = mechanism_from_outcomes(
        L.structures[0], lambda st, b, s: seller_menu_choice(b, s, seller_menus[st.b])
    )
    m2 = mechanism_from_outcomes(L.structures[1], m2_rule)
    return _checked(m1), _checked(m2)


@dataclass(frozen=True)
class PayoffRow:
    """One state of a payoff table: computed payoffs and the printed ones."""

    structure: str
    state: str
    u_buyer: Fraction
    u_seller: Fraction
    printed_u_buyer: Fraction
    printed_u_seller: Fraction


_TABLE6_PRINTED: dict[str, dict[str, tuple[str, str]]] = {
    "S1": {
        "lo,hi": ("0", "0"),
        "hi,hi": ("6/7", "0"),
        "lo,lo": ("0", "1"),
        "hi,lo": ("9/7", "12/7"),
    },
    "S2": {
        "lo,hi": ("0", "0"),
        "hi,hi": ("1", "0"),
        "lo,lo": ("0", "4/7"),
        "hi,lo": ("8/7", "13/7"),
    },
}
_TABLE7_PRINTED: dict[str, dict[str, tuple[str, str]]] = {
    "S1": {"lo,hi": ("0", "0"), "hi,hi": ("2/3", "2/9"), "lo,lo": ("1", "0"), "hi,lo": ("1", "2")},
    "S2": {
        "lo,hi": ("0", "0"), "hi,hi": ("1", "0"), "hi',hi": ("3/5", "2/5"),
        "lo,lo": ("1", "0"), "hi,lo": ("3", "0"), "hi',lo": ("3/5", "12/5"),
    },
}  # fmt: skip


def _rows(
    mechs: Sequence[DirectMechanism], printed: Mapping[str, Mapping[str, tuple[str, str]]]
) -> list[PayoffRow]:
    rows = []
    for m in mechs:
        utils = m.state_utilities()
        for label, (pb, ps) in printed[m.structure.name].items():
            rows.append(PayoffRow(m.structure.name, label, *utils[label], Q(pb), Q(ps)))
    return rows


def table6() -> list[PayoffRow]:
    """Table 6 (Appendix E.2): each state's ``(u_buyer, u_seller)`` under ``M¹`` and ``M²``.

    >>> [(r.state, str(r.u_buyer), str(r.u_seller)) for r in table6()][:2]
    [('lo,hi', '0', '0'), ('hi,hi', '6/7', '0')]
    """
    return _rows(e2_mechanisms(), _TABLE6_PRINTED)


def table7() -> list[PayoffRow]:
    """Table 7 (Appendix E.3): each state's ``(u_buyer, u_seller)`` under ``M¹`` and ``M²``.

    >>> all(r.u_buyer == r.printed_u_buyer and r.u_seller == r.printed_u_seller for r in table7())
    True
    """
    return _rows(e3_mechanisms(), _TABLE7_PRINTED)


def e2_list() -> StructureList:
    """Table 3's list at :data:`E2_PARAMS` (the structures of Appendix E.2)."""
    return table3_structures(E2_PARAMS)
