"""Tests of :mod:`exactmech.calculus.piecewise`: splitting Max/Min/Piecewise along lines.

The pieces must partition the cell (areas add up, no overlap) and reproduce the function
pointwise; values are checked against sympy's own evaluation at the cells' centroids.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings

from exactmech.calculus import HalfPlane, Polygon, Polytope, Splitter
from exactmech.errors import InvalidProblemError
from tests.calculus.oracle import Row
from tests.calculus.strategies import convex_rows, linear_rows

x, y, z = sympy.symbols("x y z")
R = sympy.Rational
SPLIT = Splitter((x, y), "test")


def region(rows: list[Row]) -> Polygon:
    return Polygon.from_halfplanes([HalfPlane(a, b, c) for a, b, c in rows])


def lin(r: Row) -> sympy.Expr:
    a, b, c = r
    return R(a) * x + R(b) * y - R(c)


def centroid(P: Polygon) -> tuple[Fraction, Fraction]:
    n = len(P.vertices)
    return (
        sum((v[0] for v in P.vertices), Fraction(0)) / n,
        sum((v[1] for v in P.vertices), Fraction(0)) / n,
    )


def check_partition(expr: sympy.Expr, P: Polygon) -> None:
    pieces = [(c, f) for c, f in SPLIT.pieces(expr, P) if isinstance(c, Polygon)]
    assert len(pieces) == len(SPLIT.pieces(expr, P))  # 2-D cells are polygons
    assert sum(c.area() for c, _ in pieces) == P.area()
    for i, (a, _) in enumerate(pieces):
        for b, _ in pieces[i + 1 :]:
            assert a.intersect(b).is_empty
    for cell, f in pieces:
        if cell.is_empty:
            continue
        px, py = centroid(cell)  # an interior point: the formula is unambiguous there
        value = expr.subs({x: R(px), y: R(py)})
        assert f(px, py) == Fraction(int(value.p), int(value.q))


@settings(max_examples=30)
@given(convex_rows(), linear_rows(), linear_rows(), linear_rows())
def test_max_and_min_pieces_partition_and_evaluate(
    rows: list[Row], r1: Row, r2: Row, r3: Row
) -> None:
    """The pieces of Max(L1, L2, L3) and Min(L1, L2, 0) partition P and equal the function."""
    P = region(rows)
    check_partition(sympy.Max(lin(r1), lin(r2), lin(r3)), P)
    check_partition(sympy.Min(lin(r1), lin(r2), 0), P)


@settings(max_examples=25)
@given(convex_rows(), linear_rows(), linear_rows())
def test_nested_sums_products_and_abs(rows: list[Row], r1: Row, r2: Row) -> None:
    """Sums, products, powers, Abs and Heaviside of piecewise terms are split consistently."""
    P = region(rows)
    L1, L2 = lin(r1), lin(r2)
    check_partition(sympy.Max(L1, 0) * sympy.Min(L2, x) + sympy.Abs(L1 - L2) ** 2, P)
    check_partition(sympy.Heaviside(L1) * y + sympy.Max(sympy.Min(L1, L2), -1), P)


@settings(max_examples=40)
@given(convex_rows(), linear_rows(), linear_rows())
def test_piecewise_first_true_condition_wins(rows: list[Row], r1: Row, r2: Row) -> None:
    """Piecewise semantics: the value is that of the first condition that holds."""
    P = region(rows)
    L1, L2 = lin(r1), lin(r2)
    expr = sympy.Piecewise((x, L1 <= 0), (y + 1, sympy.Or(L2 > 0, L1 > 1)), (2, True))
    check_partition(expr, P)


def test_condition_cells_are_disjoint() -> None:
    P = Polygon.box(0, 1, 0, 1)
    cond = sympy.Or(x < R(1, 2), y < R(1, 2))
    cells = [SPLIT.condition_cells(cond), SPLIT.condition_cells(cond, negate=True)]
    areas = []
    for conjs in cells:
        area = Fraction(0)
        for conj in conjs:
            Q = P
            for h in conj:
                Q = Q.clip(h)
            area += Q.area()
        areas.append(area)
    assert areas == [Fraction(3, 4), Fraction(1, 4)]
    assert SPLIT.condition_cells(sympy.Eq(x, y)) == []  # measure zero
    assert SPLIT.condition_cells(sympy.Ne(x, y)) == [[]]
    assert SPLIT.condition_cells(sympy.Not(x < 1)) == [[HalfPlane(-1, 0, -1)]]


def test_constant_comparisons_keep_their_strictness() -> None:
    e = (x + 1) ** 2 - x**2 - 2 * x  # == 1, not auto-simplified by sympy
    assert SPLIT.condition_cells(sympy.StrictLessThan(e, 1, evaluate=False)) == []
    assert SPLIT.condition_cells(sympy.LessThan(e, 1, evaluate=False)) == [[]]
    assert SPLIT.condition_cells(sympy.LessThan(e, 1, evaluate=False), negate=True) == []


def test_heaviside_of_constant_uses_its_value_at_zero() -> None:
    P = Polygon.box(0, 1, 0, 1)
    [(cell, f)] = SPLIT.pieces(sympy.Heaviside((x + 1) ** 2 - x**2 - 2 * x - 1), P)
    assert cell == P and f(0, 0) == Fraction(1, 2)


def test_polytope_cells_in_three_dimensions() -> None:
    split3 = Splitter((x, y, z), "test")
    cube = Polytope.box([(0, 1)] * 3)
    pieces = split3.pieces(sympy.Max(x, y, z), cube)
    assert len(pieces) == 3
    assert all(not c.is_empty for c, _ in pieces)


def test_curved_switching_raises_not_implemented() -> None:
    with pytest.raises(NotImplementedError, match=r"curve x\*\*2 - y = 0, which is not a line"):
        SPLIT.pieces(sympy.Max(x**2, y), Polygon.box(0, 1, 0, 1))
    with pytest.raises(NotImplementedError, match="not a line"):
        SPLIT.pieces(sympy.Piecewise((1, x * y < R(1, 4)), (0, True)), Polygon.box(0, 1, 0, 1))


def test_unsupported_expressions_raise() -> None:
    P = Polygon.box(0, 1, 0, 1)
    with pytest.raises(InvalidProblemError, match="not a piecewise polynomial"):
        SPLIT.pieces(sympy.exp(sympy.Max(x, 0)), P)
    with pytest.raises(InvalidProblemError, match="exponent"):
        SPLIT.pieces(sympy.Max(x, y) ** R(1, 2), P)
    with pytest.raises(InvalidProblemError, match="undefined on part of the region"):
        SPLIT.pieces(sympy.Piecewise((x, x < R(1, 2))), P)
