"""Exact linear programming: the exact simplex, certificates, and the modeling layer.

Public API: :func:`linprog` (scipy-like, exact), :func:`linprog_lex` (lexicographic
objectives), :func:`check` (independent certificate verification), :class:`LPProblem`,
MPS and CPLEX-LP files (:func:`read_mps`, :func:`write_mps`, :func:`read_lp`, :func:`write_lp`),
:class:`LPResult`, :class:`Certificate`, :class:`LinearProgram` (named variables).
"""

from exactmech.lp.certificate import check, check_certificate
from exactmech.lp.formats import (
    MPSModel,
    parse_lp,
    parse_mps,
    read_lp,
    read_mps,
    read_mps_model,
    write_lp,
    write_mps,
)
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
    "MPSModel",
    "Solution",
    "Variable",
    "check",
    "check_certificate",
    "lin_sum",
    "linprog",
    "linprog_lex",
    "make_problem",
    "parse_lp",
    "parse_mps",
    "read_lp",
    "read_mps",
    "read_mps_model",
    "solve_lex",
    "solve_problem",
    "write_lp",
    "write_mps",
]
