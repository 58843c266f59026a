"""Direct mechanisms on value pairs: dominant-strategy and Bayesian optima (paper 004, §2).

A *value mechanism* is ``(q, t)`` on the four value profiles ``(b, s)``, keys
``("lo" | "hi", "lo" | "hi")`` (buyer first): ``q(b, s) ∈ [0, 1]`` is the probability of
trade and ``t(b, s)`` the buyer's payment to the seller. Payoffs are ``u_B = b q − t`` and
``u_S = t − s q`` (§2.1).

This module owns

* :class:`ValueMechanism` with exact checks of the dominant-strategy constraints (§2.2) and
  the Bayesian ones (§2.3);
* :func:`table1_mechanism`: the two optimal dominant-strategy mechanisms of Table 1 in
  closed form (Lemma 2.1);
* :func:`ds_lp` and :func:`bayesian_lp`: the same problems as exact LPs (variables
  ``q, t``, objective eq. (2.1)), whose optimal values are ``W_DS`` and the Bayesian
  optimum (Proposition 2.2: strictly above ``W_DS``); each carries its LP solution (duals
  and the verified certificate).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from exactmech.errors import InvalidProblemError
from exactmech.lp import LinearProgram, Solution
from exactmech.lp.model import LinExpr, Variable, lin_sum
from exactmech.numbers import Q, RationalLike, fraction_str
from exactmech.papers.information_games.params import TradeParams, ds_case

__all__ = [
    "PROFILES",
    "MechanismLP",
    "ValueMechanism",
    "bayesian_lp",
    "ds_lp",
    "table1_mechanism",
    "table1_rows",
]

Profile = tuple[str, str]
#: The four value profiles ``(buyer, seller)``, in the order of eq. (2.1).
PROFILES: tuple[Profile, ...] = (("lo", "lo"), ("lo", "hi"), ("hi", "lo"), ("hi", "hi"))
_LEVELS = ("lo", "hi")
_0 = Fraction(0)


def _bval(th: TradeParams, b: str) -> Fraction:
    return th.b_lo if b == "lo" else th.b_hi


def _sval(th: TradeParams, s: str) -> Fraction:
    return th.s_lo if s == "lo" else th.s_hi


def _pb(th: TradeParams, b: str) -> Fraction:
    return th.p_b_lo if b == "lo" else th.p_b_hi


def _ps(th: TradeParams, s: str) -> Fraction:
    return th.p_s_lo if s == "lo" else th.p_s_hi


@dataclass(frozen=True)
class ValueMechanism:
    """A direct mechanism ``(q, t)`` on the four value profiles (paper 004, §2.2–§2.3).

    Parameters
    ----------
    q, t
        Mappings from every profile in :data:`PROFILES` to the trade probability (in
        ``[0, 1]``) and the payment; values go through :func:`exactmech.Q`.

    Examples
    --------
    >>> th = TradeParams(1, 2, 3, 4, "1/2", "1/4")
    >>> m = table1_mechanism(th, "b")
    >>> m.q[("lo", "lo")], m.t[("lo", "lo")], m.is_dominant_strategy(th)
    (Fraction(1, 2), Fraction(1, 1), True)
    >>> ValueMechanism({("lo", "lo"): 2}, {})
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: ValueMechanism(): q[('lo', 'lo')]=2 is not in [0, 1]
    """

    q: Mapping[Profile, Fraction]
    t: Mapping[Profile, Fraction]

    def __init__(
        self, q: Mapping[Profile, RationalLike], t: Mapping[Profile, RationalLike]
    ) -> None:
        func = "ValueMechanism"
        qq: dict[Profile, Fraction] = {}
        tt: dict[Profile, Fraction] = {}
        for k in q:
            if k not in PROFILES:
                raise InvalidProblemError(f"{func}(): unknown profile {k!r}; use {PROFILES}")
        for k in t:
            if k not in PROFILES:
                raise InvalidProblemError(f"{func}(): unknown profile {k!r}; use {PROFILES}")
        for k in PROFILES:
            qq[k] = Q(q.get(k, 0), f"q[{k!r}]", func=func)
            tt[k] = Q(t.get(k, 0), f"t[{k!r}]", func=func)
            if not 0 <= qq[k] <= 1:
                raise InvalidProblemError(
                    f"{func}(): q[{k!r}]={fraction_str(qq[k])} is not in [0, 1]"
                )
        object.__setattr__(self, "q", qq)
        object.__setattr__(self, "t", tt)

    def u_buyer(self, th: TradeParams, b: str, s: str, report: str | None = None) -> Fraction:
        """``b q(b', s) − t(b', s)`` for a buyer of value ``b`` reporting ``b'`` (default ``b``)."""
        r = b if report is None else report
        return _bval(th, b) * self.q[(r, s)] - self.t[(r, s)]

    def u_seller(self, th: TradeParams, b: str, s: str, report: str | None = None) -> Fraction:
        """``t(b, s') − s q(b, s')`` for a seller of value ``s`` reporting ``s'``."""
        r = s if report is None else report
        return self.t[(b, r)] - _sval(th, s) * self.q[(b, r)]

    def welfare(self, th: TradeParams) -> Fraction:
        """Expected welfare, eq. (2.1) of paper 004."""
        return sum(
            (
                _pb(th, b) * _ps(th, s) * (_bval(th, b) - _sval(th, s)) * self.q[(b, s)]
                for b, s in PROFILES
            ),
            _0,
        )

    def interim_buyer(self, th: TradeParams, b: str, report: str | None = None) -> Fraction:
        """``Σ_s p_s [b q(b', s) − t(b', s)]``: the Bayesian buyer payoff (§2.3)."""
        return sum((_ps(th, s) * self.u_buyer(th, b, s, report) for s in _LEVELS), _0)

    def interim_seller(self, th: TradeParams, s: str, report: str | None = None) -> Fraction:
        """``Σ_b p_b [t(b, s') − s q(b, s')]``: the Bayesian seller payoff (§2.3)."""
        return sum((_pb(th, b) * self.u_seller(th, b, s, report) for b in _LEVELS), _0)

    def ds_violations(self, th: TradeParams) -> list[str]:
        """The dominant-strategy IC/IR constraints of §2.2 that fail (empty if none)."""
        bad = []
        for s in _LEVELS:
            for b in _LEVELS:
                if self.u_buyer(th, b, s) < 0:
                    bad.append(f"buyer IR at (b_{b}, s_{s})")
                for r in _LEVELS:
                    if self.u_buyer(th, b, s) < self.u_buyer(th, b, s, r):
                        bad.append(f"buyer IC b_{b} -> b_{r} at s_{s}")
        for b in _LEVELS:
            for s in _LEVELS:
                if self.u_seller(th, b, s) < 0:
                    bad.append(f"seller IR at (b_{b}, s_{s})")
                for r in _LEVELS:
                    if self.u_seller(th, b, s) < self.u_seller(th, b, s, r):
                        bad.append(f"seller IC s_{s} -> s_{r} at b_{b}")
        return bad

    def bayes_violations(self, th: TradeParams) -> list[str]:
        """The Bayesian IC/IR constraints of §2.3 that fail (empty if none)."""
        bad = []
        for b in _LEVELS:
            if self.interim_buyer(th, b) < 0:
                bad.append(f"buyer IR b_{b}")
            for r in _LEVELS:
                if self.interim_buyer(th, b) < self.interim_buyer(th, b, r):
                    bad.append(f"buyer IC b_{b} -> b_{r}")
        for s in _LEVELS:
            if self.interim_seller(th, s) < 0:
                bad.append(f"seller IR s_{s}")
            for r in _LEVELS:
                if self.interim_seller(th, s) < self.interim_seller(th, s, r):
                    bad.append(f"seller IC s_{s} -> s_{r}")
        return bad

    def is_dominant_strategy(self, th: TradeParams) -> bool:
        """Whether the §2.2 constraints hold (dominant-strategy IC and ex-post IR)."""
        return not self.ds_violations(th)

    def is_bayesian(self, th: TradeParams) -> bool:
        """Whether the §2.3 (Bayesian) constraints hold."""
        return not self.bayes_violations(th)


def table1_mechanism(th: TradeParams, case: str | None = None) -> ValueMechanism:
    """The optimal dominant-strategy mechanism of Table 1 (Lemma 2.1, paper 004, §2.2).

    Case ``"a"`` (left of Table 1): trade for sure at price ``b̲`` when ``s = s̲``; at
    ``(b̄, s̄)`` trade with probability ``(b̲−s̲)/(s̄−s̲)`` at total payment that probability
    times ``s̄``. Case ``"b"`` (right): trade for sure at price ``s̄`` when ``b = b̄``; at
    ``(b̲, s̲)`` with probability ``(b̄−s̄)/(b̄−b̲)`` times price ``b̲``. ``case=None`` takes
    Lemma 2.1's case (:func:`~exactmech.papers.information_games.params.ds_case`).

    >>> m = table1_mechanism(TradeParams(1, 2, 3, 4, "3/4", "1/2"), "a")
    >>> m.q[("hi", "hi")], m.t[("hi", "hi")]
    (Fraction(1, 2), Fraction(3, 2))
    """
    c = ds_case(th) if case is None else case
    if c == "a":
        r = (th.b_lo - th.s_lo) / (th.s_hi - th.s_lo)
        q = {("lo", "lo"): 1, ("hi", "lo"): 1, ("hi", "hi"): r}
        t = {("lo", "lo"): th.b_lo, ("hi", "lo"): th.b_lo, ("hi", "hi"): r * th.s_hi}
    elif c == "b":
        r = (th.b_hi - th.s_hi) / (th.b_hi - th.b_lo)
        q = {("lo", "lo"): r, ("hi", "lo"): 1, ("hi", "hi"): 1}
        t = {("lo", "lo"): r * th.b_lo, ("hi", "lo"): th.s_hi, ("hi", "hi"): th.s_hi}
    else:
        raise InvalidProblemError(f"table1_mechanism(): case={case!r} must be 'a', 'b' or None")
    return ValueMechanism(q, t)


def table1_rows(th: TradeParams) -> list[dict[str, object]]:
    """Table 1's rows at θ: case, buyer, seller, ``q``, ``t`` (paper 004, §2.2).

    Each row holds the exact value at ``th`` (``q``, ``t``) and the printed formula
    (``q_printed``, ``t_printed``, plain text as typeset in Table 1).

    >>> rows = table1_rows(TradeParams(1, 2, 3, 5, "1/2", "1/2"))
    >>> [(r["case"], r["buyer"], r["seller"], str(r["q"]), str(r["t"])) for r in rows][:2]
    [('a', 'lo', 'hi', '0', '0'), ('a', 'hi', 'hi', '1/2', '3/2')]
    """
    printed = {
        "a": {
            ("lo", "hi"): ("0", "0"),
            ("hi", "hi"): ("(b̲−s̲)/(s̄−s̲)", "(b̲−s̲)/(s̄−s̲)·s̄"),
            ("lo", "lo"): ("1", "b̲"),
            ("hi", "lo"): ("1", "b̲"),
        },
        "b": {
            ("lo", "hi"): ("0", "0"),
            ("hi", "hi"): ("1", "s̄"),
            ("lo", "lo"): ("(b̄−s̄)/(b̄−b̲)", "(b̄−s̄)/(b̄−b̲)·b̲"),
            ("hi", "lo"): ("1", "s̄"),
        },
    }
    rows: list[dict[str, object]] = []
    for case in ("a", "b"):
        m = table1_mechanism(th, case)
        for key, (qp, tp) in printed[case].items():
            rows.append(
                {
                    "case": case,
                    "buyer": key[0],
                    "seller": key[1],
                    "q": m.q[key],
                    "t": m.t[key],
                    "q_printed": qp,
                    "t_printed": tp,
                }
            )
    return rows


@dataclass(frozen=True)
class MechanismLP:
    """An exact LP optimum over value mechanisms: value, an optimal mechanism, the solution.

    Attributes
    ----------
    value : Fraction
        The optimal expected welfare.
    mechanism : ValueMechanism
        An optimal vertex (unique off the boundary curves of Lemma 2.1 for :func:`ds_lp`).
    solution : Solution
        The :class:`~exactmech.lp.Solution`, with duals and the verified certificate.
    """

    value: Fraction
    mechanism: ValueMechanism
    solution: Solution


def _value_lp(
    th: TradeParams, name: str
) -> tuple[LinearProgram, dict[Profile, Variable], dict[Profile, Variable]]:
    lp = LinearProgram(name, maximize=True)
    q = {k: lp.var(f"q[{k[0]},{k[1]}]", 0, 1) for k in PROFILES}
    t = {k: lp.var(f"t[{k[0]},{k[1]}]", None, None) for k in PROFILES}
    lp.maximize(
        lin_sum(
            (
                _pb(th, b) * _ps(th, s) * (_bval(th, b) - _sval(th, s)) * q[(b, s)]
                for b, s in PROFILES
            )
        )
    )
    return lp, q, t


def _solved(
    lp: LinearProgram, q: dict[Profile, Variable], t: dict[Profile, Variable]
) -> MechanismLP:
    sol = lp.solve().raise_for_status()
    mech = ValueMechanism(
        {k: sol.value(v) for k, v in q.items()}, {k: sol.value(v) for k, v in t.items()}
    )
    obj = sol.objective
    assert isinstance(obj, Fraction)
    return MechanismLP(obj, mech, sol)


def ds_lp(th: TradeParams) -> MechanismLP:
    """The best dominant-strategy mechanism as an exact LP (paper 004, §2.2, Lemma 2.1).

    Maximise eq. (2.1) over ``q ∈ [0, 1]⁴``, ``t ∈ ℝ⁴`` subject to the dominant-strategy IC
    and ex-post IR constraints of §2.2. The value equals ``W_DS`` (Lemma 2.1); the
    constraint names are ``"IC_B[b->b',s]"``, ``"IR_B[b,s]"``, ``"IC_S[s->s',b]"``,
    ``"IR_S[b,s]"`` (their duals certify the bound).

    >>> r = ds_lp(TradeParams(1, 2, 3, 4, "3/4", "1/2"))
    >>> r.value, r.mechanism.q[("lo", "lo")]
    (Fraction(25, 16), Fraction(1, 2))
    """
    lp, q, t = _value_lp(th, "ds_lp")
    for s in _LEVELS:
        for b in _LEVELS:
            ub = _bval(th, b) * q[(b, s)] - t[(b, s)]
            lp.add(ub >= 0, f"IR_B[{b},{s}]")
            for r in _LEVELS:
                if r != b:
                    lp.add(ub >= _bval(th, b) * q[(r, s)] - t[(r, s)], f"IC_B[{b}->{r},{s}]")
    for b in _LEVELS:
        for s in _LEVELS:
            us = t[(b, s)] - _sval(th, s) * q[(b, s)]
            lp.add(us >= 0, f"IR_S[{b},{s}]")
            for r in _LEVELS:
                if r != s:
                    lp.add(us >= t[(b, r)] - _sval(th, s) * q[(b, r)], f"IC_S[{s}->{r},{b}]")
    return _solved(lp, q, t)


def bayesian_lp(th: TradeParams) -> MechanismLP:
    """The Bayesian optimum (no endogenous information) as an exact LP (paper 004, §2.3).

    Maximise eq. (2.1) subject to the interim (Bayesian) IC and IR constraints of §2.3
    (constraint names ``"IC_B[b->b']"``, ``"IR_B[b]"``, ``"IC_S[s->s']"``, ``"IR_S[s]"``).
    Proposition 2.2: the value is strictly above ``W_DS``.

    >>> bayesian_lp(TradeParams(1, 2, 3, 4, "3/4", "1/2")).value
    Fraction(13, 8)
    """
    lp, q, t = _value_lp(th, "bayesian_lp")

    def ub(b: str, r: str) -> LinExpr:
        return lin_sum(_ps(th, s) * (_bval(th, b) * q[(r, s)] - t[(r, s)]) for s in _LEVELS)

    def us(s: str, r: str) -> LinExpr:
        return lin_sum(_pb(th, b) * (t[(b, r)] - _sval(th, s) * q[(b, r)]) for b in _LEVELS)

    for b in _LEVELS:
        lp.add(ub(b, b) >= 0, f"IR_B[{b}]")
        for r in _LEVELS:
            if r != b:
                lp.add(ub(b, b) >= ub(b, r), f"IC_B[{b}->{r}]")
    for s in _LEVELS:
        lp.add(us(s, s) >= 0, f"IR_S[{s}]")
        for r in _LEVELS:
            if r != s:
                lp.add(us(s, s) >= us(s, r), f"IC_S[{s}->{r}]")
    return _solved(lp, q, t)
