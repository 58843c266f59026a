"""Tables of exact values: Markdown, JSON, LaTeX (booktabs, longtable), rich, HTML."""

from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction

import pytest
import sympy
from rich.console import Console

from exactmech.report import Column, Printed, Table


def _table() -> Table:
    t = Table(
        ["name", "value"],
        caption="Example 1 & more",
        source="paper 001, §2.2",
        math_columns=frozenset({"value"}),
        label="tab:ex1",
    )
    t.add("revenue_1", Fraction(4, 3))
    t.add("cs", Printed(Fraction(2, 3), Fraction(1, 2)))
    t.add("w", Printed(Fraction(2), Fraction(2)))
    return t


def test_markdown_and_caption() -> None:
    md = _table().to_markdown()
    assert md.startswith("**Example 1 & more (paper 001, §2.2)**")
    assert "| revenue_1 | 4/3 |" in md
    assert "| cs | **2/3** (paper: 1/2) |" in md
    assert "| w | 2 |" in md


def test_json_strings_never_floats() -> None:
    t = _table()
    t.add("sqrt", sympy.sqrt(3))
    data = json.loads(json.dumps(t.to_json()))
    assert data["columns"] == ["name", "value"]
    assert data["rows"][0] == ["revenue_1", "4/3"]
    assert data["rows"][1][1] == {"value": "2/3", "paper": "1/2", "agrees": False}
    assert data["rows"][2][1] == {"value": "2", "paper": "2", "agrees": True}
    assert data["rows"][3][1].startswith("sqrt(3) ≈ 1.7320508075688772935")
    assert data["source"] == "paper 001, §2.2"

    def walk(x: object) -> None:
        assert not isinstance(x, float)
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(data)


def test_latex_booktabs_aligned_and_cited() -> None:
    tex = _table().to_latex()
    lines = tex.splitlines()
    assert r"\toprule" in lines and r"\midrule" in lines and r"\bottomrule" in lines
    assert r"\caption{Example 1 \& more (paper 001, \S{}2.2)}" in tex
    assert r"\label{tab:ex1}" in tex
    assert r"\begin{tabular}{lc}" in tex
    rows = [ln for ln in lines if ln.endswith(r"\\") and "&" in ln]
    # the column separators line up in the source
    assert len({ln.index("&") for ln in rows}) == 1
    assert any(r"revenue\_1" in ln and r"$\frac{4}{3}$" in ln for ln in rows)
    assert r"$\frac{2}{3}$ \papervalue{$\frac{1}{2}$}" in tex
    assert r"\providecommand{\papervalue}" in tex
    slash = _table().to_latex(style="slash")
    assert "$4/3$" in slash and r"\frac" not in slash
    doc = _table().to_latex(standalone=True)
    assert doc.startswith(r"\documentclass") and doc.rstrip().endswith(r"\end{document}")


def test_longtable_for_long_tables_and_wrapping_columns() -> None:
    t = Table([Column("k"), Column("statement", width="5cm"), Column("v", math=True, align="r")])
    for k in range(40):
        t.add(str(k), "γ ≤ 1/2 — a long statement", Fraction(k, 7))
    tex = t.to_latex()
    assert r"\begin{longtable}{l>{\raggedright\arraybackslash}p{5cm}r}" in tex
    assert r"\endhead" in tex and r"\endfirsthead" in tex
    assert r"\ensuremath{\gamma} \ensuremath{\leq} 1/2 --- a long" in tex
    assert r"\begin{tabular}" in t.to_latex(long=False)
    with pytest.raises(ValueError, match="align"):
        Column("x", align="q")


def test_rich_colours_status_and_paper_values() -> None:
    t = Table(["claim", "status"], status_column="status")
    t.add("a [0,1] interval", "match")
    t.add("b", "mismatch")
    t.add("c", Printed(Fraction(1, 8), Fraction(1, 4)))
    console = Console(record=True, width=100, color_system="truecolor", force_terminal=True)
    console.print(t.to_rich())
    text = console.export_text(clear=False)
    assert "a [0,1] interval" in text and "1/8 (paper: 1/4)" in text
    styled = console.export_html(inline_styles=True)
    assert "color: #008000" in styled and "color: #800000" in styled


def test_html_rendering() -> None:
    t = _table()
    t.status_column = "name"
    out = t.to_html()
    assert "<caption>Example 1 &amp; more (paper 001, §2.2)</caption>" in out
    assert '<span class="paper">(paper: 1/2)</span>' in out
    assert t._repr_html_() == out


@dataclass
class _Row:
    block: str
    ours: Fraction
    printed: Fraction | None


def test_from_records_dataclasses_and_dicts() -> None:
    rows = [_Row("{1}", Fraction(1, 8), Fraction(1, 8)), _Row("{2,3}", Fraction(2, 9), None)]
    t = Table.from_records(
        rows,
        [("block", "block"), (Column("U", math=True), "ours")],
        printed={"U": "printed"},
        caption="c",
    )
    assert t.text_rows() == [["{1}", "1/8"], ["{2,3}", "2/9"]]
    assert t.differences() == []
    d = Table.from_records(
        [{"a": 1, "b": Fraction(1, 2)}], [("a", "a"), ("twice b", lambda r: 2 * r["b"])]
    )
    assert d.text_rows() == [["1", "1"]]
    with pytest.raises(ValueError, match="unknown columns"):
        Table.from_records([], [("a", "a")], printed={"zz": "a"})
    with pytest.raises(TypeError, match="expected a dataclass"):
        Table.from_records([3], [("a", "a")])


def test_add_checks_arity() -> None:
    with pytest.raises(ValueError, match="2 columns"):
        _table().add("only one")
    assert "rows=3" in repr(_table())
    assert _table().differences() == [(1, "value", Fraction(2, 3), Fraction(1, 2))]


def test_wrapping_math_columns_set_unbreakable_values_as_text() -> None:
    """In a column with a width, a repr-only object and a long symbolic expression are set
    as text (which wraps); short values stay math; ``latex_digits`` shortens irrationals."""
    import sympy

    x, y = sympy.symbols("x y")
    long_expr = sum((x**k * y ** (7 - k) / (k + 1) for k in range(8)), sympy.Integer(0))
    t = Table([Column("v", math=True, width="3cm")], latex_digits=6)
    t.add(long_expr)
    t.add(object.__new__(_Opaque))
    t.add((Fraction(1, 2), 3))
    t.add(1 + sympy.sqrt(3) / 3)
    tex = t.to_latex().splitlines()
    body = tex[tex.index(r"\midrule") + 1 : tex.index(r"\bottomrule")]
    assert not body[0].startswith("$") and "x**7" in body[0].replace(r"\textasciicircum{}", "^")
    # a long product may break after each '*' (paper 003's 64*2**(3/8)*3**(3/4)*... once ran
    # 13 mm into the margin), never inside a power's '**'
    assert r"*\allowbreak{}" in body[0] and r"*\allowbreak{}*" not in body[0]
    assert r"**\allowbreak" not in body[0]
    assert body[1].startswith("opaque")
    assert body[2].startswith(r"$(\frac{1}{2},\allowbreak 3)$")
    assert r"\approx 1.57735$" in body[3]
    assert "1.5773502691896257645" in t.to_markdown()  # the other renderings keep 20 digits


class _Opaque:
    def __repr__(self) -> str:
        return "opaque thing"
