"""One value in every output: exact text, JSON strings, LaTeX for Fraction, sympy and mpmath."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy

from exactmech.report import to_latex, value_latex, value_str, values_equal
from exactmech.report.values import decimal_str


def test_value_str_kinds() -> None:
    assert value_str(Fraction(-13, 36)) == "-13/36"
    assert value_str(7) == "7"
    assert value_str(True) == "True"
    assert value_str(sympy.Rational(1, 3)) == "1/3"
    assert value_str(sympy.log(2)).startswith("log(2) ≈ 0.69314718055994530942")
    assert value_str(sympy.Symbol("k") / 2) == "k/2"
    assert value_str({"a": Fraction(1, 2)}) == "{a: 1/2}"
    assert value_str([Fraction(1, 2), (1, None)]) == "(1/2, (1, —))"
    with mpmath.workdps(40):
        assert value_str(mpmath.mpf(1) / 3) == "0.33333333333333333333"
        assert value_str(mpmath.mpf(1) / 3, digits=30) == "0." + "3" * 30
    with pytest.raises(TypeError, match="float"):
        value_str(0.5)
    with pytest.raises(TypeError, match="float"):
        value_str((1, 0.5))


def test_to_latex_one_entry_point_for_every_kind() -> None:
    assert to_latex(Fraction(13, 36)) == r"\frac{13}{36}"
    assert to_latex(Fraction(-13, 36), style="slash") == "-13/36"
    assert to_latex(Fraction(1, 2), style="tfrac") == r"\tfrac{1}{2}"
    assert to_latex(4) == "4"
    assert to_latex(sympy.Rational(-3, 4)) == r"-\frac{3}{4}"
    assert to_latex(sympy.sqrt(2)).startswith(r"\sqrt{2} \approx 1.41421356")
    assert to_latex(sympy.Symbol("k") ** 2) == "k^{2}"
    with mpmath.workdps(50):
        e = mpmath.e
        assert to_latex(e, digits=40) == "2.718281828459045235360287471352662497757"
    assert to_latex("a_b") == r"\text{a\_b}"
    assert to_latex(None) == r"\text{---}"
    assert to_latex((Fraction(1, 2), ((1, 0), 3))) == r"(\frac{1}{2}, ((1, 0), 3))"
    assert value_latex is to_latex
    with pytest.raises(ValueError, match="style="):
        to_latex(Fraction(1, 2), style="bad")
    with pytest.raises(TypeError, match="float"):
        to_latex(0.25)


def test_values_equal() -> None:
    assert values_equal(sympy.sqrt(8), 2 * sympy.sqrt(2))
    assert values_equal(Fraction(1, 2), sympy.Rational(1, 2))
    assert not values_equal(Fraction(1, 2), Fraction(1, 3))
    assert not values_equal((1, 2), (1, 2, 3))
    with pytest.raises(TypeError):
        values_equal(0.5, Fraction(1, 2))


def test_decimal_str_is_exact_digits() -> None:
    assert decimal_str(Fraction(1, 7), 30) == "0.142857142857142857142857142857"
    assert (
        decimal_str(Fraction(10**40 + 1, 10**40), 45)
        == "1.0000000000000000000000000000000000000001"
    )
