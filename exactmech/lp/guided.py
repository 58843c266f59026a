"""Float-guided exact solve (placeholder until the fast-LP issue lands)."""

from __future__ import annotations


def available() -> bool:
    """Whether the float-guided method can run here."""
    return False
