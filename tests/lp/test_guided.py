"""The float-guided method: HiGHS basis -> exact proof -> repair (exactmech/lp/guided.py)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from exactmech.lp import check, guided, linprog, make_problem, solve_lex, solve_problem
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

    def bad_basis(self: guided.FloatModel, **kw: bool) -> guided.FloatResult:
        return guided.FloatResult("Optimal", [0, 1, 2], [])  # HiGHS would never return this

    monkeypatch.setattr(guided.FloatModel, "run", bad_basis)
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


def test_reconstruct_finds_a_common_denominator() -> None:
    from exactmech.lp._proof import reconstruct

    assert reconstruct([4.0625, 0.0, 1 / 3, -2.0]) == ([195, 0, 16, -96], 48)
    assert reconstruct([]) == ([], 1)
    assert reconstruct([float("nan")]) is None
    assert reconstruct([0.1234567890123, 2 ** 0.5]) is None  # no small denominator fits
    assert reconstruct([1e20]) is None  # beyond 2**53: not trusted
    # thousands of entries, a handful of denominators (the duals of a mechanism LP)
    many = [k / 64 for k in range(-500, 500)] + [k / 3 for k in range(100)]
    assert reconstruct(many) == ([k * 3 for k in range(-500, 500)] + [k * 64 for k in range(100)], 192)


def _mechanism_standard_form() -> tuple[StandardLP, list[int], guided.FloatResult]:
    from exactmech.auctions import build_mechanism_lp

    mlp = build_mechanism_lp([[1, 2, 3]] * 2, [[F(1, 3)] * 3] * 2)
    lp = to_standard(mlp.problem).lp
    fr = guided.FloatModel(lp).run()
    assert fr.status == "Optimal" and fr.guess is not None
    return lp, guided.complete_basis(lp, fr.cols, fr.rows), fr


def test_basis_proved_by_reconstruction_without_a_linear_solve(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Mechanism LPs have small-denominator optima: HiGHS's doubles, rounded to rationals and
    checked exactly (A x = b, Bᵀy = c_B), prove the basis without any flint solve."""
    from exactmech.lp import _proof

    lp, basis, fr = _mechanism_standard_form()
    exact = _proof.verify_basis(lp, basis)
    assert exact is not None

    def no_solve(*args: object) -> None:
        raise AssertionError("no linear system should be solved")

    monkeypatch.setattr(_proof._Reduced, "_solve", staticmethod(no_solve))
    monkeypatch.setattr(_proof, "GUESS_MIN", 0)  # this reduced system is small
    sol = _proof.verify_basis(lp, basis, guess=fr.guess)
    assert sol is not None
    assert (sol.x, sol.duals, sol.reduced_costs) == (exact.x, exact.duals, exact.reduced_costs)


def test_wrong_guess_falls_back_to_the_exact_solve() -> None:
    """A perturbed float guess fails the exact check and is never used."""
    from exactmech.lp import _proof

    lp, basis, fr = _mechanism_standard_form()
    assert fr.x is not None and fr.y is not None
    exact = _proof.verify_basis(lp, basis)
    bad_x = [v + 1 / 7 for v in fr.x]
    bad_y = [v + 1 / 5 for v in fr.y]
    for guess in ((bad_x, fr.y), (fr.x, bad_y), (bad_x, bad_y)):
        sol = _proof.verify_basis(lp, basis, guess=guess)
        assert sol is not None and exact is not None
        assert (sol.x, sol.duals) == (exact.x, exact.duals)


def test_lexicographic_stages_are_proved_by_highs_without_pivots() -> None:
    """Stage 2 (buyer surplus among revenue-optimal mechanisms, paper 000 §3.1) is solved by
    HiGHS on the optimal face and proved exactly: no exact pivot, same result as the exact
    simplex."""
    from exactmech.auctions import build_mechanism_lp

    mlp = build_mechanism_lp([[1, 2, 3]] * 2, [[F(1, 3)] * 3] * 2)
    objs = [mlp.revenue, mlp.surplus]
    fast = solve_lex(mlp.problem, objs, method="float-guided")
    slow = solve_lex(mlp.problem, objs, method="exact")
    assert fast.fun == slow.fun
    assert fast.fun[0] == 2  # E[max φ⁺] with φ = (-1, 1, 3): 3·5/9 + 1·3/9
    assert all(s.nit == 0 and s.method == "float-guided" for s in fast.stages)
    assert check(fast)


def test_lexicographic_stage_failure_is_repaired_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    """If a later stage cannot be proved, the exact simplex re-solves from HiGHS's basis."""
    from exactmech.auctions import build_mechanism_lp

    real = guided.verify_basis

    def only_stage_zero(lp: StandardLP, basis: list[int], **kw: object) -> object:
        return None if kw.get("stage", 0) else real(lp, basis, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(guided, "verify_basis", only_stage_zero)
    mlp = build_mechanism_lp([[1, 2]] * 2, [[F(1, 2)] * 2] * 2)
    objs = [mlp.revenue, mlp.surplus]
    fast = solve_lex(mlp.problem, objs, method="float-guided")
    assert fast.fun == solve_lex(mlp.problem, objs, method="exact").fun
    assert check(fast)


def test_lexicographic_unbounded_stage_is_proved_by_a_ray_lp() -> None:
    r = solve_lex(
        make_problem([1, 0], A_ub=[[-1, 0]], b_ub=[-1]), [[1, 0], [0, -1]], method="float-guided"
    )
    assert r.status == "unbounded" and r.fun == (F(1),)
    ray = r.stages[-1].certificate.ray
    assert ray is not None and ray[0] == 0 and ray[1] > 0
    assert check(r)


def test_float_model_absorbs_slacks_into_row_bounds() -> None:
    """Slack columns become HiGHS row bounds; the basis and values map back to them, and
    fixing a slack at 0 (a later lexicographic stage) makes its row an equality."""
    # x + s = 2 (s a slack), y + t = 3 (t a slack): min -y, then min x with s fixed at 0
    lp = StandardLP(
        m=2,
        n=4,
        cols=[[(0, 1)], [(1, 1)], [(0, 1)], [(1, 1)]],
        b=[2, 3],
        costs=[[0, -1, 0, 0], [1, 0, 0, 0]],
    )
    model = guided.FloatModel(lp)
    assert model.slack == {0: 2, 1: 3} and model.keep == [0, 1]
    fr = model.run()
    assert fr.status == "Optimal" and fr.x is not None
    assert sorted(fr.cols) == [1, 2] and fr.rows == []  # y basic, the slack of row 0 basic
    assert fr.x == [0.0, 3.0, 2.0, 0.0]
    model.restrict(1, {2})
    fr = model.run()
    assert fr.x is not None and fr.x[0] == 2.0 and fr.x[2] == 0.0


def test_second_highs_run_with_presolve_when_the_first_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """HiGHS without presolve sometimes gives up (netlib perold: "Unbounded"); a second,
    fresh run with presolve is tried before any exact pivoting."""
    real = guided.FloatModel.run
    calls: list[bool] = []

    def flaky(self: guided.FloatModel, *, presolve: bool = False, fresh: bool = False) -> object:
        calls.append(presolve)
        if not presolve:
            return guided.FloatResult("Unbounded", [], [])
        return real(self, presolve=presolve, fresh=fresh)

    monkeypatch.setattr(guided.FloatModel, "run", flaky)
    res = linprog([3, 5], A_ub=[[1, 0], [0, 2], [3, 2]], b_ub=[4, 12, 18], maximize=True,
                  method="float-guided")
    assert (res.fun, res.nit, calls) == (F(36), 0, [False, True])
    assert "proved optimal" in res.message


def test_float_model_passes_free_variables_as_one_free_column() -> None:
    """x = x⁺ − x⁻ reaches HiGHS as one free column; the basis maps back by sign."""
    # min x + 2y  s.t.  x + y >= -3 (as -x - y <= 3), x - y <= 1, x, y free: x = -1, y = -2
    p = make_problem([1, 2], A_ub=[[-1, -1], [1, -1]], b_ub=[3, 1], bounds=(None, None))
    lp = to_standard(p).lp
    model = guided.FloatModel(lp)
    assert model.minus == {0: 1, 2: 3} and model.keep == [0, 2]
    fr = model.run()
    assert fr.status == "Optimal" and fr.x is not None
    assert sorted(fr.cols) == [1, 3]  # both negative: x⁻ and y⁻ basic
    assert fr.x[:4] == [0.0, 1.0, 0.0, 2.0]
    res = linprog([1, 2], A_ub=[[-1, -1], [1, -1]], b_ub=[3, 1], bounds=(None, None),
                  method="float-guided")
    assert (res.fun, res.x, res.nit) == (F(-5), (F(-1), F(-2)), 0)


@pytest.mark.parametrize("second", [[1, 0], [-1, 0], [0, 1]])
def test_lexicographic_stages_with_free_variables(second: list[int]) -> None:
    """Fixing x⁺ or x⁻ of a free variable on the optimal face becomes a one-sided bound."""
    # min x + y over x + y >= 1, -5 <= x - y <= 5 (x, y free): a whole edge is optimal
    p = make_problem([1, 1], A_ub=[[-1, -1], [1, -1], [-1, 1]], b_ub=[-1, 5, 5],
                     bounds=(None, None))
    fast = solve_lex(p, [[1, 1], second], method="float-guided")
    slow = solve_lex(p, [[1, 1], second], method="exact")
    assert fast.status == slow.status == "optimal"
    assert fast.fun == slow.fun and fast.x == slow.x
    assert check(fast)


def test_auto_picks_by_size_and_records_the_choice() -> None:
    """``method="auto"``: the exact simplex up to 24 columns + rows (free variables count
    twice), float-guided above; the result says which method ran and how long it took."""
    A = [[(i * j) % 7 + 1 for j in range(10)] for i in range(10)]
    small = linprog([1] * 10, A_ub=A, b_ub=[5] * 10, maximize=True)
    assert small.method == "exact" and small.timings["total"] > 0
    free = linprog([1] * 10, A_ub=A, b_ub=[5] * 10, bounds=[(None, None)] * 10, maximize=True)
    assert free.method == "float-guided" and {"float", "verify", "check"} <= set(free.timings)
    assert free.fun == linprog(
        [1] * 10, A_ub=A, b_ub=[5] * 10, bounds=[(None, None)] * 10, maximize=True,
        method="exact",
    ).fun
