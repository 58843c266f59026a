"""Exact ironing of virtual values (paper 001, §2.1, footnote 1; Myerson 1981, §6).

Definition
----------
Write the revenue curve in quantile space, :math:`q = S(v)`, :math:`R(q) = q \\cdot v(q)`
(:mod:`exactmech.dist.revenue`). Its least concave majorant (**concave hull**) :math:`\\bar R`
is piecewise either equal to :math:`R` or linear; the **ironed virtual value** of a value is
the slope of :math:`\\bar R` at its quantile. It is non-decreasing in value, equals the plain
virtual value wherever :math:`\\bar R = R`, and is constant on each **ironing interval**
(a maximal stretch where :math:`\\bar R > R` inside). For a regular distribution
:math:`\\bar R = R` and nothing changes.

Relation to paper 001, eq. (1)
------------------------------
For a discrete distribution the slope of :math:`R` over the quantiles of atom
:math:`z_\\ell` *is* :math:`\\varphi(z_\\ell)` of eq. (1) (including :math:`\\varphi(z_k) = z_k`,
the slope from :math:`(0, 0)`). :math:`\\bar R` is the upper hull of the points
:math:`(0, 0)` and :math:`(S(z_\\ell), z_\\ell S(z_\\ell))`, so on an ironing interval
:math:`I = \\{z_i, \\dots, z_j\\}`

.. math:: \\bar\\varphi(z) = \\frac{\\sum_{\\ell \\in I} f(z_\\ell)\\,\\varphi(z_\\ell)}
   {\\sum_{\\ell \\in I} f(z_\\ell)}
   = \\frac{z_i S(z_i) - z_{j+1} S(z_{j+1})}{S(z_i) - S(z_{j+1})}, \\qquad z \\in I

(the :math:`f`-weighted average of eq. (1); :math:`z_{k+1} S(z_{k+1}) := 0`), and
:math:`\\bar\\varphi = \\varphi` outside ironing intervals. Collinear hull points are kept as
hull vertices, so an ironing interval always contains a point strictly below the hull.

Piecewise-uniform distributions
-------------------------------
On a piece :math:`[x_{i-1}, x_i]` with density :math:`c` the curve is the concave parabola
:math:`R(q) = q\\,(x_i + S(x_i)/c) - q^2/c`; a drop in density (or a gap) breaks concavity.
For each slope :math:`s`, :math:`\\bar R` touches :math:`R` where :math:`R(q) - s q` is largest;
an ironing interval is a slope with two touching points on different pieces, found by
equating the pieces' conjugates :math:`\\max_q R_i(q) - s q` — a quadratic in :math:`s`. So
its level and ends lie in :math:`\\mathbb Q(\\sqrt d)` and are returned as a
:class:`~fractions.Fraction` when rational, otherwise as an exact sympy number
(e.g. :math:`1 - \\sqrt 3/3`). The arithmetic is exact (:mod:`exactmech.dist._surd`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, NamedTuple

from exactmech.dist._surd import Surd, quadratic_roots
from exactmech.dist.discrete import Discrete
from exactmech.dist.revenue import (
    Distribution,
    _check_dist,
    positive_density,
    quantile_revenue_curve,
    support_lookup,
)
from exactmech.dist.uniform import PiecewiseUniform
from exactmech.errors import DistributionError
from exactmech.numbers import Q

__all__ = [
    "IroningInterval",
    "ironed_virtual_value",
    "ironed_virtual_values",
    "ironing_intervals",
]

_ZERO = Fraction(0)


class IroningInterval(NamedTuple):
    """A maximal range of values ``[low, high]`` on which the ironed virtual value is ``level``.

    Discrete: ``low`` and ``high`` are the lowest and highest support values of the ironed
    block. Piecewise uniform: the values whose quantiles the hull's segment spans. Each field
    is a :class:`~fractions.Fraction`, or a sympy number when irrational.
    """

    low: Any
    high: Any
    level: Any


# -- discrete ---------------------------------------------------------------------------


def _hull_edges(dist: Discrete) -> list[tuple[list[Fraction], Fraction]]:
    """Upper hull of the quantile revenue points: ``(atoms on the edge, slope)`` per edge."""
    pts = quantile_revenue_curve(dist)
    support = dist.support  # point t (t >= 1) is the quantile S(z) of atom support[-t]
    hull: list[int] = []
    for t, (x, y) in enumerate(pts):
        while len(hull) >= 2:
            (ox, oy), (ax, ay) = pts[hull[-2]], pts[hull[-1]]
            # pop the middle point only if it is strictly below the chord (collinear stays)
            if (ax - ox) * (y - oy) - (ay - oy) * (x - ox) > 0:
                hull.pop()
            else:
                break
        hull.append(t)
    edges = []
    for i, j in itertools.pairwise(hull):
        (xi, yi), (xj, yj) = pts[i], pts[j]
        atoms = [support[-t] for t in range(j, i, -1)]  # ascending values
        edges.append((atoms, (yj - yi) / (xj - xi)))
    return edges


def ironed_virtual_values(dist: Discrete) -> dict[Fraction, Fraction]:
    """Ironed virtual values on the support: slopes of the concave hull of the revenue curve.

    Equal to eq. (1) outside ironing intervals and to the mass-weighted average of eq. (1)
    on each (module docstring); non-decreasing in value.

    References
    ----------
    paper 001, §2.1, eq. (1) and footnote 1 ("the non-decreasing ironed virtual value
    function [15, 12]").

    Examples
    --------
    >>> from exactmech.dist import virtual_values
    >>> D = Discrete([1, 2, 3], ["1/2", "1/10", "2/5"])
    >>> virtual_values(D)  # eq. (1): φ(1) = 0 > φ(2) = -2, not monotone
    {Fraction(1, 1): Fraction(0, 1), Fraction(2, 1): Fraction(-2, 1),
     Fraction(3, 1): Fraction(3, 1)}
    >>> ironed_virtual_values(D)  # (1/2·0 + 1/10·(-2)) / (1/2 + 1/10) = -1/3 on {1, 2}
    {Fraction(1, 1): Fraction(-1, 3), Fraction(2, 1): Fraction(-1, 3),
     Fraction(3, 1): Fraction(3, 1)}
    >>> from exactmech.dist import Uniform
    >>> ironed_virtual_values(Uniform(0, 1))
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: ironed_virtual_values(): expected a Discrete ...
    """
    if not isinstance(dist, Discrete):
        raise DistributionError(
            f"ironed_virtual_values(): expected a Discrete distribution, got {type(dist).__name__}"
        )
    out = {z: slope for atoms, slope in _hull_edges(dist) for z in atoms}
    return dict(sorted(out.items()))


def _discrete_intervals(dist: Discrete) -> tuple[IroningInterval, ...]:
    return tuple(
        IroningInterval(atoms[0], atoms[-1], slope)
        for atoms, slope in sorted(_hull_edges(dist), key=lambda e: e[0][0])
        if len(atoms) >= 2
    )


# -- piecewise uniform ------------------------------------------------------------------

_Poly = tuple[Fraction, Fraction, Fraction]  # c0 + c1 s + c2 s^2


@dataclass(frozen=True)
class _Arc:
    """The revenue curve on one positive piece, in quantile space: R(q) = A q - B q^2."""

    lo: Fraction  # values [lo, hi]
    hi: Fraction
    c: Fraction  # density
    top: Fraction  # quantile of hi: S(hi)
    bottom: Fraction  # quantile of lo: S(lo)

    @property
    def A(self) -> Fraction:
        return self.hi + self.top / self.c

    @property
    def B(self) -> Fraction:
        return 1 / self.c

    def slope_range(self) -> tuple[Fraction, Fraction]:
        """R'(bottom) <= R'(top): the slopes with an interior tangency."""
        return self.A - 2 * self.B * self.bottom, self.A - 2 * self.B * self.top

    def regimes(self) -> list[tuple[_Poly, Fraction | None, Fraction | None]]:
        """max_q R(q) - s q as a polynomial in s, with the range of s where it holds."""
        A, B = self.A, self.B
        t_bot, t_top = self.slope_range()
        top, bot = self.top, self.bottom
        return [
            ((A * top - B * top * top, -top, _ZERO), t_top, None),  # touches at q = top
            ((A * A / (4 * B), -A / (2 * B), 1 / (4 * B)), t_bot, t_top),  # interior
            ((A * bot - B * bot * bot, -bot, _ZERO), None, t_bot),  # touches at q = bottom
        ]

    def best(self, s: Surd) -> tuple[Surd, Surd]:
        """(max_q R(q) - s q, argmax q) at slope ``s``."""
        A, B = self.A, self.B
        t_bot, t_top = self.slope_range()
        if s >= t_top:
            q = Surd(self.top)
        elif s <= t_bot:
            q = Surd(self.bottom)
        else:
            q = (A - s) / (2 * B)
        return (A - s) * q - B * q * q, q

    def value(self, q: Surd) -> Surd:
        """The value at quantile ``q`` of this piece."""
        return self.hi - (q - self.top) / self.c


def _arcs(dist: PiecewiseUniform) -> list[_Arc]:
    canon = dist.canonical()
    arcs = []
    for lo, hi, m in canon.pieces():
        if m:
            top = 1 - canon._cdf(hi)
            arcs.append(_Arc(lo, hi, m / (hi - lo), top, top + m))
    return arcs


def _in_range(s: Surd, lo: Fraction | None, hi: Fraction | None) -> bool:
    return (lo is None or s >= lo) and (hi is None or s <= hi)


def _continuous_intervals(dist: PiecewiseUniform) -> list[tuple[Surd, Surd, Surd]]:
    """``(level, low value, high value)`` of each ironing interval, by increasing level."""
    arcs = _arcs(dist)
    found: list[tuple[Surd, Surd, Surd]] = []
    for i in range(len(arcs)):
        for j in range(i + 1, len(arcs)):
            for pi, lo_i, hi_i in arcs[i].regimes():
                for pj, lo_j, hi_j in arcs[j].regimes():
                    roots = quadratic_roots(pi[2] - pj[2], pi[1] - pj[1], pi[0] - pj[0])
                    for s in roots or ():  # None: identical, which never separates two arcs
                        if not (_in_range(s, lo_i, hi_i) and _in_range(s, lo_j, hi_j)):
                            continue
                        if any(s == level for level, _, _ in found):
                            continue
                        bridge = _bridge(arcs, s)
                        if bridge is not None:
                            found.append(bridge)
    found.sort(key=lambda t: _Key(t[0]))
    return found


def _bridge(arcs: list[_Arc], s: Surd) -> tuple[Surd, Surd, Surd] | None:
    """If the hull has a segment of slope ``s`` touching R at two points, its value range."""
    bests = [arc.best(s) for arc in arcs]
    top = bests[0][0]
    for val, _ in bests[1:]:
        if val > top:
            top = val
    touching = [(q, k) for k, (val, q) in enumerate(bests) if val == top]
    q_min, k_min = min(touching, key=lambda t: _Key(t[0]))
    q_max, k_max = max(touching, key=lambda t: _Key(t[0]))
    if q_min == q_max:
        return None
    # low quantiles are high values
    return s, arcs[k_max].value(q_max), arcs[k_min].value(q_min)


class _Key:
    __slots__ = ("x",)

    def __init__(self, x: Surd) -> None:
        self.x = x

    def __lt__(self, other: _Key) -> bool:
        return self.x < other.x


# -- public dispatch --------------------------------------------------------------------


def ironing_intervals(dist: Distribution) -> tuple[IroningInterval, ...]:
    """The ironing intervals, by increasing value (empty iff the distribution is regular).

    Discrete: blocks of consecutive support values on one hull edge that passes strictly
    above some revenue point. Piecewise uniform: value ranges whose quantiles lie under one
    segment of the hull; ends and level may be irrational (sympy numbers).

    References
    ----------
    paper 001, §2.1, eq. (1) and footnote 1; Myerson (1981), §6 (ironing).

    Examples
    --------
    >>> ironing_intervals(Discrete([1, 2, 3], ["1/2", "1/10", "2/5"]))
    (IroningInterval(low=Fraction(1, 1), high=Fraction(2, 1), level=Fraction(-1, 3)),)
    >>> from exactmech.dist import PiecewiseUniform
    >>> ironing_intervals(PiecewiseUniform([0, 1, 2], ["3/4", "1/4"]))
    (IroningInterval(low=7/6 - sqrt(3)/6, high=3/2 - sqrt(3)/6, level=1 - sqrt(3)/3),)
    >>> ironing_intervals({1: 1})
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: ironing_intervals(): expected a Discrete or ...
    """
    _check_dist("ironing_intervals", dist)
    if isinstance(dist, Discrete):
        return _discrete_intervals(dist)
    return tuple(
        IroningInterval(lo.exact(), hi.exact(), s.exact())
        for s, lo, hi in _continuous_intervals(dist)
    )


def ironed_virtual_value(dist: Distribution, v: Any) -> Any:
    """The ironed virtual value of value ``v`` (a support value, or a point of positive density).

    Returns a :class:`~fractions.Fraction`, or a sympy number when the ironing level of a
    piecewise-uniform distribution is irrational. At the ends of an ironing interval (where
    the hull may have a kink; a null set for a density) the interval's level is returned.

    Raises
    ------
    DistributionError
        ``v`` outside the support (discrete) or where the density is 0 (continuous).

    References
    ----------
    paper 001, §2.1, footnote 1; paper 000, Lemma 4.1 (regular :math:`U[a, b]`: unchanged
    :math:`2v - b`).

    Examples
    --------
    >>> from exactmech.dist import PiecewiseUniform, Uniform
    >>> ironed_virtual_value(Uniform(0, 1), "3/4")
    Fraction(1, 2)
    >>> ironed_virtual_value(PiecewiseUniform([0, 1, 2], ["3/4", "1/4"]), 1)
    1 - sqrt(3)/3
    >>> ironed_virtual_value(Discrete.uniform([1, 2, 3]), 4)
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: ironed_virtual_value(): v=4 is not in the support {1, 2, 3}
    """
    func = "ironed_virtual_value"
    _check_dist(func, dist)
    x = Q(v, "v", func=func)
    if isinstance(dist, Discrete):
        return support_lookup(func, ironed_virtual_values(dist), x)
    f = positive_density(func, dist, x)
    for s, lo, hi in _continuous_intervals(dist):
        if lo <= x <= hi:
            return s.exact()
    return x - (1 - dist._cdf(x)) / f  # not ironed: φ(v) = v - (1 - F(v))/f(v)
