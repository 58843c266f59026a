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
from functools import cached_property
from math import gcd, lcm
from operator import attrgetter, itemgetter

from exactmech.lp.problem import LPProblem
from exactmech.lp.simplex import StandardLP

__all__ = ["StandardForm", "to_standard"]

_ONE = Fraction(1)
_ZERO = Fraction(0)


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
    """

    problem: LPProblem
    lp: StandardLP
    var_map: list[tuple[str, int, int, Fraction]]
    row_origin: list[tuple[str, int]]
    row_scale: list[Fraction]
    cscales: list[Fraction]
    offsets: list[Fraction]
    sense: int

    @cached_property
    def col_names(self) -> list[str]:
        """Readable names of the standard columns (``"x3"``, ``"x3+"``, ``"s_ub2"``, ...)."""
        problem = self.problem
        names = [""] * self.lp.n
        k = 0
        for (kind, jp, jm, _), name in zip(self.var_map, problem.var_names):
            if kind == "fixed":
                continue
            k += 2 if kind == "free" else 1
            if kind == "free":
                names[jp], names[jm] = name + "+", name + "-"
            else:
                names[jp] = name
        for kind, i in self.row_origin:
            if kind == "ub":
                names[k] = f"s_{problem.ub_names[i]}"
            elif kind == "bound":
                names[k] = f"s_ub_{problem.var_names[i]}"
            else:
                continue
            k += 1
        return names

    # -- mapping back ---------------------------------------------------------------------
    def x_original(self, xs: Sequence[Fraction]) -> tuple[Fraction, ...]:
        """Original variables from standard-form values."""
        out = []
        for kind, jp, jm, off in self.var_map:
            if kind == "lower":
                out.append(off + xs[jp] if off else xs[jp])
            elif kind == "upper":
                out.append(off - xs[jp])
            elif kind == "free":
                out.append(xs[jp] - xs[jm] if xs[jm] else xs[jp])
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
        ub = [_ZERO] * len(self.problem.b_ub)
        eq = [_ZERO] * len(self.problem.b_eq)
        for k, (kind, i) in enumerate(self.row_origin):
            y = ys[k]
            if not y or kind == "bound":
                continue
            scale = self.row_scale[k]
            v = y * factor if scale is _ONE else y * (scale * factor)
            if kind == "ub":
                ub[i] = v
            else:
                eq[i] = v
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


#: ``(numerator, denominator)`` of a Fraction, read from CPython's slots when present
#: (several times faster than the two Python-level properties on every nonzero).
_SLOTS = ("_numerator", "_denominator")
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_RATIO = attrgetter(*(_SLOTS if hasattr(_ONE, "_numerator") else ("numerator", "denominator")))


def _ratios(values: Sequence[Fraction]) -> list[tuple[int, int]]:
    try:
        return list(map(_RATIO, values))
    except AttributeError:  # ints (or another Rational) where Fractions were expected
        return [(v.numerator, v.denominator) for v in values]


def _primitive_ints(
    ratios: Sequence[tuple[int, int]], extra: Sequence[tuple[int, int]] = (), slack: bool = False
) -> tuple[list[int], list[int], int, int]:
    """Scale a row to primitive integers.

    ``ratios`` are the row's entries and ``extra`` its right-hand side (as
    ``(numerator, denominator)``); with ``slack`` the row also has a ``+1`` slack entry,
    which must stay integral. Returns ``(entries, extra, L, g)``: the row times ``L/g``.
    """
    dens = set(map(_SECOND, ratios))
    dens.update(map(_SECOND, extra))
    dens.discard(1)
    L = lcm(*dens) if dens else 1
    if L == 1:
        ints = list(map(_FIRST, ratios))
        ext = list(map(_FIRST, extra))
    else:
        ints = [a * (L // d) for a, d in ratios]
        ext = [a * (L // d) for a, d in extra]
    g = gcd(*ints, *ext, L) if slack else gcd(*ints, *ext)
    if g > 1:
        ints = [a // g for a in ints]
        ext = [a // g for a in ext]
    return ints, ext, L, g or 1


def to_standard(
    problem: LPProblem, objectives: Sequence[Sequence[Fraction]] | None = None
) -> StandardForm:
    """Build the integer standard form of ``problem`` (see module docstring).

    ``objectives`` replaces ``problem.c`` by a list of stage objectives (lexicographic).
    """
    sense = -1 if problem.maximize else 1
    stages = [tuple(problem.c)] if objectives is None else [tuple(o) for o in objectives]
    n = problem.n
    rows_ub, rows_eq = problem.A_ub, problem.A_eq
    m_ub, m_eq = len(rows_ub), len(rows_eq)
    rhs: list[Fraction] = list(problem.b_ub) + list(problem.b_eq)
    all_rows = list(rows_ub) + list(rows_eq)
    var_map: list[tuple[str, int, int, Fraction]] = []
    offsets = [Fraction(0)] * len(stages)
    bound_rows: list[tuple[int, int, Fraction]] = []  # (orig var, std col, u - l)
    col_of: list[int] = [-1] * n  # first standard column of each original variable
    signs: list[int] = [0] * n
    kinds: list[str] = []
    n_std = 0
    shifted: list[tuple[int, Fraction]] = []
    for j, (lo, hi) in enumerate(problem.bounds):
        if lo is not None and hi is not None and lo == hi:
            kind, off, sign = "fixed", lo, 0
        elif lo is not None:
            kind, off, sign = "lower", lo, 1
        elif hi is not None:
            kind, off, sign = "upper", hi, -1
        else:
            kind, off, sign = "free", _ZERO, 1
        kinds.append(kind)
        if off:
            shifted.append((j, off))
            for s, c in enumerate(stages):
                offsets[s] += c[j] * off
        if kind == "fixed":
            var_map.append((kind, -1, -1, off))
            continue
        jp = n_std
        col_of[j], signs[j] = jp, sign
        n_std += 1
        jm = -1
        if kind == "free":
            jm = n_std
            n_std += 1
        elif kind == "lower" and hi is not None:
            bound_rows.append((j, jp, hi - off))
        var_map.append((kind, jp, jm, off))
    if shifted:  # x = off + x': move A·off to the right-hand side
        offs = dict(shifted)
        for i, row in enumerate(all_rows):
            for j, v in row:
                o = offs.get(j)
                if o is not None:
                    rhs[i] -= v * o
    row_origin = [("ub", i) for i in range(m_ub)] + [("eq", i) for i in range(m_eq)]
    m = len(row_origin) + len(bound_rows)
    row_scale: list[Fraction] = []
    b: list[int] = []
    std_cols: list[list[tuple[int, int]]] = [[] for _ in range(n_std)]
    slack_coef: list[int] = []  # per row with a slack: its (scaled) coefficient
    has_fixed = "fixed" in kinds
    simple = all(k == "lower" for k in kinds)
    appends = [col.append for col in std_cols]
    if has_fixed:  # fixed variables were substituted out: no column, no entry
        all_rows = [tuple(e for e in row if signs[e[0]]) for row in all_rows]
    # integer data (the common case): the ratios of every entry at once, then per row only
    # the gcd of equality rows (a row with a slack keeps its integer scale)
    flat = _ratios([v for row in all_rows for _, v in row])
    rhs_pairs = _ratios(rhs)
    integral = all(d == 1 for _, d in flat) and all(d == 1 for _, d in rhs_pairs)
    pos = 0
    for i, row in enumerate(all_rows):
        k = len(row)
        pairs = flat[pos : pos + k]
        pos += k
        if integral and i < m_ub:
            ints, lc, g = [a for a, _ in pairs], 1, 1
            b.append(rhs_pairs[i][0])
        else:
            ints, ext, lc, g = _primitive_ints(pairs, [rhs_pairs[i]], i < m_ub)
            b.append(ext[0])
        row_scale.append(Fraction(lc, g) if g != lc else _ONE)
        if i < m_ub:
            slack_coef.append(lc // g)
        if simple:  # every variable is x >= l: column j of the row goes to column j
            for (j, _), a in zip(row, ints):
                appends[j]((i, a))
            continue
        for (j, _), a in zip(row, ints):
            kind = kinds[j]
            if kind == "lower":
                appends[col_of[j]]((i, a))
            elif kind == "upper":
                appends[col_of[j]]((i, -a))
            elif kind == "free":
                appends[col_of[j]]((i, a))
                appends[col_of[j] + 1]((i, -a))
    for j, jp, width in bound_rows:  # x' + s = u − l
        r = len(row_origin)
        row_origin.append(("bound", j))
        ((num, den),) = _ratios([width])
        g = gcd(num, den) if num else den  # the row (1, 1 | width) times den/g
        row_scale.append(Fraction(den, g) if den != g else _ONE)
        std_cols[jp].append((r, den // g))
        slack_coef.append(den // g)
        b.append(num // g)
    # slacks for <= rows and bound rows
    k = 0
    for r, (kind, _) in enumerate(row_origin):
        if kind == "eq":
            continue
        std_cols.append([(r, slack_coef[k])])
        k += 1
    cscales = []
    int_costs = []
    n_slack = len(std_cols) - n_std
    for c in stages:
        raw: list[Fraction] = []  # the stage's cost per standard column, before scaling
        for j, kind in enumerate(kinds):
            if kind == "fixed":
                continue
            raw.append(c[j] if signs[j] == 1 else -c[j])
            if kind == "free":
                raw.append(-c[j])
        ints, _, lc, g = _primitive_ints(_ratios(raw))
        cscales.append(Fraction(lc, g))
        int_costs.append([sense * v for v in ints] + [0] * n_slack)
    free = [jp for kind, jp, _, _ in var_map if kind == "free"]
    lp = StandardLP(m=m, n=len(std_cols), cols=std_cols, b=b, costs=int_costs, free=free)
    return StandardForm(
        problem=problem,
        lp=lp,
        var_map=var_map,
        row_origin=row_origin,
        row_scale=row_scale,
        cscales=cscales,
        offsets=offsets,
        sense=sense,
    )
