"""How one exact value looks, in one place, for every output (terminal, JSON, LaTeX, HTML).

Owns the rendering of a single value:

* a ``Fraction`` (or ``int``, sympy ``Rational``) is ``"13/36"`` in text and JSON and
  ``\\frac{13}{36}`` (or ``13/36`` with ``style="slash"``) in LaTeX;
* a sympy expression is ``str(expr)`` / ``sympy.latex(expr)``; when it is an irrational
  number its digits follow (``"1 + sqrt(3)/3 ≈ 1.5773502691896257645"``), computed by
  mpmath at :data:`DIGITS` significant digits (never through a binary float);
* an mpmath number prints with :data:`DIGITS` significant digits;
* tuples, lists and mappings format element-wise; ``None`` is an em dash.

A binary ``float`` raises ``TypeError``: exact outputs never contain floats.
:func:`to_latex` is the single LaTeX entry point for Fraction, sympy and mpmath values
(:func:`exactmech.numbers.to_latex` is its rational special case).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from exactmech.numbers import fraction_str
from exactmech.numbers import to_latex as _rational_latex

__all__ = [
    "DIGITS",
    "STYLES",
    "decimal_str",
    "is_mpmath",
    "is_sympy",
    "to_latex",
    "value_latex",
    "value_str",
    "values_equal",
]

#: Significant digits shown for irrational numbers (evaluated with mpmath at higher precision).
DIGITS = 20

#: Accepted ``style`` values of :func:`to_latex`.
STYLES = ("frac", "tfrac", "dfrac", "slash")


def is_sympy(v: Any) -> bool:
    """Whether ``v`` is a sympy object."""
    return type(v).__module__.startswith("sympy")


def is_mpmath(v: Any) -> bool:
    """Whether ``v`` is an mpmath number (``mpf``, ``mpc``, ...)."""
    return type(v).__module__.startswith("mpmath")


def _sympy_digits(v: Any, digits: int) -> str | None:
    import sympy

    if not v.free_symbols and not v.is_Rational and getattr(v, "is_number", False):
        try:
            return str(sympy.N(v, digits))
        except (TypeError, ValueError):  # pragma: no cover - exotic expressions
            return None
    return None


def _mpmath_digits(v: Any, digits: int) -> str:
    import mpmath

    return str(mpmath.nstr(v, digits))


def decimal_str(x: Fraction | int, digits: int = DIGITS) -> str:
    """``x`` to ``digits`` significant decimal digits, computed by mpmath (never a float).

    >>> decimal_str(Fraction(-406659, 875), 30)
    '-464.753142857142857142857142857'
    """
    import mpmath

    x = Fraction(x)
    with mpmath.workdps(digits + 10):
        return str(mpmath.nstr(mpmath.mpf(x.numerator) / x.denominator, digits))


def _no_float(v: Any, func: str) -> None:
    if isinstance(v, float):
        raise TypeError(f"{func}(): {v!r} is a float; exact outputs never contain floats")


def value_str(v: Any, *, digits: int = DIGITS) -> str:
    """Plain-text form of an exact value (terminal, Markdown, HTML and JSON strings use this).

    Parameters
    ----------
    v
        Fraction, int, bool, str, sympy expression, mpmath number, tuple, list, mapping or
        ``None``.
    digits
        Significant digits shown for irrational numbers.

    Examples
    --------
    >>> value_str(Fraction(13, 36)), value_str((Fraction(1, 2), 3)), value_str(None)
    ('13/36', '(1/2, 3)', '—')
    >>> import sympy
    >>> value_str(1 + sympy.sqrt(3) / 3)
    'sqrt(3)/3 + 1 ≈ 1.5773502691896257645'
    >>> value_str(0.5)
    Traceback (most recent call last):
    ...
    TypeError: value_str(): 0.5 is a float; exact outputs never contain floats
    """
    if v is None:
        return "—"
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, Fraction)):
        return fraction_str(Fraction(v))
    if isinstance(v, str):
        return v
    if is_sympy(v):
        if getattr(v, "is_Rational", False):
            return fraction_str(Fraction(int(v.p), int(v.q)))
        if getattr(v, "is_Float", False):
            return str(v)
        shown = _sympy_digits(v, digits)
        return f"{v} ≈ {shown}" if shown else str(v)
    if is_mpmath(v):
        return _mpmath_digits(v, digits)
    if isinstance(v, Mapping):
        return "{" + ", ".join(f"{k}: {value_str(x, digits=digits)}" for k, x in v.items()) + "}"
    if isinstance(v, (tuple, list)):
        return "(" + ", ".join(value_str(x, digits=digits) for x in v) + ")"
    _no_float(v, "value_str")
    return str(v)


def _latex_text(text: str) -> str:
    from exactmech.report.latex import latex_escape

    return r"\text{" + latex_escape(text) + "}"


def to_latex(v: Any, *, style: str = "frac", digits: int = DIGITS) -> str:
    r"""LaTeX (math mode, without the ``$``) for an exact value of any supported kind.

    Parameters
    ----------
    v
        As for :func:`value_str`.
    style
        Rationals as ``\frac{a}{b}`` (``"frac"``), ``\tfrac``, ``\dfrac`` or ``a/b``
        (``"slash"``).
    digits
        Significant digits shown for irrational numbers.

    Examples
    --------
    >>> to_latex(Fraction(-1, 3)), to_latex((1, Fraction(1, 2)), style="slash")
    ('-\\frac{1}{3}', '(1, 1/2)')
    >>> import sympy, mpmath
    >>> to_latex(sympy.sqrt(2), digits=8)
    '\\sqrt{2} \\approx 1.4142136'
    >>> with mpmath.workdps(30):
    ...     to_latex(mpmath.mpf(2) / 3, digits=25)
    '0.6666666666666666666666667'
    >>> to_latex(Fraction(1, 2), style="fraction")
    Traceback (most recent call last):
    ...
    ValueError: to_latex(): style='fraction'; expected one of frac, tfrac, dfrac, slash
    """
    if style not in STYLES:
        raise ValueError(f"to_latex(): style={style!r}; expected one of {', '.join(STYLES)}")
    if v is None:
        return "\\text{---}"
    if isinstance(v, bool):
        return r"\text{" + str(v) + "}"
    if isinstance(v, (int, Fraction)):
        return _rational_latex(Fraction(v), style=style)
    if isinstance(v, str):
        return _latex_text(v)
    if is_sympy(v):
        import sympy

        if getattr(v, "is_Rational", False):
            return _rational_latex(Fraction(int(v.p), int(v.q)), style=style)
        tex = str(sympy.latex(v))
        shown = _sympy_digits(v, digits)
        return f"{tex} \\approx {shown}" if shown else tex
    if is_mpmath(v):
        return _mpmath_digits(v, digits)
    if isinstance(v, Mapping):
        inner = ", ".join(
            f"{_latex_text(str(k))}: {to_latex(x, style=style, digits=digits)}"
            for k, x in v.items()
        )
        return r"\{" + inner + r"\}"
    if isinstance(v, (tuple, list)):
        return "(" + ", ".join(to_latex(x, style=style, digits=digits) for x in v) + ")"
    _no_float(v, "to_latex")
    return _latex_text(str(v))


#: The historical name of :func:`to_latex` (kept for existing callers).
value_latex = to_latex


def values_equal(a: Any, b: Any) -> bool:
    """Exact equality of two values of the kinds above (sympy: ``simplify(a − b) == 0``).

    >>> values_equal(Fraction(1, 2), Fraction(2, 4)), values_equal((1, 2), [1, 2])
    (True, True)
    """
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(values_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(values_equal(a[k], b[k]) for k in a)
    if isinstance(a, float) or isinstance(b, float):
        raise TypeError("values_equal(): floats are never compared for exact equality")
    if is_sympy(a) or is_sympy(b):
        import sympy

        try:
            return bool(sympy.simplify(sympy.sympify(a) - sympy.sympify(b)) == 0)
        except (TypeError, sympy.SympifyError):
            return False
    return bool(a == b)
