"""Formatting of exact values, in one place, for every output (terminal, JSON, LaTeX).

Owns how a value looks: a ``Fraction`` is ``"13/36"`` (JSON/terminal) or ``\\frac{13}{36}``
(LaTeX); a sympy expression is ``str(expr)`` / ``sympy.latex(expr)``, with its digits
appended (``"1 + sqrt(3)/3 ≈ 1.5773502691896257645"``) when it is an irrational number;
an mpmath number prints with 20 significant digits; tuples and lists format element-wise.
Never a binary float.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from exactmech.numbers import fraction_str, to_latex

__all__ = ["DIGITS", "value_latex", "value_str", "values_equal"]

#: Significant digits shown for irrational numbers (evaluated with mpmath at higher precision).
DIGITS = 20


def _is_sympy(v: Any) -> bool:
    return type(v).__module__.startswith("sympy")


def _sympy_digits(v: Any) -> str | None:
    import sympy

    if not v.free_symbols and not v.is_Rational:
        try:
            return str(sympy.N(v, DIGITS))
        except (TypeError, ValueError):  # pragma: no cover - exotic expressions
            return None
    return None


def value_str(v: Any) -> str:
    """Plain-text form of an exact value (JSON strings use this).

    >>> value_str(Fraction(13, 36)), value_str((Fraction(1, 2), 3)), value_str(None)
    ('13/36', '(1/2, 3)', '—')
    >>> import sympy
    >>> value_str(1 + sympy.sqrt(3) / 3)
    'sqrt(3)/3 + 1 ≈ 1.5773502691896257645'
    """
    if v is None:
        return "—"
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, Fraction)):
        return fraction_str(Fraction(v))
    if isinstance(v, str):
        return v
    if _is_sympy(v):
        if getattr(v, "is_Rational", False):
            return fraction_str(Fraction(int(v.p), int(v.q)))
        digits = _sympy_digits(v)
        return f"{v} ≈ {digits}" if digits else str(v)
    if type(v).__module__.startswith("mpmath"):
        import mpmath

        return str(mpmath.nstr(v, DIGITS))
    if isinstance(v, Mapping):
        return "{" + ", ".join(f"{k}: {value_str(x)}" for k, x in v.items()) + "}"
    if isinstance(v, (tuple, list)):
        return "(" + ", ".join(value_str(x) for x in v) + ")"
    if isinstance(v, float):
        raise TypeError(f"value_str(): {v!r} is a float; exact outputs never contain floats")
    return str(v)


def value_latex(v: Any, *, style: str = "frac") -> str:
    r"""LaTeX form of an exact value (``style`` as in :func:`exactmech.to_latex`).

    >>> value_latex(Fraction(-1, 3)), value_latex((1, Fraction(1, 2)), style="slash")
    ('-\\frac{1}{3}', '(1, 1/2)')
    """
    if v is None:
        return "---"
    if isinstance(v, bool):
        return r"\text{" + str(v) + "}"
    if isinstance(v, (int, Fraction)):
        return to_latex(Fraction(v), style=style)
    if isinstance(v, str):
        return r"\text{" + v.replace("_", r"\_").replace("%", r"\%").replace("&", r"\&") + "}"
    if _is_sympy(v):
        import sympy

        if getattr(v, "is_Rational", False):
            return to_latex(Fraction(int(v.p), int(v.q)), style=style)
        tex = str(sympy.latex(v))
        digits = _sympy_digits(v)
        return f"{tex} \\approx {digits}" if digits else tex
    if isinstance(v, (tuple, list)):
        return "(" + ", ".join(value_latex(x, style=style) for x in v) + ")"
    return r"\text{" + value_str(v) + "}"


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
    if _is_sympy(a) or _is_sympy(b):
        import sympy

        try:
            return bool(sympy.simplify(sympy.sympify(a) - sympy.sympify(b)) == 0)
        except (TypeError, sympy.SympifyError):
            return False
    return bool(a == b)
