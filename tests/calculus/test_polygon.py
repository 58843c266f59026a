"""Tests of :mod:`exactmech.calculus.polygon`: exact half-planes, clipping and boundedness.

The oracle for random regions is brute-force vertex enumeration (every pair of boundary
lines, kept if feasible) in :mod:`tests.calculus.oracle`, which shares no code with the
Sutherland–Hodgman clipper or the hull used by :meth:`Polygon.from_halfplanes`.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactmech.calculus import HalfPlane, HalfSpace, Polygon
from exactmech.errors import FloatInputError, InvalidProblemError, ShapeError
from tests.calculus.oracle import Row, brute_area, brute_vertices
from tests.calculus.strategies import convex_rows, linear_rows, rationals

F = Fraction


def region(rows: list[Row]) -> Polygon:
    return Polygon.from_halfplanes([HalfPlane(a, b, c) for a, b, c in rows])


@pytest.mark.parametrize(
    ("vertices", "area"),
    [
        ([(0, 0), (1, 0), (0, 1)], F(1, 2)),
        ([(0, 0), (1, 0), (1, 1), (0, 1)], F(1)),
        ([(0, 1), (1, 1), (1, 0), (0, 0)], F(1)),  # clockwise input is reoriented
        ([(0, 0), (2, 0), (2, 3)], F(3)),
        ([(0, 0), ("1/2", 0), (1, 0), (1, 1), (0, 1)], F(1)),  # collinear vertex dropped
        ([(1, 0), (2, 1), (1, 2), (0, 1)], F(2)),  # a diamond
        ([(0, 0), (4, 0), (5, 2), (2, 4), (-1, 2)], F(16)),  # a pentagon
        ([(0, 0), ("1/3", 0), ("1/3", "1/7")], F(1, 42)),
        ([(0, 0), (1, 1), (2, 2)], F(0)),  # collinear: empty
        ([], F(0)),
    ],
)
def test_areas_of_known_polygons(vertices: list[tuple[object, object]], area: Fraction) -> None:
    P = Polygon(vertices)
    assert P.area() == area
    assert P.area() >= 0
    assert P.is_empty == (area == 0)


def test_regular_hexagon_area_and_vertices() -> None:
    # |x| <= 1, |y| <= 1, |x + y| <= 1 is a hexagon of area 3.
    hs = [
        HalfPlane(1, 0, 1),
        HalfPlane(-1, 0, 1),
        HalfPlane(0, 1, 1),
        HalfPlane(0, -1, 1),
        HalfPlane(1, 1, 1),
        HalfPlane(-1, -1, 1),
    ]
    P = Polygon.from_halfplanes(hs)
    assert P.area() == 3
    assert len(P.vertices) == 6
    assert set(P.vertices) == {
        (F(1), F(0)),
        (F(1), F(-1)),
        (F(0), F(-1)),
        (F(-1), F(0)),
        (F(-1), F(1)),
        (F(0), F(1)),
    }


@given(convex_rows())
def test_from_halfplanes_matches_brute_force_vertices(rows: list[Row]) -> None:
    """A bounded intersection of half-planes is the convex hull of its feasible line-pair
    intersections: same vertex set (up to collinear ones) and same area."""
    P = region(rows)
    brute = brute_vertices(rows)
    assert set(P.vertices) <= brute
    assert P.area() == brute_area(rows)
    assert all(all(a * px + b * py <= c for a, b, c in rows) for px, py in P.vertices)


@given(convex_rows(), linear_rows())
def test_split_is_additive(rows: list[Row], cut: Row) -> None:
    """Splitting a convex polygon by a line: the two pieces' areas add up to the whole, and
    each piece lies on its side of the line."""
    P = region(rows)
    h = HalfPlane(*cut)
    inside, outside = P.split(h)
    assert inside.area() + outside.area() == P.area()
    assert all(h.contains(v) for v in inside.vertices)
    assert all(h.flipped().contains(v) for v in outside.vertices)


@given(convex_rows(), convex_rows())
def test_intersection_matches_combined_constraints(r1: list[Row], r2: list[Row]) -> None:
    """P ∩ Q (clipping P by Q's edges) is the region of both constraint sets."""
    assert region(r1).intersect(region(r2)).area() == brute_area(r1 + r2)


@given(
    convex_rows(),
    st.tuples(rationals(), rationals(), rationals(), rationals()),
    st.tuples(rationals(), rationals()),
)
def test_affine_image_scales_area_by_det(
    rows: list[Row], m: tuple[Fraction, ...], t: tuple[Fraction, Fraction]
) -> None:
    """area(M·P + t) = |det M|·area(P), and the image of a vertex is a vertex."""
    P = region(rows)
    M = [[m[0], m[1]], [m[2], m[3]]]
    image = P.map(M, t)
    det = m[0] * m[3] - m[1] * m[2]
    assert image.area() == abs(det) * P.area()
    if det:
        assert len(image.vertices) == len(P.vertices)


@given(convex_rows())
def test_halfplanes_round_trip(rows: list[Row]) -> None:
    """A polygon is the intersection of its edge half-planes."""
    P = region(rows)
    assert Polygon.from_halfplanes(P.halfplanes()) == P


def test_unbounded_region_raises() -> None:
    quadrant = [HalfPlane(-1, 0, 0), HalfPlane(0, -1, 0)]
    with pytest.raises(InvalidProblemError, match=r"unbounded; add constraints or pass bbox"):
        Polygon.from_halfplanes(quadrant)
    with pytest.raises(InvalidProblemError, match="whole plane"):
        Polygon.from_halfplanes([])
    with pytest.raises(InvalidProblemError, match="unbounded"):  # a strip
        Polygon.from_halfplanes([HalfPlane(1, 0, 1), HalfPlane(-1, 0, 0)])
    with pytest.raises(InvalidProblemError, match="unbounded"):  # a wedge
        Polygon.from_halfplanes([HalfPlane(-1, 1, 0), HalfPlane(-1, -1, 0)])


def test_bbox_makes_unbounded_regions_integrable() -> None:
    quadrant = [HalfPlane(-1, 0, 0), HalfPlane(0, -1, 0)]
    assert Polygon.from_halfplanes(quadrant, bbox=(-1, 2, -1, 3)).area() == 6
    assert Polygon.from_halfplanes(quadrant, bbox=Polygon.box(-1, 1, -1, 1)).area() == 1


@pytest.mark.parametrize(
    "hs",
    [
        [HalfPlane(1, 0, 0), HalfPlane(-1, 0, -1), HalfPlane(0, 1, 1), HalfPlane(0, -1, 1)],
        [HalfPlane(1, 0, 0), HalfPlane(-1, 0, -1)],  # parallel, infeasible
        [HalfPlane(1, 0, 0), HalfPlane(-1, 0, 0)],  # the line x = 0: measure zero
        [HalfPlane(0, 1, 0), HalfPlane(0, -1, 0), HalfPlane(-1, 0, 0)],  # a ray: measure zero
        [HalfPlane(0, 0, -1)],  # 0 <= -1
    ],
)
def test_empty_and_measure_zero_regions(hs: list[HalfSpace]) -> None:
    P = Polygon.from_halfplanes(hs)
    assert P.is_empty
    assert P.area() == 0


def test_non_convex_vertices_are_rejected() -> None:
    with pytest.raises(InvalidProblemError, match="not in convex position"):
        Polygon([(0, 0), (2, 0), (1, 1), (2, 2), (0, 2)])
    pentagram = [(0, 3), (2, -3), (-3, 1), (3, 1), (-2, -3)]
    with pytest.raises(InvalidProblemError, match="not in convex position"):
        Polygon(pentagram)


def test_float_rejection() -> None:
    with pytest.raises(FloatInputError, match=r"Polygon\(\): vertices\[1\]\[0\]=0.5"):
        Polygon([(0, 0), (0.5, 0), (0, 1)])
    with pytest.raises(FloatInputError):
        Polygon.box(0, 1.0, 0, 1)


def test_clip_keeps_exact_vertices() -> None:
    P = Polygon.box(0, 1, 0, 1).clip(HalfPlane(3, 1, 2))  # 3x + y <= 2
    assert set(P.vertices) == {(F(0), F(0)), (F(2, 3), F(0)), (F(1, 3), F(1)), (F(0), F(1))}
    assert P.area() == F(1, 2)
    assert P.contains(("1/3", "1/2")) and not P.contains((1, 1))


def test_shape_errors() -> None:
    with pytest.raises(ShapeError):
        Polygon([(0, 0, 0), (1, 0, 0), (0, 1, 0)])
    with pytest.raises(ShapeError):
        Polygon.from_halfplanes([HalfSpace([1, 0, 0], 1)])
    with pytest.raises(InvalidProblemError, match="xmin <= xmax"):
        Polygon.box(1, 0, 0, 1)
