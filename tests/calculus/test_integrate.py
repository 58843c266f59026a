"""Tests of :mod:`exactmech.calculus.integrate`: the public sympy-in, Fraction-out functions.

``sympy.integrate`` is the oracle (iterated over slabs of brute-force vertices for random
polygons, see :mod:`tests.calculus.oracle`); the paper's footnote is checked both ways.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings

from exactmech.calculus import (
    HalfPlane,
    HalfSpace,
    Polygon,
    Polynomial,
    Polytope,
    integrate,
    integrate_interval,
    integrate_iterated,
)
from exactmech.errors import FloatInputError, InvalidProblemError
from tests.calculus.oracle import Row, sympy_integral, to_fraction
from tests.calculus.strategies import convex_rows, linear_rows, polynomials

F = Fraction
R = sympy.Rational
x, y, z, t, s1, s2, k = sympy.symbols("x y z t s1 s2 k")
UNIT_SQUARE = [x >= 0, x <= 1, y >= 0, y <= 1]
FOOTNOTE_11 = sympy.Max(s1 + s2 / 2 - R(1, 2), 0)


def region(rows: list[Row]) -> Polygon:
    return Polygon.from_halfplanes([HalfPlane(a, b, c) for a, b, c in rows])


def lin(r: Row) -> sympy.Expr:
    a, b, c = r
    return R(a) * x + R(b) * y - R(c)


# -- the paper's example -----------------------------------------------------------------


def test_paper_003_footnote_11() -> None:
    """Paper 003, footnote 11: 2∫₀¹∫₀^{s₁} max(s₁ + s₂/2 − 1/2, 0) ds₂ ds₁ = 13/36, by
    iterated limits, by a region of inequalities and by an explicit triangle; sympy agrees."""
    inner = integrate_iterated(FOOTNOTE_11, (s2, 0, s1), (s1, 0, 1))
    assert inner == F(13, 72)
    assert 2 * inner == F(13, 36)
    assert integrate(FOOTNOTE_11, [s2 >= 0, s2 <= s1, s1 <= 1], (s1, s2)) == F(13, 72)
    triangle = Polygon([(0, 0), (1, 0), (1, 1)])  # coordinates (s1, s2)
    assert integrate(FOOTNOTE_11, triangle, (s1, s2)) == F(13, 72)
    assert to_fraction(sympy.integrate(FOOTNOTE_11, (s2, 0, s1), (s1, 0, 1))) == F(13, 72)


def test_myerson_two_and_three_buyers() -> None:
    """Expected revenue of Myerson's auction with n U[0,1] buyers, E[max(2v_i − 1, 0)]:
    5/12 for n = 2 (sympy agrees) and 17/32 for n = 3."""
    my2 = sympy.Max(2 * x - 1, 2 * y - 1, 0)
    assert integrate(my2, UNIT_SQUARE) == F(5, 12)
    assert to_fraction(sympy.integrate(my2, (x, 0, 1), (y, 0, 1))) == F(5, 12)
    cube = [*UNIT_SQUARE, z >= 0, z <= 1]
    assert integrate(sympy.Max(2 * x - 1, 2 * y - 1, 2 * z - 1, 0), cube) == F(17, 32)


def test_three_dimensional_piecewise_matches_sympy() -> None:
    e = sympy.Max(x + y + z - 1, 0) * x
    expected = to_fraction(sympy.integrate(e, (z, 0, 1), (y, 0, 1), (x, 0, 1)))
    assert integrate(e, [*UNIT_SQUARE, z >= 0, z <= 1]) == expected
    assert integrate_iterated(e, (z, 0, 1), (y, 0, 1), (x, 0, 1)) == expected
    assert integrate(e, Polytope.box([(0, 1)] * 3), (x, y, z)) == expected


# -- properties against sympy ---------------------------------------------------------------


@settings(max_examples=15)
@given(convex_rows(max_cuts=2), polynomials(max_degree=2, max_terms=3), linear_rows())
def test_max_of_linear_and_zero_matches_sympy(rows: list[Row], f: Polynomial, cut: Row) -> None:
    """∫_P max(L, 0)·f = ∫_{P ∩ {L >= 0}} L·f: exact splitting along the line L = 0 agrees
    with sympy.integrate over the clipped region (vertices by brute force)."""
    L = lin(cut)
    fe = f.to_sympy((x, y))
    a, b, c = cut
    expected = sympy_integral(sympy.expand(L * fe), [*rows, (-a, -b, -c)], x, y)
    assert integrate(sympy.Max(L, 0) * fe, region(rows)) == expected


@settings(max_examples=15)
@given(convex_rows(max_cuts=2), polynomials(max_degree=3, max_terms=4))
def test_polynomial_over_inequalities_matches_sympy(rows: list[Row], f: Polynomial) -> None:
    """A polynomial integrated over a region given as sympy inequalities equals sympy."""
    fe = f.to_sympy((x, y))
    constraints = [lin(r) <= 0 for r in rows]
    assert integrate(fe, constraints, (x, y)) == sympy_integral(fe, rows, x, y)


@given(convex_rows(), linear_rows(), polynomials(max_degree=2))
def test_max_plus_min_is_the_function(rows: list[Row], cut: Row, f: Polynomial) -> None:
    """max(L, 0) + min(L, 0) = L, hence their integrals add up to ∫ L (times f)."""
    P = region(rows)
    L, fe = lin(cut), f.to_sympy((x, y))
    total = integrate(sympy.Max(L, 0) * fe, P) + integrate(sympy.Min(L, 0) * fe, P)
    assert total == integrate(L * fe, P)
    assert integrate(sympy.Max(L, 0) * fe + sympy.Min(L, 0) * fe, P) == total


@given(convex_rows(), linear_rows(), linear_rows())
def test_max_min_exchange(rows: list[Row], r1: Row, r2: Row) -> None:
    """max(a, b) + min(a, b) = a + b and |a − b| = max(a, b) − min(a, b)."""
    P = region(rows)
    a, b = lin(r1), lin(r2)
    hi, lo = integrate(sympy.Max(a, b), P), integrate(sympy.Min(a, b), P)
    assert hi + lo == integrate(a + b, P)
    assert integrate(sympy.Abs(a - b), P) == hi - lo


@settings(max_examples=15)
@given(
    polynomials(max_degree=2, max_terms=3),
    polynomials(nvars=1, max_degree=2, max_terms=2),
    polynomials(nvars=1, max_degree=2, max_terms=2),
)
def test_iterated_polynomial_limits_match_sympy(
    f: Polynomial, lo: Polynomial, hi: Polynomial
) -> None:
    """∫₀¹ ∫_{lo(x)}^{hi(x)} f dy dx with polynomial limits (signed where lo > hi) equals
    sympy.integrate with the same limits."""
    fe, loe, hie = f.to_sympy((x, y)), lo.to_sympy((x,)), hi.to_sympy((x,))
    expected = to_fraction(sympy.integrate(fe, (y, loe, hie), (x, 0, 1)))
    assert integrate_iterated(fe, (y, loe, hie), (x, 0, 1)) == expected


@pytest.mark.parametrize(
    ("expr", "limits"),
    [
        (sympy.Max(x - y, 0), ((y, x, R(1, 2)), (x, 0, 1))),  # lower limit > upper for x > 1/2
        (sympy.Max(x - y, 0) * x, ((y, x - 1, 2 * x), (x, -1, 1))),
        (sympy.Min(x, y) + 1, ((y, 0, 1 - x), (x, 1, 0))),  # reversed outer limits
        (sympy.Piecewise((x, y < x), (y, True)), ((y, 0, 1), (x, 0, 1))),
    ],
)
def test_iterated_piecewise_signed_like_sympy(
    expr: sympy.Expr, limits: tuple[tuple[object, object, object], ...]
) -> None:
    assert integrate_iterated(expr, *limits) == to_fraction(sympy.integrate(expr, *limits))


# -- regions --------------------------------------------------------------------------------


def test_union_of_pieces() -> None:
    pieces = [Polygon.box(0, 1, 0, 1), [x >= 1, x <= 2, y >= 0, y <= x - 1]]
    assert integrate(x, pieces) == F(1, 2) + F(5, 6)  # ∫₁² x(x − 1) dx = 5/6
    assert integrate(1, pieces) == F(3, 2)


def test_overlapping_pieces_raise() -> None:
    with pytest.raises(InvalidProblemError, match=r"^integrate\(\): the pieces 0 and 1 .* overlap"):
        integrate(1, [Polygon.box(0, 1, 0, 1), Polygon.box(R(1, 2), 2, 0, 1)])
    # touching along an edge is fine
    assert integrate(1, [Polygon.box(0, 1, 0, 1), Polygon.box(1, 2, 0, 1)]) == 2


def test_or_condition_region_is_a_disjoint_union() -> None:
    L_shape = [*UNIT_SQUARE, sympy.Or(x <= R(1, 2), y <= R(1, 2))]
    assert integrate(1, L_shape) == F(3, 4)
    assert integrate(x + y, L_shape) == F(5, 8)
    assert integrate(1, [*UNIT_SQUARE, sympy.Not(x > R(1, 3))]) == F(1, 3)


def test_halfspace_objects_in_the_region() -> None:
    hs = [HalfPlane(-1, 0, 0), HalfPlane(0, -1, 0), HalfPlane(1, 1, 1)]
    assert integrate(x * y, hs) == F(1, 24)
    assert integrate(x * y, [*hs[:2], x + y <= 1]) == F(1, 24)
    assert integrate(s1, [HalfSpace([-1, 0], 0), HalfSpace([0, -1], 0), s1 + s2 <= 1]) == F(1, 6)


def test_variables_default_and_explicit() -> None:
    T = Polygon([(0, 0), (2, 0), (0, 1)])
    assert integrate(x, T) == F(2, 3)  # default (x, y)
    assert integrate(y, T) == F(1, 3)
    assert integrate(s2, T, (s1, s2)) == F(1, 3)
    assert integrate(s2, T, ("s2", "s1")) == F(2, 3)
    assert integrate(1, [t >= 0, t <= 3]) == 3  # one dimension, inferred
    with pytest.raises(InvalidProblemError, match="besides the variables"):
        integrate(s1 * s2, T)


def test_polynomial_and_number_integrands() -> None:
    T = Polygon([(0, 0), (1, 0), (0, 1)])
    assert integrate(Polynomial({(1, 1): 1}), T) == F(1, 24)
    assert integrate(F(3), T) == F(3, 2)
    assert integrate("1/2", T) == F(1, 4)


# -- errors ---------------------------------------------------------------------------------


def test_unbounded_region_raises() -> None:
    with pytest.raises(
        InvalidProblemError, match=r"^integrate\(\): the region \{-x <= 0, -y <= 0\} is unbounded"
    ):
        integrate(x, [x >= 0, y >= 0])
    with pytest.raises(InvalidProblemError, match="unbounded in z"):
        integrate(x, [*UNIT_SQUARE, z >= 0])


def test_non_polynomial_integrand_raises() -> None:
    with pytest.raises(InvalidProblemError, match=r"^integrate\(\): exp\(x\) is not a polynomial"):
        integrate(sympy.exp(x), UNIT_SQUARE)
    with pytest.raises(InvalidProblemError, match=r"symbols \{k\}"):
        integrate(k * x, UNIT_SQUARE)
    with pytest.raises(InvalidProblemError, match="not a piecewise polynomial"):
        integrate(sympy.sin(sympy.Max(x, y)), UNIT_SQUARE)


def test_curved_switching_raises() -> None:
    with pytest.raises(NotImplementedError, match="not a line"):
        integrate(sympy.Max(x**2, y), UNIT_SQUARE)
    with pytest.raises(NotImplementedError, match="affine limits"):
        integrate_iterated(sympy.Max(x, y), (y, 0, x**2), (x, 0, 1))
    with pytest.raises(InvalidProblemError, match="not a polynomial"):
        integrate(1, [*UNIT_SQUARE, x * y <= R(1, 2) + sympy.sqrt(x)])


def test_float_rejection() -> None:
    with pytest.raises(FloatInputError, match=r"^integrate\(\): 0\.5\*x contains the float 0\.5"):
        integrate(0.5 * x, UNIT_SQUARE)
    with pytest.raises(FloatInputError, match="float"):
        integrate(x, [x >= 0, x <= 0.5, y >= 0, y <= 1])
    with pytest.raises(FloatInputError, match=r"integrate_iterated\(\): upper limit of x=0\.5"):
        integrate_iterated(x, (y, 0, 1), (x, 0, 0.5))
    with pytest.raises(FloatInputError, match="integrate_interval"):
        integrate_interval(t, 0, 0.25)


def test_bad_limits_raise() -> None:
    with pytest.raises(InvalidProblemError, match="depends on"):
        integrate_iterated(x * y, (y, 0, 1), (x, 0, y))
    with pytest.raises(InvalidProblemError, match="not"):
        integrate_iterated(x, (x, 0))
    with pytest.raises(InvalidProblemError, match="two limits"):
        integrate_iterated(x, (x, 0, 1), (x, 0, 1))


# -- one dimension ---------------------------------------------------------------------------


def test_integrate_interval() -> None:
    assert integrate_interval(sympy.Max(2 * t - 1, 0), 0, 1) == F(1, 4)
    assert integrate_interval(sympy.Max(2 * t - 1, 0), 1, 0) == F(-1, 4)
    assert integrate_interval(sympy.Abs(t), -1, 2) == F(5, 2)
    assert integrate_interval(t**3, 0, "1/2") == F(1, 64)
    assert integrate_interval(Polynomial({(2,): 3}), 0, 2) == 8
    assert integrate_interval(R(1, 3), 0, 3) == 1
    with pytest.raises(InvalidProblemError, match="several symbols"):
        integrate_interval(x * y, 0, 1)
    with pytest.raises(InvalidProblemError, match=r"symbols \{y\}"):
        integrate_interval(x * y, 0, 1, variable=x)
    assert integrate_interval(x * 2, 0, 1, variable=x) == 1
