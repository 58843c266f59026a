"""The data of Figures 2 and 3 of paper 000 (§4.1–§4.2): partitions, allocations, E[U].

Each panel shows, for one pair of interval partitions, who gets the good at each type
profile ``(v_A, v_B) ∈ [0, 1]^2`` and prints the expected buyer surplus. :func:`figure_data`
returns the allocation regions as exact convex polygons (for the reports work to draw),
:func:`figure_table` the printed and the computed values side by side.

Colours: Figure 2's caption says green = A, blue = B, red = no sale; Figure 3's caption
says blue = A, green = B, unshaded = no sale, and §4.1's text calls the region of Fig. 2b
where A wins "the small blue triangle". The captions are inconsistent with each other;
:data:`CAPTION_COLOURS` records what each caption prints, and the data below name the
buyer instead of a colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from exactmech.calculus import Polygon
from exactmech.errors import InvalidProblemError
from exactmech.papers.disclosure_continuous.evaluator import (
    ContinuousOutcome,
    Region,
    allocation_regions,
    cell_regions,
    evaluate,
)
from exactmech.papers.disclosure_continuous.partitions import (
    IntervalPartition,
    full_disclosure,
    no_disclosure,
    threshold_partition,
)
from exactmech.papers.disclosure_continuous.selfsimilar import (
    SelfSimilarPartition,
    self_similar_outcome,
    zeno_partition,
)

__all__ = [
    "CAPTION_COLOURS",
    "FIGURES",
    "FigureData",
    "FigureRow",
    "figure_data",
    "figure_partitions",
    "figure_table",
]

F = Fraction

#: Panels of Figures 2 and 3: (caption text, printed E[U]).
FIGURES: dict[str, tuple[str, Fraction]] = {
    "2a": ("No disclosure: P_A = P_B = {[0, 1]}", F(1, 6)),
    "2b": ("High/low disclosure: P_A = P_B = {[0, 1/2], [1/2, 1]}", F(1, 6)),
    "3a": ("Coarse asymmetric disclosure: P_A = {[0, 1/2], [1/2, 1]}, P_B = {[0, 1]}",
           F(11, 64)),
    "3b": ("Maximally asymmetric disclosure: P_A = {{x} : x ∈ [0, 1]}, P_B = {[0, 1]}",
           F(1, 24)),
    "3c": ("P_A = P_B = {[0, 1/3], [1/3, 2/3], [2/3, 1]}", F(1, 6)),
    "3d": ("A and B disclose according to Zeno's partition P_Z", F(23, 147)),
}

#: Colours as printed in each caption (owner → colour; ``None`` = no sale).
CAPTION_COLOURS: dict[str, dict[str | None, str]] = {
    "2": {"A": "green", "B": "blue", None: "red"},
    "3": {"A": "blue", "B": "green", None: "unshaded"},
}

Partition = IntervalPartition | SelfSimilarPartition


def figure_partitions(name: str) -> tuple[Partition, Partition]:
    """``(P_A, P_B)`` of one panel (``"2a"`` … ``"3d"``), paper 000, Figs. 2–3.

    >>> [str(p) for p in figure_partitions("3a")]
    ['{[0, 1/2], [1/2, 1]}', '{[0, 1]}']
    """
    nd, hl = no_disclosure(), threshold_partition(F(1, 2))
    pairs: dict[str, tuple[Partition, Partition]] = {
        "2a": (nd, nd),
        "2b": (hl, hl),
        "3a": (hl, nd),
        "3b": (full_disclosure(), nd),
        "3c": (threshold_partition(F(1, 3), F(2, 3)),) * 2,
        "3d": (zeno_partition(), zeno_partition()),
    }
    if name not in pairs:
        raise InvalidProblemError(
            f"figure_partitions(): name={name!r}; expected one of {', '.join(FIGURES)}"
        )
    return pairs[name]


def _outcome(pa: Partition, pb: Partition) -> ContinuousOutcome:
    if isinstance(pa, SelfSimilarPartition) or isinstance(pb, SelfSimilarPartition):
        return self_similar_outcome(pa, pb)
    return evaluate(pa, pb)


@dataclass(frozen=True)
class FigureRow:
    """One panel: the printed E[U] and the exact outcome (paper 000, Figs. 2–3).

    Attributes
    ----------
    figure, caption
        Panel id (``"3a"``) and its caption.
    printed
        E[U] as printed.
    outcome
        The exact :class:`ContinuousOutcome` (revenue, welfare, E[U], E[U_A], E[U_B], ...).
    """

    figure: str
    caption: str
    printed: Fraction
    outcome: ContinuousOutcome

    @property
    def matches(self) -> bool:
        """Whether the printed E[U] equals the exact one."""
        return self.printed == self.outcome.buyer_surplus


def figure_table() -> list[FigureRow]:
    """Every panel of Figures 2 and 3 with its printed and exact expected buyer surplus.

    Examples
    --------
    >>> [(r.figure, r.printed, r.outcome.buyer_surplus) for r in figure_table()][4:]
    [('3c', Fraction(1, 6), Fraction(7, 54)), ('3d', Fraction(23, 147), Fraction(23, 147))]
    """
    return [
        FigureRow(name, caption, printed, _outcome(*figure_partitions(name)))
        for name, (caption, printed) in FIGURES.items()
    ]


@dataclass(frozen=True)
class FigureData:
    """The allocation of one panel as exact polygons in ``(v_A, v_B)``.

    Attributes
    ----------
    figure
        Panel id.
    partition_a, partition_b
        The partitions (``str`` forms).
    regions
        :class:`~exactmech.papers.disclosure_continuous.Region` pieces (owner ``"A"``,
        ``"B"`` or ``None``), one convex polygon each; with the ``unresolved`` boxes they
        tile the unit square.
    unresolved
        For Zeno's partition (infinitely many cells): the boxes near the axes below the
        drawing depth, ``[0, r^depth] × [0, 1]`` and ``[r^depth, 1] × [0, r^depth]``.
        Empty for finite partitions.
    colours
        The caption's colour of each owner (:data:`CAPTION_COLOURS`).
    """

    figure: str
    partition_a: str
    partition_b: str
    regions: tuple[Region, ...]
    unresolved: tuple[Polygon, ...]
    colours: dict[str | None, str]


def figure_data(name: str, *, depth: int = 8) -> FigureData:
    """The allocation regions of one panel of Figures 2–3 (paper 000, §4.1–§4.2).

    Parameters
    ----------
    name
        ``"2a"``, ``"2b"``, ``"3a"``, ``"3b"``, ``"3c"`` or ``"3d"``.
    depth
        For Zeno's partition (3d): the number of scales drawn.

    Examples
    --------
    >>> d = figure_data("2b")
    >>> sorted({r.owner or "-" for r in d.regions}), sum(r.polygon.area() for r in d.regions)
    (['-', 'A', 'B'], Fraction(1, 1))
    >>> top_left = [r for r in d.regions if r.segments[0].hi == r.segments[1].lo]
    >>> [(r.owner, r.polygon) for r in top_left]      # §4.1: A wins iff v_B < v_A + 1/4
    [('A', Polygon([(1/4, 1/2), (1/2, 1/2), (1/2, 3/4)])),
     ('B', Polygon([(0, 1/2), (1/4, 1/2), (1/2, 3/4), (1/2, 1), (0, 1)]))]
    """
    if depth < 1:
        raise InvalidProblemError(f"figure_data(): depth={depth} must be >= 1")
    pa, pb = figure_partitions(name)
    colours = CAPTION_COLOURS[name[0]]
    if isinstance(pa, IntervalPartition) and isinstance(pb, IntervalPartition):
        regions = tuple(allocation_regions(pa, pb))
        return FigureData(name, str(pa), str(pb), regions, (), colours)
    assert isinstance(pa, SelfSimilarPartition) and isinstance(pb, SelfSimilarPartition)
    sa, sb = pa.segments(depth), pb.segments(depth)
    regions = tuple(r for x in sa for y in sb for r in cell_regions(x, y))
    low = pa.ratio**depth
    unresolved = (Polygon.box(0, low, 0, 1), Polygon.box(low, 1, 0, low))
    return FigureData(name, str(pa), str(pb), regions, unresolved, colours)

