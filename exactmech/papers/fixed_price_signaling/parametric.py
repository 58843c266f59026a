"""Exact parametric linear programming with the parameter in the constraint matrix.

Programme (18) of paper 002 is bilinear in the scheme and the price: for a fixed price
``p`` it is the LP ``max c·x  s.t.  (A0 + p·A1) x = b, x >= 0``. This module computes the
LP's value ``L(p)`` on a whole price interval ``[lo, hi]`` exactly, as finitely many
**pieces** on which one basis ``B`` stays optimal, so that ``L(p) = c_B · B(p)^{-1} b`` is a
rational function of ``p``.

Algorithm (one concern per step; no floats):

1. At a rational price ``t`` the exact simplex (:func:`exactmech.lp.linprog`) returns an
   optimal vertex ``x*`` and dual ``y*``. An optimal basis is read off them: the support of
   ``x*`` completed, inside the columns of zero reduced cost, to ``m`` independent columns
   (both primal and dual feasible, so optimal).
2. For that basis every quantity deciding optimality is a rational function of ``p`` with a
   common denominator ``D(p) = det B(p)``: basic values ``N_l(p)/D(p)`` (Cramer) and reduced
   costs. Their numerators have degree at most the number of ``p``-dependent rows, so they
   are recovered exactly by evaluating ``adj B(p)`` at that many rational prices plus one
   and interpolating (python-flint matrices).
3. The basis is optimal where ``D != 0``, ``N_l·D >= 0`` and the reduced-cost numerators
   times ``D`` are ``>= 0``: a union of intervals whose ends are real roots of these
   polynomials, represented as exact :class:`~.algebraic.RealAlgebraic` numbers. The
   maximal interval containing ``t`` is found by walking over the sorted roots and testing
   the signs at a simple rational between consecutive roots.
4. The uncovered parts of ``[lo, hi]`` are covered by recursing on a rational inside each
   gap. Each (basis, interval) pair is found at most once, so this terminates.

At an end where ``D`` vanishes the basis is singular; the value there is the limit of the
neighbouring piece (programme (18)'s value is upper semicontinuous and, on the price range
where it is used, non-increasing, hence left-continuous).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import flint

from exactmech.lp import linprog
from exactmech.papers.fixed_price_signaling.algebraic import (
    Poly,
    RealAlgebraic,
    irreducible_factors,
    poly_eval,
    real_roots,
    simplest_between,
    trim,
)

__all__ = ["Piece", "optimal_basis", "parametric_lp"]

_0 = Fraction(0)
_1 = Fraction(1)
Matrix = list[list[Fraction]]


@dataclass(frozen=True)
class Piece:
    """An interval of the parameter on which one basis is optimal.

    Attributes
    ----------
    lo, hi
        The ends (exact real algebraic numbers), ``lo <= hi``.
    lo_closed, hi_closed
        Whether the basis is nonsingular (hence optimal) at the end itself.
    basis
        Column indices of the basis, in the order of ``x_num``.
    den
        ``D(p) = det B(p)``.
    x_num
        ``N_l(p)``: the basic variable ``basis[l]`` equals ``N_l(p) / D(p)``.
    value_num
        ``c_B · N(p)``: the LP value is ``value_num(p) / den(p)``.
    """

    lo: RealAlgebraic
    hi: RealAlgebraic
    lo_closed: bool
    hi_closed: bool
    basis: tuple[int, ...]
    den: Poly
    x_num: tuple[Poly, ...]
    value_num: Poly

    def value_at(self, p: Fraction) -> Fraction:
        """The LP value at a rational ``p`` of the piece."""
        return poly_eval(self.value_num, p) / poly_eval(self.den, p)

    def x_at(self, p: Fraction, n_cols: int) -> tuple[Fraction, ...]:
        """The optimal vertex at a rational ``p`` of the piece."""
        d = poly_eval(self.den, p)
        x = [_0] * n_cols
        for j, num in zip(self.basis, self.x_num):
            x[j] = poly_eval(num, p) / d
        return tuple(x)


def _matrix_at(A0: Matrix, A1: Matrix, p: Fraction) -> Matrix:
    out = []
    for r0, r1 in zip(A0, A1):
        row = list(r0)
        for j, v in enumerate(r1):
            if v:
                row[j] += p * v
        out.append(row)
    return out


def _fmat(rows: Sequence[Sequence[Fraction]]) -> flint.fmpq_mat:
    m, n = len(rows), len(rows[0]) if rows else 0
    return flint.fmpq_mat(m, n, [flint.fmpq(x.numerator, x.denominator) for r in rows for x in r])


def _fpoly(p: Poly) -> flint.fmpq_poly:
    return flint.fmpq_poly([flint.fmpq(c.numerator, c.denominator) for c in p])


def _fq(c: flint.fmpq) -> Fraction:
    return Fraction(int(c.p), int(c.q))


def _cols(F: flint.fmpq_mat, cols: Sequence[int]) -> flint.fmpq_mat:
    m = F.nrows()
    return flint.fmpq_mat(m, len(cols), [F[i, j] for i in range(m) for j in cols])


def optimal_basis(
    A: Matrix, b: Sequence[Fraction], c: Sequence[Fraction], method: str = "exact"
) -> tuple[int, ...]:
    """An optimal basis of ``max c·x, A x = b, x >= 0`` (``A`` of full row rank), exactly.

    The exact simplex gives an optimal vertex and dual; the basis is the vertex's support
    completed with columns of zero reduced cost (so the dual is the basis's own dual).
    """
    m, n = len(A), len(A[0])
    # verify=False: the basis read off below is re-proved optimal exactly by the caller
    # (primal and dual feasibility of B(p) at this price, in _component)
    res = linprog(list(c), A_eq=A, b_eq=list(b), maximize=True, method=method, verify=False)
    if res.status != "optimal":
        raise ValueError(f"optimal_basis(): the LP is {res.status}")
    assert res.x is not None and res.dual_eq is not None
    F = _fmat(A)
    cf = _fmat([list(c)])
    red = [_fq(v) for v in (_fmat([list(res.dual_eq)]) * F - cf).entries()]
    if any(v < 0 for v in red):  # the other sign convention
        red = [_fq(v) for v in (_fmat([[-v for v in res.dual_eq]]) * F - cf).entries()]
    if any(v < 0 for v in red):
        raise AssertionError("optimal_basis(): the solver's dual is not dual feasible")
    basis = [j for j in range(n) if res.x[j] != 0]
    if basis and _cols(F, basis).rank() != len(basis):
        raise AssertionError("optimal_basis(): the solver's point is not a vertex")
    for j in range(n):
        if len(basis) == m:
            break
        if j in basis or red[j] != 0:
            continue
        if _cols(F, [*basis, j]).rank() > len(basis):
            basis.append(j)
    if len(basis) != m:
        raise AssertionError("optimal_basis(): the dual is not basic; cannot complete a basis")
    return tuple(basis)


def _lin_comb(coefs: Sequence[Fraction], polys: Sequence[Poly]) -> Poly:
    width = max((len(p) for p in polys), default=0)
    out = [_0] * width
    for a, p in zip(coefs, polys):
        for d, v in enumerate(p):
            out[d] += a * v
    return trim(out)


def _basis_polys(
    F0: flint.fmpq_mat,
    F1: flint.fmpq_mat,
    n_prows: int,
    bf: flint.fmpq_mat,
    cf: flint.fmpq_mat,
    c: Sequence[Fraction],
    basis: Sequence[int],
    t: Fraction,
) -> tuple[Poly, tuple[Poly, ...], tuple[Poly, ...]]:
    """``D``, the numerators ``N_l`` of ``x_B`` and ``R_j`` of the reduced costs times ``D``.

    Each is a polynomial of degree at most ``n_prows`` (the number of rows that depend on
    ``p``: a determinant with that many affine rows), recovered from its values at
    ``n_prows + 1`` prices where ``B(p)`` is nonsingular by one exact Vandermonde solve.
    """
    m, n = F0.nrows(), F0.ncols()
    nonbasic = [j for j in range(n) if j not in basis]
    cb = flint.fmpq_mat(1, m, [cf[0, j] for j in basis])
    xs: list[Fraction] = []
    rows: list[list[flint.fmpq]] = []
    step = 0
    while len(xs) < n_prows + 1:
        p = t + step
        step += 1
        Ap = F0 + F1 * flint.fmpq(p.numerator, p.denominator)
        B = _cols(Ap, basis)
        d = B.det()
        if d == 0:
            continue
        inv = B.inv()
        xb = (inv * bf) * d
        red = (cb * inv * Ap - cf) * d
        rows.append([d, *(xb[i, 0] for i in range(m)), *(red[0, j] for j in nonbasic)])
        xs.append(p)
    k = len(xs)
    V = flint.fmpq_mat(
        k, k, [flint.fmpq(x.numerator, x.denominator) ** e for x in xs for e in range(k)]
    )
    Y = flint.fmpq_mat(k, len(rows[0]), [v for r in rows for v in r])
    C = V.inv() * Y
    polys = [trim(tuple(_fq(C[e, q]) for e in range(k))) for q in range(len(rows[0]))]
    return polys[0], tuple(polys[1 : m + 1]), tuple(polys[m + 1 :])


def _between(a: RealAlgebraic, b: RealAlgebraic) -> Fraction:
    """A simple rational strictly between ``a < b``."""
    while not a.hi < b.lo:
        a.refine()
        b.refine()
        if a.is_rational and b.is_rational and not a.hi < b.lo:
            raise ValueError("_between(): empty interval")
    return simplest_between(a.hi, b.lo)


def _roots_in(polys: Sequence[Poly], a: RealAlgebraic, b: RealAlgebraic) -> list[RealAlgebraic]:
    factors: dict[Poly, None] = {}
    for p in polys:
        for f in irreducible_factors(p):
            factors[f] = None
    out = []
    for f in factors:
        for r in real_roots(f):
            if a <= r <= b:
                out.append(r)
    out.sort(key=_cmp_key)
    return out


class _cmp_key:  # noqa: N801 - a sort key wrapper
    __slots__ = ("r",)

    def __init__(self, r: RealAlgebraic) -> None:
        self.r = r

    def __lt__(self, other: _cmp_key) -> bool:
        return self.r < other.r


def _component(
    den: Poly,
    signed: Sequence[Poly],
    t: Fraction,
    a: RealAlgebraic,
    b: RealAlgebraic,
) -> tuple[RealAlgebraic, bool, RealAlgebraic, bool]:
    """The maximal interval in ``[a, b]`` around ``t`` where ``den != 0`` and every
    ``P/den`` (``P`` in ``signed``) is ``>= 0`` (given that this holds at ``t``)."""
    polys = list(dict.fromkeys(p for p in signed if len(p) > 1))
    consts = [p for p in signed if len(p) == 1]
    fden = _fpoly(den)
    fpolys = [_fpoly(p) for p in polys]

    def ok(x: Fraction) -> bool:
        fx = flint.fmpq(x.numerator, x.denominator)
        d = fden(fx)
        if d == 0:
            return False
        sd = 1 if d > 0 else -1
        return all(f(fx) * d >= 0 for f in fpolys) and all(p[0] * sd >= 0 for p in consts)

    if not ok(t):
        raise AssertionError("_component(): the basis is not optimal at its own price")
    roots = _roots_in([den, *polys], a, b)
    tt = RealAlgebraic.rational(t)
    right: list[RealAlgebraic] = [r for r in roots if r > tt]
    left: list[RealAlgebraic] = [r for r in reversed(roots) if r < tt]

    def walk(rs: list[RealAlgebraic], end: RealAlgebraic, up: bool) -> tuple[RealAlgebraic, bool]:
        prev = tt
        for r in rs:
            sample = _between(prev, r) if up else _between(r, prev)
            if not ok(sample):
                return prev, True
            if r.sign_of(den) == 0:
                return r, False
            prev = r
        if prev.compare(end) != 0:
            sample = _between(prev, end) if up else _between(end, prev)
            if not ok(sample):
                return prev, True
        return end, end.sign_of(den) != 0

    hi, hi_closed = walk(right, b, True)
    lo, lo_closed = walk(left, a, False)
    return lo, lo_closed, hi, hi_closed


def parametric_lp(
    A0: Sequence[Sequence[Fraction]],
    A1: Sequence[Sequence[Fraction]],
    b: Sequence[Fraction],
    c: Sequence[Fraction],
    lo: Fraction,
    hi: Fraction,
) -> list[Piece]:
    """Pieces of ``L(p) = max{c·x : (A0 + p·A1) x = b, x >= 0}`` covering ``[lo, hi]``.

    The LP must be feasible and bounded at every ``p`` of ``[lo, hi]``, with a constraint
    matrix of full row rank (e.g. one slack column per row). Returns the pieces sorted by
    their left ends; consecutive pieces share an end.
    """
    M0 = [list(r) for r in A0]
    M1 = [list(r) for r in A1]
    bb, cc = list(b), list(c)
    pieces: list[Piece] = []
    F0, F1 = _fmat(M0), _fmat(M1)
    bf, cf = _fmat([[v] for v in bb]), _fmat([cc])
    n_prows = sum(1 for r in M1 if any(r))

    def piece_at(t: Fraction, a: RealAlgebraic, bnd: RealAlgebraic) -> Piece:
        basis = optimal_basis(_matrix_at(M0, M1, t), bb, cc)
        den, x_num, red_num = _basis_polys(F0, F1, n_prows, bf, cf, cc, basis, t)
        l_, lc, u_, uc = _component(den, [*x_num, *red_num], t, a, bnd)
        value = _lin_comb([cc[j] for j in basis], x_num)
        return Piece(l_, u_, lc, uc, basis, den, x_num, value)

    A = RealAlgebraic.rational(lo)
    B = RealAlgebraic.rational(hi)
    first = piece_at(lo, A, B)
    pieces.append(first)
    gaps = [(first.hi, B)] if first.hi < B else []
    while gaps:
        a, bnd = gaps.pop()
        t = _between(a, bnd)
        pc = piece_at(t, a, bnd)
        pieces.append(pc)
        if a < pc.lo:
            gaps.append((a, pc.lo))
        if pc.hi < bnd:
            gaps.append((pc.hi, bnd))
    pieces.sort(key=lambda pc: _cmp_key(pc.lo))
    return pieces
