r"""``exactmech report``: verify, tables and figures in one PDF (via pdflatex) or HTML file.

Owns the assembly of the whole report; every piece comes from the registries
(:mod:`~exactmech.report.runner` for the claims, :mod:`~exactmech.report.tables`,
:mod:`~exactmech.report.figures`). The claims run once and feed both the summary and the
claims table. Layout, per paper: its tables, then its figures; the claims table last; the
tables and figures still waiting for their paper modules are listed up front.

The PDF is ``report.tex`` (which ``\input``\ s ``tables/*.tex`` and includes
``figures/*.pdf``) compiled by :func:`~exactmech.report.latex.build_pdf`. The HTML is one
self-contained file (figures embedded as PNG data).
"""

from __future__ import annotations

import base64
import html
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from exactmech.claims import PAPERS, ClaimResult, claims_for
from exactmech.report.figure_data import FigureData
from exactmech.report.latex import build_pdf, document, latex_escape, require_pdflatex
from exactmech.report.runner import run_claims_parallel
from exactmech.report.tables import TableContext, WrittenTables, tables_for, write_tables
from exactmech.report.verify import summary_line

__all__ = ["ReportOutcome", "build_report"]


@dataclass
class ReportOutcome:
    """What :func:`build_report` made: the report's path, the claim results, the timings."""

    path: Path
    results: list[ClaimResult]
    tables: WrittenTables
    figures: dict[str, list[Path]]
    pending: list[str]
    seconds: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 75em; color: #222; }
table.exactmech { border-collapse: collapse; margin: 1.2em 0; font-size: 0.92em; }
table.exactmech caption { caption-side: top; text-align: left; font-weight: 600;
  padding-bottom: 0.4em; }
table.exactmech th { border-top: 2px solid #333; border-bottom: 1px solid #333;
  padding: 0.25em 0.7em; text-align: left; }
table.exactmech td { padding: 0.2em 0.7em; vertical-align: top;
  font-variant-numeric: tabular-nums; }
table.exactmech tbody tr:last-child td { border-bottom: 2px solid #333; }
.paper { color: #a00; font-size: 0.85em; }
.status-match { color: #080; } .status-paper-erratum { color: #a70; }
.status-mismatch, .status-error { color: #c00; font-weight: 600; }
.note { font-size: 0.85em; color: #555; }
figure img { max-width: 100%; }
"""


def _figures(
    out: Path, paper: str | None, notes: list[str]
) -> tuple[dict[str, list[Path]], dict[str, FigureData], list[str]]:
    """Draw the figures if matplotlib is there; returns files, figure data and pending ids."""
    from exactmech.report.figures import figures_for, write_figures
    from exactmech.report.plot import PlotMissingError

    try:
        written = write_figures(out, paper=paper, formats=("pdf", "png"))
    except PlotMissingError as exc:
        notes.append(f"Figures left out: {exc}")
        pending = [f"paper {s.paper} {s.location}: {s.title}" for s in figures_for(paper)]
        return {}, {}, pending
    pending = [
        f"paper {s.paper} {s.location}: {s.title} (needs {s.requires})" for s in written.pending
    ]
    return written.files, written.data, pending


def _width(data: FigureData) -> str:
    """Fraction of the text width a figure takes: one panel 0.62, two 0.95, more 1."""
    return {1: "0.62", 2: "0.95"}.get(len(data.panels), "1.0")


def _paper_of(item_id: str) -> str:
    return item_id.split("-", 1)[0]


def _latex_report(
    out: Path,
    paper: str | None,
    summary: str,
    tables: WrittenTables,
    figures: dict[str, list[Path]],
    data: dict[str, FigureData],
    pending: list[str],
    notes: list[str],
) -> Path:
    lines = [
        r"\noindent " + latex_escape(summary) + r"\par\medskip",
        r"\noindent Every value below is recomputed exactly by exactmech from the paper's model; "
        r"where the paper prints a different value, it is shown next to ours as "
        r"\papervalue{value}.\par",
    ]
    if pending or notes:
        lines.append(r"\subsection*{Not in this report yet}")
        lines.append(r"\begin{itemize}")
        lines += [r"\item " + latex_escape(p) for p in [*notes, *pending]]
        lines.append(r"\end{itemize}")
    papers = [p for p in PAPERS if p != "lp" and (paper is None or p == paper)]
    for pid in papers:
        tids = [s.id for s in tables_for(pid) if s.paper == pid and s.id in tables.files]
        fids = [f for f in figures if _paper_of(f) == pid]
        if not tids and not fids:
            continue
        lines.append(r"\clearpage")
        lines.append(r"\section*{" + latex_escape(f"Paper {pid}: {PAPERS[pid]}") + "}")
        lines += [r"\input{tables/" + tables.files[t].name + "}" for t in tids]
        for f in fids:
            pdf = next(p for p in figures[f] if p.suffix == ".pdf")
            lines += [
                r"\begin{figure}[htbp]",
                r"\centering",
                f"\\includegraphics[width={_width(data[f])}\\textwidth]{{figures/{pdf.name}}}",
                r"\caption{" + latex_escape(data[f].full_caption) + "}",
                r"\end{figure}",
            ]
    if "claims" in tables.files:
        lines += [r"\clearpage", r"\section*{Claims}", r"\input{tables/claims.tex}"]
    scope = f"paper {paper}" if paper else "the five seed papers"
    tex = out / "report.tex"
    tex.write_text(
        document("\n".join(lines), title=f"exactmech report: {scope}, recomputed exactly"),
        encoding="utf-8",
    )
    return build_pdf(tex)


def _html_report(
    out: Path,
    paper: str | None,
    summary: str,
    tables: WrittenTables,
    figures: dict[str, list[Path]],
    data: dict[str, FigureData],
    pending: list[str],
    notes: list[str],
) -> Path:
    esc = html.escape
    scope = f"paper {paper}" if paper else "the five seed papers"
    title = f"exactmech report: {scope}, recomputed exactly"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
        f"<p><strong>{esc(summary)}</strong></p>",
        "<p>Every value is exact (fractions as <code>a/b</code>); where the paper prints a "
        'different value it is shown next to ours as <span class="paper">(paper: …)</span>.</p>',
    ]
    if pending or notes:
        parts.append("<h2>Not in this report yet</h2><ul>")
        parts += [f"<li>{esc(p)}</li>" for p in [*notes, *pending]]
        parts.append("</ul>")
    for pid in [p for p in PAPERS if p != "lp" and (paper is None or p == paper)]:
        tids = [s.id for s in tables_for(pid) if s.paper == pid and s.id in tables.files]
        fids = [f for f in figures if _paper_of(f) == pid]
        if not tids and not fids:
            continue
        parts.append(f"<h2>{esc(f'Paper {pid}: {PAPERS[pid]}')}</h2>")
        parts += [tables.tables[t].to_html() for t in tids]
        for f in fids:
            png = next(p for p in figures[f] if p.suffix == ".png")
            b64 = base64.b64encode(png.read_bytes()).decode("ascii")
            caption = esc(data[f].full_caption)
            parts.append(
                f'<figure><img alt="{caption}" src="data:image/png;base64,{b64}">'
                f"<figcaption>{caption}</figcaption></figure>"
            )
    if "claims" in tables.tables:
        parts += ["<h2>Claims</h2>", tables.tables["claims"].to_html()]
    parts.append("</body></html>")
    path = out / "report.html"
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def build_report(
    out: Path,
    *,
    paper: str | None = None,
    fmt: str = "pdf",
    jobs: int | None = None,
    style: str = "frac",
    progress: Callable[[ClaimResult], None] | None = None,
) -> ReportOutcome:
    """Run the claims, write the tables and figures, and assemble ``out/report.{pdf,html}``.

    Parameters
    ----------
    out
        Output folder (``tables/``, ``figures/`` and the report go there).
    paper
        Only this paper (and its claims).
    fmt
        ``"pdf"`` (needs ``pdflatex``) or ``"html"``.
    jobs
        Processes for the claims (default: all cores).
    style
        Fractions in the LaTeX tables: ``"frac"`` or ``"slash"``.
    progress
        Called after each claim.

    Raises
    ------
    ToolMissingError
        ``fmt="pdf"`` and pdflatex is not installed.
    LatexError
        pdflatex failed.
    """
    if fmt not in ("pdf", "html"):
        raise ValueError(f"build_report(): fmt={fmt!r}; expected 'pdf' or 'html'")
    if fmt == "pdf":
        require_pdflatex()  # before minutes of work, not after
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    run = run_claims_parallel(claims_for(paper), jobs=jobs, progress=progress)
    seconds["verify"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    tables = write_tables(out, paper=paper, style=style, ctx=TableContext(results=run.results))
    seconds["tables"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    notes: list[str] = []
    figures, data, pending_figures = _figures(out, paper, notes)
    seconds["figures"] = time.perf_counter() - t2
    pending = [
        f"paper {s.paper} {s.location}: {s.title} (needs {s.requires})" for s in tables.pending
    ] + pending_figures
    summary = summary_line(run.results)
    t3 = time.perf_counter()
    make = _latex_report if fmt == "pdf" else _html_report
    path = make(out, paper, summary, tables, figures, data, pending, notes)
    seconds["assemble"] = time.perf_counter() - t3
    seconds["total"] = time.perf_counter() - t0
    return ReportOutcome(path, run.results, tables, figures, pending, seconds, notes)
