"""The figure registry: one builder per figure of a paper, returning exact figure data.

Each :class:`FigureSpec` names a figure (``"001-figure1b"``), its location, and a builder
that calls the paper modules' public functions and returns
:class:`~exactmech.report.figure_data.FigureData` (regions as exact polygons, curves and
points as exact values). A spec whose paper module is not written yet names it in
``requires`` and is *pending*.

:func:`write_figures` draws every available figure with matplotlib (extra ``[plot]``) into
``DIR/figures/ID.pdf`` and ``.png``; ``exactmech figures [--paper ID] [--out DIR]`` calls it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from exactmech.calculus import Polygon
from exactmech.numbers import Q
from exactmech.report.figure_data import Curve, FigureData, Marker, Panel, Region

__all__ = [
    "FIGURES",
    "FigureSpec",
    "WrittenFigures",
    "build_figure",
    "figures_for",
    "write_figures",
]

F = Fraction


@dataclass(frozen=True)
class FigureSpec:
    """One figure of one paper (see :class:`~exactmech.report.tables.TableSpec`)."""

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
        if not self.requires:
            return False
        try:
            return importlib.util.find_spec(self.requires) is None
        except ModuleNotFoundError:
            return True


def _revenue_surplus_triangle() -> FigureData:
    """Paper 001, Fig. 1b, for the prior of Example 1 (§2.2).

    Axes: consumer surplus CS (x) against revenue R (y). Every signaling scheme lies in the
    triangle B = (0, R^M), A = (0, W*), O = (W* − R^M, R^M): revenue is at least the
    no-information revenue R^M, surplus is non-negative, and CS + R ≤ W*. M is the
    no-information outcome (monopoly price), V the welfare-maximal outcome with zero
    revenue, O the BBM segmentation (CS = OPT).
    """
    from exactmech.dist import Discrete, bbm_segmentation, posted_price_outcome

    prior = Discrete([1, 2, 3], ["1/3", "1/3", "1/3"])
    m = posted_price_outcome(prior)
    w_star = prior.mean()
    r_m = m.revenue
    seg = bbm_segmentation(prior)
    o = (seg.consumer_surplus(), seg.revenue())
    b, a = (F(0), r_m), (F(0), w_star)
    triangle = Polygon([b, a, (w_star - r_m, r_m)])

    def classify(p: tuple[Any, Any]) -> str:
        cs, r = Q(p[0]), Q(p[1])
        ok = cs >= 0 and r >= r_m and cs + r <= w_star
        return "achievable (CS, R)" if ok else "not achievable"

    panel = Panel(
        "Example 1: D = <1/3, 1/3, 1/3> on {1, 2, 3}",
        "consumer surplus CS",
        "seller revenue R",
        (F(-1, 10), w_star + F(1, 5), F(-1, 10), w_star + F(1, 5)),
        regions=[Region("achievable (CS, R)", "tab:gray", (triangle,))],
        curves=[Curve(f"CS + R = W* = {w_star}", ((F(0), w_star), (w_star, F(0))), "black", "--")],
        markers=[
            Marker("A", a),
            Marker("B", b, offset=(6, -14)),
            Marker("M", (m.consumer_surplus, m.revenue), "tab:blue", offset=(-4, 8)),
            Marker("O", o, "tab:red", offset=(8, 4)),
            Marker("V", (w_star, F(0))),
        ],
        notes=[
            f"A = (0, {w_star}): full information",
            f"B = (0, {r_m}): R = R^M, no surplus",
            f"M = ({m.consumer_surplus}, {m.revenue}): no information (price {m.price})",
            f"O = ({o[0]}, {o[1]}): BBM, CS = OPT",
            f"V = ({w_star}, 0): free good",
        ],
        classify=classify,
    )
    return FigureData(
        "001-figure1b",
        "Revenue and consumer surplus of signaling schemes, for the prior of Example 1",
        "paper 001, Fig. 1b and §2.2, Example 1",
        [panel],
    )


#: Every figure, in report order (pending ones name the module they wait for).
FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec(
        "000-figure2",
        "000",
        "§4.1, Figure 2",
        "allocation regions of the unit square: no disclosure, high/low disclosure",
        requires="exactmech.papers.disclosure_continuous",
    ),
    FigureSpec(
        "000-figure3",
        "000",
        "§4.2, Figure 3",
        "allocation regions of four partitional equilibria",
        requires="exactmech.papers.disclosure_continuous",
    ),
    FigureSpec(
        "001-figure1b",
        "001",
        "Fig. 1b, §2.2 Example 1",
        "revenue/consumer-surplus triangle of Example 1",
        _revenue_surplus_triangle,
    ),
    FigureSpec(
        "003-figure1",
        "003",
        "Figure 1",
        "optimal revenue guarantee Π_I^* against the number of buyers I",
        requires="exactmech.papers.robust_common_value",
    ),
    FigureSpec(
        "003-figure2",
        "003",
        "Figure 2",
        "revenue guarantees for various priors",
        requires="exactmech.papers.robust_common_value",
    ),
    FigureSpec(
        "004-figure2",
        "004",
        "Figure 2",
        "parameter regions of the (p_b̄, p_s̲) square",
        requires="exactmech.papers.information_games",
    ),
    FigureSpec(
        "004-figure5",
        "004",
        "Figure 5",
        "parameter regions of the (p_b̄, p_s̲) square (second classification)",
        requires="exactmech.papers.information_games",
    ),
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
