"""Readable reprs and notebook renderings (_repr_latex_, _repr_html_) of result objects."""

from __future__ import annotations

from fractions import Fraction

from exactmech.auctions import myerson_discrete, myerson_uniform, optimal_mechanism
from exactmech.claims import Claim
from exactmech.dist import (
    Discrete,
    PiecewiseUniform,
    Uniform,
    bbm_segmentation,
    posted_price_outcome,
)
from exactmech.lp import linprog


def test_lp_result() -> None:
    res = linprog([3, 5], A_ub=[[1, 0], [0, 2], [3, 2]], b_ub=[4, 12, 18], maximize=True)
    assert repr(res).startswith("LPResult(status='optimal', fun=36, x=(2, 6)")
    assert res._repr_latex_() == r"$\text{optimal: } 36,\ x = (2, 6)$"
    html = res._repr_html_()
    assert "<th>fun</th><td>36</td>" in html and "<th>dual_ub</th><td>(0, 3/2, 1)</td>" in html


def test_claim_result() -> None:
    r = Claim("t.half", "lp", "here", "one half", Fraction(1, 2), lambda: Fraction(2, 4)).run()
    assert repr(r) == "ClaimResult(id='t.half', status='match', expected=1/2, computed=1/2)"
    assert (
        r._repr_latex_()
        == r"$\text{t.half (match): expected } \frac{1}{2},\ \text{computed } \frac{1}{2}$"
    )
    assert '<td style="color:green">match</td>' in r._repr_html_()
    err = Claim("t.err", "lp", "here", "boom", 1, lambda: 1 // 0).run()
    assert "computed=—" in repr(err) and r"\text{error}" in err._repr_latex_()


def test_distributions() -> None:
    d = Discrete([1, 2, 3], ["1/3", "1/3", "1/3"])
    assert "<th>Pr[V=v]</th><td>1/3</td>" in d._repr_html_()
    assert Uniform(0, "1/2")._repr_html_() == "<i>U</i>[0, 1/2]"
    pw = PiecewiseUniform([0, 1, 2], ["1/4", "3/4"])
    assert "<td>[1, 2]</td><td>3/4</td>" in pw._repr_html_()
    seg = bbm_segmentation(d)
    assert "<td>2/3</td><td>&lang;1/2, 1/6, 1/3&rang;</td>" in seg._repr_html_()
    out = posted_price_outcome(d)
    assert "<td>2</td>" in out._repr_html_() and "price=2" in repr(out)


def test_mechanisms() -> None:
    m = optimal_mechanism([[(3, 4), (4, 9)]], [["1/2", "1/2"]])
    assert repr(m) == (
        "Mechanism(status='optimal', revenue=15/2, buyer_surplus=1/2, welfare=8, "
        "utilities=(1/2,), buyers=1, goods=2, profiles=2)"
    )
    assert m._repr_latex_() == r"$\mathcal R = \frac{15}{2},\ U = \frac{1}{2},\ W = 8$"
    assert "<td>(4, 9)</td><td>1/2</td><td>(1, 1)</td><td>(12)</td>" in m._repr_html_()
    u = myerson_uniform([Uniform(0, 1), Uniform(0, 1)])
    assert repr(u) == (
        "ExpectedOutcome(revenue=5/12, welfare=7/12, consumer_surplus=1/6, utilities=(1/12, 1/12))"
    )
    assert r"\mathrm{CS} = \frac{1}{6}" in u._repr_latex_()
    a = myerson_discrete([Discrete([1, 2], ["1/2", "1/2"])])
    assert repr(a).startswith("AuctionOutcome(revenue=1,") and repr(a).endswith("profiles=2)")
    assert "Fraction(" not in repr(a) + repr(m) + repr(u)
