"""Comparing an exact (or ≥ 30-digit) value with a decimal the paper prints.

Paper 003 prints most of its numbers as rounded decimals (``0.2036``, ``0.273``,
``0.31094``). A :class:`Rounded` carries our value — a Fraction, an exact sympy closed form,
or an mpmath number computed at high precision — together with the number of decimals the
paper shows. It compares equal to the printed decimal iff rounding our value to that many
decimals, **half up** (the rule that reproduces every printed entry), gives exactly the
printed number. The comparison refuses to decide (``ValueError``) when our value lies
within ``10^-25`` of a rounding boundary, since then 30 digits would not settle it.

Its text form keeps the exact value visible: ``"2*t/(1 + 2*t)**2 ... ≈ 0.20363... → 0.2036"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import mpmath
import sympy

__all__ = ["DIGITS", "Rounded", "to_mpf"]

#: Significant digits at which non-rational values are computed and shown.
DIGITS = 30

_MARGIN = Fraction(1, 10**25)


def to_mpf(x: Any, dps: int = DIGITS + 10) -> Any:
    """``x`` (Fraction, sympy number or mpmath number) as an mpmath number at ``dps`` digits."""
    with mpmath.workdps(dps):
        if isinstance(x, Fraction):
            return mpmath.mpf(x.numerator) / x.denominator
        if isinstance(x, sympy.Basic):
            return mpmath.mpf(sympy.N(x, dps + 5))
        return mpmath.mpf(x)


def _as_fraction(x: Any) -> Fraction:
    """A rational approximation of ``x`` good to about 40 digits (exact for Fractions)."""
    if isinstance(x, Fraction):
        return x
    if isinstance(x, sympy.Basic) and x.is_Rational:
        return Fraction(int(x.p), int(x.q))
    with mpmath.workdps(DIGITS + 15):
        s = mpmath.nstr(to_mpf(x, DIGITS + 15), DIGITS + 10, strip_zeros=False)
    return Fraction(Decimal(s))


@dataclass(frozen=True)
class Rounded:
    """A value shown at a paper's printed precision.

    Attributes
    ----------
    value
        Our value: a ``Fraction``, an exact sympy expression or an mpmath number (computed
        with at least :data:`DIGITS` correct digits).
    decimals
        Decimals printed by the paper.
    closed_form
        An exact closed form (sympy), when one exists and ``value`` is its evaluation.

    Examples
    --------
    >>> Rounded(Fraction(13, 36), 4) == Fraction("0.3611")
    True
    >>> str(Rounded(Fraction(17, 96), 3))
    '17/96 ≈ 0.177083333333333333333333333333 → 0.177'
    """

    value: Any
    decimals: int
    closed_form: Any = None

    @property
    def rounded(self) -> Fraction:
        """Our value rounded half up to :attr:`decimals` decimals (exact)."""
        x = _as_fraction(self.value)
        unit = Fraction(1, 10**self.decimals)
        scaled = x / unit
        floor = scaled.numerator // scaled.denominator
        frac = scaled - floor
        if (
            not isinstance(self.value, Fraction)
            and not (isinstance(self.value, sympy.Basic) and self.value.is_Rational)
            and abs(frac - Fraction(1, 2)) * unit < _MARGIN
        ):
            raise ValueError(
                f"Rounded(): {self.digits} is within 1e-25 of a rounding boundary at "
                f"{self.decimals} decimals; 30 digits cannot decide the rounding"
            )
        q = Decimal(scaled.numerator) / Decimal(scaled.denominator)
        return Fraction(int(q.to_integral_value(rounding=ROUND_HALF_UP))) * unit

    @property
    def digits(self) -> str:
        """:data:`DIGITS` significant digits of the value."""
        with mpmath.workdps(DIGITS + 10):
            return str(mpmath.nstr(to_mpf(self.value), DIGITS, strip_zeros=False))

    def printed(self) -> str:
        """The rounded value as the paper would print it (``"0.204"``)."""
        r = self.rounded
        return f"{Decimal(r.numerator) / Decimal(r.denominator):.{self.decimals}f}"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rounded):
            return self.rounded == other.rounded and self.decimals == other.decimals
        if isinstance(other, (int, Fraction)):
            return self.rounded == Fraction(other)
        if isinstance(other, str):
            return self.printed() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.rounded, self.decimals))

    def __str__(self) -> str:
        exact = self.closed_form if self.closed_form is not None else self.value
        if isinstance(exact, Fraction):
            head = (
                f"{exact.numerator}/{exact.denominator}"
                if exact.denominator != 1
                else str(exact.numerator)
            )
        elif isinstance(exact, sympy.Basic):
            head = str(exact)
        else:
            head = ""
        body = f"{head} ≈ {self.digits}" if head else self.digits
        return f"{body} → {self.printed()}"

    __repr__ = __str__
