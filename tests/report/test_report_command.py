"""`exactmech report`: verify + tables + figures assembled into one PDF or HTML file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exactmech import cli
from exactmech.report import latex, pdf_text
from exactmech.report.build import build_report

from .test_build import needs_latex


@needs_latex
def test_pdf_report_for_one_paper(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = build_report(tmp_path, paper="001", fmt="pdf", jobs=1, style="slash")
    assert out.path == tmp_path / "report.pdf" and out.path.exists()
    assert set(out.seconds) == {"verify", "tables", "figures", "assemble", "total"}
    text = re.sub(r"\s+", " ", pdf_text(out.path, layout=True))
    assert "55 claims: 47 match, 8 paper-erratum, 0 mismatch, 0 error" in text
    assert "total 1 (1/3, 1/3, 1/3) 4/3 2/3" in text  # the Example 1 table
    assert "Figure 1: Revenue and consumer surplus of signaling schemes" in text
    assert "O = (2/3, 4/3): BBM, CS = OPT" in text  # the figure (vector PDF) text
    assert "Not in this report yet" not in text  # every table and figure of 001 is there
    assert out.pending == []
    tex = (tmp_path / "report.tex").read_text()
    assert r"\includegraphics[width=0.62\textwidth]{figures/001-figure1b.pdf}" in tex
    assert tex.count(r"\input{tables/001-") == 6


def test_html_report_and_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    assert (
        cli.main(
            ["report", "--paper", "001", "--format", "html", "--out", str(tmp_path), "--jobs", "1"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert re.search(r"wrote .*report\.html \(7 tables, 1 figures\) in [\d.]+ s: verify", out)
    page = (tmp_path / "report.html").read_text()
    assert page.startswith("<!DOCTYPE html>")
    assert "<td>total</td><td>1</td><td>(1/3, 1/3, 1/3)</td>" in page
    assert 'src="data:image/png;base64,' in page
    assert '<td class="status-match">match</td>' in page
    assert '<td class="status-paper-erratum">paper-erratum</td>' in page
    assert "pending" not in out


def test_report_without_pdflatex_says_what_to_do(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(latex.shutil, "which", lambda name: None)
    assert cli.main(["report", "--paper", "001", "--out", str(tmp_path), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert "pdflatex is not installed" in err and "--format html" in err


def test_report_without_matplotlib_leaves_figures_out(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    out = build_report(tmp_path, paper="001", fmt="html", jobs=1)
    assert out.figures == {} and "exactmech[plot]" in out.notes[0]
    assert "Figures left out" in out.path.read_text()
    with pytest.raises(ValueError, match="fmt='docx'"):
        build_report(tmp_path, fmt="docx")
