"""Claims of paper 000, §4: two ``U[0, 1]`` buyers disclosing by interval partitions.

Every value is recomputed through :mod:`exactmech.papers.disclosure_continuous`
(:func:`evaluate`, :func:`cell_outcome`, :func:`parametric_outcome`,
:func:`self_similar_outcome`, ...). The few §4.1 claims of :mod:`exactmech.claims.paper000`
(computed with :func:`exactmech.auctions.myerson_uniform`) stay there; the ids here are new.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from functools import cache

import sympy

from exactmech.calculus import Polygon
from exactmech.claims.core import Claim, Erratum
from exactmech.dist import Uniform, virtual_value
from exactmech.papers.disclosure_continuous import (
    ContinuousOutcome,
    IntervalPartition,
    ParametricOutcome,
    Segment,
    cell_outcome,
    cell_regions,
    evaluate,
    exhaustive_search,
    full_disclosure,
    grid_partitions,
    inefficiency,
    interim_outcome,
    no_disclosure,
    one_sided_threshold_family,
    outcome_at,
    paper_payoff_formula,
    parametric_outcome,
    self_similar_outcome,
    symmetric_threshold_family,
    theorem44_witness,
    threshold_partition,
    zeno_partition,
)

__all__ = ["CLAIMS"]

F = Fraction
T = sympy.Symbol("t")

ND = no_disclosure()
HL = threshold_partition(F(1, 2))
THIRDS = threshold_partition(F(1, 3), F(2, 3))
FULL = full_disclosure()
LOW, HIGH = HL.segments


@cache
def _out(name: str) -> ContinuousOutcome:
    pairs = {
        "2a": (ND, ND),
        "2b": (HL, HL),
        "3a": (HL, ND),
        "3b": (FULL, ND),
        "3c": (THIRDS, THIRDS),
        "full": (FULL, FULL),
    }
    return evaluate(*pairs[name])


@cache
def _zeno() -> ContinuousOutcome:
    z = zeno_partition()
    return self_similar_outcome(z, z)


@cache
def _family(name: str) -> ParametricOutcome:
    fam = symmetric_threshold_family if name == "symmetric" else one_sided_threshold_family
    return parametric_outcome(*fam(T), T, domain=(0, 1))


def _grid(n: int) -> IntervalPartition:
    """The uniform partition into ``n`` pooled intervals."""
    return threshold_partition(*[F(i, n) for i in range(1, n)])


def _lemma41() -> bool:
    """φ of every pooled segment of a 1/6-grid agrees with v − (1 − F)/f of exactmech.dist."""
    grid = [F(i, 6) for i in range(7)]
    for a in grid:
        for b in grid:
            if a < b:
                s = Segment(a, b)
                for v in (a, (a + b) / 2):
                    if s.phi[0] * v + s.phi[1] != virtual_value(Uniform(a, b), v):
                        return False
    return True


def _payoff_formula_agrees() -> bool:
    """§4.2's ∫_R (b − v_A) formula equals the threshold-payment utility on every pooled cell
    of the partitions into halves, thirds and quarters."""
    segs = {s for n in (2, 3, 4) for s in _grid(n).segments}
    return all(
        paper_payoff_formula(a, b) == cell_outcome(a, b, conditional=True).utilities[0]
        for a in segs
        for b in segs
    )


def _fig2b_triangle() -> Polygon:
    """The region of the top-left quadrant of Fig. 2b where A wins ("v_B < v_A + 1/4")."""
    (region,) = [r.polygon for r in cell_regions(LOW, HIGH) if r.owner == "A"]
    return region


def _refinement_decreases() -> bool:
    """A refines her partition (uniform grids of 2, 3, 4, 8, 16 intervals), B discloses
    nothing: E[U_A] and A's share E[U_A]/E[U] strictly decrease, to 0 under full disclosure."""
    outs = [evaluate(_grid(n), ND) for n in (2, 3, 4, 8, 16)]
    outs.append(_out("3b"))
    ua = [o.utilities[0] for o in outs]
    share = [o.utilities[0] / o.buyer_surplus for o in outs]
    return (
        all(x > y for x, y in itertools.pairwise(ua))
        and all(x > y for x, y in itertools.pairwise(share))
        and ua[-1] == 0
    )


def _theorem44_on_grid() -> bool:
    """Every pair of grid-1/4 interval partitions (pooled and revealed segments) with a pooled
    segment gets a witness of inefficiency; with none, nobody pools (full disclosure)."""
    parts = list(grid_partitions(4))
    for a in parts:
        for b in parts:
            w = theorem44_witness(a, b)
            if w is None:
                if a.pooled or b.pooled or evaluate(a, b).buyer_surplus != 0:
                    return False
            elif not w.inefficient:
                return False
    return True


CONJECTURE42_ERRATUM = Erratum(
    F(265, 1536),
    "Conjecture 4.2 asserts that P_A = {[0,1/2],[1/2,1]}, P_B = {[0,1]} (E[U] = 11/64 = "
    "264/1536) maximises expected buyer surplus over partitional equilibria. It is false: "
    "P_A = {[0,1/4],[1/4,1/2],[1/2,1]} (the first two steps of Zeno's partition), P_B = "
    "{[0,1]} gives 265/1536, the best of all 2916 pairs of interval partitions on the grid "
    "1/4. Continuing Zeno's steps for A increases E[U] further, to 29/168 for A's full Zeno "
    "partition (exact series, self_similar_outcome). Confirmed by Myerson's virtual surplus "
    "per cell (myerson_uniform) and by the §4.1 payment formulas integrated as a sympy "
    "Piecewise (test_erratum_conjecture42); every message [a, b] here has a = 0 or a = b/2, "
    "so the reading of the payment rule (Fig. 3c erratum) does not matter.",
)


FIG3C_ERRATUM = Erratum(
    F(7, 54),
    "Fig. 3c prints E[U] = 1/6 for P_A = P_B = {[0,1/3],[1/3,2/3],[2/3,1]}. Under the paper's "
    "own model the winner pays the smallest value in her message at which she still wins "
    "(§4.1's three integrals; §4.2's formula E[u_A] = ∫_R (b - v_A), which presumes that the "
    "lowest type of each message gets zero utility), and the exact value is 7/54 (revenue "
    "19/36, welfare 71/108). The printed 1/6 is reproduced exactly by charging "
    "φ^{-1}(max(0, φ_other)) without the floor at the message's lowest type: for the message "
    "[2/3, 1] the reserve φ^{-1}(0) = 1/2 lies below 2/3, so that rule lets the seller charge "
    "less than every type in the message would pay (revenue 53/108 < 57/108, not Myerson-"
    "optimal). Confirmed by Myerson's virtual surplus per cell (myerson_uniform), by the "
    "§4.2 formula integrated independently, and by a midpoint grid of pointwise payments "
    "(test_erratum_fig3c_thirds). For thresholds t <= 1/2 the two rules agree, which is why "
    "the other printed values are unaffected.",
)


CLAIMS = [
    Claim(
        "000.s4.lemma4.1",
        "000",
        "§4, Lemma 4.1",
        "a buyer with value v ~ U[a, b] has virtual value φ(v) = 2v − b",
        True,
        _lemma41,
    ),
    Claim(
        "000.s4.fig2a.buyer-surplus",
        "000",
        "§4.1, Fig. 2a",
        "no disclosure (both send [0,1]): expected buyer surplus",
        F(1, 6),
        lambda: _out("2a").buyer_surplus,
    ),
    Claim(
        "000.s4.fig2a.reserve",
        "000",
        "§4.1",
        "no disclosure: second-price auction with reserve price 1/2 (a winner facing a "
        "zero opponent pays 1/2)",
        F(1, 2),
        lambda: outcome_at(ND, ND, F(3, 4), 0).payment,
    ),
    Claim(
        "000.s4.fig2b.low-low.reserve",
        "000",
        "§4.1",
        "both values below 1/2: second-price auction with reserve price 1/4",
        F(1, 4),
        lambda: outcome_at(HL, HL, F(3, 8), 0).payment,
    ),
    Claim(
        "000.s4.fig2b.low-low.conditional",
        "000",
        "§4.1",
        "both values below 1/2: expected buyer surplus 1/2 · 1/6 = 1/12 (given the cell)",
        F(1, 12),
        lambda: cell_outcome(LOW, LOW, conditional=True).buyer_surplus,
    ),
    Claim(
        "000.s4.fig2b.high-high.always-sold",
        "000",
        "§4.1",
        "both values at least 1/2: reserve 1/2, equivalently none: the good is always sold",
        F(1),
        lambda: cell_outcome(HIGH, HIGH, conditional=True).sale_probability,
    ),
    Claim(
        "000.s4.fig2b.high-high.conditional",
        "000",
        "§4.1",
        "both values at least 1/2: same outcome as no disclosure, expected buyer surplus 1/6",
        F(1, 6),
        lambda: cell_outcome(HIGH, HIGH, conditional=True).buyer_surplus,
    ),
    Claim(
        "000.s4.fig2b.mixed.virtual-values",
        "000",
        "§4.1",
        "A in [0,1/2], B in [1/2,1]: φ_A = 2v_A − 1/2, φ_B = 2v_B − 1, φ_A^{-1}(x) = x/2 + 1/4, "
        "φ_B^{-1}(x) = x/2 + 1/2 (as (slope, intercept))",
        ((F(2), F(-1, 2)), (F(2), F(-1)), (F(1, 2), F(1, 4)), (F(1, 2), F(1, 2))),
        lambda: (LOW.phi, HIGH.phi, LOW.phi_inverse, HIGH.phi_inverse),
    ),
    Claim(
        "000.s4.fig2b.mixed.always-sold",
        "000",
        "§4.1",
        "A in [0,1/2], B in [1/2,1]: φ_B >= 0, so the good is always sold",
        F(1),
        lambda: cell_outcome(LOW, HIGH, conditional=True).sale_probability,
    ),
    Claim(
        "000.s4.fig2b.mixed.triangle",
        "000",
        "§4.1, Fig. 2b (top-left quadrant)",
        "A gets the good exactly when v_B < v_A + 1/4: the triangle (1/4,1/2), (1/2,1/2), "
        "(1/2,3/4)",
        Polygon([(F(1, 4), F(1, 2)), (F(1, 2), F(1, 2)), (F(1, 2), F(3, 4))]),
        _fig2b_triangle,
    ),
    Claim(
        "000.s4.fig2b.interim-win.no-disclosure",
        "000",
        "§4.1",
        "a type 1/2 + ε wins with probability roughly 1/2 without disclosure (limit ε → 0)",
        F(1, 2),
        lambda: interim_outcome(ND, ND, F(1, 2), from_above=True).win_probability,
    ),
    Claim(
        "000.s4.fig2b.interim-win.high-low",
        "000",
        "§4.1",
        "a type 1/2 + ε wins with probability roughly 1/4 under high/low disclosure (limit)",
        F(1, 4),
        lambda: interim_outcome(HL, HL, F(1, 2), from_above=True).win_probability,
    ),
    Claim(
        "000.s4.fig2b.mixed.surplus",
        "000",
        "§4.1, the three integrals",
        "A in [0,1/2], B in [1/2,1]: the three integrals sum to 5/96 (contribution of the cell)",
        F(5, 96),
        lambda: cell_outcome(LOW, HIGH).buyer_surplus,
    ),
    Claim(
        "000.s4.fig2b.terms",
        "000",
        "§4.1, last display",
        "1/4·1/12 + 1/4·1/6 + 2·5/96 = 1/48 + 2/48 + 5/48 (contributions of low-low, high-high, "
        "and both mixed cells)",
        (F(1, 48), F(2, 48), F(5, 48)),
        lambda: (
            cell_outcome(LOW, LOW).buyer_surplus,
            cell_outcome(HIGH, HIGH).buyer_surplus,
            cell_outcome(LOW, HIGH).buyer_surplus + cell_outcome(HIGH, LOW).buyer_surplus,
        ),
    ),
    Claim(
        "000.s4.fig2b.buyer-surplus",
        "000",
        "§4.1, Fig. 2b",
        "high/low disclosure by both: expected buyer surplus 8/48 = 1/6",
        F(1, 6),
        lambda: _out("2b").buyer_surplus,
    ),
    Claim(
        "000.s4.fig2b.new-inefficiency",
        "000",
        "§4.1, end",
        "high/low disclosure introduces misallocation (the good goes to the lower value with "
        "positive probability), which never happens without disclosure",
        True,
        lambda: inefficiency(HL, HL).misallocation_probability > 0
        and inefficiency(ND, ND).misallocation_probability == 0,
    ),
    Claim(
        "000.s4.2.payoff-formula",
        "000",
        "§4.2, displayed formula",
        "E[u_A] = 1/((b−a)(d−c)) ∫_R (b − v_A) agrees with the threshold payments on every pooled "
        "cell of the halves, thirds and quarters",
        True,
        _payoff_formula_agrees,
    ),
    Claim(
        "000.s4.fig3a.buyer-surplus",
        "000",
        "§4.2, Fig. 3a",
        "P_A = {[0,1/2],[1/2,1]}, P_B = {[0,1]}: expected buyer surplus",
        F(11, 64),
        lambda: _out("3a").buyer_surplus,
    ),
    Claim(
        "000.s4.fig3a.U_A",
        "000",
        "§4.2",
        "Fig. 3a profile: A (who discloses) receives 13/128",
        F(13, 128),
        lambda: _out("3a").utilities[0],
    ),
    Claim(
        "000.s4.fig3a.U_B",
        "000",
        "§4.2",
        "Fig. 3a profile: B (who does not disclose) receives 9/128",
        F(9, 128),
        lambda: _out("3a").utilities[1],
    ),
    Claim(
        "000.s4.fig3a.decimals",
        "000",
        "§4.2",
        "13/128 ≈ 0.102 and 9/128 ≈ 0.070 (rounded to three decimals)",
        (F(102, 1000), F(70, 1000)),
        lambda: tuple(round(u, 3) for u in _out("3a").utilities),
    ),
    Claim(
        "000.s4.fig3a.beats-no-disclosure",
        "000",
        "§4.2",
        "11/64 > 1/6; A gains and B strictly loses relative to no disclosure (1/12 each)",
        True,
        lambda: _out("3a").buyer_surplus > _out("2a").buyer_surplus
        and _out("3a").utilities[0] > _out("2a").utilities[0]
        and _out("3a").utilities[1] < _out("2a").utilities[1],
    ),
    Claim(
        "000.s4.fig3b.U_A",
        "000",
        "§4.2, Fig. 3b",
        "A discloses v_A exactly, B nothing: E[U_A] = 0",
        F(0),
        lambda: _out("3b").utilities[0],
    ),
    Claim(
        "000.s4.fig3b.U_B",
        "000",
        "§4.2, Fig. 3b",
        "A discloses v_A exactly, B nothing: E[U_B] = 1/24",
        F(1, 24),
        lambda: _out("3b").utilities[1],
    ),
    Claim(
        "000.s4.fig3b.buyer-surplus",
        "000",
        "§4.2, Fig. 3b caption",
        "maximally asymmetric disclosure: E[U] = 1/24",
        F(1, 24),
        lambda: _out("3b").buyer_surplus,
    ),
    Claim(
        "000.s4.2.refinement",
        "000",
        "§4.2",
        "as A discloses more (uniform grids of 2, 3, 4, 8, 16 intervals, then full) and B "
        "nothing, A's expected utility and relative surplus decrease",
        True,
        _refinement_decreases,
    ),
    Claim(
        "000.s4.fig3c.buyer-surplus",
        "000",
        "§4.2, Fig. 3c",
        "P_A = P_B = {[0,1/3],[1/3,2/3],[2/3,1]}: E[U] = 1/6",
        F(1, 6),
        lambda: _out("3c").buyer_surplus,
        erratum=FIG3C_ERRATUM,
    ),
    Claim(
        "000.s4.2.symmetric-threshold",
        "000",
        "§4.2, after Conjecture 4.3",
        "every symmetric high/low threshold t in [0, 1/2] gives E[U] = 1/6 (exact piecewise "
        "polynomial in t: constant on [0, 1/2])",
        F(1, 6),
        lambda: _family("symmetric").buyer_surplus.constant_on(0, F(1, 2)),
    ),
    Claim(
        "000.s4.2.asymmetric-beats-symmetric-thresholds",
        "000",
        "§4.2",
        "the Fig. 3a profile strictly outperforms every symmetric threshold profile t in [0, 1] "
        "(whose maximum is 1/6)",
        True,
        lambda: _family("symmetric").buyer_surplus.maximum()[0] == sympy.Rational(1, 6)
        and _out("3a").buyer_surplus > F(1, 6),
    ),
    Claim(
        "000.s4.2.one-sided-threshold.max",
        "000",
        "§4.2, Conjecture 4.2",
        "within the one-sided family P_A = {[0,t],[t,1]}, P_B = {[0,1]}, the maximum of E[U] "
        "is 11/64, at t = 1/2",
        (F(11, 64), F(1, 2)),
        lambda: tuple(
            F(int(v.p), int(v.q)) for v in _family("one-sided").buyer_surplus.maximum()
        ),
    ),
    Claim(
        "000.s4.fig3d.buyer-surplus",
        "000",
        "§4.2, Fig. 3d",
        "both buyers use Zeno's partition: E[U] = 23/147 (homogeneity and an exact series)",
        F(23, 147),
        lambda: _zeno().buyer_surplus,
    ),
    Claim(
        "000.s4.fig3d.below-one-sixth",
        "000",
        "§4.2",
        "Zeno's partition for both buyers gives less than no disclosure: 23/147 < 1/6",
        True,
        lambda: _zeno().buyer_surplus < _out("2a").buyer_surplus,
    ),
    Claim(
        "000.s4.3.full-disclosure",
        "000",
        "§4.3",
        "both buyers fully disclose: efficient (no misallocation, always sold), and neither "
        "buyer gets any utility",
        (F(0), F(0), F(0), F(0)),
        lambda: (
            inefficiency(FULL, FULL).misallocation_probability,
            inefficiency(FULL, FULL).no_sale_probability,
            *_out("full").utilities,
        ),
    ),
    Claim(
        "000.s4.2.conjecture4.2.grid",
        "000",
        "§4.2, Conjecture 4.2",
        "no pair of interval partitions beats 11/64 (checked: the best of all pairs on the "
        "grid 1/4, pooled or revealed segments)",
        F(11, 64),
        lambda: exhaustive_search(4).value,
        erratum=CONJECTURE42_ERRATUM,
    ),
    Claim(
        "000.s4.2.conjecture4.3.grid",
        "000",
        "§4.2, Conjecture 4.3",
        "among symmetric interval partitions no disclosure is best, E[U] = 1/6 (checked: all "
        "486 symmetric partitions on the grid 1/6, pooled or revealed segments)",
        F(1, 6),
        lambda: exhaustive_search(6, symmetric=True).value,
    ),
    Claim(
        "000.s4.3.theorem4.4",
        "000",
        "§4.3, Theorem 4.4",
        "no interval partitions give an efficient equilibrium with nonzero surplus: the proof's "
        "witness is inefficient for every pair on the grid 1/4 with a pooled segment",
        True,
        _theorem44_on_grid,
    ),
]
