"""The signaling schemes of paper 001 (§2.2, §4, §5), exactly.

Each scheme is given twice: as its **law** — the exact distribution of the announced signal
given a realized value profile :math:`\\vec v` (``*_law(prior, ..., v)``; :func:`execute`
draws one signal from a law with a seeded :class:`random.Random`, which is "executing the
algorithm") — and as a :class:`~exactmech.papers.intermediary.model.SignalingScheme` built
from the law by Bayes' rule (``*_scheme``), whose :math:`\\mathcal R`, CS and
:math:`\\mathcal W` are exact.

* :func:`bbm_scheme`, :func:`bbm_law` — BBM(v, D) for one buyer (§2.2, Lemma 1, Example 1).
* :func:`rank_law`, :func:`rank_scheme` — RANK_t (§4, Algorithm 2): threshold
  :math:`v^\\circ` = the :math:`(t+1)`-st largest value (0 when :math:`t = n`),
  :math:`T = \\{i : v_i > v^\\circ\\}`, a uniformly random :math:`j \\in T`, and BBM on
  :math:`j`'s excess distribution :math:`\\mathcal D_{j|>v^\\circ} - v^\\circ`.
* :func:`s0_rank`, :func:`s0_scheme` — :math:`\\mathcal S_0` (Algorithm 3): the RANK_t with
  the largest CS (smallest such :math:`t`).
* :func:`algorithm4_weights`, :func:`s0_squared_scheme` — :math:`\\mathcal S_0^2`
  (Algorithm 4): rank :math:`t` drawn with probability :math:`\\propto w_t`.
* :func:`trunc_law` — TRUNC(v, D, c) (Algorithm 5); :func:`s1_scheme`
  (:math:`c = v_{i^*}`, §5.2) and :func:`s2_scheme` (:math:`c = x_{k^*}`, §5.2).
* :func:`opt_decomposition` — Eq. (4)–(6): :math:`\\mathrm{CS}(\\mathcal D)`,
  :math:`\\mathrm{CS}_0`, :math:`\\mathrm{CS}_i`, :math:`\\widehat{\\mathrm{CS}}_k`.

Readings (documented in the README)
-----------------------------------
* RANK_t's posterior is not a product (§1.2 says it is): the buyers outside :math:`T` are
  correlated. It is independent on :math:`T` times a block whose maximum is :math:`v^\\circ`,
  which :func:`~exactmech.papers.intermediary.response.seller_response` handles exactly.
* The rank :math:`t` drawn by :math:`\\mathcal S_0^2` is part of the signal
  (``reveal_rank=True``, default); hiding it pools RANK_t signals with equal
  :math:`(v^\\circ, T, j, s)` and gives the same CS (the pooled posteriors share the
  independent part and the known maximum), which the tests check.
* TRUNC with no value :math:`\\le c` uses :math:`a = 0` (as RANK_n uses :math:`v^\\circ = 0`).
* Eq. (5) and (6) as printed sum over profiles by the bidder with the highest virtual value
  (Eq. (6) even indexes by "max virtual value = :math:`x_k`"); the decomposition Eq. (4)
  needs the *winner* of the auction, so :func:`misallocation_surplus` and
  :func:`value_misallocation_surplus` sum over profiles where the item is sold to buyer
  :math:`i` (resp. to a buyer with value :math:`x_k`); the printed readings are
  :func:`eq5_printed` and :func:`eq6_printed` (see the errata in the README).
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from exactmech.dist import Discrete, Segmentation, bbm_segmentation, ironed_virtual_values
from exactmech.errors import DistributionError, InvalidProblemError
from exactmech.numbers import Q, fraction_str
from exactmech.papers.intermediary.model import ProductPrior, Profile, SignalingScheme

__all__ = [
    "Decomposition",
    "RankSignal",
    "TruncSignal",
    "algorithm4_weights",
    "bbm_law",
    "bbm_scheme",
    "eq5_printed",
    "eq6_printed",
    "excess_distribution",
    "execute",
    "interned",
    "misallocation_surplus",
    "non_allocation_surplus",
    "opt_decomposition",
    "rank_consumer_surplus",
    "rank_law",
    "rank_scheme",
    "s0_law",
    "s0_rank",
    "s0_scheme",
    "s0_squared_law",
    "s0_squared_scheme",
    "s1_buyer",
    "s1_scheme",
    "s2_scheme",
    "s2_value",
    "trunc_instance",
    "trunc_law",
    "value_misallocation_surplus",
]

_0 = Fraction(0)
_1 = Fraction(1)
L = TypeVar("L", bound=Hashable)


@lru_cache(maxsize=4096)
def interned(dists: tuple[Discrete, ...]) -> ProductPrior:
    """The :class:`ProductPrior` of ``dists``, one object per law (so its caches are shared)."""
    return ProductPrior(dists)


def _intern(prior: ProductPrior) -> ProductPrior:
    return interned(prior.dists)


def execute(law: Mapping[L, Any], rng: random.Random) -> L:
    """Draw one signal from a law ``{label: probability}`` (running the algorithm once).

    Exact: a uniform integer below the common denominator picks the label, so no float is
    involved.

    Examples
    --------
    >>> execute({"a": Fraction(1, 3), "b": Fraction(2, 3)}, random.Random(0))
    'b'
    """
    items = sorted(law.items(), key=lambda kv: repr(kv[0]))
    den = 1
    for _, p in items:
        den = den * Q(p).denominator // _gcd(den, Q(p).denominator)
    draw = rng.randrange(den)
    acc = 0
    for label, p in items:
        acc += int(Q(p) * den)
        if draw < acc:
            return label
    raise DistributionError(f"execute(): the law sums to {fraction_str(Fraction(acc, den))}")


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


# -- BBM (§2.2) --------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _bbm(dist: Discrete) -> Segmentation:
    return bbm_segmentation(dist)


def bbm_law(dist: Discrete, value: Any) -> dict[int, Fraction]:
    """BBM(v, D): the law of the segment announced when the value is ``value``.

    Segment :math:`q` of :func:`~exactmech.dist.bbm_segmentation` is announced with
    probability :math:`\\gamma_q \\Pr[\\mathcal S_q = v] / \\Pr[\\mathcal D = v]` (§2.2).

    Raises
    ------
    DistributionError
        If ``value`` is not in the support of ``dist``.

    Examples
    --------
    >>> bbm_law(Discrete.uniform([1, 2, 3]), 2)
    {0: Fraction(1, 3), 1: Fraction(1, 6), 2: Fraction(1, 2)}
    """
    x = Q(value, "value", func="bbm_law")
    f = dist.pmf(x)
    if not f:
        raise DistributionError(f"bbm_law(): value {fraction_str(x)} is not in the support")
    out = {}
    for q, (w, S) in enumerate(_bbm(dist)):
        p = w * S.pmf(x) / f
        if p:
            out[q] = p
    return out


def bbm_scheme(prior: ProductPrior) -> SignalingScheme:
    """BBM's scheme for one buyer as a :class:`SignalingScheme` (§2.2, Lemma 1).

    Examples
    --------
    >>> Z = bbm_scheme(ProductPrior([Discrete.uniform([1, 2, 3])]))
    >>> Z.value()
    SchemeValue(revenue=4/3, consumer_surplus=2/3, welfare=2)
    """
    if prior.n != 1:
        raise InvalidProblemError(f"bbm_scheme(): BBM is a one-buyer scheme; got {prior.n} buyers")
    d = prior.dists[0]
    return SignalingScheme.from_law(prior, lambda v: bbm_law(d, v[0]))


# -- RANK_t (§4, Algorithm 2) ----------------------------------------------------------------


class RankSignal(NamedTuple):
    """RANK_t's signal :math:`(v^\\circ, T, j, s)` (Algorithm 2), with the rank ``t``.

    ``chosen`` and ``segment`` are ``None`` when :math:`T = \\varnothing`; ``t`` is ``None``
    when :math:`\\mathcal S_0^2` hides it.
    """

    t: int | None
    threshold: Fraction
    top: tuple[int, ...]
    chosen: int | None
    segment: int | None


def excess_distribution(dist: Discrete, threshold: Any) -> Discrete:
    """:math:`\\mathcal D_{|>v^\\circ} - v^\\circ` on its support (§4, "excess value").

    Examples
    --------
    >>> excess_distribution(Discrete.uniform([1, 2, 3]), 1)
    Discrete({1: 1/2, 2: 1/2})
    """
    th = Q(threshold, "threshold", func="excess_distribution")
    return dist.condition_interval(th, None, inclusive="neither").trim().shift(-th)


def _check_rank(func: str, prior: ProductPrior, t: int) -> None:
    if not 1 <= t <= prior.n:
        raise InvalidProblemError(f"{func}(): t={t} not in 1..{prior.n}")


def _profile(func: str, prior: ProductPrior, v: Any) -> Profile:
    prof = tuple(Q(x, f"v[{i}]", func=func) for i, x in enumerate(v))
    if len(prof) != prior.n:
        raise InvalidProblemError(f"{func}(): v has {len(prof)} values for {prior.n} buyers")
    return prof


def rank_law(prior: ProductPrior, t: int, v: Any) -> dict[RankSignal, Fraction]:
    """RANK_t(v, D): the law of the signal given the profile ``v`` (Algorithm 2).

    References
    ----------
    paper 001, §4, Algorithm 2.

    Examples
    --------
    >>> D = ProductPrior([Discrete.uniform([1, 2, 3])] * 2)
    >>> rank_law(D, 1, (3, 1))
    {RankSignal(t=1, threshold=Fraction(1, 1), top=(0,), chosen=0, segment=0): Fraction(1, 1)}
    >>> rank_law(D, 3, (3, 1))
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: rank_law(): t=3 not in 1..2
    """
    _check_rank("rank_law", prior, t)
    prof = _profile("rank_law", prior, v)
    return _rank_law(_intern(prior), t, prof)


def _rank_law(prior: ProductPrior, t: int, v: Profile) -> dict[RankSignal, Fraction]:
    order = sorted(v, reverse=True)
    v0 = order[t] if t < prior.n else _0  # Algorithm 2, line 1 ("or 0 when t = n")
    top = tuple(i for i in range(prior.n) if v[i] > v0)  # line 2
    if not top:
        return {RankSignal(t, v0, (), None, None): _1}  # line 8
    out: dict[RankSignal, Fraction] = {}
    share = Fraction(1, len(top))  # line 4: j uniform on T
    for j in top:
        excess = excess_distribution(prior.dists[j], v0)
        for q, p in bbm_law(excess, v[j] - v0).items():  # line 5
            key = RankSignal(t, v0, top, j, q)
            out[key] = out.get(key, _0) + share * p
    return out


def rank_scheme(prior: ProductPrior, t: int) -> SignalingScheme:
    """RANK_t as a :class:`SignalingScheme` (paper 001, §4, Algorithm 2).

    Examples
    --------
    >>> D = ProductPrior([Discrete.uniform([1, 2, 3])] * 2)
    >>> rank_scheme(D, 1).value(), rank_scheme(D, 2).consumer_surplus()
    (SchemeValue(revenue=20/9, consumer_surplus=2/9, welfare=22/9), Fraction(7, 18))
    """
    _check_rank("rank_scheme", prior, t)
    p = _intern(prior)
    key = ("rank", t)
    if key not in p._cache:
        p._cache[key] = SignalingScheme.from_law(p, lambda v: _rank_law(p, t, v))
    scheme: SignalingScheme = p._cache[key]
    return scheme


def rank_consumer_surplus(prior: ProductPrior, t: int, tie: str = "max-surplus") -> Fraction:
    """:math:`\\mathrm{CS}(\\mathrm{RANK}_t)` (§4) under the seller's tie rule ``tie``."""
    return rank_scheme(prior, t).consumer_surplus(tie)


# -- S_0 and S_0^2 (§5.1, Algorithms 3 and 4) ------------------------------------------------


def s0_rank(prior: ProductPrior) -> int:
    """Algorithm 3: :math:`t = \\arg\\max_{t'} \\mathrm{CS}(\\mathrm{RANK}_{t'})` (smallest
    on ties).

    Examples
    --------
    >>> s0_rank(ProductPrior([Discrete.uniform([1, 2, 3])] * 2))
    2
    """
    p = _intern(prior)
    if "s0" not in p._cache:
        cs = [rank_consumer_surplus(p, t) for t in range(1, p.n + 1)]
        p._cache["s0"] = 1 + cs.index(max(cs))
    t: int = p._cache["s0"]
    return t


def s0_law(prior: ProductPrior, v: Any) -> dict[RankSignal, Fraction]:
    """:math:`\\mathcal S_0(\\vec v, \\mathcal D)` = RANK_t with :func:`s0_rank` (Algorithm 3)."""
    return rank_law(prior, s0_rank(prior), v)


def s0_scheme(prior: ProductPrior) -> SignalingScheme:
    """:math:`\\mathcal S_0` as a :class:`SignalingScheme` (§5.1, Algorithm 3)."""
    return rank_scheme(prior, s0_rank(prior))


def algorithm4_weights(n: int) -> tuple[Fraction, ...]:
    """Algorithm 4's weights :math:`w_1, \\dots, w_n`: :math:`w_j = 1/(j+1)` for
    :math:`j \\le n-2`, :math:`w_{n-1} = w_n = 1` (for :math:`n = 1`: :math:`w_1 = 1`).

    Examples
    --------
    >>> algorithm4_weights(4)
    (Fraction(1, 2), Fraction(1, 3), Fraction(1, 1), Fraction(1, 1))
    """
    if n < 1:
        raise InvalidProblemError(f"algorithm4_weights(): n={n} must be >= 1")
    if n == 1:
        return (_1,)
    return (*(Fraction(1, j + 1) for j in range(1, n - 1)), _1, _1)


def s0_squared_law(
    prior: ProductPrior, v: Any, *, reveal_rank: bool = True
) -> dict[RankSignal, Fraction]:
    """:math:`\\mathcal S_0^2(\\vec v, \\mathcal D)` (Algorithm 4): RANK_t with
    :math:`\\Pr[t] = w_t / \\sum_j w_j`; ``reveal_rank=False`` drops ``t`` from the signal."""
    prof = _profile("s0_squared_law", prior, v)
    p = _intern(prior)
    w = algorithm4_weights(p.n)
    total = sum(w, _0)
    out: dict[RankSignal, Fraction] = {}
    for t, wt in enumerate(w, start=1):
        for sig, q in _rank_law(p, t, prof).items():
            key = sig if reveal_rank else sig._replace(t=None)
            out[key] = out.get(key, _0) + wt / total * q
    return out


def s0_squared_scheme(prior: ProductPrior, *, reveal_rank: bool = True) -> SignalingScheme:
    """:math:`\\mathcal S_0^2` as a :class:`SignalingScheme` (§5.1.1, Algorithm 4).

    Examples
    --------
    >>> D = ProductPrior([Discrete.uniform([1, 2, 3])] * 2)
    >>> s0_squared_scheme(D).consumer_surplus()  # (2/9 + 7/18) / 2
    Fraction(11, 36)
    """
    p = _intern(prior)
    key = ("s0sq", reveal_rank)
    if key not in p._cache:
        p._cache[key] = SignalingScheme.from_law(
            p, lambda v: s0_squared_law(p, v, reveal_rank=reveal_rank)
        )
    scheme: SignalingScheme = p._cache[key]
    return scheme


# -- TRUNC, S_1, S_2 (§5.2, Algorithm 5) -------------------------------------------------------


class TruncSignal(NamedTuple):
    """TRUNC's signal :math:`(a, T, s)` (Algorithm 5), with the cutoff ``c``; ``inner`` is
    :math:`\\mathcal S_0`'s signal on :math:`\\mathcal D_{T,a}` (buyers indexed within ``T``)."""

    cutoff: Fraction
    floor: Fraction
    top: tuple[int, ...]
    inner: RankSignal | None


def trunc_instance(prior: ProductPrior, c: Any, a: Any, top: tuple[int, ...]) -> ProductPrior:
    """:math:`\\mathcal D_{T,a} = \\prod_{j \\in T}(\\mathcal D_{j|>c} - a)` (Algorithm 5, line 2).

    Examples
    --------
    >>> D = ProductPrior([Discrete.uniform([1, 2, 3])] * 2)
    >>> trunc_instance(D, 1, 1, (0,))
    ProductPrior([Discrete({1: 1/2, 2: 1/2})])
    """
    func = "trunc_instance"
    cut, fl = Q(c, "c", func=func), Q(a, "a", func=func)
    dists = []
    for j in top:
        d = prior.dists[j].condition_interval(cut, None, inclusive="neither").trim()
        dists.append(d.shift(-fl))
    return interned(tuple(dists))


def trunc_law(prior: ProductPrior, c: Any, v: Any) -> dict[TruncSignal, Fraction]:
    """TRUNC(v, D, c): the law of the signal :math:`(a, T, s)` (paper 001, Algorithm 5).

    :math:`a` = the largest value :math:`\\le c` (0 if none), :math:`T = \\{j : v_j > a\\}`,
    and :math:`s = \\mathcal S_0(\\vec v_T - a, \\mathcal D_{T,a})`.

    Examples
    --------
    >>> D = ProductPrior([Discrete.uniform([1, 2, 3])] * 2)
    >>> law = trunc_law(D, 1, (1, 3))
    >>> [(s.floor, s.top, s.inner.threshold, p) for s, p in law.items()]
    [(Fraction(1, 1), (1,), Fraction(0, 1), Fraction(1, 1))]
    """
    cut = Q(c, "c", func="trunc_law")
    prof = _profile("trunc_law", prior, v)
    below = [x for x in prof if x <= cut]
    a = max(below) if below else _0  # line 1
    top = tuple(j for j in range(prior.n) if prof[j] > a)
    if not top:
        return {TruncSignal(cut, a, (), None): _1}
    sub = trunc_instance(prior, cut, a, top)
    inner = s0_law(sub, tuple(prof[j] - a for j in top))  # lines 3-4
    return {TruncSignal(cut, a, top, s): p for s, p in inner.items()}


def s1_buyer(prior: ProductPrior) -> int:
    """:math:`i^* = \\arg\\max_i \\mathrm{CS}_i` (§5.2; smallest index on ties; 0-based)."""
    cs = opt_decomposition(prior).cs_i
    return cs.index(max(cs))


def s1_scheme(prior: ProductPrior) -> SignalingScheme:
    """:math:`\\mathcal S_1`: TRUNC(v, D, :math:`v_{i^*}`) (paper 001, §5.2, Theorem 7)."""
    p = _intern(prior)
    if "s1" not in p._cache:
        i = s1_buyer(p)
        p._cache["s1"] = SignalingScheme.from_law(p, lambda v: trunc_law(p, v[i], v))
    scheme: SignalingScheme = p._cache["s1"]
    return scheme


def s2_value(prior: ProductPrior) -> Fraction:
    """:math:`x_{k^*}` with :math:`k^* = \\arg\\max_k \\widehat{\\mathrm{CS}}_k` (§5.2)."""
    cs = opt_decomposition(prior).cs_hat
    return prior.values()[cs.index(max(cs))]


def s2_scheme(prior: ProductPrior) -> SignalingScheme:
    """:math:`\\mathcal S_2`: TRUNC(v, D, :math:`x_{k^*}`) (paper 001, §5.2, Theorem 8)."""
    p = _intern(prior)
    if "s2" not in p._cache:
        x = s2_value(p)
        p._cache["s2"] = SignalingScheme.from_law(p, lambda v: trunc_law(p, x, v))
    scheme: SignalingScheme = p._cache["s2"]
    return scheme


# -- the decomposition of OPT (Eq. (4)-(6)) ---------------------------------------------------


@dataclass(frozen=True)
class Decomposition:
    """Eq. (4): :math:`\\mathrm{OPT} = \\mathrm{CS}(\\mathcal D) + \\mathrm{CS}_0 +
    \\sum_i \\mathrm{CS}_i = \\mathrm{CS}(\\mathcal D) + \\mathrm{CS}_0 +
    \\sum_k \\widehat{\\mathrm{CS}}_k`.

    ``cs_i[i]`` is buyer ``i``'s (0-based) mis-allocation surplus, ``cs_hat[k - 1]`` the one
    of value :math:`x_k`.
    """

    opt: Fraction
    cs_no_signal: Fraction
    cs0: Fraction
    cs_i: tuple[Fraction, ...]
    cs_hat: tuple[Fraction, ...]


def _winner(alloc: tuple[Fraction, ...]) -> int | None:
    for i, x in enumerate(alloc):
        if x == 1:
            return i
    if any(alloc):
        raise InvalidProblemError("split allocation: use a deterministic tie rule")
    return None


def non_allocation_surplus(prior: ProductPrior, tie: str = "max-surplus") -> Fraction:
    """:math:`\\mathrm{CS}_0`: the welfare lost because Myerson's auction keeps the item (§5).

    Examples
    --------
    >>> non_allocation_surplus(ProductPrior([Discrete.uniform([1, 2, 3])] * 2))
    Fraction(1, 9)
    """
    out = prior.auction(tie)
    return sum((p * max(v) for v, p in out.prior.items() if _winner(out.allocation[v]) is None), _0)


def misallocation_surplus(prior: ProductPrior, i: int, tie: str = "max-surplus") -> Fraction:
    """:math:`\\mathrm{CS}_i` (Eq. (5), read with the *winner*): :math:`\\sum_{\\vec v:\\ i\\text{
    wins}} f(\\vec v)(\\max_j v_j - v_i)` (0-based ``i``)."""
    out = prior.auction(tie)
    return sum(
        (p * (max(v) - v[i]) for v, p in out.prior.items() if _winner(out.allocation[v]) == i),
        _0,
    )


def value_misallocation_surplus(prior: ProductPrior, k: int, tie: str = "max-surplus") -> Fraction:
    """:math:`\\widehat{\\mathrm{CS}}_k` (Eq. (6), read with the winner's *value*
    :math:`x_k`; ``k`` is 1-based as in the paper)."""
    xs = prior.values()
    if not 1 <= k <= len(xs):
        raise InvalidProblemError(f"value_misallocation_surplus(): k={k} not in 1..{len(xs)}")
    x = xs[k - 1]
    out = prior.auction(tie)
    total = _0
    for v, p in out.prior.items():
        w = _winner(out.allocation[v])
        if w is not None and v[w] == x:
            total += p * (max(v) - x)
    return total


def _phi_argmax(prior: ProductPrior, v: Profile) -> int:
    phis = [ironed_virtual_values(d) for d in prior.dists]
    return max(range(prior.n), key=lambda i: (phis[i][v[i]], v[i], -i))


def eq5_printed(prior: ProductPrior, i: int) -> Fraction:
    """Eq. (5) as printed: :math:`\\sum_{\\vec v: i = \\arg\\max_j \\varphi_j(v_j)} f(\\vec v)
    (\\max_j v_j - v_i)`, ties to the higher value — including profiles where the item is
    not sold."""
    return sum(
        (p * (max(v) - v[i]) for v, p in prior.joint().items() if _phi_argmax(prior, v) == i),
        _0,
    )


def eq6_printed(prior: ProductPrior, k: int) -> Fraction:
    """Eq. (6) as printed: :math:`\\sum_{\\vec v: x_k = \\max_j \\varphi_j(v_j)} f(\\vec v)
    (\\max_j v_j - x_k)` (the *virtual value* indexes the sum)."""
    x = prior.values()[k - 1]
    phis = [ironed_virtual_values(d) for d in prior.dists]
    return sum(
        (
            p * (max(v) - x)
            for v, p in prior.joint().items()
            if max(phis[i][v[i]] for i in range(prior.n)) == x
        ),
        _0,
    )


def opt_decomposition(prior: ProductPrior, tie: str = "max-surplus") -> Decomposition:
    """The decomposition of OPT, Eq. (4) (paper 001, §5).

    Examples
    --------
    >>> dec = opt_decomposition(ProductPrior([Discrete.uniform([1, 2, 3])] * 2))
    >>> dec.opt, dec.cs_no_signal, dec.cs0, dec.cs_i
    (Fraction(4, 9), Fraction(1, 3), Fraction(1, 9), (Fraction(0, 1), Fraction(0, 1)))
    """
    p = _intern(prior)
    key = ("decomposition", tie)
    if key not in p._cache:
        p._cache[key] = Decomposition(
            p.opt(),
            p.consumer_surplus(tie),
            non_allocation_surplus(p, tie),
            tuple(misallocation_surplus(p, i, tie) for i in range(p.n)),
            tuple(value_misallocation_surplus(p, k, tie) for k in range(1, p.K + 1)),
        )
    dec: Decomposition = p._cache[key]
    return dec
