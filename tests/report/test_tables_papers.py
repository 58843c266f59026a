"""The papers' tables: exact values, and the paper's printed value where it differs.

Each test reads one generated table (``exactmech.report.builders``) and checks the numbers
a reader would look at, against the paper (the printed values sit in ``Printed`` cells).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy

from exactmech.report import Printed, Table
from exactmech.report.tables import TABLES, build_table

F = Fraction
SPECS = {s.id: s for s in TABLES}


def _t(tid: str) -> Table:
    return build_table(SPECS[tid])


def _ours(cell: Any) -> Any:
    return cell.ours if isinstance(cell, Printed) else cell


# -- paper 000 -----------------------------------------------------------------------------
def test_000_menus_match_the_paper() -> None:
    """Paper 000, §3.2: the two printed menus, recomputed by the optimal-mechanism LP."""
    t = _t("000-s3.2-ex1-menu")
    assert t.text_rows() == [
        ["good 1", "(1, 0)", "3", "1", "printed"],
        ["goods 1 and 2", "(1, 1)", "12", "2", "printed"],
    ]
    assert t.differences() == []
    t2 = _t("000-s3.2-ex2-menu")
    assert [r[1:4] for r in t2.text_rows()] == [
        ["(31/35, 1)", "593/5", "2"],
        ["(1, 1)", "129", "3, 4"],
    ]
    assert all(isinstance(r[2], Printed) and r[2].paper is not None for r in t2.rows)
    assert t2.differences() == []


def test_000_types_and_partitions_of_the_examples() -> None:
    """§3.2: type 2 of the first example keeps utility 1 (U = 1/2); in the second, only
    type 4 gains and no disclosure is the best of all 15 partitions (Theorem 3.1)."""
    t = _t("000-s3.2-ex1-types")
    assert [_ours(r[5]) for r in t.rows] == [0, 1] and t.rows[1][5] == Printed(F(1), F(1))
    t2 = _t("000-s3.2-ex2-types")
    assert [_ours(r[5]) for r in t2.rows] == [0, 0, 0, 31]
    p1 = _t("000-s3.2-ex1-partitions")
    assert [(r[0], r[2]) for r in p1.text_rows()] == [("{{1, 2}}", "1/2"), ("{{1}, {2}}", "0")]
    p2 = _t("000-s3.2-ex2-partitions")
    assert len(p2.rows) == 15 and p2.rows[0][0] == "{{1, 2, 3, 4}}"
    best = _ours(p2.rows[0][2])
    assert best == F(1581, 100)
    assert all(r[5] is None or r[5] < best for r in p2.rows)  # always-sell U is lower


def test_000_partition_pairs_table() -> None:
    """Paper 000, §3.3: 25 pairs; no disclosure is the strict maximum of buyer surplus."""
    t = _t("000-s3.3-partition-pairs")
    assert len(t.rows) == 25
    nd = "{{1, 2, 3}}"
    split = "{{1}, {2, 3}}"
    rows = {(r[0], r[1]): r for r in t.rows}
    assert rows[(nd, nd)][3] == Printed(F(3, 8), F(3, 8))
    assert rows[(split, split)][3] == Printed(F(1, 8), F(1, 8))
    assert t.rows[0][:2] == (nd, nd)
    best = _ours(t.rows[0][3])
    assert all(_ours(r[3]) < best for r in t.rows[1:])
    assert all(r[5] == r[2] + _ours(r[3]) for r in t.rows)  # W = R + U
    assert all(r[6] + r[7] == _ours(r[3]) for r in t.rows)  # U = U_A + U_B


def test_000_interim_prices_mechanism_and_footnote() -> None:
    """§3.3: type 3 pays 5/2 and type 2 pays 2 per unit won; the printed flat-price
    mechanism is interim- but not ex-post-IC; footnote 3: low × low gives U = 1/4."""
    t = _t("000-s3.3-interim-prices")
    prices = {(r[0], r[1], r[2]): r[5] for r in t.rows}
    assert prices[("{1,2,3} × {1,2,3}", "A", 3)] == Printed(F(5, 2), F(5, 2))
    assert prices[("{2,3} × {2,3}", "A", 3)] == Printed(F(11, 4), F(11, 4))
    assert t.differences() == []
    m = _t("000-s3.3-printed-mechanism")
    assert [r[:2] for r in m.rows] == [("interim", "yes"), ("ex-post", "no")]
    assert all((r[3], r[4]) == (F(9, 4), F(3, 8)) for r in m.rows)
    fn = _t("000-footnote3")
    assert fn.rows[0][:4] == ("no disclosure", 1, F(9999, 10), 0)
    assert fn.rows[1][0] == "low × low" and fn.rows[1][3] == F(1, 4)
    assert sum(r[1] for r in fn.rows[1:]) == 1


def test_000_figure_panels_expected_surplus() -> None:
    """§4, Figs. 2–3: every printed E[U] reproduces except Fig. 3c (7/54, printed 1/6)."""
    t = _t("000-s4-figures-eu")
    assert [r[0] for r in t.rows] == ["2a", "2b", "3a", "3b", "3c", "3d"]
    assert t.differences() == [(4, "E[U]", F(7, 54), F(1, 6))]
    eu = {r[0]: r[2] for r in t.rows}
    assert eu["3a"] == Printed(F(11, 64), F(11, 64)) and eu["3d"] == Printed(F(23, 147), F(23, 147))
    assert all(r[3] + r[4] == _ours(r[2]) for r in t.rows)  # E[U] = E[U_A] + E[U_B]
    assert (t.rows[2][3], t.rows[2][4]) == (F(13, 128), F(9, 128))  # §4.2's text


# -- paper 001 -----------------------------------------------------------------------------
def test_001_example1_segments() -> None:
    """Paper 001, Example 1: weights 2/3, 1/6, 1/6; revenue 4/3 and surplus 2/3 in total."""
    t = _t("001-example1-segments")
    assert [r[1].ours for r in t.rows[:3]] == [F(2, 3), F(1, 6), F(1, 6)]
    assert t.rows[0][2] == Printed((F(1, 2), F(1, 6), F(1, 3)), (F(1, 2), F(1, 6), F(1, 3)))
    assert t.rows[-1][2] == (F(1, 3), F(1, 3), F(1, 3))  # Bayes plausibility
    assert t.rows[-1][4] == Printed(F(4, 3), F(4, 3))
    assert t.rows[-1][5] == Printed(F(2, 3), F(2, 3))
    assert t.differences() == []


def test_001_section3_tables() -> None:
    """§3: Proposition 1's cases at the chosen signals; Theorem 1's ratio below ε and near
    ε/2; Theorem 2's best CS pinned from both sides, its ratio to OPT tending to 1/2."""
    p = _t("001-s3-cases")
    assert [r[4] for r in p.rows] == ["1", "2", "3", "4", "2, 3, 4", "2, 4", "1, 4"]
    assert p.differences() == []  # CS = the largest applicable printed formula
    t1 = _t("001-s3-theorem1")
    assert all(r[6] == "yes" for r in t1.rows)
    assert all(r[4] == r[3] / r[2] for r in t1.rows)
    t2 = _t("001-s3-theorem2")
    assert all(r[3] == r[4] == r[5] for r in t2.rows)  # scheme = dual bound = closed form
    assert t2.rows[0][1:4] == (F(7, 48), F(1, 8), F(19, 192))
    ratios = [r[7] for r in t2.rows]
    assert ratios == sorted(ratios, reverse=True) and all(x > F(1, 2) for x in ratios)


def test_001_rank_and_algorithm4() -> None:
    """§4 Lemma 3 is tight on the RANK_t table; §5.1.1: Σ w_t = 1 + H_{n−1} > 1 + ln n."""
    r = _t("001-s4-rank")
    assert [(x[1], x[3]) for x in r.rows] == [(F(1, 8), F(1, 8)), (F(3, 8), F(3, 8))]
    a = _t("001-s5-algorithm4")
    assert [x[5] for x in a.rows] == ["yes"] + ["no"] * 7
    assert all(x[2] == x[3] == sum(x[1], F(0)) for x in a.rows)
    assert a.rows[1][4] == 1 + sympy.log(2)


# -- paper 002 -----------------------------------------------------------------------------
def test_002_table1_printed_formulas_against_the_model() -> None:
    """Table 1 on the example instances: a cell differs exactly where ``Table1Row.agree`` is
    false (e.g. the ex-post fixed price on ``identical``: 4/3, the printed formula 16/9;
    the ex-interim signaling optimum on I3: 1 + √3/3, the printed E[max v_i] = 5/3)."""
    from exactmech.papers.fixed_price_signaling import example_instance, table1

    t = _t("002-table1")
    names = t.names[2:]
    assert names == ["identical", "half", "I1", "I3"]
    for j, name in enumerate(names):
        rows = table1(example_instance(name))
        for i, r in enumerate(rows):
            cell = t.rows[i][2 + j]
            assert isinstance(cell, Printed) and cell.differs == (not r.agree), (name, i)
    cells = {(i, t.names[c]): cell for i, row in enumerate(t.rows) for c, cell in enumerate(row)}
    assert cells[(0, "identical")] == Printed(F(4, 3), F(16, 9))
    assert cells[(6, "I1")] == Printed(F(5), F(6))
    i3 = cells[(6, "I3")]
    assert sympy.simplify(i3.ours - (1 + sympy.sqrt(3) / 3)) == 0 and i3.paper == F(5, 3)
    assert cells[(2, "identical")] == Printed("none", "none")


def test_002_examples_table() -> None:
    """§3–§4: signaling never loses to a fixed price for ex-interim buyers, and stays below
    Proposition 4.10's bound E[max_i v_i]."""
    t = _t("002-examples")
    assert [r[0] for r in t.rows] == [
        "identical",
        "half",
        "I1",
        "I3",
        "continuous",
        "continuous-identical",
    ]
    for r in t.rows[:4]:
        fixed, signaling, bound = r[3], r[4], r[5]
        assert sympy.simplify(sympy.sympify(signaling) - fixed) >= 0
        assert sympy.simplify(bound - sympy.sympify(signaling)) >= 0
    assert t.rows[4][2:4] == (1, F(3, 2)) and t.rows[4][5] == F(97, 58)


# -- paper 003 -----------------------------------------------------------------------------
def test_003_figure2_reproduces_at_the_printed_precision() -> None:
    """Figure 2: all 37 printed values (7 priors × 5 columns, and the Triangle prior's two
    guarantees in §5.2's text) are our values rounded to the printed decimals."""
    t = _t("003-figure2-table")
    assert [r[0] for r in t.rows][:2] == ["Uniform", "CDF 2v - v^2"] and len(t.rows) == 8
    assert t.differences() == []
    printed = [c for r in t.rows for c in r if isinstance(c, Printed)]
    assert len(printed) == 37 and all(c.paper is not None for c in printed)
    assert t.rows[0][1:] == tuple(
        Printed(x, x) for x in ("0.5", "0.273", "0.272", "0.177", "0.204")
    )


def test_003_figure2_digits_and_figure1_agree() -> None:
    """The uniform row of Figure 2 is Figure 1 at I = 1 (Π_1^*) and I = 2 (Π_2^*, and the
    first-price auction's 17/96); Π_I^* rises with I towards the full surplus 1/2."""
    import mpmath

    d = _t("003-figure2-digits")
    uniform = d.rows[0]
    assert uniform[0] == "Uniform" and uniform[1] == F(1, 2) and uniform[4] == F(17, 96)
    f1 = _t("003-figure1-table")
    assert [r[0] for r in f1.rows] == [str(i) for i in range(1, 21)]
    with mpmath.workdps(40):
        pi1 = mpmath.mpf(str(sympy.N(uniform[5], 40)))  # the closed form (Lambert W)
        assert abs(f1.rows[0][1] - pi1) < mpmath.mpf(10) ** -30
        assert abs(f1.rows[1][1] - uniform[3]) < mpmath.mpf(10) ** -30
    assert f1.rows[1][2] == F(17, 96) and f1.rows[0][2] == F(1, 8)
    values = [r[1] for r in f1.rows]
    assert values == sorted(values) and 0.4 < values[-1] < mpmath.mpf(1) / 2


# -- paper 004 -----------------------------------------------------------------------------
def test_004_tables_1_2_5_at_figure2_values() -> None:
    """Tables 1, 2, 5 at (1, 2, 3, 5): case (a) trades w.p. (b̲−s̲)/(s̄−s̲) = 1/2 at (b̄, s̄);
    Table 2's printed entries evaluate to our values; Table 5's − action pays x = 1."""
    t1 = _t("004-table1")
    cell = {(r[0], r[1], r[2]): (r[3], r[5]) for r in t1.rows}
    assert cell[("(a)", "b̄", "s̄")] == (F(1, 2), F(3, 2))
    assert cell[("(b)", "b̲", "s̲")] == (F(2, 3), F(4, 3))
    t2 = _t("004-table2")
    assert t2.differences() == [] and all(isinstance(r[2], Printed) for r in t2.rows)
    assert [(r[0], r[1], _ours(r[4])) for r in t2.rows][1] == ("s̄", "s̄", 3)
    t5 = _t("004-table5")
    assert len(t5.rows) == 32
    assert ("dominant-strategy", "−", "b̲", 0, "0", -1, "-x") in t5.rows


def test_004_tables_6_7_and_appendix_c() -> None:
    """App. E: Tables 6 and 7 reproduce; App. C: (C.8) and (C.9) as printed differ from the
    proof's right sides, which the LP attains (errata 004.E2.C8, 004.E2.C9)."""
    t6, t7 = _t("004-table6"), _t("004-table7")
    assert len(t6.rows) == 8 and len(t7.rows) == 10
    assert t6.differences() == [] and t7.differences() == []
    assert ("S¹", "(b̄, s̲)", Printed(F(9, 7), F(9, 7)), Printed(F(12, 7), F(12, 7))) in t6.rows
    assert t7.rows[-1][1] == "(b̄′, s̲)"
    c = _t("004-appendix-c")
    assert [(r[0], r[3]) for r in c.rows if isinstance(r[3], Printed) and r[3].differs] == [
        ("(C.8)", Printed(F(11, 8), F(3, 8))),
        ("(C.9)", Printed(F(3, 16), F(9, 16))),
    ]
    assert all(r[2] == _ours(r[3]) for r in c.rows if r[1] == "yes")
