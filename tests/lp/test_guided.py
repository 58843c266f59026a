"""The float-guided method: HiGHS basis -> exact proof -> repair (exactmech/lp/guided.py)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from exactmech.lp import check, guided, linprog, make_problem, solve_problem
from exactmech.lp._standard import to_standard
from exactmech.lp.simplex import StandardLP

F = Fraction


def test_optimal_basis_is_proved_without_pivots() -> None:
    res = linprog(
        [3, 5],
        A_ub=[[1, 0], [0, 2], [3, 2]],
        b_ub=[4, 12, 18],
        maximize=True,
        method="float-guided",
    )
    assert (res.fun, res.nit, res.method) == (F(36), 0, "float-guided")
    assert "proved optimal" in res.message
    assert set(res.timings) >= {"float", "verify", "total", "check"}


def test_redundant_rows_complete_the_basis_with_unit_columns() -> None:
    """HiGHS leaves a redundant equality row to its logical: the unit column at 0 is harmless."""
    p = make_problem([1, 2, 3], A_eq=[[1, 1, 1], [2, 2, 2], [1, 0, 1]], b_eq=[3, 6, 2])
    res = solve_problem(p, method="float-guided")
    # y = 3 - (x + z) = 1 and x + z = 2, so the optimum is x = 2: 2 + 2·1 = 4
    assert (res.status, res.fun, res.nit) == ("optimal", F(4), 0)
    assert solve_problem(p, method="exact").fun == F(4)
    sf = to_standard(p)
    _, cols, rows = guided.highs_basis(sf.lp)
    basis = guided.complete_basis(sf.lp, cols, rows)
    assert len(basis) == sf.lp.m
    assert guided.verify_basis(sf.lp, basis) is not None


def test_verify_rejects_wrong_bases() -> None:
    lp = StandardLP(m=1, n=2, cols=[[(0, 1)], [(0, 1)]], b=[1], costs=[[1, 2]])
    assert guided.verify_basis(lp, [0]) is not None  # x0 = 1 is optimal
    assert guided.verify_basis(lp, [1]) is None  # dual infeasible: reduced cost of x0 < 0
    assert guided.verify_basis(lp, [2]) is None  # unit column with nonzero value
    assert guided.verify_basis(lp, []) is None  # incomplete


def test_infeasible_and_unbounded_are_proved_by_auxiliary_lps() -> None:
    inf = linprog([1, 1], A_ub=[[-1, -1]], b_ub=[-3], bounds=(0, 1), method="float-guided")
    assert inf.status == "infeasible" and inf.nit == 0 and check(inf)
    unb = linprog([-1, 0], A_ub=[[1, -1]], b_ub=[1], method="float-guided")
    assert unb.status == "unbounded" and unb.nit == 0 and check(unb)


def test_repair_path_when_the_float_basis_is_not_optimal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wrong float basis is repaired by exact pivots warm-started from it, never from scratch."""
    p = make_problem([-1, -1, -2], A_ub=[[1, 2, 1], [3, 1, 2], [1, 1, 1]], b_ub=[4, 6, 3])
    exact = solve_problem(p, method="exact")

    def bad_basis(lp: StandardLP) -> tuple[str, list[int], list[int]]:
        return "Optimal", [0, 1, 2], []  # a basis HiGHS would never return here

    monkeypatch.setattr(guided, "highs_basis", bad_basis)
    res = solve_problem(p, method="float-guided")
    assert (res.status, res.fun) == ("optimal", exact.fun)
    assert "warm-started" in res.message
    assert check(res)


def test_float_guided_is_unavailable_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from exactmech.errors import ExactmechError

    monkeypatch.setattr(guided, "available", lambda: False)
    with pytest.raises(ExactmechError, match="needs highspy and python-flint"):
        linprog([1], method="float-guided")
    # auto falls back to the exact method
    assert linprog([1] * 30, method="auto").method == "exact"
