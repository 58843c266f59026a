"""Claims: every explicit number of every source, recomputed from first principles.

Public API (DESIGN.md): :func:`all_claims` → list of :class:`Claim`; ``claim.run()`` →
:class:`ClaimResult` with ``status`` in ``{"match", "mismatch", "paper-erratum", "error"}``;
:func:`run_claims` runs many with an optional progress callback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from exactmech.claims.core import STATUSES, Claim, ClaimResult, Erratum
from exactmech.claims.registry import PAPERS, all_claims, claims_for

__all__ = [
    "PAPERS",
    "STATUSES",
    "Claim",
    "ClaimResult",
    "Erratum",
    "all_claims",
    "claims_for",
    "run_claims",
]


def run_claims(
    claims: Iterable[Claim], progress: Callable[[ClaimResult], None] | None = None
) -> list[ClaimResult]:
    """Run claims in order, calling ``progress(result)`` after each."""
    out = []
    for claim in claims:
        res = claim.run()
        out.append(res)
        if progress is not None:
            progress(res)
    return out
