"""Free and fixed MPS files, read and written exactly (see :mod:`exactmech.lp.formats`)."""

from __future__ import annotations

import os
import re
from fractions import Fraction
from typing import NoReturn

from exactmech.errors import FileFormatError
from exactmech.lp._fileio import (
    _ONE,
    _ZERO,
    MPSModel,
    PathLike,
    _Builder,
    _merged,
    _number,
    _read_text,
    _Row,
    _unique,
    _write_text,
)
from exactmech.lp.problem import LPProblem
from exactmech.numbers import fraction_str

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


