"""CPLEX LP files, read and written exactly (see :mod:`exactmech.lp.formats`)."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import NoReturn

from exactmech.errors import FileFormatError
from exactmech.lp._fileio import (
    _ONE,
    _ZERO,
    PathLike,
    _Builder,
    _merged,
    _number,
    _Opt,
    _read_text,
    _Row,
    _unique,
    _write_text,
)
from exactmech.lp.problem import LPProblem
from exactmech.numbers import fraction_str

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
