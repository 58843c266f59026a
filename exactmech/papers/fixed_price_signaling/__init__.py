"""Paper 002, "Optimal Fixed-Price Mechanism with Signaling", exactly.

Model and notation (paper 002, §2): one seller, one indivisible item of quality ``q`` drawn
from a public prior ``G`` (density ``g``) on ``[q_1, q_2]``, which only the seller observes;
buyers ``i in N`` (``n = |N|``) value the item at ``v_i(q) >= 0``, non-decreasing in ``q``.
The seller posts one price ``p`` (no price discrimination, no dependence on ``q``); the item
is sold, for ``p``, iff at least one buyer is willing to buy (footnote 1: one of them at
random).

* Ex-post IR buyers (Definition 2.1) buy iff ``v_i(q) >= p``; ex-interim IR buyers
  (Definition 2.2) iff ``E[v_i(q)] >= p`` under their belief.
* A fixed-price signaling mechanism (Definition 2.3) is a pair ``(pi, p)`` with a signaling
  scheme ``pi : Q -> Delta(Sigma)``; buyers update by Bayes' rule and decide.

Modules: :mod:`.model` (instances), :mod:`.fixed_price` (§3).
"""

from exactmech.papers.fixed_price_signaling.fixed_price import (
    PriceOptimum,
    expost_revenue,
    expost_revenue_printed,
    interim_revenue,
    interim_revenue_printed,
    maximize_on_interval,
    optimal_expost_fixed_price,
    optimal_expost_fixed_price_printed,
    optimal_interim_fixed_price,
    optimal_interim_fixed_price_printed,
    prob_some_buyer_above,
)
from exactmech.papers.fixed_price_signaling.model import (
    EXAMPLES,
    TIE_RULES,
    ContinuousInstance,
    DiscreteInstance,
    Instance,
    example_instance,
)

__all__ = [
    "EXAMPLES",
    "TIE_RULES",
    "ContinuousInstance",
    "DiscreteInstance",
    "Instance",
    "PriceOptimum",
    "example_instance",
    "expost_revenue",
    "expost_revenue_printed",
    "interim_revenue",
    "interim_revenue_printed",
    "maximize_on_interval",
    "optimal_expost_fixed_price",
    "optimal_expost_fixed_price_printed",
    "optimal_interim_fixed_price",
    "optimal_interim_fixed_price_printed",
    "prob_some_buyer_above",
]
