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

import sympy

from exactmech.calculus import integrate_iterated
from exactmech.claims.core import Claim
from exactmech.dist import Uniform, monopoly_revenue
from exactmech.papers.robust_common_value import (
    Rounded,
    boundary_count,
    epm,
    epm_best_X,
    epm_class_revenue,
    epm_payment,
    generalized_epm,
    generalized_payment,
    interior_increment_sum,
    lemma2_values,
    lemma3_holds,
    local_multipliers,
    pi2_sharp_best,
    pi2_sharp_lines,
    pi2_star_as_sharp,
    rank,
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
]
