"""Product priors and signaling schemes of paper 001 (§2, §2.2), exactly.

Model (paper 001, §2): ``n`` buyers with independent private values
:math:`\\vec V \\sim \\mathcal D = \\mathcal D_1 \\times \\dots \\times \\mathcal D_n`, each
:math:`\\mathcal D_i` discrete with positive values (:class:`ProductPrior`). An intermediary
who sees :math:`\\vec v` sends a public signal; a signaling scheme
:math:`\\mathcal Z = \\{\\gamma_q, \\mathcal S_q\\}` is a list of posteriors (joint
distributions over value profiles, possibly correlated) with weights; it is feasible
("Bayes plausible") when :math:`\\sum_q \\gamma_q = 1` and
:math:`\\sum_q \\gamma_q \\mathcal S_q = \\mathcal D` (:class:`SignalingScheme`, checked exactly).
Given a posterior, the seller runs a revenue-optimal ex-interim IC/IR auction
(:mod:`~exactmech.papers.intermediary.response`); :math:`\\mathcal R(\\mathcal Z)`,
:math:`\\mathrm{CS}(\\mathcal Z)` and :math:`\\mathcal W(\\mathcal Z)` are the
:math:`\\gamma`-weighted sums, and the benchmark is
:math:`\\mathrm{OPT} = \\mathcal W^* - \\mathcal R(\\mathcal D)` with
:math:`\\mathcal W^* = \\mathbf E[\\max_i V_i]` (§2.2).

A scheme is usually given as a randomized map from value profiles to signal labels (the
paper's algorithms); :meth:`SignalingScheme.from_law` turns such a map into posteriors by
Bayes' rule, which makes the scheme Bayes plausible by construction (the check still runs).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from exactmech.auctions import AuctionOutcome, myerson_discrete
from exactmech.dist import Discrete, Joint, monopoly_price
from exactmech.errors import DistributionError
from exactmech.numbers import Q, fraction_str
from exactmech.papers.intermediary.response import SellerResponse, seller_response

__all__ = ["ProductPrior", "Profile", "SchemeValue", "Signal", "SignalingScheme"]

#: A value profile :math:`\vec v = (v_1, \dots, v_n)`.
Profile = tuple[Fraction, ...]

_0 = Fraction(0)
_1 = Fraction(1)


def _profile_str(v: Sequence[Fraction]) -> str:
    return "(" + ", ".join(fraction_str(x) for x in v) + ")"


class ProductPrior:
    """The independent prior :math:`\\mathcal D = \\mathcal D_1 \\times\\dots\\times \\mathcal D_n`.

    Parameters
    ----------
    dists
        One :class:`~exactmech.dist.Discrete` per buyer. Every grid value must carry positive
        mass (use :meth:`Discrete.trim`) and be positive (paper 001, §2.2:
        :math:`0 < v_1 < \\dots < v_k`).

    Raises
    ------
    DistributionError
        No buyers, a buyer that is not :class:`Discrete`, a zero-mass grid value or a value
        ``<= 0``; the message names the buyer and the value.

    References
    ----------
    paper 001, §2 (model and notation :math:`\\mathcal K_i`, :math:`\\mathcal K`), §2.2
    (:math:`\\mathcal W^*`, OPT).

    Examples
    --------
    >>> D = ProductPrior([Discrete.uniform([1, 2, 3])] * 2)
    >>> D.max_welfare(), D.revenue(), D.opt()
    (Fraction(22, 9), Fraction(2, 1), Fraction(4, 9))
    >>> ProductPrior([Discrete([0, 1], ["1/2", "1/2"])])
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: ProductPrior(): buyer 0 has value 0; paper 001, §2.2 ...
    """

    __slots__ = ("_cache", "_dists")

    def __init__(self, dists: Sequence[Discrete]) -> None:
        func = "ProductPrior"
        ds = list(dists)
        if not ds:
            raise DistributionError(f"{func}(): no buyers")
        for i, d in enumerate(ds):
            if not isinstance(d, Discrete):
                raise DistributionError(
                    f"{func}(): buyer {i} is a {type(d).__name__}; expected Discrete"
                )
            for v, p in d.items():
                if p == 0:
                    raise DistributionError(
                        f"{func}(): buyer {i} has value {fraction_str(v)} with probability 0; "
                        "drop zero-mass values with Discrete.trim()"
                    )
                if v <= 0:
                    raise DistributionError(
                        f"{func}(): buyer {i} has value {fraction_str(v)}; paper 001, §2.2 "
                        "assumes positive values 0 < v_1 < ... < v_k"
                    )
        self._dists: tuple[Discrete, ...] = tuple(ds)
        self._cache: dict[Any, Any] = {}

    @classmethod
    def iid(cls, dist: Discrete, n: int) -> ProductPrior:
        """``n`` i.i.d. buyers with value distribution ``dist``.

        >>> ProductPrior.iid(Discrete.uniform([1, 2]), 3).n
        3
        """
        if n < 1:
            raise DistributionError(f"ProductPrior.iid(): n={n} must be >= 1")
        return cls([dist] * n)

    # -- data -------------------------------------------------------------------------

    @property
    def dists(self) -> tuple[Discrete, ...]:
        """:math:`\\mathcal D_1, \\dots, \\mathcal D_n`."""
        return self._dists

    @property
    def n(self) -> int:
        """Number of buyers."""
        return len(self._dists)

    def values(self) -> tuple[Fraction, ...]:
        """:math:`x_1 < \\dots < x_{\\mathcal K}`: the union of the supports (paper 001, §5)."""
        return tuple(sorted({v for d in self._dists for v in d.support}))

    @property
    def K(self) -> int:
        """:math:`\\mathcal K`, the size of the union of the supports (paper 001, §1.1)."""
        return len(self.values())

    def is_iid(self) -> bool:
        """Whether all :math:`\\mathcal D_i` are identical."""
        return all(d == self._dists[0] for d in self._dists)

    def joint(self) -> Joint:
        """The joint law ``{profile: probability}`` (every profile of the supports)."""
        if "joint" not in self._cache:
            out: Joint = {}
            for combo in itertools.product(*(d.items() for d in self._dists)):
                p = _1
                for _, q in combo:
                    p *= q
                out[tuple(v for v, _ in combo)] = p
            self._cache["joint"] = out
        joint: Joint = self._cache["joint"]
        return joint

    def pmf(self, v: Sequence[Any]) -> Fraction:
        """:math:`f_{\\mathcal D}(\\vec v)`.

        >>> ProductPrior([Discrete.uniform([1, 2])] * 2).pmf((1, 2))
        Fraction(1, 4)
        """
        prof = tuple(Q(x, f"v[{i}]", func="ProductPrior.pmf") for i, x in enumerate(v))
        if len(prof) != self.n:
            raise DistributionError(
                f"ProductPrior.pmf(): profile has {len(prof)} entries; the prior has "
                f"{self.n} buyers"
            )
        return self.joint().get(prof, _0)

    # -- reserve prices (paper 001, §2.1 and §4) ----------------------------------------

    def reserve(self, i: int) -> Fraction:
        """:math:`r_i = r_{\\mathcal D_i}`, the smallest revenue-maximizing price (§2.1)."""
        return monopoly_price(self._dists[self._buyer(i, "reserve")])

    def below_reserve_probability(self, i: int) -> Fraction:
        """:math:`p_i = \\Pr[V_i < r_i]` (paper 001, §4, before Lemma 3)."""
        d = self._dists[self._buyer(i, "below_reserve_probability")]
        r = monopoly_price(d)
        return sum((p for v, p in d.items() if v < r), _0)

    def below_reserve(self, i: int) -> Discrete:
        """:math:`Y_i = \\mathcal D_{i|<r_i}`, on its support (paper 001, §4).

        Raises
        ------
        DistributionError
            If :math:`p_i = 0` (the reserve is the lowest value).
        """
        d = self._dists[self._buyer(i, "below_reserve")]
        r = monopoly_price(d)
        if not any(v < r for v in d.support):
            raise DistributionError(
                f"ProductPrior.below_reserve(): buyer {i} has no value below her reserve "
                f"{fraction_str(r)} (p_{i} = 0)"
            )
        return d.condition_interval(None, r, inclusive="left").trim()

    def _buyer(self, i: int, func: str) -> int:
        if not 0 <= i < self.n:
            raise DistributionError(
                f"ProductPrior.{func}(): buyer i={i} out of range for {self.n} buyers"
            )
        return i

    # -- benchmark (paper 001, §2.2) -----------------------------------------------------

    def max_welfare(self) -> Fraction:
        """:math:`\\mathcal W^* = \\mathbf E[\\max_i V_i]` (§2.2)."""
        return sum((p * max(v) for v, p in self.joint().items()), _0)

    def auction(self, tie: str = "max-surplus") -> AuctionOutcome:
        """Myerson's auction on :math:`\\mathcal D` (no signaling) with tie rule ``tie``.

        See :func:`~exactmech.auctions.myerson_discrete` (default: the sender-preferred rule).
        """
        key = ("auction", tie)
        if key not in self._cache:
            self._cache[key] = myerson_discrete(self._dists, tie=tie)
        out: AuctionOutcome = self._cache[key]
        return out

    def revenue(self) -> Fraction:
        """:math:`\\mathcal R(\\mathcal D)`, the optimal revenue without signaling (§2.1)."""
        return self.auction().revenue

    def consumer_surplus(self, tie: str = "max-surplus") -> Fraction:
        """:math:`\\mathrm{CS}(\\mathcal D)`: Myerson's surplus (§5, "Myerson's surplus")."""
        return self.auction(tie).consumer_surplus

    def opt(self) -> Fraction:
        """:math:`\\mathrm{OPT} = \\mathcal W^* - \\mathcal R(\\mathcal D)` (paper 001, §2.2)."""
        return self.max_welfare() - self.revenue()

    # -- dunder ---------------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ProductPrior):
            return NotImplemented
        return self._dists == other._dists

    def __hash__(self) -> int:
        return hash(("ProductPrior", self._dists))

    def __repr__(self) -> str:
        return f"ProductPrior([{', '.join(map(repr, self._dists))}])"


@dataclass(frozen=True)
class Signal:
    """One signal of a scheme: a label, its probability :math:`\\gamma_q` and posterior.

    Attributes
    ----------
    label
        What the intermediary announces (any hashable; the schemes of the paper use named
        tuples such as :class:`~exactmech.papers.intermediary.schemes.RankSignal`).
    weight
        :math:`\\gamma_q`.
    posterior
        :math:`\\mathcal S_q` as ``{profile: probability}`` (positive entries only).
    """

    label: Hashable
    weight: Fraction
    posterior: Joint

    def __repr__(self) -> str:
        return f"Signal({self.label!r}, weight={fraction_str(self.weight)})"


@dataclass(frozen=True)
class SchemeValue:
    """:math:`(\\mathcal R(\\mathcal Z), \\mathrm{CS}(\\mathcal Z), \\mathcal W(\\mathcal Z))`."""

    revenue: Fraction
    consumer_surplus: Fraction
    welfare: Fraction

    def __repr__(self) -> str:
        return (
            f"SchemeValue(revenue={fraction_str(self.revenue)}, "
            f"consumer_surplus={fraction_str(self.consumer_surplus)}, "
            f"welfare={fraction_str(self.welfare)})"
        )


def _read_joint(func: str, what: str, posterior: Mapping[Any, Any], n: int) -> Joint:
    out: Joint = {}
    for key, p in posterior.items():
        prof = tuple(
            Q(x, f"{what} profile {key!r}", func=func)
            for x in (key if isinstance(key, tuple) else (key,))
        )
        if len(prof) != n:
            raise DistributionError(
                f"{func}(): {what} has profile {key!r} with {len(prof)} entries; "
                f"the prior has {n} buyers"
            )
        q = Q(p, f"{what}[{key!r}]", func=func)
        if q < 0:
            raise DistributionError(
                f"{func}(): {what} gives profile {key!r} probability {fraction_str(q)} < 0"
            )
        if q:
            out[prof] = out.get(prof, _0) + q
    total = sum(out.values(), _0)
    if total != 1:
        raise DistributionError(f"{func}(): {what} sums to {fraction_str(total)}, expected 1")
    return out


class SignalingScheme:
    """A signaling scheme :math:`\\mathcal Z = \\{\\gamma_q, \\mathcal S_q\\}` (paper 001, §2.2).

    Parameters
    ----------
    prior
        The prior :math:`\\mathcal D`: a :class:`ProductPrior` or a joint ``{profile: prob}``.
    signals
        :class:`Signal` objects, ``(weight, posterior)`` or ``(label, weight, posterior)``
        triples; posteriors are ``{profile: probability}`` mappings.
    check
        Verify Bayes plausibility exactly (default). Turn off only for schemes built by
        :meth:`from_law`, which are plausible by construction (it still checks).

    Raises
    ------
    DistributionError
        A negative weight, weights not summing to 1, a posterior that is not a distribution
        on profiles of the prior's length, or
        :math:`\\sum_q \\gamma_q \\mathcal S_q \\ne \\mathcal D` (the message names the first
        profile where they differ and both masses).

    References
    ----------
    paper 001, §2.2 (signaling schemes, Bayes plausibility, :math:`\\mathcal R(\\mathcal Z)`,
    :math:`\\mathrm{CS}(\\mathcal Z)`, :math:`\\mathcal W(\\mathcal Z)`).

    Examples
    --------
    Revealing everything lets the seller extract the full welfare (point A of Fig. 1b):

    >>> D = ProductPrior([Discrete.uniform([1, 2])] * 2)
    >>> Z = SignalingScheme.from_law(D, lambda v: {v: 1})
    >>> Z.value()
    SchemeValue(revenue=7/4, consumer_surplus=0, welfare=7/4)
    >>> SignalingScheme(D, [("1/2", {(1, 1): 1}), ("1/2", {(2, 2): 1})])
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: SignalingScheme(): not Bayes plausible: profile (1, 1) ...
    """

    __slots__ = ("_joint", "_prior", "_signals", "_values")

    def __init__(
        self,
        prior: ProductPrior | Mapping[Any, Any],
        signals: Iterable[Signal | tuple[Any, ...]],
        *,
        check: bool = True,
    ) -> None:
        func = "SignalingScheme"
        if isinstance(prior, ProductPrior):
            self._prior: ProductPrior | None = prior
            joint = prior.joint()
        elif isinstance(prior, Mapping):
            self._prior = None
            if not prior:
                raise DistributionError(f"{func}(): empty prior")
            n0 = len(next(iter(prior)))
            joint = _read_joint(func, "prior", prior, n0)
        else:
            raise DistributionError(
                f"{func}(): prior is a {type(prior).__name__}; expected a ProductPrior or a "
                "joint {profile: probability}"
            )
        n = len(next(iter(joint)))
        out: list[Signal] = []
        for q, item in enumerate(signals):
            if isinstance(item, Signal):
                label, w, post = item.label, item.weight, item.posterior
            elif isinstance(item, tuple) and len(item) in (2, 3):
                label, w, post = (q, *item) if len(item) == 2 else item
            else:
                raise DistributionError(
                    f"{func}(): signals[{q}] must be a Signal, (weight, posterior) or "
                    "(label, weight, posterior)"
                )
            w = Q(w, f"weights[{q}]", func=func)
            if w < 0:
                raise DistributionError(f"{func}(): weights[{q}]={fraction_str(w)} is negative")
            if not isinstance(post, Mapping):
                raise DistributionError(
                    f"{func}(): signals[{q}] posterior is a {type(post).__name__}; expected "
                    "{profile: probability}"
                )
            out.append(Signal(label, w, _read_joint(func, f"signals[{q}] posterior", post, n)))
        if not out:
            raise DistributionError(f"{func}(): no signals")
        total = sum((s.weight for s in out), _0)
        if total != 1:
            raise DistributionError(f"{func}(): weights sum to {fraction_str(total)}, expected 1")
        if check:
            _check_plausible(func, joint, out)
        self._joint = joint
        self._signals = tuple(out)
        self._values: dict[Any, SchemeValue] = {}

    @classmethod
    def from_law(
        cls,
        prior: ProductPrior,
        law: Callable[[Profile], Mapping[Any, Any]],
    ) -> SignalingScheme:
        """The scheme of a randomized map from profiles to signal labels, by Bayes' rule.

        ``law(v)`` is the distribution of the announced label given the realized profile
        ``v``; signal ``q`` gets weight :math:`\\gamma_q = \\sum_v f(\\vec v)\\,\\Pr[q\\mid\\vec v]`
        and posterior :math:`f(\\vec v)\\Pr[q\\mid\\vec v]/\\gamma_q` — the map of paper 001, §2.2
        read backwards ("maps :math:`\\vec v` to :math:`\\mathcal S_q` with probability
        :math:`\\gamma_q \\Pr[\\mathcal S_q = \\vec v] / \\Pr[\\mathcal D = \\vec v]`").

        Raises
        ------
        DistributionError
            If ``law(v)`` is not a probability distribution for some profile (named).

        Examples
        --------
        >>> D = ProductPrior([Discrete.uniform([1, 2])])
        >>> Z = SignalingScheme.from_law(D, lambda v: {"no signal": 1})
        >>> len(Z), Z.value().consumer_surplus
        (1, Fraction(1, 2))
        >>> SignalingScheme.from_law(D, lambda v: {"a": "1/2"})
        Traceback (most recent call last):
        ...
        exactmech.errors.DistributionError: SignalingScheme.from_law(): law((1)) sums to 1/2, ...
        """
        func = "SignalingScheme.from_law"
        if not isinstance(prior, ProductPrior):
            raise DistributionError(f"{func}(): prior must be a ProductPrior")
        mass: dict[Hashable, Joint] = {}
        for v, f in prior.joint().items():
            dist = law(v)
            total = _0
            for label, q in dist.items():
                q = Q(q, f"law({_profile_str(v)})[{label!r}]", func=func)
                if q < 0:
                    raise DistributionError(
                        f"{func}(): law({_profile_str(v)}) gives {label!r} probability "
                        f"{fraction_str(q)} < 0"
                    )
                total += q
                if q:
                    post = mass.setdefault(label, {})
                    post[v] = post.get(v, _0) + f * q
            if total != 1:
                raise DistributionError(
                    f"{func}(): law({_profile_str(v)}) sums to {fraction_str(total)}, expected 1"
                )
        signals = []
        for label, post in mass.items():
            gamma = sum(post.values(), _0)
            signals.append(Signal(label, gamma, {v: p / gamma for v, p in post.items()}))
        return cls(prior, signals)

    # -- data -------------------------------------------------------------------------

    @property
    def prior(self) -> ProductPrior | None:
        """The :class:`ProductPrior` the scheme was built on (``None`` for a joint prior)."""
        return self._prior

    @property
    def signals(self) -> tuple[Signal, ...]:
        """The signals :math:`(\\gamma_q, \\mathcal S_q)`."""
        return self._signals

    def __len__(self) -> int:
        return len(self._signals)

    def __iter__(self) -> Iterator[Signal]:
        return iter(self._signals)

    def joint_prior(self) -> Joint:
        """:math:`\\sum_q \\gamma_q \\mathcal S_q` (equals the prior)."""
        return dict(self._joint)

    # -- evaluation (paper 001, §2.2) ----------------------------------------------------

    def outcomes(
        self, tie: str | None = "max-surplus", method: str = "auto"
    ) -> tuple[SellerResponse, ...]:
        """The seller's response to each signal (:func:`~.response.seller_response`)."""
        return tuple(seller_response(s.posterior, tie=tie, method=method) for s in self._signals)

    def value(self, tie: str | None = "max-surplus", method: str = "auto") -> SchemeValue:
        """:math:`\\mathcal R(\\mathcal Z)`, :math:`\\mathrm{CS}(\\mathcal Z)`,
        :math:`\\mathcal W(\\mathcal Z)` as :math:`\\gamma`-weighted sums (paper 001, §2.2)."""
        key = (tie, method)
        if key not in self._values:
            rev = cs = _0
            for s, o in zip(self._signals, self.outcomes(tie, method)):
                rev += s.weight * o.revenue
                cs += s.weight * o.consumer_surplus
            self._values[key] = SchemeValue(rev, cs, rev + cs)
        return self._values[key]

    def revenue(self, tie: str | None = "max-surplus") -> Fraction:
        """:math:`\\mathcal R(\\mathcal Z) = \\sum_q \\gamma_q \\mathcal R(\\mathcal S_q)`."""
        return self.value(tie).revenue

    def consumer_surplus(self, tie: str | None = "max-surplus") -> Fraction:
        """:math:`\\mathrm{CS}(\\mathcal Z) = \\sum_q \\gamma_q \\mathrm{CS}(\\mathcal S_q)`."""
        return self.value(tie).consumer_surplus

    def welfare(self, tie: str | None = "max-surplus") -> Fraction:
        """:math:`\\mathcal W(\\mathcal Z) = \\sum_q \\gamma_q \\mathcal W(\\mathcal S_q)`."""
        return self.value(tie).welfare

    def __repr__(self) -> str:
        return f"SignalingScheme(<{len(self._signals)} signals>)"


def _check_plausible(func: str, joint: Joint, signals: Sequence[Signal]) -> None:
    mixed: Joint = {}
    for s in signals:
        for v, p in s.posterior.items():
            mixed[v] = mixed.get(v, _0) + s.weight * p
    for v in sorted(set(joint) | set(mixed)):
        a, b = mixed.get(v, _0), joint.get(v, _0)
        if a != b:
            raise DistributionError(
                f"{func}(): not Bayes plausible: profile {_profile_str(v)} gets mass "
                f"{fraction_str(a)} from the signals but {fraction_str(b)} from the prior "
                "(paper 001, §2.2 needs sum_q gamma_q S_q = D)"
            )
