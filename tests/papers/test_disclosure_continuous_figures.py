"""Paper 000, Figures 2 and 3: figure data, the printed-vs-exact table, the README examples."""

from __future__ import annotations

import doctest
import re
from fractions import Fraction
from pathlib import Path

import pytest

from exactmech.calculus import HalfPlane
from exactmech.errors import InvalidProblemError
from exactmech.papers.disclosure_continuous import (
    CAPTION_COLOURS,
    FIGURES,
    figure_data,
    figure_partitions,
    figure_table,
)

F = Fraction
README = Path(__file__).resolve().parents[2] / "README.md"


def test_figure_table_rows() -> None:
    rows = {r.figure: r for r in figure_table()}
    assert list(rows) == list(FIGURES)
    assert {name for name, r in rows.items() if not r.matches} == {"3c"}  # the erratum
    assert rows["3a"].outcome.utilities == (F(13, 128), F(9, 128))
    assert rows["3d"].outcome.buyer_surplus == F(23, 147)
    for r in rows.values():
        o = r.outcome
        assert o.welfare == o.revenue + o.buyer_surplus


@pytest.mark.parametrize("name", list(FIGURES))
def test_figure_regions_tile_the_square(name: str) -> None:
    d = figure_data(name, depth=5)
    total = sum(r.polygon.area() for r in d.regions) + sum(p.area() for p in d.unresolved)
    assert total == 1
    assert d.colours == CAPTION_COLOURS[name[0]]
    # every region's owner is the buyer the auction picks at an interior point
    from exactmech.papers.disclosure_continuous import outcome_at

    pa, pb = figure_partitions(name)
    if name != "3d":
        for r in d.regions:
            vs = r.polygon.vertices
            cx = sum(v[0] for v in vs) / len(vs)
            cy = sum(v[1] for v in vs) / len(vs)
            assert outcome_at(pa, pb, cx, cy).winner == r.owner


def test_figure_2a_and_3b_shapes() -> None:
    """Fig. 2a: no sale on [0, 1/2]^2, A below the diagonal. Fig. 3b: B wins iff
    2v_B − 1 > v_A (A's value is revealed)."""
    d = figure_data("2a")
    (none,) = [r.polygon for r in d.regions if r.owner is None]
    assert none.area() == F(1, 4) and none.bounds() == (0, F(1, 2), 0, F(1, 2))
    (b_wins,) = [r.polygon for r in figure_data("3b").regions if r.owner == "B"]
    assert b_wins.area() == F(1, 4)
    assert b_wins.clip(HalfPlane(1, -2, -1)) == b_wins  # v_A − 2 v_B <= −1
    assert figure_data("3d", depth=3).unresolved[0].area() == F(1, 8)


def test_figure_errors() -> None:
    with pytest.raises(InvalidProblemError, match="name='4a'"):
        figure_partitions("4a")
    with pytest.raises(InvalidProblemError, match="depth=0"):
        figure_data("3d", depth=0)


def test_readme_section_examples() -> None:
    """The doctest-style examples of the README's paper 000 §4 section run as printed."""
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- paper 000 section 4:")
    end = text.index("<!-- end paper 000 section 4 -->")
    code = "\n".join(re.findall(r"```python\n(.*?)```", text[start:end], re.S))
    assert ">>>" in code
    test = doctest.DocTestParser().get_doctest(code, {}, "README §4", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
