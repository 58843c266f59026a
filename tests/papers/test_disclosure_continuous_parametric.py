"""Paper 000, §4.2: parametric partitions (piecewise polynomials) and Zeno's partition."""

from __future__ import annotations

import functools
from fractions import Fraction

import pytest
import sympy

from exactmech.errors import InvalidProblemError, PartitionError
from exactmech.papers.disclosure_continuous import (
    ParametricOutcome,
    PiecewisePolynomial,
    Segment,
    SelfSimilarPartition,
    cell_outcome,
    evaluate,
    one_sided_threshold_family,
    parametric_outcome,
    self_similar_outcome,
    symmetric_threshold_family,
    threshold_partition,
    zeno_partition,
)

F = Fraction
t = sympy.Symbol("t")


def test_symmetric_threshold_family() -> None:
    """§4.2: every symmetric threshold t <= 1/2 gives 1/6; above 1/2 the surplus is a cubic."""
    out = parametric_outcome(*symmetric_threshold_family(t), t)
    u = out.buyer_surplus
    assert u.constant_on(0, F(1, 2)) == F(1, 6)
    assert u.breakpoints == (F(1, 2),)
    assert sympy.expand(u.pieces[1][2] - (6 * t**3 - 9 * t**2 + 3 * t + 1) / 6) == 0
    assert out.critical_values == (F(1, 3), F(1, 2))
    assert u.maximum()[0] == sympy.Rational(1, 6)
    assert u.constant_on(F(1, 2), 1) is None


def test_one_sided_family_and_conjecture_42_in_it() -> None:
    out = parametric_outcome(*one_sided_threshold_family(t), t)
    u = out.buyer_surplus
    assert sympy.expand(u.pieces[0][2] - (t**3 + 4) / 24) == 0
    assert u.maximum() == (sympy.Rational(11, 64), sympy.Rational(1, 2))
    assert out.at(F(1, 2)).utilities == (F(13, 128), F(9, 128))


@functools.cache
def _mixed_family() -> ParametricOutcome:
    pa = [(0, t / 2, "revealed"), (t / 2, t), (t, 1)]
    pb = [(0, 1 - t, "pooled"), (1 - t, 1, "revealed")]
    return parametric_outcome(pa, pb, t, domain=(F(1, 100), F(99, 100)))


@pytest.mark.parametrize("value", [F(1, 7), F(1, 3), F(2, 5), F(1, 2), F(5, 8), F(9, 10)])
def test_parametric_agrees_with_direct_evaluation(value: Fraction) -> None:
    """The interpolated polynomials reproduce evaluate() at points that were not sampled,
    including critical values (a family with revealed and pooled segments on both sides)."""
    direct = evaluate(
        threshold_partition(value / 2, value, revealed=[0]),
        threshold_partition(1 - value, revealed=[1]),
    )
    assert _mixed_family().at(value) == direct


def test_parametric_degenerate_ends() -> None:
    out = parametric_outcome(*one_sided_threshold_family(t), t)
    assert out.at(0) == evaluate([(0, 1)], [(0, 1)])
    assert out.at(1) == evaluate([(0, 1)], [(0, 1)])


def test_parametric_errors() -> None:
    s = sympy.Symbol("s")
    with pytest.raises(PartitionError, match="at t=7/6 partition_a"):
        parametric_outcome([(0, t), (t, 1)], [(0, 1)], t, domain=(0, 2))
    with pytest.raises(PartitionError, match="affine"):
        parametric_outcome([(0, t**2), (t**2, 1)], [(0, 1)], t)
    with pytest.raises(PartitionError, match=r"depends on \['s'\]"):
        parametric_outcome([(0, s), (s, 1)], [(0, 1)], t)
    with pytest.raises(PartitionError, match="float"):
        parametric_outcome([(0, 0.5 * t), (0.5 * t, 1)], [(0, 1)], t)
    with pytest.raises(InvalidProblemError, match="not a sympy Symbol"):
        parametric_outcome([(0, 1)], [(0, 1)], "t")  # type: ignore[arg-type]
    with pytest.raises(InvalidProblemError, match="empty"):
        parametric_outcome([(0, 1)], [(0, 1)], t, domain=(1, 1))
    with pytest.raises(InvalidProblemError, match="unknown quantity"):
        parametric_outcome([(0, 1)], [(0, 1)], t).quantity("profit")
    f = PiecewisePolynomial(t, ((F(0), F(1), t),))
    with pytest.raises(InvalidProblemError, match="outside the domain"):
        f(2)
    assert isinstance(f.as_sympy(), sympy.Piecewise)
    assert str(f) == "t on [0, 1]"


def test_zeno_exact_and_truncations() -> None:
    """Fig. 3d: 23/147 exactly; the truncations (depth K, bottom [0, 2^-K] pooled) differ
    only on cells inside the strip v_A <= 2^-K or v_B <= 2^-K (area <= 2·2^-K, values <= 1)."""
    z = zeno_partition()
    out = self_similar_outcome(z, z)
    assert out.buyer_surplus == F(23, 147)
    assert out.revenue + out.buyer_surplus == out.welfare
    assert out.sale_probability == 1
    for depth in (3, 5):
        approx = evaluate(z.truncated(depth), z.truncated(depth))
        bound = 2 * F(1, 2**depth)
        assert abs(approx.buyer_surplus - out.buyer_surplus) <= bound
        assert abs(approx.welfare - out.welfare) <= bound


def test_zeno_homogeneity_sum() -> None:
    """Direct double sum over the cells (k, j) with k, j < K, against the exact total: the
    missing cells lie in a strip of area <= 2·2^-K where every utility is <= 1."""
    z = zeno_partition()
    segs = z.segments(8)
    direct = sum((cell_outcome(a, b).buyer_surplus for a in segs for b in segs), F(0))
    exact = self_similar_outcome(z, z).buyer_surplus
    assert 0 < exact - direct <= 2 * F(1, 2**8)


def test_other_self_similar_partitions() -> None:
    base = (Segment(F(1, 3), F(2, 3), True), Segment(F(2, 3), F(1)))
    p = SelfSimilarPartition(base, F(1, 3))
    q = SelfSimilarPartition((Segment(F(1, 3), F(1)),), F(1, 3))
    out = self_similar_outcome(p, q)
    approx = evaluate(p.truncated(6), q.truncated(6))
    assert abs(out.buyer_surplus - approx.buyer_surplus) <= 2 * F(1, 3**6)
    assert abs(out.win_probabilities[0] - approx.win_probabilities[0]) <= 2 * F(1, 3**6)
    assert self_similar_outcome(q, p) == out.swapped()
    with pytest.raises(PartitionError, match="ratios differ"):
        self_similar_outcome(p, zeno_partition())
    with pytest.raises(PartitionError, match="ratio=2"):
        SelfSimilarPartition(base, F(2))
    with pytest.raises(PartitionError, match="base must partition"):
        SelfSimilarPartition((Segment(F(1, 2), F(1)),), F(1, 3))
    with pytest.raises(PartitionError, match="do not meet"):
        SelfSimilarPartition((Segment(F(1, 3), F(1, 2)), Segment(F(2, 3), F(1))), F(1, 3))
    with pytest.raises(PartitionError, match="neither partition is a SelfSimilarPartition"):
        self_similar_outcome(threshold_partition(F(1, 2)), [(0, 1)])
    # one self-similar, one finite partition: A Zeno, B discloses high/low, and swapped
    hl = threshold_partition(F(1, 2))
    mixed = self_similar_outcome(zeno_partition(), hl)
    assert self_similar_outcome(hl, zeno_partition()) == mixed.swapped()
    approx = evaluate(zeno_partition().truncated(8), hl)
    assert abs(mixed.buyer_surplus - approx.buyer_surplus) <= F(1, 2**8)


def test_maximum_algebraic() -> None:
    """An interior critical point with an irrational argmax is returned exactly."""
    f = PiecewisePolynomial(t, ((F(0), F(1), t - t**3),))
    value, arg = f.maximum()
    assert sympy.simplify(value - 2 * sympy.sqrt(3) / 9) == 0
    assert sympy.simplify(arg - sympy.sqrt(3) / 3) == 0
