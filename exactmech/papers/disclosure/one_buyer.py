"""Paper 000, §2.1 and §5.1: one buyer, one good, discrete values.

Model (paper 000, §5): the buyer's type is ``i ∈ N = {0, …, n−1}`` (the paper's
``1, …, n``) with value ``v_0 < v_1 < … < v_{n−1}`` (positive) and probability
``p_i > 0``. She announces the block ``P`` of a partition of ``N`` containing her type; the
seller posts the revenue-maximising price for the posterior (the prior restricted to
``P``), which is always one of the values in ``P`` (§5.2, Appendix A), and the buyer buys
iff her value is at least the price. Every partition is an equilibrium (skeptical off-path
beliefs), so BUYER-OPT is the maximum over partitions of the ex-ante buyer utility.

**The seller's ties.** ``buyerUtility`` (§5.1) is "the highest utility the buyer can
receive when the seller best responds to this message": among revenue-maximising prices
the seller posts the lowest one (:func:`seller_prices` returns them all). The same rule is
the paper's max-buyer-surplus rule of §3.1, and :func:`buyer_utility` equals the max-surplus
end of the §3.1 LP for one buyer (``tests/papers/test_disclosure_properties.py``).

**Scaling.** :func:`buyer_utility` returns the *ex-ante contribution*
``Σ_{i∈P} p_i (v_i − price)⁺`` of a block (``conditional=True`` divides by ``Σ_{i∈P} p_i``),
so that the utility of a partition is the sum over its blocks, as Algorithm 1's recursion
``Q[i] = Q[j*] + buyerUtility({j*+1, …, i})`` needs.

**Algorithm 1 as printed has index typos** (documented in the README, "readings chosen"):
lines 6–7 use the loop variable ``j`` where the maximiser ``j*`` is meant; line 6 adds the
*block* ``{j*+1, …, i}`` as a new element of the partition (``∪ {{j*+1, …, i}}``); the proof's
"scaled down by ``Σ_{j=1}^{i} p_i``" means ``Σ_{j=1}^{i} p_j``, and the recursion only adds
up when ``buyerUtility`` is not scaled (it is the block's ex-ante contribution); the runtime
argument's prices are ``{v_{j+1}, …, v_i}``. :func:`algorithm_1` implements the corrected
recursion.

**Symbolic values.** Values may be sympy expressions in one symbol (Proposition 5.3's
``2 + δ``); pass ``domain=(δ, low, high)`` meaning ``low < δ < high``. Every comparison the
algorithms make is then decided exactly on the whole open interval, or a clear error says
where its sign changes (split the domain there).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy

from exactmech.errors import DistributionError, InvalidProblemError, ShapeError
from exactmech.numbers import Q, fraction_str
from exactmech.papers.disclosure.game import (
    Partition,
    check_partition,
    connected_partitions,
    set_partitions,
)

__all__ = [
    "AlgorithmOneResult",
    "Equilibrium",
    "OptimalPartition",
    "SellerChoice",
    "algorithm_1",
    "all_equilibria",
    "best_connected_partition",
    "buyer_opt",
    "buyer_opt_decision",
    "buyer_utility",
    "efficiency_transform",
    "equilibrium",
    "partition_utility",
    "price_revenue",
    "seller_prices",
]

Num = Any  # Fraction, or a sympy expression in the domain's symbol
Domain = tuple[Any, Any, Any]
_0 = Fraction(0)


class _Order:
    """Exact signs of rationals, or of rational functions of one symbol on an open interval."""

    def __init__(self, domain: Domain | None, func: str) -> None:
        self.func = func
        self.sym: Any = None
        if domain is not None:
            try:
                sym, lo, hi = domain
            except (TypeError, ValueError):
                raise InvalidProblemError(
                    f"{func}(): domain={domain!r}; expected (symbol, low, high)"
                ) from None
            if not isinstance(sym, sympy.Symbol):
                raise InvalidProblemError(f"{func}(): domain[0]={sym!r} is not a sympy Symbol")
            self.sym = sym
            self.lo = Q(lo, "domain[1]", func=func)
            self.hi = Q(hi, "domain[2]", func=func)
            if self.lo >= self.hi:
                raise InvalidProblemError(
                    f"{func}(): domain ({fraction_str(self.lo)}, {fraction_str(self.hi)}) is empty"
                )

    @property
    def symbolic(self) -> bool:
        return self.sym is not None

    def sign(self, x: Num) -> int:
        if isinstance(x, (int, Fraction)):
            return (x > 0) - (x < 0)
        e = sympy.cancel(sympy.sympify(x))
        if e.is_Rational:
            return int(sympy.sign(e))
        free = e.free_symbols
        if self.sym is None or free - {self.sym}:
            raise InvalidProblemError(
                f"{self.func}(): cannot decide the sign of {e}; pass domain=(symbol, low, high)"
            )
        num, den = sympy.fraction(e)
        for part in (num, den):
            try:
                roots = sympy.Poly(part, self.sym).real_roots()
            except sympy.PolynomialError:
                raise InvalidProblemError(
                    f"{self.func}(): {e} is not a rational function of {self.sym}"
                ) from None
            for r in roots:
                if (
                    sympy.Rational(self.lo.numerator, self.lo.denominator)
                    < r
                    < sympy.Rational(self.hi.numerator, self.hi.denominator)
                ):
                    raise InvalidProblemError(
                        f"{self.func}(): the sign of {e} changes at {self.sym} = {r} inside "
                        f"({fraction_str(self.lo)}, {fraction_str(self.hi)}); split the domain "
                        "there"
                    )
        mid = (self.lo + self.hi) / 2
        val = e.subs(self.sym, sympy.Rational(mid.numerator, mid.denominator))
        return int(sympy.sign(val))

    def cmp(self, a: Num, b: Num) -> int:
        return self.sign(a - b)

    def clean(self, x: Num) -> Num:
        """Fractions stay; sympy results are simplified (a rational one becomes a Fraction)."""
        if isinstance(x, Fraction):
            return x
        if isinstance(x, int):
            return Fraction(x)
        e = sympy.factor(sympy.cancel(sympy.sympify(x)))
        if e.is_Rational:
            return Fraction(int(e.p), int(e.q))
        return e


def _instance(
    values: Sequence[Any], probs: Sequence[Any], func: str, domain: Domain | None
) -> tuple[list[Num], list[Fraction], _Order]:
    order = _Order(domain, func)
    if len(values) != len(probs):
        raise ShapeError(f"{func}(): {len(values)} values but {len(probs)} probabilities")
    if not values:
        raise ShapeError(f"{func}(): no types")
    vals: list[Num] = []
    for i, v in enumerate(values):
        if isinstance(v, sympy.Basic) and not v.is_Rational:
            if not order.symbolic:
                raise InvalidProblemError(
                    f"{func}(): values[{i}] = {v} is symbolic; pass domain=(symbol, low, high)"
                )
            vals.append(v)
        else:
            vals.append(Q(v, f"values[{i}]", func=func))
    ps = [Q(p, f"probs[{i}]", func=func) for i, p in enumerate(probs)]
    for i, p in enumerate(ps):
        if p <= 0:
            raise DistributionError(
                f"{func}(): probs[{i}] = {fraction_str(p)} is not positive (drop the type)"
            )
    total = sum(ps, _0)
    if total != 1:
        raise DistributionError(f"{func}(): probs sum to {fraction_str(total)}, expected 1")
    if order.sign(vals[0]) <= 0:
        raise InvalidProblemError(f"{func}(): values[0] = {vals[0]} is not positive")
    for i in range(1, len(vals)):
        s = order.cmp(vals[i], vals[i - 1])
        if s == 0:
            raise InvalidProblemError(
                f"{func}(): values[{i}] = {vals[i]} duplicates values[{i - 1}]; values must be "
                "distinct"
            )
        if s < 0:
            raise InvalidProblemError(
                f"{func}(): values are not sorted: values[{i}] = {vals[i]} < values[{i - 1}] = "
                f"{vals[i - 1]} (paper 000, §5 needs v_1 < … < v_n)"
            )
    return vals, ps, order


def _block(block: Sequence[int], n: int, func: str) -> tuple[int, ...]:
    try:
        b = sorted(block)
    except TypeError:
        raise InvalidProblemError(
            f"{func}(): block {block!r} is not a set of type indices"
        ) from None
    if not b:
        raise InvalidProblemError(f"{func}(): the block is empty")
    for i in b:
        if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < n:
            raise InvalidProblemError(f"{func}(): block {block!r} has the invalid type {i!r}")
    if len(set(b)) != len(b):
        raise InvalidProblemError(f"{func}(): block {block!r} repeats a type")
    return tuple(b)


@dataclass(frozen=True)
class SellerChoice:
    """The seller's best responses to a message (paper 000, §5, Appendix A).

    Attributes
    ----------
    prices : tuple
        Every revenue-maximising posted price, ascending (all are values in the block).
    revenue : Fraction or sympy expression
        The maximal expected revenue given the message (posterior expectation).
    price : Fraction or sympy expression
        The lowest optimal price: the best response the buyer prefers (§5.1's buyerUtility).
    """

    prices: tuple[Num, ...]
    revenue: Num
    price: Num


def _optimal_positions(
    vals: list[Num], ps: list[Fraction], block: tuple[int, ...], order: _Order
) -> tuple[list[int], Num]:
    """Positions ``k`` in ``block`` whose price ``v_{block[k]}`` maximises
    ``v · P(v' >= v, v' ∈ block)`` (values sorted, so price ``block[k]`` sells to
    ``block[k:]``), ascending, and that unnormalised maximum. One pass from the top keeps the
    tail masses, so a block costs ``O(|block|)`` comparisons (Theorem 5.1's runtime)."""
    tail: Num = 0
    best: list[int] = []
    best_rev: Num = None
    for k in range(len(block) - 1, -1, -1):
        i = block[k]
        tail += ps[i]
        rev = vals[i] * tail
        s = 1 if best_rev is None else order.cmp(rev, best_rev)
        if s > 0:
            best, best_rev = [k], rev
        elif s == 0:
            best.append(k)
    best.reverse()
    return best, best_rev


def _seller(
    vals: list[Num], ps: list[Fraction], block: tuple[int, ...], order: _Order
) -> SellerChoice:
    positions, rev = _optimal_positions(vals, ps, block, order)
    mass = sum((ps[i] for i in block), _0)
    prices = tuple(order.clean(vals[block[k]]) for k in positions)
    return SellerChoice(prices, order.clean(rev / mass), prices[0])


def seller_prices(
    values: Sequence[Any],
    probs: Sequence[Any],
    block: Sequence[int],
    *,
    domain: Domain | None = None,
) -> SellerChoice:
    """The seller's optimal posted prices when the buyer announces ``block`` (paper 000, §5).

    Parameters
    ----------
    values, probs
        ``v_0 < … < v_{n−1}`` (positive) and their probabilities (positive, summing to 1).
    block
        The announced set of type indices.
    domain
        ``(symbol, low, high)`` when values are symbolic.

    Examples
    --------
    Appendix B (values 1, 2, 2 + δ w.p. 1/3, 5/9, 1/9), message {1, 2 + δ}:

    >>> d = sympy.Symbol("delta")
    >>> seller_prices([1, 2, 2 + d], ["1/3", "5/9", "1/9"], [0, 2], domain=(d, 0, 1))
    SellerChoice(prices=(Fraction(1, 1),), revenue=Fraction(1, 1), price=Fraction(1, 1))
    """
    vals, ps, order = _instance(values, probs, "seller_prices", domain)
    return _seller(vals, ps, _block(block, len(vals), "seller_prices"), order)


def price_revenue(
    values: Sequence[Any],
    probs: Sequence[Any],
    block: Sequence[int],
    price: Any,
    *,
    domain: Domain | None = None,
) -> Num:
    """Expected revenue of posting ``price`` given the message ``block``:
    ``price · P(v >= price | block)`` (paper 000, §5, Appendices A–B).

    >>> d = sympy.Symbol("delta")
    >>> price_revenue([1, 2, 2 + d], ["1/3", "5/9", "1/9"], [0, 2], 2 + d, domain=(d, 0, 1))
    (delta + 2)/4
    """
    vals, ps, order = _instance(values, probs, "price_revenue", domain)
    b = _block(block, len(vals), "price_revenue")
    if isinstance(price, sympy.Basic) and not price.is_Rational:
        p: Num = price
    else:
        p = Q(price, "price", func="price_revenue")
    mass = sum((ps[i] for i in b), _0)
    sold = sum((ps[i] for i in b if order.cmp(vals[i], p) >= 0), _0)
    return order.clean(p * sold / mass)


def _utility(vals: list[Num], ps: list[Fraction], block: tuple[int, ...], order: _Order) -> Num:
    k = _optimal_positions(vals, ps, block, order)[0][0]  # the lowest optimal price
    price = vals[block[k]]
    return sum((ps[i] * (vals[i] - price) for i in block[k + 1 :]), 0)


def _integral(
    vals: list[Num], ps: list[Fraction], order: _Order
) -> tuple[list[Num], list[Any], Num]:
    """Integers ``L·v_i`` and ``D·p_i`` and the factor ``L·D`` that divides utilities back.

    The optimisers only add utilities and compare them, which scaling by a positive
    constant preserves; integer arithmetic is several times faster than ``Fraction``'s.
    """
    if order.symbolic:
        return vals, list(ps), Fraction(1)
    L = math.lcm(*(v.denominator for v in vals))
    D = math.lcm(*(p.denominator for p in ps))
    return [int(v * L) for v in vals], [int(p * D) for p in ps], Fraction(L * D)


def buyer_utility(
    values: Sequence[Any],
    probs: Sequence[Any],
    block: Sequence[int],
    *,
    conditional: bool = False,
    domain: Domain | None = None,
) -> Num:
    """``buyerUtility(P)`` of Algorithm 1 (paper 000, §5.1): the buyer's utility from ``P``.

    The seller posts the lowest revenue-maximising price for the posterior on ``P``; the
    result is the block's ex-ante contribution ``Σ_{i∈P} p_i (v_i − price)⁺``, or with
    ``conditional=True`` the expected utility given the message.

    References
    ----------
    Paper 000, §5.1, Algorithm 1 and the proof of Theorem 5.1.

    Examples
    --------
    >>> buyer_utility([1, 2, 3], ["1/4", "1/4", "1/2"], [0, 1, 2])   # price 2 (tie with 3)
    Fraction(1, 2)
    >>> buyer_utility([1, 2, 3], ["1/4", "1/4", "1/2"], [1, 2], conditional=True)
    Fraction(2, 3)
    >>> buyer_utility([2, 1], ["1/2", "1/2"], [0, 1])
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: buyer_utility(): values are not sorted: values[1] = 1 \
< values[0] = 2 (paper 000, §5 needs v_1 < … < v_n)
    """
    vals, ps, order = _instance(values, probs, "buyer_utility", domain)
    b = _block(block, len(vals), "buyer_utility")
    u = _utility(vals, ps, b, order)
    if conditional:
        u = u / sum((ps[i] for i in b), _0)
    return order.clean(u)


def partition_utility(
    values: Sequence[Any],
    probs: Sequence[Any],
    partition: Any,
    *,
    domain: Domain | None = None,
) -> Num:
    """Ex-ante buyer utility of the equilibrium induced by ``partition`` (paper 000, §5).

    >>> partition_utility([1, 2, 3], ["1/4", "1/4", "1/2"], [[0], [1, 2]])
    Fraction(1, 2)
    """
    vals, ps, order = _instance(values, probs, "partition_utility", domain)
    part = check_partition(partition, len(vals), func="partition_utility")
    return order.clean(sum((_utility(vals, ps, b, order) for b in part), _0))


@dataclass(frozen=True)
class OptimalPartition:
    """A buyer-optimal partition and its ex-ante buyer utility."""

    partition: Partition
    utility: Num


@dataclass(frozen=True)
class AlgorithmOneResult(OptimalPartition):
    """Algorithm 1's output with its table ``Q[i] = (j*, utility)`` for ``i = 1..n``."""

    table: tuple[tuple[int, Num], ...] = field(default=(), repr=False)


def algorithm_1(
    values: Sequence[Any], probs: Sequence[Any], *, domain: Domain | None = None
) -> AlgorithmOneResult:
    """Algorithm 1 of paper 000, §5.1 (index typos corrected): the best connected partition.

    ``Q[0] = (∅, 0)``; for ``i = 1..n``:
    ``j* = argmax_{0 <= j < i} Q[j].utility + buyerUtility({j+1, …, i})`` (the smallest
    maximiser), ``Q[i].partition = Q[j*].partition ∪ {{j*+1, …, i}}`` and
    ``Q[i].utility = Q[j*].utility + buyerUtility({j*+1, …, i})``. With ``O(n)`` prices per
    block and prefix sums this is ``O(n³)`` (Theorem 5.1).

    References
    ----------
    Paper 000, §5.1, Algorithm 1 and Theorem 5.1.

    Examples
    --------
    >>> r = algorithm_1([1, 2, 3], ["1/4", "1/4", "1/2"])
    >>> r.partition, r.utility
    (((0, 1, 2),), Fraction(1, 2))
    """
    vals0, ps0, order = _instance(values, probs, "algorithm_1", domain)
    vals, ps, scale = _integral(vals0, ps0, order)
    n = len(vals)
    best: list[tuple[Num, Partition]] = [(0, ())]
    table: list[tuple[int, Num]] = []
    for i in range(1, n + 1):
        arg, top = 0, None
        for j in range(i):
            cand = best[j][0] + _utility(vals, ps, tuple(range(j, i)), order)
            if top is None or order.cmp(cand, top) > 0:
                arg, top = j, cand
        best.append((top, (*best[arg][1], tuple(range(arg, i)))))
        table.append((arg, order.clean(top / scale)))
    return AlgorithmOneResult(best[n][1], order.clean(best[n][0] / scale), tuple(table))


def _argmax(
    vals0: list[Num], ps0: list[Fraction], parts: Sequence[Partition], order: _Order
) -> OptimalPartition:
    vals, ps, scale = _integral(vals0, ps0, order)
    top: Num = None
    arg: Partition = ()
    cache: dict[tuple[int, ...], Num] = {}
    for part in parts:
        u: Num = 0
        for b in part:
            if b not in cache:
                cache[b] = _utility(vals, ps, b, order)
            u += cache[b]
        if top is None or order.cmp(u, top) > 0:
            top, arg = u, part
    return OptimalPartition(arg, order.clean(top / scale))


def best_connected_partition(
    values: Sequence[Any], probs: Sequence[Any], *, domain: Domain | None = None
) -> OptimalPartition:
    """Brute force over all ``2^(n−1)`` connected partitions (checks Theorem 5.1).

    >>> best_connected_partition([1, 2, 3], ["1/4", "1/4", "1/2"]).utility
    Fraction(1, 2)
    """
    vals, ps, order = _instance(values, probs, "best_connected_partition", domain)
    return _argmax(vals, ps, connected_partitions(len(vals)), order)


def buyer_opt(
    values: Sequence[Any],
    probs: Sequence[Any],
    *,
    method: str = "subset-dp",
    domain: Domain | None = None,
) -> OptimalPartition:
    """The buyer-optimal partition over *all* set partitions (BUYER-OPT, paper 000, §5.2).

    Parameters
    ----------
    method
        ``"enumerate"``: every set partition (Bell(n) of them); ``"subset-dp"``: the same
        maximum by dynamic programming over subsets (``best(S) = max_{B ∋ min S}
        u(B) + best(S \\ B)``, ``O(3^n)``). Both are exact and exponential, as NP-hardness
        (Theorem 5.2) leads one to expect.

    Examples
    --------
    Appendix B with δ = 1/2: the best partition pools the lowest and highest types.

    >>> r = buyer_opt([1, 2, "5/2"], ["1/3", "5/9", "1/9"])
    >>> r.partition, r.utility
    (((0, 2), (1,)), Fraction(1, 6))
    """
    vals0, ps0, order = _instance(values, probs, "buyer_opt", domain)
    n = len(vals0)
    if method == "enumerate":
        return _argmax(vals0, ps0, set_partitions(n), order)
    if method != "subset-dp":
        raise InvalidProblemError(
            f"buyer_opt(): method={method!r}; expected 'subset-dp' or 'enumerate'"
        )
    vals, ps, scale = _integral(vals0, ps0, order)
    memo: dict[int, tuple[Num, int]] = {0: (0, 0)}  # mask -> (best utility, its first block)

    def members(mask: int) -> tuple[int, ...]:
        return tuple(i for i in range(n) if mask >> i & 1)

    def best(mask: int) -> Num:
        if mask in memo:
            return memo[mask][0]
        low = mask & -mask
        rest = mask ^ low
        top: Num = None
        arg = 0
        sub = rest
        while True:  # every block B with min(mask) ∈ B ⊆ mask
            b = sub | low
            cand = _utility(vals, ps, members(b), order) + best(mask ^ b)
            if top is None or order.cmp(cand, top) > 0:
                top, arg = cand, b
            if sub == 0:
                break
            sub = (sub - 1) & rest
        memo[mask] = (top, arg)
        return top

    full = (1 << n) - 1
    u = best(full)
    blocks, mask = [], full
    while mask:
        b = memo[mask][1]
        blocks.append(members(b))
        mask ^= b
    return OptimalPartition(tuple(sorted(blocks)), order.clean(u / scale))


def buyer_opt_decision(
    values: Sequence[Any], probs: Sequence[Any], target: Any, *, method: str = "subset-dp"
) -> bool:
    """BUYER-OPT as a decision problem (paper 000, §5.2): is there an equilibrium with
    ex-ante buyer utility at least ``target``?

    The printed problem asks for "expected buyer utility U"; Appendix A proves both
    directions with "at least U", the reading implemented here.

    >>> buyer_opt_decision([1, 2, 3], ["1/4", "1/4", "1/2"], "1/2")
    True
    """
    u = Q(target, "target", func="buyer_opt_decision")
    return bool(buyer_opt(values, probs, method=method).utility >= u)


@dataclass(frozen=True)
class Equilibrium:
    """A partitional equilibrium of the one-buyer, one-good game (paper 000, §2.1).

    Attributes
    ----------
    values, probs
        The instance.
    partition : Partition
        The buyer's messages.
    prices : tuple
        The seller's posted price for each block (a best response to its posterior).
    """

    values: tuple[Num, ...]
    probs: tuple[Fraction, ...]
    partition: Partition
    prices: tuple[Num, ...]

    def type_prices(self) -> tuple[Num, ...]:
        """The price each type faces."""
        out: list[Num] = [None] * len(self.values)
        for b, p in zip(self.partition, self.prices):
            for i in b:
                out[i] = p
        return tuple(out)

    def sold(self) -> tuple[bool, ...]:
        """Whether each type buys (value at least the price)."""
        return tuple(bool(v >= p) for v, p in zip(self.values, self.type_prices()))

    def type_utilities(self) -> tuple[Num, ...]:
        """Each type's utility ``(v_i − price)⁺``."""
        return tuple(
            (v - p) if s else _0 for v, p, s in zip(self.values, self.type_prices(), self.sold())
        )

    @property
    def efficient(self) -> bool:
        """Efficient (paper 000, §2.1): the good is always sold (one buyer, no cost)."""
        return all(self.sold())

    @property
    def buyer_utility(self) -> Num:
        """Ex-ante buyer utility."""
        return sum((p * u for p, u in zip(self.probs, self.type_utilities())), _0)

    @property
    def revenue(self) -> Num:
        """Ex-ante revenue."""
        return sum((q * p for q, p, s in zip(self.probs, self.type_prices(), self.sold()) if s), _0)


def equilibrium(
    values: Sequence[Any],
    probs: Sequence[Any],
    partition: Any,
    prices: Sequence[Any] | None = None,
) -> Equilibrium:
    """The equilibrium induced by ``partition`` with the seller's ``prices`` (checked).

    ``prices`` defaults to the buyer-preferred best responses (lowest optimal prices); given
    prices must each be revenue-maximising for their block.

    >>> eq = equilibrium([1, 2, 3], ["1/4", "1/4", "1/2"], [[0, 1, 2]], prices=[3])
    >>> eq.efficient, eq.buyer_utility
    (False, Fraction(0, 1))
    >>> equilibrium([1, 2, 3], ["1/4", "1/4", "1/2"], [[0, 1, 2]], prices=[1])
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: equilibrium(): prices[0] = 1 is not a best response \
to the message {1, 2, 3}: optimal prices are 2, 3 (revenue 3/2)
    """
    vals, ps, order = _instance(values, probs, "equilibrium", None)
    part = check_partition(partition, len(vals), func="equilibrium")
    chosen: list[Num] = []
    for k, b in enumerate(part):
        sc = _seller(vals, ps, b, order)
        if prices is None:
            chosen.append(sc.price)
            continue
        if len(prices) != len(part):
            raise ShapeError(f"equilibrium(): {len(prices)} prices for {len(part)} blocks")
        p = Q(prices[k], f"prices[{k}]", func="equilibrium")
        if p not in sc.prices:
            label = "{" + ", ".join(str(i + 1) for i in b) + "}"
            raise InvalidProblemError(
                f"equilibrium(): prices[{k}] = {fraction_str(p)} is not a best response to the "
                f"message {label}: optimal prices are "
                f"{', '.join(fraction_str(x) for x in sc.prices)} "
                f"(revenue {fraction_str(sc.revenue)})"
            )
        chosen.append(p)
    return Equilibrium(tuple(vals), tuple(ps), part, tuple(chosen))


def efficiency_transform(eq: Equilibrium) -> Equilibrium:
    """The Efficiency Lemma 2.1 construction (paper 000, §2.1).

    Every type that does not get the good reveals its type (a singleton block, priced at its
    value); each block keeps its price for the types that bought. The new equilibrium is
    efficient and gives every type the same utility: for the remainder ``{i ∈ P: v_i >= p}``
    of a block priced ``p``, any higher price ``p'`` earns
    ``p' S(p' | P) / S(p | P) <= p`` (``p`` was optimal for ``P``), so ``p`` stays optimal,
    and it is the remainder's lowest value, hence the buyer-preferred best response.

    >>> eq = equilibrium([1, 2, 3], ["1/4", "1/4", "1/2"], [[0, 1, 2]])
    >>> new = efficiency_transform(eq)
    >>> new.partition, new.prices, new.efficient, new.type_utilities() == eq.type_utilities()
    (((0,), (1, 2)), (Fraction(1, 1), Fraction(2, 1)), True, True)
    """
    sold = eq.sold()
    blocks: list[tuple[tuple[int, ...], Num]] = []
    for b, p in zip(eq.partition, eq.prices):
        keep = tuple(i for i in b if sold[i])
        if keep:
            blocks.append((keep, p))
        blocks.extend(((i,), eq.values[i]) for i in b if not sold[i])
    blocks.sort(key=lambda bp: bp[0])
    new = equilibrium(
        list(eq.values), list(eq.probs), [b for b, _ in blocks], [p for _, p in blocks]
    )
    return new


def all_equilibria(values: Sequence[Any], probs: Sequence[Any]) -> list[Equilibrium]:
    """Every partitional pure-strategy equilibrium: each partition with each optimal price."""
    vals, ps, order = _instance(values, probs, "all_equilibria", None)
    out = []
    for part in set_partitions(len(vals)):
        options = [_seller(vals, ps, b, order).prices for b in part]
        for prices in itertools.product(*options):
            out.append(Equilibrium(tuple(vals), tuple(ps), part, tuple(prices)))
    return out
