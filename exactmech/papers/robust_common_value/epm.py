"""The exponential price mechanism (EPM) of paper 003 and its revenue guarantee (23).

Discrete EPM (§3, eqs. (6)–(7)), for ``I`` buyers, ``k`` demand levels and constants
``a > 0``, ``X > 0``: messages ``M_i = {0, 1, ..., k}`` (``m_i / k`` is a demand),

    q(0, m_-1) = 0,
    q(m_1 + 1, m_-1) - q(m_1, m_-1) = (1/|rank(m_1, m_-1)|) Σ_{j ∈ rank(m_1, m_-1)} 1/j · 1/k,   (6)
    P(m_1, m_-1) = X ((1 + 1/a)^{m_1} - 1),                                                    (7)

where ``rank(m_1, m_-1)`` is the set of ranks (from the top) that ``m_1`` occupies in the
profile (tied messages share their ranks). Continuous EPM (eq. (1)): demands ``z ∈ [0,1]^I``,
for ``z_1 >= ... >= z_I``, ``q_i(z) = Σ_{j=i}^{I-1} (z_j - z_{j+1})/j + z_I / I`` and
``P_i(z) = X (exp(z_i / A) - 1)``; the discrete EPM with ``a = A k`` tends to it.

Under the multipliers (17), ``α(j+1 | j) = a`` and 0 otherwise, the virtual revenue of a
profile with ``n`` boundary messages (``m_i = k``) is (eq. (22), (34))

    Rev_n(v) = (a v / k) Σ_{j=n+1}^{I} 1/j + n X ((1 + 1/a)^k - 1) - (I - n) X,

so the EPM guarantees (Proposition 1) ``Σ_v p(v) min_n Rev_n(v)``, and ``Π_I^*`` (23) is
its supremum over ``(k, a, X)``. At fixed ``(k, a)`` the objective is concave and piecewise
linear in ``X``; :func:`epm_best_X` maximises it exactly over the breakpoints. ``Rev_n`` is
the minimum exactly on ``[v(n-1), v(n)]`` with ``v(n) = (n+1) k X (1 + 1/a)^k / a`` (35).

Everything here is exact: ``a`` and ``X`` are rationals, so ``(1 + 1/a)^k`` is too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

import sympy

from exactmech.errors import InvalidProblemError
from exactmech.numbers import Q
from exactmech.papers.robust_common_value._common import (
    PriorLike,
    as_positive,
    as_prior,
    harmonic_tail,
)
from exactmech.papers.robust_common_value.mechanism import Profile, SymmetricMechanism

__all__ = [
    "boundary_count",
    "epm",
    "epm_allocation",
    "epm_best_X",
    "epm_breakpoints",
    "epm_class_revenue",
    "epm_continuous_allocation",
    "epm_continuous_best_response",
    "epm_continuous_payment",
    "epm_guarantee",
    "epm_payment",
    "interior_increment_sum",
    "local_multipliers",
    "posted_price_guarantee",
    "rank",
]

_0 = Fraction(0)
_1 = Fraction(1)


def _check_int(x: Any, name: str, func: str, low: int = 1) -> int:
    if isinstance(x, bool) or not isinstance(x, int) or x < low:
        raise InvalidProblemError(f"{func}(): {name}={x!r} must be an integer >= {low}")
    return x


def rank(profile: Sequence[Any], i: int = 0) -> frozenset[int]:
    """The set of ranks (from the top, 1-based) of ``profile[i]`` (paper 003, §3, after (6)).

    Tied messages share the ranks they occupy together.

    >>> sorted(rank((20, 10, 20, 40, 30))), sorted(rank((20, 10, 30, 40, 30)))
    ([3, 4], [4])
    """
    mine = profile[i]
    above = sum(1 for j, x in enumerate(profile) if j != i and x > mine)
    ties = sum(1 for j, x in enumerate(profile) if j != i and x == mine)
    return frozenset(range(above + 1, above + ties + 2))


def _rank_weight(ranks: Iterable[int]) -> Fraction:
    r = list(ranks)
    return sum((Fraction(1, j) for j in r), _0) / len(r)


def epm_allocation(own: int, others: Sequence[int], k: int) -> Fraction:
    """``q(m_1, m_-1)`` of the discrete EPM (paper 003, eq. (6)), exact.

    >>> epm_allocation(2, (0,), 2), epm_allocation(1, (1,), 2), epm_allocation(2, (2,), 2)
    (Fraction(7, 8), Fraction(1, 4), Fraction(1, 2))
    """
    total = _0
    for t in range(own):
        total += _rank_weight(rank((t, *others)))
    return total / k


def epm_payment(own: int, a: Any, X: Any) -> Fraction:
    """``P(m_1) = X((1 + 1/a)^{m_1} - 1)`` (paper 003, eq. (7)).

    >>> epm_payment(2, 1, "1/3")
    Fraction(1, 1)
    """
    aq = as_positive(a, "a", "epm_payment")
    xq = Q(X, "X", func="epm_payment")
    return xq * ((1 + 1 / aq) ** own - 1)


def epm(buyers: int, k: int, a: Any, X: Any) -> SymmetricMechanism:
    """The discrete exponential price mechanism (paper 003, §3, eqs. (6)–(7)).

    Parameters
    ----------
    buyers
        ``I >= 1``.
    k
        Demand levels besides the opt-out: messages ``0..k``.
    a, X
        Positive rationals.

    Examples
    --------
    >>> m = epm(2, 2, 1, "1/4")
    >>> m.q(2, (0,)), m.P(2, (0,)), m.total_allocation((2, 2))
    (Fraction(7, 8), Fraction(3, 4), Fraction(1, 1))
    >>> epm(2, 0, 1, 1)
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: epm(): k=0 must be an integer >= 1
    """
    func = "epm"
    _check_int(buyers, "buyers", func)
    _check_int(k, "k", func)
    aq = as_positive(a, "a", func)
    xq = as_positive(X, "X", func)
    r = 1 + 1 / aq

    def rule(own: int, others: Profile) -> tuple[Fraction, Fraction]:
        return epm_allocation(own, others, k), xq * (r**own - 1)

    return SymmetricMechanism(buyers, k + 1, rule)


def local_multipliers(k: int, a: Any) -> dict[tuple[int, int], Fraction]:
    """The multipliers of eq. (17): ``α(j+1 | j) = a`` for ``j < k``, all others 0.

    >>> local_multipliers(2, "1/2")
    {(0, 1): Fraction(1, 2), (1, 2): Fraction(1, 2)}
    """
    aq = as_positive(a, "a", "local_multipliers", strict=False)
    return {(j, j + 1): aq for j in range(_check_int(k, "k", "local_multipliers"))}


def boundary_count(m: Sequence[int], k: int) -> int:
    """``n`` such that ``m ∈ M(n)``: the number of boundary messages ``m_i = k`` (eq. (18))."""
    return sum(1 for x in m if x == k)


def interior_increment_sum(buyers: int, k: int, n: int) -> Fraction:
    """Right side of eq. (20): ``(1/k) Σ_{j=n+1}^{I} 1/j``, the summed allocation increments
    of the interior buyers at a profile with ``n`` boundary messages.

    >>> interior_increment_sum(2, 4, 0)
    Fraction(3, 8)
    """
    return harmonic_tail(n, buyers) / k


def epm_class_revenue(buyers: int, k: int, a: Any, X: Any, n: int, v: Any) -> Fraction:
    """``Rev_n(v)`` of paper 003, eqs. (22) and (34).

    >>> epm_class_revenue(1, 1, 1, "1/4", 0, 1), epm_class_revenue(1, 1, 1, "1/4", 1, 1)
    (Fraction(3, 4), Fraction(1, 4))
    """
    func = "epm_class_revenue"
    aq = as_positive(a, "a", func)
    xq = Q(X, "X", func=func)
    vq = Q(v, "v", func=func)
    if not 0 <= n <= buyers:
        raise InvalidProblemError(f"{func}(): n={n} must be in 0..{buyers}")
    growth = (1 + 1 / aq) ** k
    return aq * vq / k * harmonic_tail(n, buyers) + n * xq * (growth - 1) - (buyers - n) * xq


def _lines(buyers: int, k: int, a: Fraction) -> list[tuple[Fraction, Fraction]]:
    """``Rev_n(v) = c_n v + d_n X``: the pairs ``(c_n, d_n)`` for ``n = 0..I``."""
    growth = (1 + 1 / a) ** k
    return [(a / k * harmonic_tail(n, buyers), n * growth - buyers) for n in range(buyers + 1)]


def epm_guarantee(prior: PriorLike, buyers: int, k: int, a: Any, X: Any) -> Fraction:
    """The EPM's revenue guarantee ``Σ_v p(v) min_n Rev_n(v)`` (paper 003, (23), Prop. 1).

    Examples
    --------
    >>> epm_guarantee({Fraction(1, 2): "1/2", 1: "1/2"}, 1, 1, 1, "1/4")
    Fraction(1, 4)
    """
    func = "epm_guarantee"
    dist = as_prior(prior, func)
    _check_int(buyers, "buyers", func)
    _check_int(k, "k", func)
    aq = as_positive(a, "a", func)
    xq = Q(X, "X", func=func)
    lines = _lines(buyers, k, aq)
    return sum((p * min(c * v + d * xq for c, d in lines) for v, p in dist.items()), _0)


def epm_best_X(prior: PriorLike, buyers: int, k: int, a: Any) -> tuple[Fraction, Fraction]:
    """``max_{X >= 0}`` of (23) at fixed ``(k, a)``, exactly: ``(X*, guarantee)``.

    The objective is concave and piecewise linear in ``X``; it is maximised at a breakpoint
    ``X = (c_n - c_n') v / (d_n' - d_n)`` where two lines ``Rev_n``, ``Rev_n'`` cross at a
    support value ``v``. Every breakpoint is evaluated; the smallest maximiser is returned.

    Examples
    --------
    >>> epm_best_X({Fraction(1, 2): "1/2", 1: "1/2"}, 1, 1, 1)
    (Fraction(1, 4), Fraction(1, 4))
    """
    func = "epm_best_X"
    dist = as_prior(prior, func)
    _check_int(buyers, "buyers", func)
    _check_int(k, "k", func)
    aq = as_positive(a, "a", func)
    lines = _lines(buyers, k, aq)
    cands = {_0}
    for v in dist.support:
        for n, (c1, d1) in enumerate(lines):
            for c2, d2 in lines[n + 1 :]:
                if d2 != d1:
                    x = (c1 - c2) * v / (d2 - d1)
                    if x > 0:
                        cands.add(x)
    items = dist.items()

    def value(x: Fraction) -> Fraction:
        return sum((p * min(c * v + d * x for c, d in lines) for v, p in items), _0)

    best = max(sorted(cands), key=value)
    return best, value(best)


def epm_breakpoints(buyers: int, k: int, a: Any, X: Any) -> tuple[Fraction, ...]:
    """``v(n) = (n+1) k X (1 + 1/a)^k / a`` for ``n = 0..I-1`` (paper 003, eq. (35)).

    ``Rev_n(v(n)) = Rev_{n+1}(v(n))``, and for ``X > 0`` the minimum of ``Rev_0..Rev_I`` at
    ``v`` is ``Rev_n`` exactly when ``v ∈ [v(n-1), v(n)]`` (``v(-1) = 0``, ``v(I) = ∞``).

    >>> epm_breakpoints(2, 1, 1, "1/8")
    (Fraction(1, 4), Fraction(1, 2))
    """
    func = "epm_breakpoints"
    aq = as_positive(a, "a", func)
    xq = Q(X, "X", func=func)
    growth = (1 + 1 / aq) ** k
    return tuple((n + 1) * k * xq * growth / aq for n in range(buyers))


def epm_continuous_allocation(z: Sequence[Any]) -> tuple[Fraction, ...]:
    """``q_i(z)`` of the continuous EPM (paper 003, eq. (1)); demands ``z_i ∈ [0, 1]``.

    The lowest demand gets ``1/I`` of it; each higher one adds ``1/j`` of the gap to the
    next lower demand (``j`` = its rank); the total is ``max_i z_i``.

    >>> epm_continuous_allocation(["1/2", 1, 0])
    (Fraction(1, 4), Fraction(3, 4), Fraction(0, 1))
    """
    func = "epm_continuous_allocation"
    zs = [Q(x, f"z[{i}]", func=func) for i, x in enumerate(z)]
    for i, x in enumerate(zs):
        if not 0 <= x <= 1:
            raise InvalidProblemError(f"{func}(): z[{i}]={x} is outside [0, 1]")
    n = len(zs)
    order = sorted(range(n), key=lambda i: -zs[i])
    srt = [zs[i] for i in order] + [_0]
    q_sorted = [_0] * n
    acc = srt[n - 1] / n if n else _0
    q_sorted[n - 1] = acc
    for pos in range(n - 2, -1, -1):  # pos is 0-based, rank j = pos + 1
        acc += (srt[pos] - srt[pos + 1]) / (pos + 1)
        q_sorted[pos] = acc
    out = [_0] * n
    for pos, i in enumerate(order):
        out[i] = q_sorted[pos]
    return tuple(out)


def epm_continuous_payment(z: Any, A: Any, X: Any) -> sympy.Expr:
    """``P(z) = X (exp(z/A) - 1)`` (paper 003, eq. (1)), as an exact sympy number.

    >>> epm_continuous_payment(1, 1, 1)
    -1 + E
    """
    func = "epm_continuous_payment"
    zq, aq, xq = Q(z, "z", func=func), as_positive(A, "A", func), Q(X, "X", func=func)
    return sympy.Rational(xq.numerator, xq.denominator) * (
        sympy.exp(sympy.Rational(zq.numerator, zq.denominator) / _sym(aq)) - 1
    )


def _sym(x: Fraction) -> sympy.Rational:
    return sympy.Rational(x.numerator, x.denominator)


def epm_continuous_best_response(s: Any, A: Any, X: Any) -> tuple[sympy.Expr, sympy.Expr]:
    """One buyer's demand and payment in the continuous EPM (31) given ``E[v | s] = s``.

    Paper 003, §4.2.1: ``z = 0`` if ``s <= X/A``; ``z = 1`` if ``s >= X e^{1/A}/A``;
    otherwise ``s = X e^{z/A}/A``, i.e. ``z = A log(A s / X)``, and the payment is
    ``A s - X``.

    >>> epm_continuous_best_response("1/2", 1, "1/4")
    (log(2), 1/4)
    """
    func = "epm_continuous_best_response"
    sq, aq, xq = Q(s, "s", func=func), as_positive(A, "A", func), as_positive(X, "X", func)
    S, A_, X_ = _sym(sq), _sym(aq), _sym(xq)
    if S <= X_ / A_:
        return sympy.Integer(0), sympy.Integer(0)
    if sympy.exp(1 / A_) <= S * A_ / X_:
        return sympy.Integer(1), X_ * (sympy.exp(1 / A_) - 1)
    return A_ * sympy.log(A_ * S / X_), A_ * S - X_


def posted_price_guarantee(prior: PriorLike, price: Any) -> Fraction:
    """The worst-case revenue of a posted price over all information structures, exactly.

    Paper 003, footnote 3: the buyer may learn only whether his value lies in a low set
    whose conditional mean is at most the price (and then not buy). The worst case pools
    the largest mass with mean ``<= price``: all values ``<= price`` and then, cheapest
    first, values above it (a fractional knapsack); revenue is ``price × (1 - pooled mass)``.
    This equals the BCE LP (9) of the two-message mechanism (a property test).

    >>> posted_price_guarantee({0: "1/2", 1: "1/2"}, "1/4")
    Fraction(1, 12)
    """
    func = "posted_price_guarantee"
    dist = as_prior(prior, func)
    pq = as_positive(price, "price", func, strict=False)
    budget = sum(((pq - v) * p for v, p in dist.items() if v <= pq), _0)
    pooled = sum((p for v, p in dist.items() if v <= pq), _0)
    for v, p in dist.items():
        if v <= pq:
            continue
        cost = (v - pq) * p
        if cost <= budget:
            budget -= cost
            pooled += p
        else:
            pooled += budget / (v - pq)
            break
    return pq * (1 - pooled)
