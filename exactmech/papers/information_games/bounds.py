"""Appendix C's sub-bounds as rows, and one point of the Figure 5 square (paper 004, §5, App. C).

* :func:`appendix_c_bounds`: the inequalities (C.1), (C.2), (C.5), (C.8), (C.9) at θ — the
  exact LP maximum of each left side (over direct mechanisms on the structure it concerns),
  the right side the proof derives (corrected where the printed one is wrong), and the
  printed right side, with the hypothesis under which the paper states it;
* :func:`figure5_point`: everything a sweep over the ``(p_b̄, p_s̲)`` square needs at one θ
  (region, ``W_FP``, ``W_DS``, ``W*``, optionally the extortion LP's value), a pure
  function of θ.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from exactmech.papers.information_games.extortion import extortion_bound, max_weighted_utility
from exactmech.papers.information_games.params import (
    TradeParams,
    ds_case_margin,
    lam,
    p_star_b_hi,
    p_star_s_lo,
    region,
    w_ds,
    w_fp,
    w_star,
)
from exactmech.papers.information_games.structures import (
    StructureList,
    table3_structures,
    table4_structures,
)

__all__ = ["BoundRow", "appendix_c_bounds", "figure5_point"]


@dataclass(frozen=True)
class BoundRow:
    """One inequality of Appendix C at θ.

    Attributes
    ----------
    name
        ``"C.1"``, ``"C.2"``, ``"C.5"``, ``"C.8"`` or ``"C.9"``.
    hypothesis_holds
        Whether θ satisfies the hypothesis under which the paper proves it.
    lp_value
        The exact maximum of the left side over direct mechanisms.
    derived
        The right side as the proof derives it (for C.8, C.9: with ``λ``, see the errata).
    printed
        The printed right side evaluated at θ.
    """

    name: str
    hypothesis_holds: bool
    lp_value: Fraction
    derived: Fraction
    printed: Fraction


def appendix_c_bounds(th: TradeParams) -> list[BoundRow]:
    """The sub-bounds of Appendix C at θ, with LP maxima and derived/printed right sides.

    (C.1) (hypothesis ``p_s̲ ≤ p*_s̲``), (C.2) (``p_b̄ ≤ p*_b̄``) on Table 3's ``S¹``, ``S²``;
    when ``λ ∈ (0, 1)`` (``p_b̄ > p*_b̄``): (C.5) on Table 3's ``S²``, (C.8) on Table 4's
    ``S¹`` (hypothesis (C.7), Lemma 2.1(b)'s condition) and (C.9) on Table 4's ``S²``.
    Whenever the hypothesis holds, ``lp_value == derived`` (property-tested): each bound is
    attained. The printed (C.8), (C.9) differ (errata ``004.E2.C8``, ``004.E2.C9``).

    >>> [(r.name, str(r.lp_value), str(r.printed)) for r in appendix_c_bounds(
    ...     TradeParams(1, 2, 3, 4, "3/4", "1/2")) if r.name in ("C.8", "C.9")]
    [('C.8', '11/8', '3/8'), ('C.9', '3/16', '9/16')]
    """
    from exactmech.papers.information_games.symbolic import at, printed

    rows: list[BoundRow] = []
    L3 = table3_structures(th)
    pb, ps = th.p_b_hi, th.p_s_lo
    rows.append(
        BoundRow(
            "C.1", ps <= p_star_s_lo(th),
            max_weighted_utility(L3, {(0, "b_hi"): 1, (0, "s_hi"): 1}).value,
            pb * (th.b_hi - th.s_hi), at(printed("C1_rhs"), th),
        )
    )  # fmt: skip
    rows.append(
        BoundRow(
            "C.2", pb <= p_star_b_hi(th),
            max_weighted_utility(L3, {(1, "b_lo"): 1, (1, "s_lo"): 1}).value,
            ps * (th.b_lo - th.s_lo), at(printed("C2_rhs"), th),
        )
    )  # fmt: skip
    lm = lam(th)
    if not 0 < lm < 1:
        return rows
    w5 = {(1, "b_lo"): 1, (1, "b_hi"): 1 - lm, (1, "s_lo"): 1, (1, "s_hi"): 1 - lm}
    d5 = pb * ps * (th.b_hi - th.s_lo) + (1 - lm) * pb * th.p_s_hi * (th.b_hi - th.s_hi)
    rows.append(
        BoundRow(
            "C.5", True,  # the proof needs only λ ∈ (0, 1)
            max_weighted_utility(L3, w5).value, d5, at(printed("C5_rhs"), th),
        )
    )  # fmt: skip
    L4 = table4_structures(th)
    c7 = ds_case_margin(th) <= 0  # (C.7): Lemma 2.1(b)'s condition
    w8 = {(0, "hi,lo", "S"): (1 - lm) * pb * ps}
    d8 = (
        pb * th.p_s_hi * (th.b_hi - th.s_hi)
        + pb * ps * (th.b_hi - th.s_lo)
        - lm * pb * ps * (th.s_hi - th.s_lo)
    )
    rows.append(
        BoundRow(
            "C.8", c7,
            max_weighted_utility(
                StructureList([L4.structures[0]]), {(0, "b_hi"): 1, (0, "s_hi"): 1}, w8
            ).value,
            d8, at(printed("C8_rhs"), th),
        )
    )  # fmt: skip
    w9 = {(0, "lo,lo", "S"): th.p_b_lo * ps, (0, "hi,lo", "S"): lm * pb * ps}
    rows.append(
        BoundRow(
            "C.9", True,  # the proof needs only λ ∈ (0, 1)
            max_weighted_utility(StructureList([L4.structures[1]]), {(0, "b_lo"): 1}, w9).value,
            lm * pb * ps * (th.b_hi - th.s_lo), at(printed("C9_rhs"), th),
        )
    )  # fmt: skip
    return rows


def figure5_point(th: TradeParams, *, lp: bool = False) -> dict[str, object]:
    """One point of the Figure 5 square: region, ``W_FP``, ``W_DS``, ``W*`` (paper 004, §5).

    With ``lp=True`` also ``"lp"``: the extortion LP's value on the region's list (equal to
    ``W*``, Theorems 3.2–3.3). A pure function of θ, for sweeps and figures.

    >>> p = figure5_point(TradeParams(1, 2, 3, 5, "1/10", "1/5"), lp=True)
    >>> p["region"], p["w_star"], p["lp"]
    ('I', Fraction(2, 5), Fraction(2, 5))
    """
    out: dict[str, object] = {
        "p_b_hi": th.p_b_hi,
        "p_s_lo": th.p_s_lo,
        "region": region(th),
        "w_fp": w_fp(th),
        "w_ds": w_ds(th),
        "w_star": w_star(th),
    }
    if lp:
        out["lp"] = extortion_bound(th).value
    return out
