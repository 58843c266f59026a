"""Paper 003's Figure 2 (table) and Figure 1 (curve) as data, with the printed values.

Figure 2 lists, for seven priors (and the triangle prior of the wallet game in the text),
the mean and four revenue guarantees as ``k → ∞`` and ``ν → 0``: ``Π_2^#`` (50),
``Π_2^*`` (23), the first-price auction with the best reserve, and ``Π_1^*`` (Theorem 1).
:func:`figure2_table` recomputes every entry (means exactly; guarantees in mpmath at 45
digits, reported to 30) and carries the printed strings alongside, so that the reports
work can render both and :class:`~exactmech.papers.robust_common_value.printed.Rounded`
can compare them at the printed precision.

Figure 1 plots ``Π_I^*`` for the uniform prior against ``I`` together with the first-price
auction at its best reserve; :func:`figure1_data` returns those points (the auction's values
are exact rationals for the uniform prior).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from exactmech.papers.robust_common_value.density import (
    Density,
    beta_density,
    cdf_density,
    triangle_density,
    uniform_density,
)
from exactmech.papers.robust_common_value.fpa import (
    fpa_optimal_reserve,
    fpa_power_cdf_closed_form,
    fpa_uniform_exact,
)
from exactmech.papers.robust_common_value.limits import (
    LimitValue,
    pi1_limit,
    pi1_power_cdf_closed_form,
    pi2_sharp_limit,
    pi_limit,
)
from exactmech.papers.robust_common_value.printed import Rounded

__all__ = [
    "FIGURE2_COLUMNS",
    "FIGURE2_PRINTED",
    "POWER_CDF",
    "Figure1Point",
    "Figure2Row",
    "figure1_data",
    "figure2_priors",
    "figure2_table",
]

#: Column keys of Figure 2, in the paper's order.
FIGURE2_COLUMNS = ("mean", "pi2_sharp", "pi2_star", "fpa", "pi1")

#: The printed Figure 2 (and the triangle values printed in §5.2's text), verbatim.
FIGURE2_PRINTED: dict[str, dict[str, str]] = {
    "Uniform": {
        "mean": "0.5",
        "pi2_sharp": "0.273",
        "pi2_star": "0.272",
        "fpa": "0.177",
        "pi1": "0.204",
    },
    "CDF 2v - v^2": {
        "mean": "0.3333",
        "pi2_sharp": "0.166",
        "pi2_star": "0.166",
        "fpa": "0.102",
        "pi1": "0.120",
    },
    "CDF v^2": {
        "mean": "0.6667",
        "pi2_sharp": "0.437",
        "pi2_star": "0.431",
        "fpa": "0.346",
        "pi1": "0.341",
    },
    "Beta(2, 2)": {
        "mean": "0.5",
        "pi2_sharp": "0.302",
        "pi2_star": "0.301",
        "fpa": "0.230",
        "pi1": "0.229",
    },
    "Beta(2, 4)": {
        "mean": "0.3333",
        "pi2_sharp": "0.188",
        "pi2_star": "0.188",
        "fpa": "0.139",
        "pi1": "0.140",
    },
    "Beta(4, 2)": {
        "mean": "0.6667",
        "pi2_sharp": "0.475",
        "pi2_star": "0.463",
        "fpa": "0.414",
        "pi1": "0.381",
    },
    "Beta(8, 1)": {
        "mean": "0.8889",
        "pi2_sharp": "0.751",
        "pi2_star": "0.710",
        "fpa": "0.716",
        "pi1": "0.652",
    },
    "Triangle": {"pi2_sharp": "0.31324", "pi2_star": "0.31094"},
}


#: Rows whose prior has the CDF ``u^m`` (closed forms exist for ``Π_1^*`` and the FPA column).
POWER_CDF = {"Uniform": 1, "CDF v^2": 2, "Beta(8, 1)": 8}


def figure2_priors() -> dict[str, Density]:
    """The priors of Figure 2 (footnote 10: Beta(b, c) densities) and the triangle prior."""
    return {
        "Uniform": uniform_density(),
        "CDF 2v - v^2": cdf_density("2*v - v**2", name="CDF 2v - v^2"),
        "CDF v^2": cdf_density("v**2", name="CDF v^2"),
        "Beta(2, 2)": beta_density(2, 2),
        "Beta(2, 4)": beta_density(2, 4),
        "Beta(4, 2)": beta_density(4, 2),
        "Beta(8, 1)": beta_density(8, 1),
        "Triangle": triangle_density(),
    }


@dataclass(frozen=True)
class Figure2Row:
    """One row of Figure 2: our values and the printed ones.

    Attributes
    ----------
    prior
        The row's label as printed.
    mean
        ``E[v]`` (exact).
    pi2_sharp, pi2_star, fpa, pi1
        :class:`LimitValue` of ``Π_2^#``, ``Π_2^*``, the first-price auction at its best
        reserve (two buyers) and ``Π_1^*`` (``None`` where the paper gives no entry).
    printed
        The paper's strings by column key (:data:`FIGURE2_COLUMNS`).
    """

    prior: str
    mean: Fraction
    pi2_sharp: LimitValue
    pi2_star: LimitValue
    fpa: LimitValue | None
    pi1: LimitValue | None
    printed: dict[str, str]

    def value(self, column: str) -> Any:
        """Our value in a column: the exact mean, or the mpmath number of a guarantee."""
        if column == "mean":
            return self.mean
        entry = getattr(self, column)
        return None if entry is None else entry.value

    def rounded(self, column: str) -> Rounded | None:
        """Our value at the printed precision of ``column`` (``None`` if not printed)."""
        text = self.printed.get(column)
        if text is None:
            return None
        decimals = len(text.split(".")[1]) if "." in text else 0
        entry = None if column == "mean" else getattr(self, column)
        closed = entry.closed_form if entry is not None else None
        return Rounded(self.value(column), decimals, closed)

    def matches(self) -> dict[str, bool]:
        """``{column: printed value reproduced at its precision}`` for the printed columns."""
        out = {}
        for col, text in self.printed.items():
            r = self.rounded(col)
            out[col] = r is not None and r.printed() == text
        return out


@cache
def _row(name: str) -> Figure2Row:
    rho = figure2_priors()[name]
    printed = FIGURE2_PRINTED[name]
    in_table = name != "Triangle"
    power = POWER_CDF.get(name)
    pi1 = fpa = None
    if in_table:
        pi1 = pi1_limit(rho)
        fpa = fpa_optimal_reserve(rho, 2)
        if power is not None:
            pi1 = LimitValue(pi1.value, pi1.params, pi1_power_cdf_closed_form(power))
            fpa = LimitValue(fpa.value, fpa.params, fpa_power_cdf_closed_form(power, 2))
    return Figure2Row(
        prior=name,
        mean=rho.mean,
        pi2_sharp=pi2_sharp_limit(rho),
        pi2_star=pi_limit(rho, 2),
        fpa=fpa,
        pi1=pi1,
        printed=dict(printed),
    )


def figure2_table(*, include_triangle: bool = True) -> list[Figure2Row]:
    """Every row of Figure 2 recomputed (cached), plus the triangle prior of §5.2's text.

    Examples
    --------
    >>> row = figure2_table()[0]
    >>> row.prior, row.mean, row.rounded("pi1").printed(), row.matches()["fpa"]
    ('Uniform', Fraction(1, 2), '0.204', True)
    """
    names = list(FIGURE2_PRINTED)
    if not include_triangle:
        names.remove("Triangle")
    return [_row(n) for n in names]


@dataclass(frozen=True)
class Figure1Point:
    """One abscissa of Figure 1 (uniform prior): ``Π_I^*`` and the first-price auction."""

    buyers: int
    epm: LimitValue
    fpa: Fraction


@cache
def figure1_data(max_buyers: int = 20) -> tuple[Figure1Point, ...]:
    """Figure 1's data: ``(I, Π_I^*, FPA guarantee)`` for ``I = 1..max_buyers``, uniform prior."""
    rho = uniform_density()
    return tuple(
        Figure1Point(n, pi_limit(rho, n), fpa_uniform_exact(n)) for n in range(1, max_buyers + 1)
    )
