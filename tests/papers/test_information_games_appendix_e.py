"""Paper 004 Appendix E (Tables 6, 7) and the errata, each confirmed by a second computation."""

from __future__ import annotations

from fractions import Fraction

import sympy

from exactmech.claims import claims_for
from exactmech.papers.information_games import (
    DirectMechanism,
    StructureList,
    TradeParams,
    ds_case_margin,
    ds_lp,
    lam,
    lift_value_mechanism,
    max_tmu,
    max_weighted_utility,
    mirror_list,
    mirror_params,
    respects_overlaps,
    table1_mechanism,
    table3_structures,
    table4_structures,
    tmu,
    w_ds,
    w_ds_a,
)
from exactmech.papers.information_games.appendix_e import (
    E1_PARAMS,
    E2_PARAMS,
    PRE_ASSIGNMENT,
    e1_example,
    e2_mechanisms,
    e3_mechanisms,
    posted_price,
    table6,
    table7,
)
from exactmech.papers.information_games.symbolic import SYMBOLS, at, printed

F = Fraction


def test_tables_6_and_7_reproduce() -> None:
    """Tables 6 and 7 (paper 004, App. E.2–E.3): every state's payoffs, recomputed from the
    example procedures, equal the printed ones; the mechanisms are IC/IR direct mechanisms."""
    for rows, n in ((table6(), 8), (table7(), 10)):
        assert len(rows) == n
        assert all(
            r.u_buyer == r.printed_u_buyer and r.u_seller == r.printed_u_seller for r in rows
        )
    for m in (*e2_mechanisms(), *e3_mechanisms()):
        assert m.violations() == []


def test_appendix_e2_and_e3_tmu() -> None:
    """App. E.2: TMU = 11/7 > W_DS = 25/16 (and 11/7 is the exact max on Table 3's list);
    App. E.3: the non-overlapping list has TMU = 19/12 > 25/16, breaks (4.3), and the
    overlapping LP on the same structures gives exactly W_DS (Lemma 5.4)."""
    assert tmu(e2_mechanisms()) == F(11, 7) == max_tmu(table3_structures(E2_PARAMS)).value
    m3 = e3_mechanisms()
    assert tmu(m3) == F(19, 12) > w_ds(E2_PARAMS) == F(25, 16)
    assert not respects_overlaps(table4_structures(E2_PARAMS), m3)
    assert max_tmu(table4_structures(E2_PARAMS)).value == F(25, 16)
    assert max_tmu(table4_structures(E2_PARAMS, overlapping=False)).value == F(77, 48)


def test_payoff_table_latex() -> None:
    """Table 7 as LaTeX comes from the report layer (exactmech.report), which renders the
    same rows: every computed payoff appears as an exact fraction."""
    from exactmech.report.tables import TABLES, build_table

    spec = next(s for s in TABLES if s.id == "004-table7")
    tex = build_table(spec).to_latex()
    assert r"\frac{12}{5}" in tex and r"\begin{tabular}" in tex
    for row in table7():
        for u in (row.u_buyer, row.u_seller):
            text = (
                str(u.numerator)
                if u.denominator == 1
                else rf"\frac{{{u.numerator}}}{{{u.denominator}}}"
            )
            assert text in tex


def test_claims_registered_with_six_errata() -> None:
    """The errata of paper 004 (each with its named test below) are recorded as such."""
    claims = claims_for("004")
    assert len(claims) >= 90
    assert sorted(c.id for c in claims if c.erratum is not None) == [
        "004.E1.lemma5.2.last_line",
        "004.E1.sum",
        "004.E1.u_s_lo_M2",
        "004.E2.C8",
        "004.E2.C9",
        "004.E2.lemma5.5_hypothesis",
    ]


def test_erratum_e1_posted_price_seller_utility() -> None:
    """Erratum, App. E.1: the paper prints u_s̲(M²) = 2 for a posted price of 4 on S².

    Independent computation by enumeration of S²'s states: the s̲ seller trades exactly when
    the buyer's value (4) reaches the price, i.e. with probability p_b̄ = 1/2, earning 4 − 1;
    so u_s̲(M²) = 3/2. The direct-mechanism computation agrees; 2 would need p_b̄ = 2/3.
    """
    th = E1_PARAMS
    S2 = table3_structures(th).structures[1]
    by_hand = (
        sum(
            (
                st.prob * (posted_price(S2.value_of("B", st.b), th.s_lo, 4)[0] * (4 - th.s_lo))
                for st in S2.states
                if st.s == "lo"
            ),
            F(0),
        )
        / th.p_s_lo
    )
    assert by_hand == F(3, 2) == e1_example()["u_s_lo(M2)"]
    assert by_hand != 2


def test_erratum_e1_posted_price_sum() -> None:
    """Erratum, App. E.1: the pre-assigned sum is 7/8, not 1 (still > W_DS = 13/16).

    Second computation: the exact LP maximum of the pre-assigned TMU on Table 3 (every list of
    direct mechanisms) is also 7/8, so the posted prices are an optimal counterexample.
    """
    by_hand = F(1, 2) * 0 + F(1, 2) * 1 + F(1, 4) * F(3, 2) + F(3, 4) * 0
    lp = max_tmu(table3_structures(E1_PARAMS), PRE_ASSIGNMENT).value
    assert by_hand == e1_example()["sum"] == lp == F(7, 8)
    assert lp > ds_lp(E1_PARAMS).value == F(13, 16)


def test_erratum_lemma52_proof_last_line() -> None:
    """Erratum, App. C (proof of Lemma 5.2): the last line's (b̄ − s̲) should be (b̲ − s̲).

    Symbolically, the printed last line differs from Lemma 5.2's bound while the corrected
    one (λp_b̄p_s̲(b̄ − s̄) with λ of §5.3) equals it; numerically at App. E.1's θ the printed
    line is 15/16 but the TMU LP and the DS LP both give 13/16.
    """
    s_lo, b_lo, s_hi, b_hi, p_bh, p_sl = SYMBOLS
    bound = printed("lemma52_bound")
    lam_s = (1 - p_bh) / p_bh * (b_lo - s_lo) / (b_hi - b_lo)
    corrected = (
        p_bh * (1 - p_sl) * (b_hi - s_hi)
        + p_bh * p_sl * (b_hi - s_lo)
        + lam_s * p_bh * p_sl * (b_hi - s_hi)
    )
    assert sympy.simplify(corrected - bound) == 0
    assert sympy.simplify(printed("lemma52_proof_last") - bound) != 0
    assert at(printed("lemma52_proof_last"), E1_PARAMS) == F(15, 16)
    assert max_tmu(table3_structures(E1_PARAMS)).value == ds_lp(E1_PARAMS).value == F(13, 16)


def test_erratum_c8_c9_right_sides() -> None:
    """Errata, App. C (C.8), (C.9): the printed right sides are 3/8 and 9/16 at E's θ.

    The proof derives λp_b̄p_s̲(s̄ − s̲) and λp_b̄p_s̲(b̄ − s̲) for the λ-terms. Second
    computation: the exact LP maxima of the left sides are 11/8 and 3/16 = the corrected
    right sides; the maximising mechanisms are checked IC/IR by the independent checker and
    their left sides evaluated directly from state utilities; 11/8 > 3/8 shows the printed
    (C.8) is false, and only the corrected pair adds up to Lemma 5.4's bound 25/16.
    """
    th = E2_PARAMS
    lm = lam(th)
    L4 = table4_structures(th)
    w8 = (1 - lm) * th.p_b_hi * th.p_s_lo
    r8 = max_weighted_utility(
        StructureList([L4.structures[0]]), {(0, "b_hi"): 1, (0, "s_hi"): 1}, {(0, "hi,lo", "S"): w8}
    )
    m1: DirectMechanism = r8.mechanisms[0]
    assert m1.violations() == []
    lhs8 = (
        th.p_b_hi * m1.type_utility("b_hi")
        + th.p_s_hi * m1.type_utility("s_hi")
        + w8 * (m1.state_utilities()["hi,lo"][1])
    )
    sw = {(0, "lo,lo", "S"): th.p_b_lo * th.p_s_lo, (0, "hi,lo", "S"): lm * th.p_b_hi * th.p_s_lo}
    r9 = max_weighted_utility(StructureList([L4.structures[1]]), {(0, "b_lo"): 1}, sw)
    m2 = r9.mechanisms[0]
    assert m2.violations() == []
    u2 = m2.state_utilities()
    lhs9 = (
        th.p_b_lo * m2.type_utility("b_lo")
        + sw[(0, "lo,lo", "S")] * u2["lo,lo"][1]
        + sw[(0, "hi,lo", "S")] * u2["hi,lo"][1]
    )
    derived8 = (
        th.p_b_hi * th.p_s_hi * (th.b_hi - th.s_hi)
        + th.p_b_hi * th.p_s_lo * (th.b_hi - th.s_lo)
        - lm * th.p_b_hi * th.p_s_lo * (th.s_hi - th.s_lo)
    )
    derived9 = lm * th.p_b_hi * th.p_s_lo * (th.b_hi - th.s_lo)
    assert lhs8 == r8.value == derived8 == F(11, 8)
    assert lhs9 == r9.value == derived9 == F(3, 16)
    assert at(printed("C8_rhs"), th) == F(3, 8) < lhs8
    assert at(printed("C9_rhs"), th) == F(9, 16)
    assert derived8 + derived9 == at(printed("lemma54_bound"), th) == F(25, 16)


def test_erratum_lemma55_hypothesis() -> None:
    """Erratum, Lemmas 5.4/5.5: the printed case condition uses (b̄ − s̲)/(b̄ − b̲).

    At E's θ the printed Lemma 5.5 hypothesis holds (both sides 3/16, so "≥"), and the lemma
    would bound some list's max TMU by W_DS(a) = 23/16. Independent computations: (1) lifting
    Table 1(b)'s DS mechanism onto any list (here the paper's III′ list, the mirror of Table 4)
    gives IC/IR direct mechanisms with TMU = 25/16 (no LP); (2) the exact LP on that list gives
    25/16. The intended condition ((b̲ − s̲)/(b̄ − b̲), §5.3) puts E's θ in region III instead.
    """
    th = E2_PARAMS
    assert at(printed("lemma54_margin_printed"), th) == 0  # printed hypothesis of 5.5 holds
    assert ds_case_margin(th) < 0  # the §5.3 condition: region III, case (b)
    assert at(printed("lemma55_bound"), th) == w_ds_a(th) == F(23, 16)
    L = mirror_list(table4_structures(mirror_params(th)))
    lifted = [lift_value_mechanism(table1_mechanism(th, "b"), S) for S in L.structures]
    assert all(m.violations() == [] for m in lifted)
    assert respects_overlaps(L, lifted)
    assert tmu(lifted) == F(25, 16) > F(23, 16)
    assert max_tmu(L).value == F(25, 16)


def test_e1_counterexample_is_not_an_artefact() -> None:
    """App. E.1: in region II the pre-assigned bound exceeds W_DS but the full (minimum over
    both structures) bound equals W_DS (Lemma 5.2) — at E.1's θ, 7/8 vs 13/16."""
    L = table3_structures(E1_PARAMS)
    assert max_tmu(L, PRE_ASSIGNMENT).value == F(7, 8) > max_tmu(L).value == F(13, 16)
    th = TradeParams(1, 2, 3, 4, "1/2", "1/4")
    assert th == E1_PARAMS
