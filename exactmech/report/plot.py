"""Drawing :class:`~exactmech.report.figure_data.FigureData` with matplotlib (extra ``[plot]``).

Owns the only place where exact values meet a drawing library: :func:`screen` turns an
exact coordinate (Fraction, sympy or mpmath number) into the binary float matplotlib draws
with. That float only places ink on a page; no computation, label or test reads it back
(labels print the exact values, tests check :mod:`exactmech.report.figure_data`).

matplotlib is optional: :func:`require_matplotlib` raises :class:`PlotMissingError`
(``pip install 'exactmech[plot]'``) when it is not installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exactmech.errors import ExactmechError
from exactmech.report.figure_data import FigureData, Panel

__all__ = ["PlotMissingError", "draw", "require_matplotlib", "save", "screen"]

INSTALL_HINT = "pip install 'exactmech[plot]'  (or: pip install matplotlib)"


class PlotMissingError(ExactmechError, ImportError):
    """matplotlib is not installed."""


def require_matplotlib() -> Any:
    """Import matplotlib with the non-interactive Agg backend, or raise a clear error."""
    try:
        import matplotlib
    except ImportError:
        raise PlotMissingError(
            f"figures need matplotlib, which is not installed; {INSTALL_HINT}"
        ) from None
    matplotlib.use("Agg", force=True)
    return matplotlib


def screen(v: Any) -> float:
    """A drawing coordinate: the nearest binary float of an exact value (pixels only)."""
    if isinstance(v, float):
        raise TypeError(f"screen(): {v!r} is already a float; figure data must be exact")
    if type(v).__module__.startswith("sympy"):
        import sympy

        v = sympy.N(v, 30)
    return float(v)


def _lighten(colour: str, amount: float = 0.45) -> tuple[float, float, float]:
    """``colour`` mixed with white (``amount`` of white): a fill that lines stay visible on."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def _coords(points: Any) -> tuple[list[float], list[float]]:
    return [screen(p[0]) for p in points], [screen(p[1]) for p in points]


def _draw_panel(ax: Any, panel: Panel) -> None:
    from matplotlib.collections import PolyCollection
    from matplotlib.patches import Patch

    handles = []
    for region in panel.regions:
        # opaque, lightened fills with edges of the same colour: adjacent pieces of one
        # region (strips of a curved region) show no seams
        face = _lighten(region.colour)
        polys = [
            list(zip(*_coords(piece.vertices))) for piece in region.pieces if not piece.is_empty
        ]
        if polys:
            ax.add_collection(
                PolyCollection(polys, closed=True, facecolors=face, edgecolors=face, linewidths=0.6)
            )
        handles.append(Patch(facecolor=face, edgecolor="0.6", label=region.label))
    for curve in panel.curves:
        xs, ys = _coords(curve.points)
        if curve.style.startswith("o"):
            ax.plot(xs, ys, curve.style, color=curve.colour, label=curve.label, markersize=3)
        else:
            ax.plot(xs, ys, curve.style, color=curve.colour, label=curve.label, linewidth=1.4)
    for m in panel.markers:
        x, y = screen(m.point[0]), screen(m.point[1])
        ax.plot([x], [y], "o", color=m.colour, markersize=5)
        ax.annotate(m.text, (x, y), textcoords="offset points", xytext=m.offset)
    if panel.notes:
        ax.text(
            0.03,
            0.03,
            "\n".join(panel.notes),
            transform=ax.transAxes,
            fontsize=8,
            va="bottom",
            ha="left",
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "0.7"},
        )
    x0, x1, y0, y1 = (screen(v) for v in panel.box)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    if panel.box[1] - panel.box[0] == panel.box[3] - panel.box[2]:
        ax.set_aspect("equal", adjustable="box")  # a square box is drawn square
    ax.set_xlabel(panel.xlabel)
    ax.set_ylabel(panel.ylabel)
    ax.set_title(panel.title, fontsize=10)
    curve_handles, _ = ax.get_legend_handles_labels()
    if handles or curve_handles:
        if panel.legend == "outside":
            ax.legend(
                handles=handles + curve_handles,
                fontsize=8,
                loc="upper left",
                bbox_to_anchor=(1.02, 1.0),
                borderaxespad=0.0,
            )
        else:
            ax.legend(handles=handles + curve_handles, fontsize=8, loc=panel.legend)


def draw(data: FigureData) -> Any:
    """A matplotlib ``Figure`` with one axes per panel."""
    require_matplotlib()
    from matplotlib.figure import Figure

    n = len(data.panels)
    cols = n if n <= 3 else (n + 1) // 2
    rows = (n + cols - 1) // cols
    extra = 2.0 if any(p.legend == "outside" for p in data.panels) else 0.0
    fig = Figure(figsize=((4.4 + extra) * cols, 4.2 * rows), layout="constrained")
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    for ax, panel in zip(axes, data.panels):
        _draw_panel(ax, panel)
    for ax in axes[n:]:
        ax.set_axis_off()
    return fig


def save(data: FigureData, folder: Path, formats: tuple[str, ...] = ("pdf", "png")) -> list[Path]:
    """Draw ``data`` and save it as ``folder/ID.FORMAT`` for each format; return the paths."""
    fig = draw(data)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for fmt in formats:
        path = folder / f"{data.id}.{fmt}"
        meta = {"pdf": {"Creator": "exactmech"}, "png": {"Software": "exactmech"}}.get(fmt)
        fig.savefig(path, dpi=150, metadata=meta)
        out.append(path)
    return out
