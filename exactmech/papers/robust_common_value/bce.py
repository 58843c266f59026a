"""The worst Bayes correlated equilibrium of a finite mechanism: LPs (9) and (10), exactly.

Paper 003, §4. For a mechanism ``(q_i, P_i)`` and a prior ``p`` on ``V``, a BCE is a
``μ ∈ Δ(V × M)`` with the prior as marginal (Consistency) and no profitable deviation
``m_i → m'_i`` for a buyer "recommended" ``m_i`` (Obedience). The worst BCE revenue is

    (9)   min_μ Σ_{v,m} μ(v, m) Σ_i P_i(m)
          s.t.  Σ_{v, m_-i} (U_i(v, m) - U_i(v, (m'_i, m_-i))) μ(v, m) >= 0   (i, m_i ≠ m'_i)
                Σ_m μ(v, m) = p(v)                                             (v ∈ V)
                μ >= 0,

and its dual is

    (10)  max_{α >= 0, γ} Σ_v p(v) γ(v)   s.t.  γ(v) <= Rev(v, m)   (v, m),

with the virtual revenue ``Rev`` of eq. (13). :func:`worst_case_revenue` solves (9) with
:mod:`exactmech.lp` (certified, exact) and reads ``α`` and ``γ`` off the duals;
:func:`dual_lp` solves (10) as its own LP (the two agree by LP duality, a property test).

**Symmetric reduction.** If the mechanism is symmetric (eq. (3)), averaging a BCE over the
``I!`` relabellings of the buyers gives a BCE with the same revenue, so (9) may be solved
over symmetric ``μ`` only. Its variables are the orbit masses ``w(v, s)`` of the multisets
``s`` of messages; buyer 1's obedience constraint ``(j, j')`` reads

    Σ_{v, s ∋ j} w(v, s) · (c_j(s) / I) · (U(v, j, s - j) - U(v, j', s - j)) >= 0,

where ``c_j(s)`` is the multiplicity of ``j`` in ``s`` (the share of the orbit of ``s`` in
which buyer 1 sends ``j``), and the other buyers' constraints are the same rows. This cuts
``|V|·(K+1)^I`` variables to ``|V|·C(K+I, I)`` and ``I·K(K+1)`` obedience rows to
``K(K+1)``. The dual multipliers of the reduced LP are ``I·α`` for the symmetric ``α``.

**Size limit.** LPs with more than :data:`MAX_LP_VARIABLES` variables raise
:class:`LPSizeError` (say ``max_variables=`` to go further); the message names the size
and, for a symmetric mechanism solved without the reduction, suggests it.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from exactmech.dist import Discrete
from exactmech.lp import LPProblem, LPResult, solve_problem
from exactmech.lp.problem import SparseRow
from exactmech.papers.robust_common_value._common import LPSizeError, PriorLike, as_prior
from exactmech.papers.robust_common_value.mechanism import (
    FiniteMechanism,
    Mechanism,
    Profile,
    SymmetricMechanism,
    multiset_minus,
)

__all__ = ["MAX_LP_VARIABLES", "BCEResult", "DualResult", "dual_lp", "worst_case_revenue"]

#: Default cap on the number of LP variables (|V|·|M|, or |V|·C(K+I, I) when reduced).
#: About 20 s of solve time on the development machine at this size.
MAX_LP_VARIABLES = 60_000

_0 = Fraction(0)


@dataclass(frozen=True)
class BCEResult:
    """The worst BCE of a mechanism (paper 003, LP (9)) with the optimal dual of (10).

    Attributes
    ----------
    revenue
        ``min`` over BCE of expected revenue (exact).
    mu
        A revenue-minimising BCE: ``{(v, m): μ(v, m)}`` over positive entries; with the
        symmetric reduction, ``m`` is a multiset and the value is the orbit mass ``w(v, m)``.
    alpha
        Optimal multipliers of (10): ``{(m_i, m'_i): α}`` (symmetric) or
        ``{(i, m_i, m'_i): α}``, positive entries only.
    gamma
        ``{v: γ(v)}``; ``Σ_v p(v) γ(v) = revenue`` and ``γ(v) = min_m Rev(v, m)`` on the
        support.
    symmetric
        Whether the symmetric reduction was used.
    n_variables, n_constraints
        The LP's size.
    seconds
        Wall time of building and solving (certificate check included).
    lp
        The certified :class:`~exactmech.lp.LPResult` of (9).
    """

    revenue: Fraction
    mu: dict[tuple[Fraction, Profile], Fraction]
    alpha: dict[tuple[int, ...], Fraction]
    gamma: dict[Fraction, Fraction]
    symmetric: bool
    n_variables: int
    n_constraints: int
    seconds: float
    lp: LPResult = field(repr=False)


@dataclass(frozen=True)
class DualResult:
    """The dual LP (10) solved on its own: ``value = Σ_v p(v) γ(v)`` and its ``α``, ``γ``."""

    value: Fraction
    alpha: dict[tuple[int, ...], Fraction]
    gamma: dict[Fraction, Fraction]
    symmetric: bool
    n_variables: int
    n_constraints: int
    seconds: float
    lp: LPResult = field(repr=False)


def _check_size(n: int, limit: int, what: str, hint: str, func: str) -> None:
    if n > limit:
        raise LPSizeError(
            f"{func}(): the {what} has {n} variables, above the limit {limit}; {hint}"
            f"or pass max_variables={n} to solve it anyway"
        )


def _use_symmetric(mech: Mechanism, symmetric: bool | None, func: str) -> bool:
    if symmetric is None:
        return isinstance(mech, SymmetricMechanism)
    if symmetric and not isinstance(mech, SymmetricMechanism):
        raise LPSizeError(
            f"{func}(): symmetric=True needs a SymmetricMechanism (FiniteMechanism.symmetrize() "
            "builds one when the mechanism satisfies eq. (3))"
        )
    return bool(symmetric)


def _hint(mech: Mechanism, symmetric: bool) -> str:
    if isinstance(mech, SymmetricMechanism) and not symmetric:
        return (
            "use the symmetric reduction (symmetric=True, the default for a symmetric mechanism), "
        )
    if isinstance(mech, FiniteMechanism) and mech.is_symmetric():
        return "the mechanism is symmetric: pass mech.symmetrize() to use the symmetric reduction, "
    return "use fewer values or messages, "


def worst_case_revenue(
    mech: Mechanism,
    prior: PriorLike,
    *,
    symmetric: bool | None = None,
    method: str = "auto",
    max_variables: int = MAX_LP_VARIABLES,
) -> BCEResult:
    """The minimum expected revenue over all BCE of ``mech`` (paper 003, LP (9)), exactly.

    Parameters
    ----------
    mech
        A :class:`FiniteMechanism` or :class:`SymmetricMechanism`.
    prior
        Discrete prior of the common value on ``[0, 1]`` (see :func:`as_prior`).
    symmetric
        Use the symmetric reduction (default: iff ``mech`` is a :class:`SymmetricMechanism`).
    method
        LP method of :func:`exactmech.lp.solve_problem`.
    max_variables
        Size limit (see :data:`MAX_LP_VARIABLES`).

    Returns
    -------
    BCEResult

    References
    ----------
    Paper 003, §2 (BCE), §4, LPs (9) and (10); §5.1 (symmetric mechanisms).

    Examples
    --------
    A posted price of 1/4 to one buyer with value 0 or 1 (probability 1/2 each): the worst
    information pools v = 0 with a sixth of v = 1, and the buyer buys with probability 1/3:

    >>> from fractions import Fraction
    >>> from exactmech.papers.robust_common_value import SymmetricMechanism
    >>> price = SymmetricMechanism(1, 2, lambda own, o: (own, Fraction(own, 4)))
    >>> res = worst_case_revenue(price, {0: "1/2", 1: "1/2"})
    >>> res.revenue, res.alpha, res.gamma
    (Fraction(1, 12), {(0, 1): Fraction(1, 3)},
     {Fraction(0, 1): Fraction(-1, 12), Fraction(1, 1): Fraction(1, 4)})
    """
    func = "worst_case_revenue"
    dist = as_prior(prior, func)
    t0 = time.perf_counter()
    sym = _use_symmetric(mech, symmetric, func)
    if sym:
        assert isinstance(mech, SymmetricMechanism)
        problem, keys, rows = _primal_symmetric(mech, dist, max_variables, func)
    else:
        fm = mech.to_finite() if isinstance(mech, SymmetricMechanism) else mech
        n_vars = len(dist.values) * _count(fm)
        _check_size(n_vars, max_variables, "BCE LP (9)", _hint(mech, False), func)
        problem, keys, rows = _primal_full(fm, dist)
    res = solve_problem(problem, method=method)
    res.raise_for_status()
    assert res.x is not None and res.dual_ub is not None and res.dual_eq is not None
    mu = {k: x for k, x in zip(keys, res.x) if x}
    scale = Fraction(1, mech.buyers) if sym else Fraction(1)
    alpha = {r: -y * scale for r, y in zip(rows, res.dual_ub) if y}
    gamma = dict(zip(dist.values, res.dual_eq))
    assert res.fun is not None
    return BCEResult(
        revenue=res.fun,
        mu=mu,
        alpha=alpha,
        gamma=gamma,
        symmetric=sym,
        n_variables=problem.n,
        n_constraints=len(problem.b_ub) + len(problem.b_eq),
        seconds=time.perf_counter() - t0,
        lp=res,
    )


def _count(fm: FiniteMechanism) -> int:
    n = 1
    for k in fm.n_messages:
        n *= k
    return n


def _primal_full(
    fm: FiniteMechanism, dist: Discrete
) -> tuple[LPProblem, list[tuple[Fraction, Profile]], list[tuple[int, ...]]]:
    values = dist.values
    profiles = list(fm.profiles())
    keys = [(v, m) for v in values for m in profiles]
    index = {k: n for n, k in enumerate(keys)}
    c = tuple(fm.revenue(m) for _, m in keys)
    rows: list[tuple[int, ...]] = []
    A_ub: list[SparseRow] = []
    # Obedience (9): Σ μ(v,m)(U_i(v,m) - U_i(v,(j',m_-i))) >= 0, stored as -(...) <= 0.
    for i, size in enumerate(fm.n_messages):
        for j in range(size):
            sub = [m for m in profiles if m[i] == j]
            for jp in range(size):
                if jp == j:
                    continue
                entries: list[tuple[int, Fraction]] = []
                for m in sub:
                    m2 = (*m[:i], jp, *m[i + 1 :])
                    dq = fm._q[m2][i] - fm._q[m][i]
                    dp = fm._P[m2][i] - fm._P[m][i]
                    for v in values:
                        coef = v * dq - dp  # U_i(v, m') - U_i(v, m)
                        if coef:
                            entries.append((index[(v, m)], coef))
                if entries:
                    rows.append((i, j, jp))
                    A_ub.append(tuple(sorted(entries)))
    A_eq = [tuple((index[(v, m)], Fraction(1)) for m in profiles) for v in values]
    problem = LPProblem(
        c=c,
        A_ub=tuple(A_ub),
        b_ub=(_0,) * len(A_ub),
        A_eq=tuple(A_eq),
        b_eq=tuple(dist.probs),
        bounds=((_0, None),) * len(keys),
        ub_names=tuple(f"obey[{i},{j},{jp}]" for i, j, jp in rows),
        eq_names=tuple(f"consistency[{v}]" for v in values),
    )
    return problem, keys, rows


def _primal_symmetric(
    mech: SymmetricMechanism, dist: Discrete, limit: int, func: str
) -> tuple[LPProblem, list[tuple[Fraction, Profile]], list[tuple[int, ...]]]:
    values = dist.values
    sets = mech.multisets()
    _check_size(
        len(values) * len(sets),
        limit,
        "symmetric BCE LP (9)",
        "use fewer values or messages, ",
        func,
    )
    keys = [(v, s) for v in values for s in sets]
    index = {k: n for n, k in enumerate(keys)}
    c = tuple(mech.revenue(s) for _, s in keys)
    n, k = mech.buyers, mech.n_messages
    table = mech._table
    rows_map: dict[tuple[int, int], list[tuple[int, Fraction]]] = {}
    for s in sets:
        for j, cnt in Counter(s).items():
            others = multiset_minus(s, j)
            q, p = table[(j, others)]
            share = Fraction(cnt, n)
            for jp in range(k):
                if jp == j:
                    continue
                q2, p2 = table[(jp, others)]
                dq, dp = q2 - q, p2 - p
                for v in values:
                    coef = share * (v * dq - dp)
                    if coef:
                        rows_map.setdefault((j, jp), []).append((index[(v, s)], coef))
    rows = sorted(rows_map)
    A_ub = [tuple(sorted(rows_map[r])) for r in rows]
    A_eq = [tuple((index[(v, s)], Fraction(1)) for s in sets) for v in values]
    problem = LPProblem(
        c=c,
        A_ub=tuple(A_ub),
        b_ub=(_0,) * len(A_ub),
        A_eq=tuple(A_eq),
        b_eq=tuple(dist.probs),
        bounds=((_0, None),) * len(keys),
        ub_names=tuple(f"obey[{j},{jp}]" for j, jp in rows),
        eq_names=tuple(f"consistency[{v}]" for v in values),
    )
    return problem, keys, list(rows)


def dual_lp(
    mech: Mechanism,
    prior: PriorLike,
    *,
    symmetric: bool | None = None,
    method: str = "auto",
    max_variables: int = MAX_LP_VARIABLES,
) -> DualResult:
    """Solve the dual LP (10) of paper 003 directly: ``max Σ_v p(v) γ(v)``, ``γ(v) <= Rev(v, m)``.

    With ``symmetric`` (default for a :class:`SymmetricMechanism`) the multipliers are
    restricted to symmetric ones ``α(m'_i | m_i)`` and rows run over multisets; by the
    symmetric reduction the optimum is the same.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from exactmech.papers.robust_common_value import SymmetricMechanism
    >>> price = SymmetricMechanism(1, 2, lambda own, o: (own, Fraction(own, 4)))
    >>> dual_lp(price, {0: "1/2", 1: "1/2"}).value
    Fraction(1, 12)
    """
    func = "dual_lp"
    dist = as_prior(prior, func)
    t0 = time.perf_counter()
    sym = _use_symmetric(mech, symmetric, func)
    values = dist.values
    cols: list[tuple[int, ...]] = []
    base: Mechanism = mech
    if sym:
        assert isinstance(mech, SymmetricMechanism)
        k = mech.n_messages
        cols = [(j, jp) for j in range(k) for jp in range(k) if j != jp]
        profiles: list[Profile] = mech.multisets()
    else:
        fm = _finite(mech)
        base = fm
        cols = [
            (i, j, jp)
            for i, size in enumerate(fm.n_messages)
            for j in range(size)
            for jp in range(size)
            if j != jp
        ]
        profiles = list(fm.profiles())
    n_rows = len(values) * len(profiles)
    _check_size(n_rows, max_variables, "dual LP (10) (rows)", _hint(mech, sym), func)
    col_index = {c: len(values) + n for n, c in enumerate(cols)}
    A_ub: list[SparseRow] = []
    b_ub: list[Fraction] = []
    for m in profiles:
        # Rev(v, m) = R(m) + Σ_i Σ_j' (U_i(v, j', m_-i) - U_i(v, m)) α_i(j'|m_i)
        terms = _deviation_terms(base, m, sym)
        rev = base.revenue(m)
        for t, v in enumerate(values):
            entries: dict[int, Fraction] = {t: Fraction(1)}
            for col, (dq, dp) in terms.items():
                coef = -(v * dq - dp)  # γ + Σ (U(m) - U(m')) α <= R(m)
                if coef:
                    j = col_index[col]
                    entries[j] = entries.get(j, _0) + coef
            A_ub.append(tuple(sorted((j, a) for j, a in entries.items() if a)))
            b_ub.append(rev)
    c = tuple(dist.probs) + (_0,) * len(cols)
    bounds = ((None, None),) * len(values) + ((_0, None),) * len(cols)
    problem = LPProblem(c=c, A_ub=tuple(A_ub), b_ub=tuple(b_ub), bounds=bounds, maximize=True)
    res = solve_problem(problem, method=method)
    res.raise_for_status()
    assert res.x is not None and res.fun is not None
    alpha = {col: x for col, x in zip(cols, res.x[len(values) :]) if x}
    gamma = dict(zip(values, res.x[: len(values)]))
    return DualResult(
        value=res.fun,
        alpha=alpha,
        gamma=gamma,
        symmetric=sym,
        n_variables=problem.n,
        n_constraints=len(A_ub),
        seconds=time.perf_counter() - t0,
        lp=res,
    )


def _finite(mech: Mechanism) -> FiniteMechanism:
    return mech.to_finite() if isinstance(mech, SymmetricMechanism) else mech


def _deviation_terms(
    mech: Any, m: Profile, sym: bool
) -> dict[tuple[int, ...], tuple[Fraction, Fraction]]:
    """``{column: (Δq, ΔP)}`` summed over the buyers of ``m`` for each multiplier column."""
    out: dict[tuple[int, ...], tuple[Fraction, Fraction]] = {}
    if sym:
        table = mech._table
        for j, cnt in Counter(m).items():
            others = multiset_minus(m, j)
            q, p = table[(j, others)]
            for jp in range(mech.n_messages):
                if jp != j:
                    q2, p2 = table[(jp, others)]
                    dq, dp = out.get((j, jp), (_0, _0))
                    out[(j, jp)] = (dq + cnt * (q2 - q), dp + cnt * (p2 - p))
        return out
    for i, size in enumerate(mech.n_messages):
        for jp in range(size):
            if jp != m[i]:
                m2 = (*m[:i], jp, *m[i + 1 :])
                out[(i, m[i], jp)] = (
                    mech._q[m2][i] - mech._q[m][i],
                    mech._P[m2][i] - mech._P[m][i],
                )
    return out
