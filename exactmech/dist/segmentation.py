"""Segmentations (signaling schemes) of one buyer and the Bergemann–Brooks–Morris construction.

Paper 001, §2.2: a signaling scheme :math:`\\mathcal Z = \\{\\gamma_q, \\mathcal S_q\\}` is a
list of posteriors :math:`\\mathcal S_q` ("signals") with weights :math:`\\gamma_q \\ge 0`; it is
**Bayes plausible** when :math:`\\sum_q \\gamma_q = 1` and
:math:`\\sum_q \\gamma_q \\mathcal S_q = \\mathcal D`. Given signal :math:`\\mathcal S_q` the
seller posts its monopoly price (the smallest maximizer of :math:`p\\,S(p)`) and the buyer
buys iff her value is at least the price, so :math:`\\mathcal R(\\mathcal Z) = \\sum_q \\gamma_q
\\mathcal R(\\mathcal S_q)`, and likewise for :math:`\\mathrm{CS}` and :math:`\\mathcal W`.

**BBM** (paper 001, §2.2, after Bergemann, Brooks and Morris 2015). With prior masses
:math:`\\vec p` on :math:`0 < v_1 < \\dots < v_k`, repeat until no mass is left: on the current
support :math:`u_1 < \\dots < u_m` build the **equal-revenue** distribution
(:math:`u_j\\,S(u_j) = u_1` for every :math:`j`, i.e. :math:`S(u_j) = u_1/u_j`), take the largest
weight :math:`\\gamma` with :math:`\\vec p - \\gamma\\,\\vec p_\\ell \\ge 0`, and subtract. We keep
the residual unnormalised, so the :math:`\\gamma`'s are the final weights (the paper
normalises the residual after each step and leaves the rescaling implicit; Example 1's
weights :math:`2/3, 1/6, 1/6` are the unnormalised ones). Each step empties at least one
value, so there are at most :math:`k` segments. Each segment's support is the whole remaining
support, so supports are nested; they always contain the prior's monopoly price
:math:`r_{\\mathcal D}` (the seller's ranking of prices is unchanged by subtracting an
equal-revenue segment, so the atom at :math:`r_{\\mathcal D}` is emptied last), but they need
not be upper sets of the prior's support (Example 1's :math:`\\mathcal S_3 = \\langle 0, 1, 0
\\rangle`). The seller is indifferent among all support prices of a segment, so its monopoly
price is its lowest value and the item always sells.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, NamedTuple

from exactmech.dist.combine import mixture
from exactmech.dist.discrete import Discrete
from exactmech.dist.revenue import PricingOutcome, monopoly_revenue, posted_price_outcome
from exactmech.errors import DistributionError
from exactmech.numbers import Q, as_rational_vector, fraction_str, to_latex

__all__ = [
    "Segment",
    "Segmentation",
    "bbm_segmentation",
    "equal_revenue_distribution",
    "opt_consumer_surplus",
]

_ZERO = Fraction(0)


class Segment(NamedTuple):
    """One signal of a scheme: its weight :math:`\\gamma_q` and posterior :math:`\\mathcal S_q`."""

    weight: Fraction
    posterior: Discrete


@dataclass(frozen=True, init=False)
class Segmentation:
    """A signaling scheme :math:`\\{\\gamma_q, \\mathcal S_q\\}` for one buyer (paper 001, §2.2).

    Parameters
    ----------
    segments
        ``(weight, posterior)`` pairs; weights ``>= 0`` summing to exactly 1, posteriors
        :class:`Discrete`.

    Raises
    ------
    DistributionError
        No segments, a negative weight, weights not summing to 1, or a posterior that is not
        :class:`Discrete`.

    References
    ----------
    paper 001, §2.2 (signaling schemes, :math:`\\mathcal R(\\mathcal Z)`,
    :math:`\\mathrm{CS}(\\mathcal Z)`, :math:`\\mathcal W(\\mathcal Z)`).

    Examples
    --------
    >>> Z = Segmentation([("1/2", Discrete.point(1)), ("1/2", Discrete.point(3))])
    >>> Z.prior(), Z.revenue(), Z.consumer_surplus()
    (Discrete({1: 1/2, 3: 1/2}), Fraction(2, 1), Fraction(0, 1))
    >>> Segmentation([("1/2", Discrete.point(1))])
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: Segmentation(): weights sum to 1/2, expected 1
    """

    segments: tuple[Segment, ...]

    def __init__(self, segments: Iterable[tuple[Any, Discrete]]) -> None:
        func = "Segmentation"
        out = []
        for i, item in enumerate(segments):
            try:
                w, d = item
            except (TypeError, ValueError):
                raise DistributionError(
                    f"{func}(): segments[{i}] must be a (weight, posterior) pair"
                ) from None
            w = Q(w, f"weights[{i}]", func=func)
            if w < 0:
                raise DistributionError(f"{func}(): weights[{i}]={fraction_str(w)} is negative")
            if not isinstance(d, Discrete):
                raise DistributionError(
                    f"{func}(): segments[{i}] holds a {type(d).__name__}; expected Discrete"
                )
            out.append(Segment(w, d))
        if not out:
            raise DistributionError(f"{func}(): no segments")
        total = sum((s.weight for s in out), _ZERO)
        if total != 1:
            raise DistributionError(f"{func}(): weights sum to {fraction_str(total)}, expected 1")
        object.__setattr__(self, "segments", tuple(out))

    def __len__(self) -> int:
        return len(self.segments)

    def __iter__(self) -> Iterator[Segment]:
        return iter(self.segments)

    def __getitem__(self, i: int) -> Segment:
        return self.segments[i]

    @property
    def weights(self) -> tuple[Fraction, ...]:
        """:math:`\\gamma_1, \\gamma_2, \\dots`"""
        return tuple(s.weight for s in self.segments)

    @property
    def posteriors(self) -> tuple[Discrete, ...]:
        """:math:`\\mathcal S_1, \\mathcal S_2, \\dots`"""
        return tuple(s.posterior for s in self.segments)

    def prior(self) -> Discrete:
        """:math:`\\sum_q \\gamma_q \\mathcal S_q`, the prior this scheme is Bayes plausible for."""
        return mixture(self.segments)

    def is_bayes_plausible(self, prior: Discrete) -> bool:
        """Whether :math:`\\sum_q \\gamma_q \\mathcal S_q = \\mathcal D` (paper 001, §2.2)."""
        return self.prior() == prior

    def outcomes(self) -> tuple[PricingOutcome, ...]:
        """The seller's monopoly price and its revenue, CS and welfare, per segment."""
        return tuple(posted_price_outcome(s.posterior) for s in self.segments)

    def revenue(self) -> Fraction:
        """:math:`\\mathcal R(\\mathcal Z) = \\sum_q \\gamma_q \\mathcal R(\\mathcal S_q)`."""
        return sum((w * o.revenue for w, o in zip(self.weights, self.outcomes())), _ZERO)

    def consumer_surplus(self) -> Fraction:
        """:math:`\\mathrm{CS}(\\mathcal Z) = \\sum_q \\gamma_q \\mathrm{CS}(\\mathcal S_q)`."""
        return sum((w * o.consumer_surplus for w, o in zip(self.weights, self.outcomes())), _ZERO)

    def welfare(self) -> Fraction:
        """:math:`\\mathcal W(\\mathcal Z) = \\sum_q \\gamma_q \\mathcal W(\\mathcal S_q)`."""
        return sum((w * o.welfare for w, o in zip(self.weights, self.outcomes())), _ZERO)

    def __repr__(self) -> str:
        body = ", ".join(f"({fraction_str(w)}, {d!r})" for w, d in self.segments)
        return f"Segmentation([{body}])"

    def _repr_latex_(self) -> str:
        rows = " \\\\ ".join(
            f"\\gamma_{{{q + 1}}} = {to_latex(w)} & \\langle "
            + ", ".join(to_latex(p) for p in d.probs)
            + " \\rangle"
            for q, (w, d) in enumerate(self.segments)
        )
        return f"$\\begin{{array}}{{ll}} {rows} \\end{{array}}$"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{q + 1}</td><td>{fraction_str(w)}</td><td>&lang;"
            + ", ".join(fraction_str(p) for p in d.probs)
            + "&rang;</td></tr>"
            for q, (w, d) in enumerate(self.segments)
        )
        return f"<table><tr><th>q</th><th>&gamma;<sub>q</sub></th><th>S<sub>q</sub></th></tr>{rows}</table>"


def equal_revenue_distribution(
    support: Iterable[Any], *, grid: Iterable[Any] | None = None
) -> Discrete:
    """The equal-revenue distribution on ``support``: :math:`u_j S(u_j) = u_1` for all :math:`j`.

    Masses :math:`u_1/u_j - u_1/u_{j+1}` (and :math:`u_1/u_m` on the top value); the seller's
    revenue is :math:`u_1` at every support price, so she is indifferent among them.

    Parameters
    ----------
    support
        Distinct positive values.
    grid
        Optional grid containing ``support`` (other grid values get mass 0).

    Raises
    ------
    DistributionError
        Empty support, a value that is not positive, or a repeated value.

    References
    ----------
    paper 001, §2.2 (the "equal revenue distribution" of each BBM step).

    Examples
    --------
    >>> equal_revenue_distribution([1, 2, 3])
    Discrete({1: 1/2, 2: 1/6, 3: 1/3})
    >>> equal_revenue_distribution([2, 3], grid=[1, 2, 3])
    Discrete({1: 0, 2: 1/3, 3: 2/3})
    >>> equal_revenue_distribution([0, 1])
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: equal_revenue_distribution(): support value 0 is ...
    """
    func = "equal_revenue_distribution"
    us = sorted(as_rational_vector(support, "support", func=func))
    if not us:
        raise DistributionError(f"{func}(): empty support")
    for u in us:
        if u <= 0:
            raise DistributionError(f"{func}(): support value {fraction_str(u)} is not positive")
    for a, b in itertools.pairwise(us):
        if a == b:
            raise DistributionError(f"{func}(): support value {fraction_str(a)} appears twice")
    dist = Discrete._make(tuple(us), _equal_revenue_masses(us))
    return dist if grid is None else dist.on_grid(grid)


def _equal_revenue_masses(us: list[Fraction]) -> tuple[Fraction, ...]:
    u1 = us[0]
    surv = [u1 / u for u in us] + [_ZERO]  # S(u_j) = u_1/u_j
    return tuple(surv[j] - surv[j + 1] for j in range(len(us)))


def bbm_segmentation(dist: Discrete) -> Segmentation:
    """The Bergemann–Brooks–Morris consumer-optimal segmentation of one buyer's prior.

    The greedy construction of paper 001, §2.2 (module docstring). Every posterior is written
    on the prior's grid (zeros where it puts no mass). By Lemma 1 and Example 1 the result is
    Bayes plausible, each segment's monopoly price is its lowest support value (the item
    always sells), the revenue equals the unsegmented monopoly revenue
    :math:`\\mathcal R(\\mathcal D)`, and the consumer surplus is
    :math:`\\mathrm{OPT} = \\mathbf E[V] - \\mathcal R(\\mathcal D)`.

    Parameters
    ----------
    dist
        The prior :math:`\\mathcal D`; its support values must be positive
        (paper 001, §2.2: :math:`0 < v_1 < \\dots < v_k`).

    Returns
    -------
    Segmentation
        Segments in construction order (supports shrinking from the bottom).

    Raises
    ------
    DistributionError
        A support value that is not positive, or ``dist`` not :class:`Discrete`.

    References
    ----------
    paper 001, §2.2 (the BBM construction, Example 1, Lemma 1); Bergemann, Brooks and Morris,
    "The limits of price discrimination", AER 105(3), 2015.

    Examples
    --------
    >>> Z = bbm_segmentation(Discrete.uniform([1, 2, 3]))
    >>> Z
    Segmentation([(2/3, Discrete({1: 1/2, 2: 1/6, 3: 1/3})),
                  (1/6, Discrete({1: 0, 2: 1/3, 3: 2/3})),
                  (1/6, Discrete({1: 0, 2: 1, 3: 0}))])
    >>> Z.revenue(), Z.consumer_surplus()
    (Fraction(4, 3), Fraction(2, 3))
    >>> bbm_segmentation(Discrete.uniform([0, 1]))
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: bbm_segmentation(): support value 0 is not positive; ...
    """
    func = "bbm_segmentation"
    if not isinstance(dist, Discrete):
        raise DistributionError(f"{func}(): expected a Discrete prior, got {type(dist).__name__}")
    for z in dist.support:
        if z <= 0:
            raise DistributionError(
                f"{func}(): support value {fraction_str(z)} is not positive; paper 001, §2.2 "
                "assumes 0 < v_1 < ... < v_k"
            )
    grid = dist.values
    residual = list(dist.probs)  # unnormalised remaining mass per grid value
    segments: list[Segment] = []
    while any(residual):
        idx = [i for i, p in enumerate(residual) if p]
        masses = _equal_revenue_masses([grid[i] for i in idx])
        # the largest gamma with residual - gamma * segment >= 0
        gamma = min(residual[i] / m for i, m in zip(idx, masses))
        posterior = [_ZERO] * len(grid)
        for i, m in zip(idx, masses):
            posterior[i] = m
            residual[i] -= gamma * m
        segments.append(Segment(gamma, Discrete._make(grid, tuple(posterior))))
    return Segmentation(segments)


def opt_consumer_surplus(dist: Discrete) -> Fraction:
    """The consumer-surplus bound :math:`\\mathrm{OPT} = \\mathcal W^* - \\mathcal R(\\mathcal D)`.

    For one buyer :math:`\\mathcal W^* = \\mathbf E[V]`.

    The upper bound on the consumer surplus of any signaling scheme, attained by BBM for one
    buyer (paper 001, §2.2 and Lemma 1).

    References
    ----------
    paper 001, §2.2 (definition of OPT; Example 1: :math:`2 - 4/3 = 2/3`).

    Examples
    --------
    >>> opt_consumer_surplus(Discrete.uniform([1, 2, 3]))
    Fraction(2, 3)
    >>> opt_consumer_surplus([1, 2, 3])
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: opt_consumer_surplus(): expected a Discrete prior, ...
    """
    if not isinstance(dist, Discrete):
        raise DistributionError(
            f"opt_consumer_surplus(): expected a Discrete prior, got {type(dist).__name__}"
        )
    return dist.mean() - monopoly_revenue(dist)
