"""Fixed-price mechanisms without signaling (paper 002, §3), from the model and as printed.

Model (§2.2, "Fixed-price Mechanism"): the seller posts one price ``p``; the item is sold
(revenue ``p``) iff at least one buyer is willing to buy. There is **one** item with **one**
quality ``q``, seen (ex post) by every buyer alike.

* Ex-post IR buyers (Definition 2.1) buy iff ``v_i(q) >= p`` for the realized ``q``, so the
  model's revenue is ``p · Pr[max_i v_i(q) >= p]`` (:func:`expost_revenue`).
  Proposition 3.1 prints ``Rev_fix(p) = [1 - prod_i G(v_i^{-1}(p))] · p``
  (:func:`expost_revenue_printed`): the product is the probability that *all* buyers refuse
  only if the buyers' events were independent, which they are not (they share ``q``).
  The correct probability is ``min_i G(v_i^{-1}(p)) = G(v_min^{-1}(p))``.
* Ex-interim IR buyers (Definition 2.2) buy iff ``E[v_i(q)] >= p``; the revenue is
  ``p · 1{p <= max_i E v_i}`` (:func:`interim_revenue`), as Proposition 3.2 prints
  (:func:`interim_revenue_printed`).

Every function takes a :class:`~exactmech.papers.fixed_price_signaling.model.DiscreteInstance`
(``Fraction`` results) or a
:class:`~exactmech.papers.fixed_price_signaling.model.ContinuousInstance` (exact sympy
results, ``Fraction`` when rational).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from exactmech.errors import FloatInputError, ModelError
from exactmech.numbers import Q
from exactmech.papers.fixed_price_signaling.model import (
    ContinuousInstance,
    DiscreteInstance,
    Instance,
    exact,
)

__all__ = [
    "PriceOptimum",
    "expost_revenue",
    "expost_revenue_printed",
    "interim_revenue",
    "interim_revenue_printed",
    "maximize_on_interval",
    "optimal_expost_fixed_price",
    "optimal_expost_fixed_price_printed",
    "optimal_interim_fixed_price",
    "optimal_interim_fixed_price_printed",
    "prob_some_buyer_above",
]

_0 = Fraction(0)
_1 = Fraction(1)
P = sympy.Symbol("p", nonnegative=True)


@dataclass(frozen=True)
class PriceOptimum:
    """The best fixed price and its revenue.

    Attributes
    ----------
    price
        The smallest maximizing price (``Fraction``, or an exact sympy number).
    revenue
        The optimal revenue.
    maximizers
        Every maximizing candidate price examined, ascending.
    """

    price: Any
    revenue: Any
    maximizers: tuple[Any, ...]


def _sym(x: Any) -> Any:
    if isinstance(x, Fraction):
        return sympy.Rational(x.numerator, x.denominator)
    return sympy.sympify(x)


def _cprice(inst: ContinuousInstance, p: Any, func: str) -> Any:
    if isinstance(p, float):
        Q(p, "p", func=func)  # raises FloatInputError with the usual hint
    pp = _sym(p) if not isinstance(p, str) else _sym(Q(p, "p", func=func))
    if getattr(pp, "is_Float", False):
        raise FloatInputError(f"{func}(): p={p!r} is a sympy Float; pass a Rational or a string")
    top = _sym(inst.value_bound())
    if bool(pp < 0) or bool(pp > top):
        raise ModelError(f"{func}(): price p={pp} is outside the value range [0, {top}]")
    return pp


# -- revenue at a given price ------------------------------------------------------------------
def prob_some_buyer_above(inst: Instance, p: Any) -> Any:
    """``Pr[exists i : v_i(q) >= p]``: the probability that some ex-post buyer wants the item.

    Computed from the definition: the set of qualities where some buyer's value reaches
    ``p`` (an enumeration of the levels, or sympy's ``solveset`` of ``v_i(q) >= p`` on the
    interval), measured under the prior.

    Examples
    --------
    >>> inst = DiscreteInstance([[1, 2, 3], [1, 2, 3]], ["1/3"] * 3)
    >>> prob_some_buyer_above(inst, 2)
    Fraction(2, 3)
    """
    func = "prob_some_buyer_above"
    if isinstance(inst, DiscreteInstance):
        price = inst.check_price(p, func)
        return sum(
            (g for k, g in enumerate(inst.probs) if any(r[k] >= price for r in inst.values)),
            _0,
        )
    pp = _cprice(inst, p, func)
    q = inst.symbol
    dom = sympy.Interval(inst.lo, inst.hi)
    region: Any = sympy.S.EmptySet
    for v in inst.valuations:
        region = sympy.Union(region, sympy.solveset(v - pp >= 0, q, dom))
    if region == sympy.S.EmptySet:
        return exact(0)
    parts = region.args if isinstance(region, sympy.Union) else (region,)
    total = sympy.Integer(0)
    for part in parts:
        if isinstance(part, sympy.Interval):
            total += sympy.integrate(inst.density, (q, part.inf, part.sup))
        elif not isinstance(part, sympy.FiniteSet):
            raise NotImplementedError(f"{func}(): cannot measure {part}")
    return exact(sympy.simplify(total))


def expost_revenue(inst: Instance, p: Any) -> Any:
    """Revenue of price ``p`` facing ex-post IR buyers, from the model (paper 002, §3.1).

    All buyers see the same quality, so the item sells iff ``max_i v_i(q) >= p``:
    ``Rev(p) = p · Pr[max_i v_i(q) >= p] = p · [1 - G(v_min^{-1}(p))]``.

    Examples
    --------
    >>> inst = DiscreteInstance([[1, 2, 3], [1, 2, 3]], ["1/3"] * 3)
    >>> expost_revenue(inst, 2), expost_revenue_printed(inst, 2)
    (Fraction(4, 3), Fraction(16, 9))
    >>> expost_revenue(inst, 4)
    Traceback (most recent call last):
    ...
    exactmech.errors.ModelError: prob_some_buyer_above(): price p=4 is outside the value range ...
    """
    prob = prob_some_buyer_above(inst, p)
    if isinstance(inst, DiscreteInstance):
        return Q(p) * prob
    return exact(sympy.simplify(_sym(p) * _sym(prob)))


def expost_revenue_printed(inst: Instance, p: Any) -> Any:
    """Proposition 3.1 as printed: ``Rev_fix(p) = [1 - prod_{i in N} G(v_i^{-1}(p))] · p``.

    ``G(v_i^{-1}(p))`` is read as ``Pr[v_i(q) < p]`` (see the module docstring of
    :mod:`~exactmech.papers.fixed_price_signaling.model`). The product treats the buyers'
    refusals as independent events; compare :func:`expost_revenue`.

    References
    ----------
    paper 002, §3.1, Proposition 3.1 and Table 1 (first row, first column).
    """
    func = "expost_revenue_printed"
    if isinstance(inst, DiscreteInstance):
        price = inst.check_price(p, func)
        prod = _1
        for i in range(inst.n):
            prod *= inst.prob_below(i, price)
        return (1 - prod) * price
    pp = _cprice(inst, p, func)
    prod_s = sympy.Integer(1)
    for i in range(inst.n):
        prod_s *= _sym(inst.prob_below(i, pp))
    return exact(sympy.simplify((1 - prod_s) * pp))


def interim_revenue(inst: Instance, p: Any) -> Any:
    """Revenue of price ``p`` facing ex-interim IR buyers, from the model (paper 002, §3.2).

    Without signals buyer ``i`` buys iff ``E[v_i(q)] >= p`` (Definition 2.2), so the item
    sells iff some buyer's prior valuation reaches ``p``.

    >>> interim_revenue(DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"]), 5)
    Fraction(5, 1)
    """
    func = "interim_revenue"
    if isinstance(inst, DiscreteInstance):
        price = inst.check_price(p, func)
        return price if any(m >= price for m in inst.mean_values()) else _0
    pp = _cprice(inst, p, func)
    sells = any(bool(_sym(m) >= pp) for m in inst.mean_values())
    return exact(pp if sells else 0)


def interim_revenue_printed(inst: Instance, p: Any) -> Any:
    """Proposition 3.2 as printed: ``Rev_fix(p) = 1{p <= p̄} · p`` with ``p̄ = max_i v̄_i``.

    References
    ----------
    paper 002, §3.2, proof of Proposition 3.2.
    """
    func = "interim_revenue_printed"
    pbar = optimal_interim_fixed_price_printed(inst).price
    if isinstance(inst, DiscreteInstance):
        price = inst.check_price(p, func)
        return price if price <= pbar else _0
    pp = _cprice(inst, p, func)
    return exact(pp if bool(pp <= _sym(pbar)) else 0)


# -- optima -----------------------------------------------------------------------------------
def _best(cands: list[tuple[Any, Any]]) -> PriceOptimum:
    """Exact maximum over ``(price, revenue)`` candidates; ties keep every price."""
    best_val: Any = None
    for _, r in cands:
        if best_val is None or _greater(r, best_val):
            best_val = r
    assert best_val is not None
    maxs = sorted({_key(p): p for p, r in cands if _equal(r, best_val)}.items())
    prices = tuple(p for _, p in maxs)
    return PriceOptimum(prices[0], best_val, prices)


def _key(x: Any) -> Any:
    return sympy.N(_sym(x), 60)


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a == b
    return bool(sympy.simplify(_sym(a) - _sym(b)) == 0)


def _greater(a: Any, b: Any) -> bool:
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a > b
    if _equal(a, b):
        return False
    return bool(sympy.N(_sym(a) - _sym(b), 60) > 0)


def optimal_expost_fixed_price(inst: Instance, *, min_price: Any = None) -> PriceOptimum:
    """The revenue-maximizing fixed price for ex-post IR buyers, from the model (§3.1).

    Discrete prior: ``Pr[max_i v_i(q) >= p]`` is a left-continuous step function of ``p``
    that only drops just after a valuation ``v_i(q_k)``, so the optimum is at one of those
    values. Continuous prior: exact piecewise maximization (:func:`maximize_on_interval`).
    ``min_price`` restricts the search to prices ``>= min_price``.

    Examples
    --------
    >>> optimal_expost_fixed_price(DiscreteInstance([[1, 2, 3], [1, 2, 3]], ["1/3"] * 3))
    PriceOptimum(price=Fraction(2, 1), revenue=Fraction(4, 3), maximizers=(Fraction(2, 1),))
    """
    if isinstance(inst, DiscreteInstance):
        lo = (
            None
            if min_price is None
            else Q(min_price, "min_price", func="optimal_expost_fixed_price")
        )
        pts = [p for p in inst.value_points() if lo is None or p >= lo]
        if lo is not None and lo <= inst.value_bound():
            pts.append(lo)
        return _best([(p, expost_revenue(inst, p)) for p in pts])
    return _continuous_optimum(inst, printed=False, min_price=min_price)


def optimal_expost_fixed_price_printed(inst: Instance) -> PriceOptimum:
    """``max_p [1 - prod_i G(v_i^{-1}(p))] · p``: Proposition 3.1 and Table 1 as printed.

    Examples
    --------
    >>> optimal_expost_fixed_price_printed(DiscreteInstance([[1, 2, 3]] * 2, ["1/3"] * 3)).revenue
    Fraction(16, 9)
    """
    if isinstance(inst, DiscreteInstance):
        return _best([(p, expost_revenue_printed(inst, p)) for p in inst.value_points()])
    return _continuous_optimum(inst, printed=True)


def optimal_interim_fixed_price(inst: Instance) -> PriceOptimum:
    """The best fixed price for ex-interim IR buyers, from the model (§3.2).

    ``interim_revenue`` is ``p`` up to ``max_i E v_i`` and 0 above, so the maximum is there.

    >>> optimal_interim_fixed_price(DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"])).revenue
    Fraction(5, 1)
    """
    means = inst.mean_values()
    top: Any = max(means, key=lambda m: sympy.N(_sym(m), 60))
    cands = [(m, interim_revenue(inst, m)) for m in means]
    opt = _best(cands)
    assert _equal(opt.price, top)
    return opt


def optimal_interim_fixed_price_printed(inst: Instance) -> PriceOptimum:
    """Proposition 3.2 as printed: ``p* = p̄ = max_i E_{q~G}[v_i(q)]``, revenue ``p̄``."""
    means = inst.mean_values()
    top: Any = max(means, key=lambda m: sympy.N(_sym(m), 60))
    return PriceOptimum(top, top, (top,))


# -- continuous: exact piecewise maximization -------------------------------------------------
def maximize_on_interval(expr: Any, a: Any, b: Any, symbol: sympy.Symbol = P) -> tuple[Any, Any]:
    """``(argmax, max)`` of a sympy function of ``symbol`` on ``[a, b]``, exactly.

    Candidates are ``a``, ``b`` and the zeros of the derivative in ``(a, b)`` (sympy's
    ``solveset``); the smallest maximizer is returned. Raises ``NotImplementedError`` when
    the derivative's zeros have no closed form.

    >>> maximize_on_interval(P * (1 - P), 0, 1)
    (Fraction(1, 2), Fraction(1, 4))
    """
    a, b = _sym(a), _sym(b)
    f = sympy.sympify(expr)
    cands = [a, b]
    if bool(b > a):
        d = sympy.simplify(sympy.diff(f, symbol))
        if d != 0:
            sol = sympy.solveset(d, symbol, sympy.Interval.open(a, b))
            if sol != sympy.S.EmptySet:
                if not isinstance(sol, sympy.FiniteSet):
                    raise NotImplementedError(
                        f"maximize_on_interval(): cannot solve {d} = 0 on ({a}, {b})"
                    )
                cands.extend(sol)
    vals = [(c, sympy.simplify(f.subs(symbol, c))) for c in cands]
    opt = _best([(exact(c), exact(v)) for c, v in vals])
    return opt.price, opt.revenue


def _inverse_expr(inst: ContinuousInstance, i: int, a: Any, b: Any) -> Any:
    """``v_i^{-1}(p)`` as a sympy expression in ``P`` valid for ``p`` in ``(a, b]``; ``None``
    for ``+inf``."""
    q = inst.symbol
    v = inst.valuations[i]
    lo_v, hi_v = v.subs(q, inst.lo), v.subs(q, inst.hi)
    mid = (a + b) / 2
    if bool(mid > hi_v):
        return None
    if bool(mid <= lo_v):
        return inst.lo
    sols = sympy.solve(sympy.Eq(v, P), q)
    for s in sols:
        val = s.subs(P, mid)
        if val.is_real and bool(val >= inst.lo) and bool(val <= inst.hi):
            return s
    raise NotImplementedError(f"_inverse_expr(): cannot invert v_{i + 1} = {v}")


def _continuous_optimum(
    inst: ContinuousInstance, printed: bool, min_price: Any = None
) -> PriceOptimum:
    q = inst.symbol
    floor = sympy.Integer(0) if min_price is None else _sym(min_price)
    bps = {floor, _sym(inst.value_bound())}
    for v in inst.valuations:
        bps.update({v.subs(q, inst.lo), v.subs(q, inst.hi)})
        for c in inst.crossings():
            bps.add(v.subs(q, c))
    top = _sym(inst.value_bound())
    pts = sorted(
        (x for x in bps if bool(x >= floor) and bool(x <= top)), key=lambda t: sympy.N(t, 60)
    )
    G = sympy.integrate(inst.density, (q, inst.lo, q))
    cands: list[tuple[Any, Any]] = []
    for a, b in itertools.pairwise(pts):
        invs = [_inverse_expr(inst, i, a, b) for i in range(inst.n)]
        cdfs = [sympy.Integer(1) if x is None else G.subs(q, x) for x in invs]
        if printed:
            prob_none = sympy.Mul(*cdfs)
        else:
            finite = [x for x in invs if x is not None]
            if not finite:
                prob_none = sympy.Integer(1)
            else:
                mid = (a + b) / 2
                lowest = min(finite, key=lambda x: sympy.N(sympy.sympify(x).subs(P, mid), 60))
                prob_none = G.subs(q, lowest)
        rev = sympy.simplify(P * (1 - prob_none))
        cands.append(maximize_on_interval(rev, a, b))
    return _best(cands)
