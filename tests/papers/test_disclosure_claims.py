"""Paper 000 claims: the errata, each recomputed by a second, independent method."""

from __future__ import annotations

from fractions import Fraction

import sympy

from exactmech.auctions import myerson_discrete, second_price
from exactmech.claims import claims_for
from exactmech.dist import Discrete
from exactmech.papers.disclosure import FOOTNOTE_3, seller_prices

F = Fraction


def _claim(cid: str):  # type: ignore[no-untyped-def]
    return next(c for c in claims_for("000") if c.id == cid)


def test_paper000_claims_cover_the_sections() -> None:
    ids = [c.id for c in claims_for("000")]
    for prefix in ("000.s3.2.ex1", "000.s3.2.ex2", "000.s3.3", "000.fn3", "000.appA", "000.appB"):
        assert sum(i.startswith(prefix) for i in ids) >= 5, prefix
    # §4 (continuous disclosure) has its own module and erratum tests
    errata = [
        c.id for c in claims_for("000") if c.erratum is not None and not c.id.startswith("000.s4")
    ]
    assert errata == ["000.fn3.low.revenue", "000.appA.backward.upper.simplified"]


def test_erratum_footnote3_second_price_reserve_1_not_optimal() -> None:
    """Footnote 3: after both buyers announce {1, 2} (each w.p. 1/2) the paper says the optimal
    mechanism is a second-price auction with reserve 1. That auction earns 5/4; the optimum
    is 3/2 (φ(1) = 0, φ(2) = 2: a value-2 buyer facing a value-1 buyer pays the threshold
    3/2, not 1). Second computation: Myerson's auction with ironed virtual values (no LP),
    the second-price evaluator for every reserve, and the posterior read off the game."""
    claim = _claim("000.fn3.low.revenue")
    result = claim.run()
    assert result.status == "paper-erratum" and result.computed == F(3, 2)
    g = FOOTNOTE_3.game()
    mech = g.mechanism([(0, 1), (0, 1)])
    posterior = sorted({p for t, p in mech.lp.prior.items()})
    assert posterior == [F(1, 4)]  # each of the 4 profiles: (1/2)(1/2)
    D = Discrete([1, 2], ["1/2", "1/2"])
    printed = second_price([D, D], reserve=1)
    assert printed.revenue == F(5, 4) == claim.expected
    myerson = myerson_discrete([D, D], tie="uniform")
    assert myerson.revenue == F(3, 2)
    assert all(second_price([D, D], reserve=r).revenue <= F(3, 2) for r in (0, 1, 2))
    # the value-2 buyer facing value 1: pays 3/2 (utility 1/2) in Myerson's auction, 1 in SPA(1)
    assert myerson.payments[(F(2), F(1))][0] == F(3, 2)
    assert printed.payments[(F(2), F(1))][0] == F(1)


def test_erratum_appendix_a_upper_bound() -> None:
    """Appendix A prints 3S/(2(6S − 3)) + 3S/6 = S/(4S − 1) + S/2; the left side is
    S/(4S − 2) + S/2. Second computation, no sympy: for every even S up to 40, the seller's
    indifference point between the prices S/2 and S − 1/4 on a message {n} ∪ I (type n of
    weight 1/3, the types of I of total weight x) solved in exact rationals, and converted to
    Σ s_i = x · 3S/2; at that weight seller_prices reports both prices as optimal."""
    S_ = sympy.Symbol("S", positive=True)
    claim = _claim("000.appA.backward.upper.simplified")
    assert claim.run().status == "paper-erratum"
    assert sympy.simplify(claim.erratum.corrected - (S_ / (4 * S_ - 2) + S_ / 2)) == 0  # type: ignore[union-attr]
    for S in range(2, 41, 2):
        a, b = F(S) - F(1, 4), F(S, 2)
        # a·x/(1/3 + x) = b  <=>  x (a − b) = b/3
        x = b / 3 / (a - b)
        bound = x * F(3 * S, 2)
        assert bound == F(S, 4 * S - 2) + F(S, 2)
        assert bound != F(S, 4 * S - 1) + F(S, 2)
        assert F(S, 4 * S - 2) < 1
        w = F(1, 3) + x
        choice = seller_prices([b, a], [F(1, 3) / w, x / w], [0, 1])
        assert choice.prices == (b, a)
