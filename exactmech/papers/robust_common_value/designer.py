"""The designer's problem at fixed multipliers, upper bounds, and the §5.1 reduction.

Paper 003, §4–§5.1. Problem (11)/(12) maximises ``Σ_v p(v) min_m Rev(v, m)`` jointly over
mechanisms and multipliers; at fixed multipliers it is a linear program in ``(q, P, γ)``.

* :func:`designer_lp` fixes the multipliers (17), ``α(j+1 | j) = a``, and solves for the best
  symmetric mechanism with messages ``0..k`` (one buyer: eq. (8)'s setting; ``I`` buyers: a
  symmetric mechanism stored by own message and multiset of others, §5.1 "Implications
  for numerical solution"). Its value is an exact *lower* bound on the optimal guarantee:
  the mechanism found guarantees it by weak duality (tested against the BCE LP (9)).
* :func:`information_upper_bound` is an *upper* bound for one buyer: the minimum over
  information structures whose posterior means lie on a grid of the seller's optimal
  revenue (a posted price), an LP in the spirit of Roesler and Szentes (2016) (§4.2).
  Every mechanism's guarantee is at most this value, so for one buyer
  ``EPM guarantee (23) <= designer_lp <= information_upper_bound``.
* :func:`markov_reduction` builds the mechanism of §5.1, eqs. (37)–(40), from any
  ``(q_i, P_i, α_i)``: message ``j`` plays the mixed strategy ``𝒜^j(· | 0)`` of the
  embedded Markov chain, and the identity (41) turns ``α`` into the local multipliers (40).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from exactmech.errors import InvalidProblemError
from exactmech.lp import LinearProgram, LPResult, lin_sum
from exactmech.lp.model import Variable
from exactmech.numbers import Q
from exactmech.papers.robust_common_value._common import (
    LPSizeError,
    PriorLike,
    as_positive,
    as_prior,
)
from exactmech.papers.robust_common_value.bce import MAX_LP_VARIABLES
from exactmech.papers.robust_common_value.mechanism import (
    FiniteMechanism,
    Multipliers,
    Profile,
    SymmetricMechanism,
    as_multipliers,
    multiset_minus,
    multisets,
)

__all__ = [
    "DesignerResult",
    "MarkovReduction",
    "UpperBoundResult",
    "designer_lp",
    "information_upper_bound",
    "markov_reduction",
]

_0 = Fraction(0)
_1 = Fraction(1)


@dataclass(frozen=True)
class DesignerResult:
    """Optimal symmetric mechanism at the fixed multipliers (17) (paper 003, Problem (11)).

    Attributes
    ----------
    value
        ``max Σ_v p(v) min_m Rev(v, m)`` over symmetric mechanisms with messages ``0..k``.
    mechanism
        An optimal :class:`SymmetricMechanism`; it guarantees ``value`` (weak duality).
    gamma
        ``{v: min_m Rev(v, m)}``.
    n_variables, n_constraints, seconds
        LP size and time.
    lp
        The certified LP result.
    """

    value: Fraction
    mechanism: SymmetricMechanism
    gamma: dict[Fraction, Fraction]
    n_variables: int
    n_constraints: int
    seconds: float
    lp: LPResult = field(repr=False)


def designer_lp(
    prior: PriorLike,
    buyers: int,
    k: int,
    a: Any,
    *,
    method: str = "auto",
    max_variables: int = MAX_LP_VARIABLES,
) -> DesignerResult:
    """Best symmetric mechanism at the multipliers (17), ``α(j+1|j) = a`` (paper 003, (11)).

    Variables: ``q(j, O) >= 0`` and free ``P(j, O)`` for ``j = 1..k`` and multisets ``O`` of
    the others' messages (``q(0, ·) = P(0, ·) = 0``), and ``γ(v)``. Constraints: feasibility
    ``Σ_{j ∈ s} c_j(s) q(j, s - j) <= 1`` and ``γ(v) <= Rev(v, s)`` for every multiset ``s``,
    with ``Rev(v, s) = Σ_{j ∈ s} c_j(s) [P(j, O) + a(v Δq - ΔP)]`` (the ``a``-term only for
    ``j < k``; ``Δ`` is the step from ``j`` to ``j + 1`` at the same ``O``).

    Examples
    --------
    One buyer with the known value 1, ``k = 1``, ``a = 1``: ``Rev(1, 0) = q(1) - P(1)`` and
    ``Rev(1, 1) = P(1)``, so the best is ``q(1) = 1``, ``P(1) = 1/2``:

    >>> res = designer_lp({1: 1}, 1, 1, 1)
    >>> res.value, res.mechanism.q(1, ()), res.mechanism.P(1, ())
    (Fraction(1, 2), Fraction(1, 1), Fraction(1, 2))
    """
    func = "designer_lp"
    dist = as_prior(prior, func)
    if not isinstance(buyers, int) or buyers < 1 or not isinstance(k, int) or k < 1:
        raise InvalidProblemError(f"{func}(): buyers={buyers!r} and k={k!r} must be integers >= 1")
    aq = as_positive(a, "a", func)
    t0 = time.perf_counter()
    n_msg = k + 1
    others_sets = multisets(n_msg, buyers - 1)
    sets = multisets(n_msg, buyers)
    n_vars = 2 * k * len(others_sets) + len(dist.values)
    if n_vars > max_variables or len(sets) * len(dist.values) > 20 * max_variables:
        raise LPSizeError(
            f"{func}(): {n_vars} variables and {len(sets) * len(dist.values)} rows exceed the "
            f"limit {max_variables}; use fewer values, messages or buyers"
        )
    lp = LinearProgram(f"designer(I={buyers}, k={k}, a={aq})", maximize=True)
    qv: dict[tuple[int, Profile], Variable | Fraction] = {}
    pv: dict[tuple[int, Profile], Variable | Fraction] = {}
    for o in others_sets:
        qv[(0, o)] = _0
        pv[(0, o)] = _0
        for j in range(1, n_msg):
            qv[(j, o)] = lp.var(f"q[{j};{','.join(map(str, o))}]", lb=0, ub=1)
            pv[(j, o)] = lp.var(f"P[{j};{','.join(map(str, o))}]", lb=None)
    gamma = {v: lp.var(f"gamma[{v}]", lb=None) for v in dist.values}
    for s in sets:
        cnt = Counter(s)
        lp.add(
            lin_sum(c * qv[(j, multiset_minus(s, j))] for j, c in cnt.items()) <= 1,
            f"feasible[{','.join(map(str, s))}]",
        )
        for v in dist.values:
            terms: list[Any] = []
            for j, c in cnt.items():
                o = multiset_minus(s, j)
                term: Any = pv[(j, o)]
                if j < k:
                    term = term + aq * (
                        v * (qv[(j + 1, o)] - qv[(j, o)]) - (pv[(j + 1, o)] - pv[(j, o)])
                    )
                terms.append(c * term)
            lp.add(gamma[v] <= lin_sum(terms), f"rev[{v};{','.join(map(str, s))}]")
    lp.maximize(lin_sum(p * gamma[v] for v, p in dist.items()))
    sol = lp.solve(method=method)
    sol.raise_for_status()

    def val(x: Variable | Fraction) -> Fraction:
        return x if isinstance(x, Fraction) else sol.value(x)

    table = {key: (val(qv[key]), val(pv[key])) for key in qv}
    mech = SymmetricMechanism(buyers, n_msg, table)
    obj = sol.objective
    assert isinstance(obj, Fraction)
    return DesignerResult(
        value=obj,
        mechanism=mech,
        gamma={v: sol.value(g) for v, g in gamma.items()},
        n_variables=len(lp.variables),
        n_constraints=len(lp.constraints),
        seconds=time.perf_counter() - t0,
        lp=sol.result,
    )


@dataclass(frozen=True)
class UpperBoundResult:
    """An information structure for one buyer and the seller's best revenue against it.

    Attributes
    ----------
    value
        ``min_τ max_x x · Pr[E[v | s] >= x]`` over the grid (an upper bound on the optimal
        revenue guarantee of every mechanism).
    signals
        ``{s: Pr[E[v|s] = s]}`` (positive entries), the buyer's posterior-mean distribution.
    joint
        ``{(v, s): τ(v, s)}`` (positive entries).
    """

    value: Fraction
    signals: dict[Fraction, Fraction]
    joint: dict[tuple[Fraction, Fraction], Fraction]
    lp: LPResult = field(repr=False)


def information_upper_bound(
    prior: PriorLike, grid: Any = None, *, method: str = "auto"
) -> UpperBoundResult:
    """Upper bound on one buyer's optimal revenue guarantee (paper 003, §1 and §4.2).

    Minimises, over joint distributions ``τ(v, s)`` with marginal ``p`` on ``v`` and
    unbiased signals (``E[v | s] = s``) on ``grid`` (default: the prior's support), the
    seller's optimal revenue ``max_{x ∈ grid} x Σ_{s >= x} Pr(s)`` (one buyer with a known
    value distribution: a posted price at a support point is optimal). Given that
    information structure and any mechanism the buyer best-responds, so the mechanism's
    guarantee is at most this value. Restricting posterior means to a grid only raises the
    minimum, so the bound stays valid; it tends to Roesler–Szentes's ``π*`` on fine grids.

    Examples
    --------
    Value 0 or 1 with equal probability, posterior means on ``{0, 1/2, 1}``: the buyer
    pools a sixth of each value into the signal 1/2, and prices 1/2 and 1 both earn 1/3:

    >>> information_upper_bound({0: "1/2", 1: "1/2"}, grid=[0, "1/2", 1]).value
    Fraction(1, 3)
    """
    func = "information_upper_bound"
    dist = as_prior(prior, func)
    pts = sorted({Q(x, "grid", func=func) for x in grid}) if grid is not None else list(dist.values)
    lp = LinearProgram("upper bound", maximize=False)
    tau = {(v, s): lp.var(f"tau[{v};{s}]") for v in dist.values for s in pts}
    R = lp.var("R", lb=None)
    for v, p in dist.items():
        lp.add(lin_sum(tau[(v, s)] for s in pts) == p, f"marg[{v}]")
    for s in pts:
        lp.add(lin_sum((v - s) * tau[(v, s)] for v in dist.values) == 0, f"unbiased[{s}]")
    for x in pts:
        lp.add(
            x * lin_sum(tau[(v, s)] for v in dist.values for s in pts if s >= x) <= R,
            f"price[{x}]",
        )
    lp.minimize(R)
    sol = lp.solve(method=method)
    sol.raise_for_status()
    joint = {key: sol.value(t) for key, t in tau.items() if sol.value(t)}
    signals: dict[Fraction, Fraction] = {}
    for (_, s), w in joint.items():
        signals[s] = signals.get(s, _0) + w
    obj = sol.objective
    assert isinstance(obj, Fraction)
    return UpperBoundResult(
        value=obj, signals=dict(sorted(signals.items())), joint=joint, lp=sol.result
    )


@dataclass(frozen=True)
class MarkovReduction:
    """The mechanism of paper 003, §5.1, (37)–(40), built from ``(q_i, P_i, α_i)``.

    Attributes
    ----------
    a
        The rate of eq. (37).
    transition
        Per buyer, the matrix ``𝒜_i`` of eq. (38) as ``{(m_i, m'_i): probability}``.
    mixed
        Per buyer, ``mixed[i][j] = 𝒜_i^j(· | 0)`` as a tuple over ``M_i``, ``j = 0..k``.
    mechanism
        ``(q̃_i, P̃_i)`` of eq. (39) on messages ``0..k``.
    alpha
        The multipliers (40): ``{(i, j, j + 1): a}``.
    """

    a: Fraction
    transition: tuple[dict[tuple[int, int], Fraction], ...]
    mixed: tuple[tuple[tuple[Fraction, ...], ...], ...]
    mechanism: FiniteMechanism
    alpha: dict[tuple[int, ...], Fraction]

    def mixed_allocation(self, base: FiniteMechanism, i: int, j: int, m: Profile) -> Fraction:
        """``Σ_{m_i} 𝒜_i^j(m_i | 0) q_i(m_i, m_-i)`` with the others' *original* messages."""
        return sum(
            (w * base.q(i, (*m[:i], x, *m[i + 1 :])) for x, w in enumerate(self.mixed[i][j])),
            _0,
        )

    def mixed_payment(self, base: FiniteMechanism, i: int, j: int, m: Profile) -> Fraction:
        """``Σ_{m_i} 𝒜_i^j(m_i | 0) P_i(m_i, m_-i)`` with the others' *original* messages."""
        return sum(
            (w * base.P(i, (*m[:i], x, *m[i + 1 :])) for x, w in enumerate(self.mixed[i][j])),
            _0,
        )


def markov_reduction(
    mech: FiniteMechanism, alpha: Multipliers, k: int, c: Any = 1
) -> MarkovReduction:
    """Paper 003, §5.1, (37)–(40): from any ``(q_i, P_i, α_i)`` to messages ``0..k`` and (17).

    ``a = max_i max_{m_i} Σ_{m'_i ≠ m_i} α_i(m'_i | m_i) + c`` (37);
    ``𝒜_i(m' | m) = α_i(m' | m) / a`` off the diagonal (38); message ``j`` of the new
    mechanism is the mixed strategy ``𝒜_i^j(· | 0)`` (39), extended linearly to every
    profile; the new multipliers are ``α̃(j + 1 | j) = a`` (40). Identity (41) then holds
    for ``j < k`` and (42) for interior profiles (property tests).

    Examples
    --------
    >>> base = FiniteMechanism((2,), lambda i, m: m[0], lambda i, m: Fraction(m[0], 2))
    >>> red = markov_reduction(base, {(0, 0, 1): 1}, 2)
    >>> red.a, red.mixed[0]
    (Fraction(2, 1), ((Fraction(1, 1), Fraction(0, 1)), (Fraction(1, 2), Fraction(1, 2)),
                      (Fraction(1, 4), Fraction(3, 4))))
    """
    func = "markov_reduction"
    if not isinstance(k, int) or k < 1:
        raise InvalidProblemError(f"{func}(): k={k!r} must be an integer >= 1")
    cq = as_positive(c, "c", func)
    al = as_multipliers(mech, alpha, func)
    if al and len(next(iter(al))) == 2:
        al = {(i, j, jp): x for (j, jp), x in al.items() for i in range(mech.buyers)}
    out_rate: dict[tuple[int, int], Fraction] = {}
    for (i, j, _), x in al.items():
        out_rate[(i, j)] = out_rate.get((i, j), _0) + x
    a = max(out_rate.values(), default=_0) + cq  # (37)
    trans: list[dict[tuple[int, int], Fraction]] = []
    mixed: list[tuple[tuple[Fraction, ...], ...]] = []
    for i, size in enumerate(mech.n_messages):
        t: dict[tuple[int, int], Fraction] = {}
        for j in range(size):
            stay = _1
            for jp in range(size):
                if jp != j:
                    x = al.get((i, j, jp), _0) / a  # (38)
                    if x:
                        t[(j, jp)] = x
                    stay -= x
            t[(j, j)] = stay
        trans.append(t)
        dist = tuple(_1 if x == 0 else _0 for x in range(size))
        rows = [dist]
        for _ in range(k):
            nxt = [_0] * size
            for (j, jp), x in t.items():
                nxt[jp] += dist[j] * x
            dist = tuple(nxt)
            rows.append(dist)
        mixed.append(tuple(rows))

    def weight(mt: Profile, m: Profile) -> Fraction:
        w = _1
        for i, (jt, x) in enumerate(zip(mt, m)):
            w *= mixed[i][jt][x]
            if not w:
                break
        return w

    base_profiles = list(mech.profiles())

    def build(what: str) -> Any:
        def f(i: int, mt: Profile) -> Fraction:
            tot = _0
            for m in base_profiles:
                w = weight(mt, m)
                if w:
                    tot += w * (mech.q(i, m) if what == "q" else mech.P(i, m))
            return tot

        return f

    new = FiniteMechanism((k + 1,) * mech.buyers, build("q"), build("P"))  # (39)
    alpha_new: dict[tuple[int, ...], Fraction] = {
        (i, j, j + 1): a for i in range(mech.buyers) for j in range(k)
    }  # (40)
    return MarkovReduction(a, tuple(trans), tuple(mixed), new, alpha_new)
