"""The paper's printed formulas and schemes, its statements evaluated, Table 1, sweeps.

Each ``theorem_*`` / ``*_printed`` function reproduces what paper 002 *prints* (so a claim
can compare it with the model); the verdict functions evaluate a statement on an instance
from the model (:mod:`.fixed_price`, :mod:`.schemes`, :mod:`.optimum`).

Readings chosen (documented in the README):

* ``G(v^{-1}(p))`` is ``Pr[v(q) < p]`` (the proof of Proposition 3.1).
* Theorem 4.5 and Theorem 4.11 say "ex-post" but sit in the ex-interim subsections, use the
  ex-interim constraints (7)–(8), (16)–(17) and are summarised as ex-interim in Table 1;
  they are evaluated for ex-interim buyers (the literal ex-post reading of Theorem 4.5 is
  also evaluated, and fails).
* Theorem 4.11's ``pi*(q, s_i) = 1 if i in argmax_i v_i(q)`` recommends **every** maximizer
  when values tie, which violates (11); ``tie_break="first"`` recommends the first one.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from exactmech.errors import ModelError
from exactmech.numbers import Q
from exactmech.papers.fixed_price_signaling.fixed_price import (
    PriceOptimum,
    _best,
    _sym,
    optimal_expost_fixed_price,
    optimal_expost_fixed_price_printed,
    optimal_interim_fixed_price,
    prob_some_buyer_above,
)
from exactmech.papers.fixed_price_signaling.model import (
    TIE_RULES,
    ContinuousInstance,
    DiscreteInstance,
    Instance,
    exact,
    require_discrete,
)
from exactmech.papers.fixed_price_signaling.optimum import (
    optimal_expost_mechanism,
    optimal_interim_mechanism,
)
from exactmech.papers.fixed_price_signaling.schemes import (
    check_expost_obedience,
    check_interim_obedience,
    obeys_by_posterior,
)

__all__ = [
    "GainTrial",
    "Table1Row",
    "Theorem48",
    "coarsen",
    "interim_optimum_bounds",
    "optimal_theorem_4_9_printed",
    "random_instance",
    "rewriting_agrees",
    "signaling_gain_trial",
    "table1",
    "theorem_4_2_scheme",
    "theorem_4_8",
    "theorem_4_8_forced_table",
    "theorem_4_9_revenue_printed",
    "theorem_4_9_scheme",
    "theorem_4_11_residuals",
    "theorem_4_11_scheme",
]

_0 = Fraction(0)
_1 = Fraction(1)


# -- printed schemes ----------------------------------------------------------------------------
def theorem_4_2_scheme(inst: DiscreteInstance, p: Any) -> tuple[tuple[Fraction, ...], ...]:
    """Theorem 4.2's ``pi*(q) = 0`` if ``q < v^{-1}(p)``, else 1 (one buyer, §4.1.1)."""
    if inst.n != 1:
        raise ModelError(f"theorem_4_2_scheme(): one buyer expected, got {inst.n}")
    price = inst.check_price(p, "theorem_4_2_scheme")
    t = inst.inverse(0, price)
    return (tuple(_0 if t is None or qk < t else _1 for qk in inst.qualities),)


def theorem_4_8_forced_table(inst: DiscreteInstance, p: Any) -> tuple[tuple[Fraction, ...], ...]:
    """The proof of Theorem 4.8: (14) and (15) force ``pi(q, s_i) = 1{q >= v_i^{-1}(p)}``.

    The rows may sum to more than 1 at a level: check (11) with
    :func:`~.schemes.check_probability_constraints`.
    """
    price = inst.check_price(p, "theorem_4_8_forced_table")
    rows = []
    for i in range(inst.n):
        t = inst.inverse(i, price)
        rows.append(tuple(_0 if t is None or qk < t else _1 for qk in inst.qualities))
    return tuple(rows)


def theorem_4_9_scheme(inst: DiscreteInstance, p: Any) -> tuple[tuple[Fraction, ...], ...]:
    """Theorem 4.9's ``pi*``: buyer ``j = argmin_i v_i^{-1}(p)`` (first on ties) recommended
    on ``[v_min^{-1}(p), q_2]``, nobody below."""
    price = inst.check_price(p, "theorem_4_9_scheme")
    invs = [inst.inverse(i, price) for i in range(inst.n)]
    finite = [(t, i) for i, t in enumerate(invs) if t is not None]
    rows = [[_0] * inst.K for _ in range(inst.n)]
    if finite:
        t, j = min(finite)
        for k, qk in enumerate(inst.qualities):
            if qk >= t:
                rows[j][k] = _1
    return tuple(tuple(r) for r in rows)


def theorem_4_11_scheme(
    inst: DiscreteInstance, *, tie_break: str = "all"
) -> tuple[tuple[Fraction, ...], ...]:
    """Theorem 4.11's ``pi*(q, s_i) = 1 if i in argmax_i v_i(q)``, else 0.

    ``tie_break="all"`` is the printed rule (every maximizer gets signal 1); ``"first"``
    gives the signal to the first maximizer only.
    """
    if tie_break not in ("all", "first"):
        raise ModelError(f"theorem_4_11_scheme(): tie_break={tie_break!r}; use 'all' or 'first'")
    rows = [[_0] * inst.K for _ in range(inst.n)]
    for k in range(inst.K):
        top = max(inst.values[i][k] for i in range(inst.n))
        winners = [i for i in range(inst.n) if inst.values[i][k] == top]
        for i in winners if tie_break == "all" else winners[:1]:
            rows[i][k] = _1
    return tuple(tuple(r) for r in rows)


# -- printed revenue formulas -----------------------------------------------------------------
def theorem_4_9_revenue_printed(inst: Instance, p: Any) -> Any:
    """``[1 - G(v_min^{-1}(p))] · p`` with ``v_min^{-1}(p) = min_i v_i^{-1}(p)``
    (Theorems 4.2 (``n = 1``) and 4.9, Table 1)."""
    func = "theorem_4_9_revenue_printed"
    if isinstance(inst, DiscreteInstance):
        price = inst.check_price(p, func)
        invs = [t for t in (inst.inverse(i, price) for i in range(inst.n)) if t is not None]
        below = inst.prob_quality_below(min(invs) if invs else None)
        return (1 - below) * price
    pp = _sym(p)
    invs_c = [inst.inverse(i, pp) for i in range(inst.n)]
    fin = [_sym(t) for t in invs_c if t is not None]
    g = _sym(inst.cdf(min(fin, key=lambda t: sympy.N(t, 60)))) if fin else sympy.Integer(1)
    return exact(sympy.simplify((1 - g) * pp))


def optimal_theorem_4_9_printed(inst: Instance) -> PriceOptimum:
    """``max_p [1 - G(v_min^{-1}(p))] · p`` (Theorem 4.9; Theorem 4.2 for one buyer).

    For a discrete prior the maximum is over the valuations (the formula is a left-continuous
    step function times ``p``). For a continuous prior it is the same function as the
    model's ex-post fixed-price revenue (:func:`~.fixed_price.optimal_expost_fixed_price`),
    maximized piecewise.
    """
    if isinstance(inst, DiscreteInstance):
        return _best([(p, theorem_4_9_revenue_printed(inst, p)) for p in inst.value_points()])
    return optimal_expost_fixed_price(inst)


# -- Theorem 4.8 --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Theorem48:
    """Theorem 4.8 ("no obedient mechanism for several ex-post buyers") on one instance.

    Attributes
    ----------
    holds
        No price in ``[0, v̄]`` admits a scheme satisfying (11), (14), (15).
    positive_revenue
        Some obedient mechanism earns a positive revenue.
    price, revenue, scheme
        The best obedient mechanism (``None`` if there is none; ``scheme`` only for a
        discrete prior).
    """

    holds: bool
    positive_revenue: bool
    price: Any
    revenue: Any
    scheme: tuple[tuple[Fraction, ...], ...] | None


def theorem_4_8(inst: Instance, *, ties: str = "buy", signals: str = "recommendation") -> Theorem48:
    """Evaluate Theorem 4.8 on an instance (paper 002, §4.2.1).

    Discrete prior: :func:`~.optimum.optimal_expost_mechanism` (exact enumeration of the
    prices where the forced scheme changes). Continuous prior (``ties="buy"``, recommendation
    signals, strictly increasing valuations near ``q_2``): a price is obedient iff at most one
    buyer wants the item with positive probability, i.e. ``p >=`` the second largest
    ``v_i(q_2)``; the best such mechanism recommends the buyer with the largest ``v_i(q_2)``
    wherever ``v_i(q) >= p``.

    Examples
    --------
    >>> t = theorem_4_8(DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"]))
    >>> t.holds, t.price, t.revenue
    (False, Fraction(10, 1), Fraction(5, 1))
    """
    if isinstance(inst, DiscreteInstance):
        opt = optimal_expost_mechanism(inst, ties=ties, signals=signals)
        if opt.revenue is None:
            return Theorem48(True, False, None, None, None)
        return Theorem48(False, opt.revenue > 0, opt.price, opt.revenue, opt.scheme)
    if ties != "buy" or signals != "recommendation":
        raise NotImplementedError(
            "theorem_4_8(): continuous priors support ties='buy' with recommendations"
        )
    q = inst.symbol
    tops = sorted(
        ((inst.valuations[i].subs(q, inst.hi), i) for i in range(inst.n)),
        key=lambda t: (sympy.N(t[0], 60), -t[1]),
        reverse=True,
    )
    (s1, j), (s2, _) = tops[0], tops[1]
    others = [i for i in range(inst.n) if i != j]
    if any(prob_some_buyer_above(inst.restrict([i]), s2) != 0 for i in others):
        raise NotImplementedError("theorem_4_8(): a valuation is flat at its top")
    if sympy.simplify(s1 - s2) == 0:
        return Theorem48(False, False, exact(s1), exact(0), None)
    best = optimal_expost_fixed_price(inst.restrict([j]), min_price=s2)
    return Theorem48(False, bool(_sym(best.revenue) > 0), best.price, best.revenue, None)


# -- Theorem 4.11 (continuous residuals) --------------------------------------------------------
def theorem_4_11_residuals(inst: ContinuousInstance) -> tuple[Any, ...]:
    """Left side of (16) for each buyer under Theorem 4.11's mechanism, continuous prior.

    ``int pi*(q, s_i) [v_i(q) - p*] g(q) dq`` with ``p* = E[max_i v_i]`` and buyer ``i``
    recommended where he has the top value (the first buyer on ties, which for continuous
    valuations only matters on a set of measure zero unless two valuations coincide on an
    interval). Obedience (16) needs every entry ``>= 0``.

    >>> q = sympy.Symbol("q")
    >>> theorem_4_11_residuals(ContinuousInstance([1 + q / 10, 3 * q], symbol=q))[0]
    Fraction(-190, 841)
    """
    pstar = _sym(inst.expected_max())
    out = []
    for i in range(inst.n):
        total = sympy.Integer(0)
        for a, b, j in inst.pieces():
            if j == i:
                total += sympy.integrate(
                    (inst.valuations[i] - pstar) * inst.density, (inst.symbol, a, b)
                )
        out.append(exact(sympy.simplify(total)))
    return tuple(out)


# -- bounds on programme (18) -------------------------------------------------------------------
def interim_optimum_bounds(inst: Instance, *, cells: int = 0) -> tuple[Any, Any]:
    """Exact bounds ``lo <= optimum of programme (18) <= hi`` for any prior.

    ``lo``: ``max_i E v_i`` (Proposition 3.2's mechanism is obedient), or the exact optimum
    of the instance coarsened to ``cells`` equal-width cells (schemes constant on cells are
    feasible in the continuous model with the same obedience integrals and revenue).
    ``hi``: the *band* bound. For ``p`` in ``(s_(j-1), s_j]`` (``s`` the buyers' top values
    ``v_i(q_2)``, sorted) only buyers with ``v_i(q_2) >= s_j`` can be recommended, so by
    Proposition 4.10 on them the revenue is at most ``min(s_j, E[max_{i: v_i(q_2) >= s_j} v_i])``.

    >>> q = sympy.Symbol("q")
    >>> interim_optimum_bounds(ContinuousInstance([1 + q / 10, 3 * q], symbol=q))
    (Fraction(3, 2), Fraction(3, 2))
    """
    lo: Any = max((_sym(m) for m in inst.mean_values()), key=lambda t: sympy.N(t, 60))
    if isinstance(inst, DiscreteInstance):
        tops = [max(inst.values[i][k] for k in inst.support) for i in range(inst.n)]
    else:
        tops = [v.subs(inst.symbol, inst.hi) for v in inst.valuations]
    levels = sorted({_sym(t) for t in tops}, key=lambda t: sympy.N(t, 60))
    hi: Any = sympy.Integer(0)
    for s in levels:
        active = [i for i, t in enumerate(tops) if bool(_sym(t) >= s)]
        emax = _sym(inst.restrict(active).expected_max())
        bound = s if bool(s <= emax) else emax
        hi = bound if bool(bound > hi) else hi
    if cells and isinstance(inst, ContinuousInstance):
        coarse = coarsen(inst, cells)
        value = optimal_interim_mechanism(coarse).revenue
        if bool(_sym(value) > lo):
            lo = _sym(value)
    return exact(lo), exact(hi)


def coarsen(inst: ContinuousInstance, cells: int) -> DiscreteInstance:
    """The discrete instance of ``cells`` equal-width cells: cell probability and each
    buyer's conditional mean value on the cell (exact; non-decreasing stays so)."""
    if cells < 1:
        raise ModelError(f"coarsen(): cells={cells} must be >= 1")
    q = inst.symbol
    w = (inst.hi - inst.lo) / cells
    probs: list[Fraction] = []
    table: list[list[Fraction]] = [[] for _ in range(inst.n)]
    for c in range(cells):
        a, b = inst.lo + c * w, inst.lo + (c + 1) * w
        m = sympy.integrate(inst.density, (q, a, b))
        probs.append(Q(sympy.nsimplify(m)))
        for i, v in enumerate(inst.valuations):
            table[i].append(Q(sympy.simplify(sympy.integrate(v * inst.density, (q, a, b)) / m)))
    return DiscreteInstance(table, probs)


# -- the rewritten constraints against the definitions ------------------------------------------
def rewriting_agrees(inst: DiscreteInstance) -> bool:
    """Do the paper's rewritten constraints agree with obedience defined by posteriors?

    For every deterministic recommendation scheme (each level sends one of ``s_0, ..., s_n``),
    every price among the valuations and the midpoints between them, both buyer models and
    all three tie rules: :func:`~.schemes.check_expost_obedience` ((4)–(5), (14)–(15)) and
    :func:`~.schemes.check_interim_obedience` ((7)–(8), (16)–(17)) hold exactly when
    :func:`~.schemes.obeys_by_posterior` says the buyers obey. Paper 002, §4.1.1, §4.1.2,
    Proposition 4.7, §4.2.2.

    >>> rewriting_agrees(DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"]))
    True
    """
    pts = list(inst.value_points())
    prices = sorted({*pts, *((a + b) / 2 for a, b in itertools.pairwise(pts))})
    for choice in itertools.product(range(inst.n + 1), repeat=inst.K):
        table = [[_1 if choice[k] == i + 1 else _0 for k in range(inst.K)] for i in range(inst.n)]
        for p in prices:
            for ties in TIE_RULES:
                post = check_expost_obedience(inst, table, p, ties=ties).satisfied
                if post != obeys_by_posterior(inst, table, p, model="ex-post", ties=ties):
                    return False
                inter = check_interim_obedience(inst, table, p, ties=ties).satisfied
                if inter != obeys_by_posterior(inst, table, p, model="ex-interim", ties=ties):
                    return False
    return True


# -- Table 1 ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Table1Row:
    """One cell of Table 1: the printed formula's value and the model's optimum."""

    behavior: str
    mechanism: str
    printed: Any
    model: Any

    @property
    def agree(self) -> bool:
        """Whether the printed formula gives the model's optimum."""
        if isinstance(self.printed, Fraction) and isinstance(self.model, Fraction):
            return self.printed == self.model
        if self.printed is None or self.model is None:
            return self.printed is self.model
        return bool(sympy.simplify(_sym(self.printed) - _sym(self.model)) == 0)


def table1(inst: DiscreteInstance) -> list[Table1Row]:
    """Table 1 (paper 002, §5) on an instance: printed formulas vs the model's optima.

    Columns: fixed price; signaling with one buyer (buyer 1 alone); signaling with all
    buyers. The ex-post signaling cell has two entries: "–" (Theorem 4.8: no obedient
    mechanism; ``printed=None``, ``model`` the best obedient revenue or ``None``) and
    ``max_p [1 - G(v_min^{-1}(p))] p`` (Theorem 4.9).

    >>> row = table1(DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"]))[-1]
    >>> row.mechanism, row.printed, row.model, row.agree
    ('signaling', Fraction(6, 1), Fraction(5, 1), False)
    """
    inst = require_discrete(inst, "table1")
    one = inst.restrict([0])
    return [
        Table1Row(
            "ex-post",
            "fixed price",
            optimal_expost_fixed_price_printed(inst).revenue,
            optimal_expost_fixed_price(inst).revenue,
        ),
        Table1Row(
            "ex-post",
            "signaling, one buyer",
            optimal_theorem_4_9_printed(one).revenue,
            optimal_expost_mechanism(one).revenue,
        ),
        Table1Row(
            "ex-post", "signaling (Theorem 4.8)", None, optimal_expost_mechanism(inst).revenue
        ),
        Table1Row(
            "ex-post",
            "signaling, buy only on signal 1 (Theorem 4.9)",
            optimal_theorem_4_9_printed(inst).revenue,
            optimal_expost_mechanism(inst, recommend_only=True).revenue,
        ),
        Table1Row(
            "ex-interim",
            "fixed price",
            max(inst.mean_values()),
            optimal_interim_fixed_price(inst).revenue,
        ),
        Table1Row(
            "ex-interim",
            "signaling, one buyer",
            one.mean_value(0),
            optimal_interim_mechanism(one).revenue,
        ),
        Table1Row(
            "ex-interim", "signaling", inst.expected_max(), optimal_interim_mechanism(inst).revenue
        ),
    ]


# -- sweeps: does signaling strictly beat the fixed price? --------------------------------------
def random_instance(
    seed: int, *, n: int = 2, K: int = 3, max_value: int = 10, max_weight: int = 6
) -> DiscreteInstance:
    """A reproducible random instance: ``K`` levels with integer weights ``1..max_weight``
    (normalised) and ``n`` non-decreasing integer valuation rows in ``0..max_value``.

    >>> random_instance(7) == random_instance(7)
    True
    """
    if n < 1 or K < 1 or max_value < 0 or max_weight < 1:
        raise ModelError(
            f"random_instance(): bad sizes n={n}, K={K}, max_value={max_value}, "
            f"max_weight={max_weight}"
        )
    rng = random.Random(seed)
    weights = [rng.randint(1, max_weight) for _ in range(K)]
    total = sum(weights)
    values = [sorted(rng.randint(0, max_value) for _ in range(K)) for _ in range(n)]
    return DiscreteInstance(values, [Fraction(w, total) for w in weights])


@dataclass(frozen=True)
class GainTrial:
    """One sweep trial: fixed-price vs optimal signaling revenue for ex-interim buyers."""

    seed: int
    instance: DiscreteInstance
    fixed_price_revenue: Fraction
    signaling_revenue: Any
    strictly_better: bool


def signaling_gain_trial(
    seed: int,
    *,
    n: int = 2,
    K: int = 3,
    max_value: int = 10,
    max_weight: int = 6,
    signals: str = "recommendation",
) -> GainTrial:
    """Does the optimal fixed-price signaling mechanism strictly beat the best fixed price?

    Pure and seedable: the instance is :func:`random_instance` (same keyword arguments), the
    fixed price is Proposition 3.2's ``max_i E v_i``, the signaling revenue the exact optimum
    of programme (18) (:func:`~.optimum.optimal_interim_mechanism`, ``signals`` as there).

    >>> t = signaling_gain_trial(3)
    >>> t.strictly_better == (t.signaling_revenue > t.fixed_price_revenue)
    True
    """
    inst = random_instance(seed, n=n, K=K, max_value=max_value, max_weight=max_weight)
    fixed = optimal_interim_fixed_price(inst).revenue
    opt = optimal_interim_mechanism(inst, signals=signals)
    return GainTrial(seed, inst, fixed, opt.revenue, opt.revenue_exact > fixed)
