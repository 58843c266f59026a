"""Tests of :mod:`exactmech.dist.combine`: mixtures, products, joint distributions, marginals."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given

from exactmech.dist import (
    Discrete,
    PiecewiseUniform,
    Uniform,
    joint_distribution,
    marginal,
    mixture,
    product,
)
from exactmech.errors import DistributionError
from exactmech.strategies import correlated_priors, independent_priors

F = Fraction


def test_mixture_unions_grids() -> None:
    m = mixture([("1/2", Discrete.point(1)), ("1/2", Discrete.uniform([2, 3]))])
    assert m.same_grid(Discrete([1, 2, 3], ["1/2", "1/4", "1/4"]))


def test_mixture_of_uniforms_is_piecewise_uniform() -> None:
    m = mixture([("1/2", Uniform(0, 1)), ("1/2", Uniform(1, 3))])
    assert m == PiecewiseUniform([0, 1, 3], ["1/2", "1/2"])
    gap = mixture([("1/2", Uniform(0, 1)), ("1/2", Uniform(2, 3))])
    assert gap.has_gap() and gap.masses == (F(1, 2), 0, F(1, 2))


@pytest.mark.parametrize(
    ("components", "match"),
    [
        ([], r"^mixture\(\): no components$"),
        ([("1/2", Discrete.point(1))], r"^mixture\(\): weights sum to 1/2, expected 1$"),
        ([("-1", Discrete.point(1)), (2, Discrete.point(2))], r"weights\[0\]=-1 is negative"),
        ([("1/2", Discrete.point(1)), ("1/2", Uniform(0, 1))], "cannot mix Discrete, Uniform"),
        ([(1, [1, 2])], r"components\[0\] holds a list"),
        ([1], r"components\[0\] must be a \(weight, distribution\) pair"),
    ],
)
def test_mixture_errors(components: list, match: str) -> None:
    with pytest.raises(DistributionError, match=match):
        mixture(components)


def test_product_and_marginals() -> None:
    A, B = Discrete.uniform([1, 2]), Discrete([0, 1], ["1/3", "2/3"])
    J = product(A, B)
    assert list(J) == [(1, 0), (1, 1), (2, 0), (2, 1)]
    assert J[(F(2), F(1))] == F(1, 3)
    assert marginal(J, 0) == A and marginal(J, 1) == B
    with pytest.raises(DistributionError, match=r"dists\[1\] is a Uniform; expected Discrete"):
        product(A, Uniform(0, 1))  # type: ignore[arg-type]


@given(independent_priors(buyers=3, zero_masses=True))
def test_product_is_a_distribution_with_the_right_marginals(priors: list[Discrete]) -> None:
    """paper 001, §2: the product prior D_1 x ... x D_n has marginals D_i and sums to 1."""
    J = product(*priors)
    assert sum(J.values()) == 1
    for i, D in enumerate(priors):
        assert marginal(J, i).same_grid(D)


@given(correlated_priors(buyers=2, types=3))
def test_correlated_priors_are_valid_joint_distributions(J: dict) -> None:
    assert joint_distribution(J) == J
    assert all(len(p) == 2 for p in J)
    assert sum(marginal(J, 0).probs) == 1


def test_joint_distribution_validation() -> None:
    J = joint_distribution({(2, 1): "1/4", (1, 1): "3/4"})
    assert list(J) == [(1, 1), (2, 1)]
    assert joint_distribution({1: 1}) == {(F(1),): F(1)}
    with pytest.raises(DistributionError, match="probabilities sum to 1/2, expected 1"):
        joint_distribution({(1, 1): "1/2"})
    with pytest.raises(DistributionError, match=r"profile \(1, 1\) is -1/2; must be >= 0"):
        joint_distribution({(1, 1): "-1/2", (2, 2): "3/2"})
    with pytest.raises(DistributionError, match="appears more than once"):
        joint_distribution({(1, 1): "1/2", (1, "1"): "1/2"})
    with pytest.raises(DistributionError, match="no profiles"):
        joint_distribution({})
    with pytest.raises(DistributionError, match="out of range"):
        marginal(J, 5)
