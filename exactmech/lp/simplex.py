"""The exact two-phase revised simplex (ours) on a standard-form integer LP.

Owns the pivoting *strategy*; the arithmetic lives in :mod:`exactmech.lp._kernel` and the
translation from a user's problem (bounds, free variables, ``<=`` rows, maximisation) to the
standard form ``min c·x  s.t.  A x = b, x >= 0`` with integer data lives in
:mod:`exactmech.lp._standard`.

Algorithm
---------
*Start.* Every row ``i`` has an artificial column ``±e_i`` (sign chosen so its value is
``>= 0``). A cold start takes, per row, a unit slack column when its value is nonnegative and
the artificial otherwise, so the first basis is diagonal and costs nothing to invert. A warm
start (a basis suggested by a float solver, or the final basis of a previous solve) pivots
the suggested columns in, completing a rank-deficient suggestion with artificials. If the
warm basis is primal infeasible, one extra column ``t = −Σ_{x_k<0} B_k`` enters at the most
negative basic variable and makes every basic variable nonnegative (the classic single
artificial start).

*Phase 1* minimises the sum of the artificials and ``t``; a positive optimum yields a Farkas
vector ``y`` (``yᵀA <= 0``, ``yᵀb > 0``). Artificials left in the basis at value zero are
driven out by degenerate pivots, or stay forever when their row is redundant.

*Phase 2* optimises each objective of a lexicographic list in turn. After stage ``s`` the
columns with positive reduced cost are fixed at zero, which is exactly the optimal face, and
stage ``s+1`` starts from the same basis.

*Pricing.* Dantzig's rule (most negative reduced cost; all share the denominator ``D``, so
integers are compared) is fast on typical problems; after ``DEGENERATE_SWITCH``
consecutive degenerate pivots Bland's rule takes over until the objective moves, which
guarantees termination (Bland 1977) on cycling examples such as Beale's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from exactmech._arith import Ring, default_ring
from exactmech.errors import ExactmechError
from exactmech.lp._kernel import FractionFreeBasis

__all__ = ["DEGENERATE_SWITCH", "PIVOT_RULES", "StandardLP", "StandardSolution", "solve_standard"]

#: ``"auto"``: Dantzig with the Bland fallback (default, always terminates); ``"bland"``:
#: Bland's rule throughout; ``"textbook"``: Dantzig with lowest-index tie-breaking and no
#: fallback, which *can cycle* (kept to demonstrate Beale's example; needs ``max_iter``).
PIVOT_RULES = ("auto", "bland", "textbook")

#: Consecutive degenerate pivots after which Bland's rule replaces Dantzig's.
DEGENERATE_SWITCH = 12


@dataclass
class StandardLP:
    """``min c_s·x  s.t.  A x = b, x >= 0`` with integer data, for stages ``s = 0, 1, ...``.

    ``cols[j]`` is column ``j`` of ``A`` as sparse ``(row, int)`` pairs; ``costs[s][j]`` is
    the integer cost of column ``j`` in stage ``s``. ``free`` lists the columns ``j`` whose
    column ``j + 1`` is their negation in ``A`` and every cost row (``x⁺``, ``x⁻`` of a free
    variable; a hint the float-guided method uses, never needed for correctness).
    """

    m: int
    n: int
    cols: list[list[tuple[int, int]]]
    b: list[int]
    costs: list[list[int]]
    free: list[int] = field(default_factory=list)


@dataclass
class StandardSolution:
    """What :func:`solve_standard` found, in standard-form coordinates (exact Fractions).

    ``basis[k]`` is the column basic in row ``k``: ``j < n`` a real column, ``n + i`` the
    artificial of row ``i`` (only on redundant rows), ``n + m`` the phase-1 column ``t``.
    """

    status: str
    basis: list[int]
    x: list[Fraction]
    duals: list[list[Fraction]] = field(default_factory=list)
    reduced_costs: list[list[Fraction]] = field(default_factory=list)
    fixed: list[set[int]] = field(default_factory=list)
    farkas: list[Fraction] | None = None
    ray: list[Fraction] | None = None
    stage: int = 0
    iterations: int = 0
    phase1_iterations: int = 0


class _Solver:
    def __init__(
        self, lp: StandardLP, ring: Ring, max_iter: int | None, rule: str = "auto"
    ) -> None:
        if rule not in PIVOT_RULES:
            raise ExactmechError(
                f"solve_standard(): pivot_rule={rule!r}; expected one of {PIVOT_RULES}"
            )
        self.rule = rule
        self.lp = lp
        self.ring = ring
        mk = ring.make
        self.zero, self.one = mk(0), mk(1)
        self.m, self.n = lp.m, lp.n
        self.cols = [[(i, mk(v)) for i, v in col] for col in lp.cols]
        self.b = [mk(v) for v in lp.b]
        self.t_col: list[tuple[int, Any]] = []
        self.art_sign = [1 if v >= 0 else -1 for v in lp.b]
        self.max_iter = max_iter
        self.iterations = 0
        self.enterable = [True] * self.n

    # -- column access ---------------------------------------------------------------
    def column(self, j: int) -> list[tuple[int, Any]]:
        if j < self.n:
            return self.cols[j]
        if j < self.n + self.m:
            i = j - self.n
            return [(i, self.one if self.art_sign[i] > 0 else -self.one)]
        return self.t_col

    def is_artificial(self, j: int) -> bool:
        return j >= self.n

    # -- start -------------------------------------------------------------------------
    def cold_start(self) -> None:
        m, n = self.m, self.n
        signs = list(self.art_sign)
        basis = [n + i for i in range(m)]
        for j, col in enumerate(self.cols):
            if len(col) == 1:
                i, v = col[0]
                if basis[i] >= n and (v == 1 or v == -1) and (self.b[i] * v >= 0):
                    basis[i] = j
                    signs[i] = 1 if v > 0 else -1
        self.basis = basis
        self.state = FractionFreeBasis(signs, self.b, self.zero, self.one)

    def warm_start(self, suggested: Sequence[int]) -> None:
        m, n = self.m, self.n
        self.basis = [n + i for i in range(m)]
        self.state = FractionFreeBasis(self.art_sign, self.b, self.zero, self.one)
        for j in suggested:
            if not 0 <= j < n or j in self.basis:
                continue
            alpha = self.state.ftran(self.cols[j])
            best = -1
            for k in range(m):
                if (
                    alpha[k]
                    and self.basis[k] >= n
                    and (best < 0 or abs(alpha[k]) < abs(alpha[best]))
                ):
                    best = k
            if best >= 0:
                self.state.pivot(best, alpha)
                self.basis[best] = j
        self.make_start_feasible()

    def start_from(self, basis: Sequence[int], state: FractionFreeBasis) -> None:
        """Start from a complete, nonsingular basis whose state was built elsewhere (flint)."""
        self.basis = list(basis)
        self.state = state
        self.make_start_feasible()

    def make_start_feasible(self) -> None:
        st, n, m = self.state, self.n, self.m
        for k in range(m):
            j = self.basis[k]
            if j >= n and st.beta[k] < 0:
                self.art_sign[j - n] = -self.art_sign[j - n]
                st.negate_row(k)
        negative = [k for k in range(m) if st.beta[k] < 0]
        if not negative:
            return
        acc: dict[int, Any] = {}
        for k in negative:
            for i, v in self.column(self.basis[k]):
                acc[i] = acc.get(i, self.zero) - v
        self.t_col = [(i, v) for i, v in sorted(acc.items()) if v]
        alpha = st.ftran(self.t_col)
        r = min(negative, key=lambda k: st.beta[k])
        st.pivot(r, alpha)
        self.basis[r] = n + m

    # -- iterations ------------------------------------------------------------------
    def _price(self, cost: Callable[[int], Any], bland: bool) -> tuple[int, Any, list[Any]]:
        st = self.state
        cb = [cost(j) for j in self.basis]
        pi = st.btran(cb)
        D = st.D
        best_j, best_d = -1, self.zero
        cols, enterable = self.cols, self.enterable
        for j in range(self.n):
            if not enterable[j]:
                continue
            cj = cost(j)
            d = D * cj if cj else self.zero
            for i, v in cols[j]:
                d -= pi[i] * v
            if d < 0:
                if bland:
                    return j, d, pi
                if d < best_d:
                    best_j, best_d = j, d
        return best_j, best_d, pi

    def _ratio(self, alpha: list[Any], bland: bool) -> int:
        beta, basis, n = self.state.beta, self.basis, self.n
        best = -1
        for k, a in enumerate(alpha):
            if a <= 0:
                continue
            if best < 0:
                best = k
                continue
            lhs, rhs = beta[k] * alpha[best], beta[best] * a
            if lhs < rhs:
                best = k
            elif lhs == rhs:
                if bland or self.rule == "textbook":
                    if basis[k] < basis[best]:
                        best = k
                elif (basis[k] >= n) > (basis[best] >= n) or (
                    (basis[k] >= n) == (basis[best] >= n) and a > alpha[best]
                ):
                    best = k
        return best

    def run(self, cost: Callable[[int], Any]) -> tuple[str, list[Any], int, list[Any]]:
        """Iterate to optimality for ``cost``; return (status, pi, entering, alpha)."""
        degenerate = 0
        while True:
            bland = self.rule == "bland" or (
                self.rule == "auto" and degenerate >= DEGENERATE_SWITCH
            )
            q, _, pi = self._price(cost, bland)
            if q < 0:
                return "optimal", pi, -1, []
            alpha = self.state.ftran(self.cols[q])
            r = self._ratio(alpha, bland)
            if r < 0:
                return "unbounded", pi, q, alpha
            degenerate = degenerate + 1 if not self.state.beta[r] else 0
            self.state.pivot(r, alpha)
            self.basis[r] = q
            self.iterations += 1
            if self.max_iter is not None and self.iterations >= self.max_iter:
                raise ExactmechError(f"linprog(): iteration limit max_iter={self.max_iter} reached")

    def drive_out_artificials(self) -> None:
        st, n = self.state, self.n
        for r in range(self.m):
            if self.basis[r] < n:
                continue
            row = st.row(r)
            basic = set(self.basis)
            for j in range(n):
                if j in basic:
                    continue
                if sum((row[i] * v for i, v in self.cols[j]), self.zero):
                    alpha = st.ftran(self.cols[j])
                    st.pivot(r, alpha)
                    self.basis[r] = j
                    break

    def values(self) -> list[Fraction]:
        D = int(self.state.D)
        x = [Fraction(0)] * self.n
        for k, j in enumerate(self.basis):
            if j < self.n:
                x[j] = Fraction(int(self.state.beta[k]), D)
        return x


def solve_standard(
    lp: StandardLP,
    *,
    basis: Sequence[int] | None = None,
    ring: Ring | None = None,
    max_iter: int | None = None,
    pivot_rule: str = "auto",
    initial: tuple[Sequence[int], FractionFreeBasis] | None = None,
) -> StandardSolution:
    """Solve a standard-form integer LP exactly (see module docstring).

    Parameters
    ----------
    lp
        The problem, with one or more cost vectors (lexicographic stages).
    basis
        Optional warm start: real column indices to pivot into the basis first.
    ring
        Integer backend (:func:`exactmech._arith.default_ring` when ``None``).
    max_iter
        Raise :class:`~exactmech.errors.ExactmechError` after this many pivots.
    pivot_rule
        One of :data:`PIVOT_RULES`.
    initial
        A complete basis (real columns, one per row) with its :class:`FractionFreeBasis`
        already computed (the float-guided method builds it with python-flint); takes
        precedence over ``basis``.

    Returns
    -------
    StandardSolution
    """
    ring = ring or default_ring()
    s = _Solver(lp, ring, max_iter, pivot_rule)
    if initial is not None:
        s.start_from(*initial)
    elif basis is None:
        s.cold_start()
    else:
        s.warm_start(basis)
    n, m = s.n, s.m
    zero, one = s.zero, s.one

    def phase1_cost(j: int) -> Any:
        return one if j >= n else zero

    if any(j >= n and s.state.beta[k] for k, j in enumerate(s.basis)):
        status, pi, _, _ = s.run(phase1_cost)
        assert status == "optimal"
        infeas = sum((s.state.beta[k] for k, j in enumerate(s.basis) if j >= n), zero)
        if infeas > 0:
            D = int(s.state.D)
            return StandardSolution(
                status="infeasible",
                basis=list(s.basis),
                x=s.values(),
                farkas=[Fraction(int(v), D) for v in pi],
                iterations=s.iterations,
                phase1_iterations=s.iterations,
            )
    phase1_its = s.iterations
    s.drive_out_artificials()
    out = StandardSolution(status="optimal", basis=[], x=[], phase1_iterations=phase1_its)
    for stage, costs in enumerate(lp.costs):
        c = [ring.make(v) for v in costs]

        def cost(j: int, c: list[Any] = c) -> Any:
            return c[j] if j < n else zero

        status, pi, q, alpha = s.run(cost)
        D = int(s.state.D)
        if status == "unbounded":
            ray = [Fraction(0)] * n
            ray[q] = Fraction(1)
            for k, j in enumerate(s.basis):
                if j < n and alpha[k]:
                    ray[j] = Fraction(-int(alpha[k]), D)
            out.status, out.ray, out.stage = "unbounded", ray, stage
            break
        y = [Fraction(int(v), D) for v in pi]
        dnum = []
        for j in range(n):
            d = s.state.D * c[j] - sum((pi[i] * v for i, v in s.cols[j]), zero)
            dnum.append(d)
        out.duals.append(y)
        out.reduced_costs.append([Fraction(int(d), D) for d in dnum])
        fixed = {j for j in range(n) if dnum[j] > 0}
        out.fixed.append(fixed)
        for j in fixed:
            s.enterable[j] = False
        out.stage = stage
    out.basis = list(s.basis)
    out.x = s.values()
    out.iterations = s.iterations
    _ = m
    return out
