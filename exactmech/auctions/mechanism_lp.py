"""The optimal-mechanism linear program of paper 000, §3.1 (exact).

Model (paper 000, §3.1): ℓ buyers, m goods, additive values. Buyer ``j`` has ``n_j`` types;
type ``i`` of buyer ``j`` values good ``k`` at ``v[j][i][k]``. A prior ``p`` on type profiles
``t ∈ T = Π_j [n_j]`` (independent or correlated). A direct mechanism allocates
``q[t][j][k] ∈ [0, 1]`` (``Σ_j q[t][j][k] <= 1``) and charges ``r[t][j] >= 0`` (or of
either sign with ``payments="free"``, as paper 001 §2.1 allows). The seller
maximises expected revenue ``Σ_t p_t Σ_j r[t][j]``.

**Reading of the constraints.** The IC constraint printed in §3.1 is garbled (its right-hand
side sums over the other buyers' types and values the misreport with the *misreported*
type's values). We implement the standard readings and let the caller choose:

* ``ic="ex-post"`` (default; dominant-strategy IC): for every buyer ``j``, every profile of
  the others ``t_{-j}`` and types ``i, i'``:
  ``v_{j,i}·q[(i,t_{-j})][j] − r[(i,t_{-j})][j] >= v_{j,i}·q[(i',t_{-j})][j] − r[(i',t_{-j})][j]``;
* ``ic="interim"`` (Bayesian IC): the same inequality weighted by ``p(i, t_{-j})`` and summed
  over ``t_{-j}`` (expected over the others' types conditional on ``i``);
* ``ir="ex-post"`` (default, as printed) or ``ir="interim"``.

The paper notes that the ex-post-constrained LP has the same optimal value and buyer surplus
as the relaxed one for its examples; :func:`optimal_mechanism` lets a user check that
(``tests/auctions/test_mechanism_lp.py`` does for the §3.2 and §3.3 examples).

**Tie-breaking is part of the equilibrium.** The paper's Gurobi runs maximise buyer surplus
among revenue-optimal mechanisms (§3.1, last paragraph); ``tie="max-surplus"`` (default)
does that lexicographically and exactly, ``tie="min-surplus"`` gives the other end of the
optimal face, ``tie=None`` returns whatever optimal vertex the simplex finds.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

from exactmech.errors import DistributionError, InvalidProblemError, ShapeError
from exactmech.lp import LexResult, LPProblem, solve_lex
from exactmech.numbers import Q, fraction_str

__all__ = [
    "Mechanism",
    "MechanismLP",
    "build_mechanism_lp",
    "mechanism_from_solution",
    "optimal_mechanism",
    "product_prior",
]

Profile = tuple[int, ...]
_0 = Fraction(0)


def product_prior(marginals: Sequence[Sequence[Any]]) -> dict[Profile, Fraction]:
    """The independent joint prior ``p(t) = Π_j p_j(t_j)`` from per-buyer type probabilities.

    >>> product_prior([["1/2", "1/2"], [1]])
    {(0, 0): Fraction(1, 2), (1, 0): Fraction(1, 2)}
    """
    probs = []
    for j, marg in enumerate(marginals):
        ps = [Q(p, f"marginals[{j}][{i}]", func="product_prior") for i, p in enumerate(marg)]
        if any(p < 0 for p in ps) or sum(ps) != 1:
            raise DistributionError(
                f"product_prior(): marginals[{j}] sums to {fraction_str(sum(ps, _0))}, expected 1"
            )
        probs.append(ps)
    out: dict[Profile, Fraction] = {}
    for t in itertools.product(*(range(len(p)) for p in probs)):
        w = Fraction(1)
        for j, i in enumerate(t):
            w *= probs[j][i]
        out[t] = w
    return out


@dataclass(frozen=True)
class MechanismLP:
    """The LP of paper 000 §3.1 with its variable layout (see :func:`build_mechanism_lp`)."""

    problem: LPProblem
    types: tuple[tuple[tuple[Fraction, ...], ...], ...]
    prior: dict[Profile, Fraction]
    profiles: tuple[Profile, ...]
    revenue: tuple[Fraction, ...]
    surplus: tuple[Fraction, ...]
    q_index: dict[tuple[Profile, int, int], int] = field(repr=False)
    r_index: dict[tuple[Profile, int], int] = field(repr=False)
    #: ``utilities[j]``: buyer ``j``'s expected utility as a linear form (``surplus`` is their sum)
    utilities: tuple[tuple[Fraction, ...], ...] = field(repr=False)

    @property
    def buyers(self) -> int:
        """Number of buyers ℓ."""
        return len(self.types)

    @property
    def goods(self) -> int:
        """Number of goods m."""
        return len(self.types[0][0])


def _types(values: Sequence[Sequence[Any]]) -> tuple[tuple[tuple[Fraction, ...], ...], ...]:
    out = []
    m: int | None = None
    for j, buyer in enumerate(values):
        tj = []
        for i, v in enumerate(buyer):
            vec = v if isinstance(v, (list, tuple)) else [v]
            row = tuple(
                Q(x, f"values[{j}][{i}][{k}]", func="optimal_mechanism") for k, x in enumerate(vec)
            )
            if m is None:
                m = len(row)
            if len(row) != m or m == 0:
                raise ShapeError(
                    f"optimal_mechanism(): values[{j}][{i}] has {len(row)} goods, expected {m}"
                )
            if any(x < 0 for x in row):
                raise InvalidProblemError(
                    f"optimal_mechanism(): values[{j}][{i}] has a negative value"
                )
            tj.append(row)
        if not tj:
            raise ShapeError(f"optimal_mechanism(): buyer {j} has no types")
        out.append(tuple(tj))
    if not out:
        raise ShapeError("optimal_mechanism(): no buyers")
    return tuple(out)


def _prior(
    prior: Any, types: tuple[tuple[tuple[Fraction, ...], ...], ...]
) -> dict[Profile, Fraction]:
    if isinstance(prior, Mapping):
        out: dict[Profile, Fraction] = {}
        for t, p in prior.items():
            prof = tuple(t) if isinstance(t, (tuple, list)) else (t,)
            if len(prof) != len(types) or any(
                not 0 <= i < len(types[j]) for j, i in enumerate(prof)
            ):
                raise ShapeError(f"optimal_mechanism(): prior has an invalid profile {t!r}")
            q = Q(p, f"prior[{t!r}]", func="optimal_mechanism")
            if q < 0:
                raise DistributionError(f"optimal_mechanism(): prior[{t!r}] = {q} is negative")
            if q:
                out[prof] = out.get(prof, _0) + q
        total = sum(out.values(), _0)
        if total != 1:
            raise DistributionError(
                f"optimal_mechanism(): prior sums to {fraction_str(total)}, expected 1"
            )
        return out
    marg = list(prior)
    if len(marg) != len(types):
        raise ShapeError(f"optimal_mechanism(): {len(marg)} marginals for {len(types)} buyers")
    for j, mj in enumerate(marg):
        if len(mj) != len(types[j]):
            raise ShapeError(
                f"optimal_mechanism(): marginal {j} has {len(mj)} entries for {len(types[j])} types"
            )
    return {t: p for t, p in product_prior(marg).items() if p}


def build_mechanism_lp(
    values: Sequence[Sequence[Any]],
    prior: Any,
    *,
    ic: str = "ex-post",
    ir: str = "ex-post",
    always_sell: bool = False,
    revenue_floor: Any = None,
    payments: str = "nonnegative",
) -> MechanismLP:
    """Build the LP of paper 000, §3.1 (see module docstring for the IC/IR readings).

    Parameters
    ----------
    values
        ``values[j][i]`` is type ``i`` of buyer ``j``: a sequence of per-good values (or one
        number for a single good).
    prior
        Either a mapping ``{profile tuple: probability}`` (correlated prior; profiles of
        0-based type indices) or a list of per-buyer type probabilities (independent).
    ic, ir
        ``"ex-post"`` or ``"interim"``.
    always_sell
        Add ``Σ_j q[t][j][k] = 1`` for every profile with positive probability and good.
    revenue_floor
        Add the row ``expected revenue >= revenue_floor``.
    payments
        ``"nonnegative"`` (``r >= 0``, paper 000 §3.1) or ``"free"`` (payments of either sign,
        paper 001 §2.1: "a payment rule :math:`p^*(\\vec v)` (that can be positive or
        negative)"; needed for Crémer–McLean full surplus extraction, paper 001 Theorem 4).

    Returns
    -------
    MechanismLP
        ``problem`` maximises revenue; ``revenue`` and ``surplus`` are the objective vectors
        of expected revenue and expected total buyer surplus.
    """
    if ic not in ("ex-post", "interim") or ir not in ("ex-post", "interim"):
        raise InvalidProblemError(
            f"build_mechanism_lp(): ic={ic!r}, ir={ir!r}; expected 'ex-post' or 'interim'"
        )
    if payments not in ("nonnegative", "free"):
        raise InvalidProblemError(
            f"build_mechanism_lp(): payments={payments!r}; expected 'nonnegative' or 'free'"
        )
    types = _types(values)
    p = _prior(prior, types)
    ell, m = len(types), len(types[0][0])
    profiles = tuple(itertools.product(*(range(len(t)) for t in types)))
    q_index: dict[tuple[Profile, int, int], int] = {}
    r_index: dict[tuple[Profile, int], int] = {}
    names: list[str] = []
    for t in profiles:
        for j in range(ell):
            for k in range(m):
                q_index[(t, j, k)] = len(names)
                names.append(f"q[{','.join(map(str, t))}][{j}][{k}]")
            r_index[(t, j)] = len(names)
            names.append(f"r[{','.join(map(str, t))}][{j}]")
    n = len(names)
    revenue = [_0] * n
    utilities = [[_0] * n for _ in range(ell)]  # buyer j's expected utility, per variable
    for t in profiles:
        pt = p.get(t, _0)
        if not pt:
            continue
        for j in range(ell):
            u = utilities[j]
            revenue[r_index[(t, j)]] += pt
            u[r_index[(t, j)]] -= pt
            for k in range(m):
                u[q_index[(t, j, k)]] += pt * types[j][t[j]][k]
    surplus = [sum(col, _0) for col in zip(*utilities)]
    A_ub: list[tuple[tuple[int, Fraction], ...]] = []
    b_ub: list[Fraction] = []
    ub_names: list[str] = []
    A_eq: list[tuple[tuple[int, Fraction], ...]] = []
    b_eq: list[Fraction] = []
    eq_names: list[str] = []

    def utility(t: Profile, j: int, true_type: int) -> dict[int, Fraction]:
        """Linear form of buyer j's utility at profile t when its true type is true_type."""
        vec = {
            q_index[(t, j, k)]: types[j][true_type][k] for k in range(m) if types[j][true_type][k]
        }
        vec[r_index[(t, j)]] = Fraction(-1)
        return vec

    def add_ge(form: dict[int, Fraction], name: str) -> None:  # form >= 0  <=>  -form <= 0
        row = tuple(sorted((i, -v) for i, v in form.items() if v))
        if row:
            A_ub.append(row)
            b_ub.append(_0)
            ub_names.append(name)

    for t in profiles:
        for k in range(m):
            row = tuple(sorted((q_index[(t, j, k)], Fraction(1)) for j in range(ell)))
            if always_sell and p.get(t, _0):
                A_eq.append(row)
                b_eq.append(Fraction(1))
                eq_names.append(f"sell[{t}][{k}]")
            else:
                A_ub.append(row)
                b_ub.append(Fraction(1))
                ub_names.append(f"supply[{t}][{k}]")
    for j in range(ell):
        others = list(itertools.product(*(range(len(types[b])) for b in range(ell) if b != j)))

        def prof(i: int, rest: tuple[int, ...], j: int = j) -> Profile:
            return (*rest[:j], i, *rest[j:])

        for i in range(len(types[j])):
            if ir == "ex-post":
                for rest in others:
                    add_ge(utility(prof(i, rest), j, i), f"IR[{j}][{i}][{rest}]")
            else:
                form: dict[int, Fraction] = {}
                for rest in others:
                    w = p.get(prof(i, rest), _0)
                    for v, a in utility(prof(i, rest), j, i).items():
                        form[v] = form.get(v, _0) + w * a
                add_ge(form, f"IR[{j}][{i}]")
            for i2 in range(len(types[j])):
                if i2 == i:
                    continue
                if ic == "ex-post":
                    for rest in others:
                        form = dict(utility(prof(i, rest), j, i))
                        for v, a in utility(prof(i2, rest), j, i).items():
                            form[v] = form.get(v, _0) - a
                        add_ge(form, f"IC[{j}][{i}->{i2}][{rest}]")
                else:
                    form = {}
                    for rest in others:
                        w = p.get(prof(i, rest), _0)
                        if not w:
                            continue
                        for v, a in utility(prof(i, rest), j, i).items():
                            form[v] = form.get(v, _0) + w * a
                        for v, a in utility(prof(i2, rest), j, i).items():
                            form[v] = form.get(v, _0) - w * a
                    add_ge(form, f"IC[{j}][{i}->{i2}]")
    if revenue_floor is not None:
        floor = Q(revenue_floor, "revenue_floor", func="build_mechanism_lp")
        A_ub.append(tuple((i, -v) for i, v in enumerate(revenue) if v))
        b_ub.append(-floor)
        ub_names.append("revenue_floor")
    bounds: list[tuple[Fraction | None, Fraction | None]] = [(_0, None)] * n
    if payments == "free":
        for idx in r_index.values():
            bounds[idx] = (None, None)
    problem = LPProblem(
        c=tuple(revenue),
        A_ub=tuple(A_ub),
        b_ub=tuple(b_ub),
        A_eq=tuple(A_eq),
        b_eq=tuple(b_eq),
        bounds=tuple(bounds),
        maximize=True,
        var_names=tuple(names),
        ub_names=tuple(ub_names),
        eq_names=tuple(eq_names),
    )
    return MechanismLP(
        problem,
        types,
        p,
        profiles,
        tuple(revenue),
        tuple(surplus),
        q_index,
        r_index,
        tuple(map(tuple, utilities)),
    )


@dataclass(frozen=True)
class Mechanism:
    """An optimal mechanism: allocation and payments per profile, and its expected values.

    Attributes
    ----------
    status : str
        ``"optimal"`` or ``"infeasible"`` (only possible with ``always_sell=True``).
    allocation : dict
        ``allocation[t][j][k]`` = probability that buyer ``j`` gets good ``k`` at profile ``t``.
    payments : dict
        ``payments[t][j]``.
    revenue, buyer_surplus, welfare : Fraction
        Expected revenue, total buyer surplus, and their sum.
    utilities : tuple of Fraction
        Each buyer's expected utility.
    lex : LexResult
        The certified lexicographic LP result (revenue, then the tie-breaking objective).
    """

    status: str
    allocation: dict[Profile, tuple[tuple[Fraction, ...], ...]]
    payments: dict[Profile, tuple[Fraction, ...]]
    revenue: Fraction | None
    buyer_surplus: Fraction | None
    welfare: Fraction | None
    utilities: tuple[Fraction, ...]
    lp: MechanismLP = field(repr=False)
    lex: LexResult | None = field(default=None, repr=False)

    def menu(self, buyer: int = 0) -> list[tuple[tuple[Fraction, ...], Fraction]]:
        """Distinct (bundle, price) options offered to ``buyer`` (one-buyer menus, paper 000 §3.2).

        For one buyer the options are exactly the rows of the direct mechanism; the null
        option (nothing, price 0) is omitted. Sorted by price.
        """
        seen: set[tuple[tuple[Fraction, ...], Fraction]] = set()
        for t in self.lp.profiles:
            bundle, price = self.allocation[t][buyer], self.payments[t][buyer]
            if any(bundle) or price:
                seen.add((bundle, price))
        return sorted(seen, key=lambda bp: (bp[1], bp[0]))

    def __repr__(self) -> str:
        def f(x: Fraction | None) -> str:
            return "None" if x is None else fraction_str(x)

        utils = ", ".join(map(fraction_str, self.utilities))
        return (
            f"Mechanism(status={self.status!r}, revenue={f(self.revenue)}, "
            f"buyer_surplus={f(self.buyer_surplus)}, welfare={f(self.welfare)}, "
            f"utilities=({utils}{',' if len(self.utilities) == 1 else ''}), "
            f"buyers={self.lp.buyers}, goods={self.lp.goods}, profiles={len(self.lp.profiles)})"
        )

    def _rows(self) -> list[tuple[str, str, str, str]]:
        """(profile, probability, allocation, payments) per type profile, as exact text."""

        def vec(v: Sequence[Fraction]) -> str:
            return "(" + ", ".join(map(fraction_str, v)) + ")"

        out = []
        for t in self.lp.profiles:
            types = ", ".join(vec(self.lp.types[j][i]) for j, i in enumerate(t))
            alloc = "; ".join(vec(q) for q in self.allocation.get(t, ()))
            pay = vec(self.payments.get(t, ()))
            out.append((types, fraction_str(self.lp.prior[t]), alloc, pay))
        return out

    def _repr_html_(self) -> str:
        import html

        head = "<tr><th>types</th><th>prob.</th><th>allocation</th><th>payments</th></tr>"
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
            for row in self._rows()
        )
        cap = html.escape(repr(self))
        return f"<table><caption>{cap}</caption>{head}{body}</table>"

    def _repr_latex_(self) -> str:
        from exactmech.numbers import to_latex

        if self.revenue is None or self.buyer_surplus is None or self.welfare is None:
            return f"$\\text{{{self.status}}}$"
        return (
            f"$\\mathcal R = {to_latex(self.revenue)},\\ "
            f"U = {to_latex(self.buyer_surplus)},\\ W = {to_latex(self.welfare)}$"
        )


def optimal_mechanism(
    values: Sequence[Sequence[Any]],
    prior: Any,
    *,
    ic: str = "ex-post",
    ir: str = "ex-post",
    tie: str | None = "max-surplus",
    always_sell: bool = False,
    method: str = "auto",
    payments: str = "nonnegative",
    split: str | None = None,
) -> Mechanism:
    """Revenue-optimal mechanism of paper 000, §3.1, with exact tie-breaking.

    Parameters
    ----------
    values, prior, ic, ir
        See :func:`build_mechanism_lp`.
    always_sell
        The "always sell" variant: among mechanisms that always sell every good (at every
        profile of positive probability), one whose revenue equals the unrestricted optimum;
        ``status == "infeasible"`` when no such mechanism exists.
    tie
        ``"max-surplus"`` (the paper's rule: maximise buyer surplus among revenue-optimal
        mechanisms), ``"min-surplus"``, or ``None`` (any optimal vertex).
    method
        LP method (``"auto"``, ``"exact"``, ``"float-guided"``).
    payments
        ``"nonnegative"`` (default) or ``"free"``; see :func:`build_mechanism_lp`.
    split
        How the buyer surplus splits between buyers is often not unique on the optimal face
        (two identical buyers: the solver's vertex may favour either). ``"max-min"`` adds a
        last lexicographic stage that maximises the smallest buyer utility, which for two
        buyers pins the split down (the one closest to equal), independently of the solver;
        ``None`` (default) keeps whatever optimal vertex the stages before it return.

    Returns
    -------
    Mechanism

    References
    ----------
    Paper 000, §3.1 (the LP), §3.2 (one buyer, two goods), §3.3 (two buyers, one good).

    Examples
    --------
    One buyer, two goods, paper 000 §3.2 (correlated values):

    >>> mech = optimal_mechanism([[(3, 4), (4, 9)]], [["1/2", "1/2"]])
    >>> mech.revenue, mech.buyer_surplus
    (Fraction(15, 2), Fraction(1, 2))
    >>> [(tuple(map(str, b)), str(p)) for b, p in mech.menu()]
    [(('1', '0'), '3'), (('1', '1'), '12')]
    >>> optimal_mechanism([[1, 2]], [["1/2", "1/3"]])
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: product_prior(): marginals[0] sums to 5/6, expected 1
    """
    if tie not in ("max-surplus", "min-surplus", None):
        raise InvalidProblemError(
            f"optimal_mechanism(): tie={tie!r}; expected 'max-surplus', 'min-surplus' or None"
        )
    if split not in ("max-min", None):
        raise InvalidProblemError(
            f"optimal_mechanism(): split={split!r}; expected 'max-min' or None"
        )
    floor = None
    if always_sell:
        free = optimal_mechanism(
            values, prior, ic=ic, ir=ir, tie=None, method=method, payments=payments
        )
        floor = free.revenue
    mlp = build_mechanism_lp(
        values,
        prior,
        ic=ic,
        ir=ir,
        always_sell=always_sell,
        revenue_floor=floor,
        payments=payments,
    )
    objectives: list[Sequence[Fraction]] = [mlp.revenue]
    if tie == "max-surplus":
        objectives.append(mlp.surplus)
    elif tie == "min-surplus":
        objectives.append(tuple(-v for v in mlp.surplus))
    problem = mlp.problem
    if split == "max-min" and mlp.buyers > 1:
        problem, objectives = _max_min_stage(mlp, objectives)
    lex = solve_lex(problem, objectives, method=method)
    if lex.status != "optimal" or lex.x is None:
        return Mechanism(lex.status, {}, {}, None, None, None, (), mlp, lex)
    return mechanism_from_solution(mlp, lex.x[: mlp.problem.n], lex)


def _max_min_stage(
    mlp: MechanismLP, objectives: list[Sequence[Fraction]]
) -> tuple[LPProblem, list[Sequence[Fraction]]]:
    """The LP with one more free variable ``m <= u_j`` for every buyer, and ``max m`` last."""
    prob = mlp.problem
    n = prob.n
    rows = [
        ((n, Fraction(1)), *((i, -a) for i, a in enumerate(form) if a)) for form in mlp.utilities
    ]
    problem = replace(
        prob,
        c=(*prob.c, _0),
        A_ub=(*prob.A_ub, *rows),
        b_ub=(*prob.b_ub, *([_0] * len(rows))),
        bounds=(*prob.bounds, (None, None)),
        var_names=(*prob.var_names, "min_utility"),
        ub_names=(*prob.ub_names, *(f"min_utility<=u[{j}]" for j in range(len(rows)))),
    )
    stages: list[Sequence[Fraction]] = [(*o, _0) for o in objectives]
    stages.append((*([_0] * n), Fraction(1)))
    return problem, stages


def mechanism_from_solution(
    mlp: MechanismLP, x: Sequence[Fraction], lex: Any = None
) -> Mechanism:
    """The :class:`Mechanism` of a feasible point ``x`` of the §3.1 LP (paper 000).

    Reads the allocation ``q`` and payments ``r`` per profile off ``x`` and computes revenue,
    buyer surplus, welfare and each buyer's expected utility exactly. ``lex`` is the
    lexicographic LP result the point came from, if any.
    """
    ell, m = mlp.buyers, mlp.goods
    alloc = {
        t: tuple(tuple(x[mlp.q_index[(t, j, k)]] for k in range(m)) for j in range(ell))
        for t in mlp.profiles
    }
    pay = {t: tuple(x[mlp.r_index[(t, j)]] for j in range(ell)) for t in mlp.profiles}
    revenue = sum((a * b for a, b in zip(mlp.revenue, x)), _0)
    surplus = sum((a * b for a, b in zip(mlp.surplus, x)), _0)
    utils = []
    for j in range(ell):
        u = _0
        for t, pt in mlp.prior.items():
            vj = mlp.types[j][t[j]]
            u += pt * (sum((vj[k] * alloc[t][j][k] for k in range(m)), _0) - pay[t][j])
        utils.append(u)
    return Mechanism(
        "optimal", alloc, pay, revenue, surplus, revenue + surplus, tuple(utils), mlp, lex
    )
