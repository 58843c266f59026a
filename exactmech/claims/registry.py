"""The registry of every claim: one module per source registers its claims here.

A source module defines ``CLAIMS: list[Claim]``; :func:`all_claims` imports every module in
:data:`SOURCES` and concatenates them, checking that ids are unique.
"""

from __future__ import annotations

import importlib

from exactmech.claims.core import Claim

__all__ = ["PAPERS", "SOURCES", "all_claims", "claims_for"]

#: Modules that register claims, in report order.
SOURCES = (
    "exactmech.claims.lp_textbook",
    "exactmech.claims.paper000",
    "exactmech.claims.paper000_continuous",
    "exactmech.claims.paper001",
    "exactmech.claims.paper002",
    "exactmech.claims.paper003",
    "exactmech.claims.paper004",
)

#: Source ids and titles.
PAPERS = {
    "lp": "LP textbook identities (solver self-test)",
    "000": "Can Buyers Reveal for a Better Deal?",
    "001": "The Limits of an Information Intermediary in Auction Design",
    "002": "Optimal Fixed-Price Mechanism with Signaling",
    "003": "Robust Mechanisms Under Common Valuation",
    "004": "Information Games and Robust Trading Mechanisms",
}


def all_claims() -> list[Claim]:
    """Every registered claim, in report order; raises ``ValueError`` on duplicate ids."""
    out: list[Claim] = []
    seen: set[str] = set()
    for name in SOURCES:
        module = importlib.import_module(name)
        for claim in module.CLAIMS:
            if claim.id in seen:
                raise ValueError(f"all_claims(): duplicate claim id {claim.id!r} in {name}")
            seen.add(claim.id)
            out.append(claim)
    return out


def claims_for(paper: str | None = None) -> list[Claim]:
    """Claims of one source (``"lp"``, ``"000"``, ...), or all when ``paper`` is ``None``."""
    if paper is not None and paper not in PAPERS:
        raise ValueError(
            f"claims_for(): unknown paper {paper!r}; expected one of {', '.join(PAPERS)}"
        )
    return [c for c in all_claims() if paper is None or c.paper == paper]
