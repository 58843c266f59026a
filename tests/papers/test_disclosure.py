"""Paper 000 discrete disclosure games (exactmech/papers/disclosure.py)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.errors import DistributionError, FloatInputError, InvalidProblemError, ShapeError
from exactmech.papers.disclosure import DisclosureGame, connected_partitions, set_partitions

F = Fraction
G33 = ([[1, 2, 3]] * 2, [["1/4", "1/4", "1/2"]] * 2)


def test_partition_counts() -> None:
    assert [len(set_partitions(n)) for n in range(1, 6)] == [1, 2, 5, 15, 52]  # Bell numbers
    assert [len(connected_partitions(n)) for n in range(1, 6)] == [1, 2, 4, 8, 16]
    assert all(p in set_partitions(4) for p in connected_partitions(4))


def test_section_3_3_table_over_all_25_pairs() -> None:
    g = DisclosureGame(*G33)
    table = g.all_profiles()
    assert len(table) == 25
    for o in table.values():
        assert o.welfare == o.revenue + o.surplus_max  # W = R + U
        assert o.surplus_min <= o.surplus_max
        assert o.revenue >= F(9, 4)  # disclosure never lowers revenue
    full = ((0,), (1,), (2,))
    assert table[(full, full)].surplus_max == 0  # full disclosure leaves no surplus
    # each distinct posterior profile's LP is solved once (3 ends x distinct posteriors)
    assert len(g._cache) < 3 * 25 * 9


def test_buyer_utilities_do_not_depend_on_the_vertex_the_solver_returns() -> None:
    """Paper 000, §3.3: U_A + U_B = U on every pair; identical buyers with the same partition
    split U equally (the buyer-symmetric optimal mechanism), and swapping the partitions swaps
    the utilities. ({{1}, {2, 3}} for both: U = 1/8, so 1/16 each; a solver's vertex may hand
    the type-3 tie to either buyer, which once printed 1/8 and 0.)"""
    g = DisclosureGame(*G33)
    table = g.all_profiles()
    for (pa, pb), o in table.items():
        assert sum(o.utilities) == o.surplus_max
        assert table[(pb, pa)].utilities == o.utilities[::-1]
        if pa == pb:
            assert o.utilities[0] == o.utilities[1]
    split = ((0,), (1, 2))
    assert table[(split, split)].utilities == (F(1, 16), F(1, 16))


@settings(max_examples=15)
@given(st.lists(st.integers(1, 5), min_size=3, max_size=3))
def test_full_disclosure_gives_zero_surplus_and_max_revenue(weights: list[int]) -> None:
    """Paper 000, §2: under full disclosure the seller extracts everything (U = 0, R = W)."""
    probs = [F(w, sum(weights)) for w in weights]
    g = DisclosureGame([[1, 2, 4]], [probs])
    full = g.evaluate([((0,), (1,), (2,))])
    none = g.evaluate([((0, 1, 2),)])
    assert full.surplus_max == 0 and full.revenue == sum(p * v for p, v in zip(probs, [1, 2, 4]))
    assert full.revenue >= none.revenue


def test_bad_input() -> None:
    g = DisclosureGame(*G33)
    with pytest.raises(InvalidProblemError, match="type 2 is in no block"):
        g.evaluate([((0, 1),), ((0, 1, 2),)])
    with pytest.raises(InvalidProblemError, match="type 1 is in two blocks"):
        g.evaluate([((0, 1), (1, 2)), ((0, 1, 2),)])
    with pytest.raises(DistributionError, match="sums to 3/4"):
        DisclosureGame([[1, 2]], [["1/4", "1/2"]])


def test_optimal_face_ends_and_witness() -> None:
    """§3.3: the revenue-optimal face spans buyer surplus 0..3/8; the witness is optimal."""
    from exactmech.papers.disclosure import check_mechanism, optimal_face

    face = optimal_face(*G33)
    assert face.revenue == F(9, 4) and face.surplus_range == (0, F(3, 8)) and not face.unique
    assert face.witness is not None
    chk = check_mechanism(face.witness.lp, face.witness.allocation, face.witness.payments)
    assert chk.feasible and chk.revenue == F(9, 4)


def test_tables_carry_the_printed_values() -> None:
    """§3.2/§3.3 tables: printed values sit next to ours and agree where printed."""
    from exactmech.papers.disclosure import (
        example_1_table,
        example_2_menu,
        example_2_table,
        footnote_3_table,
        section_3_3_interim_prices,
        section_3_3_table,
    )

    rows = section_3_3_table()
    assert len(rows) == 25 and len({r.partitions for r in rows}) == 25
    printed = [r for r in rows if r.paper_surplus is not None]
    assert len(printed) == 2 and all(r.paper_surplus == r.surplus_max for r in printed)
    assert all(r.welfare == r.revenue + r.surplus_max for r in rows)
    assert len(example_2_table()) == 15
    assert [r.paper_surplus for r in example_1_table()] == [None, 0]
    assert all(r.paper_price == r.price for r in example_2_menu())
    assert all(r.paper_unit_price in (None, r.unit_price) for r in section_3_3_interim_prices())
    fn3 = footnote_3_table()
    assert fn3[0].case == "no disclosure" and sum(r.probability for r in fn3[1:]) == 1


def test_correlated_prior_and_interim_utilities() -> None:
    """§2: a joint prior. Perfectly correlated values 1 or 2: the seller extracts everything."""
    g = DisclosureGame.correlated([[1, 2], [1, 2]], {(0, 0): "1/2", (1, 1): "1/2"})
    o = g.evaluate([((0, 1),), ((0, 1),)])
    assert o.revenue == F(3, 2) and o.surplus_max == 0
    assert g.interim_utilities([((0, 1),), ((0, 1),)]) == [[0, 0], [0, 0]]
    with pytest.raises(DistributionError, match="joint sums to 1/2"):
        DisclosureGame.correlated([[1, 2]], {(0,): "1/2"})
    with pytest.raises(ShapeError, match="invalid profile"):
        DisclosureGame.correlated([[1, 2]], {(2,): 1})


def test_more_bad_game_input() -> None:
    with pytest.raises(InvalidProblemError, match="duplicate type 2 at positions 1 and 2"):
        DisclosureGame([[1, 2, 2]], [["1/3", "1/3", "1/3"]])
    with pytest.raises(DistributionError, match=r"priors\[0\]\[1\] = -1/2 is negative"):
        DisclosureGame([[1, 2, 3]], [["1", "-1/2", "1/2"]])
    with pytest.raises(FloatInputError, match=r"priors\[0\]\[0\]"):
        DisclosureGame([[1, 2]], [[0.5, 0.5]])
    g = DisclosureGame(*G33)
    with pytest.raises(ShapeError, match="1 partitions for 2 buyers"):
        g.evaluate([((0, 1, 2),)])
    with pytest.raises(InvalidProblemError, match="partitions_of='intervals'"):
        g.all_profiles("intervals")
    with pytest.raises(InvalidProblemError, match="symmetric=True needs identical"):
        g.interim_utilities([((0, 1, 2),), ((0,), (1, 2))], symmetric=True)


def test_symmetrize_and_check_mechanism() -> None:
    from exactmech.auctions import build_mechanism_lp, optimal_mechanism
    from exactmech.papers.disclosure import check_mechanism, interim_rule, symmetrize

    m = optimal_mechanism([[1, 2], [1, 3]], [["1/2", "1/2"], ["1/2", "1/2"]])
    with pytest.raises(InvalidProblemError, match="same types"):
        symmetrize(m)
    with pytest.raises(ShapeError, match="buyer=2"):
        interim_rule(m, 2)
    lp = build_mechanism_lp([[1, 2]], [["1/2", "1/2"]])
    # posting price 2 to both types violates IR of type 1
    chk = check_mechanism(lp, lambda t: ((1,),), lambda t: (2,))
    assert not chk.feasible and any(v.startswith("IR[0][0]") for v in chk.violated)


def test_section_3_3_table_same_under_interim_ic_ir() -> None:
    """§3.1: "the more constrained version above is equivalent in terms of the optimal value
    and resulting buyer surplus" — for all 25 pairs of §3.3, R and U agree between the
    ex-post and the interim (BIC, interim IR) readings."""
    interim = DisclosureGame(*G33, ic="interim", ir="interim")
    expost = DisclosureGame(*G33)
    parts = set_partitions(3)
    for a in parts:
        for b in parts:
            o, p = interim.evaluate([a, b]), expost.evaluate([a, b])
            assert (o.revenue, o.surplus_max) == (p.revenue, p.surplus_max)


def test_every_table_is_registered_and_exact() -> None:
    """Every §3 / footnote 3 table returns rows of exact values (no floats anywhere)."""
    from dataclasses import astuple

    from exactmech.papers.disclosure import TABLES

    assert len(TABLES) == 9
    for title, rows_of in TABLES.values():
        rows = rows_of()
        assert rows and title

        def walk(x: object) -> None:
            assert not isinstance(x, float)
            if isinstance(x, tuple):
                for y in x:
                    walk(y)

        for r in rows:
            walk(astuple(r))
