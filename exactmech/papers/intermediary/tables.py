"""The tables of paper 001 as exact rows, with the paper's printed values alongside.

Each function returns a list of small frozen dataclasses (one per row) for the reports work
(:mod:`exactmech.report`). Fields ending in ``_paper`` hold what the paper prints (``None``
where it prints nothing); the other fields are computed through the public API.

* :func:`example1_table` — §2.2, Example 1 (the BBM signals of :math:`\\langle\\frac13,
  \\frac13, \\frac13\\rangle`).
* :func:`proposition1_table` — §3, Proposition 1 (one signal per case region).
* :func:`theorem1_table`, :func:`theorem2_table` — §3, the instances behind Theorems 1 and 2.
* :func:`algorithm4_table` — §5.1.1, Algorithm 4's weights and Lemma 5's weight-sum bound.
* :func:`rank_table` — §4, CS(RANK_t) against Lemma 3, per ``t``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from exactmech.dist import Discrete, bbm_segmentation, posted_price_outcome
from exactmech.numbers import Q
from exactmech.papers.intermediary.lemmas import harmonic, lemma3_bound
from exactmech.papers.intermediary.model import ProductPrior
from exactmech.papers.intermediary.schemes import algorithm4_weights, rank_consumer_surplus
from exactmech.papers.intermediary.section3 import (
    TwoPointInstance,
    best_consumer_surplus,
    efficient_best_consumer_surplus,
    proposition1_cases,
    proposition1_cs,
    theorem1_instance,
    theorem2_instance,
    theorem2_quantities,
)

__all__ = [
    "Algorithm4Row",
    "Example1Row",
    "Proposition1Row",
    "RankRow",
    "Theorem1Row",
    "Theorem2Row",
    "algorithm4_table",
    "example1_table",
    "proposition1_table",
    "rank_table",
    "theorem1_table",
    "theorem2_table",
]

F = Fraction


@dataclass(frozen=True)
class Example1Row:
    """One BBM signal of Example 1 (paper 001, §2.2)."""

    signal: int
    weight: Fraction
    weight_paper: Fraction
    posterior: tuple[Fraction, ...]
    posterior_paper: tuple[Fraction, ...]
    price: Fraction
    revenue: Fraction
    consumer_surplus: Fraction


_EX1_PAPER = (
    (F(2, 3), (F(1, 2), F(1, 6), F(1, 3))),
    (F(1, 6), (F(0), F(1, 3), F(2, 3))),
    (F(1, 6), (F(0), F(1), F(0))),
)


def example1_table() -> list[Example1Row]:
    """Example 1: :math:`\\mathcal D = \\langle\\frac13,\\frac13,\\frac13\\rangle` on {1, 2, 3}.

    Examples
    --------
    >>> rows = example1_table()
    >>> [(r.weight == r.weight_paper, r.posterior == r.posterior_paper) for r in rows]
    [(True, True), (True, True), (True, True)]
    >>> rows[0].price, rows[0].consumer_surplus
    (Fraction(1, 1), Fraction(5, 6))
    """
    Z = bbm_segmentation(Discrete([1, 2, 3], ["1/3", "1/3", "1/3"]))
    rows = []
    for q, ((w, S), (wp, sp)) in enumerate(zip(Z, _EX1_PAPER), start=1):
        out = posted_price_outcome(S)
        rows.append(
            Example1Row(q, w, wp, S.probs, sp, out.price, out.revenue, out.consumer_surplus)
        )
    return rows


@dataclass(frozen=True)
class Proposition1Row:
    """One signal :math:`s = (\\alpha', \\beta')` of Proposition 1 (paper 001, §3).

    ``printed_cs`` maps each applicable case to the CS the proposition prints;
    ``cs_sender`` is the seller's sender-preferred auction, ``cs_index`` Algorithm 1 with
    index tie-breaking.
    """

    alpha_s: Fraction
    beta_s: Fraction
    phi1_b: Fraction | None
    phi2_d: Fraction | None
    cases: tuple[int, ...]
    printed_cs: dict[int, Fraction]
    cs_sender: Fraction
    cs_index: Fraction


def _default_signals(inst: TwoPointInstance) -> list[tuple[Fraction, Fraction]]:
    xc = inst.family1_alpha()
    xd, x0 = inst.family2_range()
    return [
        (xc / 2, F(1, 2)),  # case 1
        ((x0 + 1) / 2, inst.beta / 2),  # case 2 (phi1(b) < 0 < phi2(d))
        ((x0 + 1) / 2, (inst.beta + 1) / 2),  # case 3
        ((xc + xd) / 2, F(1, 2)),  # case 4
        (inst.alpha, inst.beta),  # no signal: cases 2, 3, 4 meet
        (xd, F(0)),  # Theorem 5 (2) endpoint: cases 2 and 4 meet
        (xc, F(1)),  # Theorem 5 (1)
    ]


def proposition1_table(
    inst: TwoPointInstance | None = None, signals: Sequence[tuple[Any, Any]] | None = None
) -> list[Proposition1Row]:
    """Proposition 1's cases at a few signals (default: Theorem 2's instance, δ = 1/4).

    Examples
    --------
    >>> rows = proposition1_table()
    >>> [r.cases for r in rows]
    [(1,), (2,), (3,), (4,), (2, 3, 4), (2, 4), (1, 4)]
    >>> all(r.cs_sender == max(r.printed_cs.values()) for r in rows)
    True
    """
    inst = theorem2_instance("1/4") if inst is None else inst
    sigs = _default_signals(inst) if signals is None else signals
    rows = []
    for x, y in sigs:
        x, y = Q(x, "alpha_s"), Q(y, "beta_s")
        cases = proposition1_cases(inst, x, y)
        rows.append(
            Proposition1Row(
                x,
                y,
                inst.phi1_b(x),
                inst.phi2_d(y),
                cases,
                {k: proposition1_cs(inst, k, x, y) for k in cases},
                inst.signal_cs(x, y),
                inst.signal_cs(x, y, tie="index"),
            )
        )
    return rows


@dataclass(frozen=True)
class Theorem2Row:
    """Theorem 2's instance at one :math:`\\delta` (paper 001, §3).

    ``opt_paper`` = :math:`2\\delta^2` and ``cs_paper`` = :math:`\\delta^2` are the printed
    leading terms (:math:`\\mathrm{OPT} = 2\\delta^2(1+o(1))`,
    :math:`\\mathrm{CS} \\le \\delta^2(1+o(1))`); ``ratio_paper`` is the printed limit 1/2.
    ``best_lower``/``best_upper`` bound :math:`\\sup_{\\mathcal Z}\\mathrm{CS}(\\mathcal Z)`
    (an explicit scheme and a verified dual certificate); ``best_closed_form`` is
    :math:`\\delta^2 + \\delta^3(2-\\delta)/(1-\\delta)`.
    """

    delta: Fraction
    opt: Fraction
    opt_paper: Fraction
    best_lower: Fraction
    best_upper: Fraction | None
    best_closed_form: Fraction
    cs_paper: Fraction
    ratio: Fraction | None
    ratio_paper: Fraction


def _fraction(expr: Any) -> Fraction:
    return Fraction(int(expr.p), int(expr.q))


def theorem2_table(deltas: Sequence[Any] = ("1/4", "1/10", "1/20")) -> list[Theorem2Row]:
    """The best achievable consumer surplus on Theorem 2's instance, exactly.

    Examples
    --------
    >>> [(r.delta, r.best_lower, r.ratio) for r in theorem2_table(["1/4"])]
    [(Fraction(1, 4), Fraction(19, 192), Fraction(19, 28))]
    """
    rows = []
    for dl in deltas:
        d = Q(dl, "delta", func="theorem2_table")
        best = best_consumer_surplus(theorem2_instance(d))
        closed = _fraction(theorem2_quantities(d)["best_cs"])
        rows.append(
            Theorem2Row(
                d,
                best.opt,
                2 * d * d,
                best.lower,
                best.upper,
                closed,
                d * d,
                best.ratio,
                F(1, 2),
            )
        )
    return rows


@dataclass(frozen=True)
class Theorem1Row:
    """Theorem 1 at one :math:`\\varepsilon` (paper 001, §3): the best CS of an efficient
    scheme against :math:`\\mathrm{CS}(\\mathcal D)`; the proof's limit is
    :math:`\\varepsilon/2` (``ratio_limit_paper``) and the theorem's bound :math:`\\varepsilon`."""

    epsilon: Fraction
    instance: TwoPointInstance
    cs_no_signal: Fraction
    efficient_best: Fraction
    ratio: Fraction
    ratio_limit_paper: Fraction
    bound_paper: Fraction


def theorem1_table(epsilons: Sequence[Any] = ("1", "1/2", "1/5", "1/10")) -> list[Theorem1Row]:
    """Theorem 1's bound on concrete instances (:func:`theorem1_instance` defaults).

    Examples
    --------
    >>> all(r.ratio < r.bound_paper for r in theorem1_table(["1/2"]))
    True
    """
    rows = []
    for e in epsilons:
        eps = Q(e, "epsilon", func="theorem1_table")
        inst = theorem1_instance(eps)
        cs = inst.prior().consumer_surplus()
        best = efficient_best_consumer_surplus(inst)
        rows.append(Theorem1Row(eps, inst, cs, best, best / cs, eps / 2, eps))
    return rows


@dataclass(frozen=True)
class Algorithm4Row:
    """Algorithm 4's weights for ``n`` buyers (paper 001, §5.1.1).

    ``weight_sum`` = :math:`\\sum_t w_t` (= ``harmonic_form`` = :math:`1 + H_{n-1}`, as the
    proof of Lemma 5 prints); ``printed_bound`` = :math:`1 + \\ln n` (sympy), which the proof
    claims is at least the sum — false for every :math:`n \\ge 2` (``bound_holds``).
    """

    n: int
    weights: tuple[Fraction, ...]
    weight_sum: Fraction
    harmonic_form: Fraction
    printed_bound: Any
    bound_holds: bool


def algorithm4_table(n_max: int = 8) -> list[Algorithm4Row]:
    """Algorithm 4's weights and the weight-sum bound of Lemma 5's proof, ``n = 1..n_max``.

    Examples
    --------
    >>> [(r.n, r.weight_sum, r.bound_holds) for r in algorithm4_table(3)]
    [(1, Fraction(1, 1), True), (2, Fraction(2, 1), False), (3, Fraction(5, 2), False)]
    """
    rows = []
    for n in range(1, n_max + 1):
        w = algorithm4_weights(n)
        total = sum(w, F(0))
        bound = 1 + sympy.log(n)
        holds = bool(sympy.Rational(total.numerator, total.denominator) <= bound)
        rows.append(Algorithm4Row(n, w, total, 1 + harmonic(n - 1), bound, holds))
    return rows


@dataclass(frozen=True)
class RankRow:
    """RANK_t on one prior (paper 001, §4): CS under the sender-preferred seller and under
    Algorithm 1's index rule, Lemma 3's lower bound, and Algorithm 4's weight."""

    t: int
    consumer_surplus: Fraction
    consumer_surplus_index_rule: Fraction
    lemma3_bound: Fraction
    algorithm4_weight: Fraction


def rank_table(prior: ProductPrior | None = None) -> list[RankRow]:
    """CS(RANK_t) against Lemma 3 for every ``t`` (default: two i.i.d. buyers with values
    {1, 2, 6} w.p. (1/4, 1/4, 1/2), where Lemma 3 is tight).

    Examples
    --------
    >>> [(r.t, r.consumer_surplus, r.consumer_surplus_index_rule, r.lemma3_bound)
    ...  for r in rank_table()]
    [(1, Fraction(1, 8), Fraction(1, 16), Fraction(1, 8)),
     (2, Fraction(3, 8), Fraction(3, 8), Fraction(3, 8))]
    """
    if prior is None:
        prior = ProductPrior([Discrete([1, 2, 6], ["1/4", "1/4", "1/2"])] * 2)
    w = algorithm4_weights(prior.n)
    return [
        RankRow(
            t,
            rank_consumer_surplus(prior, t),
            rank_consumer_surplus(prior, t, "index"),
            lemma3_bound(prior, t),
            w[t - 1],
        )
        for t in range(1, prior.n + 1)
    ]
