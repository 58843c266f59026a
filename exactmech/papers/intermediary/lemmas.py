"""The lemmas and theorems of paper 001, §4–§5, as exact quantities and per-instance checks.

Notation (§4): :math:`p_i = \\Pr[V_i < r_i]`, :math:`P = \\prod_i p_i`,
:math:`Y_i = \\mathcal D_{i|<r_i}`, and :math:`Z_\\ell` the :math:`\\ell`-th largest of
independent draws :math:`Y_1, \\dots, Y_n` (:math:`Z_{n+1} := 0`, matching
:math:`v^\\circ = 0` for :math:`t = n`). When some :math:`p_i = 0`, :math:`P = 0` and every
bound that carries the factor :math:`P` is 0.

Each ``check_*`` function is **pure**: it takes a :class:`ProductPrior` and returns a
:class:`LemmaCheck` (whether the statement holds on that instance, both sides exactly, and
named details), so a sweep can call it on many priors; :func:`random_product_prior` makes a
prior from an integer seed, and :func:`check_seeded` combines the two.

Constants. Lemma 5's proof bounds :math:`\\sum_t w_t = 1 + H_{n-1}` by :math:`1 + \\ln n`,
which is false for every :math:`n \\ge 2` (:math:`H_{n-1} \\ge \\ln n`); the checks use the
proved constant :math:`1/(1 + H_{n-1})` and report the printed :math:`1/(1 + \\ln n)` version
separately (``details["printed_holds"]``, compared at 50 digits with mpmath). Lemma 7's
:math:`\\Omega(1)` is Lemma 6's :math:`1/5`.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import mpmath

from exactmech.dist import Discrete, is_regular
from exactmech.errors import InvalidProblemError
from exactmech.numbers import Q, fraction_str
from exactmech.papers.intermediary.model import ProductPrior
from exactmech.papers.intermediary.schemes import (
    algorithm4_weights,
    non_allocation_surplus,
    opt_decomposition,
    rank_consumer_surplus,
    s0_scheme,
    s0_squared_scheme,
    s1_buyer,
    s1_scheme,
    s2_scheme,
    s2_value,
    trunc_instance,
)

__all__ = [
    "LemmaCheck",
    "below_reserve_mass",
    "check_eq4",
    "check_lemma3",
    "check_lemma4",
    "check_lemma5",
    "check_lemma6",
    "check_lemma7",
    "check_seeded",
    "check_theorem3",
    "check_theorem7",
    "check_theorem8",
    "harmonic",
    "lemma3_bound",
    "lemma6_lhs",
    "lemma7_middle",
    "order_statistic_means",
    "poisson_binomial",
    "random_product_prior",
    "threshold_bernoullis",
]

_0 = Fraction(0)
_1 = Fraction(1)


@dataclass(frozen=True)
class LemmaCheck:
    """The outcome of checking one statement on one instance.

    Attributes
    ----------
    lemma, location, statement : str
        Which result, where in the paper, and what is checked.
    holds : bool
        Whether ``lhs >= rhs`` (``==`` for identities) on this instance.
    lhs, rhs : Fraction
        The two sides at the tightest place checked (smallest ``lhs - rhs``).
    details : dict
        Named exact values (per rank ``t``, per value index ``k``, the printed variants).
    """

    lemma: str
    location: str
    statement: str
    holds: bool
    lhs: Fraction
    rhs: Fraction
    details: dict[str, Any]

    @property
    def slack(self) -> Fraction:
        """``lhs - rhs``."""
        return self.lhs - self.rhs

    def to_json(self) -> dict[str, str]:
        """The check as strings, exact values as ``"a/b"`` (for a sweep's result store).

        >>> check_lemma6(["1/2"]).to_json()["slack"]
        '2/5'
        """
        out = {
            "lemma": self.lemma,
            "location": self.location,
            "statement": self.statement,
            "holds": str(self.holds),
            "lhs": fraction_str(self.lhs),
            "rhs": fraction_str(self.rhs),
            "slack": fraction_str(self.slack),
        }
        if "printed_holds" in self.details:
            out["printed_holds"] = str(self.details["printed_holds"])
        return out


def harmonic(n: int) -> Fraction:
    """:math:`H_n = \\sum_{t=1}^n 1/t` (:math:`H_0 = 0`).

    >>> harmonic(3)
    Fraction(11, 6)
    """
    return sum((Fraction(1, t) for t in range(1, n + 1)), _0)


# -- §4 quantities -----------------------------------------------------------------------


def below_reserve_mass(prior: ProductPrior) -> Fraction:
    """:math:`P = \\prod_i p_i` (paper 001, Lemma 4)."""
    out = _1
    for i in range(prior.n):
        out *= prior.below_reserve_probability(i)
    return out


def _below(prior: ProductPrior) -> list[Discrete] | None:
    if below_reserve_mass(prior) == 0:
        return None
    return [prior.below_reserve(i) for i in range(prior.n)]


def order_statistic_means(prior: ProductPrior) -> tuple[Fraction, ...] | None:
    """:math:`(\\mathbf E[Z_1], \\dots, \\mathbf E[Z_n])` (§4), or ``None`` when :math:`P = 0`.

    Examples
    --------
    Reserve 6, so :math:`Y_i` is uniform on {1, 2}:

    >>> order_statistic_means(ProductPrior([Discrete([1, 2, 6], ["1/4", "1/4", "1/2"])] * 2))
    (Fraction(7, 4), Fraction(5, 4))
    """
    ys = _below(prior)
    if ys is None:
        return None
    means = [_0] * prior.n
    for combo in itertools.product(*(y.items() for y in ys)):
        p = _1
        for _, q in combo:
            p *= q
        for ell, z in enumerate(sorted((v for v, _ in combo), reverse=True)):
            means[ell] += p * z
    return tuple(means)


def lemma3_bound(prior: ProductPrior, t: int) -> Fraction:
    """Lemma 3's lower bound :math:`P\\,(\\frac1t \\sum_{\\ell \\le t} \\mathbf E[Z_\\ell] -
    \\mathbf E[Z_{t+1}])` on :math:`\\mathrm{CS}(\\mathrm{RANK}_t)` (paper 001, §4).

    Examples
    --------
    >>> D = ProductPrior([Discrete([1, 2, 6], ["1/4", "1/4", "1/2"])] * 2)
    >>> lemma3_bound(D, 1), lemma3_bound(D, 2)  # P = 1/4; E[Z] = (7/4, 5/4)
    (Fraction(1, 8), Fraction(3, 8))
    """
    if not 1 <= t <= prior.n:
        raise InvalidProblemError(f"lemma3_bound(): t={t} not in 1..{prior.n}")
    ez = order_statistic_means(prior)
    if ez is None:
        return _0
    nxt = ez[t] if t < prior.n else _0
    return below_reserve_mass(prior) * (sum(ez[:t], _0) / t - nxt)


def poisson_binomial(ps: Sequence[Any]) -> tuple[Fraction, ...]:
    """The exact pmf of :math:`N = \\sum_i X_i`, :math:`X_i \\sim` Bernoulli(``ps[i]``), by DP.

    Examples
    --------
    >>> poisson_binomial(["1/2", "1/3"])
    (Fraction(1, 3), Fraction(1, 2), Fraction(1, 6))
    """
    pmf = [_1]
    for i, p in enumerate(ps):
        q = Q(p, f"ps[{i}]", func="poisson_binomial")
        if not 0 <= q <= 1:
            raise InvalidProblemError(f"poisson_binomial(): ps[{i}] not in [0, 1]")
        nxt = [_0] * (len(pmf) + 1)
        for k, m in enumerate(pmf):
            nxt[k] += m * (1 - q)
            nxt[k + 1] += m * q
        pmf = nxt
    return tuple(pmf)


def lemma6_lhs(ps: Sequence[Any], j: int) -> Fraction:
    """:math:`\\min(1, \\mathbf E[N]/j) - \\Pr[N \\ge j + 1]` (paper 001, Lemma 6).

    >>> lemma6_lhs(["1/2", "1/2"], 1)
    Fraction(3, 4)
    """
    if j < 1:
        raise InvalidProblemError(f"lemma6_lhs(): j={j} must be >= 1")
    pmf = poisson_binomial(ps)
    mean = sum((Q(p) for p in ps), _0)
    return min(_1, mean / j) - sum(pmf[j + 1 :], _0)


def threshold_bernoullis(prior: ProductPrior, k: int) -> tuple[Fraction, ...]:
    """:math:`\\Pr[Y_i \\ge x_k]` per buyer: Lemma 7's Bernoullis :math:`X_i` (``k`` 1-based).

    Raises
    ------
    InvalidProblemError
        If :math:`P = 0` (some :math:`Y_i` undefined) or ``k`` is out of range.
    """
    xs = prior.values()
    if not 1 <= k <= len(xs):
        raise InvalidProblemError(f"threshold_bernoullis(): k={k} not in 1..{len(xs)}")
    ys = _below(prior)
    if ys is None:
        raise InvalidProblemError("threshold_bernoullis(): P = 0, the Y_i are undefined")
    return tuple(y.survival(xs[k - 1]) for y in ys)


def lemma7_middle(prior: ProductPrior, t: int, k: int) -> tuple[Fraction, Fraction]:
    """The two sides of the middle inequality printed in the proof of Lemma 7:
    :math:`P\\,\\mathbf E[\\frac1t\\sum_{i \\le t} Z_i - Z_{t+1}]` and
    :math:`P\\,(x_k - x_{k-1})(\\min(1, \\mathbf E[G_k]/t) - \\Pr[G_k \\ge t+1])`."""
    xs = (_0, *prior.values())
    ps = threshold_bernoullis(prior, k)
    pmf = poisson_binomial(ps)
    mean = sum(ps, _0)
    big_p = below_reserve_mass(prior)
    rhs = big_p * (xs[k] - xs[k - 1]) * (min(_1, mean / t) - sum(pmf[t + 1 :], _0))
    return lemma3_bound(prior, t), rhs


# -- checks ---------------------------------------------------------------------------------


def _per_case_check(
    lemma: str,
    location: str,
    statement: str,
    pairs: dict[Any, tuple[Fraction, Fraction]],
    details: dict[str, Any],
) -> LemmaCheck:
    """``lhs >= rhs`` for every ``(lhs, rhs)`` of ``pairs``, reported at the tightest case."""
    lhs, rhs = min(pairs.values(), key=lambda lr: lr[0] - lr[1])
    holds = all(a >= b for a, b in pairs.values())
    return LemmaCheck(lemma, location, statement, holds, lhs, rhs, details)


def check_lemma3(prior: ProductPrior, *, tie: str = "max-surplus") -> LemmaCheck:
    """Lemma 3 (§4): :math:`\\mathrm{CS}(\\mathrm{RANK}_t) \\ge P(\\frac1t\\sum_{\\ell\\le t}
    \\mathbf E[Z_\\ell] - \\mathbf E[Z_{t+1}])` for every :math:`t`.

    ``details["per_t"][t] = (CS(RANK_t), bound)``. ``tie`` is the seller's tie rule (the
    lemma needs the chosen buyer to win the tie against :math:`v^\\circ`).

    Examples
    --------
    >>> check_lemma3(ProductPrior([Discrete.uniform([1, 2, 3, 4])] * 2)).holds
    True
    """
    per_t = {
        t: (rank_consumer_surplus(prior, t, tie), lemma3_bound(prior, t))
        for t in range(1, prior.n + 1)
    }
    return _per_case_check(
        "Lemma 3",
        "§4",
        "CS(RANK_t) >= P((1/t) sum_{l<=t} E[Z_l] - E[Z_{t+1}]) for all t",
        per_t,
        {"per_t": per_t, "tie": tie},
    )


def check_lemma4(prior: ProductPrior) -> LemmaCheck:
    """Lemma 4 (§5.1.1): :math:`\\mathrm{CS}_0 = P\\,\\mathbf E[Z_1]`, with :math:`\\mathrm{CS}_0`
    computed from Myerson's allocation (welfare lost on unsold profiles).

    >>> check_lemma4(ProductPrior([Discrete.uniform([1, 2, 3])] * 2)).lhs
    Fraction(1, 9)
    """
    cs0 = non_allocation_surplus(prior)
    ez = order_statistic_means(prior)
    value = _0 if ez is None else below_reserve_mass(prior) * ez[0]
    return LemmaCheck("Lemma 4", "§5.1.1", "CS_0 = P E[Z_1]", cs0 == value, cs0, value, {})


def _at_most_one_plus_ln(x: Fraction, n: int) -> bool:
    """Whether ``x <= 1 + ln n``, decided rigorously with mpmath interval arithmetic.

    ``ln n`` is irrational for ``n >= 2``, so it never equals the rational ``x``; the
    precision doubles (from 50 digits) until the two intervals separate.
    """
    if n == 1:
        return x <= 1
    iv = mpmath.iv
    saved = iv.dps
    try:
        iv.dps = 50
        while True:
            lhs = iv.mpf(x.numerator) / x.denominator
            rhs = 1 + iv.log(n)
            if lhs.b < rhs.a:
                return True
            if lhs.a > rhs.b:
                return False
            iv.dps *= 2
    finally:
        iv.dps = saved


def check_lemma5(prior: ProductPrior) -> LemmaCheck:
    """Lemma 5 and Corollary 1 (§5.1.1), with the proved constant.

    Checks :math:`\\sum_t w_t \\mathrm{CS}(\\mathrm{RANK}_t) \\ge P\\,\\mathbf E[Z_1] =
    \\mathrm{CS}_0`, hence :math:`\\mathrm{CS}(\\mathcal S_0) \\ge \\mathrm{CS}(\\mathcal S_0^2)
    \\ge \\mathrm{CS}_0/(1 + H_{n-1})`. ``details["printed_holds"]`` says whether the printed
    :math:`\\mathrm{CS}(\\mathcal S_0^2) \\ge \\mathrm{CS}_0/(1 + \\ln n)` holds too.

    >>> check_lemma5(ProductPrior([Discrete.uniform([1, 2, 3])] * 2)).holds
    True
    """
    w = algorithm4_weights(prior.n)
    cs_t = [rank_consumer_surplus(prior, t) for t in range(1, prior.n + 1)]
    numerator = sum((a * b for a, b in zip(w, cs_t)), _0)
    cs0 = non_allocation_surplus(prior)
    sq = s0_squared_scheme(prior).consumer_surplus()
    s0 = s0_scheme(prior).consumer_surplus()
    bound = cs0 / (1 + harmonic(prior.n - 1))
    printed = cs0 == 0 or (sq > 0 and _at_most_one_plus_ln(cs0 / sq, prior.n))
    ok = numerator >= cs0 and sq == numerator / sum(w, _0) and s0 >= sq >= bound
    return LemmaCheck(
        "Lemma 5",
        "§5.1.1",
        "CS(S_0) >= CS(S_0^2) >= CS_0 / (1 + H_{n-1})",
        ok,
        sq,
        bound,
        {"numerator": numerator, "cs0": cs0, "cs_s0": s0, "printed_holds": printed},
    )


def check_lemma6(ps: Sequence[Any]) -> LemmaCheck:
    """Lemma 6 (§5.1.2): some :math:`j \\in \\{1..n\\}` has :math:`\\min(1, \\mathbf E[N]/j) -
    \\Pr[N \\ge j+1] \\ge \\Pr[N \\ge 1]/5` (exact pmf by dynamic programming).

    >>> check_lemma6(["1/2"] * 7).holds
    True
    """
    pmf = poisson_binomial(ps)
    per_j = {j: lemma6_lhs(ps, j) for j in range(1, len(ps) + 1)}
    best = max(per_j, key=lambda j: per_j[j])
    rhs = (1 - pmf[0]) / 5
    return LemmaCheck(
        "Lemma 6",
        "§5.1.2",
        "max_j min(1, E[N]/j) - Pr[N >= j+1] >= Pr[N >= 1]/5",
        per_j[best] >= rhs,
        per_j[best],
        rhs,
        {"per_j": per_j, "best_j": best},
    )


def check_lemma7(prior: ProductPrior) -> LemmaCheck:
    """Lemma 7 (§5.1.2) with Lemma 6's constant: for every :math:`k`,
    :math:`\\max_t \\mathrm{CS}(\\mathrm{RANK}_t) \\ge \\frac15 P \\Pr[Z_1 \\ge x_k](x_k -
    x_{k-1})`. ``details["middle"][(t, k)]`` holds the two sides of the proof's middle
    inequality, which can fail (see the README's errata).
    """
    if below_reserve_mass(prior) == 0:
        return LemmaCheck("Lemma 7", "§5.1.2", "P = 0: trivial", True, _0, _0, {})
    xs = (_0, *prior.values())
    big_p = below_reserve_mass(prior)
    best_cs = max(rank_consumer_surplus(prior, t) for t in range(1, prior.n + 1))
    per_k = {}
    middle = {}
    for k in range(1, len(xs)):
        pmf = poisson_binomial(threshold_bernoullis(prior, k))
        per_k[k] = (best_cs, big_p * (1 - pmf[0]) * (xs[k] - xs[k - 1]) / 5)
        for t in range(1, prior.n + 1):
            middle[(t, k)] = lemma7_middle(prior, t, k)
    return _per_case_check(
        "Lemma 7",
        "§5.1.2",
        "max_t CS(RANK_t) >= (1/5) P Pr[Z_1 >= x_k] (x_k - x_{k-1})",
        per_k,
        {"per_k": per_k, "middle": middle},
    )


def check_eq4(prior: ProductPrior) -> LemmaCheck:
    """Eq. (4) (§5): :math:`\\mathrm{OPT} = \\mathrm{CS}(\\mathcal D) + \\mathrm{CS}_0 +
    \\sum_i \\mathrm{CS}_i = \\mathrm{CS}(\\mathcal D) + \\mathrm{CS}_0 + \\sum_k
    \\widehat{\\mathrm{CS}}_k` (for i.i.d. buyers also :math:`= \\mathrm{CS}(\\mathcal D) +
    \\mathrm{CS}_0` when the distribution is regular)."""
    dec = opt_decomposition(prior)
    a = dec.cs_no_signal + dec.cs0 + sum(dec.cs_i, _0)
    b = dec.cs_no_signal + dec.cs0 + sum(dec.cs_hat, _0)
    return LemmaCheck(
        "Eq. (4)",
        "§5",
        "OPT = CS(D) + CS_0 + sum_i CS_i = CS(D) + CS_0 + sum_k CS^_k",
        dec.opt == a == b,
        dec.opt,
        a,
        {"decomposition": dec},
    )


def _trunc_cs0_sum(
    prior: ProductPrior,
    *,
    buyer: int | None = None,
    cutoff: Fraction | None = None,
    floor_at_cutoff: bool = False,
) -> Fraction:
    """:math:`\\sum \\Pr(T, a)\\,\\mathrm{CS}_0(\\mathcal D_{T,a})` over TRUNC's :math:`(T, a)`.

    ``buyer=i``: :math:`c = a = v_i` (Theorem 7); ``cutoff=x``: :math:`c = x` and :math:`a`
    the largest value :math:`\\le x` (0 if none), or :math:`a = x` with ``floor_at_cutoff``
    (the sum printed in the proof of Theorem 8).
    """
    groups: dict[tuple[Fraction, Fraction, tuple[int, ...]], Fraction] = {}
    for v, p in prior.joint().items():
        if buyer is not None:
            c = a = v[buyer]
        else:
            assert cutoff is not None
            c = cutoff
            a = c if floor_at_cutoff else max((y for y in v if y <= c), default=_0)
        top = tuple(j for j in range(prior.n) if v[j] > a)
        if top:
            groups[(c, a, top)] = groups.get((c, a, top), _0) + p
    return sum(
        (
            p * non_allocation_surplus(trunc_instance(prior, c, a, top))
            for (c, a, top), p in groups.items()
        ),
        _0,
    )


def check_theorem7(prior: ProductPrior) -> LemmaCheck:
    """Theorem 7 (§5.2): :math:`\\mathrm{CS}_i \\le \\sum_{T,a}\\Pr(T,a)\\,\\mathrm{CS}_0(\\mathcal
    D_{T,a})` for every buyer :math:`i` (TRUNC with :math:`c = v_i`), and
    :math:`\\mathrm{CS}(\\mathcal S_1) \\ge \\mathrm{CS}_{i^*}/(1 + H_{n-1})`. Regular priors
    (the paper's assumption)."""
    dec = opt_decomposition(prior)
    per_i = {i: (_trunc_cs0_sum(prior, buyer=i), dec.cs_i[i]) for i in range(prior.n)}
    cs_s1 = s1_scheme(prior).consumer_surplus()
    star = dec.cs_i[s1_buyer(prior)]
    bound = star / (1 + harmonic(prior.n - 1))
    ok = all(a >= b for a, b in per_i.values()) and cs_s1 >= bound
    return LemmaCheck(
        "Theorem 7",
        "§5.2",
        "CS(S_1) >= CS_{i*}/(1 + H_{n-1}); CS_i <= sum Pr(T,a) CS_0(D_{T,a})",
        ok,
        cs_s1,
        bound,
        {
            "per_i": per_i,
            "printed_holds": star == 0
            or (cs_s1 > 0 and _at_most_one_plus_ln(star / cs_s1, prior.n)),
        },
    )


def check_theorem8(prior: ProductPrior) -> LemmaCheck:
    """Theorem 8 (§5.2): :math:`\\widehat{\\mathrm{CS}}_k \\le \\sum_T \\Pr(T)\\,\\mathrm{CS}_0(
    \\mathcal D_{T,x_k})` (as printed: threshold :math:`x_k`) and :math:`\\le` the same sum
    over TRUNC's actual :math:`(T, a)`; and :math:`\\mathrm{CS}(\\mathcal S_2) \\ge
    \\widehat{\\mathrm{CS}}_{k^*}/(1 + H_{n-1})` (Corollary 1 inside TRUNC)."""
    dec = opt_decomposition(prior)
    xs = prior.values()
    per_k = {}
    for k, x in enumerate(xs, start=1):
        printed = _trunc_cs0_sum(prior, cutoff=x, floor_at_cutoff=True)
        actual = _trunc_cs0_sum(prior, cutoff=x)
        per_k[k] = (min(printed, actual), dec.cs_hat[k - 1])
    cs_s2 = s2_scheme(prior).consumer_surplus()
    star = dec.cs_hat[xs.index(s2_value(prior))]
    bound = star / (1 + harmonic(prior.n - 1))
    ok = all(a >= b for a, b in per_k.values()) and cs_s2 >= bound
    return LemmaCheck(
        "Theorem 8",
        "§5.2",
        "CS(S_2) >= CS^_{k*}/(1 + H_{n-1}); CS^_k <= sum Pr(T) CS_0(D_T)",
        ok,
        cs_s2,
        bound,
        {"per_k": per_k},
    )


def check_theorem3(prior: ProductPrior) -> LemmaCheck:
    """Theorem 3 with explicit constants (§5). i.i.d.: :math:`\\max(\\mathrm{CS}(\\mathcal D),
    \\mathrm{CS}(\\mathcal S_0)) \\ge \\mathrm{OPT}/(2 + H_{n-1})`; otherwise
    :math:`\\max(\\mathrm{CS}(\\mathcal D), \\mathrm{CS}(\\mathcal S_0), \\mathrm{CS}(\\mathcal
    S_1)) \\ge \\mathrm{OPT}/(1 + (n + 1)(1 + H_{n-1}))` (Eq. (4), Corollary 1, Theorem 7)."""
    h = 1 + harmonic(prior.n - 1)
    best = max(prior.consumer_surplus(), s0_scheme(prior).consumer_surplus())
    if prior.is_iid():
        theta = 1 + h
    else:
        best = max(best, s1_scheme(prior).consumer_surplus())
        theta = 1 + (prior.n + 1) * h
    return LemmaCheck(
        "Theorem 3",
        "§1.1, §5",
        "best of the paper's schemes >= OPT / theta",
        best >= prior.opt() / theta,
        best,
        prior.opt() / theta,
        {"theta": theta},
    )


# -- random instances ---------------------------------------------------------------------------


def random_product_prior(
    seed: int,
    *,
    buyers: int = 3,
    support: int = 3,
    max_value: int = 6,
    max_weight: int = 6,
    iid: bool = False,
    regular: bool | None = None,
) -> ProductPrior:
    """A random product prior from an integer seed (pure: same seed, same prior).

    Each buyer has ``1..support`` distinct integer values in ``1..max_value`` with integer
    weights ``1..max_weight``; ``regular=True`` redraws a buyer until eq. (1) is monotone
    (at most 1000 draws, then a point mass), ``regular=False`` until it is not.

    Examples
    --------
    >>> random_product_prior(7) == random_product_prior(7)
    True
    """
    if buyers < 1 or support < 1 or max_value < support or max_weight < 1:
        raise InvalidProblemError(
            "random_product_prior(): need buyers, support, max_weight >= 1 and max_value >= support"
        )
    rng = random.Random(seed)

    def draw() -> Discrete:
        for _ in range(1000):
            k = rng.randint(1, support)
            vals = sorted(rng.sample(range(1, max_value + 1), k))
            d = Discrete.from_weights(vals, [rng.randint(1, max_weight) for _ in vals])
            if regular is None or is_regular(d) == regular:
                return d
        return Discrete.point(1)

    if iid:
        return ProductPrior.iid(draw(), buyers)
    return ProductPrior([draw() for _ in range(buyers)])


_CHECKS: dict[str, Callable[[ProductPrior], LemmaCheck]] = {
    "lemma3": check_lemma3,
    "lemma4": check_lemma4,
    "lemma5": check_lemma5,
    "lemma6": lambda prior: _lemma6_on_prior(prior),
    "lemma7": check_lemma7,
    "eq4": check_eq4,
    "theorem3": check_theorem3,
    "theorem7": check_theorem7,
    "theorem8": check_theorem8,
}


def _lemma6_on_prior(prior: ProductPrior) -> LemmaCheck:
    """Lemma 6 on the Bernoullis :math:`1\\{Y_i \\ge x_k\\}` of a prior, for every ``k``."""
    if below_reserve_mass(prior) == 0:
        return LemmaCheck("Lemma 6", "§5.1.2", "P = 0: no Bernoullis", True, _0, _0, {})
    checks = {k: check_lemma6(threshold_bernoullis(prior, k)) for k in range(1, prior.K + 1)}
    worst = min(checks.values(), key=lambda c: c.slack)
    return LemmaCheck(
        "Lemma 6",
        "§5.1.2",
        worst.statement,
        all(c.holds for c in checks.values()),
        worst.lhs,
        worst.rhs,
        {"per_k": {k: (c.lhs, c.rhs) for k, c in checks.items()}},
    )


def check_seeded(name: str, seed: int, **prior_options: Any) -> LemmaCheck:
    """Run check ``name`` on :func:`random_product_prior` ``(seed, **prior_options)``.

    ``name`` is one of ``lemma3, lemma4, lemma5, lemma6, lemma7, eq4, theorem3, theorem7,
    theorem8``.

    Examples
    --------
    >>> check_seeded("lemma4", 1, buyers=2).holds
    True
    """
    if name not in _CHECKS:
        raise InvalidProblemError(
            f"check_seeded(): name={name!r}; expected one of {', '.join(sorted(_CHECKS))}"
        )
    return _CHECKS[name](random_product_prior(seed, **prior_options))
