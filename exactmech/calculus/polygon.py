"""Exact convex polygons with rational vertices.

A :class:`Polygon` is a convex polygon stored by its exact vertices in counter-clockwise
order; it is built from vertices, as a box, or as the intersection of half-planes
(:meth:`Polygon.from_halfplanes`, half-planes from
:mod:`exactmech.calculus.halfspace`), and can be clipped, split and intersected exactly.

Conventions
-----------
* Sets of measure zero do not matter for integration, so a polygon of zero area (a segment
  or a point, e.g. the intersection of ``x <= 0`` and ``x >= 0`` with a box) is the *empty*
  polygon, and strict and non-strict inequalities are the same.
* Clipping is Sutherland–Hodgman against one half-plane at a time, exact over
  :class:`~fractions.Fraction`: a new vertex ``P + t(Q - P)`` with ``t = s_P/(s_P - s_Q)``
  (``s`` the slack) lies exactly on the line.
* :meth:`Polygon.from_halfplanes` decides boundedness exactly, with no "big box" guess.
  The region is bounded iff its recession cone ``{d : a·d <= 0 for every row}`` is ``{0}``;
  the cone's boundary rays are perpendicular to some normal, so testing ``±(-b, a)`` for
  every row decides it. A bounded region is the convex hull of the feasible intersections
  of pairs of boundary lines (computed on integers after clearing denominators). An
  unbounded one is an error unless it has zero area (a ray, a line), which a box strictly
  containing every feasible corner detects; ``bbox=`` clips to a given box instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

from exactmech.calculus.halfspace import HalfSpace
from exactmech.errors import InvalidProblemError, ShapeError
from exactmech.numbers import Q, fraction_str

__all__ = ["Point", "Polygon"]

#: A point of the plane with exact coordinates.
Point = tuple[Fraction, Fraction]

_ZERO = Fraction(0)


def _cross(o: Point, p: Point, q: Point) -> Fraction:
    """Twice the signed area of the triangle ``o, p, q`` (positive when counter-clockwise)."""
    return (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0])


def _clean(points: list[Point]) -> list[Point]:
    """Drop repeated and collinear vertices of a convex counter-clockwise cycle."""
    pts = points
    changed = True
    while changed and len(pts) >= 3:
        changed = False
        out: list[Point] = []
        n = len(pts)
        for i in range(n):
            prev = out[-1] if out else pts[i - 1]
            cur, nxt = pts[i], pts[(i + 1) % n]
            if cur in (prev, nxt) or _cross(prev, cur, nxt) == 0:
                changed = True
                continue
            out.append(cur)
        pts = out
    return pts if len(pts) >= 3 else []


def _shoelace2(pts: Sequence[Point]) -> Fraction:
    n = len(pts)
    return sum(
        (pts[i][0] * pts[(i + 1) % n][1] - pts[(i + 1) % n][0] * pts[i][1] for i in range(n)),
        _ZERO,
    )


class Polygon:
    """A convex polygon with exact rational vertices, stored counter-clockwise.

    Parameters
    ----------
    vertices
        The vertices in cyclic order (either orientation); repeated and collinear
        vertices are dropped. Fewer than three non-collinear points give the empty polygon.

    Raises
    ------
    InvalidProblemError
        If the vertices are not in convex position.

    Examples
    --------
    >>> from exactmech.calculus import HalfPlane
    >>> P = Polygon([(0, 0), (1, 0), (1, 1), (0, 1)])
    >>> P.area()
    Fraction(1, 1)
    >>> lower, upper = P.split(HalfPlane(-1, 1, 0))      # y <= x and y >= x
    >>> lower
    Polygon([(0, 0), (1, 0), (1, 1)])
    >>> lower.vertices[2]
    (Fraction(1, 1), Fraction(1, 1))
    >>> Polygon([(0, 0), (2, 0), (1, 1), (2, 2), (0, 2)])
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: Polygon(): the vertices are not in convex position ...
    """

    __slots__ = ("_vertices",)

    _vertices: tuple[Point, ...]

    def __init__(self, vertices: Iterable[Sequence[Any]]) -> None:
        pts: list[Point] = []
        for i, v in enumerate(vertices):
            if len(v) != 2:
                raise ShapeError(f"Polygon(): vertices[{i}] has {len(v)} coordinates, not 2")
            pts.append(
                (
                    Q(v[0], f"vertices[{i}][0]", func="Polygon"),
                    Q(v[1], f"vertices[{i}][1]", func="Polygon"),
                )
            )
        dedup = [p for i, p in enumerate(pts) if p != pts[i - 1]] if len(pts) > 1 else pts
        area2 = _shoelace2(dedup) if len(dedup) >= 3 else _ZERO
        if area2 == 0:
            self._vertices = ()
            return
        if area2 < 0:
            dedup.reverse()
        n = len(dedup)
        for i in range(n):
            p, q = dedup[i], dedup[(i + 1) % n]
            bad = next((r for r in dedup if _cross(p, q, r) < 0), None)
            if bad is not None:
                raise InvalidProblemError(
                    f"Polygon(): the vertices are not in convex position ({_fmt_point(bad)} "
                    f"is on the wrong side of the edge {_fmt_point(p)}→{_fmt_point(q)}); split "
                    "a non-convex region into convex pieces"
                )
        self._vertices = tuple(_clean(dedup))

    @classmethod
    def _from_ccw(cls, vertices: Sequence[Point]) -> Polygon:
        """Wrap cleaned counter-clockwise convex vertices without validation."""
        p = object.__new__(cls)
        p._vertices = tuple(vertices)
        return p

    @classmethod
    def empty(cls) -> Polygon:
        """The empty polygon."""
        return cls._from_ccw(())

    @classmethod
    def box(cls, xmin: Any, xmax: Any, ymin: Any, ymax: Any) -> Polygon:
        """The rectangle ``[xmin, xmax] × [ymin, ymax]``.

        >>> Polygon.box(0, 1, 0, "1/2").area()
        Fraction(1, 2)
        """
        x0, x1 = Q(xmin, "xmin", func="Polygon.box"), Q(xmax, "xmax", func="Polygon.box")
        y0, y1 = Q(ymin, "ymin", func="Polygon.box"), Q(ymax, "ymax", func="Polygon.box")
        if x0 > x1 or y0 > y1:
            raise InvalidProblemError(
                f"Polygon.box(): need xmin <= xmax and ymin <= ymax, got [{fraction_str(x0)}, "
                f"{fraction_str(x1)}] × [{fraction_str(y0)}, {fraction_str(y1)}]"
            )
        if x0 == x1 or y0 == y1:
            return cls.empty()
        return cls._from_ccw(((x0, y0), (x1, y0), (x1, y1), (x0, y1)))

    @classmethod
    def from_halfplanes(
        cls,
        halfplanes: Iterable[HalfSpace],
        bbox: Polygon | Sequence[Any] | None = None,
        *,
        func: str = "Polygon.from_halfplanes",
        names: Sequence[str] = ("x", "y"),
    ) -> Polygon:
        """The intersection of closed half-planes, exactly.

        Parameters
        ----------
        halfplanes
            Two-dimensional :class:`HalfSpace` objects (e.g. :class:`HalfPlane`).
        bbox
            Optional bounding region: a :class:`Polygon` or ``(xmin, xmax, ymin, ymax)``.
            Without it an unbounded intersection is an error.
        func, names
            Name of the calling public function and of the two variables, for error
            messages.

        Raises
        ------
        InvalidProblemError
            If the intersection is unbounded (and of positive area) and no ``bbox`` is given.

        Examples
        --------
        >>> from exactmech.calculus import HalfPlane
        >>> T = Polygon.from_halfplanes([HalfPlane(-1, 0, 0), HalfPlane(0, -1, 0),
        ...                              HalfPlane(1, 1, 1)])
        >>> T.area()
        Fraction(1, 2)
        >>> Polygon.from_halfplanes([HalfPlane(-1, 0, 0), HalfPlane(0, -1, 0)])
        Traceback (most recent call last):
        ...
        exactmech.errors.InvalidProblemError: Polygon.from_halfplanes(): the region ...
        """
        hs: list[HalfSpace] = []
        for i, h in enumerate(halfplanes):
            if not isinstance(h, HalfSpace) or h.dim != 2:
                raise ShapeError(f"{func}(): halfplanes[{i}]={h!r} is not a 2-D HalfSpace")
            if h.normal[0] == 0 and h.normal[1] == 0:
                if h.bound < 0:
                    return cls.empty()
                continue
            hs.append(h)
        if bbox is not None:
            region = bbox if isinstance(bbox, Polygon) else cls.box(*bbox)
            for h in hs:
                region = region.clip(h)
            return region
        if not hs:
            raise InvalidProblemError(
                f"{func}(): the region is the whole plane (no constraints), which is unbounded; "
                "add constraints or pass bbox=(xmin, xmax, ymin, ymax)"
            )
        rows = [h.integer_row() for h in hs]
        corners = _feasible_corners(rows)
        if not _has_recession_direction(rows):  # bounded: the hull of the feasible corners
            return cls._from_ccw(_convex_hull(corners))
        if not corners:
            return cls.empty() if not _contains_line(hs) else _unbounded(hs, func, names)
        # Unbounded, unless of measure zero (a ray): clip a box strictly containing every
        # corner; a region of positive area reaches the box's boundary.
        xs = [p[0] for p in corners]
        ys = [p[1] for p in corners]
        x0, x1, y0, y1 = min(xs) - 1, max(xs) + 1, min(ys) - 1, max(ys) + 1
        region = cls._from_ccw(((x0, y0), (x1, y0), (x1, y1), (x0, y1)))
        for h in hs:
            region = region.clip(h)
        if not region.is_empty:
            return _unbounded(hs, func, names)
        return region

    # -- inspection -----------------------------------------------------------------------

    @property
    def vertices(self) -> tuple[Point, ...]:
        """The vertices, counter-clockwise (no repeated or collinear vertices)."""
        return self._vertices

    @property
    def is_empty(self) -> bool:
        """True when the polygon has zero area."""
        return not self._vertices

    def area(self) -> Fraction:
        """The exact area (shoelace formula)."""
        return _shoelace2(self._vertices) / 2 if self._vertices else _ZERO

    def bounds(self) -> tuple[Fraction, Fraction, Fraction, Fraction]:
        """``(xmin, xmax, ymin, ymax)`` of a nonempty polygon."""
        if not self._vertices:
            raise InvalidProblemError("Polygon.bounds(): the polygon is empty")
        xs = [p[0] for p in self._vertices]
        ys = [p[1] for p in self._vertices]
        return min(xs), max(xs), min(ys), max(ys)

    def halfplanes(self) -> tuple[HalfSpace, ...]:
        """The edges as half-planes whose intersection is the polygon."""
        v = self._vertices
        out = []
        for i in range(len(v)):
            (px, py), (qx, qy) = v[i], v[(i + 1) % len(v)]
            dx, dy = qx - px, qy - py
            out.append(HalfSpace._make((dy, -dx), dy * px - dx * py).normalized())
        return tuple(out)

    def contains(self, point: Sequence[Any]) -> bool:
        """Whether ``point`` lies in the closed polygon."""
        p = (
            Q(point[0], "point[0]", func="Polygon.contains"),
            Q(point[1], "point[1]", func="Polygon.contains"),
        )
        v = self._vertices
        return bool(v) and all(_cross(v[i], v[(i + 1) % len(v)], p) >= 0 for i in range(len(v)))

    # -- operations -------------------------------------------------------------------------

    def clip(self, halfplane: HalfSpace) -> Polygon:
        """The intersection with a closed half-plane (Sutherland–Hodgman, exact).

        >>> from exactmech.calculus import HalfPlane
        >>> Polygon.box(0, 1, 0, 1).clip(HalfPlane(1, 1, 1)).area()
        Fraction(1, 2)
        """
        if halfplane.dim != 2:
            raise ShapeError(f"Polygon.clip(): {halfplane!r} is not two-dimensional")
        v = self._vertices
        if not v:
            return self
        (a, b), c = halfplane._normal, halfplane._bound
        s = [c - a * x - b * y for x, y in v]
        if min(s) >= 0:
            return self
        if max(s) <= 0:
            return Polygon.empty()
        out: list[Point] = []
        n = len(v)
        for i in range(n):
            p, sp = v[i], s[i]
            j = i + 1 if i + 1 < n else 0
            q, sq = v[j], s[j]
            if sp >= 0:
                out.append(p)
            if (sp > 0 > sq) or (sp < 0 < sq):
                t = sp / (sp - sq)
                out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
        # With no vertex on the line the result is already clean (two new, distinct points).
        return Polygon._from_ccw(_clean(out) if 0 in s else out)

    def split(self, halfplane: HalfSpace) -> tuple[Polygon, Polygon]:
        """``(self ∩ halfplane, self ∩ complement)``: two pieces whose areas add up."""
        return self.clip(halfplane), self.clip(halfplane.flipped())

    def intersect(self, other: Polygon) -> Polygon:
        """The intersection with another convex polygon."""
        out = self
        for h in other.halfplanes():
            out = out.clip(h)
            if out.is_empty:
                break
        return out if other._vertices else Polygon.empty()

    def map(self, matrix: Sequence[Sequence[Any]], offset: Sequence[Any] = (0, 0)) -> Polygon:
        """The image under ``x ↦ matrix·x + offset`` (empty if ``matrix`` is singular).

        >>> Polygon.box(0, 1, 0, 1).map([[2, 0], [0, 3]], [1, 1]).area()
        Fraction(6, 1)
        """
        (m00, m01), (m10, m11) = (
            [Q(v, "matrix", func="Polygon.map") for v in row] for row in matrix
        )
        t0, t1 = (Q(v, "offset", func="Polygon.map") for v in offset)
        det = m00 * m11 - m01 * m10
        if det == 0:
            return Polygon.empty()
        pts = [(m00 * x + m01 * y + t0, m10 * x + m11 * y + t1) for x, y in self._vertices]
        if det < 0:
            pts.reverse()
        return Polygon._from_ccw(pts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Polygon):
            return NotImplemented
        return frozenset(self._vertices) == frozenset(other._vertices)

    def __hash__(self) -> int:
        return hash(frozenset(self._vertices))

    def __repr__(self) -> str:
        return "Polygon([" + ", ".join(_fmt_point(p) for p in self._vertices) + "])"


def _fmt_point(p: Point) -> str:
    return f"({fraction_str(p[0])}, {fraction_str(p[1])})"


def _feasible_corners(rows: Sequence[tuple[int, ...]]) -> list[Point]:
    """Distinct intersections of two boundary lines that satisfy every constraint.

    Integer rows ``(a, b, c)``; a corner is kept in homogeneous integer coordinates
    ``(X, Y, W)``, ``W > 0``, while it is tested, and only feasible ones become Fractions.
    """
    out: dict[Point, None] = {}
    for i in range(len(rows)):
        a1, b1, c1 = rows[i]
        for j in range(i + 1, len(rows)):
            a2, b2, c2 = rows[j]
            det = a1 * b2 - a2 * b1
            if det == 0:
                continue
            X, Y = c1 * b2 - c2 * b1, a1 * c2 - a2 * c1
            if det < 0:
                X, Y, det = -X, -Y, -det
            if all(a * X + b * Y <= c * det for a, b, c in rows):
                out[(Fraction(X, det), Fraction(Y, det))] = None
    return list(out)


def _has_recession_direction(rows: Sequence[tuple[int, ...]]) -> bool:
    """Is there ``d != 0`` with ``a·d <= 0`` for every row (the region, if nonempty, unbounded)?

    The cone ``{d : A d <= 0}`` is nontrivial iff one of its boundary rays is, and every
    boundary ray is perpendicular to some normal: test ``±(-b, a)`` for each row.
    """
    for a, b, _ in rows:
        for dx, dy in ((-b, a), (b, -a)):
            if all(p * dx + q * dy <= 0 for p, q, _ in rows):
                return True
    return False


def _convex_hull(points: list[Point]) -> list[Point]:
    """Counter-clockwise hull vertices, collinear points dropped (Andrew's monotone chain)."""
    pts = sorted(points)
    if len(pts) < 3:
        return []
    lower: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(pts):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    hull = lower[:-1] + upper[:-1]
    return hull if len(hull) >= 3 else []


def _contains_line(hs: Sequence[HalfSpace]) -> bool:
    """For constraints without a feasible corner: is the region a nonempty strip/half-plane?

    Without a feasible corner the region is empty unless all normals are parallel; then it
    is ``lo <= n·x <= hi`` for one direction ``n`` and is unbounded iff ``lo < hi``.
    """
    (na, nb) = hs[0]._normal
    lo: Fraction | None = None
    hi: Fraction | None = None
    for h in hs:
        a, b = h._normal
        if a * nb - b * na != 0:
            return False
        lam = a / na if na else b / nb  # h.normal = lam · n
        t = h._bound / lam
        if lam > 0:
            hi = t if hi is None else min(hi, t)
        else:
            lo = t if lo is None else max(lo, t)
    return lo is None or hi is None or lo < hi


def _unbounded(hs: Sequence[HalfSpace], func: str, names: Sequence[str]) -> Polygon:
    shown = ", ".join(h.format(names) for h in hs)
    raise InvalidProblemError(
        f"{func}(): the region {{{shown}}} is unbounded; add constraints or pass "
        "bbox=(xmin, xmax, ymin, ymax)"
    )
