"""Exact multivariate polynomials with rational coefficients.

A :class:`Polynomial` in ``n`` variables ``x0, ..., x{n-1}`` is a dict
``{exponent tuple: Fraction}`` with no zero coefficients. Variables are positional: the
polynomial does not know their names; :func:`exactmech.calculus.conversion.from_sympy`
and :meth:`Polynomial.to_sympy` translate from and to sympy expressions given the
variables in order.

Besides the ring operations this module provides what exact integration needs:
evaluation, (affine) composition, substitution of the last variable, and
antiderivatives. Every coefficient that enters from outside goes through
:func:`exactmech.numbers.Q`, so a binary float is rejected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from exactmech.errors import InvalidProblemError, ShapeError
from exactmech.numbers import Q, fraction_str

__all__ = ["Exponent", "Polynomial"]

#: An exponent vector: one nonnegative ``int`` per variable.
Exponent = tuple[int, ...]

_ZERO = Fraction(0)
_ONE = Fraction(1)


class Polynomial:
    """A polynomial with :class:`~fractions.Fraction` coefficients in ``nvars`` variables.

    Parameters
    ----------
    terms
        Mapping from exponent tuples (length ``nvars``) to coefficients (anything
        :func:`~exactmech.numbers.Q` accepts). Zero coefficients are dropped.
    nvars
        Number of variables; inferred from the exponents when ``terms`` is nonempty.

    Examples
    --------
    >>> p = Polynomial({(1, 0): 1, (0, 1): "1/2"})      # x0 + x1/2
    >>> p * p
    Polynomial({(2, 0): 1, (1, 1): 1, (0, 2): 1/4}, nvars=2)
    >>> p(1, "1/3")
    Fraction(7, 6)
    >>> Polynomial({(1,): 0.5})
    Traceback (most recent call last):
    ...
    exactmech.errors.FloatInputError: Polynomial(): coefficient of (1,)=0.5 is a float; ...
    """

    __slots__ = ("_nvars", "_terms")

    _nvars: int
    _terms: dict[Exponent, Fraction]

    def __init__(
        self, terms: Mapping[Exponent, Any] | None = None, nvars: int | None = None
    ) -> None:
        clean: dict[Exponent, Fraction] = {}
        for exp, coef in (terms or {}).items():
            e = tuple(exp)
            if any(not isinstance(k, int) or isinstance(k, bool) or k < 0 for k in e):
                raise InvalidProblemError(
                    f"Polynomial(): exponent {exp!r} must be a tuple of nonnegative ints"
                )
            if nvars is None:
                nvars = len(e)
            if len(e) != nvars:
                raise ShapeError(f"Polynomial(): exponent {exp!r} has length {len(e)}, not {nvars}")
            c = Q(coef, f"coefficient of {e}", func="Polynomial")
            if c:
                clean[e] = clean.get(e, _ZERO) + c
        if nvars is None:
            raise ShapeError("Polynomial(): pass nvars= for a polynomial without terms")
        self._nvars = nvars
        self._terms = {e: c for e, c in clean.items() if c}

    # -- construction -------------------------------------------------------------------

    @classmethod
    def _raw(cls, nvars: int, terms: dict[Exponent, Fraction]) -> Polynomial:
        """Wrap ``terms`` (already exact, no zero coefficients) without validation."""
        p = object.__new__(cls)
        p._nvars = nvars
        p._terms = terms
        return p

    @classmethod
    def constant(cls, value: Any, nvars: int) -> Polynomial:
        """The constant polynomial ``value`` in ``nvars`` variables."""
        c = Q(value, "value", func="Polynomial.constant")
        return cls._raw(nvars, {(0,) * nvars: c} if c else {})

    @classmethod
    def variable(cls, index: int, nvars: int) -> Polynomial:
        """The polynomial ``x{index}`` in ``nvars`` variables.

        >>> Polynomial.variable(1, 3)
        Polynomial({(0, 1, 0): 1}, nvars=3)
        """
        if not 0 <= index < nvars:
            raise ShapeError(f"Polynomial.variable(): index {index} not in range({nvars})")
        e = [0] * nvars
        e[index] = 1
        return cls._raw(nvars, {tuple(e): _ONE})

    @classmethod
    def linear(cls, coefficients: Sequence[Any], constant: Any = 0) -> Polynomial:
        """``Σ coefficients[i]·x{i} + constant``.

        >>> Polynomial.linear([1, "1/2"], "-1/2")
        Polynomial({(1, 0): 1, (0, 1): 1/2, (0, 0): -1/2}, nvars=2)
        """
        n = len(coefficients)
        terms: dict[Exponent, Fraction] = {}
        for i, a in enumerate(coefficients):
            c = Q(a, f"coefficients[{i}]", func="Polynomial.linear")
            if c:
                e = [0] * n
                e[i] = 1
                terms[tuple(e)] = c
        c0 = Q(constant, "constant", func="Polynomial.linear")
        if c0:
            terms[(0,) * n] = c0
        return cls._raw(n, terms)

    @classmethod
    def from_sympy(cls, expr: Any, variables: Sequence[Any]) -> Polynomial:
        """Same as :func:`exactmech.calculus.conversion.from_sympy`."""
        from exactmech.calculus.conversion import from_sympy

        return from_sympy(expr, variables)

    # -- inspection ---------------------------------------------------------------------

    @property
    def nvars(self) -> int:
        """Number of variables."""
        return self._nvars

    @property
    def terms(self) -> dict[Exponent, Fraction]:
        """A copy of the ``{exponent: coefficient}`` dict (no zero coefficients)."""
        return dict(self._terms)

    def items(self) -> Iterable[tuple[Exponent, Fraction]]:
        """The ``(exponent, coefficient)`` pairs (a view; do not mutate)."""
        return self._terms.items()

    @property
    def degree(self) -> int:
        """Total degree; ``-1`` for the zero polynomial."""
        return max((sum(e) for e in self._terms), default=-1)

    def is_zero(self) -> bool:
        """True for the zero polynomial."""
        return not self._terms

    def coefficient(self, exponent: Sequence[int]) -> Fraction:
        """The coefficient of the monomial with this exponent (``0`` if absent)."""
        return self._terms.get(tuple(exponent), _ZERO)

    def affine_parts(self) -> tuple[tuple[Fraction, ...], Fraction]:
        """``(a, c)`` with ``self = a·x + c`` for a polynomial of degree at most 1.

        >>> Polynomial.linear([2, 0], 5).affine_parts()
        ((Fraction(2, 1), Fraction(0, 1)), Fraction(5, 1))
        """
        if self.degree > 1:
            raise InvalidProblemError(
                f"Polynomial.affine_parts(): {self} has degree {self.degree}, not <= 1"
            )
        n = self._nvars
        a = [_ZERO] * n
        for e, c in self._terms.items():
            for i, k in enumerate(e):
                if k:
                    a[i] = c
        return tuple(a), self._terms.get((0,) * n, _ZERO)

    # -- arithmetic ---------------------------------------------------------------------

    def _coerce(self, other: Any, op: str) -> Polynomial:
        if isinstance(other, Polynomial):
            if other._nvars != self._nvars:
                raise ShapeError(
                    f"Polynomial.{op}(): {self._nvars} and {other._nvars} variables differ"
                )
            return other
        return Polynomial.constant(Q(other, "other", func=f"Polynomial.{op}"), self._nvars)

    def __add__(self, other: Any) -> Polynomial:
        o = self._coerce(other, "__add__")
        terms = dict(self._terms)
        for e, c in o._terms.items():
            s = terms.get(e, _ZERO) + c
            if s:
                terms[e] = s
            else:
                terms.pop(e, None)
        return Polynomial._raw(self._nvars, terms)

    __radd__ = __add__

    def __neg__(self) -> Polynomial:
        return Polynomial._raw(self._nvars, {e: -c for e, c in self._terms.items()})

    def __sub__(self, other: Any) -> Polynomial:
        return self + (-self._coerce(other, "__sub__"))

    def __rsub__(self, other: Any) -> Polynomial:
        return self._coerce(other, "__rsub__") + (-self)

    def __mul__(self, other: Any) -> Polynomial:
        if not isinstance(other, Polynomial):
            k = Q(other, "other", func="Polynomial.__mul__")
            if not k:
                return Polynomial._raw(self._nvars, {})
            return Polynomial._raw(self._nvars, {e: c * k for e, c in self._terms.items()})
        o = self._coerce(other, "__mul__")
        terms: dict[Exponent, Fraction] = {}
        get = terms.get
        for e1, c1 in self._terms.items():
            for e2, c2 in o._terms.items():
                e = tuple([i + j for i, j in zip(e1, e2)])
                terms[e] = get(e, _ZERO) + c1 * c2
        return Polynomial._raw(self._nvars, {e: c for e, c in terms.items() if c})

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> Polynomial:
        k = Q(other, "other", func="Polynomial.__truediv__")
        if not k:
            raise ZeroDivisionError("Polynomial.__truediv__(): division by zero")
        return self * (1 / k)

    def __pow__(self, n: int) -> Polynomial:
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            raise InvalidProblemError(f"Polynomial.__pow__(): exponent {n!r} is not an int >= 0")
        result = Polynomial.constant(1, self._nvars)
        base = self
        while n:
            if n & 1:
                result = result * base
            n >>= 1
            if n:
                base = base * base
        return result

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Polynomial):
            return self._nvars == other._nvars and self._terms == other._terms
        if isinstance(other, (int, Fraction)):
            return self._terms == ({(0,) * self._nvars: Fraction(other)} if other else {})
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._nvars, frozenset(self._terms.items())))

    # -- evaluation and substitution ----------------------------------------------------

    def __call__(self, *point: Any) -> Fraction:
        """Evaluate at ``point`` (one rational per variable)."""
        if len(point) != self._nvars:
            raise ShapeError(f"Polynomial(): got {len(point)} values for {self._nvars} variables")
        xs = [Q(v, f"point[{i}]", func="Polynomial.__call__") for i, v in enumerate(point)]
        total = _ZERO
        for e, c in self._terms.items():
            t = c
            for x, k in zip(xs, e):
                if k:
                    t *= x**k
            total += t
        return total

    def compose(self, substitutions: Sequence[Polynomial]) -> Polynomial:
        """Replace ``x{i}`` by ``substitutions[i]`` (all in the same number of variables).

        >>> x, y = Polynomial.variable(0, 2), Polynomial.variable(1, 2)
        >>> (x * y).compose([x + y, x - y]) == x * x - y * y
        True
        """
        if len(substitutions) != self._nvars:
            raise ShapeError(
                f"Polynomial.compose(): {len(substitutions)} substitutions for {self._nvars} "
                "variables"
            )
        if not substitutions:
            c = self._terms.get((), _ZERO)
            return Polynomial._raw(0, {(): c} if c else {})
        m = substitutions[0]._nvars
        if any(s._nvars != m for s in substitutions):
            raise ShapeError("Polynomial.compose(): substitutions have different nvars")
        powers: list[list[Polynomial]] = [[Polynomial.constant(1, m)] for _ in substitutions]
        result: dict[Exponent, Fraction] = {}
        for e, c in self._terms.items():
            term: Polynomial | None = None
            for i, k in enumerate(e):
                if not k:
                    continue
                pw = powers[i]
                while len(pw) <= k:
                    pw.append(pw[-1] * substitutions[i])
                term = pw[k] if term is None else term * pw[k]
            if term is None:
                term = powers[0][0]
            for te, tc in term._terms.items():
                result[te] = result.get(te, _ZERO) + c * tc
        return Polynomial._raw(m, {e: c for e, c in result.items() if c})

    def substitute_last(self, value: Polynomial) -> Polynomial:
        """Replace the last variable by ``value`` (a polynomial in the other variables).

        The result has ``nvars - 1`` variables.

        >>> x, y = Polynomial.variable(0, 2), Polynomial.variable(1, 2)
        >>> (x * y + y).substitute_last(Polynomial.linear([2], 1))
        Polynomial({(2,): 2, (1,): 3, (0,): 1}, nvars=1)
        """
        n = self._nvars
        if n == 0 or value._nvars != n - 1:
            raise ShapeError(
                f"Polynomial.substitute_last(): value must have {n - 1} variables, "
                f"not {value._nvars}"
            )
        by_power: dict[int, dict[Exponent, Fraction]] = {}
        for e, c in self._terms.items():
            by_power.setdefault(e[-1], {})[e[:-1]] = c
        if not by_power:
            return Polynomial._raw(n - 1, {})
        top = max(by_power)
        acc = Polynomial._raw(n - 1, dict(by_power.get(top, {})))
        for k in range(top - 1, -1, -1):  # Horner in the substituted value
            acc = acc * value
            low = by_power.get(k)
            if low:
                acc = acc + Polynomial._raw(n - 1, dict(low))
        return acc

    def antiderivative(self, index: int) -> Polynomial:
        """The antiderivative in ``x{index}`` that vanishes at ``x{index} = 0``.

        >>> Polynomial({(2, 1): 3}).antiderivative(0)
        Polynomial({(3, 1): 1}, nvars=2)
        """
        if not 0 <= index < self._nvars:
            raise ShapeError(f"Polynomial.antiderivative(): index {index} out of range")
        terms: dict[Exponent, Fraction] = {}
        for e, c in self._terms.items():
            k = e[index] + 1
            terms[(*e[:index], k, *e[index + 1 :])] = c / k
        return Polynomial._raw(self._nvars, terms)

    def derivative(self, index: int) -> Polynomial:
        """The partial derivative in ``x{index}``."""
        if not 0 <= index < self._nvars:
            raise ShapeError(f"Polynomial.derivative(): index {index} out of range")
        terms: dict[Exponent, Fraction] = {}
        for e, c in self._terms.items():
            k = e[index]
            if k:
                terms[(*e[:index], k - 1, *e[index + 1 :])] = c * k
        return Polynomial._raw(self._nvars, terms)

    # -- conversion ---------------------------------------------------------------------

    def to_sympy(self, variables: Sequence[Any]) -> Any:
        """The sympy expression of this polynomial in the given sympy symbols.

        >>> import sympy
        >>> x, y = sympy.symbols("x y")
        >>> Polynomial({(1, 0): "1/2", (0, 2): 1}).to_sympy((x, y))
        x/2 + y**2
        """
        import sympy

        if len(variables) != self._nvars:
            raise ShapeError(f"Polynomial.to_sympy(): {len(variables)} variables for {self._nvars}")
        return sympy.Add(
            *(
                sympy.Rational(c.numerator, c.denominator)
                * sympy.Mul(*(v**k for v, k in zip(variables, e)))
                for e, c in self._terms.items()
            )
        )

    def _sorted_terms(self) -> list[tuple[Exponent, Fraction]]:
        """Terms in graded lexicographic order (highest degree first), for display."""
        return sorted(self._terms.items(), key=lambda t: (-sum(t[0]), [-k for k in t[0]]))

    def __repr__(self) -> str:
        body = ", ".join(f"{e!r}: {fraction_str(c)}" for e, c in self._sorted_terms())
        return f"Polynomial({{{body}}}, nvars={self._nvars})"

    def __str__(self) -> str:
        if not self._terms:
            return "0"
        parts = []
        for e, c in self._sorted_terms():
            mono = "*".join(f"x{i}" if k == 1 else f"x{i}**{k}" for i, k in enumerate(e) if k)
            if not mono:
                parts.append(fraction_str(c))
            elif c == 1:
                parts.append(mono)
            elif c == -1:
                parts.append(f"-{mono}")
            else:
                parts.append(f"{fraction_str(c)}*{mono}")
        return " + ".join(parts).replace("+ -", "- ")
