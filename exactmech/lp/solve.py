"""Public solve entry points: :func:`linprog`, :func:`linprog_lex`, :func:`solve_problem`.

Owns method selection and the assembly of :class:`~exactmech.lp.result.LPResult` objects
from a standard-form solution (mapping back through :mod:`exactmech.lp._standard`). Every
result leaves this module with a certificate that :func:`exactmech.lp.check` has verified
(``verify=False`` skips that, for callers that check in bulk themselves).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

from exactmech._arith import Ring, get_ring
from exactmech.errors import InvalidProblemError, ShapeError
from exactmech.lp._standard import StandardForm, to_standard
from exactmech.lp.certificate import check, reduced_costs
from exactmech.lp.problem import LPProblem, dot, make_problem
from exactmech.lp.result import Certificate, LPResult
from exactmech.lp.simplex import StandardSolution, solve_standard
from exactmech.numbers import Q, fraction_str

__all__ = ["METHODS", "LexResult", "linprog", "linprog_lex", "solve_lex", "solve_problem"]

METHODS = ("auto", "exact", "float-guided")


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during a solve.

    A solve allocates one tuple per nonzero (sparse rows, columns) and no reference cycles;
    the collector's generation-0 passes over those young tuples cost 10–30% of the time of
    a 200×200 solve (``scripts/bench_lp.py``). Nested uses and a collector the caller
    already disabled are left alone.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _ring(backend: str | Ring | None) -> Ring | None:
    if backend is None or isinstance(backend, Ring):
        return backend
    return get_ring(backend)


def _reduced(
    problem: LPProblem, y_ub: Sequence[Fraction], y_eq: Sequence[Fraction]
) -> tuple[Fraction, ...]:
    # Reduced costs are reported, not certified (the checker recomputes its own), so the
    # checker's fast transpose product may serve here; the dependency is solver -> checker.
    return reduced_costs(problem, y_ub, y_eq)


def _basis_names(sf: StandardForm, basis: Sequence[int]) -> tuple[str, ...]:
    n = sf.lp.n
    out = []
    for j in basis:
        if j < n:
            out.append(sf.col_names[j])
        elif j < n + sf.lp.m:
            out.append(f"artificial[{j - n}]")
        else:
            out.append("t")
    return tuple(out)


def _assemble(
    sf: StandardForm,
    sol: StandardSolution,
    method: str,
    stage: int = 0,
    *,
    note: str = "",
    timings: dict[str, float] | None = None,
) -> LPResult:
    """The :class:`LPResult` of a standard-form solution; ``note`` is appended to the message."""
    problem = sf.problem
    timings = {} if timings is None else timings
    suffix = f"; {note}" if note else ""
    basis = _basis_names(sf, sol.basis)
    if sol.status == "infeasible":
        assert sol.farkas is not None
        f_ub, f_eq = sf.farkas_original(sol.farkas)
        cert = Certificate("infeasible", farkas_ub=f_ub, farkas_eq=f_eq)
        return LPResult(
            status="infeasible",
            fun=None,
            x=None,
            basis=basis,
            certificate=cert,
            nit=sol.iterations,
            method=method,
            message="no point satisfies the constraints" + suffix,
            problem=problem,
            std_basis=tuple(sol.basis),
            timings=timings,
        )
    x = sf.x_original(sol.x)
    if sol.status == "unbounded":
        assert sol.ray is not None
        ray = sf.ray_original(sol.ray)
        cert = Certificate("unbounded", x=x, ray=ray)
        return LPResult(
            status="unbounded",
            fun=None,
            x=x,
            basis=basis,
            certificate=cert,
            nit=sol.iterations,
            method=method,
            message="the objective is unbounded along `ray`" + suffix,
            problem=problem,
            std_basis=tuple(sol.basis),
            timings=timings,
        )
    y_ub, y_eq = sf.duals_original(sol.duals[stage], stage)
    return _optimal(
        problem, x, y_ub, y_eq, sol, method, basis=basis, suffix=suffix, timings=timings
    )


def _optimal(
    problem: LPProblem,
    x: tuple[Fraction, ...],
    y_ub: tuple[Fraction, ...],
    y_eq: tuple[Fraction, ...],
    sol: StandardSolution,
    method: str,
    *,
    basis: tuple[str, ...] = (),
    label: str = "",
    suffix: str = "",
    timings: dict[str, float] | None = None,
) -> LPResult:
    """An optimal :class:`LPResult` with its (x, duals) certificate."""
    fun = problem.objective(x)
    return LPResult(
        status="optimal",
        fun=fun,
        x=x,
        dual_ub=y_ub,
        dual_eq=y_eq,
        reduced_costs=_reduced(problem, y_ub, y_eq),
        basis=basis,
        certificate=Certificate("optimal", x=x, dual_ub=y_ub, dual_eq=y_eq),
        nit=sol.iterations,
        method=method,
        message=f"{label}optimal value {fraction_str(fun)}{suffix}",
        problem=problem,
        std_basis=tuple(sol.basis),
        timings={} if timings is None else timings,
    )


#: ``method="auto"`` solves problems up to this size with the exact simplex, larger ones
#: float-guided (when HiGHS and python-flint are installed). The size is columns + rows,
#: free variables counted twice (the standard form splits them); at the crossover both
#: methods take about a millisecond (``scripts/bench_lp.py``, 10×10 and 12×12 families).
AUTO_EXACT_MAX = 24


def _size(problem: LPProblem) -> int:
    free = sum(1 for lo, hi in problem.bounds if lo is None and hi is None)
    return problem.n + free + len(problem.b_ub) + len(problem.b_eq)


def _pick_method(method: str, problem: LPProblem) -> str:
    if method not in METHODS:
        raise InvalidProblemError(
            f"linprog(): method={method!r}; expected one of {', '.join(METHODS)}"
        )
    if method == "auto":
        from exactmech.lp import guided

        if guided.available() and _size(problem) > AUTO_EXACT_MAX:
            return "float-guided"
        return "exact"
    if method == "float-guided":
        from exactmech.lp import guided

        guided.require()
    return method


def solve_problem(
    problem: LPProblem,
    *,
    method: str = "auto",
    backend: str | Ring | None = None,
    max_iter: int | None = None,
    verify: bool = True,
    warm_basis: Sequence[int] | None = None,
) -> LPResult:
    """Solve an :class:`LPProblem` exactly and return a certified :class:`LPResult`.

    Parameters
    ----------
    problem
        The problem.
    method
        ``"exact"`` (our rational simplex from scratch), ``"float-guided"`` (HiGHS finds a
        basis, exact arithmetic proves or repairs it) or ``"auto"`` (float-guided when
        available and the problem is not tiny).
    backend
        Integer backend of the exact kernel: ``"python"``, ``"gmpy2"`` or ``"flint"``.
    max_iter
        Pivot limit of the exact simplex.
    verify
        Run :func:`exactmech.lp.check` on the result before returning it (default).
    warm_basis
        Standard-form column indices to start the exact simplex from
        (``LPResult.std_basis`` of an earlier solve of the same problem).
    """
    with _gc_paused():
        return _solve_problem(problem, method, backend, max_iter, verify, warm_basis)


def _solve_problem(
    problem: LPProblem,
    method: str,
    backend: str | Ring | None,
    max_iter: int | None,
    verify: bool,
    warm_basis: Sequence[int] | None,
) -> LPResult:
    chosen = _pick_method(method, problem)
    t0 = time.perf_counter()
    if chosen == "float-guided":
        from exactmech.lp import guided

        res = guided.solve(problem, ring=_ring(backend), max_iter=max_iter)
    else:
        sf = to_standard(problem)
        sol = solve_standard(sf.lp, ring=_ring(backend), max_iter=max_iter, basis=warm_basis)
        res = _assemble(sf, sol, "exact")
    t1 = time.perf_counter()
    timings = res.timings  # this result's own dict, filled in place
    timings["total"] = t1 - t0
    if verify:
        check(res, problem)
        timings["check"] = time.perf_counter() - t1
    return res


def linprog(
    c: Sequence[Any],
    A_ub: Any = None,
    b_ub: Any = None,
    A_eq: Any = None,
    b_eq: Any = None,
    bounds: Any = None,
    maximize: bool = False,
    *,
    method: str = "auto",
    backend: str | None = None,
    max_iter: int | None = None,
    verify: bool = True,
) -> LPResult:
    """Solve ``min (or max) c·x  s.t.  A_ub x <= b_ub, A_eq x = b_eq, bounds`` exactly.

    The signature follows ``scipy.optimize.linprog``; every number goes through
    :func:`exactmech.Q` (ints, Fractions, sympy Rationals, ``"3/7"``, ``"0.15"``; floats are
    rejected). Default bounds are ``x >= 0``.

    Parameters
    ----------
    c
        Objective coefficients.
    A_ub, b_ub
        Inequality rows ``A_ub x <= b_ub`` (dense lists).
    A_eq, b_eq
        Equality rows ``A_eq x = b_eq``.
    bounds
        ``None`` (``x >= 0``), one ``(l, u)`` pair for all variables, a list of pairs or a
        dict ``{j: (l, u)}``; ``None`` inside a pair is infinite.
    maximize
        Maximise instead of minimise.
    method, backend, max_iter, verify
        See :func:`solve_problem`.

    Returns
    -------
    LPResult
        ``status`` in ``{"optimal", "infeasible", "unbounded"}``, exact ``fun``, ``x``,
        ``dual_ub``, ``dual_eq`` (marginals ``∂fun/∂b``), ``reduced_costs``, ``basis`` and a
        verified ``certificate``.

    Examples
    --------
    >>> res = linprog([-1, -1], A_ub=[[1, 2], [3, 1]], b_ub=[4, 6])
    >>> res.status, res.fun, res.x
    ('optimal', Fraction(-14, 5), (Fraction(8, 5), Fraction(6, 5)))
    >>> res.dual_ub
    (Fraction(-2, 5), Fraction(-1, 5))
    >>> linprog([1, 1], A_ub=[[-1, -1]], b_ub=[-3], bounds=(0, 1)).status
    'infeasible'
    >>> linprog([0.5])
    Traceback (most recent call last):
    ...
    exactmech.errors.FloatInputError: linprog(): c[0]=0.5 is a float; pass Fraction(1, 2) ...
    """
    with _gc_paused():
        problem = make_problem(c, A_ub, b_ub, A_eq, b_eq, bounds, maximize=maximize)
        return solve_problem(
            problem, method=method, backend=backend, max_iter=max_iter, verify=verify
        )


@dataclass(frozen=True)
class LexResult:
    """Result of a lexicographic solve.

    Attributes
    ----------
    status : str
        ``"optimal"`` if every stage is bounded and the problem feasible.
    fun : tuple of Fraction
        Optimal value of each objective, in order (up to the first non-optimal stage).
    x : tuple of Fraction or None
        A point that is lexicographically optimal.
    stages : tuple of LPResult
        Stage ``k`` is the LP ``opt c_k·x`` over the original constraints plus
        ``c_i·x <= fun_i`` (``>=`` when maximising) for ``i < k``, with its own certificate:
        together they prove lexicographic optimality (checked by :func:`exactmech.lp.check`).
    """

    status: str
    fun: tuple[Fraction, ...]
    x: tuple[Fraction, ...] | None
    stages: tuple[LPResult, ...] = field(default=(), repr=False)
    problem: LPProblem | None = field(default=None, repr=False)

    @property
    def certificate(self) -> Certificate:
        """The last stage's certificate (its kind equals :attr:`status`)."""
        return self.stages[-1].certificate

    def face_problem(self, k: int | None = None) -> LPProblem:
        """The optimal face after ``k`` objectives (default: all) as an :class:`LPProblem`."""
        if self.problem is None:
            raise InvalidProblemError("LexResult.face_problem(): no problem stored")
        k = len(self.fun) if k is None else k
        return _augment(self.problem, self.stage_objectives[:k], self.fun[:k], equal=True)

    @property
    def stage_objectives(self) -> tuple[tuple[Fraction, ...], ...]:
        """The objective vectors, in order."""
        return tuple(s.problem.c for s in self.stages if s.problem is not None)


def _augment(
    problem: LPProblem,
    objectives: Sequence[Sequence[Fraction]],
    values: Sequence[Fraction],
    *,
    equal: bool = False,
    c: Sequence[Fraction] | None = None,
) -> LPProblem:
    sign = -1 if problem.maximize else 1
    rows = [tuple((j, sign * v) for j, v in enumerate(o) if v) for o in objectives]
    rhs = [sign * (v - problem.c0) for v in values]
    names = tuple(f"lex{i}" for i in range(len(objectives)))
    if equal:
        return replace(
            problem,
            A_eq=problem.A_eq + tuple(rows),
            b_eq=problem.b_eq + tuple(rhs),
            eq_names=problem.eq_names + names,
        )
    return replace(
        problem,
        c=tuple(c) if c is not None else problem.c,
        A_ub=problem.A_ub + tuple(rows),
        b_ub=problem.b_ub + tuple(rhs),
        ub_names=problem.ub_names + names,
    )


def _stage_certificate(
    sf: StandardForm,
    sol: StandardSolution,
    k: int,
    objectives: Sequence[Sequence[Fraction]],
    funs: Sequence[Fraction],
    method: str,
) -> LPResult:
    """Certificate for stage ``k``: duals of the augmented problem, from the stage duals.

    With stage reduced costs ``d_i`` (standard form) and the columns ``F_i`` fixed after
    stage ``i``, the multipliers ``λ_i >= 0`` on rows ``c_i·x <= opt_i`` make
    ``d_k + Σ λ_i d_i >= 0`` (chosen from ``i = k−1`` down to 0), and the duals of the
    original rows become ``y_k + Σ λ_i y_i``.
    """
    problem = sf.problem
    d = list(sol.reduced_costs[k])
    y = list(sol.duals[k])
    lams: list[Fraction] = [Fraction(0)] * k
    for i in range(k - 1, -1, -1):
        di = sol.reduced_costs[i]
        lam = Fraction(0)
        for j in sol.fixed[i]:
            if d[j] < 0 and di[j] > 0:
                lam = max(lam, -d[j] / di[j])
        if lam:
            lams[i] = lam
            if i:  # d is only read again by the earlier stages
                d = [a + lam * b if b else a for a, b in zip(d, di)]
            y = [a + lam * b if b else a for a, b in zip(y, sol.duals[i])]
    factor = Fraction(sf.sense) / sf.cscales[k]
    y_ub, y_eq = sf._rows(y, factor)
    extra = tuple(-lams[i] * sf.cscales[i] * factor for i in range(k))
    aug = _augment(problem, objectives[:k], funs[:k], c=objectives[k])
    x = sf.x_original(sol.x)
    return _optimal(aug, x, y_ub + extra, y_eq, sol, method, label=f"stage {k}: ")


def solve_lex(
    problem: LPProblem,
    objectives: Sequence[Sequence[Any]],
    *,
    method: str = "auto",
    backend: str | Ring | None = None,
    max_iter: int | None = None,
    verify: bool = True,
) -> LexResult:
    """Lexicographic optimisation of ``objectives`` over ``problem``'s constraints.

    See :func:`linprog_lex`; ``problem.c`` is ignored.
    """
    with _gc_paused():
        return _solve_lex(problem, objectives, method, backend, max_iter, verify)


def _solve_lex(
    problem: LPProblem,
    objectives: Sequence[Sequence[Any]],
    method: str,
    backend: str | Ring | None,
    max_iter: int | None,
    verify: bool,
) -> LexResult:
    if not objectives:
        raise ShapeError("linprog_lex(): at least one objective is needed")
    objs = []
    for s, o in enumerate(objectives):
        vec = tuple(Q(v, f"objectives[{s}][{j}]", func="linprog_lex") for j, v in enumerate(o))
        if len(vec) != problem.n:
            raise ShapeError(
                f"linprog_lex(): objective {s} has {len(vec)} entries, expected {problem.n}"
            )
        objs.append(vec)
    base = replace(problem, c=objs[0])
    chosen = _pick_method(method, base)
    sf = to_standard(base, objs)
    if chosen == "float-guided":
        from exactmech.lp import guided

        sol, _, _ = guided.solve_standard_guided(sf.lp, ring=_ring(backend), max_iter=max_iter)
    else:
        sol = solve_standard(sf.lp, ring=_ring(backend), max_iter=max_iter)
    stages: list[LPResult] = []
    funs: list[Fraction] = []
    if sol.status == "infeasible":
        res = _assemble(sf, sol, chosen)
        out = LexResult("infeasible", (), None, (res,), problem=base)
    else:
        x = sf.x_original(sol.x)
        n_ok = len(sol.duals)
        for k in range(n_ok):
            funs.append(dot(objs[k], x) + problem.c0)
            stages.append(_stage_certificate(sf, sol, k, objs, funs, chosen))
        if sol.status == "unbounded":
            aug = _augment(base, objs[:n_ok], funs, c=objs[n_ok])
            assert sol.ray is not None
            cert = Certificate("unbounded", x=x, ray=sf.ray_original(sol.ray))
            stages.append(
                LPResult("unbounded", None, x, certificate=cert, method=chosen, problem=aug)
            )
            out = LexResult("unbounded", tuple(funs), x, tuple(stages), problem=base)
        else:
            out = LexResult("optimal", tuple(funs), x, tuple(stages), problem=base)
    if verify:
        check(out)
    return out


def linprog_lex(
    objectives: Sequence[Sequence[Any]],
    A_ub: Any = None,
    b_ub: Any = None,
    A_eq: Any = None,
    b_eq: Any = None,
    bounds: Any = None,
    maximize: bool = False,
    *,
    method: str = "auto",
    backend: str | None = None,
    max_iter: int | None = None,
    verify: bool = True,
) -> LexResult:
    """Optimise ``objectives[0]``, then ``objectives[1]`` among its optimisers, and so on.

    Paper 000, §3.1 breaks ties among revenue-optimal mechanisms by maximising buyer
    surplus; that is ``linprog_lex([revenue, surplus], ..., maximize=True)``. All stages use
    the same sense. Each stage comes with its own certificate (see :class:`LexResult`).

    Examples
    --------
    >>> r = linprog_lex([[1, 1], [1, 0]], A_ub=[[1, 1]], b_ub=[2], maximize=True)
    >>> r.fun, r.x
    ((Fraction(2, 1), Fraction(2, 1)), (Fraction(2, 1), Fraction(0, 1)))
    """
    if not objectives:
        raise ShapeError("linprog_lex(): at least one objective is needed")
    problem = make_problem(
        objectives[0], A_ub, b_ub, A_eq, b_eq, bounds, maximize=maximize, func="linprog_lex"
    )
    return solve_lex(
        problem, objectives, method=method, backend=backend, max_iter=max_iter, verify=verify
    )
