"""Value distributions and the one-buyer economics built on them, all exact.

This layer owns (DESIGN.md, ``dist/``):

* **distributions** — :class:`Discrete` (finite, on a fixed grid that may carry zero masses),
  :class:`Uniform` and :class:`PiecewiseUniform`; CDF, survival :math:`\\Pr[V \\ge x]`,
  expectations, conditioning on a subset or an interval (:mod:`~exactmech.dist.discrete`,
  :mod:`~exactmech.dist.uniform`);
* **combinations** — :func:`mixture`, the product prior of independent buyers and joint
  distributions over valuation profiles (:mod:`~exactmech.dist.combine`);
* **revenue** — revenue curves (also in quantile space), the monopoly price (smallest
  maximizer), virtual values exactly as paper 001, eq. (1) and paper 000, Lemma 4.1,
  regularity, posted-price outcomes (:mod:`~exactmech.dist.revenue`);
* **ironing** — exact concave-hull ironing, discrete and piecewise uniform
  (:mod:`~exactmech.dist.ironing`);
* **segmentation** — signaling schemes for one buyer and the Bergemann–Brooks–Morris
  consumer-optimal segmentation of paper 001, §2.2 (:mod:`~exactmech.dist.segmentation`).

Every number is a :class:`fractions.Fraction` (inputs pass through :func:`exactmech.Q`, so
floats are rejected), except the ends and level of an irrational ironing interval of a
piecewise-uniform distribution, which are exact sympy numbers.

Examples
--------
>>> from exactmech.dist import Discrete, bbm_segmentation, monopoly_price
>>> D = Discrete.uniform([1, 2, 3])
>>> monopoly_price(D), bbm_segmentation(D).consumer_surplus()
(Fraction(2, 1), Fraction(2, 3))
"""

from exactmech.dist.combine import Joint, joint_distribution, marginal, mixture, product
from exactmech.dist.discrete import Discrete, Event
from exactmech.dist.ironing import (
    IroningInterval,
    ironed_virtual_value,
    ironed_virtual_values,
    ironing_intervals,
)
from exactmech.dist.revenue import (
    Distribution,
    PricingOutcome,
    is_regular,
    monopoly_price,
    monopoly_revenue,
    posted_price_outcome,
    quantile_revenue_curve,
    revenue,
    revenue_curve,
    virtual_value,
    virtual_values,
)
from exactmech.dist.segmentation import (
    Segment,
    Segmentation,
    bbm_segmentation,
    equal_revenue_distribution,
    opt_consumer_surplus,
)
from exactmech.dist.uniform import PiecewiseUniform, Uniform

__all__ = [
    "Discrete",
    "Distribution",
    "Event",
    "IroningInterval",
    "Joint",
    "PiecewiseUniform",
    "PricingOutcome",
    "Segment",
    "Segmentation",
    "Uniform",
    "bbm_segmentation",
    "equal_revenue_distribution",
    "ironed_virtual_value",
    "ironed_virtual_values",
    "ironing_intervals",
    "is_regular",
    "joint_distribution",
    "marginal",
    "mixture",
    "monopoly_price",
    "monopoly_revenue",
    "opt_consumer_surplus",
    "posted_price_outcome",
    "product",
    "quantile_revenue_curve",
    "revenue",
    "revenue_curve",
    "virtual_value",
    "virtual_values",
]
