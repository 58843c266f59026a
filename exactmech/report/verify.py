"""The report of ``exactmech verify``: the claims table, the summary line and the JSON payload.

Owns how claim results are shown; running them is :mod:`exactmech.report.runner`. The JSON
payload is DESIGN.md's contract: ``{"claims": [{"id", "paper", "location", "statement",
"expected", "computed", "status", "note"}, ...], "summary": {...}}``, every value a string.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from exactmech.claims import PAPERS, STATUSES, ClaimResult
from exactmech.report.table import Column, Table

__all__ = ["claims_table", "counts", "json_payload", "summary_line"]


def claims_table(results: Sequence[ClaimResult], *, with_id: bool = False) -> Table:
    """The table of claim results (paper, location, statement, expected, computed, status).

    ``with_id`` adds the claim id as the first column (the LaTeX report uses it).
    """
    cols = [
        Column("paper"),
        Column("location", width="1.9cm"),
        Column("statement", width="4.7cm"),
        Column("expected", math=True, width="2.5cm"),
        Column("computed", math=True, width="2.5cm"),
        Column("status"),
    ]
    if with_id:
        cols.insert(0, Column("id", width="2.6cm"))
    table = Table(
        cols,
        caption="exactmech verify: every claim recomputed exactly",
        status_column="status",
    )
    for r in results:
        c = r.claim
        row: list[Any] = [
            c.paper,
            c.location,
            c.statement,
            c.expected,
            r.computed if r.status != "error" else "error",
            r.status,
        ]
        table.add(*([c.id, *row] if with_id else row))
    return table


def counts(results: Sequence[ClaimResult]) -> dict[str, int]:
    """Number of results per status (every status of :data:`~exactmech.claims.STATUSES`)."""
    order = ("match", "paper-erratum", "mismatch", "error")
    assert set(order) == set(STATUSES)
    return {s: sum(r.status == s for r in results) for s in order}


def summary_line(results: Sequence[ClaimResult], seconds: float | None = None) -> str:
    """``"45 claims: 45 match, 0 paper-erratum, 0 mismatch, 0 error in 4.1 s"``."""
    n = counts(results)
    line = (
        f"{len(results)} claims: {n['match']} match, {n['paper-erratum']} paper-erratum, "
        f"{n['mismatch']} mismatch, {n['error']} error"
    )
    return line if seconds is None else f"{line} in {seconds:.1f} s"


def json_payload(results: Sequence[ClaimResult]) -> dict[str, Any]:
    """The ``verify --json`` document (DESIGN.md): claims, summary and the papers' titles."""
    return {
        "claims": [r.to_json() for r in results],
        "summary": {**counts(results), "total": len(results)},
        "papers": dict(PAPERS),
    }
