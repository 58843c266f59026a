"""Paper 003, §5.2: the generalised exponential price mechanism for two buyers.

With the multipliers (17), Condition (19) (equal virtual revenue within each class
``M(n)``) holds for a symmetric two-buyer mechanism on ``{0..k}`` iff the allocation obeys
(45) and the payment obeys (46); w.l.o.g. (47) ``q(j, k) + q(k, j) = 1``. Then

* Lemma 2: ``q(1, 0) = (3k + 1)/(4k²)`` and ``q(1, k) = 1/(2k)``;
* Lemma 3: ``P(k, k) = ((1+1/a)^k - 1)² a P(1,0) + ((1+1/a)^k - 1)(a P(1,k) - P(k,0))`` (48);

so with ``Y_0 = 2a P(1,0)`` and ``Y_1 = -P(k,0) + a P(1,k)`` (49) the guarantee is

    Π_2^#(k, a, Y_0, Y_1) = Σ_v p(v) min( (3k+1)/(2k²) a v - Y_0,  a v/(2k) - Y_1,
                                          Y_0 ((1+1/a)^k - 1)² + 2 Y_1 ((1+1/a)^k - 1) )   (50)

(Proposition 2), attained by the allocation (51)–(52) and the payment (54).

:func:`lemma2_values` and :func:`lemma3_holds` verify the lemmas *symbolically* for a given
``k`` (the first solves the linear system (45), (47) with sympy; the second shows that the
identity (48) lies in the row space of (46) over the field ``ℚ(a)``).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy
from sympy.polys.matrices import DomainMatrix

from exactmech.errors import InvalidProblemError
from exactmech.lp import linprog
from exactmech.numbers import Q
from exactmech.papers.robust_common_value._common import PriorLike, as_positive, as_prior
from exactmech.papers.robust_common_value.mechanism import SymmetricMechanism

__all__ = [
    "generalized_allocation",
    "generalized_epm",
    "generalized_payment",
    "lemma2_solution",
    "lemma2_values",
    "lemma3_holds",
    "pi2_sharp_best",
    "pi2_sharp_lines",
    "pi2_sharp_objective",
    "pi2_star_as_sharp",
]

_0 = Fraction(0)


def _k(k: Any, func: str) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise InvalidProblemError(f"{func}(): k={k!r} must be an integer >= 1")
    return k


def lemma2_solution(k: int) -> dict[tuple[int, int], sympy.Expr]:
    """The general solution of (44)'s opt-out, (45) and (47) for ``k``: ``{(j, ell): q(j, ell)}``,
    each value an expression in the free parameters (a number when it is determined).

    >>> sol = lemma2_solution(2)
    >>> sol[(1, 0)], sol[(2, 2)], sol[(1, 2)], sol[(2, 1)]
    (7/16, 1/2, 1/4, 3/4)
    """
    k = _k(k, "lemma2_solution")
    q = {
        (j, ell): sympy.Integer(0) if j == 0 else sympy.Symbol(f"q_{j}_{ell}")
        for j in range(k + 1)
        for ell in range(k + 1)
    }
    eqs = []
    for j in range(k):
        for ell in range(k):  # (45), first line
            eqs.append(q[j + 1, ell] - q[j, ell] + q[ell + 1, j] - q[ell, j] - 2 * q[1, 0])
        eqs.append(q[j + 1, k] - q[j, k] - q[1, k])  # (45), second line
    for j in range(k + 1):
        eqs.append(q[j, k] + q[k, j] - 1)  # (47)
    unknowns = [x for x in q.values() if isinstance(x, sympy.Symbol)]
    (sol,) = sympy.linsolve(eqs, unknowns)
    sub = dict(zip(unknowns, sol))
    return {key: sympy.simplify(x.subs(sub)) for key, x in q.items()}


def lemma2_values(k: int) -> tuple[sympy.Expr, sympy.Expr]:
    """``(q(1, 0), q(1, k))`` for every allocation satisfying (44)'s opt-out, (45), (47).

    Paper 003, Lemma 2 says they are ``(3k+1)/(4k²)`` and ``1/(2k)``; a value that still
    depended on a free parameter would be returned as an expression in it.

    >>> lemma2_values(3)
    (5/18, 1/6)
    """
    sol = lemma2_solution(_k(k, "lemma2_values"))
    return sol[(1, 0)], sol[(1, k)]


def lemma3_holds(k: int) -> bool:
    """Whether (48) follows from (46) for every ``a`` (paper 003, Lemma 3), symbolically.

    The unknowns are ``P(j, ell)`` with ``P(0, ell) = 0``; (46) is a homogeneous linear system
    over the field ``ℚ(a)``. Identity (48) holds for every solution iff its coefficient row
    lies in the row space of (46), i.e. appending it leaves the rank unchanged.

    >>> lemma3_holds(3)
    True
    """
    k = _k(k, "lemma3_holds")
    a = sympy.Symbol("a")
    field = sympy.QQ.frac_field(a)
    A = field.convert(a)
    one = field.one
    idx = {
        key: n for n, key in enumerate((j, ell) for j in range(1, k + 1) for ell in range(k + 1))
    }
    width = len(idx)

    def row(terms: list[tuple[tuple[int, int], Any]]) -> list[Any]:
        r = [field.zero] * width
        for key, c in terms:
            if key[0] != 0:
                r[idx[key]] += c
        return r

    rows = []
    for j in range(k):
        for ell in range(k):  # (46), first line, moved to one side
            rows.append(
                row(
                    [
                        ((j, ell), one + A),
                        ((ell, j), one + A),
                        ((j + 1, ell), -A),
                        ((ell + 1, j), -A),
                        ((1, 0), 2 * A),
                    ]
                )
            )
        rows.append(
            row([((j, k), one + A), ((k, j), one), ((j + 1, k), -A), ((k, 0), -one), ((1, k), A)])
        )  # (46), second line
    g = (one + one / A) ** k - one
    target = row([((k, k), one), ((1, 0), -g * g * A), ((1, k), -g * A), ((k, 0), g)])  # (48)
    if not rows:
        return all(x == field.zero for x in target)
    base = DomainMatrix(rows, (len(rows), width), field)
    grown = DomainMatrix([*rows, target], (len(rows) + 1, width), field)
    return bool(base.rank() == grown.rank())


def generalized_allocation(j: int, ell: int, k: int) -> Fraction:
    """``q(j, ell)`` of (51)–(52): increments ``(2k+1)``, ``(3k+1)``, ``(4k+1)`` over ``4k²``
    below, at and above the other's message ``ell < k``, and ``1/(2k)`` when ``ell = k``.

    >>> generalized_allocation(1, 0, 2), generalized_allocation(2, 2, 2)
    (Fraction(7, 16), Fraction(1, 2))
    """
    k = _k(k, "generalized_allocation")
    if ell == k:
        return Fraction(j, 2 * k)
    total = _0
    for t in range(j):
        num = 2 * k + 1 if t < ell else (3 * k + 1 if t == ell else 4 * k + 1)
        total += Fraction(num, 4 * k * k)
    return total


def generalized_payment(j: int, ell: int, k: int, a: Any, Y0: Any, Y1: Any) -> Fraction:
    """``P(j, ell)`` of (54): ``((1+1/a)^j - 1) Y_0/2`` if ``ell < k``, else
    ``((1+1/a)^j - 1)(Y_1 + ((1+1/a)^k - 1) Y_0/2)``."""
    func = "generalized_payment"
    aq = as_positive(a, "a", func)
    y0, y1 = Q(Y0, "Y0", func=func), Q(Y1, "Y1", func=func)
    r = 1 + 1 / aq
    if ell < k:
        return (r**j - 1) * y0 / 2
    return (r**j - 1) * (y1 + (r**k - 1) * y0 / 2)


def generalized_epm(k: int, a: Any, Y0: Any, Y1: Any) -> SymmetricMechanism:
    """The two-buyer mechanism of Proposition 2: allocation (51)–(52), payment (54).

    >>> m = generalized_epm(2, 1, "1/2", "1/4")
    >>> m.total_allocation((1, 2)), m.P(2, (2,))
    (Fraction(1, 1), Fraction(3, 1))
    """
    func = "generalized_epm"
    k = _k(k, func)
    aq = as_positive(a, "a", func)
    y0, y1 = Q(Y0, "Y0", func=func), Q(Y1, "Y1", func=func)

    def rule(own: int, others: tuple[int, ...]) -> tuple[Fraction, Fraction]:
        (ell,) = others
        return generalized_allocation(own, ell, k), generalized_payment(own, ell, k, aq, y0, y1)

    return SymmetricMechanism(2, k + 1, rule)


def pi2_sharp_lines(k: int, a: Any) -> list[tuple[Fraction, Fraction, Fraction]]:
    """The three affine terms of (50) as ``(coefficient of v, of Y_0, of Y_1)``, for
    ``n = 0, 1, 2`` boundary messages.

    >>> pi2_sharp_lines(1, 1)
    [(Fraction(2, 1), Fraction(-1, 1), Fraction(0, 1)),
     (Fraction(1, 2), Fraction(0, 1), Fraction(-1, 1)),
     (Fraction(0, 1), Fraction(1, 1), Fraction(2, 1))]
    """
    func = "pi2_sharp_lines"
    k = _k(k, func)
    aq = as_positive(a, "a", func)
    g = (1 + 1 / aq) ** k - 1
    return [
        (Fraction(3 * k + 1, 2 * k * k) * aq, Fraction(-1), _0),
        (aq / (2 * k), _0, Fraction(-1)),
        (_0, g * g, 2 * g),
    ]


def pi2_sharp_objective(prior: PriorLike, k: int, a: Any, Y0: Any, Y1: Any) -> Fraction:
    """The objective of (50) at ``(k, a, Y_0, Y_1)``: a revenue guarantee (Proposition 2)."""
    func = "pi2_sharp_objective"
    dist = as_prior(prior, func)
    y0, y1 = Q(Y0, "Y0", func=func), Q(Y1, "Y1", func=func)
    lines = pi2_sharp_lines(k, a)
    return sum(
        (p * min(c * v + d0 * y0 + d1 * y1 for c, d0, d1 in lines) for v, p in dist.items()), _0
    )


def pi2_sharp_best(prior: PriorLike, k: int, a: Any) -> tuple[Fraction, Fraction, Fraction]:
    """``max_{Y_0, Y_1}`` of (50) at fixed ``(k, a)``, exactly (an LP): ``(value, Y_0, Y_1)``.

    >>> pi2_sharp_best({1: 1}, 1, 1)
    (Fraction(3, 4), Fraction(5, 4), Fraction(-1, 4))
    """
    func = "pi2_sharp_best"
    dist = as_prior(prior, func)
    lines = pi2_sharp_lines(k, a)
    vals = dist.values
    nv = len(vals)
    A_ub, b_ub = [], []
    for t, v in enumerate(vals):
        for c, d0, d1 in lines:  # γ_v - d0 Y0 - d1 Y1 <= c v
            r = [_0] * (nv + 2)
            r[t], r[nv], r[nv + 1] = Fraction(1), -d0, -d1
            A_ub.append(r)
            b_ub.append(c * v)
    res = linprog(
        [*list(dist.probs), 0, 0],
        A_ub=A_ub,
        b_ub=b_ub,
        bounds=[(None, None)] * (nv + 2),
        maximize=True,
    )
    res.raise_for_status()
    assert res.x is not None and res.fun is not None
    return res.fun, res.x[nv], res.x[nv + 1]


def pi2_star_as_sharp(k: int, a: Any, X: Any) -> tuple[Fraction, Fraction]:
    """The special case of §5.2: ``Y_0 = 2X``, ``Y_1 = X - X((1+1/a)^k - 1)`` turn the
    ``n = 1, 2`` terms of (50) into those of ``Π_2^*`` (23); the ``n = 0`` term differs only
    in its coefficient ``(3k+1)/(2k²)`` against ``3/(2k)``.

    >>> pi2_star_as_sharp(1, 1, "1/4")
    (Fraction(1, 2), Fraction(0, 1))
    """
    func = "pi2_star_as_sharp"
    aq = as_positive(a, "a", func)
    xq = Q(X, "X", func=func)
    g = (1 + 1 / aq) ** _k(k, func) - 1
    return 2 * xq, xq - xq * g
