"""Paper 004, Proposition 6.1: free information and lower convex envelopes (free_info.py)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactmech.errors import InvalidProblemError
from exactmech.papers.information_games import TradeParams, p_star_b_hi, p_star_s_lo, w_fp
from exactmech.papers.information_games.free_info import (
    delta_bound,
    envelope_value,
    epsilon_interval,
    free_information_guarantee,
    lower_convex_envelope,
    seller_welfare_pieces,
)
from exactmech.papers.information_games.symbolic import at, printed
from exactmech.strategies import trade_parameters

F = Fraction


@st.composite
def region_i_interior(draw: st.DrawFn) -> TradeParams:
    """θ with p_b̄ < p*_b̄ and p_s̲ < p*_s̲ (the hypothesis of Proposition 6.1)."""
    th = draw(trade_parameters())
    u, v = (F(draw(st.integers(1, 9)), 10) for _ in range(2))
    return th.with_probabilities(p_star_b_hi(th) * u, p_star_s_lo(th) * v)


@given(
    st.lists(st.tuples(st.integers(-5, 5), st.integers(-9, 9)), min_size=1, max_size=8), st.data()
)
def test_lower_convex_envelope(points: list[tuple[int, int]], data: st.DataObject) -> None:
    """The envelope is convex, lies below every point, and passes through its vertices
    (which are input points): the defining properties of the lower convex envelope."""
    hull = lower_convex_envelope(points)
    assert all((x, y) in {(F(a), F(b)) for a, b in points} for x, y in hull)
    for (x1, y1), (x2, y2), (x3, y3) in zip(hull, hull[1:], hull[2:]):
        assert (x2 - x1) * (y3 - y1) - (y2 - y1) * (x3 - x1) > 0  # strictly convex turn
    lo, hi = hull[0][0], hull[-1][0]
    for x, y in points:
        if lo <= x <= hi:
            assert envelope_value(hull, x) <= y
    x = data.draw(st.fractions(min_value=lo, max_value=hi))
    assert envelope_value(hull, x) <= min(
        (y for px, y in points if px == x), default=envelope_value(hull, x)
    )


@given(region_i_interior(), st.integers(1, 9), st.integers(1, 4))
def test_proposition_6_1(th: TradeParams, e_num: int, d_den: int) -> None:
    """Proposition 6.1 (paper 004, §6.1, proof in App. D): for ε in the interval of §6.1 and
    δ ∈ (0, δ̄], the infimum over free information structures of M_δ's equilibrium welfare —
    computed exactly as a lower convex envelope — is at least (D.8), which equals
    W_FP + δ·(the printed derivative) and strictly exceeds W_FP."""
    lo, hi = epsilon_interval(th)
    assert 0 < lo < hi
    eps = lo + (hi - lo) * F(e_num, 10)
    dbar = delta_bound(th, eps)
    assert 0 < dbar < 1
    delta = dbar / d_den
    g = free_information_guarantee(th, delta, eps)
    assert g.w_fp == w_fp(th)
    assert g.value >= g.d8_bound > g.w_fp
    assert g.d8_bound == at(printed("D8"), th, delta=delta, epsilon=eps)
    slope = at(printed("D8_derivative"), th, epsilon=eps)
    assert slope > 0 and g.d8_bound == g.w_fp + delta * slope


@given(region_i_interior())
def test_welfare_curve_pieces_meet_d4(th: TradeParams) -> None:
    """App. D, (D.4): on every piece of the s̲ seller's welfare curve, welfare ≥ the line
    p[(b̄ − s̲) + δ(s̄ − b̲)] + (b̲ − s̲) − p(s̄ − s̲) when δ ≤ δ̄ (checked at both ends)."""
    lo, hi = epsilon_interval(th)
    eps = (lo + hi) / 2
    delta = delta_bound(th, eps)
    for a, b, slope, icpt in seller_welfare_pieces(th, delta, eps):
        for p in (a, b):
            line = (
                p * ((th.b_hi - th.s_lo) + delta * (th.s_hi - th.b_lo))
                + (th.b_lo - th.s_lo)
                - p * (th.s_hi - th.s_lo)
            )
            assert slope * p + icpt >= line


def test_large_delta_can_fail() -> None:
    """ "Sufficiently small δ" matters: at (1, 2, 3, 5), p_b̄ = 1/10, p_s̲ = 1/5, ε = 7/16 the
    exact guarantee falls below W_FP at δ = 1/2, where (D.8) would still claim more."""
    th = TradeParams(1, 2, 3, 5, "1/10", "1/5")
    assert delta_bound(th, "7/16") == F(1, 10)
    g = free_information_guarantee(th, "1/2", "7/16")
    assert g.value == F(79, 200) < g.w_fp == F(2, 5) < g.d8_bound == F(81, 200)
    assert free_information_guarantee(th, "1/10", "7/16").value == F(401, 1000)


def test_bad_arguments() -> None:
    th = TradeParams(1, 2, 3, 5, "1/10", "1/5")
    with pytest.raises(InvalidProblemError, match="epsilon=1"):
        free_information_guarantee(th, "1/10", 1)
    with pytest.raises(InvalidProblemError, match="delta=0"):
        free_information_guarantee(th, 0, "7/16")
    with pytest.raises(InvalidProblemError, match=r"Proposition 6\.1 needs"):
        free_information_guarantee(th.with_probabilities("1/2", "1/5"), "1/10", "7/16")
    with pytest.raises(InvalidProblemError, match="outside"):
        envelope_value(lower_convex_envelope([(0, 0), (1, 1)]), 2)
