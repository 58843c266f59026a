"""Value formatting and table rendering."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy

from exactmech.report import Table, value_latex, value_str, values_equal


def test_value_str_kinds() -> None:
    assert value_str(Fraction(-13, 36)) == "-13/36"
    assert value_str(sympy.Rational(1, 3)) == "1/3"
    assert value_str(sympy.log(2)).startswith("log(2) ≈ 0.69314718055994530942")
    assert value_str({"a": Fraction(1, 2)}) == "{a: 1/2}"
    with mpmath.workdps(40):
        assert value_str(mpmath.mpf(1) / 3) == "0.33333333333333333333"
    with pytest.raises(TypeError, match="float"):
        value_str(0.5)


def test_value_latex_and_equality() -> None:
    assert value_latex(Fraction(13, 36)) == r"\frac{13}{36}"
    assert value_latex(sympy.sqrt(2)).startswith(r"\sqrt{2} \approx 1.41421356")
    assert values_equal(sympy.sqrt(8), 2 * sympy.sqrt(2))
    assert not values_equal(Fraction(1, 2), Fraction(1, 3))
    with pytest.raises(TypeError):
        values_equal(0.5, Fraction(1, 2))


def test_table_renderings() -> None:
    t = Table(
        ["name", "value"], caption="Paper 001, §2.2 & Example 1", math_columns=frozenset({"value"})
    )
    t.add("revenue_1", Fraction(4, 3))
    md = t.to_markdown()
    assert "| revenue_1 | 4/3 |" in md
    tex = t.to_latex(standalone=True)
    assert r"revenue\_1 & $\frac{4}{3}$ \\" in tex
    assert r"\caption{Paper 001, §2.2 \& Example 1}" in tex
    assert tex.startswith(r"\documentclass{article}")
    assert r"4/3" in t.to_latex(style="slash")
    with pytest.raises(ValueError, match="2 columns"):
        t.add("only one")
