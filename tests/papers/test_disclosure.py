"""Paper 000 discrete disclosure games (exactmech/papers/disclosure.py)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.errors import DistributionError, InvalidProblemError
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
