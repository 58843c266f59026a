"""Paper 000, §3.1–§3.3: the optimal face of the mechanism LP, uniqueness, interim rules.

The §3.1 LP (:func:`exactmech.auctions.optimal_mechanism`) often has many revenue-optimal
solutions; the paper's Gurobi runs keep one that maximises buyer surplus. This module

* returns both ends of the revenue-optimal face (:func:`optimal_face`);
* decides exactly whether the optimal mechanism is *unique* (§3.2 says "the unique optimal
  mechanism" twice) and, when it is not, returns a second optimal mechanism as a witness;
* reads a direct mechanism the way the paper describes mechanisms: per type, the interim
  probability of each good, the interim payment and the price per unit won
  (:func:`interim_rule`), the menu (for one buyer), and the buyer-symmetric average of a
  mechanism for i.i.d. buyers (:func:`symmetrize`: "randomly choose one such buyer");
* checks a mechanism written down by hand against the LP's constraints
  (:func:`check_mechanism`), e.g. the §3.3 mechanism exactly as printed.

**Uniqueness test.** Let ``F`` be the revenue-optimal face and ``x*`` a point of it. Let
``A`` be the constraints active at ``x*`` (tight rows, variables at 0). Solve
``max Σ_{a ∈ A} slack_a(x)`` over ``F``: a positive optimum gives a point of ``F`` other than
``x*`` (the witness). If the optimum is 0 every point of ``F`` keeps ``A`` tight; then ``F``
is ``{x*}`` iff the rows of ``A`` have full column rank, and otherwise ``x*`` plus a small
multiple of a null-space direction of ``A`` is a second optimal point.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

from sympy import QQ
from sympy.polys.matrices import DomainMatrix

from exactmech.auctions import (
    Mechanism,
    MechanismLP,
    mechanism_from_solution,
    optimal_mechanism,
)
from exactmech.errors import InvalidProblemError, ShapeError
from exactmech.lp import LPProblem, solve_problem
from exactmech.numbers import Q

__all__ = [
    "InterimType",
    "MechanismCheck",
    "OptimalFace",
    "check_mechanism",
    "interim_rule",
    "mechanism_from_solution",
    "optimal_face",
    "second_optimal_mechanism",
    "symmetrize",
]

_0 = Fraction(0)
Profile = tuple[int, ...]




def _solution(mech: Mechanism) -> list[Fraction]:
    mlp = mech.lp
    x = [_0] * mlp.problem.n
    for (t, j, k), idx in mlp.q_index.items():
        x[idx] = mech.allocation[t][j][k]
    for (t, j), idx in mlp.r_index.items():
        x[idx] = mech.payments[t][j]
    return x


def _dot(row: Sequence[tuple[int, Fraction]], x: Sequence[Fraction]) -> Fraction:
    return sum((a * x[j] for j, a in row), _0)


def _to_fraction(v: Any) -> Fraction:
    return Fraction(int(v.numerator), int(v.denominator))


def _face(mech: Mechanism) -> LPProblem:
    """The revenue-optimal face of ``mech``'s LP (rows of the LP plus revenue = optimum)."""
    mlp = mech.lp
    assert mech.revenue is not None
    row = tuple((j, v) for j, v in enumerate(mlp.revenue) if v)
    p = mlp.problem
    return replace(
        p,
        A_eq=(*p.A_eq, row),
        b_eq=(*p.b_eq, mech.revenue),
        eq_names=(*p.eq_names, "revenue=opt"),
    )


def second_optimal_mechanism(mech: Mechanism) -> Mechanism | None:
    """Another revenue-optimal mechanism of the same LP, or ``None`` if ``mech`` is unique.

    See the module docstring for the method (one auxiliary LP and one exact rank
    computation; paper 000, §3.2 claims uniqueness for both examples).

    Examples
    --------
    >>> from exactmech.auctions import optimal_mechanism
    >>> second_optimal_mechanism(optimal_mechanism([[(3, 4), (4, 9)]], [["1/2", "1/2"]])) is None
    True
    >>> m = optimal_mechanism([[1, 2, 3]] * 2, [["1/4", "1/4", "1/2"]] * 2)
    >>> other = second_optimal_mechanism(m)
    >>> other.revenue == m.revenue and other.allocation != m.allocation
    True
    """
    if mech.status != "optimal":
        raise InvalidProblemError(
            f"second_optimal_mechanism(): the mechanism's LP is {mech.status}, not optimal"
        )
    face = _face(mech)
    x = _solution(mech)
    active_rows = [k for k, (row, b) in enumerate(zip(face.A_ub, face.b_ub)) if _dot(row, x) == b]
    at_zero = [j for j in range(face.n) if x[j] == 0]
    # maximise Σ slack_k = Σ (b_k − a_k·x) + Σ x_j  <=>  maximise (−Σ a_k + Σ e_j)·x
    c = [_0] * face.n
    for k in active_rows:
        for j, a in face.A_ub[k]:
            c[j] -= a
    for j in at_zero:
        c[j] += 1
    res = solve_problem(replace(face, c=tuple(c), maximize=True, c0=_0))
    assert res.status == "optimal" and res.x is not None and res.fun is not None
    base = sum((ci * xi for ci, xi in zip(c, x)), _0)
    if res.fun > base:
        return mechanism_from_solution(mech.lp, res.x)
    rows = [face.A_ub[k] for k in active_rows] + list(face.A_eq)
    rows += [((j, Fraction(1)),) for j in at_zero]
    dense = [[QQ(0)] * face.n for _ in rows]
    for r, row in enumerate(rows):
        for j, a in row:
            dense[r][j] = QQ(a.numerator, a.denominator)
    matrix = DomainMatrix(dense, (len(rows), face.n), QQ)
    if matrix.rank() == face.n:
        return None
    d = [_to_fraction(v) for v in matrix.nullspace().to_list()[0]]
    step: Fraction | None = None  # largest step keeping the inactive rows and bounds
    for k, (row, b) in enumerate(zip(face.A_ub, face.b_ub)):
        ad = _dot(row, d)
        if k not in active_rows and ad > 0:
            s = (b - _dot(row, x)) / ad
            step = s if step is None else min(step, s)
    for j in range(face.n):
        if d[j] < 0 and x[j] > 0:
            s = x[j] / -d[j]
            step = s if step is None else min(step, s)
    eps = Fraction(1) if step is None else step / 2
    return mechanism_from_solution(mech.lp, [a + eps * b for a, b in zip(x, d)])


@dataclass(frozen=True)
class OptimalFace:
    """The revenue-optimal face of the §3.1 LP (paper 000, §3.1–§3.2).

    Attributes
    ----------
    revenue : Fraction
        The optimal expected revenue.
    max_surplus, min_surplus : Mechanism
        Optimal mechanisms with the most and the least buyer surplus (the paper's tie rule
        is ``max_surplus``).
    unique : bool
        Whether the optimal mechanism is unique.
    witness : Mechanism or None
        A second optimal mechanism when ``unique`` is false.
    """

    revenue: Fraction
    max_surplus: Mechanism = field(repr=False)
    min_surplus: Mechanism = field(repr=False)
    unique: bool
    witness: Mechanism | None = field(default=None, repr=False)

    @property
    def surplus_range(self) -> tuple[Fraction, Fraction]:
        """``(min, max)`` buyer surplus over the optimal face."""
        lo, hi = self.min_surplus.buyer_surplus, self.max_surplus.buyer_surplus
        assert lo is not None and hi is not None
        return lo, hi


def optimal_face(
    values: Sequence[Sequence[Any]],
    prior: Any,
    *,
    ic: str = "ex-post",
    ir: str = "ex-post",
    method: str = "auto",
) -> OptimalFace:
    """Both ends of the revenue-optimal face and a uniqueness test (paper 000, §3.1–§3.2).

    Parameters
    ----------
    values, prior, ic, ir, method
        As in :func:`exactmech.auctions.optimal_mechanism`.

    Returns
    -------
    OptimalFace

    References
    ----------
    Paper 000, §3.1 (the LP and the max-surplus tie rule), §3.2 ("the unique optimal
    mechanism").

    Examples
    --------
    >>> face = optimal_face([[1, 2, 3]] * 2, [["1/4", "1/4", "1/2"]] * 2)   # §3.3
    >>> face.revenue, face.surplus_range, face.unique
    (Fraction(9, 4), (Fraction(0, 1), Fraction(3, 8)), False)
    """
    hi = optimal_mechanism(values, prior, ic=ic, ir=ir, tie="max-surplus", method=method)
    lo = optimal_mechanism(values, prior, ic=ic, ir=ir, tie="min-surplus", method=method)
    assert hi.revenue is not None
    if hi.buyer_surplus != lo.buyer_surplus:
        return OptimalFace(hi.revenue, hi, lo, False, lo)
    other = second_optimal_mechanism(hi)
    return OptimalFace(hi.revenue, hi, lo, other is None, other)


@dataclass(frozen=True)
class InterimType:
    """One type's interim outcome in a direct mechanism (paper 000, §3.2–§3.3 descriptions).

    Attributes
    ----------
    buyer, type : int
        Buyer and type index (0-based).
    value : tuple of Fraction
        The type's value per good.
    probability : Fraction
        Prior probability of the type.
    allocation : tuple of Fraction
        Interim probability of receiving each good ``E[q_k | type]``.
    payment : Fraction
        Interim expected payment ``E[r | type]``.
    utility : Fraction
        Interim expected utility.
    unit_price : Fraction or None
        For one good: ``payment / allocation`` (the price per unit won), ``None`` if the
        type never wins.
    """

    buyer: int
    type: int
    value: tuple[Fraction, ...]
    probability: Fraction
    allocation: tuple[Fraction, ...]
    payment: Fraction
    utility: Fraction
    unit_price: Fraction | None


def interim_rule(mech: Mechanism, buyer: int = 0) -> list[InterimType]:
    """The interim allocation, payment, utility and unit price of every type of ``buyer``.

    The paper describes its optimal mechanisms this way: "sell them the good for 2.5"
    (§3.3) is the price per unit won, ``E[r | type] / E[q | type]``.

    >>> m = optimal_mechanism([[1, 2, 3]] * 2, [["1/4", "1/4", "1/2"]] * 2)
    >>> [r.unit_price for r in interim_rule(symmetrize(m))]
    [None, Fraction(2, 1), Fraction(5, 2)]
    """
    mlp = mech.lp
    if not 0 <= buyer < mlp.buyers:
        raise ShapeError(f"interim_rule(): buyer={buyer} but the mechanism has {mlp.buyers}")
    m = mlp.goods
    out = []
    for i, vec in enumerate(mlp.types[buyer]):
        prob = sum((p for t, p in mlp.prior.items() if t[buyer] == i), _0)
        alloc, pay = [_0] * m, _0
        for t, p in mlp.prior.items():
            if t[buyer] != i:
                continue
            w = p / prob
            for k in range(m):
                alloc[k] += w * mech.allocation[t][buyer][k]
            pay += w * mech.payments[t][buyer]
        util = sum((a * b for a, b in zip(vec, alloc)), _0) - pay
        unit = pay / alloc[0] if m == 1 and alloc[0] else None
        out.append(InterimType(buyer, i, vec, prob, tuple(alloc), pay, util, unit))
    return out


def symmetrize(mech: Mechanism) -> Mechanism:
    """Average a mechanism over all permutations of identical, exchangeable buyers.

    For i.i.d. buyers the average of an optimal mechanism is optimal with the same revenue
    and surplus; it breaks ties "randomly" as the paper's §3.3 description does.
    """
    mlp = mech.lp
    ell = mlp.buyers
    if any(mlp.types[j] != mlp.types[0] for j in range(ell)):
        raise InvalidProblemError("symmetrize(): the buyers do not have the same types")
    perms = list(itertools.permutations(range(ell)))
    for t, p in mlp.prior.items():
        for s in perms:
            if mlp.prior.get(tuple(t[s[j]] for j in range(ell)), _0) != p:
                raise InvalidProblemError("symmetrize(): the prior is not exchangeable")
    x = [_0] * mlp.problem.n
    for t in mlp.profiles:
        for s in perms:
            ts = tuple(t[s[j]] for j in range(ell))  # buyer j of t plays buyer s[j]'s part
            for j in range(ell):
                for k in range(mlp.goods):
                    x[mlp.q_index[(t, j, k)]] += mech.allocation[ts][s[j]][k] / len(perms)
                x[mlp.r_index[(t, j)]] += mech.payments[ts][s[j]] / len(perms)
    return mechanism_from_solution(mlp, x)


@dataclass(frozen=True)
class MechanismCheck:
    """A hand-written mechanism checked against the §3.1 LP.

    Attributes
    ----------
    feasible : bool
        Whether every constraint holds.
    violated : tuple of str
        Names of the violated constraints (e.g. ``"IC[0][2->1][(0,)]"``).
    revenue, buyer_surplus : Fraction
        Its expected revenue and buyer surplus.
    mechanism : Mechanism
    """

    feasible: bool
    violated: tuple[str, ...]
    revenue: Fraction
    buyer_surplus: Fraction
    mechanism: Mechanism = field(repr=False)


def check_mechanism(
    mlp: MechanismLP,
    allocation: Any,
    payments: Any,
) -> MechanismCheck:
    """Check a mechanism written as functions or dicts of type profiles.

    Parameters
    ----------
    mlp
        The LP (:func:`exactmech.auctions.build_mechanism_lp`), which fixes types, prior
        and the IC/IR reading.
    allocation, payments
        Callables ``profile -> per-buyer tuple`` (allocation: per buyer a tuple per good, or
        a number for one good), or dicts keyed by profile.

    References
    ----------
    Paper 000, §3.1 (the constraints), §3.3 (the printed no-disclosure mechanism).
    """
    x = [_0] * mlp.problem.n
    for t in mlp.profiles:
        q = allocation(t) if callable(allocation) else allocation[t]
        r = payments(t) if callable(payments) else payments[t]
        for j in range(mlp.buyers):
            qj = q[j] if isinstance(q[j], (tuple, list)) else (q[j],)
            for k in range(mlp.goods):
                x[mlp.q_index[(t, j, k)]] = Q(
                    qj[k], f"allocation[{t}][{j}]", func="check_mechanism"
                )
            x[mlp.r_index[(t, j)]] = Q(r[j], f"payments[{t}][{j}]", func="check_mechanism")
    p = mlp.problem
    bad = [
        name
        for row, b, name in zip(p.A_ub, p.b_ub, p.ub_names)
        if _dot(row, x) > b and name != "revenue_floor"
    ]
    bad += [name for row, b, name in zip(p.A_eq, p.b_eq, p.eq_names) if _dot(row, x) != b]
    bad += [p.var_names[j] for j in range(p.n) if x[j] < 0]
    mech = mechanism_from_solution(mlp, x)
    assert mech.revenue is not None and mech.buyer_surplus is not None
    return MechanismCheck(not bad, tuple(bad), mech.revenue, mech.buyer_surplus, mech)
