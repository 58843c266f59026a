"""Tests of :mod:`exactmech.calculus.polynomial`: exact ring operations, evaluation, calculus.

sympy's own polynomial arithmetic (``expand``, ``diff``, ``integrate`` of a polynomial in
one variable, ``subs``) is the oracle.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from exactmech.calculus import Polynomial
from exactmech.errors import FloatInputError, InvalidProblemError, ShapeError
from tests.calculus.strategies import polynomials, rationals

x, y, z = sympy.symbols("x y z")
XY = (x, y)


def sym(p: Polynomial) -> sympy.Expr:
    return p.to_sympy(XY if p.nvars == 2 else (x, y, z)[: p.nvars])


@given(polynomials(), polynomials())
def test_ring_operations_match_sympy(p: Polynomial, q: Polynomial) -> None:
    """Polynomial → sympy is a ring homomorphism: +, −, × agree with sympy's expand."""
    assert sympy.expand(sym(p + q) - (sym(p) + sym(q))) == 0
    assert sympy.expand(sym(p - q) - (sym(p) - sym(q))) == 0
    assert sympy.expand(sym(p * q) - sym(p) * sym(q)) == 0


@given(polynomials(max_degree=2), st.integers(0, 3))
def test_power_is_repeated_product(p: Polynomial, n: int) -> None:
    """p**n equals the n-fold product (and p**0 is 1)."""
    expected = Polynomial.constant(1, 2)
    for _ in range(n):
        expected = expected * p
    assert p**n == expected


@given(polynomials(), rationals(), rationals())
def test_evaluation_matches_sympy_subs(p: Polynomial, a: Fraction, b: Fraction) -> None:
    """p(a, b) is the value of the sympy expression at (a, b)."""
    value = sym(p).subs({x: sympy.Rational(a), y: sympy.Rational(b)})
    assert p(a, b) == Fraction(int(value.p), int(value.q))


@given(polynomials(), polynomials(max_degree=1), polynomials(max_degree=1))
def test_compose_matches_sympy_subs(p: Polynomial, u: Polynomial, v: Polynomial) -> None:
    """p.compose([u, v]) is p(u, v), computed by sympy's simultaneous substitution."""
    expected = sym(p).subs({x: sym(u), y: sym(v)}, simultaneous=True)
    assert sympy.expand(sym(p.compose([u, v])) - expected) == 0


@given(polynomials(), polynomials(nvars=1, max_degree=2))
def test_substitute_last_matches_sympy(p: Polynomial, v: Polynomial) -> None:
    """substitute_last replaces y by v(x) and drops y."""
    vx = v.to_sympy((x,))
    got = p.substitute_last(v)
    assert got.nvars == 1
    assert sympy.expand(got.to_sympy((x,)) - sym(p).subs(y, vx)) == 0


@given(polynomials())
def test_antiderivative_and_derivative(p: Polynomial) -> None:
    """d/dy of the y-antiderivative is p; the antiderivative matches sympy.integrate."""
    F = p.antiderivative(1)
    assert F.derivative(1) == p
    assert sympy.expand(sym(F) - sympy.integrate(sym(p), y)) == 0
    assert sympy.expand(sym(p.derivative(0)) - sympy.diff(sym(p), x)) == 0


def test_linear_and_affine_parts() -> None:
    p = Polynomial.linear([2, "-1/2"], 3)
    assert p.affine_parts() == ((Fraction(2), Fraction(-1, 2)), Fraction(3))
    assert p.degree == 1
    with pytest.raises(InvalidProblemError, match="degree 2"):
        (p * p).affine_parts()


def test_equality_with_numbers_and_zero() -> None:
    assert Polynomial.constant(3, 2) == 3
    assert Polynomial({}, nvars=2) == 0
    assert Polynomial({}, nvars=2).degree == -1
    assert Polynomial.variable(0, 2) != Polynomial.variable(1, 2)
    assert Polynomial({(1, 0): 2, (0, 0): -2}) == 2 * (Polynomial.variable(0, 2) - 1)


def test_repr_and_str_are_exact_and_ordered() -> None:
    p = Polynomial({(0, 0): "-1/2", (1, 0): 1, (0, 2): "1/3"})
    assert repr(p) == "Polynomial({(0, 2): 1/3, (1, 0): 1, (0, 0): -1/2}, nvars=2)"
    assert str(p) == "1/3*x1**2 + x0 - 1/2"


def test_float_rejection() -> None:
    with pytest.raises(FloatInputError, match="Polynomial"):
        Polynomial({(1, 0): 0.25})
    with pytest.raises(FloatInputError):
        Polynomial.variable(0, 2) * 0.5
    with pytest.raises(FloatInputError):
        Polynomial.variable(0, 2)(0.5, 1)


def test_shape_errors() -> None:
    with pytest.raises(ShapeError):
        Polynomial.variable(0, 2) + Polynomial.variable(0, 3)
    with pytest.raises(ShapeError):
        Polynomial({(1, 0): 1, (1,): 2})
    with pytest.raises(ShapeError):
        Polynomial.variable(2, 2)
    with pytest.raises(InvalidProblemError):
        Polynomial({(-1, 0): 1})
    with pytest.raises(InvalidProblemError):
        Polynomial.variable(0, 1) ** -1
