"""Paper 001 ("The Limits of an Information Intermediary"): tables and Fig. 1b.

The tables (Example 1's BBM signals, Proposition 1's cases, Theorems 1 and 2, RANK_t
against Lemma 3, Algorithm 4's weights) come from
:mod:`exactmech.papers.intermediary.tables`; Fig. 1b (the achievable (CS, R) triangle for
Example 1's prior) from :mod:`exactmech.dist` (the BBM construction is shared).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from exactmech.calculus import Polygon
from exactmech.numbers import Q
from exactmech.report.figure_data import Curve, FigureData, Marker, Panel, Region
from exactmech.report.specs import FigureSpec, TableContext, TableSpec
from exactmech.report.table import Column, Printed, Table

__all__ = ["FIGURES", "TABLES"]

F = Fraction
TABLES_MODULE = "exactmech.papers.intermediary.tables"


def _bbm_segments(ctx: TableContext) -> Table:
    from exactmech.papers.intermediary.tables import example1_table

    rows = example1_table()
    table = Table(
        [
            Column("q", align="c", tex="signal $q$"),
            Column("gamma_q", math=True, align="c", tex="$\\gamma_q$"),
            Column("S_q on (1, 2, 3)", math=True, align="c", tex="$\\mathcal S_q$ on $(1, 2, 3)$"),
            Column("price", math=True, align="c"),
            Column("R(S_q)", math=True, align="c", tex="$\\mathcal R(\\mathcal S_q)$"),
            Column("CS(S_q)", math=True, align="c", tex="$\\mathrm{CS}(\\mathcal S_q)$"),
        ],
        caption=(
            "The Bergemann-Brooks-Morris segmentation of D = <1/3, 1/3, 1/3> on the types {1, 2, 3}"
        ),
        source="paper 001, §2.2, Example 1",
        label="tab:001-example1",
    )
    for r in rows:
        table.add(
            str(r.signal),
            Printed(r.weight, r.weight_paper),
            Printed(r.posterior, r.posterior_paper),
            r.price,
            r.revenue,
            r.consumer_surplus,
        )
    prior = tuple(sum((r.weight * r.posterior[k] for r in rows), F(0)) for k in range(3))
    table.add(
        "total",
        sum((r.weight for r in rows), F(0)),
        prior,
        "",
        # Example 1 prints R(Z) = 4/3 and CS(Z) = 2/3 for the whole scheme
        Printed(sum((r.weight * r.revenue for r in rows), F(0)), F(4, 3)),
        Printed(sum((r.weight * r.consumer_surplus for r in rows), F(0)), F(2, 3)),
    )
    table.notes.append(
        "Each signal's price is its monopoly price (the lowest value of its support, as "
        "Example 1 says); the total row is the scheme: Bayes plausibility gives back D."
    )
    return table


def _cases_text(cases: tuple[int, ...]) -> str:
    return ", ".join(str(c) for c in cases)


def _proposition1(ctx: TableContext) -> Table:
    from exactmech.papers.intermediary.tables import proposition1_table

    table = Table(
        [
            Column("alpha'", math=True, align="c", tex="$\\alpha'$"),
            Column("beta'", math=True, align="c", tex="$\\beta'$"),
            Column("phi1(b|s)", math=True, align="r", tex="$\\varphi_1(b\\mid s)$"),
            Column("phi2(d|s)", math=True, align="r", tex="$\\varphi_2(d\\mid s)$"),
            Column("cases", align="c"),
            Column(
                "printed CS by case", math=True, align="l", width="3.8cm", tex="printed CS by case"
            ),
            Column("CS (sender ties)", math=True, align="r", tex="CS (sender ties)"),
            Column("CS (index ties)", math=True, align="r", tex="CS (index ties)"),
        ],
        caption=(
            "Proposition 1's four cases at signals s = (alpha', beta') of Theorem 2's instance "
            "(delta = 1/4): the virtual values that select the case, the CS each applicable "
            "case prints, and the CS of the seller's optimal auction under both tie rules"
        ),
        source="paper 001, §3, Proposition 1",
        label="tab:001-proposition1",
    )
    for r in proposition1_table():
        printed = {f"case {k}": v for k, v in r.printed_cs.items()}
        table.add(
            r.alpha_s,
            r.beta_s,
            r.phi1_b,
            r.phi2_d,
            _cases_text(r.cases),
            printed,
            Printed(r.cs_sender, max(r.printed_cs.values())),
            r.cs_index,
        )
    table.notes.append(
        "A dash: that value is not in the posterior's support. The paper value next to the "
        "sender-tie CS is the largest printed case formula that applies (the proof of "
        "Theorem 5 reads CS(s) as that maximum)."
    )
    return table


def _theorem1(ctx: TableContext) -> Table:
    from exactmech.papers.intermediary.tables import theorem1_table

    table = Table(
        [
            Column("epsilon", math=True, align="c", tex="$\\varepsilon$"),
            Column(
                "instance (a, b, c, d; alpha, beta)",
                math=True,
                align="l",
                width="4.3cm",
                tex="instance $(a, b, c, d;\\ \\alpha, \\beta)$",
            ),
            Column("CS(D)", math=True, align="r", tex="$\\mathrm{CS}(\\mathcal D)$"),
            Column("best efficient CS", math=True, align="r", width="2.4cm"),
            Column("ratio", math=True, align="r"),
            Column(
                "proof's limit eps/2", math=True, align="r", tex="proof's limit $\\varepsilon/2$"
            ),
            Column("ratio < eps", align="c", tex="ratio $<\\varepsilon$"),
        ],
        caption=(
            "Theorem 1: the best consumer surplus of a signaling scheme whose auction always "
            "allocates efficiently, against the no-signal CS, on the theorem's instances"
        ),
        source="paper 001, §3, Theorem 1",
        label="tab:001-theorem1",
    )
    for r in theorem1_table():
        inst = r.instance
        table.add(
            r.epsilon,
            (inst.a, inst.b, inst.c, inst.d, inst.alpha, inst.beta),
            r.cs_no_signal,
            r.efficient_best,
            r.ratio,
            r.ratio_limit_paper,
            "yes" if r.ratio < r.bound_paper else "no",
        )
    return table


def _theorem2(ctx: TableContext) -> Table:
    from exactmech.papers.intermediary.tables import theorem2_table

    table = Table(
        [
            Column("delta", math=True, align="c", tex="$\\delta$"),
            Column("OPT", math=True, align="r", tex="OPT"),
            Column("2 delta^2", math=True, align="r", tex="$2\\delta^2$"),
            Column("best CS (scheme)", math=True, align="r", tex="scheme"),
            Column("best CS (dual bound)", math=True, align="r", tex="dual bound"),
            Column("closed form", math=True, align="r"),
            Column("delta^2", math=True, align="r", tex="$\\delta^2$"),
            Column("best CS / OPT", math=True, align="r", tex="ratio"),
        ],
        caption=(
            "Theorem 2: OPT and the best achievable consumer surplus (CS) on the theorem's "
            "instance, exactly (a Bayes-plausible scheme from below, a verified dual "
            "certificate from above, the closed form), against the printed leading terms "
            "OPT = 2 delta^2 (1 + o(1)) and CS <= delta^2 (1 + o(1)); the ratio CS/OPT tends "
            "to the printed limit 1/2"
        ),
        source="paper 001, §3, Theorem 2",
        label="tab:001-theorem2",
    )
    for r in theorem2_table():
        table.add(
            r.delta,
            r.opt,
            r.opt_paper,
            r.best_lower,
            r.best_upper,
            r.best_closed_form,
            r.cs_paper,
            r.ratio,
        )
    table.notes.append(
        "The closed form is delta^2 + delta^3 (2 - delta)/(1 - delta); the paper's terms are "
        "leading terms, so they are shown beside the exact values, not as disagreements."
    )
    return table


def _rank(ctx: TableContext) -> Table:
    from exactmech.papers.intermediary.tables import rank_table

    table = Table(
        [
            Column("t", align="c", tex="$t$"),
            Column("CS(RANK_t)", math=True, align="r", tex="$\\mathrm{CS}(\\mathrm{RANK}_t)$"),
            Column("CS, index ties", math=True, align="r", tex="CS, index ties"),
            Column("Lemma 3 bound", math=True, align="r"),
            Column("Algorithm 4 weight", math=True, align="r", tex="Algorithm 4 weight $w_t$"),
        ],
        caption=(
            "RANK_t on two i.i.d. buyers with values {1, 2, 6} w.p. (1/4, 1/4, 1/2): consumer "
            "surplus under the sender-preferred and the index tie rule, against Lemma 3's "
            "lower bound (tight here)"
        ),
        source="paper 001, §4, Lemma 3",
        label="tab:001-rank",
    )
    for r in rank_table():
        table.add(
            str(r.t),
            r.consumer_surplus,
            r.consumer_surplus_index_rule,
            r.lemma3_bound,
            r.algorithm4_weight,
        )
    return table


def _algorithm4(ctx: TableContext) -> Table:
    from exactmech.papers.intermediary.tables import algorithm4_table

    table = Table(
        [
            Column("n", align="c", tex="$n$"),
            Column(
                "weights w_1..w_n",
                math=True,
                align="l",
                width="4.3cm",
                tex="weights $w_1, \\dots, w_n$",
            ),
            Column("sum", math=True, align="r", tex="$\\sum_t w_t$"),
            Column("1 + H_{n-1}", math=True, align="r", tex="$1 + H_{n-1}$"),
            Column("1 + ln n", math=True, align="r", tex="printed bound $1 + \\ln n$"),
            Column("sum <= 1 + ln n", align="c", tex="holds"),
        ],
        caption=(
            "Algorithm 4's weights and the weight-sum bound in the proof of Lemma 5: the sum "
            "is 1 + H_{n-1}, which exceeds the printed bound 1 + ln n for every n >= 2"
        ),
        source="paper 001, §5.1.1, Algorithm 4 and Lemma 5",
        label="tab:001-algorithm4",
        latex_digits=10,
    )
    for r in algorithm4_table():
        table.add(
            str(r.n),
            r.weights,
            r.weight_sum,
            r.harmonic_form,
            r.printed_bound,
            "yes" if r.bound_holds else "no",
        )
    return table


def _revenue_surplus_triangle() -> FigureData:
    """Paper 001, Fig. 1b, for the prior of Example 1 (§2.2).

    Axes: consumer surplus CS (x) against revenue R (y). Every signaling scheme lies in the
    triangle B = (0, R^M), A = (0, W*), O = (W* − R^M, R^M): revenue is at least the
    no-information revenue R^M, surplus is non-negative, and CS + R ≤ W*. M is the
    no-information outcome (monopoly price), V the welfare-maximal outcome with zero
    revenue, O the BBM segmentation (CS = OPT).
    """
    from exactmech.dist import Discrete, bbm_segmentation, posted_price_outcome

    prior = Discrete([1, 2, 3], ["1/3", "1/3", "1/3"])
    m = posted_price_outcome(prior)
    w_star = prior.mean()
    r_m = m.revenue
    seg = bbm_segmentation(prior)
    o = (seg.consumer_surplus(), seg.revenue())
    b, a = (F(0), r_m), (F(0), w_star)
    triangle = Polygon([b, a, (w_star - r_m, r_m)])

    def classify(p: tuple[Any, Any]) -> str:
        cs, r = Q(p[0]), Q(p[1])
        ok = cs >= 0 and r >= r_m and cs + r <= w_star
        return "achievable (CS, R)" if ok else "not achievable"

    panel = Panel(
        "Example 1: D = <1/3, 1/3, 1/3> on {1, 2, 3}",
        "consumer surplus CS",
        "seller revenue R",
        (F(-1, 10), w_star + F(1, 5), F(-1, 10), w_star + F(1, 5)),
        regions=[Region("achievable (CS, R)", "tab:gray", (triangle,))],
        curves=[Curve(f"CS + R = W* = {w_star}", ((F(0), w_star), (w_star, F(0))), "black", "--")],
        markers=[
            Marker("A", a),
            Marker("B", b, offset=(6, -14)),
            Marker("M", (m.consumer_surplus, m.revenue), "tab:blue", offset=(-4, 8)),
            Marker("O", o, "tab:red", offset=(8, 4)),
            Marker("V", (w_star, F(0))),
        ],
        notes=[
            f"A = (0, {w_star}): full information",
            f"B = (0, {r_m}): R = R^M, no surplus",
            f"M = ({m.consumer_surplus}, {m.revenue}): no information (price {m.price})",
            f"O = ({o[0]}, {o[1]}): BBM, CS = OPT",
            f"V = ({w_star}, 0): free good",
        ],
        classify=classify,
    )
    return FigureData(
        "001-figure1b",
        "Revenue and consumer surplus of signaling schemes, for the prior of Example 1",
        "paper 001, Fig. 1b and §2.2, Example 1",
        [panel],
    )


def _spec(tid: str, location: str, title: str, build: Callable[[TableContext], Table]) -> TableSpec:
    return TableSpec(tid, "001", location, title, build, requires=TABLES_MODULE)


TABLES: tuple[TableSpec, ...] = (
    _spec(
        "001-example1-segments",
        "§2.2, Example 1",
        "BBM segmentation of the uniform prior on {1, 2, 3}",
        _bbm_segments,
    ),
    _spec("001-s3-cases", "§3, Proposition 1", "Proposition 1's case table", _proposition1),
    _spec("001-s3-theorem1", "§3, Theorem 1", "efficient schemes against CS(D)", _theorem1),
    _spec("001-s3-theorem2", "§3, Theorem 2", "best CS against OPT, exactly", _theorem2),
    _spec("001-s4-rank", "§4, Lemma 3", "RANK_t against Lemma 3", _rank),
    _spec(
        "001-s5-algorithm4",
        "§5.1.1, Algorithm 4",
        "Algorithm 4's weights and Lemma 5's sum",
        _algorithm4,
    ),
)

FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec(
        "001-figure1b",
        "001",
        "Fig. 1b, §2.2 Example 1",
        "revenue/consumer-surplus triangle of Example 1",
        _revenue_surplus_triangle,
    ),
)
