"""Claims of paper 001, "The Limits of an Information Intermediary in Auction Design".

§2.2, Example 1: the prior :math:`\\mathcal D = \\langle \\frac13, \\frac13, \\frac13 \\rangle` on
the types :math:`\\{1, 2, 3\\}` and its Bergemann–Brooks–Morris segmentation. Every value is
recomputed through :mod:`exactmech.dist` (:func:`~exactmech.dist.bbm_segmentation`,
:func:`~exactmech.dist.monopoly_price`, ...); ``expected`` is what the paper prints.
"""

from __future__ import annotations

from fractions import Fraction

from exactmech.claims.core import Claim
from exactmech.dist import (
    Discrete,
    Segmentation,
    bbm_segmentation,
    monopoly_price,
    monopoly_revenue,
    opt_consumer_surplus,
    virtual_values,
)

F = Fraction

__all__ = ["CLAIMS"]

_WHERE = "§2.2, Example 1"


def _prior() -> Discrete:
    # "the type space is {1, 2, 3} and D = <1/3, 1/3, 1/3>"
    return Discrete([1, 2, 3], ["1/3", "1/3", "1/3"])


def _bbm() -> Segmentation:
    return bbm_segmentation(_prior())


def _masses(q: int) -> tuple[Fraction, ...]:
    return _bbm().posteriors[q].probs


def _weight(q: int) -> Fraction:
    return _bbm().weights[q]


def _prices_are_lowest_values() -> bool:
    return all(monopoly_price(S) == S.support[0] for S in _bbm().posteriors)


def _lemma1_nonnegative() -> bool:
    return all(phi >= 0 for S in _bbm().posteriors for phi in virtual_values(S).values())


CLAIMS = [
    Claim(
        "001.example1.monopoly-price",
        "001",
        _WHERE,
        "D = <1/3, 1/3, 1/3> on {1, 2, 3}: the monopoly price is p = 2",
        F(2),
        lambda: monopoly_price(_prior()),
    ),
    Claim(
        "001.example1.monopoly-revenue",
        "001",
        _WHERE,
        "monopoly revenue R(D) = 4/3",
        F(4, 3),
        lambda: monopoly_revenue(_prior()),
    ),
    Claim(
        "001.example1.welfare",
        "001",
        _WHERE,
        "social welfare of point A: W* = E[D] = 2",
        F(2),
        lambda: _prior().mean(),
    ),
    Claim(
        "001.example1.segment1",
        "001",
        _WHERE,
        "BBM signal S1 = <1/2, 1/6, 1/3>",
        (F(1, 2), F(1, 6), F(1, 3)),
        lambda: _masses(0),
    ),
    Claim(
        "001.example1.gamma1",
        "001",
        _WHERE,
        "weight of S1: gamma1 = 2/3",
        F(2, 3),
        lambda: _weight(0),
    ),
    Claim(
        "001.example1.segment2",
        "001",
        _WHERE,
        "BBM signal S2 = <0, 1/3, 2/3>",
        (F(0), F(1, 3), F(2, 3)),
        lambda: _masses(1),
    ),
    Claim(
        "001.example1.gamma2",
        "001",
        _WHERE,
        "weight of S2: gamma2 = 1/6",
        F(1, 6),
        lambda: _weight(1),
    ),
    Claim(
        "001.example1.segment3",
        "001",
        _WHERE,
        "BBM signal S3 = <0, 1, 0>",
        (F(0), F(1), F(0)),
        lambda: _masses(2),
    ),
    Claim(
        "001.example1.gamma3",
        "001",
        _WHERE,
        "weight of S3: gamma3 = 1/6",
        F(1, 6),
        lambda: _weight(2),
    ),
    Claim(
        "001.example1.signal-prices",
        "001",
        _WHERE,
        "the monopoly price of each signal is the lowest price in its support",
        True,
        _prices_are_lowest_values,
    ),
    Claim(
        "001.example1.revenue",
        "001",
        _WHERE,
        "revenue of the scheme: sum gamma_i R(S_i) = 4/3",
        F(4, 3),
        lambda: _bbm().revenue(),
    ),
    Claim(
        "001.example1.consumer-surplus",
        "001",
        _WHERE,
        "consumer surplus of the scheme: sum gamma_i CS(S_i) = 2 - 4/3 = 2/3",
        F(2, 3),
        lambda: _bbm().consumer_surplus(),
    ),
    Claim(
        "001.example1.opt",
        "001",
        _WHERE,
        "OPT = W* - R(D) = 2/3",
        F(2, 3),
        lambda: opt_consumer_surplus(_prior()),
    ),
    Claim(
        "001.example1.lemma1-virtual-values",
        "001",
        "§2.2, Lemma 1 (1), on Example 1",
        "every BBM signal has phi_S(v) >= 0 on its support",
        True,
        _lemma1_nonnegative,
    ),
]
