"""Tests of :mod:`exactmech.calculus.polygon_integral`: exact polynomial integrals.

Oracles: ``sympy.integrate`` over the vertical slabs of a region whose vertices are found by
brute force (:mod:`tests.calculus.oracle`, independent of our clipping and formulas), and
the second exact method (``triangles``) against the default (``green``).
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.calculus import (
    HalfPlane,
    Polygon,
    Polynomial,
    integrate_polygon,
    integrate_polynomial_interval,
    integrate_triangle,
)
from exactmech.errors import FloatInputError, InvalidProblemError, ShapeError
from tests.calculus.oracle import Row, sympy_integral
from tests.calculus.strategies import convex_rows, linear_rows, polynomials, rationals, triangles

F = Fraction
x, y = sympy.symbols("x y")
X, Y = Polynomial.variable(0, 2), Polynomial.variable(1, 2)


def region(rows: list[Row]) -> Polygon:
    return Polygon.from_halfplanes([HalfPlane(a, b, c) for a, b, c in rows])


def triangle_rows(pts: tuple[tuple[Fraction, Fraction], ...]) -> list[Row]:
    """The three edge half-planes of a triangle (either orientation)."""
    (ax, ay), (bx, by), (cx, cy) = pts
    sign = 1 if (bx - ax) * (cy - ay) - (by - ay) * (cx - ax) > 0 else -1
    rows = []
    for (px, py), (qx, qy) in (((ax, ay), (bx, by)), ((bx, by), (cx, cy)), ((cx, cy), (ax, ay))):
        dx, dy = (qx - px) * sign, (qy - py) * sign
        rows.append((dy, -dx, dy * px - dx * py))
    return rows


@settings(max_examples=25)
@given(triangles(), st.integers(0, 4), st.integers(0, 4))
def test_monomials_on_random_triangles_match_sympy(
    tri: tuple[tuple[Fraction, Fraction], ...], p: int, q: int
) -> None:
    """∫∫_T x^p y^q over a random triangle T equals sympy.integrate (moments of the simplex,
    Eq. (1), and the edge formula, Eq. (2))."""
    mono = Polynomial({(p, q): 1})
    expected = sympy_integral(x**p * y**q, triangle_rows(tri), x, y)
    assert integrate_polygon(mono, Polygon(tri)) == expected
    assert integrate_triangle(mono, *tri) == expected


@settings(max_examples=20)
@given(convex_rows(), polynomials(max_degree=3, max_terms=4))
def test_random_polygons_and_polynomials_match_sympy(rows: list[Row], f: Polynomial) -> None:
    """∫∫_P f over a random convex polygon (a box cut by random half-planes) equals
    sympy.integrate, iterated over the polygon's x-range slabs."""
    expected = sympy_integral(f.to_sympy((x, y)), rows, x, y)
    assert integrate_polygon(f, region(rows)) == expected


@given(convex_rows(max_cuts=4), polynomials(max_degree=4, max_terms=8))
def test_green_equals_triangles(rows: list[Row], f: Polynomial) -> None:
    """The two exact methods (edge formula on integers; fan of triangles with affine maps)
    give the same Fraction."""
    P = region(rows)
    assert integrate_polygon(f, P, method="green") == integrate_polygon(f, P, method="triangles")


@given(convex_rows(), linear_rows(), polynomials())
def test_additivity_under_a_split(rows: list[Row], cut: Row, f: Polynomial) -> None:
    """Additivity of the integral: splitting P by a line, the two pieces sum to the whole."""
    P = region(rows)
    a, b = P.split(HalfPlane(*cut))
    assert integrate_polygon(f, a) + integrate_polygon(f, b) == integrate_polygon(f, P)


@given(convex_rows(), polynomials(), polynomials())
def test_linearity(rows: list[Row], f: Polynomial, g: Polynomial) -> None:
    """∫(2f − g/3) = 2∫f − ∫g/3 exactly."""
    P = region(rows)
    lhs = integrate_polygon(2 * f - g / 3, P)
    assert lhs == 2 * integrate_polygon(f, P) - integrate_polygon(g, P) / 3


@given(
    convex_rows(),
    polynomials(max_degree=2),
    st.tuples(rationals(), rationals(), rationals(), rationals()),
    st.tuples(rationals(), rationals()),
)
def test_affine_change_of_variables(
    rows: list[Row], f: Polynomial, m: tuple[Fraction, ...], t: tuple[Fraction, Fraction]
) -> None:
    """Change of variables: ∫_{T(P)} f = |det M| ∫_P f∘T for T(u) = M u + t."""
    P = region(rows)
    det = m[0] * m[3] - m[1] * m[2]
    image = P.map([[m[0], m[1]], [m[2], m[3]]], t)
    f_of_T = f.compose([m[0] * X + m[1] * Y + t[0], m[2] * X + m[3] * Y + t[1]])
    assert integrate_polygon(f, image) == abs(det) * integrate_polygon(f_of_T, P)


@given(convex_rows())
def test_constant_one_gives_the_area(rows: list[Row]) -> None:
    """∫∫_P 1 = area(P)."""
    P = region(rows)
    assert integrate_polygon(Polynomial.constant(1, 2), P) == P.area()


@pytest.mark.parametrize(
    ("f", "polygon", "value"),
    [
        (X * Y, Polygon([(0, 0), (1, 0), (1, 1)]), F(1, 8)),
        (X * X, Polygon.box(0, 1, 0, 1), F(1, 3)),
        (X * X + Y * Y, Polygon.box(-1, 1, -1, 1), F(8, 3)),
        (X**3 * Y**2, Polygon.box(0, 2, 0, 3), F(36)),
        (X - Y, Polygon([(0, 0), (1, 0), (0, 1)]), F(0)),  # symmetric triangle
        (X, Polygon.empty(), F(0)),
        (Polynomial({}, nvars=2), Polygon.box(0, 1, 0, 1), F(0)),
    ],
)
def test_known_integrals(f: Polynomial, polygon: Polygon, value: Fraction) -> None:
    assert integrate_polygon(f, polygon) == value
    assert integrate_polygon(f, polygon, method="triangles") == value


def test_far_from_origin_and_large_denominators() -> None:
    # the origin-fan formula is exact even far away from the origin
    P = Polygon.box(10**6, 10**6 + 1, F(1, 10**9), F(1, 10**9) + 1)
    assert integrate_polygon(X - 10**6, P) == F(1, 2)
    T = Polygon([(0, 0), (F(1, 997), 0), (0, F(1, 991))])
    assert integrate_polygon(Polynomial.constant(1, 2), T) == F(1, 2 * 997 * 991)


def test_triangle_orientation_does_not_matter() -> None:
    f = X * X * Y + 1
    assert integrate_triangle(f, (0, 0), (2, 0), (0, 1)) == integrate_triangle(
        f, (0, 0), (0, 1), (2, 0)
    )
    assert integrate_triangle(f, (0, 0), (1, 1), (2, 2)) == 0  # degenerate


@given(polynomials(nvars=1, max_degree=4), rationals(), rationals())
def test_interval_matches_sympy(f: Polynomial, a: Fraction, b: Fraction) -> None:
    """∫_a^b f equals sympy.integrate (and is antisymmetric in the limits)."""
    t = sympy.Symbol("t")
    expected = sympy.integrate(f.to_sympy((t,)), (t, sympy.Rational(a), sympy.Rational(b)))
    got = integrate_polynomial_interval(f, a, b)
    assert got == Fraction(int(expected.p), int(expected.q))
    assert integrate_polynomial_interval(f, b, a) == -got


def test_errors() -> None:
    with pytest.raises(InvalidProblemError, match=r"^integrate_polygon\(\): expected a Polynomial"):
        integrate_polygon(x * y, Polygon.box(0, 1, 0, 1))
    with pytest.raises(ShapeError, match="3 variables, not 2"):
        integrate_polygon(Polynomial.variable(0, 3), Polygon.box(0, 1, 0, 1))
    with pytest.raises(InvalidProblemError, match="method="):
        integrate_polygon(X, Polygon.box(0, 1, 0, 1), method="simpson")
    with pytest.raises(FloatInputError, match="integrate_polynomial_interval"):
        integrate_polynomial_interval(Polynomial.variable(0, 1), 0, 0.5)
    with pytest.raises(FloatInputError, match="integrate_triangle"):
        integrate_triangle(X, (0, 0), (1, 0), (0, 0.5))
