"""Paper 000, §3.2, §3.3 and footnote 3: the paper's discrete instances and every table.

Each function returns rows of exact values with the paper's printed values alongside
(``None`` where the paper prints nothing for that cell), for the claims and the reports.

* :data:`EXAMPLE_1` — §3.2, one buyer, two goods, correlated values (first table);
* :data:`EXAMPLE_2` — §3.2, one buyer, two goods, independent values (second table;
  probabilities ``0.15·0.4, 0.15·0.6, 0.85·0.4, 0.85·0.6``);
* :data:`SECTION_3_3` — two i.i.d. buyers, one good, values 1, 2, 3 w.p. 1/4, 1/4, 1/2;
* :data:`FOOTNOTE_3` — two i.i.d. buyers, values 1, 2, 1000 w.p. 1/200, 1/200, 99/100.

**Readings.** (1) The §3.1 LP is solved with ex-post IC/IR and the paper's max-surplus tie
rule. (2) §3.3 describes its optimal mechanism per type ("sell them the good for 2.5"):
that is the interim price per unit won, ``E[r | type] / E[q | type]``, of the
buyer-symmetric optimal mechanism (:func:`section_3_3_interim_prices`); the mechanism as
printed (a flat price of 2.5 whoever the opponent is) is optimal under the *interim* (BIC)
reading of IC and violates ex-post IC (:func:`section_3_3_printed_mechanism`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from exactmech.auctions import build_mechanism_lp, optimal_mechanism
from exactmech.numbers import Q
from exactmech.papers.disclosure.face import (
    MechanismCheck,
    check_mechanism,
    interim_rule,
    symmetrize,
)
from exactmech.papers.disclosure.game import (
    DisclosureGame,
    DisclosureOutcome,
    Partition,
    partition_label,
    set_partitions,
)

__all__ = [
    "EXAMPLE_1",
    "EXAMPLE_2",
    "FOOTNOTE_3",
    "SECTION_3_3",
    "TABLES",
    "FootnoteRow",
    "Instance",
    "InterimPriceRow",
    "MenuRow",
    "PairRow",
    "PartitionRow",
    "TypeRow",
    "example_1_menu",
    "example_1_table",
    "example_1_types",
    "example_2_menu",
    "example_2_table",
    "example_2_types",
    "footnote_3_table",
    "section_3_3_interim_prices",
    "section_3_3_printed_mechanism",
    "section_3_3_table",
]

_0 = Fraction(0)


@dataclass(frozen=True)
class Instance:
    """A prior of the paper: per-buyer types and probabilities (exact)."""

    name: str
    location: str
    values: tuple[tuple[Any, ...], ...]
    priors: tuple[tuple[Fraction, ...], ...]

    def game(self, ic: str = "ex-post") -> DisclosureGame:
        """The :class:`DisclosureGame` of this prior (one shared instance per reading)."""
        key = (self.name, ic)
        if key not in _GAMES:
            _GAMES[key] = DisclosureGame(
                [list(v) for v in self.values], [list(p) for p in self.priors], ic=ic
            )
        return _GAMES[key]


_GAMES: dict[tuple[str, str], DisclosureGame] = {}


def _probs(*xs: str) -> tuple[Fraction, ...]:
    return tuple(Q(x) for x in xs)


EXAMPLE_1 = Instance(
    "example 1", "paper 000, §3.2, first table", (((3, 4), (4, 9)),), (_probs("1/2", "1/2"),)
)
EXAMPLE_2 = Instance(
    "example 2",
    "paper 000, §3.2, second table",
    (((56, 38), (56, 69), (91, 38), (91, 69)),),
    # independent goods: P(v1 = 56) = 0.15, P(v2 = 38) = 0.4 (the printed products)
    (tuple(Q(a) * Q(b) for a in ("0.15", "0.85") for b in ("0.4", "0.6")),),
)
SECTION_3_3 = Instance(
    "section 3.3",
    "paper 000, §3.3, table",
    ((1, 2, 3), (1, 2, 3)),
    (_probs("1/4", "1/4", "1/2"),) * 2,
)
FOOTNOTE_3 = Instance(
    "footnote 3",
    "paper 000, footnote 3",
    ((1, 2, 1000), (1, 2, 1000)),
    (_probs("1/200", "1/200", "99/100"),) * 2,
)


@dataclass(frozen=True)
class MenuRow:
    """One option of a one-buyer menu (paper 000, §3.2 menu tables).

    Attributes
    ----------
    bundle : tuple of Fraction
        Probability of each good.
    price : Fraction
    types : tuple of int
        The types (1-based, as in the paper) that choose this option.
    paper_bundle, paper_price
        The printed option (``None`` if the paper prints no such option).
    """

    bundle: tuple[Fraction, ...]
    price: Fraction
    types: tuple[int, ...]
    paper_bundle: tuple[Fraction, ...] | None
    paper_price: Fraction | None


def _menu(
    instance: Instance, printed: Sequence[tuple[tuple[Fraction, ...], Fraction]]
) -> list[MenuRow]:
    mech = instance.game().mechanism([tuple(range(len(instance.values[0])))])
    rows = []
    for bundle, price in mech.menu():
        types = tuple(
            i + 1
            for i in range(len(instance.values[0]))
            if mech.allocation[(i,)][0] == bundle and mech.payments[(i,)][0] == price
        )
        match = [(b, p) for b, p in printed if b == bundle and p == price]
        pb, pp = match[0] if match else (None, None)
        rows.append(MenuRow(bundle, price, types, pb, pp))
    return rows


def example_1_menu() -> list[MenuRow]:
    """The no-disclosure menu of §3.2's first example: good 1 for 3, both goods for 12.

    >>> [(r.bundle, r.price, r.types) for r in example_1_menu()]
    [((Fraction(1, 1), Fraction(0, 1)), Fraction(3, 1), (1,)), ((Fraction(1, 1), Fraction(1, 1)), \
Fraction(12, 1), (2,))]
    """
    F = Fraction
    return _menu(EXAMPLE_1, [((F(1), F(0)), F(3)), ((F(1), F(1)), F(12))])


def example_2_menu() -> list[MenuRow]:
    """The no-disclosure menu of §3.2's second example (good 1 w.p. 31/35 with good 2 for
    118.6; both goods for 129)."""
    F = Fraction
    return _menu(EXAMPLE_2, [((F(31, 35), F(1)), Q("118.6")), ((F(1), F(1)), F(129))])


@dataclass(frozen=True)
class TypeRow:
    """One type's outcome in a one-buyer no-disclosure mechanism (paper 000, §3.2).

    Attributes
    ----------
    type : int
        1-based, as in the paper.
    probability : Fraction
    value : tuple of Fraction
    allocation : tuple of Fraction
        Probability of each good.
    payment, utility : Fraction
    paper_allocation, paper_payment, paper_utility
        As printed or stated in the text (``None``: not stated).
    """

    type: int
    probability: Fraction
    value: tuple[Fraction, ...]
    allocation: tuple[Fraction, ...]
    payment: Fraction
    utility: Fraction
    paper_allocation: tuple[Fraction, ...] | None
    paper_payment: Fraction | None
    paper_utility: Fraction | None


def _type_rows(
    instance: Instance,
    printed: Sequence[tuple[tuple[Fraction, ...] | None, Fraction | None, Fraction | None]],
) -> list[TypeRow]:
    mech = instance.game().mechanism([tuple(range(len(instance.values[0])))])
    return [
        TypeRow(r.type + 1, r.probability, r.value, r.allocation, r.payment, r.utility, *printed[k])
        for k, r in enumerate(interim_rule(mech))
    ]


def example_1_types() -> list[TypeRow]:
    """§3.2, first example: type 1 buys good 1 for 3, type 2 both for 12 (utility 1).

    >>> [(r.type, r.payment, r.utility) for r in example_1_types()]
    [(1, Fraction(3, 1), Fraction(0, 1)), (2, Fraction(12, 1), Fraction(1, 1))]
    """
    F = Fraction
    return _type_rows(EXAMPLE_1, [((F(1), F(0)), F(3), None), ((F(1), F(1)), F(12), F(1))])


def example_2_types() -> list[TypeRow]:
    """§3.2, second example: type 1 buys nothing, type 2 the randomized bundle, types 3 and 4
    both goods; only type 4 has positive utility (the paper states its sign, not its value).

    >>> [(r.type, r.utility) for r in example_2_types()]
    [(1, Fraction(0, 1)), (2, Fraction(0, 1)), (3, Fraction(0, 1)), (4, Fraction(31, 1))]
    """
    F = Fraction
    zero, both = (F(0), F(0)), (F(1), F(1))
    return _type_rows(
        EXAMPLE_2,
        [
            (zero, F(0), F(0)),
            ((F(31, 35), F(1)), Q("118.6"), F(0)),
            (both, F(129), F(0)),
            (both, F(129), None),
        ],
    )


@dataclass(frozen=True)
class PartitionRow:
    """One partition of a one-buyer example (paper 000, §3.2, Theorem 3.1).

    Attributes
    ----------
    partition : Partition
    label : str
        The paper's notation (1-based types).
    revenue, surplus_max, surplus_min, welfare : Fraction
        R, U at both ends of the optimal face, W = R + U.
    always_sell_surplus : Fraction or None
        U of the best always-sell equilibrium (``None``: no equilibrium with this partition
        always sells every good).
    paper_surplus : Fraction or None
        U as printed (``None``: not printed).
    paper_note : str
        What the paper says about this partition.
    """

    partition: Partition
    label: str
    revenue: Fraction
    surplus_max: Fraction
    surplus_min: Fraction
    welfare: Fraction
    always_sell_surplus: Fraction | None
    paper_surplus: Fraction | None = None
    paper_note: str = ""


def _partition_rows(
    instance: Instance, printed: dict[Partition, tuple[Fraction | None, str]]
) -> list[PartitionRow]:
    game = instance.game()
    rows = []
    for part in set_partitions(len(instance.values[0])):
        o = game.evaluate([part])
        ps, note = printed.get(part, (None, ""))
        rows.append(
            PartitionRow(
                part,
                partition_label(part),
                o.revenue,
                o.surplus_max,
                o.surplus_min,
                o.welfare,
                o.always_sell_surplus,
                ps,
                note,
            )
        )
    return rows


def example_1_table() -> list[PartitionRow]:
    """Both partitions of §3.2's first example (no disclosure is buyer-optimal).

    >>> [(r.label, r.surplus_max) for r in example_1_table()]
    [('{{1, 2}}', Fraction(1, 2)), ('{{1}, {2}}', Fraction(0, 1))]
    """
    return _partition_rows(
        EXAMPLE_1,
        {
            ((0, 1),): (None, "unique optimal mechanism; type 2 gets utility 1 (so U = 1/2)"),
            ((0,), (1,)): (Fraction(0), "efficient; the seller extracts all surplus"),
        },
    )


def example_2_table() -> list[PartitionRow]:
    """All 15 partitions of §3.2's second example (Theorem 3.1 for two goods).

    The paper checks that every one of the 14 alternatives to no disclosure gives strictly
    lower buyer utility in any equilibrium in which both goods are always sold.
    """
    return _partition_rows(
        EXAMPLE_2,
        {
            ((0, 1, 2, 3),): (None, "unique optimal mechanism; only type 4 gets utility"),
        },
    )


@dataclass(frozen=True)
class PairRow:
    """One pair of partitions in §3.3 (two buyers, one good).

    Attributes
    ----------
    partitions : tuple of Partition
        Buyer A's and buyer B's partitions.
    labels : tuple of str
    revenue, surplus_max, surplus_min, welfare : Fraction
        R, U (max- and min-surplus ends), W = R + U.
    always_sell_surplus : Fraction or None
        U with the good always sold (revenue optimal), or ``None`` if impossible.
    utilities : tuple of Fraction
        Each buyer's expected utility (max-surplus end).
    paper_surplus : Fraction or None
        U as printed (``None``: not printed).
    paper_note : str
    """

    partitions: tuple[Partition, Partition]
    labels: tuple[str, str]
    revenue: Fraction
    surplus_max: Fraction
    surplus_min: Fraction
    welfare: Fraction
    always_sell_surplus: Fraction | None
    utilities: tuple[Fraction, ...]
    paper_surplus: Fraction | None = None
    paper_note: str = ""


_ND: Partition = ((0, 1, 2),)
_SPLIT: Partition = ((0,), (1, 2))
_33_PRINTED: dict[tuple[Partition, Partition], tuple[Fraction | None, str]] = {
    (_ND, _ND): (Fraction(3, 8), "no disclosure: U = 3/4 · 1/2; strictly the highest U"),
    (_SPLIT, _SPLIT): (Fraction(1, 8), "U = 3/4 · 3/4 · 2/9; lower welfare than no disclosure"),
    (_SPLIT, _ND): (None, "same welfare as no disclosure, lower U, still inefficient"),
    (_ND, _SPLIT): (None, "same welfare as no disclosure, lower U, still inefficient"),
}


def _pair_row(parts: tuple[Partition, Partition], o: DisclosureOutcome) -> PairRow:
    ps, note = _33_PRINTED.get(parts, (None, ""))
    return PairRow(
        parts,
        (partition_label(parts[0]), partition_label(parts[1])),
        o.revenue,
        o.surplus_max,
        o.surplus_min,
        o.welfare,
        o.always_sell_surplus,
        o.utilities,
        ps,
        note,
    )


def section_3_3_table() -> list[PairRow]:
    """All 25 pairs of partitions of {1, 2, 3} in §3.3: U_max, U_min, R, W, always-sell U.

    >>> rows = section_3_3_table()
    >>> len(rows), max(rows, key=lambda r: r.surplus_max).labels
    (25, ('{{1, 2, 3}}', '{{1, 2, 3}}'))
    """
    game = SECTION_3_3.game()
    parts = set_partitions(3)
    return [_pair_row((a, b), game.evaluate([a, b])) for a, b in itertools.product(parts, parts)]


@dataclass(frozen=True)
class InterimPriceRow:
    """A type's interim outcome in one §3.3 message profile.

    Attributes
    ----------
    case : str
        The message profile (e.g. ``"{1,2,3} × {1,2,3}"``).
    buyer : int
        0 (A) or 1 (B).
    value : Fraction
    win_probability, payment, unit_price
        ``E[q | type]``, ``E[r | type]`` and their ratio (``None`` if the type never wins).
    paper_unit_price : Fraction or None
        The printed price (``None``: not printed).
    """

    case: str
    buyer: int
    value: Fraction
    win_probability: Fraction
    payment: Fraction
    unit_price: Fraction | None
    paper_unit_price: Fraction | None


def section_3_3_interim_prices() -> list[InterimPriceRow]:
    """Interim prices in the §3.3 message profiles the paper describes.

    No disclosure: type 3 pays 2.5 and type 2 pays 2 per unit won; both buyers announce
    {2, 3}: type 3 pays 2.75; announcements {1} and {2, 3}: the second buyer is sold the
    good only at 3 (type 2 never wins; the first buyer gets it at 1).

    >>> [(r.value, r.unit_price) for r in section_3_3_interim_prices()[:3]]
    [(Fraction(1, 1), None), (Fraction(2, 1), Fraction(2, 1)), (Fraction(3, 1), Fraction(5, 2))]
    """
    game = SECTION_3_3.game()
    F = Fraction
    cases: list[
        tuple[str, tuple[tuple[int, ...], ...], list[int], dict[tuple[int, Fraction], Fraction]]
    ] = [
        ("{1,2,3} × {1,2,3}", ((0, 1, 2), (0, 1, 2)), [0], {(0, F(3)): F(5, 2), (0, F(2)): F(2)}),
        ("{2,3} × {2,3}", ((1, 2), (1, 2)), [0], {(0, F(3)): F(11, 4), (0, F(2)): F(2)}),
        ("{1} × {2,3}", ((0,), (1, 2)), [0, 1], {(1, F(3)): F(3), (0, F(1)): F(1)}),
    ]
    rows = []
    for label, blocks, buyers, printed in cases:
        mech = game.mechanism(blocks)
        if len(set(blocks)) == 1:
            mech = symmetrize(mech)
        for j in buyers:
            for r in interim_rule(mech, j):
                v = r.value[0]
                rows.append(
                    InterimPriceRow(
                        label, j, v, r.allocation[0], r.payment, r.unit_price, printed.get((j, v))
                    )
                )
    return rows


def section_3_3_printed_mechanism(ic: str = "interim") -> MechanismCheck:
    """The §3.3 no-disclosure mechanism exactly as printed, checked against the §3.1 LP.

    "If at least one buyer bids 3, randomly choose one such buyer and sell them the good for
    2.5. If no buyer bids 3, but at least one buyer bids 2, randomly choose one such buyer
    and sell them the good for 2. Otherwise, do not sell the good."

    >>> chk = section_3_3_printed_mechanism("interim")
    >>> chk.feasible, chk.revenue, chk.buyer_surplus
    (True, Fraction(9, 4), Fraction(3, 8))
    >>> section_3_3_printed_mechanism("ex-post").feasible
    False
    """
    values = [[1, 2, 3], [1, 2, 3]]
    mlp = build_mechanism_lp(values, [list(p) for p in SECTION_3_3.priors], ic=ic)
    price = {1: Fraction(2), 2: Fraction(5, 2)}  # by the winner's type index

    def allocation(t: tuple[int, ...]) -> tuple[Fraction, ...]:
        top = max(t)
        if top == 0:
            return (_0, _0)
        winners = [j for j in range(2) if t[j] == top]
        return tuple(Fraction(1, len(winners)) if j in winners else _0 for j in range(2))

    def payments(t: tuple[int, ...]) -> tuple[Fraction, ...]:
        q = allocation(t)
        return tuple(q[j] * price.get(t[j], _0) for j in range(2))

    return check_mechanism(mlp, allocation, payments)


@dataclass(frozen=True)
class FootnoteRow:
    """One message profile of footnote 3 (low = {1, 2}, high = {1000}).

    Attributes
    ----------
    case : str
    probability, revenue, surplus_max, surplus_min : Fraction
    paper_note : str
    """

    case: str
    probability: Fraction
    revenue: Fraction
    surplus_max: Fraction
    surplus_min: Fraction
    paper_note: str = field(default="")


def footnote_3_table() -> list[FootnoteRow]:
    """Footnote 3: no disclosure versus both buyers announcing low ({1, 2}) or high ({1000}).

    >>> [(r.case, r.surplus_max) for r in footnote_3_table()][:2]
    [('no disclosure', Fraction(0, 1)), ('low × low', Fraction(1, 4))]
    """
    game = FOOTNOTE_3.game()
    rows = []
    nd = game.mechanism(((0, 1, 2), (0, 1, 2)))
    nd_lo = game.mechanism(((0, 1, 2), (0, 1, 2)), tie="min-surplus")
    assert nd.revenue is not None and nd.buyer_surplus is not None
    assert nd_lo.buyer_surplus is not None
    rows.append(
        FootnoteRow(
            "no disclosure",
            Fraction(1),
            nd.revenue,
            nd.buyer_surplus,
            nd_lo.buyer_surplus,
            "the seller only sells at 1000; buyers never get positive utility",
        )
    )
    notes = {
        "low × low": "second-price auction with reserve 1; value 2 against value 1 gains",
    }
    names = {(0, 1): "low", (2,): "high"}
    for mo in game.outcomes([((0, 1), (2,)), ((0, 1), (2,))]):
        label = " × ".join(names[b] for b in mo.blocks)
        hi, lo = mo.max_surplus, mo.min_surplus
        assert hi.revenue is not None and hi.buyer_surplus is not None
        assert lo.buyer_surplus is not None
        rows.append(
            FootnoteRow(
                label,
                mo.probability,
                hi.revenue,
                hi.buyer_surplus,
                lo.buyer_surplus,
                notes.get(label, ""),
            )
        )
    return rows


def footnote_3_optimal_low_mechanism() -> Any:
    """The optimal mechanism when both buyers announce low ({1, 2}, each w.p. 1/2)."""
    return optimal_mechanism([[1, 2], [1, 2]], [["1/2", "1/2"]] * 2)


#: Every table of the paper's discrete sections: id -> (title with location, rows function).
#: For the reports (terminal, LaTeX); each row is a small frozen dataclass of exact values
#: with the printed values alongside.
TABLES: dict[str, tuple[str, Callable[[], Sequence[Any]]]] = {
    "000.s3.2.example1.menu": ("§3.2, example 1: the optimal menu", example_1_menu),
    "000.s3.2.example1.types": ("§3.2, example 1: outcome by type", example_1_types),
    "000.s3.2.example1.partitions": ("§3.2, example 1: both partitions", example_1_table),
    "000.s3.2.example2.menu": ("§3.2, example 2: the optimal menu", example_2_menu),
    "000.s3.2.example2.types": ("§3.2, example 2: outcome by type", example_2_types),
    "000.s3.2.example2.partitions": (
        "§3.2, example 2: all 15 partitions (Theorem 3.1)",
        example_2_table,
    ),
    "000.s3.3.pairs": ("§3.3: all 25 pairs of partitions of {1, 2, 3}", section_3_3_table),
    "000.s3.3.interim-prices": ("§3.3: interim prices per unit won", section_3_3_interim_prices),
    "000.fn3": ("footnote 3: no disclosure versus low/high", footnote_3_table),
}
