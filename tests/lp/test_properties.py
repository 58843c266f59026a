"""Property tests of the exact LP solver on random small LPs (issue: foundation, item 6).

Every generated LP (≤ 6 variables, ≤ 6 rows, integer data in −9..9, every status) is solved
and checked against an independent brute-force vertex/extreme-ray enumeration
(:mod:`tests.lp.brute`) and against ``sympy.solvers.simplex.linprog``.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given, note
from hypothesis import strategies as st
from sympy.solvers.simplex import InfeasibleLPError, UnboundedLPError
from sympy.solvers.simplex import linprog as sympy_linprog

from exactmech import Q
from exactmech.lp import LPProblem, check, solve_lex, solve_problem
from exactmech.strategies import linear_programs
from tests.lp.brute import brute_force

F = Fraction

METHODS = pytest.mark.parametrize("method", ["exact", "float-guided"])


def _dense(p: LPProblem) -> tuple[list[list[Fraction]], list[list[Fraction]]]:
    return p.dense()


@METHODS
@given(linear_programs())
def test_agrees_with_brute_force_and_certificate_checks(method: str, p: LPProblem) -> None:
    """LP theory: status and optimal value are those of vertex / extreme-ray enumeration."""
    res = solve_problem(p, method=method)
    A_ub, A_eq = _dense(p)
    status, value = brute_force(p.c, A_ub, p.b_ub, A_eq, p.b_eq, p.bounds, p.maximize)
    note(f"{res!r}")
    assert res.status == status
    if status == "optimal":
        assert res.fun == value
    assert check(res)


def _nonneg_form(
    p: LPProblem,
) -> tuple[
    list[Fraction],
    list[list[Fraction]],
    list[Fraction],
    list[list[Fraction]],
    list[Fraction],
    Fraction,
]:
    """The same LP over nonnegative variables, for sympy (whose free-variable path is buggy)."""
    A_ub, A_eq = p.dense()
    sense = -1 if p.maximize else 1
    cols: list[list[tuple[int, int]]] = []
    shift: list[Fraction] = []
    ub_rows: list[tuple[int, Fraction]] = []
    k = 0
    for lo, hi in p.bounds:
        if lo is not None:
            cols.append([(k, 1)])
            shift.append(lo)
            if hi is not None:
                ub_rows.append((k, hi - lo))
            k += 1
        elif hi is not None:
            cols.append([(k, -1)])
            shift.append(hi)
            k += 1
        else:
            cols.append([(k, 1), (k + 1, -1)])
            shift.append(F(0))
            k += 2

    def conv(
        rows: list[list[Fraction]], rhs: tuple[Fraction, ...]
    ) -> tuple[list[list[Fraction]], list[Fraction]]:
        out, b = [], []
        for row, bi in zip(rows, rhs):
            r = [F(0)] * k
            for j, a in enumerate(row):
                for t, s in cols[j]:
                    r[t] += s * a
            out.append(r)
            b.append(bi - sum(a * sh for a, sh in zip(row, shift)))
        return out, b

    Au, bu = conv(A_ub, p.b_ub)
    for t, width in ub_rows:
        Au.append([F(int(i == t)) for i in range(k)])
        bu.append(width)
    Ae, be = conv(A_eq, p.b_eq)
    c = [F(0)] * k
    for j, cj in enumerate(p.c):
        for t, s in cols[j]:
            c[t] += sense * s * cj
    const = sum(cj * sh for cj, sh in zip(p.c, shift))
    return c, Au, bu, Ae, be, const


class _SympyTimeoutError(Exception):
    pass


def _sympy_solve(c, Au, bu, Ae, be):  # type: ignore[no-untyped-def]
    """sympy's answer, time-boxed: sympy#28089 makes its phase 1 loop on some infeasible LPs."""
    import signal

    def _alarm(signum, frame):  # type: ignore[no-untyped-def]
        raise _SympyTimeoutError

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(10)
    try:
        if not Au:
            Au, bu = [[F(0)] * len(c)], [F(0)]
        val, x = sympy_linprog(c, Au, bu, Ae or None, be or None)
        return "optimal", Q(val), [Q(v) for v in x]
    except InfeasibleLPError:
        return "infeasible", None, None
    except UnboundedLPError:
        return "unbounded", None, None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@METHODS
@given(linear_programs(max_vars=4, max_rows=4))
def test_agrees_with_sympy(method: str, p: LPProblem) -> None:
    """Status and optimal value equal sympy's exact simplex on the equivalent x ≥ 0 form.

    sympy 1.14 has known phase-1 bugs (sympy#28089: it may return a point violating the
    constraints of an infeasible LP, call an infeasible LP unbounded, or loop); where sympy's
    own point is infeasible, it loops, or it calls unbounded an LP for which we return a
    Farkas certificate that the independent checker accepts, its answer is not evidence and
    the example is skipped (brute force covers it).
    """
    c, Au, bu, Ae, be, const = _nonneg_form(p)
    res = solve_problem(p, method=method)
    if not c:
        return
    try:
        status, val, x = _sympy_solve(c, Au, bu, Ae, be)
    except _SympyTimeoutError:
        note("sympy looped (sympy#28089)")
        return
    if status == "optimal":
        assert x is not None
        ok = all(sum(a * v for a, v in zip(row, x)) <= b for row, b in zip(Au, bu)) and all(
            sum(a * v for a, v in zip(row, x)) == b for row, b in zip(Ae, be)
        )
        if not ok:  # sympy's answer is no evidence; ours carries a checked certificate
            note("sympy returned an infeasible point (sympy#28089)")
            assert check(res)
            return
    if status == "unbounded" and res.status == "infeasible":
        assert check(res)  # a verified Farkas vector: the LP is infeasible, sympy is wrong
        note("sympy called an infeasible LP unbounded (sympy#28089)")
        return
    assert res.status == status
    if status == "optimal":
        sense = -1 if p.maximize else 1
        assert res.fun == sense * val + const


@METHODS
@given(linear_programs())
def test_strong_duality_and_complementary_slackness(method: str, p: LPProblem) -> None:
    """LP duality: at an optimum, c·x = dual objective and each slack row has zero dual."""
    res = solve_problem(p, method=method)
    if res.status != "optimal":
        return
    assert res.x is not None and res.dual_ub is not None and res.reduced_costs is not None
    for row, b, y in zip(p.A_ub, p.b_ub, res.dual_ub):
        slack = b - sum(a * res.x[j] for j, a in row)
        assert slack * y == 0
    for j, (lo, hi) in enumerate(p.bounds):
        d = res.reduced_costs[j]
        if d:
            assert res.x[j] in (lo, hi)
    dual_obj = sum(b * y for b, y in zip(p.b_ub, res.dual_ub)) + sum(
        b * y for b, y in zip(p.b_eq, res.dual_eq or ())
    )
    dual_obj += sum(
        (lo if d * (-1 if p.maximize else 1) > 0 else hi) * d  # type: ignore[operator]
        for (lo, hi), d in zip(p.bounds, res.reduced_costs)
        if d
    )
    assert dual_obj == res.fun


@METHODS
@given(linear_programs(general_bounds=False), st.data())
def test_scaling_and_permuting_rows_and_columns(
    method: str, p: LPProblem, data: st.DataObject
) -> None:
    """The optimal value is invariant under positive row scaling and permutations."""
    res = solve_problem(p, method=method)
    m = len(p.A_ub)
    scale = [F(data.draw(st.integers(1, 7)), data.draw(st.integers(1, 7))) for _ in range(m)]
    rperm = data.draw(st.permutations(range(m)))
    cperm = data.draw(st.permutations(range(p.n)))
    inv = {old: new for new, old in enumerate(cperm)}
    A_ub = tuple(tuple(sorted((inv[j], scale[i] * a) for j, a in p.A_ub[i])) for i in rperm)
    b_ub = tuple(scale[i] * p.b_ub[i] for i in rperm)
    A_eq = tuple(tuple(sorted((inv[j], a) for j, a in row)) for row in p.A_eq)
    q = replace(
        p,
        c=tuple(p.c[j] for j in cperm),
        A_ub=A_ub,
        b_ub=b_ub,
        A_eq=A_eq,
        var_names=(),
        ub_names=(),
    )
    res2 = solve_problem(q, method=method)
    assert (res2.status, res2.fun) == (res.status, res.fun)
    assert check(res2)


@METHODS
@given(
    linear_programs(max_vars=4, max_rows=4), st.lists(st.integers(-4, 4), min_size=4, max_size=4)
)
def test_lexicographic_second_stage_is_optimum_over_the_face(
    method: str, p: LPProblem, c2: list[int]
) -> None:
    """Stage 2 of linprog_lex equals the optimum of c2 over {x optimal for c1} (brute force)."""
    obj2 = [F(v) for v in c2[: p.n]]
    lex = solve_lex(p, [p.c, obj2], method=method)
    first = solve_problem(p, method=method)
    if first.status != "optimal":
        assert lex.status == first.status
        return
    A_ub, A_eq = p.dense()
    status, value = brute_force(
        obj2, A_ub, p.b_ub, [*A_eq, list(p.c)], [*p.b_eq, first.fun - p.c0], p.bounds, p.maximize
    )
    assert lex.status == status
    if status == "optimal":
        assert lex.fun == (first.fun, value)
    assert check(lex)


@given(linear_programs(max_vars=4, max_rows=4))
def test_all_backends_identical(p: LPProblem) -> None:
    """The result does not depend on the integer backend (python, gmpy2, flint)."""
    from exactmech._arith import available_rings

    results = [solve_problem(p, method="exact", backend=r) for r in available_rings()]
    first = results[0]
    for other in results[1:]:
        assert (other.status, other.fun, other.x, other.dual_ub, other.dual_eq) == (
            first.status,
            first.fun,
            first.x,
            first.dual_ub,
            first.dual_eq,
        )


@given(
    linear_programs(max_vars=4, max_rows=4),
    st.integers(0, 40),
    st.sampled_from([F(1, 3), F(-1, 2), F(1), F(-1), F(0)]),
)
def test_checker_agrees_with_a_naive_checker(p: LPProblem, k: int, delta: Fraction) -> None:
    """The integer checker accepts a certificate iff dense Fraction arithmetic does (§2 of
    STYLE.md: the checker is the last line of defence, so it is itself checked), on the
    solver's certificates and on copies with one entry perturbed by ``delta``."""
    from exactmech.errors import CertificateError
    from tests.lp.naive_check import naive_valid

    res = solve_problem(p, method="exact")
    cert = res.certificate
    fields = [f for f in ("x", "dual_ub", "dual_eq", "farkas_ub", "farkas_eq", "ray")
              if getattr(cert, f) is not None and len(getattr(cert, f))]
    if fields:
        name = fields[k % len(fields)]
        vec = list(getattr(cert, name))
        vec[k % len(vec)] += delta
        cert = replace(cert, **{name: tuple(vec)})
    fun = res.fun if res.status == "optimal" else None
    expected = naive_valid(p, cert, fun)
    try:
        from exactmech.lp import check_certificate

        got = check_certificate(p, cert, fun)
    except CertificateError:
        got = False
    assert got == expected
    if delta == 0:
        assert got
