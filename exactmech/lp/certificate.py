"""Independent verification of LP certificates (STYLE.md §2: the checker is not the solver).

This module shares no code with the simplex: it reads the user's :class:`LPProblem` as
given (bounds, ``<=`` and ``=`` rows, the sense of optimisation) and checks a
:class:`Certificate` with a few lines of exact arithmetic (integers over common
denominators, so that no ``Fraction`` is built per nonzero). Write the problem as
``min σ·(c·x)`` with ``σ = −1`` for maximisation; then

*Optimal* (``x``, ``y_ub``, ``y_eq``): ``x`` satisfies every row and bound; ``σ·y_ub <= 0``;
the reduced costs ``d = σ·(c − A_ubᵀy_ub − A_eqᵀy_eq)`` are ``> 0`` only where a lower bound
is finite and ``< 0`` only where an upper bound is finite; and the dual objective
``σ·(b·y) + Σ_{d>0} l·d + Σ_{d<0} u·d`` equals ``σ·c·x`` exactly (weak duality then makes
both optimal; complementary slackness follows).

*Infeasible* (Farkas ``y_ub >= 0``, ``y_eq``): with ``w = A_ubᵀy_ub + A_eqᵀy_eq``, every
``w_j > 0`` has a finite lower bound and every ``w_j < 0`` a finite upper bound, and
``b·y − Σ_{w>0} l·w − Σ_{w<0} u·w < 0``. For a feasible ``x`` the left side would be
``>= 0``, so none exists.

*Unbounded* (``x``, ``r``): ``x`` is feasible, ``A_ub r <= 0``, ``A_eq r = 0``, ``r`` keeps
every finite bound, and ``σ·c·r < 0``.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Sequence
from fractions import Fraction
from itertools import accumulate
from math import lcm
from operator import attrgetter
from typing import Any, NoReturn

from exactmech.errors import CertificateError
from exactmech.lp.problem import LPProblem, SparseRow

__all__ = ["check", "check_certificate", "reduced_costs", "transpose_times"]

_0 = Fraction(0)

# Every product below is taken over the integers: a vector is its numerators over one
# common denominator, a row its integer entries over the row's lcm. (numerator,
# denominator) is read from CPython's slots when present: the Python-level properties cost
# more than the arithmetic.
_PAIR = attrgetter(
    *(("_numerator", "_denominator") if hasattr(_0, "_numerator") else ("numerator", "denominator"))
)


def _pairs(values: Sequence[Any]) -> list[tuple[int, int]]:
    try:
        return list(map(_PAIR, values))
    except AttributeError:  # plain ints (or other Rationals) where Fractions were expected
        return [(v.numerator, v.denominator) for v in values]


def _common(values: Sequence[Any]) -> tuple[list[int], int]:
    """``(N, D)`` with ``values[i] == N[i]/D`` and ``D > 0``."""
    pairs = _pairs(values)
    den = 1
    for _, d in pairs:
        if d != 1 and den % d:
            den = lcm(den, d)
    if den == 1:
        return [a for a, _ in pairs], 1
    return [a * (den // d) for a, d in pairs], den


class _Vec:
    """A rational vector as integers over one common denominator."""

    __slots__ = ("den", "num")

    def __init__(self, v: Sequence[Fraction]) -> None:
        self.num, self.den = _common(v)

    def dot_dense(self, coeffs: Sequence[Fraction]) -> Fraction:
        """``coeffs · v`` for a dense coefficient vector (``b·y``, ``c·x``)."""
        entries, L = _int_row(tuple(enumerate(coeffs)))
        num = self.num
        return Fraction(sum(a * num[j] for j, a in entries if a), L * self.den)


def _int_row(row: SparseRow) -> tuple[list[tuple[int, int]], int]:
    """A row as integer entries over its lcm ``L`` (the row equals entries / L)."""
    nums, L = _common([a for _, a in row])
    return [(j, a) for (j, _), a in zip(row, nums)], L


class _Rows:
    """The problem's rows (``A_ub`` then ``A_eq``) in integer form, built once per check."""

    def __init__(self, problem: LPProblem) -> None:
        self.n = problem.n
        rows = list(problem.A_ub) + list(problem.A_eq)
        flat = _pairs([a for row in rows for _, a in row])
        cols = [j for row in rows for j, _ in row]
        nums = [a for a, _ in flat]
        ends = list(accumulate(map(len, rows)))
        # rows with a fractional entry get their own lcm; the others are integers already
        bad = {bisect_right(ends, k) for k, (_, d) in enumerate(flat) if d != 1}
        out = []
        start = 0
        for i, (row, end) in enumerate(zip(rows, ends)):
            if i in bad:
                out.append(_int_row(row))
            else:
                out.append((list(zip(cols[start:end], nums[start:end])), 1))
            start = end
        self.rows = out

    def times(self, v: _Vec) -> list[Fraction]:
        """``A v`` (every row)."""
        num, den = v.num, v.den
        return [Fraction(sum(a * num[j] for j, a in e), L * den) for e, L in self.rows]

    def transpose_times(self, y: Sequence[Fraction]) -> tuple[list[int], int]:
        """``Aᵀy`` as ``(numerators by column, common denominator)``."""
        # y_k·row_k = (y_k / L_k)·entries_k: scale y by the row lcms first
        scaled = [yk if L == 1 else Fraction(yk) / L for yk, (_, L) in zip(y, self.rows)]
        Y, D = _common(scaled)
        acc = [0] * self.n
        for (entries, _), yk in zip(self.rows, Y):
            if yk:
                for j, a in entries:
                    acc[j] += a * yk
        return acc, D


_LAST: list[tuple[weakref.ref[LPProblem], _Rows]] = []


def _rows_of(problem: LPProblem) -> _Rows:
    """:class:`_Rows` of ``problem``, remembered for the last few problems seen (``linprog``
    reports reduced costs through :func:`transpose_times` and then checks the same problem
    object; ``linprog_lex`` does so for each stage; an :class:`LPProblem` is immutable, so
    identity is a safe key)."""
    for ref, rows in _LAST:
        if ref() is problem:
            return rows
    rows = _Rows(problem)
    _LAST[:] = [(weakref.ref(problem), rows), *_LAST[:3]]
    return rows


def transpose_times(
    problem: LPProblem, y_ub: Sequence[Fraction], y_eq: Sequence[Fraction]
) -> list[Fraction]:
    """``A_ubᵀ y_ub + A_eqᵀ y_eq`` exactly (integer accumulation over a common denominator)."""
    acc, D = _rows_of(problem).transpose_times(list(y_ub) + list(y_eq))
    return [Fraction(v, D) if v else _0 for v in acc]


def reduced_costs(
    problem: LPProblem, y_ub: Sequence[Fraction], y_eq: Sequence[Fraction]
) -> tuple[Fraction, ...]:
    """``c − A_ubᵀ y_ub − A_eqᵀ y_eq`` exactly (one Fraction per column)."""
    acc, D = _rows_of(problem).transpose_times(list(y_ub) + list(y_eq))
    out = []
    for (cn, cd), w, c in zip(_pairs(problem.c), acc, problem.c):
        out.append(Fraction(cn * D - w * cd, cd * D) if w else c)
    return tuple(out)


def _fail(msg: str) -> NoReturn:
    raise CertificateError(f"check(): {msg}")


def _feasible(problem: LPProblem, x: Sequence[Fraction], rows: _Rows) -> None:
    if len(x) != problem.n:
        _fail(f"x has {len(x)} entries for {problem.n} variables")
    xv = _Vec(x)
    X, Dx = xv.num, xv.den
    for j, (lo, hi) in enumerate(problem.bounds):
        if lo is not None and (X[j] < 0 if not lo else x[j] < lo):
            _fail(f"x[{j}] = {x[j]} is below its lower bound {lo}")
        if hi is not None and x[j] > hi:
            _fail(f"x[{j}] = {x[j]} is above its upper bound {hi}")
    m_ub = len(problem.b_ub)
    for i, ((entries, L), (bn, bd)) in enumerate(
        zip(rows.rows, _pairs(list(problem.b_ub) + list(problem.b_eq)))
    ):
        s = sum(a * X[j] for j, a in entries)  # row·x = s / (L·Dx)
        lhs, rhs = s * bd, bn * L * Dx
        if i < m_ub:
            if lhs > rhs:
                _fail(f"row ub[{i}] is violated: {Fraction(s, L * Dx)} > {problem.b_ub[i]}")
        elif lhs != rhs:
            k = i - m_ub
            _fail(f"row eq[{k}] is violated: {Fraction(s, L * Dx)} != {problem.b_eq[k]}")


def _lengths(
    problem: LPProblem, y_ub: Sequence[Any] | None, y_eq: Sequence[Any] | None, what: str
) -> None:
    if y_ub is None or len(y_ub) != len(problem.b_ub):
        _fail(f"{what}_ub must have {len(problem.b_ub)} entries")
    if y_eq is None or len(y_eq) != len(problem.b_eq):
        _fail(f"{what}_eq must have {len(problem.b_eq)} entries")


def _b_dot(problem: LPProblem, y: Sequence[Fraction]) -> Fraction:
    """``b_ub·y_ub + b_eq·y_eq``."""
    return _Vec(y).dot_dense(list(problem.b_ub) + list(problem.b_eq))


def check_certificate(problem: LPProblem, certificate: Any, fun: Fraction | None = None) -> bool:
    """Verify ``certificate`` for ``problem`` exactly; raise :class:`CertificateError` if wrong.

    Parameters
    ----------
    problem
        The LP as the user stated it.
    certificate
        A :class:`~exactmech.lp.result.Certificate`.
    fun
        If given (optimal case), also check that it equals the certified optimum.

    Returns
    -------
    bool
        ``True`` (failures raise).
    """
    sigma = -1 if problem.maximize else 1
    kind = certificate.kind
    if kind == "optimal":
        x, y_ub, y_eq = certificate.x, certificate.dual_ub, certificate.dual_eq
        if x is None:
            _fail("optimal certificate without x")
        _lengths(problem, y_ub, y_eq, "dual")
        rows = _rows_of(problem)
        _feasible(problem, x, rows)
        for i, (yn, _) in enumerate(_pairs(y_ub)):
            if sigma * yn > 0:
                _fail(f"dual_ub[{i}] = {y_ub[i]} has the wrong sign")
        y = list(y_ub) + list(y_eq)
        W, Dw = rows.transpose_times(y)  # Aᵀy = W / Dw
        dual_obj = sigma * _b_dot(problem, y)
        for j, ((cn, cd), (lo, hi)) in enumerate(zip(_pairs(problem.c), problem.bounds)):
            s = sigma * (cn * Dw - W[j] * cd)  # sign of d_j = σ·(c_j − (Aᵀy)_j)
            if s > 0:
                if lo is None:
                    _fail(
                        f"reduced cost of x[{j}] is {Fraction(s, cd * Dw)} > 0 but x[{j}] "
                        "has no lower bound"
                    )
                if lo:
                    dual_obj += lo * Fraction(s, cd * Dw)
            elif s < 0:
                if hi is None:
                    _fail(
                        f"reduced cost of x[{j}] is {Fraction(s, cd * Dw)} < 0 but x[{j}] "
                        "has no upper bound"
                    )
                if hi:
                    dual_obj += hi * Fraction(s, cd * Dw)
        primal = sigma * _Vec(x).dot_dense(problem.c)
        if primal != dual_obj:
            _fail(f"primal objective {sigma * primal} != dual objective {sigma * dual_obj}")
        if fun is not None and fun != sigma * primal + problem.c0:
            _fail(f"fun = {fun} but c·x + c0 = {sigma * primal + problem.c0}")
        return True
    if kind == "infeasible":
        y_ub, y_eq = certificate.farkas_ub, certificate.farkas_eq
        _lengths(problem, y_ub, y_eq, "farkas")
        for i, (yn, _) in enumerate(_pairs(y_ub)):
            if yn < 0:
                _fail(f"farkas_ub[{i}] = {y_ub[i]} is negative")
        y = list(y_ub) + list(y_eq)
        W, Dw = _rows_of(problem).transpose_times(y)
        value = _b_dot(problem, y)
        for j, (lo, hi) in enumerate(problem.bounds):
            if W[j] > 0:
                if lo is None:
                    _fail(f"(yᵀA)[{j}] = {Fraction(W[j], Dw)} > 0 but x[{j}] has no lower bound")
                value -= lo * Fraction(W[j], Dw)
            elif W[j] < 0:
                if hi is None:
                    _fail(f"(yᵀA)[{j}] = {Fraction(W[j], Dw)} < 0 but x[{j}] has no upper bound")
                value -= hi * Fraction(W[j], Dw)
        if not value < 0:
            _fail(f"Farkas value {value} is not negative")
        return True
    if kind == "unbounded":
        x, r = certificate.x, certificate.ray
        if x is None or r is None:
            _fail("unbounded certificate needs x and ray")
        rows = _rows_of(problem)
        _feasible(problem, x, rows)
        if len(r) != problem.n:
            _fail(f"ray has {len(r)} entries for {problem.n} variables")
        ar = rows.times(_Vec(r))
        m_ub = len(problem.b_ub)
        for i, v in enumerate(ar):
            if i < m_ub and v > 0:
                _fail(f"ray increases row ub[{i}]")
            if i >= m_ub and v != 0:
                _fail(f"ray changes row eq[{i - m_ub}]")
        for j, (lo, hi) in enumerate(problem.bounds):
            if lo is not None and r[j] < 0:
                _fail(f"ray[{j}] = {r[j]} leaves the lower bound")
            if hi is not None and r[j] > 0:
                _fail(f"ray[{j}] = {r[j]} leaves the upper bound")
        if not sigma * _Vec(r).dot_dense(problem.c) < 0:
            _fail("the ray does not improve the objective")
        return True
    _fail(f"unknown certificate kind {kind!r}")


def check(result: Any, problem: LPProblem | None = None) -> bool:
    """Independently verify an :class:`~exactmech.lp.result.LPResult`.

    Checks that the certificate proves ``result.status`` for ``problem`` (default: the
    problem stored on the result) and, when optimal, that ``result.fun`` is the certified
    optimum.

    Parameters
    ----------
    result
        What :func:`exactmech.lp.linprog` returned.
    problem
        The problem to check against; defaults to ``result.problem``.

    Returns
    -------
    bool
        ``True``; a wrong certificate raises :class:`~exactmech.errors.CertificateError`.

    Examples
    --------
    >>> from exactmech.lp import linprog
    >>> res = linprog([-1, -1], A_ub=[[1, 2], [3, 1]], b_ub=[4, 6])
    >>> check(res)
    True
    """
    problem = problem if problem is not None else result.problem
    if problem is None:
        raise CertificateError("check(): no problem given and none stored on the result")
    cert = result.certificate
    if cert.kind != result.status:
        _fail(f"status {result.status!r} but certificate of kind {cert.kind!r}")
    stages = getattr(result, "stages", None)
    if stages:
        for stage in stages:
            check(stage)
        return True
    return check_certificate(problem, cert, result.fun if result.status == "optimal" else None)
