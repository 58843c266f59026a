"""Independent oracles for the calculus tests: ``sympy.integrate`` over polygons.

Nothing here uses :mod:`exactmech.calculus` beyond reading the input rows: the vertices of
``{a·x + b·y <= c}`` are found by brute force (every pair of boundary lines, kept if
feasible), and the integral is ``sympy.integrate`` over the vertical slabs between
consecutive vertex abscissae, where the active lower and upper constraints are read off at
the slab's midpoint (they cannot change inside a slab).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from itertools import pairwise
from typing import Any

import sympy

Row = tuple[Fraction, Fraction, Fraction]  # a, b, c of a·x + b·y <= c


def to_fraction(v: Any) -> Fraction:
    """A sympy Rational as a Fraction (fails loudly on anything else)."""
    v = sympy.sympify(v)
    assert v.is_Rational, f"sympy returned a non-rational {v}"
    return Fraction(int(v.p), int(v.q))


def brute_vertices(rows: Sequence[Row]) -> set[tuple[Fraction, Fraction]]:
    """Feasible intersections of pairs of boundary lines (the vertices of a bounded region)."""
    out = set()
    for i, (a1, b1, c1) in enumerate(rows):
        for a2, b2, c2 in rows[i + 1 :]:
            det = a1 * b2 - a2 * b1
            if det == 0:
                continue
            p = ((c1 * b2 - c2 * b1) / det, (a1 * c2 - a2 * c1) / det)
            if all(a * p[0] + b * p[1] <= c for a, b, c in rows):
                out.add(p)
    return out


def sympy_integral(expr: Any, rows: Sequence[Row], x: Any, y: Any) -> Fraction:
    """``sympy.integrate(expr)`` over the bounded region ``{a·x + b·y <= c}``."""
    verts = brute_vertices(rows)
    xs = sorted({p[0] for p in verts})
    total = sympy.Integer(0)
    for lo_x, hi_x in pairwise(xs):
        m = (lo_x + hi_x) / 2
        lower: list[tuple[Fraction, Any]] = []
        upper: list[tuple[Fraction, Any]] = []
        for a, b, c in rows:
            if b == 0:
                continue
            bound = (c - a * m) / b
            line = (sympy.Rational(c) - sympy.Rational(a) * x) / sympy.Rational(b)
            (upper if b > 0 else lower).append((bound, line))
        lo_y = max(lower, key=lambda t: t[0])
        hi_y = min(upper, key=lambda t: t[0])
        if lo_y[0] >= hi_y[0]:
            continue  # the slab is outside the region (degenerate x-range)
        total += sympy.integrate(
            expr, (y, lo_y[1], hi_y[1]), (x, sympy.Rational(lo_x), sympy.Rational(hi_x))
        )
    return to_fraction(total)


def brute_area(rows: Sequence[Row]) -> Fraction:
    """Area of the region by the shoelace formula on the brute-force vertices."""
    verts = list(brute_vertices(rows))
    if len(verts) < 3:
        return Fraction(0)
    (x0, y0), (x1, y1) = verts[:2]
    if all((x1 - x0) * (py - y0) - (y1 - y0) * (px - x0) == 0 for px, py in verts):
        return Fraction(0)  # all on one line
    cx = sum((p[0] for p in verts), Fraction(0)) / len(verts)
    cy = sum((p[1] for p in verts), Fraction(0)) / len(verts)

    def angle_key(p: tuple[Fraction, Fraction]) -> tuple[int, Fraction]:
        # exact angular order around the centroid: half-plane, then slope-like key
        dx, dy = p[0] - cx, p[1] - cy
        half = 0 if (dy > 0 or (dy == 0 and dx > 0)) else 1
        # within a half, sort by -cos-like monotone key: dx / (|dx| + |dy|)
        t = dx / (abs(dx) + abs(dy))
        return half, -t if half == 0 else t

    ordered = sorted(verts, key=angle_key)
    n = len(ordered)
    s = sum(
        (
            ordered[i][0] * ordered[(i + 1) % n][1] - ordered[(i + 1) % n][0] * ordered[i][1]
            for i in range(n)
        ),
        Fraction(0),
    )
    return abs(s) / 2
