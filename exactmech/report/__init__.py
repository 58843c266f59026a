"""Reports: exact values rendered as terminal tables, Markdown, JSON, LaTeX (booktabs) and HTML.

The top layer of exactmech (DESIGN.md): it reads claims and paper modules, nothing reads it.

* :mod:`~exactmech.report.values`: how one value looks (:func:`value_str`, :func:`to_latex`
  for Fraction, sympy and mpmath values);
* :mod:`~exactmech.report.table`: :class:`Table` of exact values (and :class:`Printed` pairs
  of our value and the paper's) rendered to rich, Markdown, JSON, LaTeX and HTML;
* :mod:`~exactmech.report.latex`: escaping, documents and the ``pdflatex`` build.
"""

from exactmech.report.latex import (
    LatexError,
    ToolMissingError,
    build_pdf,
    document,
    latex_escape,
    pdf_text,
)
from exactmech.report.table import Column, Printed, Table
from exactmech.report.values import to_latex, value_latex, value_str, values_equal

__all__ = [
    "Column",
    "LatexError",
    "Printed",
    "Table",
    "ToolMissingError",
    "build_pdf",
    "document",
    "latex_escape",
    "pdf_text",
    "to_latex",
    "value_latex",
    "value_str",
    "values_equal",
]
