"""Paper 000, §4.2–§4.3: Theorem 4.4's witness, grid searches for Conjectures 4.2 and 4.3."""

from __future__ import annotations

import itertools
from collections import Counter
from fractions import Fraction

import pytest
import sympy

from exactmech.auctions import myerson_uniform
from exactmech.calculus import integrate
from exactmech.dist import Uniform
from exactmech.errors import InvalidProblemError, PartitionError
from exactmech.papers.disclosure_continuous import (
    Segment,
    candidate_partitions,
    evaluate,
    exhaustive_search,
    full_disclosure,
    grid_partitions,
    local_search,
    neighbours,
    no_disclosure,
    objective_value,
    self_similar_outcome,
    theorem44_witness,
    threshold_partition,
    zeno_partition,
)

F = Fraction
ND = no_disclosure()


# -- Theorem 4.4 -------------------------------------------------------------------------------


def test_theorem44_all_cases_on_small_grids() -> None:
    """Theorem 4.4 (§4.3): for every pair of grid partitions (1/3 and 1/4, pooled and revealed)
    and every pooled segment as the proof's P_A, the constructed profile is inefficient;
    all five cases of the proof occur."""
    cases: Counter[int] = Counter()
    for n in (3, 4):
        parts = list(grid_partitions(n))
        for a in parts:
            for b in parts:
                for seg in a.pooled + b.pooled:
                    w = theorem44_witness(a, b, pooled=seg)
                    assert w is not None and w.inefficient, (a, b, seg)
                    cases[w.case] += 1
    assert set(cases) == {1, 2, 3, 4, 5}


def test_theorem44_cases_by_hand() -> None:
    # case 2: P_A = [1/2, 1] pooled, x = (0 + 1/2)/2 = 1/4 lies in B's [0, 1/2], d <= a;
    # ε = min((x − 0)/4, 1/4) = 1/16
    w = theorem44_witness([(0, "1/2", "revealed"), ("1/2", 1)], [(0, "1/2"), ("1/2", 1)])
    assert w is not None and (w.case, w.x, w.values) == (2, F(1, 4), (F(9, 16), F(3, 8)))
    assert w.outcome.winner == "B" and w.values[0] > w.values[1]
    # case 3: a < d < b
    w = theorem44_witness([(0, "1/4", "revealed"), ("1/4", 1)], [(0, "1/2"), ("1/2", 1)])
    assert w is not None and (w.case, w.values) == (3, (F(5, 8), F(1, 2)))
    assert w.outcome.winner == "B"
    # case 4: d > b (B pools around A's interval)
    w = theorem44_witness([(0, "1/4", "revealed"), ("1/4", "1/2"), ("1/2", 1, "revealed")],
                          [(0, 1)])
    assert w is not None and w.case == 4 and w.outcome.winner == "A"
    # only B pools: the roles swap
    w = theorem44_witness(full_disclosure(), ND)
    assert w is not None and w.pooler == "B" and w.inefficient
    assert "case 1" in str(w)
    assert theorem44_witness(full_disclosure(), full_disclosure()) is None
    with pytest.raises(PartitionError, match="not a pooled segment"):
        theorem44_witness(ND, ND, pooled=Segment(F(0), F(1, 2)))


def test_no_pooling_means_efficient_and_zero_surplus() -> None:
    """§4.3: with full disclosure the seller sells to the higher value at that value."""
    out = evaluate(full_disclosure(), full_disclosure())
    assert out.buyer_surplus == 0 and out.welfare == F(2, 3)


# -- searches ----------------------------------------------------------------------------------


def test_grid_enumeration_and_candidates() -> None:
    assert sum(1 for _ in grid_partitions(4)) == 2 * 3**3
    assert sum(1 for _ in grid_partitions(5, revealed=False)) == 2**4
    c1 = candidate_partitions(3, 8, 5)
    assert c1 == candidate_partitions(3, 8, 5)
    assert c1 != candidate_partitions(4, 8, 5)
    assert all(not s.revealed for p in candidate_partitions(1, 8, 5, revealed=False)
               for s in p.segments)
    with pytest.raises(InvalidProblemError, match="n=0"):
        list(grid_partitions(0))


def test_neighbours() -> None:
    hl = threshold_partition(F(1, 2))
    nbs = {str(p) for p in neighbours(hl, 4)}
    assert "{[0, 1]}" in nbs  # remove the breakpoint
    assert "{[0, 1/4], [1/4, 1/2], [1/2, 1]}" in nbs  # add one
    assert "{[0, 3/4], [3/4, 1]}" in nbs  # shift by 1/4
    assert "{{{x}: x ∈ [0, 1/2]}, [1/2, 1]}" in nbs  # flip a segment
    assert str(hl) not in nbs
    assert len(nbs) == len(neighbours(hl, 4))
    with pytest.raises(InvalidProblemError, match="not on the grid 1/3"):
        neighbours(hl, 3)


def test_local_search_reproducible() -> None:
    r1 = local_search(4, seed=5, restarts=2)
    r2 = local_search(4, seed=5, restarts=2)
    assert r1 == r2
    assert r1.value == objective_value(r1.best)
    sym = local_search(4, seed=5, restarts=2, symmetric=True)
    assert sym.best[0] == sym.best[1] and sym.value == F(1, 6)
    ua = local_search(3, seed=0, restarts=1, objective="U_A")
    assert ua.value >= evaluate(threshold_partition(F(1, 2)), ND).utilities[0] - 1
    with pytest.raises(InvalidProblemError, match="objective='profit'"):
        local_search(3, objective="profit")
    with pytest.raises(InvalidProblemError, match="objective='profit'"):
        objective_value((ND, ND), "profit")
    assert "grid 1/4" in str(r1)


def test_conjecture43_on_grids() -> None:
    """Conjecture 4.3 (§4.2): no symmetric interval partition on the grids 1/2..1/5 (pooled
    or revealed segments) beats no disclosure's 1/6."""
    for n in (2, 3, 4, 5):
        assert exhaustive_search(n, symmetric=True).value == F(1, 6)


def _sympy_surplus(pa: list[Segment], pb: list[Segment], *, floor: bool) -> Fraction:
    """Buyer surplus of pooled partitions from the §4.1 formulas as a sympy Piecewise,
    integrated by exactmech.calculus (no code shared with the evaluator)."""
    x, y = sympy.symbols("x y")
    r = sympy.Rational
    total = F(0)
    for sa in pa:
        for sb in pb:
            a, b, c, d = r(sa.lo), r(sa.hi), r(sb.lo), r(sb.hi)
            phia, phib = 2 * x - b, 2 * y - d
            ta = (sympy.Max(0, phib) + b) / 2
            tb = (sympy.Max(0, phia) + d) / 2
            if floor:
                ta, tb = sympy.Max(a, ta), sympy.Max(c, tb)
            u = sympy.Piecewise(
                (x - ta, (phia >= 0) & (phia >= phib)), (y - tb, (phib >= 0) & (phib > phia)),
                (0, True),
            )
            total += integrate(u, [x >= a, x <= b, y >= c, y <= d], (x, y))
    return total


def test_erratum_conjecture42() -> None:
    """Paper 000, Conjecture 4.2 (§4.2) is false: P_A = {[0,1/4],[1/4,1/2],[1/2,1]} (two steps
    of Zeno's partition), P_B = {[0,1]} gives E[U] = 265/1536 > 11/64 = 264/1536.

    Independent confirmations: Myerson's virtual surplus per cell (myerson_uniform) and the
    §4.1 payment formulas as a sympy Piecewise integrated by exactmech.calculus, with and
    without the floor at the lowest type of the message (both readings agree here). The full
    Zeno partition for A does better still: 29/168 (exact series), approached by the
    truncations.
    """
    pa = threshold_partition(F(1, 4), F(1, 2))
    assert evaluate(pa, ND).buyer_surplus == F(265, 1536)
    virtual = sum(
        (
            myerson_uniform([Uniform(a.lo, a.hi), Uniform(b.lo, b.hi)]).consumer_surplus
            * a.length * b.length
            for a in pa.segments
            for b in ND.segments
        ),
        F(0),
    )
    assert virtual == F(265, 1536)
    assert _sympy_surplus(list(pa.segments), list(ND.segments), floor=True) == F(265, 1536)
    assert _sympy_surplus(list(pa.segments), list(ND.segments), floor=False) == F(265, 1536)
    assert F(265, 1536) > F(11, 64)
    best = exhaustive_search(4)
    assert best.value == F(265, 1536)
    assert {str(p) for p in best.best} == {str(pa), str(ND)}
    z = self_similar_outcome(zeno_partition(), ND)
    assert z.buyer_surplus == F(29, 168)
    approx = [evaluate(zeno_partition().truncated(k), ND).buyer_surplus for k in range(1, 7)]
    assert all(u < v for u, v in itertools.pairwise(approx))
    assert 0 < F(29, 168) - approx[-1] < F(1, 10**6)
