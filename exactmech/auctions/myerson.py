"""Myerson's optimal auction and the second-price auction, exactly.

Owns the single-good auctions of the papers:

* :func:`myerson_discrete`: independent discrete buyers (paper 001, §2.1, Algorithm 1) with
  ironing (paper 001, footnote 1): the good goes to the highest *ironed* virtual value if
  it is ``>= 0`` (Algorithm 1, step 2 allocates at 0).
* :func:`myerson_uniform`: independent buyers whose values are uniform on rational
  intervals, or known exactly (revealed), as in the posteriors of paper 000, §4
  (Lemma 4.1: ``φ(v) = 2v − b`` on ``U[a, b]``; a known value has ``φ(v) = v``). Expected
  revenue, welfare and utilities are exact polytope integrals
  (:func:`exactmech.calculus.integrate_polytope`).
* :func:`second_price`: the second-price auction with an anonymous reserve.

**Tie-breaking (documented rule).** Revenue optimality needs each buyer's allocation to be
constant on each of her ironed intervals, so ties between equal ironed virtual values may
depend on the buyers, never on the values inside an ironed interval. ``tie="index"`` (the
"fixed tie-breaking rule" of Algorithm 1, step 1) gives the good to the lowest-indexed
tied buyer; ``tie="uniform"`` splits it equally. ``tie="max-surplus"`` is the
*sender-preferred* rule of paper 001 (§3, proof of Theorem 5: "CS(s) = max(...)"): among all
revenue-optimal mechanisms one that maximizes consumer surplus. Revenue optimality fixes the
ironed virtual surplus and forces each interim allocation to be constant on ironing
intervals, so welfare equals ``E[ν_w]`` where ``ν_i(v)`` is the mean value of buyer ``i``'s
ironing interval containing ``v`` (``v`` itself outside ironing intervals); the rule gives
the good to the highest ironed virtual value, then to the highest ``ν`` (then the lowest
index), and sells also when the highest ironed virtual value is exactly 0 (the seller's
outside option is revenue-neutral there). ``tie="value"`` breaks ties by the *value* itself
(paper 001, §5.2: "ties broken in favor of the higher valued buyer"); inside an ironing
interval that is not constant, so it can lose revenue for irregular buyers. Payments are
Myerson's discrete payment
identity ``p_i(v) = Σ_{l <= v_i} z_l (x_i(z_l, v_{-i}) − x_i(z_{l−1}, v_{-i}))`` over buyer
``i``'s support ``z_1 < z_2 < ...``, which for a deterministic allocation is the smallest
support value at which ``i`` still wins (Algorithm 1, step 4). With continuous values, ties
have probability zero.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from exactmech.calculus import HalfSpace, Polynomial, integrate_polytope
from exactmech.dist import (
    Discrete,
    Uniform,
    ironed_virtual_values,
    ironing_intervals,
    virtual_values,
)
from exactmech.errors import DistributionError, InvalidProblemError
from exactmech.numbers import Q

__all__ = [
    "AuctionOutcome",
    "ExpectedOutcome",
    "myerson_discrete",
    "myerson_uniform",
    "second_price",
]

Profile = tuple[Fraction, ...]
_0 = Fraction(0)


@dataclass(frozen=True)
class ExpectedOutcome:
    """Expected revenue, welfare, consumer surplus and per-buyer utilities (all exact)."""

    revenue: Fraction
    welfare: Fraction
    consumer_surplus: Fraction
    utilities: tuple[Fraction, ...]

    def _summary(self) -> str:
        from exactmech.numbers import fraction_str

        utils = ", ".join(map(fraction_str, self.utilities))
        comma = "," if len(self.utilities) == 1 else ""
        return (
            f"revenue={fraction_str(self.revenue)}, welfare={fraction_str(self.welfare)}, "
            f"consumer_surplus={fraction_str(self.consumer_surplus)}, utilities=({utils}{comma})"
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._summary()})"

    def _repr_latex_(self) -> str:
        from exactmech.numbers import to_latex

        return (
            f"$\\mathcal R = {to_latex(self.revenue)},\\ "
            f"\\mathrm{{CS}} = {to_latex(self.consumer_surplus)},\\ "
            f"\\mathcal W = {to_latex(self.welfare)}$"
        )

    def _repr_html_(self) -> str:
        import html

        return f"<code>{html.escape(repr(self))}</code>"


@dataclass(frozen=True)
class AuctionOutcome(ExpectedOutcome):
    """An auction on a discrete product prior: allocation and payments per value profile.

    Attributes
    ----------
    allocation, payments : dict
        ``allocation[v][i]`` is the probability that buyer ``i`` gets the good at profile
        ``v`` (a tuple of values), ``payments[v][i]`` her payment.
    prior : dict
        ``prior[v]``: probability of the profile.
    """

    allocation: dict[Profile, tuple[Fraction, ...]]
    payments: dict[Profile, tuple[Fraction, ...]]
    prior: dict[Profile, Fraction]

    def __repr__(self) -> str:
        return f"AuctionOutcome({self._summary()}, profiles={len(self.prior)})"


def _check(dists: Sequence[Any], func: str) -> list[Discrete]:
    if not dists:
        raise DistributionError(f"{func}(): no buyers")
    for i, d in enumerate(dists):
        if not isinstance(d, Discrete):
            raise DistributionError(f"{func}(): buyer {i} is {type(d).__name__}, expected Discrete")
    return list(dists)


def _outcome(
    dists: list[Discrete],
    alloc: dict[Profile, tuple[Fraction, ...]],
    pay: dict[Profile, tuple[Fraction, ...]],
) -> AuctionOutcome:
    supports = [d.support for d in dists]
    prior: dict[Profile, Fraction] = {}
    for v in itertools.product(*supports):
        p = Fraction(1)
        for d, vi in zip(dists, v):
            p *= d.pmf(vi)
        prior[v] = p
    n = len(dists)
    revenue = sum((p * sum(pay[v], _0) for v, p in prior.items()), _0)
    welfare = sum(
        (p * sum((v[i] * alloc[v][i] for i in range(n)), _0) for v, p in prior.items()), _0
    )
    utils = tuple(
        sum((p * (v[i] * alloc[v][i] - pay[v][i]) for v, p in prior.items()), _0) for i in range(n)
    )
    return AuctionOutcome(revenue, welfare, welfare - revenue, utils, alloc, pay, prior)


def _payments(
    dists: list[Discrete], alloc: dict[Profile, tuple[Fraction, ...]]
) -> dict[Profile, tuple[Fraction, ...]]:
    """Myerson's discrete payment identity (module docstring) for a monotone allocation."""
    out = {}
    for v in alloc:
        pays = []
        for i, d in enumerate(dists):
            total, prev = _0, _0
            for z in d.support:
                if z > v[i]:
                    break
                xz = alloc[(*v[:i], z, *v[i + 1 :])][i]
                total += z * (xz - prev)
                prev = xz
            pays.append(total)
        out[v] = tuple(pays)
    return out


_TIES = ("index", "uniform", "max-surplus", "value")


def _ironed_means(dist: Discrete) -> dict[Fraction, Fraction]:
    """``ν(z)``: the mean of the ironing interval containing ``z`` (``z`` outside intervals)."""
    out = {z: z for z in dist.support}
    for iv in ironing_intervals(dist):
        atoms = [(z, p) for z, p in dist.items() if p and iv.low <= z <= iv.high]
        mass = sum((p for _, p in atoms), _0)
        mean = sum((z * p for z, p in atoms), _0) / mass
        for z, _ in atoms:
            out[z] = mean
    return out


def myerson_discrete(
    dists: Sequence[Discrete], *, tie: str = "index", ironed: bool = True
) -> AuctionOutcome:
    """Myerson's optimal auction for independent discrete buyers (paper 001, Algorithm 1).

    Parameters
    ----------
    dists
        One :class:`~exactmech.dist.Discrete` value distribution per buyer.
    tie
        ``"index"`` (lowest-indexed tied buyer wins), ``"uniform"`` (equal split),
        ``"max-surplus"`` (sender-preferred: highest ironed-interval mean value, then lowest
        index) or ``"value"`` (highest value, then lowest index); see the module docstring.
    ironed
        Use ironed virtual values (paper 001, footnote 1). ``False`` uses eq. (1) as printed,
        which is optimal only for regular distributions.

    Returns
    -------
    AuctionOutcome

    References
    ----------
    paper 001, §2.1, eq. (1) and Algorithm 1; Myerson (1981).

    Examples
    --------
    Paper 000, §3.3 (two i.i.d. buyers on {1, 2, 3} w.p. 1/4, 1/4, 1/2):

    >>> D = Discrete([1, 2, 3], ["1/4", "1/4", "1/2"])
    >>> out = myerson_discrete([D, D], tie="uniform")
    >>> out.revenue, out.consumer_surplus
    (Fraction(9, 4), Fraction(3, 8))

    A tie at the ironed virtual value 1 between a known value 1 and a value 2: Algorithm 1's
    fixed (index) rule and the sender-preferred rule earn the same revenue, not the same
    consumer surplus (paper 001, §4, RANK_t):

    >>> A, B = Discrete.point(1), Discrete([2, 3], ["1/2", "1/2"])
    >>> [(o.revenue, o.consumer_surplus) for o in (myerson_discrete([A, B]),
    ...                                            myerson_discrete([A, B], tie="max-surplus"))]
    [(Fraction(2, 1), Fraction(0, 1)), (Fraction(2, 1), Fraction(1, 2))]
    >>> myerson_discrete([D], tie="coin")
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: myerson_discrete(): tie='coin'; expected ...
    """
    if tie not in _TIES:
        raise InvalidProblemError(
            f"myerson_discrete(): tie={tie!r}; expected one of {', '.join(map(repr, _TIES))}"
        )
    ds = _check(dists, "myerson_discrete")
    phis = [ironed_virtual_values(d) if ironed else virtual_values(d) for d in ds]
    ranks: list[dict[Fraction, Fraction]] = []
    if tie == "max-surplus":
        ranks = [_ironed_means(d) if ironed else {z: z for z in d.support} for d in ds]
    elif tie == "value":
        ranks = [{z: z for z in d.support} for d in ds]
    n = len(ds)
    alloc: dict[Profile, tuple[Fraction, ...]] = {}
    for v in itertools.product(*(d.support for d in ds)):
        scores = [phis[i][v[i]] for i in range(n)]
        best = max(scores)
        x = [_0] * n
        if best >= 0:  # Algorithm 1, step 2: allocate provided q_j >= 0
            winners = [i for i in range(n) if scores[i] == best]
            if tie in ("max-surplus", "value"):
                top = max(ranks[i][v[i]] for i in winners)
                x[next(i for i in winners if ranks[i][v[i]] == top)] = Fraction(1)
            elif tie == "index":
                x[winners[0]] = Fraction(1)
            else:
                for i in winners:
                    x[i] = Fraction(1, len(winners))
        alloc[v] = tuple(x)
    return _outcome(ds, alloc, _payments(ds, alloc))


def second_price(dists: Sequence[Discrete], reserve: Any = 0) -> AuctionOutcome:
    """Second-price auction with an anonymous reserve, truthful bids, uniform tie-breaking.

    The highest bid ``>= reserve`` wins (ties split equally) and pays
    ``max(second-highest bid, reserve)``.

    >>> D = Discrete([1, 2, 3], ["1/4", "1/4", "1/2"])
    >>> second_price([D, D], reserve=2).revenue  # below Myerson's 9/4 (paper 000, §3.3)
    Fraction(17, 8)
    """
    ds = _check(dists, "second_price")
    r = Q(reserve, "reserve", func="second_price")
    alloc: dict[Profile, tuple[Fraction, ...]] = {}
    pay: dict[Profile, tuple[Fraction, ...]] = {}
    n = len(ds)
    for v in itertools.product(*(d.support for d in ds)):
        x, p = [_0] * n, [_0] * n
        top = max(v)
        if top >= r:
            winners = [i for i in range(n) if v[i] == top]
            others = sorted(v, reverse=True)
            price = max(others[1] if n > 1 else r, r) if len(winners) == 1 else top
            for i in winners:
                x[i] = Fraction(1, len(winners))
                p[i] = price / len(winners)
        alloc[v], pay[v] = tuple(x), tuple(p)
    return _outcome(ds, alloc, pay)


def _phi(d: Uniform | Fraction) -> tuple[Fraction, Fraction]:
    """(slope, intercept) of the virtual value in v: 2v − b on U[a, b]; v for a known value."""
    if isinstance(d, Uniform):
        return Fraction(2), -d.b
    return Fraction(1), _0


def myerson_uniform(buyers: Sequence[Any]) -> ExpectedOutcome:
    """Myerson's auction for independent buyers, each ``Uniform(a, b)`` or a known value.

    The good goes to the highest virtual value if it is ``>= 0``; ties have probability
    zero unless they are between buyers whose types are revealed (constant virtual values),
    and those go to the lowest index. The winner pays her threshold value. Expected revenue
    is the expected virtual surplus (Myerson 1981), computed per buyer as ``∫_{R_i} φ_i``
    over the region ``R_i`` where ``i`` wins; welfare is ``∫_{R_i} v_i``; each utility is
    the difference.

    Parameters
    ----------
    buyers
        :class:`~exactmech.dist.Uniform` posteriors (pooled messages) or exact values
        (revealed types), paper 000, §4.

    References
    ----------
    paper 000, §4, Lemma 4.1 (``φ(v) = 2v − b``).

    Examples
    --------
    >>> out = myerson_uniform([Uniform(0, 1), Uniform(0, 1)])
    >>> out.revenue, out.welfare, out.consumer_surplus
    (Fraction(5, 12), Fraction(7, 12), Fraction(1, 6))

    Two revealed buyers with equal values: one of them wins (the first) and pays her value.

    >>> myerson_uniform([1, 1]).revenue
    Fraction(1, 1)
    >>> myerson_uniform([Uniform(0, 1), 1.5])
    Traceback (most recent call last):
    ...
    exactmech.errors.FloatInputError: myerson_uniform(): buyers[1]=1.5 is a float; ...
    """
    items: list[Uniform | Fraction] = []
    for i, b in enumerate(buyers):
        if isinstance(b, Uniform):
            items.append(b)
        elif hasattr(b, "pdf"):
            raise DistributionError(f"myerson_uniform(): buyers[{i}] must be a Uniform or a value")
        else:
            items.append(Q(b, f"buyers[{i}]", func="myerson_uniform"))
    if not items:
        raise DistributionError("myerson_uniform(): no buyers")
    cont = [i for i, b in enumerate(items) if isinstance(b, Uniform)]
    k = len(cont)
    coord = {i: c for c, i in enumerate(cont)}
    vol = Fraction(1)
    for i in cont:
        u = items[i]
        assert isinstance(u, Uniform)
        vol *= u.b - u.a

    def value_poly(i: int) -> Polynomial:
        b = items[i]
        if isinstance(b, Uniform):
            return Polynomial.variable(coord[i], max(k, 1))
        return Polynomial.constant(b, max(k, 1))

    def phi_form(i: int) -> tuple[list[Fraction], Fraction]:
        """φ_i as (coefficients over the continuous coordinates, constant)."""
        slope, icpt = _phi(items[i])
        coeffs = [_0] * max(k, 1)
        if isinstance(items[i], Uniform):
            coeffs[coord[i]] = slope
            return coeffs, icpt
        val = items[i]
        assert isinstance(val, Fraction)
        return coeffs, slope * val + icpt

    box: list[HalfSpace] = []
    for c, i in enumerate(cont):
        u = items[i]
        assert isinstance(u, Uniform)
        e = [_0] * k
        e[c] = Fraction(1)
        box.append(HalfSpace(e, u.b))
        box.append(HalfSpace([-x for x in e], -u.a))
    n = len(items)
    rev: list[Fraction] = []
    wel: list[Fraction] = []
    for i in range(n):
        ci, di = phi_form(i)
        region = list(box)
        # φ_i >= 0  and  φ_i >= φ_j (j > i), φ_i > φ_j (j < i: measure-zero ties to lower index)
        # (coefficients, bound, strict): strict for j < i, where an exact tie goes to j
        cons = [([-a for a in ci], di, False)]  # -φ_i <= 0
        for j in range(n):
            if j != i:
                cj, dj = phi_form(j)
                cons.append(([a - b for a, b in zip(cj, ci)], di - dj, j < i))  # φ_j - φ_i <= 0
        feasible = True
        for coeffs, bound, strict in cons:
            if any(coeffs[:k]):
                region.append(HalfSpace(coeffs[:k], bound))  # ties: measure zero
            elif bound < 0 or (strict and bound == 0):
                # a constant constraint fails: 0 <= bound violated, or an exact tie between
                # buyers whose virtual values do not vary (revealed types) goes to the lower index
                feasible = False
        if not feasible:
            rev.append(_0)
            wel.append(_0)
            continue
        phi_poly = Polynomial.linear(ci[:k] if k else [_0], di) if k else Polynomial.constant(di, 1)
        if k == 0:
            rev.append(di)
            wel.append(items[i])  # type: ignore[arg-type]
            continue
        rev.append(integrate_polytope(phi_poly, region, func="myerson_uniform") / vol)
        wel.append(integrate_polytope(value_poly(i), region, func="myerson_uniform") / vol)
    revenue, welfare = sum(rev, _0), sum(wel, _0)
    return ExpectedOutcome(
        revenue, welfare, welfare - revenue, tuple(w - r for w, r in zip(wel, rev))
    )
