"""``make_problem`` and ``LPProblem`` (exactmech/lp/problem.py): the fast paths of the dense
scan give exactly what converting every entry through :func:`exactmech.Q` gives."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactmech import Q
from exactmech.errors import FloatInputError, ShapeError
from exactmech.lp import LPProblem, make_problem

F = Fraction

entries = st.one_of(
    st.integers(-300, 300),
    st.integers(-(10**30), 10**30),
    st.fractions(max_denominator=50),
    st.sampled_from([0, F(0), "3/7", "0.15", True]),
)


@given(st.lists(st.lists(entries, min_size=4, max_size=4), min_size=1, max_size=4))
def test_sparse_rows_equal_entrywise_conversion(rows: list[list[object]]) -> None:
    """Rows of ints, of Fractions and of mixed inputs: nonzero entries, in order, as Q(v)."""
    p = make_problem([0] * 4, A_ub=rows, b_ub=[0] * len(rows))
    expected = tuple(
        tuple((j, Q(v)) for j, v in enumerate(row) if Q(v) != 0) for row in rows
    )
    assert p.A_ub == expected
    assert all(type(v) is Fraction for row in p.A_ub for _, v in row)


def test_fast_paths_keep_error_messages() -> None:
    with pytest.raises(FloatInputError, match=r"A_ub\[0\]\[1\]=0.0 is a float"):
        make_problem([1, 1], A_ub=[[F(1), 0.0]], b_ub=[1])  # a float zero is an error too
    with pytest.raises(FloatInputError, match=r"A_ub\[0\]\[1\]=0.0 is a float"):
        make_problem([1, 1], A_ub=[[1, 0.0]], b_ub=[1])
    with pytest.raises(FloatInputError, match=r"A_ub\[1\]\[2\]=0.5 is a float"):
        make_problem([1, 1, 1], A_ub=[[1, 2, 3], [F(1), 0, 0.5]], b_ub=[1, 2])
    with pytest.raises(ShapeError, match=r"A_eq\[0\] refers to column 3, n=2"):
        LPProblem(c=(F(1), F(1)), A_eq=(((3, F(1)),),), b_eq=(F(1),), bounds=((F(0), None),) * 2)
    with pytest.raises(ShapeError, match=r"A_ub\[0\] refers to column -1, n=2"):
        LPProblem(c=(F(1), F(1)), A_ub=(((-1, F(1)),),), b_ub=(F(1),), bounds=((F(0), None),) * 2)
