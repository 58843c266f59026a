"""LP textbook identities: the first claims, exercising the exact solver end to end.

Each claim solves a classic textbook LP through the public :func:`exactmech.lp.linprog` /
:func:`exactmech.lp.linprog_lex` and compares with the value the textbook prints.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from exactmech.claims.core import Claim
from exactmech.lp import LPResult, check, linprog, linprog_lex

F = Fraction

__all__ = ["CLAIMS"]


def _wyndor() -> LPResult:
    # Hillier & Lieberman, Introduction to Operations Research, §3.1 (Wyndor Glass Co.)
    return linprog([3, 5], A_ub=[[1, 0], [0, 2], [3, 2]], b_ub=[4, 12, 18], maximize=True)


def _chvatal() -> LPResult:
    # Chvátal, Linear Programming (1983), Ch. 2, the first worked example
    return linprog(
        [5, 4, 3], A_ub=[[2, 3, 1], [4, 1, 2], [3, 4, 2]], b_ub=[5, 11, 8], maximize=True
    )


def _klee_minty() -> LPResult:
    # Klee–Minty cube, n = 3 (Chvátal, Ch. 4): max 100x1 + 10x2 + x3
    return linprog(
        [100, 10, 1],
        A_ub=[[1, 0, 0], [20, 1, 0], [200, 20, 1]],
        b_ub=[1, 100, 10000],
        maximize=True,
    )


def _beale() -> LPResult:
    # Beale (1955): cycles under Dantzig's rule with lowest-index tie-breaking
    return linprog(
        ["-3/4", 20, "-1/2", 6],
        A_ub=[["1/4", -8, -1, 9], ["1/2", -12, "-1/2", 3], [0, 0, 1, 0]],
        b_ub=[0, 0, 1],
    )


def _infeasible_status() -> str:
    res = linprog([1, 1], A_ub=[[1, 1], [-1, -1]], b_ub=[1, -3])
    check(res)
    return res.status


def _dual_value(res: LPResult) -> Any:
    assert res.dual_ub is not None and res.problem is not None
    return sum(b * y for b, y in zip(res.problem.b_ub, res.dual_ub))


def _lex() -> tuple[Fraction, ...]:
    # max x + y on x <= 3/2, y <= 3/2, x + y <= 2 has the optimal edge from (1/2, 3/2) to
    # (3/2, 1/2); the second objective (max y) picks the end (1/2, 3/2).
    r = linprog_lex(
        [[1, 1], [0, 1]], A_ub=[[1, 0], [0, 1], [1, 1]], b_ub=["3/2", "3/2", 2], maximize=True
    )
    assert r.x is not None
    return r.x


CLAIMS = [
    Claim(
        "lp.wyndor.value",
        "lp",
        "Hillier–Lieberman §3.1",
        "Wyndor Glass: optimal profit Z",
        F(36),
        lambda: _wyndor().fun,
    ),
    Claim(
        "lp.wyndor.x",
        "lp",
        "Hillier–Lieberman §3.1",
        "Wyndor Glass: optimal (x1, x2)",
        (F(2), F(6)),
        lambda: _wyndor().x,
    ),
    Claim(
        "lp.wyndor.shadow",
        "lp",
        "Hillier–Lieberman §4.7",
        "Wyndor Glass: shadow prices of the three plants",
        (F(0), F(3, 2), F(1)),
        lambda: _wyndor().dual_ub,
    ),
    Claim(
        "lp.chvatal.value",
        "lp",
        "Chvátal, Ch. 2",
        "max 5x1+4x2+3x3: optimal value",
        F(13),
        lambda: _chvatal().fun,
    ),
    Claim(
        "lp.chvatal.x",
        "lp",
        "Chvátal, Ch. 2",
        "max 5x1+4x2+3x3: optimal (x1, x2, x3)",
        (F(2), F(0), F(1)),
        lambda: _chvatal().x,
    ),
    Claim(
        "lp.chvatal.strong-duality",
        "lp",
        "Chvátal, Ch. 5",
        "dual objective b·y equals the primal optimum",
        F(13),
        lambda: _dual_value(_chvatal()),
    ),
    Claim(
        "lp.klee-minty.value",
        "lp",
        "Klee–Minty (1972), n = 3",
        "Klee–Minty cube: optimum 100^(n-1)",
        F(10000),
        lambda: _klee_minty().fun,
    ),
    Claim(
        "lp.beale.value",
        "lp",
        "Beale (1955)",
        "Beale's cycling example terminates at the optimum -5/4",
        F(-5, 4),
        lambda: _beale().fun,
    ),
    Claim(
        "lp.beale.x",
        "lp",
        "Beale (1955)",
        "Beale's cycling example: optimal (x4, x5, x6, x7)",
        (F(1), F(0), F(1), F(0)),
        lambda: _beale().x,
    ),
    Claim(
        "lp.farkas.status",
        "lp",
        "Farkas' lemma",
        "x1 + x2 <= 1 and x1 + x2 >= 3 is infeasible (certified)",
        "infeasible",
        _infeasible_status,
    ),
    Claim(
        "lp.lex.x",
        "lp",
        "lexicographic optimisation",
        "max x+y, then max y, on a square cut by x+y <= 2",
        (F(1, 2), F(3, 2)),
        _lex,
    ),
]
