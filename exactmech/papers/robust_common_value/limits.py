"""Limits ``k → ∞`` (and ``ν → 0``) of the guarantees: Theorems 1 and 2, Π_I^*, Π_2^#.

Paper 003, §4.2–§4.3 and §5.2. With ``a = A k`` and ``k → ∞``, ``(1 + 1/a)^k → e^{1/A}`` and
the class revenues (34) become ``Rev_n(v) = A h_n v + X(n e^{1/A} - I)`` with
``h_n = Σ_{j=n+1}^I 1/j``. For a density ``ρ`` (the ``ν → 0`` limit) the guarantee is

    Π_I(A, X) = ∫_0^1 ρ(v) min_n Rev_n(v) dv,      Π_I^* = sup_{A, X} Π_I(A, X).

**Method.** At fixed ``A`` the objective is concave in ``X`` and ``Rev_n`` is the minimum on
``[n w, (n+1) w]`` with ``w = X e^{1/A}/A`` (the limit of (35)), so the optimal ``X`` solves
``Σ_n (n e^{1/A} - I) Pr[v ∈ [n w, (n+1) w)] = 0``, a monotone equation in ``w`` (bisection,
then Newton-free secant polishing). The outer maximisation over ``A`` solves
``dΠ/dA = 0`` with the envelope derivative ``Σ_n ∫ (h_n v - X n e^{1/A}/A²) ρ``, bracketed
by a coarse scan. Everything runs in mpmath at :data:`WORK_DPS` digits (never float64) and
is reported to 30 digits (:class:`LimitValue`).

For ``I = 1`` three independent computations are offered and agree to 30 digits
(Theorem 1): :func:`pi1_limit` (the first-order conditions (29)), :func:`pi1_limit_lambert`
(for each breakpoint ``w`` the best ``A`` in closed form via the ``-1`` branch of Lambert's
W, then a golden-section search over ``w``) and :func:`roesler_szentes` (the smallest
``π`` for which ``ρ`` is a mean-preserving spread of ``G_π^{B(π)}``, (24)–(26), by
bisection on that definition).

Closed forms: :func:`pi1_uniform_closed_form` (uniform prior: ``2t/(1+2t)²`` with
``t = -W_{-1}(-e^{-1/2}/2) - 1/2``) and :func:`pi1_discrete_limit` (any discrete prior:
``max_j v_j θ_j / (-W_{-1}(-θ_j/e))`` with ``θ_j = E[min(v, v_j)]/v_j``; the two-point prior
on ``{0, 1}`` gives ``-θ/W_{-1}(-θ/e)``).

Theorem 2 (:func:`theorem2_guarantee`): with ``A = 1/log I`` and ``X = 1/(2 I log I)`` the
limit guarantee is (36) **corrected**: the second line has no ``-1/log(I)`` term (see the
erratum in the claims); as ``I → ∞`` it tends to ``E[v]`` (:func:`theorem2_limit`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import mpmath
import sympy

from exactmech.dist import Discrete
from exactmech.errors import InvalidProblemError
from exactmech.numbers import Q
from exactmech.papers.robust_common_value._common import PriorLike, as_prior, harmonic_tail
from exactmech.papers.robust_common_value._numerics import argmax_1d, golden, root_1d
from exactmech.papers.robust_common_value.density import Density
from exactmech.papers.robust_common_value.printed import DIGITS

__all__ = [
    "WORK_DPS",
    "LimitValue",
    "RoeslerSzentes",
    "epm_guarantee_limit",
    "pi1_discrete_limit",
    "pi1_limit",
    "pi1_limit_lambert",
    "pi1_power_cdf_closed_form",
    "pi1_two_point_closed_form",
    "pi1_uniform_closed_form",
    "pi2_sharp_limit",
    "pi_limit",
    "roesler_szentes",
    "theorem2_guarantee",
    "theorem2_limit",
    "theorem2_rev1_limit",
]

#: Working precision (decimal digits) of the limit computations; results are reported
#: (and tested) to :data:`~exactmech.papers.robust_common_value.printed.DIGITS` = 30.
WORK_DPS = 45


@dataclass(frozen=True)
class LimitValue:
    """A limit guarantee computed in mpmath at :data:`WORK_DPS` digits.

    Attributes
    ----------
    value
        The guarantee (mpmath number, at least 30 correct digits).
    params
        The maximising parameters (``A``, ``X``, breakpoints, ...), mpmath numbers.
    closed_form
        An exact sympy closed form of ``value`` when one is known, else ``None``.
    """

    value: Any
    params: dict[str, Any] = field(default_factory=dict)
    closed_form: Any = None

    def __str__(self) -> str:
        digits = mpmath.nstr(self.value, DIGITS)
        return f"{self.closed_form} ≈ {digits}" if self.closed_form is not None else digits


def _density(rho: Any, func: str) -> Density:
    if not isinstance(rho, Density):
        raise InvalidProblemError(f"{func}(): expected a Density (see density.py), got {rho!r}")
    return rho


# -- Theorem 1: one buyer -----------------------------------------------------------------


def pi1_limit(rho: Density) -> LimitValue:
    """``Π_1 = max_{A, X} ∫ min(A v, X e^{1/A}) ρ - X`` (paper 003, (28)–(29)), Theorem 1.

    For ``t = 1/A`` the ``X``-condition of (29) gives the breakpoint
    ``s* = F^{-1}(1 - e^{-t})`` and ``X = s* e^{-t}/t``; then ``Π_1 = A G(s*)`` (``G`` the
    partial mean) and the ``A``-condition reads ``G(s*) = s* t e^{-t}``.
    Parameters reported: ``A``, ``X``, ``s_star`` (= ``X e^{1/A}/A``), ``pi_star`` (= ``X/A``).

    >>> from exactmech.papers.robust_common_value import uniform_density
    >>> mpmath.nstr(pi1_limit(uniform_density()).value, 12)
    '0.203632188795'
    """
    rho = _density(rho, "pi1_limit")
    with mpmath.workdps(WORK_DPS):
        G = rho.mp_function("partial_mean")

        def s_of(t: Any) -> Any:
            return rho.quantile(1 - mpmath.exp(-t))

        def value(t: Any) -> Any:
            return G(s_of(t)) / t

        def dvalue(t: Any) -> Any:  # sign of dΠ/dA is that of G(s) - s t e^{-t}; dA = -dt/t²
            s = s_of(t)
            return -(G(s) - s * t * mpmath.exp(-t))

        t = argmax_1d(value, dvalue, mpmath.mpf("0.01"), mpmath.mpf(40))
        s = s_of(t)
        A = 1 / t
        X = s * mpmath.exp(-t) * A
        return LimitValue(+value(t), {"A": A, "X": X, "s_star": s, "pi_star": X / A})


def pi1_limit_lambert(rho: Density) -> LimitValue:
    """``Π_1`` by a second route: for each breakpoint ``w`` the best ``A`` in closed form.

    With ``X e^{1/A} = A w`` fixed by the breakpoint ``w``, ``Π_1 = A(E[min(v, w)] - w e^{-1/A})``
    is maximised at ``1 + 1/A = -W_{-1}(-θ/e)``, ``θ = E[min(v, w)]/w``, with value
    ``E[min(v, w)]/(-W_{-1}(-θ/e))``; a golden-section search maximises it over ``w``.

    >>> from exactmech.papers.robust_common_value import uniform_density
    >>> mpmath.nstr(pi1_limit_lambert(uniform_density()).value, 12)
    '0.203632188795'
    """
    rho = _density(rho, "pi1_limit_lambert")
    with mpmath.workdps(WORK_DPS):
        F, G = rho.mp_function("cdf"), rho.mp_function("partial_mean")

        def psi(w: Any) -> Any:
            m = G(w) + w * (1 - F(w))  # E[min(v, w)]
            theta = m / w
            if theta >= 1:
                return w
            return m / (-mpmath.lambertw(-theta / mpmath.e, -1).real)

        w = argmax_1d(psi, None, mpmath.mpf("1e-6"), mpmath.mpf(1), log_grid=False, n=64)
        m = G(w) + w * (1 - F(w))
        lam = -mpmath.lambertw(-m / w / mpmath.e, -1).real
        A = 1 / (lam - 1)
        return LimitValue(+psi(w), {"A": A, "X": A * w * mpmath.exp(-1 / A), "s_star": w})


@dataclass(frozen=True)
class RoeslerSzentes:
    """Roesler–Szentes (2016) buyer-optimal signal distribution ``G_π^B`` (paper 003, (24)).

    ``pi`` is ``π*``, ``B`` is ``B* = B(π*)`` from (25), ``s`` the tangency point of (30);
    ``pi`` is an upper bound on every mechanism's guarantee and equals ``Π_1`` (Theorem 1).
    """

    pi: Any
    B: Any
    s: Any


def roesler_szentes(rho: Density) -> RoeslerSzentes:
    """``π*``: the smallest ``π`` such that ``ρ`` is a mean-preserving spread of
    ``G_π^{B(π)}`` (paper 003, §4.2, (24)–(26)), computed from that definition.

    ``B(π) = π exp(μ/π - 1)`` solves (25); ``π`` is feasible iff ``B(π) <= 1`` and
    ``min_{s ∈ [π, B]} F(s, π) >= 0`` with
    ``F(s, π) = ∫_0^s Pr[v <= u] du - (s - π - π log s + π log π)`` (26). Bisection on ``π``
    (the minimum over ``s`` by a grid and local refinement) locates ``π*`` to ``10^-12``;
    Newton's method on the tangency conditions (30), ``F(s, π) = ∂F/∂s = 0``, polishes it to
    the working precision.

    >>> from exactmech.papers.robust_common_value import uniform_density
    >>> mpmath.nstr(roesler_szentes(uniform_density()).pi, 12)
    '0.203632188795'
    """
    rho = _density(rho, "roesler_szentes")
    mu_exact = rho.mean
    with mpmath.workdps(WORK_DPS):
        F, G = rho.mp_function("cdf"), rho.mp_function("partial_mean")
        mu = mpmath.mpf(mu_exact.numerator) / mu_exact.denominator

        def B_of(p: Any) -> Any:
            return p * mpmath.exp(mu / p - 1)

        def gap(s: Any, p: Any) -> Any:  # F(s, π) of (26)
            return s * F(s) - G(s) - (s - p - p * mpmath.log(s) + p * mpmath.log(p))

        def min_gap(p: Any) -> tuple[Any, Any]:
            B = B_of(p)
            pts = [p + (B - p) * mpmath.mpf(i) / 64 for i in range(65)]
            vals = [gap(s, p) for s in pts]
            i = min(range(65), key=lambda j: vals[j])
            lo, hi = pts[max(i - 1, 0)], pts[min(i + 1, 64)]
            s = golden(lambda x: -gap(x, p), lo, hi) if hi > lo else pts[i]
            return min(vals[i], gap(s, p)), s

        def feasible(p: Any) -> bool:
            return bool(B_of(p) <= 1 and min_gap(p)[0] >= 0)

        with mpmath.workdps(20):
            lo, hi = mpmath.mpf("1e-6"), mu
            for _ in range(42):
                mid = (lo + hi) / 2
                if feasible(mid):
                    hi = mid
                else:
                    lo = mid
            p0 = hi
            s0 = min_gap(p0)[1]

        def eqs(s: Any, p: Any) -> tuple[Any, Any]:
            return gap(s, p), F(s) - 1 + p / s

        s, p = mpmath.findroot(eqs, (s0, p0), tol=mpmath.mpf(10) ** (-WORK_DPS + 5))
        return RoeslerSzentes(pi=p, B=B_of(p), s=s)


def pi1_uniform_closed_form() -> sympy.Expr:
    """Closed form of ``Π_1^* = π*`` for the uniform prior (the paper's 0.2036).

    With ``t = 1/A``, (29) gives ``s* = 1 - e^{-t}`` and ``Π = (1 - e^{-t})²/(2t)``, maximal
    where ``e^t = 1 + 2t``, i.e. ``t = -W_{-1}(-e^{-1/2}/2) - 1/2``; then ``Π = 2t/(1+2t)²``.

    >>> sympy.N(pi1_uniform_closed_form(), 20)
    0.20363218879453687507
    """
    t = -sympy.LambertW(-sympy.exp(-sympy.Rational(1, 2)) / 2, -1) - sympy.Rational(1, 2)
    return 2 * t / (1 + 2 * t) ** 2


def pi1_power_cdf_closed_form(m: int) -> sympy.Expr:
    """Closed form of ``Π_1^*`` when ``F(u) = u^m`` (uniform ``m = 1``, CDF ``v²``: ``m = 2``,
    Beta(8, 1): ``m = 8``).

    With ``c = (m+1)/m`` the conditions (29) reduce to ``e^t = 1 + c t`` (``t = 1/A``), so
    ``t = (-c W_{-1}(-e^{-1/c}/c) - 1)/c``, ``s*^m = c t/(1 + c t)`` and
    ``Π_1^* = m s*^{m+1} / ((m+1) t)``. For ``m = 1`` this is :func:`pi1_uniform_closed_form`.

    >>> sympy.N(pi1_power_cdf_closed_form(1) - pi1_uniform_closed_form(), 30)
    0
    """
    if not isinstance(m, int) or m < 1:
        raise InvalidProblemError(f"pi1_power_cdf_closed_form(): m={m!r} must be an integer >= 1")
    M = sympy.Integer(m)
    c = (M + 1) / M
    t = (-c * sympy.LambertW(-sympy.exp(-1 / c) / c, -1) - 1) / c
    s = (c * t / (1 + c * t)) ** (1 / M)
    return M * s ** (M + 1) / ((M + 1) * t)


def pi1_two_point_closed_form(theta: Any) -> sympy.Expr:
    """``lim_{k→∞} Π_1^*`` for the prior ``Pr[v = 1] = θ``, ``Pr[v = 0] = 1 - θ``:
    ``-θ / W_{-1}(-θ/e)`` (equal to Roesler–Szentes's ``π`` solving ``θ = π(1 - log π)``).

    >>> pi1_two_point_closed_form(sympy.Rational(1, 2))
    -1/(2*LambertW(-exp(-1)/2, -1))
    """
    th = sympy.nsimplify(theta)
    return -th / sympy.LambertW(-th / sympy.E, -1)


def pi1_discrete_limit(prior: PriorLike) -> sympy.Expr:
    """``lim_{k→∞} Π_1^*`` (27)–(28) for a discrete prior, as an exact closed form.

    At fixed ``A`` the objective is piecewise linear in ``X`` with kinks where
    ``X e^{1/A} = A v_j``; at the kink ``v_j`` it equals
    ``A(E[min(v, v_j)] - v_j e^{-1/A})``, maximised at ``1 + 1/A = -W_{-1}(-θ_j/e)``,
    ``θ_j = E[min(v, v_j)]/v_j``, with value ``E[min(v, v_j)]/(-W_{-1}(-θ_j/e))`` (``v_j``
    itself if ``θ_j = 1``). The best ``j`` is chosen by evaluating at 45 digits.

    >>> pi1_discrete_limit({0: "1/2", 1: "1/2"})
    -1/(2*LambertW(-exp(-1)/2, -1))
    """
    dist = as_prior(prior, "pi1_discrete_limit")
    best: sympy.Expr | None = None
    best_val = None
    for vj in dist.support:
        if vj == 0:
            continue
        m = sum((p * min(v, vj) for v, p in dist.items()), Fraction(0))
        theta = m / vj
        ms = sympy.Rational(m.numerator, m.denominator)
        if theta == 1:
            cand: sympy.Expr = sympy.Rational(vj.numerator, vj.denominator)
        else:
            th = sympy.Rational(theta.numerator, theta.denominator)
            cand = -ms / sympy.LambertW(-th / sympy.E, -1)
        val = sympy.N(cand, WORK_DPS)
        if best_val is None or val > best_val:
            best, best_val = cand, val
    return best if best is not None else sympy.Integer(0)


# -- I buyers -------------------------------------------------------------------------


def _segments(w: Any, buyers: int) -> list[tuple[Any, Any]]:
    one = mpmath.mpf(1)
    out = []
    for n in range(buyers + 1):
        lo = min(n * w, one)
        hi = one if n == buyers else min((n + 1) * w, one)
        out.append((lo, hi))
    return out


def pi_limit(rho: Density, buyers: int) -> LimitValue:
    """``Π_I^*`` as ``k → ∞``, ``ν → 0`` (paper 003, (23); Figures 1 and 2), any ``I >= 1``.

    Parameters reported: ``A``, ``X`` and ``w = X e^{1/A}/A`` (the breakpoints are
    ``(n+1) w``).

    >>> from exactmech.papers.robust_common_value import uniform_density
    >>> mpmath.nstr(pi_limit(uniform_density(), 2).value, 12)
    '0.271509585059'
    """
    rho = _density(rho, "pi_limit")
    if not isinstance(buyers, int) or buyers < 1:
        raise InvalidProblemError(f"pi_limit(): buyers={buyers!r} must be an integer >= 1")
    with mpmath.workdps(WORK_DPS):
        F, G = rho.mp_function("cdf"), rho.mp_function("partial_mean")
        h = [harmonic_tail(n, buyers) for n in range(buyers + 1)]
        hm = [mpmath.mpf(x.numerator) / x.denominator for x in h]

        def inner(t: Any) -> tuple[Any, Any, list[tuple[Any, Any]]]:
            E = mpmath.exp(t)

            def foc(w: Any) -> Any:
                return sum(
                    (n * E - buyers) * (F(hi) - F(lo))
                    for n, (lo, hi) in enumerate(_segments(w, buyers))
                )

            w = root_1d(foc, mpmath.mpf(10) ** -30, mpmath.mpf(1))
            X = w / (t * E)  # w = X e^{1/A} / A with A = 1/t
            return w, X, _segments(w, buyers)

        def value(t: Any) -> Any:
            _, X, segs = inner(t)
            E, A = mpmath.exp(t), 1 / t
            return sum(
                A * hm[n] * (G(hi) - G(lo)) + X * (n * E - buyers) * (F(hi) - F(lo))
                for n, (lo, hi) in enumerate(segs)
            )

        def dvalue(t: Any) -> Any:  # d/dt = -A² d/dA (envelope theorem)
            _, X, segs = inner(t)
            E = mpmath.exp(t)
            dA = sum(
                hm[n] * (G(hi) - G(lo)) - X * n * E * t * t * (F(hi) - F(lo))
                for n, (lo, hi) in enumerate(segs)
            )
            return -dA

        t = argmax_1d(value, dvalue, mpmath.mpf("0.01"), mpmath.mpf(40))
        w, X, _ = inner(t)
        return LimitValue(+value(t), {"A": 1 / t, "X": X, "w": w})


def pi2_sharp_limit(rho: Density) -> LimitValue:
    """``Π_2^#`` of (50) as ``k → ∞``, ``ν → 0`` (paper 003, §5.2, Figure 2).

    With ``a = A k`` the terms become ``(3A/2) v - Y_0``, ``(A/2) v - Y_1`` and
    ``Y_0 E² + 2 Y_1 E`` (``E = e^{1/A} - 1``). At fixed ``A`` the optimal ``(Y_0, Y_1)`` put the
    kinks at ``F(u_0) = (1 - e^{-1/A})²`` and ``F(u_1) = 1 - e^{-2/A}`` (zero subgradient of
    the concave objective); the outer search over ``A`` uses the envelope derivative.

    >>> from exactmech.papers.robust_common_value import uniform_density
    >>> mpmath.nstr(pi2_sharp_limit(uniform_density()).value, 12)
    '0.272651009114'
    """
    rho = _density(rho, "pi2_sharp_limit")
    with mpmath.workdps(WORK_DPS):
        F, G = rho.mp_function("cdf"), rho.mp_function("partial_mean")

        def params(t: Any) -> tuple[Any, ...]:
            A = 1 / t
            E = mpmath.exp(t) - 1
            u1 = rho.quantile(1 - mpmath.exp(-2 * t))
            u0 = rho.quantile((1 - mpmath.exp(-t)) ** 2)
            Y1 = A * mpmath.exp(-2 * t) * (u1 / 2 - u0 * E**2)
            Y0 = Y1 + A * u0
            return A, E, u0, u1, Y0, Y1

        def value(t: Any) -> Any:
            A, E, u0, u1, Y0, Y1 = params(t)
            c = Y0 * E**2 + 2 * Y1 * E
            return (
                3 * A / 2 * G(u0)
                - Y0 * F(u0)
                + A / 2 * (G(u1) - G(u0))
                - Y1 * (F(u1) - F(u0))
                + c * (1 - F(u1))
            )

        def dvalue(t: Any) -> Any:
            _A, E, u0, u1, Y0, Y1 = params(t)
            dE_dA = -mpmath.exp(t) * t * t
            dA = 3 * G(u0) / 2 + (G(u1) - G(u0)) / 2 + (1 - F(u1)) * (2 * Y0 * E + 2 * Y1) * dE_dA
            return -dA

        t = argmax_1d(value, dvalue, mpmath.mpf("0.01"), mpmath.mpf(40))
        A, _E, u0, u1, Y0, Y1 = params(t)
        return LimitValue(+value(t), {"A": A, "Y0": Y0, "Y1": Y1, "u0": u0, "u1": u1})


def epm_guarantee_limit(prior: PriorLike | Density, buyers: int, A: Any, X: Any) -> Any:
    """The ``k → ∞`` guarantee at given ``(A, X)``: ``E[min_n (A h_n v + X(n e^{1/A} - I))]``.

    ``A`` and ``X`` may be sympy numbers (e.g. ``1/log(I)``); the result is an mpmath number
    at :data:`WORK_DPS` digits. For a :class:`Density` the expectation integrates each
    piece between the breakpoints exactly (polynomial antiderivatives).
    """
    with mpmath.workdps(WORK_DPS):
        Am, Xm = _to_mp(A, "A"), _to_mp(X, "X")
        E = mpmath.exp(1 / Am)
        h = [harmonic_tail(n, buyers) for n in range(buyers + 1)]
        hm = [mpmath.mpf(x.numerator) / x.denominator for x in h]
        if isinstance(prior, Density):
            F, G = prior.mp_function("cdf"), prior.mp_function("partial_mean")
            w = Xm * E / Am
            return sum(
                Am * hm[n] * (G(hi) - G(lo)) + Xm * (n * E - buyers) * (F(hi) - F(lo))
                for n, (lo, hi) in enumerate(_segments(w, buyers))
            )
        dist = as_prior(prior, "epm_guarantee_limit")
        total = mpmath.mpf(0)
        for v, p in dist.items():
            vm = mpmath.mpf(v.numerator) / v.denominator
            total += (mpmath.mpf(p.numerator) / p.denominator) * min(
                Am * hm[n] * vm + Xm * (n * E - buyers) for n in range(buyers + 1)
            )
        return total


def _to_mp(x: Any, name: str) -> Any:
    """A number (Fraction, int, string, sympy expression, mpmath) as an mpmath number."""
    if isinstance(x, sympy.Basic):
        return mpmath.mpf(sympy.N(x, mpmath.mp.dps + 5))
    if isinstance(x, (mpmath.mpf, float)) and not isinstance(x, bool):
        if isinstance(x, float):
            raise InvalidProblemError(f"epm_guarantee_limit(): {name}={x!r} is a float")
        return x
    q = Q(x, name, func="epm_guarantee_limit")
    return mpmath.mpf(q.numerator) / q.denominator


# -- Theorem 2 --------------------------------------------------------------------------


def _halves(prior: PriorLike | Density) -> tuple[sympy.Expr, sympy.Expr, sympy.Expr, sympy.Expr]:
    """``(Pr[v <= 1/2], E[v; v <= 1/2], Pr[v > 1/2], E[v; v > 1/2])`` exactly."""
    if isinstance(prior, Density):
        f, g = prior.cdf_exact(Fraction(1, 2)), prior.partial_mean_exact(Fraction(1, 2))
        vals = (f, g, 1 - f, prior.mean - g)
    else:
        dist: Discrete = as_prior(prior, "theorem2_guarantee")
        lo = [(v, p) for v, p in dist.items() if v <= Fraction(1, 2)]
        hi = [(v, p) for v, p in dist.items() if v > Fraction(1, 2)]
        vals = (
            sum((p for _, p in lo), Fraction(0)),
            sum((v * p for v, p in lo), Fraction(0)),
            sum((p for _, p in hi), Fraction(0)),
            sum((v * p for v, p in hi), Fraction(0)),
        )
    a, b, c, d = (sympy.Rational(x.numerator, x.denominator) for x in vals)
    return a, b, c, d


def theorem2_guarantee(prior: PriorLike | Density, buyers: Any) -> sympy.Expr:
    """The ``k → ∞`` guarantee of Theorem 2's EPM, ``A = 1/log I``, ``X = 1/(2 I log I)`` (36).

    ``v(0) = 1/2`` and ``v(1) = 1`` in the limit, so with ``H_I`` the harmonic number

        (1/log I) [ Σ_{v <= 1/2} p(v)(v H_I - 1/2) + Σ_{v > 1/2} p(v) v (H_I - 1) ].

    (The paper's (36) prints an extra ``- 1/log(I)`` in the second sum; see the erratum.)
    ``buyers`` may be an integer ``>= 2`` or a sympy symbol.

    >>> theorem2_guarantee({1: 1}, 2)
    1/(2*log(2))
    """
    n = sympy.sympify(buyers)
    if n.is_number and not (n.is_integer and n >= 2):
        raise InvalidProblemError(f"theorem2_guarantee(): buyers={buyers!r} must be >= 2")
    H = sympy.harmonic(n)
    p_lo, m_lo, _, m_hi = _halves(prior)
    return sympy.simplify((m_lo * H - p_lo / 2 + m_hi * (H - 1)) / sympy.log(n))


def theorem2_limit(prior: PriorLike | Density) -> sympy.Expr:
    """``lim_{I → ∞}`` of :func:`theorem2_guarantee`: the full surplus ``E[v]`` (Theorem 2).

    >>> theorem2_limit({0: "1/2", 1: "1/2"})
    1/2
    """
    n = sympy.Symbol("I", positive=True, integer=True)
    p_lo, m_lo, _p_hi, m_hi = _halves(prior)
    H = sympy.harmonic(n)
    expr = (m_lo * H - p_lo / 2 + m_hi * (H - 1)) / sympy.log(n)
    return sympy.limit(expr, n, sympy.oo)


def theorem2_rev1_limit() -> sympy.Expr:
    """``lim_{k→∞} Rev_1(v)`` (34) at Theorem 2's ``a = k/log I``, ``X = 1/(2 I log I)``,
    symbolically in ``v`` and ``I``: ``v (H_I - 1)/log I`` (no constant term).

    >>> theorem2_rev1_limit()
    v*(harmonic(I) - 1)/log(I)
    """
    k, n, v = sympy.symbols("k I v", positive=True)
    a = k / sympy.log(n)
    X = 1 / (2 * n * sympy.log(n))
    growth = sympy.limit((1 + 1 / a) ** k, k, sympy.oo)
    rev1 = a * v / k * (sympy.harmonic(n) - 1) + X * (growth - 1) - (n - 1) * X
    return sympy.simplify(rev1)
