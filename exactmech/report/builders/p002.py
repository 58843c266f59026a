"""Paper 002 ("Optimal Fixed-Price Mechanism with Signaling"): Table 1 and the examples.

Table 1 prints formulas, not numbers; :func:`exactmech.papers.fixed_price_signaling.table1`
evaluates each printed formula on an instance next to the model's optimum, and the report
shows them side by side for every discrete example instance (one column per instance).
The examples table lists the instances with their optimal fixed prices and signaling
optima.
"""

from __future__ import annotations

from typing import Any

from exactmech.report.specs import FigureSpec, TableContext, TableSpec
from exactmech.report.table import Column, Printed, Table

__all__ = ["FIGURES", "TABLES"]

MODULE = "exactmech.papers.fixed_price_signaling"

#: Table 1's printed entry of each row (``table1``'s order), as typeset in the paper.
_ENTRIES = (
    "max_p [1 − Π_i G(v_i⁻¹(p))]·p",
    "max_p [1 − G(v⁻¹(p))]·p",
    "– (no obedient mechanism)",
    "max_p [1 − G(v_min⁻¹(p))]·p",
    "max_i E[v_i(q)]",
    "E[v(q)]",
    "E[max_i v_i(q)]",
)

NO_MECHANISM = "none"


def _discrete_examples() -> list[tuple[str, Any]]:
    from exactmech.papers.fixed_price_signaling import (
        EXAMPLES,
        DiscreteInstance,
        example_instance,
    )

    out = []
    for name in EXAMPLES:
        inst = example_instance(name)
        if isinstance(inst, DiscreteInstance):
            out.append((name, inst))
    return out


def _definition(inst: Any) -> str:
    from exactmech.papers.fixed_price_signaling import DiscreteInstance
    from exactmech.report.values import value_str

    if isinstance(inst, DiscreteInstance):
        vals = "; ".join(f"v_{i + 1} = {value_str(v)}" for i, v in enumerate(inst.values))
        return f"g = {value_str(inst.probs)}; {vals}"
    vals = "; ".join(f"v_{i + 1} = {v}" for i, v in enumerate(inst.valuations))
    return f"q ~ density {inst.density} on [{inst.lo}, {inst.hi}]; {vals}"


def _cell(v: Any) -> Any:
    return NO_MECHANISM if v is None else v


def _table1(ctx: TableContext) -> Table:
    from exactmech.papers.fixed_price_signaling import table1

    examples = _discrete_examples()
    table = Table(
        [
            Column("buyers, mechanism", width="3cm"),
            Column("printed entry", width="3cm"),
            *(Column(name, math=True, align="r", width="1.95cm") for name, _ in examples),
        ],
        caption=(
            "Table 1 evaluated on each example instance: the optimum of the model (our value) "
            "against the paper's formula for that cell (shown where it differs)"
        ),
        source="paper 002, §5, Table 1",
        label="tab:002-table1",
        latex_digits=8,
    )
    per_instance = [table1(inst) for _, inst in examples]
    for k, entry in enumerate(_ENTRIES):
        first = per_instance[0][k]
        cells = [Printed(_cell(rows[k].model), _cell(rows[k].printed)) for rows in per_instance]
        table.add(f"{first.behavior} IR: {first.mechanism}", entry, *cells)
    table.notes.append(
        "'none': no fixed-price signaling mechanism is obedient for every buyer (Theorem "
        "4.8's '–'). Instances: "
        + "; ".join(f"{name}: {_definition(inst)}" for name, inst in examples)
        + "."
    )
    return table


def _examples(ctx: TableContext) -> Table:
    from exactmech.papers.fixed_price_signaling import (
        EXAMPLES,
        DiscreteInstance,
        example_instance,
        optimal_expost_fixed_price,
        optimal_interim_fixed_price,
        optimal_interim_mechanism,
    )

    table = Table(
        [
            Column("instance"),
            Column("definition", width="4.4cm"),
            Column("ex-post fixed price", math=True, align="r", width="1.8cm"),
            Column("ex-interim fixed price", math=True, align="r", width="1.8cm"),
            Column("ex-interim signaling", math=True, align="r", width="2.2cm"),
            Column("E[max v_i]", math=True, align="r", tex="$\\mathbf E[\\max_i v_i]$"),
        ],
        caption=(
            "The example instances: optimal revenue of a fixed price (ex-post and ex-interim "
            "IR buyers) and of the optimal fixed-price signaling mechanism for ex-interim "
            "buyers (programme (18)), against Proposition 4.10's bound E[max_i v_i]"
        ),
        source="paper 002, §3 and §4",
        label="tab:002-examples",
        latex_digits=8,
    )
    for name in EXAMPLES:
        inst = example_instance(name)
        signaling = (
            optimal_interim_mechanism(inst).revenue
            if isinstance(inst, DiscreteInstance)
            else "not computed"
        )
        table.add(
            name,
            _definition(inst),
            optimal_expost_fixed_price(inst).revenue,
            optimal_interim_fixed_price(inst).revenue,
            signaling,
            inst.expected_max(),
        )
    table.notes.append(
        "Programme (18) is solved for discrete quality levels only; 'not computed' marks the "
        "continuous instances."
    )
    return table


TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "002-examples",
        "002",
        "§3–§4, examples",
        "the example instances and their optimal revenues",
        _examples,
        requires=MODULE,
    ),
    TableSpec(
        "002-table1",
        "002",
        "§5, Table 1",
        "Table 1's formulas against the model's optima on each instance",
        _table1,
        requires=MODULE,
    ),
)

FIGURES: tuple[FigureSpec, ...] = ()
