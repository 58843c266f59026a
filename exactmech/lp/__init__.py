"""Exact linear programming: the exact simplex, certificates, and the modeling layer.

Public API: :func:`linprog` (scipy-like, exact), :func:`linprog_lex` (lexicographic
objectives), :func:`check` (independent certificate verification), :class:`LPProblem`,
:class:`LPResult`, :class:`Certificate`, :class:`LinearProgram` (named variables).
"""

from exactmech.lp.certificate import check, check_certificate
from exactmech.lp.problem import LPProblem, make_problem
from exactmech.lp.result import Certificate, LPResult
from exactmech.lp.solve import LexResult, linprog, linprog_lex, solve_lex, solve_problem

__all__ = [
    "Certificate",
    "LPProblem",
    "LPResult",
    "LexResult",
    "check",
    "check_certificate",
    "linprog",
    "linprog_lex",
    "make_problem",
    "solve_lex",
    "solve_problem",
]
