"""Claims of paper 004, "Information Games and Robust Trading Mechanisms" (Carroll, 2017).

Every explicit number of the paper (Appendix E's parameters, thresholds, welfare levels,
the payoffs of Tables 6 and 7, the TMU values) and every displayed formula that can be
checked at Appendix E's parameters, recomputed through :mod:`exactmech.papers.information_games`:
welfare levels by the exact LPs (never by the formula being checked), payoffs from the
example procedures, symbolic formulas by solving the binding constraints with sympy.
``expected`` is always what the paper prints; six printed values are errata (see each
:class:`Erratum` and the ``test_erratum_*`` tests in ``tests/papers/``).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from functools import cache, partial
from typing import Any

from exactmech.claims.core import Claim, Erratum
from exactmech.papers.information_games import (
    DirectMechanism,
    StructureList,
    ds_case,
    ds_lp,
    flexible_price_mechanism,
    lam,
    max_tmu,
    max_weighted_utility,
    mirror_list,
    mirror_params,
    p_star_b_hi,
    p_star_s_lo,
    region,
    respects_overlaps,
    table1_mechanism,
    table3_structures,
    table4_structures,
    table5_ds_mechanism,
    table5_fp_mechanism,
    tmu,
    undominated_actions,
    undominated_guarantee,
    w_fp,
)
from exactmech.papers.information_games.appendix_e import (
    E1_PARAMS,
    E2_PARAMS,
    PRE_ASSIGNMENT,
    buyer_menu_choice,
    e1_example,
    e2_mechanisms,
    e3_mechanisms,
    seller_menu_choice,
    table6,
    table7,
)
from exactmech.papers.information_games.symbolic import (
    at,
    derive_table1,
    printed,
    prop31_difference,
    threshold_from_indifference,
    welfare_symbolic,
)

__all__ = ["CLAIMS"]

F = Fraction
E1, E2 = E1_PARAMS, E2_PARAMS
CLAIMS: list[Claim] = []


def _claim(
    cid: str,
    location: str,
    statement: str,
    expected: Any,
    compute: Callable[[], Any],
    erratum: Erratum | None = None,
) -> None:
    CLAIMS.append(Claim(f"004.{cid}", "004", location, statement, expected, compute, erratum))


@cache
def _e2() -> tuple[DirectMechanism, DirectMechanism]:
    return e2_mechanisms()


@cache
def _e3() -> tuple[DirectMechanism, DirectMechanism]:
    return e3_mechanisms()


@cache
def _e1() -> dict[str, Fraction]:
    return e1_example()


Pair = tuple[DirectMechanism, DirectMechanism]


def _utility(which: Callable[[], Pair], k: int, typ: str) -> Fraction:
    return which()[k].type_utility(typ)


def _utilities(which: Callable[[], Pair], k: int, types: tuple[str, ...]) -> tuple[Fraction, ...]:
    return tuple(which()[k].type_utility(t) for t in types)


def _ds_welfare_symbolic(case: str) -> Any:
    return welfare_symbolic(derive_table1(case)["q"])


# --- Appendix E.1 (region II: pre-assigning types is not enough) --------------------------
_claim(
    "E1.p_star_b",
    "App. E.1",
    "p*_b̄ = 1/3 at (s̲,b̲,s̄,b̄) = (1,2,3,4)",
    F(1, 3),
    lambda: p_star_b_hi(E1),
)
_claim("E1.p_star_s", "App. E.1", "p*_s̲ = 1/3 at (1,2,3,4)", F(1, 3), lambda: p_star_s_lo(E1))
_claim("E1.region", "App. E.1", "p_b̄ = 1/2, p_s̲ = 1/4 lie in region II", "II", lambda: region(E1))
_claim(
    "E1.W_DS",
    "App. E.1",
    "W_DS = 13/16 (the DS LP of Lemma 2.1)",
    F(13, 16),
    lambda: ds_lp(E1).value,
)
_claim(
    "E1.u_b_lo_M2",
    "App. E.1",
    "u_b̲(M²) = 0 (posted price 4 on S²)",
    F(0),
    lambda: _e1()["u_b_lo(M2)"],
)
_claim(
    "E1.u_b_hi_M1",
    "App. E.1",
    "u_b̄(M¹) = 1 (posted price 3 on S¹)",
    F(1),
    lambda: _e1()["u_b_hi(M1)"],
)
_claim(
    "E1.u_s_lo_M2",
    "App. E.1",
    "u_s̲(M²) = 2 (posted price 4 on S²)",
    F(2),
    lambda: _e1()["u_s_lo(M2)"],
    Erratum(
        F(3, 2),
        "Under a posted price of 4 on S² (Table 3) the seller of value s̲ = 1 trades only with the "
        "high buyer (probability p_b̄ = 1/2) at profit 4 − 1 = 3, so u_s̲(M²) = 3/2, not 2 (2 "
        "would need p_b̄ = 2/3). Confirmed by the direct mechanism's type utility and by hand in "
        "test_erratum_e1_posted_price_seller_utility; the example's conclusion (sum > 13/16) "
        "stands.",
    ),
)
_claim("E1.u_s_hi_M1", "App. E.1", "u_s̄(M¹) = 0", F(0), lambda: _e1()["u_s_hi(M1)"])
_claim(
    "E1.sum",
    "App. E.1",
    "p_b̲u_b̲(M²) + p_b̄u_b̄(M¹) + p_s̲u_s̲(M²) + p_s̄u_s̄(M¹) = 1 (> 13/16)",
    F(1),
    lambda: _e1()["sum"],
    Erratum(
        F(7, 8),
        "With u_s̲(M²) = 3/2 (see E1.u_s_lo_M2) the pre-assigned sum is 1/2·0 + 1/2·1 + 1/4·3/2 + "
        "3/4·0 = 7/8, not 1. 7/8 still exceeds W_DS = 13/16, so the counterexample holds; 7/8 is "
        "moreover the exact maximum of the pre-assigned TMU LP on Table 3 at these parameters "
        "(test_erratum_e1_posted_price_sum).",
    ),
)
_claim(
    "E1.exceeds",
    "App. E.1",
    "the pre-assigned sum exceeds W_DS = 13/16",
    True,
    lambda: _e1()["sum"] > ds_lp(E1).value,
)
_claim(
    "E1.lemma5.2",
    "Lemma 5.2 at App. E.1's θ",
    "max TMU on Table 3's list = the Lemma 5.2 bound (printed formula)",
    at(printed("lemma52_bound"), E1),
    lambda: max_tmu(table3_structures(E1)).value,
)
_claim(
    "E1.C1",
    "App. C, (C.1) at App. E.1's θ",
    "max p_b̄u_b̄(M¹) + p_s̄u_s̄(M¹) on S¹ = p_b̄(b̄ − s̄) (needs only p_s̲ ≤ p*_s̲)",
    at(printed("C1_rhs"), E1),
    lambda: max_weighted_utility(table3_structures(E1), {(0, "b_hi"): 1, (0, "s_hi"): 1}).value,
)
_claim(
    "E1.C5",
    "App. C, (C.5) at App. E.1's θ",
    "max of the left side of (C.5) on S² = its right side",
    at(printed("C5_rhs"), E1),
    lambda: (
        max_weighted_utility(
            table3_structures(E1),
            {(1, "b_lo"): 1, (1, "b_hi"): 1 - lam(E1), (1, "s_lo"): 1, (1, "s_hi"): 1 - lam(E1)},
        ).value
    ),
)
_claim(
    "E1.lemma5.2.last_line",
    "App. C, proof of Lemma 5.2, last display",
    "the final expression of the proof (which should equal Lemma 5.2's bound), at E.1's θ",
    at(printed("lemma52_proof_last"), E1),
    lambda: max_tmu(table3_structures(E1)).value,
    Erratum(
        F(13, 16),
        "The last line prints (p_b̲(b̄ − s̲)/(b̄ − b̲))·p_s̲(b̄ − s̄) for λp_b̄p_s̲(b̄ − s̄); with "
        "λ = (p_b̲/p_b̄)(b̲ − s̲)/(b̄ − b̲) the numerator is (b̲ − s̲), as in Lemma 5.2's statement. "
        "(The line before also prints p_b̲p_s̲(b̄ − s̲) for p_b̄p_s̲(b̄ − s̲), invisible at E.1 "
        "where p_b̲ = p_b̄.) Printed: 15/16 at E.1; the TMU LP and W_DS give 13/16 "
        "(test_erratum_lemma52_proof_last_line, symbolic and LP).",
    ),
)
_claim(
    "E1.W_FP",
    "§3.2 at App. E.1's θ",
    "W_FP (printed formula) = the undominated-play guarantee of Table 5's flexible-price mechanism",
    at(printed("W_FP"), E1),
    lambda: undominated_guarantee(table5_fp_mechanism(E1), E1)["total"],
)
_claim(
    "E1.table5.DS_guarantee",
    "App. D (Table 5, left) at App. E.1's θ",
    "Table 5's modified DS mechanism guarantees W_DS = 13/16 in undominated play",
    F(13, 16),
    lambda: undominated_guarantee(table5_ds_mechanism(E1, 1, ds_case(E1)), E1)["total"],
)

# --- Appendix E.2 (Table 6: Table 3's structures in region III) -----------------------
_claim("E2.region", "App. E.2", "p_b̄ = 3/4, p_s̲ = 1/2 lie in region III", "III", lambda: region(E2))
_claim(
    "E2.W_DS",
    "App. E.2",
    "W_DS = 25/16 (the DS LP of Lemma 2.1)",
    F(25, 16),
    lambda: ds_lp(E2).value,
)
_claim(
    "E2.seller_choices",
    "App. E.2",
    "facing b̄, seller s̲ takes the sure sale at 19/7, s̄ the 6/7 lottery at 3",
    ((F(1), F(19, 7)), (F(6, 7), F(18, 7))),
    lambda: tuple(seller_menu_choice(F(4), s, [("6/7", 3), (1, "19/7")]) for s in (F(1), F(3))),
)
_claim(
    "E2.buyer_choices",
    "App. E.2",
    "facing s̲, buyer b̲ takes the 4/7 lottery at 2, b̄ the sure sale at 20/7",
    ((F(4, 7), F(8, 7)), (F(1), F(20, 7))),
    lambda: tuple(buyer_menu_choice(b, F(1), [("4/7", 2), (1, "20/7")]) for b in (F(2), F(4))),
)


def _table_claims(name: str, rows: Callable[[], list[Any]], loc: str) -> None:
    for i, r in enumerate(rows()):
        for side in ("B", "S"):
            exp = r.printed_u_buyer if side == "B" else r.printed_u_seller

            def comp(i: int = i, side: str = side) -> Fraction:
                row = rows()[i]
                return row.u_buyer if side == "B" else row.u_seller  # type: ignore[no-any-return]

            _claim(
                f"{name}.{r.structure}.{r.state}.u_{side}",
                loc,
                f"{name.capitalize()}: u_{side} at state ({r.state}) under M{r.structure[1]}",
                exp,
                comp,
            )


_table6 = cache(table6)
_table7 = cache(table7)
_table_claims("table6", _table6, "App. E.2, Table 6")
for k in (0, 1):
    _claim(
        f"E2.u_b_hi_M{k + 1}",
        "App. E.2",
        f"u_b̄(M{k + 1}) = 15/14",
        F(15, 14),
        partial(_utility, _e2, k, "b_hi"),
    )
    _claim(
        f"E2.u_s_lo_M{k + 1}",
        "App. E.2",
        f"u_s̲(M{k + 1}) = 43/28",
        F(43, 28),
        partial(_utility, _e2, k, "s_lo"),
    )
    _claim(
        f"E2.zero_M{k + 1}",
        "App. E.2",
        f"types b̲ and s̄ have payoff zero in M{k + 1}",
        (F(0), F(0)),
        partial(_utilities, _e2, k, ("b_lo", "s_hi")),
    )
_claim("E2.TMU", "App. E.2", "TMU(L) = 11/7 > 25/16", F(11, 7), lambda: tmu(_e2()))
_claim(
    "E2.direct",
    "App. E.2",
    "M¹ and M² are direct mechanisms (IC and IR of §4.1)",
    True,
    lambda: not _e2()[0].violations() and not _e2()[1].violations(),
)

# --- Appendix E.3 (Table 7: Table 4's structures without the overlap condition) ------------
_claim("E3.lambda", "App. E.3", "λ = 1/6", F(1, 6), lambda: lam(E2))
_claim(
    "E3.quasi_marginals",
    "App. E.3",
    "quasi-types b̄ and b̄′ have marginal probabilities 1/8 and 5/8",
    (F(1, 8), F(5, 8)),
    lambda: tuple(
        sum(
            (
                st.prob
                for st in table4_structures(E2).structures[1].states
                if st.label.split(",")[0] == q
            ),
            F(0),
        )
        for q in ("hi", "hi'")
    ),
)
_table_claims("table7", _table7, "App. E.3, Table 7")
_E3_UTILS = {
    ("b_lo", 0): F(1, 2), ("b_lo", 1): F(1, 2), ("b_hi", 0): F(5, 6), ("b_hi", 1): F(5, 6),
    ("s_lo", 0): F(3, 2), ("s_lo", 1): F(3, 2), ("s_hi", 0): F(1, 6), ("s_hi", 1): F(1, 4),
}  # fmt: skip
for (typ, k), val in _E3_UTILS.items():
    _claim(
        f"E3.u_{typ}_M{k + 1}",
        "App. E.3",
        f"u_{typ}(M{k + 1}) = {val}",
        val,
        partial(_utility, _e3, k, typ),
    )
_claim("E3.TMU", "App. E.3", "TMU(L) = 19/12 > 25/16", F(19, 12), lambda: tmu(_e3()))
_claim(
    "E3.non_overlapping",
    "App. E.3",
    "M¹ and M² violate the overlap condition (4.3)",
    False,
    lambda: respects_overlaps(table4_structures(E2), _e3()),
)
_claim(
    "E3.direct",
    "App. E.3",
    "M¹ and M² are direct mechanisms (IC and IR of §4.1)",
    True,
    lambda: not _e3()[0].violations() and not _e3()[1].violations(),
)

# --- Region III bounds at E.2/E.3's θ (Lemma 5.4, Appendix C) ---------------------------
_claim(
    "E2.lemma5.4",
    "Lemma 5.4 at App. E's θ",
    "max TMU on Table 4's overlapping list = Lemma 5.4's bound",
    at(printed("lemma54_bound"), E2),
    lambda: max_tmu(table4_structures(E2)).value,
)
_claim(
    "E2.lemma5.4.preassigned",
    "§5.3 / App. C at App. E's θ",
    "the bound holds with b̄, s̄ pre-assigned to S¹ and b̲, s̲ to S²",
    at(printed("lemma54_bound"), E2),
    lambda: max_tmu(table4_structures(E2), PRE_ASSIGNMENT).value,
)
_claim(
    "E2.lambda_range",
    "§5.3 at App. E's θ",
    "0 < λ ≤ (p_s̄/p_s̲)(b̄−s̄)/(s̄−s̲) = ((1−p_s̲)/p_s̲)·p*_s̲/(1−p*_s̲) < 1",
    True,
    lambda: (
        0 < lam(E2) <= at(printed("lambda_upper"), E2) == at(printed("lambda_upper_alt"), E2) < 1
    ),
)


def _c8() -> Fraction:
    L = StructureList([table4_structures(E2).structures[0]])
    w = (1 - lam(E2)) * E2.p_b_hi * E2.p_s_lo
    return max_weighted_utility(L, {(0, "b_hi"): 1, (0, "s_hi"): 1}, {(0, "hi,lo", "S"): w}).value


def _c9() -> Fraction:
    L = StructureList([table4_structures(E2).structures[1]])
    sw = {
        (0, "lo,lo", "S"): E2.p_b_lo * E2.p_s_lo,
        (0, "hi,lo", "S"): lam(E2) * E2.p_b_hi * E2.p_s_lo,
    }
    return max_weighted_utility(L, {(0, "b_lo"): 1}, sw).value


_claim(
    "E2.C8",
    "App. C, (C.8) at App. E's θ",
    "the right side of (C.8) (the maximum of its left side)",
    at(printed("C8_rhs"), E2),
    _c8,
    Erratum(
        F(11, 8),
        "(C.8) prints p_b̄p_s̲(s̄ − s̲)(b̄ − s̲)/(b̄ − b̲) for the subtracted term λp_b̄p_s̲(s̄ − s̲) "
        "that the proof derives; with λ = (p_b̲/p_b̄)(b̲ − s̲)/(b̄ − b̲) it is "
        "p_b̲p_s̲(s̄ − s̲)(b̲ − s̲)/(b̄ − b̲). At E's θ the printed bound is 3/8, but the left side "
        "reaches 11/8 (exact LP over mechanisms on S¹, and an explicit IC/IR mechanism), so the "
        "printed inequality is false; the corrected right side is 11/8 "
        "(test_erratum_c8_c9_right_sides).",
    ),
)
_claim(
    "E2.C9",
    "App. C, (C.9) at App. E's θ",
    "the right side of (C.9) (the maximum of its left side)",
    at(printed("C9_rhs"), E2),
    _c9,
    Erratum(
        F(3, 16),
        "(C.9) prints p_b̲p_s̲(b̄ − s̲)(b̄ − s̲)/(b̄ − b̲); the proof ends with λp_b̄p_s̲(b̄ − s̲) = "
        "p_b̲p_s̲(b̲ − s̲)(b̄ − s̲)/(b̄ − b̲). At E's θ: printed 9/16, derived 3/16, and the exact "
        "maximum of (C.9)'s left side over mechanisms on S² is 3/16; only the corrected (C.8) and "
        "(C.9) add up to Lemma 5.4's bound 25/16 (test_erratum_c8_c9_right_sides).",
    ),
)
_claim(
    "E2.C8_plus_C9",
    "App. C, proof of Lemma 5.4",
    "(C.8) + (C.9) add up to Lemma 5.4's bound",
    at(printed("lemma54_bound"), E2),
    lambda: _c8() + _c9(),
)
_claim(
    "E2.lemma5.5_hypothesis",
    "Lemma 5.5 as printed, at App. E's θ",
    "E's θ satisfies Lemma 5.5's printed hypothesis (p_b̲p_s̲(b̄−s̲)/(b̄−b̲) ≥ p_b̄p_s̄(b̄−s̄)/(s̄−s̲)), "
    "so its list bounds every TMU by p_b̲p_s̲(b̲−s̲) + p_b̄p_s̲(b̄−s̲) + p_b̄p_s̄(b̄−s̄)(b̲−s̲)/(s̄−s̲)",
    at(printed("lemma55_bound"), E2),
    lambda: max_tmu(mirror_list(table4_structures(mirror_params(E2)))).value,
    Erratum(
        F(25, 16),
        "Lemmas 5.4 and 5.5 print the case condition with (b̄ − s̲)/(b̄ − b̲) where §5.3 and "
        "Lemma 2.1 have (b̲ − s̲)/(b̄ − b̲). As printed, Lemma 5.5 applies at E's θ (both sides are "
        "3/16) and claims a list with max TMU ≤ 23/16; but the DS mechanism of Table 1(b) gives "
        "every list TMU = W_DS = 25/16 (Theorem 3.3), and the paper's III′ list (mirror of "
        "Table 4) has max TMU exactly 25/16 (test_erratum_lemma55_hypothesis).",
    ),
)

# --- §3.2, Proposition 3.1 and Table 5 at Appendix E's θ -----------------------------------
_claim(
    "E2.prop3.1_factorization",
    "App. D, proof of Prop. 3.1",
    "W_FP − W_DS(a) = p_b̄(s̄ − b̲)(−p_s̲ + p_s̄(b̄ − s̄)/(s̄ − s̲)) at E's θ",
    at(printed("prop31_difference"), E2),
    lambda: w_fp(E2) - table1_mechanism(E2, "a").welfare(E2),
)
_claim(
    "E2.table5.FP_undominated",
    "App. D, proof of Thm. 3.2 (Table 5, right)",
    "undominated actions of Table 5 (right) for b̲, b̄, s̲, s̄",
    (("b_lo",), ("s_hi",), ("b_lo", "s_hi"), ("s_hi",)),
    lambda: tuple(
        undominated_actions(table5_fp_mechanism(E2), side, v)
        for side, v in (("B", E2.b_lo), ("B", E2.b_hi), ("S", E2.s_lo), ("S", E2.s_hi))
    ),
)
_claim(
    "E2.table5.DS_undominated",
    "App. D, proof of Thm. 3.2 (Table 5, left)",
    "in Table 5 (left) each type's truthful action is its only undominated action",
    (("b_lo",), ("b_hi",), ("s_lo",), ("s_hi",)),
    lambda: tuple(
        undominated_actions(table5_ds_mechanism(E2, 1, "a"), side, v)
        for side, v in (("B", E2.b_lo), ("B", E2.b_hi), ("S", E2.s_lo), ("S", E2.s_hi))
    ),
)
_claim(
    "E1.table2",
    "Table 2 at App. E.1's θ",
    "cells (a_S, a_B) = (s̄,b̲), (s̄,s̄), (b̲,b̲), (b̲,s̄): (q, t)",
    ((F(0), F(0)), (F(1), F(3)), (F(1), F(2)), (F(1), F(2))),
    lambda: tuple(
        (m.q[c], m.t[c])
        for m in [flexible_price_mechanism(E1)]
        for c in (("b_lo", "s_hi"), ("s_hi", "s_hi"), ("b_lo", "b_lo"), ("s_hi", "b_lo"))
    ),
)

# --- Symbolic identities: printed formulas vs independent derivations ---------------------
_ORDER = (("lo", "hi"), ("hi", "hi"), ("lo", "lo"), ("hi", "lo"))


def _table1_derived(case: str) -> tuple[Any, ...]:
    d = derive_table1(case)
    return tuple(d[k][p] for p in _ORDER for k in ("q", "t"))


def _table1_printed(case: str) -> tuple[Any, ...]:
    import sympy

    from exactmech.papers.information_games.symbolic import SYMBOLS

    s_lo, b_lo, s_hi, b_hi = SYMBOLS[:4]
    if case == "a":
        r = (b_lo - s_lo) / (s_hi - s_lo)
        cells = [(0, 0), (r, r * s_hi), (1, b_lo), (1, b_lo)]
    else:
        r = (b_hi - s_hi) / (b_hi - b_lo)
        cells = [(0, 0), (1, s_hi), (r, r * b_lo), (1, s_hi)]
    return tuple(sympy.sympify(x) for cell in cells for x in cell)


for _case in ("a", "b"):
    _claim(
        f"table1.{_case}",
        f"Table 1 ({'left' if _case == 'a' else 'right'})",
        "q and t at (b̲,s̄), (b̄,s̄), (b̲,s̲), (b̄,s̲), as formulas",
        _table1_printed(_case),
        partial(_table1_derived, _case),
    )
    _claim(
        f"lemma2.1{_case}.W_DS",
        f"Lemma 2.1({_case})",
        "W_DS formula = eq. (2.1) at the mechanism solved from the binding constraints",
        printed(f"W_DS_{_case}"),
        partial(_ds_welfare_symbolic, _case),
    )
_claim(
    "prop3.1.factorization",
    "App. D, proof of Prop. 3.1",
    "W_FP − W_DS = p_b̄(s̄ − b̲)(−p_s̲ + p_s̄(b̄ − s̄)/(s̄ − s̲)) in case (a), as formulas",
    printed("prop31_difference"),
    lambda: prop31_difference("a")[0],
)
_claim(
    "thresholds.p_star_b",
    "§3.2 and footnote 5",
    "p*_b̄ = (b̲ − s̲)/(b̄ − s̲): s̲ seller indifferent between prices b̲ and b̄",
    printed("p_star_b"),
    lambda: threshold_from_indifference("b"),
)
_claim(
    "thresholds.p_star_s",
    "§3.2 and footnote 5",
    "p*_s̲ = (b̄ − s̄)/(b̄ − s̲): b̄ buyer indifferent between offers s̄ and s̲",
    printed("p_star_s"),
    lambda: threshold_from_indifference("s"),
)
for _lemma, _case in (("5.2", "b"), ("5.3", "a"), ("5.4", "b"), ("5.5", "a")):
    _claim(
        f"lemma{_lemma}.bound_is_W_DS",
        f"Lemma {_lemma}",
        f"the bound equals the welfare of the optimal DS mechanism (Lemma 2.1({_case}))",
        printed(f"lemma{_lemma.replace('.', '')}_bound"),
        partial(_ds_welfare_symbolic, _case),
    )
