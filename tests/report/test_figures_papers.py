"""The papers' figures: the region drawn at a point is the model's answer at that point.

Paper 000's Figures 2 and 3 draw the evaluator's allocation polygons; at sample points the
drawn owner must be the winner of the auction at that value profile (``outcome_at``).
Paper 004's Figures 2, 3 and 5 cut the ``(p_b̄, p_s̲)`` square by the thresholds and Lemma
2.1's curve; at sample points the drawn region must be the classifier's (``region(θ)``,
``ds_case``, ``optimal_mechanism_kind``).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from exactmech.report.figure_data import FigureData, Panel, strip_regions
from exactmech.report.figures import FIGURES, build_figure

F = Fraction
SPECS = {s.id: s for s in FIGURES}


def _fig(fid: str) -> FigureData:
    return build_figure(SPECS[fid])


def _samples(panel: Panel, n: int) -> list[tuple[Fraction, Fraction]]:
    """Grid centres nudged by 1/10007 and 1/10009 (primes): no sample lies on a boundary
    line with small rational coefficients, so every sample has one owner."""
    return [(x + F(1, 10007), y + F(1, 10009)) for x, y in panel.grid(n)]


def _check_panel(panel: Panel, points: list[tuple[Fraction, Fraction]]) -> dict[str, int]:
    assert panel.classify is not None
    seen: dict[str, int] = {}
    for p in points:
        drawn = panel.label_at(p)
        assert drawn == panel.classify(p), (panel.title, p)
        assert drawn is not None
        seen[drawn] = seen.get(drawn, 0) + 1
    return seen


# -- paper 000 ------------------------------------------------------------------------------
@pytest.mark.parametrize("fid", ["000-figure2", "000-figure3"])
def test_000_drawn_owner_is_the_auction_winner(fid: str) -> None:
    """Paper 000, §4, Figs. 2–3: colour at (v_A, v_B) = the winner of Myerson's auction for
    the announced intervals (Fig. 3d: outside the two thin strips finer than drawn)."""
    data = _fig(fid)
    assert len(data.panels) == (2 if fid.endswith("2") else 4)
    for panel in data.panels:
        seen = _check_panel(panel, _samples(panel, 16))
        assert "A gets the good" in seen and "B gets the good" in seen
        total = sum((r.area() for r in panel.regions), F(0))
        assert total == 1  # the pieces tile the unit square


def test_000_figure2_no_disclosure_regions() -> None:
    """Fig. 2a: second-price auction with reserve 1/2; no sale on [0, 1/2]², area 1/4."""
    a, b = _fig("000-figure2").panels
    areas = {r.label: r.area() for r in a.regions}
    assert areas == {"A gets the good": F(3, 8), "B gets the good": F(3, 8), "no sale": F(1, 4)}
    assert b.label_at((F(3, 8), F(5, 8) - F(1, 1000))) == "A gets the good"  # v_B < v_A + 1/4
    assert b.label_at((F(3, 8), F(5, 8) + F(1, 1000))) == "B gets the good"
    assert a.notes == ["E[U] = 1/6"] and b.notes == ["E[U] = 1/6"]
    c = _fig("000-figure3").panels[2]
    assert c.notes == ["E[U] = 7/54 (paper: 1/6)"]


# -- paper 003 ------------------------------------------------------------------------------
def test_003_figure1_curves_are_the_guarantees() -> None:
    """Paper 003, Figure 1: Π_I^* (EPM) and the first-price auction for I = 1..20, uniform
    prior; the EPM's guarantee is above the auction's for every I and below 1/2."""
    import mpmath

    from exactmech.papers.robust_common_value import figure1_data

    (panel,) = _fig("003-figure1").panels
    epm, fpa, surplus = panel.curves
    pts = figure1_data()
    assert [x for x, _ in epm.points] == list(range(1, 21)) == [x for x, _ in fpa.points]
    assert [y for _, y in epm.points] == [p.epm.value for p in pts]
    assert [y for _, y in fpa.points] == [p.fpa for p in pts]
    assert all(isinstance(y, Fraction) for _, y in fpa.points)
    half = mpmath.mpf(1) / 2
    assert all(
        mpmath.mpf(f.numerator) / f.denominator < e < half
        for (_, e), (_, f) in zip(epm.points, fpa.points)
    )
    assert {y for _, y in surplus.points} == {F(1, 2)}


# -- paper 004 ------------------------------------------------------------------------------
def _theta(th: Any, p: tuple[Fraction, Fraction]) -> Any:
    return th.with_probabilities(p[0], p[1])


def test_004_figure5_regions_are_the_classifier_regions() -> None:
    """Paper 004, Figure 5: at every point of ``region_grid`` the drawn region is
    ``region(θ)``; all five regions appear, and the pieces tile the square."""
    from exactmech.papers.information_games import TradeParams, region_grid

    (panel,) = _fig("004-figure5").panels
    th = TradeParams(1, 2, 3, 5, "1/2", "1/2")
    grid = region_grid(th, 25)
    for x, y, r in grid:
        assert panel.label_at((x, y)) == r, (x, y)
    assert {r for _, _, r in grid} == {"I", "II", "II'", "III", "III'"}
    assert [r.label for r in panel.regions] == ["I", "II", "II'", "III", "III'"]
    assert sum((r.area() for r in panel.regions), F(0)) == 1
    areas = {r.label: r.area() for r in panel.regions}
    assert areas["I"] + areas["II'"] == F(1, 4)  # p_b̄ ≤ p*_b̄ = 1/4
    assert areas["II"] == F(3, 4) * F(1, 2)  # p_b̄ > 1/4, p_s̲ ≤ p*_s̲ = 1/2
    _check_panel(panel, _samples(panel, 20))


@pytest.mark.parametrize("fid", ["004-figure2", "004-figure3"])
def test_004_figures_2_and_3_match_lemma_2_1_and_theorem_3_3(fid: str) -> None:
    """Figure 2: case (a)/(b) of Lemma 2.1 (``ds_case``); Figure 3: the optimal mechanism
    (``optimal_mechanism_kind``), at every sample point."""
    from exactmech.papers.information_games import TradeParams, ds_case, optimal_mechanism_kind

    (panel,) = _fig(fid).panels
    th = TradeParams(1, 2, 3, 5, "1/2", "1/2")
    seen = _check_panel(panel, _samples(panel, 20))
    for p in _samples(panel, 7):
        want = (
            f"case ({ds_case(_theta(th, p))})"
            if fid.endswith("2")
            else optimal_mechanism_kind(_theta(th, p))
        )
        assert panel.label_at(p) == want
    assert len(seen) == (2 if fid.endswith("2") else 3)


def test_004_drawn_vertices_lie_exactly_on_the_boundaries() -> None:
    """Figure 5's pieces: each vertex is on the box, a threshold or exactly on Lemma 2.1's
    curve (``ds_case_margin`` = 0); each piece's centroid is in its own region."""
    from exactmech.papers.information_games import (
        TradeParams,
        ds_case_margin,
        p_star_b_hi,
        p_star_s_lo,
    )

    (panel,) = _fig("004-figure5").panels
    th = TradeParams(1, 2, 3, 5, "1/2", "1/2")
    pb, ps = p_star_b_hi(th), p_star_s_lo(th)
    on_curve = 0
    for region in panel.regions:
        for piece in region.pieces:
            vs = piece.vertices
            for x, y in vs:
                if x in (0, 1, pb) or y in (0, 1, ps):
                    continue
                assert ds_case_margin(_theta(th, (x, y))) == 0, (x, y)
                on_curve += 1
            cx = sum((v[0] for v in vs), F(0)) / len(vs)
            cy = sum((v[1] for v in vs), F(0)) / len(vs)
            assert panel.label_at((cx, cy)) == region.label
    assert on_curve > 50


def test_004_figure5_marks_the_threshold_corner_on_the_curve() -> None:
    """§5: the curve of Lemma 2.1 passes through (p*_b̄, p*_s̲) = (1/4, 1/2), where all of
    I, II, II′ and III, III′ meet."""
    (panel,) = _fig("004-figure5").panels
    (corner,) = panel.markers
    assert corner.point == (F(1, 4), F(1, 2))
    assert panel.label_at(corner.point) is None  # on a boundary: no single colour
    eps = F(1, 1000)
    around = {
        panel.label_at((F(1, 4) + dx, F(1, 2) + dy)) for dx in (-eps, eps) for dy in (-eps, eps)
    }
    assert around == {"I", "II", "II'", "III"} or around == {"I", "II", "II'", "III'"}


def test_strip_regions_rejects_crossing_boundaries() -> None:
    with pytest.raises(ValueError, match="cross inside"):
        strip_regions(
            (0, 1, 0, 1),
            [],
            [lambda x: x, lambda x: 1 - x],
            lambda p: "r",
            {"r": "red"},
            curved=False,
        )
    ok = strip_regions(
        (0, 1, 0, 1),
        [F(1, 2)],
        [lambda x: x, lambda x: 1 - x],
        lambda p: "top" if p[1] > max(p[0], 1 - p[0]) else "rest",
        {"top": "red", "rest": "blue"},
        curved=False,
    )
    assert {r.label: r.area() for r in ok.regions} == {"top": F(1, 4), "rest": F(3, 4)}
    assert ok.locate((F(1, 2), F(1, 2))) is None and ok.locate((2, 2)) is None


def test_004_drawing_puts_each_region_colour_where_the_data_says() -> None:
    pytest.importorskip("matplotlib")
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from exactmech.report.plot import _lighten, draw, screen

    data = _fig("004-figure5")
    fig = draw(data)
    ax = fig.axes[0]
    ax.get_legend().remove()  # legend and notes box may sit on any region
    for text in list(ax.texts):
        text.remove()
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())
    colours = {r.label: r.colour for r in data.panels[0].regions}

    def pixel(x: Fraction, y: Fraction) -> tuple[int, ...]:
        px, py = ax.transData.transform((screen(x), screen(y)))
        return tuple(int(c) for c in rgba[int(rgba.shape[0] - py), int(px)][:3])

    def expected(label: str) -> tuple[int, ...]:
        return tuple(round(255 * c) for c in _lighten(colours[label]))

    for point, label in (
        ((F(1, 8), F(1, 4)), "I"),
        ((F(5, 8), F(1, 4)), "II"),
        ((F(1, 8), F(3, 4)), "II'"),
        ((F(9, 10), F(3, 5)), "III"),
        ((F(2, 5), F(9, 10)), "III'"),
    ):
        assert all(abs(a - b) <= 2 for a, b in zip(pixel(*point), expected(label))), label
