"""Exact proof that a simplex basis is optimal (the "exact" half of the float-guided method).

Owns one question: given the integer standard form ``min c·x, A x = b, x >= 0`` of
:mod:`exactmech.lp._standard` and a basis ``B`` (one column per row; an index ``j >= n``
stands for the unit column ``e_{j-n}``), is ``B`` optimal? It answers with exact primal
values ``x_B`` (``B x_B = b``), duals ``y`` (``Bᵀy = c_B``) and the checks ``x_B >= 0`` and
``c − Aᵀy >= 0``, all as integer numerators over one common denominator (no ``Fraction`` in
the loops).

Two ways to get ``x_B`` and ``y``, tried in this order:

1. **Rational reconstruction** of the double-precision values HiGHS returned (continued
   fractions with a common denominator below ``2²⁴``), followed by an *exact* check
   ``A x = b`` and ``Bᵀy = c_B`` in integer arithmetic. Mechanism LPs (paper 000 §3.1) and
   most paper LPs have optima such as ``65/16``, so this costs one pass over the nonzeros
   instead of a linear solve. A wrong guess only fails the check; it never reaches a result.
2. **Exact solve** with python-flint (``fmpz_mat.solve``, p-adic Dixon lifting) of the
   *reduced* system: basic singleton columns (slacks, unit columns, one-entry structurals)
   pin their rows, so only ``A[R∖U, J]`` (``J`` the other basic columns) is solved; the
   pinned values and duals follow by substitution (the K = 8 mechanism LP: 227×227 instead
   of 1088×1088).

A basis whose ``B`` is singular may still pass route 1: then ``(x, y)`` is still a valid
primal-dual pair (``A x = b``, ``x >= 0``, ``Aᵀy <= c``, ``x_j > 0`` only where
``c_j = y·A_j``), which is all the certificate needs; :func:`exactmech.lp.check` re-verifies
it independently either way.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from fractions import Fraction
from math import lcm
from typing import Any

from exactmech.lp.simplex import StandardLP, StandardSolution

__all__ = ["basis_state", "reconstruct", "verify_basis"]

_ZERO = Fraction(0)

#: Largest common denominator tried by :func:`reconstruct`.
MAX_DENOMINATOR = 1 << 24

#: Relative tolerance within which a double is taken to be ``N/D``.
TOLERANCE = 1e-9

#: Reduced systems with fewer columns than this are solved by flint without guessing.
#: Measured: a failed guess costs 0.05–0.25 ms; flint's two solves cost 0.1–0.2 ms below
#: ~20 columns but 0.7 ms at 30 (paper 000 §3.3: guess 0.29 ms) and 53 ms at 227
#: (the K = 8 mechanism LP: guess 2.3 ms).
GUESS_MIN = 24


def _cf_denominator(x: float, tol: float, max_den: int) -> int | None:
    """Denominator of the first continued-fraction convergent within ``tol`` of ``x``."""
    p0, q0, p1, q1 = 0, 1, 1, 0
    y = x
    for _ in range(64):
        a = math.floor(y)
        p0, p1 = p1, a * p1 + p0
        q0, q1 = q1, a * q1 + q0
        if q1 > max_den:
            return None
        if abs(x - p1 / q1) <= tol:
            return q1
        f = y - a
        if f <= 0.0:
            return None
        y = 1.0 / f
    return None  # pragma: no cover - 64 convergents exceed any max_den


def reconstruct(
    values: Sequence[float], max_den: int = MAX_DENOMINATOR
) -> tuple[list[int], int] | None:
    """Integers ``N`` and ``D > 0`` with ``N[i]/D`` within ``1e-9`` (relative) of ``values[i]``.

    A guess, not a proof: the caller checks the exact equations. ``D`` is the lcm of the
    continued-fraction denominators of the entries that are not near an integer, found a
    few entries at a time (mechanism LPs have thousands of entries but a handful of
    denominators). Returns ``None`` when no common denominator up to ``max_den`` fits (the
    typical case for optima with dozens of digits, which the exact solve then handles).

    >>> reconstruct([4.0625, 0.0, 1 / 3, -2.0])
    ([195, 0, 16, -96], 48)
    """
    import numpy as np

    v = np.asarray(values, dtype=np.float64)
    if v.size == 0:
        return [], 1
    if not np.all(np.isfinite(v)):
        return None
    tol = np.maximum(1.0, np.abs(v)) * TOLERANCE
    D = 1
    for _ in range(8):
        t = v * D
        r = np.rint(t)
        bad = np.flatnonzero(np.abs(t - r) > tol * D)
        if not bad.size:
            if np.abs(r).max() >= 2.0**53:
                return None
            return [int(a) for a in r.tolist()], D
        dens = []
        for k in bad[:8].tolist():
            q = _cf_denominator(float(v[k]), float(tol[k]), max_den)
            if q is None:
                return None
            dens.append(q)
        grown = lcm(D, *dens)
        if grown == D or grown > max_den:
            return None
        D = grown
    return None


class _Reduced:
    """The basis system reduced by its singleton columns (see module docstring, route 2)."""

    def __init__(self, lp: StandardLP, basis: Sequence[int]) -> None:
        n = lp.n
        self.lp, self.basis = lp, basis
        pinned: dict[int, tuple[int, int]] = {}  # row -> (position in basis, coefficient)
        others: list[int] = []
        cols = lp.cols
        for k, j in enumerate(basis):
            if j >= n:
                r, v = j - n, 1
            elif len(cols[j]) == 1:
                r, v = cols[j][0]
            else:
                others.append(k)
                continue
            if r in pinned:
                others.append(k)
            else:
                pinned[r] = (k, v)
        self.pinned, self.others = pinned, others
        self.rows = [i for i in range(lp.m) if i not in pinned]
        self.square = len(self.rows) == len(others)
        self._M: Any = None

    def column(self, k: int) -> Sequence[tuple[int, int]]:
        j = self.basis[k]
        return [(j - self.lp.n, 1)] if j >= self.lp.n else self.lp.cols[j]

    def matrix(self) -> Any:
        """``A[R∖U, J]`` as a flint ``fmpz_mat``."""
        if self._M is None:
            from flint import fmpz_mat

            s = len(self.rows)
            pos = {i: r * s for r, i in enumerate(self.rows)}
            flat = [0] * (s * s)  # row-major; one conversion call instead of s² setitems
            for c, k in enumerate(self.others):
                for i, v in self.column(k):
                    r = pos.get(i)
                    if r is not None:
                        flat[r + c] = v
            self._M = fmpz_mat(s, s, flat)
        return self._M

    @staticmethod
    def _solve(M: Any, rhs: list[int]) -> tuple[list[int], int] | None:
        from flint import fmpz_mat

        if not rhs:
            return [], 1
        try:
            sol = M.solve(fmpz_mat(len(rhs), 1, rhs))
        except ZeroDivisionError:
            return None
        N, d = sol.numer_denom()
        return [int(v) for v in N.entries()], int(d)

    def primal(self) -> tuple[list[int], int] | None:
        """``x_B`` as ``(numerators by basis position, common denominator)``, or ``None``."""
        lp = self.lp
        solved = self._solve(self.matrix(), [lp.b[i] for i in self.rows])
        if solved is None:
            return None
        xs, d = solved
        W = 1
        for _, v in self.pinned.values():
            W = lcm(W, abs(v))
        X = [0] * len(self.basis)
        resid = {r: lp.b[r] * d for r in self.pinned}
        for c, k in enumerate(self.others):
            xk = xs[c]
            if xk:
                X[k] = xk * W
                for i, v in self.column(k):
                    if i in resid:
                        resid[i] -= v * xk
        for r, (k, v) in self.pinned.items():  # v·x_k = b_r − Σ_J A[r, j] x_j
            X[k] = resid[r] * (W // v) if v > 0 else -resid[r] * (W // -v)
        return X, d * W

    def dual(self, cost: Sequence[int]) -> tuple[list[int], int] | None:
        """``y`` as ``(numerators by row, common denominator)``; ``None`` if singular."""
        lp = self.lp
        n = lp.n
        V = 1
        for k, v in self.pinned.values():
            j = self.basis[k]
            if j < n and cost[j]:
                V = lcm(V, abs(v))
        yU: dict[int, int] = {}  # pinned rows: y_r = c_k / v, scaled by V
        for r, (k, v) in self.pinned.items():
            j = self.basis[k]
            yU[r] = (V * cost[j]) // v if j < n and cost[j] else 0
        rhs = []  # Mᵀ y_rows = c_J − Σ_U y_r A[r, J]   (scaled by V)
        for k in self.others:
            j = self.basis[k]
            t = V * cost[j] if j < n else 0
            for i, v in self.column(k):
                y = yU.get(i)
                if y:
                    t -= y * v
            rhs.append(t)
        if rhs:
            solved = self._solve(self.matrix().transpose(), rhs)
            if solved is None:
                return None
            ys, d = solved
        else:
            ys, d = [], 1
        Y = [0] * lp.m
        for r, y in yU.items():
            if y:
                Y[r] = y * d
        for c, i in enumerate(self.rows):
            Y[i] = ys[c]
        return Y, V * d


def _guess_primal(
    lp: StandardLP, basis: Sequence[int], x_float: Sequence[float]
) -> tuple[list[int], int] | None:
    """Reconstructed ``x_B``, kept only if ``A x = b`` holds exactly (unit columns at 0)."""
    n = lp.n
    vals = [x_float[j] if j < n else 0.0 for j in basis]
    rec = reconstruct(vals)
    if rec is None:
        return None
    X, D = rec
    acc = [0] * lp.m
    cols = lp.cols
    for k, j in enumerate(basis):
        xk = X[k]
        if xk:
            if j >= n:
                return None
            for i, v in cols[j]:
                acc[i] += v * xk
    if any(a != bi * D for a, bi in zip(acc, lp.b)):
        return None
    return X, D


def _reduced_costs(lp: StandardLP, cost: Sequence[int], Y: Sequence[int], Dy: int) -> list[int]:
    """Numerators of ``c − Aᵀy`` over ``Dy`` (every column)."""
    out = []
    for j, col in enumerate(lp.cols):
        d = cost[j] * Dy
        for i, v in col:
            y = Y[i]
            if y:
                d -= v * y
        out.append(d)
    return out


def _basic_reduced_costs_vanish(
    lp: StandardLP, basis: Sequence[int], Y: Sequence[int], dn: Sequence[int]
) -> bool:
    n = lp.n
    for j in basis:
        if j >= n:
            if Y[j - n]:
                return False
        elif dn[j]:
            return False
    return True


def _fractions(nums: Sequence[int], den: int) -> list[Fraction]:
    if den == 1:
        return [Fraction(v) if v else _ZERO for v in nums]
    return [Fraction(v, den) if v else _ZERO for v in nums]


def verify_basis(
    lp: StandardLP,
    basis: Sequence[int],
    *,
    stage: int = 0,
    fixed: Collection[int] = frozenset(),
    guess: tuple[Sequence[float], Sequence[float]] | None = None,
    reduced: bool = True,
) -> StandardSolution | None:
    """Exactly check a complete basis; return the optimal solution it proves, or ``None``.

    Parameters
    ----------
    lp
        The integer standard form.
    basis
        One index per row: a column ``j < n`` or a unit column ``n + i``. Unit columns stand
        for rows HiGHS left to their logical variable (degenerate or redundant rows): they
        must have value exactly 0, and then they change nothing in the certificate
        (``A x = b``, ``x >= 0``, ``Aᵀy <= c``, ``c·x = b·y``).
    stage
        Which cost row of ``lp.costs`` to prove optimal.
    fixed
        Columns held at 0 (the optimal face of earlier lexicographic stages): if basic they
        must be 0, and their reduced costs may have any sign.
    guess
        HiGHS's double-precision ``(x, y)`` (column values, row duals); when given,
        rational reconstruction is tried before the exact solve (module docstring).
    reduced
        Return the reduced costs as Fractions (lexicographic certificates need them; a
        single objective does not, and skipping them saves one Fraction per column).

    Returns
    -------
    StandardSolution or None
        ``x``, duals, reduced costs and the columns with positive reduced cost (``fixed``),
        or ``None`` if the basis is incomplete, singular, or not primal or dual feasible.
    """
    m, n = lp.m, lp.n
    if len(basis) != m or len(set(basis)) != m:
        return None
    cost = lp.costs[stage]
    primal = dual = None
    dn: list[int] | None = None
    red = _Reduced(lp, basis)
    if len(red.others) < GUESS_MIN:
        guess = None  # a small reduced system: flint solves it faster than we can guess
    if guess is not None:
        primal = _guess_primal(lp, basis, guess[0])
        rec = reconstruct(guess[1]) if m else ([], 1)
        if rec is not None:
            dn = _reduced_costs(lp, cost, rec[0], rec[1])
            if _basic_reduced_costs_vanish(lp, basis, rec[0], dn):
                dual = rec
            else:
                dn = None
    if primal is None or dual is None:
        if not red.square:
            return None
        if primal is None:
            primal = red.primal()
            if primal is None:
                return None
        if dual is None:
            dual = red.dual(cost)
            if dual is None:
                return None
    X, Dx = primal
    for k, j in enumerate(basis):
        xk = X[k]
        if xk < 0 or (xk and (j >= n or j in fixed)):
            return None
    Y, Dy = dual
    if dn is None:
        dn = _reduced_costs(lp, cost, Y, Dy)
    if fixed:
        if any(d < 0 and j not in fixed for j, d in enumerate(dn)):
            return None
    elif any(d < 0 for d in dn):
        return None
    xn = [0] * n
    for k, j in enumerate(basis):
        if j < n:
            xn[j] = X[k]
    return StandardSolution(
        status="optimal",
        basis=list(basis),
        x=_fractions(xn, Dx),
        duals=[_fractions(Y, Dy)],
        reduced_costs=[_fractions(dn, Dy)] if reduced else [],
        fixed=[{j for j, d in enumerate(dn) if d > 0}],
    )


def basis_state(lp: StandardLP, basis: Sequence[int], ring: Any) -> Any:
    """The fraction-free inverse ``(|det B|, |det B|·B⁻¹)`` of a basis of real columns, via flint.

    Returns a :class:`~exactmech.lp._kernel.FractionFreeBasis` for warm-starting the exact
    simplex, or ``None`` if the basis is incomplete or singular.
    """
    from flint import fmpz_mat

    from exactmech.lp._kernel import FractionFreeBasis

    m, n = lp.m, lp.n
    if len(basis) != m or len(set(basis)) != m or any(j >= n for j in basis):
        return None
    B = fmpz_mat(m, m)
    for k, j in enumerate(basis):
        for i, v in lp.cols[j]:
            B[i, k] = v
    det = B.det()
    if det == 0:
        return None
    D = abs(int(det))
    inv = B.solve(fmpz_mat(m, m, [int(i == k) for i in range(m) for k in range(m)]))
    xb = B.solve(fmpz_mat(m, 1, lp.b))
    mk = ring.make
    state = FractionFreeBasis([1] * m, [mk(0)] * m, mk(0), mk(1))
    state.D = mk(D)
    state.cols = [[mk(int(inv[k, i] * D)) for k in range(m)] for i in range(m)]
    state.beta = [mk(int(xb[k, 0] * D)) for k in range(m)]
    return state
