"""Reports: exact values rendered as terminal tables, Markdown, JSON and LaTeX (booktabs).

:mod:`exactmech.report.values` formats one value; :mod:`exactmech.report.table` lays out a
table. Everything user-facing is built from these two modules.
"""

from exactmech.report.table import Table, latex_escape
from exactmech.report.values import value_latex, value_str, values_equal

__all__ = ["Table", "latex_escape", "value_latex", "value_str", "values_equal"]
