"""The seller's optimal fixed-price signaling mechanism (paper 002, §4), exactly.

Ex-interim buyers (programme (9) for one buyer, (18) for ``n``)
-------------------------------------------------------------
``max_{pi, p} p · sum_k g_k sum_i pi(q_k, s_i)`` subject to (11), (16), (17). Two facts
reduce it to a parametric LP over a bounded price range:

* every price ``p < ā = max_i E v_i`` earns at most ``p < ā``, while ``p = ā`` with buyer
  ``argmax_i E v_i`` always recommended is obedient (Proposition 3.2's mechanism), so the
  optimum has ``p in [ā, v̄]`` (``v̄`` the largest valuation; above it nothing sells);
* for ``p >= ā`` constraint (17) follows from (16): its right side ``E v_i - p <= 0``.

For fixed ``p`` what remains is the LP ``L(p) = max sum_k g_k sum_i x_ik`` subject to
``sum_k g_k x_ik (v_i(q_k) - p) >= 0`` and ``sum_i x_ik <= 1`` (:func:`sale_probability_lp`
solves the full programme with (17) at any price, as a check). Its feasible set shrinks as
``p`` grows, so ``L`` is non-increasing on ``[ā, v̄]``; it is piecewise rational in ``p``
(:mod:`.parametric`) and the revenue ``p · L(p)`` is maximized on each piece at an end or
at a real root of its derivative's numerator. The optimum may be irrational (instance I3:
``1 + sqrt(3)/3``); it is returned as an exact sympy number with a rational enclosure.

``signals="action-profiles"`` optimizes over overlapping recommendations instead
(:class:`~.schemes.ActionProfileScheme`): marginals ``y_ik in [0, 1]`` and sale probability
``s_k <= min(1, sum_i y_ik)`` per level (achieved by
:meth:`~.schemes.ActionProfileScheme.from_marginals`).

Ex-post buyers (§4.1.1, §4.2.1)
-------------------------------
(4)/(14) forbid recommending a buyer who does not want the item, (5)/(15) force
recommending every buyer who does: for a fixed price the scheme is pinned down
(:func:`optimal_expost_mechanism`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import flint
import sympy

from exactmech.errors import ModelError
from exactmech.lp import linprog
from exactmech.papers.fixed_price_signaling.algebraic import (
    Poly,
    RealAlgebraic,
    poly_range,
    real_roots,
    trim,
)
from exactmech.papers.fixed_price_signaling.model import (
    DiscreteInstance,
    check_ties,
    require_discrete,
)
from exactmech.papers.fixed_price_signaling.parametric import Piece, parametric_lp
from exactmech.papers.fixed_price_signaling.schemes import check_expost_obedience

__all__ = [
    "SIGNALS",
    "ExpostOptimum",
    "InterimOptimum",
    "ValuePiece",
    "optimal_expost_mechanism",
    "optimal_interim_mechanism",
    "revenue_bracket",
    "sale_probability_dual",
    "sale_probability_lp",
    "value_pieces",
]

#: Signal spaces: Lemma 1's ``n + 1`` recommendations, or overlapping ones (``{0,1}^n``).
SIGNALS = ("recommendation", "action-profiles")

_0 = Fraction(0)
_1 = Fraction(1)
_P = sympy.Symbol("p")


def _check_signals(signals: str, func: str) -> str:
    if signals not in SIGNALS:
        raise ModelError(f"{func}(): signals={signals!r}; expected one of {', '.join(SIGNALS)}")
    return signals


def _exact_out(r: RealAlgebraic) -> Any:
    return r.as_fraction() if r.is_rational else r.to_sympy()


# -- the LP at one price ---------------------------------------------------------------------
@dataclass(frozen=True)
class _LPData:
    A0: list[list[Fraction]]
    A1: list[list[Fraction]]
    b: list[Fraction]
    c: list[Fraction]
    cols: list[tuple[str, int, int]]  # ("x", i, k) for scheme entries, else slack names


def _lp_data(inst: DiscreteInstance, signals: str) -> _LPData:
    """``max c·x, (A0 + p A1) x = b, x >= 0`` for ``p >= ā`` (constraint (17) dropped)."""
    n = inst.n
    sup = inst.support
    cols: list[tuple[str, int, int]] = []
    rows0: list[dict[int, Fraction]] = []
    rows1: list[dict[int, Fraction]] = []
    b: list[Fraction] = []
    c: list[Fraction] = []

    def col(kind: str, i: int, k: int, cost: Fraction = _0) -> int:
        cols.append((kind, i, k))
        c.append(cost)
        return len(cols) - 1

    y = {
        (i, k): col("x", i, k, inst.probs[k] if signals == "recommendation" else _0)
        for i in range(n)
        for k in sup
    }
    for i in range(n):  # (16): sum_k g_k (v_ik - p) y_ik - slack = 0
        r0 = {y[i, k]: inst.probs[k] * inst.values[i][k] for k in sup}
        r1 = {y[i, k]: -inst.probs[k] for k in sup}
        r0[col("t", i, -1)] = Fraction(-1)
        rows0.append(r0)
        rows1.append(r1)
        b.append(_0)
    if signals == "recommendation":
        for k in sup:  # (11): sum_i x_ik + u_k = 1
            r0 = {y[i, k]: _1 for i in range(n)}
            r0[col("u", -1, k)] = _1
            rows0.append(r0)
            rows1.append({})
            b.append(_1)
    else:
        s = {k: col("s", -1, k, inst.probs[k]) for k in sup}
        for i in range(n):
            for k in sup:  # y_ik <= 1
                rows0.append({y[i, k]: _1, col("w", i, k): _1})
                rows1.append({})
                b.append(_1)
        for k in sup:  # s_k <= 1 and s_k <= sum_i y_ik
            rows0.append({s[k]: _1, col("u", -1, k): _1})
            rows1.append({})
            b.append(_1)
            r0 = {s[k]: _1, col("z", -1, k): _1}
            for i in range(n):
                r0[y[i, k]] = Fraction(-1)
            rows0.append(r0)
            rows1.append({})
            b.append(_0)
    N = len(cols)
    A0 = [[r.get(j, _0) for j in range(N)] for r in rows0]
    A1 = [[r.get(j, _0) for j in range(N)] for r in rows1]
    return _LPData(A0, A1, b, c, cols)


def sale_probability_lp(
    inst: DiscreteInstance, p: Any, *, signals: str = "recommendation"
) -> Fraction | None:
    """``L(p)``: the largest sale probability of an obedient scheme at price ``p``.

    Solves programme (18) at a fixed rational ``p in [0, v̄]`` with **all** its constraints
    (11), (16), (17) (ties follow the recommendation, the paper's weak inequalities);
    ``None`` when no scheme is obedient at this price.

    Examples
    --------
    >>> inst = DiscreteInstance([[1, 2, 3], [1, 2, 3]], ["1/3"] * 3)
    >>> sale_probability_lp(inst, 2), sale_probability_lp(inst, "5/2"), sale_probability_lp(inst, 1)
    (Fraction(1, 1), Fraction(2, 3), None)
    """
    func = "sale_probability_lp"
    _check_signals(signals, func)
    price = inst.check_price(p, func)
    d = _lp_data(inst, signals)
    A = [[a + price * b_ for a, b_ in zip(r0, r1)] for r0, r1 in zip(d.A0, d.A1)]
    A_ub, b_ub = [], []
    for i in range(inst.n):  # (17): sum_k g_k (v_ik - p) y_ik >= E v_i - p
        A_ub.append([-A[i][j] if d.cols[j][0] == "x" else _0 for j in range(len(d.cols))])
        b_ub.append(price - inst.mean_value(i))
    res = linprog(d.c, A_ub=A_ub, b_ub=b_ub, A_eq=A, b_eq=d.b, maximize=True)
    if res.status == "infeasible":
        return None
    assert res.fun is not None
    return res.fun


def sale_probability_dual(
    inst: DiscreteInstance, p: Any, *, signals: str = "recommendation"
) -> Fraction:
    """``L(p)`` for ``p >= ā`` from the **dual** LP (an independent second computation).

    Recommendations: ``min sum_k mu_k`` s.t. ``mu_k >= g_k (1 + lambda_i (v_i(q_k) - p))``
    for all ``i, k``, ``lambda, mu >= 0``. Overlapping recommendations:
    ``min sum_k alpha_k + sum_ik gamma_ik`` s.t. ``alpha_k + beta_k >= g_k`` and
    ``gamma_ik >= beta_k + lambda_i g_k (v_i(q_k) - p)``, all ``>= 0``.

    >>> sale_probability_dual(DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"]), 8)
    Fraction(5, 8)
    """
    func = "sale_probability_dual"
    _check_signals(signals, func)
    price = inst.check_price(p, func)
    abar = max(inst.mean_values())
    if price < abar:
        raise ModelError(f"{func}(): p={price} < max_i E v_i = {abar}; (17) is not implied there")
    n, sup = inst.n, inst.support
    g = inst.probs
    if signals == "recommendation":
        # variables: lambda_i (n), mu_k (|sup|); rows: -mu_k + lambda_i g_k (v - p) <= -g_k
        nv = n + len(sup)
        cost = [_0] * n + [_1] * len(sup)
        A_ub, b_ub = [], []
        for i in range(n):
            for a, k in enumerate(sup):
                row = [_0] * nv
                row[i] = g[k] * (inst.values[i][k] - price)
                row[n + a] = Fraction(-1)
                A_ub.append(row)
                b_ub.append(-g[k])
    else:
        # variables: lambda_i, alpha_k, beta_k, gamma_ik
        K = len(sup)
        nv = n + 2 * K + n * K
        cost = [_0] * n + [_1] * K + [_0] * K + [_1] * (n * K)
        A_ub, b_ub = [], []
        for a, k in enumerate(sup):
            row = [_0] * nv
            row[n + a] = Fraction(-1)
            row[n + K + a] = Fraction(-1)
            A_ub.append(row)
            b_ub.append(-g[k])
            for i in range(n):
                row = [_0] * nv
                row[n + K + a] = _1
                row[i] = g[k] * (inst.values[i][k] - price)
                row[n + 2 * K + i * K + a] = Fraction(-1)
                A_ub.append(row)
                b_ub.append(_0)
    res = linprog(cost, A_ub=A_ub, b_ub=b_ub)
    assert res.fun is not None
    return res.fun


# -- the exact optimum -----------------------------------------------------------------------
@dataclass(frozen=True)
class ValuePiece:
    """``L(p) = value`` (a sympy rational function of ``p``) for ``lo <= p <= hi``."""

    lo: Any
    hi: Any
    value: Any


@dataclass(frozen=True)
class InterimOptimum:
    """The optimal fixed-price signaling mechanism for ex-interim IR buyers.

    Attributes
    ----------
    revenue, price
        Exact optimal revenue and the smallest optimal price (``Fraction``, or a sympy
        algebraic number).
    maximizers
        Every optimal price, as closed intervals ``(lo, hi)`` (``lo == hi`` for a point).
    scheme
        ``scheme[i][k]``: ``pi(q_k, s_i)`` (or ``Pr[sigma_i = 1 | q_k]`` for
        ``signals="action-profiles"``) of an optimal scheme at ``price``.
    sale_probability
        ``L(price)``.
    enclosure
        Rational ``(lo, hi)`` with ``lo <= revenue <= hi`` and ``hi - lo <= 10^-30``.
    signals
        The signal space optimized over.
    """

    revenue: Any
    price: Any
    maximizers: tuple[tuple[Any, Any], ...]
    scheme: tuple[tuple[Any, ...], ...]
    sale_probability: Any
    enclosure: tuple[Fraction, Fraction]
    signals: str
    revenue_exact: RealAlgebraic
    price_exact: RealAlgebraic


def _to_flint(p: Poly) -> flint.fmpq_poly:
    return flint.fmpq_poly([flint.fmpq(c.numerator, c.denominator) for c in p])


def _from_flint(f: flint.fmpq_poly) -> Poly:
    return trim(tuple(Fraction(int(c.p), int(c.q)) for c in f.coeffs()))


def _reduced_revenue(pc: Piece) -> tuple[Poly, Poly]:
    """``p · value_num / den`` with common factors cancelled."""
    num = _to_flint((_0, *pc.value_num)) if pc.value_num else flint.fmpq_poly([])
    den = _to_flint(pc.den)
    if num.is_zero():
        return (), (_1,)
    g = num.gcd(den)
    return _from_flint(num // g), _from_flint(den // g)


def _poly_sympy(p: Poly) -> Any:
    return sum(
        (sympy.Rational(c.numerator, c.denominator) * _P**j for j, c in enumerate(p)),
        sympy.Integer(0),
    )


@functools.lru_cache(maxsize=256)
def _solve(inst: DiscreteInstance, signals: str) -> tuple[_LPData, tuple[Piece, ...]]:
    d = _lp_data(inst, signals)
    lo = max(inst.mean_values())
    hi = inst.value_bound()
    return d, tuple(parametric_lp(d.A0, d.A1, d.b, d.c, lo, hi))


def value_pieces(
    inst: DiscreteInstance, *, signals: str = "recommendation"
) -> tuple[ValuePiece, ...]:
    """The value function ``L(p)`` of programme (18) on ``[max_i E v_i, v̄]``, piece by piece.

    >>> [str(pc.value) for pc in value_pieces(DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"]))]
    ['1', '5/p']
    """
    _check_signals(signals, "value_pieces")
    _, pieces = _solve(inst, signals)
    out = []
    for pc in pieces:
        num, den = _to_flint(pc.value_num), _to_flint(pc.den)
        if num.is_zero():
            val: Any = sympy.Integer(0)
        else:
            g = num.gcd(den)
            nr, dr = _from_flint(num // g), _from_flint(den // g)
            lc = dr[-1]
            nr, dr = tuple(c / lc for c in nr), tuple(c / lc for c in dr)
            val = _poly_sympy(nr) if dr == (_1,) else _poly_sympy(nr) / _poly_sympy(dr)
        out.append(ValuePiece(_exact_out(pc.lo), _exact_out(pc.hi), val))
    return tuple(out)


def optimal_interim_mechanism(
    inst: DiscreteInstance, *, signals: str = "recommendation"
) -> InterimOptimum:
    """The revenue-optimal fixed-price signaling mechanism for ex-interim IR buyers.

    Solves programme (18) (one buyer: programme (9)) exactly over the price and the scheme:
    the parametric LP of :mod:`.parametric` on ``[max_i E v_i, v̄]`` and the exact maximum
    of ``p · L(p)`` on each piece (module docstring).

    References
    ----------
    paper 002, §4.1.2, programme (9); §4.2.2, programme (18), Proposition 4.10,
    Theorem 4.11.

    Examples
    --------
    >>> opt = optimal_interim_mechanism(DiscreteInstance([[0, 2, 2], [1, 1, 2]], ["1/3"] * 3))
    >>> opt.revenue, opt.enclosure[0] < opt.revenue_exact < opt.enclosure[1]
    (sqrt(3)/3 + 1, True)
    >>> optimal_interim_mechanism(DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"])).maximizers
    ((Fraction(5, 1), Fraction(10, 1)),)
    """
    func = "optimal_interim_mechanism"
    inst = require_discrete(inst, func)
    _check_signals(signals, func)
    d, pieces = _solve(inst, signals)
    # candidates: (lo, hi, piece or None, rn, rd): a point (lo == hi) or an interval of
    # constant revenue; the value is rn/rd at lo.
    raw: list[tuple[RealAlgebraic, RealAlgebraic, Piece | None, Poly, Poly]] = []
    for pc in pieces:
        rn, rd = _reduced_revenue(pc)
        deriv = trim(_sub(_mul(_deriv(rn), rd), _mul(rn, _deriv(rd))))
        if not deriv:
            raw.append((pc.lo, pc.hi, pc, rn, rd))
            continue
        pts = [pc.lo, pc.hi]
        pts += [r for r in real_roots(deriv) if pc.lo < r < pc.hi]
        for r in pts:
            closed = (r != pc.lo or pc.lo_closed) and (r != pc.hi or pc.hi_closed)
            raw.append((r, r, pc if closed else None, rn, rd))
    # cheap interval enclosures first; exact values only for candidates that may be maximal
    encl = [_value_enclosure(lo, rn, rd) for lo, _, _, rn, rd in raw]
    floor = max(e[0] for e in encl)
    cands: list[tuple[RealAlgebraic, RealAlgebraic, RealAlgebraic, Piece | None]] = [
        (lo.evaluate(rn, rd), lo, hi, pc)
        for (lo, hi, pc, rn, rd), e in zip(raw, encl)
        if e[1] >= floor
    ]
    best = cands[0][0]
    for v, *_ in cands[1:]:
        if v > best:
            best = v
    tops = [(lo, hi, pc) for v, lo, hi, pc in cands if v == best]
    tops.sort(key=lambda t: _Key(t[0]))
    intervals: list[tuple[RealAlgebraic, RealAlgebraic]] = []
    for lo, hi, _ in tops:
        if intervals and lo <= intervals[-1][1]:
            if hi > intervals[-1][1]:
                intervals[-1] = (intervals[-1][0], hi)
        else:
            intervals.append((lo, hi))
    price = intervals[0][0]
    at_price = [pc for lo, _, pc in tops if lo == price and pc is not None]
    scheme = _scheme_at(inst, d, at_price[0] if at_price else None, price, signals)
    sale = _sale_at(inst, scheme, signals)
    return InterimOptimum(
        revenue=_exact_out(best),
        price=_exact_out(price),
        maximizers=tuple((_exact_out(a), _exact_out(b)) for a, b in intervals),
        scheme=scheme,
        sale_probability=sale,
        enclosure=best.enclosure(Fraction(1, 10**30)),
        signals=signals,
        revenue_exact=best,
        price_exact=price,
    )


class _Key:
    __slots__ = ("r",)

    def __init__(self, r: RealAlgebraic) -> None:
        self.r = r

    def __lt__(self, other: _Key) -> bool:
        return self.r < other.r


def _value_enclosure(r: RealAlgebraic, rn: Poly, rd: Poly) -> tuple[Fraction, Fraction]:
    """A rational interval containing ``rn(r)/rd(r)`` (width about ``10^-12``)."""
    width = Fraction(1, 10**12)
    while True:
        a, b = r.enclosure(width)
        lo_n, hi_n = poly_range(rn, a, b) if rn else (_0, _0)
        lo_d, hi_d = poly_range(rd, a, b)
        if lo_d > 0 or hi_d < 0:
            qs = (lo_n / lo_d, lo_n / hi_d, hi_n / lo_d, hi_n / hi_d)
            return min(qs), max(qs)
        width /= 2**20


def _deriv(p: Poly) -> Poly:
    return trim(tuple(j * c for j, c in enumerate(p))[1:])


def _mul(p: Poly, q: Poly) -> Poly:
    if not p or not q:
        return ()
    out = [_0] * (len(p) + len(q) - 1)
    for i, a in enumerate(p):
        for j, b in enumerate(q):
            out[i + j] += a * b
    return trim(out)


def _sub(p: Poly, q: Poly) -> Poly:
    n = max(len(p), len(q))
    return trim(
        tuple((p[i] if i < len(p) else _0) - (q[i] if i < len(q) else _0) for i in range(n))
    )


def _scheme_at(
    inst: DiscreteInstance, d: _LPData, pc: Piece | None, price: RealAlgebraic, signals: str
) -> tuple[tuple[Any, ...], ...]:
    n, K = inst.n, inst.K
    if price.is_rational:
        p = price.as_fraction()
        if pc is not None:
            x = pc.x_at(p, len(d.cols))
        else:  # a singular end: solve the LP at this price directly
            A = [[a + p * b for a, b in zip(r0, r1)] for r0, r1 in zip(d.A0, d.A1)]
            res = linprog(d.c, A_eq=A, b_eq=d.b, maximize=True)
            assert res.x is not None
            x = res.x
        table: list[list[Any]] = [[_0] * K for _ in range(n)]
        for j, (kind, i, k) in enumerate(d.cols):
            if kind == "x":
                table[i][k] = x[j]
        return tuple(tuple(r) for r in table)
    if pc is None:
        raise NotImplementedError(
            "optimal scheme at an irrational price where the basis is singular"
        )
    vals: dict[int, Any] = {j: price.field_value(num, pc.den) for j, num in zip(pc.basis, pc.x_num)}
    table2: list[list[Any]] = [[_0] * K for _ in range(n)]
    for j, (kind, i, k) in enumerate(d.cols):
        if kind == "x" and j in vals:
            table2[i][k] = vals[j]
    return tuple(tuple(r) for r in table2)


def _sale_at(inst: DiscreteInstance, scheme: tuple[tuple[Any, ...], ...], signals: str) -> Any:
    total: Any = _0
    for k, g in enumerate(inst.probs):
        s = sum((scheme[i][k] for i in range(inst.n)), _0)
        if signals == "action-profiles":
            s = sympy.Min(1, s) if not isinstance(s, Fraction) else min(_1, s)
        total = total + g * s
    if isinstance(total, Fraction):
        return total
    t = sympy.expand(total)
    return Fraction(int(t.p), int(t.q)) if t.is_Rational else t


def revenue_bracket(
    inst: DiscreteInstance, m: int, *, signals: str = "recommendation"
) -> tuple[Fraction, Fraction]:
    """Rational bounds ``lo <= max_p p·L(p) <= hi`` from a price grid and the dual LP.

    Grid ``p_j = ā + j (v̄ - ā)/m``; ``L`` is non-increasing on ``[ā, v̄]``, so on
    ``[p_j, p_{j+1}]`` the revenue is at most ``p_{j+1} L(p_j)``; and at least
    ``p_j L(p_j)`` at each grid point. An independent check of
    :func:`optimal_interim_mechanism` (a different LP, no parametric analysis).

    >>> revenue_bracket(DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"]), 10)
    (Fraction(5, 1), Fraction(11, 2))
    """
    if m < 1:
        raise ModelError(f"revenue_bracket(): m={m} must be >= 1")
    lo, hi = max(inst.mean_values()), inst.value_bound()
    grid = [lo + (hi - lo) * j / m for j in range(m + 1)]
    vals = [sale_probability_dual(inst, p, signals=signals) for p in grid]
    lower = max(p * v for p, v in zip(grid, vals))
    upper = max([grid[j + 1] * vals[j] for j in range(m)] + [grid[m] * vals[m]])
    return lower, upper


# -- ex-post buyers ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ExpostOptimum:
    """Best obedient mechanism for ex-post IR buyers (``None`` fields if none exists).

    Attributes
    ----------
    revenue, price
        Optimal revenue and smallest optimal price; ``None`` if no price in ``[0, v̄]``
        admits an obedient scheme.
    scheme
        An optimal scheme (``pi(q_k, s_i)`` table; marginals for action profiles).
    obedient_prices
        The candidate prices (valuations) at which an obedient scheme exists.
    """

    revenue: Fraction | None
    price: Fraction | None
    scheme: tuple[tuple[Fraction, ...], ...] | None
    obedient_prices: tuple[Fraction, ...]


def _expost_scheme_at(
    inst: DiscreteInstance, p: Fraction, ties: str, recommend_only: bool, signals: str
) -> tuple[tuple[Fraction, ...], ...] | None:
    n, K = inst.n, inst.K
    table = [[_0] * K for _ in range(n)]
    for k in inst.support:
        vals = [inst.values[i][k] for i in range(n)]
        allowed = [i for i in range(n) if (vals[i] > p if ties == "no-buy" else vals[i] >= p)]
        if recommend_only:
            forced: list[int] = []
        else:
            forced = [i for i in range(n) if (vals[i] >= p if ties == "buy" else vals[i] > p)]
        if signals == "action-profiles":
            for i in allowed:
                table[i][k] = _1
            continue
        if len(forced) > 1:
            return None
        pick = forced[0] if forced else (allowed[0] if allowed else None)
        if pick is not None:
            table[pick][k] = _1
    return tuple(tuple(r) for r in table)


def optimal_expost_mechanism(
    inst: DiscreteInstance,
    *,
    ties: str = "buy",
    recommend_only: bool = False,
    signals: str = "recommendation",
) -> ExpostOptimum:
    """The best fixed-price signaling mechanism obedient for ex-post IR buyers.

    For a price ``p``, (4)/(14) allow recommending buyer ``i`` only where he wants the item,
    and (5)/(15) force recommending him wherever he does; with Lemma 1's ``n + 1`` signals
    two buyers wanting the item at a level of positive probability make the price
    infeasible (Theorem 4.8's argument). ``recommend_only=True`` drops (15) (Theorem 4.9);
    ``signals="action-profiles"`` allows overlapping recommendations. The revenue is
    ``p · Pr[some buyer recommended]``; it is maximized over the valuations (the sets of
    buyers wanting the item only change there). ``ties`` in ``{"buy", "follow"}``.

    References
    ----------
    paper 002, §4.1.1, Theorem 4.2; §4.2.1, Proposition 4.7, Theorems 4.8 and 4.9.

    Examples
    --------
    >>> inst = DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"])
    >>> optimal_expost_mechanism(inst).revenue          # Theorem 4.8 says: no obedient mechanism
    Fraction(5, 1)
    >>> optimal_expost_mechanism(DiscreteInstance([[1, 2, 3]] * 2, ["1/3"] * 3)).revenue is None
    True
    """
    func = "optimal_expost_mechanism"
    inst = require_discrete(inst, func)
    check_ties(ties, func)
    if ties == "no-buy":
        raise ModelError(
            f"{func}(): under ties='no-buy' the supremum is not attained; use 'buy' or 'follow'"
        )
    _check_signals(signals, func)
    best: tuple[Fraction, Fraction, tuple[tuple[Fraction, ...], ...]] | None = None
    feasible = []
    for p in sorted({_0, *inst.value_points()}):
        table = _expost_scheme_at(inst, p, ties, recommend_only, signals)
        if table is None:
            continue
        chk = check_expost_obedience(inst, table, p, ties=ties, recommend_only=recommend_only)
        assert chk.satisfied, chk.violations()
        feasible.append(p)
        sold = sum(
            (
                g * min(_1, sum((table[i][k] for i in range(inst.n)), _0))
                for k, g in enumerate(inst.probs)
            ),
            _0,
        )
        rev = p * sold
        if best is None or rev > best[0]:
            best = (rev, p, table)
    if best is None:
        return ExpostOptimum(None, None, None, ())
    return ExpostOptimum(best[0], best[1], best[2], tuple(feasible))
