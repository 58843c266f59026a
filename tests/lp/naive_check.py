"""A deliberately naive certificate checker (dense ``Fraction`` arithmetic), the reference
for the fast integer checker of :mod:`exactmech.lp.certificate` in the tests."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from exactmech.lp.problem import LPProblem


def naive_valid(problem: LPProblem, cert: Any, fun: Fraction | None = None) -> bool:
    """Whether ``cert`` proves its kind for ``problem`` (same conditions as ``check``)."""
    A_ub, A_eq = problem.dense()
    n, sigma = problem.n, (-1 if problem.maximize else 1)

    def dot(u: Any, v: Any) -> Fraction:
        return sum((Fraction(a) * Fraction(b) for a, b in zip(u, v)), Fraction(0))

    def feasible(x: Any) -> bool:
        if len(x) != n:
            return False
        for j, (lo, hi) in enumerate(problem.bounds):
            if (lo is not None and x[j] < lo) or (hi is not None and x[j] > hi):
                return False
        return all(dot(r, x) <= b for r, b in zip(A_ub, problem.b_ub)) and all(
            dot(r, x) == b for r, b in zip(A_eq, problem.b_eq)
        )

    def aty(y_ub: Any, y_eq: Any) -> list[Fraction]:
        rows = A_ub + A_eq
        y = list(y_ub) + list(y_eq)
        return [sum((rows[i][j] * y[i] for i in range(len(rows))), Fraction(0)) for j in range(n)]

    def lengths(y_ub: Any, y_eq: Any) -> bool:
        return (
            y_ub is not None
            and y_eq is not None
            and len(y_ub) == len(problem.b_ub)
            and len(y_eq) == len(problem.b_eq)
        )

    b_all = list(problem.b_ub) + list(problem.b_eq)
    if cert.kind == "optimal":
        x, y_ub, y_eq = cert.x, cert.dual_ub, cert.dual_eq
        if x is None or not lengths(y_ub, y_eq) or not feasible(x):
            return False
        if any(sigma * y > 0 for y in y_ub):
            return False
        w = aty(y_ub, y_eq)
        dual = sigma * dot(b_all, list(y_ub) + list(y_eq))
        for j, (lo, hi) in enumerate(problem.bounds):
            d = sigma * (problem.c[j] - w[j])
            if d > 0:
                if lo is None:
                    return False
                dual += lo * d
            elif d < 0:
                if hi is None:
                    return False
                dual += hi * d
        primal = sigma * dot(problem.c, x)
        if primal != dual:
            return False
        return fun is None or fun == sigma * primal + problem.c0
    if cert.kind == "infeasible":
        y_ub, y_eq = cert.farkas_ub, cert.farkas_eq
        if not lengths(y_ub, y_eq) or any(y < 0 for y in y_ub):
            return False
        w = aty(y_ub, y_eq)
        value = dot(b_all, list(y_ub) + list(y_eq))
        for j, (lo, hi) in enumerate(problem.bounds):
            if w[j] > 0:
                if lo is None:
                    return False
                value -= lo * w[j]
            elif w[j] < 0:
                if hi is None:
                    return False
                value -= hi * w[j]
        return value < 0
    if cert.kind == "unbounded":
        x, r = cert.x, cert.ray
        if x is None or r is None or not feasible(x) or len(r) != n:
            return False
        if any(dot(row, r) > 0 for row in A_ub) or any(dot(row, r) != 0 for row in A_eq):
            return False
        for j, (lo, hi) in enumerate(problem.bounds):
            if (lo is not None and r[j] < 0) or (hi is not None and r[j] > 0):
                return False
        return sigma * dot(problem.c, r) < 0
    return False
