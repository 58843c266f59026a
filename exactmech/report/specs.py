"""Registry entries: :class:`TableSpec` and :class:`FigureSpec` (and the builders' context).

Owns what one table or figure of a paper *is* in the registries: an id, the paper, where
the paper prints it, a builder, and the paper module the builder needs. The builders live
in :mod:`exactmech.report.builders` (one module per paper); the registries that list them
in report order are :data:`exactmech.report.tables.TABLES` and
:data:`exactmech.report.figures.FIGURES`.

A spec whose paper module cannot be imported yet (``requires``) is *pending*: it is listed
by ``exactmech tables``, ``exactmech figures`` and ``exactmech report``, not built.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exactmech.claims import ClaimResult
    from exactmech.report.figure_data import FigureData
    from exactmech.report.table import Table

__all__ = ["FigureSpec", "TableContext", "TableSpec", "module_available"]


def module_available(name: str) -> bool:
    """Whether module ``name`` (``"exactmech.papers.information_games"``) can be imported.

    >>> module_available("exactmech.report"), module_available("exactmech.papers.not_yet")
    (True, False)
    """
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


@dataclass
class TableContext:
    """What builders may share: the paper filter and, once run, the claim results."""

    paper: str | None = None
    results: list[ClaimResult] | None = None
    jobs: int | None = None


@dataclass(frozen=True)
class TableSpec:
    """One table of one paper.

    Attributes
    ----------
    id
        File stem (``"001-example1-segments"``).
    paper
        ``"000"``–``"004"``, or ``"all"`` for the claims table.
    location
        Where the paper prints it (``"§3.2, first table"``).
    title
        What it shows.
    build
        Builder; ``None`` while pending.
    requires
        Module the builder needs; the spec is pending while it cannot be imported.
    """

    id: str
    paper: str
    location: str
    title: str
    build: Callable[[TableContext], Table] | None = field(default=None, compare=False)
    requires: str = ""

    @property
    def pending(self) -> bool:
        """Whether the paper module this table needs is not available yet."""
        if self.build is None:
            return True
        return bool(self.requires) and not module_available(self.requires)


@dataclass(frozen=True)
class FigureSpec:
    """One figure of one paper (see :class:`TableSpec`)."""

    id: str
    paper: str
    location: str
    title: str
    build: Callable[[], FigureData] | None = field(default=None, compare=False)
    requires: str = ""

    @property
    def pending(self) -> bool:
        """Whether the paper module this figure needs is not available yet."""
        if self.build is None:
            return True
        return bool(self.requires) and not module_available(self.requires)
