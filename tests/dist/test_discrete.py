"""Tests of :mod:`exactmech.dist.discrete`: construction, validation, probabilities, posteriors."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactmech.dist import Discrete, mixture
from exactmech.errors import DistributionError, FloatInputError, InvalidNumberError
from exactmech.strategies import discrete_distributions

F = Fraction


# -- construction and validation --------------------------------------------------------


def test_values_sorted_and_exact() -> None:
    D = Discrete([3, "1/2", 2], ["0.25", "1/4", F(1, 2)])
    assert D.values == (F(1, 2), F(2), F(3))
    assert D.probs == (F(1, 4), F(1, 2), F(1, 4))
    assert all(type(x) is Fraction for x in D.values + D.probs)


def test_mapping_constructor_matches_sequences() -> None:
    assert Discrete({1: "1/3", 2: "2/3"}).same_grid(Discrete([1, 2], ["1/3", "2/3"]))


def test_sympy_rationals_accepted() -> None:
    import sympy

    D = Discrete([sympy.Integer(1), sympy.Rational(3, 2)], [sympy.Rational(1, 2)] * 2)
    assert D.values == (F(1), F(3, 2))


@pytest.mark.parametrize(
    ("values", "probs", "match"),
    [
        ([1, 2], ["1/2"], r"^Discrete\(\): values has 2 entries but probs has 1$"),
        ([], [], r"^Discrete\(\): no values"),
        ([1, 2], ["-1/2", "3/2"], r"^Discrete\(\): probability of value 1 is -1/2 \(probs\[0\]\)"),
        ([1, 2], ["1/2", "2/5"], r"^Discrete\(\): probabilities sum to 9/10, expected 1$"),
        (
            [1, 2, 1],
            ["1/3"] * 3,
            r"^Discrete\(\): value 1 appears more than once \(values\[0\] and values\[2\]\)",
        ),
    ],
)
def test_invalid_distributions_raise_named_errors(values: list, probs: list, match: str) -> None:
    with pytest.raises(DistributionError, match=match):
        Discrete(values, probs)


def test_floats_rejected_with_the_argument_named() -> None:
    with pytest.raises(FloatInputError, match=r"Discrete\(\): probs\[1\]=0.5 is a float"):
        Discrete([1, 2], ["1/2", 0.5])
    with pytest.raises(FloatInputError, match=r"values\[0\]=1.5"):
        Discrete([1.5], [1])


def test_bad_number_and_missing_probs() -> None:
    with pytest.raises(InvalidNumberError, match="not a rational number"):
        Discrete(["one"], [1])
    with pytest.raises(DistributionError, match="probs is missing"):
        Discrete([1, 2])
    with pytest.raises(DistributionError, match="not both"):
        Discrete({1: 1}, [1])


def test_duplicates_merged_only_on_request() -> None:
    D = Discrete([2, 1, 2], ["1/4", "1/4", "1/2"], merge_duplicates=True)
    assert D.as_dict() == {F(1): F(1, 4), F(2): F(3, 4)}


def test_zero_masses_kept_on_grid_but_not_in_support() -> None:
    D = Discrete([1, 2, 3], [0, "1/3", "2/3"])
    assert D.values == (1, 2, 3)
    assert D.support == (2, 3)
    assert D.trim().values == (2, 3)
    assert repr(D) == "Discrete({1: 0, 2: 1/3, 3: 2/3})"


def test_equality_is_equality_of_laws() -> None:
    a = Discrete([1, 2, 3], [0, "1/3", "2/3"])
    b = Discrete([2, 3], ["1/3", "2/3"])
    assert a == b and hash(a) == hash(b)
    assert not a.same_grid(b)
    assert a != Discrete([2, 3], ["2/3", "1/3"])
    assert a != "Discrete"


def test_alternative_constructors() -> None:
    assert Discrete.from_weights([1, 2, 3], [2, 2, 4]) == Discrete([1, 2, 3], ["1/4", "1/4", "1/2"])
    assert Discrete.uniform([1, 2, 3]) == Discrete([1, 2, 3], ["1/3"] * 3)
    assert Discrete.point(5).probs == (1,)
    with pytest.raises(DistributionError, match=r"from_weights\(\): weight of value 1 is -1"):
        Discrete.from_weights([1, 2], [-1, 2])
    with pytest.raises(DistributionError, match="appears more than once"):
        Discrete.uniform([1, 1])


def test_repr_and_latex() -> None:
    D = Discrete.uniform([1, 2, 3])
    assert repr(D) == "Discrete({1: 1/3, 2: 1/3, 3: 1/3})"
    tex = D._repr_latex_()
    assert tex.startswith("$") and r"\frac{1}{3}" in tex and "Pr[V=v]" in tex


# -- probabilities ----------------------------------------------------------------------


def test_cdf_survival_pmf_use_the_paper_conventions() -> None:
    """paper 001, §2: S(x) = Pr[V >= x] and F(x) = Pr[V <= x], so S(x) + F(x) = 1 + f(x)."""
    D = Discrete([1, 2, 3], ["1/2", "1/6", "1/3"])
    assert D.survival(2) == F(1, 2)
    assert D.cdf(2) == F(2, 3)
    assert D.pmf(2) == F(1, 6) and D.pmf("5/2") == 0
    assert D.survival(0) == 1 and D.survival(4) == 0
    assert D.cdf(0) == 0 and D.cdf(3) == 1


@given(discrete_distributions(zero_masses=True, max_denominator=2))
def test_survival_plus_cdf_is_one_plus_mass(D: Discrete) -> None:
    """paper 001, §2: S_D(x) + F_D(x) = 1 + f_D(x) at every grid value (both include x)."""
    for v in D.values:
        assert D.survival(v) + D.cdf(v) == 1 + D.pmf(v)


def test_expectation_mean_variance() -> None:
    D = Discrete.uniform([1, 2, 3])
    assert D.mean() == 2
    assert D.expect(lambda v: v * v) == F(14, 3)
    assert D.variance() == F(2, 3)
    assert D.expect(lambda v: "1/2") == F(1, 2)


def test_expect_skips_zero_atoms_and_rejects_floats() -> None:
    D = Discrete([0, 1], [0, 1])
    assert D.expect(lambda v: 1 / v) == 1  # 1/0 is never evaluated
    with pytest.raises(FloatInputError, match=r"expect\(\): f\(1\)=1.0"):
        D.expect(lambda v: float(v))


def test_probability_of_events() -> None:
    D = Discrete.uniform([1, 2, 3, 4])
    assert D.probability({1, 4}) == F(1, 2)
    assert D.probability(lambda v: v % 2 == 0) == F(1, 2)
    assert D.probability([]) == 0


# -- posteriors ---------------------------------------------------------------------------


def test_condition_keeps_the_grid() -> None:
    D = Discrete.uniform([1, 2, 3])
    post = D.condition({2, 3})
    assert post.same_grid(Discrete([1, 2, 3], [0, "1/2", "1/2"]))


def test_condition_interval_inclusive_options() -> None:
    """paper 001, §4: D_{|>a} is conditioning on V > a (strict)."""
    D = Discrete.uniform([1, 2, 3, 4])
    assert D.condition_interval(2, None, inclusive="neither").support == (3, 4)
    assert D.condition_interval(2, 3).support == (2, 3)
    assert D.condition_interval(2, 3, inclusive="left").support == (2,)
    assert D.condition_interval(2, 3, inclusive="right").support == (3,)
    assert D.condition_interval(None, 1).support == (1,)
    with pytest.raises(DistributionError, match="low=3 > high=2"):
        D.condition_interval(3, 2)
    with pytest.raises(DistributionError, match="probability 0"):
        D.condition_interval(5, None)


def test_condition_on_null_event_raises() -> None:
    with pytest.raises(
        DistributionError, match=r"^Discrete\.condition\(\): the event has probability 0"
    ):
        Discrete([1, 2], [1, 0]).condition([2])


@given(discrete_distributions(max_size=5, zero_masses=True), st.data())
def test_conditioning_then_averaging_gives_back_the_prior(D: Discrete, data: st.DataObject) -> None:
    """Law of total probability (Bayes plausibility, paper 001, §2.2): for a partition {A, B},
    Pr[A] D_{|A} + Pr[B] D_{|B} = D, exactly and on the same grid."""
    cut = data.draw(st.sampled_from(D.values))
    A = [v for v in D.values if v <= cut]
    B = [v for v in D.values if v > cut]
    pa, pb = D.probability(A), D.probability(B)
    parts = [(p, D.condition(E)) for p, E in ((pa, A), (pb, B)) if p]
    back = mixture(parts)
    assert back.same_grid(D)


@given(discrete_distributions(max_size=5), st.data())
def test_mixture_of_conditionals_on_any_partition_is_the_original(
    D: Discrete, data: st.DataObject
) -> None:
    """Law of total probability over an arbitrary partition of the grid into k cells."""
    labels = data.draw(st.lists(st.integers(0, 2), min_size=len(D.values), max_size=len(D.values)))
    cells = [[v for v, c in zip(D.values, labels) if c == k] for k in range(3)]
    parts = [(D.probability(E), D.condition(E)) for E in cells if D.probability(E)]
    assert mixture(parts).same_grid(D)


def test_trim_on_grid_shift() -> None:
    D = Discrete([1, 2, 3], [0, "1/3", "2/3"])
    assert D.trim().on_grid([1, 2, 3, 4]).same_grid(Discrete([1, 2, 3, 4], [0, "1/3", "2/3", 0]))
    assert D.shift(-1).values == (0, 1, 2)
    with pytest.raises(DistributionError, match="support value 3 is not on the grid"):
        D.on_grid([1, 2])
    assert D.on_grid([2, 3]).values == (2, 3)  # dropping a zero atom is allowed
