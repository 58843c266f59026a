"""Continuous priors of the common value: piecewise-polynomial densities on [0, 1].

Paper 003, §4.2 and Figure 2 let the grid step ``ν → 0`` so that the prior converges to a
density ``ρ`` on ``[0, 1]``. Every prior of the paper (uniform, the CDFs ``2v - v²`` and
``v²``, Beta with integer parameters, the triangle of the wallet game) is a piecewise
polynomial with rational coefficients, so :class:`Density` stores exactly that: pieces
``(lo, hi, coefficients)``. Then

* ``F(u) = ∫_0^u ρ`` and ``G(u) = ∫_0^u v ρ(v) dv`` are exact piecewise polynomials
  (Fractions at rational points; mpmath numbers at any precision elsewhere);
* the mean, the masses of a discretisation (:meth:`Density.discretize`) and ``F``, ``G`` at
  rational points are exact Fractions;
* the quantile ``F^{-1}`` is computed with mpmath (bisection, then Newton) at the working
  precision.

A sympy expression is accepted if it is a polynomial in one symbol or a ``Piecewise`` of
polynomials with conditions ``v < c`` / ``v <= c`` (rational ``c``); anything else raises
``NotImplementedError`` naming the expression. The density must integrate to exactly 1 and
be non-negative (checked at the piece ends and on a grid inside each piece).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import mpmath
import sympy

from exactmech.dist import Discrete
from exactmech.errors import DistributionError
from exactmech.numbers import Q, fraction_str
from exactmech.papers.robust_common_value._numerics import root_1d

__all__ = ["Density", "beta_density", "cdf_density", "triangle_density", "uniform_density"]

_0 = Fraction(0)
_1 = Fraction(1)

Coeffs = tuple[Fraction, ...]  # c_0 + c_1 v + c_2 v^2 + ...


def _poly_eval(c: Sequence[Any], x: Any) -> Any:
    acc = 0 * x
    for a in reversed(c):
        acc = acc * x + a
    return acc


def _integrate(c: Coeffs) -> Coeffs:
    return (_0, *(a / (i + 1) for i, a in enumerate(c)))


def _times_v(c: Coeffs) -> Coeffs:
    return (_0, *c)


def _as_fraction(x: Any, what: str) -> Fraction:
    x = sympy.nsimplify(x) if not isinstance(x, sympy.Basic) else x
    if not x.is_Rational:
        raise NotImplementedError(f"Density: {what}={x} is not rational")
    return Fraction(int(x.p), int(x.q))


class Density:
    """A piecewise-polynomial probability density ``ρ`` on ``[0, 1]`` (paper 003, §4.2).

    Parameters
    ----------
    expr
        A sympy expression (polynomial or ``Piecewise`` of polynomials) in one symbol, or a
        list of pieces ``(lo, hi, coefficients)``.
    name
        A label for tables.

    Examples
    --------
    >>> v = sympy.Symbol("v")
    >>> rho = Density(6 * v * (1 - v), name="Beta(2, 2)")
    >>> rho.mean, rho.cdf_exact("1/2"), rho.partial_mean_exact(1)
    (Fraction(1, 2), Fraction(1, 2), Fraction(1, 2))
    >>> Density(2 * v ** 2)
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: Density(): the density integrates to 2/3, expected 1
    """

    def __init__(self, expr: Any, *, name: str = "") -> None:
        self.name = name or str(expr)
        if isinstance(expr, (list, tuple)):
            pieces = [
                (
                    Q(lo, "lo", func="Density"),
                    Q(hi, "hi", func="Density"),
                    tuple(Q(x, "coefficient", func="Density") for x in c),
                )
                for lo, hi, c in expr
            ]
            self.expr: sympy.Expr | None = None
        else:
            self.expr = sympy.sympify(expr)
            pieces = _pieces(self.expr)
        self.pieces: tuple[tuple[Fraction, Fraction, Coeffs], ...] = tuple(pieces)
        self._check()
        self._F: list[tuple[Fraction, Fraction, Coeffs, Fraction]] = []
        self._G: list[tuple[Fraction, Fraction, Coeffs, Fraction]] = []
        accF, accG = _0, _0
        for lo, hi, c in self.pieces:
            iF, iG = _integrate(c), _integrate(_times_v(c))
            offF = accF - _poly_eval(iF, lo)
            offG = accG - _poly_eval(iG, lo)
            self._F.append((lo, hi, iF, offF))
            self._G.append((lo, hi, iG, offG))
            accF = _poly_eval(iF, hi) + offF
            accG = _poly_eval(iG, hi) + offG
        #: ``E[v] = ∫ v ρ`` (exact).
        self.mean: Fraction = accG
        self._mp_cache: dict[tuple[str, int], Callable[[Any], Any]] = {}

    def _check(self) -> None:
        func = "Density"
        prev = _0
        for lo, hi, _ in self.pieces:
            if lo != prev or hi <= lo:
                raise DistributionError(
                    f"{func}(): pieces must tile [0, 1] in order; got a piece "
                    f"[{lo}, {hi}] after {prev}"
                )
            prev = hi
        if prev != 1:
            raise DistributionError(f"{func}(): pieces end at {fraction_str(prev)}, not 1")
        total = sum(
            (
                _poly_eval(_integrate(c), hi) - _poly_eval(_integrate(c), lo)
                for lo, hi, c in self.pieces
            ),
            _0,
        )
        if total != 1:
            raise DistributionError(
                f"{func}(): the density integrates to {fraction_str(total)}, expected 1"
            )
        for lo, hi, c in self.pieces:
            for t in range(33):
                x = lo + (hi - lo) * Fraction(t, 32)
                if _poly_eval(c, x) < 0:
                    raise DistributionError(
                        f"{func}(): the density is negative at v={fraction_str(x)}"
                    )

    # -- exact evaluation -------------------------------------------------------------
    @staticmethod
    def _piecewise(table: list[tuple[Fraction, Fraction, Coeffs, Fraction]], u: Any) -> Any:
        if u <= 0:
            return 0 * u
        for _lo, hi, c, off in table:
            if u <= hi:
                return _poly_eval(c, u) + off
        _lo, hi, c, off = table[-1]
        return _poly_eval(c, hi) + off

    def cdf_exact(self, u: Any) -> Fraction:
        """``F(u) = ∫_0^u ρ`` at a rational ``u`` (exact)."""
        return Fraction(self._piecewise(self._F, Q(u, "u", func="Density.cdf_exact")))

    def partial_mean_exact(self, u: Any) -> Fraction:
        """``G(u) = ∫_0^u v ρ(v) dv`` at a rational ``u`` (exact)."""
        return Fraction(self._piecewise(self._G, Q(u, "u", func="Density.partial_mean_exact")))

    # -- mpmath evaluation ------------------------------------------------------------
    def _mp_table(self, table: list[tuple[Fraction, Fraction, Coeffs, Fraction]]) -> list[Any]:
        def mp(x: Fraction) -> Any:
            return mpmath.mpf(x.numerator) / x.denominator

        return [(mp(lo), mp(hi), [mp(x) for x in c], mp(off)) for lo, hi, c, off in table]

    def pdf(self, u: Any) -> Any:
        """``ρ(u)`` as an mpmath number (0 outside ``[0, 1]``)."""
        return self.mp_function("pdf")(mpmath.mpf(u))

    def cdf(self, u: Any) -> Any:
        """``F(u)`` as an mpmath number (clamped to ``[0, 1]``)."""
        return self.mp_function("cdf")(mpmath.mpf(u))

    def partial_mean(self, u: Any) -> Any:
        """``G(u) = ∫_0^u v ρ`` as an mpmath number."""
        return self.mp_function("partial_mean")(mpmath.mpf(u))

    def quantile(self, y: Any) -> Any:
        """``F^{-1}(y)`` at the working precision (bracketed root of ``F(u) - y`` on ``[0, 1]``;
        unique where the density is positive)."""
        y = mpmath.mpf(y)
        if y <= 0:
            return mpmath.mpf(0)
        if y >= 1:
            return mpmath.mpf(1)
        cdf = self.mp_function("cdf")
        return root_1d(lambda u: cdf(u) - y, mpmath.mpf(0), mpmath.mpf(1))

    def discretize(self, n: int) -> Discrete:
        """The prior on ``V = {0, 1/n, ..., 1}`` (grid step ``ν = 1/n``) that puts the mass of
        ``[v - ν/2, v + ν/2] ∩ [0, 1]`` on ``v`` (exact). As ``n → ∞`` it converges to ``ρ``.

        >>> uniform_density().discretize(2).probs
        (Fraction(1, 4), Fraction(1, 2), Fraction(1, 4))
        """
        if not isinstance(n, int) or n < 1:
            raise DistributionError(f"Density.discretize(): n={n!r} must be an integer >= 1")
        cuts = [_0] + [Fraction(2 * j + 1, 2 * n) for j in range(n)] + [_1]
        masses = [self.cdf_exact(b) - self.cdf_exact(a) for a, b in itertools.pairwise(cuts)]
        return Discrete([Fraction(j, n) for j in range(n + 1)], masses)

    def mp_function(self, which: str) -> Callable[[Any], Any]:
        """``"cdf"``, ``"partial_mean"`` or ``"pdf"`` as a fast mpmath function (coefficient
        tables are converted once per working precision and cached)."""
        key = (which, mpmath.mp.prec)
        cached = self._mp_cache.get(key)
        if cached is not None:
            return cached
        f: Callable[[Any], Any]
        if which == "pdf":
            tab = [
                (hi, c)
                for _, hi, c, _ in self._mp_table([(lo, hi, c, _0) for lo, hi, c in self.pieces])
            ]

            def f(u: Any) -> Any:
                if u < 0 or u > 1:
                    return mpmath.mpf(0)
                for hi, c in tab:
                    if u <= hi:
                        return _poly_eval(c, u)
                return mpmath.mpf(0)  # pragma: no cover

        elif which in ("cdf", "partial_mean"):
            table = self._mp_table(self._F if which == "cdf" else self._G)
            top = _poly_eval(table[-1][2], table[-1][1]) + table[-1][3]

            def f(u: Any) -> Any:
                if u <= 0:
                    return mpmath.mpf(0)
                for _, hi, c, off in table:
                    if u <= hi:
                        return _poly_eval(c, u) + off
                return top

        else:
            raise ValueError(f"Density.mp_function(): unknown function {which!r}")
        self._mp_cache[key] = f
        return f

    def __repr__(self) -> str:
        return f"Density({self.name!r})"


def _pieces(expr: sympy.Expr) -> list[tuple[Fraction, Fraction, Coeffs]]:
    syms = sorted(expr.free_symbols, key=str)
    if len(syms) > 1:
        raise DistributionError(f"Density(): {expr} has more than one symbol")
    v = syms[0] if syms else sympy.Symbol("v")
    if isinstance(expr, sympy.Piecewise):
        out: list[tuple[Fraction, Fraction, Coeffs]] = []
        lo = _0
        for piece, cond in expr.args:
            if cond is sympy.true:
                hi = _1
            elif isinstance(cond, (sympy.StrictLessThan, sympy.LessThan)) and cond.lhs == v:
                hi = _as_fraction(cond.rhs, "breakpoint")
            else:
                raise NotImplementedError(
                    f"Density(): Piecewise condition {cond} is not of the form v <= c or v < c"
                )
            hi = min(hi, _1)
            if hi > lo:
                out.append((lo, hi, _coeffs(piece, v)))
                lo = hi
            if lo >= 1:
                break
        return out
    return [(_0, _1, _coeffs(expr, v))]


def _coeffs(expr: sympy.Expr, v: sympy.Symbol) -> Coeffs:
    try:
        poly = sympy.Poly(sympy.expand(expr), v)
    except sympy.PolynomialError:
        raise NotImplementedError(
            f"Density(): {expr} is not a polynomial in {v}; paper 003's priors are "
            "(piecewise) polynomials"
        ) from None
    cs = poly.all_coeffs()[::-1]
    return tuple(_as_fraction(c, "coefficient") for c in cs)


_V = sympy.Symbol("v")


def uniform_density() -> Density:
    """The uniform prior on ``[0, 1]`` (Figure 2, first row)."""
    return Density(sympy.Integer(1), name="Uniform")


def cdf_density(cdf: Any, *, name: str = "") -> Density:
    """The density ``F'`` of a polynomial CDF ``F`` in ``v`` (Figure 2: ``2v - v²``, ``v²``).

    >>> cdf_density(2 * _V - _V ** 2).mean
    Fraction(1, 3)
    """
    expr = sympy.sympify(cdf)
    syms = list(expr.free_symbols)
    v = syms[0] if syms else _V
    return Density(sympy.diff(expr, v), name=name or f"CDF {expr}")


def beta_density(b: int, c: int) -> Density:
    """``Beta(b, c)`` with integer parameters: ``v^{b-1}(1-v)^{c-1} Γ(b+c)/(Γ(b)Γ(c))``
    (paper 003, footnote 10).

    >>> beta_density(8, 1).mean
    Fraction(8, 9)
    """
    if not (isinstance(b, int) and isinstance(c, int) and b >= 1 and c >= 1):
        raise DistributionError(f"beta_density(): b={b!r}, c={c!r} must be integers >= 1")
    const = sympy.gamma(b + c) / (sympy.gamma(b) * sympy.gamma(c))
    return Density(const * _V ** (b - 1) * (1 - _V) ** (c - 1), name=f"Beta({b}, {c})")


def triangle_density() -> Density:
    """The "triangle" prior of the wallet game (paper 003, §5.2): ``v = (s_1 + s_2)/2`` with
    independent uniform signals, density ``4v`` on ``[0, 1/2]`` and ``4(1 - v)`` above.

    >>> triangle_density().cdf_exact("1/2")
    Fraction(1, 2)
    """
    half = sympy.Rational(1, 2)
    return Density(sympy.Piecewise((4 * _V, half >= _V), (4 - 4 * _V, True)), name="Triangle")
