"""Information structures, lists and overlapping lists (paper 004, §4.1, §5, Tables 3–4).

An information structure (paper 004, §4.1) is ``(Ω, π, b, s, H_B, H_S, η_B, η_S)``: finitely
many states with positive probabilities whose value pairs follow the independent prior,
and a signal for each side in each state that determines that side's own value. Here a
state is ``(label, prob, b, s, signal_b, signal_s)`` with ``b, s ∈ {"lo", "hi"}``.

A *list* of structures is non-overlapping by default: each structure's signals are its
own. An *overlapping* list (§4.1) shares a signal label across structures; the paper's
consistency conditions are validated: a shared signal must carry the same own value and the
same conditional distribution over the other side's signals (over the union of the two
structures' signals) in every structure where it occurs.

Constructors: the structures of Table 3 (regions I, II, II′), Table 4 (region III,
overlapping through ``η_B³, η_S², η_S⁴``), their mirror image for region III′
(:func:`mirror_structure`), the no-information and full-information structures, and
:func:`region_structures` (the list the paper uses in each region of Figure 5).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from exactmech.errors import DistributionError, InvalidProblemError
from exactmech.numbers import Q, RationalLike, fraction_str
from exactmech.papers.information_games.params import TradeParams, lam, mirror_params, region

__all__ = [
    "InformationStructure",
    "State",
    "StructureList",
    "full_information_structure",
    "mirror_list",
    "mirror_structure",
    "no_information_structure",
    "region_structures",
    "table3_structures",
    "table4_structures",
]

_LEVELS = ("lo", "hi")
_0 = Fraction(0)


@dataclass(frozen=True)
class State:
    """One state ω: its label, ``π(ω)``, the values ``b(ω), s(ω)`` and the two signals."""

    label: str
    prob: Fraction
    b: str
    s: str
    signal_b: str
    signal_s: str


StateLike = State | tuple[str, RationalLike, str, str, str, str]


class InformationStructure:
    """A validated information structure of paper 004, §4.1.

    Parameters
    ----------
    th
        The model parameters (the prior the states must reproduce).
    states
        :class:`State` objects or tuples ``(label, prob, b, s, signal_b, signal_s)`` with
        ``b, s ∈ {"lo", "hi"}``.
    name
        A label for messages.

    Raises
    ------
    DistributionError
        A state with non-positive probability (π has full support), or value-pair masses
        that do not equal the prior ``p_b p_s``.
    InvalidProblemError
        Repeated state labels, values other than ``"lo"``/``"hi"``, or a signal that does not
        determine its owner's value.

    Examples
    --------
    >>> th = TradeParams(1, 2, 3, 4, "1/2", "1/4")
    >>> s1 = table3_structures(th).structures[0]
    >>> s1.buyer_signals, s1.prob_pair("B3", "S4")
    (('B1', 'B3', 'B2'), Fraction(1, 8))
    >>> InformationStructure(th, [("w", "1/2", "lo", "lo", "x", "y"),
    ...                           ("v", "1/2", "hi", "lo", "x", "z")])
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: InformationStructure(): the states give (b, s) = (lo, lo)
        probability 1/2 but the prior gives p_b p_s = 1/8 (paper 004, §3.1)
    """

    def __init__(self, th: TradeParams, states: Iterable[StateLike], name: str = "S") -> None:
        func = "InformationStructure"
        self.th = th
        self.name = name
        parsed: list[State] = []
        for raw in states:
            st = (
                raw
                if isinstance(raw, State)
                else State(
                    str(raw[0]),
                    Q(raw[1], f"prob of state {raw[0]!r}", func=func),
                    *map(str, raw[2:]),
                )
            )
            if st.b not in _LEVELS or st.s not in _LEVELS:
                raise InvalidProblemError(
                    f"{func}(): state {st.label!r} has values ({st.b}, {st.s}); use 'lo'/'hi'"
                )
            if st.prob <= 0:
                raise DistributionError(
                    f"{func}(): state {st.label!r} has probability {fraction_str(st.prob)}; "
                    "π must have full support (paper 004, §3.1)"
                )
            parsed.append(st)
        labels = [s.label for s in parsed]
        if len(set(labels)) != len(labels):
            dup = next(lbl for lbl in labels if labels.count(lbl) > 1)
            raise InvalidProblemError(f"{func}(): repeated state label {dup!r}")
        self.states: tuple[State, ...] = tuple(parsed)
        for b in _LEVELS:
            for s in _LEVELS:
                mass = sum((st.prob for st in parsed if st.b == b and st.s == s), _0)
                want = (th.p_b_lo if b == "lo" else th.p_b_hi) * (
                    th.p_s_lo if s == "lo" else th.p_s_hi
                )
                if mass != want:
                    raise DistributionError(
                        f"{func}(): the states give (b, s) = ({b}, {s}) probability "
                        f"{fraction_str(mass)} but the prior gives p_b p_s = {fraction_str(want)} "
                        "(paper 004, §3.1)"
                    )
        self._b_of: dict[str, str] = {}
        self._s_of: dict[str, str] = {}
        for st in parsed:
            for side, sig, val, table in (
                ("buyer", st.signal_b, st.b, self._b_of),
                ("seller", st.signal_s, st.s, self._s_of),
            ):
                if table.setdefault(sig, val) != val:
                    raise InvalidProblemError(
                        f"{func}(): {side} signal {sig!r} occurs with both values 'lo' and 'hi'; "
                        "a signal must determine its owner's value (paper 004, §4.1)"
                    )
        self.buyer_signals: tuple[str, ...] = tuple(self._b_of)
        self.seller_signals: tuple[str, ...] = tuple(self._s_of)
        self._pair: dict[tuple[str, str], Fraction] = {}
        for st in parsed:
            key = (st.signal_b, st.signal_s)
            self._pair[key] = self._pair.get(key, _0) + st.prob

    def b_of(self, signal_b: str) -> str:
        """``b(η_B)``: the buyer value a buyer signal reveals."""
        return self._b_of[signal_b]

    def s_of(self, signal_s: str) -> str:
        """``s(η_S)``: the seller value a seller signal reveals."""
        return self._s_of[signal_s]

    def prob_pair(self, signal_b: str, signal_s: str) -> Fraction:
        """``π(η_B, η_S)`` of eq. (4.1); 0 for a pair that never occurs."""
        return self._pair.get((signal_b, signal_s), _0)

    def prob_B(self, signal_b: str) -> Fraction:
        """``π(η_B)`` of eq. (4.1) (0 if the signal is not in ``H_B``)."""
        return sum((p for (b, _), p in self._pair.items() if b == signal_b), _0)

    def prob_S(self, signal_s: str) -> Fraction:
        """``π(η_S)`` of eq. (4.1) (0 if the signal is not in ``H_S``)."""
        return sum((p for (_, s), p in self._pair.items() if s == signal_s), _0)

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """Every signal pair of ``H_B × H_S`` (including pairs of probability 0)."""
        return tuple((b, s) for b in self.buyer_signals for s in self.seller_signals)

    def value_of(self, side: str, level: str) -> Fraction:
        """The number ``b̲``, ``b̄``, ``s̲`` or ``s̄`` for side ``"B"``/``"S"`` and a level."""
        th = self.th
        if side == "B":
            return th.b_lo if level == "lo" else th.b_hi
        return th.s_lo if level == "lo" else th.s_hi

    def __repr__(self) -> str:
        return f"InformationStructure({self.name!r}, {len(self.states)} states)"


class StructureList:
    """A list ``(S¹, …, S^K)`` of information structures, possibly overlapping (§4.1).

    Parameters
    ----------
    structures
        The structures (all with the same θ).
    overlapping
        If false (the default), every structure's signals are private to it (Lemmas 4.1,
        4.2). If true, equal signal labels in different structures are the same signal and
        the paper's consistency conditions are checked (Lemmas 4.3, 4.4).

    Raises
    ------
    InvalidProblemError
        An empty list, different θ, or (overlapping) a shared signal with different values
        or different conditional probabilities in two structures, named in the message.
    """

    def __init__(
        self, structures: Sequence[InformationStructure], overlapping: bool = False
    ) -> None:
        func = "StructureList"
        self.structures: tuple[InformationStructure, ...] = tuple(structures)
        if not self.structures:
            raise InvalidProblemError(f"{func}(): the list is empty")
        self.th = self.structures[0].th
        for k, S in enumerate(self.structures):
            if S.th != self.th:
                raise InvalidProblemError(
                    f"{func}(): structure {k + 1} has parameters {S.th}, not {self.th}"
                )
        self.overlapping = bool(overlapping)
        if self.overlapping:
            self._check_overlaps()

    def _check_overlaps(self) -> None:
        for k in range(len(self.structures)):
            for k2 in range(k + 1, len(self.structures)):
                for side in ("B", "S"):
                    self._check_shared(k, k2, side)

    def _check_shared(self, k: int, k2: int, side: str) -> None:
        """The §4.1 conditions for the ``side`` signals shared by structures ``k`` and ``k2``."""
        func = "StructureList"
        A, B = self.structures[k], self.structures[k2]
        who = "buyer" if side == "B" else "seller"

        def own(S: InformationStructure) -> tuple[str, ...]:
            return S.buyer_signals if side == "B" else S.seller_signals

        def others(S: InformationStructure) -> tuple[str, ...]:
            return S.seller_signals if side == "B" else S.buyer_signals

        def value(S: InformationStructure, sig: str) -> str:
            return S.b_of(sig) if side == "B" else S.s_of(sig)

        for sig in sorted(set(own(A)) & set(own(B))):
            if value(A, sig) != value(B, sig):
                raise InvalidProblemError(
                    f"{func}(): {who} signal {sig!r} reveals value {value(A, sig)!r} in "
                    f"structure {k + 1} but {value(B, sig)!r} in structure {k2 + 1} "
                    "(paper 004, §4.1)"
                )
            for o in sorted(set(others(A)) | set(others(B))):
                c1, c2 = _conditional(A, side, sig, o), _conditional(B, side, sig, o)
                if c1 != c2:
                    raise InvalidProblemError(
                        f"{func}(): overlapping {who} signal {sig!r} gives the other side's "
                        f"signal {o!r} probability {fraction_str(c1)} in structure {k + 1} but "
                        f"{fraction_str(c2)} in structure {k2 + 1}; a shared signal must "
                        "convey the same information (paper 004, §4.1)"
                    )

    def __len__(self) -> int:
        return len(self.structures)

    def __repr__(self) -> str:
        kind = "overlapping" if self.overlapping else "non-overlapping"
        return f"StructureList({len(self.structures)} structures, {kind})"


def _conditional(S: InformationStructure, side: str, sig: str, other: str) -> Fraction:
    if side == "B":
        return S.prob_pair(sig, other) / S.prob_B(sig)
    return S.prob_pair(other, sig) / S.prob_S(sig)


def _p(th: TradeParams, b: str, s: str) -> Fraction:
    return (th.p_b_lo if b == "lo" else th.p_b_hi) * (th.p_s_lo if s == "lo" else th.p_s_hi)


def _table3_s1(th: TradeParams) -> InformationStructure:
    return InformationStructure(
        th,
        [
            ("lo,hi", _p(th, "lo", "hi"), "lo", "hi", "B1", "S1"),
            ("hi,hi", _p(th, "hi", "hi"), "hi", "hi", "B3", "S2"),
            ("lo,lo", _p(th, "lo", "lo"), "lo", "lo", "B2", "S3"),
            ("hi,lo", _p(th, "hi", "lo"), "hi", "lo", "B3", "S4"),
        ],
        "S1",
    )


def table3_structures(th: TradeParams) -> StructureList:
    """The list ``(S¹, S²)`` of Table 3 (regions I, II, II′; paper 004, §5.1).

    ``S¹``: the seller knows the state; the buyer knows whether it is ``(b̲, s̄)``,
    ``(b̲, s̲)``, or that her value is ``b̄``. ``S²``: the buyer knows the state; the seller
    ``s̲`` does not know the buyer's value. Signals ``"B1"``…``"B7"``, ``"S1"``…``"S7"``
    as in the table (disjoint across the two, so overlapping or not is the same list);
    state labels ``"b,s"`` such as ``"hi,lo"``.
    """
    s2 = InformationStructure(
        th,
        [
            ("lo,hi", _p(th, "lo", "hi"), "lo", "hi", "B4", "S5"),
            ("hi,hi", _p(th, "hi", "hi"), "hi", "hi", "B6", "S6"),
            ("lo,lo", _p(th, "lo", "lo"), "lo", "lo", "B5", "S7"),
            ("hi,lo", _p(th, "hi", "lo"), "hi", "lo", "B7", "S7"),
        ],
        "S2",
    )
    return StructureList([_table3_s1(th), s2])


def table4_structures(th: TradeParams, overlapping: bool = True) -> StructureList:
    """The overlapping list ``(S¹, S²)`` of Table 4 (region III; paper 004, §5.3).

    ``S¹`` is Table 3's. In ``S²``, given ``b = b̄``, with probability ``1 − λ`` the seller is
    fully informed and the buyer not (states ``"hi',lo"``, ``"hi',hi"``, signals ``B3``,
    ``S4``, ``S2`` shared with ``S¹``); otherwise as Table 3's ``S²``. ``λ`` is
    :func:`~exactmech.papers.information_games.params.lam`; it must lie in ``(0, 1)``, i.e.
    ``p_b̄ > p*_b̄``. ``overlapping=False`` gives the same structures as a non-overlapping
    list (Appendix E.3).

    >>> L = table4_structures(TradeParams(1, 2, 3, 4, "3/4", "1/2"))
    >>> [(st.label, st.prob) for st in L.structures[1].states][:3]
    [('lo,hi', Fraction(1, 8)), ('hi,hi', Fraction(1, 16)), ("hi',hi", Fraction(5, 16))]
    """
    lm = lam(th)
    if not 0 < lm < 1:
        raise InvalidProblemError(
            f"table4_structures(): λ = {fraction_str(lm)} is not in (0, 1); Table 4 needs "
            "p_b_hi > p*_b_hi (paper 004, §5.3)"
        )
    s2 = InformationStructure(
        th,
        [
            ("lo,hi", _p(th, "lo", "hi"), "lo", "hi", "B4", "S5"),
            ("hi,hi", lm * _p(th, "hi", "hi"), "hi", "hi", "B6", "S6"),
            ("hi',hi", (1 - lm) * _p(th, "hi", "hi"), "hi", "hi", "B3", "S2"),
            ("lo,lo", _p(th, "lo", "lo"), "lo", "lo", "B5", "S7"),
            ("hi,lo", lm * _p(th, "hi", "lo"), "hi", "lo", "B7", "S7"),
            ("hi',lo", (1 - lm) * _p(th, "hi", "lo"), "hi", "lo", "B3", "S4"),
        ],
        "S2",
    )
    return StructureList([_table3_s1(th), s2], overlapping=overlapping)


def no_information_structure(th: TradeParams) -> InformationStructure:
    """Each side learns only her own value (the Bayesian problem of §2.3)."""
    return InformationStructure(
        th,
        [(f"{b},{s}", _p(th, b, s), b, s, f"b_{b}", f"s_{s}") for b in _LEVELS for s in _LEVELS],
        "no information",
    )


def full_information_structure(th: TradeParams) -> InformationStructure:
    """Both sides learn the value pair (first best is attainable, §2.3)."""
    return InformationStructure(
        th,
        [
            (f"{b},{s}", _p(th, b, s), b, s, f"{b},{s}", f"{b},{s}")
            for b in _LEVELS
            for s in _LEVELS
        ],
        "full information",
    )


_FLIP = {"lo": "hi", "hi": "lo"}


def mirror_structure(S: InformationStructure) -> InformationStructure:
    """``S`` with buyer and seller exchanged, for ``mirror_params(S.th)`` (paper 004, §5).

    The mirrored buyer observes the old seller's signal and has value ``c − s`` (level
    flipped), the mirrored seller observes the old buyer's signal; probabilities are
    unchanged. An involution (up to the structure's name).
    """
    th2 = mirror_params(S.th)
    return InformationStructure(
        th2,
        [
            State(st.label, st.prob, _FLIP[st.s], _FLIP[st.b], st.signal_s, st.signal_b)
            for st in S.states
        ],
        f"mirror of {S.name}",
    )


def mirror_list(L: StructureList) -> StructureList:
    """Every structure of ``L`` mirrored; overlapping stays overlapping."""
    return StructureList([mirror_structure(S) for S in L.structures], overlapping=L.overlapping)


def region_structures(th: TradeParams) -> StructureList:
    """The list the paper uses to bound the guarantee in θ's Figure 5 region (§5).

    Table 3 in regions I, II, II′ (Lemmas 5.1–5.3); Table 4 (overlapping) in region III
    (Lemma 5.4); the mirror image of Table 4 at the mirrored parameters in region III′
    (Lemma 5.5, "the mirror image of the one in Table 4").
    """
    r = region(th)
    if r in ("I", "II", "II'"):
        return table3_structures(th)
    if r == "III":
        return table4_structures(th)
    return mirror_list(table4_structures(mirror_params(th)))
