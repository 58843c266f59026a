"""Paper 004 information structures, the TMU LP and the main theorem's upper bound (§4–§5)."""

from __future__ import annotations

import os
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.errors import DistributionError, InvalidProblemError
from exactmech.lp import check
from exactmech.papers.information_games import (
    DirectMechanism,
    InformationStructure,
    StructureList,
    TradeParams,
    appendix_c_bounds,
    bayesian_lp,
    extortion_bound,
    figure5_point,
    first_best,
    full_information_structure,
    lam,
    lift_value_mechanism,
    max_tmu,
    mirror_list,
    mirror_mechanism,
    mirror_params,
    mirror_structure,
    no_information_structure,
    p_star_b_hi,
    p_star_s_lo,
    region,
    region_structures,
    respects_overlaps,
    table1_mechanism,
    table3_structures,
    table4_structures,
    tmu,
    w_ds,
    w_fp,
    w_star,
)
from exactmech.papers.information_games.appendix_e import PRE_ASSIGNMENT
from exactmech.strategies import information_structures, trade_parameters

F = Fraction
#: LP-heavy properties run fewer examples under CI (the whole suite must fit its budget).
LP_HEAVY = settings(max_examples=25 if os.environ.get("CI") else 100)
#: The mirror image of PRE_ASSIGNMENT: mirrored b̄, s̄ are the original s̲, b̲.
MIRROR_PRE = {"s_lo": [0], "b_lo": [0], "s_hi": [1], "b_hi": [1]}


@LP_HEAVY
@given(trade_parameters(boundary="any"))
def test_main_theorem_upper_bound_is_w_star(th: TradeParams) -> None:
    """Theorems 3.2, 3.3 with Lemmas 5.1–5.5 (paper 004, §5): max TMU on the list of θ's
    region equals W*(θ) = max(W_FP, W_DS), with a verified LP certificate and an optimal list
    of direct mechanisms (IC/IR checked independently)."""
    res = extortion_bound(th)
    assert check(res.solution.result)
    assert res.value == w_star(th) == max(w_fp(th), w_ds(th))
    assert all(not m.violations() for m in res.mechanisms)
    assert respects_overlaps(region_structures(th), res.mechanisms)
    assert tmu(res.mechanisms) == res.value


@LP_HEAVY
@given(trade_parameters(boundary="any"))
def test_lemmas_5_1_to_5_5(th: TradeParams) -> None:
    """Lemmas 5.1–5.5 (paper 004, §5, App. C), as the paper proves them: region I with types
    pre-assigned (b̄, s̄ → S¹; b̲, s̲ → S²) gives W_FP; II and II′ on Table 3 give W_DS; III
    on Table 4 (overlapping, pre-assigned) and III′ on its mirror give W_DS."""
    r = region(th)
    if r == "I":
        assert max_tmu(table3_structures(th), PRE_ASSIGNMENT).value == w_fp(th)
    elif r in ("II", "II'"):
        assert max_tmu(table3_structures(th)).value == w_ds(th)
    elif r == "III":
        assert max_tmu(table4_structures(th), PRE_ASSIGNMENT).value == w_ds(th)
    else:
        lst = mirror_list(table4_structures(mirror_params(th)))
        assert max_tmu(lst, MIRROR_PRE).value == w_ds(th)


@LP_HEAVY
@given(trade_parameters(), st.data())
def test_extortion_consistency_on_random_lists(th: TradeParams, data: st.DataObject) -> None:
    """Lemmas 4.1–4.2 with Theorem 3.3 (paper 004): W_DS and W_FP are attained guarantees, so
    every list of structures has max TMU ≥ max(W_FP, W_DS); and no list exceeds first best.
    Lifting the DS mechanism gives a list with TMU = W_DS exactly (§3.2)."""
    structs = [data.draw(information_structures(th)) for _ in range(data.draw(st.integers(1, 2)))]
    L = StructureList(structs)
    res = max_tmu(L)
    assert check(res.solution.result)
    assert max(w_fp(th), w_ds(th)) <= res.value <= first_best(th)
    lifted = [lift_value_mechanism(table1_mechanism(th), S) for S in structs]
    assert all(not m.violations() for m in lifted)
    assert tmu(lifted) == w_ds(th)
    for typ in ("b_lo", "b_hi", "s_lo", "s_hi"):
        assert res.utilities[typ] == min(m.type_utility(typ) for m in res.mechanisms)


@LP_HEAVY
@given(trade_parameters(boundary="any"))
def test_single_structures(th: TradeParams) -> None:
    """§2.3 and §4 (paper 004): the no-information list gives the Bayesian optimum; the
    full-information list gives first best."""
    assert max_tmu(StructureList([no_information_structure(th)])).value == bayesian_lp(th).value
    assert max_tmu(StructureList([full_information_structure(th)])).value == first_best(th)


@LP_HEAVY
@given(trade_parameters(boundary="any").filter(lambda th: th.p_b_hi > p_star_b_hi(th)))
def test_overlapping_is_tighter(th: TradeParams) -> None:
    """§4.1, Lemma 4.3 vs 4.1 (paper 004): on Table 4's structures the overlapping list's max
    TMU is at most the non-overlapping one's (condition (4.3) only adds constraints); both are
    at least W*(θ)."""
    over = max_tmu(table4_structures(th)).value
    plain = max_tmu(table4_structures(th, overlapping=False)).value
    assert w_star(th) <= over <= plain


@LP_HEAVY
@given(trade_parameters(boundary="any"))
def test_appendix_c_bounds(th: TradeParams) -> None:
    """Appendix C (paper 004): under its hypothesis each sub-bound is exact — the LP maximum of
    the left side equals the right side the proof derives: (C.1) when p_s̲ ≤ p*_s̲, (C.2) when
    p_b̄ ≤ p*_b̄, (C.5) and (C.9) when λ ∈ (0, 1), (C.8) under (C.7); and in region III the
    derived (C.8) + (C.9) is Lemma 5.4's bound W_DS (the printed ones are errata)."""
    rows = {r.name: r for r in appendix_c_bounds(th)}
    assert set(rows) == ({"C.1", "C.2", "C.5", "C.8", "C.9"} if 0 < lam(th) < 1 else {"C.1", "C.2"})
    for r in rows.values():
        if r.hypothesis_holds:
            assert r.lp_value == r.derived
    assert rows["C.1"].hypothesis_holds == (th.p_s_lo <= p_star_s_lo(th))
    if region(th) == "III":
        assert rows["C.8"].derived + rows["C.9"].derived == w_ds(th)


@LP_HEAVY
@given(trade_parameters(boundary="any"))
def test_figure5_point(th: TradeParams) -> None:
    """Theorems 3.2, 3.3 at one point of the square: the sweep record is consistent."""
    p = figure5_point(th, lp=True)
    assert p["lp"] == p["w_star"] == max(p["w_fp"], p["w_ds"])  # type: ignore[type-var]
    assert p["region"] == region(th)


@LP_HEAVY
@given(trade_parameters(boundary="any"))
def test_mirror_of_lists_and_mechanisms(th: TradeParams) -> None:
    """§5 (paper 004): the mirror image of a list has the same max TMU at the mirrored θ, and
    mirrored direct mechanisms stay IC/IR with buyer and seller utilities exchanged."""
    L = table3_structures(th)
    res = max_tmu(L)
    mirrored = mirror_list(L)
    assert mirrored.th == mirror_params(th)
    assert max_tmu(mirrored).value == res.value
    swap = {"b_lo": "s_hi", "b_hi": "s_lo", "s_lo": "b_hi", "s_hi": "b_lo"}
    for m in res.mechanisms:
        mm = mirror_mechanism(m)
        assert not mm.violations()
        for typ, other in swap.items():
            assert mm.type_utility(other) == m.type_utility(typ)


def test_structure_validation_names_the_problem() -> None:
    th = TradeParams(1, 2, 3, 4, "1/2", "1/2")
    ok = [
        ("a", "1/4", "lo", "lo", "x", "u"),
        ("b", "1/4", "lo", "hi", "x", "v"),
        ("c", "1/4", "hi", "lo", "y", "u"),
        ("d", "1/4", "hi", "hi", "y", "v"),
    ]
    InformationStructure(th, ok)
    with pytest.raises(DistributionError, match=r"\(b, s\) = \(lo, lo\) probability 1/8"):
        InformationStructure(th, [("a", "1/8", "lo", "lo", "x", "u"), *ok[1:]])
    with pytest.raises(DistributionError, match="state 'a' has probability 0"):
        InformationStructure(th, [("a", 0, "lo", "lo", "x", "u"), *ok])
    with pytest.raises(InvalidProblemError, match="buyer signal 'x' occurs with both values"):
        InformationStructure(th, [*ok[:2], ("c", "1/4", "hi", "lo", "x", "u"), ok[3]])
    with pytest.raises(InvalidProblemError, match="seller signal 'u' occurs with both values"):
        InformationStructure(th, [*ok[:3], ("d", "1/4", "hi", "hi", "y", "u")])
    with pytest.raises(InvalidProblemError, match="repeated state label 'a'"):
        InformationStructure(th, [ok[0], ("a", "1/4", "lo", "hi", "x", "v"), *ok[2:]])
    with pytest.raises(InvalidProblemError, match="values \\(mid, lo\\)"):
        InformationStructure(th, [("a", "1/4", "mid", "lo", "x", "u"), *ok[1:]])
    with pytest.raises(InvalidProblemError, match="λ = 2 is not in"):
        table4_structures(th.with_probabilities("1/5", "1/2"))


def test_overlapping_validation() -> None:
    """§4.1 (paper 004): a shared signal must reveal the same value and the same conditional
    distribution of the other side's signals in every structure."""
    th = TradeParams(1, 2, 3, 4, "1/2", "1/2")
    s1 = InformationStructure(
        th,
        [
            ("a", "1/4", "lo", "lo", "x", "u"),
            ("b", "1/4", "lo", "hi", "x", "v"),
            ("c", "1/4", "hi", "lo", "y", "u"),
            ("d", "1/4", "hi", "hi", "y", "v"),
        ],
    )
    s2 = InformationStructure(
        th,
        [
            ("a", "1/4", "lo", "lo", "x", "u"),
            ("b", "1/4", "lo", "hi", "z", "v"),
            ("c", "1/4", "hi", "lo", "y", "u"),
            ("d", "1/4", "hi", "hi", "y", "v"),
        ],
    )
    StructureList([s1, s2])  # non-overlapping: fine
    with pytest.raises(InvalidProblemError, match="overlapping buyer signal 'x'"):
        StructureList([s1, s2], overlapping=True)
    s3 = InformationStructure(
        th,
        [
            ("a", "1/4", "lo", "lo", "y", "u"),
            ("b", "1/4", "lo", "hi", "y", "v"),
            ("c", "1/4", "hi", "lo", "x", "u"),
            ("d", "1/4", "hi", "hi", "x", "v"),
        ],
    )
    with pytest.raises(InvalidProblemError, match="buyer signal 'x' reveals value 'lo'"):
        StructureList([s1, s3], overlapping=True)
    with pytest.raises(InvalidProblemError, match="empty"):
        StructureList([])
    L4 = table4_structures(th.with_probabilities("3/4", "1/2"))
    assert L4.overlapping and len(L4) == 2
    with pytest.raises(InvalidProblemError, match="has parameters"):
        StructureList([s1, L4.structures[0]])


def test_direct_mechanism_checks() -> None:
    th = TradeParams(1, 2, 3, 4, "3/4", "1/2")
    S = no_information_structure(th)
    # a posted price of 3 is a DS mechanism: IC/IR on any structure
    m = DirectMechanism(
        S, {("b_hi", "s_lo"): 1, ("b_hi", "s_hi"): 1}, {("b_hi", "s_lo"): 3, ("b_hi", "s_hi"): 3}
    )
    assert m.violations() == [] and m.welfare() == F(3, 2)
    bad = DirectMechanism(S, {("b_lo", "s_lo"): 1}, {("b_lo", "s_lo"): 3})
    assert "buyer IR at 'b_lo'" in bad.violations()
    with pytest.raises(InvalidProblemError, match="not a signal pair"):
        DirectMechanism(S, {("nope", "s_lo"): 1}, {})
    with pytest.raises(InvalidProblemError, match=r"q\[\('b_lo', 's_lo'\)\]=2"):
        DirectMechanism(S, {("b_lo", "s_lo"): 2}, {})
    with pytest.raises(InvalidProblemError, match="assignment"):
        max_tmu(StructureList([S]), {"b_hi": [3]})
    with pytest.raises(InvalidProblemError, match="assignment key"):
        max_tmu(StructureList([S]), {"b_mid": [0]})
    assert mirror_structure(mirror_structure(S)).states == S.states
