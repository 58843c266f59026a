"""Tests of :mod:`exactmech.calculus.conversion`: sympy expressions read exactly.

Oracle: ``sympy.Poly(expr, x, y, domain="QQ")``, which the fast tree walk must agree with.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings

from exactmech.calculus import Polynomial, from_sympy
from exactmech.errors import FloatInputError, InvalidProblemError
from tests.calculus.strategies import polynomials

x, y, k = sympy.symbols("x y k")
XY = (x, y)


def sym(p: Polynomial) -> sympy.Expr:
    return p.to_sympy(XY)


@given(polynomials())
def test_sympy_round_trip(p: Polynomial) -> None:
    """from_sympy inverts to_sympy exactly (same terms, same nvars)."""
    assert from_sympy(sym(p), XY) == p


@settings(max_examples=30)
@given(polynomials(max_degree=3))
def test_fast_path_agrees_with_sympy_poly(p: Polynomial) -> None:
    """The expansion-free tree walk and sympy.Poly(domain=QQ) read the same polynomial,
    also from an unexpanded product form."""
    e = sym(p)
    unexpanded = (e + x) * (y - sympy.Rational(1, 3)) - x * y
    via_poly = sympy.Poly(unexpanded, x, y, domain="QQ").as_dict()
    got = from_sympy(unexpanded, XY)
    assert {k: Fraction(int(v.p), int(v.q)) for k, v in via_poly.items()} == got.terms


def test_from_sympy_unexpanded_quotient_uses_sympy_poly() -> None:
    """A polynomial written with a division still converts (via sympy.Poly)."""
    assert from_sympy((x**2 - y**2) / 3, XY) == Polynomial({(2, 0): "1/3", (0, 2): "-1/3"})


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        (sympy.exp(x), "not a polynomial"),
        (1 / x, "not a polynomial"),
        (sympy.sqrt(2) * x, "not a polynomial"),
        (k * x, "symbols {k}"),
    ],
)
def test_from_sympy_rejects_non_polynomials(expr: sympy.Expr, message: str) -> None:
    with pytest.raises(InvalidProblemError, match=message) as info:
        from_sympy(expr, XY)
    assert str(info.value).startswith("from_sympy(): ")


def test_float_rejection() -> None:
    with pytest.raises(
        FloatInputError, match=r"the float 0\.1; write it as sympy\.Rational\(1, 10\)"
    ):
        from_sympy(sympy.Float("0.1") * x, XY)
    with pytest.raises(FloatInputError, match="from_sympy"):
        from_sympy(0.5, XY)


def test_numbers_and_powers() -> None:
    assert from_sympy(3, XY) == 3
    assert from_sympy("1/2", XY) == Fraction(1, 2)
    assert from_sympy(sympy.Rational(2, 3), ()) == Polynomial({(): "2/3"})
    assert from_sympy((x - 1) ** 3, (x,)) == Polynomial({(3,): 1, (2,): -3, (1,): 3, (0,): -1})
    assert from_sympy(2 * x**2 * y * (y + 1), XY) == Polynomial({(2, 2): 2, (2, 1): 2})
