"""A table of exact values and its renderings: terminal (rich), Markdown, LaTeX (booktabs).

Owns table layout; :mod:`exactmech.report.values` owns how each cell's value looks. Every
report (``exactmech verify``, the papers' tables) builds a :class:`Table` and renders it
here instead of formatting strings in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from exactmech.report.values import value_latex, value_str

__all__ = ["Table", "latex_escape"]


def latex_escape(text: str) -> str:
    r"""Escape LaTeX's special characters in plain text.

    >>> latex_escape("a_b & 50% #1")
    'a\\_b \\& 50\\% \\#1'
    """
    out = []
    for ch in text:
        if ch in "&%$#_{}":
            out.append("\\" + ch)
        elif ch == "~":
            out.append(r"\textasciitilde{}")
        elif ch == "^":
            out.append(r"\textasciicircum{}")
        elif ch == "\\":
            out.append(r"\textbackslash{}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Table:
    """Rows of exact values under named columns.

    Parameters
    ----------
    columns
        Column headers.
    rows
        Cell values (Fractions, sympy expressions, strings, tuples, ...).
    caption
        Caption (for LaTeX, cite the paper's location here).
    math_columns
        Columns whose values are typeset as math in LaTeX (others as text).
    label
        LaTeX label.
    """

    columns: Sequence[str]
    rows: list[Sequence[Any]] = field(default_factory=list)
    caption: str = ""
    math_columns: frozenset[str] = frozenset()
    label: str = ""

    def add(self, *cells: Any) -> None:
        """Append a row; it must have one cell per column."""
        if len(cells) != len(self.columns):
            raise ValueError(f"Table.add(): {len(cells)} cells for {len(self.columns)} columns")
        self.rows.append(cells)

    def text_rows(self) -> list[list[str]]:
        """Every cell as plain text."""
        return [[value_str(c) for c in row] for row in self.rows]

    def to_markdown(self) -> str:
        """A GitHub-flavoured Markdown table."""
        lines = ["| " + " | ".join(self.columns) + " |", "|" + "---|" * len(self.columns)]
        for row in self.text_rows():
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |")
        return "\n".join(lines) + "\n"

    def to_latex(self, *, style: str = "frac", standalone: bool = False) -> str:
        r"""A booktabs ``tabular`` (in a ``table`` float when there is a caption).

        Parameters
        ----------
        style
            Fractions as ``\frac`` (``"frac"``) or ``a/b`` (``"slash"``).
        standalone
            Wrap in a compilable ``\documentclass{article}`` document.
        """
        cols = "l" * len(self.columns)
        body = [
            r"\begin{tabular}{" + cols + "}",
            r"\toprule",
            " & ".join(latex_escape(c) for c in self.columns) + r" \\",
            r"\midrule",
        ]
        for row in self.rows:
            cells = []
            for name, v in zip(self.columns, row):
                if name in self.math_columns:
                    cells.append("$" + value_latex(v, style=style) + "$")
                else:
                    cells.append(latex_escape(value_str(v)))
            body.append(" & ".join(cells) + r" \\")
        body += [r"\bottomrule", r"\end{tabular}"]
        if self.caption or self.label:
            inner = [r"\begin{table}[htbp]", r"\centering", r"\small"]
            if self.caption:
                inner.append(r"\caption{" + latex_escape(self.caption) + "}")
            if self.label:
                inner.append(r"\label{" + self.label + "}")
            body = [*inner, *body, r"\end{table}"]
        text = "\n".join(body) + "\n"
        if standalone:
            text = (
                "\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{amsmath}\n"
                "\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n"
                "\\usepackage{newunicodechar}\n\\newunicodechar{≈}{\\ensuremath{\\approx}}\n"
                "\\newunicodechar{—}{---}\n"
                "\\begin{document}\n" + text + "\\end{document}\n"
            )
        return text

    def to_rich(self, *, status_column: str | None = None) -> Any:
        """A ``rich.table.Table`` (status cells coloured: match green, erratum yellow, else red)."""
        from rich.table import Table as RichTable

        colours = {"match": "green", "paper-erratum": "yellow", "mismatch": "red", "error": "red"}
        t = RichTable(title=self.caption or None, show_lines=False)
        for c in self.columns:
            t.add_column(c, overflow="fold")
        cols = list(self.columns)
        idx = cols.index(status_column) if status_column in cols else -1
        for row in self.text_rows():
            if idx >= 0:
                colour = colours.get(row[idx], "white")
                row = [*row[:idx], f"[{colour}]{row[idx]}[/{colour}]", *row[idx + 1 :]]
            t.add_row(*row)
        return t
