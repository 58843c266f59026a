"""Self-similar infinite interval partitions, summed exactly (paper 000, §4.1–§4.2, Fig. 3d).

Zeno's partition ``P_Z = {(2^{-k-1}, 2^{-k}] : k >= 0} ∪ {{0}}`` (paper 000, §4.1, from Ali,
Lewis and Vasserman) is the union of the scaled copies ``r^k·base`` of one base partition
of ``[r, 1]`` (``base = {[1/2, 1]}``, ``r = 1/2``). Its value is an infinite sum over
cells, computed exactly by

* **homogeneity**: scaling both segments of a cell by ``λ`` scales every money value by
  ``λ^3`` (values × area) and every probability by ``λ^2`` (area), and
* **exact series**: the contribution of a cell whose one side is scaled by ``s = r^d`` is
  a piecewise polynomial in ``s`` (:mod:`~exactmech.papers.disclosure_continuous.parametric`
  machinery); below its smallest critical value it is one polynomial ``Σ c_i s^i`` with
  ``c_0 = 0``, whose sum over ``d >= d0`` is ``Σ c_i r^{i·d0}/(1 − r^i)``.

The point ``{0}`` has measure zero.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from exactmech.errors import InvalidProblemError, PartitionError
from exactmech.numbers import fraction_str
from exactmech.papers.disclosure_continuous.evaluator import ContinuousOutcome, _cell
from exactmech.papers.disclosure_continuous.parametric import (
    QUANTITIES,
    _Aff,
    _critical,
    _frac,
    _parametric,
    _total,
)
from exactmech.papers.disclosure_continuous.partitions import IntervalPartition, Segment

__all__ = ["SelfSimilarPartition", "self_similar_outcome", "zeno_partition"]

_0, _1 = Fraction(0), Fraction(1)


@dataclass(frozen=True)
class SelfSimilarPartition:
    """The infinite partition ``{0} ∪ ⋃_{k >= 0} r^k · base`` of ``[0, 1]`` (Fig. 3d).

    Attributes
    ----------
    base
        Segments partitioning ``[r, 1]`` (pooled or revealed).
    ratio
        ``r`` in ``(0, 1)``.

    Zeno's partition ``{(2^{-k-1}, 2^{-k}]} ∪ {{0}}`` (paper 000, §4.1) is
    ``base = ([1/2, 1],)``, ``ratio = 1/2`` (:func:`zeno_partition`).
    """

    base: tuple[Segment, ...]
    ratio: Fraction

    def __post_init__(self) -> None:
        r = self.ratio
        func = "SelfSimilarPartition"
        if not _0 < r < _1:
            raise PartitionError(f"{func}(): ratio={fraction_str(r)} must lie in (0, 1)")
        if not self.base or self.base[0].lo != r or self.base[-1].hi != 1:
            raise PartitionError(f"{func}(): base must partition [{fraction_str(r)}, 1]")
        for s, u in itertools.pairwise(self.base):
            if s.hi != u.lo:
                raise PartitionError(
                    f"{func}(): base segments {s} and {u} do not meet (gap or overlap)"
                )

    def segments(self, depth: int) -> tuple[Segment, ...]:
        """The segments of the first ``depth`` scales, ``r^{depth} · base, ..., base``."""
        return tuple(
            s.scaled(self.ratio**k) for k in reversed(range(depth)) for s in self.base
        )

    def truncated(self, depth: int) -> IntervalPartition:
        """The finite partition: ``depth`` scales and ``[0, r^depth]`` pooled at the bottom."""
        bottom = Segment(_0, self.ratio**depth)
        return IntervalPartition((bottom, *self.segments(depth)))

    def __str__(self) -> str:
        return (
            "{{0}} ∪ ⋃_k " + f"({fraction_str(self.ratio)})^k·" + "{"
            + ", ".join(str(s) for s in self.base) + "}"
        )


def zeno_partition() -> SelfSimilarPartition:
    """Zeno's partition ``P_Z = {(2^{-k-1}, 2^{-k}] : k >= 0} ∪ {{0}}`` (paper 000, §4.1).

    >>> str(zeno_partition())
    '{{0}} ∪ ⋃_k (1/2)^k·{[1/2, 1]}'
    """
    return SelfSimilarPartition((Segment(Fraction(1, 2), _1),), Fraction(1, 2))


def _series(poly: Any, symbol: sympy.Symbol, r: Fraction, d0: int, name: str) -> Fraction:
    """``Σ_{d >= d0} poly(r^d)`` for a polynomial with zero constant term."""
    p = sympy.Poly(poly, symbol)
    total = _0
    for (i,), c in p.terms():
        cf = _frac(c)
        if i == 0:
            if cf != 0:  # pragma: no cover - a cell shrinking to nothing contributes nothing
                raise InvalidProblemError(f"self_similar_outcome(): {name} does not vanish at 0")
            continue
        total += cf * r ** (i * d0) / (1 - r**i)
    return total


def _cross_sum(fixed: Sequence[Segment], scaled: Sequence[Segment], r: Fraction,
               scaled_is_a: bool) -> dict[str, Fraction]:
    """``Σ_{d >= 1} Σ cell(fixed, r^d·scaled)`` for every quantity, exactly."""
    s = sympy.Symbol("s", positive=True)
    sym_scaled = [(_Aff(_0, g.lo), _Aff(_0, g.hi), g.revealed) for g in scaled]
    sym_fixed = [(_Aff(g.lo), _Aff(g.hi), g.revealed) for g in fixed]
    ca, cb = (sym_scaled, sym_fixed) if scaled_is_a else (sym_fixed, sym_scaled)
    crit = sorted(c for c in _critical(ca, cb) if 0 < c < r)
    out = _parametric(ca, cb, s, _0, r, crit, "self_similar_outcome")
    _, hi, polys = out.cells[0]
    d0 = 1
    while r**d0 > hi:
        d0 += 1
    direct = [_total(ca, cb, r**d) for d in range(1, d0)]
    return {
        name: sum((v[name] for v in direct), _0) + _series(polys[name], s, r, d0, name)
        for name, _ in QUANTITIES
    }


def _outcome(q: dict[str, Fraction]) -> ContinuousOutcome:
    return ContinuousOutcome(
        q["revenue"], q["welfare"], q["buyer_surplus"], (q["U_A"], q["U_B"]),
        (q["P_A"], q["P_B"]),
    )


def _sum_cells(xs: Sequence[Segment], ys: Sequence[Segment]) -> dict[str, Fraction]:
    total = ContinuousOutcome.zero()
    for x in xs:
        for y in ys:
            total = total + _cell(x, y)
    return total.as_dict()


def self_similar_outcome(partition_a: Any, partition_b: Any) -> ContinuousOutcome:
    """Exact outcome when one or both buyers use a self-similar partition (Fig. 3d).

    *Both self-similar* (same ratio ``r``). Grouping the cells ``(r^k S, r^j S')`` by
    ``m = min(k, j)`` and using homogeneity::

        total = 1/(1 − r^h) · [C(base_A, base_B) + Σ_{d>=1} C(base_A, r^d base_B)
                               + Σ_{d>=1} C(r^d base_A, base_B)]

    with ``h = 3`` for money and ``h = 2`` for probabilities. *One self-similar, one
    finite* :class:`IntervalPartition` ``P``: ``total = Σ_{d>=0} C(r^d base, P)``. Each
    inner sum is a piecewise polynomial in ``s = r^d`` (module docstring): finitely many
    terms are evaluated directly, the rest summed as geometric series.

    Parameters
    ----------
    partition_a, partition_b
        :class:`SelfSimilarPartition` objects (at least one), or an
        :class:`IntervalPartition` / list of segments for the other buyer.

    References
    ----------
    paper 000, §4.1 (Zeno's partition), §4.2 and Fig. 3d: Zeno's partition for both buyers
    gives ``E[U] = 23/147``.

    Examples
    --------
    >>> z = zeno_partition()
    >>> self_similar_outcome(z, z).buyer_surplus
    Fraction(23, 147)
    >>> self_similar_outcome(z, [(0, 1)]).buyer_surplus     # A: Zeno, B: no disclosure
    Fraction(29, 168)
    """
    from exactmech.papers.disclosure_continuous.evaluator import _partition

    func = "self_similar_outcome"
    sa = isinstance(partition_a, SelfSimilarPartition)
    sb = isinstance(partition_b, SelfSimilarPartition)
    if not sa and not sb:
        raise PartitionError(
            f"{func}(): neither partition is a SelfSimilarPartition; use evaluate() for two "
            "finite partitions"
        )
    if sa and sb:
        r = partition_a.ratio
        if partition_b.ratio != r:
            raise PartitionError(
                f"{func}(): the ratios differ ({fraction_str(r)} and "
                f"{fraction_str(partition_b.ratio)}); both partitions need the same ratio"
            )
        b = _sum_cells(partition_a.base, partition_b.base)
        down_b = _cross_sum(partition_a.base, partition_b.base, r, scaled_is_a=False)
        down_a = _cross_sum(partition_b.base, partition_a.base, r, scaled_is_a=True)
        return _outcome(
            {name: (b[name] + down_b[name] + down_a[name]) / (1 - r**h) for name, h in QUANTITIES}
        )
    if sa:
        finite = _partition(partition_b, "partition_b", func).segments
        top = _sum_cells(partition_a.base, finite)
        rest = _cross_sum(finite, partition_a.base, partition_a.ratio, scaled_is_a=True)
    else:
        finite = _partition(partition_a, "partition_a", func).segments
        top = _sum_cells(finite, partition_b.base)
        rest = _cross_sum(finite, partition_b.base, partition_b.ratio, scaled_is_a=False)
    return _outcome({name: top[name] + rest[name] for name, _ in QUANTITIES})
