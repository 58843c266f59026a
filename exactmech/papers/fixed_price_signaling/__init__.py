"""Paper 002, "Optimal Fixed-Price Mechanism with Signaling", exactly.

Model and notation (paper 002, §2): one seller, one indivisible item of quality ``q`` drawn
from a public prior ``G`` (density ``g``) on ``[q_1, q_2]``, which only the seller observes;
buyers ``i in N`` (``n = |N|``) value the item at ``v_i(q) >= 0``, non-decreasing in ``q``.
The seller posts one price ``p`` (no price discrimination, no dependence on ``q``); the item
is sold, for ``p``, iff at least one buyer is willing to buy (footnote 1: to one of them at
random).

* Ex-post IR buyers (Definition 2.1) buy iff ``v_i(q) >= p``; ex-interim IR buyers
  (Definition 2.2) iff ``E[v_i(q)] >= p`` under their belief.
* A fixed-price signaling mechanism (Definition 2.3) is a pair ``(pi, p)`` with a signaling
  scheme ``pi : Q -> Delta(Sigma)``; buyers update by Bayes' rule and decide.

Modules (one concern each):

=================  ===========================================================================
``model``          instances (discrete table / sympy continuous), generalized inverses, E v_i,
                   v_max, E[max_i v_i]; tie rules
``fixed_price``    §3: fixed-price revenue from the model and as printed (Props. 3.1, 3.2)
``schemes``        §4: recommendation and overlapping schemes, posteriors, obedience checkers
                   (4)–(5), (7)–(8), (11), (14)–(15), (16)–(17) with exact residuals
``algebraic``      exact real algebraic numbers (breakpoints and optima of programme (18))
``parametric``     exact parametric LP (parameter in the matrix)
``optimum``        the seller's optimum: programmes (9)/(18), ex-post mechanisms
``statements``     printed schemes and formulas, theorem verdicts, Table 1, sweep trials
=================  ===========================================================================

Examples
--------
>>> from exactmech.papers.fixed_price_signaling import example_instance, optimal_interim_mechanism
>>> opt = optimal_interim_mechanism(example_instance("I3"))   # programme (18) on I3
>>> opt.revenue, opt.price
(sqrt(3)/3 + 1, sqrt(3)/3 + 1)
>>> example_instance("I3").expected_max()                     # Theorem 4.11's claimed value
Fraction(5, 3)
"""

from exactmech.papers.fixed_price_signaling.algebraic import RealAlgebraic, real_roots
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
    require_discrete,
)
from exactmech.papers.fixed_price_signaling.optimum import (
    SIGNALS,
    ExpostOptimum,
    InterimOptimum,
    ValuePiece,
    optimal_expost_mechanism,
    optimal_interim_mechanism,
    revenue_bracket,
    sale_probability_dual,
    sale_probability_lp,
    value_pieces,
)
from exactmech.papers.fixed_price_signaling.parametric import Piece, parametric_lp
from exactmech.papers.fixed_price_signaling.schemes import (
    ActionProfileScheme,
    ObedienceCheck,
    RecommendationScheme,
    Residual,
    check_expost_obedience,
    check_interim_obedience,
    check_probability_constraints,
    marginals,
    obeys_by_posterior,
    posterior,
    sale_probability,
)
from exactmech.papers.fixed_price_signaling.statements import (
    GainTrial,
    Table1Row,
    Theorem48,
    coarsen,
    interim_optimum_bounds,
    optimal_theorem_4_9_printed,
    random_instance,
    rewriting_agrees,
    signaling_gain_trial,
    table1,
    theorem_4_2_scheme,
    theorem_4_8,
    theorem_4_8_forced_table,
    theorem_4_9_revenue_printed,
    theorem_4_9_scheme,
    theorem_4_11_residuals,
    theorem_4_11_scheme,
)

__all__ = [
    "EXAMPLES",
    "SIGNALS",
    "TIE_RULES",
    "ActionProfileScheme",
    "ContinuousInstance",
    "DiscreteInstance",
    "ExpostOptimum",
    "GainTrial",
    "Instance",
    "InterimOptimum",
    "ObedienceCheck",
    "Piece",
    "PriceOptimum",
    "RealAlgebraic",
    "RecommendationScheme",
    "Residual",
    "Table1Row",
    "Theorem48",
    "ValuePiece",
    "check_expost_obedience",
    "check_interim_obedience",
    "check_probability_constraints",
    "coarsen",
    "example_instance",
    "expost_revenue",
    "expost_revenue_printed",
    "interim_optimum_bounds",
    "interim_revenue",
    "interim_revenue_printed",
    "marginals",
    "maximize_on_interval",
    "obeys_by_posterior",
    "optimal_expost_fixed_price",
    "optimal_expost_fixed_price_printed",
    "optimal_expost_mechanism",
    "optimal_interim_fixed_price",
    "optimal_interim_fixed_price_printed",
    "optimal_interim_mechanism",
    "optimal_theorem_4_9_printed",
    "parametric_lp",
    "posterior",
    "prob_some_buyer_above",
    "random_instance",
    "real_roots",
    "require_discrete",
    "revenue_bracket",
    "rewriting_agrees",
    "sale_probability",
    "sale_probability_dual",
    "sale_probability_lp",
    "signaling_gain_trial",
    "table1",
    "theorem_4_2_scheme",
    "theorem_4_8",
    "theorem_4_8_forced_table",
    "theorem_4_9_revenue_printed",
    "theorem_4_9_scheme",
    "theorem_4_11_residuals",
    "theorem_4_11_scheme",
    "value_pieces",
]
