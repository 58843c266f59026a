"""The first-price auction's minimum revenue over all information structures, with a reserve.

Paper 003, Figures 1 and 2 compare the EPM with "the first price auction with the reserve
price chosen to maximize the revenue guarantee (Bergemann, Brooks and Morris, 2016)". The
paper does not state the formula; this module derives the one it implements.

**Setting.** ``N`` bidders, common value ``v`` with quantile function ``v(y)``,
``y ∈ [0, 1]``, and ``V(x) = ∫_0^x v(y) dy``. First-price auction with reserve ``r``: the
highest bid ``>= r`` wins and pays its bid.

**Lower bound (any BCE).** Let ``W`` be the winning bid (``W < r``: no sale). For a bid
``b' >= r``, add up the obedience constraints "recommended ``b < b'``, deviate to ``b'``"
over all bidders. In states with ``W < b'`` all ``N`` bidders bid below ``b'`` and each
would win at ``b'``, earning ``v - b'``; the winner's equilibrium payoff is ``v - W``, the
others' 0. In states with ``W >= b'`` the deviators lose. So every BCE satisfies

    E[(v - W) 1{r <= W < b'}] >= N E[(v - b') 1{W < b'}]      for all b' >= r.     (★)

Minimising revenue ``E[W 1{W >= r}]`` subject to (★) alone is a relaxation. Its solution
puts the lowest values in the no-sale region, as much as (★) at ``b' = r`` allows
(``E[v | no sale] = r``, i.e. quantile ``x_0`` with ``V(x_0) = r x_0``), and above ``x_0`` a
winning bid ``β(x)`` increasing in the value's quantile with every (★) binding:

    N x β(x) - ∫_{x_0}^x β = (N - 1) V(x) + V(x_0),

whose solution gives (``B(x) = ∫_{x_0}^x β``, ``(B x^{-1/N})' = C(x) x^{-1/N-1}/N``)

    R(r) = (1/N) ∫_{x_0}^1 ((N - 1) V(y) + V(x_0)) y^{-1/N-1} dy.

In the value variable ``u`` (``y = F(u)``, ``V(F(u)) = G(u) = ∫_0^u v ρ``) this is

    R = ((N - 1)/N) ∫_{u_0}^1 G(u) F(u)^{-1/N-1} ρ(u) du + G(u_0) (F(u_0)^{-1/N} - 1),

with ``G(u_0) = r F(u_0)``. The seller's best reserve solves ``dR/du_0 = 0``, i.e.
``u_0 F(u_0) (1 - F(u_0)^{1/N}) = G(u_0)``. Bergemann, Brooks and Morris (2017) show that
the relaxed bound is attained (by an information structure in which bidders are uncertain
whether they win and all upward constraints bind); we cross-check it against the exact BCE
LP (9) of the auction on a bid grid (tests). Checks: ``N = 1`` gives the posted-price
guarantee ``r (1 - x_0)`` of footnote 3 exactly; the uniform prior gives the rational
``R = (N-1)(1 - 2^{1-2N})/(2(2N-1)) + 2^{-2N-1}`` at the optimal reserve ``2^{-N-1}``
(17/96 for ``N = 2``, Figure 2's 0.177); as ``N → ∞`` it tends to 1/4, not the full
surplus 1/2 (§1).
"""

from __future__ import annotations

import itertools
from collections import Counter
from fractions import Fraction
from typing import Any

import mpmath
import sympy

from exactmech.errors import InvalidProblemError
from exactmech.numbers import Q
from exactmech.papers.robust_common_value._common import PriorLike, as_prior
from exactmech.papers.robust_common_value._numerics import root_1d
from exactmech.papers.robust_common_value.density import Density
from exactmech.papers.robust_common_value.limits import WORK_DPS, LimitValue
from exactmech.papers.robust_common_value.mechanism import Profile, SymmetricMechanism

__all__ = [
    "first_price_auction",
    "fpa_min_revenue",
    "fpa_optimal_reserve",
    "fpa_power_cdf_closed_form",
    "fpa_uniform_exact",
    "pooled_quantile",
    "posted_price_guarantee_density",
]

_0 = Fraction(0)


def _buyers(n: Any, func: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise InvalidProblemError(f"{func}(): buyers={n!r} must be an integer >= 1")
    return n


def first_price_auction(buyers: int, bids: Any) -> SymmetricMechanism:
    """The first-price auction on a bid grid as a finite symmetric mechanism (paper 003, §2).

    Message 0 is "no bid" (the opt-out); message ``j >= 1`` bids ``bids[j-1]`` (increasing;
    the lowest is the reserve). The highest bid wins, ties split equally, the winner pays
    the bid.

    >>> fpa = first_price_auction(2, ["1/4", "1/2"])
    >>> fpa.q(2, (2,)), fpa.P(2, (1,)), fpa.q(1, (2,))
    (Fraction(1, 2), Fraction(1, 2), Fraction(0, 1))
    """
    func = "first_price_auction"
    n = _buyers(buyers, func)
    grid = [Q(b, f"bids[{i}]", func=func) for i, b in enumerate(bids)]
    if not grid or any(b < 0 for b in grid) or any(x >= y for x, y in itertools.pairwise(grid)):
        raise InvalidProblemError(f"{func}(): bids must be non-empty, >= 0 and increasing")

    def rule(own: int, others: Profile) -> tuple[Fraction, Fraction]:
        if own == 0 or (others and max(others) > own):
            return _0, _0
        share = Fraction(1, 1 + Counter(others)[own])
        return share, share * grid[own - 1]

    return SymmetricMechanism(n, len(grid) + 1, rule)


def pooled_quantile(prior: PriorLike, reserve: Any) -> Fraction:
    """``x_0``: the largest mass of lowest values with conditional mean ``<= r`` (exact).

    >>> pooled_quantile({0: "1/2", 1: "1/2"}, "1/4")
    Fraction(2, 3)
    """
    dist = as_prior(prior, "pooled_quantile")
    r = Q(reserve, "reserve", func="pooled_quantile")
    budget, mass = _0, _0
    for v, p in dist.items():
        if budget + (r - v) * p >= 0:
            budget += (r - v) * p
            mass += p
        else:
            return mass + budget / (v - r)
    return mass


def _discrete_revenue(prior: PriorLike, n: int, r: Fraction) -> Any:
    dist = as_prior(prior, "fpa_min_revenue")
    x0 = pooled_quantile(dist, r)
    if x0 >= 1:
        return mpmath.mpf(0)
    vx0 = r * x0
    if n == 1:  # R = V(x0)(1/x0 - 1) = r(1 - x0)
        exact = r * (1 - x0)
        return mpmath.mpf(exact.numerator) / exact.denominator
    # V(y) is linear on each quantile interval: V(y) = V(c) + v (y - c).
    e = mpmath.mpf(1) / n
    total = mpmath.mpf(0)
    c, Vc = _0, _0
    for v, p in dist.items():
        lo, hi = c, c + p
        Vlo = Vc
        c, Vc = hi, Vc + v * p
        if hi <= x0:
            continue
        a = max(lo, x0)
        alpha = Vlo - v * lo  # V(y) = alpha + v y on [lo, hi]
        am, hm = mpmath.mpf(a.numerator) / a.denominator, mpmath.mpf(hi.numerator) / hi.denominator
        al = mpmath.mpf(alpha.numerator) / alpha.denominator
        vm = mpmath.mpf(v.numerator) / v.denominator
        # ∫ ((N-1)(alpha + v y) + V(x0)) y^{-1/N-1} dy
        const = (n - 1) * al + mpmath.mpf(vx0.numerator) / vx0.denominator
        if a > 0:  # on [0, hi] the constant is (N-1)V(0) + V(0) = 0
            total += const * (am ** (-e) - hm ** (-e)) * n
        total += (n - 1) * vm * (hm ** (1 - e) - am ** (1 - e)) / (1 - e)
    return total / n


def _density_revenue_u0(rho: Density, n: int, u0: Any) -> Any:
    F, G, pdf = rho.mp_function("cdf"), rho.mp_function("partial_mean"), rho.mp_function("pdf")
    x0 = F(u0)
    head = mpmath.mpf(0) if x0 <= 0 else G(u0) * (x0 ** (-mpmath.mpf(1) / n) - 1)
    if n == 1:
        return head
    cuts = [u0] + [mpmath.mpf(hi.numerator) / hi.denominator for _, hi, _ in rho.pieces if hi > 0]
    cuts = sorted({c for c in cuts if c >= u0})
    integral = mpmath.quad(lambda u: G(u) * F(u) ** (-mpmath.mpf(1) / n - 1) * pdf(u), cuts)
    return mpmath.mpf(n - 1) / n * integral + head


def fpa_min_revenue(prior: PriorLike | Density, buyers: int, reserve: Any) -> Any:
    """Minimum revenue of the first-price auction with reserve ``r`` over all information
    structures and equilibria (formula derived in the module docstring), as an mpmath
    number at :data:`~exactmech.papers.robust_common_value.limits.WORK_DPS` digits.

    ``prior`` is a discrete prior (continuous bids) or a :class:`Density`.

    >>> mpmath.nstr(fpa_min_revenue({0: "1/2", 1: "1/2"}, 1, "1/4"), 10)
    '0.08333333333'
    """
    func = "fpa_min_revenue"
    n = _buyers(buyers, func)
    r = Q(reserve, "reserve", func=func)
    if r < 0:
        raise InvalidProblemError(f"{func}(): reserve={r} must be >= 0")
    with mpmath.workdps(WORK_DPS):
        if not isinstance(prior, Density):
            return +_discrete_revenue(prior, n, r)
        if prior.mean <= r:
            return mpmath.mpf(0)
        F, G = prior.mp_function("cdf"), prior.mp_function("partial_mean")
        rm = mpmath.mpf(r.numerator) / r.denominator
        u0 = mpmath.mpf(0) if r == 0 else root_1d(lambda u: G(u) - rm * F(u), rm, mpmath.mpf(1))
        return +_density_revenue_u0(prior, n, u0)


def fpa_optimal_reserve(rho: Density, buyers: int) -> LimitValue:
    """The first-price auction's revenue guarantee at the best reserve (Figures 1 and 2).

    Solves ``u_0 F(u_0)(1 - F(u_0)^{1/N}) = G(u_0)`` (every sign change on a grid is a
    candidate; the best one, or no reserve, wins). Parameters: ``reserve`` (``G(u_0)/F(u_0)``)
    and ``u0``.

    >>> from exactmech.papers.robust_common_value import uniform_density
    >>> r = fpa_optimal_reserve(uniform_density(), 2)
    >>> mpmath.nstr(r.value, 15), mpmath.nstr(r.params["reserve"], 15)
    ('0.177083333333333', '0.125')
    """
    func = "fpa_optimal_reserve"
    n = _buyers(buyers, func)
    if not isinstance(rho, Density):
        raise InvalidProblemError(f"{func}(): expected a Density, got {rho!r}")
    with mpmath.workdps(WORK_DPS):
        F, G = rho.mp_function("cdf"), rho.mp_function("partial_mean")

        def foc(u: Any) -> Any:
            x = F(u)
            return u * x * (1 - x ** (mpmath.mpf(1) / n)) - G(u)

        grid = [mpmath.mpf(i) / 64 for i in range(1, 64)]
        cands = [mpmath.mpf(0)]
        vals = [foc(u) for u in grid]
        for (a, fa), (b, fb) in zip(zip(grid, vals), zip(grid[1:], vals[1:])):
            if fa == 0:
                cands.append(a)
            elif (fa > 0) != (fb > 0):
                cands.append(root_1d(foc, a, b))
        best = max(cands, key=lambda u: _density_revenue_u0(rho, n, u))
        x0 = F(best)
        reserve = G(best) / x0 if x0 > 0 else mpmath.mpf(0)
        return LimitValue(+_density_revenue_u0(rho, n, best), {"reserve": reserve, "u0": best})


def fpa_power_cdf_closed_form(m: int, buyers: int) -> sympy.Expr:
    """Closed form of the first-price auction's guarantee at the best reserve when
    ``F(u) = u^m`` (uniform: ``m = 1``; Figure 2's CDF ``v²``: ``m = 2``; Beta(8, 1): ``m = 8``).

    ``G(u) = m u^{m+1}/(m+1)``; the first-order condition gives ``u_0^{m/N} = 1/(m+1)``, and
    ``R = (N-1) m² (1 - u_0^{m - m/N + 1}) / (N (m+1)(m - m/N + 1)) + G(u_0)(u_0^{-m/N} - 1)``.

    >>> fpa_power_cdf_closed_form(2, 2)
    28/81
    """
    if not isinstance(m, int) or m < 1:
        raise InvalidProblemError(f"fpa_power_cdf_closed_form(): m={m!r} must be an integer >= 1")
    n = _buyers(buyers, "fpa_power_cdf_closed_form")
    M, N = sympy.Integer(m), sympy.Integer(n)
    u0 = (M + 1) ** (-N / M)
    e = M - M / N + 1
    G0 = M * u0 ** (M + 1) / (M + 1)
    value = (N - 1) * M**2 * (1 - u0**e) / (N * (M + 1) * e) + G0 * (u0 ** (-M / N) - 1)
    return sympy.nsimplify(sympy.simplify(value)) if value.is_Rational else sympy.simplify(value)


def fpa_uniform_exact(buyers: int) -> Fraction:
    """The exact guarantee of the first-price auction with the best reserve, uniform prior:
    ``(N-1)(1 - 2^{1-2N})/(2(2N-1)) + 2^{-2N-1}`` (reserve ``2^{-N-1}``), derived from the
    module's formula with ``F(u) = u``, ``G(u) = u²/2`` and computed here with sympy.

    >>> fpa_uniform_exact(1), fpa_uniform_exact(2)
    (Fraction(1, 8), Fraction(17, 96))
    """
    n = _buyers(buyers, "fpa_uniform_exact")
    u = sympy.Symbol("u", positive=True)
    N = sympy.Integer(n)
    # first-order condition u F (1 - F^{1/N}) = G with F = u, G = u²/2:  u^{1/N} = 1/2
    u0 = sympy.Rational(1, 2**n)
    integral = sympy.integrate(u**2 / 2 * u ** (-1 / N - 1), (u, u0, 1))
    value = (N - 1) / N * integral + u0**2 / 2 * (u0 ** (-1 / N) - 1)
    value = sympy.nsimplify(sympy.simplify(value))
    if not value.is_Rational:  # pragma: no cover - the derivation says it is
        raise ArithmeticError(f"fpa_uniform_exact(): {value} is not rational")
    return Fraction(int(value.p), int(value.q))


def posted_price_guarantee_density(rho: Density, price: Any) -> sympy.Expr:
    """The worst-case revenue of a posted price under a density, exactly (paper 003, fn. 3).

    The buyer learns only whether ``v < u_0`` where ``E[v | v < u_0] = p`` (then he does not
    buy); revenue ``p (1 - F(u_0))``. ``u_0`` is the root of the polynomial ``G(u) - p F(u)``
    in ``[p, 1]`` (an exact algebraic number). ``price`` may be a sympy symbol when the
    root can be solved for in closed form (e.g. the uniform prior: ``p(1 - 2p)``).

    >>> p = sympy.Symbol("p", positive=True)
    >>> from exactmech.papers.robust_common_value import uniform_density
    >>> sympy.factor(posted_price_guarantee_density(uniform_density(), p))
    -p*(2*p - 1)
    >>> posted_price_guarantee_density(uniform_density(), sympy.Rational(1, 4))
    1/8
    """
    func = "posted_price_guarantee_density"
    if not isinstance(rho, Density):
        raise InvalidProblemError(f"{func}(): expected a Density, got {rho!r}")
    p = sympy.sympify(price)
    if not p.is_number and len(rho.pieces) > 1:
        raise NotImplementedError(f"{func}(): a symbolic price needs a one-piece density")
    u = sympy.Symbol("u", positive=True)
    for lo, hi, _ in rho.pieces:
        _, _, cF, oF = next(x for x in rho._F if x[1] == hi)
        _, _, cG, oG = next(x for x in rho._G if x[1] == hi)

        def poly(c: tuple[Fraction, ...], off: Fraction) -> sympy.Expr:
            return sum(
                (sympy.Rational(x.numerator, x.denominator) * u**i for i, x in enumerate(c)),
                sympy.Rational(off.numerator, off.denominator),
            )

        Fu, Gu = poly(cF, oF), poly(cG, oG)
        lo_s, hi_s = (
            sympy.Rational(lo.numerator, lo.denominator),
            sympy.Rational(hi.numerator, hi.denominator),
        )
        eq = sympy.expand(Gu - p * Fu)
        if p.is_number:
            roots = [r for r in sympy.Poly(eq, u).real_roots() if lo_s <= r <= hi_s and r >= p]
        else:
            roots = [r for r in sympy.solve(eq, u) if r != 0]
        if roots:
            u0 = min(roots, key=lambda r: sympy.N(r, 30)) if p.is_number else roots[0]
            return sympy.simplify(p * (1 - Fu.subs(u, u0)))
    return sympy.Integer(0)
