"""Hypothesis strategies for property-testing exact results (STYLE.md §7).

Owns the strategies that users and our own tests draw random instances from. House style
follows hypothesis's API guide: plural nouns, keyword-only options, ``InvalidArgument`` for
impossible arguments, and shrinking toward small, simple cases (few rows and variables,
zero coefficients, default bounds).

Examples
--------
>>> from hypothesis import given
>>> from exactmech.lp import linprog, check
>>> @given(linear_programs(max_vars=3, max_rows=3))
... def test_certified(problem):
...     from exactmech.lp import solve_problem
...     assert check(solve_problem(problem, method="exact"))
>>> test_certified()
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from exactmech.dist import (
    Discrete,
    Joint,
    PiecewiseUniform,
    Uniform,
    is_regular,
    joint_distribution,
)
from exactmech.lp.problem import Bound, LPProblem, SparseRow

if TYPE_CHECKING:
    from exactmech.papers.disclosure_continuous import IntervalPartition

__all__ = [
    "correlated_priors",
    "discrete_distributions",
    "independent_priors",
    "interval_partitions",
    "linear_programs",
    "piecewise_uniform_distributions",
    "quality_instances",
    "rationals",
    "uniform_intervals",
]


def rationals(
    *, min_value: int = -9, max_value: int = 9, max_denominator: int = 1
) -> st.SearchStrategy[Fraction]:
    """Fractions ``p/q`` with ``min_value <= p <= max_value``, ``1 <= q <= max_denominator``.

    Shrinks toward ``0`` (and denominator 1).
    """
    if min_value > max_value:
        raise InvalidArgument(f"rationals(): min_value={min_value} > max_value={max_value}")
    if max_denominator < 1:
        raise InvalidArgument(f"rationals(): max_denominator={max_denominator} < 1")
    return st.builds(
        Fraction,
        st.integers(min_value, max_value),
        st.integers(1, max_denominator),
    )


@st.composite
def _bound(draw: st.DrawFn, coef: st.SearchStrategy[Fraction], general: bool) -> Bound:
    if not general:
        return (Fraction(0), None)
    kind = draw(st.sampled_from(["nonneg", "free", "lower", "upper", "box", "fixed"]))
    if kind == "nonneg":
        return (Fraction(0), None)
    if kind == "free":
        return (None, None)
    a = draw(coef)
    if kind == "lower":
        return (a, None)
    if kind == "upper":
        return (None, a)
    if kind == "fixed":
        return (a, a)
    width = draw(st.integers(0, 5))
    return (a, a + width)


@st.composite
def linear_programs(
    draw: st.DrawFn,
    *,
    max_vars: int = 6,
    max_rows: int = 6,
    min_value: int = -9,
    max_value: int = 9,
    equalities: bool = True,
    general_bounds: bool = True,
    allow_maximize: bool = True,
) -> LPProblem:
    """Random small LPs with integer data, of every status (optimal, infeasible, unbounded).

    Parameters
    ----------
    max_vars, max_rows
        Upper limits on the number of variables (>= 1) and of rows (``<=`` plus ``=``).
    min_value, max_value
        Range of the integer coefficients, right-hand sides and bounds.
    equalities
        Allow ``=`` rows.
    general_bounds
        Draw free, lower, upper, boxed and fixed variables, not only ``x >= 0``.
    allow_maximize
        Draw the sense too.

    Shrinks toward one variable, no rows, zero coefficients and ``x >= 0``.
    """
    if max_vars < 1:
        raise InvalidArgument(f"linear_programs(): max_vars={max_vars} must be >= 1")
    if max_rows < 0:
        raise InvalidArgument(f"linear_programs(): max_rows={max_rows} must be >= 0")
    if min_value > max_value:
        raise InvalidArgument(f"linear_programs(): min_value={min_value} > max_value={max_value}")
    coef = st.integers(min_value, max_value).map(Fraction)
    n = draw(st.integers(1, max_vars))
    m = draw(st.integers(0, max_rows))
    m_eq = draw(st.integers(0, m)) if equalities else 0

    def row() -> SparseRow:
        vals = draw(st.lists(coef, min_size=n, max_size=n))
        return tuple((j, v) for j, v in enumerate(vals) if v)

    A_ub = tuple(row() for _ in range(m - m_eq))
    b_ub = tuple(draw(coef) for _ in range(m - m_eq))
    A_eq = tuple(row() for _ in range(m_eq))
    b_eq = tuple(draw(coef) for _ in range(m_eq))
    c = tuple(draw(st.lists(coef, min_size=n, max_size=n)))
    bounds = tuple(draw(_bound(coef, general_bounds)) for _ in range(n))
    maximize = draw(st.booleans()) if allow_maximize else False
    return LPProblem(
        c=c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds, maximize=maximize
    )


# -- distributions (exactmech.dist) -------------------------------------------------------


def _check_range(func: str, min_value: int, max_value: int) -> None:
    if min_value > max_value:
        raise InvalidArgument(f"{func}(): min_value={min_value} > max_value={max_value}")


def _check_sizes(func: str, min_size: int, max_size: int) -> None:
    if min_size < 1:
        raise InvalidArgument(f"{func}(): min_size={min_size} must be >= 1")
    if max_size < min_size:
        raise InvalidArgument(f"{func}(): max_size={max_size} < min_size={min_size}")


def _check_max_weight(func: str, max_weight: int) -> None:
    if max_weight < 1:
        raise InvalidArgument(f"{func}(): max_weight={max_weight} must be >= 1")


def _weight(max_weight: int, zero: bool) -> st.SearchStrategy[int]:
    """Integer weights that shrink toward 1 (so normalised masses shrink toward uniform).

    With ``zero`` the weight ``0`` is possible too, drawn as the largest integer (so it is
    the last thing a shrink reaches for).
    """
    if not zero:
        return st.integers(1, max_weight)
    return st.integers(1, max_weight + 1).map(lambda w: 0 if w == max_weight + 1 else w)


def _regular_weights(values: list[Fraction], raw: list[int]) -> list[Fraction]:
    """Weights on ascending ``values`` with eq. (1) non-decreasing (paper 001, §2.1).

    Going down from the top value, the weight of ``v_l`` is capped so that
    ``v_l - (v_{l+1} - v_l) W_{l+1} / w_l <= phi(v_{l+1})`` (``W`` = tail weight); eq. (1) is
    invariant under scaling all weights, so unnormalised weights suffice.
    """
    k = len(values)
    w: list[Fraction] = [Fraction(0)] * k
    w[-1] = Fraction(raw[-1])
    tail = w[-1]
    phi_next = values[-1]
    for i in range(k - 2, -1, -1):
        v, nxt = values[i], values[i + 1]
        cand = Fraction(raw[i])
        if v > phi_next:
            cap = (nxt - v) * tail / (v - phi_next)
            cand = min(cand, cap)
        w[i] = cand
        phi_next = v - (nxt - v) * tail / cand
        tail += cand
    return w


def _make_irregular(values: list[Fraction], weights: list[Fraction]) -> list[Fraction]:
    """Halve the second-lowest weight until eq. (1) drops from ``v_1`` to ``v_2``.

    ``phi(v_2) -> -inf`` as its weight -> 0 while ``phi(v_1)`` stays bounded, so this ends.
    """
    w = list(weights)
    while is_regular(Discrete.from_weights(values, w)):
        w[1] /= 2
    return w


@st.composite
def discrete_distributions(
    draw: st.DrawFn,
    *,
    min_size: int = 1,
    max_size: int = 4,
    min_value: int = 1,
    max_value: int = 10,
    max_denominator: int = 1,
    max_weight: int = 6,
    regular: bool | None = None,
    zero_masses: bool = False,
) -> Discrete:
    """Finite value distributions (:class:`~exactmech.dist.Discrete`) with rational values.

    Parameters
    ----------
    min_size, max_size
        Range of the number of grid values (``1 <= min_size <= max_size``).
    min_value, max_value
        Range of the values; with ``max_denominator > 1`` values are fractions ``p/q``.
    max_denominator
        Largest denominator of a value (1: integer values).
    max_weight
        Masses are integer weights in ``1..max_weight``, normalised.
    regular
        ``True``: eq. (1) of paper 001 is non-decreasing (weights capped from the top down);
        ``False``: it is not (needs ``max_size >= 3``; the second-lowest weight is halved
        until it drops); ``None``: either.
    zero_masses
        Allow grid values with mass 0 (at least one value keeps positive mass).

    Shrinks toward few, small, consecutive values with equal masses.
    """
    func = "discrete_distributions"
    _check_sizes(func, min_size, max_size)
    _check_range(func, min_value, max_value)
    _check_max_weight(func, max_weight)
    if max_denominator < 1:
        raise InvalidArgument(f"{func}(): max_denominator={max_denominator} < 1")
    if regular is False:
        if max_size < 3:
            raise InvalidArgument(
                f"{func}(): regular=False needs max_size >= 3 (two values are always regular)"
            )
        min_size = max(min_size, 3)
    if max_denominator == 1 and max_value - min_value + 1 < min_size:
        raise InvalidArgument(
            f"{func}(): only {max_value - min_value + 1} integers in "
            f"[{min_value}, {max_value}] for min_size={min_size} distinct values"
        )
    if max_denominator == 1:
        elements: st.SearchStrategy[Fraction] = st.integers(min_value, max_value).map(Fraction)
    else:
        elements = st.fractions(min_value, max_value, max_denominator=max_denominator)
    values = sorted(draw(st.lists(elements, min_size=min_size, max_size=max_size, unique=True)))
    k = len(values)
    positive = list(range(k))
    if zero_masses:
        need = 3 if regular is False else 1
        mask = draw(st.lists(st.booleans(), min_size=k, max_size=k))  # True: zero mass
        positive = [i for i in range(k) if not mask[i]]
        if len(positive) < need:
            positive = list(range(need))
    sub = [values[i] for i in positive]
    raw = draw(st.lists(_weight(max_weight, False), min_size=len(sub), max_size=len(sub)))
    weights: list[Fraction] = [Fraction(r) for r in raw]
    if regular is True:
        weights = _regular_weights(sub, raw)
    elif regular is False:
        weights = _make_irregular(sub, weights)
    full = [Fraction(0)] * k
    for i, w in zip(positive, weights):
        full[i] = w
    return Discrete.from_weights(values, full)


@st.composite
def uniform_intervals(
    draw: st.DrawFn,
    *,
    min_value: int = 0,
    max_value: int = 10,
    max_denominator: int = 1,
) -> Uniform:
    """Uniform distributions :math:`U[a, b]` with rational ``min_value <= a < b <= max_value``.

    Ends are multiples of ``1/d`` for a drawn ``d <= max_denominator``. Shrinks toward
    ``U[min_value, min_value + 1]`` (``d = 1``, unit width).
    """
    func = "uniform_intervals"
    _check_range(func, min_value, max_value)
    if min_value == max_value:
        raise InvalidArgument(f"{func}(): min_value == max_value == {min_value}; need a < b")
    if max_denominator < 1:
        raise InvalidArgument(f"{func}(): max_denominator={max_denominator} < 1")
    d = draw(st.integers(1, max_denominator))
    lo, hi = min_value * d, max_value * d
    a = draw(st.integers(lo, hi - 1))
    width = draw(st.integers(1, hi - a))
    return Uniform(Fraction(a, d), Fraction(a + width, d))


@st.composite
def piecewise_uniform_distributions(
    draw: st.DrawFn,
    *,
    min_pieces: int = 1,
    max_pieces: int = 4,
    min_value: int = 0,
    max_value: int = 10,
    max_weight: int = 6,
    regular: bool | None = None,
    gaps: bool = False,
) -> PiecewiseUniform:
    """Piecewise-uniform distributions on integer breakpoints.

    Parameters
    ----------
    min_pieces, max_pieces
        Range of the number of pieces.
    min_value, max_value
        Range of the breakpoints.
    max_weight
        Integer weights in ``1..max_weight``, normalised: masses (``regular=None``) or density
        increments (``regular=True``).
    regular
        ``True``: densities non-decreasing (paper 001, §2.1 regularity); ``False``: the density
        drops at the last breakpoint (needs ``max_pieces >= 2``); ``None``: either.
    gaps
        Allow zero-mass pieces inside the support (only with ``regular`` not ``True``).

    Shrinks toward few pieces on small consecutive integers with equal masses (``regular``:
    equal densities, i.e. one uniform).
    """
    func = "piecewise_uniform_distributions"
    _check_range(func, min_value, max_value)
    _check_max_weight(func, max_weight)
    if min_pieces < 1 or max_pieces < min_pieces:
        raise InvalidArgument(
            f"{func}(): need 1 <= min_pieces <= max_pieces, got {min_pieces}, {max_pieces}"
        )
    if regular is False:
        if max_pieces < 2:
            raise InvalidArgument(f"{func}(): regular=False needs max_pieces >= 2")
        min_pieces = max(min_pieces, 2)
    if gaps and regular is True:
        raise InvalidArgument(f"{func}(): gaps=True cannot be regular (a gap breaks regularity)")
    if max_value - min_value < min_pieces:
        raise InvalidArgument(
            f"{func}(): [{min_value}, {max_value}] has room for at most "
            f"{max_value - min_value} pieces; min_pieces={min_pieces}"
        )
    cap = min(max_pieces, max_value - min_value)
    n = draw(st.integers(min_pieces, cap))
    breaks = sorted(
        draw(
            st.lists(st.integers(min_value, max_value), min_size=n + 1, max_size=n + 1, unique=True)
        )
    )
    lengths = [b - a for a, b in itertools.pairwise(breaks)]
    if regular is True:
        incs = draw(st.lists(st.integers(0, max_weight - 1), min_size=n, max_size=n))
        dens, level = [], 0
        for inc in incs:
            level += inc
            dens.append(Fraction(1 + level))
        weights = [c * w for c, w in zip(dens, lengths)]
    else:
        raw = draw(st.lists(_weight(max_weight, gaps), min_size=n, max_size=n))
        weights = [Fraction(r) for r in raw]
        weights[0] = weights[0] or Fraction(1)
        weights[-1] = weights[-1] or Fraction(1)
        if regular is False:
            c_prev = weights[-2] / lengths[-2]
            if c_prev == 0:
                weights[-2] = Fraction(lengths[-2])
                c_prev = Fraction(1)
            if weights[-1] / lengths[-1] >= c_prev:
                weights[-1] = c_prev * lengths[-1] / 2
    return PiecewiseUniform.from_weights(breaks, weights)


@st.composite
def independent_priors(
    draw: st.DrawFn,
    *,
    buyers: int = 2,
    min_size: int = 1,
    max_size: int = 3,
    min_value: int = 1,
    max_value: int = 6,
    max_weight: int = 6,
    regular: bool | None = None,
    zero_masses: bool = False,
) -> list[Discrete]:
    """One :class:`~exactmech.dist.Discrete` prior per buyer (a product prior, paper 001, §2).

    Options as in :func:`discrete_distributions`; ``buyers >= 1``. Shrinks toward identical
    small uniform priors.
    """
    if buyers < 1:
        raise InvalidArgument(f"independent_priors(): buyers={buyers} must be >= 1")
    strategy = discrete_distributions(
        min_size=min_size,
        max_size=max_size,
        min_value=min_value,
        max_value=max_value,
        max_weight=max_weight,
        regular=regular,
        zero_masses=zero_masses,
    )
    return [draw(strategy) for _ in range(buyers)]


@st.composite
def correlated_priors(
    draw: st.DrawFn,
    *,
    buyers: int = 2,
    types: int = 2,
    min_value: int = 1,
    max_value: int = 6,
    max_weight: int = 6,
    zero_masses: bool = True,
) -> Joint:
    """Joint (possibly correlated) priors on a small grid: ``{profile: probability}``.

    Each buyer has ``types`` distinct integer values in ``[min_value, max_value]``; every
    profile of the grid gets an integer weight in ``0..max_weight`` (``1..max_weight``
    without ``zero_masses``), normalised; at least one is positive. The result is validated
    by :func:`~exactmech.dist.joint_distribution` (paper 001, §2.1: a shared prior
    "arbitrarily correlated").

    Shrinks toward the values ``min_value, min_value + 1, ...`` for every buyer with equal
    weights (the independent uniform prior).
    """
    func = "correlated_priors"
    if buyers < 1:
        raise InvalidArgument(f"{func}(): buyers={buyers} must be >= 1")
    if types < 1:
        raise InvalidArgument(f"{func}(): types={types} must be >= 1")
    _check_range(func, min_value, max_value)
    _check_max_weight(func, max_weight)
    if max_value - min_value + 1 < types:
        raise InvalidArgument(
            f"{func}(): only {max_value - min_value + 1} integers in [{min_value}, {max_value}] "
            f"for types={types} distinct values"
        )
    grids = [
        sorted(
            draw(
                st.lists(
                    st.integers(min_value, max_value), min_size=types, max_size=types, unique=True
                )
            )
        )
        for _ in range(buyers)
    ]
    profiles = list(itertools.product(*grids))
    raw = draw(
        st.lists(_weight(max_weight, zero_masses), min_size=len(profiles), max_size=len(profiles))
    )
    if not any(raw):
        raw[0] = 1
    total = sum(raw)
    return joint_distribution({p: Fraction(w, total) for p, w in zip(profiles, raw)})


# -- interval partitions (paper 000, §4) -----------------------------------------------------


@st.composite
def interval_partitions(
    draw: st.DrawFn,
    *,
    max_segments: int = 4,
    max_denominator: int = 6,
    revealed: bool | None = None,
    min_pooled: int = 0,
) -> IntervalPartition:
    """Interval partitions of ``[0, 1]`` into pooled and revealed segments (paper 000, §4).

    Breakpoints are distinct multiples of ``1/d`` for a drawn ``d <= max_denominator``; at
    most ``max_segments`` segments. ``revealed``: ``None`` draws each segment's kind,
    ``False`` makes every segment pooled, ``True`` every segment revealed. At least
    ``min_pooled`` segments are pooled (e.g. ``1`` for Theorem 4.4, whose witness needs a
    pooled interval). Shrinks toward no disclosure ``{[0, 1]}`` (``d = 1``, pooled).
    """
    from exactmech.papers.disclosure_continuous import Segment, interval_partition

    func = "interval_partitions"
    if max_segments < 1:
        raise InvalidArgument(f"{func}(): max_segments={max_segments} must be >= 1")
    if max_denominator < 1:
        raise InvalidArgument(f"{func}(): max_denominator={max_denominator} must be >= 1")
    if min_pooled < 0 or min_pooled > max_segments:
        raise InvalidArgument(f"{func}(): min_pooled={min_pooled} not in 0..{max_segments}")
    if revealed is True and min_pooled > 0:
        raise InvalidArgument(f"{func}(): revealed=True leaves no pooled segment for min_pooled")
    if min_pooled > max_denominator:
        raise InvalidArgument(
            f"{func}(): min_pooled={min_pooled} segments need max_denominator >= {min_pooled}"
        )
    d = draw(st.integers(max(1, min_pooled), max_denominator))
    n = draw(st.integers(max(1, min_pooled), min(max_segments, d)))
    cuts = sorted(
        draw(st.lists(st.integers(1, d - 1), min_size=n - 1, max_size=n - 1, unique=True))
        if n > 1
        else []
    )
    pts = [Fraction(0), *(Fraction(c, d) for c in cuts), Fraction(1)]
    if revealed is None:
        kinds = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    else:
        kinds = [revealed] * n
    for i in range(n):  # make the first segments pooled until min_pooled is met
        if sum(not k for k in kinds) >= min_pooled:
            break
        kinds[i] = False
    return interval_partition(
        [Segment(pts[i], pts[i + 1], kinds[i]) for i in range(n)], func=func
    )


# --- paper 004: bilateral trade parameters and information structures -----------------------
__all__ += ["information_structures", "trade_parameters"]

_TRADE_BOUNDARIES = ("interior", "p_b", "p_s", "corner", "ds_curve")


@st.composite
def trade_parameters(
    draw: st.DrawFn,
    *,
    max_value: int = 9,
    max_denominator: int = 12,
    boundary: str | None = None,
) -> Any:
    """θ = (s̲, b̲, s̄, b̄, p_b̄, p_s̲) of paper 004 (§2.1), optionally on a boundary of Figure 5.

    Values are integers ``s̲ ∈ [0, max_value]`` with gaps in ``[1, max_value]``;
    probabilities are ``k/n`` with ``2 <= n <= max_denominator``. ``boundary`` puts θ on a
    boundary of the ``(p_b̄, p_s̲)`` square: ``"p_b"`` (``p_b̄ = p*_b̄``), ``"p_s"``
    (``p_s̲ = p*_s̲``), ``"corner"`` (both), ``"ds_curve"`` (Lemma 2.1's cases tie),
    ``"interior"`` (none forced), ``"any"`` (one of those drawn), or ``None`` (interior).
    Returns a :class:`~exactmech.papers.information_games.TradeParams`. Shrinks toward
    ``(0, 1, 2, 3)`` with ``p_b̄ = p_s̲ = 1/2``.
    """
    from exactmech.papers.information_games.params import TradeParams

    func = "trade_parameters"
    if max_value < 1:
        raise InvalidArgument(f"{func}(): max_value={max_value} must be >= 1")
    if max_denominator < 2:
        raise InvalidArgument(f"{func}(): max_denominator={max_denominator} must be >= 2")
    kinds = (*_TRADE_BOUNDARIES, "any")
    if boundary is not None and boundary not in kinds:
        raise InvalidArgument(f"{func}(): boundary={boundary!r} must be one of {kinds} or None")
    kind = draw(st.sampled_from(_TRADE_BOUNDARIES)) if boundary == "any" else boundary or "interior"
    s_lo = draw(st.integers(0, max_value))
    gaps = [draw(st.integers(1, max_value)) for _ in range(3)]
    b_lo = s_lo + gaps[0]
    s_hi = b_lo + gaps[1]
    b_hi = s_hi + gaps[2]

    def prob() -> Fraction:
        n = draw(st.integers(2, max_denominator))
        k = draw(st.integers(1, n - 1))
        return Fraction(k, n)

    p_b = prob()
    p_s = prob()
    star_b = Fraction(b_lo - s_lo, b_hi - s_lo)
    star_s = Fraction(b_hi - s_hi, b_hi - s_lo)
    if kind in ("p_b", "corner"):
        p_b = star_b
    if kind in ("p_s", "corner"):
        p_s = star_s
    if kind == "ds_curve":
        a = Fraction(b_lo - s_lo, b_hi - b_lo)
        b = Fraction(b_hi - s_hi, s_hi - s_lo)
        p_s = p_b * b / ((1 - p_b) * a + p_b * b)
    return TradeParams(s_lo, b_lo, s_hi, b_hi, p_b, p_s)


@st.composite
def information_structures(
    draw: st.DrawFn, th: Any, *, max_split: int = 2, max_signals: int = 2, max_weight: int = 4
) -> Any:
    """A random information structure for θ (paper 004, §4.1).

    Each value pair's prior mass ``p_b p_s`` is split into up to ``max_split`` states with
    integer weights in ``[1, max_weight]``; each state gets a buyer signal from
    ``max_signals`` labels tagged with the buyer's value (so a signal always reveals its
    owner's value) and likewise a seller signal. Shrinks toward one state per value pair and
    a single signal per value (the no-information structure).
    """
    from exactmech.papers.information_games.structures import InformationStructure

    func = "information_structures"
    if max_split < 1 or max_signals < 1 or max_weight < 1:
        raise InvalidArgument(f"{func}(): max_split, max_signals and max_weight must be >= 1")
    states = []
    for b in ("lo", "hi"):
        for s in ("lo", "hi"):
            mass = (th.p_b_lo if b == "lo" else th.p_b_hi) * (th.p_s_lo if s == "lo" else th.p_s_hi)
            weights = draw(st.lists(st.integers(1, max_weight), min_size=1, max_size=max_split))
            total = sum(weights)
            for j, w in enumerate(weights):
                sb = draw(st.integers(0, max_signals - 1))
                ss = draw(st.integers(0, max_signals - 1))
                states.append(
                    (f"{b},{s},{j}", mass * Fraction(w, total), b, s, f"B{b}{sb}", f"S{s}{ss}")
                )
    return InformationStructure(th, states, "random")


# --- paper 002: quality priors and valuation tables -------------------------------------------


@st.composite
def quality_instances(
    draw: st.DrawFn,
    *,
    min_buyers: int = 1,
    max_buyers: int = 3,
    min_levels: int = 1,
    max_levels: int = 4,
    max_value: int = 10,
    max_weight: int = 6,
) -> Any:
    """Instances of paper 002's model
    (:class:`~exactmech.papers.fixed_price_signaling.DiscreteInstance`).

    ``K`` quality levels with integer weights ``1..max_weight`` (normalised) and ``n`` buyers
    whose valuations are non-decreasing integers in ``0..max_value`` (paper 002, §2.1).
    Shrinks toward one buyer, one level and small equal values.
    """
    from exactmech.papers.fixed_price_signaling import DiscreteInstance

    func = "quality_instances"
    if not 1 <= min_buyers <= max_buyers:
        raise InvalidArgument(
            f"{func}(): need 1 <= min_buyers={min_buyers} <= max_buyers={max_buyers}"
        )
    _check_sizes(func, min_levels, max_levels)
    _check_max_weight(func, max_weight)
    if max_value < 0:
        raise InvalidArgument(f"{func}(): max_value={max_value} < 0")
    n = draw(st.integers(min_buyers, max_buyers))
    k = draw(st.integers(min_levels, max_levels))
    weights = draw(st.lists(st.integers(1, max_weight), min_size=k, max_size=k))
    total = sum(weights)
    rows = [
        sorted(draw(st.lists(st.integers(0, max_value), min_size=k, max_size=k))) for _ in range(n)
    ]
    return DiscreteInstance(rows, [Fraction(w, total) for w in weights])
