"""Reading sympy expressions as exact :class:`~exactmech.calculus.polynomial.Polynomial` objects.

:func:`from_sympy` is the only place where a sympy expression becomes exact polynomial
data. A fast path walks the expression tree (rationals, variables, ``+``, ``*``,
nonnegative integer powers) without expanding; anything else goes through
``sympy.Poly(expr, *variables, domain="QQ")``, whose failures become clear errors: a sympy
``Float`` raises :class:`~exactmech.errors.FloatInputError`, a non-polynomial or a symbol
that is not a variable raises :class:`~exactmech.errors.InvalidProblemError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from exactmech.calculus.polynomial import Exponent, Polynomial
from exactmech.errors import FloatInputError, InvalidProblemError
from exactmech.numbers import Q, fraction_str

__all__ = ["from_sympy"]

_ZERO = Fraction(0)
_ONE = Fraction(1)


def from_sympy(expr: Any, variables: Sequence[Any], *, func: str = "from_sympy") -> Polynomial:
    """Convert a sympy expression that is a polynomial in ``variables`` to a :class:`Polynomial`.

    Parameters
    ----------
    expr
        A sympy expression (or an ``int``/``Fraction``/``str`` number).
    variables
        The sympy symbols, in order: ``variables[i]`` becomes ``x{i}``.
    func
        Name of the calling public function, for error messages.

    Raises
    ------
    FloatInputError
        If ``expr`` contains a sympy ``Float`` (or is a Python float).
    InvalidProblemError
        If ``expr`` is not a polynomial in ``variables`` with rational coefficients (for
        example ``exp(x)``, ``1/x``, ``sqrt(2)*x`` or a symbol that is not a variable).

    Examples
    --------
    >>> import sympy
    >>> x, y = sympy.symbols("x y")
    >>> from_sympy((x + y / 2) ** 2, (x, y))
    Polynomial({(2, 0): 1, (1, 1): 1, (0, 2): 1/4}, nvars=2)
    >>> from_sympy(sympy.exp(x), (x, y))
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: from_sympy(): exp(x) is not a polynomial in (x, y) ...
    """
    import sympy
    from sympy.polys.polyerrors import BasePolynomialError

    n = len(variables)
    if not isinstance(expr, sympy.Basic):
        return Polynomial.constant(Q(expr, "expr", func=func), n)
    if expr.is_Rational:
        return Polynomial.constant(Q(expr), n)
    if n == 0:
        raise InvalidProblemError(f"{func}(): {expr} is not a rational number")
    try:
        return _from_tree(expr, {v: i for i, v in enumerate(variables)}, n)
    except _NotPlainTreeError:
        pass  # e.g. a float, a quotient, exp(x): sympy.Poly decides, and we explain failures
    floats = expr.atoms(sympy.Float)
    if floats:
        shown = repr(float(min(floats, key=str)))
        exact = Fraction(shown)
        raise FloatInputError(
            f"{func}(): {expr} contains the float {shown}; write it as "
            f"sympy.Rational({exact.numerator}, {exact.denominator}) or '{fraction_str(exact)}'"
        )
    names = "(" + ", ".join(str(v) for v in variables) + ("," if n == 1 else "") + ")"
    extra = expr.free_symbols - set(variables)
    if extra:
        shown = ", ".join(sorted(str(s) for s in extra))
        raise InvalidProblemError(
            f"{func}(): {expr} has symbols {{{shown}}} besides the variables {names}; pass "
            "variables=, or, for a parameter, use sympy.integrate (exact integration here "
            "needs every other symbol to be a number)"
        )
    try:
        sp = sympy.Poly(expr, *variables, domain="QQ")
    except BasePolynomialError:
        raise InvalidProblemError(
            f"{func}(): {expr} is not a polynomial in {names} with rational coefficients"
        ) from None
    terms: dict[Exponent, Fraction] = {}
    for e, c in sp.as_dict(native=True).items():
        terms[tuple(e)] = Fraction(int(c.numerator), int(c.denominator))
    return Polynomial._raw(n, terms)


class _NotPlainTreeError(Exception):
    """The expression is not built from rationals, variables, ``+``, ``*`` and ``**k``."""


def _from_tree(expr: Any, index: dict[Any, int], n: int) -> Polynomial:
    """Fast path of :func:`from_sympy`: walk the expression tree without ``expand``.

    sympy's ``Poly(expr, domain=QQ)`` expands first, which costs milliseconds on a cold
    cache; a polynomial written with ``+``, ``*`` and integer powers needs no expansion.
    """
    import sympy

    if expr.is_Rational:
        c = Fraction(int(expr.p), int(expr.q))
        return Polynomial._raw(n, {(0,) * n: c} if c else {})
    if expr.is_Symbol:
        i = index.get(expr)
        if i is None:
            raise _NotPlainTreeError
        return Polynomial._raw(n, {tuple(1 if j == i else 0 for j in range(n)): _ONE})
    if expr.is_Add:
        acc: dict[Exponent, Fraction] = {}
        for arg in expr.args:
            for e, c in _from_tree(arg, index, n)._terms.items():
                acc[e] = acc.get(e, _ZERO) + c
        return Polynomial._raw(n, {e: c for e, c in acc.items() if c})
    if expr.is_Mul:
        coef = _ONE
        exps = [0] * n
        rest: Polynomial | None = None
        for arg in expr.args:
            if arg.is_Rational:
                coef *= Fraction(int(arg.p), int(arg.q))
                continue
            base, k = (arg.base, arg.exp) if arg.is_Pow else (arg, sympy.S.One)
            if base.is_Symbol and base in index and k.is_Integer and k >= 0:
                exps[index[base]] += int(k)
                continue
            factor = _from_tree(arg, index, n)
            rest = factor if rest is None else rest * factor
        mono = Polynomial._raw(n, {tuple(exps): coef} if coef else {})
        return mono if rest is None else mono * rest
    if expr.is_Pow and expr.exp.is_Integer and expr.exp >= 0:
        return _from_tree(expr.base, index, n) ** int(expr.exp)
    raise _NotPlainTreeError
