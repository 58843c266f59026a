"""Paper 000 ("Can Buyers Reveal for a Better Deal?"): §3's tables and §4's figures.

§3 (discrete disclosure, :mod:`exactmech.papers.disclosure`): for each §3.2 example the
prior with each type's outcome, the optimal menu and every partition; §3.3's 25 pairs of
partitions, the interim prices the text quotes and the printed mechanism under both IC
readings; footnote 3. §4 (two uniform buyers,
:mod:`exactmech.papers.disclosure_continuous`): Figures 2 and 3 (allocation regions of the
unit square, the evaluator's own polygons) and their printed E[U] against ours.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from exactmech.report.specs import FigureSpec, TableContext, TableSpec
from exactmech.report.table import Column, Printed, Table

__all__ = ["FIGURES", "TABLES"]

F = Fraction
DISCRETE = "exactmech.papers.disclosure"
CONTINUOUS_FIGURES = "exactmech.papers.disclosure_continuous.figures"


def _bundle_text(bundle: Sequence[Fraction]) -> str:
    """``(1, 0)`` → ``"good 1"``; ``(31/35, 1)`` → ``"good 2, good 1 w.p. 31/35"``."""
    sure = [str(k + 1) for k, q in enumerate(bundle) if q == 1]
    part = [(k + 1, q) for k, q in enumerate(bundle) if 0 < q < 1]
    words = []
    if sure:
        words.append(("good " if len(sure) == 1 else "goods ") + " and ".join(sure))
    words += [f"good {k} w.p. {q.numerator}/{q.denominator}" for k, q in part]
    return ", ".join(words) or "nothing"


def _types_text(types: Sequence[int]) -> str:
    return ", ".join(str(t) for t in types) or "none"


def _example(which: int) -> Any:
    from exactmech.papers import disclosure as d

    return d.EXAMPLE_1 if which == 1 else d.EXAMPLE_2


_EXAMPLE_NAME = {1: "first example (correlated values)", 2: "second example (independent values)"}


def _types_table(which: int) -> Table:
    from exactmech.papers import disclosure as d

    rows = d.example_1_types() if which == 1 else d.example_2_types()
    table = Table(
        [
            Column("type", align="c"),
            Column("probability", math=True, align="c"),
            Column("values (v1, v2)", math=True, align="c", tex="values $(v_1, v_2)$"),
            Column("allocation (q1, q2)", math=True, align="c", tex="allocation $(q_1, q_2)$"),
            Column("payment", math=True, align="r"),
            Column("utility", math=True, align="r"),
        ],
        caption=(
            f"One buyer, two goods, {_EXAMPLE_NAME[which]}: the prior and each type's outcome "
            "in the revenue-optimal mechanism without disclosure"
        ),
        source=f"paper 000, §3.2, {_EXAMPLE_NAME[which].split(' (')[0]}",
        label=f"tab:000-ex{which}-types",
    )
    for r in rows:
        table.add(
            str(r.type),
            r.probability,
            r.value,
            Printed(r.allocation, r.paper_allocation),
            Printed(r.payment, r.paper_payment),
            Printed(r.utility, r.paper_utility),
        )
    table.notes.append(
        "Mechanism LP of §3.1 (ex-post IC and IR), ties to maximal buyer surplus. The paper "
        "states allocations, payments and utilities in prose; a dash in its place means it "
        "states nothing for that cell."
    )
    return table


def _menu_table(which: int) -> Table:
    from exactmech.papers import disclosure as d

    rows = d.example_1_menu() if which == 1 else d.example_2_menu()
    table = Table(
        [
            Column("bundle"),
            Column("allocation (q1, q2)", math=True, align="c", tex="allocation $(q_1, q_2)$"),
            Column("price", math=True, align="r"),
            Column("bought by types", align="c"),
            Column("in the paper", align="c"),
        ],
        caption=f"Optimal menu without disclosure, one buyer and two goods, {_EXAMPLE_NAME[which]}",
        source=f"paper 000, §3.2, {'first' if which == 1 else 'second'} menu table",
        label=f"tab:000-ex{which}-menu",
    )
    for r in rows:
        table.add(
            _bundle_text(r.bundle),
            Printed(r.bundle, r.paper_bundle),
            Printed(r.price, r.paper_price),
            _types_text(r.types),
            "printed" if r.paper_price is not None else "not printed",
        )
    if which == 2:
        table.notes.append("The paper prints the price 118.6 = 593/5.")
    return table


def _partitions_table(which: int) -> Table:
    from exactmech.papers import disclosure as d

    rows = d.example_1_table() if which == 1 else d.example_2_table()
    table = Table(
        [
            Column("partition"),
            Column("R", math=True, align="r", tex="revenue $R$"),
            Column("U", math=True, align="r", tex="surplus $U$"),
            Column("U (min-surplus tie)", math=True, align="r", tex="$U$ (min-surplus tie)"),
            Column("W", math=True, align="r", tex="welfare $W$"),
            Column("U (always sell)", math=True, align="r", tex="$U$ (always sell)"),
        ],
        caption=(
            f"Every partition of the types, {_EXAMPLE_NAME[which]}: revenue, buyer surplus at "
            "both ends of the revenue-optimal face, welfare, and U in the best equilibrium "
            "that always sells both goods"
        ),
        source="paper 000, §3.2 and Theorem 3.1",
        label=f"tab:000-ex{which}-partitions",
    )
    for r in sorted(rows, key=lambda r: -r.surplus_max):
        table.add(
            r.label,
            r.revenue,
            Printed(r.surplus_max, r.paper_surplus),
            r.surplus_min,
            r.welfare,
            r.always_sell_surplus,
        )
    table.notes.append(
        "Sorted by U (the paper's tie rule). A dash under 'always sell': no equilibrium with "
        "this partition sells both goods at every message. "
        + " ".join(f"{r.label}: {r.paper_note}." for r in rows if r.paper_note)
    )
    return table


def _partition_pairs(ctx: TableContext) -> Table:
    from exactmech.papers.disclosure import section_3_3_table

    rows = section_3_3_table()
    table = Table(
        [
            Column("P_A", tex="$\\mathcal P_A$"),
            Column("P_B", tex="$\\mathcal P_B$"),
            Column("R", math=True, align="r", tex="$R$"),
            Column("U", math=True, align="r", tex="$U$"),
            Column("U (min-surplus tie)", math=True, align="r", tex="$U_{\\min}$"),
            Column("W", math=True, align="r", tex="$W$"),
            Column("U_A", math=True, align="r", tex="$U_A$"),
            Column("U_B", math=True, align="r", tex="$U_B$"),
            Column("U (always sell)", math=True, align="r", tex="$U_{\\text{sell}}$"),
        ],
        caption=(
            "All 25 pairs of partitions of the types {1, 2, 3} (two i.i.d. buyers, "
            "probabilities 1/4, 1/4, 1/2): seller revenue R, buyer surplus U at both ends of "
            "the revenue-optimal face (U, U_min), welfare W, each buyer's utility U_A, U_B, and "
            "U when the good is always sold (U_sell)"
        ),
        source="paper 000, §3.3",
        label="tab:000-partition-pairs",
    )
    for r in sorted(rows, key=lambda r: -r.surplus_max):
        table.add(
            r.labels[0],
            r.labels[1],
            r.revenue,
            Printed(r.surplus_max, r.paper_surplus),
            r.surplus_min,
            r.welfare,
            r.utilities[0],
            r.utilities[1],
            r.always_sell_surplus,
        )
    notes = {f"{r.labels[0]} × {r.labels[1]}: {r.paper_note}" for r in rows if r.paper_note}
    table.notes.append(
        "Sorted by U (the paper's tie rule: maximal buyer surplus among revenue-optimal "
        "mechanisms). No disclosure ({{1, 2, 3}} for both) is the strict maximum of U, as "
        "§3.3 states. What the text says: " + "; ".join(sorted(notes)) + "."
    )
    return table


def _interim_prices(ctx: TableContext) -> Table:
    from exactmech.papers.disclosure import section_3_3_interim_prices

    table = Table(
        [
            Column("messages (A × B)"),
            Column("buyer", align="c"),
            Column("value", math=True, align="c"),
            Column("P(win)", math=True, align="r", tex="$\\Pr[\\text{win}]$"),
            Column("E[payment]", math=True, align="r", tex="$\\mathbf E[\\text{payment}]$"),
            Column("price per unit", math=True, align="r"),
        ],
        caption=(
            "Interim prices (expected payment per unit won) in the message profiles the text "
            "describes, for the buyer-symmetric optimal mechanism"
        ),
        source="paper 000, §3.3",
        label="tab:000-interim-prices",
    )
    for r in section_3_3_interim_prices():
        table.add(
            r.case,
            "AB"[r.buyer],
            r.value,
            r.win_probability,
            r.payment,
            Printed(r.unit_price, r.paper_unit_price),
        )
    table.notes.append(
        "A dash: the type never wins. The text's 'sell them the good for 2.5' is the interim "
        "price of type 3; read as a flat price it is optimal only under interim (Bayesian) "
        "IC (next table)."
    )
    return table


def _printed_mechanism(ctx: TableContext) -> Table:
    from exactmech.papers.disclosure import section_3_3_printed_mechanism

    table = Table(
        [
            Column("IC reading"),
            Column("feasible", align="c"),
            Column("violated constraints", width="6cm"),
            Column("R", math=True, align="r", tex="revenue $R$"),
            Column("U", math=True, align="r", tex="surplus $U$"),
        ],
        caption=(
            "The no-disclosure mechanism exactly as printed (a buyer bidding 3 pays 2.5, one "
            "bidding 2 pays 2), checked against the §3.1 LP under both readings of IC"
        ),
        source="paper 000, §3.3",
        label="tab:000-printed-mechanism",
    )
    for ic in ("interim", "ex-post"):
        chk = section_3_3_printed_mechanism(ic)
        table.add(
            ic,
            "yes" if chk.feasible else "no",
            ", ".join(chk.violated) or "none",
            chk.revenue,
            chk.buyer_surplus,
        )
    return table


def _footnote_3(ctx: TableContext) -> Table:
    from exactmech.papers.disclosure import footnote_3_table

    table = Table(
        [
            Column("messages"),
            Column("probability", math=True, align="r"),
            Column("R", math=True, align="r", tex="$R$"),
            Column("U", math=True, align="r", tex="$U$"),
            Column("U (min-surplus tie)", math=True, align="r", tex="$U_{\\min}$"),
            Column("what the footnote says", width="5cm"),
        ],
        caption=(
            "Footnote 3: two i.i.d. buyers with values 1, 2, 1000 w.p. 1/200, 1/200, 99/100; "
            "no disclosure against the partition low = {1, 2}, high = {1000}: revenue R, "
            "buyer surplus U at both ends of the optimal face (U, U_min)"
        ),
        source="paper 000, footnote 3",
        label="tab:000-footnote3",
    )
    for r in footnote_3_table():
        table.add(r.case, r.probability, r.revenue, r.surplus_max, r.surplus_min, r.paper_note)
    table.notes.append(
        "Revenue and surplus of each message profile are conditional on it; its probability "
        "is the chance that both buyers send those messages."
    )
    return table


def _per_example(make: Callable[[int], Table], which: int) -> Callable[[TableContext], Table]:
    def build(ctx: TableContext) -> Table:
        return make(which)

    build.__name__ = f"{make.__name__}_{which}"
    return build


# -- §4: Figures 2 and 3 -----------------------------------------------------------------------
def _figure_eu_table(ctx: TableContext) -> Table:
    from exactmech.papers.disclosure_continuous.figures import figure_table

    table = Table(
        [
            Column("panel", align="c"),
            Column("partitions", width="6.2cm"),
            Column("E[U]", math=True, align="r", tex="$\\mathbf E[U]$"),
            Column("E[U_A]", math=True, align="r", tex="$\\mathbf E[U_A]$"),
            Column("E[U_B]", math=True, align="r", tex="$\\mathbf E[U_B]$"),
            Column("R", math=True, align="r", tex="revenue"),
            Column("W", math=True, align="r", tex="welfare"),
        ],
        caption=(
            "Figures 2 and 3: the expected buyer surplus each panel prints against the exact "
            "value, with each buyer's utility, revenue and welfare"
        ),
        source="paper 000, §4.1–§4.2, Figures 2 and 3",
        label="tab:000-figures-eu",
    )
    for r in figure_table():
        o = r.outcome
        table.add(
            r.figure,
            r.caption,
            Printed(o.buyer_surplus, r.printed),
            o.utilities[0],
            o.utilities[1],
            o.revenue,
            o.welfare,
        )
    table.notes.append(
        "Two uniform [0, 1] buyers; Myerson's auction for the announced intervals, the "
        "winner paying her threshold within her own message (exact polygon integrals)."
    )
    return table


#: Scales of Zeno's partition drawn in Figure 3d (finer cells are shaded grey).
ZENO_DEPTH = 8
#: matplotlib colours of the captions' colour words ("unshaded": white).
_MPL = {"green": "tab:green", "blue": "tab:blue", "red": "tab:red", "unshaded": "white"}
OWNER_LABELS: dict[str | None, str] = {
    "A": "A gets the good",
    "B": "B gets the good",
    None: "no sale",
}


def _panel(name: str, row: Any) -> Any:
    from exactmech.papers.disclosure_continuous import IntervalPartition, outcome_at
    from exactmech.papers.disclosure_continuous.figures import figure_data, figure_partitions
    from exactmech.report.figure_data import Panel, Region

    data = figure_data(name, depth=ZENO_DEPTH)
    by_owner: dict[str | None, list[Any]] = {"A": [], "B": [], None: []}
    for r in data.regions:
        if not r.polygon.is_empty:
            by_owner[r.owner].append(r.polygon)
    regions = [
        Region(OWNER_LABELS[o], _MPL.get(data.colours[o], "0.5"), tuple(pieces))
        for o, pieces in by_owner.items()
        if pieces
    ]
    if data.unresolved:
        regions.append(Region("finer than drawn", "0.85", data.unresolved))
    # Zeno's partition: the drawn scales are those of the truncated partition
    pa, pb = (
        p if isinstance(p, IntervalPartition) else p.truncated(ZENO_DEPTH)
        for p in figure_partitions(name)
    )

    def classify(p: tuple[Any, Any]) -> str:
        if any(box.contains(p) for box in data.unresolved):
            return "finer than drawn"
        return OWNER_LABELS[outcome_at(pa, pb, p[0], p[1]).winner]

    eu = row.outcome.buyer_surplus
    printed = "" if row.printed == eu else f" (paper: {row.printed})"
    return Panel(
        textwrap.fill(f"({name[1]}) {row.caption}", 46),
        "v_A",
        "v_B",
        (F(0), F(1), F(0), F(1)),
        regions=regions,
        notes=[f"E[U] = {eu}{printed}"],
        classify=classify,
        legend="upper left",
    )


def _figure(fig: str) -> Callable[[], Any]:
    def build() -> Any:
        from exactmech.papers.disclosure_continuous.figures import CAPTION_COLOURS, figure_table
        from exactmech.report.figure_data import FigureData

        rows = [r for r in figure_table() if r.figure.startswith(fig)]
        c = CAPTION_COLOURS[fig]
        caption = (
            f"Allocations of the good under partitional disclosure ({c['A']}: A gets the good, "
            f"{c['B']}: B, {c[None]}: no sale, the colours of the paper's caption), with the "
            "exact E[U] of each panel"
        )
        return FigureData(
            f"000-figure{fig}",
            caption,
            f"paper 000, §4, Figure {fig}",
            [_panel(r.figure, r) for r in rows],
        )

    build.__name__ = f"figure{fig}"
    return build


TABLES: tuple[TableSpec, ...] = (
    *(
        TableSpec(
            f"000-s3.2-ex{w}-{kind}",
            "000",
            f"§3.2, {_EXAMPLE_NAME[w]}",
            title,
            _per_example(make, w),
            requires=DISCRETE,
        )
        for w in (1, 2)
        for kind, title, make in (
            ("types", "prior and each type's outcome without disclosure", _types_table),
            ("menu", "optimal menu without disclosure", _menu_table),
            ("partitions", "every partition: R, U, W, always-sell U", _partitions_table),
        )
    ),
    TableSpec(
        "000-s3.3-partition-pairs",
        "000",
        "§3.3",
        "all 25 pairs of partitions of {1, 2, 3}",
        _partition_pairs,
        requires=DISCRETE,
    ),
    TableSpec(
        "000-s3.3-interim-prices",
        "000",
        "§3.3",
        "interim prices the text quotes",
        _interim_prices,
        requires=DISCRETE,
    ),
    TableSpec(
        "000-s3.3-printed-mechanism",
        "000",
        "§3.3",
        "the printed mechanism under interim and ex-post IC",
        _printed_mechanism,
        requires=DISCRETE,
    ),
    TableSpec(
        "000-footnote3",
        "000",
        "footnote 3",
        "no disclosure against low/high messages",
        _footnote_3,
        requires=DISCRETE,
    ),
    TableSpec(
        "000-s4-figures-eu",
        "000",
        "§4, Figures 2 and 3",
        "printed against exact E[U] of every figure panel",
        _figure_eu_table,
        requires=CONTINUOUS_FIGURES,
    ),
)

FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec(
        "000-figure2",
        "000",
        "§4.1, Figure 2",
        "allocation regions of the unit square: no disclosure, high/low disclosure",
        _figure("2"),
        requires=CONTINUOUS_FIGURES,
    ),
    FigureSpec(
        "000-figure3",
        "000",
        "§4.2, Figure 3",
        "allocation regions of four partitional equilibria",
        _figure("3"),
        requires=CONTINUOUS_FIGURES,
    ),
)
