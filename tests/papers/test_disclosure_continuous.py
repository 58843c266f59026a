"""Paper 000, §4: interval partitions and the exact evaluator (Figures 2 and 3, erratum)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from exactmech.auctions import myerson_uniform
from exactmech.calculus import integrate
from exactmech.dist import Uniform
from exactmech.errors import FloatInputError, PartitionError
from exactmech.papers.disclosure_continuous import (
    ContinuousOutcome,
    IntervalPartition,
    Segment,
    allocation_regions,
    cell_outcome,
    cell_regions,
    evaluate,
    full_disclosure,
    inefficiency,
    interim_outcome,
    interval_partition,
    no_disclosure,
    outcome_at,
    paper_payoff_formula,
    threshold_partition,
)

F = Fraction
ND = no_disclosure()
HL = threshold_partition(F(1, 2))
THIRDS = threshold_partition(F(1, 3), F(2, 3))
FULL = full_disclosure()
x_, y_ = sympy.symbols("x y")


# -- partitions -----------------------------------------------------------------------------


def test_partition_forms_and_membership() -> None:
    p = interval_partition([(0, "1/3"), ("1/3", F(1, 2), "revealed"), ("1/2", 1, "pooled")])
    assert p.breakpoints == (F(1, 3), F(1, 2))
    assert p.pooled == (Segment(F(0), F(1, 3)), Segment(F(1, 2), F(1)))
    # shared endpoints belong to the segment below (footnote 2: messages closed on top)
    assert p.segment_of(F(1, 3)) == Segment(F(0), F(1, 3))
    assert p.segment_of(0) == Segment(F(0), F(1, 3))
    assert p.message_of("2/5") == (F(2, 5), F(2, 5))  # revealed: the point itself
    assert p.message_of(1) == (F(1, 2), F(1))
    assert interval_partition(p) is p
    assert str(p) == "{[0, 1/3], {{x}: x ∈ [1/3, 1/2]}, [1/2, 1]}"
    assert threshold_partition("1/2", revealed=[1]).segments[1].revealed
    assert p.scaled(F(1, 2))[0] == Segment(F(0), F(1, 6))


@pytest.mark.parametrize(
    ("segments", "message"),
    [
        ([], "segments is empty"),
        ([(0, "1/2")], r"segments\[0\] ends at 1/2: \(1/2, 1\] is not covered"),
        ([("1/4", 1)], r"segments\[0\] starts at 1/4"),
        ([(0, "1/2"), ("2/3", 1)], r"the gap \(1/2, 2/3\) is not covered"),
        ([(0, "2/3"), ("1/2", 1)], r"segments\[0\]=\[0, 2/3\] and segments\[1\]=\[1/2, 1\] overlap"),
        ([(0, "1/2"), ("1/2", "1/2"), ("1/2", 1)], r"segments\[1\]=\[1/2, 1/2\] must satisfy"),
        ([(0, 2)], r"segments\[0\]=\[0, 2\] must satisfy 0 <= lo < hi <= 1"),
        ([(0, 1, "hidden")], "kind 'hidden'"),
        ([(0,)], "is not a segment"),
    ],
)
def test_partition_errors_name_the_input(segments: list, message: str) -> None:
    with pytest.raises(PartitionError, match=message):
        interval_partition(segments)


def test_float_and_bad_partition_inputs() -> None:
    with pytest.raises(FloatInputError, match=r"segments\[0\].hi=0.5 is a float"):
        interval_partition([(0, 0.5), ("1/2", 1)])
    with pytest.raises(PartitionError, match="partition_b"):
        evaluate(ND, [(0, "1/2")])
    with pytest.raises(PartitionError, match="is not an interval partition"):
        evaluate(ND, Segment(F(0), F(1)))
    with pytest.raises(PartitionError, match="strictly increasing"):
        threshold_partition("1/2", "1/3")
    with pytest.raises(PartitionError, match="revealed index 2"):
        threshold_partition("1/2", revealed=[2])
    with pytest.raises(PartitionError, match="outside"):
        ND.segment_of(2)
    assert isinstance(ND, IntervalPartition)


# -- the evaluator: Figures 2 and 3 ---------------------------------------------------------


FIGURES = {
    # (P_A, P_B): (revenue, welfare, U_A, U_B)
    "2a": ((ND, ND), (F(5, 12), F(7, 12), F(1, 12), F(1, 12))),
    "2b": ((HL, HL), (F(23, 48), F(31, 48), F(1, 12), F(1, 12))),
    "3a": ((HL, ND), (F(29, 64), F(5, 8), F(13, 128), F(9, 128))),
    "3b": ((FULL, ND), (F(7, 12), F(5, 8), F(0), F(1, 24))),
    "3c": ((THIRDS, THIRDS), (F(19, 36), F(71, 108), F(7, 108), F(7, 108))),
    "full": ((FULL, FULL), (F(2, 3), F(2, 3), F(0), F(0))),
}


@pytest.mark.parametrize("fig", FIGURES)
def test_figures_exact(fig: str) -> None:
    (pa, pb), (rev, wel, ua, ub) = FIGURES[fig]
    out = evaluate(pa, pb)
    assert (out.revenue, out.welfare, out.utilities) == (rev, wel, (ua, ub))
    assert out.buyer_surplus == ua + ub == out.welfare - out.revenue
    assert evaluate(pb, pa) == out.swapped()


def test_no_disclosure_equals_myerson_uniform() -> None:
    ref = myerson_uniform([Uniform(0, 1), Uniform(0, 1)])
    out = evaluate(ND, ND)
    assert (out.revenue, out.welfare, out.buyer_surplus) == (
        ref.revenue,
        ref.welfare,
        ref.consumer_surplus,
    )
    assert out.win_probabilities == (F(3, 8), F(3, 8)) and out.sale_probability == F(3, 4)


def test_section41_three_integrals() -> None:
    """§4.1: the three sub-cases of the mixed cell, integrated exactly by hand-written limits."""
    va, vb = x_, y_
    first = integrate(vb - F(1, 2), [va >= 0, va <= F(1, 4), vb >= F(1, 2), vb <= 1], (va, vb))
    second = integrate(
        vb - (va + F(1, 4)), [va >= F(1, 4), va <= F(1, 2), vb >= va + F(1, 4), vb <= 1], (va, vb)
    )
    third = integrate(
        va - (vb - F(1, 4)),
        [va >= F(1, 4), va <= F(1, 2), vb >= F(1, 2), vb <= va + F(1, 4)],
        (va, vb),
    )
    low, high = HL.segments
    assert first + second + third == F(5, 96) == cell_outcome(low, high).buyer_surplus
    out = cell_outcome(low, high)
    assert out.utilities == (third, first + second)


def test_cell_outcome_conditional_and_regions() -> None:
    low, high = HL.segments
    assert cell_outcome(low, low, conditional=True).buyer_surplus == F(1, 12)
    assert cell_outcome(high, high, conditional=True).buyer_surplus == F(1, 6)
    regions = cell_regions(low, high)
    assert [r.owner for r in regions] == ["A", "B"]
    assert sum(r.polygon.area() for r in regions) == F(1, 4)
    everything = allocation_regions(THIRDS, HL)
    assert sum(r.polygon.area() for r in everything) == 1
    assert {r.owner for r in everything} == {"A", "B", None}


def test_outcome_at_payments_and_ties() -> None:
    o = outcome_at(ND, ND, F(3, 4), F(1, 4))
    assert (o.winner, o.payment, o.tie, o.efficient) == ("A", F(1, 2), False, True)
    o = outcome_at(ND, ND, F(3, 4), F(2, 3))
    assert (o.winner, o.payment) == ("A", F(2, 3))  # second price
    o = outcome_at(ND, ND, F(1, 4), F(1, 3))
    assert o.winner is None and o.payment == 0 and not o.efficient
    o = outcome_at(ND, ND, F(1, 2), F(1, 2))
    assert o.winner == "A" and o.tie
    # §4.1: A in [0,1/2] beats B in [1/2,1] when v_B < v_A + 1/4, paying φ_A^{-1}(φ_B(v_B))
    o = outcome_at(HL, HL, F(1, 2), F(5, 8))
    assert (o.winner, o.payment, o.efficient) == ("A", F(3, 8), False)
    # a winner whose message lies above the reserve pays at least its lowest type
    o = outcome_at(THIRDS, THIRDS, F(5, 6), F(1, 6))
    assert o.payment == F(2, 3) and o.messages[0] == (F(2, 3), F(1))
    o = outcome_at(FULL, ND, F(1, 3), F(1, 2))
    assert (o.winner, o.payment) == ("A", F(1, 3))


def test_interim_outcome() -> None:
    # no disclosure, type 3/4: wins against [0, 3/4], pays max(1/2, v_B)
    o = interim_outcome(ND, ND, F(3, 4))
    assert o.win_probability == F(3, 4)
    assert o.expected_utility == F(1, 8) + F(1, 32)
    assert o.expected_payment == F(3, 4) * F(3, 4) - o.expected_utility
    assert interim_outcome(FULL, ND, F(3, 4)).expected_utility == 0
    assert interim_outcome(HL, HL, F(1, 2)).message == (F(0), F(1, 2))
    assert interim_outcome(HL, HL, F(1, 2), from_above=True).message == (F(1, 2), F(1))
    with pytest.raises(PartitionError, match="v=1"):
        interim_outcome(HL, HL, 1, from_above=True)
    with pytest.raises(PartitionError, match="outside"):
        interim_outcome(HL, HL, -1)


def test_interim_integrates_to_ex_ante() -> None:
    """E[U_A] = ∫ interim utility dv; the interim utility is piecewise quadratic in v, so
    Simpson's rule is exact on each piece between the kinks (a fine rational grid)."""
    n = 24  # kinks of the interim utility of Fig. 3a lie on multiples of 1/8
    total = F(0)
    for k in range(n):
        a, b = F(k, n), F(k + 1, n)
        f = [interim_outcome(HL, ND, v, from_above=(v == a)).expected_utility
             for v in (a, (a + b) / 2)]
        fb = interim_outcome(HL, ND, b).expected_utility
        total += (b - a) * (f[0] + 4 * f[1] + fb) / 6
    assert total == F(13, 128)


def test_inefficiency() -> None:
    assert inefficiency(ND, ND).no_sale_probability == F(1, 4)
    assert inefficiency(HL, HL).misallocation_probability == F(1, 16)
    full = inefficiency(FULL, FULL)
    assert full.misallocation_probability == full.no_sale_probability == full.welfare_loss == 0


def test_paper_payoff_formula() -> None:
    segs = THIRDS.segments + HL.segments
    for a in segs:
        for b in segs:
            assert paper_payoff_formula(a, b) == cell_outcome(a, b, conditional=True).utilities[0]
    with pytest.raises(PartitionError, match="pooled"):
        paper_payoff_formula(FULL.segments[0], ND.segments[0])


def test_outcome_algebra() -> None:
    o = evaluate(HL, ND)
    assert o + ContinuousOutcome.zero() == o
    assert o.scaled(F(2)).revenue == 2 * o.revenue
    assert o.as_dict()["U_A"] == F(13, 128)
    assert repr(ContinuousOutcome.zero()).startswith("ContinuousOutcome(revenue=0,")


# -- erratum ---------------------------------------------------------------------------------


def _sympy_cell_utility(sa: Segment, sb: Segment, *, floor: bool) -> tuple[Fraction, Fraction]:
    """(∫ u_A, ∫ u_B) on a cell from the paper's §4.1 formulas, written as a sympy Piecewise
    (winner utility v − φ^{-1}(max(0, φ_other)), floored at the message's lowest type when
    ``floor``), integrated by exactmech.calculus (no code shared with cell_outcome)."""
    r = sympy.Rational

    def phi(s: Segment, v: sympy.Symbol) -> sympy.Expr:
        return v if s.revealed else 2 * v - r(s.hi)

    def pay(s: Segment, v: sympy.Symbol, other: sympy.Expr) -> sympy.Expr:
        if s.revealed:
            return v
        t = (sympy.Max(0, other) + r(s.hi)) / 2
        return sympy.Max(r(s.lo), t) if floor else t

    pa, pb = phi(sa, x_), phi(sb, y_)
    ua = sympy.Piecewise((x_ - pay(sa, x_, pb), (pa >= 0) & (pa >= pb)), (0, True))
    ub = sympy.Piecewise((y_ - pay(sb, y_, pa), (pb >= 0) & (pb > pa)), (0, True))
    box = [x_ >= r(sa.lo), x_ <= r(sa.hi), y_ >= r(sb.lo), y_ <= r(sb.hi)]
    return integrate(ua, box, (x_, y_)), integrate(ub, box, (x_, y_))


def test_erratum_fig3c_thirds() -> None:
    """Paper 000, Fig. 3c prints E[U] = 1/6 for the thirds partition used by both buyers; the
    model (winner pays the smallest value in her message at which she still wins) gives 7/54.

    Independent confirmations: (1) Myerson's virtual surplus per cell with
    exactmech.auctions.myerson_uniform (revenue = E[φ_winner], a different algorithm);
    (2) the paper's §4.2 formula E[u_A] = ∫_R (b − v_A); (3) the §4.1 payment formulas as a
    sympy Piecewise integrated by exactmech.calculus; (4) a midpoint grid of pointwise
    outcomes. The printed 1/6 is exactly what the unfloored payment φ^{-1}(max(0, φ_other))
    gives, a rule whose revenue falls short of the Myerson optimum (not the seller's best
    response): the message [2/3, 1] has reserve 1/2 below its lowest type.
    """
    segs = THIRDS.segments
    # (1) virtual surplus
    surplus = F(0)
    revenue = F(0)
    for a in segs:
        for b in segs:
            o = myerson_uniform([Uniform(a.lo, a.hi), Uniform(b.lo, b.hi)])
            surplus += o.consumer_surplus * a.length * b.length
            revenue += o.revenue * a.length * b.length
    assert surplus == F(7, 54) and revenue == F(19, 36)
    # (2) the §4.2 formula (A's payoff; B's by symmetry of the profile)
    formula = sum(
        (paper_payoff_formula(a, b) * a.length * b.length for a in segs for b in segs), F(0)
    )
    assert 2 * formula == F(7, 54)
    # (3) sympy Piecewise, with and without the floor at the lowest type
    floored = sum((sum(_sympy_cell_utility(a, b, floor=True)) for a in segs for b in segs), F(0))
    unfloored = sum(
        (sum(_sympy_cell_utility(a, b, floor=False)) for a in segs for b in segs), F(0)
    )
    assert floored == F(7, 54)
    assert unfloored == F(1, 6)  # the printed value, from the inconsistent payment rule
    welfare = evaluate(THIRDS, THIRDS).welfare
    assert welfare - unfloored == F(53, 108) < revenue  # not revenue-optimal
    # (4) midpoint grid of pointwise outcomes (error O(1/n^2) here)
    n = 24
    grid = F(0)
    for i in range(n):
        for j in range(n):
            o = outcome_at(THIRDS, THIRDS, F(2 * i + 1, 2 * n), F(2 * j + 1, 2 * n))
            if o.winner is not None:
                grid += o.values["AB".index(o.winner)] - o.payment
    grid /= n * n
    assert abs(grid - F(7, 54)) < F(1, 1000) < abs(grid - F(1, 6))
    assert evaluate(THIRDS, THIRDS).buyer_surplus == F(7, 54)
