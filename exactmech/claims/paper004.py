"""Claims of paper 004 (registered by its paper module's issue; empty until then)."""

from __future__ import annotations

from exactmech.claims.core import Claim

__all__ = ["CLAIMS"]

CLAIMS: list[Claim] = []
