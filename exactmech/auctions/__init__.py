"""Auctions and mechanisms (exact): the optimal-mechanism LP of paper 000 §3.1, Myerson's
auction, second-price auctions with reserve, posted prices.

Owns the seller's side of every paper: given buyers' (discrete or uniform) value
distributions, what the seller does and what everyone gets, as exact rationals.
"""

from exactmech.auctions.mechanism_lp import (
    Mechanism,
    MechanismLP,
    build_mechanism_lp,
    mechanism_from_solution,
    optimal_mechanism,
    product_prior,
)
from exactmech.auctions.myerson import (
    AuctionOutcome,
    ExpectedOutcome,
    myerson_discrete,
    myerson_uniform,
    second_price,
)
from exactmech.dist import PricingOutcome, posted_price_outcome

__all__ = [
    "AuctionOutcome",
    "ExpectedOutcome",
    "Mechanism",
    "MechanismLP",
    "PricingOutcome",
    "build_mechanism_lp",
    "mechanism_from_solution",
    "myerson_discrete",
    "myerson_uniform",
    "optimal_mechanism",
    "posted_price_outcome",
    "product_prior",
    "second_price",
]
