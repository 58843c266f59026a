"""Interval partitions of the type space ``[0, 1]`` (paper 000, §4).

A buyer's disclosure strategy in §4 is a partition of ``[0, 1]`` into intervals; every type
announces the element containing it. We write a partition as a sorted list of
:class:`Segment` objects, each either

* **pooled**: the whole interval is one message, the seller's posterior is ``U[lo, hi]``
  (Lemma 4.1: virtual value ``φ(v) = 2v − hi``), or
* **revealed**: every point ``v`` of the interval is its own message ``{v}`` (the seller
  learns the value: ``φ(v) = v``). ``Segment(0, 1, revealed=True)`` is full disclosure, the
  paper's ``{{x} : x ∈ [0, 1]}`` (Fig. 3b).

Conventions (paper 000, §4.2: "we write partitions with overlapping endpoints for
convenience"): adjacent segments share their endpoint, as in ``[0, 1/2], [1/2, 1]``. For
integrals endpoints have measure zero. Where a single point matters (the witness of
Theorem 4.4), a shared endpoint belongs to the segment *below* it: messages are "closed on
the top end" (footnote 2), i.e. ``[0, b_1], (b_1, b_2], ...``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from exactmech.errors import PartitionError
from exactmech.numbers import Q, fraction_str

__all__ = [
    "IntervalPartition",
    "PartitionError",
    "Segment",
    "full_disclosure",
    "interval_partition",
    "no_disclosure",
    "threshold_partition",
]

_0, _1 = Fraction(0), Fraction(1)


@dataclass(frozen=True, order=True)
class Segment:
    """One segment ``[lo, hi]`` of an interval partition, pooled or revealed.

    Attributes
    ----------
    lo, hi
        Rational ends, ``0 <= lo < hi <= 1``.
    revealed
        ``False`` (default): the segment is one pooled message, posterior ``U[lo, hi]``.
        ``True``: every value in it is revealed exactly (singleton messages).

    Examples
    --------
    >>> s = Segment(Fraction(0), Fraction(1, 2))
    >>> s, s.phi
    (Segment([0, 1/2]), (Fraction(2, 1), Fraction(-1, 2)))
    >>> Segment(Fraction(0), Fraction(1), revealed=True).phi
    (Fraction(1, 1), Fraction(0, 1))
    """

    lo: Fraction
    hi: Fraction
    revealed: bool = False

    @property
    def length(self) -> Fraction:
        """``hi − lo``."""
        return self.hi - self.lo

    @property
    def phi(self) -> tuple[Fraction, Fraction]:
        """Virtual value ``φ(v) = slope·v + intercept`` of a type in this segment.

        Pooled: ``(2, −hi)`` (Lemma 4.1, ``φ(v) = 2v − b`` on ``U[a, b]``); revealed:
        ``(1, 0)`` (a known value is its own virtual value).
        """
        return (_1, _0) if self.revealed else (Fraction(2), -self.hi)

    @property
    def phi_inverse(self) -> tuple[Fraction, Fraction]:
        """``φ^{-1}(y) = slope·y + intercept``: ``(1/2, hi/2)`` pooled, ``(1, 0)`` revealed.

        >>> Segment(Fraction(1, 2), Fraction(1)).phi_inverse   # paper 000, §4.1: x/2 + 1/2
        (Fraction(1, 2), Fraction(1, 2))
        """
        return (_1, _0) if self.revealed else (Fraction(1, 2), self.hi / 2)

    def scaled(self, factor: Fraction) -> Segment:
        """The segment ``factor·[lo, hi]`` (same kind); used by the self-similar partitions."""
        return Segment(self.lo * factor, self.hi * factor, self.revealed)

    def __str__(self) -> str:
        body = f"[{fraction_str(self.lo)}, {fraction_str(self.hi)}]"
        return f"{{{{x}}: x ∈ {body}}}" if self.revealed else body

    def __repr__(self) -> str:
        return f"Segment({self}{', revealed' if self.revealed else ''})".replace(
            "{{x}: x ∈ ", ""
        ).replace("]}", "]")


def _segment(item: Any, i: int, name: str, func: str) -> Segment:
    if isinstance(item, Segment):
        return item
    if not isinstance(item, (tuple, list)) or len(item) not in (2, 3):
        raise PartitionError(
            f"{func}(): {name}[{i}]={item!r} is not a segment; write (lo, hi), "
            "(lo, hi, 'pooled') or (lo, hi, 'revealed')"
        )
    kind = item[2] if len(item) == 3 else "pooled"
    if kind not in ("pooled", "revealed"):
        raise PartitionError(
            f"{func}(): {name}[{i}] has kind {kind!r}; expected 'pooled' or 'revealed'"
        )
    lo = Q(item[0], f"{name}[{i}].lo", func=func)
    hi = Q(item[1], f"{name}[{i}].hi", func=func)
    return Segment(lo, hi, kind == "revealed")


@dataclass(frozen=True)
class IntervalPartition:
    """A partition of ``[0, 1]`` into pooled and revealed segments (paper 000, §4).

    Build it with :func:`interval_partition` (which validates); the constructor assumes
    valid, sorted segments.

    Attributes
    ----------
    segments
        Sorted segments covering ``[0, 1]``, adjacent ones sharing an endpoint.
    """

    segments: tuple[Segment, ...]

    @property
    def breakpoints(self) -> tuple[Fraction, ...]:
        """The interior breakpoints (ends of segments other than 0 and 1)."""
        return tuple(s.hi for s in self.segments[:-1])

    @property
    def pooled(self) -> tuple[Segment, ...]:
        """The pooled segments (the messages of positive measure)."""
        return tuple(s for s in self.segments if not s.revealed)

    def segment_of(self, v: Any) -> Segment:
        """The segment whose message contains the type ``v`` (top-closed convention).

        >>> P = interval_partition([(0, "1/2"), ("1/2", 1)])
        >>> P.segment_of("1/2"), P.segment_of("3/4")
        (Segment([0, 1/2]), Segment([1/2, 1]))
        """
        x = Q(v, "v", func="IntervalPartition.segment_of")
        if not _0 <= x <= _1:
            raise PartitionError(
                f"IntervalPartition.segment_of(): v={fraction_str(x)} is outside [0, 1]"
            )
        for s in self.segments:
            if x <= s.hi:
                return s
        raise AssertionError("unreachable: the segments cover [0, 1]")  # pragma: no cover

    def message_of(self, v: Any) -> tuple[Fraction, Fraction]:
        """Closure ``[lo, hi]`` of the message sent by type ``v`` (``[v, v]`` if revealed)."""
        x = Q(v, "v", func="IntervalPartition.message_of")
        s = self.segment_of(x)
        return (x, x) if s.revealed else (s.lo, s.hi)

    def scaled(self, factor: Fraction) -> tuple[Segment, ...]:
        """The segments scaled by ``factor`` (a partition of ``[0, factor]``)."""
        return tuple(s.scaled(factor) for s in self.segments)

    def __str__(self) -> str:
        return "{" + ", ".join(str(s) for s in self.segments) + "}"

    def __repr__(self) -> str:
        return f"IntervalPartition({self})"


def interval_partition(
    segments: Iterable[Any], *, name: str = "segments", func: str = "interval_partition"
) -> IntervalPartition:
    """Validate and build an interval partition of ``[0, 1]`` (paper 000, §4).

    Parameters
    ----------
    segments
        Segments in increasing order: :class:`Segment` objects or tuples ``(lo, hi)``
        (pooled), ``(lo, hi, "pooled")`` or ``(lo, hi, "revealed")``; ends are exact
        rationals (``int``, ``Fraction``, ``"1/3"``). Adjacent segments share an endpoint.
    name, func
        Names used in error messages.

    Returns
    -------
    IntervalPartition

    Raises
    ------
    PartitionError
        If the segments are empty, unsorted, overlap, leave a gap, do not start at 0 or end
        at 1, or a segment has ``lo >= hi``. A float end raises ``FloatInputError``.

    Examples
    --------
    >>> interval_partition([(0, "1/2"), ("1/2", 1, "revealed")])
    IntervalPartition({[0, 1/2], {{x}: x ∈ [1/2, 1]}})
    >>> interval_partition([(0, "1/2"), ("2/3", 1)])
    Traceback (most recent call last):
    ...
    exactmech.errors.PartitionError: interval_partition(): segments[0] ends at 1/2 but \
segments[1] starts at 2/3: the gap (1/2, 2/3) is not covered
    """
    items = list(segments) if not isinstance(segments, IntervalPartition) else None
    if items is None:
        assert isinstance(segments, IntervalPartition)
        return segments
    if not items:
        raise PartitionError(f"{func}(): {name} is empty; a partition must cover [0, 1]")
    segs = [_segment(item, i, name, func) for i, item in enumerate(items)]
    for i, s in enumerate(segs):
        if not _0 <= s.lo < s.hi <= _1:
            raise PartitionError(
                f"{func}(): {name}[{i}]=[{fraction_str(s.lo)}, {fraction_str(s.hi)}] must "
                "satisfy 0 <= lo < hi <= 1 (a revealed point is a revealed segment of positive "
                "length; single points have measure zero)"
            )
    if segs[0].lo != 0:
        raise PartitionError(
            f"{func}(): {name}[0] starts at {fraction_str(segs[0].lo)}: [0, "
            f"{fraction_str(segs[0].lo)}) is not covered"
        )
    if segs[-1].hi != 1:
        raise PartitionError(
            f"{func}(): {name}[{len(segs) - 1}] ends at {fraction_str(segs[-1].hi)}: "
            f"({fraction_str(segs[-1].hi)}, 1] is not covered"
        )
    for i in range(1, len(segs)):
        prev, cur = segs[i - 1], segs[i]
        if cur.lo < prev.hi:
            raise PartitionError(
                f"{func}(): {name}[{i - 1}]=[{fraction_str(prev.lo)}, {fraction_str(prev.hi)}] "
                f"and {name}[{i}]=[{fraction_str(cur.lo)}, {fraction_str(cur.hi)}] overlap "
                "(segments must be sorted and meet only at endpoints)"
            )
        if cur.lo > prev.hi:
            raise PartitionError(
                f"{func}(): {name}[{i - 1}] ends at {fraction_str(prev.hi)} but {name}[{i}] "
                f"starts at {fraction_str(cur.lo)}: the gap ({fraction_str(prev.hi)}, "
                f"{fraction_str(cur.lo)}) is not covered"
            )
    return IntervalPartition(tuple(segs))


def no_disclosure() -> IntervalPartition:
    """The no-disclosure partition ``{[0, 1]}`` (paper 000, §4.1, Fig. 2a).

    >>> no_disclosure()
    IntervalPartition({[0, 1]})
    """
    return IntervalPartition((Segment(_0, _1),))


def full_disclosure() -> IntervalPartition:
    """Full disclosure ``{{x} : x ∈ [0, 1]}`` (paper 000, §4.2, Fig. 3b; §4.3).

    >>> full_disclosure()
    IntervalPartition({{{x}: x ∈ [0, 1]}})
    """
    return IntervalPartition((Segment(_0, _1, True),))


def threshold_partition(
    *breakpoints: Any, revealed: Sequence[int] = ()
) -> IntervalPartition:
    """The partition of ``[0, 1]`` cut at the given breakpoints, pooled unless listed.

    Parameters
    ----------
    *breakpoints
        Strictly increasing interior breakpoints in ``(0, 1)``.
    revealed
        Indices of the segments (0-based, left to right) that are revealed.

    Examples
    --------
    >>> threshold_partition("1/2")                      # paper 000, §4.1 (Fig. 2b)
    IntervalPartition({[0, 1/2], [1/2, 1]})
    >>> threshold_partition("1/3", "2/3")               # Fig. 3c
    IntervalPartition({[0, 1/3], [1/3, 2/3], [2/3, 1]})
    >>> threshold_partition("1/2", revealed=[0])
    IntervalPartition({{{x}: x ∈ [0, 1/2]}, [1/2, 1]})
    """
    pts = [_0, *(Q(b, f"breakpoints[{i}]", func="threshold_partition")
                 for i, b in enumerate(breakpoints)), _1]
    for i in range(1, len(pts)):
        if pts[i] <= pts[i - 1]:
            raise PartitionError(
                "threshold_partition(): breakpoints must be strictly increasing inside (0, 1); "
                f"got {', '.join(fraction_str(p) for p in pts[1:-1])}"
            )
    nseg = len(pts) - 1
    for r in revealed:
        if not 0 <= r < nseg:
            raise PartitionError(
                f"threshold_partition(): revealed index {r} is not a segment index 0..{nseg - 1}"
            )
    segs = [
        (pts[i], pts[i + 1], "revealed" if i in set(revealed) else "pooled") for i in range(nseg)
    ]
    return interval_partition(segs, name="breakpoints", func="threshold_partition")
