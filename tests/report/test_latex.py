"""LaTeX text escaping and documents (the PDF build is tested in test_build.py)."""

from __future__ import annotations

from exactmech.report.latex import document, latex_escape, master_document


def test_escape_specials_and_unicode() -> None:
    assert latex_escape("a_b & 50% #1 $x$ {y} ~ ^ \\") == (
        r"a\_b \& 50\% \#1 \$x\$ \{y\} \textasciitilde{} \textasciicircum{} \textbackslash{}"
    )
    assert (
        latex_escape("Φ φ Σ λ")
        == r"\ensuremath{\Phi} \ensuremath{\phi} \ensuremath{\Sigma} \ensuremath{\lambda}"
    )
    assert latex_escape("x₁ v²") == r"x\ensuremath{_{1}} v\ensuremath{^2}"
    assert latex_escape("café") == "café"
    assert latex_escape("☃") == "[U+2603]"


def test_documents() -> None:
    doc = document("body", title="A & B")
    assert r"\usepackage{booktabs}" in doc and r"\section*{A \& B}" in doc
    master = master_document(["tables/000-menus.tex"], title="T")
    assert r"\input{tables/000-menus.tex}" in master
