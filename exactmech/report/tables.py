r"""The table registry: one builder per table a paper prints, and the ``.tex`` files they make.

Each :class:`~exactmech.report.specs.TableSpec` names a table of a paper
(``"000-s3.3-partition-pairs"``), where it is (``"§3.3"``), and a builder that calls the
paper modules' *public* functions and returns a :class:`~exactmech.report.table.Table`
whose cells are exact values, with the paper's printed value as a
:class:`~exactmech.report.table.Printed` pair wherever the paper prints
one (the renderings show it next to ours where they differ).

The builders live in :mod:`exactmech.report.builders` (one module per paper). A spec whose
paper module is not written yet names it in ``requires``
(``"exactmech.papers.robust_common_value"``): it is *pending* and is listed, not built.

:func:`write_tables` writes each table as a standalone ``.tex`` (a booktabs ``table``, or a
``longtable`` when long) into ``DIR/tables/`` plus the master document ``DIR/tables.tex``
that ``\input``\ s them; ``exactmech tables [--paper ID] [--out DIR]`` calls it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exactmech.claims import PAPERS, claims_for
from exactmech.report.builders import p000, p001, p002, p003, p004
from exactmech.report.latex import master_document
from exactmech.report.specs import TableContext, TableSpec
from exactmech.report.table import Table

__all__ = [
    "TABLES",
    "TableContext",
    "TableSpec",
    "WrittenTables",
    "build_table",
    "tables_for",
    "write_tables",
]


def _claims(ctx: TableContext) -> Table:
    from exactmech.report.runner import run_claims_parallel
    from exactmech.report.verify import claims_table, summary_line

    if ctx.results is None:
        ctx.results = run_claims_parallel(claims_for(ctx.paper), jobs=ctx.jobs).results
    table = claims_table(ctx.results, with_id=False)
    table.label = "tab:claims"
    table.latex_digits = 15  # the digits of an irrational value fit the 2.5 cm columns
    table.notes.append(summary_line(ctx.results))
    return table


#: Every table, in report order (pending ones name the module they wait for).
TABLES: tuple[TableSpec, ...] = (
    *p000.TABLES,
    *p001.TABLES,
    *p002.TABLES,
    *p003.TABLES,
    *p004.TABLES,
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
