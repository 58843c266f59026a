"""Uniform and piecewise-uniform value distributions with rational breakpoints (paper 000).

Paper 000 (§4) works with buyers whose value is :math:`U[a, b]`, and with the posteriors
that interval messages induce: conditioning a uniform on an interval gives a uniform, and a
mixture of uniforms on adjacent intervals is **piecewise uniform**.
:class:`PiecewiseUniform` has breakpoints :math:`x_0 < x_1 < \\dots < x_m` and puts mass
:math:`m_i` uniformly on :math:`[x_{i-1}, x_i]` (density :math:`c_i = m_i/(x_i - x_{i-1})`);
:class:`Uniform` is the one-piece case. Every CDF, survival probability, mean and
conditional is exact.

Conventions
-----------
* The density is right-continuous: ``pdf(x)`` is the density of the piece
  :math:`[x_{i-1}, x_i)` containing ``x``, and of the last piece at :math:`x = x_m`.
* :math:`S(x) = \\Pr[V \\ge x] = 1 - F(x)` (there are no atoms).
* Zero masses are allowed (a gap in the support). ``==`` compares laws: adjacent pieces of
  equal density are merged and zero-mass pieces at the ends dropped before comparing, so
  ``Uniform(0, 2) == PiecewiseUniform([0, 1, 2], ["1/2", "1/2"])``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

from exactmech.errors import DistributionError
from exactmech.numbers import Q, as_rational_vector, fraction_str, to_latex

__all__ = ["PiecewiseUniform", "Uniform"]

_ZERO = Fraction(0)
_ONE = Fraction(1)


def _check_breaks(func: str, breaks: Sequence[Fraction]) -> None:
    if len(breaks) < 2:
        raise DistributionError(f"{func}(): need at least 2 breakpoints, got {len(breaks)}")
    for i in range(1, len(breaks)):
        if breaks[i] <= breaks[i - 1]:
            raise DistributionError(
                f"{func}(): breakpoints must be strictly increasing; breakpoints[{i}]="
                f"{fraction_str(breaks[i])} <= breakpoints[{i - 1}]={fraction_str(breaks[i - 1])}"
            )


def _check_masses(
    func: str, breaks: Sequence[Fraction], masses: Sequence[Fraction], *, normalised: bool
) -> None:
    kind = "masses" if normalised else "weights"
    if len(masses) != len(breaks) - 1:
        raise DistributionError(
            f"{func}(): {len(breaks)} breakpoints need {len(breaks) - 1} {kind}, got {len(masses)}"
        )
    for i, m in enumerate(masses):
        if m < 0:
            raise DistributionError(
                f"{func}(): {kind}[{i}]={fraction_str(m)} on [{fraction_str(breaks[i])}, "
                f"{fraction_str(breaks[i + 1])}] is negative"
            )
    total = sum(masses, _ZERO)
    if normalised and total != 1:
        raise DistributionError(f"{func}(): masses sum to {fraction_str(total)}, expected 1")
    if not normalised and total == 0:
        raise DistributionError(f"{func}(): weights sum to 0; at least one must be positive")


class PiecewiseUniform:
    """A distribution with piecewise-constant density on rational breakpoints.

    Parameters
    ----------
    breakpoints
        :math:`x_0 < x_1 < \\dots < x_m` (at least two).
    masses
        :math:`m_1, \\dots, m_m \\ge 0` summing to exactly 1; :math:`m_i` is spread
        uniformly on :math:`[x_{i-1}, x_i]`.

    Raises
    ------
    DistributionError
        Breakpoints not strictly increasing, the wrong number of masses, a negative mass,
        masses not summing to 1 (the message says what they sum to).

    References
    ----------
    paper 000, §4 (uniform priors and interval messages; mixtures of the posteriors).

    Examples
    --------
    >>> D = PiecewiseUniform([0, 1, 2], ["3/4", "1/4"])
    >>> D.cdf(1), D.pdf("3/2"), D.mean()
    (Fraction(3, 4), Fraction(1, 4), Fraction(3, 4))
    >>> PiecewiseUniform([0, 1, 2], ["1/2", "1/3"])
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: PiecewiseUniform(): masses sum to 5/6, expected 1
    """

    __slots__ = ("_breaks", "_hash", "_masses")

    _breaks: tuple[Fraction, ...]
    _masses: tuple[Fraction, ...]
    _hash: int | None

    def __init__(self, breakpoints: Iterable[Any], masses: Iterable[Any]) -> None:
        func = "PiecewiseUniform"
        breaks = as_rational_vector(breakpoints, "breakpoints", func=func)
        ms = as_rational_vector(masses, "masses", func=func)
        _check_breaks(func, breaks)
        _check_masses(func, breaks, ms, normalised=True)
        self._breaks, self._masses, self._hash = breaks, ms, None

    @classmethod
    def _make(cls, breaks: tuple[Fraction, ...], masses: tuple[Fraction, ...]) -> PiecewiseUniform:
        obj = PiecewiseUniform.__new__(PiecewiseUniform)
        obj._breaks, obj._masses, obj._hash = breaks, masses, None
        return obj

    @classmethod
    def from_weights(cls, breakpoints: Iterable[Any], weights: Iterable[Any]) -> PiecewiseUniform:
        """Masses proportional to non-negative ``weights`` (one per piece).

        Examples
        --------
        >>> PiecewiseUniform.from_weights([0, 1, 3], [1, 3])
        PiecewiseUniform([0, 1, 3], [1/4, 3/4])
        >>> PiecewiseUniform.from_weights([0, 1], [-1])
        Traceback (most recent call last):
        ...
        exactmech.errors.DistributionError: PiecewiseUniform.from_weights(): weights[0]=-1 ...
        """
        func = "PiecewiseUniform.from_weights"
        breaks = as_rational_vector(breakpoints, "breakpoints", func=func)
        ws = as_rational_vector(weights, "weights", func=func)
        _check_breaks(func, breaks)
        _check_masses(func, breaks, ws, normalised=False)
        total = sum(ws, _ZERO)
        return cls._make(breaks, tuple(w / total for w in ws))

    # -- data -------------------------------------------------------------------------

    @property
    def breakpoints(self) -> tuple[Fraction, ...]:
        """:math:`x_0 < \\dots < x_m`."""
        return self._breaks

    @property
    def masses(self) -> tuple[Fraction, ...]:
        """:math:`m_1, \\dots, m_m`."""
        return self._masses

    @property
    def densities(self) -> tuple[Fraction, ...]:
        """:math:`c_i = m_i / (x_i - x_{i-1})`."""
        b = self._breaks
        return tuple(m / (b[i + 1] - b[i]) for i, m in enumerate(self._masses))

    def pieces(self) -> tuple[tuple[Fraction, Fraction, Fraction], ...]:
        """``(x_{i-1}, x_i, m_i)`` for each piece, ascending."""
        b = self._breaks
        return tuple((b[i], b[i + 1], m) for i, m in enumerate(self._masses))

    @property
    def lower(self) -> Fraction:
        """The lowest value with positive density nearby (the support's infimum)."""
        return next(lo for lo, _, m in self.pieces() if m)

    @property
    def upper(self) -> Fraction:
        """The support's supremum."""
        return next(hi for _, hi, m in reversed(self.pieces()) if m)

    def has_gap(self) -> bool:
        """Whether a zero-mass piece lies strictly inside the support."""
        ms = self._masses
        first = next(i for i, m in enumerate(ms) if m)
        last = max(i for i, m in enumerate(ms) if m)
        return any(m == 0 for m in ms[first : last + 1])

    # -- probabilities ----------------------------------------------------------------

    def pdf(self, x: Any) -> Fraction:
        """The density at ``x`` (right-continuous; 0 outside :math:`[x_0, x_m]`).

        Examples
        --------
        >>> Uniform(0, 2).pdf(2), Uniform(0, 2).pdf(3)
        (Fraction(1, 2), Fraction(0, 1))
        >>> Uniform(0, 2).pdf(0.5)
        Traceback (most recent call last):
        ...
        exactmech.errors.FloatInputError: PiecewiseUniform.pdf(): x=0.5 is a float; ...
        """
        x = Q(x, "x", func="PiecewiseUniform.pdf")
        b = self._breaks
        if x < b[0] or x > b[-1]:
            return _ZERO
        for i, (lo, hi, m) in enumerate(self.pieces()):
            if lo <= x < hi or (x == hi and i == len(self._masses) - 1):
                return m / (hi - lo)
        raise AssertionError("unreachable")  # pragma: no cover

    def cdf(self, x: Any) -> Fraction:
        """:math:`F(x) = \\Pr[V \\le x]`, exactly.

        Examples
        --------
        >>> Uniform(0, 3).cdf(1)
        Fraction(1, 3)
        >>> Uniform(0, 3).cdf("one")
        Traceback (most recent call last):
        ...
        exactmech.errors.InvalidNumberError: PiecewiseUniform.cdf(): x='one' is not a ...
        """
        x = Q(x, "x", func="PiecewiseUniform.cdf")
        return self._cdf(x)

    def _cdf(self, x: Fraction) -> Fraction:
        total = _ZERO
        for lo, hi, m in self.pieces():
            if x >= hi:
                total += m
            elif x > lo:
                total += m * (x - lo) / (hi - lo)
        return total

    def survival(self, x: Any) -> Fraction:
        """:math:`S(x) = \\Pr[V \\ge x] = 1 - F(x)` (paper 000, Lemma 4.1 uses :math:`1 - F`).

        Examples
        --------
        >>> Uniform(0, 1).survival("1/4")
        Fraction(3, 4)
        >>> Uniform(0, 1).survival(0.25)
        Traceback (most recent call last):
        ...
        exactmech.errors.FloatInputError: PiecewiseUniform.survival(): x=0.25 is a float; ...
        """
        x = Q(x, "x", func="PiecewiseUniform.survival")
        return _ONE - self._cdf(x)

    def probability(self, low: Any = None, high: Any = None) -> Fraction:
        """:math:`\\Pr[\\text{low} \\le V \\le \\text{high}]` (``None``: unbounded).

        Examples
        --------
        >>> Uniform(0, 4).probability(1, 2)
        Fraction(1, 4)
        >>> Uniform(0, 4).probability(2, 1)
        Traceback (most recent call last):
        ...
        exactmech.errors.DistributionError: PiecewiseUniform.probability(): low=2 > high=1
        """
        lo, hi = self._interval("PiecewiseUniform.probability", low, high)
        return self._cdf(hi) - self._cdf(lo)

    def _interval(self, func: str, low: Any, high: Any) -> tuple[Fraction, Fraction]:
        lo = self._breaks[0] if low is None else Q(low, "low", func=func)
        hi = self._breaks[-1] if high is None else Q(high, "high", func=func)
        if lo > hi:
            raise DistributionError(f"{func}(): low={fraction_str(lo)} > high={fraction_str(hi)}")
        return lo, hi

    def mean(self) -> Fraction:
        """:math:`\\mathbf E[V] = \\sum_i m_i (x_{i-1} + x_i)/2`.

        Examples
        --------
        >>> PiecewiseUniform([0, 1, 2], ["1/2", "1/2"]).mean()
        Fraction(1, 1)
        """
        return sum((m * (lo + hi) / 2 for lo, hi, m in self.pieces()), _ZERO)

    def variance(self) -> Fraction:
        """:math:`\\mathbf E[V^2] - \\mathbf E[V]^2`, with :math:`\\mathbf E[V^2]` piecewise.

        Examples
        --------
        >>> Uniform(0, 1).variance()
        Fraction(1, 12)
        """
        second = sum((m * (lo * lo + lo * hi + hi * hi) / 3 for lo, hi, m in self.pieces()), _ZERO)
        return second - self.mean() ** 2

    def expected_excess(self, price: Any) -> Fraction:
        """:math:`\\mathbf E[(V - p)^+] = \\int_p^\\infty S(x)\\,dx` (consumer surplus at price p).

        Examples
        --------
        >>> Uniform(0, 1).expected_excess("1/2")
        Fraction(1, 8)
        >>> Uniform(0, 1).expected_excess(0.5)
        Traceback (most recent call last):
        ...
        exactmech.errors.FloatInputError: PiecewiseUniform.expected_excess(): price=0.5 ...
        """
        p = Q(price, "price", func="PiecewiseUniform.expected_excess")
        total = _ZERO
        for lo, hi, m in self.pieces():
            if hi <= p or m == 0:
                continue
            start = max(lo, p)
            # ∫_start^hi (v - p) c dv with the piece's density c
            total += m / (hi - lo) * ((hi - p) ** 2 - (start - p) ** 2) / 2
        return total

    # -- transformations --------------------------------------------------------------

    def condition(self, low: Any = None, high: Any = None) -> PiecewiseUniform:
        """The posterior given :math:`\\text{low} \\le V \\le \\text{high}`: piecewise uniform.

        The result lives on ``[max(low, x_0), min(high, x_m)]``; zero-mass pieces at its ends
        are dropped. Open or closed ends give the same law (there are no atoms).

        Raises
        ------
        DistributionError
            If the interval has probability 0.

        References
        ----------
        paper 000, §4 (a buyer revealing :math:`v \\in [a, b]`).

        Examples
        --------
        >>> PiecewiseUniform([0, 1, 2], ["3/4", "1/4"]).condition("1/2", None)
        PiecewiseUniform([1/2, 1, 2], [3/5, 2/5])
        >>> Uniform(0, 1).condition(2, 3)
        Traceback (most recent call last):
        ...
        exactmech.errors.DistributionError: Uniform.condition(): [2, 3] has probability 0; ...
        """
        func = f"{type(self).__name__}.condition"
        lo, hi = self._interval(func, low, high)
        breaks: list[Fraction] = []
        masses: list[Fraction] = []
        for a, b, m in self.pieces():
            a2, b2 = max(a, lo), min(b, hi)
            if a2 >= b2:
                continue
            if not breaks:
                breaks.append(a2)
            breaks.append(b2)
            masses.append(m * (b2 - a2) / (b - a))
        total = sum(masses, _ZERO)
        if total == 0:
            raise DistributionError(
                f"{func}(): [{fraction_str(lo)}, {fraction_str(hi)}] has probability 0; "
                "the posterior is undefined"
            )
        first = next(i for i, m in enumerate(masses) if m)
        last = max(i for i, m in enumerate(masses) if m)
        return PiecewiseUniform._make(
            tuple(breaks[first : last + 2]), tuple(m / total for m in masses[first : last + 1])
        )

    def canonical(self) -> PiecewiseUniform:
        """The same law with adjacent equal-density pieces merged and zero ends dropped.

        Examples
        --------
        >>> PiecewiseUniform([0, 1, 2, 3], [0, "1/2", "1/2"]).canonical()
        PiecewiseUniform([1, 3], [1])
        """
        breaks = [self._breaks[0]]
        masses: list[Fraction] = []
        dens: list[Fraction] = []
        for lo, hi, m in self.pieces():
            c = m / (hi - lo)
            if dens and dens[-1] == c:
                breaks[-1] = hi
                masses[-1] += m
            else:
                breaks.append(hi)
                masses.append(m)
                dens.append(c)
        if masses[0] == 0:
            breaks, masses = breaks[1:], masses[1:]
        if masses[-1] == 0:
            breaks, masses = breaks[:-1], masses[:-1]
        return PiecewiseUniform._make(tuple(breaks), tuple(masses))

    # -- comparison and display -------------------------------------------------------

    def _law(self) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]]:
        c = self.canonical()
        return c._breaks, c._masses

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PiecewiseUniform):
            return NotImplemented
        return self._law() == other._law()

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(("PiecewiseUniform", self._law()))
        return self._hash

    def __repr__(self) -> str:
        bs = ", ".join(fraction_str(x) for x in self._breaks)
        ms = ", ".join(fraction_str(m) for m in self._masses)
        return f"PiecewiseUniform([{bs}], [{ms}])"

    def _repr_latex_(self) -> str:
        parts = ", ".join(
            f"{to_latex(m)}\\,U[{to_latex(lo)}, {to_latex(hi)}]" for lo, hi, m in self.pieces()
        )
        return f"$\\text{{mixture of }} {parts}$"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>[{fraction_str(lo)}, {fraction_str(hi)}]</td><td>{fraction_str(m)}</td></tr>"
            for lo, hi, m in self.pieces()
        )
        return f"<table><tr><th>interval</th><th>mass</th></tr>{rows}</table>"


class Uniform(PiecewiseUniform):
    """The uniform distribution :math:`U[a, b]` with rational :math:`a < b`.

    A one-piece :class:`PiecewiseUniform`; conditioning on an interval gives another
    :class:`Uniform`.

    Raises
    ------
    DistributionError
        If :math:`a \\ge b`.

    References
    ----------
    paper 000, §4 and Lemma 4.1 (:math:`F(v) = (v - a)/(b - a)`, :math:`f(v) = 1/(b - a)`).

    Examples
    --------
    >>> U = Uniform(0, 1)
    >>> U.cdf("1/3"), U.pdf("1/3"), U.mean()
    (Fraction(1, 3), Fraction(1, 1), Fraction(1, 2))
    >>> U.condition("1/2", 2)
    Uniform(1/2, 1)
    >>> Uniform(1, 1)
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: Uniform(): a=1 must be < b=1
    """

    __slots__ = ()

    def __init__(self, a: Any, b: Any) -> None:
        lo = Q(a, "a", func="Uniform")
        hi = Q(b, "b", func="Uniform")
        if lo >= hi:
            raise DistributionError(
                f"Uniform(): a={fraction_str(lo)} must be < b={fraction_str(hi)}"
            )
        self._breaks, self._masses, self._hash = (lo, hi), (_ONE,), None

    @property
    def a(self) -> Fraction:
        """The lower end :math:`a`."""
        return self._breaks[0]

    @property
    def b(self) -> Fraction:
        """The upper end :math:`b`."""
        return self._breaks[1]

    def condition(self, low: Any = None, high: Any = None) -> Uniform:
        """:math:`U[a, b]` given :math:`V \\in [\\text{low}, \\text{high}]`: a uniform.

        Examples
        --------
        >>> Uniform(0, 1).condition(None, "1/2")
        Uniform(0, 1/2)
        >>> Uniform(0, 1).condition(1, 2)
        Traceback (most recent call last):
        ...
        exactmech.errors.DistributionError: Uniform.condition(): [1, 2] has probability 0; ...
        """
        post = super().condition(low, high)
        return Uniform(post.breakpoints[0], post.breakpoints[-1])

    def __repr__(self) -> str:
        return f"Uniform({fraction_str(self.a)}, {fraction_str(self.b)})"

    def _repr_latex_(self) -> str:
        return f"$U[{to_latex(self.a)}, {to_latex(self.b)}]$"

    def _repr_html_(self) -> str:
        return f"<i>U</i>[{fraction_str(self.a)}, {fraction_str(self.b)}]"
