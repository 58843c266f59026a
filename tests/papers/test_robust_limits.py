"""Paper 003, §4.2–§4.3 and Figure 2: limits k → ∞, ν → 0 (Theorems 1 and 2), closed forms,
the erratum in (36), and the Figure 2 / Figure 1 data."""

from __future__ import annotations

import itertools
from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactmech.dist import Discrete
from exactmech.papers.robust_common_value import (
    FIGURE2_PRINTED,
    Density,
    beta_density,
    cdf_density,
    epm_best_X,
    epm_class_revenue,
    epm_guarantee_limit,
    figure1_data,
    figure2_table,
    pi1_discrete_limit,
    pi1_limit,
    pi1_limit_lambert,
    pi1_power_cdf_closed_form,
    pi1_two_point_closed_form,
    pi1_uniform_closed_form,
    pi2_sharp_best,
    pi2_sharp_limit,
    pi_limit,
    roesler_szentes,
    theorem2_guarantee,
    theorem2_limit,
    theorem2_rev1_limit,
    triangle_density,
    uniform_density,
)
from exactmech.papers.robust_common_value import limits as limits_module
from exactmech.papers.robust_common_value.strategies import common_value_priors

F = Fraction
TOL = mpmath.mpf(10) ** -30


def _mp(x: object) -> mpmath.mpf:
    with mpmath.workdps(50):
        return mpmath.mpf(sympy.N(x, 55)) if isinstance(x, sympy.Basic) else mpmath.mpf(x)


@pytest.mark.parametrize(
    "rho", [uniform_density(), triangle_density()], ids=["uniform", "triangle"]
)
def test_theorem1_three_routes(rho: Density) -> None:
    """Paper 003, Theorem 1: the EPM's limit guarantee Π_1 (first-order conditions (29)), the
    same maximum by a Lambert-W route, and the Roesler–Szentes bound π* computed from its
    definition (24)–(26) agree to 30 digits; the tangency point s* is the EPM's X e^{1/A}/A."""
    a, b, rs = pi1_limit(rho), pi1_limit_lambert(rho), roesler_szentes(rho)
    with mpmath.workdps(45):
        assert abs(a.value - b.value) < TOL
        assert abs(a.value - rs.pi) < TOL
        assert abs(a.params["s_star"] - rs.s) < TOL
        assert abs(a.params["pi_star"] - a.value) < TOL  # Π_1 = X/A at the optimum (§4.2)
        assert rs.pi < rs.s < rs.B <= 1


@pytest.mark.parametrize("m", [1, 2, 8])
def test_power_cdf_closed_forms(m: int) -> None:
    """Closed forms for F(u) = u^m (uniform, CDF v², Beta(8, 1)): Π_1^* (Lambert W) and the
    first-price auction at its best reserve agree with the numerical maximisations to 30 digits."""
    from exactmech.papers.robust_common_value import (
        fpa_optimal_reserve,
        fpa_power_cdf_closed_form,
    )

    rho = cdf_density(f"v**{m}")
    with mpmath.workdps(45):
        assert abs(pi1_limit(rho).value - _mp(pi1_power_cdf_closed_form(m))) < TOL
        for n in (1, 2, 3):
            assert (
                abs(fpa_optimal_reserve(rho, n).value - _mp(fpa_power_cdf_closed_form(m, n))) < TOL
            )
    assert sympy.N(pi1_power_cdf_closed_form(1) - pi1_uniform_closed_form(), 40) == 0


def test_pi_limit_one_buyer_and_precision(monkeypatch: pytest.MonkeyPatch) -> None:
    """Π_I^* with I = 1 (the general routine) equals Π_1^* (the (29) routine); recomputing at
    60 working digits changes nothing in the first 30 (the reported precision)."""
    from exactmech.papers.robust_common_value import fpa as fpa_module

    rho = beta_density(2, 4)
    base = [
        pi_limit(rho, 2).value,
        pi2_sharp_limit(rho).value,
        pi1_limit(rho).value,
        fpa_module.fpa_optimal_reserve(rho, 2).value,
    ]
    with mpmath.workdps(45):
        assert abs(pi_limit(rho, 1).value - pi1_limit(rho).value) < TOL
    monkeypatch.setattr(limits_module, "WORK_DPS", 60)
    monkeypatch.setattr(fpa_module, "WORK_DPS", 60)
    with mpmath.workdps(60):
        again = [
            pi_limit(rho, 2).value,
            pi2_sharp_limit(rho).value,
            pi1_limit(rho).value,
            fpa_module.fpa_optimal_reserve(rho, 2).value,
        ]
        assert all(abs(x - y) < TOL for x, y in zip(base, again))


def test_two_point_closed_form_and_roesler_szentes() -> None:
    """Two-point prior Pr[v=1] = θ: lim Π_1^* = -θ/W_{-1}(-θ/e), which solves Roesler and
    Szentes's θ = π(1 - log π) (B = 1), and equals the general discrete closed form."""
    for theta in (F(1, 2), F(1, 3), F(9, 10)):
        th = sympy.Rational(theta.numerator, theta.denominator)
        pi = pi1_two_point_closed_form(th)
        assert sympy.N(pi - pi1_discrete_limit({0: 1 - theta, 1: theta}), 40) == 0
        assert abs(sympy.N(th - pi * (1 - sympy.log(pi)), 40)) < sympy.Float("1e-35")


@settings(max_examples=20, deadline=None)
@given(
    common_value_priors(max_size=4),
    st.fractions(F(1, 10), 5, max_denominator=10),
    st.fractions(F(1, 100), 1, max_denominator=100),
)
def test_discrete_limit_is_the_supremum(prior: Discrete, A: Fraction, X: Fraction) -> None:
    """(27)–(28) for a discrete prior: the Lambert-W closed form of lim_k Π_1^* dominates the
    limit guarantee at any (A, X) and is attained at its own parameters."""
    best = pi1_discrete_limit(prior)
    with mpmath.workdps(45):
        assert epm_guarantee_limit(prior, 1, A, X) <= _mp(best) + TOL


@settings(max_examples=15, deadline=None)
@given(common_value_priors(max_size=4), st.integers(2, 6))
def test_theorem2_closed_form_and_limit(prior: Discrete, buyers: int) -> None:
    """Paper 003, Theorem 2 / (36) (corrected): with A = 1/log I, X = 1/(2I log I) the limit
    guarantee min_n Rev_n summed over the prior equals the two-piece formula, and it tends to
    the full surplus E[v] as I → ∞ (sympy's limit, exact)."""
    n = sympy.Integer(buyers)
    direct = epm_guarantee_limit(prior, buyers, 1 / sympy.log(n), 1 / (2 * n * sympy.log(n)))
    with mpmath.workdps(45):
        assert abs(direct - _mp(theorem2_guarantee(prior, buyers))) < TOL
    mean = prior.mean()
    assert theorem2_limit(prior) == sympy.Rational(mean.numerator, mean.denominator)


def test_erratum_eq36_second_line() -> None:
    """Erratum in (36): the paper prints the second line of lim_k Σ_v p(v) min_n Rev_n(v) as
    (v/log I) Σ_{j=2}^I 1/j − 1/log(I). But Rev_1 of (34) at a = k/log I, X = 1/(2I log I) is
    (av/k)(H_I − 1) + X((1+1/a)^k − 1) − (I−1)X, whose X terms cancel as (1+1/a)^k → I.
    Independent checks: (a) the breakpoint property (35) requires Rev_0(v(0)) = Rev_1(v(0)) at
    v(0) = 1/2, which the corrected line satisfies and the printed one misses by 1/log I;
    (b) evaluating (34) at k = 10^8 with 40-digit arithmetic lands on the corrected value."""
    v, n = sympy.symbols("v I", positive=True)
    corrected = v * (sympy.harmonic(n) - 1) / sympy.log(n)
    printed = corrected - 1 / sympy.log(n)
    assert sympy.simplify(theorem2_rev1_limit() - corrected) == 0
    first_line = (v * sympy.harmonic(n) - sympy.Rational(1, 2)) / sympy.log(n)
    half = {v: sympy.Rational(1, 2)}
    assert sympy.simplify((first_line - corrected).subs(half)) == 0
    assert sympy.simplify((first_line - printed).subs(half) - 1 / sympy.log(n)) == 0
    with mpmath.workdps(40):
        for buyers in (2, 5, 9):
            k = mpmath.mpf(10) ** 8
            a = k / mpmath.log(buyers)
            X = 1 / (2 * buyers * mpmath.log(buyers))
            H = mpmath.harmonic(buyers)
            val = mpmath.mpf("0.7")
            rev1 = a * val / k * (H - 1) + X * ((1 + 1 / a) ** k - 1) - (buyers - 1) * X
            good = val * (H - 1) / mpmath.log(buyers)
            assert abs(rev1 - good) < mpmath.mpf(10) ** -6
            assert abs(rev1 - (good - 1 / mpmath.log(buyers))) > mpmath.mpf("0.4")


def test_finite_k_and_grid_approach_the_limits() -> None:
    """§4.1–§5.2: exact finite-(k, ν) guarantees (23) and (50) at the integer a = round(A* k)
    approach the k → ∞, ν → 0 values (uniform, two buyers; k = 16, ν = 1/16: within 0.015,
    the O(1/k) discretisation error); each finite value is a certified lower bound on the
    optimal guarantee for that grid."""
    rho = uniform_density()
    prior = rho.discretize(16)
    star, sharp = pi_limit(rho, 2), pi2_sharp_limit(rho)
    k = 16
    finite_star = epm_best_X(prior, 2, k, F(round(star.params["A"] * k)))[1]
    finite_sharp = pi2_sharp_best(prior, k, F(round(sharp.params["A"] * k)))[0]
    with mpmath.workdps(45):
        fs = mpmath.mpf(finite_star.numerator) / finite_star.denominator
        fsh = mpmath.mpf(finite_sharp.numerator) / finite_sharp.denominator
        assert abs(fs - star.value) < mpmath.mpf("0.015")
        assert abs(fsh - sharp.value) < mpmath.mpf("0.015")


def test_figure2_every_printed_entry() -> None:
    """Figure 2 (7 priors × mean and 4 guarantees) and the triangle values of §5.2: every
    printed decimal is reproduced at its printed precision (rounding half up)."""
    rows = figure2_table()
    assert [r.prior for r in rows] == list(FIGURE2_PRINTED)
    for row in rows:
        assert all(row.matches().values()), row.prior
        assert row.printed == FIGURE2_PRINTED[row.prior]
        # Π_2^# >= Π_2^* (§5.2: (23) is a special case of (50) as k → ∞)
        assert row.pi2_sharp.value >= row.pi2_star.value


def test_figure1_data() -> None:
    """Figure 1 (uniform prior): Π_I^* increases in I; the FPA's exact guarantees start at the
    posted-price optimum 1/8 and 17/96, and stay below Π_I^* for I >= 2."""
    pts = figure1_data(4)
    assert [p.buyers for p in pts] == [1, 2, 3, 4]
    assert pts[0].fpa == F(1, 8) and pts[1].fpa == F(17, 96)
    assert all(a.epm.value < b.epm.value for a, b in itertools.pairwise(pts))
    assert all(p.epm.value > mpmath.mpf(p.fpa.numerator) / p.fpa.denominator for p in pts[1:])


def test_density_errors() -> None:
    from exactmech.errors import DistributionError

    v = sympy.Symbol("v")
    with pytest.raises(DistributionError, match="integrates to"):
        Density(3 * v)
    with pytest.raises(DistributionError, match="negative"):
        Density(4 * v - 1)
    with pytest.raises(NotImplementedError, match="polynomial"):
        Density(sympy.exp(v) / (sympy.E - 1))
    assert uniform_density().discretize(4).mean() == F(1, 2)
    assert epm_class_revenue(2, 1, 1, 0, 0, 1) == F(3, 2)
