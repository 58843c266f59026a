"""Exact real algebraic numbers for the parametric analysis of programme (18).

The breakpoints of the value function ``L(p)`` of programme (18) and the maximizers of
``p · L(p)`` are roots of polynomials with rational coefficients (paper 002, §4.2.2; issue 7).
:class:`RealAlgebraic` represents such a number by an irreducible polynomial over ``Q`` and
an isolating rational interval. Comparisons are exact: two distinct irreducible polynomials
have no common root, so their roots are separated by bisection, and a rational number is
compared by one sign evaluation. Polynomials are factored with python-flint; real roots of
an irreducible factor are isolated with sympy's exact ``Poly.intervals`` (Vincent–Akritas–
Strzeboński; quadratics directly); values ``num(x)/den(x)`` at an algebraic ``x`` are
located among the roots of a characteristic polynomial (multiplication on ``Q[x]/(poly)``).
Nothing here uses a float.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import flint
import sympy

__all__ = ["Poly", "RealAlgebraic", "poly_eval", "poly_range", "real_roots", "simplest_between"]

#: A polynomial with rational coefficients, lowest degree first: ``(c_0, c_1, ...)``.
Poly = tuple[Fraction, ...]

_0 = Fraction(0)
_X = sympy.Symbol("x")


def _fq(c: Any) -> Fraction:
    return Fraction(int(c.p), int(c.q)) if hasattr(c, "q") else Fraction(int(c))


def _to_flint(poly: Sequence[Fraction]) -> flint.fmpq_poly:
    return flint.fmpq_poly([flint.fmpq(c.numerator, c.denominator) for c in poly])


def _from_flint(f: flint.fmpq_poly) -> Poly:
    return trim(tuple(_fq(c) for c in f.coeffs()))


def trim(poly: Sequence[Fraction]) -> Poly:
    """Drop trailing zero coefficients (the zero polynomial is ``()``)."""
    out = list(poly)
    while out and out[-1] == 0:
        out.pop()
    return tuple(out)


def poly_eval(poly: Sequence[Fraction], x: Fraction) -> Fraction:
    """Exact value of ``poly`` at a rational ``x`` (Horner)."""
    acc = _0
    for c in reversed(poly):
        acc = acc * x + c
    return acc


def poly_range(poly: Sequence[Fraction], lo: Fraction, hi: Fraction) -> tuple[Fraction, Fraction]:
    """An interval containing ``poly([lo, hi])`` (exact interval Horner scheme)."""
    a = b = _0
    for c in reversed(poly):
        prods = (a * lo, a * hi, b * lo, b * hi)
        a, b = min(prods) + c, max(prods) + c
    return a, b


def simplest_between(lo: Fraction, hi: Fraction) -> Fraction:
    """The rational with the smallest denominator strictly between ``lo < hi``.

    Continued fractions: take the integer part, invert the fractional interval, recurse.

    >>> simplest_between(Fraction(1, 3), Fraction(1, 2)), simplest_between(Fraction(2), Fraction(5))
    (Fraction(2, 5), Fraction(3, 1))
    """
    if not lo < hi:
        raise ValueError(f"simplest_between(): need lo < hi, got {lo}, {hi}")
    fl = lo.numerator // lo.denominator
    if fl + 1 < hi:
        return Fraction(fl + 1)
    a, b = lo - fl, hi - fl  # 0 <= a < b <= 1
    if a == 0:
        return fl + Fraction(1, int(1 / b) + 1)
    return fl + 1 / simplest_between(1 / b, 1 / a)


def _sign(x: Fraction) -> int:
    return (x > 0) - (x < 0)


class RealAlgebraic:
    """A real algebraic number: a root of a monic irreducible ``poly`` in ``(lo, hi)``.

    Rational numbers have degree 1 and ``lo == hi`` equal to the number. Instances compare
    exactly with each other and with ``int``/``Fraction``.

    Examples
    --------
    >>> r = real_roots((Fraction(50), Fraction(-28), Fraction(3)))   # 3p^2 - 28p + 50
    >>> r[0], r[0] < Fraction(5, 2), r[0].to_sympy()
    (RealAlgebraic(14/3 - sqrt(46)/3 ≈ 2.40589000562491...), True, 14/3 - sqrt(46)/3)
    """

    __slots__ = ("hi", "index", "lo", "poly")

    poly: Poly
    lo: Fraction
    hi: Fraction
    index: int

    def __init__(self, poly: Poly, lo: Fraction, hi: Fraction, index: int) -> None:
        self.poly, self.lo, self.hi, self.index = poly, lo, hi, index

    @classmethod
    def rational(cls, x: Fraction | int) -> RealAlgebraic:
        """The rational number ``x``."""
        x = Fraction(x)
        return cls((-x, Fraction(1)), x, x, 0)

    @property
    def degree(self) -> int:
        """Degree of the minimal polynomial."""
        return len(self.poly) - 1

    @property
    def is_rational(self) -> bool:
        """Whether the number is rational."""
        return self.degree == 1

    def as_fraction(self) -> Fraction:
        """The value, if rational (else ``ValueError``)."""
        if not self.is_rational:
            raise ValueError(f"{self!r} is irrational")
        return self.lo

    def refine(self) -> None:
        """Halve the isolating interval (no-op for rationals)."""
        if self.is_rational:
            return
        mid = (self.lo + self.hi) / 2
        s_mid = _sign(poly_eval(self.poly, mid))
        s_lo = _sign(poly_eval(self.poly, self.lo))
        if s_mid == 0:  # impossible for an irreducible polynomial of degree >= 2
            raise AssertionError("rational root of an irreducible polynomial")
        if s_lo * s_mid < 0:
            self.hi = mid
        else:
            self.lo = mid

    def enclosure(self, width: Fraction = Fraction(1, 10**30)) -> tuple[Fraction, Fraction]:
        """A rational interval ``[lo, hi]`` of width at most ``width`` containing the number."""
        while self.hi - self.lo > width:
            self.refine()
        return self.lo, self.hi

    def digits(self, n: int = 20) -> str:
        """The number rounded to ``n`` significant digits (from an exact enclosure)."""
        lo, hi = self.enclosure(Fraction(1, 10 ** (n + 10)) * (1 + abs(self.lo)))
        return str(sympy.N(sympy.Rational((lo + hi).numerator, 2 * (lo + hi).denominator), n))

    def _cut_at(self, x: Fraction) -> int:
        """Compare with rational ``x`` (``-1`` if self < x, 0 if equal, 1 if self > x)."""
        if self.is_rational:
            return _sign(self.lo - x)
        if x <= self.lo:
            return 1
        if x >= self.hi:
            return -1
        s_x = _sign(poly_eval(self.poly, x))
        s_lo = _sign(poly_eval(self.poly, self.lo))
        if s_lo * s_x < 0:
            self.hi = x
            return -1
        self.lo = x
        return 1

    def compare(self, other: RealAlgebraic | Fraction | int) -> int:
        """``-1``, ``0`` or ``1`` as ``self <, ==, > other`` (exact)."""
        if not isinstance(other, RealAlgebraic):
            return self._cut_at(Fraction(other))
        if other.is_rational:
            return self._cut_at(other.lo)
        if self.is_rational:
            return -other._cut_at(self.lo)
        if self.poly == other.poly:
            return _sign(Fraction(self.index - other.index))
        while True:
            if self.hi <= other.lo:
                return -1
            if other.hi <= self.lo:
                return 1
            self.refine()
            other.refine()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (RealAlgebraic, Fraction, int)):
            return self.compare(other) == 0
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.poly, self.index))

    def __lt__(self, other: RealAlgebraic | Fraction | int) -> bool:
        return self.compare(other) < 0

    def __le__(self, other: RealAlgebraic | Fraction | int) -> bool:
        return self.compare(other) <= 0

    def __gt__(self, other: RealAlgebraic | Fraction | int) -> bool:
        return self.compare(other) > 0

    def __ge__(self, other: RealAlgebraic | Fraction | int) -> bool:
        return self.compare(other) >= 0

    def sign_of(self, poly: Sequence[Fraction]) -> int:
        """The exact sign of ``poly`` at this number."""
        p = trim(poly)
        if not p:
            return 0
        if self.is_rational:
            return _sign(poly_eval(p, self.lo))
        if (_to_flint(p) % _to_flint(self.poly)).is_zero():
            return 0
        while True:
            a, b = poly_range(p, self.lo, self.hi)
            if a > 0:
                return 1
            if b < 0:
                return -1
            self.refine()

    def to_sympy(self) -> Any:
        """A sympy number: ``Rational``, radicals for degree 2, ``CRootOf`` above."""
        return _to_sympy(self.poly, self.index, self.lo)

    def evaluate(
        self, num: Sequence[Fraction], den: Sequence[Fraction] = (Fraction(1),)
    ) -> RealAlgebraic:
        """The number ``num(x)/den(x)`` at ``x = self`` (``den(x) != 0``), exactly.

        ``y = num(x)/den(x)`` is a root of the characteristic polynomial of multiplication
        by ``y`` on ``Q[x]/(poly)``; the right root is the one left inside an interval
        enclosure of ``num/den`` over a refined isolating interval of ``x``.
        """
        n_, d_ = trim(num), trim(den)
        if self.sign_of(d_) == 0:
            raise ZeroDivisionError("RealAlgebraic.evaluate(): denominator vanishes")
        if self.is_rational:
            return RealAlgebraic.rational(poly_eval(n_, self.lo) / poly_eval(d_, self.lo))
        g = _to_flint(self.poly)
        nf, df = _to_flint(n_) % g, _to_flint(d_) % g
        if df.degree() == 0 and nf.degree() <= 0:
            return RealAlgebraic.rational(
                _fq(nf.coeffs()[0]) / _fq(df.coeffs()[0]) if nf.degree() == 0 else _0
            )
        cands = _value_candidates(self.poly, _from_flint(nf), _from_flint(df))
        while True:
            lo, hi = _ratfun_range(_from_flint(nf), _from_flint(df), self.lo, self.hi)
            inside = cands if lo is None or hi is None else [c for c in cands if lo <= c <= hi]
            if len(inside) == 1:
                return inside[0]
            self.refine()

    def field_value(self, num: Sequence[Fraction], den: Sequence[Fraction] = (Fraction(1),)) -> Any:
        """``num(x)/den(x)`` at ``x = self`` as an exact sympy number (``Fraction`` if rational).

        Computed in the field ``Q(x)``: ``den`` is inverted modulo the minimal polynomial
        (extended Euclid), and the reduced polynomial in ``x`` is expanded with the closed
        form of ``x`` (radicals for degree 2). No simplification heuristics are involved.
        """
        if self.is_rational:
            return poly_eval(trim(num), self.lo) / poly_eval(trim(den), self.lo)
        g = _to_flint(self.poly)
        df = _to_flint(trim(den)) % g
        if df.is_zero():
            raise ZeroDivisionError("RealAlgebraic.field_value(): denominator vanishes")
        gcd, s, _ = df.xgcd(g)
        val = _from_flint((_to_flint(trim(num)) * s) % g)
        c0 = _fq(gcd.coeffs()[0])
        val = tuple(v / c0 for v in val)
        if len(val) <= 1:
            return val[0] if val else _0
        r = self.to_sympy()
        expr = sum(sympy.Rational(v.numerator, v.denominator) * r**j for j, v in enumerate(val))
        return sympy.expand(expr)

    def __repr__(self) -> str:
        if self.is_rational:
            return f"RealAlgebraic({self.lo})"
        return f"RealAlgebraic({self.to_sympy()} ≈ {self.digits(20)}...)"


@functools.lru_cache(maxsize=4096)
def _to_sympy(poly: Poly, index: int, lo: Fraction) -> Any:
    if len(poly) == 2:
        return sympy.Rational(lo.numerator, lo.denominator)
    expr = sum(sympy.Rational(c.numerator, c.denominator) * _X**j for j, c in enumerate(poly))
    return sympy.rootof(expr, index, radicals=len(poly) == 3)


def _ratfun_range(
    num: Poly, den: Poly, lo: Fraction, hi: Fraction
) -> tuple[Fraction | None, Fraction | None]:
    a, b = poly_range(num, lo, hi)
    c, d = poly_range(den, lo, hi) if den else (Fraction(1), Fraction(1))
    if c <= 0 <= d:
        return None, None
    qs = (a / c, a / d, b / c, b / d)
    return min(qs), max(qs)


def _value_candidates(poly: Poly, num: Poly, den: Poly) -> list[RealAlgebraic]:
    """Real roots of the characteristic polynomial of multiplication by ``y = num/den`` on
    ``Q[x]/(poly)``: a polynomial vanishing at ``y(x)`` for every root ``x`` of ``poly``."""
    g = _to_flint(poly)
    d = len(poly) - 1
    gcd, s, _ = _to_flint(den).xgcd(g)
    y = (_to_flint(num) * s) % g
    c0 = gcd.coeffs()[0]
    cols = []
    xj = flint.fmpq_poly([1])
    for _ in range(d):
        col = ((y * xj) % g).coeffs()
        cols.append([c / c0 for c in col] + [flint.fmpq(0)] * (d - len(col)))
        xj = (xj * flint.fmpq_poly([0, 1])) % g
    M = flint.fmpq_mat(d, d, [cols[j][i] for i in range(d) for j in range(d)])
    return real_roots(_from_flint(M.charpoly()))


def real_roots(poly: Sequence[Fraction]) -> list[RealAlgebraic]:
    """The distinct real roots of a nonzero rational polynomial, ascending, exactly.

    >>> [r.to_sympy() for r in real_roots((Fraction(-2), Fraction(0), Fraction(1)))]
    [-sqrt(2), sqrt(2)]
    """
    p = trim(poly)
    if not p:
        raise ValueError("real_roots(): the zero polynomial has every number as a root")
    out: list[RealAlgebraic] = []
    for factor in irreducible_factors(p):
        out.extend(_factor_roots(factor))
    return sorted(out, key=functools.cmp_to_key(RealAlgebraic.compare))


def _quadratic_roots(factor: Poly) -> tuple[RealAlgebraic, ...]:
    """Isolating intervals of the roots ``(-b ± sqrt(disc))/2a`` of an irreducible quadratic
    from integer square roots (no sympy)."""
    c, b, a = factor
    disc = b * b - 4 * a * c
    if disc < 0:
        return ()
    num, den = disc.numerator, disc.denominator
    scale = 1
    while True:
        m = num * den * scale * scale
        r = math.isqrt(m)
        if r >= 1:
            break
        scale *= 16
    lo_s, hi_s = Fraction(r, den * scale), Fraction(r + 1, den * scale)  # lo_s < sqrt(disc) < hi_s
    two_a = 2 * a
    ends = (
        sorted(((-b - hi_s) / two_a, (-b - lo_s) / two_a)),
        sorted(((-b + lo_s) / two_a, (-b + hi_s) / two_a)),
    )
    ivs = sorted((tuple(e) for e in ends), key=lambda iv: iv[0])
    return tuple(RealAlgebraic(factor, lo, hi, idx) for idx, (lo, hi) in enumerate(ivs))


def irreducible_factors(poly: Sequence[Fraction]) -> list[Poly]:
    """The distinct monic irreducible factors of positive degree (python-flint)."""
    p = trim(poly)
    if len(p) <= 1:
        return []
    _, facs = _to_flint(p).factor()
    out = []
    for f, _mult in facs:
        lc = _fq(f.coeffs()[-1])
        out.append(tuple(_fq(c) / lc for c in f.coeffs()))
    return out


@functools.lru_cache(maxsize=4096)
def _factor_roots(factor: Poly) -> tuple[RealAlgebraic, ...]:
    if len(factor) == 2:
        return (RealAlgebraic.rational(-factor[0] / factor[1]),)
    if len(factor) == 3:
        return _quadratic_roots(factor)
    coeffs = [sympy.Rational(c.numerator, c.denominator) for c in reversed(factor)]
    ivs = sympy.Poly.from_list(coeffs, _X, domain="QQ").intervals()
    roots = []
    for idx, ((a, b), _m) in enumerate(sorted(ivs, key=lambda iv: iv[0][0])):
        roots.append(RealAlgebraic(factor, _fq(sympy.Rational(a)), _fq(sympy.Rational(b)), idx))
    return tuple(roots)
