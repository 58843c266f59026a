"""Tests of :mod:`exactmech.dist.ironing`: exact ironing, discrete and piecewise uniform.

Independent checks: the discrete ironed values are compared with the pool-adjacent-violators
solution of the weighted isotonic regression of eq. (1) (a different algorithm for the same
object); the piecewise-uniform intervals are certified by a supporting line of the revenue
curve checked point by point with sympy.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any

import pytest
import sympy
from hypothesis import given, settings

from exactmech.dist import (
    Discrete,
    IroningInterval,
    PiecewiseUniform,
    Uniform,
    ironed_virtual_value,
    ironed_virtual_values,
    ironing_intervals,
    is_regular,
    monopoly_price,
    monopoly_revenue,
    quantile_revenue_curve,
    virtual_value,
    virtual_values,
)
from exactmech.dist._surd import Surd, quadratic_roots
from exactmech.errors import DistributionError
from exactmech.strategies import discrete_distributions, piecewise_uniform_distributions

F = Fraction
IRREGULAR = Discrete([1, 2, 3], ["1/2", "1/10", "2/5"])


def pav(values: list[Fraction], weights: list[Fraction]) -> list[Fraction]:
    """Weighted isotonic (non-decreasing) regression by pool-adjacent-violators."""
    blocks: list[list[Fraction]] = []  # [weighted sum, weight, count]
    for v, w in zip(values, weights):
        blocks.append([v * w, w, F(1)])
        while len(blocks) >= 2 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, w2, c = blocks.pop()
            blocks[-1] = [blocks[-1][0] + s, blocks[-1][1] + w2, blocks[-1][2] + c]
    out: list[Fraction] = []
    for s, w, c in blocks:
        out.extend([s / w] * int(c))
    return out


# -- discrete -------------------------------------------------------------------------------


def test_irregular_example_by_hand() -> None:
    """eq. (1) gives φ = (0, -2, 3); ironing pools {1, 2}: (1/2·0 + 1/10·(-2))/(6/10) = -1/3."""
    assert virtual_values(IRREGULAR) == {1: 0, 2: -2, 3: 3}
    assert ironed_virtual_values(IRREGULAR) == {1: F(-1, 3), 2: F(-1, 3), 3: 3}
    assert ironing_intervals(IRREGULAR) == (IroningInterval(F(1), F(2), F(-1, 3)),)
    assert ironed_virtual_value(IRREGULAR, 2) == F(-1, 3)


@given(discrete_distributions(max_size=6, zero_masses=True, max_denominator=2))
def test_ironed_values_equal_pool_adjacent_violators(D: Discrete) -> None:
    """Slopes of the concave hull of the cumulative (quantile, revenue) diagram = weighted
    isotonic regression of eq. (1) with weights f (Myerson 1981, §6; paper 001, footnote 1)."""
    phis = virtual_values(D)
    zs = list(phis)
    assert list(ironed_virtual_values(D).values()) == pav(
        [phis[z] for z in zs], [D.pmf(z) for z in zs]
    )


@given(discrete_distributions(max_size=6, zero_masses=True))
def test_ironed_virtual_values_are_monotone(D: Discrete) -> None:
    """paper 001, §2.1, footnote 1: the ironed virtual value function is non-decreasing."""
    ironed = list(ironed_virtual_values(D).values())
    assert all(a <= b for a, b in itertools.pairwise(ironed))


@given(discrete_distributions(max_size=6, regular=True, zero_masses=True))
def test_ironing_leaves_regular_distributions_unchanged(D: Discrete) -> None:
    """For regular D (paper 001, §2.1) ironing changes nothing: φ̄ = φ of eq. (1)."""
    assert ironed_virtual_values(D) == virtual_values(D)
    assert ironing_intervals(D) == ()


@given(discrete_distributions(max_size=6, regular=False))
def test_irregular_distributions_have_an_ironing_interval(D: Discrete) -> None:
    assert not is_regular(D)
    assert ironing_intervals(D) != ()
    assert ironed_virtual_values(D) != virtual_values(D)


@given(discrete_distributions(max_size=6, zero_masses=True))
def test_ironed_levels_are_mass_weighted_averages_of_eq1(D: Discrete) -> None:
    """On each ironing interval I, φ̄ = Σ_I f φ / Σ_I f (module docstring of ironing); outside,
    φ̄ = φ; the hull lies on or above the revenue curve."""
    phis, ironed = virtual_values(D), ironed_virtual_values(D)
    inside: set[Fraction] = set()
    for low, high, level in ironing_intervals(D):
        block = [z for z in D.support if low <= z <= high]
        inside |= set(block)
        mass = sum(D.pmf(z) for z in block)
        assert level == sum(D.pmf(z) * phis[z] for z in block) / mass
        assert all(ironed[z] == level for z in block)
    assert all(ironed[z] == phis[z] for z in D.support if z not in inside)
    # the ironed revenue curve H(q) = Σ_{v >= z} f φ̄ dominates R and both end at (1, z_1)
    for z in D.support:
        H = sum(D.pmf(v) * ironed[v] for v in D.support if v >= z)
        assert z * D.survival(z) <= H
    assert sum(D.pmf(v) * ironed[v] for v in D.support) == quantile_revenue_curve(D)[-1][1]


@given(discrete_distributions(max_size=6, zero_masses=True))
def test_expected_ironed_virtual_surplus_is_monopoly_revenue(D: Discrete) -> None:
    """Myerson (paper 001, §2.1 and footnote 1), one buyer: E[φ̄(V) x(V)] = R(D) both for the
    posted-price allocation x = 1{V >= r_D} and for Myerson's x = 1{φ̄(V) >= 0}."""
    ironed = ironed_virtual_values(D)
    r, R = monopoly_price(D), monopoly_revenue(D)
    assert D.expect(lambda v: ironed[v] if v >= r else 0) == R
    assert D.expect(lambda v: max(ironed[v], 0)) == R


def test_discrete_errors() -> None:
    with pytest.raises(DistributionError, match=r"v=4 is not in the support \{1, 2, 3\}"):
        ironed_virtual_value(IRREGULAR, 4)
    with pytest.raises(DistributionError, match=r"^ironed_virtual_values\(\): expected a Discrete"):
        ironed_virtual_values(Uniform(0, 1))  # type: ignore[arg-type]


# -- quadratic-field arithmetic ------------------------------------------------------------


def test_surd_arithmetic_and_signs() -> None:
    lo, hi = quadratic_roots(F(3), F(-6), F(2))  # 1 ± sqrt(3)/3
    assert sympy.simplify(lo.exact() - (1 - sympy.sqrt(3) / 3)) == 0
    assert lo < hi and lo * hi == F(2, 3) and lo + hi == 2
    assert (hi / lo).exact() == sympy.simplify(hi.exact() / lo.exact())
    assert Surd(0, 1, 12) == Surd(0, 2, 3)  # sqrt(12) = 2 sqrt(3)
    assert Surd(1, 1, 2) > Surd(0, 1, 5)  # 1 + sqrt(2) > sqrt(5)
    assert Surd(F(3, 2)) > Surd(0, 1, 2) and Surd(F(3, 2)) < Surd(0, 1, 3)
    assert quadratic_roots(F(0), F(0), F(0)) is None
    assert quadratic_roots(F(1), F(0), F(1)) == []
    assert [r.exact() for r in quadratic_roots(F(1), F(-3), F(2)) or []] == [1, 2]
    with pytest.raises(ZeroDivisionError):
        Surd(1) / Surd(0)


# -- piecewise uniform -----------------------------------------------------------------------


def _cdf(D: PiecewiseUniform, x: Any) -> Any:
    """F(x) for a sympy number x (the library's cdf takes rationals only)."""
    total = sympy.Integer(0)
    for lo, hi, m in D.pieces():
        lo_, hi_, m_ = (sympy.Rational(t.numerator, t.denominator) for t in (lo, hi, m))
        if bool(x >= hi_):
            total += m_
        elif bool(x > lo_):
            total += m_ * (x - lo_) / (hi_ - lo_)
    return total


def _rev_minus_line(D: PiecewiseUniform, x: Any, s: Any) -> Any:
    q = 1 - _cdf(D, x)
    return x * q - s * q  # R(q) - s q at the quantile of value x


def _sample(D: PiecewiseUniform, n: int = 24) -> list[Fraction]:
    pts = {D.lower + F(k, n) * (D.upper - D.lower) for k in range(n + 1)} | set(D.breakpoints)
    return sorted(p for p in pts if D.lower <= p <= D.upper and D.pdf(p) > 0)


def test_piecewise_example_is_irrational() -> None:
    """Density 3/4 on [0, 1], 1/4 on [1, 2]: the bitangent of the two revenue parabolas has
    slope s with 3s^2 - 6s + 2 = 0, s = 1 - sqrt(3)/3 (worked by hand: tangent points
    q1 = (2 - s)/8, q2 = (4 - 3s)/8)."""
    D = PiecewiseUniform([0, 1, 2], ["3/4", "1/4"])
    ((low, high, level),) = ironing_intervals(D)
    s = 1 - sympy.sqrt(3) / 3
    assert sympy.simplify(level - s) == 0
    assert sympy.simplify(low - (F(2, 3) + s / 2)) == 0  # value at q2 on the lower piece
    assert sympy.simplify(high - (1 + s / 2)) == 0  # value at q1 on the upper piece
    assert sympy.simplify(ironed_virtual_value(D, 1) - s) == 0
    # outside the interval the virtual value is the plain one
    assert ironed_virtual_value(D, "1/2") == virtual_value(D, "1/2")
    assert ironed_virtual_value(D, "3/2") == virtual_value(D, "3/2")


def test_gap_is_ironed_rationally() -> None:
    """U[0, 1] and U[2, 3] with weight 1/2 each. In quantile space the upper piece is
    R = 3q - 2q^2 on [0, 1/2] (ending at (1/2, 1): price 2) and the lower piece R = 2q - 2q^2 on
    [1/2, 1] starts at (1/2, 1/2): a jump down. The chord from (1/2, 1) to (1, 0) has slope -2 and
    lies above the lower piece (gap 2(q - 1)^2), while the upper piece's slope at q = 1/2 is
    1 >= -2: so values [0, 2] are ironed at level -2 (by hand)."""
    D = PiecewiseUniform([0, 1, 2, 3], ["1/2", 0, "1/2"])
    assert ironing_intervals(D) == (IroningInterval(F(0), F(2), F(-2)),)
    assert ironed_virtual_value(D, "1/2") == -2
    assert ironed_virtual_value(D, "5/2") == virtual_value(D, "5/2") == 2
    with pytest.raises(DistributionError, match=r"density is 0 at v=3/2"):
        ironed_virtual_value(D, "3/2")


@settings(max_examples=25)
@given(piecewise_uniform_distributions(max_pieces=3, regular=True))
def test_regular_piecewise_uniform_is_not_ironed(D: PiecewiseUniform) -> None:
    """Regular (non-decreasing density, paper 001, §2.1): no ironing interval, φ̄ = φ."""
    assert ironing_intervals(D) == ()
    for x in _sample(D, 6):
        assert ironed_virtual_value(D, x) == virtual_value(D, x)


@settings(max_examples=25)
@given(piecewise_uniform_distributions(max_pieces=3, gaps=True))
def test_piecewise_ironing_is_certified_by_supporting_lines(D: PiecewiseUniform) -> None:
    """Each interval [low, high] with level s is a hull segment: R(q) - s q takes its maximum
    over all quantiles at both ends (checked against every sample value), and φ̄ is
    non-decreasing. Regular iff no interval (Myerson 1981, §6)."""
    intervals = ironing_intervals(D)
    assert (intervals == ()) == is_regular(D)
    for low, high, s in intervals:
        top = _rev_minus_line(D, low, s)
        assert sympy.simplify(top - _rev_minus_line(D, high, s)) == 0
        for x in _sample(D):
            assert bool(_rev_minus_line(D, sympy.Rational(x.numerator, x.denominator), s) <= top)
    values = [ironed_virtual_value(D, x) for x in _sample(D, 12)]
    assert all(bool(sympy.sympify(a) <= sympy.sympify(b)) for a, b in itertools.pairwise(values))


@settings(max_examples=25)
@given(piecewise_uniform_distributions(max_pieces=3, gaps=True))
def test_piecewise_expected_positive_ironed_surplus_is_monopoly_revenue(
    D: PiecewiseUniform,
) -> None:
    """Myerson, one buyer: ∫ max(φ̄(v), 0) f(v) dv = R(D) (the hull's maximum is the revenue
    curve's maximum), integrated exactly piece by piece with sympy."""
    intervals = [tuple(map(sympy.sympify, iv)) for iv in ironing_intervals(D)]
    cuts = sorted(
        {sympy.Rational(b.numerator, b.denominator) for b in D.breakpoints}
        | {e for iv in intervals for e in iv[:2]},
        key=lambda e: float(e),
    )
    total = sympy.Integer(0)
    v = sympy.Symbol("v")
    for x, y in itertools.pairwise(cuts):
        mid = (x + y) / 2
        c = _density(D, mid)
        if c == 0:
            continue
        level = next((s for lo, hi, s in intervals if bool(lo <= mid <= hi)), None)
        if level is not None:
            total += c * (y - x) * sympy.Max(level, 0)
            continue
        S_y = 1 - _cdf(D, y)
        zero = (y + S_y / c) / 2  # φ(v) = 2v - y - S(y)/c on this stretch
        lower = sympy.Max(x, zero)
        if bool(lower < y):
            total += sympy.integrate(c * (2 * v - y - S_y / c), (v, lower, y))
    R = monopoly_revenue(D)
    assert sympy.simplify(total - sympy.Rational(R.numerator, R.denominator)) == 0


def _density(D: PiecewiseUniform, x: Any) -> Any:
    for lo, hi, m in D.pieces():
        if bool(lo < x < hi):
            return sympy.Rational(m.numerator, m.denominator) / sympy.Rational(
                (hi - lo).numerator, (hi - lo).denominator
            )
    return 0


def test_piecewise_errors() -> None:
    with pytest.raises(DistributionError, match=r"^ironing_intervals\(\): expected a Discrete or"):
        ironing_intervals("U[0,1]")  # type: ignore[arg-type]
