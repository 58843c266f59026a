"""Split a sympy piecewise-polynomial expression into polynomial pieces on convex cells.

This module owns the translation from sympy to exact geometry: an integrand built from
``+``, ``*``, nonnegative integer powers, ``Max``, ``Min``, ``Abs``, ``Heaviside`` and
``Piecewise`` (conditions: ``<``, ``<=``, ``>``, ``>=``, ``Eq``, ``Ne`` of affine
expressions combined with ``And``, ``Or``, ``Not``) over a convex cell becomes a list of
``(cell, Polynomial)`` pairs whose cells partition the cell up to measure zero.

Rules (each split is exact; boundaries have measure zero, so strictness never matters):

* ``Max(f1, ..., fk)`` on a cell where every ``fi`` is a polynomial: branch ``i`` holds on
  ``{fi >= fj for all j != i}`` (identical branches are merged first). Every difference
  ``fi - fj`` must be affine, so that these sets are polygons; a nonlinear switching curve
  raises :class:`NotImplementedError`. ``Min`` likewise; ``Abs(f) = Max(f, -f)``;
  ``Heaviside(f)`` is 1 on ``{f >= 0}`` and 0 elsewhere.
* ``Piecewise((e1, c1), (e2, c2), ...)``: piece ``k`` holds where ``ck`` holds and no earlier
  condition does (sympy's semantics). A condition becomes a disjoint union of convex cells
  (``Or(a, b) = a ∪ (b ∧ ¬a)``). A region of positive measure where no condition holds is
  an error (sympy would give ``nan`` there).
* Sums and products are refined cell by cell: the second operand is split inside each cell
  of the first.

A cell is a :class:`~exactmech.calculus.polygon.Polygon` in two dimensions and a
:class:`~exactmech.calculus.polytope.Polytope` otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias

import sympy

from exactmech.calculus.conversion import from_sympy
from exactmech.calculus.halfspace import HalfSpace
from exactmech.calculus.polygon import Polygon
from exactmech.calculus.polynomial import Polynomial
from exactmech.calculus.polytope import Polytope
from exactmech.errors import InvalidProblemError

__all__ = ["PIECEWISE_HEADS", "Cell", "Splitter"]

#: A convex region: a polygon in 2-D, a polytope (half-space list) otherwise.
Cell: TypeAlias = Polygon | Polytope

#: The sympy functions that make an integrand piecewise.
PIECEWISE_HEADS = (sympy.Max, sympy.Min, sympy.Piecewise, sympy.Abs, sympy.Heaviside)

#: A convex set given by half-spaces; a condition is a disjoint union of them.
Conjunction: TypeAlias = list[HalfSpace]

_TRUE: list[Conjunction] = [[]]
_FALSE: list[Conjunction] = []


def clip_all(cell: Cell, halfspaces: Iterable[HalfSpace]) -> Cell | None:
    """``cell`` intersected with every half-space, or ``None`` if of measure zero."""
    for h in halfspaces:
        cell = cell.clip(h)
        if isinstance(cell, Polygon) and cell.is_empty:
            return None
    return None if cell.is_empty else cell


class Splitter:
    """Splits expressions in fixed variables; caches the polynomial conversions.

    Parameters
    ----------
    variables
        The sympy symbols, in coordinate order.
    func
        Name of the public function using it, for error messages.

    Examples
    --------
    >>> x, y = sympy.symbols("x y")
    >>> pieces = Splitter((x, y), "integrate").pieces(sympy.Max(x - y, 0), Polygon.box(0, 1, 0, 1))
    >>> [(cell.area(), str(f)) for cell, f in pieces]
    [(Fraction(1, 2), '0'), (Fraction(1, 2), 'x0 - x1')]
    """

    def __init__(self, variables: Sequence[Any], func: str) -> None:
        self.variables = tuple(variables)
        self.names = [str(v) for v in self.variables]
        self.func = func
        self._memo: dict[Any, Polynomial] = {}

    # -- polynomials and half-spaces ------------------------------------------------------

    def poly(self, expr: Any) -> Polynomial:
        """``expr`` as a :class:`Polynomial` in the variables (cached)."""
        p = self._memo.get(expr)
        if p is None:
            p = from_sympy(expr, self.variables, func=self.func)
            self._memo[expr] = p
        return p

    def _sym(self, p: Polynomial) -> Any:
        return p.to_sympy(self.variables)

    def halfspace(self, p: Polynomial, context: Any) -> HalfSpace | bool:
        """The set ``{p <= 0}``: ``True``/``False`` if ``p`` is constant, else a half-space.

        Raises :class:`NotImplementedError` when ``p`` is not affine (a curved boundary).
        """
        d = p.degree
        if d <= 0:
            return p.coefficient((0,) * p.nvars) <= 0
        if d == 1:
            return HalfSpace.from_polynomial(p)
        raise NotImplementedError(
            f"{self.func}(): {context} switches along the curve {self._sym(p)} = 0, which is "
            "not a line; only linear switching sets are integrated exactly (split the region "
            "along the curve yourself, or use sympy.integrate)"
        )

    # -- integrands -------------------------------------------------------------------------

    def pieces(self, expr: Any, cell: Cell) -> list[tuple[Cell, Polynomial]]:
        """``(subcell, polynomial)`` pairs partitioning ``cell`` on which ``expr`` is polynomial."""
        if not isinstance(expr, sympy.Basic) or not expr.has(*PIECEWISE_HEADS):
            return [(cell, self.poly(expr))]
        if isinstance(expr, (sympy.Add, sympy.Mul)):
            plain = [a for a in expr.args if not a.has(*PIECEWISE_HEADS)]
            acc = [(cell, self.poly(expr.func(*plain)))]
            is_add = isinstance(expr, sympy.Add)
            for arg in expr.args:
                if not arg.has(*PIECEWISE_HEADS):
                    continue
                nxt: list[tuple[Cell, Polynomial]] = []
                for c, f in acc:
                    if not is_add and f.is_zero():
                        nxt.append((c, f))
                        continue
                    nxt.extend((c2, f + g if is_add else f * g) for c2, g in self.pieces(arg, c))
                acc = nxt
            return acc
        if isinstance(expr, sympy.Pow):
            base, e = expr.args
            if not (e.is_Integer and e >= 0):
                raise InvalidProblemError(
                    f"{self.func}(): {expr} is not a piecewise polynomial (the exponent {e} is "
                    "not a nonnegative integer)"
                )
            return [(c, f ** int(e)) for c, f in self.pieces(base, cell)]
        if isinstance(expr, (sympy.Max, sympy.Min)):
            return self._extremum(expr, cell, is_max=isinstance(expr, sympy.Max))
        if isinstance(expr, sympy.Abs):
            return self._extremum(
                sympy.Max(expr.args[0], -expr.args[0], evaluate=False),
                cell,
                is_max=True,
                context=expr,
            )
        if isinstance(expr, sympy.Heaviside):
            out = []
            for c, f in self.pieces(expr.args[0], cell):
                if f.degree <= 0:  # Heaviside of a constant, e.g. Heaviside(0) = 1/2
                    k = f.coefficient((0,) * f.nvars)
                    h = sympy.Heaviside(sympy.Rational(k.numerator, k.denominator), *expr.args[1:])
                    out.append((c, self.poly(h)))
                    continue
                for value, side in ((1, -f), (0, f)):  # {f >= 0} -> 1, {f <= 0} -> 0
                    sub = self._clip_condition(c, self.halfspace(side, expr))
                    if sub is not None:
                        out.append((sub, Polynomial.constant(value, f.nvars)))
            return out
        if isinstance(expr, sympy.Piecewise):
            return self._piecewise(expr, cell)
        raise InvalidProblemError(
            f"{self.func}(): {expr} is not a piecewise polynomial in {self.variables} "
            "(supported: +, *, integer powers, Max, Min, Abs, Heaviside, Piecewise with "
            "linear conditions)"
        )

    def _clip_condition(self, cell: Cell, h: HalfSpace | bool) -> Cell | None:
        if h is True:
            return cell
        if h is False:
            return None
        assert isinstance(h, HalfSpace)
        return clip_all(cell, [h])

    def _extremum(
        self, expr: Any, cell: Cell, *, is_max: bool, context: Any = None
    ) -> list[tuple[Cell, Polynomial]]:
        acc: list[tuple[Cell, tuple[Polynomial, ...]]] = [(cell, ())]
        for arg in expr.args:
            acc = [(c2, (*fs, g)) for c, fs in acc for c2, g in self.pieces(arg, c)]
        out: list[tuple[Cell, Polynomial]] = []
        for c, fs in acc:
            branches = list(dict.fromkeys(fs))
            if len(branches) == 1:
                out.append((c, branches[0]))
                continue
            for i, fi in enumerate(branches):
                hs: list[HalfSpace] = []
                for j, fj in enumerate(branches):
                    if j == i:
                        continue
                    # branch i wins against j: fj - fi <= 0 (Max) or fi - fj <= 0 (Min)
                    h = self.halfspace(fj - fi if is_max else fi - fj, context or expr)
                    if h is False:
                        break
                    if h is not True:
                        assert isinstance(h, HalfSpace)
                        hs.append(h)
                else:
                    sub = clip_all(c, hs)
                    if sub is not None:
                        out.append((sub, fi))
        return out

    def _piecewise(self, expr: Any, cell: Cell) -> list[tuple[Cell, Polynomial]]:
        remaining: list[Cell] = [cell]
        out: list[tuple[Cell, Polynomial]] = []
        for value, cond in expr.args:
            for r in remaining:
                for conj in self.condition_cells(cond):
                    sub = clip_all(r, conj)
                    if sub is not None:
                        out.extend(self.pieces(value, sub))
            if cond is sympy.true:
                return out
            remaining = [
                sub
                for r in remaining
                for conj in self.condition_cells(cond, negate=True)
                if (sub := clip_all(r, conj)) is not None
            ]
            if not remaining:
                return out
        raise InvalidProblemError(
            f"{self.func}(): {expr} is undefined on part of the region of positive measure "
            "(no condition holds there); add a final (value, True) piece"
        )

    # -- conditions -------------------------------------------------------------------------

    def conjunction_cells(self, conds: Iterable[Any]) -> list[Conjunction]:
        """The set where every condition holds (same as ``condition_cells(And(*conds))``)."""
        return _product([self.condition_cells(c) for c in conds])

    def condition_cells(self, cond: Any, negate: bool = False) -> list[Conjunction]:
        """The set where ``cond`` (or its negation) holds, as disjoint conjunctions.

        >>> x, y = sympy.symbols("x y")
        >>> Splitter((x, y), "f").condition_cells(sympy.Or(x < 0, y > 1))
        [[HalfPlane(0, -1, -1)], [HalfPlane(0, 1, 1), HalfPlane(1, 0, 0)]]
        """
        if cond is sympy.true or cond is sympy.false or isinstance(cond, bool):
            return _TRUE if bool(cond) != negate else _FALSE
        if isinstance(cond, sympy.Not):
            return self.condition_cells(cond.args[0], not negate)
        if isinstance(cond, (sympy.And, sympy.Or)):
            args = list(cond.args)
            if isinstance(cond, sympy.And) != negate:  # a conjunction
                return _product([self.condition_cells(a, negate) for a in args])
            out: list[Conjunction] = []  # a disjunction, made disjoint: a_k and no earlier a_i
            for k, a in enumerate(args):
                parts = [self.condition_cells(b, not negate) for b in args[:k]]
                out.extend(_product([*parts, self.condition_cells(a, negate)]))
            return out
        if isinstance(cond, (sympy.Eq, sympy.Ne)):
            diff = self.poly(cond.lhs) - self.poly(cond.rhs)
            holds_a_e = diff.is_zero() if isinstance(cond, sympy.Eq) else not diff.is_zero()
            if diff.degree > 0:  # a hypersurface: measure zero (Eq) or almost everything (Ne)
                holds_a_e = isinstance(cond, sympy.Ne)
            return _TRUE if holds_a_e != negate else _FALSE
        if isinstance(cond, (sympy.StrictLessThan, sympy.LessThan)):
            p = self.poly(cond.lhs) - self.poly(cond.rhs)  # lhs - rhs <= 0
        elif isinstance(cond, (sympy.StrictGreaterThan, sympy.GreaterThan)):
            p = self.poly(cond.rhs) - self.poly(cond.lhs)
        else:
            raise InvalidProblemError(
                f"{self.func}(): condition {cond} is not supported (use <, <=, >, >=, Eq, Ne "
                "of affine expressions combined with And, Or, Not)"
            )
        if p.degree <= 0:  # a constant comparison: strictness matters here
            c = p.coefficient((0,) * p.nvars)
            holds = (
                c < 0
                if isinstance(cond, (sympy.StrictLessThan, sympy.StrictGreaterThan))
                else c <= 0
            )
            return _TRUE if holds != negate else _FALSE
        h = self.halfspace(-p if negate else p, cond)
        assert isinstance(h, HalfSpace)
        return [[h]]


def _product(factors: list[list[Conjunction]]) -> list[Conjunction]:
    """All conjunctions of one cell from each factor."""
    out: list[Conjunction] = [[]]
    for cells in factors:
        out = [a + b for a in out for b in cells]
        if not out:
            break
    return out
