"""Tests of :mod:`exactmech.calculus.polytope`: exact integration in n dimensions.

Oracles: closed forms (volumes of simplices and boxes, the expected revenue of Myerson's
auction with n uniform buyers), ``sympy.integrate`` on small 3-D examples, and the
two-dimensional polygon engine for cylinders ``P × [0, 1]``.
"""

from __future__ import annotations

from fractions import Fraction
from math import factorial

import pytest
import sympy
from hypothesis import given, settings

from exactmech.calculus import (
    HalfPlane,
    HalfSpace,
    Polygon,
    Polynomial,
    Polytope,
    has_interior,
    integrate_polygon,
    integrate_polytope,
)
from exactmech.errors import InvalidProblemError, ShapeError
from tests.calculus.oracle import Row, to_fraction
from tests.calculus.strategies import convex_rows, polynomials

F = Fraction


def unit(i: int, n: int, scale: int = 1) -> list[int]:
    return [scale if j == i else 0 for j in range(n)]


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_volume_of_the_standard_simplex(n: int) -> None:
    simplex = Polytope.box([(0, 1)] * n).clip(HalfSpace([1] * n, 1))
    assert integrate_polytope(Polynomial.constant(1, n), simplex) == F(1, factorial(n))


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_myerson_revenue_with_n_uniform_buyers(n: int) -> None:
    """E[max(2v_1 − 1, ..., 2v_n − 1, 0)] for v_i ~ U[0,1] iid: by the distribution of the
    maximum, ∫_{1/2}^1 (2m − 1) n m^{n−1} dm = 2n/(n+1)(1 − 2^{−(n+1)}) − (1 − 2^{−n})."""
    cube = Polytope.box([(0, 1)] * n)
    total = F(0)
    for i in range(n):  # the cell where buyer i has the largest virtual value, and it is >= 0
        cell = cube.clip(HalfSpace(unit(i, n, -2), -1))
        for j in range(n):
            if j != i:
                cell = cell.clip(HalfSpace([a - b for a, b in zip(unit(j, n), unit(i, n))], 0))
        total += integrate_polytope(Polynomial.linear(unit(i, n, 2), -1), cell)
    closed_form = F(2 * n, n + 1) * (1 - F(1, 2 ** (n + 1))) - (1 - F(1, 2**n))
    assert total == closed_form


def test_box_moment() -> None:
    f = Polynomial({(1, 2, 0): 3, (0, 0, 1): 1})  # 3 x y^2 + z
    box = Polytope.box([(0, 1), (0, 2), ("1/2", 1)])
    # ∫ 3xy² = 3 · 1/2 · 8/3 · 1/2 = 2; ∫ z = 1 · 2 · 3/8 = 3/4
    assert integrate_polytope(f, box) == F(11, 4)


def test_three_d_region_matches_sympy() -> None:
    """The unit cube minus its corner ``x + y + z > 2``; oracle: sympy.integrate over the cube
    minus sympy.integrate over the corner simplex."""
    x, y, z = sympy.symbols("x y z")
    # {0 <= x, y, z <= 1, x + y + z <= 2}: cube minus the corner simplex at (1, 1, 1)
    region = Polytope.box([(0, 1)] * 3).clip(HalfSpace([1, 1, 1], 2))
    f = Polynomial({(1, 1, 0): 1, (0, 0, 2): 2})
    e = x * y + 2 * z**2
    whole = sympy.integrate(e, (x, 0, 1), (y, 0, 1), (z, 0, 1))
    corner = sympy.integrate(e, (z, 2 - x - y, 1), (y, 1 - x, 1), (x, 0, 1))
    assert integrate_polytope(f, region) == to_fraction(whole - corner)


@settings(max_examples=30)
@given(convex_rows(max_cuts=2), polynomials(max_degree=2, max_terms=4))
def test_cylinder_over_a_polygon(rows: list[Row], f: Polynomial) -> None:
    """Fubini: ∫_{P × [0, 2]} f(x, y)·z = 2 ∫_P f (the iterated n-D scheme against the
    polygon formula)."""
    polygon = Polygon.from_halfplanes([HalfPlane(*r) for r in rows])
    hs = [HalfSpace([a, b, 0], c) for a, b, c in rows]
    hs += [HalfSpace([0, 0, -1], 0), HalfSpace([0, 0, 1], 2)]
    lifted = Polynomial({(*e, 1): c for e, c in f.terms.items()}, nvars=3)
    assert integrate_polytope(lifted, hs) == 2 * integrate_polygon(f, polygon)


@settings(max_examples=30)
@given(convex_rows(max_cuts=2), polynomials(max_degree=2, max_terms=4))
def test_polytope_in_two_dimensions_equals_polygon(rows: list[Row], f: Polynomial) -> None:
    """A 2-D polytope is integrated by the same polygon engine (same value)."""
    polygon = Polygon.from_halfplanes([HalfPlane(*r) for r in rows])
    assert integrate_polytope(f, [HalfSpace(r[:2], r[2]) for r in rows]) == integrate_polygon(
        f, polygon
    )


def test_one_dimension() -> None:
    t = Polynomial.variable(0, 1)
    interval = [HalfSpace([-1], 0), HalfSpace([1], 2), HalfSpace([2], 3)]  # 0 <= t <= 3/2
    assert integrate_polytope(t * t, interval) == F(9, 8)


def test_duplicate_and_redundant_constraints() -> None:
    cube = Polytope.box([(0, 1)] * 3)
    doubled = Polytope([*cube.halfspaces, *cube.halfspaces, HalfSpace([2, 0, 0], 2)])
    assert integrate_polytope(Polynomial.constant(1, 3), doubled) == 1


def test_empty_polytopes_integrate_to_zero() -> None:
    cube = Polytope.box([(0, 1)] * 3)
    outside = cube.clip(HalfSpace([-1, -1, -1], -4))  # x + y + z >= 4
    assert outside.is_empty
    assert integrate_polytope(Polynomial.constant(1, 3), outside) == 0
    flat = cube.clip(HalfSpace([1, 0, 0], 0))  # x <= 0: the face x = 0, measure zero
    assert flat.is_empty
    assert integrate_polytope(Polynomial.constant(1, 3), flat) == 0


def test_has_interior() -> None:
    assert has_interior([HalfSpace([1, 1, 1], 1)], 3)
    assert not has_interior([HalfSpace([1, 0], 0), HalfSpace([-1, 0], 0)], 2)
    assert not has_interior([HalfSpace([0, 0], -1)], 2)
    assert has_interior([], 2)


def test_unbounded_polytope_raises() -> None:
    octant = [HalfSpace(unit(i, 3, -1), 0) for i in range(3)]
    with pytest.raises(
        InvalidProblemError, match=r"^integrate_polytope\(\): the region is unbounded"
    ):
        integrate_polytope(Polynomial.constant(1, 3), octant)
    # unbounded but of measure zero: integral 0, no error
    ray = [*octant, HalfSpace([1, 0, 0], 0), HalfSpace([0, 1, 0], 0)]
    assert integrate_polytope(Polynomial.constant(1, 3), ray) == 0


def test_shape_errors() -> None:
    with pytest.raises(ShapeError):
        Polytope([HalfSpace([1, 0], 1), HalfSpace([1, 0, 0], 1)])
    with pytest.raises(ShapeError):
        integrate_polytope(Polynomial.variable(0, 2), Polytope.box([(0, 1)] * 3))
