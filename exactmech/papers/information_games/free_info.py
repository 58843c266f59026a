"""Proposition 6.1: free information, the mechanism ``M_δ`` and lower convex envelopes (§6.1).

Paper 004, §6.1: in region I with ``p_b̄ < p*_b̄`` and ``p_s̲ < p*_s̲``, mix the
flexible-price mechanism (probability ``1 − δ``) with the lottery mechanism of Proposition
2.2 (probability ``δ``: the seller offers price ``b̲`` or trade with probability
``q_ε = (b̲−s̲)/(s̄−s̲) + ε`` at ``s̄``), for ``ε`` in the interval of §6.1. In the
equilibrium of Appendix D's proof the buyer accepts a price iff it is at most her value
and a ``s̲`` seller with posterior ``p`` on ``b̄`` offers ``b̲`` up to the indifference
points ``τ₁ = (b̲−s̲)/(s̄−s̲)`` (branch i) and ``τ₂ = τ₁/q_ε`` (branch ii). Her expected
welfare given posterior ``p`` is then the piecewise-linear function
:func:`seller_welfare_pieces`.

Under free information a structure only chooses the distribution of the ``s̲`` seller's
posterior, any finite distribution with mean ``p_b̄`` (the buyer's information is
irrelevant: she has a dominant strategy). So the infimum over structures of this
equilibrium's welfare is exact: ``p_s̲ · f̆(p_b̄) + p_s̄ · p_b̄ (1 − δ + δ q_ε)(b̄ − s̄)``,
where ``f̆`` is the lower convex envelope of the (lower semicontinuous hull of the)
piecewise-linear ``f`` (:func:`lower_convex_envelope`). The convex envelope is continuous
at the interior point ``p_b̄``, so the seller's tie-breaking at ``τ₁, τ₂`` does not
matter. :func:`delta_bound` is an explicit ``δ̄`` such that every ``δ ∈ (0, δ̄]`` satisfies
(D.4), hence (D.8) ``> W_FP``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from exactmech.errors import InvalidProblemError
from exactmech.numbers import Q, RationalLike, fraction_str
from exactmech.papers.information_games.params import TradeParams, p_star_b_hi, p_star_s_lo

__all__ = [
    "FreeInfoGuarantee",
    "delta_bound",
    "envelope_value",
    "epsilon_interval",
    "free_information_guarantee",
    "lower_convex_envelope",
    "seller_welfare_pieces",
]

F = Fraction
Point = tuple[Fraction, Fraction]


def lower_convex_envelope(points: Sequence[tuple[RationalLike, RationalLike]]) -> list[Point]:
    """Vertices of the lower convex hull of finitely many points, left to right (exact).

    The lower convex envelope of the function they define (a piecewise-linear function whose
    graph's lowest points are these) is the polygonal line through the returned vertices.
    Andrew's monotone chain on the lower side, exact cross products.

    >>> hull = lower_convex_envelope([(0, 1), (1, 3), (2, 0), (3, 2), (4, 1)])
    >>> [(str(x), str(y)) for x, y in hull]
    [('0', '1'), ('2', '0'), ('4', '1')]
    """
    pts = sorted({(Q(x, "x"), Q(y, "y")) for x, y in points})
    best: dict[Fraction, Fraction] = {}
    for x, y in pts:  # keep the lowest point per abscissa
        best[x] = min(y, best.get(x, y))
    pts = sorted(best.items())
    hull: list[Point] = []
    for p in pts:
        while len(hull) >= 2:
            (x1, y1), (x2, y2) = hull[-2], hull[-1]
            if (x2 - x1) * (p[1] - y1) - (y2 - y1) * (p[0] - x1) <= 0:
                hull.pop()  # hull[-1] is on or above the chord hull[-2] -> p
            else:
                break
        hull.append(p)
    return hull


def envelope_value(hull: Sequence[Point], x: RationalLike) -> Fraction:
    """The lower convex envelope through ``hull``'s vertices evaluated at ``x`` (exact)."""
    xv = Q(x, "x", func="envelope_value")
    if not hull or not hull[0][0] <= xv <= hull[-1][0]:
        raise InvalidProblemError(
            f"envelope_value(): x={fraction_str(xv)} outside the hull's range"
        )
    for (x1, y1), (x2, y2) in itertools.pairwise(hull):
        if x1 <= xv <= x2:
            return y1 + (y2 - y1) * (xv - x1) / (x2 - x1)
    return hull[0][1]  # a single vertex


def epsilon_interval(th: TradeParams) -> tuple[Fraction, Fraction]:
    """The open interval of admissible ``ε`` in §6.1 (paper 004).

    ``1 − (p_s̲/p_s̄)(s̄ − b̲)/(b̄ − s̄) − (b̲ − s̲)/(s̄ − s̲) < ε < 1 − (b̲ − s̲)/(s̄ − s̲)``;
    the left end is positive iff ``p_s̲ < p*_s̲``.

    >>> epsilon_interval(TradeParams(1, 2, 3, 5, "1/10", "1/5"))
    (Fraction(3, 8), Fraction(1, 2))
    """
    tau = (th.b_lo - th.s_lo) / (th.s_hi - th.s_lo)
    lo = 1 - th.p_s_lo / th.p_s_hi * (th.s_hi - th.b_lo) / (th.b_hi - th.s_hi) - tau
    return lo, 1 - tau


def _check(th: TradeParams, delta: Fraction, eps: Fraction, func: str) -> None:
    if not (th.p_b_hi < p_star_b_hi(th) and th.p_s_lo < p_star_s_lo(th)):
        raise InvalidProblemError(
            f"{func}(): Proposition 6.1 needs p_b_hi < p*_b_hi and p_s_lo < p*_s_lo; got {th}"
        )
    lo, hi = epsilon_interval(th)
    if not lo < eps < hi:
        raise InvalidProblemError(
            f"{func}(): epsilon={fraction_str(eps)} is not in ({fraction_str(lo)}, "
            f"{fraction_str(hi)}) (paper 004, §6.1)"
        )
    if not 0 < delta < 1:
        raise InvalidProblemError(f"{func}(): delta={fraction_str(delta)} is not in (0, 1)")


def seller_welfare_pieces(
    th: TradeParams, delta: RationalLike, epsilon: RationalLike
) -> list[tuple[Fraction, Fraction, Fraction, Fraction]]:
    """The welfare given the ``s̲`` seller's posterior ``p``, piece by piece (App. D, Prop. 6.1).

    Returns ``(p_from, p_to, slope, intercept)`` for the three pieces (welfare
    ``= slope·p + intercept`` on each): ``[0, τ₁]`` (price ``b̲`` in both branches),
    ``(τ₁, τ₂]`` (``s̄`` in branch i, ``b̲`` in ii), ``(τ₂, 1]`` (``s̄`` in both).
    """
    d, e = Q(delta, "delta"), Q(epsilon, "epsilon")
    qe = (th.b_lo - th.s_lo) / (th.s_hi - th.s_lo) + e
    t1 = (th.b_lo - th.s_lo) / (th.s_hi - th.s_lo)
    t2 = t1 / qe
    low = th.b_lo - th.s_lo
    top = th.b_hi - th.s_lo
    return [
        (F(0), t1, top - low, low),  # p(b̄−s̲) + (1−p)(b̲−s̲)
        (t1, t2, top - d * low, d * low),  # p(b̄−s̲) + (1−p)δ(b̲−s̲)
        (t2, F(1), ((1 - d) + d * qe) * top, F(0)),  # p((1−δ)+δq_ε)(b̄−s̲)
    ]


@dataclass(frozen=True)
class FreeInfoGuarantee:
    """The exact free-information guarantee of ``M_δ``'s equilibrium (paper 004, §6.1).

    Attributes
    ----------
    value
        ``inf_S`` of the equilibrium welfare (lower convex envelope at ``p_b̄``).
    d8_bound
        The paper's lower bound (D.8) (valid when (D.4) holds, e.g. ``δ ≤ δ̄``).
    w_fp
        ``W_FP``, which Proposition 6.1 says is strictly exceeded.
    hull
        Vertices of the lower convex envelope of the ``s̲`` seller's welfare curve.
    """

    value: Fraction
    d8_bound: Fraction
    w_fp: Fraction
    hull: tuple[Point, ...]


def free_information_guarantee(
    th: TradeParams, delta: RationalLike, epsilon: RationalLike
) -> FreeInfoGuarantee:
    """``inf_S W(M_δ, I(S))`` for the equilibrium of Appendix D, exactly (Proposition 6.1).

    >>> g = free_information_guarantee(TradeParams(1, 2, 3, 5, "1/10", "1/5"), "1/10", "7/16")
    >>> g.value, g.d8_bound, g.w_fp
    (Fraction(401, 1000), Fraction(401, 1000), Fraction(2, 5))
    """
    d, e = Q(delta, "delta"), Q(epsilon, "epsilon")
    _check(th, d, e, "free_information_guarantee")
    qe = (th.b_lo - th.s_lo) / (th.s_hi - th.s_lo) + e
    points: list[Point] = []
    for a, b, slope, icpt in seller_welfare_pieces(th, d, e):
        points += [(a, slope * a + icpt), (b, slope * b + icpt)]  # both one-sided limits
    hull = lower_convex_envelope(points)
    hi_part = th.p_b_hi * ((1 - d) + d * qe) * (th.b_hi - th.s_hi)
    value = th.p_s_lo * envelope_value(hull, th.p_b_hi) + th.p_s_hi * hi_part
    d8 = (
        th.p_s_lo
        * (th.p_b_hi * ((th.b_hi - th.s_hi) + d * (th.s_hi - th.b_lo)) + (th.b_lo - th.s_lo))
        + th.p_s_hi * hi_part
    )  # (D.8)
    wfp = th.p_s_lo * (th.b_lo - th.s_lo) + th.p_b_hi * (th.b_hi - th.s_hi)
    return FreeInfoGuarantee(value, d8, wfp, tuple(hull))


def delta_bound(th: TradeParams, epsilon: RationalLike) -> Fraction:
    """An explicit ``δ̄ > 0`` such that (D.4) holds for every ``δ ∈ (0, δ̄]`` (App. D, Prop. 6.1).

    (D.4) can fail only on the third piece ``p > τ₂``, where (D.6) is linear in ``p``;
    requiring it at ``p = τ₂`` and ``p = 1`` gives
    ``δ̄ = min((1 − q_ε)(s̄ − s̲), s̄ − b̲) / ((1 − q_ε)(b̄ − s̲) + (s̄ − b̲))``.

    >>> delta_bound(TradeParams(1, 2, 3, 5, "1/10", "1/5"), "7/16")
    Fraction(1, 10)
    """
    e = Q(epsilon, "epsilon")
    _check(th, F(1, 2), e, "delta_bound")
    qe = (th.b_lo - th.s_lo) / (th.s_hi - th.s_lo) + e
    k = (1 - qe) * (th.b_hi - th.s_lo) + (th.s_hi - th.b_lo)
    return min((1 - qe) * (th.s_hi - th.s_lo), th.s_hi - th.b_lo) / k
