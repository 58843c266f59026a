"""Tests of the modeling layer :mod:`exactmech.lp.model`."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from exactmech.errors import FloatInputError, InvalidNumberError, InvalidProblemError, LPStatusError
from exactmech.lp import (
    Constraint,
    LinearProgram,
    LinExpr,
    Solution,
    Variable,
    lin_sum,
    linprog,
    make_problem,
)

pytestmark = pytest.mark.usefixtures("default_method")

F = Fraction
H = F(1, 1000)


# -- the reference LP ---------------------------------------------------------------------
# minimise x + 2y + 4z  s.t.  x + y + z == 10 + d_eq,  x + 1 <= 7 + d_le,  z + y >= y + 1 + d_ge
# Optimum x=6, y=3, z=1 (all basic and positive, so the basis is stable under small changes);
# duals in the written orientation: eq 2, le -1 (x up, y down), ge 2 (z up, y down).


def reference(d_le: Fraction | int = 0, d_ge: Fraction | int = 0, d_eq: Fraction | int = 0,
              *, maximize: bool = False) -> tuple[LinearProgram, dict[str, Variable]]:
    lp = LinearProgram("ref")
    x, y, z = lp.var("x"), lp.var("y"), lp.var("z")
    lp.add(x + y + z == 10 + d_eq, name="eq")
    lp.add(x + 1 <= 7 + d_le, name="le")
    lp.add(z + y >= y + 1 + d_ge, name="ge")
    cost = x + 2 * y + 4 * z
    if maximize:
        lp.maximize(-cost)
    else:
        lp.minimize(cost)
    return lp, {"x": x, "y": y, "z": z}


def test_reference_matches_linprog_exactly() -> None:
    lp, v = reference()
    sol = lp.solve()
    res = linprog([1, 2, 4], A_ub=[[1, 0, 0], [0, 0, -1]], b_ub=[6, -1],
                  A_eq=[[1, 1, 1]], b_eq=[10])
    assert sol.status == res.status == "optimal"
    assert sol.objective == res.fun == 16
    assert tuple(sol.value(v[k]) for k in "xyz") == res.x == (6, 3, 1)
    assert sol.values() == {"x": 6, "y": 3, "z": 1}
    assert res.dual_ub is not None and res.dual_eq is not None
    assert sol.dual("le") == res.dual_ub[0]
    assert sol.dual("ge") == -res.dual_ub[1]
    assert sol.dual("eq") == res.dual_eq[0]
    assert sol.result.fun == res.fun and sol.result.x == res.x


def test_to_problem_equals_dense_problem() -> None:
    lp, _ = reference()
    p = lp.to_problem()
    dense = make_problem([1, 2, 4], A_ub=[[1, 0, 0], [0, 0, -1]], b_ub=[6, -1],
                         A_eq=[[1, 1, 1]], b_eq=[10])
    assert p == dense
    assert p.var_names == ("x", "y", "z")
    assert p.ub_names == ("le", "ge") and p.eq_names == ("eq",)


@pytest.mark.parametrize("name", ["le", "ge", "eq"])
def test_duals_equal_exact_finite_differences(name: str) -> None:
    base = reference()[0].solve()
    up = reference(**{f"d_{name}": H})[0].solve()
    down = reference(**{f"d_{name}": -H})[0].solve()
    assert isinstance(base.objective, Fraction) and isinstance(up.objective, Fraction)
    assert isinstance(down.objective, Fraction)
    forward = (up.objective - base.objective) / H
    backward = (base.objective - down.objective) / H
    assert forward == backward == base.dual(name)
    assert base.dual(name) == {"le": -1, "ge": 2, "eq": 2}[name]
    assert base.duals() == {"eq": 2, "le": -1, "ge": 2}


def test_maximize_is_negated_minimize() -> None:
    lo, v = reference()
    hi, w = reference(maximize=True)
    s_lo, s_hi = lo.solve(), hi.solve()
    assert hi.sense == "maximize" and lo.sense == "minimize"
    assert s_hi.objective == -16 and s_lo.objective == 16
    assert s_hi.values() == s_lo.values()
    for name in ("le", "ge", "eq"):
        assert s_hi.dual(name) == -s_lo.dual(name) != 0
    for k in "xyz":  # all basic
        assert s_hi.reduced_cost(w[k]) == s_lo.reduced_cost(v[k]) == 0


def test_maximize_flag_in_constructor() -> None:
    lp = LinearProgram(maximize=True)
    x = lp.var("x", ub=F(5, 2))
    lp.lex_objectives([x])
    assert lp.solve().objective == (F(5, 2),)


def test_free_and_negative_bounds_and_reduced_costs() -> None:
    lp = LinearProgram()
    x = lp.var("x", lb=None)
    y = lp.var("y", lb=-3, ub="-1")
    w = lp.var("w", lb=None, ub=-1)
    lp.add(x - y >= -2, name="link")
    lp.minimize(x + 2 * y - w)
    sol = lp.solve()
    res = linprog([1, 2, -1], A_ub=[[-1, 1, 0]], b_ub=[2],
                  bounds=[(None, None), (-3, -1), (None, -1)])
    assert sol.values() == {"x": -5, "y": -3, "w": -1}
    assert sol.objective == res.fun == -10
    assert sol.dual("link") == 1
    assert sol.reduced_cost(y) == 3 and sol.reduced_cost(x) == 0 and sol.reduced_cost(w) == -1
    assert lp.to_problem().bounds == ((None, None), (F(-3), F(-1)), (None, F(-1)))


def test_constants_on_both_sides_and_in_the_objective() -> None:
    lp = LinearProgram()
    x, y = lp.var("x"), lp.var("y")
    con = 2 * x + 3 <= y - 1
    assert str(con) == "2*x - y <= -4" and con.rhs == -4 and con.sense == "<="
    lp.add(con, name="a")
    lp.add(10 >= y - x, name="b")  # noqa: SIM300 (reflected: y - x <= 10)
    lp.minimize(x + y + 5)
    p = lp.to_problem()
    assert p.A_ub == (((0, F(2)), (1, F(-1))), ((0, F(-1)), (1, F(1))))
    assert p.b_ub == (F(-4), F(10)) and p.c0 == 5
    sol = lp.solve()
    res = linprog([1, 1], A_ub=[[2, -1], [-1, 1]], b_ub=[-4, 10])
    assert res.fun is not None and sol.objective == res.fun + 5 == 9
    assert sol.values() == {"x": 0, "y": 4}
    assert sol.dual("a") == -1 and sol.dual("b") == 0


def test_ge_constraint_stored_negated() -> None:
    lp = LinearProgram()
    x = lp.var("x")
    lp.add(4 * x + "1/2" >= 2, name="g")
    p = lp.to_problem()
    assert p.A_ub == (((0, F(-4)),),) and p.b_ub == (F(-3, 2),)
    lp.minimize(x)
    sol = lp.solve()
    assert sol.value(x) == F(3, 8) and sol.dual("g") == F(1, 4)


@pytest.mark.parametrize(
    ("make", "op"),
    [
        (lambda x: x * 0.5, "*"),
        (lambda x: 0.5 * x, "*"),
        (lambda x: x + 0.5, "+"),
        (lambda x: 0.5 + x, "+"),
        (lambda x: x - 0.5, "-"),
        (lambda x: 0.5 - x, "-"),
        (lambda x: x / 0.5, "/"),
        (lambda x: x <= 0.5, "<="),
        (lambda x: 0.5 <= x, ">="),  # noqa: SIM300
        (lambda x: x == 0.5, "=="),
        (lambda x: lin_sum([x, 0.5]), "lin_sum"),
    ],
)
def test_float_rejected_naming_operation(make: object, op: str) -> None:
    lp = LinearProgram()
    x = lp.var("x")
    msg = re.escape(f"linear expression '{op}': 0.5 is a float; pass Fraction(1, 2) or '1/2'")
    with pytest.raises(FloatInputError, match=msg):
        make(x)  # type: ignore[operator]


def test_float_rejected_in_bounds_and_coefficients() -> None:
    lp = LinearProgram()
    with pytest.raises(FloatInputError, match=r"LinearProgram.var\(\): lb=0.5"):
        lp.var("x", lb=0.5)
    with pytest.raises(FloatInputError, match=r"LinearProgram.vars\(\): ub=1.5"):
        lp.vars("q", range(2), ub=1.5)
    x = lp.var("x")
    with pytest.raises(FloatInputError, match="coefficient of x"):
        LinExpr({x: 0.25})
    with pytest.raises(FloatInputError, match="'maximize'"):
        lp.maximize(0.5)
    assert lp.variables == (x,)
    with pytest.raises(InvalidNumberError, match="'abc'"):
        _ = x + "abc"


def test_nonlinear_products_rejected() -> None:
    lp = LinearProgram()
    x, y = lp.var("x"), lp.var("y")
    with pytest.raises(TypeError, match=r"nonlinear product \(x\) \* \(y\)"):
        _ = x * y
    with pytest.raises(TypeError, match="nonlinear product"):
        _ = (x + 1) * (2 * y - 1)
    with pytest.raises(TypeError, match="nonlinear division"):
        _ = x / y
    with pytest.raises(TypeError, match="nonlinear division"):
        _ = 1 / x
    with pytest.raises(ZeroDivisionError):
        _ = x / 0
    # a constant expression is a number
    assert str((x - x + 2) * y) == "2*y" and str(y * (x - x + 2)) == "2*y"


def test_arithmetic_is_exact() -> None:
    lp = LinearProgram()
    x, y = lp.var("x"), lp.var("y")
    e = "1/3" * x + F(1, 6) * x - y / 2 + "0.25"
    assert e.terms == {x: F(1, 2), y: F(-1, 2)} and e.constant == F(1, 4)
    assert ("1/2" + x).constant == F(1, 2) and (1 - x).coefficient(x) == -1
    assert str(-(x - 2)) == "-x + 2"
    assert str(+x) == "x" and (x + y - x).terms == {y: F(1)}
    assert str(sum([x, y, 2, x])) == "2*x + y + 2"
    assert str(lin_sum(x for _ in range(4))) == "4*x"
    with pytest.raises(TypeError):
        _ = x + [1]  # type: ignore[operator]  # noqa: RUF005
    with pytest.raises(TypeError, match="not a variable or number"):
        lin_sum([x, [1]])


def test_expression_repr() -> None:
    lp = LinearProgram()
    x, y = lp.var("x"), lp.var("y")
    assert repr(2 * x + F(1, 2) * y - 3) == "2*x + 1/2*y - 3"
    assert str(2 * x + F(1, 2) * y - 3) == "2*x + 1/2*y - 3"
    assert repr(-x + y) == "-x + y"
    assert repr(-x / 2 - F(3, 4)) == "-1/2*x - 3/4"
    assert repr(x - x) == "0" and repr(LinExpr(constant=-2)) == "-2"
    assert repr(x) == "x" and repr(x + 0) == "x"
    assert repr(x == y) == "x - y == 0"
    assert repr(Constraint(3, "<=", x)) == "-x <= -3"


def test_variables_are_hashable_dict_keys_and_constraints_have_no_truth_value() -> None:
    lp = LinearProgram()
    x, y = lp.var("x"), lp.var("y")
    d = {x: 1, y: 2}
    assert d[x] == 1 and d[y] == 2 and len({x, y, x}) == 2
    assert isinstance(x == y, Constraint) and isinstance(x == 1, Constraint)
    with pytest.raises(TypeError, match="no truth value"):
        bool(x == y)
    with pytest.raises(TypeError, match="chained"):
        _ = 0 <= x <= 1  # type: ignore[operator]
    with pytest.raises(TypeError, match="!="):
        _ = x != y
    with pytest.raises(TypeError, match="strict inequalities"):
        _ = x < 1
    with pytest.raises(TypeError, match="strict inequalities"):
        _ = 1 < x  # noqa: SIM300
    with pytest.raises(ValueError, match="sense"):
        Constraint(x, "<", 1)


def test_duplicate_names_rejected() -> None:
    lp = LinearProgram("dup")
    x = lp.var("x")
    with pytest.raises(InvalidProblemError, match="variable named 'x' already exists in 'dup'"):
        lp.var("x")
    q = lp.vars("q", [(1, 2), (2, 1)])
    assert [v.name for v in q.values()] == ["q[1,2]", "q[2,1]"]
    with pytest.raises(InvalidProblemError, match=r"'q\[1,2\]'"):
        lp.vars("q", [(3, 3), (1, 2)])
    with pytest.raises(InvalidProblemError, match=r"'r\[1\]'"):
        lp.vars("r", [1, 2, 1])
    assert [v.name for v in lp.variables] == ["x", "q[1,2]", "q[2,1]"]  # all or nothing
    assert lp.add(x <= 1, name="c1") == "c1"
    assert lp.add(x <= 2) == "c0"
    assert lp.add(x <= 3) == "c2"
    with pytest.raises(InvalidProblemError, match="constraint named 'c0' already exists"):
        lp.add(x <= 4, name="c0")
    with pytest.raises(InvalidProblemError, match="non-empty string"):
        lp.var("")
    assert list(lp.constraints) == ["c1", "c0", "c2"]


def test_iadd_and_add_type_checks() -> None:
    lp = LinearProgram()
    x = lp.var("x")
    lp += x >= 2
    lp += x <= 5
    assert list(lp.constraints) == ["c0", "c1"]
    with pytest.raises(TypeError, match="plain numbers"):
        lp.add(3 <= 4)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a Constraint"):
        lp += x  # type: ignore[arg-type]
    other = LinearProgram("other")
    z = other.var("z")
    with pytest.raises(InvalidProblemError, match="belongs to 'other'"):
        lp.add(x + z <= 1)
    with pytest.raises(InvalidProblemError, match="belongs to 'other'"):
        lp.minimize(z)
    lp.minimize(x)
    sol = lp.solve()
    assert sol.value(x) == 2
    with pytest.raises(InvalidProblemError, match="'z' is not in the LP"):
        sol.value(z)
    with pytest.raises(InvalidProblemError, match="no constraint named 'nope'"):
        sol.dual("nope")


def test_lex_tie_broken_by_second_objective() -> None:
    for second, expect in (("x", (2, 0)), ("y", (0, 2))):
        lp = LinearProgram(maximize=True)
        x, y = lp.var("x"), lp.var("y")
        lp.add(x + y <= 2, name="cap")
        lp.lex_objectives([x + y + 1, x if second == "x" else 3 * y - 5])
        sol = lp.solve()
        assert sol.status == "optimal" and sol.lex_result is not None
        assert (sol.value(x), sol.value(y)) == expect
        assert sol.objective == ((F(3), F(2)) if second == "x" else (F(3), F(1)))
        assert sol.lex_result.fun[0] == 3
        # last stage: perturbing cap lets the second objective grow as fast as the first
        assert sol.dual("cap") == (1 if second == "x" else 3)
        shown = 2 if second == "x" else 1
        assert repr(sol) == f"Solution(status='optimal', objective=(3, {shown}))"


def test_lex_minimize_and_single_objective_reprs() -> None:
    lp = LinearProgram()
    x, y = lp.var("x"), lp.var("y")
    lp.add(x + y >= 1)
    lp.lex_objectives([x + y, -x])
    sol = lp.solve()
    assert sol.objective == (1, -1) and sol.values() == {"x": 1, "y": 0}
    lp.minimize(x + 2 * y)
    sol2 = lp.solve()
    assert sol2.lex_result is None and sol2.objective == 1
    assert repr(sol2) == "Solution(status='optimal', objective=1)"
    assert repr(lp) == "LinearProgram('lp', minimize, 2 variables, 1 constraints)"
    with pytest.raises(InvalidProblemError, match="no objective"):
        lp.lex_objectives([])


def test_infeasible_status() -> None:
    lp = LinearProgram("inf")
    x = lp.var("x")
    lp += x >= 3
    lp += x <= 1
    lp.minimize(x)
    sol = lp.solve()
    assert sol.status == "infeasible" and sol.result.certificate.kind == "infeasible"
    assert repr(sol) == "Solution(status='infeasible')"
    for call in (lambda: sol.value(x), lambda: sol.objective, lambda: sol.dual("c0"),
                 sol.values, sol.raise_for_status, lambda: sol.reduced_cost(x)):
        with pytest.raises(LPStatusError, match="'inf' is infeasible") as info:
            call()
        assert info.value.result is sol.result
    lp.lex_objectives([x, -x])
    assert lp.solve().status == "infeasible"


def test_unbounded_status() -> None:
    lp = LinearProgram()
    x, y = lp.var("x"), lp.var("y")
    lp += x - y <= 1
    lp.maximize(x + y)
    sol = lp.solve()
    assert sol.status == "unbounded"
    with pytest.raises(LPStatusError, match="unbounded, so it has no optimal value"):
        sol.value(x)
    lp.lex_objectives([x - y, y])
    lex = lp.solve()
    assert lex.status == "unbounded" and lex.lex_result is not None
    with pytest.raises(LPStatusError, match="unbounded"):
        lex.raise_for_status()


def test_optimal_raise_for_status_and_no_objective() -> None:
    lp = LinearProgram()
    x = lp.var("x", lb=1, ub=2)
    sol = lp.solve()
    assert isinstance(sol, Solution) and sol.raise_for_status() is sol
    assert sol.objective == 0 and 1 <= sol.value(x) <= 2
    assert sol.value(3 * x - 1) == 3 * sol.value(x) - 1
    with pytest.raises(InvalidProblemError, match="above ub"):
        lp.var("y", lb=2, ub=1)
