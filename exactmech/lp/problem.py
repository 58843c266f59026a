"""The LP data type every solver method and the checker read.

:class:`LPProblem` is an immutable, validated, exact description of

    minimise (or maximise)  c·x + c0
    subject to              A_ub x <= b_ub,   A_eq x = b_eq,   l <= x <= u

with rows stored sparsely as tuples of ``(column, Fraction)`` pairs (zeros dropped), and
bounds as ``(l, u)`` pairs where ``None`` means infinite. :func:`make_problem` builds one
from scipy-style dense input, converting every number through :func:`exactmech.Q` so that
floats are rejected with an error naming the entry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from itertools import compress
from math import lcm
from operator import attrgetter, itemgetter
from typing import Any

from exactmech.errors import InvalidProblemError, ShapeError
from exactmech.numbers import Q

__all__ = ["Bound", "LPProblem", "SparseRow", "make_problem"]

SparseRow = tuple[tuple[int, Fraction], ...]
Bound = tuple[Fraction | None, Fraction | None]

_ZERO = Fraction(0)
_FIRST = itemgetter(0)


@lru_cache(maxsize=64)
def _default_names(prefix: str, count: int) -> tuple[str, ...]:
    """``(prefix0, prefix1, ...)``, shared between problems of the same size."""
    return tuple(f"{prefix}{i}" for i in range(count))


@dataclass(frozen=True)
class LPProblem:
    """An exact linear program (see module docstring for the form).

    Attributes
    ----------
    c : tuple of Fraction
        Objective coefficients, one per variable.
    A_ub, A_eq : tuple of SparseRow
        Inequality (``<=``) and equality rows; each row is a tuple of ``(j, a_j)``.
    b_ub, b_eq : tuple of Fraction
        Right-hand sides.
    bounds : tuple of (Fraction or None, Fraction or None)
        Lower and upper bound per variable; ``None`` is infinite.
    maximize : bool
        Maximise instead of minimise.
    c0 : Fraction
        Objective constant (MPS files may carry one).
    var_names, ub_names, eq_names : tuple of str
        Names (``x0, x1, ...`` by default), used by the modeling layer and file writers.
    """

    c: tuple[Fraction, ...]
    A_ub: tuple[SparseRow, ...] = ()
    b_ub: tuple[Fraction, ...] = ()
    A_eq: tuple[SparseRow, ...] = ()
    b_eq: tuple[Fraction, ...] = ()
    bounds: tuple[Bound, ...] = ()
    maximize: bool = False
    c0: Fraction = _ZERO
    var_names: tuple[str, ...] = field(default=(), compare=False)
    ub_names: tuple[str, ...] = field(default=(), compare=False)
    eq_names: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        n = len(self.c)
        if len(self.A_ub) != len(self.b_ub):
            raise ShapeError(
                f"LPProblem: A_ub has {len(self.A_ub)} rows but b_ub has {len(self.b_ub)}"
            )
        if len(self.A_eq) != len(self.b_eq):
            raise ShapeError(
                f"LPProblem: A_eq has {len(self.A_eq)} rows but b_eq has {len(self.b_eq)}"
            )
        if len(self.bounds) != n:
            raise ShapeError(f"LPProblem: {len(self.bounds)} bounds for {n} variables")
        for kind, rows in (("A_ub", self.A_ub), ("A_eq", self.A_eq)):
            for i, row in enumerate(rows):
                if row:
                    js = list(map(_FIRST, row))
                    lo, hi = min(js), max(js)
                    if lo < 0 or hi >= n:
                        j = lo if lo < 0 else hi
                        raise ShapeError(f"LPProblem: {kind}[{i}] refers to column {j}, n={n}")
        for j, (lo, hi) in enumerate(self.bounds):
            if lo is not None and hi is not None and lo > hi:
                raise InvalidProblemError(
                    f"LPProblem: bounds[{j}] = ({lo}, {hi}) has lower bound above upper bound"
                )
        if not self.var_names:
            object.__setattr__(self, "var_names", _default_names("x", n))
        if not self.ub_names:
            object.__setattr__(self, "ub_names", _default_names("ub", len(self.A_ub)))
        if not self.eq_names:
            object.__setattr__(self, "eq_names", _default_names("eq", len(self.A_eq)))

    @property
    def n(self) -> int:
        """Number of variables."""
        return len(self.c)

    def objective(self, x: Sequence[Fraction]) -> Fraction:
        """``c·x + c0`` at ``x`` (exact)."""
        value = dot(self.c, x)
        return value + self.c0 if self.c0 else value

    def dense(self) -> tuple[list[list[Fraction]], list[list[Fraction]]]:
        """``(A_ub, A_eq)`` as dense lists of lists (for small problems and tests)."""

        def expand(rows: tuple[SparseRow, ...]) -> list[list[Fraction]]:
            out = []
            for row in rows:
                dense = [_ZERO] * self.n
                for j, v in row:
                    dense[j] = v
                out.append(dense)
            return out

        return expand(self.A_ub), expand(self.A_eq)


def _matrix(
    A: Any, b: Any, n: int | None, name: str, func: str
) -> tuple[tuple[SparseRow, ...], tuple[Fraction, ...], int | None]:
    if A is None and b is None:
        return (), (), n
    if A is None or b is None:
        raise ShapeError(f"{func}(): A_{name} and b_{name} must be given together")
    try:
        rows = [list(r) for r in A]
    except TypeError:
        raise ShapeError(f"{func}(): A_{name} must be a list of rows") from None
    try:
        rhs = list(b)
    except TypeError:
        raise ShapeError(f"{func}(): b_{name} must be a sequence") from None
    if len(rows) != len(rhs):
        raise ShapeError(
            f"{func}(): A_{name} has {len(rows)} rows but b_{name} has {len(rhs)} entries"
        )
    sparse: list[SparseRow] = []
    for i, row in enumerate(rows):
        if n is None:
            n = len(row)
        if len(row) != n:
            raise ShapeError(
                f"{func}(): A_{name}[{i}] has {len(row)} entries, expected {n} (the length of c)"
            )
        sparse.append(_sparse_row(row, f"A_{name}[{i}]", func))
    vec = tuple(Q(v, f"b_{name}[{i}]", func=func) for i, v in enumerate(rhs))
    return tuple(sparse), vec, n


#: Shared Fractions for small integers (immutable, so sharing is safe; ``Fraction(int)``
#: costs about 1 µs, a dict lookup 40 ns).
_SMALL = {k: Fraction(k) for k in range(-256, 257)}
#: The numerator of a Fraction, read without the Python-level property where CPython stores
#: it in the ``_numerator`` slot (about 8× faster on the dense scan of ``make_problem``).
_NUMERATOR = attrgetter("_numerator" if hasattr(_ZERO, "_numerator") else "numerator")


_PAIR = attrgetter(
    *(
        ("_numerator", "_denominator")
        if hasattr(_ZERO, "_numerator")
        else ("numerator", "denominator")
    )
)


def common_denominator(values: Sequence[Fraction]) -> tuple[list[int], int]:
    """``(N, D)`` with ``values[i] == N[i] / D`` and ``D > 0`` the lcm of the denominators.

    >>> common_denominator([Fraction(1, 2), Fraction(2, 3), Fraction(4)])
    ([3, 4, 24], 6)
    """
    pairs = list(map(_PAIR, values))
    dens = {d for _, d in pairs}
    dens.discard(1)
    if not dens:
        return [a for a, _ in pairs], 1
    D = lcm(*dens)
    return [a * (D // d) for a, d in pairs], D


def dot(a: Sequence[Fraction], b: Sequence[Fraction]) -> Fraction:
    """``a·b`` exactly, over common denominators (one Fraction instead of 2n operations).

    >>> dot([Fraction(1, 2), Fraction(1, 3)], [Fraction(2), Fraction(3, 4)])
    Fraction(5, 4)
    """
    try:
        an, ad = common_denominator(a)
        bn, bd = common_denominator(b)
    except AttributeError:  # entries that are not Fractions
        return sum((u * v for u, v in zip(a, b) if u), _ZERO)
    return Fraction(sum(u * v for u, v in zip(an, bn) if u and v), ad * bd)


def _sparse_row(row: list[Any], where: str, func: str) -> SparseRow:
    """The nonzero entries of a dense row as ``(j, Fraction)`` pairs (every entry through
    :func:`exactmech.Q`; rows of plain ints or Fractions take a fast path)."""
    if row and type(row[0]) is Fraction:  # Fraction rows: zeros dropped by numerator
        try:
            nz = list(compress(range(len(row)), map(_NUMERATOR, row)))
        except AttributeError:  # an entry that is not a Fraction
            pass
        else:
            nonzero = [row[j] for j in nz]
            if all(type(v) is Fraction for v in nonzero):
                return tuple(zip(nz, nonzero))
    kinds = set(map(type, row))
    if kinds <= _INT:
        if row.count(0):
            idx: Any = list(compress(range(len(row)), row))
            vals = [row[j] for j in idx]
        else:
            idx, vals = range(len(row)), row
        try:
            fracs = list(map(_SMALL.__getitem__, vals))
        except KeyError:
            fracs = [Q(v) for v in vals]
        return tuple(zip(idx, fracs))
    entries = []
    for j, v in enumerate(row):
        q = Q(v, f"{where}[{j}]", func=func)
        if q:
            entries.append((j, q))
    return tuple(entries)


_INT: frozenset[type] = frozenset({int})


def _bound(value: Any, name: str, func: str) -> Fraction | None:
    return None if value is None else Q(value, name, func=func)


def _bounds(bounds: Any, n: int, func: str) -> tuple[Bound, ...]:
    if bounds is None:
        return ((_ZERO, None),) * n
    if isinstance(bounds, Mapping):
        out: list[Bound] = [(_ZERO, None)] * n
        for j, pair in bounds.items():
            if not (isinstance(j, int) and 0 <= j < n):
                raise ShapeError(
                    f"{func}(): bounds key {j!r} is not a variable index in 0..{n - 1}"
                )
            out[j] = _pair(pair, f"bounds[{j}]", func)
        return tuple(out)
    seq = list(bounds)
    if len(seq) == 2 and not any(isinstance(s, (tuple, list)) for s in seq):
        pair = _pair(seq, "bounds", func)
        return (pair,) * n
    if len(seq) != n:
        raise ShapeError(f"{func}(): {len(seq)} bounds given for {n} variables")
    return tuple(_pair(p, f"bounds[{j}]", func) for j, p in enumerate(seq))


def _pair(pair: Any, name: str, func: str) -> Bound:
    try:
        lo, hi = pair
    except (TypeError, ValueError):
        raise ShapeError(f"{func}(): {name} must be a (lower, upper) pair, got {pair!r}") from None
    lo_q, hi_q = _bound(lo, f"{name}[0]", func), _bound(hi, f"{name}[1]", func)
    if lo_q is not None and hi_q is not None and lo_q > hi_q:
        raise InvalidProblemError(
            f"{func}(): {name} = ({lo_q}, {hi_q}): lower bound above upper bound"
        )
    return (lo_q, hi_q)


def make_problem(
    c: Sequence[Any],
    A_ub: Any = None,
    b_ub: Any = None,
    A_eq: Any = None,
    b_eq: Any = None,
    bounds: Any = None,
    *,
    maximize: bool = False,
    func: str = "linprog",
) -> LPProblem:
    """Validate scipy-style dense input and build an :class:`LPProblem`.

    ``bounds`` is ``None`` (all ``x >= 0``), one ``(l, u)`` pair for every variable, a list of
    pairs, or a dict ``{index: (l, u)}`` (the others keep ``x >= 0``); ``None`` means infinite.

    Examples
    --------
    >>> p = make_problem([1, "1/2"], A_ub=[[1, 1]], b_ub=[4])
    >>> p.A_ub, p.bounds[0]
    ((((0, Fraction(1, 1)), (1, Fraction(1, 1))),), (Fraction(0, 1), None))
    >>> make_problem([1, 2], A_ub=[[1]], b_ub=[1])
    Traceback (most recent call last):
    ...
    exactmech.errors.ShapeError: linprog(): A_ub[0] has 1 entries, expected 2 (the length of c)
    """
    try:
        c_list = list(c)
    except TypeError:
        raise ShapeError(f"{func}(): c must be a sequence of numbers") from None
    cq = tuple(Q(v, f"c[{j}]", func=func) for j, v in enumerate(c_list))
    n: int | None = len(cq)
    ub_rows, ub_rhs, n = _matrix(A_ub, b_ub, n, "ub", func)
    eq_rows, eq_rhs, n = _matrix(A_eq, b_eq, n, "eq", func)
    assert n is not None
    return LPProblem(
        c=cq,
        A_ub=ub_rows,
        b_ub=ub_rhs,
        A_eq=eq_rows,
        b_eq=eq_rhs,
        bounds=_bounds(bounds, n, func),
        maximize=bool(maximize),
    )
