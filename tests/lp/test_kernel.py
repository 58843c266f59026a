"""The fraction-free kernel over every integer backend (STYLE.md §1: same tests, each ring).

Results must be identical across backends; the kernel's invariant ``R = D·B⁻¹`` with
``D = |det B|`` is checked against an independent Fraction computation.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactmech._arith import Ring, available_rings, get_ring
from exactmech.errors import ExactmechError
from exactmech.lp._kernel import FractionFreeBasis

RINGS = available_rings()


def _inverse(M: list[list[Fraction]]) -> list[list[Fraction]] | None:
    n = len(M)
    A = [row[:] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(M)]
    for c in range(n):
        p = next((r for r in range(c, n) if A[r][c]), None)
        if p is None:
            return None
        A[c], A[p] = A[p], A[c]
        pv = A[c][c]
        A[c] = [v / pv for v in A[c]]
        for r in range(n):
            if r != c and A[r][c]:
                f = A[r][c]
                A[r] = [a - f * b for a, b in zip(A[r], A[c])]
    return [row[n:] for row in A]


def _det(M: list[list[Fraction]]) -> Fraction:
    n = len(M)
    A = [row[:] for row in M]
    det = Fraction(1)
    for c in range(n):
        p = next((r for r in range(c, n) if A[r][c]), None)
        if p is None:
            return Fraction(0)
        if p != c:
            A[c], A[p] = A[p], A[c]
            det = -det
        det *= A[c][c]
        for r in range(c + 1, n):
            f = A[r][c] / A[c][c]
            A[r] = [a - f * b for a, b in zip(A[r], A[c])]
    return det


@pytest.mark.parametrize("ring", RINGS, ids=lambda r: r.name)
@given(
    cols=st.lists(st.lists(st.integers(-5, 5), min_size=3, max_size=3), min_size=3, max_size=3),
    b=st.lists(st.integers(-5, 5), min_size=3, max_size=3),
)
def test_pivoting_in_columns_gives_adjugate(
    ring: Ring, cols: list[list[int]], b: list[int]
) -> None:
    """Pivoting columns a_0..a_2 into the identity basis gives R = |det B|·B⁻¹ exactly."""
    mk = ring.make
    st_ = FractionFreeBasis([1, 1, 1], [mk(v) for v in b], mk(0), mk(1))
    B = [[Fraction(cols[j][i]) for j in range(3)] for i in range(3)]
    placed: list[int] = []
    for col in cols:
        alpha = st_.ftran([(i, mk(v)) for i, v in enumerate(col) if v])
        rows = [k for k in range(3) if alpha[k] and k not in placed]
        if not rows:
            return  # singular: nothing to compare
        st_.pivot(rows[0], alpha)
        placed.append(rows[0])
    # basis column j sits in row placed[j]
    Bp = [[B[i][placed.index(k)] for k in range(3)] for i in range(3)]
    inv = _inverse(Bp)
    assert inv is not None
    D = abs(_det(Bp))
    assert Fraction(int(st_.D)) == D
    for i in range(3):
        for k in range(3):
            assert Fraction(int(st_.cols[i][k])) == D * inv[k][i]
    xb = [sum(inv[k][i] * b[i] for i in range(3)) for k in range(3)]
    assert [Fraction(int(v), int(st_.D)) for v in st_.beta] == xb


@pytest.mark.parametrize("ring", RINGS, ids=lambda r: r.name)
def test_btran_ftran_and_identical_results_across_rings(ring: Ring) -> None:
    mk = ring.make
    s = FractionFreeBasis([1, -1], [mk(3), mk(4)], mk(0), mk(1))
    assert [int(v) for v in s.beta] == [3, -4]
    alpha = s.ftran([(0, mk(2)), (1, mk(1))])
    assert [int(v) for v in alpha] == [2, -1]
    s.pivot(0, alpha)
    assert int(s.D) == 2
    assert [int(v) for v in s.btran([mk(1), mk(0)])] == [1, 0]
    assert [int(v) for v in s.row(1)] == [1, -2]
    with pytest.raises(ZeroDivisionError):
        s.pivot(1, [mk(5), mk(0)])


def test_unknown_or_missing_backend_is_loud(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ExactmechError, match="unknown backend"):
        get_ring("cobol")
    from exactmech import _arith

    monkeypatch.setenv("EXACTMECH_BACKEND", "nonexistent")
    with pytest.raises(ExactmechError):
        _arith.default_ring()
