"""Paper 000, "Can Buyers Reveal for a Better Deal?": discrete disclosure games (§2, §3).

Model (paper 000, §2): each buyer ``j`` has finitely many types with a prior; before the
sale, every buyer publicly announces the block of a *partition* of her types that contains
her true type (verifiable disclosure). The seller updates to the posterior of each buyer
(independent buyers: the prior restricted to the announced block) and runs the
revenue-optimal mechanism for that posterior profile, computed by the LP of §3.1
(:func:`exactmech.auctions.optimal_mechanism`, ex-post IC/IR by default). Among
revenue-optimal mechanisms the paper's computations take one maximising buyer surplus
(§3.1); this module reports both ends of the optimal face and the "always sell" variant.

:class:`DisclosureGame` evaluates a tuple of partitions (one per buyer) exactly, solving each
distinct posterior profile's LP once (cache keyed by the posterior), so that enumerating
all partition tuples (:func:`set_partitions`, :func:`connected_partitions`) is cheap.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from exactmech.auctions import Mechanism, optimal_mechanism
from exactmech.errors import DistributionError, InvalidProblemError
from exactmech.numbers import Q, fraction_str

__all__ = [
    "DisclosureGame",
    "DisclosureOutcome",
    "Partition",
    "connected_partitions",
    "set_partitions",
]

Partition = tuple[tuple[int, ...], ...]
_0 = Fraction(0)


def set_partitions(n: int) -> list[Partition]:
    """Every partition of the types ``0..n-1`` (Bell number many), blocks sorted.

    >>> len(set_partitions(3)), len(set_partitions(4))
    (5, 15)
    >>> set_partitions(2)
    [((0, 1),), ((0,), (1,))]
    """
    if n < 0:
        raise InvalidProblemError(f"set_partitions(): n={n} is negative")

    def rec(items: list[int]) -> Iterator[list[list[int]]]:
        if not items:
            yield []
            return
        first, rest = items[0], items[1:]
        for part in rec(rest):
            yield [[first, *part[0]], *part[1:]] if part else [[first]]
            for k in range(1, len(part)):
                yield [*part[:k], [first, *part[k]], *part[k + 1 :]]
            if part:
                yield [[first], *part]

    out = {tuple(sorted(tuple(sorted(b)) for b in p)) for p in rec(list(range(n)))}
    return sorted(out, key=lambda p: (len(p), p))


def connected_partitions(n: int) -> list[Partition]:
    """Partitions of ``0..n-1`` into intervals of consecutive types (``2^(n-1)`` many).

    >>> connected_partitions(3)
    [((0, 1, 2),), ((0,), (1, 2)), ((0, 1), (2,)), ((0,), (1,), (2,))]
    """
    out: list[Partition] = []
    for cuts in range(n):
        for pos in itertools.combinations(range(1, n), cuts):
            bounds = [0, *pos, n]
            out.append(tuple(tuple(range(a, b)) for a, b in itertools.pairwise(bounds)))
    return out


@dataclass(frozen=True)
class DisclosureOutcome:
    """Ex-ante outcome of a partition profile (all exact).

    Attributes
    ----------
    revenue : Fraction
        Expected revenue R.
    surplus_max, surplus_min : Fraction
        Expected buyer surplus at the max- and min-surplus ends of each optimal face
        (``surplus_max`` is the paper's U).
    welfare : Fraction
        ``revenue + surplus_max`` (W).
    utilities : tuple of Fraction
        Each buyer's expected utility (max-surplus end).
    always_sell_surplus : Fraction or None
        Buyer surplus when every good is always sold with revenue kept optimal, or ``None``
        if for some message profile no such mechanism exists.
    """

    revenue: Fraction
    surplus_max: Fraction
    surplus_min: Fraction
    welfare: Fraction
    utilities: tuple[Fraction, ...]
    always_sell_surplus: Fraction | None


class DisclosureGame:
    """Independent buyers with discrete types and verifiable disclosure (paper 000, §2–§3).

    Parameters
    ----------
    values
        ``values[j][i]``: type ``i`` of buyer ``j`` (a number for one good, or a tuple of
        per-good values).
    priors
        ``priors[j][i]``: probability of type ``i`` of buyer ``j`` (each sums to 1).
    ic, ir
        Constraint readings passed to :func:`~exactmech.auctions.optimal_mechanism`.

    Examples
    --------
    Paper 000, §3.3 (two buyers, types 1, 2, 3 w.p. 1/4, 1/4, 1/2):

    >>> g = DisclosureGame([[1, 2, 3]] * 2, [["1/4", "1/4", "1/2"]] * 2)
    >>> g.evaluate([((0, 1, 2),), ((0, 1, 2),)]).surplus_max
    Fraction(3, 8)
    >>> g.evaluate([((0,), (1, 2)), ((0,), (1, 2))]).surplus_max
    Fraction(1, 8)
    >>> g.evaluate([((0, 1),), ((0, 1, 2),)])
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: DisclosureGame.evaluate(): partition of buyer 0 ...
    """

    def __init__(
        self,
        values: Sequence[Sequence[Any]],
        priors: Sequence[Sequence[Any]],
        *,
        ic: str = "ex-post",
        ir: str = "ex-post",
    ) -> None:
        if len(values) != len(priors) or not values:
            raise InvalidProblemError(
                "DisclosureGame(): values and priors need one entry per buyer"
            )
        self.values = [list(v) for v in values]
        self.priors: list[list[Fraction]] = []
        for j, (vs, ps) in enumerate(zip(values, priors)):
            qs = [Q(p, f"priors[{j}][{i}]", func="DisclosureGame") for i, p in enumerate(ps)]
            if len(qs) != len(vs):
                raise InvalidProblemError(
                    f"DisclosureGame(): buyer {j} has {len(vs)} values, {len(qs)} probabilities"
                )
            if any(q < 0 for q in qs) or sum(qs) != 1:
                raise DistributionError(
                    f"DisclosureGame(): priors[{j}] sums to {fraction_str(sum(qs, _0))}, expected 1"
                )
            self.priors.append(qs)
        self.ic, self.ir = ic, ir
        self._cache: dict[tuple[Any, ...], Mechanism] = {}

    def mechanism(
        self,
        blocks: Sequence[Sequence[int]],
        *,
        tie: str | None = "max-surplus",
        always_sell: bool = False,
    ) -> Mechanism:
        """The seller's optimal mechanism when buyer ``j`` announced ``blocks[j]`` (cached)."""
        vals, probs = [], []
        for j, block in enumerate(blocks):
            w = sum((self.priors[j][i] for i in block), _0)
            keep = [i for i in block if self.priors[j][i]]
            vals.append([self.values[j][i] for i in keep])
            probs.append([self.priors[j][i] / w for i in keep])
        key = (tuple(map(tuple, vals)), tuple(map(tuple, probs)), tie, always_sell)
        if key not in self._cache:
            self._cache[key] = optimal_mechanism(
                vals, probs, ic=self.ic, ir=self.ir, tie=tie, always_sell=always_sell
            )
        return self._cache[key]

    def _check(self, partitions: Sequence[Partition]) -> None:
        if len(partitions) != len(self.values):
            raise InvalidProblemError(
                f"DisclosureGame.evaluate(): {len(partitions)} partitions for "
                f"{len(self.values)} buyers"
            )
        for j, part in enumerate(partitions):
            flat = sorted(i for b in part for i in b)
            if flat != list(range(len(self.values[j]))) or any(not b for b in part):
                raise InvalidProblemError(
                    f"DisclosureGame.evaluate(): partition of buyer {j} {part!r} does not cover "
                    f"types 0..{len(self.values[j]) - 1} exactly once"
                )

    def message_profiles(
        self, partitions: Sequence[Partition]
    ) -> list[tuple[Fraction, tuple[tuple[int, ...], ...]]]:
        """``(probability, blocks)`` of every message profile with positive probability."""
        self._check(partitions)
        out = []
        for blocks in itertools.product(*partitions):
            w = Fraction(1)
            for j, b in enumerate(blocks):
                w *= sum((self.priors[j][i] for i in b), _0)
            if w:
                out.append((w, tuple(blocks)))
        return out

    def evaluate(self, partitions: Sequence[Partition]) -> DisclosureOutcome:
        """Exact ex-ante outcome of the partition profile (paper 000, §3)."""
        rev = u_max = u_min = _0
        utils = [_0] * len(self.values)
        always: Fraction | None = _0
        for w, blocks in self.message_profiles(partitions):
            hi = self.mechanism(blocks)
            lo = self.mechanism(blocks, tie="min-surplus")
            assert (
                hi.revenue is not None
                and hi.buyer_surplus is not None
                and lo.buyer_surplus is not None
            )
            rev += w * hi.revenue
            u_max += w * hi.buyer_surplus
            u_min += w * lo.buyer_surplus
            utils = [u + w * x for u, x in zip(utils, hi.utilities)]
            if always is not None:
                a = self.mechanism(blocks, always_sell=True)
                always = (
                    None
                    if a.status != "optimal" or a.buyer_surplus is None
                    else always + w * a.buyer_surplus
                )
        return DisclosureOutcome(rev, u_max, u_min, rev + u_max, tuple(utils), always)

    def all_profiles(
        self, partitions_of: str = "set"
    ) -> dict[tuple[Partition, ...], DisclosureOutcome]:
        """Evaluate every tuple of partitions (``"set"`` or ``"connected"`` partitions)."""
        gen = set_partitions if partitions_of == "set" else connected_partitions
        choices = [gen(len(v)) for v in self.values]
        return {parts: self.evaluate(parts) for parts in itertools.product(*choices)}
