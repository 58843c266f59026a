"""Paper 003, Du (2016), "Robust Mechanisms Under Common Valuation", computed exactly.

Model (paper 003, §2). One good, ``I >= 1`` buyers with quasi-linear utility and a common
value ``v ∈ V = {0, ν, 2ν, ..., 1}`` drawn from a prior ``p`` known to everyone. The
designer does not know the buyers' information structure. A (finite) mechanism has message
sets ``M_i`` with an opt-out ``0``, allocations ``q_i(m)`` with ``Σ_i q_i(m) <= 1`` and
payments ``P_i(m)``; utilities are ``U_i(v, m) = v q_i(m) - P_i(m)`` (2). The outcome of any
information structure and Bayes–Nash equilibrium is a Bayes correlated equilibrium (BCE)
``μ ∈ Δ(V × M)``; a mechanism *guarantees* ``R`` if every BCE has revenue ``>= R``
(Definition 1). The worst BCE revenue is the LP (9), whose dual (10) maximises
``Σ_v p(v) min_m Rev(v, m)`` over multipliers ``α >= 0`` (virtual revenue (13)).

Notation kept from the paper: ``k`` demand levels (messages ``0..k``), ``a`` the local
multiplier of (17), ``X`` the payment scale of the exponential price mechanism (EPM) (7),
``A = a/k`` and ``z = m/k`` in the continuous limit (1), ``Rev_n`` the virtual revenue of a
profile with ``n`` boundary messages (22)/(34), ``Π_I^*`` the EPM guarantee (23),
``Π_2^#`` the two-buyer generalisation (50), ``π*`` the Roesler–Szentes bound (§4.2).

Modules (each one concern):

================  =======================================================================
``mechanism``     :class:`FiniteMechanism`, :class:`SymmetricMechanism`, virtual revenue
                  (13), the weak-duality bound :func:`dual_bound`
``bce``           LPs (9) and (10), exact, with the symmetric reduction
``epm``           the EPM (1), (6)–(7), identities (20)–(22), guarantee (23), breakpoints
                  (35), posted prices (footnote 3)
``designer``      the designer LP at the multipliers (17), an information upper bound, the
                  §5.1 reduction (37)–(42)
``generalized``   §5.2: Lemmas 2 and 3 (symbolic), ``Π_2^#`` (50), the mechanism (51)–(54)
``density``       piecewise-polynomial priors on ``[0, 1]`` (the ``ν → 0`` limit)
``limits``        ``k → ∞`` limits: ``Π_1^*`` and Roesler–Szentes (Theorem 1), ``Π_I^*``,
                  ``Π_2^#``, Theorem 2, Lambert-W closed forms
``fpa``           the first-price auction's minimum revenue with a reserve (Figure 2, col. 5)
``tables``        Figure 2 and Figure 1 as data, with the printed values alongside
================  =======================================================================
"""

from exactmech.papers.robust_common_value._common import LPSizeError, MechanismError, as_prior
from exactmech.papers.robust_common_value.bce import (
    MAX_LP_VARIABLES,
    BCEResult,
    DualResult,
    dual_lp,
    worst_case_revenue,
)
from exactmech.papers.robust_common_value.density import (
    Density,
    beta_density,
    cdf_density,
    triangle_density,
    uniform_density,
)
from exactmech.papers.robust_common_value.designer import (
    DesignerResult,
    MarkovReduction,
    UpperBoundResult,
    designer_lp,
    information_upper_bound,
    markov_reduction,
)
from exactmech.papers.robust_common_value.epm import (
    boundary_count,
    epm,
    epm_allocation,
    epm_best_X,
    epm_breakpoints,
    epm_class_revenue,
    epm_continuous_allocation,
    epm_continuous_best_response,
    epm_continuous_payment,
    epm_guarantee,
    epm_payment,
    interior_increment_sum,
    local_multipliers,
    posted_price_guarantee,
    rank,
)
from exactmech.papers.robust_common_value.fpa import (
    first_price_auction,
    fpa_min_revenue,
    fpa_optimal_reserve,
    fpa_power_cdf_closed_form,
    fpa_uniform_exact,
    pooled_quantile,
    posted_price_guarantee_density,
)
from exactmech.papers.robust_common_value.generalized import (
    generalized_allocation,
    generalized_epm,
    generalized_payment,
    lemma2_solution,
    lemma2_values,
    lemma3_holds,
    pi2_sharp_best,
    pi2_sharp_lines,
    pi2_sharp_objective,
    pi2_star_as_sharp,
)
from exactmech.papers.robust_common_value.limits import (
    WORK_DPS,
    LimitValue,
    RoeslerSzentes,
    epm_guarantee_limit,
    pi1_discrete_limit,
    pi1_limit,
    pi1_limit_lambert,
    pi1_power_cdf_closed_form,
    pi1_two_point_closed_form,
    pi1_uniform_closed_form,
    pi2_sharp_limit,
    pi_limit,
    roesler_szentes,
    theorem2_guarantee,
    theorem2_limit,
    theorem2_rev1_limit,
)
from exactmech.papers.robust_common_value.mechanism import (
    FiniteMechanism,
    Mechanism,
    Multipliers,
    Profile,
    SymmetricMechanism,
    as_multipliers,
    dual_bound,
    multiset_minus,
    multisets,
    virtual_revenue,
    virtual_revenue_lines,
)
from exactmech.papers.robust_common_value.printed import Rounded
from exactmech.papers.robust_common_value.tables import (
    FIGURE2_COLUMNS,
    FIGURE2_PRINTED,
    POWER_CDF,
    Figure1Point,
    Figure2Row,
    figure1_data,
    figure2_priors,
    figure2_table,
)

__all__ = [
    "FIGURE2_COLUMNS",
    "FIGURE2_PRINTED",
    "MAX_LP_VARIABLES",
    "POWER_CDF",
    "WORK_DPS",
    "BCEResult",
    "Density",
    "DesignerResult",
    "DualResult",
    "Figure1Point",
    "Figure2Row",
    "FiniteMechanism",
    "LPSizeError",
    "LimitValue",
    "MarkovReduction",
    "Mechanism",
    "MechanismError",
    "Multipliers",
    "Profile",
    "RoeslerSzentes",
    "Rounded",
    "SymmetricMechanism",
    "UpperBoundResult",
    "as_multipliers",
    "as_prior",
    "beta_density",
    "boundary_count",
    "cdf_density",
    "designer_lp",
    "dual_bound",
    "dual_lp",
    "epm",
    "epm_allocation",
    "epm_best_X",
    "epm_breakpoints",
    "epm_class_revenue",
    "epm_continuous_allocation",
    "epm_continuous_best_response",
    "epm_continuous_payment",
    "epm_guarantee",
    "epm_guarantee_limit",
    "epm_payment",
    "figure1_data",
    "figure2_priors",
    "figure2_table",
    "first_price_auction",
    "fpa_min_revenue",
    "fpa_optimal_reserve",
    "fpa_power_cdf_closed_form",
    "fpa_uniform_exact",
    "generalized_allocation",
    "generalized_epm",
    "generalized_payment",
    "information_upper_bound",
    "interior_increment_sum",
    "lemma2_solution",
    "lemma2_values",
    "lemma3_holds",
    "local_multipliers",
    "markov_reduction",
    "multiset_minus",
    "multisets",
    "pi1_discrete_limit",
    "pi1_limit",
    "pi1_limit_lambert",
    "pi1_power_cdf_closed_form",
    "pi1_two_point_closed_form",
    "pi1_uniform_closed_form",
    "pi2_sharp_best",
    "pi2_sharp_limit",
    "pi2_sharp_lines",
    "pi2_sharp_objective",
    "pi2_star_as_sharp",
    "pi_limit",
    "pooled_quantile",
    "posted_price_guarantee",
    "posted_price_guarantee_density",
    "rank",
    "roesler_szentes",
    "theorem2_guarantee",
    "theorem2_limit",
    "theorem2_rev1_limit",
    "triangle_density",
    "uniform_density",
    "virtual_revenue",
    "virtual_revenue_lines",
    "worst_case_revenue",
]
