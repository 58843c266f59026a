"""Hypothesis strategies for property-testing exact results (STYLE.md §7).

Owns the strategies that users and our own tests draw random instances from. House style
follows hypothesis's API guide: plural nouns, keyword-only options, ``InvalidArgument`` for
impossible arguments, and shrinking toward small, simple cases (few rows and variables,
zero coefficients, default bounds).

Examples
--------
>>> from hypothesis import given
>>> from exactmech.lp import linprog, check
>>> @given(linear_programs(max_vars=3, max_rows=3))
... def test_certified(problem):
...     from exactmech.lp import solve_problem
...     assert check(solve_problem(problem, method="exact"))
>>> test_certified()
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from exactmech.lp.problem import Bound, LPProblem, SparseRow

__all__ = ["linear_programs", "rationals"]


def rationals(
    *, min_value: int = -9, max_value: int = 9, max_denominator: int = 1
) -> st.SearchStrategy[Fraction]:
    """Fractions ``p/q`` with ``min_value <= p <= max_value``, ``1 <= q <= max_denominator``.

    Shrinks toward ``0`` (and denominator 1).
    """
    if min_value > max_value:
        raise InvalidArgument(f"rationals(): min_value={min_value} > max_value={max_value}")
    if max_denominator < 1:
        raise InvalidArgument(f"rationals(): max_denominator={max_denominator} < 1")
    return st.builds(
        Fraction,
        st.integers(min_value, max_value),
        st.integers(1, max_denominator),
    )


@st.composite
def _bound(draw: st.DrawFn, coef: st.SearchStrategy[Fraction], general: bool) -> Bound:
    if not general:
        return (Fraction(0), None)
    kind = draw(st.sampled_from(["nonneg", "free", "lower", "upper", "box", "fixed"]))
    if kind == "nonneg":
        return (Fraction(0), None)
    if kind == "free":
        return (None, None)
    a = draw(coef)
    if kind == "lower":
        return (a, None)
    if kind == "upper":
        return (None, a)
    if kind == "fixed":
        return (a, a)
    width = draw(st.integers(0, 5))
    return (a, a + width)


@st.composite
def linear_programs(
    draw: st.DrawFn,
    *,
    max_vars: int = 6,
    max_rows: int = 6,
    min_value: int = -9,
    max_value: int = 9,
    equalities: bool = True,
    general_bounds: bool = True,
    allow_maximize: bool = True,
) -> LPProblem:
    """Random small LPs with integer data, of every status (optimal, infeasible, unbounded).

    Parameters
    ----------
    max_vars, max_rows
        Upper limits on the number of variables (>= 1) and of rows (``<=`` plus ``=``).
    min_value, max_value
        Range of the integer coefficients, right-hand sides and bounds.
    equalities
        Allow ``=`` rows.
    general_bounds
        Draw free, lower, upper, boxed and fixed variables, not only ``x >= 0``.
    allow_maximize
        Draw the sense too.

    Shrinks toward one variable, no rows, zero coefficients and ``x >= 0``.
    """
    if max_vars < 1:
        raise InvalidArgument(f"linear_programs(): max_vars={max_vars} must be >= 1")
    if max_rows < 0:
        raise InvalidArgument(f"linear_programs(): max_rows={max_rows} must be >= 0")
    if min_value > max_value:
        raise InvalidArgument(f"linear_programs(): min_value={min_value} > max_value={max_value}")
    coef = st.integers(min_value, max_value).map(Fraction)
    n = draw(st.integers(1, max_vars))
    m = draw(st.integers(0, max_rows))
    m_eq = draw(st.integers(0, m)) if equalities else 0

    def row() -> SparseRow:
        vals = draw(st.lists(coef, min_size=n, max_size=n))
        return tuple((j, v) for j, v in enumerate(vals) if v)

    A_ub = tuple(row() for _ in range(m - m_eq))
    b_ub = tuple(draw(coef) for _ in range(m - m_eq))
    A_eq = tuple(row() for _ in range(m_eq))
    b_eq = tuple(draw(coef) for _ in range(m_eq))
    c = tuple(draw(st.lists(coef, min_size=n, max_size=n)))
    bounds = tuple(draw(_bound(coef, general_bounds)) for _ in range(n))
    maximize = draw(st.booleans()) if allow_maximize else False
    return LPProblem(
        c=c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds, maximize=maximize
    )
