"""Theorem 4.4 as an algorithm: the witness of inefficiency (paper 000, §4.3).

Theorem 4.4: with ``v_A, v_B ~ U[0, 1]`` no pair of interval partitions induces an
efficient equilibrium with nonzero expected buyer surplus. The proof assumes a pooled
interval ``P_A`` with closure ``[a, b]`` (``a < b``; if only B pools, the roles swap; if
nobody pools, both reveal and the surplus is 0), sets::

    x := (max{0, 2a − b} + a)/2 <= a,

takes the element ``P_B`` of the other partition containing ``x``, closure ``[c, d]``, and
distinguishes five cases, each giving a type profile at which the good goes to the buyer
with the *lower* value, or to nobody although a value is positive:

======  =====================  ==============================================================
case    condition              witness
======  =====================  ==============================================================
1       ``x = 0``              ``v_A = b/4``, ``v_B = 0`` (``φ_A = −b/2 < 0``: A never wins)
2       ``x > 0``, ``d <= a``  ``v_A = a + ε``, ``v_B = (x + d)/2`` (``φ_B = x > φ_A``)
3       ``a < d < b``          ``v_A = d + (b − d)/4``, ``v_B = d − ε`` (B wins)
4       ``d > b``              case 3 with the roles swapped (B pools ``[c, d]`` around ``b``)
5       ``x > 0``, ``d = b``   case 3 swapped, with A's element ``[a', b']`` containing
                               ``x' ∈ (x, a)``
======  =====================  ==============================================================

Messages are closed on the top end (footnote 2), so ``d ∈ P_B`` and case 3 can take
``ε = 0``; in case 2 we take ``ε = min((x − (2a − b))/4, (b − a)/2) > 0``. Each witness is
then *checked* with the auction itself (:func:`~.evaluator.outcome_at`): the buyer with
the strictly higher value must have a virtual value strictly below ``max(0, φ_other)``,
so she loses under every tie-breaking rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from exactmech.numbers import fraction_str
from exactmech.papers.disclosure_continuous.evaluator import (
    BUYERS,
    PointOutcome,
    _partition,
    outcome_at,
)
from exactmech.papers.disclosure_continuous.partitions import IntervalPartition, Segment

__all__ = ["Theorem44Witness", "theorem44_witness"]

_0 = Fraction(0)


@dataclass(frozen=True)
class Theorem44Witness:
    """A type profile at which the equilibrium allocation is inefficient (Theorem 4.4).

    Attributes
    ----------
    case
        The case of the paper's proof (1–5).
    pooler
        ``"A"`` or ``"B"``: the buyer whose pooled interval ``P`` plays the proof's ``P_A``.
    pooled
        That interval ``P`` (closure ``[a, b]``).
    x
        The proof's ``x = (max{0, 2a − b} + a)/2``.
    values
        The witness profile ``(v_A, v_B)``, in the buyers' own names.
    outcome
        The auction at ``values``.
    inefficient
        True when the buyer with the strictly higher value has a virtual value strictly
        below ``max(0, φ_other)``: she loses under every tie-breaking rule (checked, not
        assumed).
    """

    case: int
    pooler: str
    pooled: Segment
    x: Fraction
    values: tuple[Fraction, Fraction]
    outcome: PointOutcome
    inefficient: bool

    def __str__(self) -> str:
        va, vb = self.values
        return (
            f"case {self.case} (pooled {self.pooler}: {self.pooled}): v_A={fraction_str(va)}, "
            f"v_B={fraction_str(vb)}, winner {self.outcome.winner}"
        )


def _witness_values(first: IntervalPartition, second: IntervalPartition,
                    seg: Segment) -> tuple[int, Fraction, Fraction, Fraction]:
    """``(case, x, v_first, v_second)`` following the proof, ``first`` pooling ``seg``."""
    a, b = seg.lo, seg.hi
    x = (max(_0, 2 * a - b) + a) / 2
    d = second.message_of(x)[1]
    if x == 0:  # case 1: a = c = 0
        return 1, x, b / 4, _0
    if d <= a:  # case 2
        eps = min((x - (2 * a - b)) / 4, (b - a) / 2)
        return 2, x, a + eps, (x + d) / 2
    if d < b:  # case 3 (a < d < b); d belongs to P_B (closed on top), so ε = 0
        return 3, x, d + (b - d) / 4, d
    if d > b:  # case 4: case 3 with the roles swapped; b belongs to P_A
        return 4, x, b, b + (d - b) / 4
    # case 5: d = b; A's element around x' = (x + a)/2 has top b' with c < b' < d
    x2 = (x + a) / 2
    b2 = first.message_of(x2)[1]
    return 5, x, b2, b2 + (d - b2) / 4


def _check(out: PointOutcome) -> bool:
    va, vb = out.values
    if va == vb:
        return False
    h = 0 if va > vb else 1
    phi = out.virtual_values
    return phi[h] < max(_0, phi[1 - h])


def theorem44_witness(
    partition_a: Any, partition_b: Any, *, pooled: Segment | None = None
) -> Theorem44Witness | None:
    """Construct and check the inefficiency witness of Theorem 4.4 (paper 000, §4.3).

    Parameters
    ----------
    partition_a, partition_b
        Interval partitions.
    pooled
        The pooled segment to start from (default: A's first pooled segment, else B's).

    Returns
    -------
    Theorem44Witness or None
        ``None`` exactly when no segment is pooled (both buyers reveal their values: the
        allocation is efficient and the buyer surplus is 0, §4.3).

    References
    ----------
    paper 000, §4.3, Theorem 4.4 and its proof (cases 1–5).

    Examples
    --------
    >>> w = theorem44_witness([(0, "1/2"), ("1/2", 1)], [(0, 1)])
    >>> w.case, w.values, w.outcome.winner, w.inefficient
    (1, (Fraction(1, 8), Fraction(0, 1)), None, True)
    >>> theorem44_witness([(0, 1, "revealed")], [(0, 1, "revealed")]) is None
    True
    """
    func = "theorem44_witness"
    pa = _partition(partition_a, "partition_a", func)
    pb = _partition(partition_b, "partition_b", func)
    if pooled is None:
        if pa.pooled:
            pooler, seg = 0, pa.pooled[0]
        elif pb.pooled:
            pooler, seg = 1, pb.pooled[0]
        else:
            return None
    else:
        if pooled in pa.pooled:
            pooler, seg = 0, pooled
        elif pooled in pb.pooled:
            pooler, seg = 1, pooled
        else:
            from exactmech.errors import PartitionError

            raise PartitionError(f"{func}(): pooled={pooled} is not a pooled segment of either")
    first, second = (pa, pb) if pooler == 0 else (pb, pa)
    case, x, v_first, v_second = _witness_values(first, second, seg)
    values = (v_first, v_second) if pooler == 0 else (v_second, v_first)
    out = outcome_at(pa, pb, values[0], values[1])
    return Theorem44Witness(case, BUYERS[pooler], seg, x, values, out, _check(out))
