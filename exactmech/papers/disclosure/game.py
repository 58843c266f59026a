"""Paper 000, §2–§3: discrete disclosure games, evaluated exactly.

Model (paper 000, §2): ℓ buyers, m goods, additive values. Buyer ``j`` has finitely many
types ``0, …, n_j − 1`` (the paper numbers them ``1, …, n_j``); type ``i`` values good ``k``
at ``values[j][i][k]``. Before the sale every buyer publicly announces the block of a
*partition* of her types that contains her true type (verifiable disclosure; by the
Partitional Lemma 2.2 pure-strategy equilibria are partitional without loss). The seller
updates to the posterior of the announced *message profile* (the prior restricted to the
product of the announced blocks) and runs the revenue-optimal mechanism for it, computed by
the LP of §3.1 (:func:`exactmech.auctions.optimal_mechanism`, ex-post IC/IR by default,
``ic="interim"`` for the Bayesian reading). Every partition profile is an equilibrium with
skeptical off-path beliefs (§4 makes the argument), so a profile's ex-ante outcome is the
probability-weighted sum over message profiles.

**Tie-breaking is part of the equilibrium.** Among revenue-optimal mechanisms the paper's
Gurobi runs take one that maximises buyer surplus (§3.1, last paragraph); that is
``surplus_max`` (the paper's U). We also report the other end of the optimal face
(``surplus_min``) and the *always-sell* variant of Theorem 3.1 (every good sold at every
message profile, revenue kept optimal; ``None`` when some message profile admits no such
mechanism).

:class:`DisclosureGame` solves each distinct posterior profile's LP once (a cache keyed by
the posterior), so enumerating all partition tuples (:func:`set_partitions`,
:func:`connected_partitions`) is cheap. Priors are independent (one list per buyer) or an
arbitrary joint prior (:meth:`DisclosureGame.correlated`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from exactmech.auctions import Mechanism, optimal_mechanism
from exactmech.errors import DistributionError, InvalidProblemError, ShapeError
from exactmech.numbers import Q, fraction_str

__all__ = [
    "DisclosureGame",
    "DisclosureOutcome",
    "MessageOutcome",
    "Partition",
    "check_partition",
    "connected_partitions",
    "partition_label",
    "set_partitions",
]

Partition = tuple[tuple[int, ...], ...]
Profile = tuple[int, ...]
_0 = Fraction(0)


def set_partitions(n: int) -> list[Partition]:
    """Every partition of the types ``0..n-1`` (Bell number many), blocks sorted.

    Ordered by the number of blocks, then lexicographically.

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

    These are the *connected* partitions of paper 000, §2.1 when types are sorted by value.

    >>> connected_partitions(3)
    [((0, 1, 2),), ((0,), (1, 2)), ((0, 1), (2,)), ((0,), (1,), (2,))]
    """
    if n < 0:
        raise InvalidProblemError(f"connected_partitions(): n={n} is negative")
    out: list[Partition] = []
    for cuts in range(n):
        for pos in itertools.combinations(range(1, n), cuts):
            bounds = [0, *pos, n]
            out.append(tuple(tuple(range(a, b)) for a, b in itertools.pairwise(bounds)))
    return out


def check_partition(partition: Any, n: int, *, name: str = "partition", func: str) -> Partition:
    """Validate that ``partition`` splits the types ``0..n-1`` into non-empty disjoint blocks.

    Returns the canonical form (blocks sorted, in order of their smallest type).

    >>> check_partition([[2, 0], [1]], 3, func="demo")
    ((0, 2), (1,))
    >>> check_partition([[0, 1], [1, 2]], 3, func="demo")
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: demo(): partition [[0, 1], [1, 2]] is not a partition \
of the types 0..2: type 1 is in two blocks
    """
    where = f"{func}(): {name} {partition!r} is not a partition of the types 0..{n - 1}"
    try:
        blocks = [list(b) for b in partition]
    except TypeError:
        raise InvalidProblemError(f"{where}: expected a list of blocks of type indices") from None
    seen: set[int] = set()
    for b in blocks:
        if not b:
            raise InvalidProblemError(f"{where}: it has an empty block")
        for i in b:
            if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < n:
                raise InvalidProblemError(f"{where}: {i!r} is not a type index")
            if i in seen:
                raise InvalidProblemError(f"{where}: type {i} is in two blocks")
            seen.add(i)
    missing = sorted(set(range(n)) - seen)
    if missing:
        raise InvalidProblemError(f"{where}: type {missing[0]} is in no block")
    return tuple(sorted(tuple(sorted(b)) for b in blocks))


def partition_label(partition: Partition, names: Sequence[Any] | None = None) -> str:
    """The paper's notation for a partition: 1-based types, e.g. ``{{1}, {2, 3}}``.

    ``names`` replaces the 1-based numbers (e.g. values).

    >>> partition_label(((0,), (1, 2)))
    '{{1}, {2, 3}}'
    """

    def name(i: int) -> str:
        return str(i + 1) if names is None else str(names[i])

    return "{" + ", ".join("{" + ", ".join(name(i) for i in b) + "}" for b in partition) + "}"


@dataclass(frozen=True)
class MessageOutcome:
    """One message profile of a partition profile: its probability and the seller's mechanisms.

    Attributes
    ----------
    probability : Fraction
        Ex-ante probability of the message profile.
    blocks : tuple of tuple of int
        The announced block of every buyer (original type indices).
    types : tuple of tuple of int
        For each buyer, the original indices of the types of positive posterior probability,
        in the order the mechanism's type indices use.
    max_surplus, min_surplus : Mechanism
        The ends of the revenue-optimal face (max and min buyer surplus).
    always_sell : Mechanism
        The always-sell variant (``status == "infeasible"`` when none keeps revenue optimal).
    """

    probability: Fraction
    blocks: tuple[tuple[int, ...], ...]
    types: tuple[tuple[int, ...], ...]
    max_surplus: Mechanism = field(repr=False)
    min_surplus: Mechanism = field(repr=False)
    always_sell: Mechanism = field(repr=False)


@dataclass(frozen=True)
class DisclosureOutcome:
    """Ex-ante outcome of a partition profile (all exact; paper 000, §3).

    Attributes
    ----------
    revenue : Fraction
        Expected revenue R (the same on the whole optimal face).
    surplus_max, surplus_min : Fraction
        Expected buyer surplus at the max- and min-surplus ends of each optimal face
        (``surplus_max`` is the paper's U).
    welfare, welfare_min : Fraction
        ``revenue + surplus_max`` (the paper's W) and ``revenue + surplus_min``.
    utilities : tuple of Fraction
        Each buyer's expected utility (max-surplus end). How the surplus splits is not
        unique on the optimal face; per message profile the split maximises the smallest
        buyer utility (unique for two buyers), and buyers with the same kept types and
        posterior get equal shares, so it does not depend on which optimal vertex the
        solver returns.
    always_sell_surplus : Fraction or None
        Buyer surplus when every good is always sold with revenue kept optimal (the largest
        such), or ``None`` if for some message profile no such mechanism exists.
    """

    revenue: Fraction
    surplus_max: Fraction
    surplus_min: Fraction
    welfare: Fraction
    utilities: tuple[Fraction, ...]
    always_sell_surplus: Fraction | None
    welfare_min: Fraction = _0


def _type_vectors(values: Sequence[Sequence[Any]]) -> list[list[tuple[Fraction, ...]]]:
    out = []
    for j, buyer in enumerate(values):
        vecs = []
        for i, v in enumerate(buyer):
            vec = v if isinstance(v, (list, tuple)) else [v]
            vecs.append(tuple(Q(x, f"values[{j}][{i}]", func="DisclosureGame") for x in vec))
        for a, b in itertools.combinations(range(len(vecs)), 2):
            if vecs[a] == vecs[b]:
                raise InvalidProblemError(
                    f"DisclosureGame(): values[{j}] has the duplicate type {buyer[a]!r} at "
                    f"positions {a} and {b}; merge them into one type"
                )
        if not vecs:
            raise ShapeError(f"DisclosureGame(): buyer {j} has no types")
        out.append(vecs)
    return out


class DisclosureGame:
    """Discrete types and verifiable disclosure (paper 000, §2–§3).

    Parameters
    ----------
    values
        ``values[j][i]``: type ``i`` of buyer ``j`` (a number for one good, or a tuple of
        per-good values). A buyer's types must be distinct.
    priors
        ``priors[j][i]``: probability of type ``i`` of buyer ``j`` (each list sums to 1;
        buyers independent). Use :meth:`correlated` for a joint prior.
    ic, ir
        Constraint readings passed to :func:`~exactmech.auctions.optimal_mechanism`
        (``"ex-post"``, the default, or ``"interim"``).

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
    exactmech.errors.InvalidProblemError: DisclosureGame.evaluate(): partitions[0] ((0, 1),) \
is not a partition of the types 0..2: type 2 is in no block
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
            raise ShapeError("DisclosureGame(): values and priors need one entry per buyer")
        self.values = [list(v) for v in values]
        self._vectors = _type_vectors(values)
        self.priors: list[list[Fraction]] = []
        for j, (vs, ps) in enumerate(zip(values, priors)):
            qs = [Q(p, f"priors[{j}][{i}]", func="DisclosureGame") for i, p in enumerate(ps)]
            if len(qs) != len(vs):
                raise ShapeError(
                    f"DisclosureGame(): buyer {j} has {len(vs)} values, {len(qs)} probabilities"
                )
            neg = [i for i, q in enumerate(qs) if q < 0]
            if neg:
                raise DistributionError(
                    f"DisclosureGame(): priors[{j}][{neg[0]}] = {fraction_str(qs[neg[0]])} "
                    "is negative"
                )
            if sum(qs) != 1:
                raise DistributionError(
                    f"DisclosureGame(): priors[{j}] sums to {fraction_str(sum(qs, _0))}, expected 1"
                )
            self.priors.append(qs)
        self.joint: dict[Profile, Fraction] | None = None
        self.ic, self.ir = ic, ir
        self._cache: dict[tuple[Any, ...], Mechanism] = {}

    @classmethod
    def correlated(
        cls,
        values: Sequence[Sequence[Any]],
        joint: Mapping[Any, Any],
        *,
        ic: str = "ex-post",
        ir: str = "ex-post",
    ) -> DisclosureGame:
        """A game with an arbitrary joint prior ``{type profile: probability}`` (paper 000, §2).

        Profiles are tuples of 0-based type indices, one per buyer; missing profiles have
        probability 0.

        >>> g = DisclosureGame.correlated([[1, 2], [1, 2]], {(0, 0): "1/2", (1, 1): "1/2"})
        >>> g.evaluate([((0, 1),), ((0, 1),)]).revenue
        Fraction(3, 2)
        """
        ell = len(values)
        probs: dict[Profile, Fraction] = {}
        for t, p in joint.items():
            prof = tuple(t) if isinstance(t, (tuple, list)) else (t,)
            if len(prof) != ell or any(
                not isinstance(i, int) or not 0 <= i < len(values[j]) for j, i in enumerate(prof)
            ):
                raise ShapeError(f"DisclosureGame.correlated(): joint has an invalid profile {t!r}")
            q = Q(p, f"joint[{t!r}]", func="DisclosureGame.correlated")
            if q < 0:
                raise DistributionError(
                    f"DisclosureGame.correlated(): joint[{t!r}] = {fraction_str(q)} is negative"
                )
            if q:
                probs[prof] = probs.get(prof, _0) + q
        total = sum(probs.values(), _0)
        if total != 1:
            raise DistributionError(
                f"DisclosureGame.correlated(): joint sums to {fraction_str(total)}, expected 1"
            )
        marginals = []
        for j in range(ell):
            marg = [_0] * len(values[j])
            for t, q in probs.items():
                marg[t[j]] += q
            marginals.append(marg)
        game = cls(values, marginals, ic=ic, ir=ir)
        game.joint = probs
        return game

    # -- message profiles -------------------------------------------------------------------

    def _posterior(
        self, blocks: Sequence[Sequence[int]]
    ) -> tuple[Fraction, tuple[tuple[int, ...], ...], Any]:
        """Weight, kept types per buyer, and the posterior (marginal lists or a joint map)."""
        if self.joint is None:
            weight = Fraction(1)
            kept: list[tuple[int, ...]] = []
            post: list[tuple[Fraction, ...]] = []
            for j, block in enumerate(blocks):
                w = sum((self.priors[j][i] for i in block), _0)
                weight *= w
                keep = tuple(i for i in block if self.priors[j][i])
                kept.append(keep)
                post.append(tuple(self.priors[j][i] / w for i in keep) if w else ())
            return weight, tuple(kept), tuple(post)
        sub = {t: p for t, p in self.joint.items() if all(t[j] in b for j, b in enumerate(blocks))}
        weight = sum(sub.values(), _0)
        kept_j = tuple(
            tuple(i for i in b if any(t[j] == i for t in sub)) for j, b in enumerate(blocks)
        )
        pos = [{i: k for k, i in enumerate(kj)} for kj in kept_j]
        joint = (
            tuple(
                sorted(
                    (tuple(pos[j][i] for j, i in enumerate(t)), p / weight) for t, p in sub.items()
                )
            )
            if weight
            else ()
        )
        return weight, kept_j, joint

    def mechanism(
        self,
        blocks: Sequence[Sequence[int]],
        *,
        tie: str | None = "max-surplus",
        always_sell: bool = False,
        split: str | None = "max-min",
    ) -> Mechanism:
        """The seller's optimal mechanism when buyer ``j`` announced ``blocks[j]`` (cached).

        ``tie`` picks the end of the revenue-optimal face (the paper's max-surplus rule by
        default); ``split="max-min"`` then maximises the smallest buyer utility, so that how
        the surplus splits between buyers does not depend on the vertex the solver returns
        (see :func:`~exactmech.auctions.optimal_mechanism`).

        The mechanism's type ``k`` of buyer ``j`` is the ``k``-th type of ``blocks[j]`` with
        positive posterior probability (see :meth:`outcomes` for the index map).
        """
        weight, kept, post = self._posterior(blocks)
        if not weight:
            raise InvalidProblemError(
                f"DisclosureGame.mechanism(): message profile {tuple(map(tuple, blocks))} has "
                "probability 0"
            )
        vals = tuple(tuple(self._vectors[j][i] for i in kj) for j, kj in enumerate(kept))
        key = (vals, post, tie, always_sell, split)
        if key not in self._cache:
            prior: Any = [list(p) for p in post] if self.joint is None else {t: p for t, p in post}
            self._cache[key] = optimal_mechanism(
                [list(v) for v in vals],
                prior,
                ic=self.ic,
                ir=self.ir,
                tie=tie,
                always_sell=always_sell,
                split=split,
            )
        return self._cache[key]

    def check(
        self, partitions: Sequence[Any], func: str = "DisclosureGame.evaluate"
    ) -> tuple[Partition, ...]:
        """Validate one partition per buyer; returns them in canonical form."""
        if len(partitions) != len(self.values):
            raise ShapeError(
                f"{func}(): {len(partitions)} partitions for {len(self.values)} buyers"
            )
        return tuple(
            check_partition(part, len(self.values[j]), name=f"partitions[{j}]", func=func)
            for j, part in enumerate(partitions)
        )

    def message_profiles(
        self, partitions: Sequence[Partition]
    ) -> list[tuple[Fraction, tuple[tuple[int, ...], ...]]]:
        """``(probability, blocks)`` of every message profile with positive probability."""
        parts = self.check(partitions, "DisclosureGame.message_profiles")
        out = []
        for blocks in itertools.product(*parts):
            w = self._posterior(blocks)[0]
            if w:
                out.append((w, tuple(blocks)))
        return out

    def outcomes(self, partitions: Sequence[Partition]) -> list[MessageOutcome]:
        """Every message profile of positive probability with both face ends and always-sell."""
        parts = self.check(partitions, "DisclosureGame.outcomes")
        out = []
        for blocks in itertools.product(*parts):
            w, kept, _ = self._posterior(blocks)
            if not w:
                continue
            out.append(
                MessageOutcome(
                    w,
                    tuple(blocks),
                    kept,
                    self.mechanism(blocks),
                    self.mechanism(blocks, tie="min-surplus"),
                    self.mechanism(blocks, always_sell=True),
                )
            )
        return out

    def _symmetrized(self, mo: MessageOutcome) -> tuple[Fraction, ...]:
        """Buyer utilities of the max-surplus mechanism, averaged over interchangeable buyers.

        Surplus, revenue and welfare are constant on the revenue-optimal, max-surplus face,
        but how the surplus splits between buyers need not be: with two identical buyers
        announcing the same block, the vertex a solver returns may favour either. The
        mechanism's last stage maximises the smallest utility (``split="max-min"``), which
        fixes the split for two buyers. For more buyers, the face is convex and invariant
        under swapping buyers whose kept types and posteriors coincide, so the average over
        those swaps is on the face too: the buyer-symmetric split, which is what this
        returns (independent priors; under a joint prior the max-min split as found).
        """
        utils = list(mo.max_surplus.utilities)
        if self.joint is not None:
            return tuple(utils)
        _, kept, post = self._posterior(mo.blocks)
        classes: dict[Any, list[int]] = {}
        for j in range(len(utils)):
            key = (tuple(self._vectors[j][i] for i in kept[j]), post[j])
            classes.setdefault(key, []).append(j)
        for members in classes.values():
            if len(members) > 1:
                mean = sum((utils[j] for j in members), _0) / len(members)
                for j in members:
                    utils[j] = mean
        return tuple(utils)

    def evaluate(self, partitions: Sequence[Partition]) -> DisclosureOutcome:
        """Exact ex-ante outcome of the partition profile (paper 000, §3).

        Parameters
        ----------
        partitions
            One partition of ``0..n_j-1`` per buyer (blocks of type indices).

        Returns
        -------
        DisclosureOutcome
        """
        self.check(partitions)
        rev = u_max = u_min = _0
        utils = [_0] * len(self.values)
        always: Fraction | None = _0
        for mo in self.outcomes(partitions):
            w, hi, lo, a = mo.probability, mo.max_surplus, mo.min_surplus, mo.always_sell
            assert hi.revenue is not None and hi.buyer_surplus is not None
            assert lo.buyer_surplus is not None
            rev += w * hi.revenue
            u_max += w * hi.buyer_surplus
            u_min += w * lo.buyer_surplus
            utils = [u + w * x for u, x in zip(utils, self._symmetrized(mo))]
            if always is not None:
                always = (
                    None
                    if a.status != "optimal" or a.buyer_surplus is None
                    else always + w * a.buyer_surplus
                )
        return DisclosureOutcome(rev, u_max, u_min, rev + u_max, tuple(utils), always, rev + u_min)

    def interim_utilities(
        self,
        partitions: Sequence[Partition],
        *,
        tie: str = "max-surplus",
        symmetric: bool = False,
    ) -> list[list[Fraction | None]]:
        """Each type's expected utility ``E[u_j | t_j = i]`` (``None`` for types of prior 0).

        Used for the interim Pareto comparisons of paper 000, §3.3 and footnote 3.

        Parameters
        ----------
        partitions
            One partition per buyer.
        tie
            Which end of each optimal face: ``"max-surplus"`` (the paper's) or
            ``"min-surplus"``.
        symmetric
            For identical buyers using the same partition: the utilities under the
            buyer-symmetric average of the seller's mechanisms (ties broken "randomly", as
            the paper describes its mechanisms), i.e. the average over buyers.

        Examples
        --------
        Footnote 3 (values 1, 2, 1000 w.p. 1/200, 1/200, 99/100; low = {1, 2}):

        >>> g = DisclosureGame([[1, 2, 1000]] * 2, [["1/200", "1/200", "99/100"]] * 2)
        >>> g.interim_utilities([((0, 1), (2,))] * 2, symmetric=True)[0]
        [Fraction(0, 1), Fraction(1, 400), Fraction(0, 1)]
        """
        if tie not in ("max-surplus", "min-surplus"):
            raise InvalidProblemError(
                f"DisclosureGame.interim_utilities(): tie={tie!r}; expected 'max-surplus' or "
                "'min-surplus'"
            )
        if symmetric:
            parts = self.check(partitions, "DisclosureGame.interim_utilities")
            same = all(
                parts[j] == parts[0]
                and self._vectors[j] == self._vectors[0]
                and self.priors[j] == self.priors[0]
                for j in range(len(parts))
            )
            if not same or self.joint is not None:
                raise InvalidProblemError(
                    "DisclosureGame.interim_utilities(): symmetric=True needs identical "
                    "independent buyers using the same partition"
                )
            rows = self.interim_utilities(partitions, tie=tie)
            avg: list[Fraction | None] = []
            for i in range(len(rows[0])):
                col = [r[i] for r in rows]
                avg.append(
                    None
                    if col[0] is None
                    else sum((c for c in col if c is not None), _0) / len(col)
                )
            return [list(avg) for _ in rows]
        total = [[_0] * len(v) for v in self.values]
        for mo in self.outcomes(partitions):
            mech = mo.max_surplus if tie == "max-surplus" else mo.min_surplus
            for t, pt in mech.lp.prior.items():
                for j in range(len(self.values)):
                    vec = mech.lp.types[j][t[j]]
                    u = (
                        sum((a * b for a, b in zip(vec, mech.allocation[t][j])), _0)
                        - mech.payments[t][j]
                    )
                    total[j][mo.types[j][t[j]]] += mo.probability * pt * u
        marg = self.marginals()
        return [
            [total[j][i] / marg[j][i] if marg[j][i] else None for i in range(len(total[j]))]
            for j in range(len(total))
        ]

    def marginals(self) -> list[list[Fraction]]:
        """Each buyer's prior over her types."""
        return [list(p) for p in self.priors]

    def all_profiles(
        self, partitions_of: str = "set"
    ) -> dict[tuple[Partition, ...], DisclosureOutcome]:
        """Evaluate every tuple of partitions (``"set"`` or ``"connected"`` partitions)."""
        if partitions_of not in ("set", "connected"):
            raise InvalidProblemError(
                f"DisclosureGame.all_profiles(): partitions_of={partitions_of!r}; expected "
                "'set' or 'connected'"
            )
        gen = set_partitions if partitions_of == "set" else connected_partitions
        choices = [gen(len(v)) for v in self.values]
        return {parts: self.evaluate(parts) for parts in itertools.product(*choices)}
