"""Exact rational numbers at the boundary of exactmech.

This module owns the single input gate for numbers (STYLE.md §4): :func:`Q` (alias
:func:`as_rational`) turns an ``int``, :class:`fractions.Fraction`, sympy ``Rational``,
gmpy2 ``mpq``/``mpz``, python-flint ``fmpq``/``fmpz`` or a string such as ``"3/7"``,
``"0.15"`` or ``"-1.5e-3"`` into a :class:`fractions.Fraction`, exactly. Binary floats are
rejected with a :class:`~exactmech.errors.FloatInputError` naming the argument, unless the
caller opts in with ``allow_float=True`` (then the float's exact binary value is used).

It also renders rationals: :func:`fraction_str` (``"13/36"``) and :func:`to_latex`
(``\\frac{13}{36}``).
"""

from __future__ import annotations

import numbers as _numbers
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from exactmech.errors import FloatInputError, InvalidNumberError

__all__ = ["Q", "RationalLike", "as_rational", "as_rational_vector", "fraction_str", "to_latex"]

#: Anything :func:`Q` accepts (for type hints; strings are parsed exactly).
RationalLike = int | Fraction | str | Any

#: Shared Fraction objects for small integers (Fractions are immutable, so sharing is safe);
#: LP data is mostly small integers and building a Fraction costs more than a dict lookup.
_SMALL = {k: Fraction(k) for k in range(-1024, 1025)}

_FRACTION_RE = re.compile(r"^\s*([+-]?\d+)\s*/\s*([+-]?\d+)\s*$")


def _where(name: str | None, func: str | None) -> str:
    prefix = f"{func}(): " if func else ""
    return f"{prefix}{name}=" if name else f"{prefix}"


def Q(
    value: Any,
    name: str | None = None,
    *,
    func: str | None = None,
    allow_float: bool = False,
) -> Fraction:
    """Convert ``value`` to an exact :class:`fractions.Fraction`.

    Parameters
    ----------
    value
        ``int``, ``Fraction``, sympy ``Rational``/``Integer``, gmpy2 ``mpz``/``mpq``,
        python-flint ``fmpz``/``fmpq``, or a string ``"a/b"``, ``"a"``, ``"0.15"``,
        ``"1e-3"`` (decimal strings are read exactly).
    name
        Name of the argument, used in error messages (e.g. ``"c[2]"``).
    func
        Name of the public function doing the conversion, prefixed to error messages.
    allow_float
        If true, a ``float`` is accepted and converted to its exact binary value
        (``0.1`` becomes ``3602879701896397/36028797018963968``). Off by default.

    Returns
    -------
    Fraction
        The exact value.

    Raises
    ------
    FloatInputError
        If ``value`` is a float (or numpy floating scalar) and ``allow_float`` is false.
    InvalidNumberError
        If ``value`` is not a rational number (wrong type, malformed string, NaN, a
        sympy irrational such as ``sqrt(2)``, zero denominator).

    Examples
    --------
    >>> Q("0.15")
    Fraction(3, 20)
    >>> Q("3/7") + Q(1)
    Fraction(10, 7)
    >>> Q(0.1, "c[2]", func="linprog")
    Traceback (most recent call last):
    ...
    exactmech.errors.FloatInputError: linprog(): c[2]=0.1 is a float; pass Fraction(1, 10) ...
    """
    if type(value) is int:
        small = _SMALL.get(value)
        return small if small is not None else Fraction(value)
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool):
        return Fraction(int(value))
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float) or _is_numpy_float(value):
        if allow_float:
            return Fraction(float(value))
        return _float_error(float(value), name, func)
    if isinstance(value, str):
        return _parse_string(value, name, func)
    # numpy integers, gmpy2 mpz/mpq, python-flint fmpz/fmpq, sympy Integer/Rational.
    return _from_foreign(value, name, func)


as_rational = Q


def _is_numpy_float(value: Any) -> bool:
    mod = type(value).__module__
    return mod == "numpy" and "float" in type(value).__name__


def _float_error(value: float, name: str | None, func: str | None) -> Fraction:
    where = _where(name, func)
    shown = repr(value)
    try:
        approx = Fraction(shown)  # the shortest decimal that round-trips
        hint = (
            f"pass Fraction({approx.numerator}, {approx.denominator}) or '{fraction_str(approx)}'"
        )
    except (ValueError, ZeroDivisionError):
        hint = "pass an int, a Fraction or a string"
    raise FloatInputError(
        f"{where}{shown} is a float; {hint} (or opt in with allow_float=True)"
        if where
        else f"{shown} is a float; {hint} (or opt in with allow_float=True)"
    )


def _parse_string(text: str, name: str | None, func: str | None) -> Fraction:
    m = _FRACTION_RE.match(text)
    try:
        if m:
            den = int(m.group(2))
            if den == 0:
                raise ZeroDivisionError
            return Fraction(int(m.group(1)), den)
        d = Decimal(text.strip())
        if not d.is_finite():
            raise InvalidOperation
        return Fraction(d)
    except (InvalidOperation, ValueError, ZeroDivisionError):
        where = _where(name, func)
        raise InvalidNumberError(
            f"{where}{text!r} is not a rational number; expected e.g. '3/7', '-2' or '0.15'"
        ) from None


def _from_foreign(value: Any, name: str | None, func: str | None) -> Fraction:
    # sympy: Rational has p, q; irrationals/floats are rejected explicitly.
    mod = type(value).__module__ or ""
    if mod.startswith("sympy"):
        if getattr(value, "is_Float", False):
            if name is None and func is None:
                raise FloatInputError(f"{value} is a sympy Float; pass a Rational")
            raise FloatInputError(f"{_where(name, func)}{value} is a sympy Float; pass a Rational")
        if getattr(value, "is_Rational", False):
            return Fraction(int(value.p), int(value.q))
    elif isinstance(value, _numbers.Integral):
        return Fraction(int(value))
    elif hasattr(value, "numerator") and hasattr(value, "denominator"):
        # gmpy2.mpq, flint.fmpq, numbers.Rational implementations
        try:
            return Fraction(int(value.numerator), int(value.denominator))
        except (TypeError, ValueError):
            pass
    elif hasattr(value, "p") and hasattr(value, "q") and mod.startswith("flint"):
        return Fraction(int(value.p), int(value.q))
    where = _where(name, func)
    raise InvalidNumberError(
        f"{where}{value!r} of type {type(value).__name__} is not an exact rational number"
    )


def as_rational_vector(
    values: Iterable[Any], name: str, *, func: str | None = None, allow_float: bool = False
) -> tuple[Fraction, ...]:
    """Convert a sequence to a tuple of Fractions; errors name the index (``name[i]``).

    Examples
    --------
    >>> as_rational_vector(["1/2", 3], "b")
    (Fraction(1, 2), Fraction(3, 1))
    """
    if isinstance(values, (str, bytes)):
        raise InvalidNumberError(f"{_where(None, func)}{name} must be a sequence of numbers")
    try:
        items = list(values)
    except TypeError:
        raise InvalidNumberError(
            f"{_where(None, func)}{name} must be a sequence of numbers, got {type(values).__name__}"
        ) from None
    return tuple(
        Q(v, f"{name}[{i}]", func=func, allow_float=allow_float) for i, v in enumerate(items)
    )


def fraction_str(x: Fraction | int) -> str:
    """``"a/b"`` (or ``"a"`` for an integer): the JSON and terminal form of a rational.

    >>> fraction_str(Fraction(13, 36)), fraction_str(Fraction(4, 2))
    ('13/36', '2')
    """
    x = Fraction(x)
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def to_latex(x: Fraction | int, *, style: str = "frac") -> str:
    r"""LaTeX for a rational: ``\frac{13}{36}`` (``style="frac"``), ``\tfrac`` or ``13/36``.

    >>> to_latex(Fraction(-13, 36))
    '-\\frac{13}{36}'
    >>> to_latex(Fraction(5), style="slash")
    '5'
    """
    x = Fraction(x)
    if x.denominator == 1:
        return str(x.numerator)
    sign = "-" if x < 0 else ""
    p, q = abs(x.numerator), x.denominator
    if style == "slash":
        return f"{sign}{p}/{q}"
    if style not in ("frac", "tfrac", "dfrac"):
        raise ValueError(
            f"to_latex(): style={style!r}; expected 'frac', 'tfrac', 'dfrac' or 'slash'"
        )
    return f"{sign}\\{style}{{{p}}}{{{q}}}"
