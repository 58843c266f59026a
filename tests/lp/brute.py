"""Brute-force exact LP oracle for tests: enumerate basic solutions (independent of the simplex).

The problem is rewritten with nonnegative variables only (``x = l + x'``, ``x = u − x'``,
``x = x⁺ − x⁻``; upper bounds and ``<=`` rows get slacks), giving ``A z = b, z >= 0``, whose
feasible region is pointed. Then

* feasible  iff some basis ``B`` has ``B⁻¹b >= 0`` (a vertex exists);
* unbounded iff feasible and the polytope ``{A r = 0, Σr = 1, r >= 0}`` has a vertex with
  ``c·r < 0`` (an improving extreme ray);
* otherwise the optimum is the best vertex.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations


def _solve(M: list[list[Fraction]], rhs: list[Fraction]) -> list[Fraction] | None:
    """Solve the square system exactly; ``None`` if singular."""
    n = len(M)
    A = [[*row, r] for row, r in zip(M, rhs)]
    for c in range(n):
        p = next((r for r in range(c, n) if A[r][c] != 0), None)
        if p is None:
            return None
        A[c], A[p] = A[p], A[c]
        pv = A[c][c]
        A[c] = [v / pv for v in A[c]]
        for r in range(n):
            if r != c and A[r][c] != 0:
                f = A[r][c]
                A[r] = [a - f * b for a, b in zip(A[r], A[c])]
    return [A[r][n] for r in range(n)]


def _rank_rows(
    A: list[list[Fraction]], b: list[Fraction]
) -> tuple[list[list[Fraction]], list[Fraction]] | None:
    """Drop redundant equality rows; ``None`` if the system A z = b is inconsistent."""
    rows: list[list[Fraction]] = []
    rhs: list[Fraction] = []
    basis: list[tuple[list[Fraction], Fraction, int]] = []
    for row, bi in zip(A, b):
        r, v = row[:], bi
        for brow, bv, piv in basis:
            if r[piv]:
                f = r[piv] / brow[piv]
                r = [x - f * y for x, y in zip(r, brow)]
                v -= f * bv
        piv = next((j for j, x in enumerate(r) if x), None)
        if piv is None:
            if v != 0:
                return None
            continue
        basis.append((r, v, piv))
        rows.append(row)
        rhs.append(bi)
    return rows, rhs


def _vertices(A: list[list[Fraction]], b: list[Fraction], nvars: int):
    m = len(A)
    for cols in combinations(range(nvars), m):
        M = [[A[i][j] for j in cols] for i in range(m)]
        z = _solve(M, b)
        if z is None or any(v < 0 for v in z):
            continue
        full = [Fraction(0)] * nvars
        for j, v in zip(cols, z):
            full[j] = v
        yield full


def brute_force(c, A_ub, b_ub, A_eq, b_eq, bounds, maximize=False):
    """Return ``("optimal", value)``, ``("infeasible", None)`` or ``("unbounded", None)``."""
    c = [Fraction(v) for v in c]
    n = len(c)
    sense = -1 if maximize else 1
    cols = []  # each original var -> list of (std index, sign)
    offset = []
    nz = 0
    extra_rows = []  # (std var, width)
    for j in range(n):
        lo, hi = bounds[j]
        if lo is not None:
            cols.append([(nz, 1)])
            offset.append(Fraction(lo))
            if hi is not None:
                extra_rows.append((nz, Fraction(hi) - Fraction(lo)))
            nz += 1
        elif hi is not None:
            cols.append([(nz, -1)])
            offset.append(Fraction(hi))
            nz += 1
        else:
            cols.append([(nz, 1), (nz + 1, -1)])
            offset.append(Fraction(0))
            nz += 2
    rows, rhs, kinds = [], [], []
    for row, bi in zip(A_ub, b_ub):
        rows.append(row)
        rhs.append(Fraction(bi))
        kinds.append("ub")
    for row, bi in zip(A_eq, b_eq):
        rows.append(row)
        rhs.append(Fraction(bi))
        kinds.append("eq")
    n_slack = sum(k == "ub" for k in kinds) + len(extra_rows)
    N = nz + n_slack
    A: list[list[Fraction]] = []
    b: list[Fraction] = []
    s = nz
    for row, bi, kind in zip(rows, rhs, kinds):
        r = [Fraction(0)] * N
        v = bi
        for j, a in enumerate(row):
            a = Fraction(a)
            v -= a * offset[j]
            for k, sg in cols[j]:
                r[k] += sg * a
        if kind == "ub":
            r[s] = Fraction(1)
            s += 1
        A.append(r)
        b.append(v)
    for k, width in extra_rows:
        r = [Fraction(0)] * N
        r[k] = Fraction(1)
        r[s] = Fraction(1)
        s += 1
        A.append(r)
        b.append(width)
    cz = [Fraction(0)] * N
    for j in range(n):
        for k, sg in cols[j]:
            cz[k] += sense * sg * c[j]
    const = sum(c[j] * offset[j] for j in range(n))
    reduced = _rank_rows(A, b)
    if reduced is None:
        return ("infeasible", None)
    A, b = reduced
    best = None
    for z in _vertices(A, b, N):
        val = sum(ci * zi for ci, zi in zip(cz, z))
        if best is None or val < best:
            best = val
    if best is None:
        return ("infeasible", None)
    Ar = [row[:] for row in A] + [[Fraction(1)] * N]
    br = [Fraction(0)] * len(A) + [Fraction(1)]
    red = _rank_rows(Ar, br)
    if red is not None:
        for r in _vertices(red[0], red[1], N):
            if sum(ci * ri for ci, ri in zip(cz, r)) < 0:
                return ("unbounded", None)
    return ("optimal", sense * best + const)
