"""Exact linear programming: the exact simplex, certificates, and the modeling layer.

Public API: :func:`linprog` (scipy-like, exact), :func:`linprog_lex` (lexicographic
objectives), :func:`check` (independent certificate verification), :class:`LPProblem`,
:class:`LPResult`, :class:`Certificate`, :class:`LinearProgram` (named variables).
"""

from exactmech.lp.certificate import check, check_certificate
from exactmech.lp.model import Constraint, LinearProgram, LinExpr, Solution, Variable, lin_sum
from exactmech.lp.problem import LPProblem, make_problem
from exactmech.lp.result import Certificate, LPResult
from exactmech.lp.solve import LexResult, linprog, linprog_lex, solve_lex, solve_problem

__all__ = [
    "Certificate",
    "Constraint",
    "LPProblem",
    "LPResult",
    "LexResult",
    "LinExpr",
    "LinearProgram",
    "Solution",
    "Variable",
    "check",
    "check_certificate",
    "lin_sum",
    "linprog",
    "linprog_lex",
    "make_problem",
    "solve_lex",
    "solve_problem",
]
