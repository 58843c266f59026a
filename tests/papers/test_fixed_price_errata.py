"""Errata of paper 002, each confirmed by an independent second computation (BRIEF.md)."""

from __future__ import annotations

from fractions import Fraction

import sympy

from exactmech.claims.paper002 import CLAIMS
from exactmech.dist import Uniform
from exactmech.papers.fixed_price_signaling import (
    DiscreteInstance,
    example_instance,
    optimal_expost_fixed_price,
    optimal_expost_fixed_price_printed,
)

F = Fraction

BY_ID = {c.id: c for c in CLAIMS}


def _brute_force_revenue(values: list[list[F]], probs: list[F], p: F) -> F:
    """Sell iff some buyer's value at the realized level reaches p (Definition 2.1)."""
    sold = F(0)
    for k, g in enumerate(probs):
        if max(row[k] for row in values) >= p:
            sold += g
    return p * sold


def _product_formula(values: list[list[F]], probs: list[F], p: F) -> F:
    prod = F(1)
    for row in values:
        prod *= sum((g for g, v in zip(probs, row) if v < p), F(0))
    return (1 - prod) * p


def test_erratum_prop31_product_formula() -> None:
    """Paper 002, Proposition 3.1: ``Rev_fix(p) = [1 - prod_i G(v_i^{-1}(p))] p`` is wrong.

    All buyers see the same quality, so the item stays unsold iff every buyer's value is
    below ``p`` at that one quality: probability ``min_i G(v_i^{-1}(p))``, not the product.
    Second computation: a brute-force pass over the quality levels at every price of the
    grid ``j/120`` (which contains every valuation), against the product formula written out
    independently; the optima over the grid are the claims' corrected and printed values.
    """
    cases = {
        "identical": ("002.prop3.1.identical.optimum", F(4, 3), F(16, 9)),
        "I3": ("002.prop3.1.I3.optimum", F(4, 3), F(14, 9)),
        "half": ("002.prop3.1.half.optimum", F(4, 3), F(4, 3)),
    }
    for name, (cid, model_opt, printed_opt) in cases.items():
        inst = example_instance(name)
        assert isinstance(inst, DiscreteInstance)
        vals = [list(r) for r in inst.values]
        probs = list(inst.probs)
        grid = [F(j, 120) for j in range(0, 120 * int(inst.value_bound()) + 1)]
        assert max(_brute_force_revenue(vals, probs, p) for p in grid) == model_opt
        assert max(_product_formula(vals, probs, p) for p in grid) == printed_opt
        assert optimal_expost_fixed_price(inst).revenue == model_opt
        assert optimal_expost_fixed_price_printed(inst).revenue == printed_opt
        claim = BY_ID[cid]
        assert claim.expected == printed_opt
        if model_opt != printed_opt:
            assert claim.erratum is not None and claim.erratum.corrected == model_opt
            assert claim.run().status == "paper-erratum"
    half = example_instance("half")
    assert isinstance(half, DiscreteInstance)
    vals = [list(r) for r in half.values]
    assert _brute_force_revenue(vals, list(half.probs), F(3, 2)) == 1
    assert _product_formula(vals, list(half.probs), F(3, 2)) == F(7, 6)
    assert BY_ID["002.prop3.1.half.revenue-at-3/2"].run().status == "paper-erratum"


def test_erratum_prop31_continuous() -> None:
    """Paper 002, Proposition 3.1 on ``q ~ U[0,1]``, ``v_1 = v_2 = q``: printed
    ``max_p (1 - p^2) p = 2 sqrt(3)/9``, model ``max_p (1 - p) p = 1/4``.

    Second computation: both buyers want the item iff ``q >= p``, whose probability is the
    survival function of :class:`~exactmech.dist.Uniform`; on the grid ``j/1000`` the
    model's revenue never exceeds 1/4 (attained at 1/2), while the printed formula at
    ``p = 577/1000`` already exceeds 0.38.
    """
    U = Uniform(0, 1)
    grid = [F(j, 1000) for j in range(1001)]
    model = [p * U.survival(p) for p in grid]
    assert max(model) == F(1, 4) and grid[model.index(max(model))] == F(1, 2)
    printed_at = F(577, 1000) * (1 - F(577, 1000) ** 2)
    assert printed_at > F(38, 100) > F(1, 4)
    claim = BY_ID["002.prop3.1.continuous-identical.optimum"]
    assert (
        sympy.simplify(
            claim.expected
            - optimal_expost_fixed_price_printed(example_instance("continuous-identical")).revenue
        )
        == 0
    )
    assert claim.run().status == "paper-erratum"
