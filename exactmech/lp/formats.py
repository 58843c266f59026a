"""Reading and writing linear programs in MPS and CPLEX LP format, exactly.

This module owns exactmech's LP file formats: :func:`read_mps` / :func:`parse_mps` /
:func:`write_mps` (free and fixed MPS), :func:`read_lp` / :func:`parse_lp` / :func:`write_lp`
(CPLEX LP format), and :class:`MPSModel` (from :func:`read_mps_model`), which records the MPS
row that each row of the resulting :class:`~exactmech.lp.problem.LPProblem` came from.

Every number is read through :func:`exactmech.Q`, so ``0.15`` is exactly ``3/20``; numbers may
also be written ``p/q``, which is how the writers write every non-integer (never a float).

Conventions shared by both readers:

* ``<=`` rows (MPS ``L``) become ``A_ub`` rows named by the file's row name; ``>=`` rows
  (``G``) are stored negated, ``(-a)·x <= -b``, under the same name; ``=`` rows (``E``)
  become ``A_eq`` rows.
* A row with two finite sides ``l <= a·x <= u`` (MPS ``RANGES``, LP ``l <= a·x <= u``) becomes
  two ``A_ub`` rows, ``NAME.lo`` (``-a·x <= -l``) followed by ``NAME.hi`` (``a·x <= u``); an
  MPS ``E`` row with range ``0`` stays an equality.
* Variables are numbered in order of first appearance; default bounds are ``[0, +inf)``.
* Integrality (MPS ``MARKER`` lines, LP ``Generals`` / ``Integers`` / ``Binaries``) is
  accepted and ignored: exactmech solves the LP relaxation (binaries get bounds ``[0, 1]``).
* Row entries are stored sorted by column with zeros dropped, so ``read(write(p)) == p`` for
  every problem in that canonical form (the one :func:`~exactmech.lp.make_problem` builds).
* Malformed input raises :class:`~exactmech.errors.FileFormatError` naming the line.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import NoReturn

from exactmech.errors import FileFormatError, InvalidNumberError, ShapeError
from exactmech.lp.problem import LPProblem, SparseRow
from exactmech.numbers import Q, fraction_str

__all__ = [
    "MPSModel", "RowOrigin", "parse_lp", "parse_mps", "parse_mps_model", "read_lp", "read_mps",
    "read_mps_model", "write_lp", "write_mps",
]

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


# --- MPS --------------------------------------------------------------------------------------

_MPS_SECTIONS = ("NAME", "OBJSENSE", "ROWS", "COLUMNS", "RHS", "RANGES", "BOUNDS", "ENDATA")
_FIXED_SPANS = ((1, 3), (4, 12), (14, 22), (24, 36), (39, 47), (49, 61))
_VALUE_BOUNDS = ("UP", "LO", "FX", "UI", "LI")
_FLAG_BOUNDS = ("FR", "MI", "PL", "BV")
_SENSES = {"MAX": True, "MAXIMIZE": True, "MAXIMISE": True,
           "MIN": False, "MINIMIZE": False, "MINIMISE": False}


class _MPSParser:
    def __init__(self, where: str, fixed: bool) -> None:
        self.where, self.fixed, self.b = where, fixed, _Builder(where)
        self.line, self.name = 0, ""
        self.objective: str | None = None
        self.kinds: dict[str, str] = {}  # row name -> N, L, G, E
        self.coeffs: dict[str, dict[int, Fraction]] = {}  # constraint rows, in file order
        self.obj_seen: set[int] = set()
        self.values: dict[str, dict[str, Fraction]] = {"RHS": {}, "RANGES": {}}
        self.sets: dict[str, str] = {}
        self.sense: bool | None = None

    def fail(self, message: str) -> NoReturn:
        raise FileFormatError(self.where + message, line=self.line)

    def num(self, token: str, what: str) -> Fraction:
        return _number(token, what, self.where, self.line)

    def parse(self, text: str) -> MPSModel:
        section, seen = "", dict[str, int]()
        for self.line, raw in enumerate(text.splitlines(), 1):
            words = raw.split()
            if not words or raw.startswith("*"):
                continue
            if section == "OBJSENSE" and len(words) == 1 and words[0].upper() in _SENSES:
                if self.sense is not None:
                    self.fail("OBJSENSE has a second MAX/MIN line")
                self.sense = self.b.maximize = _SENSES[words[0].upper()]
                continue
            if not raw[0].isspace():
                key = words[0].upper()
                if key not in _MPS_SECTIONS:
                    self.fail(f"unknown section {words[0]!r} (expected {', '.join(_MPS_SECTIONS)})")
                if key in seen:
                    self.fail(f"section {key} appears twice (first on line {seen[key]})")
                seen[key], section = self.line, key
                if key == "NAME":
                    self.name = raw.strip()[4:].strip()
                elif key == "OBJSENSE" and len(words) == 2 and words[1].upper() in _SENSES:
                    self.sense = self.b.maximize = _SENSES[words[1].upper()]
                    section = "OBJSENSE done"
                elif len(words) > 1:
                    self.fail(f"unexpected text after section keyword {key}: {words[1]!r}")
                if key == "ENDATA":
                    break
            elif section in ("", "NAME", "OBJSENSE", "OBJSENSE done"):
                what = "a data line outside any section"
                what = "OBJSENSE expects MAX or MIN" if "OBJ" in section else what
                self.fail(f"{what}, got {raw.strip()!r}")
            elif section == "ROWS":
                self.row(self.fields(raw, section))
            elif section == "COLUMNS":
                self.column(self.fields(raw, section))
            elif section == "BOUNDS":
                self.bound(self.fields(raw, section))
            else:
                self.rhs_or_range(self.fields(raw, section), section)
        else:
            self.line += 1
            self.fail("file ends without ENDATA")
        if "OBJSENSE" in seen and self.sense is None:
            self.line = seen["OBJSENSE"]
            self.fail("OBJSENSE section has no MAX or MIN line")
        return self.finish()

    def fields(self, raw: str, section: str) -> list[str]:
        """Whitespace-split fields, or fixed-format fields in the same layout as free MPS."""
        if not self.fixed:
            return raw.split()
        if len(raw.rstrip()) > 61:
            self.fail("fixed MPS line has text beyond column 61")
        out = [raw[a:b].strip() for a, b in _FIXED_SPANS]
        if section == "BOUNDS":
            return out[:4] if not any(out[4:]) else self.fail("fixed MPS BOUNDS line too long")
        if section != "ROWS":
            if out[0]:
                self.fail(f"fixed MPS {section} line has text in columns 2-3")
            out = out[1:]
        while out and not out[-1]:
            out.pop()
        return out

    def kind(self, row: str, section: str) -> str:
        kind = self.kinds.get(row)
        if kind is None:
            self.fail(f"{section} refers to row {row!r}, which is not declared in ROWS")
        return kind

    def row(self, f: list[str]) -> None:
        if len(f) != 2 or not all(f):
            self.fail("a ROWS line is a row type (N, L, G or E) and a row name")
        kind, name = f[0].upper(), f[1]
        if kind not in ("N", "L", "G", "E"):
            self.fail(f"unknown row type {f[0]!r} for row {name!r} (expected N, L, G or E)")
        if name in self.kinds:
            self.fail(f"row {name!r} is declared twice")
        self.kinds[name] = kind
        if kind != "N":
            self.coeffs[name] = {}
        elif self.objective is None:
            self.objective = name

    def column(self, f: list[str]) -> None:
        if len(f) >= 2 and f[1] == "'MARKER'":
            if [x for x in f[2:] if x] not in (["'INTORG'"], ["'INTEND'"]):
                self.fail("a MARKER line must end with 'INTORG' or 'INTEND'")
            return
        if len(f) not in (3, 5) or not all(f):
            self.fail("a COLUMNS line is: column row value [row value]")
        j = self.b.var(f[0])
        for r, v in zip(f[1::2], f[2::2]):
            kind = self.kind(r, "COLUMNS")
            val = self.num(v, f"coefficient of column {f[0]!r} in row {r!r}")
            seen = self.obj_seen if r == self.objective else self.coeffs.get(r, {})
            if j in seen:
                self.fail(f"column {f[0]!r} has two entries in row {r!r}")
            if r == self.objective:
                self.obj_seen.add(j)
                self.b.c[j] = val
            elif kind != "N":
                self.coeffs[r][j] = val

    def use_set(self, section: str, name: str) -> bool:
        """Only the first RHS / RANGES / BOUNDS vector is used; later ones are skipped."""
        return self.sets.setdefault(section, name) == name

    def rhs_or_range(self, f: list[str], section: str) -> None:
        setname, pairs = (f[0], f[1:]) if len(f) % 2 else ("", f)
        if len(pairs) not in (2, 4) or not all(pairs):
            self.fail(f"a {section} line is: [set name] row value [row value]")
        if not self.use_set(section, setname):
            return
        values = self.values[section]
        for r, v in zip(pairs[::2], pairs[1::2]):
            kind = self.kind(r, section)
            val = self.num(v, f"{section} value of row {r!r}")
            if kind == "N" and section == "RANGES":
                self.fail(f"RANGES entry for the free (N) row {r!r}")
            if kind == "N" and r != self.objective:
                continue  # other N rows are ignored
            if r in values:
                self.fail(f"row {r!r} has two {section} entries")
            values[r] = val

    def bound(self, f: list[str]) -> None:
        kind = f[0].upper()
        if kind not in _VALUE_BOUNDS and kind not in _FLAG_BOUNDS:
            self.fail(f"unknown bound type {f[0]!r} (expected UP, LO, FX, FR, MI, PL, BV, LI, UI)")
        if len(f) == (3 if kind in _VALUE_BOUNDS else 2):
            f = [kind, "", *f[1:]]  # free MPS without a set name
        if len(f) not in (3, 4) or not f[2] or (kind in _VALUE_BOUNDS and (len(f) < 4 or not f[3])):
            self.fail(f"a {kind} bound line is: {kind} [set name] column"
                      + (" value" if kind in _VALUE_BOUNDS else ""))
        col = f[2]
        v = self.num(f[3], f"{kind} bound of {col!r}") if len(f) == 4 and f[3] else None
        if not self.use_set("BOUNDS", f[1]):
            return
        j = self.b.index.get(col)
        if j is None:
            self.fail(f"BOUNDS refers to column {col!r}, which does not appear in COLUMNS")
        b = self.b
        b.bound_line[j] = self.line
        if kind in ("UP", "UI"):
            b.hi[j] = v
            if v is not None and v < 0 and j not in b.lo_given:
                b.lo[j] = None  # as CPLEX: a negative upper bound alone frees the lower one
        elif kind == "PL":
            b.hi[j] = None
        else:
            b.lo_given.add(j)
            hi = b.hi[j]
            b.lo[j], b.hi[j] = {"LO": (v, hi), "LI": (v, hi), "FX": (v, v), "FR": (None, None),
                                "MI": (None, hi), "BV": (_ZERO, _ONE)}[kind]

    def finish(self) -> MPSModel:
        rhs, ranges = self.values["RHS"], self.values["RANGES"]
        if self.objective is not None:
            self.b.c0 = -rhs.get(self.objective, _ZERO)
        for name, coeffs in self.coeffs.items():
            kind, b, r = self.kinds[name], rhs.get(name, _ZERO), ranges.get(name)
            lo, hi = {"L": (None, b), "G": (b, None), "E": (b, b)}[kind]
            if r is not None and kind != "E":
                lo, hi = (b - abs(r), b) if kind == "L" else (b, b + abs(r))
            elif r is not None:
                lo, hi = (b, b + r) if r >= 0 else (b + r, b)
            self.b.rows.append(_Row(name, coeffs, lo, hi, kind == "E" and not r))
        problem, ub, eq = self.b.build()
        return MPSModel(problem, self.name, self.objective, tuple(self.coeffs), ub, eq)


def parse_mps_model(text: str, *, fixed: bool | None = None) -> MPSModel:
    """Parse MPS text into an :class:`MPSModel` (problem plus the map to the MPS rows).

    See :func:`parse_mps` for the format accepted and the parameters.
    """
    return _MPSParser("parse_mps(): ", bool(fixed)).parse(text)


def parse_mps(text: str, *, fixed: bool | None = None) -> LPProblem:
    """Parse the text of an MPS file into an :class:`LPProblem`.

    Parameters
    ----------
    text : str
        The file's contents.
    fixed : bool or None
        ``True`` reads fields at the fixed-MPS columns (2-3, 5-12, 15-22, 25-36, 40-47,
        50-61), so names may contain spaces. ``None`` (automatic) and ``False`` split data
        lines on whitespace, which reads free MPS and any fixed MPS without spaces in names.

    Returns
    -------
    LPProblem
        Rows mapped as in the module docstring; ``var_names`` are the MPS column names in
        order of first appearance, ``ub_names`` / ``eq_names`` the row names.

    Raises
    ------
    FileFormatError
        On any malformed line (unknown section, row or column, bad number, unknown bound
        type, missing fields, ...), naming the line number; also when bounds cross.

    Notes
    -----
    * Section keywords start in column 1, data lines are indented, ``*`` in column 1 starts a
      comment. Sections: ``NAME``, ``OBJSENSE`` (``MAX``, ``MAXIMIZE``, ``MIN`` or
      ``MINIMIZE`` after the keyword or on the next line), ``ROWS``, ``COLUMNS``, ``RHS``,
      ``RANGES``, ``BOUNDS``, ``ENDATA``. Other sections (``OBJSENCE``, ``QUADOBJ``, ...)
      are errors, not skipped.
    * The first ``N`` row is the objective; other ``N`` rows and their entries are ignored.
      An ``RHS`` value ``v`` on the objective row gives ``c0 = -v`` (as HiGHS and CPLEX).
    * ``RANGES`` value ``R`` on a row with right-hand side ``b``: ``L`` → ``[b-|R|, b]``,
      ``G`` → ``[b, b+|R|]``, ``E`` → ``[b, b+R]`` if ``R > 0``, ``[b+R, b]`` if ``R < 0``.
    * ``BOUNDS``: ``UP``, ``LO``, ``FX``, ``FR``, ``MI`` (lower -inf, upper kept), ``PL``,
      ``BV`` (``[0, 1]``), ``LI`` / ``UI`` (as ``LO`` / ``UP``); ``SC`` is rejected. As in
      CPLEX, ``UP`` with a negative value on a column without an explicit lower bound sets
      the lower bound to -inf (HiGHS 1.16 keeps 0 and warns).
    * ``MARKER`` ``'INTORG'`` / ``'INTEND'`` lines are accepted; integrality is ignored.
    * Only the first RHS, RANGES and BOUNDS set is used (as the MPS standard says); in free
      MPS the set name may be omitted. Two entries for the same row and column are an error.

    Examples
    --------
    >>> p = parse_mps('''NAME t
    ... ROWS
    ...  N obj
    ...  G c1
    ... COLUMNS
    ...     x obj 1 c1 0.15
    ... RHS
    ...     rhs c1 3
    ... ENDATA''')
    >>> p.c, p.A_ub, p.b_ub, p.ub_names
    ((Fraction(1, 1),), (((0, Fraction(-3, 20)),),), (Fraction(-3, 1),), ('c1',))
    """
    return parse_mps_model(text, fixed=fixed).problem


def read_mps_model(source: PathLike, *, fixed: bool | None = None) -> MPSModel:
    """Read an MPS file into an :class:`MPSModel` (see :func:`parse_mps`)."""
    where = f"read_mps(): {os.fspath(source)}: "
    return _MPSParser(where, bool(fixed)).parse(_read_text(source, "read_mps"))


def read_mps(source: PathLike, *, fixed: bool | None = None) -> LPProblem:
    """Read an MPS file (free or fixed) into an :class:`LPProblem`; see :func:`parse_mps`."""
    return read_mps_model(source, fixed=fixed).problem


def _mps_clean(name: str) -> str:
    name = re.sub(r"\s", "_", name)
    return "MARKER" if name == "'MARKER'" else name


def write_mps(problem: LPProblem, path: PathLike | None = None, *, name: str = "EXACTMECH") -> str:
    """Write ``problem`` as free MPS; return the text and, if ``path`` is given, save it.

    Parameters
    ----------
    problem : LPProblem
        The problem.
    path : str or os.PathLike, optional
        File to write (UTF-8).
    name : str
        The ``NAME`` of the model.

    Returns
    -------
    str
        The text: numbers are integers or ``p/q`` (never floats); ``A_ub`` rows are ``L``
        rows and ``A_eq`` rows ``E`` rows; ``OBJSENSE MAX`` when maximising; ``c0`` is the
        RHS entry ``-c0`` of the objective row ``obj``; bounds use ``FR``, ``FX``, ``MI``,
        ``LO``, ``UP``. Whitespace in names becomes ``_`` and duplicate names get a suffix,
        so :func:`read_mps` gives back an equal problem.
    """
    cols = _unique(problem.var_names, problem.n, "x", _mps_clean, set())
    taken = {"obj"}
    ub = _unique(problem.ub_names, len(problem.A_ub), "ub", _mps_clean, taken)
    eq = _unique(problem.eq_names, len(problem.A_eq), "eq", _mps_clean, taken)
    entries: list[list[tuple[str, Fraction]]] = [[("obj", cj)] if cj else [] for cj in problem.c]
    for names, rows in ((ub, problem.A_ub), (eq, problem.A_eq)):
        for rname, row in zip(names, rows):
            for j, v in _merged(row):
                entries[j].append((rname, v))
    lines = [("NAME " + re.sub(r"\s", "_", name)).rstrip()]
    lines += ["OBJSENSE", "    MAX"] if problem.maximize else []
    lines += ["ROWS", " N obj", *(f" L {r}" for r in ub), *(f" E {r}" for r in eq), "COLUMNS"]
    for col, col_entries in zip(cols, entries):
        for rname, v in col_entries or [("obj", _ZERO)]:
            lines.append(f"    {col} {rname} {fraction_str(v)}")
    lines.append("RHS")
    rhs = [("obj", -problem.c0), *zip(ub, problem.b_ub), *zip(eq, problem.b_eq)]
    lines += [f"    RHS {r} {fraction_str(v)}" for r, v in rhs if v]
    lines.append("BOUNDS")
    for col, (lo, hi) in zip(cols, problem.bounds):
        if lo is None and hi is None:
            lines.append(f" FR BND {col}")
        elif lo is not None and lo == hi:
            lines.append(f" FX BND {col} {fraction_str(lo)}")
        else:
            if lo is None:
                lines.append(f" MI BND {col}")
            elif lo != 0:
                lines.append(f" LO BND {col} {fraction_str(lo)}")
            if hi is not None:
                lines.append(f" UP BND {col} {fraction_str(hi)}")
    lines.append("ENDATA")
    return _write_text("\n".join(lines) + "\n", path)


# --- CPLEX LP format ---------------------------------------------------------------------------

_LP_KEYWORDS = [  # section keywords, matched at the start of a line
    (re.compile(f"(?:{p})(?=\\s|$)", re.I), kind)
    for p, kind in (
        (r"maximi[sz]e|maximum|max", "max"), (r"minimi[sz]e|minimum|min", "min"),
        (r"subject\s+to|such\s+that|s\.t\.|st\.?", "st"), (r"bounds?", "bounds"),
        (r"generals?|gen|integers?", "generals"), (r"binary|binaries|bin", "binaries"),
        (r"semi-continuous|semis?|sos[12]?", "unsupported"), (r"end", "end"),
    )
]
_LP_RESERVED = ("subject", "such", "free", "inf", "infinity")  # besides the keywords
_NAME_START = r"A-Za-z_!\"#$%&(),;?@'{}|~`"
_NAME_CHARS = _NAME_START + r"0-9./"
_LP_TOKEN_RE = re.compile(  # names may also start with "." (HiGHS writes such names)
    rf"(?P<label>[{_NAME_CHARS}]+)\s*:|(?P<num>\.?\d[\d.]*(?:[eE][+-]?\d+)?(?:/\d+)?)"
    rf"|(?P<cmp><=|=<|>=|=>|<|>|=)|(?P<sign>[+-])|(?P<name>[{_NAME_START}.][{_NAME_CHARS}]*)"
)
_CMP = {"<=": "<=", "=<": "<=", "<": "<=", ">=": ">=", "=>": ">=", ">": ">=", "=": "="}
_FLIP = {"<=": ">=", ">=": "<=", "=": "="}
_Cond = tuple[str, int, Fraction]  # "expr OP value": (OP, inf in -1/0/+1, value)


def _apply(cond: _Cond, lo: _Opt, hi: _Opt, shift: Fraction = _ZERO) -> tuple[_Opt, _Opt] | None:
    """Interval ``[lo, hi]`` narrowed by ``expr + shift OP value``; ``None`` if impossible."""
    op, inf, v = cond
    if (op == "=" and inf) or (op == "<=" and inf < 0) or (op == ">=" and inf > 0):
        return None
    val = None if inf else v - shift
    return (lo if op == "<=" else val), (hi if op == ">=" else val)


@dataclass(frozen=True)
class _Tok:
    kind: str  # label (with its colon), num, cmp, sign, name
    text: str
    line: int


class _LPParser:
    def __init__(self, where: str) -> None:
        self.where, self.b = where, _Builder(where)
        self.toks: list[_Tok] = []
        self.i = self.end_line = 0
        self.row_names: set[str] = set()

    def fail(self, message: str, line: int | None = None) -> NoReturn:
        tok = self.peek()
        line = line if line is not None else tok.line if tok else self.end_line
        raise FileFormatError(self.where + message, line=line)

    def peek(self, k: int = 0) -> _Tok | None:
        return self.toks[self.i + k] if self.i + k < len(self.toks) else None

    def is_kind(self, kind: str, k: int = 0) -> bool:
        tok = self.peek(k)
        return tok is not None and tok.kind == kind

    def is_inf(self, k: int = 0) -> bool:
        tok = self.peek(k)
        return tok is not None and tok.kind == "name" and tok.text.lower() in ("inf", "infinity")

    def is_var(self, k: int = 0) -> bool:
        return self.is_kind("name", k) and not self.is_inf(k)

    def take(self) -> _Tok:
        self.i += 1
        return self.toks[self.i - 1]

    def tokenize(self, text: str, line: int) -> None:
        pos = 0
        while (pos := len(text) - len(text[pos:].lstrip())) < len(text):
            m = _LP_TOKEN_RE.match(text, pos)
            if m is None or m.lastgroup is None:
                hint = " (quadratic terms are not supported)" if text[pos] in "[]^*" else ""
                self.fail(f"unexpected character {text[pos]!r}{hint}", line)
            self.toks.append(_Tok(m.lastgroup, m.group(m.lastgroup), line))
            pos = m.end()

    def parse(self, text: str) -> LPProblem:
        sections: list[tuple[str, int, int]] = []  # (kind, header line, first token)
        for self.end_line, raw in enumerate(text.splitlines(), 1):
            line = raw.split("\\", 1)[0].strip()
            for rx, kind in _LP_KEYWORDS if line else ():
                if m := rx.match(line):
                    if kind == "unsupported":
                        self.fail(f"section {m.group()!r} is not supported", self.end_line)
                    group = ("max", "min") if kind in ("max", "min") else (kind,)
                    if kind in ("max", "min", "st") and any(s[0] in group for s in sections):
                        self.fail(f"a second {m.group()!r} section", self.end_line)
                    sections.append((kind, self.end_line, len(self.toks)))
                    line = line[m.end():]
                    break
            if sections and sections[-1][0] == "end":
                break
            if line and not sections:
                self.fail("an LP file starts with Minimize or Maximize", self.end_line)
            self.tokenize(line, self.end_line)
        else:
            self.fail("file ends without End", self.end_line + 1)
        if sections[0][0] not in ("max", "min"):
            self.fail("an LP file starts with Minimize or Maximize", sections[0][1])
        self.b.maximize = sections[0][0] == "max"
        all_toks = self.toks
        for (kind, head, start), (_, _, stop) in itertools.pairwise(sections):
            self.toks, self.i = all_toks[:stop], start
            self.end_line = all_toks[stop - 1].line if stop > start else head
            if kind in ("max", "min"):
                self.objective()
            elif kind == "st":
                self.constraints()
            elif kind == "bounds":
                self.bounds()
            else:
                self.integers(binary=kind == "binaries")
        return self.b.build()[0]

    def number(self, sign: int = 1) -> Fraction:
        tok = self.take()
        return sign * _number(tok.text, "coefficient", self.where, tok.line)

    def expr(self) -> tuple[dict[int, Fraction], Fraction]:
        """``[sign] term (sign term)*`` where a term is ``number``, ``var`` or ``number var``."""
        coeffs: dict[int, Fraction] = {}
        const, first = _ZERO, True
        while (tok := self.peek()) is not None:
            sign = 1
            if tok.kind == "sign":
                sign = -1 if self.take().text == "-" else 1
                if not (self.is_kind("num") or self.is_var()):
                    self.fail("expected a number or a variable after '+' or '-'")
            elif not first or not (tok.kind == "num" or self.is_var()):
                break
            first = False
            coef = self.number(sign) if self.is_kind("num") else Fraction(sign)
            if self.is_var():
                j = self.b.var(self.take().text)
                coeffs[j] = coeffs.get(j, _ZERO) + coef
            else:
                const += coef
        return coeffs, const

    def at_value_cmp(self) -> bool:
        k = 1 if self.is_kind("sign") else 0
        return (self.is_kind("num", k) or self.is_inf(k)) and self.is_kind("cmp", k + 1)

    def cond(self, flip: bool = False) -> _Cond:
        """``OP value`` (or ``value OP`` if ``flip``) where value is ``[sign] (number | inf)``."""
        op = "" if flip else self.cmp()
        sign = -1 if self.is_kind("sign") and self.take().text == "-" else 1
        if self.is_inf():
            self.i += 1
            inf, v = sign, _ZERO
        elif self.is_kind("num"):
            inf, v = 0, self.number(sign)
        else:
            self.fail("expected a number (or inf)")
        return (_FLIP[self.cmp()] if flip else op), inf, v

    def cmp(self) -> str:
        tok = self.peek()
        if tok is None or tok.kind != "cmp":
            self.fail("expected <=, >= or =" + (f", got {tok.text!r}" if tok else ""))
        return _CMP[self.take().text]

    def objective(self) -> None:
        if self.is_kind("label"):
            self.i += 1
        coeffs, self.b.c0 = self.expr()
        for j, v in coeffs.items():
            self.b.c[j] = v
        if (tok := self.peek()) is not None:
            self.fail(f"unexpected {tok.text!r} in the objective")

    def constraints(self) -> None:
        while (tok := self.peek()) is not None:
            name = f"c{len(self.row_names) + 1}"
            if tok.kind == "label":
                name, self.i = tok.text, self.i + 1
            if name in self.row_names:
                self.fail(f"constraint {name!r} is defined twice", tok.line)
            self.row_names.add(name)
            if self.at_value_cmp():  # l <= a·x [<= u]
                conds = [self.cond(flip=True)]
                coeffs, const = self.expr()
                conds += [self.cond()] if self.is_kind("cmp") else []
            else:
                start = self.i
                coeffs, const = self.expr()
                if self.i == start:
                    got = self.peek()
                    self.fail("expected a constraint" + (f", got {got.text!r}" if got else ""))
                conds = [self.cond()]
            ops = sorted(c[0] for c in conds)
            if len(conds) == 2 and ops != ["<=", ">="]:
                self.fail(f"constraint {name!r}: a range is written l <= a·x <= u", tok.line)
            lo_hi: tuple[_Opt, _Opt] | None = (None, None)
            for c in conds:
                lo_hi = _apply(c, *lo_hi, shift=const) if lo_hi else None
            if lo_hi is None:
                self.fail(f"constraint {name!r} has an impossible infinite side", tok.line)
            self.b.rows.append(_Row(name, coeffs, *lo_hi, equality=ops == ["="]))

    def bound(self, j: int, cond: _Cond, line: int) -> None:
        lo_hi = _apply(cond, self.b.lo[j], self.b.hi[j])
        if lo_hi is None:
            self.fail(f"impossible infinite bound on {tuple(self.b.index)[j]!r}", line)
        self.b.lo[j], self.b.hi[j] = lo_hi
        self.b.bound_line[j] = line

    def bounds(self) -> None:
        while (tok := self.peek()) is not None:
            if self.is_var():  # x OP value | x free
                j = self.b.var(self.take().text)
                nxt = self.peek()
                if nxt is not None and nxt.kind == "name" and nxt.text.lower() == "free":
                    self.i += 1
                    self.bound(j, (">=", -1, _ZERO), tok.line)
                    self.bound(j, ("<=", 1, _ZERO), tok.line)
                else:
                    self.bound(j, self.cond(), tok.line)
            elif self.at_value_cmp():  # value OP x [OP value]
                cond = self.cond(flip=True)
                if not self.is_var():
                    self.fail("expected a variable name in a bound")
                j = self.b.var(self.take().text)
                self.bound(j, cond, tok.line)
                if self.is_kind("cmp"):
                    self.bound(j, self.cond(), tok.line)
            else:
                self.fail(f"expected a bound such as 'x <= 4', '-inf <= x <= 5' or 'x free', "
                          f"got {tok.text!r}")

    def integers(self, binary: bool) -> None:
        """Generals / Integers / Binaries: integrality is ignored; binaries get [0, 1]."""
        while (tok := self.peek()) is not None:
            if not self.is_var():
                self.fail(f"expected a variable name, got {tok.text!r}")
            j = self.b.var(self.take().text)
            if binary:
                self.b.lo[j], self.b.hi[j], self.b.bound_line[j] = _ZERO, _ONE, tok.line


def parse_lp(text: str) -> LPProblem:
    """Parse the text of a CPLEX LP file into an :class:`LPProblem`.

    Parameters
    ----------
    text : str
        The file's contents.

    Returns
    -------
    LPProblem
        Rows mapped as in the module docstring; unnamed constraints are named ``c1, c2, ...``
        (their position among the constraints).

    Raises
    ------
    FileFormatError
        On malformed input, naming the line number.

    Notes
    -----
    * Sections start a line: ``Minimize`` / ``Maximize`` (or ``min``, ``max``, ``minimum``,
      ``maximise``, ...), ``Subject To`` (``st``, ``s.t.``, ``such that``), ``Bounds``,
      ``Generals`` / ``Integers`` / ``Binaries``, ``End``. ``\\`` starts a comment.
      Semi-continuous and SOS sections and quadratic terms are rejected.
    * The objective may be named (``obj:``) and may contain a constant term.
    * A constraint is ``[name:] a·x OP v`` or ``[name:] l OP a·x [OP u]``, OP one of
      ``<= =< < >= => > =`` (``<`` means ``<=``); ``v``, ``l``, ``u`` may be ``±inf`` (an
      infinite side is dropped, and so is a row with no finite side). Constraints may span
      lines; a constant term in ``a·x`` moves to the right-hand side.
    * Bounds: ``x <= 4``, ``x >= -3``, ``-inf <= x <= 5``, ``x = 3``, ``x free``, with
      ``inf``, ``+inf``, ``-infinity``. (No negative-upper-bound rule as in MPS.)
    * Numbers are exact decimals (``3.5``, ``1e-3``) or ``p/q`` without spaces (``3/7 x``,
      as :func:`write_lp` writes them). ``p/q`` is an exactmech extension; it reads no valid
      CPLEX file differently, since CPLEX names cannot start with a digit.
    * Names use CPLEX's characters (letters, digits, ``!"#$%&()/,.;?@_`'{}|~``) and do not
      start with a digit; as in files written by HiGHS, a name may start with ``.`` and a
      constraint label (``name:``) may start with a digit.

    Examples
    --------
    >>> p = parse_lp('''Maximize
    ...  obj: 3 x + 1/2 y + 4
    ... Subject To
    ...  c1: x + y >= 0.15
    ... End''')
    >>> p.maximize, p.c, p.c0, p.b_ub
    (True, (Fraction(3, 1), Fraction(1, 2)), Fraction(4, 1), (Fraction(-3, 20),))
    """
    return _LPParser("parse_lp(): ").parse(text)


def read_lp(source: PathLike) -> LPProblem:
    """Read a CPLEX LP file into an :class:`LPProblem`; see :func:`parse_lp`."""
    where = f"read_lp(): {os.fspath(source)}: "
    return _LPParser(where).parse(_read_text(source, "read_lp"))


def _lp_clean(name: str) -> str:
    name = re.sub(f"[^{_NAME_CHARS}]", "_", name)
    name = name if re.match(f"[{_NAME_START}]", name) else "_" + name
    reserved = name.lower() in _LP_RESERVED or any(rx.fullmatch(name) for rx, _ in _LP_KEYWORDS)
    return name + "_" if reserved else name


def _lp_terms(terms: list[tuple[str, Fraction]], const: Fraction = _ZERO) -> list[str]:
    out = [f"{'-' if v < 0 else '+'} {'' if abs(v) == 1 else fraction_str(abs(v)) + ' '}{name}"
           for name, v in terms]
    if const or not out:
        out.append(f"{'-' if const < 0 else '+'} {fraction_str(abs(const))}")
    out[0] = out[0][2:] if out[0][0] == "+" else out[0]
    return out


def _lp_wrap(head: str, terms: list[str]) -> list[str]:
    lines, cur = [], head
    for t in terms:
        if len(cur) + len(t) > 78 and cur != head:
            lines.append(cur)
            cur = "   "
        cur += " " + t
    return [*lines, cur]


def _objective_prefix(c: Sequence[Fraction], rows: list[list[tuple[int, Fraction]]]) -> int:
    """Smallest ``m`` such that writing ``c[:m]`` (zeros too) in the objective, then the rows,
    makes the variables first appear in the order 0, 1, ..., n-1."""
    pos: dict[int, int] = {}
    for row in rows:
        for j, _ in row:
            pos.setdefault(j, len(pos))
    m, running = len(c), len(pos)
    for j in range(len(c) - 1, -1, -1):
        if pos.get(j, running) >= running:
            break
        m, running = j, pos[j]
    return max(m, max((j + 1 for j, cj in enumerate(c) if cj), default=0))


def write_lp(problem: LPProblem, path: PathLike | None = None) -> str:
    """Write ``problem`` in CPLEX LP format; return the text and, if ``path`` is given, save it.

    Parameters
    ----------
    problem : LPProblem
        The problem.
    path : str or os.PathLike, optional
        File to write (UTF-8).

    Returns
    -------
    str
        The text: coefficients are integers or ``p/q`` (``3/7 x``), never floats; ``A_ub``
        rows are ``name: a·x <= b``, ``A_eq`` rows ``name: a·x = b`` (a row without entries
        ``name: -b <= 0`` or ``name: b = 0``). The objective lists zero coefficients where
        needed for the variables to first appear in index order. Names that are not valid
        LP names (other characters, keywords, ``free``, ``inf``) are adjusted and duplicates
        get a suffix, so :func:`read_lp` gives back an equal problem.
    """
    cols = _unique(problem.var_names, problem.n, "x", _lp_clean, set())
    taken = {"obj"}
    ub = _unique(problem.ub_names, len(problem.A_ub), "ub", _lp_clean, taken)
    eq = _unique(problem.eq_names, len(problem.A_eq), "eq", _lp_clean, taken)
    rows = [_merged(r) for r in (*problem.A_ub, *problem.A_eq)]
    lines = ["\\ Written by exactmech: exact coefficients (integers and p/q)",
             "Maximize" if problem.maximize else "Minimize"]
    m = _objective_prefix(problem.c, rows)
    lines += _lp_wrap(" obj:", _lp_terms([(cols[j], problem.c[j]) for j in range(m)], problem.c0))
    lines.append("Subject To")
    ops = ["<="] * len(ub) + ["="] * len(eq)
    for rname, row, op, b in zip((*ub, *eq), rows, ops, (*problem.b_ub, *problem.b_eq)):
        if not row:
            lines.append(f" {rname}: {fraction_str(-b if op == '<=' else b)} {op} 0")
        else:
            terms = _lp_terms([(cols[j], v) for j, v in row])
            lines += _lp_wrap(f" {rname}:", [*terms, f"{op} {fraction_str(b)}"])
    bound_lines = []
    for col, (lo, hi) in zip(cols, problem.bounds):
        s_lo = "-inf" if lo is None else fraction_str(lo)
        if lo is None and hi is None:
            bound_lines.append(f" {col} free")
        elif lo is not None and lo == hi:
            bound_lines.append(f" {col} = {s_lo}")
        elif hi is not None:
            bound_lines.append(f" {s_lo} <= {col} <= {fraction_str(hi)}")
        elif lo != 0:
            bound_lines.append(f" {col} >= {s_lo}")
    lines += ["Bounds", *bound_lines] if bound_lines else []
    lines.append("End")
    return _write_text("\n".join(lines) + "\n", path)
