"""Exact integration of polynomials over n-dimensional polytopes ``{x : A x <= b}``.

Needed for expectations over ``n >= 3`` independent uniform values (Myerson auctions with
``n`` buyers): a box intersected with linear half-spaces, and the linear pieces of
``max(φ(v1), ..., φ(vn), 0)``.

Algorithm: exact iterated integration (a cylindrical decomposition for linear
constraints). To integrate over the last variable ``t = x{n-1}``, split the constraints
into lower bounds ``t >= L_i(x')``, upper bounds ``t <= U_j(x')`` and the rest. For every
pair ``(i, j)`` the set of ``x'`` where ``L_i`` is the largest lower bound, ``U_j`` the
smallest upper bound and ``L_i <= U_j`` is again a polytope (all conditions are linear), on
which the inner integral is ``F(x', U_j) - F(x', L_i)`` with ``F`` the antiderivative in
``t``, a polynomial. The pairs partition the projection up to measure zero (identical bounds
are merged first, so ties are hyperplanes). Recursion stops in two dimensions, where the
exact polygon formula of :mod:`exactmech.calculus.polygon_integral` takes over. The number
of pieces grows like the product of the numbers of bounds per level, which is fine for the
small ``n`` (<= 5 or so) and few constraints of the papers; it is not a general-purpose
volume algorithm.

Emptiness and boundedness are decided exactly by Fourier–Motzkin elimination on the strict
system ``A x < b`` (feasible iff the polytope has positive volume).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

from exactmech.calculus.halfspace import HalfSpace
from exactmech.calculus.polygon import Polygon
from exactmech.calculus.polygon_integral import integrate_polygon
from exactmech.calculus.polynomial import Polynomial
from exactmech.errors import InvalidProblemError, ShapeError
from exactmech.numbers import Q

__all__ = ["Polytope", "has_interior", "integrate_polytope"]

_ZERO = Fraction(0)

#: A linear constraint ``a·x <= c`` as raw data.
Row = tuple[tuple[Fraction, ...], Fraction]


class Polytope:
    """A convex polyhedron ``{x in Q^n : h.normal·x <= h.bound for every h}``.

    Stored by its half-spaces (no vertex enumeration). It may be unbounded; integration
    then raises.

    Parameters
    ----------
    halfspaces
        :class:`~exactmech.calculus.polygon.HalfSpace` objects of one dimension.
    nvars
        The dimension (required when ``halfspaces`` is empty).

    Examples
    --------
    >>> cube = Polytope.box([(0, 1)] * 3)
    >>> corner = cube.clip(HalfSpace([1, 1, 1], 1))
    >>> integrate_polytope(Polynomial.constant(1, 3), corner)
    Fraction(1, 6)
    >>> corner.is_empty, corner.clip(HalfSpace([-1, -1, -1], -4)).is_empty
    (False, True)
    """

    __slots__ = ("_halfspaces", "_interior", "_nvars")

    _halfspaces: tuple[HalfSpace, ...]
    _nvars: int
    _interior: bool | None

    def __init__(self, halfspaces: Iterable[HalfSpace], nvars: int | None = None) -> None:
        hs = tuple(halfspaces)
        for i, h in enumerate(hs):
            if not isinstance(h, HalfSpace):
                raise InvalidProblemError(f"Polytope(): halfspaces[{i}]={h!r} is not a HalfSpace")
        if nvars is None:
            if not hs:
                raise ShapeError("Polytope(): pass nvars= for a polytope without constraints")
            nvars = hs[0].dim
        bad = [h for h in hs if h.dim != nvars]
        if bad:
            raise ShapeError(f"Polytope(): {bad[0]!r} is not {nvars}-dimensional")
        self._halfspaces = tuple(dict.fromkeys(hs))  # drop repeated constraints
        self._nvars = nvars
        self._interior = None

    @classmethod
    def box(cls, bounds: Sequence[tuple[Any, Any]]) -> Polytope:
        """The box ``Π [lo_i, hi_i]``.

        >>> Polytope.box([(0, 1), (0, "1/2")]).halfspaces[1]
        HalfPlane(1, 0, 1)
        """
        n = len(bounds)
        hs = []
        for i, (lo, hi) in enumerate(bounds):
            e = [0] * n
            e[i] = 1
            lo_q = Q(lo, f"bounds[{i}][0]", func="Polytope.box")
            hi_q = Q(hi, f"bounds[{i}][1]", func="Polytope.box")
            hs.append(HalfSpace._make(tuple(Fraction(-k) for k in e), -lo_q))
            hs.append(HalfSpace._make(tuple(Fraction(k) for k in e), hi_q))
        return cls(hs, n)

    @property
    def halfspaces(self) -> tuple[HalfSpace, ...]:
        """The defining half-spaces."""
        return self._halfspaces

    @property
    def nvars(self) -> int:
        """The dimension."""
        return self._nvars

    @property
    def is_empty(self) -> bool:
        """True when the polytope has zero volume (decided exactly, cached)."""
        if self._interior is None:
            self._interior = has_interior(self._halfspaces, self._nvars)
        return not self._interior

    def clip(self, halfspace: HalfSpace) -> Polytope:
        """The intersection with one more half-space."""
        return Polytope((*self._halfspaces, halfspace), self._nvars)

    def intersect(self, other: Polytope) -> Polytope:
        """The intersection with another polytope."""
        return Polytope((*self._halfspaces, *other._halfspaces), self._nvars)

    def contains(self, point: Sequence[Any]) -> bool:
        """Whether ``point`` satisfies every constraint."""
        return all(h.contains(point) for h in self._halfspaces)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Polytope):
            return NotImplemented
        return self._nvars == other._nvars and set(self._halfspaces) == set(other._halfspaces)

    def __hash__(self) -> int:
        return hash((self._nvars, frozenset(self._halfspaces)))

    def __repr__(self) -> str:
        return f"Polytope([{', '.join(map(repr, self._halfspaces))}], nvars={self._nvars})"


def has_interior(halfspaces: Iterable[HalfSpace], nvars: int) -> bool:
    """Whether ``{x : a·x <= c}`` has positive volume (Fourier–Motzkin on ``a·x < c``).

    >>> has_interior([HalfSpace([1, 0], 1), HalfSpace([-1, 0], -1)], 2)   # the line x = 1
    False
    >>> has_interior([HalfSpace([1, 1], 1)], 2)
    True
    """
    rows: list[Row] = []
    for h in halfspaces:
        if any(h.normal):
            rows.append((h.normal, h.bound))
        elif h.bound < 0:
            return False
    return _strict_feasible(rows, nvars)


def _normalize(a: tuple[Fraction, ...], c: Fraction) -> Row:
    """Scale so that the first nonzero coefficient is ±1 (positive scaling keeps the sense)."""
    for x in a:
        if x:
            s = abs(x)
            return tuple(v / s for v in a), c / s
    return a, c


def _strict_feasible(rows: list[Row], n: int) -> bool:
    """Is ``{x : a·x < c for all rows}`` nonempty? Fourier–Motzkin, last variable first."""
    cur: dict[tuple[Fraction, ...], Fraction] = {}
    for a, c in rows:
        a2, c2 = _normalize(a, c)
        cur[a2] = min(c2, cur.get(a2, c2))
    for k in range(n - 1, -1, -1):
        pos, neg = [], []
        nxt: dict[tuple[Fraction, ...], Fraction] = {}

        def add(
            a: tuple[Fraction, ...], c: Fraction, into: dict[tuple[Fraction, ...], Fraction]
        ) -> bool:
            if not any(a):
                return c > 0
            a2, c2 = _normalize(a, c)
            into[a2] = min(c2, into.get(a2, c2))
            return True

        for a, c in cur.items():
            if a[k] > 0:
                pos.append((a, c))
            elif a[k] < 0:
                neg.append((a, c))
            elif not add(a[:k], c, nxt):
                return False
        for ap, cp in pos:
            for an, cn in neg:
                sp, sn = ap[k], -an[k]
                a = tuple(ap[i] / sp + an[i] / sn for i in range(k))
                if not add(a, cp / sp + cn / sn, nxt):
                    return False
        cur = nxt
    return True


def integrate_polytope(
    poly: Polynomial,
    region: Polytope | Iterable[HalfSpace],
    *,
    names: Sequence[str] | None = None,
    func: str = "integrate_polytope",
) -> Fraction:
    """Integrate a polynomial in ``n`` variables over a bounded polytope, exactly.

    Parameters
    ----------
    poly
        A :class:`Polynomial` in ``n`` variables.
    region
        A :class:`Polytope` or its half-spaces.
    names
        Variable names for error messages (default ``x0, x1, ...``).
    func
        Name of the calling public function, for error messages.

    Returns
    -------
    Fraction
        The exact integral.

    Raises
    ------
    InvalidProblemError
        If the polytope is unbounded and has positive volume.

    Examples
    --------
    >>> x0 = Polynomial.variable(0, 3)
    >>> integrate_polytope(x0, Polytope.box([(0, 1), (0, 2), (0, 3)]))
    Fraction(3, 1)
    >>> integrate_polytope(x0, [HalfSpace([-1, 0, 0], 0)])
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: integrate_polytope(): the region is unbounded in x2 ...
    """
    poly_region = region if isinstance(region, Polytope) else Polytope(region, poly.nvars)
    if not isinstance(poly, Polynomial):
        raise InvalidProblemError(f"{func}(): expected a Polynomial, got {type(poly).__name__}")
    n = poly_region.nvars
    if poly.nvars != n:
        raise ShapeError(f"{func}(): the polynomial has {poly.nvars} variables, the region {n}")
    labels = list(names) if names is not None else [f"x{i}" for i in range(n)]
    rows = [(h.normal, h.bound) for h in poly_region.halfspaces]
    return _integrate_rows(poly, rows, n, labels, func)


def _integrate_rows(
    f: Polynomial, rows: list[Row], n: int, names: list[str], func: str
) -> Fraction:
    live: dict[Row, None] = {}
    for a, c in rows:
        if any(a):
            live[(a, c)] = None
        elif c < 0:
            return _ZERO
    if n == 0:
        return f.coefficient(())
    if f.is_zero():
        return _ZERO
    if n == 2:
        polygon = Polygon.from_halfplanes(
            [HalfSpace._make(a, c) for a, c in live], func=func, names=names[:2]
        )
        return integrate_polygon(f, polygon)
    k = n - 1
    lowers: dict[Row, None] = {}
    uppers: dict[Row, None] = {}
    rest: list[Row] = []
    for a, c in live:
        ak = a[k]
        if not ak:
            rest.append((a[:k], c))
            continue
        # a'·x' + ak·t <= c  ⇔  t <= (c - a'·x')/ak (ak > 0)  or  t >= (c - a'·x')/ak (ak < 0)
        bound = (tuple(-ai / ak for ai in a[:k]), c / ak)
        (uppers if ak > 0 else lowers)[bound] = None
    if not lowers or not uppers:
        if _strict_feasible(list(live), n):
            side = "below" if not lowers else "above"
            raise InvalidProblemError(
                f"{func}(): the region is unbounded in {names[k]} (not bounded {side}); add "
                "constraints or intersect with a box"
            )
        return _ZERO
    F = f.antiderivative(k)
    total = _ZERO
    for L in lowers:
        FL = F.substitute_last(_affine(L, k))
        for U in uppers:
            cons = list(rest)
            # L is the largest lower bound: L2 - L <= 0, i.e. (L2.a - L.a)·x' <= L.c - L2.c
            cons.extend(_le(L2, L) for L2 in lowers if L2 != L)
            cons.extend(_le(U, U2) for U2 in uppers if U2 != U)
            cons.append(_le(L, U))
            g = F.substitute_last(_affine(U, k)) - FL
            total += _integrate_rows(g, cons, k, names, func)
    return total


def _le(p: Row, q: Row) -> Row:
    """The row ``p(x) <= q(x)`` for affine functions ``p = p.a·x + p.c``, ``q`` likewise."""
    return tuple(x - y for x, y in zip(p[0], q[0])), q[1] - p[1]


def _affine(r: Row, k: int) -> Polynomial:
    """The affine function ``r.a·x + r.c`` of ``k`` variables as a :class:`Polynomial`."""
    a, c = r
    terms = {}
    for i, ai in enumerate(a):
        if ai:
            terms[tuple(1 if j == i else 0 for j in range(k))] = ai
    if c:
        terms[(0,) * k] = c
    return Polynomial._raw(k, terms)
