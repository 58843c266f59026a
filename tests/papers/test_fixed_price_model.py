"""Instances and fixed-price revenues of paper 002 (§2.1, §3)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from exactmech.errors import DistributionError, FloatInputError, ModelError
from exactmech.papers.fixed_price_signaling import (
    ContinuousInstance,
    DiscreteInstance,
    example_instance,
    expost_revenue,
    expost_revenue_printed,
    interim_revenue,
    interim_revenue_printed,
    maximize_on_interval,
    optimal_expost_fixed_price,
    optimal_expost_fixed_price_printed,
    optimal_interim_fixed_price,
    optimal_interim_fixed_price_printed,
)

F = Fraction

q = sympy.Symbol("q")


def test_discrete_instance_quantities() -> None:
    inst = example_instance("I3")
    assert isinstance(inst, DiscreteInstance)
    assert inst.n == 2 and inst.K == 3
    assert inst.mean_values() == (F(4, 3), F(4, 3))
    assert inst.v_max() == (F(1), F(2), F(2))
    assert inst.expected_max() == F(5, 3)
    assert inst.inverse(0, 1) == 2 and inst.inverse(1, 1) == 1 and inst.inverse(0, 3) is None
    assert inst.prob_below(0, 2) == F(1, 3) and inst.prob_below(1, 2) == F(2, 3)
    assert inst.prob_below(0, 3) == 1
    assert inst.value_points() == (0, 1, 2)


def test_from_expressions_matches_table() -> None:
    inst = DiscreteInstance.from_expressions([1, 2, 3], ["1/3"] * 3, [q, q / 2], q)
    assert inst == example_instance("half")


@pytest.mark.parametrize(
    ("values", "probs", "err", "msg"),
    [
        ([[1, 2]], ["1/2", "2/5"], DistributionError, "probabilities sum to 9/10, expected 1"),
        ([[1, 2]], ["3/2", "-1/2"], DistributionError, "must be >= 0"),
        ([[2, 1]], ["1/2", "1/2"], ModelError, "v_1 decreases from 2"),
        ([[-1, 1]], ["1/2", "1/2"], ModelError, "is negative"),
        ([[1, 2, 3]], ["1/2", "1/2"], ModelError, "has 3 entries for 2 quality levels"),
        ([], ["1"], ModelError, "no buyers"),
    ],
)
def test_discrete_bad_input(values: list, probs: list, err: type, msg: str) -> None:
    with pytest.raises(err, match=msg.replace("(", r"\(")):
        DiscreteInstance(values, probs)


def test_float_rejected() -> None:
    with pytest.raises(FloatInputError):
        DiscreteInstance([[0.5, 1]], ["1/2", "1/2"])


def test_qualities_must_increase() -> None:
    with pytest.raises(ModelError, match="increase strictly"):
        DiscreteInstance([[1, 2]], ["1/2", "1/2"], qualities=[2, 1])


def test_price_outside_value_range() -> None:
    inst = example_instance("identical")
    with pytest.raises(ModelError, match="outside the value range"):
        expost_revenue(inst, -1)
    with pytest.raises(ModelError, match="outside the value range"):
        interim_revenue(inst, F(7, 2))


def test_continuous_instance_quantities() -> None:
    inst = example_instance("continuous")
    assert isinstance(inst, ContinuousInstance)
    assert inst.mean_values() == (F(21, 20), F(3, 2))
    assert inst.crossings() == (sympy.Rational(10, 29),)
    assert inst.expected_max() == F(97, 58)
    assert inst.inverse(1, sympy.Rational(3, 2)) == F(1, 2)
    assert inst.inverse(0, 2) is None
    assert inst.prob_below(0, sympy.Rational(21, 20)) == F(1, 2)


def test_continuous_floats_rejected() -> None:
    with pytest.raises(FloatInputError):
        ContinuousInstance([0.5 * q])
    with pytest.raises(FloatInputError):
        expost_revenue(example_instance("continuous"), 0.5)


def test_continuous_bad_input() -> None:
    with pytest.raises(ModelError, match="not non-decreasing"):
        ContinuousInstance([1 - q])
    with pytest.raises(DistributionError, match="integrates to 2"):
        ContinuousInstance([q], density=2)
    with pytest.raises(ModelError, match="negative"):
        ContinuousInstance([q - 1])


def test_expost_revenue_model_vs_printed_discrete() -> None:
    inst = example_instance("identical")
    assert [expost_revenue(inst, p) for p in (1, 2, 3)] == [1, F(4, 3), 1]
    assert [expost_revenue_printed(inst, p) for p in (1, 2, 3)] == [1, F(16, 9), F(5, 3)]


def test_one_buyer_printed_equals_model() -> None:
    """With n = 1 the product has one factor: Proposition 3.1 is then right (paper 002, §3.1)."""
    inst = DiscreteInstance([[1, 4, 6]], ["1/2", "1/4", "1/4"])
    for p in inst.value_points():
        assert expost_revenue(inst, p) == expost_revenue_printed(inst, p)
    assert optimal_expost_fixed_price(inst) == optimal_expost_fixed_price_printed(inst)


def test_interim_revenue_model_and_printed() -> None:
    inst = example_instance("I1")
    for p in (0, 1, 5, F(11, 2), 10):
        assert interim_revenue(inst, p) == interim_revenue_printed(inst, p)
    assert interim_revenue(inst, 5) == 5 and interim_revenue(inst, F(51, 10)) == 0
    assert (
        optimal_interim_fixed_price(inst).price
        == optimal_interim_fixed_price_printed(inst).price
        == 5
    )


def test_continuous_fixed_price_optima() -> None:
    inst = example_instance("continuous-identical")
    assert optimal_expost_fixed_price(inst).revenue == F(1, 4)
    printed = optimal_expost_fixed_price_printed(inst)
    assert sympy.simplify(printed.price - 1 / sympy.sqrt(3)) == 0
    assert sympy.simplify(printed.revenue - 2 * sympy.sqrt(3) / 9) == 0
    c = example_instance("continuous")
    assert expost_revenue(c, sympy.Rational(21, 20)) == F(273, 400)
    assert expost_revenue_printed(c, sympy.Rational(21, 20)) == F(693, 800)
    assert interim_revenue(c, sympy.Rational(3, 2)) == F(3, 2)
    assert interim_revenue(c, 2) == 0


def test_maximize_on_interval_endpoint_and_constant() -> None:
    p = sympy.Symbol("p", nonnegative=True)
    assert maximize_on_interval(p, 0, 3, p) == (3, 3)
    assert maximize_on_interval(sympy.Integer(2), 0, 1, p) == (0, 2)


def test_discrete_only_functions_name_the_continuous_instance() -> None:
    """table1 and the two optima need a finite prior; a continuous instance gets a clear
    ModelError naming the function (not a bare AttributeError)."""
    import pytest

    from exactmech.errors import ModelError
    from exactmech.papers.fixed_price_signaling import (
        example_instance,
        optimal_expost_mechanism,
        optimal_interim_mechanism,
        table1,
    )

    inst = example_instance("continuous")
    for f in (table1, optimal_interim_mechanism, optimal_expost_mechanism):
        with pytest.raises(ModelError, match=rf"{f.__name__}\(\): needs a DiscreteInstance"):
            f(inst)  # type: ignore[arg-type]
