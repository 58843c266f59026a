"""Paper 000, §2.1, §5 and the appendices: one buyer, one good (exact unit tests)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from exactmech.errors import DistributionError, FloatInputError, InvalidProblemError, ShapeError
from exactmech.papers.disclosure import (
    algorithm_1,
    appendix_a_identities,
    buyer_opt,
    buyer_utility,
    check_partition,
    efficiency_transform,
    equilibrium,
    partition_reduction,
    partition_utility,
    price_revenue,
    proposition_5_3,
    proposition_5_3_family,
    seller_prices,
    solve_partition,
)
from exactmech.papers.disclosure.complexity import DELTA

F = Fraction
V, P = [1, 2, 3], ["1/4", "1/4", "1/2"]  # §3.3's prior, one buyer


def test_seller_prices_and_buyer_utility_with_ties() -> None:
    """§5.1 buyerUtility: the seller's best responses on {1,2,3} are 2 and 3 (revenue 3/2);
    the buyer-preferred one is 2, giving type 3 utility 1 (ex-ante 1/2)."""
    sc = seller_prices(V, P, [0, 1, 2])
    assert sc.prices == (F(2), F(3)) and sc.revenue == F(3, 2) and sc.price == F(2)
    assert buyer_utility(V, P, [0, 1, 2]) == F(1, 2)
    assert buyer_utility(V, P, [0, 1, 2], conditional=True) == F(1, 2)
    assert buyer_utility(V, P, [1, 2]) == F(1, 2)  # {2,3}: 2 and 3 tie again
    assert buyer_utility(V, P, [1, 2], conditional=True) == F(2, 3)
    assert buyer_utility(V, P, [0]) == 0
    assert price_revenue(V, P, [0, 1, 2], 3) == F(3, 2)
    assert price_revenue(V, P, [0, 1, 2], "5/2") == F(5, 4)


def test_algorithm_1_table() -> None:
    """§5.1, Algorithm 1 with the indices corrected: Q[i] = max_j Q[j] + u({j+1..i})."""
    values, probs = [1, 2, 3, 5], ["1/8", "3/8", "1/4", "1/4"]
    r = algorithm_1(values, probs)
    # recompute the recursion by hand from buyer_utility
    best = [F(0)]
    for i in range(1, 5):
        best.append(max(best[j] + buyer_utility(values, probs, range(j, i)) for j in range(i)))
    assert [u for _, u in r.table] == best[1:]
    assert r.utility == best[4] == partition_utility(values, probs, r.partition)
    assert r.table[0] == (0, F(0))


def test_buyer_opt_beats_connected_on_appendix_b() -> None:
    """Appendix B with δ = 1/2: the pooled partition {{1, 2+δ}, {2}} is strictly better than
    every connected one."""
    values, probs = proposition_5_3_family("1/2")
    assert algorithm_1(values, probs).utility == F(1, 18)
    best = buyer_opt(values, probs)
    assert best.partition == ((0, 2), (1,)) and best.utility == F(3, 2) / 9
    assert buyer_opt(values, probs, method="enumerate") == best


def test_symbolic_delta_and_sign_errors() -> None:
    """Prop. 5.3 symbolically on 0 < δ < 1; outside a domain where a comparison changes sign
    the functions say where to split."""
    r = proposition_5_3()
    assert sympy.simplify(r.ratio - (1 + DELTA) / DELTA) == 0
    values, probs = proposition_5_3_family()
    # on 0 < δ < 3 the comparison (2+δ)/4 vs 1 flips at δ = 2
    with pytest.raises(InvalidProblemError, match="changes at delta = 2"):
        buyer_opt(values, probs, domain=(DELTA, 0, 3))
    with pytest.raises(InvalidProblemError, match="is symbolic; pass domain"):
        buyer_utility(values, probs, [0, 2])
    with pytest.raises(InvalidProblemError, match="is empty"):
        buyer_utility(values, probs, [0, 2], domain=(DELTA, 1, 0))
    with pytest.raises(InvalidProblemError, match="needs 0 < δ < 1"):
        proposition_5_3_family(2)


def test_equilibria_and_lemma_2_1() -> None:
    """Lemma 2.1 on the seller's other best response (price 3): types 1 and 2 go unsold and
    are revealed; type 3 keeps utility 0."""
    eq = equilibrium(V, P, [[0, 1, 2]], prices=[3])
    assert eq.sold() == (False, False, True) and not eq.efficient
    new = efficiency_transform(eq)
    assert new.partition == ((0,), (1,), (2,)) and new.prices == (F(1), F(2), F(3))
    assert new.type_utilities() == eq.type_utilities() == (0, 0, 0)
    assert new.revenue == F(9, 4) > eq.revenue == F(3, 2)


def test_partition_reduction_and_partition_solver() -> None:
    """Appendix A: the instance of s = (1, 1, 2) (S = 4) and its forward partition."""
    inst = partition_reduction([1, 1, 2])
    assert inst.S == 4 and inst.target == F(4, 6) - F(1, 12)
    assert inst.values == (F(2), F(4) - F(1, 5), F(4) - F(1, 6), F(4) - F(1, 7))
    assert inst.probs == (F(1, 3), F(2, 12), F(2, 12), F(4, 12))
    assert sum(inst.probs) == 1
    subset = solve_partition([1, 1, 2])
    assert subset == (0, 1)
    part = inst.partition_for(subset)
    assert part == ((0, 1, 2), (3,))
    assert inst.subset_from(part) == (0, 1)
    assert partition_utility(inst.values, inst.probs, part) >= inst.target
    assert solve_partition([2, 3]) is None and solve_partition([1, 2]) is None


def test_appendix_a_identities() -> None:
    """Appendix A: all equations re-derived; only the S/(4S − 1) simplification fails."""
    ids = appendix_a_identities()
    assert len(ids) == 13
    assert [i.name for i in ids if not i.holds] == ["backward.upper.simplified"]
    bad = next(i for i in ids if not i.holds)
    S = sympy.Symbol("S", positive=True)
    assert sympy.simplify(bad.derived - (S / (4 * S - 2) + S / 2)) == 0


@pytest.mark.parametrize(
    ("values", "probs", "error", "match"),
    [
        ([2, 1], ["1/2", "1/2"], InvalidProblemError, "not sorted"),
        ([1, 1], ["1/2", "1/2"], InvalidProblemError, r"values\[1\] = 1 duplicates"),
        ([0, 1], ["1/2", "1/2"], InvalidProblemError, "not positive"),
        ([1, 2], ["1/2", "1/3"], DistributionError, "sum to 5/6"),
        ([1, 2], ["1", "0"], DistributionError, r"probs\[1\] = 0 is not positive"),
        ([1, 2], ["1/2"], ShapeError, "2 values but 1 probabilities"),
        ([1, 2.5], ["1/2", "1/2"], FloatInputError, r"values\[1\]"),
    ],
)
def test_bad_one_buyer_input(values: list, probs: list, error: type, match: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(error, match=match):
        buyer_utility(values, probs, [0])


def test_bad_blocks_partitions_prices_and_items() -> None:
    with pytest.raises(InvalidProblemError, match="invalid type 3"):
        buyer_utility(V, P, [0, 3])
    with pytest.raises(InvalidProblemError, match="repeats a type"):
        buyer_utility(V, P, [0, 0])
    with pytest.raises(InvalidProblemError, match="type 1 is in two blocks"):
        partition_utility(V, P, [[0, 1], [1, 2]])
    with pytest.raises(InvalidProblemError, match="type 2 is in no block"):
        partition_utility(V, P, [[0, 1]])
    with pytest.raises(InvalidProblemError, match="empty block"):
        check_partition([[0, 1, 2], []], 3, func="t")
    with pytest.raises(InvalidProblemError, match="not a best response to the message"):
        equilibrium(V, P, [[0], [1, 2]], prices=[1, 1])
    with pytest.raises(InvalidProblemError, match="even sum"):
        partition_reduction([1, 2])
    with pytest.raises(InvalidProblemError, match=r"s\[0\] = 0 is not a positive integer"):
        solve_partition([0, 2])
    with pytest.raises(InvalidProblemError, match="method='greedy'"):
        buyer_opt(V, P, method="greedy")
