"""Unit tests of the exact simplex: degenerate, cycling, equality-only, warm starts.

Tests marked ``default_method`` run on every method (exact and float-guided) with the same
assertions; the pivot-rule and warm-start tests are about the exact simplex itself.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from exactmech.errors import ExactmechError
from exactmech.lp import check, linprog, make_problem, solve_problem
from exactmech.lp._standard import to_standard
from exactmech.lp.simplex import solve_standard

F = Fraction

# Beale (1955): the slacks x1..x3 come first, as in the textbook tableau.
BEALE_A = [
    [1, 0, 0, "1/4", -8, -1, 9],
    [0, 1, 0, "1/2", -12, "-1/2", 3],
    [0, 0, 1, 0, 0, 1, 0],
]
BEALE_B = [0, 0, 1]
BEALE_C = [0, 0, 0, "-3/4", 20, "-1/2", 6]


def test_beale_cycles_under_the_textbook_rule() -> None:
    """Dantzig's rule with lowest-index ties really cycles on Beale's example."""
    sf = to_standard(make_problem(BEALE_C, A_eq=BEALE_A, b_eq=BEALE_B))
    with pytest.raises(ExactmechError, match="iteration limit"):
        solve_standard(sf.lp, pivot_rule="textbook", max_iter=500)


@pytest.mark.parametrize("rule", ["auto", "bland"])
def test_beale_terminates_with_anticycling(rule: str) -> None:
    sf = to_standard(make_problem(BEALE_C, A_eq=BEALE_A, b_eq=BEALE_B))
    sol = solve_standard(sf.lp, pivot_rule=rule, max_iter=500)
    assert sol.status == "optimal"
    x = sf.x_original(sol.x)
    assert x[3:] == (F(1), F(0), F(1), F(0))
    assert sum(F(c) * v for c, v in zip([0, 0, 0, F(-3, 4), 20, F(-1, 2), 6], x)) == F(-5, 4)


@pytest.mark.usefixtures("default_method")
def test_beale_inequality_form() -> None:
    res = linprog(BEALE_C[3:], A_ub=[r[3:] for r in BEALE_A], b_ub=BEALE_B)
    assert res.fun == F(-5, 4)
    assert res.x == (1, 0, 1, 0)
    assert res.dual_ub == (0, F(-3, 2), F(-5, 4))


@pytest.mark.usefixtures("default_method")
def test_kuhn_cycling_example_terminates() -> None:
    # Kuhn's example (Bazaraa et al., Linear Programming and Network Flows, Ex. 4.7).
    c = [-2, -3, 1, 12]
    A = [[-2, -9, 1, 9], [F(1, 3), 1, F(-1, 3), -2], [2, 3, -1, -12]]
    b = [0, 0, 2]
    res = linprog(c, A_ub=A, b_ub=b, max_iter=1000)
    assert res.status == "unbounded" or res.fun is not None
    assert check(res)


@pytest.mark.usefixtures("default_method")
def test_highly_degenerate_assignment_polytope() -> None:
    """A 4x4 assignment LP: every vertex is degenerate; optimum is the best permutation."""
    import itertools

    cost = [[9, 2, 7, 8], [6, 4, 3, 7], [5, 8, 1, 8], [7, 6, 9, 4]]
    n = 4
    c = [cost[i][j] for i in range(n) for j in range(n)]
    A_eq, b_eq = [], []
    for i in range(n):
        A_eq.append([1 if k // n == i else 0 for k in range(n * n)])
        b_eq.append(1)
    for j in range(n):
        A_eq.append([1 if k % n == j else 0 for k in range(n * n)])
        b_eq.append(1)
    res = linprog(c, A_eq=A_eq, b_eq=b_eq)
    best = min(sum(cost[i][p[i]] for i in range(n)) for p in itertools.permutations(range(n)))
    assert res.fun == best == 13
    assert check(res)


@pytest.mark.usefixtures("default_method")
def test_equality_only_with_redundant_rows() -> None:
    res = linprog([1, 1, 1], A_eq=[[1, 1, 0], [0, 1, 1], [1, 2, 1]], b_eq=[1, 1, 2])
    assert res.status == "optimal"
    assert res.fun == 1
    assert check(res)


@pytest.mark.usefixtures("default_method")
def test_inconsistent_equalities_are_infeasible() -> None:
    res = linprog([0, 0], A_eq=[[1, 1], [2, 2]], b_eq=[1, 3], bounds=(None, None))
    assert res.status == "infeasible"
    f = res.certificate.farkas_eq
    assert f is not None
    # yᵀA = 0 and yᵀb < 0
    assert f[0] * 1 + f[1] * 2 == 0
    assert f[0] * 1 + f[1] * 3 < 0


@pytest.mark.usefixtures("default_method")
def test_free_variables_and_negative_bounds() -> None:
    res = linprog([1, 2], A_eq=[[1, 1]], b_eq=[3], bounds=[(None, None), (1, 5)])
    assert (res.fun, res.x) == (F(4), (F(2), F(1)))
    assert res.dual_eq == (1,)
    assert res.reduced_costs == (0, 1)
    res = linprog(
        [-1, -4],
        [[2, 2], [2, 5], [1, -2], [-4, 2]],
        [-5, 9, 8, 1],
        bounds=[(None, 1), (None, 0)],
    )
    # sympy 1.14 wrongly reports this LP infeasible; x = (-1, -3/2) is feasible and optimal.
    assert (res.status, res.fun, res.x) == ("optimal", F(7), (F(-1), F(-3, 2)))


@pytest.mark.usefixtures("default_method")
def test_fixed_variables_are_substituted() -> None:
    res = linprog(
        [1, 1], A_ub=[[1, 1]], b_ub=[5], bounds=[(2, 2), (1, None)], maximize=True
    )
    assert (res.fun, res.x) == (F(5), (F(2), F(3)))
    assert res.reduced_costs is not None and res.reduced_costs[0] == 0


@pytest.mark.usefixtures("default_method")
def test_empty_problem() -> None:
    res = linprog([])
    assert (res.status, res.fun, res.x) == ("optimal", F(0), ())
    res = linprog([3])
    assert (res.status, res.fun, res.x) == ("optimal", F(0), (F(0),))
    res = linprog([-3])
    assert res.status == "unbounded"
    assert res.certificate.ray == (F(1),)


def test_warm_start_from_optimal_basis_needs_no_pivot() -> None:
    p = make_problem([-1, -1, -2], A_ub=[[1, 2, 1], [3, 1, 2], [1, 1, 1]], b_ub=[4, 6, 3])
    cold = solve_problem(p, method="exact")
    warm = solve_problem(p, method="exact", warm_basis=cold.std_basis)
    assert warm.fun == cold.fun and warm.x == cold.x
    assert warm.nit == 0 < cold.nit


def test_warm_start_from_infeasible_basis_repairs() -> None:
    """A primal-infeasible suggested basis is repaired (the single-artificial start)."""
    p = make_problem([1, 1], A_ub=[[-1, -2], [-3, -1]], b_ub=[-4, -6])
    cold = solve_problem(p, method="exact")
    for basis in ([0, 1], [0, 2], [1, 3], [2, 3], [0], []):
        warm = solve_problem(p, method="exact", warm_basis=basis)
        assert (warm.status, warm.fun) == (cold.status, cold.fun) == ("optimal", F(14, 5))


def test_iteration_limit_raises() -> None:
    with pytest.raises(ExactmechError, match="iteration limit"):
        linprog([-1, -1], A_ub=[[1, 2], [3, 1]], b_ub=[4, 6], method="exact", max_iter=1)
