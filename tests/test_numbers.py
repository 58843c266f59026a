"""Tests of the exact number gate :func:`exactmech.Q`."""

from __future__ import annotations

from fractions import Fraction

import gmpy2
import pytest
import sympy
from flint import fmpq, fmpz

from exactmech import Q
from exactmech.errors import FloatInputError, InvalidNumberError
from exactmech.numbers import as_rational_vector, fraction_str, to_latex


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, Fraction(3)),
        (True, Fraction(1)),
        (Fraction(3, 7), Fraction(3, 7)),
        ("3/7", Fraction(3, 7)),
        (" -3 / 7 ", Fraction(-3, 7)),
        ("0.15", Fraction(3, 20)),
        ("-1.5e-3", Fraction(-3, 2000)),
        ("12", Fraction(12)),
        (sympy.Rational(5, 6), Fraction(5, 6)),
        (sympy.Integer(-4), Fraction(-4)),
        (gmpy2.mpq(1, 3), Fraction(1, 3)),
        (gmpy2.mpz(9), Fraction(9)),
        (fmpq(2, 5), Fraction(2, 5)),
        (fmpz(7), Fraction(7)),
    ],
)
def test_exact_conversion(value: object, expected: Fraction) -> None:
    assert Q(value) == expected
    assert type(Q(value)) is Fraction


def test_decimal_string_is_exact_not_binary() -> None:
    assert Q("0.1") * 3 == Fraction(3, 10)
    assert Q("0.1") != Fraction(0.1)


def test_float_rejected_with_fix() -> None:
    with pytest.raises(
        FloatInputError,
        match=r"linprog\(\): c\[2\]=0.1 is a float; pass Fraction\(1, 10\) or '1/10'",
    ):
        Q(0.1, "c[2]", func="linprog")
    with pytest.raises(TypeError):  # FloatInputError is a TypeError
        Q(2.5)


def test_float_opt_in_is_exact_binary_value() -> None:
    assert Q(0.5, allow_float=True) == Fraction(1, 2)
    assert Q(0.1, allow_float=True) == Fraction(3602879701896397, 36028797018963968)


def test_numpy_float_rejected() -> None:
    np = pytest.importorskip("numpy")
    with pytest.raises(FloatInputError):
        Q(np.float64(0.25))
    assert Q(np.int64(4)) == 4


@pytest.mark.parametrize("bad", ["abc", "1/0", "nan", "inf", "", "1/2/3"])
def test_bad_strings(bad: str) -> None:
    with pytest.raises(InvalidNumberError, match="not a rational number"):
        Q(bad, "p")


def test_irrational_and_sympy_float_rejected() -> None:
    with pytest.raises(InvalidNumberError):
        Q(sympy.sqrt(2))
    with pytest.raises(FloatInputError):
        Q(sympy.Float("0.5"))
    with pytest.raises(InvalidNumberError):
        Q([1, 2])


def test_vector_names_index() -> None:
    assert as_rational_vector(["1/2", 3], "b") == (Fraction(1, 2), Fraction(3))
    with pytest.raises(FloatInputError, match=r"b\[1\]=0.5"):
        as_rational_vector([1, 0.5], "b")


def test_rendering() -> None:
    assert fraction_str(Fraction(13, 36)) == "13/36"
    assert fraction_str(Fraction(-4, 2)) == "-2"
    assert to_latex(Fraction(13, 36)) == r"\frac{13}{36}"
    assert to_latex(Fraction(-1, 3), style="slash") == "-1/3"
    assert to_latex(Fraction(7)) == "7"
    with pytest.raises(ValueError, match="style"):
        to_latex(Fraction(1, 2), style="bogus")
