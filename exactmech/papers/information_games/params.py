"""Parameters θ of paper 004's two-type bilateral trade model and its closed forms (§2–§3, §5).

Model (paper 004, §2.1): a buyer with value ``b ∈ {b̲, b̄}`` and a seller with value
``s ∈ {s̲, s̄}``, independent, ``P(b = b̄) = p_b̄`` and ``P(s = s̲) = p_s̲``, ordered
``s̲ < b̲ < s̄ < b̄``. Trade is efficient at ``(b̲, s̲)``, ``(b̄, s̲)``, ``(b̄, s̄)`` and not
at ``(b̲, s̄)``.

This module owns θ (:class:`TradeParams`) and the paper's closed forms in θ:

* first-best welfare (§2.2, eq. (2.1) with ``q = 1`` where trade is efficient);
* the dominant-strategy optimum ``W_DS`` (Lemma 2.1, cases (a) and (b)) and the margin
  that decides the case;
* the flexible-price guarantee ``W_FP`` (§3.2) and the thresholds ``p*_b̄``, ``p*_s̲``;
* ``λ`` of §5.3 (Table 4) and Appendix C;
* the Figure 5 regions I, II, II′, III, III′ (written ``"II'"``, ``"III'"``) and the main
  theorem's value ``W*(θ)`` (Theorems 3.2, 3.3);
* the mirror image θ′ that swaps buyer and seller (used for regions II′ and III′).

Readings chosen (the seed text's Lemma 2.1 lost its bars: its condition prints
``(b̲−s̲)/(b̲−b̲)`` and ``(b̄−s̄)/(s̄−s̄)``): case (a) is
``p_b̲ p_s̲ (b̲−s̲)/(b̄−b̲) ≥ p_b̄ p_s̄ (b̄−s̄)/(s̄−s̲)``, the form printed in §5.3 and the
one the proof in Appendix D uses. On that curve both cases hold and ``W_DS`` is the same;
:func:`ds_case` then answers ``"a"`` (Lemma 2.1(a) holds with ``≥``), while the region
classifier puts the curve in region III (§5.3 defines III with ``≤``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction

from exactmech.errors import DistributionError, InvalidProblemError
from exactmech.numbers import Q, RationalLike, fraction_str

__all__ = [
    "REGIONS",
    "TradeParams",
    "ds_case",
    "ds_case_margin",
    "first_best",
    "lam",
    "mirror_params",
    "optimal_mechanism_kind",
    "p_star_b_hi",
    "p_star_s_lo",
    "region",
    "region_grid",
    "w_ds",
    "w_ds_a",
    "w_ds_b",
    "w_fp",
    "w_star",
]

#: The five regions of Figure 5, in the paper's order (primes written ``'``).
REGIONS = ("I", "II", "II'", "III", "III'")


@dataclass(frozen=True)
class TradeParams:
    """θ = (s̲, b̲, s̄, b̄, p_b̄, p_s̲) of paper 004, §2.1, validated.

    Parameters
    ----------
    s_lo, b_lo, s_hi, b_hi
        The values, strictly ordered ``s̲ < b̲ < s̄ < b̄`` (paper 004, §2.1).
    p_b_hi, p_s_lo
        ``P(b = b̄)`` and ``P(s = s̲)``, each strictly between 0 and 1.

    Every argument goes through :func:`exactmech.Q` (ints, Fractions, ``"3/4"``, ``"0.25"``;
    floats raise :class:`~exactmech.errors.FloatInputError`).

    Examples
    --------
    >>> th = TradeParams(1, 2, 3, 4, "1/2", "1/4")      # Appendix E.1
    >>> th.p_b_lo, th.p_s_hi
    (Fraction(1, 2), Fraction(3, 4))
    >>> th
    TradeParams(s_lo=1, b_lo=2, s_hi=3, b_hi=4, p_b_hi=1/2, p_s_lo=1/4)
    >>> TradeParams(1, 3, 2, 4, "1/2", "1/2")
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: TradeParams(): values must satisfy
        s_lo < b_lo < s_hi < b_hi (paper 004, §2.1); got b_lo=3 >= s_hi=2
    >>> TradeParams(1, 2, 3, 4, 1, "1/2")
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: TradeParams(): p_b_hi=1 must lie strictly between
        0 and 1 (paper 004, §2.1: all probabilities are positive)
    """

    s_lo: Fraction
    b_lo: Fraction
    s_hi: Fraction
    b_hi: Fraction
    p_b_hi: Fraction
    p_s_lo: Fraction

    def __init__(
        self,
        s_lo: RationalLike,
        b_lo: RationalLike,
        s_hi: RationalLike,
        b_hi: RationalLike,
        p_b_hi: RationalLike,
        p_s_lo: RationalLike,
    ) -> None:
        func = "TradeParams"
        vals = {
            "s_lo": Q(s_lo, "s_lo", func=func),
            "b_lo": Q(b_lo, "b_lo", func=func),
            "s_hi": Q(s_hi, "s_hi", func=func),
            "b_hi": Q(b_hi, "b_hi", func=func),
        }
        names = list(vals)
        for lo, hi in itertools.pairwise(names):
            if not vals[lo] < vals[hi]:
                raise InvalidProblemError(
                    f"{func}(): values must satisfy s_lo < b_lo < s_hi < b_hi (paper 004, §2.1); "
                    f"got {lo}={fraction_str(vals[lo])} >= {hi}={fraction_str(vals[hi])}"
                )
        probs = {"p_b_hi": Q(p_b_hi, "p_b_hi", func=func), "p_s_lo": Q(p_s_lo, "p_s_lo", func=func)}
        for name, p in probs.items():
            if not 0 < p < 1:
                raise DistributionError(
                    f"{func}(): {name}={fraction_str(p)} must lie strictly between 0 and 1 "
                    "(paper 004, §2.1: all probabilities are positive)"
                )
        for name, v in {**vals, **probs}.items():
            object.__setattr__(self, name, v)

    @property
    def p_b_lo(self) -> Fraction:
        """``p_b̲ = 1 − p_b̄``."""
        return 1 - self.p_b_hi

    @property
    def p_s_hi(self) -> Fraction:
        """``p_s̄ = 1 − p_s̲``."""
        return 1 - self.p_s_lo

    @property
    def values(self) -> tuple[Fraction, Fraction, Fraction, Fraction]:
        """``(s̲, b̲, s̄, b̄)`` in the paper's order."""
        return (self.s_lo, self.b_lo, self.s_hi, self.b_hi)

    def prob_b(self, b: Fraction) -> Fraction:
        """``P(b)`` for a buyer value ``b ∈ {b̲, b̄}``."""
        if b == self.b_hi:
            return self.p_b_hi
        if b == self.b_lo:
            return self.p_b_lo
        raise InvalidProblemError(f"TradeParams.prob_b(): {b} is not a buyer value of {self}")

    def prob_s(self, s: Fraction) -> Fraction:
        """``P(s)`` for a seller value ``s ∈ {s̲, s̄}``."""
        if s == self.s_lo:
            return self.p_s_lo
        if s == self.s_hi:
            return self.p_s_hi
        raise InvalidProblemError(f"TradeParams.prob_s(): {s} is not a seller value of {self}")

    def with_probabilities(self, p_b_hi: RationalLike, p_s_lo: RationalLike) -> TradeParams:
        """The same values with new probabilities (a point of the Figure 2/5 square)."""
        return TradeParams(self.s_lo, self.b_lo, self.s_hi, self.b_hi, p_b_hi, p_s_lo)

    def __repr__(self) -> str:
        parts = ", ".join(
            f"{k}={fraction_str(getattr(self, k))}"
            for k in ("s_lo", "b_lo", "s_hi", "b_hi", "p_b_hi", "p_s_lo")
        )
        return f"TradeParams({parts})"


def first_best(th: TradeParams) -> Fraction:
    """First-best welfare: eq. (2.1) with trade exactly where ``b > s`` (paper 004, §2.2).

    >>> first_best(TradeParams(1, 2, 3, 4, "3/4", "1/2"))
    Fraction(13, 8)
    """
    return (
        th.p_b_lo * th.p_s_lo * (th.b_lo - th.s_lo)
        + th.p_b_hi * th.p_s_lo * (th.b_hi - th.s_lo)
        + th.p_b_hi * th.p_s_hi * (th.b_hi - th.s_hi)
    )


def p_star_b_hi(th: TradeParams) -> Fraction:
    """``p*_b̄ = (b̲ − s̲)/(b̄ − s̲)`` (paper 004, §3.2).

    >>> p_star_b_hi(TradeParams(1, 2, 3, 4, "1/2", "1/4"))
    Fraction(1, 3)
    """
    return (th.b_lo - th.s_lo) / (th.b_hi - th.s_lo)


def p_star_s_lo(th: TradeParams) -> Fraction:
    """``p*_s̲ = (b̄ − s̄)/(b̄ − s̲)`` (paper 004, §3.2).

    >>> p_star_s_lo(TradeParams(1, 2, 3, 4, "1/2", "1/4"))
    Fraction(1, 3)
    """
    return (th.b_hi - th.s_hi) / (th.b_hi - th.s_lo)


def lam(th: TradeParams) -> Fraction:
    """``λ = (p_b̲/p_b̄)·(b̲ − s̲)/(b̄ − b̲)`` (paper 004, §5.3; Appendix C, proof of Lemma 5.2).

    ``λ ∈ (0, 1)`` exactly when ``p_b̄ > p*_b̄``.

    >>> lam(TradeParams(1, 2, 3, 4, "3/4", "1/2"))        # Appendix E.3
    Fraction(1, 6)
    """
    return th.p_b_lo / th.p_b_hi * (th.b_lo - th.s_lo) / (th.b_hi - th.b_lo)


def ds_case_margin(th: TradeParams) -> Fraction:
    """``p_b̲ p_s̲ (b̲−s̲)/(b̄−b̲) − p_b̄ p_s̄ (b̄−s̄)/(s̄−s̲)``: Lemma 2.1's case test.

    Case (a) of Lemma 2.1 holds when the margin is ``≥ 0``, case (b) when ``≤ 0``
    (paper 004, §2.2; the form printed in §5.3). ``w_ds_a(θ) − w_ds_b(θ)`` equals
    ``(s̄ − b̲)`` times this margin.

    >>> ds_case_margin(TradeParams(1, 2, 3, 4, "3/4", "1/2"))
    Fraction(-1, 8)
    """
    return th.p_b_lo * th.p_s_lo * (th.b_lo - th.s_lo) / (
        th.b_hi - th.b_lo
    ) - th.p_b_hi * th.p_s_hi * (th.b_hi - th.s_hi) / (th.s_hi - th.s_lo)


def ds_case(th: TradeParams) -> str:
    """``"a"`` or ``"b"``: which side of Table 1 is the optimal dominant-strategy mechanism.

    Lemma 2.1 (paper 004, §2.2): ``"a"`` when :func:`ds_case_margin` ``≥ 0`` (on the curve
    ``= 0`` both are optimal), otherwise ``"b"``.

    >>> th = TradeParams(1, 2, 3, 4, "3/4", "1/2")
    >>> ds_case(th), ds_case(th.with_probabilities("1/4", "3/4"))
    ('b', 'a')
    """
    return "a" if ds_case_margin(th) >= 0 else "b"


def w_ds_a(th: TradeParams) -> Fraction:
    """Welfare of Table 1 (left): Lemma 2.1(a)'s ``W_DS`` formula (paper 004, §2.2).

    ``p_b̲p_s̲(b̲−s̲) + p_b̄p_s̲(b̄−s̲) + p_b̄p_s̄(b̄−s̄)(b̲−s̲)/(s̄−s̲)``.
    """
    return (
        th.p_b_lo * th.p_s_lo * (th.b_lo - th.s_lo)
        + th.p_b_hi * th.p_s_lo * (th.b_hi - th.s_lo)
        + th.p_b_hi * th.p_s_hi * (th.b_hi - th.s_hi) * (th.b_lo - th.s_lo) / (th.s_hi - th.s_lo)
    )


def w_ds_b(th: TradeParams) -> Fraction:
    """Welfare of Table 1 (right): Lemma 2.1(b)'s ``W_DS`` formula (paper 004, §2.2).

    ``p_b̲p_s̲(b̄−s̄)(b̲−s̲)/(b̄−b̲) + p_b̄p_s̲(b̄−s̲) + p_b̄p_s̄(b̄−s̄)``.
    """
    return (
        th.p_b_lo * th.p_s_lo * (th.b_hi - th.s_hi) * (th.b_lo - th.s_lo) / (th.b_hi - th.b_lo)
        + th.p_b_hi * th.p_s_lo * (th.b_hi - th.s_lo)
        + th.p_b_hi * th.p_s_hi * (th.b_hi - th.s_hi)
    )


def w_ds(th: TradeParams) -> Fraction:
    """``W_DS``: the best welfare of a dominant-strategy mechanism (Lemma 2.1, paper 004).

    The formula of the case given by :func:`ds_case` (equal to ``max(w_ds_a, w_ds_b)``).

    >>> w_ds(TradeParams(1, 2, 3, 4, "1/2", "1/4")), w_ds(TradeParams(1, 2, 3, 4, "3/4", "1/2"))
    (Fraction(13, 16), Fraction(25, 16))
    """
    return w_ds_a(th) if ds_case(th) == "a" else w_ds_b(th)


def w_fp(th: TradeParams) -> Fraction:
    """``W_FP = p_s̲(b̲ − s̲) + p_b̄(b̄ − s̄)``: the flexible-price guarantee (paper 004, §3.2).

    >>> w_fp(TradeParams(1, 2, 3, 4, "1/2", "1/4"))
    Fraction(3, 4)
    """
    return th.p_s_lo * (th.b_lo - th.s_lo) + th.p_b_hi * (th.b_hi - th.s_hi)


def region(th: TradeParams) -> str:
    """The Figure 5 region of θ: ``"I"``, ``"II"``, ``"II'"``, ``"III"`` or ``"III'"``.

    Paper 004, §5 and proof of Theorem 3.2 (Appendix D):

    * I: ``p_b̄ ≤ p*_b̄`` and ``p_s̲ ≤ p*_s̲`` (§5.1);
    * II: ``p_b̄ > p*_b̄`` and ``p_s̲ ≤ p*_s̲``; II′: ``p_s̲ > p*_s̲`` and ``p_b̄ ≤ p*_b̄`` (§5.2);
    * III: both above and Lemma 2.1(b)'s condition (margin ``≤ 0``); III′: both above and
      margin ``> 0`` (§5.3; "otherwise, we are in region III′").

    The five sets partition the open unit square of ``(p_b̄, p_s̲)``.

    >>> region(TradeParams(1, 2, 3, 4, "1/2", "1/4")), region(TradeParams(1, 2, 3, 4, "3/4", "1/2"))
    ('II', 'III')
    """
    hi_b = th.p_b_hi > p_star_b_hi(th)
    lo_s = th.p_s_lo > p_star_s_lo(th)
    if not hi_b and not lo_s:
        return "I"
    if hi_b and not lo_s:
        return "II"
    if lo_s and not hi_b:
        return "II'"
    return "III" if ds_case_margin(th) <= 0 else "III'"


def w_star(th: TradeParams) -> Fraction:
    """``W*(θ)``: the best welfare guarantee of any mechanism (Theorems 3.2, 3.3, paper 004).

    ``W_FP`` in region I, ``W_DS`` elsewhere; equal to ``max(W_FP, W_DS)`` (Proposition 3.1).
    A pure function of θ, for sweeps over the ``(p_b̄, p_s̲)`` square.

    >>> w_star(TradeParams(1, 2, 3, 5, "1/10", "1/5"))       # region I: W_FP
    Fraction(2, 5)
    """
    return w_fp(th) if region(th) == "I" else w_ds(th)


def optimal_mechanism_kind(th: TradeParams) -> str:
    """Which mechanism attains ``W*(θ)``: ``"flexible-price"``, ``"DS (a)"`` or ``"DS (b)"``.

    Theorem 3.3 (paper 004): the flexible-price mechanism in region I (either side offering),
    otherwise the dominant-strategy mechanism of Lemma 2.1's case (Table 1).

    >>> optimal_mechanism_kind(TradeParams(1, 2, 3, 4, "1/2", "1/4"))
    'DS (b)'
    """
    if region(th) == "I":
        return "flexible-price"
    return f"DS ({ds_case(th)})"


def mirror_params(th: TradeParams) -> TradeParams:
    """θ′ with buyer and seller exchanged (the symmetry behind regions II′ and III′, §5).

    With ``c = b̄ + s̲``, the mirrored buyer has value ``c − s`` and the mirrored seller
    ``c − b``; so ``θ′ = (s̲, b̄+s̲−s̄, b̄+s̲−b̲, b̄, p_s̲, p_b̄)``. Gains from trade
    ``b − s`` are unchanged; a mechanism ``(q, t)`` maps to ``(q, c·q − t)``. The map is an
    involution; it swaps ``p*_b̄ ↔ p*_s̲``, Lemma 2.1's cases (a) ↔ (b) and regions
    II ↔ II′, III ↔ III′ (off the DS-case curve).

    >>> mirror_params(TradeParams(1, 2, 3, 5, "1/5", "1/2"))
    TradeParams(s_lo=1, b_lo=3, s_hi=4, b_hi=5, p_b_hi=1/2, p_s_lo=1/5)
    """
    c = th.b_hi + th.s_lo
    return TradeParams(c - th.b_hi, c - th.s_hi, c - th.b_lo, c - th.s_lo, th.p_s_lo, th.p_b_hi)


def region_grid(th: TradeParams, n: int) -> list[tuple[Fraction, Fraction, str]]:
    """The Figure 2/5 picture: the region of every interior grid point of the unit square.

    Returns ``(p_b̄, p_s̲, region)`` for ``p_b̄, p_s̲ ∈ {1/n, …, (n−1)/n}`` with the values of
    ``th`` (its probabilities are ignored). Paper 004, Figures 2, 3 and 5.

    >>> [r for _, _, r in region_grid(TradeParams(1, 2, 3, 5, "1/2", "1/2"), 4)]
    ['I', 'I', "II'", 'II', 'II', 'III', 'II', 'II', 'III']
    """
    if not isinstance(n, int) or n < 2:
        raise InvalidProblemError(f"region_grid(): n={n!r} must be an integer >= 2")
    out = []
    for i in range(1, n):
        for j in range(1, n):
            pt = th.with_probabilities(Fraction(i, n), Fraction(j, n))
            out.append((pt.p_b_hi, pt.p_s_lo, region(pt)))
    return out
