"""Exact calculus: integrals of piecewise polynomials over polygons and polytopes.

This package owns exact integration for the paper models: a polynomial with rational
coefficients (or a piecewise one, such as ``max(linear, 0)``, ``min``, ``Abs``,
``Piecewise`` with linear conditions) integrated over a convex polygon, a union of such
pieces, an ``n``-dimensional box cut by half-spaces, or sympy-style iterated limits. Every
result is a :class:`fractions.Fraction`; no float is ever formed, and sympy is used only to
read expressions (``sympy.integrate`` is the oracle of the tests, not the engine).

Modules (each one concern; lower ones never import higher ones):

=====================  ===============================================================
``polynomial``         :class:`Polynomial` (dict of exponent tuples → Fraction)
``conversion``         :func:`from_sympy` (sympy expression → Polynomial, exactly)
``halfspace``          :class:`HalfSpace`, :class:`HalfPlane` (``a·x <= c``)
``polygon``            :class:`Polygon` (exact Sutherland–Hodgman clipping, exact
                       boundedness check)
``polygon_integral``   :func:`integrate_polygon` (Green/edge formula on integers; the
                       triangle-fan formula as a cross-check), :func:`integrate_triangle`
``polytope``           :class:`Polytope`, :func:`integrate_polytope` (iterated exact
                       integration in ``n`` dimensions, Fourier–Motzkin emptiness)
``piecewise``          splitting sympy ``Max``/``Min``/``Piecewise``/... along lines
``integrate``          :func:`integrate`, :func:`integrate_iterated`,
                       :func:`integrate_interval` (sympy in, Fraction out)
=====================  ===============================================================

Benchmark: ``scripts/bench_integrate.py`` (against ``sympy.integrate`` on the same
integrals; about 200–1300× faster there, every value equal).

Limitations: switching sets must be lines (hyperplanes); ``Max(x**2, y)`` raises
:class:`NotImplementedError`. Symbols other than the integration variables (parameters)
are rejected: use ``sympy.integrate`` for symbolic results. In ``n >= 3`` dimensions the
iterated scheme of :mod:`~exactmech.calculus.polytope` is meant for small ``n`` and few
constraints (a box cut by a handful of half-spaces).

>>> import sympy
>>> s1, s2 = sympy.symbols("s1 s2")
>>> 2 * integrate_iterated(sympy.Max(s1 + s2 / 2 - sympy.Rational(1, 2), 0),
...                        (s2, 0, s1), (s1, 0, 1))       # paper 003, footnote 11
Fraction(13, 36)
"""

from exactmech.calculus.conversion import from_sympy
from exactmech.calculus.halfspace import HalfPlane, HalfSpace
from exactmech.calculus.integrate import integrate, integrate_interval, integrate_iterated
from exactmech.calculus.piecewise import Splitter
from exactmech.calculus.polygon import Polygon
from exactmech.calculus.polygon_integral import (
    integrate_polygon,
    integrate_polynomial_interval,
    integrate_triangle,
)
from exactmech.calculus.polynomial import Polynomial
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
