"""Shared pieces of the LP file readers and writers (:mod:`exactmech.lp.formats`).

Exact number tokens (``0.15`` is ``3/20``, ``p/q`` allowed), file reading and writing,
:class:`RowOrigin` and :class:`MPSModel`, and the row builder both readers use.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from exactmech.errors import FileFormatError, InvalidNumberError, ShapeError
from exactmech.lp.problem import LPProblem, SparseRow
from exactmech.numbers import Q, fraction_str

PathLike = str | os.PathLike[str]
_Opt = Fraction | None

_ZERO, _ONE = Fraction(0), Fraction(1)
_NUMBER_RE = re.compile(r"[+-]?(?:\d+/\d+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")
_EXPONENT_RE = re.compile(r"[eE]([+-]?\d+)$")
_MAX_EXPONENT = 4000  # 10**4000 is exact and cheap; 1e999999999 would exhaust memory


def _number(token: str, what: str, where: str, line: int) -> Fraction:
    """``Q(token)`` for a strictly numeric token, else a FileFormatError at ``line``."""
    exp = _EXPONENT_RE.search(token)
    if _NUMBER_RE.fullmatch(token) and not (exp and abs(int(exp.group(1))) > _MAX_EXPONENT):
        try:
            return Q(token)
        except InvalidNumberError:  # a zero denominator
            pass
    raise FileFormatError(
        f"{where}{what}: {token!r} is not a number (expected e.g. 2, -0.15, 1e-3 or 3/7)", line=line
    )


def _read_text(source: PathLike, func: str) -> str:
    try:
        return Path(source).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"{func}(): {os.fspath(source)}: not UTF-8 text ({exc})") from None


def _write_text(text: str, path: PathLike | None) -> str:
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text


@dataclass(frozen=True)
class RowOrigin:
    """The file row that one row of an :class:`LPProblem` came from.

    Attributes
    ----------
    row : str
        Name of the row in the file.
    sign : int
        ``+1`` if the problem row is the file row's ``a·x`` (an ``L`` or ``E`` row, or the
        ``.hi`` side of a range), ``-1`` if it is ``-a·x`` (a ``G`` row or a ``.lo`` side).
    """

    row: str
    sign: int


@dataclass(frozen=True)
class MPSModel:
    """An MPS file read into an :class:`LPProblem`, with the map back to the file's rows.

    ``problem.A_ub[i]`` is ``ub_rows[i].sign`` times the coefficients of MPS row
    ``ub_rows[i].row``, and likewise for ``A_eq`` / ``eq_rows``.

    Attributes
    ----------
    problem : LPProblem
        The problem (rows mapped as in the module docstring).
    name : str
        The text after ``NAME`` (may be empty).
    objective : str or None
        The objective row (the first ``N`` row), ``None`` if there is none.
    rows : tuple of str
        The constraint rows (``L``, ``G``, ``E``) in file order.
    ub_rows, eq_rows : tuple of RowOrigin
        Origin of each row of ``problem.A_ub`` and ``problem.A_eq``.
    """

    problem: LPProblem
    name: str
    objective: str | None
    rows: tuple[str, ...]
    ub_rows: tuple[RowOrigin, ...]
    eq_rows: tuple[RowOrigin, ...]

    def row_duals(
        self, dual_ub: Sequence[Fraction], dual_eq: Sequence[Fraction]
    ) -> dict[str, Fraction]:
        """Duals per MPS row from the duals of the problem's rows.

        Parameters
        ----------
        dual_ub, dual_eq : sequence of Fraction
            Marginals ``∂fun/∂b`` of ``problem``'s rows (``LPResult.dual_ub`` / ``dual_eq``).

        Returns
        -------
        dict of str to Fraction
            For every constraint row, in file order, ``Σ sign·y`` over the problem rows it
            produced: ``∂fun/∂`` (the row's active bound on ``a·x``). At an optimum at most one
            side of a ranged row is active, so this is that side's dual.

        Raises
        ------
        ShapeError
            If the lengths do not match the problem's rows.
        """
        if len(dual_ub) != len(self.ub_rows) or len(dual_eq) != len(self.eq_rows):
            raise ShapeError(
                f"MPSModel.row_duals(): got {len(dual_ub)} + {len(dual_eq)} duals for "
                f"{len(self.ub_rows)} + {len(self.eq_rows)} rows"
            )
        out = dict.fromkeys(self.rows, _ZERO)
        for origins, duals in ((self.ub_rows, dual_ub), (self.eq_rows, dual_eq)):
            for origin, y in zip(origins, duals):
                out[origin.row] += origin.sign * Q(y, "dual", func="MPSModel.row_duals")
        return out


@dataclass
class _Row:
    name: str
    coeffs: dict[int, Fraction]
    lo: _Opt
    hi: _Opt
    equality: bool = False


class _Builder:
    """Variables, rows and bounds collected by a reader, turned into an LPProblem."""

    def __init__(self, where: str) -> None:
        self.where, self.c0, self.maximize = where, _ZERO, False
        self.index: dict[str, int] = {}  # variable names in order of first appearance
        self.c: list[Fraction] = []
        self.lo: list[_Opt] = []
        self.hi: list[_Opt] = []
        self.lo_given: set[int] = set()  # columns with an explicit lower bound (MPS)
        self.bound_line: dict[int, int] = {}  # last line that set a column's bounds
        self.rows: list[_Row] = []

    def var(self, name: str) -> int:
        if name not in self.index:
            self.index[name] = len(self.c)
            self.c.append(_ZERO)
            self.lo.append(_ZERO)
            self.hi.append(None)
        return self.index[name]

    def build(self) -> tuple[LPProblem, tuple[RowOrigin, ...], tuple[RowOrigin, ...]]:
        names = tuple(self.index)
        for j, (lo, hi) in enumerate(zip(self.lo, self.hi)):
            if lo is not None and hi is not None and lo > hi:
                raise FileFormatError(
                    f"{self.where}bounds of {names[j]!r} cross: lower {fraction_str(lo)} > "
                    f"upper {fraction_str(hi)}", line=self.bound_line.get(j))
        ub: list[tuple[SparseRow, Fraction, str, RowOrigin]] = []
        eq: list[tuple[SparseRow, Fraction, str, RowOrigin]] = []
        for r in self.rows:  # a row with no finite side constrains nothing and is dropped
            a = tuple(sorted((j, v) for j, v in r.coeffs.items() if v))
            if r.equality and r.lo is not None:
                eq.append((a, r.lo, r.name, RowOrigin(r.name, 1)))
                continue
            two = r.lo is not None and r.hi is not None
            if r.lo is not None:
                neg = tuple((j, -v) for j, v in a)
                ub.append((neg, -r.lo, r.name + ".lo" * two, RowOrigin(r.name, -1)))
            if r.hi is not None:
                ub.append((a, r.hi, r.name + ".hi" * two, RowOrigin(r.name, 1)))
        problem = LPProblem(
            c=tuple(self.c), A_ub=tuple(u[0] for u in ub), b_ub=tuple(u[1] for u in ub),
            A_eq=tuple(e[0] for e in eq), b_eq=tuple(e[1] for e in eq),
            bounds=tuple(zip(self.lo, self.hi)), maximize=self.maximize, c0=self.c0,
            var_names=names, ub_names=tuple(u[2] for u in ub), eq_names=tuple(e[2] for e in eq),
        )
        return problem, tuple(u[3] for u in ub), tuple(e[3] for e in eq)


def _merged(row: SparseRow) -> list[tuple[int, Fraction]]:
    """Entries sorted by column, repeated columns summed, zeros dropped."""
    acc: dict[int, Fraction] = {}
    for j, v in row:
        acc[j] = acc.get(j, _ZERO) + v
    return sorted((j, v) for j, v in acc.items() if v)


def _unique(names: Sequence[str], count: int, prefix: str, clean: Callable[[str], str],
            taken: set[str]) -> list[str]:
    """Names made valid by ``clean`` and unique within ``taken`` (which is updated)."""
    out = []
    for i in range(count):
        base = clean(names[i]) if i < len(names) and names[i] else f"{prefix}{i}"
        name, k = base, 1
        while name in taken:
            name, k = f"{base}_{k}", k + 1
        taken.add(name)
        out.append(name)
    return out


