"""Claims of paper 002, "Optimal Fixed-Price Mechanism with Signaling".

The paper prints no numerical example: every claim is a formula or a theorem. Each claim
here evaluates one statement on one of the small instances of issue 7
(:func:`~exactmech.papers.fixed_price_signaling.example_instance`). ``expected`` is what the
paper's printed formula or theorem asserts on that instance; ``compute`` recomputes the
quantity from the model through the public functions of
:mod:`exactmech.papers.fixed_price_signaling`. Where the paper is wrong the claim carries an
:class:`~exactmech.claims.core.Erratum`, confirmed by the named ``test_erratum_*`` tests in
``tests/papers/test_fixed_price_errata.py``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy

from exactmech.claims.core import Claim, Erratum
from exactmech.papers.fixed_price_signaling import (
    example_instance,
    expost_revenue,
    optimal_expost_fixed_price,
    optimal_interim_fixed_price,
)

__all__ = ["CLAIMS"]

F = Fraction

_PROP31 = (
    "Proposition 3.1 (and Table 1, ex-post fixed price) takes the probability that no buyer "
    "buys to be prod_i G(v_i^{-1}(p)), as if the buyers' valuations were independent. There "
    "is one item with one quality q, seen by every buyer alike, so nobody buys iff "
    "q < min_i v_i^{-1}(p); the probability is min_i G(v_i^{-1}(p)) = G(v_min^{-1}(p)) and "
    "Rev_fix(p) = [1 - G(v_min^{-1}(p))] p (the paper's own Theorem 4.9 formula). "
)


def _opt_expost(name: str) -> Any:
    return optimal_expost_fixed_price(example_instance(name)).revenue


def _opt_interim(name: str) -> Any:
    return optimal_interim_fixed_price(example_instance(name)).revenue


def _fixed_price_claims() -> list[Claim]:
    out = [
        Claim(
            "002.prop3.1.identical.optimum",
            "002",
            "§3.1, Proposition 3.1",
            "two buyers v_i(q) = q, q uniform on {1,2,3}: optimal ex-post fixed-price revenue "
            "max_p [1 - prod_i G(v_i^{-1}(p))] p",
            F(16, 9),
            lambda: _opt_expost("identical"),
            Erratum(
                F(4, 3),
                _PROP31 + "Here the printed formula gives 16/9 at p = 2 (1 - (1/3)^2 = 8/9 "
                "sold); in the model the item sells at p = 2 only when q >= 2 (probability "
                "2/3), revenue 4/3, and no price does better. Confirmed by enumerating the "
                "quality levels and by a fine price grid "
                "(test_erratum_prop31_product_formula).",
            ),
        ),
        Claim(
            "002.prop3.1.half.optimum",
            "002",
            "§3.1, Proposition 3.1",
            "v_1(q) = q, v_2(q) = q/2, q uniform on {1,2,3}: optimal ex-post fixed-price revenue",
            F(4, 3),
            lambda: _opt_expost("half"),
        ),
        Claim(
            "002.prop3.1.half.revenue-at-3/2",
            "002",
            "§3.1, Proposition 3.1",
            "same instance: Rev_fix(3/2) = [1 - G(v_1^{-1}(3/2)) G(v_2^{-1}(3/2))] 3/2",
            F(7, 6),
            lambda: expost_revenue(example_instance("half"), F(3, 2)),
            Erratum(
                F(1),
                _PROP31 + "At p = 3/2 the printed formula gives (1 - 1/3 * 2/3) 3/2 = 7/6; "
                "in the model buyer 2 never wants the item when buyer 1 does not "
                "(v_2 <= v_1), so the item sells iff q >= 2: revenue 3/2 * 2/3 = 1. The "
                "optima coincide on this instance (4/3 at p = 2), the revenue curves do not "
                "(test_erratum_prop31_product_formula).",
            ),
        ),
        Claim(
            "002.prop3.1.I1.optimum",
            "002",
            "§3.1, Proposition 3.1",
            "I1 (v_1 = (2,3), v_2 = (0,10), probabilities 1/2): optimal ex-post fixed-price "
            "revenue",
            F(5),
            lambda: _opt_expost("I1"),
        ),
        Claim(
            "002.prop3.1.I3.optimum",
            "002",
            "§3.1, Proposition 3.1",
            "I3 (v_1 = (0,2,2), v_2 = (1,1,2), uniform): optimal ex-post fixed-price revenue",
            F(14, 9),
            lambda: _opt_expost("I3"),
            Erratum(
                F(4, 3),
                _PROP31 + "On I3 the printed formula peaks at p = 2 with (1 - 1/3 * 2/3) 2 = "
                "14/9; in the model the item sells at p = 2 iff q >= q_2 (probability 2/3), "
                "revenue 4/3, which is also the best price "
                "(test_erratum_prop31_product_formula).",
            ),
        ),
        Claim(
            "002.prop3.1.continuous.optimum",
            "002",
            "§3.1, Proposition 3.1",
            "q ~ U[0,1], v_1 = 1 + q/10, v_2 = 3q: optimal ex-post fixed-price revenue",
            F(1),
            lambda: _opt_expost("continuous"),
        ),
        Claim(
            "002.prop3.1.continuous-identical.optimum",
            "002",
            "§3.1, Proposition 3.1",
            "q ~ U[0,1], v_1 = v_2 = q: optimal ex-post fixed-price revenue max_p (1 - p^2) p",
            2 * sympy.sqrt(3) / 9,
            lambda: _opt_expost("continuous-identical"),
            Erratum(
                F(1, 4),
                _PROP31 + "With two identical buyers v_i = q the printed formula is "
                "(1 - p^2) p, maximal at p = 1/sqrt(3) with 2 sqrt(3)/9 = 0.385; in the model "
                "both buyers want the item exactly when q >= p, so the revenue is (1 - p) p, "
                "maximal at p = 1/2 with 1/4 (test_erratum_prop31_continuous).",
            ),
        ),
    ]
    interim = {
        "identical": F(2),
        "half": F(2),
        "I1": F(5),
        "I3": F(4, 3),
        "continuous": F(3, 2),
        "continuous-identical": F(1, 2),
    }
    for name, value in interim.items():
        out.append(
            Claim(
                f"002.prop3.2.{name}.optimum",
                "002",
                "§3.2, Proposition 3.2",
                f"instance {name}: optimal ex-interim fixed-price revenue p* = max_i E[v_i(q)]",
                value,
                lambda name=name: _opt_interim(name),  # type: ignore[misc]
            )
        )
    return out


CLAIMS: list[Claim] = _fixed_price_claims()
