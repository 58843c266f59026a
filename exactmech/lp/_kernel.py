"""Fraction-free basis kernel of the exact revised simplex.

Owns one thing: the exact inverse of a simplex basis, kept *fraction-free* in the
Edmonds–Bareiss style (STYLE.md §1: plain lists, no names, no sympy). For an integer basis
matrix ``B`` the kernel stores

* ``D = |det B|`` (a positive integer) and
* ``R = D · B⁻¹`` (an integer matrix: up to sign, the adjugate of ``B``), column-major,
* ``beta = D · B⁻¹ b`` (the basic solution, scaled by ``D``).

Replacing the basic column in row ``r`` by a column whose scaled representation is
``alpha = R·a`` (pivot ``p = alpha[r]``) updates every entry by

    R'[k] = sign(p) · (p·R[k] − alpha[k]·R[r]) / D     (k ≠ r),      R'[r] = sign(p)·R[r],
    D'    = |p|,

where the division is exact: both sides are cofactors of the new basis (Bareiss 1968;
Edmonds 1967). No gcd is ever computed, which is what makes this faster than a tableau of
``Fraction`` objects (``scripts/bench_lp.py``). Every operation is generic over the integer
type (``int``, ``gmpy2.mpz``, ``flint.fmpz``): only ``+ - * //``, comparison and ``abs``
are used, so the same tests run over each backend.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["FractionFreeBasis", "SparseIntColumn"]

#: A sparse integer column: ``(row, value)`` pairs with nonzero values.
SparseIntColumn = Sequence[tuple[int, Any]]


class FractionFreeBasis:
    """``D·B⁻¹`` and ``D·B⁻¹b`` for the current basis ``B`` (see module docstring).

    Parameters
    ----------
    signs
        Start from the diagonal basis ``B = diag(signs)`` with every sign ``±1``.
    b
        Right-hand side (integers of the backend type).
    zero, one
        The backend's 0 and 1.
    """

    __slots__ = ("D", "beta", "cols", "m")

    def __init__(self, signs: Sequence[int], b: Sequence[Any], zero: Any, one: Any) -> None:
        m = len(signs)
        self.m = m
        self.D: Any = one
        cols: list[list[Any]] = []
        for i, s in enumerate(signs):
            col = [zero] * m
            col[i] = one if s > 0 else -one
            cols.append(col)
        self.cols = cols
        self.beta: list[Any] = [bi if s > 0 else -bi for bi, s in zip(b, signs)]

    def ftran(self, a: SparseIntColumn) -> list[Any]:
        """``R·a`` = ``D·B⁻¹a`` for a sparse integer column ``a``."""
        cols = self.cols
        it = iter(a)
        try:
            i, v = next(it)
        except StopIteration:
            return [self.D * 0] * self.m
        alpha = [v * x for x in cols[i]]
        for i, v in it:
            alpha = [y + v * x for y, x in zip(alpha, cols[i])]
        return alpha

    def btran(self, cb: Sequence[Any]) -> list[Any]:
        """``cb·R`` = ``D·cbᵀB⁻¹`` (scaled simplex multipliers) for basic costs ``cb``."""
        nz = [(k, c) for k, c in enumerate(cb) if c]
        if not nz:
            return [self.D * 0] * self.m
        return [sum(c * col[k] for k, c in nz) for col in self.cols]

    def row(self, r: int) -> list[Any]:
        """Row ``r`` of ``R`` (so ``row(r)·a`` is entry ``r`` of ``R·a``)."""
        return [col[r] for col in self.cols]

    def pivot(self, r: int, alpha: Sequence[Any]) -> None:
        """Replace the basic column of row ``r`` by the column with ``alpha = R·a``.

        Raises
        ------
        ZeroDivisionError
            If ``alpha[r]`` is zero (the new basis would be singular).
        """
        p = alpha[r]
        if not p:
            raise ZeroDivisionError("FractionFreeBasis.pivot(): zero pivot element")
        D = self.D
        neg = p < 0
        new_cols = []
        for col in [*self.cols, self.beta]:
            xr = col[r]
            if not xr:
                new = list(col) if p == D else [(p * x) // D for x in col]
            else:
                new = [(p * x - a * xr) // D for x, a in zip(col, alpha)]
            new[r] = xr
            if neg:
                new = [-x for x in new]
            new_cols.append(new)
        self.beta = new_cols.pop()
        self.cols = new_cols
        self.D = -p if neg else p

    def negate_row(self, r: int) -> None:
        """Flip the sign of the basic column in row ``r`` (``B ← B·diag(.., −1, ..)``)."""
        for col in self.cols:
            col[r] = -col[r]
        self.beta[r] = -self.beta[r]
