"""Paper 000, §5.2 and Appendices A–B: hardness of BUYER-OPT and the connected-partition gap.

* PARTITION (Karp): positive integers ``s_1, …, s_m`` with even sum ``S``; is there
  ``I ⊆ [m]`` with ``Σ_{i∈I} s_i = S/2``? :func:`solve_partition` answers it by the
  pseudo-polynomial subset-sum recursion.
* The reduction of Theorem 5.2 (Appendix A): ``n = m + 1``, ``p_i = 2 s_i / (3S)`` and
  ``v_i = S − 1/(4 + i)`` for ``i <= m``, ``p_n = 1/3``, ``v_n = S/2``, target
  ``U = S/6 − 1/12``. :func:`partition_reduction` builds it; since §5 lists values in
  increasing order and ``v_n = S/2`` is the smallest, our type 0 is the paper's type ``n``
  and our type ``k >= 1`` is the paper's type ``k``.
* Proposition 5.3 (Appendix B): values ``1, 2, 2 + δ`` with probabilities ``1/3, 5/9, 1/9``;
  connected partitions give at most ``δ/9``, the partition ``{{1, 2 + δ}, {2}}`` gives
  ``(1 + δ)/9``. :func:`proposition_5_3` computes both optima exactly, for a rational δ or
  symbolically in δ on ``0 < δ < 1``.
* :func:`appendix_a_identities`: every equation of Appendix A re-derived with sympy from the
  definitions, next to the printed right-hand side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from exactmech.errors import InvalidProblemError
from exactmech.numbers import Q, fraction_str
from exactmech.papers.disclosure.game import Partition
from exactmech.papers.disclosure.one_buyer import (
    OptimalPartition,
    algorithm_1,
    buyer_opt,
)

__all__ = [
    "AppendixIdentity",
    "Proposition53",
    "ReductionInstance",
    "appendix_a_identities",
    "partition_reduction",
    "proposition_5_3",
    "proposition_5_3_family",
    "solve_partition",
]


def _check_items(s: Sequence[Any], func: str) -> tuple[int, ...]:
    items = []
    for i, x in enumerate(s):
        if not isinstance(x, int) or isinstance(x, bool) or x <= 0:
            raise InvalidProblemError(f"{func}(): s[{i}] = {x!r} is not a positive integer")
        items.append(x)
    if not items:
        raise InvalidProblemError(f"{func}(): PARTITION needs at least one integer")
    return tuple(items)


def solve_partition(s: Sequence[int]) -> tuple[int, ...] | None:
    """A subset ``I`` (0-based indices) with ``Σ_{i∈I} s_i = S/2``, or ``None`` (PARTITION).

    Pseudo-polynomial subset-sum recursion over reachable sums (paper 000, §5.2 notes
    PARTITION is only *weakly* NP-hard).

    >>> solve_partition([3, 1, 1, 2, 2, 1])
    (0, 1, 2)
    >>> solve_partition([1, 3]) is None
    True
    """
    items = _check_items(s, "solve_partition")
    total = sum(items)
    if total % 2:
        return None
    half = total // 2
    reach: dict[int, tuple[int, ...]] = {0: ()}
    for i, x in enumerate(items):
        for t, subset in list(reach.items()):
            if t + x <= half and t + x not in reach:
                reach[t + x] = (*subset, i)
    return reach.get(half)


@dataclass(frozen=True)
class ReductionInstance:
    """The BUYER-OPT instance built from a PARTITION instance (paper 000, Appendix A).

    Attributes
    ----------
    s : tuple of int
        The PARTITION instance; ``S = sum(s)`` (even).
    values, probs : tuple of Fraction
        The one-buyer instance in increasing order of value: ``values[0] = S/2`` (the
        paper's type ``n``, probability 1/3), ``values[k] = S − 1/(4 + k)`` with
        probability ``2 s_k / (3S)`` (the paper's type ``k``) for ``k = 1..m``.
    target : Fraction
        ``U = S/6 − 1/12``.
    """

    s: tuple[int, ...]
    values: tuple[Fraction, ...]
    probs: tuple[Fraction, ...]
    target: Fraction

    @property
    def S(self) -> int:
        """The sum of the PARTITION integers."""
        return sum(self.s)

    def partition_for(self, subset: Sequence[int]) -> Partition:
        """The forward direction's partition ``{I ∪ {n}, [m] \\ I}`` for ``I`` (0-based items)."""
        chosen = {i + 1 for i in subset}
        pool = (0, *sorted(chosen))
        rest = tuple(k for k in range(1, len(self.values)) if k not in chosen)
        return (pool, rest) if rest else (pool,)

    def subset_from(self, partition: Partition) -> tuple[int, ...]:
        """The backward direction: ``I`` such that ``I ∪ {n}`` is the block holding type ``n``."""
        block = next(b for b in partition if 0 in b)
        return tuple(k - 1 for k in block if k)


def partition_reduction(s: Sequence[int]) -> ReductionInstance:
    """The reduction PARTITION → BUYER-OPT of Theorem 5.2 (paper 000, Appendix A).

    >>> inst = partition_reduction([1, 1])
    >>> inst.values, inst.probs, inst.target
    ((Fraction(1, 1), Fraction(9, 5), Fraction(11, 6)), (Fraction(1, 3), Fraction(1, 3), \
Fraction(1, 3)), Fraction(1, 4))
    >>> partition_reduction([1, 2])
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: partition_reduction(): s sums to 3; PARTITION \
(paper 000, §5.2) needs an even sum S
    """
    items = _check_items(s, "partition_reduction")
    S = sum(items)
    if S % 2:
        raise InvalidProblemError(
            f"partition_reduction(): s sums to {S}; PARTITION (paper 000, §5.2) needs an even sum S"
        )
    values = [Fraction(S, 2)] + [S - Fraction(1, 4 + i) for i in range(1, len(items) + 1)]
    probs = [Fraction(1, 3)] + [Fraction(2 * x, 3 * S) for x in items]
    return ReductionInstance(items, tuple(values), tuple(probs), Fraction(S, 6) - Fraction(1, 12))


DELTA = sympy.Symbol("delta", positive=True)


def proposition_5_3_family(delta: Any = None) -> tuple[list[Any], list[Fraction]]:
    """Values ``1, 2, 2 + δ`` and probabilities ``1/3, 5/9, 1/9`` (paper 000, Appendix B).

    ``delta`` is a rational in ``(0, 1)`` or ``None`` for the symbol ``δ``.

    >>> values, probs = proposition_5_3_family("1/2")
    >>> values[2], probs
    (Fraction(5, 2), [Fraction(1, 3), Fraction(5, 9), Fraction(1, 9)])
    """
    probs = [Fraction(1, 3), Fraction(5, 9), Fraction(1, 9)]
    if delta is None:
        return [Fraction(1), Fraction(2), 2 + DELTA], probs
    d = Q(delta, "delta", func="proposition_5_3_family")
    if not 0 < d < 1:
        raise InvalidProblemError(
            f"proposition_5_3_family(): delta = {fraction_str(d)}; Appendix B needs 0 < δ < 1"
        )
    return [Fraction(1), Fraction(2), 2 + d], probs


@dataclass(frozen=True)
class Proposition53:
    """Connected versus arbitrary partitions on the Appendix B family (paper 000, Prop. 5.3).

    Attributes
    ----------
    delta
        The δ used (a Fraction, or the sympy symbol ``delta``).
    connected, general : OptimalPartition
        The best connected partition (Algorithm 1) and the best partition (BUYER-OPT).
    ratio
        ``general.utility / connected.utility`` (``(1 + δ)/δ``), unbounded as ``δ → 0``.
    """

    delta: Any
    connected: OptimalPartition
    general: OptimalPartition
    ratio: Any


def proposition_5_3(delta: Any = None) -> Proposition53:
    """Proposition 5.3 on the Appendix B family, exactly (symbolic in δ when ``delta=None``).

    References
    ----------
    Paper 000, §5.2, Proposition 5.3 and Appendix B.

    Examples
    --------
    >>> r = proposition_5_3()
    >>> r.connected.utility, r.general.utility, r.general.partition
    (delta/9, (delta + 1)/9, ((0, 2), (1,)))
    >>> proposition_5_3("1/10").ratio
    Fraction(11, 1)
    """
    values, probs = proposition_5_3_family(delta)
    domain = (DELTA, 0, 1) if delta is None else None
    conn = algorithm_1(values, probs, domain=domain)
    gen = buyer_opt(values, probs, domain=domain)
    ratio = gen.utility / conn.utility
    if not isinstance(ratio, Fraction):
        ratio = sympy.factor(sympy.cancel(ratio))
    return Proposition53(
        DELTA if delta is None else values[2] - 2,
        OptimalPartition(conn.partition, conn.utility),
        gen,
        ratio,
    )


@dataclass(frozen=True)
class AppendixIdentity:
    """One equation of Appendix A: the printed right-hand side and ours, derived by sympy.

    Attributes
    ----------
    name, location, statement : str
    printed : sympy expression
        The paper's right-hand side.
    derived : sympy expression
        The same quantity derived from the reduction's definitions.
    """

    name: str
    location: str
    statement: str
    printed: Any
    derived: Any

    @property
    def holds(self) -> bool:
        """Whether printed and derived agree identically."""
        return bool(sympy.simplify(self.printed - self.derived) == 0)


def appendix_a_identities() -> list[AppendixIdentity]:
    """Every equation of Appendix A (proof of Theorem 5.2), re-derived symbolically.

    Symbols: ``S > 0`` (the PARTITION sum), ``X = Σ_{i∈I} s_i``, ``P = Σ_{i∈I} p_i``. The
    reduction's definitions (``p_i = 2 s_i/(3S)``, ``v_n = S/2``, ``p_n = 1/3``,
    ``U = S/6 − 1/12``) are substituted and each printed right-hand side compared. One does
    not hold: the last simplification prints ``S/(4S − 1)`` for ``3S/(2(6S − 3)) = S/(4S − 2)``
    (the conclusion survives: ``S/(4S − 2) < 1`` for every positive integer ``S``).

    >>> [i.name for i in appendix_a_identities() if not i.holds]
    ['backward.upper.simplified']
    """
    S = sympy.Symbol("S", positive=True)
    X = sympy.Symbol("X")  # Σ_{i∈I} s_i
    P = sympy.Symbol("P")  # Σ_{i∈I} p_i
    half, third, quarter = sympy.Rational(1, 2), sympy.Rational(1, 3), sympy.Rational(1, 4)
    p_I = 2 * X / (3 * S)  # Σ_{i∈I} 2 s_i/(3S)
    U = S / 6 - sympy.Rational(1, 12)
    v_n, p_n = S / 2, third
    out = [
        AppendixIdentity(
            "reduction.total-probability",
            "Appendix A, definition of the reduction",
            "the probabilities sum to 1: Σ_{i<=m} 2 s_i/(3S) + 1/3",
            sympy.Integer(1),
            (2 * S / (3 * S) + p_n),
        ),
        AppendixIdentity(
            "forward.case2-probability",
            "Appendix A, forward direction",
            "case (2) has probability Σ_{i∈I} p_i = 2(S/2)/(3S)",
            third,
            p_I.subs(X, S / 2),
        ),
        AppendixIdentity(
            "forward.case3-probability",
            "Appendix A, forward direction",
            "all three cases occur with probability 1/3 (case 3: types [m] \\ I)",
            third,
            (2 * (S - X) / (3 * S)).subs(X, S / 2),
        ),
        AppendixIdentity(
            "forward.pool-posterior",
            "Appendix A, forward direction",
            "given the message I ∪ {n}, case (1) has probability 1/2",
            half,
            p_n / (p_n + p_I.subs(X, S / 2)),
        ),
        AppendixIdentity(
            "forward.case2-surplus",
            "Appendix A, forward direction",
            "a case-(2) buyer's surplus is at least S − 1/4 − S/2",
            S / 2 - quarter,
            (S - quarter) - v_n,
        ),
        AppendixIdentity(
            "forward.total",
            "Appendix A, forward direction",
            "the overall expected buyer surplus is at least 1/3 (S/2 − 1/4) = U",
            U,
            third * ((S - quarter) - v_n),
        ),
        AppendixIdentity(
            "backward.pool-term",
            "Appendix A, backward direction",
            "Σ_{i∈I} (2 s_i/(3S)) · (S/2) = (1/3) Σ_{i∈I} s_i",
            X / 3,
            p_I * (S - v_n),
        ),
        AppendixIdentity(
            "backward.other-mass",
            "Appendix A, backward direction",
            "the other blocks carry probability at most 2/3, so their term is at most 1/4 · 2/3",
            sympy.Rational(1, 6),
            quarter * (2 * S / (3 * S)),
        ),
        AppendixIdentity(
            "backward.lower",
            "Appendix A, backward direction",
            "S/6 − 1/12 < 1/6 + X/3 rearranges to X > S/2 − 3/4",
            S / 2 - sympy.Rational(3, 4),
            sympy.solve(sympy.Eq(U, sympy.Rational(1, 6) + X / 3), X)[0],
        ),
        AppendixIdentity(
            "backward.threshold",
            "Appendix A, backward direction",
            "(S − 1/4) P <= (S/2)(1/3 + P) rearranges to P <= (S/2 · 1/3)/(S − 1/4 − S/2)",
            (S / 2 * third) / (S - quarter - S / 2),
            sympy.solve(sympy.Eq((S - quarter) * P, S / 2 * (third + P)), P)[0],
        ),
        AppendixIdentity(
            "backward.threshold.simplified",
            "Appendix A, backward direction",
            "(S/6)/(S/2 − 1/4) = 1/(6S − 3) + 1/3",
            1 / (6 * S - 3) + third,
            (S / 6) / (S / 2 - quarter),
        ),
        AppendixIdentity(
            "backward.upper",
            "Appendix A, backward direction",
            "(2/(3S)) X <= 1/(6S − 3) + 1/3 simplifies to X <= 3S/(2(6S − 3)) + 3S/6",
            3 * S / (2 * (6 * S - 3)) + 3 * S / 6,
            sympy.solve(sympy.Eq(2 * X / (3 * S), 1 / (6 * S - 3) + third), X)[0],
        ),
        AppendixIdentity(
            "backward.upper.simplified",
            "Appendix A, backward direction",
            "3S/(2(6S − 3)) + 3S/6 = S/(4S − 1) + S/2",
            S / (4 * S - 1) + S / 2,
            sympy.cancel(3 * S / (2 * (6 * S - 3))) + sympy.cancel(3 * S / 6),
        ),
    ]
    return out
