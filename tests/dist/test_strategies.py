"""Tests of the distribution strategies in :mod:`exactmech.strategies` (STYLE.md §7)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import find, given
from hypothesis.errors import InvalidArgument

from exactmech.dist import Discrete, PiecewiseUniform, Uniform, is_regular
from exactmech.strategies import (
    correlated_priors,
    discrete_distributions,
    independent_priors,
    piecewise_uniform_distributions,
    uniform_intervals,
)

F = Fraction


@given(discrete_distributions(min_size=2, max_size=5, min_value=3, max_value=9, zero_masses=True))
def test_discrete_distributions_respect_bounds(D: Discrete) -> None:
    assert 2 <= len(D.values) <= 5
    assert all(3 <= v <= 9 for v in D.values)
    assert sum(D.probs) == 1 and D.support


@given(discrete_distributions(max_size=5, regular=True, zero_masses=True, max_denominator=3))
def test_regular_flag_true(D: Discrete) -> None:
    assert is_regular(D)


@given(discrete_distributions(max_size=5, regular=False, zero_masses=True))
def test_regular_flag_false(D: Discrete) -> None:
    assert not is_regular(D)


@given(piecewise_uniform_distributions(regular=True))
def test_piecewise_regular_flag_true(D: PiecewiseUniform) -> None:
    assert is_regular(D)


@given(piecewise_uniform_distributions(regular=False, gaps=True))
def test_piecewise_regular_flag_false(D: PiecewiseUniform) -> None:
    assert not is_regular(D)


@given(uniform_intervals(min_value=-2, max_value=2, max_denominator=4))
def test_uniform_intervals_in_range(U: Uniform) -> None:
    assert -2 <= U.a < U.b <= 2


@given(independent_priors(buyers=3, regular=True))
def test_independent_priors(priors: list[Discrete]) -> None:
    assert len(priors) == 3 and all(is_regular(D) for D in priors)


@given(correlated_priors(buyers=3, types=2, zero_masses=False))
def test_correlated_priors_full_support(J: dict) -> None:
    assert len(J) == 8 and all(p > 0 for p in J.values()) and sum(J.values()) == 1


def test_shrinking_targets() -> None:
    """Docstrings promise: small consecutive values with equal masses."""
    assert find(discrete_distributions(), lambda D: len(D.support) >= 3) == Discrete.uniform(
        [1, 2, 3]
    )
    assert find(uniform_intervals(), lambda U: True) == Uniform(0, 1)
    assert find(piecewise_uniform_distributions(regular=True), lambda D: True) == Uniform(0, 1)
    J = find(correlated_priors(), lambda J: True)
    assert set(J.values()) == {F(1, 4)}
    assert find(independent_priors(buyers=2), lambda P: True) == [Discrete.point(1)] * 2


@pytest.mark.parametrize(
    ("strategy", "kwargs", "match"),
    [
        (discrete_distributions, {"min_size": 0}, "min_size=0 must be >= 1"),
        (discrete_distributions, {"min_size": 3, "max_size": 2}, "max_size=2 < min_size=3"),
        (discrete_distributions, {"min_value": 5, "max_value": 1}, "min_value=5 > max_value=1"),
        (discrete_distributions, {"regular": False, "max_size": 2}, "needs max_size >= 3"),
        (discrete_distributions, {"min_size": 4, "max_value": 3}, "only 3 integers"),
        (discrete_distributions, {"max_weight": 0}, "max_weight=0 must be >= 1"),
        (discrete_distributions, {"max_denominator": 0}, "max_denominator=0 < 1"),
        (uniform_intervals, {"min_value": 1, "max_value": 1}, "need a < b"),
        (uniform_intervals, {"min_value": 2, "max_value": 1}, "min_value=2 > max_value=1"),
        (piecewise_uniform_distributions, {"regular": False, "max_pieces": 1}, "max_pieces >= 2"),
        (piecewise_uniform_distributions, {"regular": True, "gaps": True}, "cannot be regular"),
        (piecewise_uniform_distributions, {"min_pieces": 4, "max_value": 3}, "room for at most 3"),
        (independent_priors, {"buyers": 0}, "buyers=0 must be >= 1"),
        (correlated_priors, {"types": 0}, "types=0 must be >= 1"),
        (correlated_priors, {"types": 7, "max_value": 6}, "only 6 integers"),
    ],
)
def test_impossible_arguments_raise_invalid_argument(
    strategy: Any, kwargs: dict[str, Any], match: str
) -> None:
    @given(strategy(**kwargs))
    def draw_one(x: object) -> None:
        pass  # pragma: no cover - never reached

    with pytest.raises(InvalidArgument, match=match):
        draw_one()
