"""Paper 001, §3: two buyers with two-point values (Fig. 2), exactly.

The instance (§3): values :math:`a > b > c > d > 0`; buyer 1 has :math:`V_1 = a` w.p.
:math:`\\alpha` and :math:`b` otherwise, buyer 2 has :math:`V_2 = c` w.p. :math:`\\beta` and
:math:`d` otherwise (:class:`TwoPointInstance`; :meth:`TwoPointInstance.balanced` sets
:math:`\\alpha a = b`, :math:`\\beta c = d`, so :math:`\\varphi_1(b) = \\varphi_2(d) = 0`).
By Theorem 4 a signal that correlates the buyers leaves no consumer surplus, so the signals
that matter are products :math:`s = (\\alpha', \\beta')` with
:math:`\\alpha' = \\Pr[v_1 = a]`, :math:`\\beta' = \\Pr[v_2 = c]`.

* :func:`proposition1_cases` / :func:`proposition1_mechanism` — the four cases of
  Proposition 1 as functions of :math:`(\\varphi_1(b|s), \\varphi_2(d|s))`, each with its
  mechanism (allocation and prices on the four profiles) and its printed CS formula.
* Theorem 5's two families: :meth:`TwoPointInstance.family1_alpha`
  (:math:`\\varphi_1(b|s) = c`) and :meth:`TwoPointInstance.family2_beta`
  (:math:`\\varphi_2(d|s) = \\varphi_1(b|s) \\ge 0`).
* :func:`lp2` — LP (2) over a finite set of product signals, solved exactly; and
  :func:`best_consumer_surplus`, the best achievable :math:`\\sup_{\\mathcal Z}\\mathrm{CS}`
  bounded from both sides: the LP over a grid of product signals that contains Theorem 5's
  families (a lower bound, realized by an explicit Bayes-plausible scheme) and its dual
  vector :math:`y`, verified exactly to satisfy :math:`y\\cdot\\mu(s) \\ge \\mathrm{CS}(s)`
  for **every** product signal :math:`s \\in [0,1]^2` (an upper bound; correlated signals
  have CS 0 by Theorem 4). :func:`verify_dual_certificate` does the continuum check: on each
  case region :math:`y\\cdot\\mu(s) - \\mathrm{CS}(s)` is bilinear in :math:`(\\alpha', \\beta')`,
  so it suffices to check corners, edges and the curve
  :math:`\\varphi_2(d|s) = \\varphi_1(b|s)`, where it is a rational function whose numerator
  is certified non-negative by exact real-root isolation (sympy).
* Theorems 1 and 2: :func:`theorem1_quantities`, :func:`theorem2_quantities` (sympy, in the
  paper's parameters :math:`\\varepsilon`, :math:`\\delta`), :func:`theorem2_instance`,
  :func:`efficient_best_consumer_surplus` (the best CS of a scheme whose auction always
  allocates efficiently, an exact three-column LP).

Reading: ties among revenue-optimal mechanisms go to the sender (max CS), as the paper's own
proof of Theorem 5 does ("CS(s) = max(...)"); at :math:`\\alpha' \\in \\{0, 1\\}` or
:math:`\\beta' \\in \\{0, 1\\}` a buyer's value is known and a missing value has virtual value
:math:`-\\infty` (``None``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from exactmech.dist import Discrete
from exactmech.errors import InvalidProblemError
from exactmech.lp import linprog
from exactmech.numbers import Q, fraction_str
from exactmech.papers.intermediary.model import ProductPrior, SignalingScheme
from exactmech.papers.intermediary.response import seller_response

__all__ = [
    "BestCS",
    "LP2Result",
    "TwoPointInstance",
    "best_consumer_surplus",
    "efficient_best_consumer_surplus",
    "lp2",
    "proposition1_cases",
    "proposition1_cs",
    "proposition1_mechanism",
    "proposition1_outcome",
    "theorem1_instance",
    "theorem1_quantities",
    "theorem2_instance",
    "theorem2_quantities",
    "verify_dual_certificate",
]

_0 = Fraction(0)
_1 = Fraction(1)
Signal2 = tuple[Fraction, Fraction]


@dataclass(frozen=True, init=False)
class TwoPointInstance:
    """The two-buyer instance of paper 001, §3 (Fig. 2).

    Parameters
    ----------
    a, b, c, d
        Values with ``a > b > c > d > 0``.
    alpha, beta
        :math:`\\Pr[V_1 = a]` and :math:`\\Pr[V_2 = c]`, in ``(0, 1)``.

    Raises
    ------
    InvalidProblemError
        Values not strictly decreasing and positive, or a probability outside ``(0, 1)``.

    Examples
    --------
    >>> inst = TwoPointInstance.balanced(4, 2, "3/2", 1)
    >>> inst.alpha, inst.beta, inst.phi1_b(inst.alpha), inst.phi2_d(inst.beta)
    (Fraction(1, 2), Fraction(2, 3), Fraction(0, 1), Fraction(0, 1))
    >>> TwoPointInstance(1, 2, 3, 4, "1/2", "1/2")
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: TwoPointInstance(): need a > b > c > d > 0, got ...
    """

    a: Fraction
    b: Fraction
    c: Fraction
    d: Fraction
    alpha: Fraction
    beta: Fraction

    def __init__(self, a: Any, b: Any, c: Any, d: Any, alpha: Any, beta: Any) -> None:
        func = "TwoPointInstance"
        vals = [Q(x, n, func=func) for x, n in zip((a, b, c, d), "abcd")]
        if not vals[0] > vals[1] > vals[2] > vals[3] > 0:
            raise InvalidProblemError(
                f"{func}(): need a > b > c > d > 0, got "
                + ", ".join(f"{n}={fraction_str(v)}" for n, v in zip("abcd", vals))
            )
        al, be = Q(alpha, "alpha", func=func), Q(beta, "beta", func=func)
        for name, p in (("alpha", al), ("beta", be)):
            if not 0 < p < 1:
                raise InvalidProblemError(f"{func}(): {name}={fraction_str(p)} not in (0, 1)")
        for name, v in zip(("a", "b", "c", "d", "alpha", "beta"), (*vals, al, be)):
            object.__setattr__(self, name, v)

    @classmethod
    def balanced(cls, a: Any, b: Any, c: Any, d: Any) -> TwoPointInstance:
        """The instance with :math:`\\alpha a = b` and :math:`\\beta c = d` (§3)."""
        func = "TwoPointInstance.balanced"
        va, vb, vc, vd = (Q(x, n, func=func) for x, n in zip((a, b, c, d), "abcd"))
        return cls(va, vb, vc, vd, vb / va, vd / vc)

    # -- signals --------------------------------------------------------------------

    def posterior(self, alpha_s: Any, beta_s: Any) -> ProductPrior:
        """The product posterior of signal :math:`s = (\\alpha', \\beta')` (zero atoms dropped)."""
        x, y = _unit(alpha_s, "alpha_s"), _unit(beta_s, "beta_s")
        d1 = Discrete([self.b, self.a], [1 - x, x]).trim()
        d2 = Discrete([self.d, self.c], [1 - y, y]).trim()
        return ProductPrior([d1, d2])

    def prior(self) -> ProductPrior:
        """:math:`\\mathcal D`, the product of the two two-point distributions."""
        return self.posterior(self.alpha, self.beta)

    def masses(self, alpha_s: Any, beta_s: Any) -> tuple[Fraction, Fraction, Fraction, Fraction]:
        """:math:`\\mu(s)`: masses of the profiles (a,c), (a,d), (b,c), (b,d) (LP (2) rows)."""
        x, y = _unit(alpha_s, "alpha_s"), _unit(beta_s, "beta_s")
        return (x * y, x * (1 - y), (1 - x) * y, (1 - x) * (1 - y))

    def phi1_b(self, alpha_s: Any) -> Fraction | None:
        """:math:`\\varphi_1(b|s) = b - (a - b)\\alpha'/(1 - \\alpha')` (eq. (1)); ``None`` at
        :math:`\\alpha' = 1`."""
        x = _unit(alpha_s, "alpha_s")
        return None if x == 1 else self.b - (self.a - self.b) * x / (1 - x)

    def phi2_d(self, beta_s: Any) -> Fraction | None:
        """:math:`\\varphi_2(d|s) = d - (c - d)\\beta'/(1 - \\beta')`; ``None`` at
        :math:`\\beta' = 1`."""
        y = _unit(beta_s, "beta_s")
        return None if y == 1 else self.d - (self.c - self.d) * y / (1 - y)

    def signal_cs(self, alpha_s: Any, beta_s: Any, tie: str = "max-surplus") -> Fraction:
        """:math:`\\mathrm{CS}(s)` of the seller's optimal auction (Myerson, tie rule ``tie``)."""
        return seller_response(self.posterior(alpha_s, beta_s).dists, tie=tie).consumer_surplus

    # -- Theorem 5 ------------------------------------------------------------------

    def family1_alpha(self) -> Fraction:
        """Theorem 5 (1): the :math:`\\alpha'` with :math:`\\varphi_1(b|s) = c`,
        :math:`(b - c)/(a - c)`."""
        return (self.b - self.c) / (self.a - self.c)

    def family2_range(self) -> tuple[Fraction, Fraction]:
        """Theorem 5 (2): :math:`\\alpha'` with :math:`0 \\le \\varphi_1(b|s) \\le d`, i.e.
        :math:`[(b - d)/(a - d), b/a]` (:math:`\\varphi_2(d|s)` ranges over
        :math:`(-\\infty, d]`)."""
        return (self.b - self.d) / (self.a - self.d), self.b / self.a

    def family2_beta(self, alpha_s: Any) -> Fraction:
        """Theorem 5 (2): the :math:`\\beta'` with :math:`\\varphi_2(d|s) = \\varphi_1(b|s)`.

        Raises
        ------
        InvalidProblemError
            If :math:`\\alpha'` is outside :meth:`family2_range`.
        """
        x = _unit(alpha_s, "alpha_s")
        lo, hi = self.family2_range()
        if not lo <= x <= hi:
            raise InvalidProblemError(
                f"TwoPointInstance.family2_beta(): alpha_s={fraction_str(x)} outside "
                f"[{fraction_str(lo)}, {fraction_str(hi)}] (need 0 <= phi1(b|s) <= d)"
            )
        a, b, c, d = self.a, self.b, self.c, self.d
        return ((a - d) * x + d - b) / ((a - c) * x + c - b)

    def efficient(self, alpha_s: Any, beta_s: Any) -> bool:
        """Whether the sender-preferred optimal auction always sells to the highest value."""
        post = self.posterior(alpha_s, beta_s)
        out = post.auction()
        return all(
            out.allocation[v][0 if v[0] > v[1] else 1] == 1 for v, p in out.prior.items() if p
        )


def _unit(p: Any, name: str) -> Fraction:
    x = Q(p, name, func="TwoPointInstance")
    if not 0 <= x <= 1:
        raise InvalidProblemError(f"TwoPointInstance: {name}={fraction_str(x)} not in [0, 1]")
    return x


# -- Proposition 1 ---------------------------------------------------------------------

_NEG_INF = None


def _ge(u: Fraction | None, w: Fraction | None) -> bool:
    """``u >= w`` with ``None`` as minus infinity."""
    if u is None:
        return w is None
    return w is None or u >= w


def proposition1_cases(inst: TwoPointInstance, alpha_s: Any, beta_s: Any) -> tuple[int, ...]:
    """The cases of Proposition 1 whose conditions hold at :math:`s = (\\alpha', \\beta')`.

    1. :math:`\\varphi_1(b) \\ge c`;
    2. :math:`\\varphi_2(d) \\ge \\max(0, \\varphi_1(b))`;
    3. :math:`\\varphi_1(b) \\le 0` and :math:`\\varphi_2(d) \\le 0`;
    4. :math:`0 \\le \\varphi_1(b) \\le c` and :math:`\\varphi_2(d) \\le \\varphi_1(b)`.

    The conditions overlap on their boundaries (the seller is indifferent there).

    References
    ----------
    paper 001, §3, Proposition 1.

    Examples
    --------
    >>> inst = TwoPointInstance.balanced(4, 2, "3/2", 1)
    >>> proposition1_cases(inst, inst.alpha, inst.beta)  # phi1(b) = phi2(d) = 0
    (2, 3, 4)
    """
    u, w = inst.phi1_b(alpha_s), inst.phi2_d(beta_s)
    zero, c = _0, inst.c
    out = []
    if _ge(u, c):
        out.append(1)
    if _ge(w, zero) and _ge(w, u):
        out.append(2)
    if not (u is not None and u > 0) and not (w is not None and w > 0):
        out.append(3)
    if _ge(u, zero) and _ge(c, u) and _ge(u, w):
        out.append(4)
    return tuple(out)


def proposition1_cs(inst: TwoPointInstance, case: int, alpha_s: Any, beta_s: Any) -> Fraction:
    """The consumer surplus Proposition 1 prints for ``case`` at :math:`s = (\\alpha', \\beta')`.

    (1) :math:`(a - b)\\alpha'`; (2) :math:`(1 - \\alpha')\\beta'(c - d)`; (3) 0;
    (4) :math:`\\alpha'(1 - \\beta')(a - b)`.

    Examples
    --------
    >>> inst = TwoPointInstance.balanced(4, 2, "3/2", 1)
    >>> [proposition1_cs(inst, k, "1/2", "1/2") for k in (1, 2, 3, 4)]
    [Fraction(1, 1), Fraction(1, 8), Fraction(0, 1), Fraction(1, 2)]
    """
    x, y = _unit(alpha_s, "alpha_s"), _unit(beta_s, "beta_s")
    a, b, c, d = inst.a, inst.b, inst.c, inst.d
    formulas = {
        1: (a - b) * x,
        2: (1 - x) * y * (c - d),
        3: _0,
        4: x * (1 - y) * (a - b),
    }
    if case not in formulas:
        raise InvalidProblemError(f"proposition1_cs(): case={case!r}; expected 1, 2, 3 or 4")
    return formulas[case]


def proposition1_mechanism(
    inst: TwoPointInstance, case: int
) -> dict[tuple[Fraction, Fraction], tuple[int | None, Fraction]]:
    """The mechanism Proposition 1 names for ``case``: ``{(v1, v2): (winner, price)}``.

    (1) sell to buyer 1 at price :math:`b`; (2) try buyer 1 at :math:`a`, then buyer 2 at
    :math:`d`; (3) try buyer 1 at :math:`a`, then buyer 2 at :math:`c`; (4) sell to buyer 1
    at :math:`b` if buyer 2 has :math:`d`, otherwise try buyer 1 at :math:`a`, then buyer 2
    at :math:`c`. Winners are 0-based (0 = buyer 1); ``None`` means unsold.

    Examples
    --------
    >>> m = proposition1_mechanism(TwoPointInstance.balanced(4, 2, "3/2", 1), 4)
    >>> m[(Fraction(4), Fraction(1))]
    (0, Fraction(2, 1))
    """
    a, b, c, d = inst.a, inst.b, inst.c, inst.d
    if case == 1:
        return {(v1, v2): (0, b) for v1 in (a, b) for v2 in (c, d)}
    if case == 2:
        return {(a, c): (0, a), (a, d): (0, a), (b, c): (1, d), (b, d): (1, d)}
    if case == 3:
        return {(a, c): (0, a), (a, d): (0, a), (b, c): (1, c), (b, d): (None, _0)}
    if case == 4:
        return {(a, c): (0, a), (a, d): (0, b), (b, c): (1, c), (b, d): (0, b)}
    raise InvalidProblemError(f"proposition1_mechanism(): case={case!r}; expected 1, 2, 3 or 4")


def proposition1_outcome(
    inst: TwoPointInstance, case: int, alpha_s: Any, beta_s: Any
) -> tuple[Fraction, Fraction]:
    """(revenue, consumer surplus) of :func:`proposition1_mechanism` under signal ``s``.

    Examples
    --------
    >>> inst = TwoPointInstance.balanced(4, 2, "3/2", 1)
    >>> proposition1_outcome(inst, 4, inst.alpha, inst.beta)
    (Fraction(5, 2), Fraction(1, 3))
    """
    mech = proposition1_mechanism(inst, case)
    x, y = _unit(alpha_s, "alpha_s"), _unit(beta_s, "beta_s")
    prob = {
        (inst.a, inst.c): x * y,
        (inst.a, inst.d): x * (1 - y),
        (inst.b, inst.c): (1 - x) * y,
        (inst.b, inst.d): (1 - x) * (1 - y),
    }
    rev = cs = _0
    for v, p in prob.items():
        winner, price = mech[v]
        if winner is not None:
            rev += p * price
            cs += p * (v[winner] - price)
    return rev, cs


# -- LP (2) and the best achievable consumer surplus -------------------------------------


@dataclass(frozen=True)
class LP2Result:
    """LP (2) over a finite list of product signals, solved exactly.

    Attributes
    ----------
    value : Fraction
        :math:`\\max \\sum_s \\gamma_s \\mathrm{CS}(s)`.
    weights : dict
        :math:`\\gamma_s > 0` of the optimal solution, by signal :math:`(\\alpha', \\beta')`.
    duals : tuple of Fraction
        Dual prices :math:`y \\ge 0` of the rows (a,c), (a,d), (b,c), (b,d).
    """

    value: Fraction
    weights: dict[Signal2, Fraction]
    duals: tuple[Fraction, Fraction, Fraction, Fraction]


def lp2(inst: TwoPointInstance, signals: Sequence[tuple[Any, Any]]) -> LP2Result:
    """LP (2) of paper 001, §3 restricted to the product signals ``signals``.

    Maximize :math:`\\sum_s \\gamma_s \\mathrm{CS}(s)` subject to
    :math:`\\sum_s \\gamma_s \\mu(s) \\le \\mu(\\mathcal D)` row by row, :math:`\\gamma \\ge 0`.
    CS is the sender-preferred Myerson surplus of each signal. Any feasible
    :math:`\\gamma` extends to a Bayes-plausible scheme (put the leftover mass in one more
    signal, whose CS is :math:`\\ge 0`), so the value is a lower bound on
    :math:`\\sup_{\\mathcal Z} \\mathrm{CS}(\\mathcal Z)`.

    References
    ----------
    paper 001, §3, LP (2).

    Examples
    --------
    >>> inst = TwoPointInstance.balanced(4, 2, "3/2", 1)
    >>> lp2(inst, [(inst.alpha, inst.beta)]).value == inst.prior().consumer_surplus()
    True
    """
    sigs = [(_unit(x, "alpha_s"), _unit(y, "beta_s")) for x, y in signals]
    sigs = list(dict.fromkeys(sigs))
    if not sigs:
        raise InvalidProblemError("lp2(): no signals")
    c = [inst.signal_cs(x, y) for x, y in sigs]
    rows = [[inst.masses(x, y)[k] for x, y in sigs] for k in range(4)]
    res = linprog(c, A_ub=rows, b_ub=list(inst.masses(inst.alpha, inst.beta)), maximize=True)
    assert res.status == "optimal" and res.fun is not None and res.x is not None
    assert res.dual_ub is not None
    weights = {s: g for s, g in zip(sigs, res.x) if g}
    y0, y1, y2, y3 = res.dual_ub
    return LP2Result(res.fun, weights, (y0, y1, y2, y3))


def _signal_grid(inst: TwoPointInstance, size: int) -> list[Signal2]:
    """A grid of product signals containing Theorem 5's families and the region corners."""
    pts = {Fraction(i, size) for i in range(size + 1)}
    xc = inst.family1_alpha()
    lo, hi = inst.family2_range()
    sigs: list[Signal2] = [(x, y) for x in sorted(pts) for y in sorted(pts)]
    sigs += [(xc, y) for y in sorted(pts)]
    sigs += [(x, inst.family2_beta(x)) for x in sorted({lo + (hi - lo) * t for t in pts})]
    sigs += [(x, _0) for x in (xc, lo, hi)] + [(x, inst.beta) for x in (hi, _1)]
    return list(dict.fromkeys(sigs))


_X = sympy.Symbol("x")


def _nonneg_poly(expr: Any, lo: Fraction, hi: Fraction) -> bool:
    """Exact check that a rational polynomial in ``_X`` is >= 0 on ``[lo, hi]``."""
    poly = sympy.Poly(sympy.expand(expr), _X, domain="QQ")
    if poly.is_zero:
        return True
    lo_s, hi_s = (
        sympy.Rational(lo.numerator, lo.denominator),
        sympy.Rational(hi.numerator, hi.denominator),
    )
    samples = {lo_s, hi_s}
    for (s, t), _mult in poly.intervals(inf=lo_s, sup=hi_s):
        samples.update({s, t})
    return all(poly.eval(p) >= 0 for p in samples if lo_s <= p <= hi_s)


def _curve_numerator(
    inst: TwoPointInstance, y: tuple[Fraction, ...], cs_kind: int
) -> tuple[Any, Any]:
    """(numerator, denominator) of y·mu(s) - CS_k(s) on the curve beta' = Y(alpha')."""
    a, b, c, d = (
        sympy.Rational(v.numerator, v.denominator) for v in (inst.a, inst.b, inst.c, inst.d)
    )
    ys = [sympy.Rational(v.numerator, v.denominator) for v in y]
    x = _X
    Y = ((a - d) * x + d - b) / ((a - c) * x + c - b)
    mu = (x * Y, x * (1 - Y), (1 - x) * Y, (1 - x) * (1 - Y))
    cs = x * (1 - Y) * (a - b) if cs_kind == 4 else (1 - x) * Y * (c - d)
    g = sympy.together(sum(yk * m for yk, m in zip(ys, mu)) - cs)
    num, den = sympy.fraction(g)
    return num, den


def verify_dual_certificate(inst: TwoPointInstance, y: Sequence[Any]) -> bool:
    """Whether :math:`y \\cdot \\mu(s) \\ge \\mathrm{CS}(s)` for every product signal ``s``.

    Exact over the whole square :math:`[0, 1]^2` (module docstring): each Proposition 1
    formula is checked on the closure of its region (where two cases meet, CS is the larger
    formula), using that :math:`y\\cdot\\mu - \\mathrm{CS}` is bilinear on each region, so its
    minimum lies on corners, straight edges or the curve
    :math:`\\varphi_2(d|s) = \\varphi_1(b|s)`. With Theorem 4 (correlated signals have CS 0)
    and :math:`y \\ge 0`, a certificate proves
    :math:`\\sup_{\\mathcal Z} \\mathrm{CS}(\\mathcal Z) \\le y\\cdot\\mu(\\mathcal D)`
    (weak duality for LP (2)).

    References
    ----------
    paper 001, §3, LP (2), Proposition 1, Theorem 4.

    Examples
    --------
    >>> inst = TwoPointInstance.balanced(4, 2, "3/2", 1)
    >>> verify_dual_certificate(inst, [4, 4, 4, 4]), verify_dual_certificate(inst, [0, 0, 0, 0])
    (True, False)
    """
    ys = tuple(Q(v, f"y[{k}]", func="verify_dual_certificate") for k, v in enumerate(y))
    if len(ys) != 4:
        raise InvalidProblemError(f"verify_dual_certificate(): y has {len(ys)} entries, expected 4")
    if any(v < 0 for v in ys):
        return False
    a, b, c, d = inst.a, inst.b, inst.c, inst.d
    xc = inst.family1_alpha()
    xd, x0 = inst.family2_range()
    beta0 = d / c

    def g(x: Fraction, yy: Fraction, cs: Fraction) -> Fraction:
        return sum((w * m for w, m in zip(ys, inst.masses(x, yy))), _0) - cs

    checks: list[bool] = []
    # case 1: rectangle [0, xc] x [0, 1], CS = x (a - b)
    checks += [g(x, yy, x * (a - b)) >= 0 for x in (_0, xc) for yy in (_0, _1)]
    # case 2: rectangle [x0, 1] x [0, beta0], CS = (1 - x) y (c - d)
    checks += [g(x, yy, (1 - x) * yy * (c - d)) >= 0 for x in (x0, _1) for yy in (_0, beta0)]
    # case 2: x in [xd, x0], y in [0, Y(x)]: edge y = 0 (CS 0) and the curve
    checks += [g(x, _0, _0) >= 0 for x in (xd, x0)]
    num2, den2 = _curve_numerator(inst, ys, 2)
    # case 4: x in [xc, x0]: edge y = 1 (CS 0); x in [xc, xd]: edge y = 0; x in [xd, x0]: curve
    checks += [g(x, _1, _0) >= 0 for x in (xc, x0)]
    checks += [g(x, _0, x * (a - b)) >= 0 for x in (xc, xd)]
    num4, den4 = _curve_numerator(inst, ys, 4)
    if not all(checks):
        return False
    # the denominators are powers of ((a - c) x + c - b) > 0 on [xd, x0] (x > xc)
    for den in (den2, den4):
        if not _nonneg_poly(den, xd, x0):
            return False
    return _nonneg_poly(num2, xd, x0) and _nonneg_poly(num4, xd, x0)


@dataclass(frozen=True)
class BestCS:
    """The best achievable consumer surplus of a §3 instance, bounded from both sides.

    Attributes
    ----------
    lower : Fraction
        :math:`\\mathrm{CS}(\\mathcal Z)` of the explicit Bayes-plausible scheme ``scheme``.
    upper : Fraction or None
        :math:`y\\cdot\\mu(\\mathcal D)` for the verified dual certificate ``duals`` (``None``
        if the grid's dual vector does not verify).
    exact : bool
        ``lower == upper``: the grid LP already attains the supremum.
    opt : Fraction
        :math:`\\mathrm{OPT} = \\mathcal W^* - \\mathcal R(\\mathcal D)`.
    scheme : SignalingScheme
        The scheme: the grid LP's signals plus one signal holding the leftover mass.
    duals : tuple of Fraction
        :math:`y`.
    """

    lower: Fraction
    upper: Fraction | None
    exact: bool
    opt: Fraction
    scheme: SignalingScheme
    duals: tuple[Fraction, Fraction, Fraction, Fraction]

    @property
    def ratio(self) -> Fraction | None:
        """``upper / opt`` when exact (the best CS as a fraction of OPT)."""
        return self.upper / self.opt if self.exact and self.upper is not None else None


def best_consumer_surplus(inst: TwoPointInstance, *, grid: int = 8) -> BestCS:
    """:math:`\\sup_{\\mathcal Z} \\mathrm{CS}(\\mathcal Z)` bounded from both sides (§3).

    Lower bound: LP (2) over a ``grid`` x ``grid`` grid of product signals plus Theorem 5's
    two families (:func:`lp2`), realized as an explicit Bayes-plausible scheme and
    re-evaluated through :class:`SignalingScheme`. Upper bound: the LP's dual vector,
    verified for every product signal by :func:`verify_dual_certificate`.

    References
    ----------
    paper 001, §3 (LP (2), Theorem 5, Theorem 2).

    Examples
    --------
    Theorem 2's instance at :math:`\\delta = 1/4`: the best CS is 19/192, which is 19/28 of
    OPT = 7/48.

    >>> best = best_consumer_surplus(theorem2_instance("1/4"))
    >>> best.lower, best.upper, best.exact, best.ratio
    (Fraction(19, 192), Fraction(19, 192), True, Fraction(19, 28))
    """
    if grid < 1:
        raise InvalidProblemError(f"best_consumer_surplus(): grid={grid} must be >= 1")
    res = lp2(inst, _signal_grid(inst, grid))
    prior = inst.prior()
    joint = prior.joint()
    signals: list[tuple[Any, Fraction, dict[tuple[Fraction, ...], Fraction]]] = []
    used: dict[tuple[Fraction, ...], Fraction] = {}
    for (x, yy), w in res.weights.items():
        post = inst.posterior(x, yy).joint()
        signals.append(((x, yy), w, post))
        for v, p in post.items():
            used[v] = used.get(v, _0) + w * p
    rest = 1 - sum(res.weights.values(), _0)
    if rest:
        left = {v: (joint[v] - used.get(v, _0)) / rest for v in joint}
        signals.append(("leftover", rest, left))
    scheme = SignalingScheme(prior, signals)
    lower = scheme.consumer_surplus()
    ok = verify_dual_certificate(inst, res.duals)
    mu = inst.masses(inst.alpha, inst.beta)
    upper = sum((w * m for w, m in zip(res.duals, mu)), _0) if ok else None
    return BestCS(lower, upper, upper == lower, prior.opt(), scheme, res.duals)


def efficient_best_consumer_surplus(inst: TwoPointInstance) -> Fraction:
    """The best CS of a scheme whose optimal auction always sells to the highest value.

    Under a product signal buyer 1 always wins exactly when
    :math:`\\varphi_1(b|s) \\ge c` (:math:`\\alpha' \\le x_c`) or :math:`\\beta' = 0` and
    :math:`\\varphi_1(b|s) \\ge d` (:math:`\\alpha' \\le x_d`), or :math:`\\alpha' = 1`; then
    :math:`\\mathrm{CS}(s) = \\alpha'(a - b)`. Signals with smaller :math:`\\alpha'` are
    dominated (same CS per unit of :math:`\\alpha'\\gamma`, less mass on :math:`b`), and CS is
    linear in :math:`\\beta'`, so LP (2) over the three columns :math:`(x_c, 0)`,
    :math:`(x_c, 1)`, :math:`(x_d, 0)` is exact (correlated signals are efficient with CS 0,
    Theorem 4). The tests confirm it against a grid of all efficient signals.

    References
    ----------
    paper 001, §3, proof of Theorem 1.

    Examples
    --------
    >>> inst = theorem1_instance("1/5")
    >>> efficient_best_consumer_surplus(inst) / inst.prior().consumer_surplus() < Fraction(1, 5)
    True
    """
    xc = inst.family1_alpha()
    xd, _ = inst.family2_range()
    return lp2(inst, [(xc, _0), (xc, _1), (xd, _0)]).value


# -- Theorems 1 and 2 (symbolic) ----------------------------------------------------------


def _sym(x: Any) -> Any:
    if isinstance(x, sympy.Basic):
        return x
    q = Q(x, "parameter", func="theorem quantities")
    return sympy.Rational(q.numerator, q.denominator)


def theorem1_instance(
    epsilon: Any, *, a: Any = 4, c: Any = 1, b: Any = None, theta: Any = None
) -> TwoPointInstance:
    """A concrete instance behind Theorem 1 (paper 001, §3, proof of Theorem 1).

    :math:`d = (1 - \\varepsilon/2)\\,b`, and the virtual values slightly above zero with
    :math:`\\varphi_1(b) = 2\\theta > \\varphi_2(d) = \\theta`, i.e.
    :math:`\\alpha = (b - 2\\theta)/(a - 2\\theta)`, :math:`\\beta = (d - \\theta)/(c - \\theta)`.
    The proof takes :math:`\\theta \\to 0` first, then :math:`b \\to c^+`; the case-(1)
    signals keep a CS of order :math:`(b - c)/\\varepsilon` relative to
    :math:`\\mathrm{CS}(\\mathcal D)`, so :math:`b - c` must be small compared with
    :math:`\\varepsilon^2`. Defaults: :math:`b = c(1 + \\varepsilon^2/10)`,
    :math:`\\theta = c\\,\\varepsilon^2/1000`.

    Raises
    ------
    InvalidProblemError
        If the values are not ``a > b > c > d > 0`` or :math:`\\theta` is not in
        :math:`(0, d/2)`.

    Examples
    --------
    >>> inst = theorem1_instance("1/5")
    >>> inst.b, inst.d, inst.phi1_b(inst.alpha), inst.phi2_d(inst.beta)
    (Fraction(251, 250), Fraction(2259, 2500), Fraction(1, 12500), Fraction(1, 25000))
    """
    func = "theorem1_instance"
    eps = Q(epsilon, "epsilon", func=func)
    if not 0 < eps < 2:
        raise InvalidProblemError(f"{func}(): epsilon={fraction_str(eps)} not in (0, 2)")
    va, vc = Q(a, "a", func=func), Q(c, "c", func=func)
    vb = vc * (1 + eps * eps / 10) if b is None else Q(b, "b", func=func)
    th = vc * eps * eps / 1000 if theta is None else Q(theta, "theta", func=func)
    vd = (1 - eps / 2) * vb
    if not 0 < 2 * th < vd:
        raise InvalidProblemError(f"{func}(): theta={fraction_str(th)} must be in (0, d/2)")
    return TwoPointInstance(va, vb, vc, vd, (vb - 2 * th) / (va - 2 * th), (vd - th) / (vc - th))


def theorem2_instance(delta: Any) -> TwoPointInstance:
    """Theorem 2's instance: :math:`\\alpha = \\beta = 1 - \\delta`, :math:`a = 1/(1-\\delta)^2`,
    :math:`b = 1/(1-\\delta)`, :math:`c = 1`, :math:`d = 1 - \\delta` (paper 001, §3).

    Examples
    --------
    >>> inst = theorem2_instance("1/4")
    >>> inst.a, inst.alpha, inst.prior().opt()
    (Fraction(16, 9), Fraction(3, 4), Fraction(7, 48))
    >>> theorem2_instance(1)
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: theorem2_instance(): delta=1 not in (0, 1)
    """
    dl = Q(delta, "delta", func="theorem2_instance")
    if not 0 < dl < 1:
        raise InvalidProblemError(f"theorem2_instance(): delta={fraction_str(dl)} not in (0, 1)")
    return TwoPointInstance(1 / (1 - dl) ** 2, 1 / (1 - dl), 1, 1 - dl, 1 - dl, 1 - dl)


def theorem2_quantities(delta: Any = None) -> dict[str, Any]:
    """The quantities of the proof of Theorem 2 as exact functions of :math:`\\delta` (sympy).

    Keys: ``a, b, c, d, alpha, beta``; ``welfare`` :math:`\\mathbf E[\\max v_i] = \\alpha a +
    (1-\\alpha) b`; ``revenue`` :math:`\\alpha a + (1-\\alpha)\\beta c`; ``opt``;
    ``alpha1`` (the :math:`\\alpha'` of (1')); ``cs1`` (its CS, :math:`\\alpha'(a-b)`);
    ``beta2`` (the :math:`\\beta'` of (2') as a function of the symbol ``alpha_s``);
    ``beta2_printed`` (the formula printed in (2')); ``best_cs`` and ``best_ratio`` (the exact
    supremum :math:`\\delta^2 + \\delta^3(2-\\delta)/(1-\\delta)` attained by the signals
    :math:`(x_c, 1)` and :math:`(x_d, 0)`, verified against :func:`best_consumer_surplus`).

    Parameters
    ----------
    delta
        A number, or ``None`` for the symbol :math:`\\delta`.

    Examples
    --------
    >>> q = theorem2_quantities()
    >>> q["opt"], q["alpha1"]
    (delta**2*(delta - 2)/(delta - 1), (delta - 1)/(delta - 2))
    """
    dl = sympy.Symbol("delta", positive=True) if delta is None else _sym(delta)
    al = be = 1 - dl
    a, b, c, d = 1 / (1 - dl) ** 2, 1 / (1 - dl), sympy.Integer(1), 1 - dl
    welfare = al * a + (1 - al) * b
    revenue = al * a + (1 - al) * be * c
    xs = sympy.Symbol("alpha_s", positive=True)
    phi1 = b - (a - b) * xs / (1 - xs)
    ys = sympy.Symbol("beta_s", positive=True)
    beta2 = sympy.solve(sympy.Eq(d - (c - d) * ys / (1 - ys), phi1), ys)[0]
    one = 1 - xs
    beta2_printed = (1 - 3 * one + 3 * dl * one - dl**2 * one) / (1 - 2 * one + dl * one)
    alpha1 = (b - c) / (a - c)
    best = dl**2 + dl**3 * (2 - dl) / (1 - dl)
    opt = (1 - al) * (b - be * c)
    return {
        "a": a,
        "b": b,
        "c": c,
        "d": d,
        "alpha": al,
        "beta": be,
        "welfare": sympy.factor(welfare),
        "revenue": sympy.factor(revenue),
        "opt": sympy.factor(opt),
        "alpha1": sympy.factor(alpha1),
        "cs1": sympy.factor(alpha1 * (a - b)),
        "beta2": sympy.factor(beta2),
        "beta2_printed": beta2_printed,
        "best_cs": sympy.factor(best),
        "best_ratio": sympy.factor(best / opt),
    }


def theorem1_quantities(epsilon: Any = None) -> dict[str, Any]:
    """The bounds of the proof of Theorem 1 as exact functions of the parameters (sympy).

    With :math:`\\alpha = b/a`, :math:`\\beta = d/c` (the limit of footnote 2): ``cs_D`` =
    :math:`\\alpha(1-\\beta)(a-b)`; ``cs_D_printed`` = :math:`\\frac bc\\cdot\\frac{c-d}a(a-b)`;
    ``alpha_max`` = :math:`(b-d)/(a-d)` (from :math:`\\varphi_1(b) \\ge \\varphi_2(d) = d`);
    ``gamma_max`` = :math:`(a-d)(c-d)/(ac)`; ``cs_bound`` = ``gamma_max * alpha_max * (a-b)``
    (printed :math:`(b-d)(c-d)(a-b)/(ac)`); ``ratio`` = ``cs_bound / cs_D`` (printed
    :math:`(b-d)/b`) and ``ratio_eps`` its value at :math:`d = (1-\\varepsilon/2) b`
    (printed :math:`\\varepsilon/2`).

    Examples
    --------
    >>> theorem1_quantities()["ratio_eps"]
    epsilon/2
    """
    a, b, c, d = sympy.symbols("a b c d", positive=True)
    eps = sympy.Symbol("epsilon", positive=True) if epsilon is None else _sym(epsilon)
    al, be = b / a, d / c
    cs_d = al * (1 - be) * (a - b)
    xs = sympy.Symbol("alpha_s", positive=True)
    alpha_max = sympy.solve(sympy.Eq(b - (a - b) * xs / (1 - xs), d), xs)[0]
    gamma_max = sympy.simplify((1 - al) * (1 - be) / (1 - alpha_max))
    bound = gamma_max * alpha_max * (a - b)
    ratio = sympy.simplify(bound / cs_d)
    return {
        "cs_D": sympy.factor(cs_d),
        "cs_D_printed": (b / c) * ((c - d) / a) * (a - b),
        "alpha_max": sympy.factor(alpha_max),
        "gamma_max": sympy.factor(gamma_max),
        "cs_bound": sympy.factor(bound),
        "ratio": sympy.factor(ratio),
        "ratio_eps": sympy.simplify(ratio.subs(d, (1 - eps / 2) * b)),
    }
