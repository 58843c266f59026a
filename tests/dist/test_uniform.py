"""Tests of :mod:`exactmech.dist.uniform`: U[a, b] and piecewise-uniform distributions."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactmech.dist import PiecewiseUniform, Uniform, mixture
from exactmech.errors import DistributionError, FloatInputError
from exactmech.strategies import piecewise_uniform_distributions, uniform_intervals

F = Fraction


def test_uniform_basics() -> None:
    """paper 000, Lemma 4.1 proof: F(v) = (v - a)/(b - a), f(v) = 1/(b - a) on U[a, b]."""
    U = Uniform("1/2", 2)
    assert U.cdf(1) == F(1, 3)
    assert U.survival(1) == F(2, 3)
    assert U.pdf(1) == F(2, 3) and U.pdf(2) == F(2, 3) and U.pdf(3) == 0 and U.pdf(0) == 0
    assert U.mean() == F(5, 4)
    assert U.variance() == F(3, 2) ** 2 / 12
    assert (U.a, U.b) == (F(1, 2), 2)
    assert repr(U) == "Uniform(1/2, 2)"
    assert U._repr_latex_() == r"$U[\frac{1}{2}, 2]$"


@pytest.mark.parametrize(("a", "b"), [(1, 1), (2, 1)])
def test_uniform_needs_a_below_b(a: int, b: int) -> None:
    with pytest.raises(DistributionError, match=rf"^Uniform\(\): a={a} must be < b={b}$"):
        Uniform(a, b)


def test_uniform_rejects_floats() -> None:
    with pytest.raises(FloatInputError, match=r"Uniform\(\): b=1.0 is a float"):
        Uniform(0, 1.0)


@given(uniform_intervals(max_denominator=3), st.data())
def test_uniform_conditioning_is_uniform(U: Uniform, data: st.DataObject) -> None:
    """paper 000, §4: U[a, b] given V in [c, d] is U[max(a, c), min(b, d)] (a Uniform again)."""
    c = data.draw(st.fractions(U.a - 1, U.b, max_denominator=4).filter(lambda c: c < U.b))
    d = max(c, U.a) + data.draw(st.integers(1, 8).map(lambda k: F(k, 4)))
    post = U.condition(c, d)
    assert type(post) is Uniform
    assert (post.a, post.b) == (max(U.a, c), min(U.b, d))
    for x in (post.a, (post.a + post.b) / 2, post.b):
        assert post.cdf(x) == U.probability(post.a, x) / U.probability(c, d)


@given(uniform_intervals(max_denominator=2), st.data())
def test_uniform_split_and_mix_back(U: Uniform, data: st.DataObject) -> None:
    """Law of total probability: mixing U[a, t] and U[t, b] with weights (t-a)/(b-a) gives U[a, b]."""
    t = data.draw(st.fractions(U.a, U.b, max_denominator=5).filter(lambda t: U.a < t < U.b))
    w = U.cdf(t)
    assert mixture([(w, U.condition(None, t)), (1 - w, U.condition(t, None))]) == U


def test_piecewise_uniform_validation() -> None:
    with pytest.raises(DistributionError, match=r"masses sum to 5/6, expected 1"):
        PiecewiseUniform([0, 1, 2], ["1/2", "1/3"])
    with pytest.raises(DistributionError, match=r"breakpoints\[1\]=0 <= breakpoints\[0\]=0"):
        PiecewiseUniform([0, 0, 1], ["1/2", "1/2"])
    with pytest.raises(DistributionError, match="3 breakpoints need 2 masses, got 1"):
        PiecewiseUniform([0, 1, 2], [1])
    with pytest.raises(DistributionError, match=r"masses\[0\]=-1 on \[0, 1\] is negative"):
        PiecewiseUniform([0, 1, 2], [-1, 2])
    with pytest.raises(DistributionError, match="need at least 2 breakpoints"):
        PiecewiseUniform([0], [])


def test_piecewise_uniform_probabilities() -> None:
    D = PiecewiseUniform([0, 1, 3], ["1/2", "1/2"])
    assert D.densities == (F(1, 2), F(1, 4))
    assert D.cdf(2) == F(3, 4) and D.survival(2) == F(1, 4)
    assert D.pdf(1) == F(1, 4)  # right-continuous
    assert D.mean() == F(1, 2) * F(1, 2) + F(1, 2) * 2
    assert D.probability(None, 1) == F(1, 2)
    assert D.expected_excess(1) == F(1, 2) * 1  # E[(V-1)^+] = 1/2 * E[V-1 | V in [1,3]]
    assert repr(D) == "PiecewiseUniform([0, 1, 3], [1/2, 1/2])"
    assert "U[1, 3]" in D._repr_latex_()


def test_gaps_and_canonical_form() -> None:
    D = PiecewiseUniform([0, 1, 2, 3], ["1/2", 0, "1/2"])
    assert D.has_gap() and D.lower == 0 and D.upper == 3
    assert D.cdf("3/2") == F(1, 2)
    assert PiecewiseUniform([0, 1, 2], ["1/2", "1/2"]) == Uniform(0, 2)
    assert PiecewiseUniform([-1, 0, 2], [0, 1]) == Uniform(0, 2)
    assert hash(PiecewiseUniform([0, 1, 2], ["1/2", "1/2"])) == hash(Uniform(0, 2))
    assert not PiecewiseUniform([0, 1, 2], [0, 1]).has_gap()


@given(piecewise_uniform_distributions(gaps=True), st.data())
def test_piecewise_uniform_conditioning(D: PiecewiseUniform, data: st.DataObject) -> None:
    """Bayes' rule on an interval: Pr[V <= x | V in [c, d]] = Pr[c <= V <= x] / Pr[c <= V <= d];
    the posterior is again piecewise uniform."""
    c = data.draw(st.integers(D.lower, D.upper - 1))
    d = data.draw(st.integers(c + 1, D.upper))
    if D.probability(c, d) == 0:
        with pytest.raises(DistributionError, match="has probability 0"):
            D.condition(c, d)
        return
    post = D.condition(c, d)
    assert isinstance(post, PiecewiseUniform)
    for x in set(D.breakpoints) | {F(c), F(d), (F(c) + d) / 2}:
        if c <= x <= d:
            assert post.cdf(x) == D.probability(c, x) / D.probability(c, d)


@given(piecewise_uniform_distributions(gaps=True), st.data())
def test_piecewise_conditionals_mix_back(D: PiecewiseUniform, data: st.DataObject) -> None:
    """Law of total probability for a split at t: Pr[V<=t] D_{|<=t} + Pr[V>=t] D_{|>=t} = D."""
    t = data.draw(st.fractions(D.lower, D.upper, max_denominator=3))
    w = D.cdf(t)
    parts = [(w, D.condition(None, t))] if w else []
    if w != 1:
        parts.append((1 - w, D.condition(t, None)))
    assert mixture(parts) == D


def test_uniform_conditioning_errors() -> None:
    with pytest.raises(
        DistributionError, match=r"^Uniform\.condition\(\): \[2, 3\] has probability 0"
    ):
        Uniform(0, 1).condition(2, 3)
    with pytest.raises(DistributionError, match="low=1 > high=0"):
        Uniform(0, 1).condition(1, 0)
