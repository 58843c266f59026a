"""The figure registry: one builder per figure of a paper, returning exact figure data.

Each :class:`~exactmech.report.specs.FigureSpec` names a figure (``"001-figure1b"``), its
location, and a builder that calls the paper modules' public functions and returns
:class:`~exactmech.report.figure_data.FigureData` (regions as exact polygons, curves and
points as exact values); the builders live in :mod:`exactmech.report.builders`. A spec
whose paper module is not written yet names it in ``requires`` and is *pending*.

:func:`write_figures` draws every available figure with matplotlib (extra ``[plot]``) into
``DIR/figures/ID.pdf`` and ``.png``; ``exactmech figures [--paper ID] [--out DIR]`` calls it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exactmech.report.builders import p000, p001, p002, p003, p004
from exactmech.report.figure_data import FigureData
from exactmech.report.specs import FigureSpec

__all__ = [
    "FIGURES",
    "FigureSpec",
    "WrittenFigures",
    "build_figure",
    "figures_for",
    "write_figures",
]

#: Every figure, in report order (pending ones name the module they wait for).
FIGURES: tuple[FigureSpec, ...] = (
    *p000.FIGURES,
    *p001.FIGURES,
    *p002.FIGURES,
    *p003.FIGURES,
    *p004.FIGURES,
)


def figures_for(paper: str | None = None) -> list[FigureSpec]:
    """Specs of one paper (``"000"``, ...), or all."""
    from exactmech.claims import PAPERS

    if paper is not None and paper not in PAPERS:
        raise ValueError(
            f"figures_for(): unknown paper {paper!r}; expected one of {', '.join(PAPERS)}"
        )
    return [s for s in FIGURES if paper is None or s.paper == paper]


def build_figure(spec: FigureSpec) -> FigureData:
    """The exact data of one figure (``ValueError`` if it is pending)."""
    if spec.pending or spec.build is None:
        raise ValueError(f"build_figure(): {spec.id} is pending: needs {spec.requires}")
    return spec.build()


@dataclass
class WrittenFigures:
    """What :func:`write_figures` wrote: the files per figure, the data, the pending."""

    files: dict[str, list[Path]]
    data: dict[str, FigureData]
    pending: list[FigureSpec]


def write_figures(
    out: Path, *, paper: str | None = None, formats: tuple[str, ...] = ("pdf", "png")
) -> WrittenFigures:
    """Draw each available figure of ``paper`` (or all) into ``out/figures/``.

    Raises
    ------
    PlotMissingError
        matplotlib is not installed (``pip install 'exactmech[plot]'``).
    """
    from exactmech.report.plot import require_matplotlib, save

    require_matplotlib()
    folder = Path(out) / "figures"
    files: dict[str, list[Path]] = {}
    data: dict[str, FigureData] = {}
    pending = []
    for spec in figures_for(paper):
        if spec.pending:
            pending.append(spec)
            continue
        d = build_figure(spec)
        data[spec.id] = d
        files[spec.id] = save(d, folder, formats)
    return WrittenFigures(files, data, pending)
