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
  panels, a caption citing its location);
* :func:`strip_regions`: a subdivision of a box by vertical breaks and boundary curves
  ``y = f(x)`` (exact functions, e.g. a hyperbola of a paper's case condition), labelled by
  a classifier, as convex pieces for drawing plus an *exact* lookup for curved boundaries.

:meth:`Panel.label_at` answers "which region's colour is at this point", exactly: from the
polygons, or, for a panel with curved boundaries, from the exact lookup
(:attr:`Panel.locate`), whose polygon pieces only draw it (their vertices lie exactly on
the curves; between two vertices the drawn chord differs from the curve).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from exactmech.calculus import Polygon
from exactmech.numbers import Q

__all__ = ["Curve", "FigureData", "Marker", "Panel", "Region", "StripMap", "strip_regions"]

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
    """A polyline through exact points; ``style``: ``"-"``, ``"--"``, ``":"``, ``"o"``, ``"o-"``."""

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
    :meth:`label_at` at sample points. ``locate`` (optional) is the figure's exact region
    lookup when boundaries are curved (:func:`strip_regions`); :meth:`label_at` uses it
    instead of the drawn polygons. ``legend`` places the legend: a matplotlib location
    (``"best"``, ``"upper left"``, ...) or ``"outside"`` (right of the axes; "best" searches
    every vertex and is slow for curved regions).
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
    locate: Callable[[Point], str | None] | None = field(default=None, repr=False)
    legend: str = "best"

    def label_at(self, point: Sequence[Any]) -> str | None:
        """The label of the region drawn at ``point`` (the last one drawn wins), or ``None``.

        >>> P = Panel("t", "x", "y", (0, 1, 0, 1),
        ...           [Region("low", "red", (Polygon([(0, 0), (1, 0), (0, 1)]),))])
        >>> P.label_at(("1/4", "1/4")), P.label_at(("3/4", "3/4"))
        ('low', None)
        """
        pt = (Q(point[0], "point[0]", func="Panel.label_at"), Q(point[1], "point[1]"))
        if self.locate is not None:
            return self.locate(pt)
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


Boundary = Callable[[Fraction], Fraction]


@dataclass(frozen=True)
class StripMap:
    """What :func:`strip_regions` returns: the drawn regions and the exact lookup."""

    regions: list[Region]
    locate: Callable[[Point], str | None]
    #: ``(x_left, x_right, labels of the bands from the bottom)`` of every strip.
    strips: tuple[tuple[Fraction, Fraction, tuple[str, ...]], ...]


def strip_regions(
    box: tuple[Any, Any, Any, Any],
    breaks: Sequence[Any],
    boundaries: Sequence[Boundary],
    classify: Callable[[Point], str],
    colours: dict[str, str],
    *,
    curved: bool = True,
    refine: int = 64,
) -> StripMap:
    """Subdivide ``box`` by vertical lines and curves ``y = f(x)``, labelled by ``classify``.

    Parameters
    ----------
    box
        ``(x0, x1, y0, y1)``.
    breaks
        ``x`` values of vertical boundaries (and of every point where two boundary curves
        cross: inside a strip the curves must keep their order).
    boundaries
        Exact functions ``x ↦ y`` (Fraction in, Fraction out) whose graphs are boundaries;
        values outside ``[y0, y1]`` are clamped.
    classify
        The model's region at an exact point; called once per band of each strip, at an
        exact interior point of the band (on the curves, not on the drawn chords).
    colours
        Colour of each label (every label ``classify`` returns needs one); the regions
        come in this order (the legend's).
    curved
        Whether some boundary is a curve: the strips are then refined to ``refine``
        uniform steps so the chords draw it smoothly.

    Returns
    -------
    StripMap
        Regions made of convex trapezoids (vertices exactly on the boundaries), and
        ``locate(point)``: the label of the band that holds the point, computed from the
        exact boundaries (``None`` outside the box or on a boundary).

    Raises
    ------
    ValueError
        Two boundaries cross strictly inside a strip (add the crossing to ``breaks``).

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> m = strip_regions((0, 1, 0, 1), [], [lambda x: x * x],
    ...                   lambda p: "above" if p[1] > p[0] ** 2 else "below",
    ...                   {"above": "red", "below": "blue"}, refine=4)
    >>> sum(r.area() for r in m.regions), m.locate((F(1, 2), F(1, 5)))
    (Fraction(1, 1), 'below')
    """
    x0, x1, y0, y1 = (Q(v, "box", func="strip_regions") for v in box)
    xs = {x0, x1} | {Q(b) for b in breaks if x0 < Q(b) < x1}
    if curved:
        xs |= {x0 + (x1 - x0) * Fraction(k, refine) for k in range(1, refine)}
    grid = sorted(xs)

    def cuts(x: Fraction) -> list[Fraction]:
        return [min(max(Q(f(x)), y0), y1) for f in boundaries]

    pieces: dict[str, list[Polygon]] = {}
    strips = []
    for xa, xb in itertools.pairwise(grid):
        xm = (xa + xb) / 2
        mid = cuts(xm)
        ranks = sorted(range(len(boundaries)), key=lambda k: mid[k])
        ca, cb = cuts(xa), cuts(xb)
        for k, j in itertools.pairwise(ranks):
            if ca[k] > ca[j] or cb[k] > cb[j]:
                raise ValueError(
                    f"strip_regions(): boundaries {k} and {j} cross inside [{xa}, {xb}]; "
                    "add the crossing to breaks"
                )
        lo_a, lo_b, lo_m = [y0], [y0], [y0]
        lo_a += [ca[k] for k in ranks] + [y1]
        lo_b += [cb[k] for k in ranks] + [y1]
        lo_m += [mid[k] for k in ranks] + [y1]
        labels = []
        for i in range(len(lo_m) - 1):
            if lo_m[i] == lo_m[i + 1]:
                labels.append("")  # an empty band at mid-strip
                continue
            label = classify((xm, (lo_m[i] + lo_m[i + 1]) / 2))
            labels.append(label)
            piece = Polygon([(xa, lo_a[i]), (xb, lo_b[i]), (xb, lo_b[i + 1]), (xa, lo_a[i + 1])])
            if not piece.is_empty:
                pieces.setdefault(label, []).append(piece)
        strips.append((xa, xb, tuple(labels), tuple(ranks)))

    walls = {Q(b) for b in breaks}

    def locate(point: Point) -> str | None:
        x, y = Q(point[0]), Q(point[1])
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return None
        found: set[str] = set()
        for xa, xb, labels, order in strips:
            if xa <= x <= xb:
                c = cuts(x)
                bounds = [y0, *(c[k] for k in order), y1]
                found |= {
                    labels[i]
                    for i in range(len(bounds) - 1)
                    if bounds[i] <= y <= bounds[i + 1] and labels[i]
                }
            if x < xa or (x == xb and x not in walls):
                break
        # on a boundary between two different regions: no single colour
        return found.pop() if len(found) == 1 else None

    order = {label: k for k, label in enumerate(colours)}
    regions = [
        Region(label, colours[label], tuple(ps))
        for label, ps in sorted(pieces.items(), key=lambda kv: order[kv[0]])
    ]
    return StripMap(regions, locate, tuple((a, b, lab) for a, b, lab, _ in strips))
