"""Instances of paper 002's model: a quality prior and ``n`` buyers' valuation functions.

Paper 002, §2.1: the item's quality ``q`` is drawn from a prior ``G`` (density ``g``) on
``[q_1, q_2]``; buyer ``i`` values the item at ``v_i(q) >= 0``, non-decreasing in ``q``
(the paper says "monotone increasing"; flat pieces are allowed here, and instance I3 of the
issue needs them). The generalized inverse is ``v_i^{-1}(p) = inf{q : v_i(q) >= p}``.

Two kinds of instance:

* :class:`DiscreteInstance` — ``K`` quality levels ``q_1 < ... < q_K`` with rational
  probabilities, and a table ``v_i(q_k)``. Every quantity is a ``Fraction``.
* :class:`ContinuousInstance` — a sympy density on a rational interval and sympy valuations
  in the quality symbol. Results are exact sympy numbers (``Fraction`` when rational).

Reading of ``G(v^{-1}(p))`` (§3.1, proof of Proposition 3.1): the paper writes
``Pr{v_i(q) < p} = Pr{q < v_i^{-1}(p)} = G(v_i^{-1}(p))``; for a continuous prior the two
sides agree, and for a discrete prior we use the left-hand side, ``Pr[v_i(q) < p]``
(:meth:`DiscreteInstance.prob_below`), which is what the paper's derivation needs.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import sympy

from exactmech.dist import Discrete
from exactmech.errors import DistributionError, FloatInputError, ModelError
from exactmech.numbers import Q, as_rational_vector, fraction_str

__all__ = [
    "EXAMPLES",
    "TIE_RULES",
    "ContinuousInstance",
    "DiscreteInstance",
    "Instance",
    "check_ties",
    "exact",
    "example_instance",
    "require_discrete",
]

#: How a buyer who is exactly indifferent (``v = p`` ex post, ``E[v | signal] = p`` ex interim)
#: acts. ``"buy"``: he buys (Definitions 2.1 and 2.2: "no less than p"; the ex-post
#: constraints (4), (5), (14), (15) are written this way). ``"follow"``: he follows the
#: seller's recommendation (the ex-interim constraints (7), (8), (16), (17) are weak
#: inequalities on both sides, which is this reading). ``"no-buy"``: he does not buy.
TIE_RULES = ("buy", "follow", "no-buy")

_0 = Fraction(0)
_1 = Fraction(1)


def check_ties(ties: str, func: str) -> str:
    """Validate a tie rule name (one of :data:`TIE_RULES`)."""
    if ties not in TIE_RULES:
        raise ModelError(f"{func}(): ties={ties!r}; expected one of {', '.join(TIE_RULES)}")
    return ties


def exact(value: Any) -> Any:
    """A sympy number as a ``Fraction`` when it is rational, else the sympy number itself."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    v = sympy.nsimplify(value) if getattr(value, "is_Float", False) else sympy.sympify(value)
    if v.is_Rational:
        return Fraction(int(v.p), int(v.q))
    return v


class DiscreteInstance:
    """``K`` quality levels with a rational prior and ``n`` buyers' valuation tables.

    Parameters
    ----------
    values
        ``values[i][k] = v_i(q_k)``: one row per buyer, non-negative and non-decreasing in
        ``k`` (paper 002, §2.1).
    probs
        ``probs[k] = g(q_k)``: non-negative, summing to exactly 1.
    qualities
        The quality levels ``q_1 < ... < q_K`` (default ``1, ..., K``). They matter only
        through their order and the values of the generalized inverses.

    Raises
    ------
    DistributionError
        Probabilities negative or not summing to 1.
    ModelError
        A decreasing or negative valuation, ragged tables, qualities not increasing.

    References
    ----------
    paper 002, §2.1 (model); the discrete prior replaces the paper's density ``g``.

    Examples
    --------
    >>> inst = DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"])     # instance I1
    >>> inst.mean_values(), inst.expected_max()
    ((Fraction(5, 2), Fraction(5, 1)), Fraction(6, 1))
    >>> inst.inverse(0, "5/2"), inst.prob_below(1, 10)
    (Fraction(2, 1), Fraction(1, 2))
    >>> DiscreteInstance([[3, 2]], ["1/2", "1/2"])
    Traceback (most recent call last):
    ...
    exactmech.errors.ModelError: DiscreteInstance(): v_1 decreases from 3 at q_1=1 to 2 ...
    """

    __slots__ = ("_prior", "probs", "qualities", "values")

    qualities: tuple[Fraction, ...]
    probs: tuple[Fraction, ...]
    values: tuple[tuple[Fraction, ...], ...]
    _prior: Discrete

    def __init__(
        self,
        values: Sequence[Sequence[Any]],
        probs: Sequence[Any],
        qualities: Sequence[Any] | None = None,
    ) -> None:
        func = "DiscreteInstance"
        ps = as_rational_vector(probs, "probs", func=func)
        k = len(ps)
        if k == 0:
            raise DistributionError(f"{func}(): no quality levels (probs is empty)")
        qs = (
            tuple(Fraction(j + 1) for j in range(k))
            if qualities is None
            else as_rational_vector(qualities, "qualities", func=func)
        )
        if len(qs) != k:
            raise ModelError(f"{func}(): {len(qs)} qualities but {k} probabilities")
        for j in range(1, k):
            if qs[j] <= qs[j - 1]:
                raise ModelError(
                    f"{func}(): qualities must increase strictly; q_{j}={fraction_str(qs[j - 1])}"
                    f" >= q_{j + 1}={fraction_str(qs[j])}"
                )
        for j, p in enumerate(ps):
            if p < 0:
                raise DistributionError(
                    f"{func}(): probability of q_{j + 1} is {fraction_str(p)}; must be >= 0"
                )
        total = sum(ps, _0)
        if total != 1:
            raise DistributionError(
                f"{func}(): probabilities sum to {fraction_str(total)}, expected 1"
            )
        rows = []
        if len(values) == 0:
            raise ModelError(f"{func}(): no buyers (values is empty)")
        for i, row in enumerate(values):
            r = as_rational_vector(row, f"values[{i}]", func=func)
            if len(r) != k:
                raise ModelError(
                    f"{func}(): values[{i}] has {len(r)} entries for {k} quality levels"
                )
            for j, v in enumerate(r):
                if v < 0:
                    raise ModelError(
                        f"{func}(): v_{i + 1}(q_{j + 1}) = {fraction_str(v)} is negative; "
                        "valuations map qualities to R+"
                    )
            for j in range(1, k):
                if r[j] < r[j - 1]:
                    raise ModelError(
                        f"{func}(): v_{i + 1} decreases from {fraction_str(r[j - 1])} at "
                        f"q_{j}={fraction_str(qs[j - 1])} to {fraction_str(r[j])} at "
                        f"q_{j + 1}={fraction_str(qs[j])}; valuations must be non-decreasing "
                        "in quality"
                    )
            rows.append(r)
        self.qualities = qs
        self.probs = ps
        self.values = tuple(rows)
        self._prior = Discrete(qs, ps)

    @classmethod
    def from_expressions(
        cls,
        qualities: Sequence[Any],
        probs: Sequence[Any],
        valuations: Sequence[Any],
        symbol: sympy.Symbol | None = None,
    ) -> DiscreteInstance:
        """Tabulate sympy valuations ``v_i(q)`` (rational at every level) on the levels.

        >>> q = sympy.Symbol("q")
        >>> DiscreteInstance.from_expressions([1, 2, 3], ["1/3"] * 3, [q, q / 2], q).values[1]
        (Fraction(1, 2), Fraction(1, 1), Fraction(3, 2))
        """
        qs = as_rational_vector(qualities, "qualities", func="DiscreteInstance.from_expressions")
        sym = symbol if symbol is not None else sympy.Symbol("q")
        table = []
        for i, expr in enumerate(valuations):
            e = sympy.sympify(expr)
            row = []
            for qk in qs:
                val = e.subs(sym, sympy.Rational(qk.numerator, qk.denominator))
                row.append(Q(sympy.nsimplify(val) if val.is_Float else val, f"v_{i + 1}"))
            table.append(row)
        return cls(table, probs, qs)

    # -- basic data -----------------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of buyers."""
        return len(self.values)

    @property
    def K(self) -> int:
        """Number of quality levels."""
        return len(self.probs)

    @property
    def prior(self) -> Discrete:
        """The quality prior ``G`` as a :class:`~exactmech.dist.Discrete`."""
        return self._prior

    @property
    def support(self) -> tuple[int, ...]:
        """Indices ``k`` of the levels with positive probability."""
        return tuple(k for k, g in enumerate(self.probs) if g > 0)

    def value_bound(self) -> Fraction:
        """``max_{i,k} v_i(q_k)``: the top of the value range (prices live in ``[0, this]``)."""
        return max(max(r) for r in self.values)

    def value_points(self) -> tuple[Fraction, ...]:
        """The distinct valuations ``v_i(q_k)``, ascending (the breakpoints in price)."""
        return tuple(sorted({v for r in self.values for v in r}))

    def check_price(self, p: Any, func: str) -> Fraction:
        """``p`` as a Fraction in ``[0, value_bound()]``; otherwise a :class:`ModelError`."""
        price = Q(p, "p", func=func)
        top = self.value_bound()
        if price < 0 or price > top:
            raise ModelError(
                f"{func}(): price p={fraction_str(price)} is outside the value range "
                f"[0, {fraction_str(top)}]"
            )
        return price

    def _buyer(self, i: int, func: str) -> int:
        if not 0 <= i < self.n:
            raise ModelError(f"{func}(): buyer index {i} out of range 0..{self.n - 1}")
        return i

    # -- the paper's derived quantities ---------------------------------------------------
    def mean_value(self, i: int) -> Fraction:
        """``E_{q~G}[v_i(q)]`` (paper 002, §2.1, the prior valuation ``v̄_i``)."""
        self._buyer(i, "DiscreteInstance.mean_value")
        return sum((g * v for g, v in zip(self.probs, self.values[i])), _0)

    def mean_values(self) -> tuple[Fraction, ...]:
        """``(E v_1, ..., E v_n)``."""
        return tuple(self.mean_value(i) for i in range(self.n))

    def v_max(self) -> tuple[Fraction, ...]:
        """``v_max(q_k) = max_i v_i(q_k)`` per level (paper 002, Proposition 4.10)."""
        return tuple(max(r[k] for r in self.values) for k in range(self.K))

    def expected_max(self) -> Fraction:
        """``E_q[max_i v_i(q)]`` (paper 002, Proposition 4.10 and Theorem 4.11)."""
        return sum((g * v for g, v in zip(self.probs, self.v_max())), _0)

    def inverse(self, i: int, p: Any) -> Fraction | None:
        """Generalized inverse ``v_i^{-1}(p) = min{q_k : v_i(q_k) >= p}``; ``None`` if empty.

        ``None`` stands for ``+inf`` (no quality reaches ``p``).
        """
        self._buyer(i, "DiscreteInstance.inverse")
        price = Q(p, "p", func="DiscreteInstance.inverse")
        for qk, v in zip(self.qualities, self.values[i]):
            if v >= price:
                return qk
        return None

    def prob_quality_below(self, x: Fraction | None) -> Fraction:
        """``Pr[q < x]`` (``x = None`` means ``+inf``: probability 1)."""
        if x is None:
            return _1
        return sum((g for qk, g in zip(self.qualities, self.probs) if qk < x), _0)

    def prob_below(self, i: int, p: Any) -> Fraction:
        """The paper's ``G(v_i^{-1}(p))``, read as ``Pr[v_i(q) < p] = Pr[q < v_i^{-1}(p)]``.

        (paper 002, §3.1, proof of Proposition 3.1.)
        """
        return self.prob_quality_below(self.inverse(i, p))

    def restrict(self, buyers: Sequence[int]) -> DiscreteInstance:
        """The instance with only the given buyers (e.g. ``[i]`` for a one-buyer market).

        >>> DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"]).restrict([1]).values
        ((Fraction(0, 1), Fraction(10, 1)),)
        """
        for i in buyers:
            self._buyer(i, "DiscreteInstance.restrict")
        return DiscreteInstance([self.values[i] for i in buyers], self.probs, self.qualities)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DiscreteInstance):
            return NotImplemented
        return (self.qualities, self.probs, self.values) == (
            other.qualities,
            other.probs,
            other.values,
        )

    def __hash__(self) -> int:
        return hash((self.qualities, self.probs, self.values))

    def __repr__(self) -> str:
        vals = (
            "["
            + ", ".join("[" + ", ".join(fraction_str(v) for v in r) + "]" for r in self.values)
            + "]"
        )
        probs = "[" + ", ".join(fraction_str(g) for g in self.probs) + "]"
        qs = "[" + ", ".join(fraction_str(q) for q in self.qualities) + "]"
        return f"DiscreteInstance(values={vals}, probs={probs}, qualities={qs})"


def _rat(x: Any, name: str, func: str) -> sympy.Rational:
    f = Q(x, name, func=func)
    return sympy.Rational(f.numerator, f.denominator)


class ContinuousInstance:
    """A density ``g`` on ``[q_1, q_2]`` and sympy valuations ``v_i(q)`` (paper 002, §2.1).

    Parameters
    ----------
    valuations
        One sympy expression per buyer in ``symbol``; non-negative and non-decreasing on the
        interval (checked with sympy).
    density
        A sympy expression in ``symbol``, non-negative on the interval, integrating to 1.
        Default: the uniform density.
    interval
        ``(q_1, q_2)`` with rational ends (default ``(0, 1)``).
    symbol
        The quality symbol (default ``q``).

    Examples
    --------
    >>> q = sympy.Symbol("q")
    >>> inst = ContinuousInstance([1 + q / 10, 3 * q])
    >>> inst.mean_values(), inst.expected_max()
    ((Fraction(21, 20), Fraction(3, 2)), Fraction(97, 58))
    >>> ContinuousInstance([1 - q])
    Traceback (most recent call last):
    ...
    exactmech.errors.ModelError: ContinuousInstance(): v_1 = 1 - q is not non-decreasing on [0, 1]
    """

    __slots__ = ("density", "hi", "lo", "symbol", "valuations")

    def __init__(
        self,
        valuations: Sequence[Any],
        density: Any = None,
        interval: tuple[Any, Any] = (0, 1),
        symbol: sympy.Symbol | None = None,
    ) -> None:
        func = "ContinuousInstance"
        self.symbol = symbol if symbol is not None else sympy.Symbol("q")
        q = self.symbol
        self.lo = _rat(interval[0], "interval[0]", func)
        self.hi = _rat(interval[1], "interval[1]", func)
        if self.hi <= self.lo:
            raise ModelError(f"{func}(): empty interval [{self.lo}, {self.hi}]")
        dom = sympy.Interval(self.lo, self.hi)
        g = sympy.Integer(1) / (self.hi - self.lo) if density is None else sympy.sympify(density)
        if g.free_symbols - {q}:
            raise ModelError(f"{func}(): density {g} has symbols other than {q}")
        mass = sympy.simplify(sympy.integrate(g, (q, self.lo, self.hi)))
        if mass != 1:
            raise DistributionError(f"{func}(): density integrates to {mass}, expected 1")
        gmin = sympy.calculus.util.minimum(g, q, dom) if g.free_symbols else g
        if gmin.is_negative:
            raise DistributionError(
                f"{func}(): density {g} is negative somewhere on [{self.lo}, {self.hi}]"
            )
        self.density = g
        vals = []
        if len(valuations) == 0:
            raise ModelError(f"{func}(): no buyers (valuations is empty)")
        for i, v in enumerate(valuations):
            e = sympy.sympify(v)
            if any(isinstance(a, sympy.Float) for a in e.atoms(sympy.Float)):
                raise FloatInputError(f"{func}(): v_{i + 1} = {e} contains a float; use Rationals")
            if e.free_symbols - {q}:
                raise ModelError(f"{func}(): v_{i + 1} = {e} has symbols other than {q}")
            if e.free_symbols and not sympy.is_increasing(e, dom, q):
                raise ModelError(
                    f"{func}(): v_{i + 1} = {e} is not non-decreasing on [{self.lo}, {self.hi}]"
                )
            low = e.subs(q, self.lo)
            if low.is_negative:
                raise ModelError(f"{func}(): v_{i + 1}({self.lo}) = {low} is negative")
            vals.append(e)
        self.valuations = tuple(vals)

    @property
    def n(self) -> int:
        """Number of buyers."""
        return len(self.valuations)

    def restrict(self, buyers: Sequence[int]) -> ContinuousInstance:
        """The instance with only the given buyers."""
        return ContinuousInstance(
            [self.valuations[i] for i in buyers], self.density, (self.lo, self.hi), self.symbol
        )

    def _integrate(self, expr: Any, a: Any, b: Any) -> Any:
        return sympy.integrate(expr * self.density, (self.symbol, a, b))

    def cdf(self, x: Any) -> Any:
        """``G(x) = Pr[q <= x]`` (exact; clamped to ``[0, 1]`` outside the interval)."""
        xx = sympy.sympify(x)
        if xx <= self.lo:
            return exact(0)
        if xx >= self.hi:
            return exact(1)
        return exact(sympy.simplify(self._integrate(1, self.lo, xx)))

    def mean_value(self, i: int) -> Any:
        """``E_q[v_i(q)]`` (paper 002, §2.1)."""
        return exact(sympy.simplify(self._integrate(self.valuations[i], self.lo, self.hi)))

    def mean_values(self) -> tuple[Any, ...]:
        """``(E v_1, ..., E v_n)``."""
        return tuple(self.mean_value(i) for i in range(self.n))

    def value_bound(self) -> Any:
        """``max_i v_i(q_2)`` (the top of the value range)."""
        return exact(sympy.Max(*[v.subs(self.symbol, self.hi) for v in self.valuations]))

    def crossings(self) -> tuple[Any, ...]:
        """Points of ``(q_1, q_2)`` where two valuations cross, ascending (sympy numbers)."""
        q = self.symbol
        pts: set[Any] = set()
        for a in range(self.n):
            for b in range(a + 1, self.n):
                diff = sympy.simplify(self.valuations[a] - self.valuations[b])
                if diff == 0 or not diff.free_symbols:
                    continue
                sol = sympy.solveset(diff, q, sympy.Interval.open(self.lo, self.hi))
                if not isinstance(sol, sympy.FiniteSet):
                    raise NotImplementedError(
                        f"ContinuousInstance.crossings(): cannot solve {diff} = 0 in closed form"
                    )
                pts.update(sol)
        return tuple(sorted(pts, key=lambda t: sympy.N(t, 50)))

    def pieces(self) -> tuple[tuple[Any, Any, int], ...]:
        """``(a, b, i)``: on ``[a, b]`` buyer ``i`` (the smallest such index) has the top value."""
        q = self.symbol
        cuts = [self.lo, *self.crossings(), self.hi]
        out = []
        for a, b in itertools.pairwise(cuts):
            mid = (a + b) / 2
            vals = [v.subs(q, mid) for v in self.valuations]
            best = max(range(self.n), key=lambda j: (sympy.N(vals[j], 50), -j))
            top = vals[best]
            best = min(j for j in range(self.n) if sympy.simplify(vals[j] - top) == 0)
            out.append((a, b, best))
        return tuple(out)

    def expected_max(self) -> Any:
        """``E_q[max_i v_i(q)]``, split at the crossing points (paper 002, Prop. 4.10)."""
        total = sum(
            (self._integrate(self.valuations[i], a, b) for a, b, i in self.pieces()),
            sympy.Integer(0),
        )
        return exact(
            sympy.nsimplify(sympy.simplify(total)) if total.is_Float else sympy.simplify(total)
        )

    def inverse(self, i: int, p: Any) -> Any:
        """``v_i^{-1}(p) = inf{q in [q_1, q_2] : v_i(q) >= p}``; ``None`` when empty (``+inf``)."""
        q = self.symbol
        v = self.valuations[i]
        pp = sympy.sympify(p)
        if v.subs(q, self.hi) < pp:
            return None
        if v.subs(q, self.lo) >= pp:
            return exact(self.lo)
        sol = sympy.solveset(v - pp, q, sympy.Interval(self.lo, self.hi))
        if isinstance(sol, sympy.Interval):
            return exact(sol.inf)
        if not isinstance(sol, sympy.FiniteSet) or not sol:
            raise NotImplementedError(f"ContinuousInstance.inverse(): cannot solve {v} = {pp}")
        return exact(min(sol, key=lambda t: sympy.N(t, 50)))

    def prob_below(self, i: int, p: Any) -> Any:
        """The paper's ``G(v_i^{-1}(p)) = Pr[v_i(q) < p]`` (paper 002, §3.1)."""
        x = self.inverse(i, p)
        return (
            exact(1)
            if x is None
            else self.cdf(
                x if isinstance(x, sympy.Basic) else sympy.Rational(x.numerator, x.denominator)
            )
        )

    def __repr__(self) -> str:
        vals = ", ".join(str(v) for v in self.valuations)
        return (
            f"ContinuousInstance([{vals}], density={self.density}, interval=[{self.lo}, {self.hi}])"
        )


#: Either kind of instance.
Instance = DiscreteInstance | ContinuousInstance


#: Names of the instances of issue 7 (:func:`example_instance`).
EXAMPLES = ("identical", "half", "I1", "I3", "continuous", "continuous-identical")


def example_instance(name: str) -> Instance:
    """The small instances on which every statement of paper 002 is evaluated.

    ``"identical"``: two buyers with ``v_i(q) = q``, ``q`` uniform on ``{1, 2, 3}``;
    ``"half"``: ``v_1(q) = q``, ``v_2(q) = q/2`` on the same prior;
    ``"I1"``: ``v_1 = (2, 3)``, ``v_2 = (0, 10)``, probabilities ``(1/2, 1/2)``;
    ``"I3"``: ``v_1 = (0, 2, 2)``, ``v_2 = (1, 1, 2)``, uniform on three levels;
    ``"continuous"``: ``q ~ U[0, 1]``, ``v_1 = 1 + q/10``, ``v_2 = 3q``;
    ``"continuous-identical"``: ``q ~ U[0, 1]``, ``v_1 = v_2 = q``.

    >>> example_instance("I1").values
    ((Fraction(2, 1), Fraction(3, 1)), (Fraction(0, 1), Fraction(10, 1)))
    """
    q = sympy.Symbol("q")
    third = ["1/3", "1/3", "1/3"]
    if name == "identical":
        return DiscreteInstance([[1, 2, 3], [1, 2, 3]], third)
    if name == "half":
        return DiscreteInstance([[1, 2, 3], ["1/2", 1, "3/2"]], third)
    if name == "I1":
        return DiscreteInstance([[2, 3], [0, 10]], ["1/2", "1/2"])
    if name == "I3":
        return DiscreteInstance([[0, 2, 2], [1, 1, 2]], third)
    if name == "continuous":
        return ContinuousInstance([1 + q / 10, 3 * q], symbol=q)
    if name == "continuous-identical":
        return ContinuousInstance([q, q], symbol=q)
    raise ModelError(
        f"example_instance(): unknown name {name!r}; expected one of {', '.join(EXAMPLES)}"
    )


def require_discrete(inst: Any, func: str) -> DiscreteInstance:
    """``inst`` if it is a :class:`DiscreteInstance`; otherwise a :class:`ModelError` naming
    ``func`` and pointing continuous priors to the bounds that cover them."""
    if not isinstance(inst, DiscreteInstance):
        raise ModelError(
            f"{func}(): needs a DiscreteInstance (a finite quality prior), got "
            f"{type(inst).__name__}; for a continuous prior use interim_optimum_bounds() and "
            "the fixed-price functions"
        )
    return inst
