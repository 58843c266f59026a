"""Exact outcomes of Myerson's auction after interval disclosure (paper 000, §4).

Model (paper 000, §4): two buyers A and B with values ``v_A, v_B ~ U[0, 1]`` i.i.d.; each
announces the element of her interval partition containing her value; the seller runs
Myerson's optimal auction for the posterior profile. With a pooled message ``[a, b]`` the
posterior is ``U[a, b]`` and (Lemma 4.1) ``φ(v) = 2v − b``; a revealed value is its own
virtual value, ``φ(v) = v``. The good goes to the highest virtual value if it is ``>= 0``.

**Payment rule.** The winner pays her Myerson threshold: the smallest value *in her own
message* at which she would still win. For a pooled ``[a, b]`` against an opponent with
virtual value ``φ_j`` that is::

    θ = max(a, φ^{-1}(max(0, φ_j))) = max(a, b/2, (φ_j + b)/2),

so the lowest type ``a`` of the message has IR binding; a revealed winner pays her value
(``θ = v``). This is the rule of the paper's three integrals in §4.1 (the winner's utility
is ``v_B − φ_B^{-1}(0)``, ``v_B − φ_B^{-1}(φ_A(v_A))`` or ``v_A − φ_A^{-1}(φ_B(v_B))`` with
every threshold inside the winner's message) and of the §4.2 formula
``E[u_A] = ∫_R (b − v_A)`` (the expected utility of Myerson's auction when the lowest type
gets zero, ``E[x·(v − φ(v))]``); by Myerson's lemma expected revenue is the expected virtual
surplus, which the tests check against the thresholds.

Everything is an exact polygon integral: on a cell ``S_A × S_B`` (two segments) the regions
where A wins, B wins or nobody wins are convex polygons cut by the lines ``φ_A = 0``,
``φ_B = 0``, ``φ_A = φ_B``, and the threshold is a maximum of linear functions, split along
its switching lines; :func:`exactmech.calculus.integrate_polygon` integrates each piece.
Values are *ex-ante* (integrals over the unit square, whose density is 1): the contribution
of a cell is the probability of the cell times the conditional value. Ties have
probability zero; at a single point (:func:`outcome_at`) a tie goes to A and a zero virtual
value sells.

Coordinates: ``x = v_A`` (horizontal), ``y = v_B`` (vertical), as in Figures 2 and 3.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

from exactmech.calculus import HalfPlane, Polygon, Polynomial, integrate_polygon
from exactmech.errors import PartitionError
from exactmech.numbers import Q, fraction_str
from exactmech.papers.disclosure_continuous.partitions import (
    IntervalPartition,
    Segment,
    interval_partition,
)

__all__ = [
    "BUYERS",
    "ContinuousOutcome",
    "Inefficiency",
    "InterimOutcome",
    "PointOutcome",
    "Region",
    "allocation_regions",
    "cell_outcome",
    "cell_regions",
    "evaluate",
    "inefficiency",
    "interim_outcome",
    "outcome_at",
    "paper_payoff_formula",
]

_0, _1 = Fraction(0), Fraction(1)
#: Buyer names, in coordinate order (``x = v_A``, ``y = v_B``).
BUYERS = ("A", "B")

#: A linear form ``c_x·x + c_y·y + c_0`` as ``(c_x, c_y, c_0)``.
Linear = tuple[Fraction, Fraction, Fraction]


@dataclass(frozen=True)
class ContinuousOutcome:
    """Ex-ante outcome of the disclosure game (or of one cell of it), exact.

    Attributes
    ----------
    revenue, welfare, buyer_surplus
        Expected seller revenue, expected welfare (value of the winner), and expected buyer
        surplus ``U = U_A + U_B`` (paper 000, §4: "expected buyer surplus E[U]").
    utilities
        ``(E[U_A], E[U_B])``.
    win_probabilities
        ``(Pr[A gets the good], Pr[B gets the good])``.

    ``welfare == revenue + buyer_surplus`` always; outcomes add (over cells) and scale.
    """

    revenue: Fraction
    welfare: Fraction
    buyer_surplus: Fraction
    utilities: tuple[Fraction, Fraction]
    win_probabilities: tuple[Fraction, Fraction]

    @classmethod
    def zero(cls) -> ContinuousOutcome:
        """The outcome of an empty region."""
        return cls(_0, _0, _0, (_0, _0), (_0, _0))

    @property
    def sale_probability(self) -> Fraction:
        """``Pr[the good is sold]``."""
        return self.win_probabilities[0] + self.win_probabilities[1]

    def __add__(self, other: ContinuousOutcome) -> ContinuousOutcome:
        return ContinuousOutcome(
            self.revenue + other.revenue,
            self.welfare + other.welfare,
            self.buyer_surplus + other.buyer_surplus,
            (self.utilities[0] + other.utilities[0], self.utilities[1] + other.utilities[1]),
            (
                self.win_probabilities[0] + other.win_probabilities[0],
                self.win_probabilities[1] + other.win_probabilities[1],
            ),
        )

    def scaled(
        self, factor: Fraction, probability_factor: Fraction | None = None
    ) -> ContinuousOutcome:
        """Multiply the money values by ``factor`` and the probabilities by
        ``probability_factor`` (default: ``factor``)."""
        pf = factor if probability_factor is None else probability_factor
        return ContinuousOutcome(
            self.revenue * factor,
            self.welfare * factor,
            self.buyer_surplus * factor,
            (self.utilities[0] * factor, self.utilities[1] * factor),
            (self.win_probabilities[0] * pf, self.win_probabilities[1] * pf),
        )

    def swapped(self) -> ContinuousOutcome:
        """The same outcome with the names of the buyers exchanged."""
        return ContinuousOutcome(
            self.revenue,
            self.welfare,
            self.buyer_surplus,
            (self.utilities[1], self.utilities[0]),
            (self.win_probabilities[1], self.win_probabilities[0]),
        )

    def as_dict(self) -> dict[str, Fraction]:
        """Flat mapping ``{"revenue": ..., "U_A": ..., "P_A": ...}`` (for tables)."""
        return {
            "revenue": self.revenue,
            "welfare": self.welfare,
            "buyer_surplus": self.buyer_surplus,
            "U_A": self.utilities[0],
            "U_B": self.utilities[1],
            "P_A": self.win_probabilities[0],
            "P_B": self.win_probabilities[1],
        }

    def __repr__(self) -> str:
        f = fraction_str
        return (
            f"ContinuousOutcome(revenue={f(self.revenue)}, welfare={f(self.welfare)}, "
            f"buyer_surplus={f(self.buyer_surplus)}, utilities=({f(self.utilities[0])}, "
            f"{f(self.utilities[1])}), win_probabilities=({f(self.win_probabilities[0])}, "
            f"{f(self.win_probabilities[1])}))"
        )


@dataclass(frozen=True)
class Region:
    """A convex piece of the unit square with one allocation (figure data, Figs. 2–3).

    Attributes
    ----------
    owner
        ``"A"``, ``"B"`` (who gets the good) or ``None`` (no sale).
    polygon
        The piece, in coordinates ``(v_A, v_B)``.
    segments
        The pair of segments ``(S_A, S_B)`` whose cell contains the piece.
    """

    owner: str | None
    polygon: Polygon
    segments: tuple[Segment, Segment]


def _phi_form(seg: Segment, coord: int) -> Linear:
    """φ of a type in ``seg`` as a linear form in ``(x, y)``; ``coord`` 0 for A, 1 for B."""
    slope, icpt = seg.phi
    return (slope, _0, icpt) if coord == 0 else (_0, slope, icpt)


def _le(f: Linear, g: Linear) -> HalfPlane:
    """The half-plane ``f <= g``."""
    return HalfPlane(f[0] - g[0], f[1] - g[1], g[2] - f[2])


_ZERO_FORM: Linear = (_0, _0, _0)


def _win_polygon(cell: Polygon, own: Linear, other: Linear) -> Polygon:
    """``cell ∩ {own >= 0} ∩ {own >= other}`` (ties have measure zero)."""
    return cell.clip(_le(_ZERO_FORM, own)).clip(_le(other, own))


def _thresholds(seg: Segment, other: Linear, coord: int) -> list[Linear]:
    """Candidates whose maximum is the winner's payment (module docstring).

    Pooled ``[a, b]``: ``a``, ``b/2`` and ``(φ_other + b)/2``; revealed: the value itself.
    """
    if seg.revealed:
        return [(_1, _0, _0) if coord == 0 else (_0, _1, _0)]
    a, b = seg.lo, seg.hi
    half = Fraction(1, 2)
    cands: list[Linear] = [
        (_0, _0, a),
        (_0, _0, b * half),
        (other[0] * half, other[1] * half, (other[2] + b) * half),
    ]
    out: list[Linear] = []
    for c in cands:  # identical forms would double-count the region where they are maximal
        if c not in out:
            out.append(c)
    return out


def _max_pieces(poly: Polygon, forms: Sequence[Linear]) -> list[tuple[Polygon, Linear]]:
    """Split ``poly`` into the pieces where each form is the maximum (overlaps: measure 0)."""
    out = []
    for i, f in enumerate(forms):
        piece = poly
        for j, g in enumerate(forms):
            if j != i:
                piece = piece.clip(_le(g, f))
                if piece.is_empty:
                    break
        if not piece.is_empty:
            out.append((piece, f))
    return out


def _poly(f: Linear) -> Polynomial:
    return Polynomial.linear([f[0], f[1]], f[2])


_X = Polynomial.variable(0, 2)
_Y = Polynomial.variable(1, 2)


def cell_regions(seg_a: Segment, seg_b: Segment) -> list[Region]:
    """The allocation of one cell ``S_A × S_B`` as convex polygons (paper 000, Figs. 2–3).

    Returns
    -------
    list of Region
        The pieces where A wins, where B wins and where the good is not sold (empty pieces
        omitted). Their areas add up to ``|S_A|·|S_B|``.

    Examples
    --------
    >>> low, high = Segment(Fraction(0), Fraction(1, 2)), Segment(Fraction(1, 2), Fraction(1))
    >>> [(r.owner, r.polygon.area()) for r in cell_regions(low, high)]   # Fig. 2b, top left
    [('A', Fraction(1, 32)), ('B', Fraction(7, 32))]
    """
    cell = Polygon.box(seg_a.lo, seg_a.hi, seg_b.lo, seg_b.hi)
    fa, fb = _phi_form(seg_a, 0), _phi_form(seg_b, 1)
    out = []
    win_a = _win_polygon(cell, fa, fb)
    if not win_a.is_empty:
        out.append(Region("A", win_a, (seg_a, seg_b)))
    win_b = _win_polygon(cell, fb, fa)
    if not win_b.is_empty:
        out.append(Region("B", win_b, (seg_a, seg_b)))
    none = cell.clip(_le(fa, _ZERO_FORM)).clip(_le(fb, _ZERO_FORM))
    if not none.is_empty:
        out.append(Region(None, none, (seg_a, seg_b)))
    return out


@lru_cache(maxsize=65536)
def _cell(seg_a: Segment, seg_b: Segment) -> ContinuousOutcome:
    cell = Polygon.box(seg_a.lo, seg_a.hi, seg_b.lo, seg_b.hi)
    forms = (_phi_form(seg_a, 0), _phi_form(seg_b, 1))
    segs = (seg_a, seg_b)
    value = (_X, _Y)
    rev = [_0, _0]
    wel = [_0, _0]
    prob = [_0, _0]
    for i in (0, 1):
        own, other = forms[i], forms[1 - i]
        region = _win_polygon(cell, own, other)
        if region.is_empty:
            continue
        prob[i] = region.area()
        wel[i] = integrate_polygon(value[i], region)
        for piece, theta in _max_pieces(region, _thresholds(segs[i], other, i)):
            rev[i] += integrate_polygon(_poly(theta), piece)
    util = (wel[0] - rev[0], wel[1] - rev[1])
    return ContinuousOutcome(
        rev[0] + rev[1], wel[0] + wel[1], util[0] + util[1], util, (prob[0], prob[1])
    )


def cell_outcome(seg_a: Segment, seg_b: Segment, *, conditional: bool = False) -> ContinuousOutcome:
    """Outcome on one cell: A's message is ``S_A``, B's is ``S_B`` (paper 000, §4.1–§4.2).

    Parameters
    ----------
    seg_a, seg_b
        The two segments.
    conditional
        ``False`` (default): the contribution of the cell, ``∫∫_{S_A × S_B}``, i.e. the
        probability of the cell times the conditional expectation (the paper's 5/96 in
        §4.1). ``True``: the conditional expectation given the cell (the paper's 1/12).

    Examples
    --------
    >>> low, high = Segment(Fraction(0), Fraction(1, 2)), Segment(Fraction(1, 2), Fraction(1))
    >>> cell_outcome(low, high).buyer_surplus                 # paper 000, §4.1: 5/96
    Fraction(5, 96)
    >>> cell_outcome(low, low, conditional=True).buyer_surplus  # §4.1: 1/2 · 1/6
    Fraction(1, 12)
    """
    out = _cell(seg_a, seg_b)
    if conditional:
        area = seg_a.length * seg_b.length
        return out.scaled(1 / area)
    return out


def _partition(p: Any, name: str, func: str) -> IntervalPartition:
    if isinstance(p, IntervalPartition):
        return p
    if isinstance(p, Segment) or not isinstance(p, (list, tuple)):
        raise PartitionError(
            f"{func}(): {name}={p!r} is not an interval partition; pass an IntervalPartition "
            "or a list of segments such as [(0, '1/2'), ('1/2', 1)]"
        )
    return interval_partition(p, name=name, func=func)


def evaluate(partition_a: Any, partition_b: Any) -> ContinuousOutcome:
    """Exact ex-ante outcome of the disclosure game for a pair of interval partitions.

    Paper 000, §4: both values ``U[0, 1]``; A discloses by ``partition_a``, B by
    ``partition_b``; the seller runs Myerson's auction on the posteriors (Lemma 4.1) and the
    winner pays the smallest value in her own message at which she still wins. The result
    is the sum of :func:`cell_outcome` over all pairs of segments.

    Parameters
    ----------
    partition_a, partition_b
        :class:`IntervalPartition` objects or lists of segments (see
        :func:`~exactmech.papers.disclosure_continuous.interval_partition`).

    Returns
    -------
    ContinuousOutcome

    References
    ----------
    paper 000, §4.1 (no disclosure, high/low disclosure, Fig. 2), §4.2 (Fig. 3).

    Examples
    --------
    >>> evaluate([(0, 1)], [(0, 1)]).buyer_surplus                       # Fig. 2a
    Fraction(1, 6)
    >>> out = evaluate([(0, "1/2"), ("1/2", 1)], [(0, 1)])                # Fig. 3a
    >>> out.buyer_surplus, out.utilities
    (Fraction(11, 64), (Fraction(13, 128), Fraction(9, 128)))
    >>> evaluate([(0, "1/2")], [(0, 1)])
    Traceback (most recent call last):
    ...
    exactmech.errors.PartitionError: evaluate(): partition_a[0] ends at 1/2: (1/2, 1] is not covered
    """
    pa = _partition(partition_a, "partition_a", "evaluate")
    pb = _partition(partition_b, "partition_b", "evaluate")
    total = ContinuousOutcome.zero()
    for sa in pa.segments:
        for sb in pb.segments:
            total = total + _cell(sa, sb)
    return total


def allocation_regions(partition_a: Any, partition_b: Any) -> list[Region]:
    """Every allocation region of the unit square, as exact convex polygons (Figs. 2–3).

    The union of the pieces is ``[0, 1]^2``; pieces of different cells meet only on cell
    boundaries. Coordinates ``(v_A, v_B)``.

    Examples
    --------
    >>> regions = allocation_regions([(0, 1)], [(0, 1)])                 # Fig. 2a
    >>> [(r.owner, r.polygon.area()) for r in regions]
    [('A', Fraction(3, 8)), ('B', Fraction(3, 8)), (None, Fraction(1, 4))]
    """
    pa = _partition(partition_a, "partition_a", "allocation_regions")
    pb = _partition(partition_b, "partition_b", "allocation_regions")
    return [r for sa in pa.segments for sb in pb.segments for r in cell_regions(sa, sb)]


@dataclass(frozen=True)
class PointOutcome:
    """The auction at one type profile ``(v_A, v_B)``.

    Attributes
    ----------
    values
        ``(v_A, v_B)``.
    messages
        The closures of the messages, ``([a, b], [c, d])`` (``[v, v]`` when revealed).
    virtual_values
        ``(φ_A, φ_B)``.
    winner
        ``"A"``, ``"B"`` or ``None`` (ties to A; a zero virtual value sells).
    tie
        True when the winner is decided by the tie rule (equal virtual values, or the
        winner's virtual value is 0).
    payment
        The winner's threshold payment (0 if no sale).
    """

    values: tuple[Fraction, Fraction]
    messages: tuple[tuple[Fraction, Fraction], tuple[Fraction, Fraction]]
    virtual_values: tuple[Fraction, Fraction]
    winner: str | None
    tie: bool
    payment: Fraction

    @property
    def efficient(self) -> bool:
        """Whether a buyer with the (weakly) highest value gets the good."""
        if self.winner is None:
            return False
        i = BUYERS.index(self.winner)
        return self.values[i] >= self.values[1 - i]


def outcome_at(partition_a: Any, partition_b: Any, v_a: Any, v_b: Any) -> PointOutcome:
    """The allocation and payment at one type profile (paper 000, §4; used by Theorem 4.4).

    Membership of a shared endpoint follows footnote 2 (messages closed on the top end).

    Examples
    --------
    >>> o = outcome_at([(0, "1/2"), ("1/2", 1)], [(0, 1)], "3/8", "1/2")
    >>> o.virtual_values, o.winner, o.payment
    ((Fraction(1, 4), Fraction(0, 1)), 'A', Fraction(1, 4))
    """
    func = "outcome_at"
    pa = _partition(partition_a, "partition_a", func)
    pb = _partition(partition_b, "partition_b", func)
    vals = (Q(v_a, "v_a", func=func), Q(v_b, "v_b", func=func))
    segs = (pa.segment_of(vals[0]), pb.segment_of(vals[1]))
    phis = tuple(s.phi[0] * v + s.phi[1] for s, v in zip(segs, vals))
    msgs = (pa.message_of(vals[0]), pb.message_of(vals[1]))
    top = max(phis)
    if top < 0:
        return PointOutcome(vals, msgs, (phis[0], phis[1]), None, False, _0)
    i = 0 if phis[0] >= phis[1] else 1
    tie = phis[0] == phis[1] or top == 0
    seg = segs[i]
    pay = vals[i] if seg.revealed else max(seg.lo, (max(_0, phis[1 - i]) + seg.hi) / 2)
    return PointOutcome(vals, msgs, (phis[0], phis[1]), BUYERS[i], tie, pay)


@dataclass(frozen=True)
class Inefficiency:
    """How far an equilibrium is from efficient (paper 000, §4.3).

    Attributes
    ----------
    misallocation_probability
        ``Pr[the good goes to the buyer with the strictly lower value]``.
    no_sale_probability
        ``Pr[the good is not sold]``.
    welfare_loss
        ``E[max(v_A, v_B)] − W = 2/3 − W``.
    """

    misallocation_probability: Fraction
    no_sale_probability: Fraction
    welfare_loss: Fraction


def inefficiency(partition_a: Any, partition_b: Any) -> Inefficiency:
    """Probability of misallocation and of no sale, and the welfare loss (paper 000, §4.3).

    Examples
    --------
    >>> inefficiency([(0, 1)], [(0, 1)])                                # Fig. 2a: no sale 1/4
    Inefficiency(misallocation_probability=Fraction(0, 1), no_sale_probability=Fraction(1, 4), \
welfare_loss=Fraction(1, 12))
    >>> inefficiency([(0, "1/2"), ("1/2", 1)], [(0, "1/2"), ("1/2", 1)]).misallocation_probability
    Fraction(1, 16)
    """
    func = "inefficiency"
    pa = _partition(partition_a, "partition_a", func)
    pb = _partition(partition_b, "partition_b", func)
    mis = _0
    unsold = _0
    lower = {"A": HalfPlane(1, -1, 0), "B": HalfPlane(-1, 1, 0)}  # winner's value <= other's
    for r in allocation_regions(pa, pb):
        if r.owner is None:
            unsold += r.polygon.area()
        else:
            mis += r.polygon.clip(lower[r.owner]).area()
    welfare = evaluate(pa, pb).welfare
    return Inefficiency(mis, unsold, Fraction(2, 3) - welfare)


@dataclass(frozen=True)
class InterimOutcome:
    """What one type expects, given the other buyer's value is ``U[0, 1]``.

    Attributes
    ----------
    value
        The type ``v``.
    message
        Closure of her message.
    win_probability, expected_payment, expected_utility
        Interim values (``expected_utility = v·win_probability − expected_payment``).
    """

    value: Fraction
    message: tuple[Fraction, Fraction]
    win_probability: Fraction
    expected_payment: Fraction
    expected_utility: Fraction


def _integral_max_linear(forms: Sequence[tuple[Fraction, Fraction]], lo: Fraction,
                         hi: Fraction) -> Fraction:
    """``∫_lo^hi max_i (s_i w + c_i) dw`` exactly (split at every crossing)."""
    cuts = {lo, hi}
    for i, (s1, c1) in enumerate(forms):
        for s2, c2 in forms[i + 1 :]:
            if s1 != s2:
                w = (c2 - c1) / (s1 - s2)
                if lo < w < hi:
                    cuts.add(w)
    pts = sorted(cuts)
    total = _0
    for u, w in itertools.pairwise(pts):
        mid = (u + w) / 2
        s, c = max(forms, key=lambda f: f[0] * mid + f[1])
        total += s * (w * w - u * u) / 2 + c * (w - u)
    return total


def interim_outcome(
    own_partition: Any, other_partition: Any, v: Any, *, from_above: bool = False
) -> InterimOutcome:
    """Interim win probability, payment and utility of type ``v`` (paper 000, §4.1).

    The buyer discloses by ``own_partition``, the opponent (value ``U[0, 1]``) by
    ``other_partition``; the game is symmetric in the names, so this serves A and B alike.

    Parameters
    ----------
    own_partition, other_partition
        Interval partitions.
    v
        The type.
    from_above
        Use the message of the types just above ``v`` (the limit ``v + ε``, ``ε → 0``) instead
        of the one containing ``v`` (top-closed convention), as in §4.1's type ``1/2 + ε``.

    Examples
    --------
    >>> hl = [(0, "1/2"), ("1/2", 1)]
    >>> interim_outcome([(0, 1)], [(0, 1)], "1/2").win_probability       # §4.1: about 1/2
    Fraction(1, 2)
    >>> interim_outcome(hl, hl, "1/2", from_above=True).win_probability  # §4.1: about 1/4
    Fraction(1, 4)
    """
    func = "interim_outcome"
    own = _partition(own_partition, "own_partition", func)
    other = _partition(other_partition, "other_partition", func)
    x = Q(v, "v", func=func)
    if not _0 <= x <= _1 or (from_above and x == 1):
        raise PartitionError(f"{func}(): v={fraction_str(x)} must lie in [0, 1) with from_above"
                             if from_above else f"{func}(): v={fraction_str(x)} is outside [0, 1]")
    seg = next(s for s in own.segments if s.lo <= x < s.hi) if from_above else own.segment_of(x)
    phi = seg.phi[0] * x + seg.phi[1]
    msg = (x, x) if seg.revealed else (seg.lo, seg.hi)
    win = pay = _0
    if phi >= 0:
        for t in other.segments:
            alpha, beta = t.phi
            top = min(t.hi, (phi - beta) / alpha)  # φ_t(w) <= φ  <=>  w <= (φ − β)/α
            if top <= t.lo:
                continue
            win += top - t.lo
            if seg.revealed:
                pay += x * (top - t.lo)
            else:  # max(a, b/2, (α w + β + b)/2)
                forms = [(_0, seg.lo), (_0, seg.hi / 2), (alpha / 2, (beta + seg.hi) / 2)]
                pay += _integral_max_linear(forms, t.lo, top)
    return InterimOutcome(x, msg, win, pay, x * win - pay)


def paper_payoff_formula(seg_a: Segment, seg_b: Segment) -> Fraction:
    """The paper's closed form for A's conditional expected payoff on a pooled cell (§4.2).

    ``E[u_A] = 1/((b − a)(d − c)) ∫_R (b − v_A) dv_A dv_B`` with ``R`` given by
    ``a <= v_A <= b``, ``c <= v_B <= d``, ``v_A >= b/2``, ``v_A >= v_B + (b − d)/2``,
    integrated here with :func:`exactmech.calculus.integrate` (sympy constraints), a route
    independent of :func:`cell_outcome`'s threshold payments.

    Parameters
    ----------
    seg_a, seg_b
        Pooled segments ``[a, b]`` (A) and ``[c, d]`` (B).

    References
    ----------
    paper 000, §4.2, the displayed formula for ``E_{v_B} E_{v_A}[u_A]``.

    Examples
    --------
    >>> low, high = Segment(Fraction(0), Fraction(1, 2)), Segment(Fraction(1, 2), Fraction(1))
    >>> paper_payoff_formula(high, low) == cell_outcome(high, low, conditional=True).utilities[0]
    True
    """
    import sympy

    from exactmech.calculus import integrate

    if seg_a.revealed or seg_b.revealed:
        raise PartitionError(
            "paper_payoff_formula(): the §4.2 formula is for pooled messages; got "
            f"{seg_a} and {seg_b}"
        )
    va, vb = sympy.symbols("v_A v_B")
    r = sympy.Rational
    a, b, c, d = (r(x.numerator, x.denominator) for x in (seg_a.lo, seg_a.hi, seg_b.lo, seg_b.hi))
    region = [va >= a, va <= b, vb >= c, vb <= d, va >= b / 2, va >= vb + (b - d) / 2]
    return integrate(b - va, region, (va, vb)) / (seg_a.length * seg_b.length)
