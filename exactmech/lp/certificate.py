"""Independent verification of LP certificates (STYLE.md §2: the checker is not the solver).

This module shares no code with the simplex: it reads the user's :class:`LPProblem` as
given (bounds, ``<=`` and ``=`` rows, the sense of optimisation) and checks a
:class:`Certificate` with a few lines of exact ``Fraction`` arithmetic. Write the problem as
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

from collections.abc import Sequence
from fractions import Fraction
from math import gcd
from typing import Any, NoReturn

from exactmech.errors import CertificateError
from exactmech.lp.problem import LPProblem, SparseRow

__all__ = ["check", "check_certificate", "transpose_times"]

_0 = Fraction(0)


class _Vec:
    """A rational vector as integers over one common denominator (fast exact dot products)."""

    __slots__ = ("den", "num")

    def __init__(self, v: Sequence[Fraction]) -> None:
        den = 1
        for x in v:
            if den % x.denominator:
                den = den * x.denominator // gcd(den, x.denominator)
        self.den = den
        self.num = [x.numerator * (den // x.denominator) for x in v]

    def dot(self, row: SparseRow) -> Fraction:
        """``row · v`` exactly."""
        num = self.num
        total = 0
        rest = _0
        for j, a in row:
            if a.denominator == 1:
                total += a.numerator * num[j]
            else:
                rest += Fraction(a.numerator * num[j], a.denominator)
        return Fraction(total, self.den) + rest / self.den if rest else Fraction(total, self.den)


def transpose_times(
    problem: LPProblem, y_ub: Sequence[Fraction], y_eq: Sequence[Fraction]
) -> list[Fraction]:
    """``A_ubᵀ y_ub + A_eqᵀ y_eq`` exactly (integer accumulation over a common denominator)."""
    yv = _Vec(list(y_ub) + list(y_eq))
    acc = [0] * problem.n
    rest: dict[int, Fraction] = {}
    for k, row in enumerate(list(problem.A_ub) + list(problem.A_eq)):
        yk = yv.num[k]
        if not yk:
            continue
        for j, a in row:
            if a.denominator == 1:
                acc[j] += a.numerator * yk
            else:
                rest[j] = rest.get(j, _0) + Fraction(a.numerator * yk, a.denominator)
    out = [Fraction(v, yv.den) for v in acc]
    for j, r in rest.items():
        out[j] += r / yv.den
    return out


def _fail(msg: str) -> NoReturn:
    raise CertificateError(f"check(): {msg}")


def _feasible(problem: LPProblem, x: Sequence[Fraction]) -> None:
    if len(x) != problem.n:
        _fail(f"x has {len(x)} entries for {problem.n} variables")
    for j, (lo, hi) in enumerate(problem.bounds):
        if lo is not None and x[j] < lo:
            _fail(f"x[{j}] = {x[j]} is below its lower bound {lo}")
        if hi is not None and x[j] > hi:
            _fail(f"x[{j}] = {x[j]} is above its upper bound {hi}")
    xv = _Vec(x)
    for i, (row, b) in enumerate(zip(problem.A_ub, problem.b_ub)):
        ax = xv.dot(row)
        if ax > b:
            _fail(f"row ub[{i}] is violated: {ax} > {b}")
    for i, (row, b) in enumerate(zip(problem.A_eq, problem.b_eq)):
        ax = xv.dot(row)
        if ax != b:
            _fail(f"row eq[{i}] is violated: {ax} != {b}")


def _lengths(
    problem: LPProblem, y_ub: Sequence[Any] | None, y_eq: Sequence[Any] | None, what: str
) -> None:
    if y_ub is None or len(y_ub) != len(problem.b_ub):
        _fail(f"{what}_ub must have {len(problem.b_ub)} entries")
    if y_eq is None or len(y_eq) != len(problem.b_eq):
        _fail(f"{what}_eq must have {len(problem.b_eq)} entries")


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
        _feasible(problem, x)
        for i, y in enumerate(y_ub):
            if sigma * y > 0:
                _fail(f"dual_ub[{i}] = {y} has the wrong sign")
        w = transpose_times(problem, y_ub, y_eq)
        dual_obj = sigma * (
            sum((b * y for b, y in zip(problem.b_ub, y_ub)), _0)
            + sum((b * y for b, y in zip(problem.b_eq, y_eq)), _0)
        )
        for j, (lo, hi) in enumerate(problem.bounds):
            d = sigma * (problem.c[j] - w[j])
            if d > 0:
                if lo is None:
                    _fail(f"reduced cost of x[{j}] is {d} > 0 but x[{j}] has no lower bound")
                dual_obj += lo * d
            elif d < 0:
                if hi is None:
                    _fail(f"reduced cost of x[{j}] is {d} < 0 but x[{j}] has no upper bound")
                dual_obj += hi * d
        primal = sigma * sum((cj * xj for cj, xj in zip(problem.c, x)), _0)
        if primal != dual_obj:
            _fail(f"primal objective {sigma * primal} != dual objective {sigma * dual_obj}")
        if fun is not None and fun != sigma * primal + problem.c0:
            _fail(f"fun = {fun} but c·x + c0 = {sigma * primal + problem.c0}")
        return True
    if kind == "infeasible":
        y_ub, y_eq = certificate.farkas_ub, certificate.farkas_eq
        _lengths(problem, y_ub, y_eq, "farkas")
        for i, y in enumerate(y_ub):
            if y < 0:
                _fail(f"farkas_ub[{i}] = {y} is negative")
        w = transpose_times(problem, y_ub, y_eq)
        value = sum((b * y for b, y in zip(problem.b_ub, y_ub)), _0) + sum(
            (b * y for b, y in zip(problem.b_eq, y_eq)), _0
        )
        for j, (lo, hi) in enumerate(problem.bounds):
            if w[j] > 0:
                if lo is None:
                    _fail(f"(yᵀA)[{j}] = {w[j]} > 0 but x[{j}] has no lower bound")
                value -= lo * w[j]
            elif w[j] < 0:
                if hi is None:
                    _fail(f"(yᵀA)[{j}] = {w[j]} < 0 but x[{j}] has no upper bound")
                value -= hi * w[j]
        if not value < 0:
            _fail(f"Farkas value {value} is not negative")
        return True
    if kind == "unbounded":
        x, r = certificate.x, certificate.ray
        if x is None or r is None:
            _fail("unbounded certificate needs x and ray")
        _feasible(problem, x)
        if len(r) != problem.n:
            _fail(f"ray has {len(r)} entries for {problem.n} variables")
        rv = _Vec(r)
        for i, row in enumerate(problem.A_ub):
            if rv.dot(row) > 0:
                _fail(f"ray increases row ub[{i}]")
        for i, row in enumerate(problem.A_eq):
            if rv.dot(row) != 0:
                _fail(f"ray changes row eq[{i}]")
        for j, (lo, hi) in enumerate(problem.bounds):
            if lo is not None and r[j] < 0:
                _fail(f"ray[{j}] = {r[j]} leaves the lower bound")
            if hi is not None and r[j] > 0:
                _fail(f"ray[{j}] = {r[j]} leaves the upper bound")
        if not sigma * sum((cj * rj for cj, rj in zip(problem.c, r)), _0) < 0:
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
