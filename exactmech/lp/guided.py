"""Float-guided exact solve: HiGHS finds a basis, exact arithmetic proves or repairs it.

Owns the ``method="float-guided"`` path of :func:`exactmech.lp.linprog`. The state of the
art in exact LP (QSopt_ex, SoPlex's iterative refinement) works this way: floating point is
fast at *finding* the optimal basis, and one exact solve is enough to *prove* it.

1. Solve the integer standard form ``min c·x, A x = b, x >= 0`` (the same one the exact
   simplex uses, :mod:`exactmech.lp._standard`) with HiGHS's dual simplex in double
   precision, and read its final **basis** from the solver (not from which values are
   nonzero: that fails on degenerate LPs such as every mechanism LP).
2. With python-flint, solve ``B x_B = b`` and ``Bᵀy = c_B`` exactly (``fmpz_mat.solve``,
   p-adic Dixon lifting) and check ``x_B >= 0`` and ``c − Aᵀy >= 0`` exactly. If both
   hold, the basis is optimal and ``(x, y)`` is the certificate: no exact pivot at all.
3. Otherwise (HiGHS's basis is singular, incomplete, not exactly primal or dual feasible,
   or HiGHS reports infeasible/unbounded) the exact simplex of :mod:`exactmech.lp.simplex`
   is **warm-started from HiGHS's basis** (its fraction-free inverse computed by flint) and
   pivots exactly until an optimality, Farkas or unboundedness certificate exists. It never
   restarts from scratch.

Either way :func:`exactmech.lp.solve_problem` runs the independent checker before the
result is returned, so no answer leaves unproven. Timings of each step are recorded on the
result (``LPResult.timings``). ``scripts/bench_lp.py`` measures the method against sympy,
HiGHS and the pure exact simplex.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Any

from exactmech._arith import Ring, default_ring
from exactmech.errors import ExactmechError
from exactmech.lp._kernel import FractionFreeBasis
from exactmech.lp._standard import to_standard
from exactmech.lp.problem import LPProblem
from exactmech.lp.result import LPResult
from exactmech.lp.simplex import StandardLP, StandardSolution, solve_standard
from exactmech.lp.solve import _assemble

__all__ = ["available", "complete_basis", "highs_basis", "require", "solve", "verify_basis"]

_HIGHS: Any = None


def available() -> bool:
    """Whether highspy and python-flint import (the float-guided method can run)."""
    try:
        import flint  # noqa: F401
        import highspy  # noqa: F401
    except ImportError:
        return False
    return True


def require() -> None:
    """Raise a clear error when the float-guided method cannot run here."""
    if not available():
        raise ExactmechError(
            "linprog(): method='float-guided' needs highspy and python-flint "
            "(pip install highspy python-flint); method='exact' works without them"
        )


def _highs() -> Any:
    """One quiet HiGHS instance per process (its constructor prints a banner on fd 1)."""
    global _HIGHS
    if _HIGHS is None:
        import highspy

        saved = os.dup(1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 1)
            h = highspy.Highs()  # type: ignore[no-untyped-call]
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(devnull)
        h.setOptionValue("output_flag", False)
        _HIGHS = h
    return _HIGHS


def highs_basis(lp: StandardLP) -> tuple[str, list[int], list[int]]:
    """Solve the standard form in double precision.

    Returns HiGHS's model status, the basic columns and the rows whose logical variable is
    basic (degenerate or redundant rows), all read from HiGHS's final basis.
    """
    import highspy

    h = _highs()
    h.clearModel()
    model = highspy.HighsLp()
    model.num_col_ = lp.n
    model.num_row_ = lp.m
    model.col_cost_ = [float(c) for c in lp.costs[0]]
    model.col_lower_ = [0.0] * lp.n
    model.col_upper_ = [highspy.kHighsInf] * lp.n
    rhs = [float(v) for v in lp.b]
    model.row_lower_ = rhs
    model.row_upper_ = rhs
    start, index, value = [0], [], []
    for col in lp.cols:
        for i, v in col:
            index.append(i)
            value.append(float(v))
        start.append(len(index))
    model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    model.a_matrix_.start_ = start
    model.a_matrix_.index_ = index
    model.a_matrix_.value_ = value
    h.passModel(model)
    h.setOptionValue("solver", "simplex")
    h.run()
    status = h.modelStatusToString(h.getModelStatus())
    basis = h.getBasis()
    if not basis.valid:
        return status, [], []
    basic = highspy.HighsBasisStatus.kBasic
    cols = [j for j, s in enumerate(basis.col_status) if s == basic]
    rows = [i for i, s in enumerate(basis.row_status) if s == basic]
    return status, cols, rows


def _basis_matrix(lp: StandardLP, basis: Sequence[int]) -> Any:
    """The basis matrix; a column index ``j >= n`` stands for the unit column ``e_{j-n}``."""
    from flint import fmpz_mat

    m, n = lp.m, lp.n
    B = fmpz_mat(m, m)
    for k, j in enumerate(basis):
        if j >= n:
            B[j - n, k] = 1
        else:
            for i, v in lp.cols[j]:
                B[i, k] = v
    return B


def complete_basis(lp: StandardLP, basic: Sequence[int], row_basic: Sequence[int]) -> list[int]:
    """HiGHS's basic columns plus a unit column ``n + i`` for each row ``i`` whose logical
    variable HiGHS reports basic (a degenerate or redundant row)."""
    return list(basic) + [lp.n + i for i in row_basic]


def _solve_basis(lp: StandardLP, basis: Sequence[int]) -> tuple[list[Any], list[Any]] | None:
    """``(x_B, y)`` with ``B x_B = b`` and ``Bᵀy = c_B`` exactly, or ``None`` if ``B`` is singular.

    Basic *singleton* columns (slacks, unit columns, one-entry structurals) pin their rows:
    with ``U`` those rows and ``J`` the other basic columns, the system reduces to the square
    ``A[R∖U, J]`` (for the mechanism LP of paper 000 with K = 8, 256×256 instead of
    1088×1088); singleton values and the duals of rows in ``U`` follow by substitution.
    """
    from flint import fmpq, fmpq_mat, fmpz_mat

    m, n = lp.m, lp.n
    cost = lp.costs[0]

    def column(j: int) -> list[tuple[int, int]]:
        return [(j - n, 1)] if j >= n else list(lp.cols[j])

    pinned: dict[int, tuple[int, int]] = {}  # row -> (position in basis, coefficient)
    others: list[int] = []
    for k, j in enumerate(basis):
        col = column(j)
        if len(col) == 1 and col[0][0] not in pinned:
            pinned[col[0][0]] = (k, col[0][1])
        else:
            others.append(k)
    rows = [i for i in range(m) if i not in pinned]
    if len(rows) != len(others):
        return None
    pos = {i: r for r, i in enumerate(rows)}
    s = len(rows)
    M = fmpz_mat(s, s)
    for c, k in enumerate(others):
        for i, v in column(basis[k]):
            if i in pos:
                M[pos[i], c] = v
    zero = fmpq(0)
    xb: list[Any] = [zero] * m
    if s:
        try:
            xs = M.solve(fmpz_mat(s, 1, [lp.b[i] for i in rows]))
        except ZeroDivisionError:
            return None
        for c, k in enumerate(others):
            xb[k] = xs[c, 0]
    # singleton values: v·x_k = b_r − Σ_{J} A[r, j] x_j
    resid = {r: fmpq(lp.b[r]) for r in pinned}
    for k in others:
        for i, v in column(basis[k]):
            if i in resid:
                resid[i] -= v * xb[k]
    for r, (k, v) in pinned.items():
        xb[k] = resid[r] / v
    # duals: y_r = c_k / v on pinned rows; Mᵀ y_rows = c_J − Σ_U y_r A[r, J]
    ys: list[Any] = [zero] * m
    for r, (k, v) in pinned.items():
        j = basis[k]
        ys[r] = fmpq(cost[j] if j < n else 0, v)
    if s:
        rhs = []
        for k in others:
            j = basis[k]
            t = fmpq(cost[j] if j < n else 0)
            for i, v in column(j):
                if i in pinned:
                    t -= ys[i] * v
            rhs.append(t)
        y_rows = fmpq_mat(M.transpose()).solve(fmpq_mat(s, 1, rhs))
        for r, i in enumerate(rows):
            ys[i] = y_rows[r, 0]
    return xb, ys


def verify_basis(lp: StandardLP, basis: Sequence[int]) -> StandardSolution | None:
    """Exactly check a complete basis; return the optimal solution it proves, or ``None``.

    Solves ``B x_B = b`` and ``Bᵀy = c_B`` with flint and checks primal feasibility
    ``x_B >= 0`` and dual feasibility ``c_j − y·A_j >= 0`` for every column. Entries
    ``j >= n`` of ``basis`` are unit columns ``e_{j-n}`` (cost 0) standing for rows HiGHS
    left to its logical variables: they must have value exactly 0, and then they change
    nothing in the certificate (``A x = b``, ``x >= 0``, ``Aᵀy <= c``, ``c·x = b·y``).
    """
    from flint import fmpq

    m, n = lp.m, lp.n
    if len(basis) != m or len(set(basis)) != m:
        return None
    if m == 0:
        cost = lp.costs[0]
        if any(c < 0 for c in cost):
            return None
        return StandardSolution(
            status="optimal",
            basis=[],
            x=[Fraction(0)] * n,
            duals=[[]],
            reduced_costs=[[Fraction(c) for c in cost]],
            fixed=[{j for j in range(n) if cost[j] > 0}],
        )
    solved = _solve_basis(lp, basis)
    if solved is None:
        return None
    xb, ys = solved
    zero = fmpq(0)
    for k, j in enumerate(basis):
        v = xb[k]
        if v < zero or (j >= n and v != zero):
            return None
    cost = lp.costs[0]
    reduced: list[Any] = []
    for j in range(n):
        d = fmpq(cost[j])
        for i, v in lp.cols[j]:
            d -= ys[i] * v
        if d < zero:
            return None
        reduced.append(d)
    x = [Fraction(0)] * n
    for k, j in enumerate(basis):
        if j < n:
            v = xb[k]
            x[j] = Fraction(int(v.p), int(v.q))
    return StandardSolution(
        status="optimal",
        basis=list(basis),
        x=x,
        duals=[[Fraction(int(v.p), int(v.q)) for v in ys]],
        reduced_costs=[[Fraction(int(d.p), int(d.q)) for d in reduced]],
        fixed=[{j for j, d in enumerate(reduced) if d > zero}],
    )


def _flint_state(lp: StandardLP, basis: Sequence[int], ring: Ring) -> FractionFreeBasis | None:
    """The fraction-free inverse ``(|det B|, |det B|·B⁻¹)`` of a complete basis, via flint."""
    from flint import fmpz_mat

    m = lp.m
    if len(basis) != m or len(set(basis)) != m:
        return None
    B = _basis_matrix(lp, basis)
    det = B.det()
    if det == 0:
        return None
    D = abs(int(det))
    inv = B.solve(fmpz_mat(m, m, [int(i == k) for i in range(m) for k in range(m)]))
    xb = B.solve(fmpz_mat(m, 1, lp.b))
    mk = ring.make
    state = FractionFreeBasis([1] * m, [mk(0)] * m, mk(0), mk(1))
    state.D = mk(D)
    state.cols = [[mk(int(inv[k, i] * D)) for k in range(m)] for i in range(m)]
    state.beta = [mk(int(xb[k, 0] * D)) for k in range(m)]
    return state


def _proved(lp: StandardLP) -> StandardSolution | None:
    """HiGHS's optimal basis of ``lp``, proved exactly; ``None`` if HiGHS or the proof fails."""
    status, cols, rows = highs_basis(lp)
    if status != "Optimal":
        return None
    return verify_basis(lp, complete_basis(lp, cols, rows))


def _phase1(lp: StandardLP) -> StandardLP:
    """``min Σ a  s.t.  A x + diag(sign b) a = b``: optimum > 0 iff ``lp`` is infeasible."""
    cols = [list(c) for c in lp.cols]
    cols += [[(i, 1 if bi >= 0 else -1)] for i, bi in enumerate(lp.b)]
    return StandardLP(lp.m, lp.n + lp.m, cols, list(lp.b), [[0] * lp.n + [1] * lp.m])


def _ray_lp(lp: StandardLP) -> StandardLP:
    """``min c·r  s.t.  A r = 0, Σ r + s = 1``: optimum < 0 iff a feasible ``lp`` is unbounded."""
    cols = [[*c, (lp.m, 1)] for c in lp.cols] + [[(lp.m, 1)]]
    return StandardLP(lp.m + 1, lp.n + 1, cols, [0] * lp.m + [1], [[*lp.costs[0], 0]])


def _certify_non_optimal(lp: StandardLP) -> StandardSolution | None:
    """Infeasible or unbounded, proved through two auxiliary LPs that HiGHS solves and flint
    proves; ``None`` when either proof fails (the caller then pivots exactly)."""
    p1 = _proved(_phase1(lp))
    if p1 is None:
        return None
    infeas = sum((x for x in p1.x[lp.n :]), Fraction(0))
    if infeas > 0:  # duals y: c_j - y·A_j >= 0 with c_j = 0, and y·b = optimum > 0
        return StandardSolution(status="infeasible", basis=[], x=p1.x[: lp.n], farkas=p1.duals[0])
    ray = _proved(_ray_lp(lp))
    if ray is None or sum((c * r for c, r in zip(lp.costs[0], ray.x)), Fraction(0)) >= 0:
        return None
    return StandardSolution(status="unbounded", basis=[], x=p1.x[: lp.n], ray=ray.x[: lp.n])


def solve(problem: LPProblem, *, ring: Ring | None = None, max_iter: int | None = None) -> LPResult:
    """Float-guided exact solve of ``problem`` (see module docstring).

    Returns an :class:`LPResult` with ``method="float-guided"``; ``nit`` counts the exact
    repair pivots (0 when HiGHS's basis was optimal) and ``timings`` holds the seconds
    spent in each step (``float``, ``verify``, ``repair``).
    """
    require()
    ring = ring or default_ring()
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    sf = to_standard(problem)
    timings["standard_form"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    status, cols, rows = highs_basis(sf.lp)
    timings["float"] = time.perf_counter() - t0
    basis = complete_basis(sf.lp, cols, rows)
    sol = None
    t0 = time.perf_counter()
    if status == "Optimal":
        sol = verify_basis(sf.lp, basis)
        message = "HiGHS basis proved optimal"
    else:
        sol = _certify_non_optimal(sf.lp)
        message = f"HiGHS said {status!r}; proved through the phase-1 and ray LPs"
    timings["verify"] = time.perf_counter() - t0
    if sol is None:
        t0 = time.perf_counter()
        state = _flint_state(sf.lp, cols, ring) if not rows else None
        if state is not None:
            sol = solve_standard(sf.lp, ring=ring, max_iter=max_iter, initial=(cols, state))
        else:
            sol = solve_standard(sf.lp, ring=ring, max_iter=max_iter, basis=cols)
        timings["repair"] = time.perf_counter() - t0
        message = (
            f"HiGHS said {status!r}; exact simplex warm-started from its basis "
            f"({sol.iterations} pivots)"
        )
    res = _assemble(sf, sol, "float-guided")
    return replace(res, timings=timings, message=f"{res.message}; {message}")
