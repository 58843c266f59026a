"""Hypothesis strategies for paper 003's objects (STYLE.md §7), extending
:mod:`exactmech.strategies`.

Plural nouns, keyword-only options, ``InvalidArgument`` for impossible arguments; every
strategy shrinks toward one buyer, few messages, zero allocations and payments, and equal
masses on few values.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from exactmech.dist import Discrete
from exactmech.papers.robust_common_value.mechanism import (
    FiniteMechanism,
    Mechanism,
    SymmetricMechanism,
    multisets,
)
from exactmech.strategies import discrete_distributions

__all__ = [
    "common_value_priors",
    "finite_mechanisms",
    "multipliers",
    "symmetric_mechanisms",
]


def common_value_priors(
    *, max_size: int = 4, max_denominator: int = 4
) -> st.SearchStrategy[Discrete]:
    """Discrete priors on values in ``[0, 1]`` (paper 003, §2), masses from small weights.

    Shrinks toward one or two values with equal masses.
    """
    if max_size < 1 or max_denominator < 1:
        raise InvalidArgument(
            f"common_value_priors(): max_size={max_size}, max_denominator={max_denominator} "
            "must be >= 1"
        )
    size = min(max_size, max_denominator + 1)
    return discrete_distributions(
        min_size=1, max_size=size, min_value=0, max_value=1, max_denominator=max_denominator
    )


def _check(func: str, buyers: int, max_messages: int) -> None:
    if buyers < 1 or max_messages < 2:
        raise InvalidArgument(
            f"{func}(): buyers={buyers} must be >= 1 and max_messages={max_messages} >= 2"
        )


@st.composite
def finite_mechanisms(
    draw: st.DrawFn, *, buyers: int = 2, max_messages: int = 3, max_payment: int = 2
) -> FiniteMechanism:
    """Finite mechanisms with opt-out (paper 003, §2), allocations ``w_i / (Σ w + slack)``
    from small integer weights and payments ``p/4`` with ``|p| <= 4 max_payment``."""
    _check("finite_mechanisms", buyers, max_messages)
    sizes = tuple(draw(st.integers(2, max_messages)) for _ in range(buyers))
    alloc: dict[tuple[int, ...], tuple[Fraction, ...]] = {}
    pay: dict[tuple[int, ...], tuple[Fraction, ...]] = {}
    for m in itertools.product(*(range(k) for k in sizes)):
        w = [draw(st.integers(0, 3)) if m[i] else 0 for i in range(buyers)]
        slack = draw(st.integers(0, 3))
        total = sum(w) + slack
        alloc[m] = tuple(Fraction(x, total) if total else Fraction(0) for x in w)
        pay[m] = tuple(
            Fraction(draw(st.integers(-4 * max_payment, 4 * max_payment)), 4)
            if m[i]
            else Fraction(0)
            for i in range(buyers)
        )
    return FiniteMechanism(sizes, alloc, pay)


@st.composite
def symmetric_mechanisms(
    draw: st.DrawFn, *, buyers: int = 2, max_messages: int = 3, max_payment: int = 2
) -> SymmetricMechanism:
    """Symmetric mechanisms (paper 003, eq. (3)): ``q(j, O) = w / (4I)`` with ``w ∈ 0..4``
    (so every profile is feasible) and payments ``p/4``, zero at the opt-out."""
    _check("symmetric_mechanisms", buyers, max_messages)
    k = draw(st.integers(2, max_messages))
    table = {}
    for own in range(k):
        for others in multisets(k, buyers - 1):
            if own == 0:
                table[(own, others)] = (Fraction(0), Fraction(0))
            else:
                q = Fraction(draw(st.integers(0, 4)), 4 * buyers)
                p = Fraction(draw(st.integers(-4 * max_payment, 4 * max_payment)), 4)
                table[(own, others)] = (q, p)
    return SymmetricMechanism(buyers, k, table)


@st.composite
def multipliers(
    draw: st.DrawFn, mech: Mechanism, *, symmetric: bool | None = None, max_value: int = 3
) -> dict[tuple[int, ...], Fraction]:
    """Multipliers ``α >= 0`` for ``mech`` with entries ``x/2``, ``0 <= x <= 2 max_value``.

    ``symmetric`` (default: iff ``mech`` is symmetric) gives keys ``(m_i, m'_i)``;
    otherwise ``(i, m_i, m'_i)``. Shrinks toward all zeros.
    """
    sym = isinstance(mech, SymmetricMechanism) if symmetric is None else symmetric
    entry = st.integers(0, 2 * max_value).map(lambda x: Fraction(x, 2))
    if sym:
        k = mech.n_messages if isinstance(mech, SymmetricMechanism) else min(mech.n_messages)
        return {(j, jp): draw(entry) for j in range(k) for jp in range(k) if j != jp}
    sizes = (
        (mech.n_messages,) * mech.buyers
        if isinstance(mech, SymmetricMechanism)
        else mech.n_messages
    )
    return {
        (i, j, jp): draw(entry)
        for i, k in enumerate(sizes)
        for j in range(k)
        for jp in range(k)
        if j != jp
    }
