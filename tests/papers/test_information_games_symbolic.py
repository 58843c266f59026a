"""Paper 004 symbolic identities (sympy): printed formulas against independent derivations."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings

from exactmech.errors import InvalidProblemError
from exactmech.papers.information_games import (
    TradeParams,
    first_best,
    lam,
    p_star_b_hi,
    p_star_s_lo,
    w_ds_a,
    w_ds_b,
    w_fp,
)
from exactmech.papers.information_games.symbolic import (
    PRINTED_NAMES,
    SYMBOLS,
    at,
    derive_table1,
    mirror_substitution,
    printed,
    prop31_difference,
    threshold_from_indifference,
    welfare_symbolic,
)
from exactmech.strategies import trade_parameters

F = Fraction


@pytest.mark.parametrize("case", ["a", "b"])
def test_lemma_2_1_formula_from_binding_constraints(case: str) -> None:
    """Lemma 2.1 (paper 004): solving Table 1's binding constraints gives the printed
    mechanism, and eq. (2.1) at it is the printed W_DS of the case."""
    d = derive_table1(case)
    assert sympy.simplify(welfare_symbolic(d["q"]) - printed(f"W_DS_{case}")) == 0
    s_lo, b_lo, s_hi, b_hi = SYMBOLS[:4]
    if case == "a":
        assert sympy.simplify(d["q"][("hi", "hi")] - (b_lo - s_lo) / (s_hi - s_lo)) == 0
        assert d["t"][("hi", "lo")] == b_lo
    else:
        assert sympy.simplify(d["q"][("lo", "lo")] - (b_hi - s_hi) / (b_hi - b_lo)) == 0
        assert d["t"][("hi", "lo")] == s_hi


@pytest.mark.parametrize("case", ["a", "b"])
def test_proposition_3_1_factorizations(case: str) -> None:
    """Appendix D, proof of Proposition 3.1: W_FP − W_DS factors as
    p_b̄(s̄−b̲)(−p_s̲ + p_s̄(b̄−s̄)/(s̄−s̲)) in case (a) (printed) and
    p_s̲(s̄−b̲)(−p_b̄ + p_b̲(b̲−s̲)/(b̄−b̲)) in case (b) ("analogous")."""
    diff, factored = prop31_difference(case)
    assert sympy.simplify(diff - factored) == 0
    if case == "a":
        assert sympy.simplify(factored - printed("prop31_difference")) == 0


def test_mirror_substitution_swaps_the_cases() -> None:
    """§5 (paper 004): the buyer–seller mirror maps W_DS(a) to W_DS(b), fixes W_FP and first
    best, swaps the thresholds and the Lemma 5.2/5.3 and 5.4/5.5 bounds."""
    sub = mirror_substitution()

    def mirrored(name: str) -> sympy.Expr:
        return printed(name).subs(sub, simultaneous=True)

    for a, b in (
        ("W_DS_a", "W_DS_b"),
        ("W_FP", "W_FP"),
        ("first_best", "first_best"),
        ("p_star_b", "p_star_s"),
        ("lemma52_bound", "lemma53_bound"),
        ("lemma54_bound", "lemma55_bound"),
    ):
        assert sympy.simplify(mirrored(a) - printed(b)) == 0


def test_thresholds_and_lemma_bounds() -> None:
    """§3.2, footnote 5, Lemmas 5.1–5.5 (paper 004): thresholds solve the indifference
    conditions; the lemmas' bounds are W_FP and the two W_DS formulas."""
    assert sympy.simplify(threshold_from_indifference("b") - printed("p_star_b")) == 0
    assert sympy.simplify(threshold_from_indifference("s") - printed("p_star_s")) == 0
    assert sympy.simplify(printed("lemma51_bound") - printed("W_FP")) == 0
    for lemma, case in (("52", "b"), ("53", "a"), ("54", "b"), ("55", "a")):
        assert sympy.simplify(printed(f"lemma{lemma}_bound") - printed(f"W_DS_{case}")) == 0
    assert sympy.simplify(printed("lambda_upper") - printed("lambda_upper_alt")) == 0
    with pytest.raises(InvalidProblemError, match="side='x'"):
        threshold_from_indifference("x")


@settings(max_examples=20)
@given(trade_parameters(boundary="any"))
def test_printed_formulas_match_exact_functions(th: TradeParams) -> None:
    """The sympy transcriptions and the Fraction closed forms agree at random θ (paper 004,
    Lemma 2.1, §3.2, §5.3)."""
    pairs = {
        "W_DS_a": w_ds_a(th),
        "W_DS_b": w_ds_b(th),
        "W_FP": w_fp(th),
        "first_best": first_best(th),
        "p_star_b": p_star_b_hi(th),
        "p_star_s": p_star_s_lo(th),
        "lambda": lam(th),
    }
    for name, value in pairs.items():
        assert at(printed(name), th) == value


def test_printed_names_and_errors() -> None:
    assert {"C8_rhs", "C9_rhs", "D8", "lemma54_margin_printed"} <= set(PRINTED_NAMES)
    th = TradeParams(1, 2, 3, 4, "3/4", "1/2")
    assert at(printed("q_eps"), th, epsilon="1/10") == F(3, 5)
    with pytest.raises(InvalidProblemError, match="unknown extra symbol"):
        at(printed("W_FP"), th, gamma=1)
    with pytest.raises(InvalidProblemError, match="case='c'"):
        derive_table1("c")
