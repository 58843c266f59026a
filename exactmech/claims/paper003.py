"""Claims of paper 003, Du (2016), "Robust Mechanisms Under Common Valuation".

Every value is recomputed through :mod:`exactmech.papers.robust_common_value`. Printed
decimals are compared at the printed precision with :class:`Rounded` (our value, exact or
at ≥ 30 digits, rounded **half up** to the printed number of decimals); the JSON
``computed`` field shows our exact closed form or 30 digits next to the rounding.
Identities and lemmas are claims whose value is ``True`` when the identity is verified
exactly (symbolically, or over every message profile of the stated instance).
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from functools import partial
from typing import Any

import mpmath
import sympy

from exactmech.calculus import integrate_iterated
from exactmech.claims.core import Claim, Erratum
from exactmech.dist import Uniform, monopoly_price, monopoly_revenue
from exactmech.papers.robust_common_value import (
    FIGURE2_PRINTED,
    Rounded,
    beta_density,
    boundary_count,
    epm,
    epm_allocation,
    epm_best_X,
    epm_class_revenue,
    epm_payment,
    figure2_table,
    fpa_uniform_exact,
    generalized_allocation,
    generalized_epm,
    generalized_payment,
    interior_increment_sum,
    lemma2_solution,
    lemma2_values,
    lemma3_holds,
    local_multipliers,
    pi1_limit,
    pi1_limit_lambert,
    pi1_uniform_closed_form,
    pi2_sharp_best,
    pi2_sharp_lines,
    pi2_star_as_sharp,
    pi_limit,
    posted_price_guarantee_density,
    rank,
    roesler_szentes,
    theorem2_limit,
    theorem2_rev1_limit,
    triangle_density,
    uniform_density,
    virtual_revenue_lines,
    worst_case_revenue,
)

__all__ = ["CLAIMS"]

F = Fraction


def _footnote11() -> Fraction:
    s1, s2 = sympy.symbols("s1 s2")
    return 2 * integrate_iterated(
        sympy.Max(s1 + s2 / 2 - sympy.Rational(1, 2), 0), (s2, 0, s1), (s1, 0, 1)
    )


def _wallet_virtual_value() -> sympy.Expr:
    """Virtual value of buyer 1 in the wallet game: v - (1 - F(s1))/f(s1) · ∂v/∂s1."""
    s1, s2 = sympy.symbols("s1 s2")
    v = (s1 + s2) / 2
    return sympy.expand(v - (1 - s1) * sympy.diff(v, s1))


def _total_allocation_bound() -> bool:
    """§3: the EPM (6) is feasible with total allocation at most max(m)/k (I = 3, k = 4)."""
    mech = epm(3, 4, 2, F(1, 10))
    return all(mech.total_allocation(s) <= F(max(s), 4) for s in mech.multisets())


def _identity20() -> bool:
    """(20) on every profile of the EPM with I = 3, k = 3."""
    k, n_b = 3, 3
    mech = epm(n_b, k, 2, F(1, 10))
    for m in itertools.product(range(k + 1), repeat=n_b):
        inc = sum(
            (
                mech.q(m[i] + 1, m[:i] + m[i + 1 :]) - mech.q(m[i], m[:i] + m[i + 1 :])
                for i in range(n_b)
                if m[i] < k
            ),
            F(0),
        )
        if inc != interior_increment_sum(n_b, k, boundary_count(m, k)):
            return False
    return True


def _identity21() -> bool:
    """(21)/footnote 7: P(j) - a(P(j+1) - P(j)) = -X for j < k (k = 6, a = 5/2, X = 1/7)."""
    a, X = F(5, 2), F(1, 7)
    return all(
        epm_payment(j, a, X) - a * (epm_payment(j + 1, a, X) - epm_payment(j, a, X)) == -X
        for j in range(6)
    )


def _identity22() -> bool:
    """(22): Rev(v, m) = Rev_n(v) on every profile (I = 3, k = 2, a = 3/2, X = 1/10)."""
    n_b, k, a, X = 3, 2, F(3, 2), F(1, 10)
    mech = epm(n_b, k, a, X).to_finite()
    alpha: dict[tuple[int, ...], Fraction] = {
        (i, j, jp): x for (j, jp), x in local_multipliers(k, a).items() for i in range(n_b)
    }
    for m, (slope, icpt) in virtual_revenue_lines(mech, alpha).items():
        n = boundary_count(m, k)
        if icpt != epm_class_revenue(n_b, k, a, X, n, 0):
            return False
        if slope != epm_class_revenue(n_b, k, a, X, n, 1) - icpt:
            return False
    return True


_PROP_PRIOR = {F(j, 4): F(1, 5) for j in range(5)}


def _proposition1() -> bool:
    """Proposition 1 on an instance: the worst BCE (LP (9)) of the EPM with I = 2, k = 3,
    a = 3 and the best X of (23) earns at least the guarantee (23) (prior uniform on
    {0, 1/4, ..., 1})."""
    X, value = epm_best_X(_PROP_PRIOR, 2, 3, 3)
    return worst_case_revenue(epm(2, 3, 3, X), _PROP_PRIOR).revenue >= value


def _lemma2_all() -> tuple[tuple[sympy.Expr, sympy.Expr], ...]:
    return tuple(lemma2_values(k) for k in range(1, 7))


def _lemma2_printed() -> tuple[tuple[sympy.Expr, sympy.Expr], ...]:
    return tuple(
        (sympy.Rational(3 * k + 1, 4 * k * k), sympy.Rational(1, 2 * k)) for k in range(1, 7)
    )


def _identity66() -> bool:
    """The last step of Lemma 3's proof (66), symbolically in a and κ."""
    a, kappa = sympy.symbols("a kappa", positive=True)
    r = 1 + 1 / a
    lhs = a * r**2 * (r**kappa - 1) ** 2 + 2 * r ** (kappa + 1) - r - 1
    rhs = a * (r ** (kappa + 1) - 1) ** 2
    return bool(sympy.simplify(sympy.expand(lhs - rhs)) == 0)


def _allocation_51_52() -> bool:
    """(51)–(52) are feasible and satisfy (45) and (47), for k = 1..6 ("easy to check")."""
    for k in range(1, 7):
        m = generalized_epm(k, 1, 1, 0)
        q = m.q
        if any(m.total_allocation(s) > 1 for s in m.multisets()):
            return False
        if any(q(j, (k,)) + q(k, (j,)) != 1 for j in range(k + 1)):  # (47)
            return False
        for j, ell in itertools.product(range(k), repeat=2):  # (45), first line
            if q(j + 1, (ell,)) - q(j, (ell,)) + q(ell + 1, (j,)) - q(ell, (j,)) != 2 * q(1, (0,)):
                return False
        if any(q(j + 1, (k,)) - q(j, (k,)) != q(1, (k,)) for j in range(k)):
            return False
    return True


def _payment_54_solves_46() -> bool:
    """(54) satisfies (46) with -Y_0 and -Y_1 as the two constants (49), k = 1..5."""
    a, y0, y1 = F(3, 2), F(1, 5), F(-1, 7)
    for k in range(1, 6):

        def P(j: int, ell: int, k: int = k) -> Fraction:
            return generalized_payment(j, ell, k, a, y0, y1)

        for j, ell in itertools.product(range(k), repeat=2):
            rhs = P(j, ell) + P(ell, j) - a * (P(j + 1, ell) - P(j, ell))
            rhs -= a * (P(ell + 1, j) - P(ell, j))
            if rhs != -y0 or -2 * a * P(1, 0) != -y0:
                return False
        for j in range(k):
            if P(j, k) + P(k, j) - a * (P(j + 1, k) - P(j, k)) != -y1:
                return False
        if P(k, 0) - a * P(1, k) != -y1:
            return False
    return True


def _proposition2() -> bool:
    """Proposition 2 on an instance: the mechanism (51)–(54) at the best (Y_0, Y_1) of (50)
    (k = 3, a = 3, prior uniform on {0, 1/4, ..., 1}) guarantees Π_2^# (LP (9))."""
    value, y0, y1 = pi2_sharp_best(_PROP_PRIOR, 3, 3)
    return worst_case_revenue(generalized_epm(3, 3, y0, y1), _PROP_PRIOR).revenue >= value


def _special_case() -> bool:
    """§5.2: with Y_0 = 2X, Y_1 = X - X((1+1/a)^k - 1) the n = 1, 2 terms of (50) equal those
    of Π_2^* (23), and the n = 0 terms differ by a v/(2k²) (k = 4, a = 5/2, X = 1/9)."""
    k, a, X = 4, F(5, 2), F(1, 9)
    y0, y1 = pi2_star_as_sharp(k, a, X)
    lines = pi2_sharp_lines(k, a)
    for v in (F(0), F(1, 3), F(1)):
        sharp = [c * v + d0 * y0 + d1 * y1 for c, d0, d1 in lines]
        star = [epm_class_revenue(2, k, a, X, n, v) for n in range(3)]
        if sharp[1:] != star[1:] or sharp[0] - star[0] != a * v / (2 * k * k):
            return False
    return True


def _sharp_beats_star_instance() -> bool:
    """§5.2 on an instance (k = 4, a = 4): max (50) >= max (23) for I = 2."""
    prior = {F(j, 4): F(1, 5) for j in range(5)}
    return pi2_sharp_best(prior, 4, 4)[0] >= epm_best_X(prior, 2, 4, 4)[1]


# -- Figure 2 and the limits (k -> oo, nu -> 0) ------------------------------------------

_COLUMN_TEXT = {
    "mean": "mean",
    "pi2_sharp": "Π_2^# (Proposition 2)",
    "pi2_star": "Π_2^* (Proposition 1)",
    "fpa": "first-price auction, two buyers, best reserve",
    "pi1": "Π_1^* (Theorem 1)",
}


def _slug(name: str) -> str:
    out = name.lower().replace(" - ", "-").replace(", ", "-").replace(" ", "-")
    return "".join(ch for ch in out if ch.isalnum() or ch == "-")


def _figure2_cell(prior: str, column: str) -> Rounded:
    row = next(r for r in figure2_table() if r.prior == prior)
    out = row.rounded(column)
    assert out is not None
    return out


def _figure2_claims() -> list[Claim]:
    out = []
    for prior, cols in FIGURE2_PRINTED.items():
        where = "Figure 2" if prior != "Triangle" else "§5.2, wallet game"
        for col, text in cols.items():
            out.append(
                Claim(
                    f"003.fig2.{_slug(prior)}.{col}",
                    "003",
                    where,
                    f"{prior} prior: {_COLUMN_TEXT[col]} = {text} (k → ∞, ν → 0; compared at "
                    "the printed decimals, rounding half up)",
                    F(text),
                    partial(_figure2_cell, prior, col),
                )
            )
    return out


def _rs_uniform() -> Rounded:
    rs = roesler_szentes(uniform_density())
    return Rounded(rs.pi, 4, pi1_uniform_closed_form())


def _theorem1_uniform() -> bool:
    """Theorem 1 for the uniform prior: the EPM limit (29), the Lambert-W route, the
    Roesler–Szentes definition (24)–(26) and the closed form agree to 30 digits; so do the
    tangency points s* = X e^{1/A}/A and π* = X/A of §4.2.1."""
    rho = uniform_density()
    epm_route, lam, rs = pi1_limit(rho), pi1_limit_lambert(rho), roesler_szentes(rho)
    with mpmath.workdps(45):
        closed = mpmath.mpf(sympy.N(pi1_uniform_closed_form(), 50))
        tol = mpmath.mpf(10) ** -30
        return bool(
            abs(epm_route.value - closed) < tol
            and abs(lam.value - closed) < tol
            and abs(rs.pi - closed) < tol
            and abs(epm_route.params["s_star"] - rs.s) < tol
            and abs(epm_route.params["pi_star"] - rs.pi) < tol
        )


def _rs_ordering() -> bool:
    """§4.2, proof of Theorem 1: s* < B* < 1 (uniform prior)."""
    rs = roesler_szentes(uniform_density())
    return bool(rs.pi < rs.s < rs.B < 1)


def _footnote3_formula() -> sympy.Expr:
    p = sympy.Symbol("p", positive=True)
    return sympy.expand(posted_price_guarantee_density(uniform_density(), p))


def _footnote3_optimum() -> tuple[sympy.Expr, sympy.Expr]:
    p = sympy.Symbol("p", positive=True)
    g = posted_price_guarantee_density(uniform_density(), p)
    (best,) = sympy.solve(sympy.diff(g, p), p)
    return best, sympy.simplify(g.subs(p, best))


def _limit_growth() -> sympy.Expr:
    k, n = sympy.symbols("k I", positive=True)
    return sympy.limit((1 + sympy.log(n) / k) ** k, k, sympy.oo)


def _limit_v1() -> sympy.Expr:
    k, n = sympy.symbols("k I", positive=True)
    a, X = k / sympy.log(n), 1 / (2 * n * sympy.log(n))
    return sympy.simplify(sympy.limit(2 * k * X / a * (1 + 1 / a) ** k, k, sympy.oo))


def _eq36_printed_second_line() -> sympy.Expr:
    v, n = sympy.symbols("v I", positive=True)
    return v / sympy.log(n) * (sympy.harmonic(n) - 1) - 1 / sympy.log(n)


def _eq36_corrected_second_line() -> sympy.Expr:
    v, n = sympy.symbols("v I", positive=True)
    return v * (sympy.harmonic(n) - 1) / sympy.log(n)


def _eq28_growth() -> sympy.Expr:
    k, A = sympy.symbols("k A", positive=True)
    return sympy.limit((1 + 1 / (A * k)) ** k, k, sympy.oo)


def _figure1_claim() -> bool:
    """§3/Figure 1: Π_I^* (uniform) increases with I and at I = 20 is above 80% of the full
    surplus 1/2 (computed: 0.4162...)."""
    rho = uniform_density()
    vals = [pi_limit(rho, n).value for n in (1, 2, 5, 10, 20)]
    return all(x < y for x, y in itertools.pairwise(vals)) and vals[-1] > mpmath.mpf("0.4")


def _fpa_limit_uniform() -> sympy.Expr:
    """§1: the FPA's guarantee (uniform, best reserve) tends to 1/4 < 1/2 as N → ∞."""
    n = sympy.Symbol("N", positive=True, integer=True)
    closed = (n - 1) * (1 - 2 ** (1 - 2 * n)) / (2 * (2 * n - 1)) + 2 ** (-2 * n - 1)
    assert all(
        closed.subs(n, m)
        == sympy.Rational(fpa_uniform_exact(m).numerator, fpa_uniform_exact(m).denominator)
        for m in (1, 2, 3, 7)
    )
    return sympy.limit(closed, n, sympy.oo)


def _triangle_percent() -> tuple[int, int]:
    """Π_2^* and Π_2^# of the triangle prior as whole percents of 13/36 (truncated)."""
    rows = {r.prior: r for r in figure2_table()}
    tri = rows["Triangle"]
    bound = _footnote11()
    with mpmath.workdps(45):
        ub = mpmath.mpf(bound.numerator) / bound.denominator
        return (
            int(mpmath.floor(100 * tri.pi2_star.value / ub)),
            int(mpmath.floor(100 * tri.pi2_sharp.value / ub)),
        )


def _triangle_is_wallet_prior() -> bool:
    """§5.2: v = (s1 + s2)/2 with independent uniform s_i has the triangle density: its CDF
    at x (area of {s1 + s2 <= 2x} in the unit square, exact integration) equals ours."""
    s1, s2 = sympy.symbols("s1 s2")
    tri = triangle_density()
    for x in (F(1, 5), F(1, 2), F(3, 4)):
        area = integrate_iterated(
            sympy.Piecewise(
                (1, s1 + s2 <= 2 * sympy.Rational(x.numerator, x.denominator)), (0, True)
            ),
            (s2, 0, 1),
            (s1, 0, 1),
        )
        if area != tri.cdf_exact(x):
            return False
    return True


def _theorem2_limit_priors() -> tuple[sympy.Expr, ...]:
    return tuple(theorem2_limit(r) for r in (uniform_density(), beta_density(8, 1)))


# -- further statements of §4.2 and §5.2 -------------------------------------------------


def _lemma2_proof_values() -> bool:
    """Proof of Lemma 2: q(k,k) = 1/2, q(j,k) = j/(2k), q(k,j) = 1 − j/(2k) (k = 1..6)."""
    for k in range(1, 7):
        sol = lemma2_solution(k)
        half = sympy.Rational(1, 2)
        if sol[(k, k)] != half:
            return False
        for j in range(k + 1):
            if sol[(j, k)] != sympy.Rational(j, 2 * k) or sol[(k, j)] != 1 - sympy.Rational(
                j, 2 * k
            ):
                return False
    return True


def _eq52_tends_to_eq6() -> bool:
    """§5.2: as k → ∞ the allocation (51)–(52) becomes the EPM's (6): the largest difference
    over all profiles is at most 1/(2k) for k = 2, 4, 8, 16, 32, and it shrinks with k."""
    gaps = []
    for k in (2, 4, 8, 16, 32):
        gap = max(
            abs(generalized_allocation(j, ell, k) - epm_allocation(j, (ell,), k))
            for j in range(k + 1)
            for ell in range(k + 1)
        )
        if gap > F(1, 2 * k):
            return False
        gaps.append(gap)
    return all(x > y for x, y in itertools.pairwise(gaps))


def _eq54_is_eq7() -> bool:
    """§5.2: with Y_0 = 2X the payment (54) is the EPM's (7) unless the other sends k."""
    k, a, X = 4, F(5, 2), F(1, 9)
    y0, y1 = pi2_star_as_sharp(k, a, X)
    return all(
        generalized_payment(j, ell, k, a, y0, y1) == epm_payment(j, a, X)
        for j in range(k + 1)
        for ell in range(k)
    )


def _eq25_mean() -> sympy.Expr:
    """(25): the mean of G_π^B (density π/s² on [π, B), atom π/B at B)."""
    s, p, B = sympy.symbols("s pi B", positive=True)
    return sympy.expand_log(sympy.integrate(s * p / s**2, (s, p, B)) + B * p / B, force=True)


def _eq26_integral() -> sympy.Expr:
    """(26): ∫_0^s G_π^B(s') ds' for s ∈ [π, B)."""
    s, t, p = sympy.symbols("s t pi", positive=True)
    return sympy.expand_log(sympy.integrate(1 - p / t, (t, p, s)), force=True)


def _footnote9() -> bool:
    """Footnote 9 (uniform prior): F(B*, π*) > 0 and F(π*, π*) > 0, so s* is interior."""
    rho = uniform_density()
    rs = roesler_szentes(rho)
    with mpmath.workdps(45):
        cdf, G = rho.mp_function("cdf"), rho.mp_function("partial_mean")

        def gap(x: Any) -> Any:
            return (
                x * cdf(x) - G(x) - (x - rs.pi - rs.pi * mpmath.log(x) + rs.pi * mpmath.log(rs.pi))
            )

        return bool(gap(rs.B) > 0 and gap(rs.pi) > 0 and abs(gap(rs.s)) < mpmath.mpf(10) ** -30)


CLAIMS = [
    Claim(
        "003.fn11.integral",
        "003",
        "footnote 11",
        "2∫₀¹∫₀^{s1} max(s1 + s2/2 − 1/2, 0) ds2 ds1",
        Fraction(13, 36),
        _footnote11,
    ),
    Claim(
        "003.s5.2.wallet.revenue-decimal",
        "003",
        "§5.2, wallet game",
        "the optimal mechanism's revenue in the wallet game is 0.3611 (= 13/36 to 4 decimals)",
        F("0.3611"),
        lambda: Rounded(_footnote11(), 4),
    ),
    Claim(
        "003.s5.2.wallet.virtual-value",
        "003",
        "§5.2, wallet game",
        "the virtual value of buyer i is s_i − 1/2 + s_j/2",
        sympy.sympify("s1 - 1/2 + s2/2"),
        _wallet_virtual_value,
    ),
    Claim(
        "003.s1.private-value-bound",
        "003",
        "§1",
        "uniform prior: no mechanism guarantees more than 1/4 (posted price 1/2, private values)",
        F(1, 4),
        lambda: monopoly_revenue(Uniform(0, 1)),
    ),
    Claim(
        "003.s3.rank.example1",
        "003",
        "§3, after eq. (6)",
        "rank(20, 10, 20, 40, 30) = {3, 4}",
        (3, 4),
        lambda: tuple(sorted(rank((20, 10, 20, 40, 30)))),
    ),
    Claim(
        "003.s3.rank.example2",
        "003",
        "§3, after eq. (6)",
        "rank(20, 10, 30, 40, 30) = {4}",
        (4,),
        lambda: tuple(sorted(rank((20, 10, 30, 40, 30)))),
    ),
    Claim(
        "003.s3.eq6.feasible",
        "003",
        "§3, after eq. (6)",
        "(6) defines a feasible allocation with total at most max(m)/k (I = 3, k = 4)",
        True,
        _total_allocation_bound,
    ),
    Claim(
        "003.s4.1.eq20",
        "003",
        "§4.1, eq. (20)",
        "interior increments sum to (1/k)Σ_{j=n+1}^I 1/j on every profile (I = 3, k = 3)",
        True,
        _identity20,
    ),
    Claim(
        "003.s4.1.eq21",
        "003",
        "§4.1, eq. (21) and footnote 7",
        "P(m_i) − a(P(m_i + 1) − P(m_i)) = −X for interior m_i",
        True,
        _identity21,
    ),
    Claim(
        "003.s4.1.eq22",
        "003",
        "§4.1, eqs. (19), (22)",
        "under (17) Rev(v, m) = Rev_n(v) on every profile of M(n) (I = 3, k = 2)",
        True,
        _identity22,
    ),
    Claim(
        "003.s4.1.prop1",
        "003",
        "§4.1, Proposition 1",
        "the EPM's worst BCE revenue (LP (9)) is at least (23) (I = 2, k = 3, a = 3)",
        True,
        _proposition1,
    ),
    Claim(
        "003.s5.2.lemma2",
        "003",
        "§5.2, Lemma 2",
        "(45) and (47) force q(1,0) = (3k+1)/(4k²) and q(1,k) = 1/(2k) (k = 1..6, symbolic)",
        _lemma2_printed(),
        _lemma2_all,
    ),
    Claim(
        "003.s5.2.lemma3",
        "003",
        "§5.2, Lemma 3, eq. (48)",
        "(46) implies (48) over ℚ(a) (k = 1..6, symbolic)",
        (True,) * 6,
        lambda: tuple(lemma3_holds(k) for k in range(1, 7)),
    ),
    Claim(
        "003.appA.eq66",
        "003",
        "Appendix A, eq. (66)",
        "a(1+1/a)²((1+1/a)^κ − 1)² + 2(1+1/a)^{κ+1} − (1+1/a) − 1 = a((1+1/a)^{κ+1} − 1)²",
        True,
        _identity66,
    ),
    Claim(
        "003.s5.2.eq51-52",
        "003",
        "§5.2, (51)–(52)",
        "the allocation (51)–(52) is feasible and satisfies (45) and (47) (k = 1..6)",
        True,
        _allocation_51_52,
    ),
    Claim(
        "003.s5.2.eq54",
        "003",
        "§5.2, (53)–(54)",
        "the payment (54) satisfies (46) with constants −Y_0 and −Y_1 (k = 1..5)",
        True,
        _payment_54_solves_46,
    ),
    Claim(
        "003.s5.2.prop2",
        "003",
        "§5.2, Proposition 2",
        "the mechanism (51)–(54) guarantees Π_2^# of (50) (LP (9), k = 3, a = 3)",
        True,
        _proposition2,
    ),
    Claim(
        "003.s5.2.special-case",
        "003",
        "§5.2, after (50)",
        "Π_2^* is the special case Y_0 = 2X, Y_1 = X − X((1+1/a)^k − 1) of Π_2^#",
        True,
        _special_case,
    ),
    Claim(
        "003.s5.2.sharp-geq-star",
        "003",
        "§5.2, after (50)",
        "Π_2^# >= Π_2^* (an instance at fixed k = 4, a = 4)",
        True,
        _sharp_beats_star_instance,
    ),
    Claim(
        "003.s1.rs-bound-uniform",
        "003",
        "§1",
        "uniform prior: Roesler–Szentes's bound, so no mechanism guarantees more than 0.2036",
        F("0.2036"),
        _rs_uniform,
    ),
    Claim(
        "003.s1.epm-attains-rs-uniform",
        "003",
        "§1 and Theorem 1",
        "uniform prior, one buyer: the EPM guarantees the Roesler–Szentes bound 0.2036",
        F("0.2036"),
        lambda: Rounded(pi1_limit(uniform_density()).value, 4, pi1_uniform_closed_form()),
    ),
    Claim(
        "003.thm1.uniform-30-digits",
        "003",
        "Theorem 1, §4.2, §4.2.1",
        "Π_1^* = π* (Roesler–Szentes), with s* = X e^{1/A}/A and π* = X/A (30 digits, uniform)",
        True,
        _theorem1_uniform,
    ),
    Claim(
        "003.thm1.s-B-order",
        "003",
        "§4.2, proof of Theorem 1",
        "s* < B* < 1 (uniform prior)",
        True,
        _rs_ordering,
    ),
    Claim(
        "003.fn3.formula",
        "003",
        "footnote 3",
        "uniform prior: a posted price p <= 1/2 guarantees (1 − 2p)p",
        sympy.expand(sympy.Symbol("p", positive=True) * (1 - 2 * sympy.Symbol("p", positive=True))),
        _footnote3_formula,
    ),
    Claim(
        "003.s1.posted-price-1/8",
        "003",
        "§1 and footnote 3",
        "uniform prior: the optimal posted price guarantees only 1/8 (at p = 1/4)",
        (sympy.Rational(1, 4), sympy.Rational(1, 8)),
        _footnote3_optimum,
    ),
    Claim(
        "003.eq28.growth",
        "003",
        "§4.2, eq. (28)",
        "with a = A k, (1 + 1/a)^k → exp(1/A) as k → ∞",
        sympy.exp(1 / sympy.Symbol("A", positive=True)),
        _eq28_growth,
    ),
    Claim(
        "003.thm2.growth",
        "003",
        "§4.3, proof of Theorem 2",
        "lim_{k→∞} (1 + 1/a)^k = I for a = k/log(I)",
        sympy.Symbol("I", positive=True),
        _limit_growth,
    ),
    Claim(
        "003.thm2.v1",
        "003",
        "§4.3, proof of Theorem 2",
        "lim_{k→∞} v(1) = 1 for a = k/log(I), X = 1/(2I log(I))",
        sympy.Integer(1),
        _limit_v1,
    ),
    Claim(
        "003.eq36.second-line",
        "003",
        "§4.3, eq. (36)",
        "lim_{k→∞} Rev_1(v) = (v/log I) Σ_{j=2}^I 1/j − 1/log(I) (the second line of (36))",
        _eq36_printed_second_line(),
        theorem2_rev1_limit,
        erratum=Erratum(
            _eq36_corrected_second_line(),
            "With a = k/log(I) and X = 1/(2I log(I)), Rev_1(v) of (34) is (av/k)Σ_{j=2}^I 1/j "
            "+ X((1+1/a)^k − 1) − (I−1)X, and (1+1/a)^k → I, so the two X terms cancel: the "
            "limit is v(H_I − 1)/log(I) with no constant. The printed '− 1/log(I)' also breaks "
            "the defining property of the breakpoint (35), Rev_0(v(0)) = Rev_1(v(0)) at "
            "v(0) = 1/2. The conclusion of Theorem 2 is unaffected (the term vanishes as I → ∞). "
            "Confirmed by sympy's limit of (34) and by the breakpoint identity and a "
            "high-precision evaluation at k = 10^8 (test_erratum_eq36_second_line).",
        ),
    ),
    Claim(
        "003.thm2.full-surplus",
        "003",
        "Theorem 2, eq. (36)",
        "as I → ∞ the guarantee (36) tends to the full surplus E[v] (uniform; Beta(8, 1))",
        (sympy.Rational(1, 2), sympy.Rational(8, 9)),
        _theorem2_limit_priors,
    ),
    Claim(
        "003.fig1.increasing",
        "003",
        "§3 and Figure 1",
        "uniform prior: Π_I^* increases with I; with 20 buyers it is fairly close to the full "
        "surplus 0.5 (Π_20^* ≈ 0.416 > 0.4)",
        True,
        _figure1_claim,
    ),
    Claim(
        "003.s1.fpa-not-full-surplus",
        "003",
        "§1 (Engelbrecht-Wiggans et al.; Bergemann, Brooks and Morris)",
        "the first-price auction's guarantee (best reserve, uniform) does not tend to the full "
        "surplus 1/2: it tends to 1/4",
        sympy.Rational(1, 4),
        _fpa_limit_uniform,
    ),
    Claim(
        "003.s5.2.triangle-prior",
        "003",
        "§5.2, wallet game",
        "v = (s1 + s2)/2 with independent uniform signals has the triangle distribution",
        True,
        _triangle_is_wallet_prior,
    ),
    Claim(
        "003.s5.2.triangle-86-percent",
        "003",
        "§5.2, wallet game",
        "Π_2^* = 0.31094 and Π_2^# = 0.31324 are 86% of the upper bound 13/36 (percent "
        "truncated: Π_2^# is 86.74%)",
        (86, 86),
        _triangle_percent,
    ),
    *_figure2_claims(),
    Claim(
        "003.s1.private-value-price",
        "003",
        "§1",
        "uniform prior with private values: the optimal mechanism is a posted price of 1/2",
        F(1, 2),
        lambda: monopoly_price(Uniform(0, 1)),
    ),
    Claim(
        "003.fn10.beta11-uniform",
        "003",
        "footnote 10",
        "Beta(1, 1) is the uniform distribution",
        True,
        lambda: beta_density(1, 1).pieces == uniform_density().pieces,
    ),
    Claim(
        "003.appA.lemma2-proof",
        "003",
        "Appendix A, proof of Lemma 2",
        "q(k, k) = 1/2, q(j, k) = j/(2k) and q(k, j) = 1 − j/(2k) (k = 1..6, symbolic)",
        True,
        _lemma2_proof_values,
    ),
    Claim(
        "003.s5.2.eq52-limit",
        "003",
        "§5.2, after (52)",
        "as k → ∞ the allocation (51)–(52) becomes identical to the EPM's (6)",
        True,
        _eq52_tends_to_eq6,
    ),
    Claim(
        "003.s5.2.eq54-is-eq7",
        "003",
        "§5.2, after (54)",
        "(54) is the EPM payment (7) except when the other buyer submits k",
        True,
        _eq54_is_eq7,
    ),
    Claim(
        "003.eq25",
        "003",
        "§4.2, eq. (25)",
        "∫ s dG_π^B(s) = π + π log B − π log π",
        sympy.sympify(
            "pi + pi*log(B) - pi*log(pi)",
            locals={"pi": sympy.Symbol("pi", positive=True), "B": sympy.Symbol("B", positive=True)},
        ),
        _eq25_mean,
    ),
    Claim(
        "003.eq26",
        "003",
        "§4.2, eq. (26)",
        "∫_0^s G_π^B(s') ds' = s − π − π log s + π log π on [π, B)",
        sympy.sympify(
            "s - pi - pi*log(s) + pi*log(pi)",
            locals={"pi": sympy.Symbol("pi", positive=True), "s": sympy.Symbol("s", positive=True)},
        ),
        _eq26_integral,
    ),
    Claim(
        "003.fn9",
        "003",
        "footnote 9",
        "F(B*, π*) > 0 and F(π*, π*) > 0, so the tangency point s* is interior (uniform)",
        True,
        _footnote9,
    ),
]
