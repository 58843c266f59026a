"""The named sweeps: each runs its paper's public functions and reports what it checks."""

from __future__ import annotations

from fractions import Fraction

import pytest

from exactmech.papers.information_games import TradeParams, w_star
from exactmech.sweep import NAMED_SWEEPS, named_sweep, run_sweep


def test_every_named_sweep_builds_and_names_its_source() -> None:
    for name, entry in NAMED_SWEEPS.items():
        assert named_sweep(name).name == name
        assert entry.source and entry.description


def test_regions_grid_is_the_figure5_square() -> None:
    """Paper 004, Theorems 3.2-3.3: on a 5x5 grid the extortion LP equals W*(θ) everywhere,
    and the best score is the largest W* over the grid."""
    s = run_sweep(named_sweep("regions", grid=6), jobs=1)
    assert s.complete and s.n == 25 and not s.counterexamples and not s.failures
    best = max(
        w_star(TradeParams(1, 2, 3, 5, Fraction(i, 6), Fraction(j, 6)))
        for i in range(1, 6)
        for j in range(1, 6)
    )
    assert Fraction(s.best["score"]) == best


def test_named_sweep_option_errors() -> None:
    with pytest.raises(ValueError, match="grid=1"):
        named_sweep("regions", grid=1)
    with pytest.raises(ValueError, match="four integers"):
        named_sweep("regions", values="1,2,3")
    with pytest.raises(ValueError, match="unknown sweep 'nope'"):
        named_sweep("nope")
