"""Tests of :mod:`exactmech.calculus.halfspace`: exact closed half-spaces ``a·x <= c``."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactmech.calculus import HalfPlane, HalfSpace, Polynomial
from exactmech.errors import FloatInputError, ShapeError
from tests.calculus.strategies import rationals


@given(
    st.lists(rationals(), min_size=3, max_size=3),
    rationals(),
    st.integers(1, 7),
    st.lists(rationals(), min_size=3, max_size=3),
)
def test_normalized_is_the_same_set(
    normal: list[Fraction], bound: Fraction, scale: int, point: list[Fraction]
) -> None:
    """Scaling a·x <= c by a positive number, or normalising it, keeps the same set: same
    membership of every point, equal and equally hashed objects."""
    h = HalfSpace(normal, bound)
    g = HalfSpace([a * scale / 3 for a in normal], bound * scale / 3)
    n = h.normalized()
    assert h.contains(point) == g.contains(point) == n.contains(point)
    assert h == g == n and hash(h) == hash(g)
    if any(normal):
        assert all(a.denominator == 1 for a in n.normal)
        assert h.flipped().contains(point) or h.contains(point)


def test_halfspace_normalisation_and_equality() -> None:
    assert HalfSpace(["1/2", "3/2"], 1) == HalfPlane(1, 3, 2)
    assert hash(HalfSpace(["1/2", "3/2"], 1)) == hash(HalfPlane(2, 6, 4))
    assert HalfPlane(1, 1, 1) != HalfPlane(1, 1, 2)
    assert HalfPlane(1, 1, 1).flipped() == HalfPlane(-1, -1, -1)
    assert str(HalfSpace([1, -2, 0], 3)) == "x0 - 2*x1 <= 3"
    assert HalfPlane("1/2", "-1/3", "1/4").integer_row() == (6, -4, 3)


def test_from_polynomial_and_format() -> None:
    h = HalfSpace.from_polynomial(Polynomial.linear([1, "-1/2"], 3))  # x - y/2 + 3 <= 0
    assert h == HalfPlane(2, -1, -6)
    assert h.format("st") == "s - 1/2*t <= -3"
    assert HalfSpace([0, 0], 1).format("xy") == "0 <= 1"


def test_errors() -> None:
    with pytest.raises(FloatInputError, match=r"HalfPlane\(\): bound=0.25"):
        HalfPlane(1, 0, 0.25)
    with pytest.raises(ShapeError):
        HalfSpace([1, 0], 1).contains([1, 2, 3])
