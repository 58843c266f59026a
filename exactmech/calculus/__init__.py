"""Exact calculus: integrals of piecewise polynomials over polygons and polytopes.

This package owns exact integration for the paper models: a polynomial with rational
coefficients (or a piecewise one, such as ``max(linear, 0)``, ``min``, ``Abs``,
``Piecewise`` with linear conditions) integrated over a convex polygon, a union of such
pieces, an ``n``-dimensional box cut by half-spaces, or sympy-style iterated limits. Every
result is a :class:`fractions.Fraction`; no float is ever formed, and sympy is used only to
read expressions (``sympy.integrate`` is the oracle of the tests, not the engine).

Modules (each one concern; lower ones never import higher ones):

=====================  ===============================================================
``polynomial``         :class:`Polynomial` (dict of exponent tuples → Fraction),
                       :func:`from_sympy`
``polygon``            :class:`HalfSpace`, :class:`HalfPlane`, :class:`Polygon` (exact
                       Sutherland–Hodgman clipping, boundedness check)
``polygon_integral``   :func:`integrate_polygon` (Green/edge formula on integers; the
                       triangle-fan formula as a cross-check), :func:`integrate_triangle`
``polytope``           :class:`Polytope`, :func:`integrate_polytope` (iterated exact
                       integration in ``n`` dimensions, Fourier–Motzkin emptiness)
``piecewise``          splitting sympy ``Max``/``Min``/``Piecewise``/... along lines
``integrate``          :func:`integrate`, :func:`integrate_iterated`,
                       :func:`integrate_interval` (sympy in, Fraction out)
=====================  ===============================================================

Benchmark: ``scripts/bench_integrate.py`` (against ``sympy.integrate`` on the same integrals).

>>> import sympy
>>> s1, s2 = sympy.symbols("s1 s2")
>>> 2 * integrate_iterated(sympy.Max(s1 + s2 / 2 - sympy.Rational(1, 2), 0),
...                        (s2, 0, s1), (s1, 0, 1))       # paper 003, footnote 11
Fraction(13, 36)
"""

from exactmech.calculus.integrate import integrate, integrate_interval, integrate_iterated
from exactmech.calculus.piecewise import Splitter
from exactmech.calculus.polygon import HalfPlane, HalfSpace, Polygon
from exactmech.calculus.polygon_integral import (
    integrate_polygon,
    integrate_polynomial_interval,
    integrate_triangle,
)
from exactmech.calculus.polynomial import Polynomial, from_sympy
from exactmech.calculus.polytope import Polytope, has_interior, integrate_polytope

__all__ = [
    "HalfPlane",
    "HalfSpace",
    "Polygon",
    "Polynomial",
    "Polytope",
    "Splitter",
    "from_sympy",
    "has_interior",
    "integrate",
    "integrate_interval",
    "integrate_iterated",
    "integrate_polygon",
    "integrate_polynomial_interval",
    "integrate_polytope",
    "integrate_triangle",
]
