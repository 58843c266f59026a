"""Paper 004 parameters, closed forms and regions (exactmech/papers/information_games/params.py)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactmech.errors import DistributionError, FloatInputError, InvalidProblemError
from exactmech.papers.information_games import (
    REGIONS,
    TradeParams,
    ds_case,
    ds_case_margin,
    first_best,
    lam,
    mirror_params,
    optimal_mechanism_kind,
    p_star_b_hi,
    p_star_s_lo,
    region,
    region_grid,
    w_ds,
    w_ds_a,
    w_ds_b,
    w_fp,
    w_star,
)
from exactmech.strategies import trade_parameters

F = Fraction


def test_appendix_e_parameters() -> None:
    th = TradeParams(1, 2, 3, 4, "1/2", "1/4")
    assert (p_star_b_hi(th), p_star_s_lo(th)) == (F(1, 3), F(1, 3))
    assert region(th) == "II" and w_ds(th) == F(13, 16) and w_fp(th) == F(3, 4)
    th2 = th.with_probabilities("3/4", "1/2")
    assert region(th2) == "III" and w_ds(th2) == F(25, 16) and lam(th2) == F(1, 6)
    assert optimal_mechanism_kind(th2) == "DS (b)"
    assert first_best(th2) == F(13, 8)


def test_bad_parameters_name_the_input() -> None:
    with pytest.raises(InvalidProblemError, match="b_lo=3 >= s_hi=2"):
        TradeParams(1, 3, 2, 4, "1/2", "1/2")
    with pytest.raises(InvalidProblemError, match="s_lo=2 >= b_lo=2"):
        TradeParams(2, 2, 3, 4, "1/2", "1/2")
    with pytest.raises(DistributionError, match="p_s_lo=0"):
        TradeParams(1, 2, 3, 4, "1/2", 0)
    with pytest.raises(DistributionError, match="p_b_hi=3/2"):
        TradeParams(1, 2, 3, 4, "3/2", "1/2")
    with pytest.raises(FloatInputError, match=r"p_b_hi=0\.5 is a float"):
        TradeParams(1, 2, 3, 4, 0.5, "1/2")
    with pytest.raises(InvalidProblemError, match="n=1"):
        region_grid(TradeParams(1, 2, 3, 4, "1/2", "1/2"), 1)


def test_region_grid_covers_all_five_regions() -> None:
    """Figure 5 (paper 004, §5) with (s̲, b̲, s̄, b̄) = (1, 2, 3, 5): every region occurs."""
    grid = region_grid(TradeParams(1, 2, 3, 5, "1/2", "1/2"), 20)
    assert len(grid) == 19 * 19
    assert {r for _, _, r in grid} == set(REGIONS)


@given(trade_parameters(boundary="any"))
def test_regions_partition_the_square(th: TradeParams) -> None:
    """Paper 004, §5 and Figure 5: regions I, II, II′, III, III′ partition the square.

    Exactly one region's defining inequalities hold, and the region agrees with them.
    """
    pb, ps = th.p_b_hi <= p_star_b_hi(th), th.p_s_lo <= p_star_s_lo(th)
    m = ds_case_margin(th)
    conds = {
        "I": pb and ps,
        "II": not pb and ps,
        "II'": pb and not ps,
        "III": not pb and not ps and m <= 0,
        "III'": not pb and not ps and m > 0,
    }
    assert sum(conds.values()) == 1
    assert conds[region(th)]


@given(trade_parameters(boundary="any"))
def test_lemma_2_1_case_choice(th: TradeParams) -> None:
    """Lemma 2.1 (paper 004, §2.2): W_DS is the case's formula, i.e. max(W_a, W_b).

    W_a − W_b = (s̄ − b̲)·margin, so the case test and the maximum agree.
    """
    assert w_ds_a(th) - w_ds_b(th) == (th.s_hi - th.b_lo) * ds_case_margin(th)
    assert w_ds(th) == max(w_ds_a(th), w_ds_b(th))
    assert w_ds(th) == (w_ds_a(th) if ds_case(th) == "a" else w_ds_b(th))
    assert w_ds(th) < first_best(th)


@given(trade_parameters(boundary="any"))
def test_proposition_3_1(th: TradeParams) -> None:
    """Proposition 3.1 (paper 004, §3.2): W_FP ≥ W_DS iff p_b̄ ≤ p*_b̄ and p_s̲ ≤ p*_s̲;
    strictly when both are strict. Hence W*(θ) = max(W_FP, W_DS) (Theorems 3.2, 3.3)."""
    both = th.p_b_hi <= p_star_b_hi(th) and th.p_s_lo <= p_star_s_lo(th)
    assert (w_fp(th) >= w_ds(th)) == both
    if th.p_b_hi < p_star_b_hi(th) and th.p_s_lo < p_star_s_lo(th):
        assert w_fp(th) > w_ds(th)
    assert w_star(th) == max(w_fp(th), w_ds(th))
    assert (optimal_mechanism_kind(th) == "flexible-price") == (region(th) == "I")


@given(trade_parameters(boundary="any"))
def test_proposition_3_1_proof_case_a_implies_p_b(th: TradeParams) -> None:
    """Appendix D, proof of Prop. 3.1: in case (a), p_s̲ ≤ p*_s̲ implies p_b̄ ≤ p*_b̄
    (strict implies strict); symmetrically in case (b)."""
    m = ds_case_margin(th)
    if m >= 0 and th.p_s_lo <= p_star_s_lo(th):
        assert th.p_b_hi <= p_star_b_hi(th)
        if th.p_s_lo < p_star_s_lo(th):
            assert th.p_b_hi < p_star_b_hi(th)
    if m <= 0 and th.p_b_hi <= p_star_b_hi(th):
        assert th.p_s_lo <= p_star_s_lo(th)


@given(trade_parameters(boundary="any"))
def test_lambda_range(th: TradeParams) -> None:
    """§5.3 and App. C (paper 004): λ ∈ (0, 1) iff p_b̄ > p*_b̄; in region III,
    λ ≤ (p_s̄/p_s̲)(b̄−s̄)/(s̄−s̲) = ((1−p_s̲)/p_s̲)·p*_s̲/(1−p*_s̲) < 1."""
    assert (0 < lam(th) < 1) == (th.p_b_hi > p_star_b_hi(th))
    if region(th) == "III":
        bound = th.p_s_hi / th.p_s_lo * (th.b_hi - th.s_hi) / (th.s_hi - th.s_lo)
        ps = p_star_s_lo(th)
        assert bound == (1 - th.p_s_lo) / th.p_s_lo * ps / (1 - ps)
        assert 0 < lam(th) <= bound < 1


@given(trade_parameters(boundary="any"))
def test_footnote_5_threshold_interpretation(th: TradeParams) -> None:
    """Footnote 5 (paper 004): at p_b̄ = p*_b̄ a s̲ seller is indifferent between prices b̲ and
    b̄; at p_s̲ = p*_s̲ a b̄ buyer is indifferent between offers s̄ and s̲."""
    assert th.b_lo - th.s_lo == p_star_b_hi(th) * (th.b_hi - th.s_lo)
    assert th.b_hi - th.s_hi == p_star_s_lo(th) * (th.b_hi - th.s_lo)


@given(trade_parameters(boundary="any"))
def test_mirror_invariance(th: TradeParams) -> None:
    """§5 (paper 004, regions II′, III′ are "symmetric"): exchanging buyer and seller is an
    involution that preserves first best, W_FP, W_DS and W*, swaps the thresholds, Lemma 2.1's
    cases and the primed regions (off the DS-case curve)."""
    mt = mirror_params(th)
    assert mirror_params(mt) == th
    assert (first_best(mt), w_fp(mt), w_ds(mt), w_star(mt)) == (
        first_best(th),
        w_fp(th),
        w_ds(th),
        w_star(th),
    )
    assert (w_ds_a(mt), w_ds_b(mt)) == (w_ds_b(th), w_ds_a(th))
    assert (p_star_b_hi(mt), p_star_s_lo(mt)) == (p_star_s_lo(th), p_star_b_hi(th))
    assert ds_case_margin(mt) == -ds_case_margin(th)
    swap = {"I": "I", "II": "II'", "II'": "II", "III": "III'", "III'": "III"}
    if ds_case_margin(th) != 0:
        assert region(mt) == swap[region(th)]


@given(st.sampled_from(["p_b", "p_s", "corner", "ds_curve"]), st.data())
def test_boundaries_are_hit(kind: str, data: st.DataObject) -> None:
    """The strategy's boundary options land exactly on Figure 5's boundaries (paper 004, §5)."""
    th = data.draw(trade_parameters(boundary=kind))
    if kind in ("p_b", "corner"):
        assert th.p_b_hi == p_star_b_hi(th)
    if kind in ("p_s", "corner"):
        assert th.p_s_lo == p_star_s_lo(th)
    if kind == "ds_curve":
        assert ds_case_margin(th) == 0 and w_ds_a(th) == w_ds_b(th)
