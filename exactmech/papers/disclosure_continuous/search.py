"""Search over interval partitions on a rational grid (paper 000, §4.2, Conjectures 4.2–4.3).

The paper's computer search over "pairs of partitions into (a reasonable number of)
intervals" suggests

* **Conjecture 4.2**: ``P_A = {[0, 1/2], [1/2, 1]}``, ``P_B = {[0, 1]}`` (E[U] = 11/64)
  maximises expected buyer surplus over all partitional equilibria;
* **Conjecture 4.3**: among *symmetric* interval partitions (``P_A = P_B``), no disclosure
  (E[U] = 1/6) is optimal.

Here the candidates are the interval partitions whose breakpoints lie on the grid
``{1/n, ..., (n−1)/n}``, each segment pooled or revealed (``2·3^(n−1)`` partitions per
buyer). Everything is deterministic and pure, so a sweep can call it per instance:

* :func:`grid_partitions` enumerates them (fixed order);
* :func:`candidate_partitions` draws ``count`` of them from ``(seed, n)`` (``random.Random``);
* :func:`neighbours` lists the partitions one move away (add, remove or shift a breakpoint
  by ``1/n``, flip a segment between pooled and revealed);
* :func:`objective_value` evaluates a pair exactly
  (:func:`~exactmech.papers.disclosure_continuous.evaluate`, cached per cell);
* :func:`local_search` climbs steepest-ascent from no disclosure and from seeded random
  starts; :func:`exhaustive_search` scans the whole grid for small ``n``.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from exactmech.errors import InvalidProblemError
from exactmech.numbers import fraction_str
from exactmech.papers.disclosure_continuous.evaluator import evaluate
from exactmech.papers.disclosure_continuous.partitions import (
    IntervalPartition,
    Segment,
    no_disclosure,
)

__all__ = [
    "OBJECTIVES",
    "SearchResult",
    "candidate_partitions",
    "exhaustive_search",
    "grid_partitions",
    "local_search",
    "neighbours",
    "objective_value",
]

#: Objectives a search can maximise (attributes of the outcome).
OBJECTIVES = ("buyer_surplus", "U_A", "U_B", "revenue", "welfare")

_0, _1 = Fraction(0), Fraction(1)
Pair = tuple[IntervalPartition, IntervalPartition]
# a grid partition as (cuts, kinds): cuts in 1..n-1 increasing, kinds[i] True if revealed
_Code = tuple[tuple[int, ...], tuple[bool, ...]]


def _check_n(n: int, func: str) -> None:
    if not isinstance(n, int) or n < 1:
        raise InvalidProblemError(f"{func}(): n={n!r} must be a positive integer (grid 1/n)")


def _build(code: _Code, n: int) -> IntervalPartition:
    cuts, kinds = code
    pts = [_0, *(Fraction(c, n) for c in cuts), _1]
    segs = tuple(Segment(pts[i], pts[i + 1], kinds[i]) for i in range(len(kinds)))
    return IntervalPartition(segs)


def _encode(p: IntervalPartition, n: int, func: str) -> _Code:
    cuts = []
    for b in p.breakpoints:
        if (b * n).denominator != 1:
            raise InvalidProblemError(
                f"{func}(): breakpoint {fraction_str(b)} is not on the grid 1/{n}"
            )
        cuts.append(int(b * n))
    return tuple(cuts), tuple(s.revealed for s in p.segments)


def grid_partitions(n: int, *, revealed: bool = True) -> Iterator[IntervalPartition]:
    """Every interval partition with breakpoints on the grid ``1/n`` (deterministic order).

    Parameters
    ----------
    n
        Grid size.
    revealed
        ``True``: each segment pooled or revealed (``2·3^(n−1)`` partitions); ``False``: only
        pooled segments (``2^(n−1)``).

    Examples
    --------
    >>> [str(p) for p in grid_partitions(2, revealed=False)]
    ['{[0, 1]}', '{[0, 1/2], [1/2, 1]}']
    >>> sum(1 for _ in grid_partitions(3))
    18
    """
    _check_n(n, "grid_partitions")
    for k in range(n):
        for cuts in itertools.combinations(range(1, n), k):
            for kinds in itertools.product((False, True) if revealed else (False,), repeat=k + 1):
                yield _build((cuts, kinds), n)


def candidate_partitions(
    seed: int, n: int, count: int = 1, *, revealed: bool = True
) -> list[IntervalPartition]:
    """``count`` grid partitions drawn deterministically from ``(seed, n)``.

    Each breakpoint of the grid is used with probability 1/2, each segment revealed with
    probability 1/2 (if ``revealed``). The same arguments always give the same list.

    Examples
    --------
    >>> candidate_partitions(7, 4, 2) == candidate_partitions(7, 4, 2)
    True
    """
    _check_n(n, "candidate_partitions")
    rng = random.Random(f"exactmech-000-s4:{seed}:{n}")
    out = []
    for _ in range(count):
        cuts = tuple(c for c in range(1, n) if rng.random() < 0.5)
        kinds = tuple(revealed and rng.random() < 0.5 for _ in range(len(cuts) + 1))
        out.append(_build((cuts, kinds), n))
    return out


def neighbours(partition: IntervalPartition, n: int, *, revealed: bool = True
               ) -> list[IntervalPartition]:
    """The grid partitions one move away from ``partition`` (deterministic order).

    Moves: flip one segment between pooled and revealed (if ``revealed``), remove one
    breakpoint (the merged segment is pooled), add one breakpoint (both halves keep the
    kind), shift one breakpoint by ``±1/n``.

    Examples
    --------
    >>> [str(p) for p in neighbours(no_disclosure(), 2, revealed=False)]
    ['{[0, 1/2], [1/2, 1]}']
    """
    func = "neighbours"
    _check_n(n, func)
    cuts, kinds = _encode(partition, n, func)
    out: list[_Code] = []
    if revealed:
        for i in range(len(kinds)):
            out.append((cuts, (*kinds[:i], not kinds[i], *kinds[i + 1 :])))
    for i in range(len(cuts)):
        out.append(((*cuts[:i], *cuts[i + 1 :]), (*kinds[:i], False, *kinds[i + 2 :])))
    for c in range(1, n):
        if c not in cuts:
            i = sum(1 for u in cuts if u < c)
            out.append((tuple(sorted((*cuts, c))), kinds[: i + 1] + kinds[i:]))
    for i, c in enumerate(cuts):
        for step in (-1, 1):
            new = c + step
            lo = cuts[i - 1] if i else 0
            hi = cuts[i + 1] if i + 1 < len(cuts) else n
            if lo < new < hi:
                out.append(((*cuts[:i], new, *cuts[i + 1 :]), kinds))
    seen: dict[_Code, None] = {}
    for code in out:
        if code != (cuts, kinds):
            seen.setdefault(code, None)
    return [_build(code, n) for code in seen]


def objective_value(pair: Pair, objective: str = "buyer_surplus") -> Fraction:
    """The exact objective of a pair of partitions (a pure function of its arguments).

    >>> from exactmech.papers.disclosure_continuous import threshold_partition
    >>> objective_value((threshold_partition("1/2"), no_disclosure()))
    Fraction(11, 64)
    """
    if objective not in OBJECTIVES:
        raise InvalidProblemError(
            f"objective_value(): objective={objective!r}; expected one of {', '.join(OBJECTIVES)}"
        )
    value: Fraction = evaluate(*pair).as_dict()[objective]
    return value


@dataclass(frozen=True)
class SearchResult:
    """The best pair found, its exact value, and how it was found.

    Attributes
    ----------
    best
        ``(P_A, P_B)``; equal partitions when the search was symmetric.
    value
        The exact objective of ``best``.
    objective
        Which quantity was maximised.
    evaluations
        Number of distinct pairs evaluated.
    n, seed, symmetric
        The search's arguments (``seed`` is ``None`` for an exhaustive scan).
    """

    best: Pair
    value: Fraction
    objective: str
    evaluations: int
    n: int
    seed: int | None
    symmetric: bool

    def __str__(self) -> str:
        a, b = self.best
        return (
            f"{self.objective} = {fraction_str(self.value)} at P_A = {a}, P_B = {b} "
            f"(grid 1/{self.n}, {self.evaluations} pairs)"
        )


def _pair_neighbours(pair: Pair, n: int, symmetric: bool, revealed: bool) -> list[Pair]:
    a, b = pair
    if symmetric:
        return [(p, p) for p in neighbours(a, n, revealed=revealed)]
    return [(p, b) for p in neighbours(a, n, revealed=revealed)] + [
        (a, q) for q in neighbours(b, n, revealed=revealed)
    ]


def local_search(
    n: int,
    *,
    seed: int = 0,
    symmetric: bool = False,
    restarts: int = 4,
    objective: str = "buyer_surplus",
    revealed: bool = True,
    max_steps: int = 200,
) -> SearchResult:
    """Steepest-ascent local search over grid partitions (paper 000, Conjectures 4.2, 4.3).

    Starts from no disclosure for both buyers and from ``restarts`` pairs drawn by
    :func:`candidate_partitions` from ``(seed, n)``; from each start, moves to the best
    strictly improving neighbour pair until none exists (or ``max_steps``). Deterministic:
    the same arguments give the same result.

    Parameters
    ----------
    n
        Grid size (breakpoints in ``{k/n}``).
    seed
        Seed of the random starts.
    symmetric
        ``True``: both buyers use the same partition (Conjecture 4.3); ``False``: any pair
        (Conjecture 4.2).
    restarts
        Number of random starts besides no disclosure.
    objective
        One of :data:`OBJECTIVES`.
    revealed
        Whether segments may be revealed.
    max_steps
        Bound on the number of moves per start.

    Returns
    -------
    SearchResult

    Examples
    --------
    >>> res = local_search(4, seed=1, restarts=1)      # beats Conjecture 4.2's 11/64
    >>> res.value, [str(p) for p in res.best]
    (Fraction(265, 1536), ['{[0, 1/4], [1/4, 1/2], [1/2, 1]}', '{[0, 1]}'])
    """
    _check_n(n, "local_search")
    if objective not in OBJECTIVES:
        raise InvalidProblemError(
            f"local_search(): objective={objective!r}; expected one of {', '.join(OBJECTIVES)}"
        )
    nd = no_disclosure()
    starts: list[Pair] = [(nd, nd)]
    cands = candidate_partitions(seed, n, 2 * restarts, revealed=revealed)
    for i in range(restarts):
        a, b = cands[2 * i], cands[2 * i + 1]
        starts.append((a, a) if symmetric else (a, b))
    cache: dict[Pair, Fraction] = {}

    def value(pair: Pair) -> Fraction:
        if pair not in cache:
            cache[pair] = objective_value(pair, objective)
        return cache[pair]

    best, best_val = starts[0], value(starts[0])
    for start in starts:
        cur, cur_val = start, value(start)
        for _ in range(max_steps):
            step = None
            for nb in _pair_neighbours(cur, n, symmetric, revealed):
                v = value(nb)
                if v > cur_val and (step is None or v > step[1]):
                    step = (nb, v)
            if step is None:
                break
            cur, cur_val = step
        if cur_val > best_val:
            best, best_val = cur, cur_val
    return SearchResult(best, best_val, objective, len(cache), n, seed, symmetric)


def exhaustive_search(
    n: int, *, symmetric: bool = False, objective: str = "buyer_surplus", revealed: bool = True
) -> SearchResult:
    """The best pair over *every* grid partition (pair) for small ``n`` (§4.2).

    The first maximiser in the order of :func:`grid_partitions` is returned.

    Examples
    --------
    >>> exhaustive_search(3, symmetric=True).value            # Conjecture 4.3 on the grid 1/3
    Fraction(1, 6)
    """
    _check_n(n, "exhaustive_search")
    parts = list(grid_partitions(n, revealed=revealed))
    pairs: list[Pair] = (
        [(p, p) for p in parts] if symmetric else [(p, q) for p in parts for q in parts]
    )
    best, best_val = pairs[0], objective_value(pairs[0], objective)
    for pair in pairs[1:]:
        v = objective_value(pair, objective)
        if v > best_val:
            best, best_val = pair, v
    return SearchResult(best, best_val, objective, len(pairs), n, None, symmetric)
