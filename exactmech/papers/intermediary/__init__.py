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

Modules: :mod:`.response` (the seller), :mod:`.model` (priors, schemes).
"""

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
    PosteriorStructure,
    SellerResponse,
    optimal_auction_lp,
    posterior_structure,
    seller_response,
)

__all__ = [
    "LP_TIES",
    "MYERSON_TIES",
    "PosteriorStructure",
    "ProductPrior",
    "Profile",
    "SchemeValue",
    "SellerResponse",
    "Signal",
    "SignalingScheme",
    "optimal_auction_lp",
    "posterior_structure",
    "seller_response",
]
