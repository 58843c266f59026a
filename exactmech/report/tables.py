r"""The table registry: one builder per table a paper prints, and the ``.tex`` files they make.

Each :class:`TableSpec` names a table of a paper (``"000-s3.3-partition-pairs"``), where it
is (``"§3.3"``), and a builder that calls the paper modules' *public* functions and returns
a :class:`~exactmech.report.table.Table` whose cells are exact values, with the paper's
printed value as a :class:`~exactmech.report.table.Printed` pair wherever the paper prints
one (the renderings show it next to ours where they differ).

A spec whose paper module is not written yet names it in ``requires``
(``"exactmech.papers.information_games"``): it is *pending* and is listed, not built.

:func:`write_tables` writes each table as a standalone ``.tex`` (a booktabs ``table``, or a
``longtable`` when long) into ``DIR/tables/`` plus the master document ``DIR/tables.tex``
that ``\input``\ s them; ``exactmech tables [--paper ID] [--out DIR]`` calls it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

from exactmech.claims import PAPERS, ClaimResult, claims_for
from exactmech.report.latex import master_document
from exactmech.report.table import Column, Printed, Table
from exactmech.report.values import value_str

__all__ = [
    "TABLES",
    "TableContext",
    "TableSpec",
    "WrittenTables",
    "build_table",
    "tables_for",
    "write_tables",
]

F = Fraction


@dataclass
class TableContext:
    """What builders may share: the paper filter and, once run, the claim results."""

    paper: str | None = None
    results: list[ClaimResult] | None = None
    jobs: int | None = None


@dataclass(frozen=True)
class TableSpec:
    """One table of one paper.

    Attributes
    ----------
    id
        File stem (``"001-example1-segments"``).
    paper
        ``"000"``–``"004"``, or ``"all"`` for the claims table.
    location
        Where the paper prints it (``"§3.2, first table"``).
    title
        What it shows.
    build
        Builder; ``None`` while pending.
    requires
        Module the builder needs; the spec is pending while it cannot be imported.
    """

    id: str
    paper: str
    location: str
    title: str
    build: Callable[[TableContext], Table] | None = field(default=None, compare=False)
    requires: str = ""

    @property
    def pending(self) -> bool:
        """Whether the paper module this table needs is not available yet."""
        if self.build is None:
            return True
        if not self.requires:
            return False
        try:
            return importlib.util.find_spec(self.requires) is None
        except ModuleNotFoundError:
            return True


def _bundle_text(bundle: Sequence[Fraction]) -> str:
    """``(1, 0)`` → ``"good 1"``; ``(31/35, 1)`` → ``"good 2, good 1 w.p. 31/35"``."""
    sure = [str(k + 1) for k, q in enumerate(bundle) if q == 1]
    part = [(k + 1, q) for k, q in enumerate(bundle) if 0 < q < 1]
    words = []
    if sure:
        words.append(("good " if len(sure) == 1 else "goods ") + " and ".join(sure))
    words += [f"good {k} w.p. {q.numerator}/{q.denominator}" for k, q in part]
    return ", ".join(words) or "nothing"


def _menu_table(
    values: list[list[tuple[int, int]]],
    prior: list[list[Any]],
    printed: dict[tuple[Fraction, ...], Fraction],
    *,
    caption: str,
    source: str,
    label: str,
) -> Table:
    from exactmech.auctions import optimal_mechanism

    mech = optimal_mechanism(values, prior)
    table = Table(
        [
            Column("bundle"),
            Column("allocation (q1, q2)", math=True, align="c", tex="allocation $(q_1, q_2)$"),
            Column("price", math=True, align="r"),
        ],
        caption=caption,
        source=source,
        label=label,
    )
    ours = dict(mech.menu())
    for bundle in sorted(set(ours) | set(printed), key=lambda b: (ours.get(b, F(0)), b)):
        table.add(_bundle_text(bundle), bundle, Printed(ours.get(bundle), printed.get(bundle)))
    table.notes.append(
        "Types (value of good 1, value of good 2; probability): "
        + "; ".join(f"({v[0]}, {v[1]}; {value_str(p)})" for v, p in zip(values[0], prior[0]))
        + ". Revenue-optimal mechanism of the LP of §3.1, ties to maximal buyer surplus."
    )
    return table


def _menu_correlated(ctx: TableContext) -> Table:
    from exactmech.papers.disclosure.examples import EXAMPLE_1 as EX

    return _menu_table(
        [list(v) for v in EX.values],
        [list(p) for p in EX.priors],
        {(F(1), F(0)): F(3), (F(1), F(1)): F(12)},
        caption="Optimal menu, one buyer and two goods with correlated values",
        source="paper 000, §3.2, first example",
        label="tab:000-menu-correlated",
    )


def _menu_independent(ctx: TableContext) -> Table:
    from exactmech.papers.disclosure.examples import EXAMPLE_2 as EX

    return _menu_table(
        [list(v) for v in EX.values],
        [list(p) for p in EX.priors],
        {(F(31, 35), F(1)): F(593, 5), (F(1), F(1)): F(129)},
        caption="Optimal menu, one buyer and two goods with independent values",
        source="paper 000, §3.2, second example",
        label="tab:000-menu-independent",
    )


def _partition_text(part: Sequence[Sequence[int]], values: Sequence[Any]) -> str:
    return "{" + ", ".join("{" + ", ".join(str(values[i]) for i in b) + "}" for b in part) + "}"


@cache
def _s33_profiles() -> dict[Any, Any]:
    from exactmech.papers.disclosure import DisclosureGame

    game = DisclosureGame([[1, 2, 3], [1, 2, 3]], [["1/4", "1/4", "1/2"]] * 2)
    return game.all_profiles()


def _partition_pairs(ctx: TableContext) -> Table:
    nd, split = ((0, 1, 2),), ((0,), (1, 2))
    # The values §3.3 prints: U = 3/8 without disclosure, 1/8 when both use {{1},{2,3}}.
    printed_u = {(nd, nd): F(3, 8), (split, split): F(1, 8)}
    table = Table(
        [
            Column("P_A", tex="$\\mathcal P_A$"),
            Column("P_B", tex="$\\mathcal P_B$"),
            Column("R", math=True, align="r", tex="revenue $R$"),
            Column("U", math=True, align="r", tex="surplus $U$"),
            Column("U (min-surplus tie)", math=True, align="r", tex="$U$ (min-surplus tie)"),
            Column("W", math=True, align="r", tex="welfare $W$"),
            Column("U_A", math=True, align="r", tex="$U_A$"),
            Column("U_B", math=True, align="r", tex="$U_B$"),
        ],
        caption=(
            "All 25 pairs of partitions of the types {1, 2, 3} (two i.i.d. buyers, "
            "probabilities 1/4, 1/4, 1/2): seller revenue, buyer surplus at both ends of the "
            "revenue-optimal face, welfare and each buyer's utility"
        ),
        source="paper 000, §3.3",
        label="tab:000-partition-pairs",
    )
    rows = sorted(_s33_profiles().items(), key=lambda kv: -kv[1].surplus_max)
    for (pa, pb), o in rows:
        table.add(
            _partition_text(pa, [1, 2, 3]),
            _partition_text(pb, [1, 2, 3]),
            o.revenue,
            Printed(o.surplus_max, printed_u.get((pa, pb))),
            o.surplus_min,
            o.welfare,
            o.utilities[0],
            o.utilities[1],
        )
    table.notes.append(
        "Sorted by U (the paper's tie rule: maximal buyer surplus among revenue-optimal "
        "mechanisms). No disclosure ({1, 2, 3} for both) is the strict maximum of U, as §3.3 "
        "states."
    )
    return table


def _bbm_segments(ctx: TableContext) -> Table:
    from exactmech.dist import Discrete, bbm_segmentation, posted_price_outcome

    prior = Discrete([1, 2, 3], ["1/3", "1/3", "1/3"])
    seg = bbm_segmentation(prior)
    # Example 1 prints the signals, their weights, and that each signal's monopoly price is
    # the lowest value of its support.
    printed = [
        (F(2, 3), (F(1, 2), F(1, 6), F(1, 3)), F(1)),
        (F(1, 6), (F(0), F(1, 3), F(2, 3)), F(2)),
        (F(1, 6), (F(0), F(1), F(0)), F(2)),
    ]
    table = Table(
        [
            Column("q", align="c", tex="signal $q$"),
            Column("gamma_q", math=True, align="c", tex="$\\gamma_q$"),
            Column("S_q on (1, 2, 3)", math=True, align="c", tex="$\\mathcal S_q$ on $(1, 2, 3)$"),
            Column("price", math=True, align="c"),
            Column("R(S_q)", math=True, align="c", tex="$\\mathcal R(\\mathcal S_q)$"),
            Column("CS(S_q)", math=True, align="c", tex="$\\mathrm{CS}(\\mathcal S_q)$"),
        ],
        caption=(
            "The Bergemann-Brooks-Morris segmentation of D = <1/3, 1/3, 1/3> on the types {1, 2, 3}"
        ),
        source="paper 001, §2.2, Example 1",
        label="tab:001-example1",
    )
    for q, (w, post) in enumerate(seg):
        out = posted_price_outcome(post)
        pw, pmass, pprice = printed[q] if q < len(printed) else (None, None, None)
        table.add(
            str(q + 1),
            Printed(w, pw),
            Printed(post.probs, pmass),
            Printed(out.price, pprice),
            out.revenue,
            out.consumer_surplus,
        )
    table.add(
        "total",
        sum(seg.weights, F(0)),
        prior.probs,
        "",
        Printed(seg.revenue(), F(4, 3)),
        Printed(seg.consumer_surplus(), F(2, 3)),
    )
    return table


def _claims(ctx: TableContext) -> Table:
    from exactmech.report.runner import run_claims_parallel
    from exactmech.report.verify import claims_table, summary_line

    if ctx.results is None:
        ctx.results = run_claims_parallel(claims_for(ctx.paper), jobs=ctx.jobs).results
    table = claims_table(ctx.results, with_id=False)
    table.label = "tab:claims"
    table.notes.append(summary_line(ctx.results))
    return table


#: Every table, in report order (pending ones name the module they wait for).
TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "000-s3.2-menu-correlated",
        "000",
        "§3.2, first table",
        "optimal menu, correlated goods",
        _menu_correlated,
    ),
    TableSpec(
        "000-s3.2-menu-independent",
        "000",
        "§3.2, second table",
        "optimal menu, independent goods",
        _menu_independent,
    ),
    TableSpec(
        "000-s3.3-partition-pairs",
        "000",
        "§3.3",
        "all 25 pairs of partitions of {1, 2, 3}",
        _partition_pairs,
        requires="exactmech.papers.disclosure",
    ),
    TableSpec(
        "001-example1-segments",
        "001",
        "§2.2, Example 1",
        "BBM segmentation of the uniform prior on {1, 2, 3}",
        _bbm_segments,
    ),
    TableSpec(
        "001-s3-cases",
        "001",
        "§3",
        "the lower-bound instances' case table",
        requires="exactmech.papers.intermediary",
    ),
    TableSpec(
        "002-examples",
        "002",
        "examples",
        "the paper's worked examples",
        requires="exactmech.papers.fixed_price_signaling",
    ),
    TableSpec(
        "003-figure2-table",
        "003",
        "Figure 2",
        "revenue guarantees by prior (the data of Figure 2)",
        requires="exactmech.papers.robust_common_value",
    ),
    *(
        TableSpec(
            f"004-table{k}",
            "004",
            f"Table {k}",
            title,
            requires="exactmech.papers.information_games",
        )
        for k, title in (
            (1, "optimal dominant-strategy mechanisms"),
            (2, "flexible-price mechanism"),
            (5, "modified dominant-strategy and flexible-price mechanisms"),
            (6, "payoffs of the example mechanisms in region III"),
            (7, "non-overlapping mechanisms in region III"),
        )
    ),
    TableSpec("claims", "all", "every claim", "every claim recomputed exactly", _claims),
)


def tables_for(paper: str | None = None) -> list[TableSpec]:
    """Specs of one paper (``"000"``, ...), or all; the claims table is always included."""
    if paper is not None and paper not in PAPERS:
        raise ValueError(
            f"tables_for(): unknown paper {paper!r}; expected one of {', '.join(PAPERS)}"
        )
    return [s for s in TABLES if paper is None or s.paper in (paper, "all")]


def build_table(spec: TableSpec, ctx: TableContext | None = None) -> Table:
    """Build one table (``ValueError`` if it is pending)."""
    if spec.pending or spec.build is None:
        raise ValueError(f"build_table(): {spec.id} is pending: needs {spec.requires}")
    return spec.build(ctx or TableContext())


@dataclass
class WrittenTables:
    """What :func:`write_tables` wrote: one ``.tex`` per table, the master, the pending."""

    master: Path
    files: dict[str, Path]
    tables: dict[str, Table]
    pending: list[TableSpec]


def write_tables(
    out: Path,
    *,
    paper: str | None = None,
    style: str = "frac",
    ctx: TableContext | None = None,
    markdown: bool = False,
) -> WrittenTables:
    r"""Write each table of ``paper`` (or all) as ``out/tables/ID.tex`` plus ``out/tables.tex``.

    Parameters
    ----------
    out
        Output folder (created).
    paper
        Only this paper's tables (and the claims table restricted to it).
    style
        ``"frac"`` or ``"slash"`` (see :meth:`Table.to_latex`).
    ctx
        Shared context (pass claim results to avoid recomputing them).
    markdown
        Also write ``out/tables/ID.md``.
    """
    ctx = ctx or TableContext(paper=paper)
    ctx.paper = paper
    out = Path(out)
    folder = out / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    tables: dict[str, Table] = {}
    pending = []
    for spec in tables_for(paper):
        if spec.pending:
            pending.append(spec)
            continue
        table = build_table(spec, ctx)
        path = folder / f"{spec.id}.tex"
        path.write_text(table.to_latex(style=style), encoding="utf-8")
        if markdown:
            (folder / f"{spec.id}.md").write_text(table.to_markdown(), encoding="utf-8")
        files[spec.id] = path
        tables[spec.id] = table
    intro = ""
    if pending:
        intro = (
            "Waiting for their paper modules: "
            + "; ".join(f"paper {s.paper} {s.location} ({s.title})" for s in pending)
            + "."
        )
    scope = f"paper {paper}" if paper else "the five seed papers"
    master = out / "tables.tex"
    sections: dict[str, list[str]] = {}
    for spec in tables_for(paper):
        if spec.id in files:
            heading = PAPERS.get(spec.paper, "")
            heading = f"Paper {spec.paper}: {heading}" if spec.paper != "all" else "Claims"
            sections.setdefault(heading, []).append(f"tables/{files[spec.id].name}")
    master.write_text(
        master_document(
            sections,
            title=f"exactmech: the tables of {scope}, recomputed exactly",
            intro=intro,
        ),
        encoding="utf-8",
    )
    return WrittenTables(master, files, tables, pending)
