r"""A table of exact values and its renderings: terminal (rich), Markdown, JSON, LaTeX, HTML.

Owns table layout; :mod:`exactmech.report.values` owns how each cell's value looks and
:mod:`exactmech.report.latex` owns escaping and documents. Every report (``exactmech
verify``, the papers' tables, ``exactmech report``) builds a :class:`Table` and renders it
here instead of formatting strings in place.

A cell is any exact value, or a :class:`Printed` pair (our value, the paper's printed
value): renderings show ours, and the paper's value next to it only where the two differ
(``1/8 (paper: 1/4)``), so a reader sees every disagreement with the source at a glance.

>>> from fractions import Fraction
>>> t = Table(["x", "value"], caption="Example", source="paper 001, §2.2",
...           math_columns={"value"})
>>> t.add("R", Printed(Fraction(4, 3), Fraction(4, 3)))
>>> t.add("CS", Printed(Fraction(2, 3), Fraction(1, 2)))
>>> print(t.to_markdown())
**Example (paper 001, §2.2)**
<BLANKLINE>
| x | value |
|---|---|
| R | 4/3 |
| CS | **2/3** (paper: 1/2) |
<BLANKLINE>
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, is_dataclass
from typing import Any, Literal

from exactmech.report.latex import document, latex_escape
from exactmech.report.values import DIGITS, is_sympy, to_latex, value_str, values_equal

__all__ = ["STATUS_COLOURS", "Column", "Printed", "Table", "latex_escape"]

#: Terminal/HTML colour of each claim status.
STATUS_COLOURS = {
    "match": "green",
    "paper-erratum": "yellow",
    "mismatch": "red",
    "error": "red",
    "pending": "blue",
}

_JUSTIFY: dict[str, Literal["left", "center", "right"]] = {
    "l": "left",
    "c": "center",
    "r": "right",
}

#: Tables with more rows than this are typeset as ``longtable`` (breaking across pages).
LONG_TABLE_ROWS = 30

#: In a wrapping math column, a sympy value whose LaTeX is longer than this is set as text
#: (``str(expr)``, which breaks at spaces; a long ``\frac`` cannot break).
WRAP_AS_TEXT = 120

_DIGIT_RUN = re.compile(r"(\d{10})(?=\d)")
_PRODUCT = re.compile(r"(?<!\*)\*(?!\*)")  # a product's '*', not a power's '**'


@dataclass(frozen=True)
class Printed:
    """A cell holding our exact value and the value the paper prints (``None``: not printed).

    >>> from fractions import Fraction
    >>> Printed(Fraction(1, 8), Fraction(1, 4)).differs, Printed(3, None).differs
    (True, False)
    """

    ours: Any
    paper: Any = None

    @property
    def differs(self) -> bool:
        """Whether the paper prints a value and it is not exactly ours."""
        return self.paper is not None and not values_equal(self.ours, self.paper)


@dataclass(frozen=True)
class Column:
    """A column: header, math or text cells, alignment, optional wrap width.

    Parameters
    ----------
    name
        Header.
    math
        Typeset cells as math in LaTeX (``\\frac{a}{b}``); text otherwise.
    align
        ``"l"``, ``"c"`` or ``"r"``.
    width
        A LaTeX length (``"5cm"``): the column wraps at that width.
    tex
        The header as raw LaTeX (``r"$\\gamma_q$"``); default: ``name``, escaped.
    """

    name: str
    math: bool = False
    align: str = "l"
    width: str | None = None
    tex: str | None = None

    def __post_init__(self) -> None:
        if self.align not in ("l", "c", "r"):
            raise ValueError(f"Column(): align={self.align!r}; expected 'l', 'c' or 'r'")

    def latex_spec(self) -> str:
        if self.width is None:
            return self.align
        ragged = {"l": r"\raggedright", "c": r"\centering", "r": r"\raggedleft"}[self.align]
        return f">{{{ragged}\\arraybackslash}}p{{{self.width}}}"


Getter = str | Callable[[Any], Any]


def _get(record: Any, key: Getter) -> Any:
    if callable(key):
        return key(record)
    if isinstance(record, Mapping):
        return record[key]
    return getattr(record, key)


@dataclass
class Table:
    """Rows of exact values under named columns.

    Parameters
    ----------
    columns
        Column headers, or :class:`Column` specs.
    rows
        Cell values (Fractions, sympy expressions, mpmath numbers, strings, tuples,
        :class:`Printed` pairs, ...).
    caption
        What the table shows.
    source
        Where in the paper (``"paper 000, §3.3"``); cited at the end of the caption.
    math_columns
        Headers of columns typeset as math (shorthand for ``Column(name, math=True)``).
    label
        LaTeX label.
    status_column
        Header of the column whose cells are claim statuses (coloured by status).
    notes
        Lines printed under the table.
    latex_digits
        Significant digits of irrational values in the LaTeX rendering (narrow columns);
        default :data:`~exactmech.report.values.DIGITS`, as the other renderings.
    """

    columns: Sequence[str | Column]
    rows: list[Sequence[Any]] = field(default_factory=list)
    caption: str = ""
    source: str = ""
    math_columns: Iterable[str] = frozenset()
    label: str = ""
    status_column: str | None = None
    notes: list[str] = field(default_factory=list)
    latex_digits: int | None = None

    def __post_init__(self) -> None:
        maths = set(self.math_columns)
        cols = []
        for c in self.columns:
            if isinstance(c, Column):
                cols.append(c)
            else:
                cols.append(Column(c, math=c in maths, align="c" if c in maths else "l"))
        self.specs: list[Column] = cols
        self.names: list[str] = [c.name for c in cols]
        self.columns = self.names
        self.math_columns = frozenset(c.name for c in cols if c.math)

    # -- building ---------------------------------------------------------------------
    def add(self, *cells: Any) -> None:
        """Append a row; it must have one cell per column."""
        if len(cells) != len(self.specs):
            raise ValueError(f"Table.add(): {len(cells)} cells for {len(self.specs)} columns")
        self.rows.append(cells)

    @classmethod
    def from_records(
        cls,
        records: Iterable[Any],
        fields: Sequence[tuple[str | Column, Getter]],
        *,
        printed: Mapping[str, Getter] | None = None,
        **options: Any,
    ) -> Table:
        """A table from dataclasses or dicts (the paper modules' rows).

        Parameters
        ----------
        records
            Rows as dataclass instances, named tuples or mappings.
        fields
            ``(column, key)`` pairs; ``key`` is an attribute/key name or a function of the
            record.
        printed
            ``{column header: key}`` of the paper's printed value for that column; the cell
            becomes :class:`Printed` (shown next to ours where they differ).
        options
            Passed to :class:`Table` (``caption``, ``source``, ``label``, ...).

        Examples
        --------
        >>> from fractions import Fraction
        >>> rows = [{"n": "a", "v": Fraction(1, 2), "paper_v": Fraction(1, 2)}]
        >>> t = Table.from_records(rows, [("name", "n"), (Column("v", math=True), "v")],
        ...                        printed={"v": "paper_v"})
        >>> t.text_rows()
        [['a', '1/2']]
        """
        printed = dict(printed or {})
        cols = [c for c, _ in fields]
        names = [c.name if isinstance(c, Column) else c for c in cols]
        unknown = set(printed) - set(names)
        if unknown:
            raise ValueError(f"Table.from_records(): printed names unknown columns {unknown}")
        table = cls(cols, **options)
        for rec in records:
            if not (is_dataclass(rec) or isinstance(rec, Mapping) or hasattr(rec, "_fields")):
                raise TypeError(
                    f"Table.from_records(): a row is a {type(rec).__name__}; "
                    "expected a dataclass, named tuple or mapping"
                )
            cells = []
            for name, (_, key) in zip(names, fields):
                v = _get(rec, key)
                if name in printed:
                    v = Printed(v, _get(rec, printed[name]))
                cells.append(v)
            table.add(*cells)
        return table

    # -- queries ----------------------------------------------------------------------
    @property
    def full_caption(self) -> str:
        """The caption with the paper's location cited at its end."""
        if self.caption and self.source:
            return f"{self.caption} ({self.source})"
        return self.caption or self.source

    def differences(self) -> list[tuple[int, str, Any, Any]]:
        """``(row index, column, ours, paper)`` of every cell where the paper differs."""
        out = []
        for i, row in enumerate(self.rows):
            for spec, cell in zip(self.specs, row):
                if isinstance(cell, Printed) and cell.differs:
                    out.append((i, spec.name, cell.ours, cell.paper))
        return out

    @staticmethod
    def _ours(cell: Any) -> Any:
        return cell.ours if isinstance(cell, Printed) else cell

    def text_rows(self, *, digits: int = DIGITS) -> list[list[str]]:
        """Every cell as plain text (our value; the paper's appears in the renderings)."""
        return [[value_str(self._ours(c), digits=digits) for c in row] for row in self.rows]

    # -- renderings -------------------------------------------------------------------
    def to_markdown(self, *, digits: int = DIGITS) -> str:
        """A GitHub-flavoured Markdown table (differing cells: ``**ours** (paper: x)``)."""

        def cell(c: Any) -> str:
            text = value_str(self._ours(c), digits=digits)
            if isinstance(c, Printed) and c.differs:
                text = f"**{text}** (paper: {value_str(c.paper, digits=digits)})"
            return text.replace("|", "\\|")

        lines = []
        if self.full_caption:
            lines += [f"**{self.full_caption}**", ""]
        lines += ["| " + " | ".join(self.names) + " |", "|" + "---|" * len(self.specs)]
        for row in self.rows:
            lines.append("| " + " | ".join(cell(c) for c in row) + " |")
        lines += [f"\n{n}" for n in self.notes]
        return "\n".join(lines) + "\n"

    def to_json(self, *, digits: int = DIGITS) -> dict[str, Any]:
        """JSON-ready dict; every value a string, never a float.

        A :class:`Printed` cell is ``{"value": ours, "paper": printed, "agrees": bool}``
        when the paper prints a value, else our value's string.
        """

        def cell(c: Any) -> Any:
            if isinstance(c, Printed):
                ours = value_str(c.ours, digits=digits)
                if c.paper is None:
                    return ours
                return {
                    "value": ours,
                    "paper": value_str(c.paper, digits=digits),
                    "agrees": not c.differs,
                }
            return value_str(c, digits=digits)

        return {
            "caption": self.caption,
            "source": self.source,
            "label": self.label,
            "columns": list(self.names),
            "rows": [[cell(c) for c in row] for row in self.rows],
            "notes": list(self.notes),
        }

    def _latex_cell(self, spec: Column, c: Any, style: str, digits: int) -> str:
        def one(v: Any) -> str:
            if isinstance(v, str) and not v:
                return ""
            if spec.math:
                tex = to_latex(v, style=style, digits=digits)
                if spec.width is not None:
                    # in a wrapping column, text that math mode cannot break is set as
                    # text: objects shown by their repr, and long symbolic expressions
                    plain = tex.startswith("\\text{") and tex.count("\\text{") == 1
                    if plain or (is_sympy(v) and len(tex) > WRAP_AS_TEXT):
                        text = latex_escape(value_str(v, digits=digits))
                        text = _PRODUCT.sub(r"*\\allowbreak{}", text)  # a*b*c wraps at '*'
                        return _DIGIT_RUN.sub(r"\1\\allowbreak{}", text)  # long digits wrap
                    tex = tex.replace(", ", ",\\allowbreak ")  # long tuples wrap
                return "$" + tex + "$"
            return latex_escape(value_str(v, digits=digits))

        text = one(self._ours(c))
        if isinstance(c, Printed) and c.differs:
            text += r" \papervalue{" + one(c.paper) + "}"
        return text

    def to_latex(
        self,
        *,
        style: str = "frac",
        standalone: bool = False,
        long: bool | None = None,
        digits: int | None = None,
    ) -> str:
        r"""A booktabs table: ``table`` + ``tabular``, or ``longtable`` for long tables.

        Parameters
        ----------
        style
            Fractions as ``\frac{a}{b}`` (``"frac"``) or ``a/b`` (``"slash"``).
        standalone
            Wrap in a compilable document (:func:`exactmech.report.latex.document`).
        long
            Force (``True``) or forbid (``False``) ``longtable``; by default tables of more
            than :data:`LONG_TABLE_ROWS` rows break across pages.
        digits
            Significant digits shown for irrational values (default: :attr:`latex_digits`,
            else :data:`~exactmech.report.values.DIGITS`).

        Columns are aligned in the source too, so the ``.tex`` file reads like the table.
        """
        if digits is None:
            digits = self.latex_digits if self.latex_digits is not None else DIGITS
        cells = [
            [self._latex_cell(s, c, style, digits) for s, c in zip(self.specs, row)]
            for row in self.rows
        ]
        header = [
            r"\textbf{" + (s.tex if s.tex is not None else latex_escape(s.name)) + "}"
            for s in self.specs
        ]
        widths = [min(40, max(len(x) for x in col)) for col in zip(header, *cells)]

        def line(parts: Sequence[str]) -> str:
            padded = [p.ljust(w) for p, w in zip(parts, widths)]
            return (" & ".join(padded)).rstrip() + r" \\"

        spec = "".join(s.latex_spec() for s in self.specs)
        use_long = len(self.rows) > LONG_TABLE_ROWS if long is None else long
        caption = self.full_caption
        cap = r"\caption{" + latex_escape(caption) + "}" if caption else ""
        lab = r"\label{" + self.label + "}" if self.label else ""
        notes = [r"\par\smallskip{\footnotesize " + latex_escape(n) + r"}\par" for n in self.notes]
        out: list[str] = []
        if any(isinstance(c, Printed) and c.differs for row in self.rows for c in row):
            out.append(r"\providecommand{\papervalue}[1]{{\footnotesize (paper: #1)}}")
        if use_long:
            out += [r"{\small", r"\begin{longtable}{" + spec + "}"]
            if cap or lab:
                out.append(cap + lab + r" \\")
            head = [r"\toprule", line(header), r"\midrule"]
            out += [*head, r"\endfirsthead", *head, r"\endhead", r"\bottomrule", r"\endfoot"]
            out += [line(r) for r in cells]
            out += [r"\end{longtable}", *notes, "}"]
        else:
            tab = [r"\begin{tabular}{" + spec + "}", r"\toprule", line(header), r"\midrule"]
            tab += [line(r) for r in cells]
            tab += [r"\bottomrule", r"\end{tabular}"]
            if cap or lab:
                out += [r"\begin{table}[htbp]", r"\centering", r"\small"]
                out += [x for x in (cap, lab) if x]
                out += [*tab, *notes, r"\end{table}"]
            else:
                out += [*tab, *notes]
        text = "\n".join(out) + "\n"
        return document(text) if standalone else text

    def to_rich(self, *, status_column: str | None = None, digits: int = DIGITS) -> Any:
        """A ``rich.table.Table``: status cells coloured, the paper's differing values in red."""
        from rich.table import Table as RichTable
        from rich.text import Text

        status = status_column or self.status_column
        t = RichTable(title=self.full_caption or None, show_lines=False)
        for s in self.specs:
            t.add_column(s.name, overflow="fold", justify=_JUSTIFY[s.align])
        for row in self.rows:
            out = []
            for s, c in zip(self.specs, row):
                text = Text(value_str(self._ours(c), digits=digits))
                if s.name == status and text.plain in STATUS_COLOURS:
                    text.stylize(STATUS_COLOURS[text.plain])
                if isinstance(c, Printed) and c.differs:
                    text.append(f" (paper: {value_str(c.paper, digits=digits)})", style="red")
                out.append(text)
            t.add_row(*out)
        return t

    def to_html(self, *, digits: int = DIGITS) -> str:
        """An HTML ``<table>`` (values as exact text; status cells carry a CSS class)."""
        esc = html.escape
        parts = ['<table class="exactmech">']
        if self.full_caption:
            parts.append(f"<caption>{esc(self.full_caption)}</caption>")
        parts.append("<thead><tr>" + "".join(f"<th>{esc(c)}</th>" for c in self.names))
        parts.append("</tr></thead><tbody>")
        for row in self.rows:
            tds = []
            for s, c in zip(self.specs, row):
                text = esc(value_str(self._ours(c), digits=digits))
                cls = ""
                if s.name == self.status_column:
                    cls = f' class="status-{esc(text)}"'
                if isinstance(c, Printed) and c.differs:
                    paper = esc(value_str(c.paper, digits=digits))
                    text += f' <span class="paper">(paper: {paper})</span>'
                tds.append(f"<td{cls}>{text}</td>")
            parts.append("<tr>" + "".join(tds) + "</tr>")
        parts.append("</tbody></table>")
        parts += [f'<p class="note">{esc(n)}</p>' for n in self.notes]
        return "\n".join(parts) + "\n"

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"Table({self.full_caption!r}, columns={self.names!r}, rows={len(self.rows)})"
