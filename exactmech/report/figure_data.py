"""The exact data behind a figure: labelled regions, curves and points, no drawing.

Owns what a figure *shows*, as exact values, so that tests can check a figure's content
(which region holds a sample point, which coordinates a labelled point has) without
looking at pixels; :mod:`exactmech.report.plot` draws it with matplotlib.

* :class:`Region`: a labelled, coloured union of convex :class:`~exactmech.calculus.Polygon`
  pieces with rational vertices (for allocation regions, the same polygons the integrals
  use);
* :class:`Curve`: a polyline through exact points (rational, sympy or mpmath values);
* :class:`Marker`: a labelled point;
* :class:`Panel`: one set of axes; :class:`FigureData`: one figure of a paper (one or more
  panels, a caption citing its location).

:meth:`Panel.label_at` answers "which region's colour is at this point", exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from exactmech.calculus import Polygon
from exactmech.numbers import Q

__all__ = ["Curve", "FigureData", "Marker", "Panel", "Region"]

Point = tuple[Any, Any]


@dataclass(frozen=True)
class Region:
    """A labelled region: the union of convex polygons, drawn filled in ``colour``."""

    label: str
    colour: str
    pieces: tuple[Polygon, ...]

    def contains(self, point: Sequence[Any]) -> bool:
        """Whether ``point`` lies in one of the pieces (closed)."""
        return any(p.contains(point) for p in self.pieces)

    def area(self) -> Fraction:
        """Total area of the pieces (exact; pieces are assumed not to overlap)."""
        return sum((p.area() for p in self.pieces), Fraction(0))


@dataclass(frozen=True)
class Curve:
    """A polyline through exact points (``style``: ``"-"``, ``"--"``, ``":"`` or ``"o"``)."""

    label: str
    points: tuple[Point, ...]
    colour: str = "black"
    style: str = "-"


@dataclass(frozen=True)
class Marker:
    """A labelled point (``text`` is drawn ``offset`` points away from it)."""

    text: str
    point: Point
    colour: str = "black"
    offset: tuple[int, int] = (6, 4)


@dataclass
class Panel:
    """One set of axes: regions (filled), curves, markers, notes; titles and axis labels.

    ``classify`` (optional) is the model's own answer to "which region is this point in"
    (e.g. the auction's allocation at a value profile); tests compare it with
    :meth:`label_at` at sample points.
    """

    title: str
    xlabel: str
    ylabel: str
    box: tuple[Any, Any, Any, Any]
    regions: list[Region] = field(default_factory=list)
    curves: list[Curve] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    classify: Callable[[Point], str] | None = field(default=None, repr=False)

    def label_at(self, point: Sequence[Any]) -> str | None:
        """The label of the region drawn at ``point`` (the last one drawn wins), or ``None``.

        >>> P = Panel("t", "x", "y", (0, 1, 0, 1),
        ...           [Region("low", "red", (Polygon([(0, 0), (1, 0), (0, 1)]),))])
        >>> P.label_at(("1/4", "1/4")), P.label_at(("3/4", "3/4"))
        ('low', None)
        """
        pt = (Q(point[0], "point[0]", func="Panel.label_at"), Q(point[1], "point[1]"))
        found = None
        for r in self.regions:
            if r.contains(pt):
                found = r.label
        return found

    def grid(self, n: int) -> list[tuple[Fraction, Fraction]]:
        """``n × n`` exact sample points at the centres of a grid over :attr:`box`."""
        x0, x1, y0, y1 = (Q(v) for v in self.box)
        return [
            (
                x0 + (x1 - x0) * Fraction(2 * i + 1, 2 * n),
                y0 + (y1 - y0) * Fraction(2 * j + 1, 2 * n),
            )
            for i in range(n)
            for j in range(n)
        ]


@dataclass
class FigureData:
    """One figure of a paper: panels side by side, a caption citing the paper."""

    id: str
    caption: str
    source: str
    panels: list[Panel]

    @property
    def full_caption(self) -> str:
        """Caption with the paper's location."""
        return f"{self.caption} ({self.source})" if self.source else self.caption
