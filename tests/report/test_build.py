"""A real LaTeX build: the master document of the tables compiles with pdflatex, and the PDF
(read back with pdftotext) holds the exact values.

pdflatex and pdftotext come from Debian's texlive-latex-base, texlive-latex-recommended and
poppler-utils; `.ci/run` installs them when missing, so under CI this test always runs (a
missing tool fails it there); elsewhere it is skipped when the tools are absent.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from exactmech.claims import claims_for, run_claims
from exactmech.report import LatexError, Table, build_pdf, pdf_text
from exactmech.report.tables import TABLES, TableContext, write_tables

HAVE_TOOLS = shutil.which("pdflatex") is not None and shutil.which("pdftotext") is not None
needs_latex = pytest.mark.skipif(
    not HAVE_TOOLS and not os.environ.get("CI"),
    reason="pdflatex/pdftotext not installed (apt-get install texlive-latex-base "
    "texlive-latex-recommended poppler-utils)",
)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@needs_latex
def test_master_document_compiles_and_holds_the_exact_values(tmp_path: Path) -> None:
    """Every registered table (all papers) in one master document, compiled by pdflatex;
    pdftotext reads the exact values, the paper's differing values and the captions back."""
    ctx = TableContext(results=run_claims(claims_for("002")))
    written = write_tables(tmp_path, style="slash", ctx=ctx)
    built = {s.id for s in TABLES if not s.pending}
    assert set(written.files) == built  # every table that can be built is in the document
    pdf = build_pdf(written.master)
    assert pdf.exists() and pdf.stat().st_size > 50_000
    text = _squash(pdf_text(pdf, layout=True))
    # paper 000 §3.2: the two menus (118.6 = 593/5), §3.3: U = 3/8 and 1/8, welfare 21/8
    for value in ("(1, 0) 3 1", "(1, 1) 12 2", "(31/35, 1) 593/5 2", "(1, 1) 129 3, 4"):
        assert value in text, value
    assert "{{1, 2, 3}} {{1, 2, 3}} 9/4 3/8 0 21/8 3/16 3/16" in text
    assert "{{1}, {2, 3}} {{1}, {2, 3}} 39/16 1/8 0 41/16 1/16 1/16" in text
    # paper 000 §4: Fig. 3c's E[U] differs from the printed 1/6
    assert "7/54 (paper: 1/6)" in text
    # paper 001 Example 1: weights, signals, totals; Algorithm 4's sum against 1 + ln n
    assert "1 2/3 (1/2, 1/6, 1/3) 1 1 5/6" in text
    assert "total 1 (1/3, 1/3, 1/3) 4/3 2/3" in text
    assert "D = <1/3, 1/3, 1/3>" in text
    # paper 002 Table 1: the printed formula's value next to the model's optimum
    assert "5 (paper: 6)" in text and "(paper: 5/3)" in text and "16/9)" in text
    # paper 003 Figure 2: the printed guarantees, and Figure 1's first-price auction exactly
    assert "Uniform 0.5 0.273 0.272 0.177 0.204" in text and "17/96" in text
    # paper 004: Table 6's payoffs and the printed (C.8) beside the derived right side
    assert "9/7 12/7" in text and "11/8 (paper: 3/8)" in text
    # captions cite the paper
    for where in (
        "(paper 000, §3.3)",
        "(paper 001, §2.2, Example 1)",
        "(paper 003, §5.2, Figure 2)",
        "(paper 004, Appendix",
    ):
        assert where in text, where
    # the claims table and its summary
    assert "002.table1" not in text  # ids are not shown, statements are
    results = ctx.results or []
    counts = {k: sum(r.status == k for r in results) for k in ("match", "paper-erratum")}
    assert (
        f"{len(results)} claims: {counts['match']} match, {counts['paper-erratum']} "
        "paper-erratum, 0 mismatch, 0 error"
    ) in text


@needs_latex
def test_frac_style_and_paper_values_compile(tmp_path: Path) -> None:
    from fractions import Fraction

    from exactmech.report import Column, Printed

    t = Table(
        [Column("quantity"), Column("value", math=True)],
        caption="Printed vs ours, § and γ ≤ 1",
        source="paper 000, §3.3",
    )
    t.add("U_both_split", Printed(Fraction(1, 8), Fraction(1, 4)))
    tex = tmp_path / "t.tex"
    tex.write_text(t.to_latex(standalone=True), encoding="utf-8")
    text = _squash(pdf_text(build_pdf(tex)))
    assert "U both split 1 1 8 (paper: 4 )" in text  # \\frac stacks 1 over 8
    assert "Printed vs ours, § and γ ≤ 1 (paper 000, §3.3)" in text


@needs_latex
def test_latex_errors_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tex"
    bad.write_text("\\documentclass{article}\\begin{document}\\undefinedmacro\\end{document}\n")
    with pytest.raises(LatexError, match="Undefined control sequence"):
        build_pdf(bad)
