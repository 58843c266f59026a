"""The seller's response to a posterior (paper 001, §2.1), exactly.

Given the posterior :math:`\\mathcal S` that a signal induces, the seller runs a
revenue-maximizing auction among ex-interim IC and IR mechanisms (paper 001, §2.1; payments
may have either sign). Revenue does not pin down consumer surplus: the paper's computations
(§3, proof of Theorem 5: ":math:`\\mathrm{CS}(s) = \\max(\\dots)`"; §4, Lemma 3, where the
chosen buyer must win a tie at virtual value :math:`v^\\circ`) take, among revenue-optimal
mechanisms, one that maximizes consumer surplus — the **sender-preferred** rule,
``tie="max-surplus"`` (the default everywhere in this package).

How the response is computed (``method="auto"``)
-------------------------------------------------
1. **Product posterior** — Myerson's auction (:func:`~exactmech.auctions.myerson_discrete`,
   with ironing). Under ``"max-surplus"`` it gives the good to the highest ironed virtual
   value, then to the highest mean value of the bidders' ironing intervals, and sells at
   ironed virtual value 0; ``tests/papers/test_intermediary_response.py`` proves this equal
   to the two-stage LP (max revenue, then max CS on the optimal face) on random priors.
2. **Independent part × a block with a known maximum** — the posteriors of RANK_t and TRUNC
   (§4, §5.2) are *not* products: the buyers outside the top set are correlated (at least
   one of them has value exactly :math:`v^\\circ`). If the buyers split into a set :math:`T`
   whose values are independent of everything else and a block :math:`O` whose maximum
   value is a constant :math:`m` almost surely, the seller's problem is equivalent to
   Myerson's auction for :math:`T` plus one bidder with the known value :math:`m`
   ("known-max"): every mechanism earns at most :math:`m` per unit sold to :math:`O`
   (interim IR), a mechanism that sells :math:`O`'s share to its highest bidder at price
   :math:`m` attains it, and in a revenue-optimal mechanism :math:`O`'s buyers get zero
   surplus. Both the optimal revenue and the sender-preferred consumer surplus are
   therefore those of the reduced product prior; the tests check this against the full LP.
3. **Otherwise** — the exact optimal-mechanism LP
   (:func:`~exactmech.auctions.optimal_mechanism` with interim IC/IR and payments of either
   sign), lexicographically maximizing consumer surplus on the revenue-optimal face.

Tie rules: ``"max-surplus"`` (sender-preferred), and the paper's literal rules for Myerson's
auction — ``"index"`` (Algorithm 1, "a fixed tie-breaking rule": lowest index; the known-max
bidder takes the position of the lowest-indexed buyer of :math:`O`), ``"value"`` (§5.2, "ties
broken in favor of the higher valued buyer") and ``"uniform"``. On the LP path:
``"max-surplus"``, ``"min-surplus"`` and ``None`` (any optimal vertex).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

from exactmech.auctions import Mechanism, myerson_discrete, optimal_mechanism
from exactmech.dist import Discrete, marginal
from exactmech.errors import DistributionError, InvalidProblemError
from exactmech.numbers import Q, fraction_str

__all__ = [
    "LP_TIES",
    "MYERSON_TIES",
    "FullExtraction",
    "PosteriorStructure",
    "SellerResponse",
    "full_surplus_extraction",
    "optimal_auction_lp",
    "posterior_structure",
    "seller_response",
]

#: Tie rules of the Myerson path (product and known-max posteriors).
MYERSON_TIES = ("max-surplus", "index", "value", "uniform")
#: Tie rules of the LP path.
LP_TIES = ("max-surplus", "min-surplus", None)
_METHODS = ("auto", "myerson", "lp")

_0 = Fraction(0)
_1 = Fraction(1)

Frozen = tuple[tuple[tuple[Fraction, ...], Fraction], ...]


@dataclass(frozen=True)
class SellerResponse:
    """Revenue, welfare and consumer surplus of the seller's optimal auction for a posterior.

    Attributes
    ----------
    revenue, welfare, consumer_surplus : Fraction
        :math:`\\mathcal R(\\mathcal S)`, :math:`\\mathcal W(\\mathcal S)`,
        :math:`\\mathrm{CS}(\\mathcal S) = \\mathcal W(\\mathcal S) - \\mathcal R(\\mathcal S)`
        (paper 001, §2.1).
    method : str
        ``"myerson"``, ``"myerson+known-max"`` or ``"lp"`` (module docstring).
    """

    revenue: Fraction
    welfare: Fraction
    consumer_surplus: Fraction
    method: str

    def __repr__(self) -> str:
        return (
            f"SellerResponse(revenue={fraction_str(self.revenue)}, "
            f"welfare={fraction_str(self.welfare)}, "
            f"consumer_surplus={fraction_str(self.consumer_surplus)}, method={self.method!r})"
        )


@dataclass(frozen=True)
class PosteriorStructure:
    """How a joint posterior splits (module docstring, step 2).

    Attributes
    ----------
    marginals : tuple of Discrete
        Each buyer's marginal, on its support.
    independent : tuple of int
        Buyers whose value is independent of all the others' values.
    rest : tuple of int
        The other buyers (never exactly one).
    rest_max : Fraction or None
        The almost-sure maximum value of ``rest`` if it is constant, else ``None``
        (also ``None`` when ``rest`` is empty).
    """

    marginals: tuple[Discrete, ...]
    independent: tuple[int, ...]
    rest: tuple[int, ...]
    rest_max: Fraction | None

    @property
    def is_product(self) -> bool:
        """Whether the posterior is a product distribution."""
        return not self.rest

    @property
    def reducible(self) -> bool:
        """Whether the Myerson path applies (a product, or independent part × known max)."""
        return not self.rest or self.rest_max is not None


def _freeze(func: str, posterior: Any) -> Frozen:
    if isinstance(posterior, Mapping):
        items = []
        width: int | None = None
        for key, p in posterior.items():
            prof = tuple(
                Q(x, "posterior profile", func=func)
                for x in (key if isinstance(key, tuple) else (key,))
            )
            if width is None:
                width = len(prof)
            if len(prof) != width or not prof:
                raise DistributionError(
                    f"{func}(): posterior profile {key!r} has {len(prof)} entries; expected {width}"
                )
            q = Q(p, f"posterior[{key!r}]", func=func)
            if q < 0:
                raise DistributionError(
                    f"{func}(): posterior[{key!r}] = {fraction_str(q)} is negative"
                )
            if q:
                items.append((prof, q))
        merged: dict[tuple[Fraction, ...], Fraction] = {}
        for prof, q in items:
            merged[prof] = merged.get(prof, _0) + q
        total = sum(merged.values(), _0)
        if total != 1:
            raise DistributionError(
                f"{func}(): posterior probabilities sum to {fraction_str(total)}, expected 1"
            )
        return tuple(sorted(merged.items()))
    dists = list(getattr(posterior, "dists", posterior))
    if not dists or not all(isinstance(d, Discrete) for d in dists):
        raise DistributionError(
            f"{func}(): posterior must be a joint {{profile: probability}} or a sequence of "
            "Discrete (a product posterior)"
        )
    joint: dict[tuple[Fraction, ...], Fraction] = {}
    for combo in itertools.product(*(d.trim().items() for d in dists)):
        p = _1
        for _, q in combo:
            p *= q
        joint[tuple(v for v, _ in combo)] = p
    return tuple(sorted(joint.items()))


def _structure(frozen: Frozen) -> PosteriorStructure:
    joint = dict(frozen)
    n = len(frozen[0][0])
    margs = tuple(marginal(joint, i).trim() for i in range(n))
    independent = []
    for i in range(n):
        rest_law: dict[tuple[Fraction, ...], Fraction] = {}
        for prof, p in frozen:
            key = prof[:i] + prof[i + 1 :]
            rest_law[key] = rest_law.get(key, _0) + p
        ok = True
        for vi, pi in margs[i].items():
            for key, pr in rest_law.items():
                if joint.get((*key[:i], vi, *key[i:]), _0) != pi * pr:
                    ok = False
                    break
            if not ok:
                break
        if ok:
            independent.append(i)
    rest = tuple(i for i in range(n) if i not in independent)
    rest_max = None
    if rest:
        maxima = {max(prof[i] for i in rest) for prof, _ in frozen}
        if len(maxima) == 1:
            rest_max = maxima.pop()
    return PosteriorStructure(margs, tuple(independent), rest, rest_max)


def posterior_structure(posterior: Mapping[Any, Any] | Sequence[Discrete]) -> PosteriorStructure:
    """Split a posterior into independent buyers and a block with a known maximum.

    References
    ----------
    paper 001, §4 (the posterior of a RANK_t signal) and §5.2 (TRUNC).

    Examples
    --------
    One of buyers 2 and 3 has value 2, the other 1 or 2; buyer 1 is independent:

    >>> post = {(3, 2, 1): "1/6", (3, 1, 2): "1/6", (3, 2, 2): "1/6",
    ...         (4, 2, 1): "1/6", (4, 1, 2): "1/6", (4, 2, 2): "1/6"}
    >>> s = posterior_structure(post)
    >>> s.independent, s.rest, s.rest_max
    ((0,), (1, 2), Fraction(2, 1))
    >>> posterior_structure({(1,): "1/2"})
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: posterior_structure(): posterior probabilities sum ...
    """
    return _structure(_freeze("posterior_structure", posterior))


def seller_response(
    posterior: Mapping[Any, Any] | Sequence[Discrete],
    *,
    tie: str | None = "max-surplus",
    method: str = "auto",
) -> SellerResponse:
    """The seller's revenue-optimal auction for ``posterior`` and its CS (paper 001, §2.1).

    Parameters
    ----------
    posterior
        A joint posterior ``{profile: probability}`` (possibly correlated) or a sequence of
        :class:`~exactmech.dist.Discrete` (a product posterior).
    tie
        Tie rule among revenue-optimal mechanisms (module docstring).
    method
        ``"auto"`` (Myerson when the posterior is a product or independent × known max, the
        LP otherwise), ``"myerson"`` (error if it does not apply) or ``"lp"`` (always the
        exact LP; slow beyond a few dozen profiles).

    Raises
    ------
    InvalidProblemError
        An unknown ``tie`` or ``method``, a Myerson tie rule on a posterior that needs the
        LP, or an LP tie rule with ``method="myerson"``.
    DistributionError
        ``posterior`` is not a distribution.

    References
    ----------
    paper 001, §2.1 (the seller's problem), Algorithm 1, footnote 1 (ironing).

    Examples
    --------
    Example 1's signal :math:`\\mathcal S_1`: the seller prices at 1 and the item always sells.

    >>> seller_response([Discrete([1, 2, 3], ["1/2", "1/6", "1/3"])])
    SellerResponse(revenue=1, welfare=11/6, consumer_surplus=5/6, method='myerson')

    A correlated posterior (two buyers whose values coincide): full extraction.

    >>> seller_response({(1, 1): "1/2", (2, 2): "1/2"})
    SellerResponse(revenue=3/2, welfare=3/2, consumer_surplus=0, method='lp')
    >>> seller_response({(1, 1): "1/2", (2, 2): "1/2"}, tie="index")
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: seller_response(): tie='index' is a rule for ...
    """
    func = "seller_response"
    if tie not in MYERSON_TIES and tie not in LP_TIES:
        raise InvalidProblemError(
            f"{func}(): tie={tie!r}; expected one of "
            f"{', '.join(map(repr, dict.fromkeys(MYERSON_TIES + LP_TIES)))}"
        )
    if method not in _METHODS:
        raise InvalidProblemError(
            f"{func}(): method={method!r}; expected one of {', '.join(map(repr, _METHODS))}"
        )
    return _respond(_freeze(func, posterior), tie, method)


@lru_cache(maxsize=16384)
def _respond(frozen: Frozen, tie: str | None, method: str) -> SellerResponse:
    func = "seller_response"
    if method == "lp":
        return _lp_response(func, frozen, tie)
    struct = _structure(frozen)
    myerson_ok = struct.reducible and tie in MYERSON_TIES
    if method == "myerson" and not myerson_ok:
        why = (
            f"tie={tie!r} is not a Myerson tie rule"
            if struct.reducible
            else "the posterior is neither a product nor independent × a known maximum"
        )
        raise InvalidProblemError(f"{func}(): method='myerson' does not apply: {why}")
    if myerson_ok:
        assert tie is not None
        return _myerson_response(struct, tie)
    if tie not in LP_TIES:
        raise InvalidProblemError(
            f"{func}(): tie={tie!r} is a rule for Myerson's auction, which applies to product "
            "posteriors; this posterior is correlated, use 'max-surplus', 'min-surplus' or None"
        )
    return _lp_response(func, frozen, tie)


def _myerson_response(struct: PosteriorStructure, tie: str) -> SellerResponse:
    buyers: list[Discrete] = []
    method = "myerson"
    phantom_at = min(struct.rest) if struct.rest else -1
    for i, d in enumerate(struct.marginals):
        if i in struct.independent:
            buyers.append(d)
        elif i == phantom_at:
            assert struct.rest_max is not None
            buyers.append(Discrete.point(struct.rest_max))
            method = "myerson+known-max"
    out = myerson_discrete(buyers, tie=tie)
    return SellerResponse(out.revenue, out.welfare, out.consumer_surplus, method)


def _lp_inputs(
    frozen: Frozen,
) -> tuple[list[list[Fraction]], dict[tuple[int, ...], Fraction]]:
    n = len(frozen[0][0])
    values = [sorted({prof[i] for prof, _ in frozen}) for i in range(n)]
    index = [{v: k for k, v in enumerate(vs)} for vs in values]
    prior = {tuple(index[i][prof[i]] for i in range(n)): p for prof, p in frozen}
    return values, prior


def _lp_response(func: str, frozen: Frozen, tie: str | None) -> SellerResponse:
    if tie not in LP_TIES:
        raise InvalidProblemError(
            f"{func}(): tie={tie!r} is not an LP tie rule; expected 'max-surplus', "
            "'min-surplus' or None"
        )
    values, prior = _lp_inputs(frozen)
    mech = optimal_mechanism(values, prior, ic="interim", ir="interim", tie=tie, payments="free")
    assert mech.revenue is not None and mech.buyer_surplus is not None
    return SellerResponse(mech.revenue, mech.revenue + mech.buyer_surplus, mech.buyer_surplus, "lp")


def optimal_auction_lp(
    posterior: Mapping[Any, Any] | Sequence[Discrete],
    *,
    tie: str | None = "max-surplus",
    payments: str = "free",
    ic: str = "interim",
    ir: str = "interim",
) -> Mechanism:
    """The optimal-auction LP of paper 001, §2.1 for an arbitrary (joint) posterior.

    Ex-interim IC and IR (the paper's constraints; ``ic``/``ir`` may be set to
    ``"ex-post"``), payments of either sign (``payments="free"``, §2.1) and the tie rule
    ``tie`` on the revenue-optimal face. Buyer ``i``'s types are her marginal support,
    ascending; the returned :class:`~exactmech.auctions.Mechanism` indexes profiles by type
    indices.

    References
    ----------
    paper 001, §2.1 (IC and IR constraints, :math:`\\mathcal R(\\mathcal D')`,
    :math:`\\mathcal W(\\mathcal D')`).

    Examples
    --------
    >>> m = optimal_auction_lp({(1, 2): "1/2", (2, 1): "1/2"})
    >>> m.revenue, m.buyer_surplus
    (Fraction(2, 1), Fraction(0, 1))
    """
    values, prior = _lp_inputs(_freeze("optimal_auction_lp", posterior))
    return optimal_mechanism(values, prior, ic=ic, ir=ir, tie=tie, payments=payments)


@dataclass(frozen=True)
class FullExtraction:
    """Theorem 4 on one joint prior: is it correlated, and does the seller take all welfare?

    Attributes
    ----------
    correlated : bool
        The prior is not the product of its marginals.
    revenue, max_welfare, consumer_surplus : Fraction
        The optimal (interim IC/IR, payments of either sign) revenue,
        :math:`\\mathbf E[\\max_i v_i]`, and the sender-preferred consumer surplus.
    """

    correlated: bool
    revenue: Fraction
    max_welfare: Fraction
    consumer_surplus: Fraction

    @property
    def extracts(self) -> bool:
        """Whether the revenue equals the whole welfare :math:`\\mathbf E[\\max_i v_i]`."""
        return self.revenue == self.max_welfare


def full_surplus_extraction(joint: Mapping[Any, Any]) -> FullExtraction:
    """Theorem 4 (Crémer–McLean) checked on a joint prior by the exact optimal-auction LP.

    Paper 001, §2.1, Theorem 4: for two buyers with two values each, under any correlated
    prior the seller extracts :math:`\\mathbf E[\\max_i v_i]`. The LP has interim IC/IR and
    payments of either sign (§2.1); with nonnegative payments the statement can fail.

    References
    ----------
    paper 001, §2.1, Theorem 4; Crémer and McLean (1988).

    Examples
    --------
    >>> r = full_surplus_extraction(
    ...     {(3, 1): "4/13", (3, 3): "2/13", (5, 1): "6/13", (5, 3): "1/13"}
    ... )
    >>> r.correlated, r.extracts, r.revenue, r.consumer_surplus
    (True, True, Fraction(53, 13), Fraction(0, 1))
    """
    frozen = _freeze("full_surplus_extraction", joint)
    struct = _structure(frozen)
    resp = _lp_response("full_surplus_extraction", frozen, "max-surplus")
    welfare = sum((p * max(v) for v, p in frozen), _0)
    return FullExtraction(not struct.is_product, resp.revenue, welfare, resp.consumer_surplus)
