"""Claims of paper 003, "Robust Mechanisms Under Common Valuation" (exact calculus so far)."""

from __future__ import annotations

from fractions import Fraction

import sympy

from exactmech.calculus import integrate_iterated
from exactmech.claims.core import Claim

__all__ = ["CLAIMS"]


def _footnote11() -> Fraction:
    s1, s2 = sympy.symbols("s1 s2")
    return 2 * integrate_iterated(
        sympy.Max(s1 + s2 / 2 - sympy.Rational(1, 2), 0), (s2, 0, s1), (s1, 0, 1)
    )


CLAIMS = [
    Claim(
        "003.fn11.integral",
        "003",
        "footnote 11",
        "2∫₀¹∫₀^{s1} max(s1 + s2/2 − 1/2, 0) ds2 ds1",
        Fraction(13, 36),
        _footnote11,
    ),
]
