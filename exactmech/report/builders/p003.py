"""Paper 003 ("Robust Mechanisms Under Common Valuation"): slots for Figures 1 and 2.

Pending until :mod:`exactmech.papers.robust_common_value` lands: the table behind Figure 2
(revenue guarantees Π_2^*, Π_2^#, the first-price auction and Π_1^* for several priors) and
the data of Figures 1 (Π_I^* against the number of buyers I) and 2.
"""

from __future__ import annotations

from exactmech.report.specs import FigureSpec, TableSpec

__all__ = ["FIGURES", "TABLES"]

MODULE = "exactmech.papers.robust_common_value"

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "003-figure2-table",
        "003",
        "Figure 2",
        "revenue guarantees by prior (the data of Figure 2)",
        requires=MODULE,
    ),
)

FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec(
        "003-figure1",
        "003",
        "Figure 1",
        "optimal revenue guarantee Π_I^* against the number of buyers I",
        requires=MODULE,
    ),
    FigureSpec(
        "003-figure2", "003", "Figure 2", "revenue guarantees for various priors", requires=MODULE
    ),
)
