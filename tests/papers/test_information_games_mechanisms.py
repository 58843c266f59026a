"""Paper 004 mechanisms: Table 1, the DS and Bayesian LPs, Tables 2 and 5, weak dominance."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactmech.errors import InvalidProblemError
from exactmech.lp import check
from exactmech.papers.information_games import (
    IndirectMechanism,
    TradeParams,
    ValueMechanism,
    bayesian_lp,
    ds_case,
    ds_case_margin,
    ds_lp,
    first_best,
    flexible_price_mechanism,
    region,
    table1_mechanism,
    table1_rows,
    table2_rows,
    table5_ds_mechanism,
    table5_fp_mechanism,
    table5_rows,
    undominated_actions,
    undominated_guarantee,
    w_ds,
    w_ds_a,
    w_ds_b,
    w_fp,
    w_star,
    weakly_dominated,
)
from exactmech.strategies import trade_parameters

F = Fraction
E2 = TradeParams(1, 2, 3, 4, "3/4", "1/2")


@given(trade_parameters(boundary="any"))
def test_lemma_2_1_lp_equals_closed_form(th: TradeParams) -> None:
    """Lemma 2.1 (paper 004, §2.2): the DS LP's value is W_DS; Table 1's mechanism of the
    case is dominant-strategy IC/IR and attains it; off the DS-case curve the LP's optimal
    mechanism is unique and equals Table 1's (q and t)."""
    res = ds_lp(th)
    assert check(res.solution.result)
    assert res.value == w_ds(th)
    for case, w in (("a", w_ds_a(th)), ("b", w_ds_b(th))):
        m = table1_mechanism(th, case)
        assert m.is_dominant_strategy(th)
        assert m.welfare(th) == w
    assert res.mechanism.is_dominant_strategy(th)
    if ds_case_margin(th) != 0:
        t1 = table1_mechanism(th)
        assert dict(res.mechanism.q) == dict(t1.q)
        assert dict(res.mechanism.t) == dict(t1.t)


@given(trade_parameters(boundary="any"))
def test_proposition_2_2_bayesian_beats_ds(th: TradeParams) -> None:
    """Proposition 2.2 (paper 004, §2.3): the Bayesian optimum strictly exceeds W_DS; the DS
    optimum is Bayesian-feasible; nothing exceeds first best."""
    res = bayesian_lp(th)
    assert check(res.solution.result)
    assert res.mechanism.is_bayesian(th)
    assert table1_mechanism(th).is_bayesian(th)
    assert w_ds(th) < res.value <= first_best(th)


@given(trade_parameters(boundary="any"))
def test_proposition_2_2_proof_perturbation(th: TradeParams) -> None:
    """Appendix D, proof of Prop. 2.2: raising q at the constrained profile of Table 1 (with
    t = q·s̄ in case (a), q·b̲ in case (b)) by a small ε stays Bayesian IC/IR and raises welfare."""
    case = ds_case(th)
    m = table1_mechanism(th, case)
    key = ("hi", "hi") if case == "a" else ("lo", "lo")
    price = th.s_hi if case == "a" else th.b_lo
    room = 1 - m.q[key]
    eps = room / 1000
    q, t = dict(m.q), dict(m.t)
    q[key] += eps
    t[key] = q[key] * price
    m2 = ValueMechanism(q, t)
    assert m2.is_bayesian(th)
    assert not m2.is_dominant_strategy(th)
    assert m2.welfare(th) > m.welfare(th)


def test_table1_rows_and_values() -> None:
    th = TradeParams(1, 2, 3, 5, "1/2", "1/2")
    rows = table1_rows(th)
    assert len(rows) == 8
    a_hh = next(r for r in rows if (r["case"], r["buyer"], r["seller"]) == ("a", "hi", "hi"))
    assert (a_hh["q"], a_hh["t"]) == (F(1, 2), F(3, 2))
    b_ll = next(r for r in rows if (r["case"], r["buyer"], r["seller"]) == ("b", "lo", "lo"))
    assert (b_ll["q"], b_ll["t"]) == (F(2, 3), F(4, 3))


def test_table2_and_buyer_offering() -> None:
    """Table 2 (paper 004, §3.2) and the buyer-offering version; both give W_FP in region I."""
    th = TradeParams(1, 2, 3, 5, "1/10", "1/5")
    rows = table2_rows(th)
    assert all(r["q"] == r["q_printed_value"] and r["t"] == r["t_printed_value"] for r in rows)
    buyer = flexible_price_mechanism(th, "buyer")
    assert buyer.q[("s_hi", "b_lo")] == 1 and buyer.t[("s_hi", "b_lo")] == th.s_hi
    assert buyer.q[("b_lo", "s_hi")] == 0
    with pytest.raises(InvalidProblemError, match="offerer"):
        flexible_price_mechanism(th, "nobody")


def test_table5_rows_layout() -> None:
    rows = table5_rows(E2, 2)
    assert len(rows) == 32
    ds_cell = next(
        r for r in rows if r["mechanism"] == "DS" and r["a_S"] == "-" and r["a_B"] == "b_lo"
    )
    assert (ds_cell["q"], ds_cell["t"]) == (0, -2)
    fp_cell = next(
        r for r in rows if r["mechanism"] == "FP" and r["a_S"] == "s_hi" and r["a_B"] == "-"
    )
    assert (fp_cell["q"], fp_cell["t"]) == (0, 2)


@given(trade_parameters(boundary="any"), st.integers(1, 5))
def test_table5_undominated_actions(th: TradeParams, x: int) -> None:
    """Appendix D, proof of Theorem 3.2 (Table 5): in the modified DS mechanism each type's
    truthful action is its only undominated action; in the modified flexible-price mechanism
    b̲, b̄, s̄ have a unique undominated action and s̲ exactly two (offers b̲ and s̄)."""
    for case in ("a", "b"):
        m = table5_ds_mechanism(th, x, case)
        assert undominated_actions(m, "B", th.b_lo) == ("b_lo",)
        assert undominated_actions(m, "B", th.b_hi) == ("b_hi",)
        assert undominated_actions(m, "S", th.s_lo) == ("s_lo",)
        assert undominated_actions(m, "S", th.s_hi) == ("s_hi",)
    fp = table5_fp_mechanism(th, x)
    assert undominated_actions(fp, "B", th.b_lo) == ("b_lo",)
    assert undominated_actions(fp, "B", th.b_hi) == ("s_hi",)
    assert undominated_actions(fp, "S", th.s_lo) == ("b_lo", "s_hi")
    assert undominated_actions(fp, "S", th.s_hi) == ("s_hi",)


@given(trade_parameters(boundary="any"), st.integers(1, 5))
def test_table5_guarantees(th: TradeParams, x: int) -> None:
    """Theorem 3.2 (paper 004, App. D): Table 5's DS mechanism guarantees its Table 1 welfare
    in undominated play; the flexible-price one guarantees at least W_FP, exactly W_FP in
    region I; and no guarantee exceeds W*(θ) (the theorem's upper bound)."""
    for case, w in (("a", w_ds_a(th)), ("b", w_ds_b(th))):
        assert undominated_guarantee(table5_ds_mechanism(th, x, case), th)["total"] == w
    g = undominated_guarantee(table5_fp_mechanism(th, x), th)
    assert w_fp(th) <= g["total"] <= w_star(th)
    assert g["b_hi"] == th.b_hi - th.s_hi and g["b_lo"] == 0 and g["s_hi"] == 0
    if region(th) == "I":
        assert g["total"] == w_fp(th)


def test_table2_without_extra_action_guarantees_less() -> None:
    """§3.3 (paper 004): with Table 2 as is, non-participation stays undominated for b̲ and s̄,
    so undominated play guarantees less than W_FP; Table 5's extra action fixes this."""
    th = TradeParams(1, 2, 3, 5, "1/10", "1/5")
    plain = flexible_price_mechanism(th)
    assert "0" in undominated_actions(plain, "S", th.s_hi)
    assert undominated_guarantee(plain, th)["total"] < w_fp(th)
    assert undominated_guarantee(table5_fp_mechanism(th), th)["total"] == w_fp(th)


def test_weak_dominance_by_mixed_action() -> None:
    """§3.3: dominance may need a mixed action — here 'mid' is dominated only by ½·up + ½·down."""
    m = IndirectMechanism(
        ("0", "up", "mid", "down"),
        ("0", "L", "R"),
        {},
        {
            ("up", "L"): -4,
            ("mid", "L"): F(-1, 2),
            ("mid", "R"): F(-1, 2),
            ("down", "R"): -4,
            ("up", "R"): 2,
            ("down", "L"): 2,
        },
    )
    dominated, alpha = weakly_dominated(m, "B", 0, "mid")
    assert dominated and alpha is not None
    for o in ("L", "R"):
        mix = sum((p * m.payoff("B", F(0), a, o) for a, p in alpha.items()), F(0))
        assert mix >= m.payoff("B", F(0), "mid", o)
    assert not weakly_dominated(m, "B", 0, "up")[0]
    assert undominated_actions(m, "B", 0) == ("up", "down")


def test_bad_mechanisms() -> None:
    with pytest.raises(InvalidProblemError, match="lack the non-participation"):
        IndirectMechanism(("x",), ("0",), {}, {})
    with pytest.raises(InvalidProblemError, match="charges a non-participating buyer"):
        IndirectMechanism(("0", "x"), ("0", "y"), {}, {("0", "y"): 1})
    with pytest.raises(InvalidProblemError, match="charges a non-participating seller"):
        IndirectMechanism(("0", "x"), ("0", "y"), {}, {("x", "0"): -1})
    with pytest.raises(InvalidProblemError, match="unknown action"):
        IndirectMechanism(("0",), ("0",), {("z", "0"): 0}, {})
    with pytest.raises(InvalidProblemError, match="unknown profile"):
        ValueMechanism({("mid", "lo"): 1}, {})
    with pytest.raises(InvalidProblemError, match="case='c'"):
        table1_mechanism(E2, "c")
    with pytest.raises(InvalidProblemError, match="x=0 must be positive"):
        table5_fp_mechanism(E2, 0)
    with pytest.raises(InvalidProblemError, match="not an action"):
        weakly_dominated(table5_fp_mechanism(E2), "B", 4, "b_hi")


@given(trade_parameters(boundary="any"), st.integers(1, 5))
def test_table5_rows_match_printed_formulas(th: TradeParams, x: int) -> None:
    """Table 5 (paper 004, App. D): every computed cell equals the printed formula at θ, x."""
    r = (th.b_lo - th.s_lo) / (th.s_hi - th.s_lo)
    value = {
        "0": F(0),
        "1": F(1),
        "x": F(x),
        "-x": F(-x),
        "b̲": th.b_lo,
        "s̄": th.s_hi,
        "(b̲−s̲)/(s̄−s̲)": r,
        "(b̲−s̲)/(s̄−s̲)·s̄": r * th.s_hi,
    }
    for row in table5_rows(th, x):
        assert row["q"] == value[str(row["q_printed"])]
        assert row["t"] == value[str(row["t_printed"])]
