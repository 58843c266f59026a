"""Float-guided exact solve: HiGHS finds a basis, exact arithmetic proves or repairs it.

Owns the ``method="float-guided"`` path of :func:`exactmech.lp.linprog`. The state of the
art in exact LP (QSopt_ex, SoPlex's iterative refinement) works this way: floating point is
fast at *finding* the optimal basis, and one exact solve is enough to *prove* it.

1. Solve the integer standard form ``min c·x, A x = b, x >= 0`` (the same one the exact
   simplex uses, :mod:`exactmech.lp._standard`) with HiGHS's dual simplex in double
   precision (:class:`FloatModel`: one ``passModel`` call with CSC arrays), and read its
   final **basis** from the solver (not from which values are nonzero: that fails on
   degenerate LPs such as every mechanism LP).
2. Prove the basis exactly (:mod:`exactmech.lp._proof`): reconstruct ``x_B`` and ``y``
   from HiGHS's doubles as small-denominator rationals and check ``B x_B = b``,
   ``Bᵀy = c_B`` in integer arithmetic, or else solve the reduced basis system with
   python-flint (``fmpz_mat.solve``, p-adic Dixon lifting); then check ``x_B >= 0`` and
   ``c − Aᵀy >= 0`` exactly. If both hold, ``(x, y)`` is the certificate: no exact pivot.
3. Lexicographic objectives (:func:`exactmech.lp.linprog_lex`): stage ``k`` fixes at 0 the
   columns with positive reduced cost in earlier stages (the optimal face), changes the
   costs, lets HiGHS re-optimise warm, and proves the new basis the same way.
4. Otherwise (HiGHS's basis is singular, incomplete, not exactly primal or dual feasible,
   or HiGHS reports infeasible/unbounded) the exact simplex of :mod:`exactmech.lp.simplex`
   is **warm-started from HiGHS's basis** (its fraction-free inverse computed by flint) and
   pivots exactly until an optimality, Farkas or unboundedness certificate exists. It never
   restarts from scratch. Infeasible and unbounded LPs are first tried through two
   auxiliary LPs (phase 1 and a normalised ray LP) that HiGHS solves and step 2 proves.

Either way :func:`exactmech.lp.solve_problem` runs the independent checker before the
result is returned, so no answer leaves unproven. Timings of each step are recorded on the
result (``LPResult.timings``). ``scripts/bench_lp.py`` measures the method against sympy,
HiGHS and the pure exact simplex.
"""

from __future__ import annotations

import os
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import accumulate, chain
from typing import Any

from exactmech._arith import Ring, default_ring
from exactmech.errors import ExactmechError
from exactmech.lp._proof import basis_state, verify_basis
from exactmech.lp._standard import to_standard
from exactmech.lp.problem import LPProblem
from exactmech.lp.result import LPResult
from exactmech.lp.simplex import StandardLP, StandardSolution, solve_standard
from exactmech.lp.solve import _assemble

__all__ = [
    "FloatModel",
    "FloatResult",
    "available",
    "complete_basis",
    "highs_basis",
    "require",
    "solve",
    "solve_standard_guided",
    "verify_basis",
]

_HIGHS: Any = None
_ZERO = Fraction(0)


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


@dataclass
class FloatResult:
    """What HiGHS reported for one solve of a standard form.

    ``cols`` are the basic columns and ``rows`` the rows whose logical variable is basic
    (degenerate or redundant rows), both read from HiGHS's final basis; ``x`` and ``y`` are
    its double-precision column values and row duals (``c − Aᵀy`` = reduced costs), used
    only as guesses for rational reconstruction.
    """

    status: str
    cols: list[int]
    rows: list[int]
    x: list[float] | None = None
    y: list[float] | None = None

    @property
    def guess(self) -> tuple[list[float], list[float]] | None:
        """``(x, y)`` if HiGHS returned both."""
        if self.x is None or self.y is None:
            return None
        return self.x, self.y


def _pow2(top: Any) -> Any:
    """Elementwise, the power of two ``2^e`` with ``top / 2^e`` in ``[1/2, 1)``; 1 where
    ``top`` is 0 (``top`` >= 0: a row's or the costs' largest magnitude)."""
    import numpy as np

    return np.ldexp(1.0, np.frexp(top)[1])  # frexp(0) = (0, 0): 2^0 = 1


def _pow2_scale(values: Any) -> float:
    """:func:`_pow2` of ``max |values|`` (1 for none or all 0)."""
    import numpy as np

    return float(_pow2(np.max(np.abs(values)))) if len(values) else 1.0


class FloatModel:
    """A standard-form LP loaded into HiGHS once (one ``passModel`` call with CSC arrays).

    Slack-like columns (one nonzero, cost 0 in every stage) are not passed as columns: their
    row becomes an inequality (``Σ a x <= b`` for a positive coefficient), which HiGHS's own
    logical variable represents. That halves the columns of ``A x <= b`` problems and makes
    HiGHS about a third faster (``scripts/bench_lp.py``); the basis and values are mapped
    back (a basic logical of such a row is its slack column). Presolve is off: on the
    square families it costs more than the simplex it saves (random 200×200: 19 → 11 ms,
    dense 200×200: 84 → 16 ms of CPU).

    A free variable, split ``x = x⁺ − x⁻`` by the standard form, is passed as one free
    column (HiGHS handles free columns natively; the split doubles its columns and makes
    every vertex degenerate); a basic free column maps back to ``x⁺`` or ``x⁻`` by its sign.

    Later lexicographic stages change only the costs and fix columns at 0
    (:meth:`restrict`), so HiGHS re-optimises warm from its previous basis.
    """

    def __init__(self, lp: StandardLP, stage: int = 0) -> None:
        import highspy
        import numpy as np

        self.lp = lp
        self.h = h = _highs()
        n, m = lp.n, lp.m
        cols = lp.cols
        costs = lp.costs
        slack: dict[int, int] = {}  # row -> its absorbed slack column
        for j, col in enumerate(cols):
            if len(col) == 1 and col[0][0] not in slack and all(c[j] == 0 for c in costs):
                slack[col[0][0]] = j
        self.slack = slack
        absorbed = set(slack.values())
        # x = x⁺ − x⁻ (a free variable, StandardLP.free): HiGHS gets one free column
        minus = {j: j + 1 for j in lp.free if j not in absorbed and j + 1 not in absorbed}
        self.minus = minus
        absorbed.update(minus.values())
        self.keep = keep = [j for j in range(n) if j not in absorbed]
        kept = [cols[j] for j in keep]
        nk = len(keep)
        start = np.array([0, *accumulate(map(len, kept))], dtype=np.int32)
        nnz = int(start[-1])
        self.ok = True
        try:
            if nnz:
                idx, val = zip(*chain.from_iterable(kept))
            else:
                idx, val = (), ()
            index = np.array(idx, dtype=np.int32)
            value = np.array(val, dtype=np.float64)
            rhs = np.array(lp.b, dtype=np.float64).reshape(m)
            cost = np.array([costs[stage][j] for j in keep], dtype=np.float64).reshape(nk)
        except OverflowError:  # pragma: no cover - data beyond 1e308
            self.ok = False
            return
        if not (np.all(np.isfinite(value)) and np.all(np.isfinite(rhs))):
            self.ok = False  # pragma: no cover - data beyond 1e308
            return
        # Scale each row and the costs by powers of two, to a largest magnitude in [1/2, 1):
        # the standard form's rows are primitive integers (up to 14 digits on paper 003's BCE
        # LPs), on which HiGHS's own scaling failed ("Unknown" after 7 s on a 110 × 726 LP
        # that takes 13 ms scaled). Powers of two change no mantissa; x is unchanged, and the
        # duals are mapped back in run().
        row_max = np.zeros(m)
        if nnz:
            np.maximum.at(row_max, index, np.abs(value))
        self.row_scale = row_scale = _pow2(row_max)
        if nnz:
            value = value / row_scale[index]
        rhs = rhs / row_scale
        self.cost_scale = _pow2_scale(cost)
        cost = cost / self.cost_scale
        lower, upper = rhs.copy(), rhs.copy()
        for r, j in slack.items():  # Σ a x + v·s = b with s >= 0
            if cols[j][0][1] > 0:
                lower[r] = -highspy.kHighsInf
            else:
                upper[r] = highspy.kHighsInf
        self.rhs = rhs
        col_lower = np.zeros(nk)
        if minus:
            col_lower[[k for k, j in enumerate(keep) if j in minus]] = -highspy.kHighsInf
        self.fixed: set[int] = set()
        h.clearModel()
        h.passModel(
            nk,
            m,
            nnz,
            int(highspy.MatrixFormat.kColwise),
            int(highspy.ObjSense.kMinimize),
            0.0,
            cost,
            col_lower,
            np.full(nk, highspy.kHighsInf),
            lower,
            upper,
            start,
            index,
            value,
            np.zeros(nk, dtype=np.int32),
        )

    def restrict(self, stage: int, fix: Collection[int]) -> None:
        """Switch to the costs of ``stage`` and fix the columns ``fix`` at 0."""
        import numpy as np

        keep = self.keep
        cost = self.lp.costs[stage]
        values = np.array([cost[j] for j in keep], dtype=np.float64)
        self.cost_scale = _pow2_scale(values)
        self.h.changeColsCost(
            len(keep), np.arange(len(keep), dtype=np.int32), values / self.cost_scale
        )
        if not fix:
            return
        self.fixed |= set(fix)
        pos = {j: k for k, j in enumerate(keep)}
        inf = float("inf")
        bounds: dict[int, tuple[float, float]] = {}
        for j in fix:
            if j in pos:
                k = pos[j]
                if j in self.minus:  # x⁺ = 0: the free variable is <= 0
                    lo_free = -inf if self.minus[j] not in self.fixed else 0.0
                    bounds[k] = (lo_free, 0.0)
                else:
                    bounds[k] = (0.0, 0.0)
        for jp, jm in self.minus.items():
            if jm in fix:  # x⁻ = 0: the free variable is >= 0
                bounds[pos[jp]] = (0.0, 0.0 if jp in self.fixed else inf)
        if bounds:
            ks = sorted(bounds)
            lo = np.array([bounds[k][0] for k in ks])
            hi = np.array([bounds[k][1] for k in ks])
            self.h.changeColsBounds(len(ks), np.array(ks, dtype=np.int32), lo, hi)
        rows = sorted(r for r, j in self.slack.items() if j in fix)
        if rows:  # a slack fixed at 0: its row becomes an equality
            b = self.rhs[rows]
            self.h.changeRowsBounds(len(rows), np.array(rows, dtype=np.int32), b, b)

    def run(self, *, presolve: bool = False, fresh: bool = False) -> FloatResult:
        """Optimise in double precision; read the model status, basis and solution.

        ``fresh`` discards HiGHS's current basis first; ``presolve`` turns its presolve on.
        """
        import highspy

        if not self.ok:  # pragma: no cover
            return FloatResult("not loaded", [], [])
        h = self.h
        if fresh:
            h.clearSolver()
        h.setOptionValue("solver", "simplex")
        h.setOptionValue("presolve", "on" if presolve else "off")
        h.run()
        status = h.modelStatusToString(h.getModelStatus())
        basis = h.getBasis()
        if not basis.valid:
            return FloatResult(status, [], [])
        basic = highspy.HighsBasisStatus.kBasic
        keep, slack, minus = self.keep, self.slack, self.minus
        cols = [keep[k] for k, s in enumerate(basis.col_status) if s == basic]
        sol = h.getSolution()
        if minus:  # a basic free column: x⁺ basic if its value is >= 0, else x⁻
            values = sol.col_value if sol.value_valid else None
            pos = {j: k for k, j in enumerate(keep)}
            cols = [
                minus[j] if j in minus and values is not None and values[pos[j]] < 0 else j
                for j in cols
            ]
        rows = []
        for i, s in enumerate(basis.row_status):
            if s == basic:
                j = slack.get(i)
                if j is None:
                    rows.append(i)
                else:
                    cols.append(j)
        if not (sol.value_valid and sol.dual_valid):
            return FloatResult(status, cols, rows)
        x = [0.0] * self.lp.n
        for j, v in zip(keep, sol.col_value):
            if j in minus and v < 0:
                x[minus[j]] = -v
            else:
                x[j] = v
        row_value = sol.row_value
        lp_cols = self.lp.cols
        scale = self.row_scale
        for r, j in slack.items():
            x[j] = (self.rhs[r] - row_value[r]) * scale[r] / lp_cols[j][0][1]
        y = [d * self.cost_scale / sc for d, sc in zip(sol.row_dual, scale)]
        return FloatResult(status, cols, rows, x, y)


def highs_basis(lp: StandardLP) -> tuple[str, list[int], list[int]]:
    """Solve the standard form in double precision.

    Returns HiGHS's model status, the basic columns and the rows whose logical variable is
    basic (degenerate or redundant rows), all read from HiGHS's final basis.
    """
    res = FloatModel(lp).run()
    return res.status, res.cols, res.rows


def complete_basis(lp: StandardLP, basic: Sequence[int], row_basic: Sequence[int]) -> list[int]:
    """HiGHS's basic columns plus a unit column ``n + i`` for each row ``i`` whose logical
    variable HiGHS reports basic (a degenerate or redundant row)."""
    return list(basic) + [lp.n + i for i in row_basic]


def _prove(
    model: FloatModel,
    timings: dict[str, float],
    stage: int = 0,
    fixed: Collection[int] = frozenset(),
    reduced: bool = True,
) -> tuple[StandardSolution | None, FloatResult]:
    """Run HiGHS on ``model`` and prove its basis exactly (stage ``stage``, face ``fixed``).

    The first run is warm and without presolve (fastest); if it does not end
    ``"Optimal"`` with a basis that proves, HiGHS runs again from scratch with presolve on
    (its simplex without presolve occasionally gives up on hard LPs: netlib's perold ends
    ``"Unbounded"``). Returns the proved solution or ``None``, and the last float result.
    """
    lp = model.lp
    for retry in (False, True):
        t0 = time.perf_counter()
        fr = model.run(presolve=retry, fresh=retry)
        timings["float"] = timings.get("float", 0.0) + time.perf_counter() - t0
        if fr.status == "Optimal":
            t0 = time.perf_counter()
            basis = complete_basis(lp, fr.cols, fr.rows)
            sol = verify_basis(lp, basis, stage=stage, fixed=fixed, guess=fr.guess, reduced=reduced)
            timings["verify"] = timings.get("verify", 0.0) + time.perf_counter() - t0
            if sol is not None:
                return sol, fr
    return None, fr


def _proved(lp: StandardLP) -> StandardSolution | None:
    """HiGHS's optimal basis of ``lp``, proved exactly; ``None`` if HiGHS or the proof fails."""
    return _prove(FloatModel(lp), {})[0]


def _phase1(lp: StandardLP) -> StandardLP:
    """``min Σ a  s.t.  A x + diag(sign b) a = b``: optimum > 0 iff ``lp`` is infeasible."""
    cols = [list(c) for c in lp.cols]
    cols += [[(i, 1 if bi >= 0 else -1)] for i, bi in enumerate(lp.b)]
    return StandardLP(lp.m, lp.n + lp.m, cols, list(lp.b), [[0] * lp.n + [1] * lp.m])


def _ray_lp(
    lp: StandardLP, stage: int = 0, fixed: Collection[int] = frozenset()
) -> tuple[StandardLP, list[int]]:
    """``min c·r  s.t.  A r = 0, Σ r + s = 1`` over the columns not in ``fixed``: optimum < 0
    iff a feasible ``lp`` is unbounded (on the face ``x_fixed = 0``). Also returns the
    kept columns (position in the ray LP -> column of ``lp``)."""
    keep = [j for j in range(lp.n) if j not in fixed]
    cols = [[*lp.cols[j], (lp.m, 1)] for j in keep] + [[(lp.m, 1)]]
    cost = lp.costs[stage]
    return (
        StandardLP(
            lp.m + 1, len(keep) + 1, cols, [0] * lp.m + [1], [[cost[j] for j in keep] + [0]]
        ),
        keep,
    )


def _proved_ray(
    lp: StandardLP, stage: int = 0, fixed: Collection[int] = frozenset()
) -> list[Fraction] | None:
    """An exact improving ray of ``lp`` (stage ``stage``, ``x_fixed = 0``), or ``None``."""
    ray_lp, keep = _ray_lp(lp, stage, fixed)
    sol = _proved(ray_lp)
    cost = lp.costs[stage]
    if sol is None or sum((cost[j] * r for j, r in zip(keep, sol.x)), Fraction(0)) >= 0:
        return None
    ray = [_ZERO] * lp.n
    for j, r in zip(keep, sol.x):
        ray[j] = r
    return ray


def _certify_non_optimal(lp: StandardLP) -> StandardSolution | None:
    """Infeasible or unbounded, proved through two auxiliary LPs that HiGHS solves and flint
    proves; ``None`` when either proof fails (the caller then pivots exactly)."""
    p1 = _proved(_phase1(lp))
    if p1 is None:
        return None
    infeas = sum((x for x in p1.x[lp.n :]), Fraction(0))
    if infeas > 0:  # duals y: c_j - y·A_j >= 0 with c_j = 0, and y·b = optimum > 0
        return StandardSolution(status="infeasible", basis=[], x=p1.x[: lp.n], farkas=p1.duals[0])
    ray = _proved_ray(lp)
    if ray is None:
        return None
    return StandardSolution(status="unbounded", basis=[], x=p1.x[: lp.n], ray=ray)


def _stages(
    lp: StandardLP, timings: dict[str, float], reduced: bool = True
) -> tuple[StandardSolution | None, str, FloatResult]:
    """Every lexicographic stage of ``lp`` solved by HiGHS and proved exactly.

    Stage ``k`` optimises ``costs[k]`` over the optimal face of the earlier stages, which
    is ``lp`` with every column of positive reduced cost in an earlier stage fixed at 0;
    HiGHS re-optimises warm after :meth:`FloatModel.restrict`. Returns ``None`` (and the
    stage-0 float result, for the exact repair) when a proof fails.
    """
    t0 = time.perf_counter()
    model = FloatModel(lp)
    timings["float"] = time.perf_counter() - t0
    out, first = _prove(model, timings, reduced=reduced or len(lp.costs) > 1)
    if out is None:
        if first.status == "Optimal":
            return None, "", first
        t0 = time.perf_counter()
        sol = _certify_non_optimal(lp)
        timings["verify"] = timings.get("verify", 0.0) + time.perf_counter() - t0
        return sol, f"HiGHS said {first.status!r}; proved through the phase-1 and ray LPs", first
    fixed: set[int] = set()
    for stage in range(1, len(lp.costs)):
        new = out.fixed[-1] - fixed
        fixed |= new
        model.restrict(stage, new)
        sol, fr = _prove(model, timings, stage, fixed)
        if sol is not None:
            out.duals += sol.duals
            out.reduced_costs += sol.reduced_costs
            out.fixed += sol.fixed
            out.x, out.basis, out.stage = sol.x, sol.basis, stage
            continue
        t0 = time.perf_counter()
        ray = _proved_ray(lp, stage, fixed) if fr.status == "Unbounded" else None
        timings["verify"] = timings.get("verify", 0.0) + time.perf_counter() - t0
        if ray is None:
            return None, "", first
        out.status, out.ray, out.stage = "unbounded", ray, stage
        break
    stages = f"{len(out.duals)} stages " if len(lp.costs) > 1 else ""
    return out, f"HiGHS basis {stages}proved optimal", first


def solve_standard_guided(
    lp: StandardLP,
    *,
    ring: Ring | None = None,
    max_iter: int | None = None,
    reduced: bool = True,
) -> tuple[StandardSolution, str, dict[str, float]]:
    """Float-guided exact solve of a standard form (every stage of ``lp.costs``).

    Returns the solution (same contract as :func:`exactmech.lp.simplex.solve_standard`;
    with ``reduced=False`` and one stage, ``reduced_costs`` may be left empty), a message
    saying how it was proved, and the seconds spent in each step.
    """
    require()
    timings: dict[str, float] = {}
    sol, message, first = _stages(lp, timings, reduced)
    if sol is None:
        ring = ring or default_ring()
        t0 = time.perf_counter()
        cols = first.cols
        state = basis_state(lp, cols, ring) if not first.rows else None
        if state is not None:
            sol = solve_standard(lp, ring=ring, max_iter=max_iter, initial=(cols, state))
        else:
            sol = solve_standard(lp, ring=ring, max_iter=max_iter, basis=cols)
        timings["repair"] = time.perf_counter() - t0
        message = (
            f"HiGHS said {first.status!r}; exact simplex warm-started from its basis "
            f"({sol.iterations} pivots)"
        )
    return sol, message, timings


def solve(problem: LPProblem, *, ring: Ring | None = None, max_iter: int | None = None) -> LPResult:
    """Float-guided exact solve of ``problem`` (see module docstring).

    Returns an :class:`LPResult` with ``method="float-guided"``; ``nit`` counts the exact
    repair pivots (0 when HiGHS's basis was optimal) and ``timings`` holds the seconds
    spent in each step (``standard_form``, ``float``, ``verify``, ``repair``).
    """
    require()
    t0 = time.perf_counter()
    sf = to_standard(problem)
    t_std = time.perf_counter() - t0
    sol, message, timings = solve_standard_guided(
        sf.lp, ring=ring, max_iter=max_iter, reduced=False
    )
    timings["standard_form"] = t_std
    return _assemble(sf, sol, "float-guided", note=message, timings=timings)
