"""Exact arithmetic in a real quadratic field :math:`\\mathbb Q(\\sqrt d)` (private).

Ironing a piecewise-uniform distribution (:mod:`exactmech.dist.ironing`) finds lines
tangent to two parabolas with rational coefficients; their slopes are roots of quadratics
with rational coefficients, so they lie in :math:`\\mathbb Q(\\sqrt d)` for an integer
:math:`d`, and every later quantity at that slope stays in the same field. A :class:`Surd`
:math:`a + b\\sqrt d` (``a``, ``b`` Fractions) decides its sign exactly: when ``a`` and ``b``
differ in sign it compares :math:`a^2` with :math:`b^2 d` — no floating point, no sympy
heuristics. Only :meth:`Surd.exact` touches sympy, to hand an irrational result back.
"""

from __future__ import annotations

from fractions import Fraction
from math import isqrt
from typing import Any

__all__ = ["Surd", "quadratic_roots"]

_ZERO = Fraction(0)


def _sqrt_int(n: int) -> int | None:
    if n < 0:
        return None
    r = isqrt(n)
    return r if r * r == n else None


class Surd:
    """:math:`a + b\\sqrt d`: rational ``a``, ``b``, integer ``d > 1`` (``b = 0``: rational)."""

    __slots__ = ("a", "b", "d")

    def __init__(self, a: Fraction | int, b: Fraction | int = 0, d: int = 1) -> None:
        self.a = Fraction(a)
        self.b = Fraction(b) if d != 1 else _ZERO
        self.d = d if self.b else 1
        if d == 1 and b:
            self.a += Fraction(b)

    @staticmethod
    def _lift(x: Surd | Fraction | int) -> Surd:
        return x if isinstance(x, Surd) else Surd(Fraction(x))

    def _rewrite(self, d: int) -> Surd | None:
        """The same number written with sqrt(d), if it lies in Q(sqrt(d))."""
        if self.d == 1 or self.d == d:
            return self
        r = _sqrt_int(self.d * d)  # sqrt(e) = sqrt(e d)/d * sqrt(d)
        return None if r is None else Surd(self.a, self.b * Fraction(r, d), d)

    def _common(self, other: Surd) -> tuple[Surd, Surd, int]:
        d = self.d if self.d != 1 else other.d
        x, y = self._rewrite(d), other._rewrite(d)
        if x is None or y is None:
            raise ValueError(f"Surd: sqrt({self.d}) and sqrt({other.d}) span different fields")
        return x, y, d

    def __add__(self, other: Surd | Fraction | int) -> Surd:
        x, y, d = self._common(self._lift(other))
        return Surd(x.a + y.a, x.b + y.b, d)

    __radd__ = __add__

    def __neg__(self) -> Surd:
        return Surd(-self.a, -self.b, self.d)

    def __sub__(self, other: Surd | Fraction | int) -> Surd:
        return self + (-self._lift(other))

    def __rsub__(self, other: Surd | Fraction | int) -> Surd:
        return self._lift(other) - self

    def __mul__(self, other: Surd | Fraction | int) -> Surd:
        x, o, d = self._common(self._lift(other))
        return Surd(x.a * o.a + x.b * o.b * d, x.a * o.b + x.b * o.a, d)

    __rmul__ = __mul__

    def __truediv__(self, other: Surd | Fraction | int) -> Surd:
        x, o, d = self._common(self._lift(other))
        norm = o.a * o.a - o.b * o.b * d  # nonzero unless o == 0 (sqrt(d) irrational)
        if norm == 0:
            raise ZeroDivisionError("Surd division by zero")
        num = x * Surd(o.a, -o.b, d)
        return Surd(num.a / norm, num.b / norm, d)

    def sign(self) -> int:
        """The exact sign of :math:`a + b\\sqrt d`: ``-1``, ``0`` or ``1``."""
        sa = (self.a > 0) - (self.a < 0)
        sb = (self.b > 0) - (self.b < 0)
        if sb == 0 or sa == sb:
            return sa if sa else sb
        if sa == 0:
            return sb
        # opposite signs: the larger of a^2 and b^2 d wins (never equal: sqrt(d) irrational)
        return sa if self.a * self.a > self.b * self.b * self.d else sb

    def _cmp(self, other: Surd | Fraction | int) -> int:
        o = self._lift(other)
        try:
            return (self - o).sign()
        except ValueError:
            pass
        # Different fields: sign of L + z sqrt(q) with L = (a - a') + b sqrt(d), z = -b'.
        left = Surd(self.a - o.a, self.b, self.d)
        z, q = -o.b, o.d
        sl, sz = left.sign(), (z > 0) - (z < 0)
        if sl == sz or sz == 0:
            return sl
        if sl == 0:
            return sz
        # compare L^2 (in Q(sqrt d)) with z^2 q; never equal since the fields differ
        square = left * left - z * z * q
        return sl if square.sign() > 0 else sz

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, (Surd, Fraction, int)):
            return NotImplemented
        return self._cmp(other) == 0

    __hash__ = None  # type: ignore[assignment]  # equal numbers may be written differently

    def __lt__(self, other: Surd | Fraction | int) -> bool:
        return self._cmp(other) < 0

    def __le__(self, other: Surd | Fraction | int) -> bool:
        return self._cmp(other) <= 0

    def __gt__(self, other: Surd | Fraction | int) -> bool:
        return self._cmp(other) > 0

    def __ge__(self, other: Surd | Fraction | int) -> bool:
        return self._cmp(other) >= 0

    def is_rational(self) -> bool:
        """Whether ``b == 0``."""
        return self.b == 0

    def exact(self) -> Any:
        """A :class:`Fraction` when rational, else the sympy number :math:`a + b\\sqrt d`."""
        if self.b == 0:
            return self.a
        import sympy

        a = sympy.Rational(self.a.numerator, self.a.denominator)
        b = sympy.Rational(self.b.numerator, self.b.denominator)
        return a + b * sympy.sqrt(self.d)

    def __repr__(self) -> str:
        return f"Surd({self.a}, {self.b}, {self.d})" if self.b else f"Surd({self.a})"


def quadratic_roots(c2: Fraction, c1: Fraction, c0: Fraction) -> list[Surd] | None:
    """Real roots of :math:`c_2 s^2 + c_1 s + c_0`, ascending; ``None`` if identically zero."""
    if c2 == 0:
        if c1 == 0:
            return None if c0 == 0 else []
        return [Surd(-c0 / c1)]
    disc = c1 * c1 - 4 * c2 * c0
    if disc < 0:
        return []
    if disc == 0:
        return [Surd(-c1 / (2 * c2))]
    # sqrt(p/q) = sqrt(p q)/q
    n = disc.numerator * disc.denominator
    root = _sqrt_int(n)
    if root is not None:
        r = Fraction(root, disc.denominator)
        roots = [Surd((-c1 - r) / (2 * c2)), Surd((-c1 + r) / (2 * c2))]
    else:
        k = Fraction(1, disc.denominator) / (2 * c2)
        roots = [Surd(-c1 / (2 * c2), -k, n), Surd(-c1 / (2 * c2), k, n)]
    return sorted(roots)
