"""Property tests for paper 000, §4 (two U[0,1] buyers, interval partitions), exact `==`."""

from __future__ import annotations

from fractions import Fraction

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.auctions import myerson_uniform
from exactmech.calculus import Polynomial, integrate, integrate_polygon
from exactmech.dist import Uniform
from exactmech.papers.disclosure_continuous import (
    IntervalPartition,
    Segment,
    cell_outcome,
    cell_regions,
    evaluate,
    full_disclosure,
    inefficiency,
    no_disclosure,
    theorem44_witness,
)
from exactmech.strategies import interval_partitions

F = Fraction
ND_REVENUE = F(5, 12)  # paper 000, §4.1: second price with reserve 1/2


@given(interval_partitions(min_pooled=1), interval_partitions())
def test_theorem44_witness_is_inefficient(pa: IntervalPartition, pb: IntervalPartition) -> None:
    """Paper 000, §4.3, Theorem 4.4: if some interval is pooled, the proof's witness profile
    gives the good to the lower value (or to nobody) under every tie-breaking rule, and the
    inefficiency has positive probability (welfare strictly below E[max] = 2/3)."""
    for first, second in ((pa, pb), (pb, pa)):
        w = theorem44_witness(first, second)
        assert w is not None
        assert w.inefficient
    assert inefficiency(pa, pb).welfare_loss > 0


@given(interval_partitions(), interval_partitions())
def test_welfare_identity_and_symmetry(pa: IntervalPartition, pb: IntervalPartition) -> None:
    """W = R + U and U = U_A + U_B (paper 000, §4.2: "the buyer surplus is U = u_A + u_B");
    exchanging the buyers' names exchanges their utilities."""
    out = evaluate(pa, pb)
    assert out.welfare == out.revenue + out.buyer_surplus
    assert out.buyer_surplus == out.utilities[0] + out.utilities[1]
    assert 0 <= out.sale_probability <= 1
    assert min(out.utilities) >= 0
    assert evaluate(pb, pa) == out.swapped()
    loss = inefficiency(pa, pb)
    assert loss.welfare_loss == F(2, 3) - out.welfare >= 0


@given(interval_partitions(), interval_partitions())
def test_revenue_at_least_no_disclosure(pa: IntervalPartition, pb: IntervalPartition) -> None:
    """Paper 000, §4: disclosure only informs the seller, who could ignore it, so Myerson's
    revenue under any partitions is at least the no-disclosure revenue 5/12."""
    assert evaluate(pa, pb).revenue >= ND_REVENUE


@given(interval_partitions())
def test_full_disclosure_gives_zero_utility(pb: IntervalPartition) -> None:
    """Paper 000, §4.3: a buyer who reveals her value pays it when she wins (U = 0, Fig. 3b
    for A); if both reveal, the allocation is efficient and U = 0."""
    out = evaluate(full_disclosure(), pb)
    assert out.utilities[0] == 0
    both = evaluate(full_disclosure(), full_disclosure())
    assert both.buyer_surplus == 0 and both.welfare == F(2, 3)


segments_pairs = st.tuples(
    interval_partitions(max_segments=3).flatmap(lambda p: st.sampled_from(p.segments)),
    interval_partitions(max_segments=3).flatmap(lambda p: st.sampled_from(p.segments)),
)


@given(segments_pairs, st.integers(1, 5), st.integers(1, 5))
def test_degree_three_homogeneity(pair: tuple[Segment, Segment], p: int, q: int) -> None:
    """Paper 000, §4 (the scaling behind §4.1's "everything scaled down by a factor of 2" and
    Zeno's value): scaling both messages by λ scales every money value of the cell by λ^3
    and every probability by λ^2."""
    lam = F(min(p, q), max(p, q))
    sa, sb = pair
    base = cell_outcome(sa, sb)
    scaled = cell_outcome(sa.scaled(lam), sb.scaled(lam))
    assert scaled == base.scaled(lam**3, lam**2)


def _virtual_surplus(sa: Segment, sb: Segment) -> Fraction:
    """Myerson's lemma: expected revenue = expected virtual value of the winner."""
    total = F(0)
    for r in cell_regions(sa, sb):
        if r.owner is None:
            continue
        i = "AB".index(r.owner)
        slope, icpt = (sa, sb)[i].phi
        coeffs = [slope, F(0)] if i == 0 else [F(0), slope]
        total += integrate_polygon(Polynomial.linear(coeffs, icpt), r.polygon)
    return total


@given(segments_pairs)
def test_threshold_payments_equal_virtual_surplus(pair: tuple[Segment, Segment]) -> None:
    """Paper 000, §4.2 ("E[p_A] = E[x·φ_A]"): the winner's threshold payments integrate to the
    virtual surplus; for pooled messages both agree with exactmech.auctions.myerson_uniform."""
    sa, sb = pair
    out = cell_outcome(sa, sb)
    assert out.revenue == _virtual_surplus(sa, sb)
    if not sa.revealed and not sb.revealed:
        ref = myerson_uniform([Uniform(sa.lo, sa.hi), Uniform(sb.lo, sb.hi)])
        cond = cell_outcome(sa, sb, conditional=True)
        assert (cond.revenue, cond.welfare, cond.utilities) == (
            ref.revenue,
            ref.welfare,
            ref.utilities,
        )


_X, _Y = sympy.symbols("x y")


def _sympy_cell(sa: Segment, sb: Segment) -> tuple[Fraction, Fraction, Fraction]:
    """(revenue, U_A, U_B) of a cell from the paper's payment rule written as a sympy
    Piecewise (winner pays the smallest value in her message at which she still wins),
    integrated by exactmech.calculus.integrate: shares no code with cell_outcome."""
    r = sympy.Rational

    def phi(s: Segment, v: sympy.Symbol) -> sympy.Expr:
        return v if s.revealed else 2 * v - r(s.hi)

    def pay(s: Segment, v: sympy.Symbol, other: sympy.Expr) -> sympy.Expr:
        if s.revealed:
            return v
        return sympy.Max(r(s.lo), (sympy.Max(0, other) + r(s.hi)) / 2)

    pa, pb = phi(sa, _X), phi(sb, _Y)
    wins_a = (pa >= 0) & (pa >= pb)
    wins_b = (pb >= 0) & (pb > pa)
    box = [r(sa.lo) <= _X, r(sa.hi) >= _X, r(sb.lo) <= _Y, r(sb.hi) >= _Y]
    rev = sympy.Piecewise((pay(sa, _X, pb), wins_a), (pay(sb, _Y, pa), wins_b), (0, True))
    ua = sympy.Piecewise((_X - pay(sa, _X, pb), wins_a), (0, True))
    ub = sympy.Piecewise((_Y - pay(sb, _Y, pa), wins_b), (0, True))
    return (
        integrate(rev, box, (_X, _Y)),
        integrate(ua, box, (_X, _Y)),
        integrate(ub, box, (_X, _Y)),
    )


@settings(max_examples=12)
@given(interval_partitions(max_segments=2, max_denominator=5),
       interval_partitions(max_segments=2, max_denominator=5))
def test_agrees_with_sympy_piecewise_brute_force(pa: IntervalPartition,
                                                pb: IntervalPartition) -> None:
    """Paper 000, §4.1 (the winner's utility v − φ^{-1}(·) inside her message): evaluate()
    equals an independent exact integration of the payment rule, cell by cell."""
    rev = ua = ub = F(0)
    for sa in pa.segments:
        for sb in pb.segments:
            r, a, b = _sympy_cell(sa, sb)
            rev, ua, ub = rev + r, ua + a, ub + b
    out = evaluate(pa, pb)
    assert (out.revenue, out.utilities) == (rev, (ua, ub))


def test_strategy_shrinks_to_no_disclosure() -> None:
    from hypothesis import find

    assert find(interval_partitions(), lambda p: True) == no_disclosure()
