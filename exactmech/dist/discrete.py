"""Finite discrete value distributions with exact rational values and masses (paper 001, §2).

Notation of paper 001, §2: a value distribution :math:`\\mathcal D` takes value
:math:`v_i` with probability :math:`p_i`; :math:`f_{\\mathcal D}` is its mass function,
:math:`S_{\\mathcal D}(x) = \\Pr[V \\ge x]` its survival function and
:math:`F_{\\mathcal D}(x) = \\Pr[V \\le x]` its CDF.

Design decisions
----------------
*Grid and zero masses.* A :class:`Discrete` stores a **grid** of distinct values, sorted
ascending, with one mass per grid value; masses may be zero. Paper 001 treats a posterior
("signal") as a vector of masses on the fixed type space (Example 1 writes
:math:`\\mathcal S_2 = \\langle 0, \\frac13, \\frac23 \\rangle` on :math:`\\{1, 2, 3\\}`), so
conditioning, mixtures and the BBM segmentation keep the prior's grid and write zeros where
a posterior puts no mass. :attr:`Discrete.support` is the set of values with positive mass;
every economic quantity (monopoly price, virtual values) is defined on the support.
:meth:`Discrete.trim` drops the zero atoms, :meth:`Discrete.on_grid` adds some.

*Duplicates.* A value listed twice is an error by default (it is usually a typo in a grid);
``merge_duplicates=True`` adds the masses of equal values instead.

*Equality.* ``==`` and ``hash`` compare **laws**: two distributions are equal when they put
the same mass on every value, whatever zero atoms their grids carry. Compare
:attr:`Discrete.values` and :attr:`Discrete.probs` to compare grids too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from exactmech.errors import DistributionError
from exactmech.numbers import Q, as_rational_vector, fraction_str, to_latex

__all__ = ["Discrete", "Event"]

#: An event for :meth:`Discrete.condition` and :meth:`Discrete.probability`: a collection of
#: values, or a predicate on values.
Event = Iterable[Any] | Callable[[Fraction], bool]

_ZERO = Fraction(0)
_ONE = Fraction(1)

_INCLUSIVE = ("both", "neither", "left", "right")


def _check_masses(
    func: str, values: Sequence[Fraction], probs: Sequence[Fraction], *, normalised: bool
) -> None:
    for i, (v, p) in enumerate(zip(values, probs)):
        if p < 0:
            kind = "probability" if normalised else "weight"
            raise DistributionError(
                f"{func}(): {kind} of value {fraction_str(v)} is {fraction_str(p)} "
                f"(probs[{i}]); {kind}s must be >= 0"
            )
    total = sum(probs, _ZERO)
    if normalised and total != 1:
        raise DistributionError(f"{func}(): probabilities sum to {fraction_str(total)}, expected 1")
    if not normalised and total == 0:
        raise DistributionError(f"{func}(): weights sum to 0; at least one must be positive")


def _sorted_grid(
    func: str,
    values: Sequence[Fraction],
    probs: Sequence[Fraction],
    merge_duplicates: bool,
) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]]:
    first: dict[Fraction, int] = {}
    masses: dict[Fraction, Fraction] = {}
    for i, (v, p) in enumerate(zip(values, probs)):
        if v in first:
            if not merge_duplicates:
                raise DistributionError(
                    f"{func}(): value {fraction_str(v)} appears more than once "
                    f"(values[{first[v]}] and values[{i}]); pass merge_duplicates=True "
                    "to add their probabilities"
                )
            masses[v] += p
        else:
            first[v] = i
            masses[v] = p
    grid = tuple(sorted(masses))
    return grid, tuple(masses[v] for v in grid)


class Discrete:
    """A finite distribution of a value :math:`V` with exact rational values and masses.

    Parameters
    ----------
    values
        The grid: distinct rational values (any order; stored ascending). Or a mapping
        ``{value: probability}``, in which case ``probs`` must be omitted.
    probs
        One probability per value: ``>= 0``, summing to exactly 1. Zeros are kept on the
        grid (see the module docstring).
    merge_duplicates
        Add the probabilities of repeated values instead of raising.

    Raises
    ------
    DistributionError
        Empty grid, lengths that differ, a negative probability, probabilities that do not
        sum to 1 (the message says what they sum to), or a repeated value.
    FloatInputError
        A value or probability is a binary float.

    References
    ----------
    paper 001, §2 (notation :math:`f_{\\mathcal D}`, :math:`S_{\\mathcal D}`,
    :math:`F_{\\mathcal D}`) and §2.2 (posteriors as vectors on the type space).

    Examples
    --------
    >>> D = Discrete([3, 1, 2], ["1/3", "1/3", "1/3"])
    >>> D
    Discrete({1: 1/3, 2: 1/3, 3: 1/3})
    >>> D.survival(2), D.cdf(2), D.mean()
    (Fraction(2, 3), Fraction(2, 3), Fraction(2, 1))
    >>> Discrete([1, 2], ["1/2", "2/5"])
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: Discrete(): probabilities sum to 9/10, expected 1
    """

    __slots__ = ("_hash", "_probs", "_values")

    _values: tuple[Fraction, ...]
    _probs: tuple[Fraction, ...]
    _hash: int | None

    def __init__(
        self,
        values: Mapping[Any, Any] | Iterable[Any],
        probs: Iterable[Any] | None = None,
        *,
        merge_duplicates: bool = False,
    ) -> None:
        vals, ps = _read_pairs("Discrete", values, probs)
        _check_masses("Discrete", vals, ps, normalised=True)
        self._values, self._probs = _sorted_grid("Discrete", vals, ps, merge_duplicates)
        self._hash = None

    @classmethod
    def _make(cls, values: tuple[Fraction, ...], probs: tuple[Fraction, ...]) -> Discrete:
        # Trusted constructor: sorted distinct values, valid probabilities.
        obj = cls.__new__(cls)
        obj._values, obj._probs, obj._hash = values, probs, None
        return obj

    @classmethod
    def from_weights(
        cls,
        values: Mapping[Any, Any] | Iterable[Any],
        weights: Iterable[Any] | None = None,
        *,
        merge_duplicates: bool = False,
    ) -> Discrete:
        """The distribution with masses proportional to non-negative ``weights``.

        Examples
        --------
        >>> Discrete.from_weights([1, 2, 3], [1, 1, 2])
        Discrete({1: 1/4, 2: 1/4, 3: 1/2})
        >>> Discrete.from_weights([1, 2], [0, 0])
        Traceback (most recent call last):
        ...
        exactmech.errors.DistributionError: Discrete.from_weights(): weights sum to 0; ...
        """
        func = "Discrete.from_weights"
        vals, ws = _read_pairs(func, values, weights)
        _check_masses(func, vals, ws, normalised=False)
        total = sum(ws, _ZERO)
        grid, masses = _sorted_grid(func, vals, [w / total for w in ws], merge_duplicates)
        return cls._make(grid, masses)

    @classmethod
    def uniform(cls, values: Iterable[Any]) -> Discrete:
        """Equal mass on each of the given distinct values.

        Examples
        --------
        >>> Discrete.uniform([1, 2, 3]).probs
        (Fraction(1, 3), Fraction(1, 3), Fraction(1, 3))
        >>> Discrete.uniform([])
        Traceback (most recent call last):
        ...
        exactmech.errors.DistributionError: Discrete.uniform(): no values; ...
        """
        vals = as_rational_vector(values, "values", func="Discrete.uniform")
        if not vals:
            raise DistributionError(
                "Discrete.uniform(): no values; a distribution needs at least one atom"
            )
        n = len(vals)
        grid, masses = _sorted_grid(
            "Discrete.uniform", vals, [Fraction(1, n)] * n, merge_duplicates=False
        )
        return cls._make(grid, masses)

    @classmethod
    def point(cls, value: Any) -> Discrete:
        """The point mass at ``value``.

        Examples
        --------
        >>> Discrete.point("5/2")
        Discrete({5/2: 1})
        >>> Discrete.point(0.5)
        Traceback (most recent call last):
        ...
        exactmech.errors.FloatInputError: Discrete.point(): value=0.5 is a float; ...
        """
        return cls._make((Q(value, "value", func="Discrete.point"),), (_ONE,))

    # -- data -------------------------------------------------------------------------

    @property
    def values(self) -> tuple[Fraction, ...]:
        """The grid, ascending (zero-mass values included)."""
        return self._values

    @property
    def probs(self) -> tuple[Fraction, ...]:
        """The masses, one per grid value (the vector :math:`\\vec p` of paper 001, §2.2)."""
        return self._probs

    @property
    def support(self) -> tuple[Fraction, ...]:
        """The values with positive mass, ascending (:math:`z_1 < \\dots < z_k`)."""
        return tuple(v for v, p in zip(self._values, self._probs) if p)

    def items(self) -> tuple[tuple[Fraction, Fraction], ...]:
        """``(value, probability)`` pairs on the grid, ascending."""
        return tuple(zip(self._values, self._probs))

    def as_dict(self) -> dict[Fraction, Fraction]:
        """``{value: probability}`` on the grid, ascending."""
        return dict(zip(self._values, self._probs))

    # -- probabilities ----------------------------------------------------------------

    def pmf(self, x: Any) -> Fraction:
        """:math:`f_{\\mathcal D}(x) = \\Pr[V = x]` (0 off the grid); paper 001, §2.

        Examples
        --------
        >>> Discrete([1, 2], ["1/4", "3/4"]).pmf(2)
        Fraction(3, 4)
        >>> Discrete([1, 2], ["1/4", "3/4"]).pmf("x")
        Traceback (most recent call last):
        ...
        exactmech.errors.InvalidNumberError: Discrete.pmf(): x='x' is not a rational number; ...
        """
        x = Q(x, "x", func="Discrete.pmf")
        for v, p in zip(self._values, self._probs):
            if v == x:
                return p
        return _ZERO

    def cdf(self, x: Any) -> Fraction:
        """:math:`F_{\\mathcal D}(x) = \\Pr[V \\le x]`; paper 001, §2.

        Examples
        --------
        >>> Discrete([1, 2, 3], ["1/2", "1/6", "1/3"]).cdf("5/2")
        Fraction(2, 3)
        >>> Discrete([1], [1]).cdf(None)
        Traceback (most recent call last):
        ...
        exactmech.errors.InvalidNumberError: Discrete.cdf(): x=None of type NoneType is ...
        """
        x = Q(x, "x", func="Discrete.cdf")
        return sum((p for v, p in zip(self._values, self._probs) if v <= x), _ZERO)

    def survival(self, x: Any) -> Fraction:
        """:math:`S_{\\mathcal D}(x) = \\Pr[V \\ge x]` (note ``>=``); paper 001, §2.

        Examples
        --------
        >>> Discrete([1, 2, 3], ["1/2", "1/6", "1/3"]).survival(2)
        Fraction(1, 2)
        >>> Discrete([1], [1]).survival(0.5)
        Traceback (most recent call last):
        ...
        exactmech.errors.FloatInputError: Discrete.survival(): x=0.5 is a float; ...
        """
        x = Q(x, "x", func="Discrete.survival")
        return sum((p for v, p in zip(self._values, self._probs) if v >= x), _ZERO)

    def probability(self, event: Event) -> Fraction:
        """:math:`\\Pr[V \\in E]` for a collection of values or a predicate ``E``.

        Examples
        --------
        >>> D = Discrete.uniform([1, 2, 3])
        >>> D.probability({2, 3}), D.probability(lambda v: v > 1)
        (Fraction(2, 3), Fraction(2, 3))
        >>> D.probability([0.5])
        Traceback (most recent call last):
        ...
        exactmech.errors.FloatInputError: Discrete.probability(): event[0]=0.5 is a float; ...
        """
        member = _membership("Discrete.probability", event)
        return sum((p for v, p in zip(self._values, self._probs) if member(v)), _ZERO)

    def expect(self, f: Callable[[Fraction], Any]) -> Fraction:
        """:math:`\\mathbf E[f(V)]`, exactly; ``f`` is evaluated on the support only.

        Examples
        --------
        >>> Discrete.uniform([1, 2, 3]).expect(lambda v: v * v)
        Fraction(14, 3)
        >>> Discrete.uniform([1, 2]).expect(lambda v: float(v))
        Traceback (most recent call last):
        ...
        exactmech.errors.FloatInputError: Discrete.expect(): f(1)=1.0 is a float; ...
        """
        total = _ZERO
        for v, p in zip(self._values, self._probs):
            if p:
                total += p * Q(f(v), f"f({fraction_str(v)})", func="Discrete.expect")
        return total

    def mean(self) -> Fraction:
        """:math:`\\mathbf E[V]` (the welfare :math:`\\mathcal W^*` of one buyer, paper 001, §2.2).

        Examples
        --------
        >>> Discrete.uniform([1, 2, 3]).mean()
        Fraction(2, 1)
        """
        return sum((v * p for v, p in zip(self._values, self._probs)), _ZERO)

    def variance(self) -> Fraction:
        """:math:`\\mathbf E[(V - \\mathbf E V)^2]`.

        Examples
        --------
        >>> Discrete.uniform([1, 2, 3]).variance()
        Fraction(2, 3)
        """
        m = self.mean()
        return sum(((v - m) ** 2 * p for v, p in zip(self._values, self._probs)), _ZERO)

    # -- transformations --------------------------------------------------------------

    def condition(self, event: Event) -> Discrete:
        """The posterior :math:`\\mathcal D_{|E}` of ``V`` given ``V in E``, on the same grid.

        ``event`` is a collection of values or a predicate. Values outside the event keep
        their place on the grid with mass 0, so posteriors of one prior share its grid
        (paper 001, §2.2) and :func:`~exactmech.dist.mixture` of them gives the prior back.

        Raises
        ------
        DistributionError
            If the event has probability 0.

        References
        ----------
        paper 001, §4 (conditional distributions :math:`\\mathcal D_{i|>a}`,
        :math:`\\mathcal D_{i|<a}`).

        Examples
        --------
        >>> Discrete.uniform([1, 2, 3]).condition({2, 3})
        Discrete({1: 0, 2: 1/2, 3: 1/2})
        >>> Discrete([1, 2], [1, 0]).condition({2})
        Traceback (most recent call last):
        ...
        exactmech.errors.DistributionError: Discrete.condition(): the event has probability 0; ...
        """
        member = _membership("Discrete.condition", event)
        return self._condition("Discrete.condition", member)

    def condition_interval(
        self, low: Any = None, high: Any = None, *, inclusive: str = "both"
    ) -> Discrete:
        """The posterior given ``low <= V <= high`` (``None``: unbounded), on the same grid.

        ``inclusive`` is ``"both"``, ``"neither"``, ``"left"`` or ``"right"`` (which ends
        belong to the interval), as in pandas. Paper 001, §4 writes
        :math:`\\mathcal D_{|>a}` = ``condition_interval(a, None, inclusive="neither")``.

        Examples
        --------
        >>> Discrete.uniform([1, 2, 3]).condition_interval(1, None, inclusive="neither")
        Discrete({1: 0, 2: 1/2, 3: 1/2})
        >>> Discrete.uniform([1, 2, 3]).condition_interval(1, 2, inclusive="open")
        Traceback (most recent call last):
        ...
        exactmech.errors.DistributionError: Discrete.condition_interval(): inclusive='open'; ...
        """
        func = "Discrete.condition_interval"
        member = _interval_predicate(func, low, high, inclusive)
        return self._condition(func, member)

    def _condition(self, func: str, member: Callable[[Fraction], bool]) -> Discrete:
        keep = [bool(member(v)) for v in self._values]
        total = sum((p for p, k in zip(self._probs, keep) if k), _ZERO)
        if total == 0:
            raise DistributionError(
                f"{func}(): the event has probability 0; the posterior is undefined"
            )
        return Discrete._make(
            self._values, tuple(p / total if k else _ZERO for p, k in zip(self._probs, keep))
        )

    def trim(self) -> Discrete:
        """The same law on the support only (zero atoms dropped).

        Examples
        --------
        >>> Discrete([1, 2, 3], [0, "1/3", "2/3"]).trim()
        Discrete({2: 1/3, 3: 2/3})
        """
        pairs = [(v, p) for v, p in zip(self._values, self._probs) if p]
        return Discrete._make(tuple(v for v, _ in pairs), tuple(p for _, p in pairs))

    def on_grid(self, grid: Iterable[Any]) -> Discrete:
        """The same law written on ``grid`` (which must contain the support).

        Examples
        --------
        >>> Discrete.point(2).on_grid([1, 2, 3])
        Discrete({1: 0, 2: 1, 3: 0})
        >>> Discrete.uniform([1, 2]).on_grid([2, 3])
        Traceback (most recent call last):
        ...
        exactmech.errors.DistributionError: Discrete.on_grid(): support value 1 is not on the grid
        """
        g = as_rational_vector(grid, "grid", func="Discrete.on_grid")
        masses = dict.fromkeys(g, _ZERO)
        for v, p in zip(self._values, self._probs):
            if v in masses:
                masses[v] = p
            elif p:
                raise DistributionError(
                    f"Discrete.on_grid(): support value {fraction_str(v)} is not on the grid"
                )
        new = tuple(sorted(masses))
        return Discrete._make(new, tuple(masses[v] for v in new))

    def shift(self, c: Any) -> Discrete:
        """The law of :math:`V + c` (paper 001, §4 writes :math:`\\mathcal D_{|>a} - b`).

        Examples
        --------
        >>> Discrete.uniform([2, 3]).shift(-2)
        Discrete({0: 1/2, 1: 1/2})
        >>> Discrete.uniform([2, 3]).shift(1.0)
        Traceback (most recent call last):
        ...
        exactmech.errors.FloatInputError: Discrete.shift(): c=1.0 is a float; ...
        """
        c = Q(c, "c", func="Discrete.shift")
        return Discrete._make(tuple(v + c for v in self._values), self._probs)

    # -- comparison and display -------------------------------------------------------

    def _law(self) -> tuple[tuple[Fraction, Fraction], ...]:
        return tuple((v, p) for v, p in zip(self._values, self._probs) if p)

    def same_grid(self, other: Discrete) -> bool:
        """Whether both distributions are written on the same grid with the same masses."""
        return self._values == other._values and self._probs == other._probs

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Discrete):
            return NotImplemented
        return self._law() == other._law()

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(("Discrete", self._law()))
        return self._hash

    def __repr__(self) -> str:
        body = ", ".join(f"{fraction_str(v)}: {fraction_str(p)}" for v, p in self.items())
        return f"Discrete({{{body}}})"

    def _repr_latex_(self) -> str:
        cols = "c" * len(self._values)
        vs = " & ".join(to_latex(v) for v in self._values)
        ps = " & ".join(to_latex(p) for p in self._probs)
        return f"$\\begin{{array}}{{r|{cols}}} v & {vs} \\\\ \\Pr[V=v] & {ps} \\end{{array}}$"

    def _repr_html_(self) -> str:
        vs = "".join(f"<td>{fraction_str(v)}</td>" for v in self._values)
        ps = "".join(f"<td>{fraction_str(p)}</td>" for p in self._probs)
        return f"<table><tr><th>v</th>{vs}</tr><tr><th>Pr[V=v]</th>{ps}</tr></table>"


def _read_pairs(
    func: str, values: Mapping[Any, Any] | Iterable[Any], probs: Iterable[Any] | None
) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]]:
    if isinstance(values, Mapping):
        if probs is not None:
            raise DistributionError(
                f"{func}(): pass a mapping {{value: probability}} or values and probs, not both"
            )
        items = list(values.items())
        vals = as_rational_vector([k for k, _ in items], "values", func=func)
        ps = as_rational_vector([p for _, p in items], "probs", func=func)
    else:
        if probs is None:
            raise DistributionError(f"{func}(): probs is missing (or pass a mapping)")
        vals = as_rational_vector(values, "values", func=func)
        ps = as_rational_vector(probs, "probs", func=func)
    if len(vals) != len(ps):
        raise DistributionError(f"{func}(): values has {len(vals)} entries but probs has {len(ps)}")
    if not vals:
        raise DistributionError(f"{func}(): no values; a distribution needs at least one atom")
    return vals, ps


def _membership(func: str, event: Event) -> Callable[[Fraction], bool]:
    if callable(event):
        return event
    members = frozenset(as_rational_vector(event, "event", func=func))
    return members.__contains__


def _interval_predicate(
    func: str, low: Any, high: Any, inclusive: str
) -> Callable[[Fraction], bool]:
    """Membership test of an interval with optional ends (shared by the continuous types)."""
    if inclusive not in _INCLUSIVE:
        raise DistributionError(
            f"{func}(): inclusive={inclusive!r}; expected one of {', '.join(map(repr, _INCLUSIVE))}"
        )
    lo = None if low is None else Q(low, "low", func=func)
    hi = None if high is None else Q(high, "high", func=func)
    if lo is not None and hi is not None and lo > hi:
        raise DistributionError(f"{func}(): low={fraction_str(lo)} > high={fraction_str(hi)}")
    left = inclusive in ("both", "left")
    right = inclusive in ("both", "right")

    def member(v: Fraction) -> bool:
        if lo is not None and (v < lo or (v == lo and not left)):
            return False
        return not (hi is not None and (v > hi or (v == hi and not right)))

    return member
