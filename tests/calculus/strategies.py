"""Hypothesis strategies for the calculus tests (small exact data, shrinking toward 0).

``rationals()`` are ``p/q`` with small ``p``, ``q``; ``polynomials()`` are sparse with
degree at most ``max_degree``; ``convex_rows()`` are a box plus random half-planes that all
contain a random interior point, so the region is a nonempty bounded convex polygon.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import assume
from hypothesis import strategies as st

from exactmech.calculus import Polynomial
from tests.calculus.oracle import Row

__all__ = ["convex_rows", "linear_rows", "polynomials", "rationals", "triangles"]


def rationals(max_num: int = 5, max_den: int = 4) -> st.SearchStrategy[Fraction]:
    """``p/q`` with ``|p| <= max_num`` and ``1 <= q <= max_den``; shrinks toward 0."""
    return st.builds(Fraction, st.integers(-max_num, max_num), st.integers(1, max_den))


@st.composite
def polynomials(
    draw: st.DrawFn, *, nvars: int = 2, max_degree: int = 3, max_terms: int = 6
) -> Polynomial:
    """A sparse polynomial with small rational coefficients; shrinks toward 0."""
    monomials = [e for e in _exponents(nvars, max_degree)]
    terms = draw(st.dictionaries(st.sampled_from(monomials), rationals(), max_size=max_terms))
    return Polynomial(terms, nvars=nvars)


def _exponents(nvars: int, max_degree: int) -> list[tuple[int, ...]]:
    if nvars == 0:
        return [()]
    return [
        (k, *rest) for k in range(max_degree + 1) for rest in _exponents(nvars - 1, max_degree - k)
    ]


@st.composite
def linear_rows(draw: st.DrawFn, *, through: tuple[Fraction, Fraction] | None = None) -> Row:
    """A half-plane ``a·x + b·y <= c`` with small integer normal; if ``through`` is given,
    the point lies strictly inside (slack 1/4..2)."""
    a = Fraction(draw(st.integers(-3, 3)))
    b = Fraction(draw(st.integers(-3, 3)))
    if a == 0 and b == 0:
        b = Fraction(1)
    if through is None:
        c = draw(rationals(max_num=6, max_den=2))
    else:
        c = (
            a * through[0]
            + b * through[1]
            + draw(st.sampled_from([Fraction(1, 4), Fraction(1, 2), Fraction(1), Fraction(2)]))
        )
    return a, b, c


@st.composite
def convex_rows(draw: st.DrawFn, *, max_cuts: int = 3) -> list[Row]:
    """A box ``[x0, x1] × [y0, y1]`` (sides 1..3) and up to ``max_cuts`` half-planes that
    keep a random interior point: a nonempty, bounded convex region."""
    x0 = draw(rationals(max_num=4, max_den=2))
    y0 = draw(rationals(max_num=4, max_den=2))
    w = Fraction(draw(st.integers(1, 3)))
    h = Fraction(draw(st.integers(1, 3)))
    inside = (
        x0 + w * draw(st.sampled_from([Fraction(1, 4), Fraction(1, 2), Fraction(2, 3)])),
        y0 + h * draw(st.sampled_from([Fraction(1, 3), Fraction(1, 2), Fraction(3, 4)])),
    )
    rows: list[Row] = [
        (Fraction(-1), Fraction(0), -x0),
        (Fraction(1), Fraction(0), x0 + w),
        (Fraction(0), Fraction(-1), -y0),
        (Fraction(0), Fraction(1), y0 + h),
    ]
    rows += draw(st.lists(linear_rows(through=inside), max_size=max_cuts))
    return rows


@st.composite
def triangles(draw: st.DrawFn) -> tuple[tuple[Fraction, Fraction], ...]:
    """Three non-collinear points with small rational coordinates."""
    pts = draw(st.lists(st.tuples(rationals(3, 3), rationals(3, 3)), min_size=3, max_size=3))
    (ax, ay), (bx, by), (cx, cy) = pts
    assume((bx - ax) * (cy - ay) - (by - ay) * (cx - ax) != 0)
    return tuple(pts)
