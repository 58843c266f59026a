"""Signaling schemes, Bayes posteriors and the obedience constraints of paper 002, §4.

Notation (paper 002, §4.1 and §4.2, discrete prior ``g_k = g(q_k)``):

* one buyer, ``Sigma = {0, 1}``: ``pi(q)`` is the probability of signal 1 ("buy");
* ``n`` buyers, Lemma 1's ``n + 1`` recommendation signals: ``s_i`` asks buyer ``i`` (and
  only him) to buy, ``s_0`` asks nobody; ``pi(q, s_i)`` must satisfy (11):
  ``sum_i pi(q, s_i) + pi(q, s_0) = 1`` with every entry ``>= 0``
  (:class:`RecommendationScheme`);
* overlapping recommendations: signal profiles ``sigma in {0, 1}^n`` whose ``i``-th component is
  sent privately to buyer ``i`` (:class:`ActionProfileScheme`); several buyers may be asked
  to buy at once, and the item is sold if at least one does. Definition 2.3 allows any
  signal set, so these are fixed-price signaling mechanisms too; they test Lemma 1's use.

Buyer ``i``'s posterior after his own signal depends only on the marginal
``y_i(q) = Pr[sigma_i = 1 | q]`` (equal to ``pi(q, s_i)`` for recommendation schemes), eq. (1),
(2), (12), (13) (:func:`posterior`). The constraints the paper derives from obedience, with
exact residuals:

=============  =====================================================================
(4) / (14)     ex post, signal 1: ``sum_{q < v_i^{-1}(p)} pi(q, s_i) g(q) = 0``
(5) / (15)     ex post, signal 0: ``sum_{q >= v_i^{-1}(p)} [1 - pi(q, s_i)] g(q) = 0``
(7) / (16)     ex interim, signal 1: ``sum_q pi(q, s_i) [v_i(q) - p] g(q) >= 0``
(8) / (17)     ex interim, signal 0: ``sum_q pi(q, s_i) [v_i(q) - p] g(q) >= E v_i - p``
(11)           ``pi(q, s_0) = 1 - sum_i pi(q, s_i) >= 0`` and ``pi(q, s_i) >= 0``
=============  =====================================================================

(the first label is the one-buyer form of §4.1, the second the ``n``-buyer form of §4.2).

Tie-breaking (``ties``, see :data:`~exactmech.papers.fixed_price_signaling.model.TIE_RULES`):
the text supports two readings. Definitions 2.1 and 2.2 ("buy iff ... no less than p") say an
indifferent buyer **buys**; the ex-post constraints (4)/(5) and (14)/(15) are written for
that reading (``Pr{v_i(q) < p | 0} = 1`` excludes ``v_i(q) = p`` after signal 0). The
ex-interim constraints (7)/(8) and (16)/(17) are weak inequalities on both sides, i.e. an
indifferent buyer **follows** the recommendation. The defaults follow the paper's
constraints: ``ties="buy"`` ex post, ``ties="follow"`` ex interim.

Ex-post obedience (§4.1.1) means that the recommendation is right with posterior
probability 1: after signal 1 the buyer is sure that ``v_i(q) >= p``, after signal 0 sure
that ``v_i(q) < p``. :func:`obeys_by_posterior` checks obedience from these definitions
and the posteriors, independently of the rewritten constraints.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from exactmech.dist import Discrete
from exactmech.errors import ModelError
from exactmech.numbers import Q, as_rational_vector, fraction_str
from exactmech.papers.fixed_price_signaling.model import DiscreteInstance, check_ties

__all__ = [
    "ActionProfileScheme",
    "ObedienceCheck",
    "RecommendationScheme",
    "Residual",
    "Scheme",
    "check_expost_obedience",
    "check_interim_obedience",
    "check_probability_constraints",
    "marginals",
    "obeys_by_posterior",
    "posterior",
    "sale_probability",
]

_0 = Fraction(0)
_1 = Fraction(1)


def _entry(x: Any, name: str, func: str) -> Any:
    """A rational entry as ``Fraction``; an irrational sympy number is kept (exact)."""
    if type(x).__module__.startswith("sympy") and not getattr(x, "is_Rational", False):
        if x.is_Float or x.free_symbols or not x.is_real:
            raise ModelError(f"{func}(): {name} = {x} is not an exact real number")
        return x
    return Q(x, name, func=func)


def _sign(x: Any) -> int:
    """Exact sign of a rational or real algebraic sympy number."""
    if isinstance(x, Fraction):
        return (x > 0) - (x < 0)
    e = sympy.expand(x)
    if e == 0 or sympy.minimal_polynomial(e, sympy.Symbol("_z")).as_expr() == sympy.Symbol("_z"):
        return 0
    return 1 if sympy.N(e, 50) > 0 else -1


def _table(
    table: Sequence[Sequence[Any]], func: str, name: str = "table"
) -> tuple[tuple[Any, ...], ...]:
    rows = tuple(
        tuple(_entry(x, f"{name}[{i}][{k}]", func) for k, x in enumerate(r))
        for i, r in enumerate(table)
    )
    if not rows:
        raise ModelError(f"{func}(): {name} has no rows")
    k = len(rows[0])
    for i, r in enumerate(rows):
        if len(r) != k:
            raise ModelError(f"{func}(): {name}[{i}] has {len(r)} entries, {name}[0] has {k}")
    return rows


@dataclass(frozen=True)
class Residual:
    """One obedience constraint evaluated exactly.

    Attributes
    ----------
    equation
        The paper's label (``"(16)"``).
    buyer
        0-based buyer index (``-1`` for a per-level constraint of (11)).
    level
        0-based quality level for (11), ``-1`` otherwise.
    lhs, rhs
        Both sides; ``residual = lhs - rhs``.
    relation
        ``"=="``, ``">="`` or ``">"`` (``">"``: a tie rule made the inequality strict).
    satisfied
        Whether the relation holds.
    """

    equation: str
    buyer: int
    level: int
    lhs: Any
    rhs: Any
    relation: str
    satisfied: bool

    @property
    def residual(self) -> Any:
        """``lhs - rhs`` (a ``Fraction``; a sympy number for an irrational scheme)."""
        d = self.lhs - self.rhs
        return d if isinstance(d, Fraction) else sympy.expand(d)


def _residual(eq: str, buyer: int, level: int, lhs: Any, rhs: Any, rel: str) -> Residual:
    sg = _sign(lhs - rhs)
    ok = {"==": sg == 0, ">=": sg >= 0, ">": sg > 0}[rel]
    if not isinstance(lhs, Fraction):
        lhs, rhs = sympy.expand(lhs), sympy.expand(rhs)
    return Residual(eq, buyer, level, lhs, rhs, rel, ok)


@dataclass(frozen=True)
class ObedienceCheck:
    """The residuals of one family of constraints, and whether all hold."""

    family: str
    price: Any
    ties: str | None
    residuals: tuple[Residual, ...]

    @property
    def satisfied(self) -> bool:
        """All constraints hold."""
        return all(r.satisfied for r in self.residuals)

    def violations(self) -> tuple[Residual, ...]:
        """The constraints that fail."""
        return tuple(r for r in self.residuals if not r.satisfied)

    def __bool__(self) -> bool:
        return self.satisfied


class RecommendationScheme:
    """Lemma 1's ``n + 1`` recommendation signals: ``table[i][k] = pi(q_k, s_i)``.

    Parameters
    ----------
    table
        One row per buyer, one entry per quality level; ``pi(q_k, s_0) = 1 - sum_i
        table[i][k]``. Must satisfy (11) (checked; :func:`check_probability_constraints`
        reports the residuals of tables that do not).

    References
    ----------
    paper 002, §4.2, the signal set ``Sigma`` and constraint (11); §4.1 for ``n = 1``.

    Examples
    --------
    >>> s = RecommendationScheme([["1/2", 0], ["1/2", 1]])
    >>> s.no_sale(0), s.sale_probability_at(1)
    (Fraction(0, 1), Fraction(1, 1))
    >>> RecommendationScheme([[1, 1], [1, 0]])
    Traceback (most recent call last):
    ...
    exactmech.errors.ModelError: RecommendationScheme(): not a probability distribution, ...
    """

    __slots__ = ("table",)

    table: tuple[tuple[Fraction, ...], ...]

    def __init__(self, table: Sequence[Sequence[Any]]) -> None:
        rows = _table(table, "RecommendationScheme")
        check = check_probability_constraints(rows)
        if not check.satisfied:
            bad = "; ".join(_describe_11(r) for r in check.violations())
            raise ModelError(
                f"RecommendationScheme(): not a probability distribution, (11) fails: {bad}"
            )
        self.table = rows

    @property
    def n(self) -> int:
        """Number of buyers."""
        return len(self.table)

    @property
    def K(self) -> int:
        """Number of quality levels."""
        return len(self.table[0])

    def no_sale(self, k: int) -> Fraction:
        """``pi(q_k, s_0)``."""
        return 1 - sum((r[k] for r in self.table), _0)

    def marginal(self, i: int) -> tuple[Fraction, ...]:
        """``Pr[buyer i is told to buy | q_k] = pi(q_k, s_i)``."""
        return self.table[i]

    def sale_probability_at(self, k: int) -> Fraction:
        """``sum_i pi(q_k, s_i)``: the item is sold at ``q_k`` when every buyer obeys."""
        return sum((r[k] for r in self.table), _0)

    def to_action_profiles(self) -> ActionProfileScheme:
        """The same scheme written as signal profiles ``sigma in {0,1}^n``."""
        n = self.n
        probs: dict[tuple[int, ...], list[Fraction]] = {}
        for i in range(n):
            probs[tuple(int(j == i) for j in range(n))] = list(self.table[i])
        probs[(0,) * n] = [self.no_sale(k) for k in range(self.K)]
        return ActionProfileScheme(probs)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RecommendationScheme) and self.table == other.table

    def __hash__(self) -> int:
        return hash(self.table)

    def __repr__(self) -> str:
        rows = ", ".join("[" + ", ".join(_s(x) for x in r) + "]" for r in self.table)
        return f"RecommendationScheme([{rows}])"


def _s(x: Any) -> str:
    return fraction_str(x) if isinstance(x, Fraction) else str(x)


def _describe_11(r: Residual) -> str:
    if r.buyer < 0:
        return f"pi(q_{r.level + 1}, s_0) = {_s(r.lhs)} < 0"
    return f"pi(q_{r.level + 1}, s_{r.buyer + 1}) = {_s(r.lhs)} < 0"


class ActionProfileScheme:
    """Overlapping recommendations: a distribution over ``sigma in {0,1}^n`` per level.

    Buyer ``i`` privately sees ``sigma_i`` (1: "buy"); several buyers may be told to buy at
    once, and the item is sold when at least one of them buys (footnote 1: to one of them at
    random).

    Parameters
    ----------
    probs
        ``{profile: [Pr[sigma = profile | q_k] for k]}``; missing profiles have probability
        0. Per level the probabilities are ``>= 0`` and sum to 1.

    Examples
    --------
    >>> s = ActionProfileScheme({(1, 1): [0, 1], (1, 0): [1, 0]})
    >>> s.marginal(0), s.marginal(1), s.sale_probability_at(0)
    ((Fraction(1, 1), Fraction(1, 1)), (Fraction(0, 1), Fraction(1, 1)), Fraction(1, 1))
    >>> ActionProfileScheme({(1, 0): ["1/2", 1]})
    Traceback (most recent call last):
    ...
    exactmech.errors.ModelError: ActionProfileScheme(): probabilities at level q_1 sum to 1/2, ...
    """

    __slots__ = ("K", "n", "probs")

    probs: dict[tuple[int, ...], tuple[Fraction, ...]]

    def __init__(self, probs: Mapping[tuple[int, ...], Sequence[Any]]) -> None:
        func = "ActionProfileScheme"
        if not probs:
            raise ModelError(f"{func}(): no signal profiles")
        out: dict[tuple[int, ...], tuple[Fraction, ...]] = {}
        n = k = -1
        for prof, row in probs.items():
            prof = tuple(int(x) for x in prof)
            if any(x not in (0, 1) for x in prof):
                raise ModelError(f"{func}(): profile {prof} is not in {{0, 1}}^n")
            r = as_rational_vector(row, f"probs[{prof}]", func=func)
            if n < 0:
                n, k = len(prof), len(r)
            if len(prof) != n or len(r) != k:
                raise ModelError(f"{func}(): profile {prof} has inconsistent dimensions")
            for j, x in enumerate(r):
                if x < 0:
                    raise ModelError(
                        f"{func}(): Pr[sigma = {prof} | q_{j + 1}] = {fraction_str(x)} < 0"
                    )
            out[prof] = out.get(prof, (_0,) * k)
            out[prof] = tuple(a + b for a, b in zip(out[prof], r))
        for j in range(k):
            tot = sum((r[j] for r in out.values()), _0)
            if tot != 1:
                raise ModelError(
                    f"{func}(): probabilities at level q_{j + 1} sum to {fraction_str(tot)}, "
                    "expected 1"
                )
        self.probs = out
        self.n = n
        self.K = k

    @classmethod
    def from_marginals(cls, marginals: Sequence[Sequence[Any]]) -> ActionProfileScheme:
        """A scheme with the given ``Pr[sigma_i = 1 | q_k]`` selling as often as possible.

        At each level the buyers' "buy" events are laid end to end around the circle
        ``[0, 1)``, so the item is sold with probability ``min(1, sum_i y_i(q_k))``, the
        largest possible for these marginals.

        >>> s = ActionProfileScheme.from_marginals([["1/2", 1], ["2/3", 0]])
        >>> [s.sale_probability_at(k) for k in range(2)]
        [Fraction(1, 1), Fraction(1, 1)]
        """
        func = "ActionProfileScheme.from_marginals"
        rows = _table(marginals, func, "marginals")
        n, k = len(rows), len(rows[0])
        for i, r in enumerate(rows):
            for j, x in enumerate(r):
                if not 0 <= x <= 1:
                    raise ModelError(
                        f"{func}(): marginals[{i}][{j}] = {fraction_str(x)} not in [0, 1]"
                    )
        probs: dict[tuple[int, ...], list[Fraction]] = {}
        for j in range(k):
            arcs = []  # [start, end) on the circle [0, 1); end may exceed 1 (wrap)
            pos = _0
            for i in range(n):
                arcs.append((pos, pos + rows[i][j]))
                pos = (pos + rows[i][j]) % 1
            pts = sorted({_0, _1} | {a % 1 for a, _ in arcs} | {b % 1 for _, b in arcs})
            for lo, hi in itertools.pairwise(pts):
                mid = (lo + hi) / 2
                prof = tuple(int(_on_arc(mid, a, b)) for a, b in arcs)
                probs.setdefault(prof, [_0] * k)[j] += hi - lo
        return cls(probs)

    def marginal(self, i: int) -> tuple[Fraction, ...]:
        """``Pr[sigma_i = 1 | q_k]`` per level."""
        return tuple(
            sum((r[k] for prof, r in self.probs.items() if prof[i] == 1), _0) for k in range(self.K)
        )

    def sale_probability_at(self, k: int) -> Fraction:
        """``Pr[sigma != 0 | q_k]``: the item is sold when every buyer obeys."""
        return sum((r[k] for prof, r in self.probs.items() if any(prof)), _0)

    def __repr__(self) -> str:
        items = ", ".join(
            f"{prof}: [" + ", ".join(fraction_str(x) for x in r) + "]"
            for prof, r in sorted(self.probs.items())
        )
        return f"ActionProfileScheme({{{items}}})"


def _on_arc(x: Fraction, a: Fraction, b: Fraction) -> bool:
    """``x`` in the arc ``[a, b)`` of the circle ``[0, 1)`` (``b`` may exceed 1)."""
    if b <= 1:
        return a <= x < b
    return a <= x or x < b - 1


#: A scheme object, or a raw table of ``Pr[buyer i told to buy | q_k]`` (entries in [0, 1]).
Scheme = RecommendationScheme | ActionProfileScheme | Sequence[Sequence[Any]]


def marginals(scheme: Scheme, func: str = "marginals") -> tuple[tuple[Fraction, ...], ...]:
    """``y_i(q_k) = Pr[sigma_i = 1 | q_k]`` for every buyer: the input of (12)–(17).

    A raw table is read as these marginals (entries must lie in ``[0, 1]``; (11) is *not*
    required, so a printed scheme that violates it can still be checked).
    """
    if isinstance(scheme, RecommendationScheme):
        return scheme.table
    if isinstance(scheme, ActionProfileScheme):
        return tuple(scheme.marginal(i) for i in range(scheme.n))
    rows = _table(scheme, func, "scheme")
    for i, r in enumerate(rows):
        for k, x in enumerate(r):
            if _sign(x) < 0 or _sign(x - 1) > 0:
                raise ModelError(f"{func}(): scheme[{i}][{k}] = {_s(x)} is not a probability")
    return rows


def _price(inst: DiscreteInstance, p: Any, func: str) -> Any:
    """A rational price via :meth:`DiscreteInstance.check_price`; an irrational sympy price
    (e.g. an optimal price of programme (18)) is checked against the value range exactly."""
    if type(p).__module__.startswith("sympy") and not getattr(p, "is_Rational", False):
        x = _entry(p, "p", func)
        if _sign(x) < 0 or _sign(x - inst.value_bound()) > 0:
            raise ModelError(f"{func}(): price p={x} is outside the value range")
        return x
    return inst.check_price(p, func)


def _dims(inst: DiscreteInstance, ys: tuple[tuple[Fraction, ...], ...], func: str) -> None:
    if len(ys) != inst.n or len(ys[0]) != inst.K:
        raise ModelError(
            f"{func}(): scheme is {len(ys)}x{len(ys[0])}, instance has {inst.n} buyers and "
            f"{inst.K} levels"
        )


def sale_probability(inst: DiscreteInstance, scheme: Scheme) -> Fraction:
    """``Pr[item sold]`` under obedience: ``sum_k g_k Pr[some buyer told to buy | q_k]``.

    Paper 002, eq. (3) and §4.2 (``Rev_sig = Pr[sold] · p``). A raw table is read as a
    recommendation scheme (rows summed).
    """
    func = "sale_probability"
    if isinstance(scheme, (RecommendationScheme, ActionProfileScheme)):
        s = scheme
    else:
        s = RecommendationScheme(scheme)
    if s.n != inst.n or s.K != inst.K:
        raise ModelError(f"{func}(): scheme dimensions do not match the instance")
    return sum((g * s.sale_probability_at(k) for k, g in enumerate(inst.probs)), _0)


def posterior(inst: DiscreteInstance, scheme: Scheme, i: int, signal: int) -> Discrete | None:
    """Buyer ``i``'s posterior over the quality after his own signal (eqs. (1), (2), (12), (13)).

    ``None`` when the signal has probability 0 (the posterior is undefined).

    >>> inst = DiscreteInstance([[0, 2, 2], [1, 1, 2]], ["1/3"] * 3)
    >>> posterior(inst, [[0, 1, 1], [1, 0, 0]], 0, 1)
    Discrete({1: 0, 2: 1/2, 3: 1/2})
    """
    func = "posterior"
    ys = marginals(scheme, func)
    _dims(inst, ys, func)
    if signal not in (0, 1):
        raise ModelError(f"{func}(): signal={signal!r}; expected 0 or 1")
    w = [g * (y if signal == 1 else 1 - y) for g, y in zip(inst.probs, ys[i])]
    if sum(w, _0) == 0:
        return None
    return Discrete.from_weights(inst.qualities, w)


def _label(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def check_probability_constraints(table: Sequence[Sequence[Any]]) -> ObedienceCheck:
    """Constraint (11): ``pi(q, s_0) = 1 - sum_i pi(q, s_i) >= 0`` and ``pi(q, s_i) >= 0``.

    Returns the residuals (``lhs`` is the probability, ``rhs`` 0) for every level and entry.

    >>> check_probability_constraints([[1, 1], [1, 0]]).violations()[0].lhs
    Fraction(-1, 1)
    """
    rows = _table(table, "check_probability_constraints")
    res = []
    for k in range(len(rows[0])):
        for i, r in enumerate(rows):
            res.append(_residual("(11)", i, k, r[k], _0, ">="))
        res.append(_residual("(11)", -1, k, 1 - sum((r[k] for r in rows), _0), _0, ">="))
    return ObedienceCheck("(11)", None, None, tuple(res))


def _refuses(v: Fraction, p: Fraction, ties: str) -> bool:
    """Signal 1 is disobeyed at a quality with value ``v`` (the recommended buyer refuses)."""
    return v <= p if ties == "no-buy" else v < p


def _wants(v: Fraction, p: Fraction, ties: str) -> bool:
    """Signal 0 is disobeyed at a quality with value ``v`` (the buyer would buy)."""
    return v >= p if ties == "buy" else v > p


def check_expost_obedience(
    inst: DiscreteInstance,
    scheme: Scheme,
    p: Any,
    *,
    ties: str = "buy",
    recommend_only: bool = False,
) -> ObedienceCheck:
    """Ex-post obedience constraints (4)–(5) (one buyer) or (14)–(15) (``n`` buyers).

    ``lhs`` of (4)/(14) is ``Pr[sigma_i = 1 and buyer i does not want the item]`` and of
    (5)/(15) ``Pr[sigma_i = 0 and buyer i wants it]``; both must be 0. "Wants" is
    ``v_i(q) >= p`` under ``ties="buy"`` (the paper's integrals), ``v_i(q) > p`` under
    ``"no-buy"``; under ``"follow"`` an indifferent buyer obeys either signal.
    ``recommend_only=True`` drops (15), as Theorem 4.9 does ("buyers can only buy after
    receiving signal 1").

    References
    ----------
    paper 002, §4.1.1, eqs. (4), (5); §4.2.1, Proposition 4.7, eqs. (14), (15).

    Examples
    --------
    >>> inst = DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"])
    >>> check_expost_obedience(inst, [[0, 0], [0, 1]], 10).satisfied
    True
    >>> chk = check_expost_obedience(inst, [[1, 0], [0, 1]], 3)
    >>> [(r.equation, r.buyer, r.lhs) for r in chk.violations()]
    [('(14)', 0, Fraction(1, 2)), ('(15)', 0, Fraction(1, 2))]
    """
    func = "check_expost_obedience"
    check_ties(ties, func)
    price = inst.check_price(p, func)
    ys = marginals(scheme, func)
    _dims(inst, ys, func)
    e1 = _label(inst.n, "(4)", "(14)")
    e0 = _label(inst.n, "(5)", "(15)")
    res = []
    for i in range(inst.n):
        vals, y = inst.values[i], ys[i]
        lhs1 = sum(
            (g * yk for g, yk, v in zip(inst.probs, y, vals) if _refuses(v, price, ties)), _0
        )
        res.append(_residual(e1, i, -1, lhs1, _0, "=="))
        if not recommend_only:
            lhs0 = sum(
                (g * (1 - yk) for g, yk, v in zip(inst.probs, y, vals) if _wants(v, price, ties)),
                _0,
            )
            res.append(_residual(e0, i, -1, lhs0, _0, "=="))
    return ObedienceCheck(f"{e1}-{e0}", price, ties, tuple(res))


def check_interim_obedience(
    inst: DiscreteInstance, scheme: Scheme, p: Any, *, ties: str = "follow"
) -> ObedienceCheck:
    """Ex-interim obedience constraints (7)–(8) (one buyer) or (16)–(17) (``n`` buyers).

    (7)/(16): ``sum_q pi(q, s_i) [v_i(q) - p] g(q) >= 0``; (8)/(17):
    ``sum_q pi(q, s_i) [v_i(q) - p] g(q) >= E v_i - p``. Under ``ties="buy"`` (8)/(17) is
    strict whenever signal 0 has positive probability (an indifferent buyer would buy);
    under ``"no-buy"`` (7)/(16) is strict whenever signal 1 has positive probability;
    ``"follow"`` is the paper's weak form.

    References
    ----------
    paper 002, §4.1.2, eqs. (6)–(8); §4.2.2, eqs. (16), (17).

    Examples
    --------
    >>> inst = DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"])
    >>> chk = check_interim_obedience(inst, [[1, 0], [0, 1]], 6)   # Theorem 4.11's mechanism
    >>> [(r.equation, r.buyer, r.residual) for r in chk.violations()]
    [('(16)', 0, Fraction(-2, 1))]
    """
    func = "check_interim_obedience"
    check_ties(ties, func)
    price = _price(inst, p, func)
    ys = marginals(scheme, func)
    _dims(inst, ys, func)
    e1 = _label(inst.n, "(7)", "(16)")
    e0 = _label(inst.n, "(8)", "(17)")
    res = []
    for i in range(inst.n):
        y, vals = ys[i], inst.values[i]
        lhs = sum((g * yk * (v - price) for g, yk, v in zip(inst.probs, y, vals)), _0)
        p1 = sum((g * yk for g, yk in zip(inst.probs, y)), _0)
        p0 = 1 - p1
        rel1 = ">" if ties == "no-buy" and _sign(p1) > 0 else ">="
        rel0 = ">" if ties == "buy" and _sign(p0) > 0 else ">="
        res.append(_residual(e1, i, -1, lhs, _0, rel1))
        res.append(_residual(e0, i, -1, lhs, inst.mean_value(i) - price, rel0))
    return ObedienceCheck(f"{e1}-{e0}", price, ties, tuple(res))


def _expost_kind(post: Discrete, vals: dict[Fraction, Fraction], price: Fraction) -> set[str]:
    """Which certainties the posterior gives: ``">"``, ``">="``, ``"<"``, ``"<="`` (all of
    the posterior's support has ``v`` so related to ``p``)."""
    vs = [vals[q] for q in post.support]
    out = set()
    if all(v > price for v in vs):
        out.add(">")
    if all(v >= price for v in vs):
        out.add(">=")
    if all(v < price for v in vs):
        out.add("<")
    if all(v <= price for v in vs):
        out.add("<=")
    return out


def obeys_by_posterior(
    inst: DiscreteInstance,
    scheme: Scheme,
    p: Any,
    *,
    model: str,
    ties: str | None = None,
    recommend_only: bool = False,
) -> bool:
    """Obedience from the definitions, through each buyer's Bayes posterior (§4.1, §4.2).

    ``model="ex-interim"``: after signal 1 the buyer's posterior expected value must make
    buying weakly optimal, after signal 0 not buying (ties per ``ties``, default
    ``"follow"``). ``model="ex-post"``: the recommendation must be ex-post right with
    posterior probability 1 (default ``ties="buy"``). Signals of probability 0 impose
    nothing. This is an independent check of the rewritten constraints (4)–(8), (14)–(17).
    """
    func = "obeys_by_posterior"
    if model not in ("ex-post", "ex-interim"):
        raise ModelError(f"{func}(): model={model!r}; expected 'ex-post' or 'ex-interim'")
    t = check_ties(ties if ties is not None else ("buy" if model == "ex-post" else "follow"), func)
    price = inst.check_price(p, func)
    for i in range(inst.n):
        vals = dict(zip(inst.qualities, inst.values[i]))
        for signal in (1, 0):
            if signal == 0 and recommend_only:
                continue
            post = posterior(inst, scheme, i, signal)
            if post is None:
                continue
            if model == "ex-interim":
                u = post.expect(lambda qq, vals=vals: vals[qq]) - price  # type: ignore[misc]
                if signal == 1:
                    ok = u > 0 or (u == 0 and t in ("buy", "follow"))
                else:
                    ok = u < 0 or (u == 0 and t in ("no-buy", "follow"))
            else:
                kind = _expost_kind(post, vals, price)
                if signal == 1:
                    ok = (">" if t == "no-buy" else ">=") in kind
                else:
                    ok = ("<" if t == "buy" else "<=") in kind
            if not ok:
                return False
    return True
