"""Paper 001, "The Limits of an Information Intermediary in Auction Design" (Alijani,
Banerjee, Munagala, Wang), exactly.

Model and notation (paper 001, §2): ``n`` buyers with independent discrete values
:math:`\\vec V \\sim \\mathcal D = \\mathcal D_1 \\times \\dots \\times \\mathcal D_n`
(:class:`ProductPrior`); :math:`f`, :math:`S(x) = \\Pr[V \\ge x]`, virtual values eq. (1),
reserve :math:`r_i` (smallest revenue-maximizing price). An intermediary who knows
:math:`\\vec v` sends a public signal; a signaling scheme
:math:`\\mathcal Z = \\{\\gamma_q, \\mathcal S_q\\}` (:class:`SignalingScheme`) must be Bayes
plausible; given a posterior the seller runs the revenue-optimal ex-interim IC/IR auction
(:func:`seller_response`, sender-preferred ties). :math:`\\mathcal R(\\mathcal Z)`,
:math:`\\mathrm{CS}(\\mathcal Z)`, :math:`\\mathcal W(\\mathcal Z)` and the benchmark
:math:`\\mathrm{OPT} = \\mathbf E[\\max_i V_i] - \\mathcal R(\\mathcal D)`.

Modules: :mod:`.response` (the seller), :mod:`.model` (priors, schemes), :mod:`.schemes`
(BBM, RANK_t, S_0, S_0², TRUNC, S_1, S_2, the decomposition of OPT), :mod:`.lemmas`
(Lemmas 3–7, Theorems 3, 7, 8 as exact quantities and pure per-instance checks),
:mod:`.section3` (two buyers with two-point values: Proposition 1, Theorems 1, 2, 4, 5),
:mod:`.tables` (the paper's tables as exact rows).

Examples
--------
>>> from exactmech.dist import Discrete
>>> D = ProductPrior([Discrete([1, 2, 6], ["1/4", "1/4", "1/2"])] * 2)
>>> D.opt(), rank_scheme(D, 1).consumer_surplus(), lemma3_bound(D, 1)
(Fraction(7, 16), Fraction(1, 8), Fraction(1, 8))
"""

from exactmech.papers.intermediary.lemmas import (
    LemmaCheck,
    check_eq4,
    check_lemma3,
    check_lemma4,
    check_lemma5,
    check_lemma6,
    check_lemma7,
    check_seeded,
    check_theorem3,
    check_theorem7,
    check_theorem8,
    lemma3_bound,
    order_statistic_means,
    poisson_binomial,
    random_product_prior,
)
from exactmech.papers.intermediary.model import (
    ProductPrior,
    Profile,
    SchemeValue,
    Signal,
    SignalingScheme,
)
from exactmech.papers.intermediary.response import (
    LP_TIES,
    MYERSON_TIES,
    FullExtraction,
    PosteriorStructure,
    SellerResponse,
    full_surplus_extraction,
    optimal_auction_lp,
    posterior_structure,
    seller_response,
)
from exactmech.papers.intermediary.schemes import (
    Decomposition,
    RankSignal,
    TruncSignal,
    algorithm4_weights,
    bbm_law,
    bbm_scheme,
    execute,
    opt_decomposition,
    rank_law,
    rank_scheme,
    s0_law,
    s0_rank,
    s0_scheme,
    s0_squared_law,
    s0_squared_scheme,
    s1_scheme,
    s2_scheme,
    trunc_law,
)
from exactmech.papers.intermediary.section3 import (
    BestCS,
    LP2Result,
    TwoPointInstance,
    best_consumer_surplus,
    efficient_best_consumer_surplus,
    lp2,
    proposition1_cases,
    proposition1_cs,
    proposition1_mechanism,
    proposition1_outcome,
    theorem1_instance,
    theorem1_quantities,
    theorem2_instance,
    theorem2_quantities,
    verify_dual_certificate,
)
from exactmech.papers.intermediary.tables import (
    algorithm4_table,
    example1_table,
    proposition1_table,
    rank_table,
    theorem1_table,
    theorem2_table,
)

__all__ = [
    "LP_TIES",
    "MYERSON_TIES",
    "BestCS",
    "Decomposition",
    "FullExtraction",
    "LP2Result",
    "LemmaCheck",
    "PosteriorStructure",
    "ProductPrior",
    "Profile",
    "RankSignal",
    "SchemeValue",
    "SellerResponse",
    "Signal",
    "SignalingScheme",
    "TruncSignal",
    "TwoPointInstance",
    "algorithm4_table",
    "algorithm4_weights",
    "bbm_law",
    "bbm_scheme",
    "best_consumer_surplus",
    "check_eq4",
    "check_lemma3",
    "check_lemma4",
    "check_lemma5",
    "check_lemma6",
    "check_lemma7",
    "check_seeded",
    "check_theorem3",
    "check_theorem7",
    "check_theorem8",
    "efficient_best_consumer_surplus",
    "example1_table",
    "execute",
    "full_surplus_extraction",
    "lemma3_bound",
    "lp2",
    "opt_decomposition",
    "optimal_auction_lp",
    "order_statistic_means",
    "poisson_binomial",
    "posterior_structure",
    "proposition1_cases",
    "proposition1_cs",
    "proposition1_mechanism",
    "proposition1_outcome",
    "proposition1_table",
    "random_product_prior",
    "rank_law",
    "rank_scheme",
    "rank_table",
    "s0_law",
    "s0_rank",
    "s0_scheme",
    "s0_squared_law",
    "s0_squared_scheme",
    "s1_scheme",
    "s2_scheme",
    "seller_response",
    "theorem1_instance",
    "theorem1_quantities",
    "theorem1_table",
    "theorem2_instance",
    "theorem2_quantities",
    "theorem2_table",
    "trunc_law",
    "verify_dual_certificate",
]
