"""Translation between a user's :class:`~exactmech.lp.problem.LPProblem` and the integer
standard form ``min c·x'  s.t.  A' x' = b', x' >= 0`` that the simplex kernel solves.

Variables (original ``x_j`` with bounds ``l_j <= x_j <= u_j``):

* ``l`` finite:                ``x = l + x'``; if ``u`` is finite too, a row ``x' + s = u − l``;
* ``l = −∞``, ``u`` finite:    ``x = u − x'``;
* free:                        ``x = x⁺ − x⁻``;
* ``l = u``:                   fixed, substituted out (no column).

Rows: ``A_ub`` rows get a slack column ``+1``; ``A_eq`` rows none. Each row is multiplied by
a positive rational ``scale`` that makes it integral and primitive (gcd 1), and the objective
by ``cscale``; both are undone when mapping back. Maximisation is solved as minimisation of
``−c``.

Mapping back (all exact):

* primal ``x`` from ``x'``;
* duals: ``y_row = scale·y'_row / cscale`` (negated for ``maximize``), so that ``dual_ub`` is
  the marginal ``∂fun/∂b_ub`` (``<= 0`` when minimising, scipy's sign convention);
* Farkas: ``y_row = −scale·y'_row`` with ``y_ub >= 0``;
* rays: ``r_j = ±r'_j`` (and ``r⁺ − r⁻``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import gcd, lcm

from exactmech.lp.problem import LPProblem
from exactmech.lp.simplex import StandardLP

__all__ = ["StandardForm", "to_standard"]

_ONE = Fraction(1)


@dataclass
class StandardForm:
    """The integer standard form of a problem, with everything needed to map back.

    Attributes
    ----------
    lp : StandardLP
        The integer data (``costs`` holds one row per objective stage).
    var_map : list of (kind, j_plus, j_minus, offset)
        Per original variable: ``kind`` in ``{"lower", "upper", "free", "fixed"}``, the
        standard columns used and the constant offset (``l`` or ``u``).
    row_origin : list of (kind, index)
        Per standard row: ``("ub", i)``, ``("eq", i)`` or ``("bound", j)``.
    row_scale : list of Fraction
        The positive multiplier applied to each standard row.
    cscales : list of Fraction
        The positive multiplier applied to each objective stage.
    col_names : list of str
        Readable names of standard columns (``"x3"``, ``"x3+"``, ``"s_ub[2]"``, ...).
    """

    problem: LPProblem
    lp: StandardLP
    var_map: list[tuple[str, int, int, Fraction]]
    row_origin: list[tuple[str, int]]
    row_scale: list[Fraction]
    cscales: list[Fraction]
    offsets: list[Fraction]
    col_names: list[str]
    sense: int

    # -- mapping back ---------------------------------------------------------------------
    def x_original(self, xs: Sequence[Fraction]) -> tuple[Fraction, ...]:
        """Original variables from standard-form values."""
        out = []
        for kind, jp, jm, off in self.var_map:
            if kind == "lower":
                out.append(off + xs[jp])
            elif kind == "upper":
                out.append(off - xs[jp])
            elif kind == "free":
                out.append(xs[jp] - xs[jm])
            else:
                out.append(off)
        return tuple(out)

    def ray_original(self, rs: Sequence[Fraction]) -> tuple[Fraction, ...]:
        """A recession direction in original variables."""
        out = []
        for kind, jp, jm, _ in self.var_map:
            if kind == "lower":
                out.append(rs[jp])
            elif kind == "upper":
                out.append(-rs[jp])
            elif kind == "free":
                out.append(rs[jp] - rs[jm])
            else:
                out.append(Fraction(0))
        return tuple(out)

    def _rows(
        self, ys: Sequence[Fraction], factor: Fraction
    ) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]]:
        ub = [Fraction(0)] * len(self.problem.b_ub)
        eq = [Fraction(0)] * len(self.problem.b_eq)
        for k, (kind, i) in enumerate(self.row_origin):
            if kind == "ub":
                ub[i] = ys[k] * self.row_scale[k] * factor
            elif kind == "eq":
                eq[i] = ys[k] * self.row_scale[k] * factor
        return tuple(ub), tuple(eq)

    def duals_original(
        self, ys: Sequence[Fraction], stage: int = 0
    ) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]]:
        """``(dual_ub, dual_eq)`` as marginals of the stage-``stage`` objective."""
        return self._rows(ys, Fraction(self.sense) / self.cscales[stage])

    def farkas_original(
        self, ys: Sequence[Fraction]
    ) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]]:
        """``(y_ub >= 0, y_eq)`` with ``yᵀA`` balanced by bounds and ``yᵀb`` too small."""
        return self._rows(ys, Fraction(-1))


def _primitive(values: Sequence[Fraction]) -> Fraction:
    """The positive rational ``s`` making ``s·values`` integers with gcd 1 (1 if all zero)."""
    den = 1
    for v in values:
        den = lcm(den, v.denominator)
    g = 0
    for v in values:
        g = gcd(g, v.numerator * (den // v.denominator))
    return Fraction(den, g) if g else Fraction(1)


def to_standard(
    problem: LPProblem, objectives: Sequence[Sequence[Fraction]] | None = None
) -> StandardForm:
    """Build the integer standard form of ``problem`` (see module docstring).

    ``objectives`` replaces ``problem.c`` by a list of stage objectives (lexicographic).
    """
    sense = -1 if problem.maximize else 1
    stages = [tuple(problem.c)] if objectives is None else [tuple(o) for o in objectives]
    n = problem.n
    # column structure of the original problem
    colrows: list[list[tuple[int, Fraction]]] = [[] for _ in range(n)]
    rows_ub, rows_eq = problem.A_ub, problem.A_eq
    m_ub, m_eq = len(rows_ub), len(rows_eq)
    rhs: list[Fraction] = list(problem.b_ub) + list(problem.b_eq)
    for i, row in enumerate(list(rows_ub) + list(rows_eq)):
        for j, v in row:
            colrows[j].append((i, v))
    var_map: list[tuple[str, int, int, Fraction]] = []
    # entries (row, value, sign): signs are applied in integer arithmetic below
    std_cols: list[list[tuple[int, Fraction, int]]] = []
    names: list[str] = []
    offsets = [Fraction(0)] * len(stages)
    bound_rows: list[tuple[int, int, Fraction]] = []  # (orig var, std col, u - l)
    stage_costs: list[list[Fraction]] = [[] for _ in stages]
    for j, (lo, hi) in enumerate(problem.bounds):
        name = problem.var_names[j]
        if lo is not None and hi is not None and lo == hi:
            kind, off, sign = "fixed", lo, 0
        elif lo is not None:
            kind, off, sign = "lower", lo, 1
        elif hi is not None:
            kind, off, sign = "upper", hi, -1
        else:
            kind, off, sign = "free", Fraction(0), 1
        if off:
            for i, v in colrows[j]:
                rhs[i] -= v * off
            for s, c in enumerate(stages):
                offsets[s] += c[j] * off
        if kind == "fixed":
            var_map.append((kind, -1, -1, off))
            continue
        jp = len(std_cols)
        std_cols.append([(i, v, sign) for i, v in colrows[j]])
        names.append(name)
        for s, c in enumerate(stages):
            stage_costs[s].append(sign * c[j])
        jm = -1
        if kind == "free":
            jm = len(std_cols)
            std_cols.append([(i, v, -1) for i, v in colrows[j]])
            names[-1] = name + "+"
            names.append(name + "-")
            for s, c in enumerate(stages):
                stage_costs[s].append(-c[j])
        elif kind == "lower" and hi is not None:
            bound_rows.append((j, jp, hi - off))
        var_map.append((kind, jp, jm, off))
    row_origin = [("ub", i) for i in range(m_ub)] + [("eq", i) for i in range(m_eq)]
    for j, jp, width in bound_rows:
        r = len(row_origin)
        row_origin.append(("bound", j))
        std_cols[jp].append((r, _ONE, 1))
        rhs.append(width)
    m = len(row_origin)
    # slacks for <= rows and bound rows
    for r, (kind, i) in enumerate(row_origin):
        if kind == "eq":
            continue
        std_cols.append([(r, _ONE, 1)])
        names.append(f"s_{problem.ub_names[i]}" if kind == "ub" else f"s_ub_{problem.var_names[i]}")
        for costs in stage_costs:
            costs.append(Fraction(0))
    # row scaling to primitive integer rows, in integer arithmetic (no gcd per entry)
    lcms = [rhs[r].denominator for r in range(m)]
    for col in std_cols:
        for r, v, _ in col:
            d = v.denominator
            if d != 1 and lcms[r] % d:
                lcms[r] = lcm(lcms[r], d)
    gcds = [abs(rhs[r].numerator) * (lcms[r] // rhs[r].denominator) for r in range(m)]
    for col in std_cols:
        for r, v, _ in col:
            if gcds[r] != 1:
                gcds[r] = gcd(gcds[r], v.numerator * (lcms[r] // v.denominator))
    gcds = [g or 1 for g in gcds]
    row_scale = [Fraction(L, g) for L, g in zip(lcms, gcds)]
    int_cols = [
        [(r, sg * (v.numerator * (lcms[r] // v.denominator) // gcds[r])) for r, v, sg in col]
        for col in std_cols
    ]
    b = [rhs[r].numerator * (lcms[r] // rhs[r].denominator) // gcds[r] for r in range(m)]
    cscales = []
    int_costs = []
    for s in range(len(stages)):
        cs = [sense * v for v in stage_costs[s]]
        sc = _primitive(cs)
        cscales.append(sc)
        int_costs.append([int(v * sc) for v in cs])
    lp = StandardLP(m=m, n=len(int_cols), cols=int_cols, b=b, costs=int_costs)
    return StandardForm(
        problem=problem,
        lp=lp,
        var_map=var_map,
        row_origin=row_origin,
        row_scale=row_scale,
        cscales=cscales,
        offsets=offsets,
        col_names=names,
        sense=sense,
    )
