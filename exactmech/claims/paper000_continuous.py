"""Claims of paper 000, §4 (continuous disclosure with interval partitions); filled by that work."""

from __future__ import annotations

from exactmech.claims.core import Claim

__all__ = ["CLAIMS"]

CLAIMS: list[Claim] = []
