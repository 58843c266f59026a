"""MPS and CPLEX LP reading and writing (:mod:`exactmech.lp.formats`).

Covers every MPS section and bound type, ranges on L/G/E rows, the objective constant and
sense, fixed-format files, exact decimals, the CPLEX LP grammar, round trips (hypothesis),
errors with line numbers, and the netlib files in ``shared/data/netlib`` beside the repo.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactmech.errors import FileFormatError, ShapeError
from exactmech.lp.formats import (
    MPSModel,
    RowOrigin,
    parse_lp,
    parse_mps,
    parse_mps_model,
    read_lp,
    read_mps,
    read_mps_model,
    write_lp,
    write_mps,
)
from exactmech.lp.problem import LPProblem, make_problem
from tests.lp.netlib_data import NETLIB

F = Fraction

SAMPLE_MPS = """\
* every section, row type, range kind and bound type
NAME          SAMPLE  with a long name
OBJSENSE
    MAX
ROWS
 N  profit
 N  other
 L  lim
 G  need
 E  bal
 L  rl
 G  rg
 E  rep
 E  ren
 E  rez
COLUMNS
    MARKER    'MARKER'     'INTORG'
    x         profit       0.15        lim          1
    x         other        99          need         2
    MARKER    'MARKER'     'INTEND'
    y         profit       3/7         bal          1.2e3
    y         rl           1           rg           1
    z         rep          1           ren          1
    z         rez          1           lim          -0.5
    w         bal          -1
    u         lim          1
    v         lim          1
    b         need         1
    n         lim          1
    m         lim          1
    i         lim          1
RHS
    RHS       profit       -2.5        lim          10
    RHS       need         1           bal          0
    RHS       rl           5           rg           6
    RHS       rep          7           ren          8
    RHS       rez          9           other        100
    OTHER     lim          999
RANGES
    RNG       rl           -2          rg           3
    RNG       rep          4           ren          -4
    RNG       rez          0
BOUNDS
 UP BND       x            4
 LO BND       y            -1
 UP BND       y            2
 FX BND       z            3
 FR BND       w
 MI BND       u
 UP BND       u            5
 UP BND       v            7
 PL BND       v
 BV BND       b
 UP BND       n            -2
 LO BND       m            -3
 UP BND       m            -1
 LI BND       i            2
 UI BND       i            8
 UP OTHER     x            1
ENDATA
"""

SAMPLE_PROBLEM = LPProblem(
    c=(F(3, 20), F(3, 7), *[F(0)] * 8),
    A_ub=(
        ((0, F(1)), (2, F(-1, 2)), (4, F(1)), (5, F(1)), (7, F(1)), (8, F(1)), (9, F(1))),
        ((0, F(-2)), (6, F(-1))),
        ((1, F(-1)),), ((1, F(1)),),  # rl: L, b=5, R=-2 -> [3, 5]
        ((1, F(-1)),), ((1, F(1)),),  # rg: G, b=6, R=3 -> [6, 9]
        ((2, F(-1)),), ((2, F(1)),),  # rep: E, b=7, R=4 -> [7, 11]
        ((2, F(-1)),), ((2, F(1)),),  # ren: E, b=8, R=-4 -> [4, 8]
    ),
    b_ub=(F(10), F(-1), F(-3), F(5), F(-6), F(9), F(-7), F(11), F(-4), F(8)),
    A_eq=(((1, F(1200)), (3, F(-1))), ((2, F(1)),)),
    b_eq=(F(0), F(9)),
    bounds=(
        (F(0), F(4)), (F(-1), F(2)), (F(3), F(3)), (None, None), (None, F(5)), (F(0), None),
        (F(0), F(1)), (None, F(-2)), (F(-3), F(-1)), (F(2), F(8)),
    ),
    maximize=True,
    c0=F(5, 2),
)


def test_mps_every_section_row_range_and_bound_type() -> None:
    model = parse_mps_model(SAMPLE_MPS)
    p = model.problem
    assert p == SAMPLE_PROBLEM
    assert p.var_names == ("x", "y", "z", "w", "u", "v", "b", "n", "m", "i")
    assert p.ub_names == (
        "lim", "need", "rl.lo", "rl.hi", "rg.lo", "rg.hi", "rep.lo", "rep.hi", "ren.lo", "ren.hi"
    )
    assert p.eq_names == ("bal", "rez")
    assert model.name == "SAMPLE  with a long name"
    assert model.objective == "profit"
    assert model.rows == ("lim", "need", "bal", "rl", "rg", "rep", "ren", "rez")
    assert [(o.row, o.sign) for o in model.ub_rows] == [
        ("lim", 1), ("need", -1), ("rl", -1), ("rl", 1), ("rg", -1), ("rg", 1),
        ("rep", -1), ("rep", 1), ("ren", -1), ("ren", 1),
    ]
    assert model.eq_rows == (RowOrigin("bal", 1), RowOrigin("rez", 1))


def test_row_duals_combine_signs_per_mps_row() -> None:
    model = parse_mps_model(SAMPLE_MPS)
    y_ub = [F(k) for k in range(1, 11)]
    duals = model.row_duals(y_ub, [F(-1, 2), F(3)])
    assert list(duals) == list(model.rows)
    assert duals == {
        "lim": F(1), "need": F(-2), "bal": F(-1, 2), "rl": F(-3 + 4), "rg": F(-5 + 6),
        "rep": F(-7 + 8), "ren": F(-9 + 10), "rez": F(3),
    }
    with pytest.raises(ShapeError, match="row_duals"):
        model.row_duals(y_ub[:-1], [F(0), F(0)])


@pytest.mark.parametrize(
    ("sense", "maximize"),
    [("OBJSENSE MAX", True), ("OBJSENSE\n    MAXIMIZE", True), ("OBJSENSE\nMIN", False),
     ("OBJSENSE MINIMIZE", False), ("", False)],
)
def test_objsense_forms(sense: str, maximize: bool) -> None:
    text = f"NAME s\n{sense}\nROWS\n N obj\nCOLUMNS\n    x obj 1\nENDATA\n"
    assert parse_mps(text).maximize is maximize


def test_objective_constant_sign_and_exact_decimals() -> None:
    text = """NAME
ROWS
 N obj
 L c
COLUMNS
    x obj 0.15 c .5
    y obj 1.2e3 c 1E-3
    z obj -7.113 c 3/7
RHS
    rhs obj -7.113 c 100.
ENDATA
"""
    p = parse_mps(text)
    assert p.c == (F(3, 20), F(1200), F(-7113, 1000))
    assert p.A_ub == (((0, F(1, 2)), (1, F(1, 1000)), (2, F(3, 7))),)
    assert p.b_ub == (F(100),)
    assert p.c0 == F(7113, 1000)  # c0 = -(RHS on the objective row)


def test_free_mps_without_set_names_and_first_set_only() -> None:
    text = """NAME
ROWS
 N obj
 L c
 G d
COLUMNS
    x obj 1 c 1
    y d 1
RHS
    c 4 d 1
RANGES
    d 2
BOUNDS
 UP x 4
 MI x
 FR y
 LO SECOND y 7
ENDATA
"""
    p = parse_mps(text)
    assert p.b_ub == (F(4), F(-1), F(3))  # d: G with R=2 -> [1, 3]
    assert p.ub_names == ("c", "d.lo", "d.hi")
    # MI keeps the upper bound; the LO line is in a second bound set (SECOND) and is skipped
    assert p.bounds == ((None, F(4)), (None, None))


def _fixed(*fields: str) -> str:
    """A fixed-MPS data line: fields at columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61."""
    f = [*fields, "", "", "", "", "", ""][:6]
    return (f" {f[0]:<2} {f[1]:<8}  {f[2]:<8}  {f[3]:>12}   {f[4]:<8}  {f[5]:>12}").rstrip()


FIXED_MPS = "\n".join([
    "NAME          FIXED",
    "ROWS",
    _fixed("N", "COST"),
    _fixed("L", "LIM 1"),
    _fixed("G", "LIM 2"),
    "COLUMNS",
    _fixed("", "MY VAR", "COST", "1.5", "LIM 1", "2"),
    _fixed("", "MY VAR", "LIM 2", "1"),
    _fixed("", "OTHER", "LIM 1", "1"),
    "RHS",
    _fixed("", "", "LIM 1", "4", "LIM 2", "0.5"),
    "BOUNDS",
    _fixed("UP", "BND 1", "MY VAR", "3"),
    _fixed("MI", "BND 1", "OTHER"),
    "ENDATA",
])


def test_fixed_format_names_with_spaces() -> None:
    p = parse_mps(FIXED_MPS, fixed=True)
    assert p.var_names == ("MY VAR", "OTHER")
    assert p.ub_names == ("LIM 1", "LIM 2")
    assert p.c == (F(3, 2), F(0))
    assert p.A_ub == (((0, F(2)), (1, F(1))), ((0, F(-1)),))
    assert p.b_ub == (F(4), F(-1, 2))
    assert p.bounds == ((F(0), F(3)), (None, None))
    with pytest.raises(FileFormatError, match=r"^line 4: .*a ROWS line is"):
        parse_mps(FIXED_MPS)  # whitespace splitting cannot read names with spaces


def test_fixed_and_free_agree_on_netlib_style_file() -> None:
    text = "\n".join([
        "NAME          T", "ROWS", _fixed("N", "COST"), _fixed("E", "R1"), "COLUMNS",
        _fixed("", "X1", "COST", "-1.", "R1", ".5"), "RHS", _fixed("", "RHS", "R1", "2."),
        "BOUNDS", _fixed("UP", "BND", "X1", "10"), "ENDATA",
    ])
    assert parse_mps(text, fixed=True) == parse_mps(text) == LPProblem(
        c=(F(-1),), A_eq=(((0, F(1, 2)),),), b_eq=(F(2),), bounds=((F(0), F(10)),)
    )


def _mps(body: str) -> str:
    return "NAME t\nROWS\n N obj\n L c\n G d\nCOLUMNS\n    x obj 1 c 1\n    y d 1\n" + body


@pytest.mark.parametrize(
    ("text", "line", "match"),
    [
        ("NAME t\nFOO\nENDATA\n", 2, "unknown section 'FOO'"),
        ("OBJSENCE\n    MAX\nENDATA\n", 1, "unknown section 'OBJSENCE'"),
        ("NAME t\nOBJSENSE\n    UP\nENDATA\n", 3, "OBJSENSE expects MAX or MIN"),
        ("NAME t\nOBJSENSE\nROWS\n N obj\nENDATA\n", 2, "no MAX or MIN"),
        ("NAME t\n  N obj\n", 2, "data line outside any section"),
        ("NAME t\nROWS\n N obj\n Q r\nENDATA\n", 4, "unknown row type 'Q'"),
        ("NAME t\nROWS\n N obj\n L r\n G r\nENDATA\n", 5, "declared twice"),
        ("NAME t\nROWS\n N obj\nROWS\nENDATA\n", 4, "appears twice"),
        ("NAME t\nROWS\n N obj\nCOLUMNS\n    x nope 1\nENDATA\n", 5, "row 'nope'"),
        ("NAME t\nROWS\n N obj\nCOLUMNS\n    x obj\nENDATA\n", 5, "column row value"),
        ("NAME t\nROWS\n N obj\nCOLUMNS\n    x obj 1.2.3\nENDATA\n", 5, "'1.2.3' is not a number"),
        ("NAME t\nROWS\n N obj\nCOLUMNS\n    x obj nan\nENDATA\n", 5, "'nan' is not a number"),
        ("NAME t\nROWS\n N obj\nCOLUMNS\n    x obj 1e999999\nENDATA\n", 5, "not a number"),
        ("NAME t\nROWS\n N obj\nCOLUMNS\n    x obj 1/0\nENDATA\n", 5, "not a number"),
        ("NAME t\nROWS\n N obj\nCOLUMNS\n    x obj 1 obj 2\nENDATA\n", 5, "two entries"),
        ("NAME t\nROWS\n N obj\nCOLUMNS\n    M 'MARKER' 'FOO'\nENDATA\n", 5, "MARKER"),
        (_mps("RHS\n    rhs c 1\n    rhs e 2\nENDATA\n"), 11, "RHS refers to row 'e'"),
        (_mps("RHS\n    rhs c 1 c 2\nENDATA\n"), 10, "two RHS entries"),
        (_mps("RHS\n    rhs c x1\nENDATA\n"), 10, "RHS value of row 'c': 'x1'"),
        (_mps("RANGES\n    rng e 1\nENDATA\n"), 10, "RANGES refers to row 'e'"),
        (_mps("RANGES\n    rng obj 1\nENDATA\n"), 10, "free \\(N\\) row"),
        (_mps("BOUNDS\n XX BND x 1\nENDATA\n"), 10, "unknown bound type 'XX'"),
        (_mps("BOUNDS\n SC BND x 1\nENDATA\n"), 10, "unknown bound type 'SC'"),
        (_mps("BOUNDS\n UP BND\nENDATA\n"), 10, "UP bound line"),
        (_mps("BOUNDS\n UP BND q 1\nENDATA\n"), 10, "column 'q'"),
        (_mps("BOUNDS\n UP BND x 1\n LO BND x 2\nENDATA\n"), 11, "bounds of 'x' cross"),
        (_mps("BOUNDS\n UP BND x 1\n"), 11, "without ENDATA"),
    ],
)
def test_mps_errors_name_the_line(text: str, line: int, match: str) -> None:
    with pytest.raises(FileFormatError, match=f"^line {line}: parse_mps\\(\\): .*{match}") as e:
        parse_mps(text)
    assert e.value.line == line


def test_fixed_format_errors() -> None:
    text = "NAME t\nROWS\n N obj\nCOLUMNS\n XX x         obj        1\nENDATA\n"
    with pytest.raises(FileFormatError, match=r"^line 5: .*columns 2-3"):
        parse_mps(text, fixed=True)


def test_read_and_write_files(tmp_path: Path) -> None:
    path = tmp_path / "sample.mps"
    path.write_text(SAMPLE_MPS)
    assert read_mps(path) == SAMPLE_PROBLEM
    assert isinstance(read_mps_model(str(path)), MPSModel)
    text = write_mps(SAMPLE_PROBLEM, tmp_path / "out.mps")
    assert (tmp_path / "out.mps").read_text() == text
    assert read_mps(tmp_path / "out.mps") == SAMPLE_PROBLEM
    assert write_lp(SAMPLE_PROBLEM, tmp_path / "out.lp") == (tmp_path / "out.lp").read_text()
    assert read_lp(tmp_path / "out.lp") == SAMPLE_PROBLEM
    bad = tmp_path / "bad.mps"
    bad.write_text("NAME\nROWS\n N obj\n")
    with pytest.raises(FileFormatError, match=f"^line 4: read_mps\\(\\): {bad}: .*ENDATA"):
        read_mps(bad)


def test_writers_use_exact_rationals_never_floats() -> None:
    p = make_problem(["1/3", "-0.25"], A_ub=[["2/7", 1]], b_ub=["1e-3"],
                     bounds=[("-1/2", "5/3"), (None, 0)], maximize=True)
    p = replace(p, c0=F(-5, 11))
    mps, lp = write_mps(p), write_lp(p)
    assert " x0 obj 1/3" in mps and " RHS ub0 1/1000" in mps and "RHS obj 5/11" in mps
    assert "OBJSENSE\n    MAX" in mps and " MI BND x1" in mps and " UP BND x1 0" in mps
    assert "obj: 1/3 x0 - 1/4 x1 - 5/11" in lp and "ub0: 2/7 x0 + x1 <= 1/1000" in lp
    assert "-1/2 <= x0 <= 5/3" in lp and "-inf <= x1 <= 0" in lp
    for text in (mps, lp):
        assert not re.search(r"\d\.|\.\d|\d[eE][+-]?\d", text)
    assert parse_mps(mps) == p and parse_lp(lp) == p


# --- CPLEX LP format -------------------------------------------------------------------------

SAMPLE_LP = r"""\ every construct of the LP format
Maximize
 obj: 2 x + 3.5 y - z + 1/2 w + 10
Subject To
 c1: 2 x + 3.5 y - z <= 4
 c2: x + y
     >= 0.15          \ a constraint spanning lines
 c3: x - w = 3
 x + z =< 8
 c5: x => 1
 c6: x < 7
 c7: y > -2
 r: -3 <= x + y <= 5
 c9: 2 x + 1 >= 3
 c10: x + y <= +inf
Bounds
 x <= 4
 -inf <= y <= 5
 z >= -3
 w free
 v = 3
 -infinity <= u
 1.5 <= s
Generals
 x
Binaries
 b
End
this text after End is ignored
"""


def test_lp_every_construct() -> None:
    p = parse_lp(SAMPLE_LP)
    assert p.var_names == ("x", "y", "z", "w", "v", "u", "s", "b")
    assert p.maximize and p.c0 == 10
    assert p.c == (F(2), F(7, 2), F(-1), F(1, 2), F(0), F(0), F(0), F(0))
    assert p.ub_names == ("c1", "c2", "c4", "c5", "c6", "c7", "r.lo", "r.hi", "c9")
    assert p.A_ub == (
        ((0, F(2)), (1, F(7, 2)), (2, F(-1))),
        ((0, F(-1)), (1, F(-1))),
        ((0, F(1)), (2, F(1))),
        ((0, F(-1)),),
        ((0, F(1)),),
        ((1, F(-1)),),
        ((0, F(-1)), (1, F(-1))),
        ((0, F(1)), (1, F(1))),
        ((0, F(-2)),),
    )
    assert p.b_ub == (F(4), F(-3, 20), F(8), F(-1), F(7), F(2), F(3), F(5), F(-2))
    assert p.eq_names == ("c3",) and p.A_eq == (((0, F(1)), (3, F(-1))),) and p.b_eq == (F(3),)
    assert p.bounds == (
        (F(0), F(4)), (None, F(5)), (F(-3), None), (None, None), (F(3), F(3)), (None, None),
        (F(3, 2), None), (F(0), F(1)),
    )


@pytest.mark.parametrize(
    ("head", "st_kw", "maximize"),
    [("Minimize", "Subject To", False), ("min", "st", False), ("MINIMUM", "s.t.", False),
     ("minimise", "such that", False), ("Maximize", "ST", True), ("max", "subject  to", True),
     ("maximise", "st", True), ("Maximum", "st", True)],
)
def test_lp_keyword_spellings(head: str, st_kw: str, maximize: bool) -> None:
    p = parse_lp(f"{head}\n x + 2 y\n{st_kw}\n x + y >= 1\nEnd\n")
    assert p.maximize is maximize and p.c == (F(1), F(2)) and p.b_ub == (F(-1),)


def test_lp_highs_style_names() -> None:
    p = parse_lp("Minimize\n obj: .x + 2 y.1\nst\n 3001: .x >= 1\n 3002 : y.1 <= 2\nEnd")
    assert p.var_names == (".x", "y.1") and p.ub_names == ("3001", "3002")
    assert p.A_ub == (((0, F(-1)),), ((1, F(1)),)) and p.b_ub == (F(-1), F(2))


def test_lp_unnamed_objective_and_keyword_on_same_line() -> None:
    p = parse_lp("Minimize obj: - x\nSubject To c: x <= 2\nBounds x >= -1\nEnd")
    assert p.c == (F(-1),) and p.A_ub == (((0, F(1)),),) and p.bounds == ((F(-1), None),)


@pytest.mark.parametrize(
    ("text", "line", "match"),
    [
        ("Subject To\n c: x <= 1\nEnd\n", 1, "starts with Minimize or Maximize"),
        ("x + y\nMinimize\nEnd\n", 1, "starts with Minimize"),
        ("Minimize\n x\nSubject To\n c: x + y 4\nEnd\n", 4, "expected <=, >= or =, got '4'"),
        ("Minimize\n [ x ^ 2 ]\nEnd\n", 2, "quadratic"),
        ("Minimize\n x\nSubject To\n c: x <= 1\n", 5, "without End"),
        ("Minimize\n x\nSubject To\n c: x <= 1\n c: x >= 0\nEnd\n", 5, "defined twice"),
        ("Minimize\n x\nSubject To\n c: x <= y\nEnd\n", 4, "expected a number"),
        ("Minimize\n x\nSubject To\n c: 2 <= x >= 1\nEnd\n", 4, "range"),
        ("Minimize\n x\nSubject To\n c: x <= -inf\nEnd\n", 4, "impossible infinite"),
        ("Minimize\n x\nSubject To\n c:\nEnd\n", 4, "expected a constraint"),
        ("Minimize\n x\nBounds\n x <= -inf\nEnd\n", 4, "impossible infinite bound"),
        ("Minimize\n x\nBounds\n x >= 5\n\n x <= 2\nEnd\n", 6, "bounds of 'x' cross"),
        ("Minimize\n x\nBounds\n 3 x <= 4\nEnd\n", 4, "expected a bound"),
        ("Minimize\n x\nBounds\n x <= 1.2.3\nEnd\n", 4, "'1.2.3' is not a number"),
        ("Minimize\n x +\nEnd\n", 2, "after '\\+' or '-'"),
        ("Minimize\n x y\nEnd\n", 2, "unexpected 'y' in the objective"),
        ("Minimize\n x\nGenerals\n x 3\nEnd\n", 4, "expected a variable name"),
        ("Minimize\n x\nSemi-continuous\n x\nEnd\n", 3, "not supported"),
        ("Minimize\n x\nMaximize\n y\nEnd\n", 3, "second 'Maximize'"),
    ],
)
def test_lp_errors_name_the_line(text: str, line: int, match: str) -> None:
    with pytest.raises(FileFormatError, match=f"^line {line}: parse_lp\\(\\): .*{match}") as e:
        parse_lp(text)
    assert e.value.line == line


def test_lp_writer_sanitizes_names_and_keeps_variable_order() -> None:
    p = LPProblem(
        c=(F(0), F(0), F(5), F(1)),
        A_ub=(((1, F(-2)), (3, F(1))), ()),
        b_ub=(F(1), F(-4)),
        A_eq=((),),
        b_eq=(F(2),),
        bounds=((F(0), None), (None, None), (F(1), F(1)), (F(-2), None)),
        var_names=("x[0]", "free", "1a", "a b"),
        ub_names=("st", "obj"),
        eq_names=("",),
    )
    text = write_lp(p)
    q = parse_lp(text)
    assert q == p
    assert q.var_names == ("x_0_", "free_", "_1a", "a_b")
    assert q.ub_names == ("st_", "obj_1") and q.eq_names == ("eq0",)
    assert "obj: 0 x_0_ + 0 free_ + 5 _1a + a_b" in text  # zeros keep variables in order
    assert " st_: - 2 free_ + a_b <= 1" in text and " obj_1: 4 <= 0" in text


# --- round trips --------------------------------------------------------------------------------

_frac = st.builds(F, st.integers(-30, 30), st.integers(1, 8))
_nonzero = _frac.filter(bool)
_names = st.text(alphabet="ab x[]:.-+0<=\\*'", max_size=5)


@st.composite
def _problems(draw: st.DrawFn) -> LPProblem:
    n = draw(st.integers(0, 4))

    def rows() -> tuple[tuple[tuple[int, Fraction], ...], ...]:
        count = draw(st.integers(0, 3))
        out = []
        for _ in range(count):
            cols = sorted(draw(st.sets(st.integers(0, n - 1), max_size=n))) if n else []
            out.append(tuple((j, draw(_nonzero)) for j in cols))
        return tuple(out)

    def bound() -> tuple[Fraction | None, Fraction | None]:
        lo, hi = sorted([draw(_frac), draw(_frac)])
        return draw(st.sampled_from([(F(0), None), (None, None), (lo, None), (None, hi),
                                     (lo, hi), (hi, hi), (F(0), hi if hi >= 0 else None)]))

    A_ub, A_eq = rows(), rows()
    return LPProblem(
        c=tuple(draw(_frac) for _ in range(n)),
        A_ub=A_ub,
        b_ub=tuple(draw(_frac) for _ in A_ub),
        A_eq=A_eq,
        b_eq=tuple(draw(_frac) for _ in A_eq),
        bounds=tuple(bound() for _ in range(n)),
        maximize=draw(st.booleans()),
        c0=draw(_frac),
        var_names=tuple(draw(_names) for _ in range(n)) if draw(st.booleans()) else (),
        ub_names=tuple(draw(_names) for _ in A_ub),
        eq_names=tuple(draw(_names) for _ in A_eq),
    )


@given(_problems())
def test_mps_round_trip(p: LPProblem) -> None:
    q = parse_mps(write_mps(p))
    assert q == p
    assert len(set(q.var_names)) == p.n and all(" " not in v for v in q.var_names)


@given(_problems())
def test_lp_round_trip(p: LPProblem) -> None:
    q = parse_lp(write_lp(p))
    assert q == p
    assert len(set(q.ub_names + q.eq_names)) == len(q.ub_names) + len(q.eq_names)


def test_round_trips_keep_valid_names() -> None:
    assert parse_mps(write_mps(SAMPLE_PROBLEM)).var_names == SAMPLE_PROBLEM.var_names
    p = parse_lp(SAMPLE_LP)
    q = parse_lp(write_lp(p))
    assert (q.var_names, q.ub_names, q.eq_names) == (p.var_names, p.ub_names, p.eq_names)


# --- netlib -------------------------------------------------------------------------------------

_REFERENCE_FILE = NETLIB / "reference.json"
_REFERENCE: dict[str, dict[str, object]] = (
    json.loads(_REFERENCE_FILE.read_text()) if _REFERENCE_FILE.is_file() else {}
)
_needs_netlib = pytest.mark.skipif(
    not NETLIB.is_dir(), reason=f"netlib data folder {NETLIB} (shared/ beside the repo) is missing"
)


@_needs_netlib
def test_netlib_reference_covers_every_file() -> None:
    assert _REFERENCE, f"{_REFERENCE_FILE} is missing or empty"
    assert {p.stem for p in NETLIB.glob("*.mps")} == set(_REFERENCE)


@_needs_netlib
@pytest.mark.parametrize("name", sorted(_REFERENCE) or ["reference.json missing"])
def test_netlib_sizes_match_reference(name: str) -> None:
    """Sizes as counted in reference.json: rows_ub = L + G rows (one problem row each; these
    files have no RANGES, so no row is split), rows_eq = E rows, nnz = nonzeros of A (the
    objective excluded; standgub's explicit zero entry is not counted)."""
    ref = _REFERENCE[name]
    model = read_mps_model(NETLIB / f"{name}.mps")
    p = model.problem
    nnz = sum(len(row) for row in (*p.A_ub, *p.A_eq))
    assert (p.n, len(p.A_ub), len(p.A_eq), nnz) == (
        ref["cols"], ref["rows_ub"], ref["rows_eq"], ref["nnz"]
    )
    assert p.c0 == Fraction(str(ref["objective_constant"]))
    assert len(model.rows) == len(p.A_ub) + len(p.A_eq)
    assert all(v for row in (*p.A_ub, *p.A_eq) for _, v in row)


@_needs_netlib
def test_netlib_e226_objective_constant() -> None:
    assert read_mps(NETLIB / "e226.mps").c0 == Fraction(str(_REFERENCE["e226"]["objective_constant"]))
    assert read_mps(NETLIB / "e226.mps").c0 == F(7113, 1000)


@_needs_netlib
@pytest.mark.parametrize("name", ["afiro", "sctest", "blending", "e226", "perold"])
def test_netlib_round_trips(name: str) -> None:
    p = read_mps(NETLIB / f"{name}.mps")
    assert parse_mps(write_mps(p)) == p
    assert parse_lp(write_lp(p)) == p


@_needs_netlib
@pytest.mark.parametrize("name", ["afiro", "e226", "perold", "shell"])
def test_netlib_agrees_with_highs_reader(name: str) -> None:
    """Coefficients, row sides and bounds agree with HiGHS's own MPS reader."""
    highspy = pytest.importorskip("highspy")
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.readModel(str(NETLIB / f"{name}.mps"))
    lp = h.getLp()
    model = read_mps_model(NETLIB / f"{name}.mps")
    p = model.problem

    def same(a: Fraction | None, b: float, inf: float) -> bool:
        return b == inf if a is None else math.isclose(float(a), b, rel_tol=1e-15, abs_tol=0)

    inf = highspy.kHighsInf
    assert list(lp.col_cost_) == [float(v) for v in p.c]
    assert math.isclose(lp.offset_, float(p.c0))
    assert all(same(lo, hl, -inf) and same(hi, hu, inf) for (lo, hi), hl, hu in
               zip(p.bounds, lp.col_lower_, lp.col_upper_))
    coeffs: dict[str, dict[int, float]] = {}
    lower: dict[str, Fraction] = {}
    upper: dict[str, Fraction] = {}
    for org, row, b in zip(model.ub_rows + model.eq_rows, p.A_ub + p.A_eq, p.b_ub + p.b_eq):
        coeffs[org.row] = {j: float(org.sign * v) for j, v in row}
        (lower if org.sign < 0 else upper)[org.row] = org.sign * b
        if org in model.eq_rows:
            lower[org.row] = b
    assert list(lp.row_names_) == list(model.rows)
    a = lp.a_matrix_
    highs_rows: list[dict[int, float]] = [{} for _ in range(lp.num_row_)]
    for j in range(lp.num_col_):
        for k in range(a.start_[j], a.start_[j + 1]):
            if a.value_[k]:
                highs_rows[a.index_[k]][j] = a.value_[k]
    for i, rname in enumerate(lp.row_names_):
        assert coeffs[rname] == highs_rows[i]
        assert same(lower.get(rname), lp.row_lower_[i], -inf)
        assert same(upper.get(rname), lp.row_upper_[i], inf)


@_needs_netlib
@pytest.mark.parametrize("name", ["afiro", "e226", "shell", "perold"])
def test_netlib_lp_files_written_by_highs(name: str, tmp_path: Path) -> None:
    """HiGHS's LP writer (names starting with '.', numeric labels, 17-digit decimals) is read
    back to the MPS problem, up to the rounding of HiGHS's decimals."""
    highspy = pytest.importorskip("highspy")
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.readModel(str(NETLIB / f"{name}.mps"))
    h.writeModel(str(tmp_path / f"{name}.lp"))
    p, q = read_mps(NETLIB / f"{name}.mps"), read_lp(tmp_path / f"{name}.lp")

    def close(a: Fraction | None, b: Fraction | None) -> bool:
        return (a is None) == (b is None) and (a is None or abs(a - b) <= 1e-12 * (1 + abs(a)))

    index = {v: j for j, v in enumerate(q.var_names)}
    assert set(index) == set(p.var_names) and p.maximize == q.maximize and close(p.c0, q.c0)
    for j, v in enumerate(p.var_names):
        k = index[v]
        assert close(p.c[j], q.c[k])
        assert close(p.bounds[j][0], q.bounds[k][0]) and close(p.bounds[j][1], q.bounds[k][1])
    assert (len(q.A_ub), len(q.A_eq)) == (len(p.A_ub), len(p.A_eq))
    for r1, b1, r2, b2 in zip(p.A_ub + p.A_eq, p.b_ub + p.b_eq, q.A_ub + q.A_eq, q.b_ub + q.b_eq):
        mapped = {index[p.var_names[j]]: a for j, a in r1}
        assert mapped.keys() == dict(r2).keys() and close(b1, b2)
        assert all(close(a, mapped[k]) for k, a in r2)
