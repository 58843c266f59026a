"""Paper 003 ("Robust Mechanisms Under Common Valuation"): Figure 2's table and Figure 1.

Figure 2 of the paper is a table of revenue guarantees (``ν → 0``, ``k → ∞``) for seven
priors: ``Π_2^#`` (50), ``Π_2^*`` (23), the first-price auction with its best reserve
(two buyers) and ``Π_1^*`` (Theorem 1). The paper prints them to three decimals; the
report shows our values rounded to the printed precision against the printed strings
(:class:`~exactmech.papers.robust_common_value.Rounded`), and a second table with every
value to 20 digits (closed forms where known). Figure 1 plots ``Π_I^*`` for the uniform
prior against ``I = 1..20`` with the first-price auction (exact rationals) and the full
surplus ``E[v] = 1/2``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from exactmech.report.figure_data import Curve, FigureData, Marker, Panel
from exactmech.report.specs import FigureSpec, TableContext, TableSpec
from exactmech.report.table import Column, Printed, Table

__all__ = ["FIGURES", "TABLES"]

MODULE = "exactmech.papers.robust_common_value"

#: Figure 2's columns: key, header, LaTeX header.
_COLUMNS = (
    ("mean", "mean", "mean"),
    ("pi2_sharp", "Pi_2^#", "$\\Pi_2^\\#$"),
    ("pi2_star", "Pi_2^*", "$\\Pi_2^*$"),
    ("fpa", "FPA", "FPA"),
    ("pi1", "Pi_1^*", "$\\Pi_1^*$"),
)


def _figure2(ctx: TableContext) -> Table:
    from exactmech.papers.robust_common_value import figure2_table

    table = Table(
        [
            Column("prior"),
            *(Column(name, align="r", tex=tex) for _, name, tex in _COLUMNS),
        ],
        caption=(
            "Revenue guarantees as nu -> 0: Pi_2^# (Proposition 2), Pi_2^* (Proposition 1), "
            "the first-price auction with two buyers and its best reserve (FPA), and Pi_1^* "
            "(Theorem 1); ours rounded to the paper's precision, the paper's value beside "
            "it where they differ"
        ),
        source="paper 003, §5.2, Figure 2",
        label="tab:003-figure2",
    )
    for r in figure2_table():
        cells = []
        for key, _, _ in _COLUMNS:
            rounded = r.rounded(key)
            if rounded is None:
                value = r.value(key)
                cells.append("" if value is None else value)
            else:
                cells.append(Printed(rounded.printed(), r.printed[key]))
        table.add(r.prior, *cells)
    table.notes.append(
        "The Triangle row is the wallet-game prior of §5.2's text, which prints only Pi_2^# "
        "and Pi_2^*. Every value is computed from the model (means exactly, guarantees with "
        "mpmath at 45 digits); the next table shows them to 20 digits."
    )
    return table


def _exact(entry: Any) -> Any:
    if entry is None:
        return None
    return entry.closed_form if entry.closed_form is not None else entry.value


def _figure2_digits(ctx: TableContext) -> Table:
    from exactmech.papers.robust_common_value import figure2_table

    table = Table(
        [
            Column("prior"),
            Column("mean", math=True, align="r"),
            *(
                Column(name, math=True, align="r", width="2.9cm", tex=tex)
                for _, name, tex in _COLUMNS[1:]
            ),
        ],
        caption=(
            "The guarantees of Figure 2 to 20 significant digits, with the exact closed form "
            "where one is known (priors with CDF v^m: Pi_1^* and the first-price auction)"
        ),
        source="paper 003, §5.2, Figure 2",
        label="tab:003-figure2-digits",
        latex_digits=12,
    )
    for r in figure2_table():
        table.add(r.prior, r.mean, *(_exact(getattr(r, key)) for key, _, _ in _COLUMNS[1:]))
    table.notes.append("A dash: the paper gives no entry (the Triangle prior).")
    return table


def _figure1_table(ctx: TableContext) -> Table:
    import mpmath

    from exactmech.papers.robust_common_value import figure1_data

    table = Table(
        [
            Column("I", align="c", tex="$I$"),
            Column("Pi_I^*", math=True, align="r", tex="$\\Pi_I^*$ (EPM)"),
            Column("FPA", math=True, align="r", tex="first-price auction"),
            Column("Pi_I^* - FPA", math=True, align="r", tex="$\\Pi_I^* -$ FPA"),
        ],
        caption=(
            "The data of Figure 1: the revenue guarantee of the exponential price mechanism "
            "Pi_I^* and of the first-price auction with its best reserve, uniform prior, "
            "nu -> 0, against the number of buyers I"
        ),
        source="paper 003, §3, Figure 1",
        label="tab:003-figure1",
        latex_digits=12,
    )
    for p in figure1_data():
        with mpmath.workdps(50):  # the guarantees carry 30+ digits; keep them
            gap = p.epm.value - mpmath.mpf(p.fpa.numerator) / p.fpa.denominator
        table.add(str(p.buyers), p.epm.value, p.fpa, gap)
    table.notes.append(
        "The first-price auction's guarantees are exact rationals for the uniform prior; "
        "Pi_I^* is computed with mpmath (at least 30 correct digits), shown to 20 (12 in "
        "LaTeX)."
    )
    return table


def _figure1() -> FigureData:
    from exactmech.papers.robust_common_value import figure1_data

    pts = figure1_data()
    n = len(pts)
    half = Fraction(1, 2)
    panel = Panel(
        "uniform prior on [0, 1], ν → 0",
        "number of buyers I",
        "revenue guarantee",
        (0, n + 1, 0, Fraction(11, 20)),
        curves=[
            Curve(
                r"exponential price mechanism $\Pi_I^*$",
                tuple((p.buyers, p.epm.value) for p in pts),
                "tab:blue",
                "o-",
            ),
            Curve(
                "first-price auction, best reserve",
                tuple((p.buyers, p.fpa) for p in pts),
                "tab:orange",
                "o-",
            ),
            Curve("full surplus E[v] = 1/2", ((0, half), (n + 1, half)), "black", "--"),
        ],
        markers=[
            Marker(
                f"$\\Pi_{{{n}}}^* \\approx {_digits(pts[-1].epm.value)}$",
                (n, pts[-1].epm.value),
                offset=(-70, -18),
            ),
            Marker(
                f"$\\Pi_1^* \\approx {_digits(pts[0].epm.value)}$",
                (1, pts[0].epm.value),
                offset=(8, 8),
            ),
        ],
        legend="lower right",
    )
    return FigureData(
        "003-figure1",
        "Revenue guarantees of the exponential price mechanism and of the first-price auction "
        "with the optimal reserve price",
        "paper 003, §3, Figure 1",
        [panel],
    )


def _digits(value: Any, digits: int = 4) -> str:
    """``value`` (mpmath) to ``digits`` significant digits (mpmath's own printing)."""
    import mpmath

    return str(mpmath.nstr(value, digits))


TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "003-figure2-table",
        "003",
        "§5.2, Figure 2",
        "revenue guarantees by prior, at the printed precision",
        _figure2,
        requires=MODULE,
    ),
    TableSpec(
        "003-figure2-digits",
        "003",
        "§5.2, Figure 2",
        "the same guarantees to 20 digits",
        _figure2_digits,
        requires=MODULE,
    ),
    TableSpec(
        "003-figure1-table",
        "003",
        "§3, Figure 1",
        "Π_I^* and the first-price auction against I (the data of Figure 1)",
        _figure1_table,
        requires=MODULE,
    ),
)

FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec(
        "003-figure1",
        "003",
        "§3, Figure 1",
        "revenue guarantee Π_I^* against the number of buyers I",
        _figure1,
        requires=MODULE,
    ),
)
