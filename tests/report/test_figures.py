"""Figures: their exact data (regions at sample points, labelled points) and the drawing."""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path

import pytest

from exactmech import cli
from exactmech.calculus import Polygon
from exactmech.report.figure_data import FigureData, Panel, Region
from exactmech.report.figures import FIGURES, FigureSpec, build_figure, figures_for, write_figures

F = Fraction
SPECS = {s.id: s for s in FIGURES}


def _fig1b() -> FigureData:
    return build_figure(SPECS["001-figure1b"])


def test_figure1b_points_are_example1_values() -> None:
    """Paper 001, Fig. 1b with Example 1: A = (0, W*) = (0, 2), M = (1/3, 4/3), O = (OPT, R^M) = (2/3, 4/3)."""
    (panel,) = _fig1b().panels
    points = {m.text: m.point for m in panel.markers}
    assert points == {
        "A": (0, 2),
        "B": (0, F(4, 3)),
        "M": (F(1, 3), F(4, 3)),
        "O": (F(2, 3), F(4, 3)),
        "V": (2, 0),
    }
    assert all(isinstance(c, (int, Fraction)) for p in points.values() for c in p)
    assert "O = (2/3, 4/3): BBM, CS = OPT" in panel.notes
    (region,) = panel.regions
    assert region.area() == F(2, 9)  # (W* - R^M)^2 / 2


def test_figure1b_region_membership_matches_the_model() -> None:
    """At every sample point the drawn region is the one the model's inequalities give."""
    (panel,) = _fig1b().panels
    assert panel.classify is not None
    samples = [*panel.grid(24), (F(0), F(4, 3)), (F(2, 3), F(4, 3)), (F(1, 3), F(5, 3))]
    inside = 0
    for p in samples:
        drawn = panel.label_at(p)
        model = panel.classify(p)
        assert (drawn or "not achievable") == model, p
        inside += drawn is not None
    assert 0 < inside < len(samples)


def test_drawing_puts_colour_where_the_data_says() -> None:
    pytest.importorskip("matplotlib")
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from exactmech.report.plot import draw, screen

    fig = draw(_fig1b())
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())
    ax = fig.axes[0]
    height = rgba.shape[0]

    def pixel(x: Fraction, y: Fraction) -> tuple[int, ...]:
        px, py = ax.transData.transform((screen(x), screen(y)))
        return tuple(int(c) for c in rgba[int(height - py), int(px)][:3])

    white = (255, 255, 255)
    assert pixel(F(1, 6), F(5, 3)) != white  # inside the achievable triangle
    assert pixel(F(1, 2), F(1, 2)) == white  # below R^M: not achievable
    assert pixel(F(1), F(7, 4)) == white  # above the welfare line


def test_write_figures_and_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    w = write_figures(tmp_path, paper="001")
    assert [p.suffix for p in w.files["001-figure1b"]] == [".pdf", ".png"]
    png = w.files["001-figure1b"][1].read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    assert w.data["001-figure1b"].full_caption.endswith("(paper 001, Fig. 1b and §2.2, Example 1)")
    assert cli.main(["figures", "--paper", "002", "--out", str(tmp_path / "b")]) == 0
    assert "wrote" not in capsys.readouterr().out  # paper 002 prints no figure
    assert (
        cli.main(["figures", "--out", str(tmp_path / "c"), "--format", "svg", "--paper", "001"])
        == 0
    )
    assert (tmp_path / "c" / "figures" / "001-figure1b.svg").exists()


def test_missing_matplotlib_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    assert cli.main(["figures", "--out", str(tmp_path)]) == 2
    assert "pip install 'exactmech[plot]'" in capsys.readouterr().err


def test_registry_slots_and_label_at() -> None:
    assert {s.paper for s in figures_for("000")} == {"000"}
    with pytest.raises(ValueError, match="unknown paper"):
        figures_for("9")
    slot = FigureSpec("x", "000", "-", "-", requires="exactmech.papers.not_yet")
    with pytest.raises(ValueError, match="pending"):
        build_figure(slot)
    square = Polygon.box(0, 1, 0, 1)
    lower = Polygon([(0, 0), (1, 0), (1, 1)])
    panel = Panel(
        "t",
        "x",
        "y",
        (0, 1, 0, 1),
        [Region("all", "red", (square,)), Region("low", "blue", (lower,))],
    )
    assert panel.label_at(("3/4", "1/4")) == "low"  # drawn last, on top
    assert panel.label_at(("1/4", "3/4")) == "all"
    assert panel.label_at((2, 2)) is None
    assert len(panel.grid(3)) == 9 and panel.grid(1) == [(F(1, 2), F(1, 2))]
