"""Paper 004 ("Information Games and Robust Trading Mechanisms"): Tables 1, 2, 5, 6, 7,
Appendix C's bounds, and Figures 2, 3 and 5.

Tables 1, 2 and 5 print formulas in the values; the report evaluates them at Figure 2's
values ``(s̲, b̲, s̄, b̄) = (1, 2, 3, 5)`` and shows each formula beside its value (Table 2's
module also evaluates the printed entries, shown as paper values). Tables 6 and 7 print
numbers (Appendix E at ``(1, 2, 3, 4)``). The figures are the ``(p_b̄, p_s̲)`` square cut
by the thresholds ``p*_b̄``, ``p*_s̲`` and Lemma 2.1's curve (its case margin is 0), with
the classifiers of :mod:`exactmech.papers.information_games.params` naming each region.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from exactmech.report.figure_data import Curve, FigureData, Marker, Panel, strip_regions
from exactmech.report.specs import FigureSpec, TableContext, TableSpec
from exactmech.report.table import Column, Printed, Table

__all__ = ["FIGURES", "TABLES", "VALUES"]

F = Fraction
MODULE = "exactmech.papers.information_games"
#: Figure 2's values ``(s̲, b̲, s̄, b̄)``, also used for Tables 1, 2, 5 and Figures 3, 5.
VALUES = (1, 2, 3, 5)

_BUYER = {"lo": "b̲", "hi": "b̄", "hi'": "b̄′"}
_SELLER = {"lo": "s̲", "hi": "s̄"}
_ACTION = {"0": "∅", "-": "−", "b_lo": "b̲", "b_hi": "b̄", "s_lo": "s̲", "s_hi": "s̄"}
#: The trade probability q and transfer t, each beside the paper's printed entry (Tables 1, 2, 5)
_QT_COLUMNS = (
    Column("q", math=True, align="r", tex="$q$"),
    Column("q printed", tex="$q$ (printed)"),
    Column("t", math=True, align="r", tex="$t$"),
    Column("t printed", tex="$t$ (printed)"),
)


def _theta() -> Any:
    from exactmech.papers.information_games import TradeParams

    return TradeParams(*VALUES, "1/2", "1/2")


def _values_note() -> str:
    s_lo, b_lo, s_hi, b_hi = VALUES
    return (
        f"Evaluated at (s̲, b̲, s̄, b̄) = ({s_lo}, {b_lo}, {s_hi}, {b_hi}) (Figure 2's values); "
        "the probabilities do not enter."
    )


def _table1(ctx: TableContext) -> Table:
    from exactmech.papers.information_games import table1_rows

    table = Table(
        [
            Column("case", align="c"),
            Column("b", align="c", tex="$b$"),
            Column("s", align="c", tex="$s$"),
            *_QT_COLUMNS,
        ],
        caption="The two possible forms of the optimal dominant-strategy mechanism (Lemma 2.1)",
        source="paper 004, §2.2, Table 1",
        label="tab:004-table1",
    )
    for r in table1_rows(_theta()):
        table.add(
            f"({r['case']})",
            _BUYER[str(r["buyer"])],
            _SELLER[str(r["seller"])],
            r["q"],
            r["q_printed"],
            r["t"],
            r["t_printed"],
        )
    table.notes.append(_values_note() + " Case (a) is the left side of Table 1, (b) the right.")
    return table


def _table2(ctx: TableContext) -> Table:
    from exactmech.papers.information_games import table2_rows

    table = Table(
        [
            Column("a_S", align="c", tex="$a_S$"),
            Column("a_B", align="c", tex="$a_B$"),
            *_QT_COLUMNS,
        ],
        caption="Flexible-price mechanism with the seller offering",
        source="paper 004, §3.2, Table 2",
        label="tab:004-table2",
    )
    for r in table2_rows(_theta()):
        table.add(
            _ACTION[str(r["a_S"])],
            _ACTION[str(r["a_B"])],
            Printed(r["q"], r["q_printed_value"]),
            r["q_printed"],
            Printed(r["t"], r["t_printed_value"]),
            r["t_printed"],
        )
    table.notes.append(_values_note() + " When a_B or a_S is ∅, q = t = 0.")
    return table


def _table5(ctx: TableContext) -> Table:
    from exactmech.papers.information_games import table5_rows

    table = Table(
        [
            Column("mechanism"),
            Column("a_S", align="c", tex="$a_S$"),
            Column("a_B", align="c", tex="$a_B$"),
            *_QT_COLUMNS,
        ],
        caption=(
            "Modified dominant-strategy (left of Table 5) and flexible-price (right) mechanisms "
            "with the extra action −, at x = 1"
        ),
        source="paper 004, Appendix D, Table 5",
        label="tab:004-table5",
    )
    names = {"DS": "dominant-strategy", "FP": "flexible-price"}
    for r in table5_rows(_theta(), 1):
        table.add(
            names[str(r["mechanism"])],
            _ACTION[str(r["a_S"])],
            _ACTION[str(r["a_B"])],
            r["q"],
            r["q_printed"],
            r["t"],
            r["t_printed"],
        )
    table.notes.append(
        _values_note() + " Rows in the printed layout (seller actions −, high, low, ∅; buyer "
        "actions ∅, low, high, −); the ∅ row, all zeros, is implied by §2.1."
    )
    return table


def _state(label: str) -> str:
    b, s = label.split(",")
    return f"({_BUYER[b]}, {_SELLER[s]})"


def _payoffs(which: int) -> Callable[[TableContext], Table]:
    def build(ctx: TableContext) -> Table:
        from exactmech.papers.information_games.appendix_e import table6, table7

        rows = table6() if which == 6 else table7()
        table = Table(
            [
                Column("structure", align="c"),
                Column("state (b, s)", align="c", tex="state $(b, s)$"),
                Column("u_B", math=True, align="r", tex="$u_B$"),
                Column("u_S", math=True, align="r", tex="$u_S$"),
            ],
            caption=(
                "Payoffs from the example mechanisms for the information structures of regions "
                "I and II (Table 3), applied in region III"
                if which == 6
                else "Payoffs in the example of non-overlapping mechanisms in region III "
                "(Table 4's structures, λ = 1/6)"
            ),
            source=f"paper 004, Appendix E.{which - 4}, Table {which}",
            label=f"tab:004-table{which}",
        )
        for r in rows:
            table.add(
                r.structure.replace("S1", "S¹").replace("S2", "S²"),
                _state(r.state),
                Printed(r.u_buyer, r.printed_u_buyer),
                Printed(r.u_seller, r.printed_u_seller),
            )
        table.notes.append(
            "(s̲, b̲, s̄, b̄) = (1, 2, 3, 4), p_b̄ = 3/4, p_s̲ = 1/2; payoffs recomputed from the "
            "example's offers (each mechanism checked to be a direct mechanism, exactly)."
        )
        return table

    build.__name__ = f"table{which}"
    return build


def _appendix_c(ctx: TableContext) -> Table:
    from exactmech.papers.information_games import appendix_c_bounds
    from exactmech.papers.information_games.appendix_e import E2_PARAMS

    table = Table(
        [
            Column("inequality", align="c"),
            Column("hypothesis holds", align="c"),
            Column("LP maximum of the left side", math=True, align="r"),
            Column("right side (proof)", math=True, align="r", tex="right side (proof)"),
        ],
        caption=(
            "Appendix C's sub-bounds in region III: the exact maximum of each left side over "
            "direct mechanisms, and the right side as the proof derives it, beside the "
            "printed right side where it differs"
        ),
        source="paper 004, Appendix C, (C.1), (C.2), (C.5), (C.8), (C.9)",
        label="tab:004-appendix-c",
    )
    for r in appendix_c_bounds(E2_PARAMS):
        table.add(
            f"({r.name})",
            "yes" if r.hypothesis_holds else "no",
            r.lp_value,
            Printed(r.derived, r.printed),
        )
    table.notes.append(
        "At (s̲, b̲, s̄, b̄) = (1, 2, 3, 4), p_b̄ = 3/4, p_s̲ = 1/2 (λ = 1/6). Where the "
        "hypothesis holds the LP maximum equals the derived right side: each bound is attained."
    )
    return table


# -- Figures 2, 3 and 5: the (p_b̄, p_s̲) square -------------------------------------------
_COLOURS = {
    "I": "tab:green",
    "II": "tab:blue",
    "II'": "tab:cyan",
    "III": "tab:orange",
    "III'": "tab:red",
    "case (a)": "tab:blue",
    "case (b)": "tab:orange",
    "flexible-price": "tab:green",
    "DS (a)": "tab:blue",
    "DS (b)": "tab:orange",
}


def _curve(th: Any) -> Callable[[Fraction], Fraction]:
    """Lemma 2.1's case margin = 0 as ``p_s̲`` in terms of ``p_b̄`` (the margin is
    increasing in ``p_s̲``, so case (a), margin ≥ 0, lies above)."""
    a: Fraction = (th.b_lo - th.s_lo) / (th.b_hi - th.b_lo)
    b: Fraction = (th.b_hi - th.s_hi) / (th.s_hi - th.s_lo)

    def y(x: Fraction) -> Fraction:
        # (1 − x)·y·a = x·(1 − y)·b  ⇔  y = x b / ((1 − x) a + x b)
        return x * b / ((1 - x) * a + x * b)

    return y


def _square(kind: str) -> FigureData:
    from exactmech.papers.information_games import (
        ds_case,
        optimal_mechanism_kind,
        p_star_b_hi,
        p_star_s_lo,
        region,
    )

    th = _theta()
    pb, ps = p_star_b_hi(th), p_star_s_lo(th)
    curve = _curve(th)

    def at(p: tuple[Any, Any]) -> Any:
        return th.with_probabilities(p[0], p[1])

    classify: Callable[[tuple[Any, Any]], str]
    if kind == "2":
        breaks: list[Fraction] = []
        bounds = [curve]

        def classify(p: tuple[Any, Any]) -> str:
            return f"case ({ds_case(at(p))})"

        title = "Lemma 2.1: case (a) above the curve, case (b) below"
    else:
        breaks, bounds = [pb], [curve, lambda x: ps]
        if kind == "3":

            def classify(p: tuple[Any, Any]) -> str:
                return str(optimal_mechanism_kind(at(p)))

            title = "the optimal mechanism (Theorem 3.3)"
        else:

            def classify(p: tuple[Any, Any]) -> str:
                return str(region(at(p)))

            title = "regions I, II, II′, III, III′ of the proof"
    smap = strip_regions((F(0), F(1), F(0), F(1)), breaks, bounds, classify, _COLOURS)
    xs = [F(k, 64) for k in range(65)]
    curves = [Curve("Lemma 2.1 margin = 0", tuple((x, curve(x)) for x in xs), "black", "-")]
    markers = []
    pb_tex, ps_tex = r"p^*_{\bar b}", r"p^*_{\underline{s}}"
    notes = [r"$(\underline{s}, \underline{b}, \bar s, \bar b)$" + f" = {VALUES}"]
    if kind != "2":
        curves.append(Curve(f"${pb_tex} = {pb}$", ((pb, F(0)), (pb, F(1))), "black", "--"))
        curves.append(Curve(f"${ps_tex} = {ps}$", ((F(0), ps), (F(1), ps)), "black", ":"))
        markers.append(Marker(f"$({pb_tex}, {ps_tex})$", (pb, ps), offset=(6, -12)))
    panel = Panel(
        title,
        r"$p_{\bar b}$",
        r"$p_{\underline{s}}$",
        (F(0), F(1), F(0), F(1)),
        regions=smap.regions,
        curves=curves,
        markers=markers,
        notes=notes,
        classify=classify,
        locate=smap.locate,
        legend="outside",
    )
    captions = {
        "2": "Regions of the (p_b̄, p_s̲) square where each case of Lemma 2.1 applies",
        "3": "Parameter regions for the possible optimal mechanisms",
        "5": "Parameter regions for the proof of the main characterization",
    }
    return FigureData(f"004-figure{kind}", captions[kind], f"paper 004, Figure {kind}", [panel])


def _figure(kind: str) -> Callable[[], FigureData]:
    def build() -> FigureData:
        return _square(kind)

    build.__name__ = f"figure{kind}"
    return build


TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "004-table1",
        "004",
        "§2.2, Table 1",
        "optimal dominant-strategy mechanisms",
        _table1,
        requires=MODULE,
    ),
    TableSpec(
        "004-table2", "004", "§3.2, Table 2", "flexible-price mechanism", _table2, requires=MODULE
    ),
    TableSpec(
        "004-table5",
        "004",
        "Appendix D, Table 5",
        "modified dominant-strategy and flexible-price mechanisms",
        _table5,
        requires=MODULE,
    ),
    TableSpec(
        "004-table6",
        "004",
        "Appendix E.2, Table 6",
        "payoffs of the example mechanisms in region III",
        _payoffs(6),
        requires=MODULE + ".appendix_e",
    ),
    TableSpec(
        "004-table7",
        "004",
        "Appendix E.3, Table 7",
        "non-overlapping mechanisms in region III",
        _payoffs(7),
        requires=MODULE + ".appendix_e",
    ),
    TableSpec(
        "004-appendix-c",
        "004",
        "Appendix C",
        "the sub-bounds (C.1)–(C.9) in region III",
        _appendix_c,
        requires=MODULE + ".appendix_e",
    ),
)

FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec(
        "004-figure2",
        "004",
        "§2.2, Figure 2",
        "regions of the (p_b̄, p_s̲) square for the cases of Lemma 2.1",
        _figure("2"),
        requires=MODULE,
    ),
    FigureSpec(
        "004-figure3",
        "004",
        "§3.3, Figure 3",
        "parameter regions of the optimal mechanisms",
        _figure("3"),
        requires=MODULE,
    ),
    FigureSpec(
        "004-figure5",
        "004",
        "§5, Figure 5",
        "regions I, II, II′, III, III′ of the (p_b̄, p_s̲) square",
        _figure("5"),
        requires=MODULE,
    ),
)
