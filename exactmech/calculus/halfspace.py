"""Exact half-spaces ``a·x <= c`` with rational data, in any dimension.

A :class:`HalfSpace` is the closed set ``normal·x <= bound``; :class:`HalfPlane` is the
two-dimensional case ``a·x + b·y <= c``. Two half-spaces are equal when they are the same
set: :meth:`HalfSpace.normalized` scales the normal to a primitive integer vector.
Strict and non-strict inequalities are the same for integration (the boundary has measure
zero), so only closed half-spaces exist here.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from math import gcd, lcm
from typing import Any

from exactmech.calculus.polynomial import Polynomial
from exactmech.errors import ShapeError
from exactmech.numbers import Q, fraction_str

__all__ = ["HalfPlane", "HalfSpace"]

_ZERO = Fraction(0)


class HalfSpace:
    """The closed half-space ``normal · x <= bound`` with rational data.

    Parameters
    ----------
    normal
        The coefficients ``a_i`` (anything :func:`~exactmech.numbers.Q` accepts).
    bound
        The right-hand side ``c``.

    Examples
    --------
    >>> h = HalfSpace([1, 1, 1], 1)          # x0 + x1 + x2 <= 1
    >>> h.contains(["1/3", "1/3", "1/3"]), h.contains([1, 1, 0])
    (True, False)
    >>> h
    HalfSpace((1, 1, 1), 1)
    """

    __slots__ = ("_bound", "_key", "_normal")

    _normal: tuple[Fraction, ...]
    _bound: Fraction
    _key: tuple[tuple[Fraction, ...], Fraction] | None

    def __init__(self, normal: Sequence[Any], bound: Any) -> None:
        func = type(self).__name__
        self._normal = tuple(Q(a, f"normal[{i}]", func=func) for i, a in enumerate(normal))
        self._bound = Q(bound, "bound", func=func)
        self._key = None

    @staticmethod
    def _make(normal: tuple[Fraction, ...], bound: Fraction) -> HalfSpace:
        """An unvalidated half-space; a :class:`HalfPlane` in dimension 2."""
        h = object.__new__(HalfPlane if len(normal) == 2 else HalfSpace)
        h._normal = normal
        h._bound = bound
        h._key = None
        return h

    @classmethod
    def from_polynomial(cls, p: Polynomial) -> HalfSpace:
        """The half-space ``p <= 0`` for a polynomial of degree at most 1.

        >>> HalfSpace.from_polynomial(Polynomial.linear([1, -2], 3))
        HalfPlane(1, -2, -3)
        """
        a, c = p.affine_parts()
        return HalfSpace._make(a, -c)

    @property
    def normal(self) -> tuple[Fraction, ...]:
        """The coefficients ``a`` of ``a·x <= c``."""
        return self._normal

    @property
    def bound(self) -> Fraction:
        """The right-hand side ``c`` of ``a·x <= c``."""
        return self._bound

    @property
    def dim(self) -> int:
        """The dimension of the space."""
        return len(self._normal)

    def slack(self, point: Sequence[Fraction]) -> Fraction:
        """``c - a·point``: nonnegative exactly on the half-space."""
        return self._bound - sum((a * x for a, x in zip(self._normal, point)), _ZERO)

    def contains(self, point: Sequence[Any]) -> bool:
        """Whether ``point`` satisfies ``a·point <= c``."""
        if len(point) != self.dim:
            raise ShapeError(
                f"HalfSpace.contains(): point has {len(point)} coordinates, not {self.dim}"
            )
        return self.slack([Q(v, "point", func="HalfSpace.contains") for v in point]) >= 0

    def flipped(self) -> HalfSpace:
        """The closure of the complement, ``a·x >= c``."""
        return HalfSpace._make(tuple(-a for a in self._normal), -self._bound)

    def normalized(self) -> HalfSpace:
        """The same set with a primitive integer normal (``0 <= ±1`` for a zero normal).

        >>> HalfSpace(["1/2", "3/2"], 1).normalized()
        HalfPlane(1, 3, 2)
        """
        den = lcm(*(a.denominator for a in self._normal), 1)
        ints = [int(a * den) for a in self._normal]
        g = gcd(*ints)
        if g == 0:
            return HalfSpace._make(self._normal, Fraction((self._bound > 0) - (self._bound < 0)))
        return HalfSpace._make(tuple(Fraction(k // g) for k in ints), self._bound * den / g)

    def key(self) -> tuple[tuple[Fraction, ...], Fraction]:
        """``(normal, bound)`` of :meth:`normalized`: equal exactly for equal sets (cached)."""
        if self._key is None:
            n = self.normalized()
            self._key = (n._normal, n._bound)
        return self._key

    def integer_row(self) -> tuple[int, ...]:
        """``(a_1, ..., a_n, c)`` as integers with the same sign (cleared denominators).

        >>> HalfPlane("1/2", "-1/3", "1/4").integer_row()
        (6, -4, 3)
        """
        row = (*self._normal, self._bound)
        den = lcm(*(v.denominator for v in row))
        return tuple(v.numerator * (den // v.denominator) for v in row)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, HalfSpace):
            return NotImplemented
        return self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())

    def __repr__(self) -> str:
        normal = ", ".join(fraction_str(a) for a in self._normal)
        comma = "," if len(self._normal) == 1 else ""
        return f"HalfSpace(({normal}{comma}), {fraction_str(self._bound)})"

    def __str__(self) -> str:
        return self.format([f"x{i}" for i in range(self.dim)])

    def format(self, names: Sequence[str]) -> str:
        """The inequality written with the given variable names.

        >>> HalfSpace([1, -1, "1/2"], 2).format("abc")
        'a - b + 1/2*c <= 2'
        """
        parts: list[str] = []
        for a, v in zip(self._normal, names):
            if a:
                k = "" if abs(a) == 1 else f"{fraction_str(abs(a))}*"
                sign = ("-" if a < 0 else "") if not parts else (" - " if a < 0 else " + ")
                parts.append(f"{sign}{k}{v}")
        lhs = "".join(parts) or "0"
        return f"{lhs} <= {fraction_str(self._bound)}"


class HalfPlane(HalfSpace):
    """The closed half-plane ``a·x + b·y <= c`` (a two-dimensional :class:`HalfSpace`).

    >>> h = HalfPlane(1, 1, 1)
    >>> h.contains(["1/2", "1/2"]), h.a, h.c
    (True, Fraction(1, 1), Fraction(1, 1))
    >>> HalfPlane(1, 0.5, 1)
    Traceback (most recent call last):
    ...
    exactmech.errors.FloatInputError: HalfPlane(): normal[1]=0.5 is a float; ...
    """

    __slots__ = ()

    def __init__(self, a: Any, b: Any, c: Any) -> None:
        super().__init__((a, b), c)

    @property
    def a(self) -> Fraction:
        """Coefficient of ``x``."""
        return self._normal[0]

    @property
    def b(self) -> Fraction:
        """Coefficient of ``y``."""
        return self._normal[1]

    @property
    def c(self) -> Fraction:
        """The right-hand side."""
        return self._bound

    def __repr__(self) -> str:
        a, b = self._normal
        return f"HalfPlane({fraction_str(a)}, {fraction_str(b)}, {fraction_str(self._bound)})"
