"""The public integration functions: sympy in, exact :class:`~fractions.Fraction` out.

* :func:`integrate` ``(expr, region, variables)``: a (piecewise) polynomial over a convex
  polygon / polytope, a list of linear inequalities, or a union of such pieces;
* :func:`integrate_iterated` ``(expr, (y, lo, hi), (x, lo, hi))``: sympy's iterated
  limits, innermost first;
* :func:`integrate_interval` ``(expr, a, b)``: one dimension.

Engine: the expression is split into polynomial pieces on convex cells
(:mod:`~exactmech.calculus.piecewise`), and each piece is integrated exactly: over a
polygon by the integer edge formula of :mod:`~exactmech.calculus.polygon_integral`, over
an ``n``-dimensional polytope by the iterated scheme of
:mod:`~exactmech.calculus.polytope`. sympy only supplies the input expression (read by
:func:`~exactmech.calculus.conversion.from_sympy`); it never integrates. A truly symbolic
input (a parameter ``k`` besides the variables, a curved switching set such as
``Max(x**2, y)``) is rejected with a clear error rather than handed to ``sympy.integrate``
silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from itertools import product
from typing import Any

import sympy

from exactmech.calculus.halfspace import HalfSpace
from exactmech.calculus.piecewise import PIECEWISE_HEADS, Cell, Splitter
from exactmech.calculus.polygon import Polygon
from exactmech.calculus.polygon_integral import integrate_polygon, integrate_polynomial_interval
from exactmech.calculus.polynomial import Polynomial
from exactmech.calculus.polytope import Polytope, integrate_polytope
from exactmech.errors import InvalidProblemError, ShapeError
from exactmech.numbers import Q

__all__ = ["integrate", "integrate_interval", "integrate_iterated"]

_ZERO = Fraction(0)
_X, _Y = sympy.symbols("x y")


def integrate(expr: Any, region: Any, variables: Sequence[Any] | None = None) -> Fraction:
    """Integrate a piecewise polynomial over a polygonal (or polyhedral) region, exactly.

    Parameters
    ----------
    expr
        A sympy expression that is a polynomial with rational coefficients in the
        variables, or piecewise: built from ``+``, ``*``, integer powers, ``Max``, ``Min``,
        ``Abs``, ``Heaviside`` and ``Piecewise`` whose switching sets are bounded by
        hyperplanes (e.g. ``Max(x + y/2 - 1/2, 0)``, ``Min(x, y)**2``). Also a
        :class:`Polynomial` or a rational number.
    region
        One of

        * a :class:`Polygon` (2-D) or :class:`Polytope`;
        * a list of constraints, intersected: sympy relationals (``x <= 1``, ``y <= x``,
          also ``And``/``Or``/``Not`` of them) and :class:`HalfSpace` objects;
        * a union: a list whose items are polygons, polytopes or constraint lists. The
          pieces must not overlap (an overlap of positive measure raises).

        The region must be bounded (checked exactly).
    variables
        The integration variables in coordinate order. Default: the symbols of the sympy
        constraints in ``region``, sorted by name; for a region without symbols (a
        :class:`Polygon`, :class:`HalfSpace` list) ``(x, y)`` in two dimensions. Pass them
        whenever the default is not what you mean (e.g. ``(s1, s2)`` with a Polygon).

    Returns
    -------
    Fraction
        The exact integral.

    Raises
    ------
    FloatInputError
        If a float appears in ``expr`` or ``region``.
    InvalidProblemError
        If ``expr`` is not a piecewise polynomial in ``variables`` (``exp(x)``, a parameter
        symbol), the region is unbounded, or pieces of a union overlap.
    NotImplementedError
        If a switching set is curved (``Max(x**2, y)``): only linear switching is exact.

    References
    ----------
    Paper 003, footnote 11: ``2∫₀¹∫₀^{s₁} max(s₁ + s₂/2 − 1/2, 0) ds₂ ds₁ = 13/36``.

    Examples
    --------
    >>> s1, s2 = sympy.symbols("s1 s2")
    >>> 2 * integrate(sympy.Max(s1 + s2 / 2 - sympy.Rational(1, 2), 0),
    ...               [s2 >= 0, s2 <= s1, s1 <= 1], (s1, s2))
    Fraction(13, 36)
    >>> x, y = sympy.symbols("x y")
    >>> integrate(x * y, Polygon([(0, 0), (1, 0), (0, 1)]))             # default (x, y)
    Fraction(1, 24)
    >>> integrate(sympy.Max(2*x - 1, 2*y - 1, 0), [x >= 0, x <= 1, y >= 0, y <= 1])
    Fraction(5, 12)
    >>> integrate(sympy.exp(x), Polygon.box(0, 1, 0, 1))
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: integrate(): exp(x) is not a polynomial in (x, y) ...
    """
    func = "integrate"
    vs = _resolve_variables(expr, region, variables, func)
    splitter = Splitter(vs, func)
    cells = _region_cells(region, vs, splitter, func, top=True)
    return _integrate_cells(expr, cells, splitter)


def integrate_iterated(expr: Any, *limits: Sequence[Any]) -> Fraction:
    """An iterated integral with sympy's limits ``(var, lo, hi)``, innermost first.

    ``integrate_iterated(f, (y, 0, x), (x, 0, 1))`` is ``∫₀¹ ∫₀ˣ f dy dx``. Each limit may
    depend on the variables *outside* it. The result is signed like sympy's: where a lower
    limit exceeds the upper one, that part counts negatively.

    * A polynomial integrand is integrated variable by variable (antiderivative and
      substitution of the limits), so polynomial limits such as ``(y, 0, x**2)`` work.
    * A piecewise integrand needs affine limits; the region is then a union of convex
      polygons (polytopes), split further along the integrand's switching lines.

    Parameters
    ----------
    expr
        As for :func:`integrate`.
    *limits
        ``(symbol, lower, upper)`` triples; bounds are sympy expressions or rationals.

    Returns
    -------
    Fraction
        The exact value.

    References
    ----------
    Paper 003, footnote 11 (the example below, times 2, is 13/36).

    Examples
    --------
    >>> s1, s2 = sympy.symbols("s1 s2")
    >>> integrate_iterated(sympy.Max(s1 + s2 / 2 - sympy.Rational(1, 2), 0), (s2, 0, s1),
    ...                    (s1, 0, 1))
    Fraction(13, 72)
    >>> integrate_iterated(s1 * s2, (s2, 0, s1 ** 2), (s1, 0, 1))
    Fraction(1, 12)
    >>> integrate_iterated(s1, (s2, 0, s1), (s1, 0, 0.5))
    Traceback (most recent call last):
    ...
    exactmech.errors.FloatInputError: integrate_iterated(): upper limit of s1=0.5 is a float; ...
    """
    return _iterated(expr, limits, "integrate_iterated")


def integrate_interval(expr: Any, a: Any, b: Any, variable: Any = None) -> Fraction:
    """``∫_a^b expr dt`` exactly, for a (piecewise) polynomial in one variable.

    Parameters
    ----------
    expr
        A univariate :class:`Polynomial`, or a sympy expression in one symbol (piecewise
        allowed, e.g. ``Max(2*t - 1, 0)``).
    a, b
        The limits (rationals; ``a > b`` gives the negative, as in calculus).
    variable
        The sympy symbol, if ``expr`` has none or several.

    Examples
    --------
    >>> t = sympy.Symbol("t")
    >>> integrate_interval(sympy.Max(2 * t - 1, 0), 0, 1)
    Fraction(1, 4)
    >>> integrate_interval(t ** 2, 0, "3/2")
    Fraction(9, 8)
    >>> integrate_interval(sympy.sqrt(t), 0, 1)
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: integrate_interval(): sqrt(t) is not a polynomial ...
    """
    func = "integrate_interval"
    if isinstance(expr, Polynomial):
        if expr.nvars != 1:
            raise ShapeError(f"{func}(): the polynomial has {expr.nvars} variables, not 1")
        return integrate_polynomial_interval(expr, Q(a, "a", func=func), Q(b, "b", func=func))
    if variable is None:
        free = sorted(getattr(expr, "free_symbols", set()), key=str)
        if len(free) > 1:
            raise InvalidProblemError(
                f"{func}(): {expr} has several symbols {free}; pass variable="
            )
        variable = free[0] if free else sympy.Dummy("t")
    return _iterated(expr, [(variable, a, b)], func)


# -- helpers ------------------------------------------------------------------------------


def _integrate_cells(expr: Any, cells: Sequence[Cell], splitter: Splitter) -> Fraction:
    total = _ZERO
    n = len(splitter.variables)
    names = splitter.names
    for cell in cells:
        if isinstance(expr, Polynomial):
            if expr.nvars != n:
                raise ShapeError(
                    f"{splitter.func}(): the polynomial has {expr.nvars} variables, not {n}"
                )
            pieces = [(cell, expr)]
        else:
            pieces = splitter.pieces(expr, cell)
        for sub, f in pieces:
            if isinstance(sub, Polygon):
                total += integrate_polygon(f, sub)
            else:
                total += integrate_polytope(f, sub, names=names, func=splitter.func)
    return total


def _symbolic_parts(region: Any) -> tuple[set[Any], int | None]:
    """Free symbols of the sympy constraints in ``region`` and the geometric dimension."""
    if isinstance(region, Polygon):
        return set(), 2
    if isinstance(region, Polytope):
        return set(), region.nvars
    if isinstance(region, HalfSpace):
        return set(), region.dim
    if isinstance(region, sympy.Basic):
        return set(region.free_symbols), None
    if isinstance(region, (list, tuple)):
        syms: set[Any] = set()
        dim: int | None = None
        for item in region:
            s, d = _symbolic_parts(item)
            syms |= s
            dim = d if d is not None else dim
        return syms, dim
    return set(), None


def _resolve_variables(
    expr: Any, region: Any, variables: Sequence[Any] | None, func: str
) -> tuple[Any, ...]:
    if variables is not None:
        vs = tuple(sympy.Symbol(v) if isinstance(v, str) else v for v in variables)
        if not all(isinstance(v, sympy.Symbol) for v in vs) or len(set(vs)) != len(vs):
            raise InvalidProblemError(f"{func}(): variables={variables!r} must be distinct symbols")
        return vs
    syms, dim = _symbolic_parts(region)
    if isinstance(expr, Polynomial) and dim is None:
        dim = expr.nvars
    ordered = tuple(sorted(syms, key=str))
    if not syms and dim == 2:
        return (_X, _Y)
    if not ordered or (dim is not None and len(ordered) != dim):
        raise InvalidProblemError(
            f"{func}(): cannot tell which symbols are the coordinates of the region (found "
            f"{list(ordered)}); pass variables=(...)"
        )
    return ordered


def _is_constraint(item: Any) -> bool:
    return isinstance(item, (HalfSpace, bool, sympy.logic.boolalg.Boolean))


def _region_cells(
    region: Any, vs: tuple[Any, ...], splitter: Splitter, func: str, *, top: bool = False
) -> list[Cell]:
    n = len(vs)
    if isinstance(region, Polygon):
        if n != 2:
            raise ShapeError(f"{func}(): a Polygon region needs 2 variables, not {n}")
        return [] if region.is_empty else [region]
    if isinstance(region, Polytope):
        if region.nvars != n:
            raise ShapeError(f"{func}(): the Polytope has {region.nvars} dimensions, not {n}")
        return [region]
    if _is_constraint(region):
        region = [region]
    if not isinstance(region, (list, tuple)):
        raise InvalidProblemError(
            f"{func}(): region of type {type(region).__name__} is not a Polygon, Polytope, "
            "list of constraints or list of pieces"
        )
    if region and all(isinstance(r, (Polygon, Polytope, list, tuple)) for r in region):
        if not top:
            raise InvalidProblemError(f"{func}(): unions of unions are not supported")
        pieces = [_region_cells(r, vs, splitter, func) for r in region]
        _check_disjoint(pieces, func)
        return [c for p in pieces for c in p]
    if not all(_is_constraint(r) for r in region):
        bad = next(r for r in region if not _is_constraint(r))
        raise InvalidProblemError(
            f"{func}(): region item {bad!r} is neither a constraint nor a piece; a region is "
            "a list of constraints (intersected) or a list of pieces (a union), not a mix"
        )
    fixed: list[HalfSpace] = []
    for h in region:
        if isinstance(h, HalfSpace):
            if h.dim != n:
                raise ShapeError(f"{func}(): {h!r} has dimension {h.dim}, not {n}")
            fixed.append(h)
    conds = [r for r in region if not isinstance(r, HalfSpace)]
    cells: list[Cell] = []
    for conj in splitter.conjunction_cells(conds):
        hs = fixed + conj
        if n == 2:
            poly = Polygon.from_halfplanes(hs, func=func, names=splitter.names)
            if not poly.is_empty:
                cells.append(poly)
        else:
            cells.append(Polytope(hs, n))
    return cells


def _check_disjoint(pieces: list[list[Cell]], func: str) -> None:
    for i in range(len(pieces)):
        for j in range(i + 1, len(pieces)):
            for a in pieces[i]:
                for b in pieces[j]:
                    both = (
                        a.intersect(b)
                        if isinstance(a, Polygon) and isinstance(b, Polygon)
                        else _as_polytope(a).intersect(_as_polytope(b))
                    )
                    if not both.is_empty:
                        raise InvalidProblemError(
                            f"{func}(): the pieces {i} and {j} of the region overlap on a set of "
                            "positive area; pass non-overlapping pieces"
                        )


def _as_polytope(c: Cell) -> Polytope:
    return c if isinstance(c, Polytope) else Polytope(c.halfplanes(), 2)


def _iterated(expr: Any, limits: Sequence[Sequence[Any]], func: str) -> Fraction:
    if not limits:
        raise InvalidProblemError(f"{func}(): no limits given")
    for lim in limits:
        if (
            not isinstance(lim, (tuple, list))
            or len(lim) != 3
            or not isinstance(lim[0], sympy.Symbol)
        ):
            raise InvalidProblemError(f"{func}(): limit {lim!r} is not (symbol, lower, upper)")
    vs = tuple(lim[0] for lim in reversed(limits))  # outermost first
    if len(set(vs)) != len(vs):
        raise InvalidProblemError(f"{func}(): a variable appears in two limits")
    n = len(vs)
    splitter = Splitter(vs, func)
    bounds: list[tuple[Polynomial, Polynomial]] = []  # innermost first, in the outer variables
    for k, lim in enumerate(limits):
        outer = vs[: n - 1 - k]
        pair = []
        for pos in (1, 2):
            value = lim[pos]
            if isinstance(value, sympy.Basic) and not value.is_Number:
                inner = value.free_symbols - set(outer)
                if inner:
                    raise InvalidProblemError(
                        f"{func}(): the limit {value} of {lim[0]} depends on "
                        f"{sorted(map(str, inner))}; a limit may depend only on the variables "
                        "of the limits after it"
                    )
                pair.append(Splitter(outer, func).poly(value))
            else:
                side = "lower" if pos == 1 else "upper"
                q = Q(value, f"{side} limit of {lim[0]}", func=func)
                pair.append(Polynomial.constant(q, len(outer)))
        bounds.append((pair[0], pair[1]))
    if isinstance(expr, Polynomial) or not (
        isinstance(expr, sympy.Basic) and expr.has(*PIECEWISE_HEADS)
    ):
        f = expr if isinstance(expr, Polynomial) else splitter.poly(expr)
        if f.nvars != n:
            raise ShapeError(f"{func}(): the polynomial has {f.nvars} variables, not {n}")
        for k, (lo, hi) in enumerate(bounds):
            F = f.antiderivative(n - 1 - k)
            f = F.substitute_last(hi) - F.substitute_last(lo)
        return f.coefficient(())
    # Piecewise integrand: split into signed convex cells (lo <= t <= hi, sign +1, or
    # hi <= t <= lo, sign -1, at every level) and integrate each exactly.
    options: list[list[tuple[int, list[HalfSpace]]]] = []
    for k, (lo, hi) in enumerate(bounds):
        idx = n - 1 - k
        if lo.degree > 1 or hi.degree > 1:
            raise NotImplementedError(
                f"{func}(): a piecewise integrand needs affine limits; the limits of {vs[idx]} "
                "are not affine"
            )
        t = Polynomial.variable(idx, n)
        lo_n, hi_n = _lift(lo, n), _lift(hi, n)
        gap = hi - lo
        level = []
        if not (gap.degree <= 0 and gap.coefficient((0,) * idx) <= 0):  # maybe lo < hi
            level.append(
                (1, [HalfSpace.from_polynomial(lo_n - t), HalfSpace.from_polynomial(t - hi_n)])
            )
        if not (gap.degree <= 0 and gap.coefficient((0,) * idx) >= 0):  # maybe hi < lo
            level.append(
                (-1, [HalfSpace.from_polynomial(hi_n - t), HalfSpace.from_polynomial(t - lo_n)])
            )
        options.append(level)
    total = _ZERO
    for combo in product(*options):
        sign = 1
        hs: list[HalfSpace] = []
        for s, h in combo:
            sign *= s
            hs.extend(h)
        if n == 2:
            polygon = Polygon.from_halfplanes(hs, func=func, names=splitter.names)
            cells: list[Cell] = [] if polygon.is_empty else [polygon]
        else:
            cells = [Polytope(hs, n)]
        total += sign * _integrate_cells(expr, cells, splitter)
    return total


def _lift(p: Polynomial, n: int) -> Polynomial:
    """A polynomial in the first ``k`` of ``n`` variables, as one in all ``n``."""
    pad = (0,) * (n - p.nvars)
    return Polynomial._raw(n, {e + pad: c for e, c in p.items()})
