"""Symbolic (sympy) forms of paper 004's formulas, as printed and as derived.

:data:`SYMBOLS` are the six parameters (``s_lo, b_lo, s_hi, b_hi, p_bh, p_sl``);
``p_b̲ = 1 − p_bh`` and ``p_s̄ = 1 − p_sl``. This module owns

* :func:`printed`: the displayed formulas of the paper transcribed *as printed* (including
  the ones our errata correct), by name, so that claims compare the paper's own formula with
  an independent computation;
* derivations that do not reuse those transcriptions: the Table 1 mechanisms solved from
  their binding constraints (:func:`derive_table1`), their welfare from eq. (2.1)
  (:func:`welfare_symbolic`), the factorizations of Proposition 3.1
  (:func:`prop31_difference`), and the mirror substitution (:func:`mirror_substitution`);
* :func:`at`: evaluation of an expression at a :class:`TradeParams` (exact, a Fraction).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy

from exactmech.errors import InvalidProblemError
from exactmech.papers.information_games.params import TradeParams

__all__ = [
    "PRINTED_NAMES",
    "SYMBOLS",
    "at",
    "derive_table1",
    "mirror_substitution",
    "printed",
    "prop31_difference",
    "threshold_from_indifference",
    "welfare_symbolic",
]

s_lo, b_lo, s_hi, b_hi = sympy.symbols("s_lo b_lo s_hi b_hi", real=True)
p_bh, p_sl = sympy.symbols("p_bh p_sl", positive=True)
#: The parameters θ as sympy symbols, in the order of :class:`TradeParams`.
SYMBOLS = (s_lo, b_lo, s_hi, b_hi, p_bh, p_sl)
p_bl = 1 - p_bh
p_sh = 1 - p_sl
delta, eps = sympy.symbols("delta epsilon", positive=True)


def _printed_table() -> dict[str, tuple[str, Any]]:
    """name -> (location, expression as printed)."""
    lam = p_bl / p_bh * (b_lo - s_lo) / (b_hi - b_lo)
    q_eps = (b_lo - s_lo) / (s_hi - s_lo) + eps
    return {
        "first_best": (
            "§2.2, eq. (2.1) with q = 1 where b > s",
            p_bl * p_sl * (b_lo - s_lo) + p_bh * p_sl * (b_hi - s_lo) + p_bh * p_sh * (b_hi - s_hi),
        ),
        "W_DS_a": (
            "Lemma 2.1(a)",
            p_bl * p_sl * (b_lo - s_lo)
            + p_bh * p_sl * (b_hi - s_lo)
            + p_bh * p_sh * (b_hi - s_hi) * (b_lo - s_lo) / (s_hi - s_lo),
        ),
        "W_DS_b": (
            "Lemma 2.1(b)",
            p_bl * p_sl * (b_hi - s_hi) * (b_lo - s_lo) / (b_hi - b_lo)
            + p_bh * p_sl * (b_hi - s_lo)
            + p_bh * p_sh * (b_hi - s_hi),
        ),
        "W_FP": ("§3.2", p_sl * (b_lo - s_lo) + p_bh * (b_hi - s_hi)),
        "p_star_b": ("§3.2", (b_lo - s_lo) / (b_hi - s_lo)),
        "p_star_s": ("§3.2", (b_hi - s_hi) / (b_hi - s_lo)),
        "ds_case_margin": (
            "§5.3 (Lemma 2.1's condition)",
            p_bl * p_sl * (b_lo - s_lo) / (b_hi - b_lo)
            - p_bh * p_sh * (b_hi - s_hi) / (s_hi - s_lo),
        ),
        "lemma54_margin_printed": (
            "Lemma 5.4 and 5.5 hypotheses",
            p_bl * p_sl * (b_hi - s_lo) / (b_hi - b_lo)
            - p_bh * p_sh * (b_hi - s_hi) / (s_hi - s_lo),
        ),
        "lambda": ("§5.3", lam),
        "lambda_upper": ("§5.3", p_sh / p_sl * (b_hi - s_hi) / (s_hi - s_lo)),
        "lambda_upper_alt": (
            "§5.3",
            (1 - p_sl)
            / p_sl
            * ((b_hi - s_hi) / (b_hi - s_lo))
            / (1 - (b_hi - s_hi) / (b_hi - s_lo)),
        ),
        "prop31_difference": (
            "Appendix D, proof of Prop. 3.1 (case (a))",
            p_bh * (s_hi - b_lo) * (-p_sl + p_sh * (b_hi - s_hi) / (s_hi - s_lo)),
        ),
        "lemma51_bound": ("Lemma 5.1", p_bh * (b_hi - s_hi) + p_sl * (b_lo - s_lo)),
        "lemma52_bound": (
            "Lemma 5.2",
            p_bh * p_sh * (b_hi - s_hi)
            + p_bh * p_sl * (b_hi - s_lo)
            + p_bl * p_sl * (b_lo - s_lo) * (b_hi - s_hi) / (b_hi - b_lo),
        ),
        "lemma53_bound": (
            "Lemma 5.3",
            p_bl * p_sl * (b_lo - s_lo)
            + p_bh * p_sl * (b_hi - s_lo)
            + p_bh * p_sh * (b_hi - s_hi) * (b_lo - s_lo) / (s_hi - s_lo),
        ),
        "lemma54_bound": (
            "Lemma 5.4",
            p_bh * p_sh * (b_hi - s_hi)
            + p_bh * p_sl * (b_hi - s_lo)
            + p_bl * p_sl * (b_lo - s_lo) * (b_hi - s_hi) / (b_hi - b_lo),
        ),
        "lemma55_bound": (
            "Lemma 5.5",
            p_bl * p_sl * (b_lo - s_lo)
            + p_bh * p_sl * (b_hi - s_lo)
            + p_bh * p_sh * (b_hi - s_hi) * (b_lo - s_lo) / (s_hi - s_lo),
        ),
        "C1_rhs": ("Appendix C, (C.1)", p_bh * (b_hi - s_hi)),
        "C2_rhs": ("Appendix C, (C.2)", p_sl * (b_lo - s_lo)),
        "C5_rhs": (
            "Appendix C, (C.5)",
            p_bh * p_sl * (b_hi - s_lo) + (1 - lam) * p_bh * p_sh * (b_hi - s_hi),
        ),
        "lemma52_proof_last": (
            "Appendix C, proof of Lemma 5.2, last line",
            p_bh * p_sh * (b_hi - s_hi)
            + p_bh * p_sl * (b_hi - s_lo)
            + (p_bl * (b_hi - s_lo) / (b_hi - b_lo)) * p_sl * (b_hi - s_hi),
        ),
        "C8_rhs": (
            "Appendix C, (C.8)",
            p_bh * p_sh * (b_hi - s_hi)
            + p_bh * p_sl * (b_hi - s_lo)
            - p_bh * p_sl * (s_hi - s_lo) * (b_hi - s_lo) / (b_hi - b_lo),
        ),
        "C9_rhs": (
            "Appendix C, (C.9)",
            p_bl * p_sl * (b_hi - s_lo) * (b_hi - s_lo) / (b_hi - b_lo),
        ),
        "q_eps": ("§6.1", q_eps),
        "eps_lower": (
            "§6.1",
            1 - p_sl / p_sh * (s_hi - b_lo) / (b_hi - s_hi) - (b_lo - s_lo) / (s_hi - s_lo),
        ),
        "eps_upper": ("§6.1", 1 - (b_lo - s_lo) / (s_hi - s_lo)),
        "D8": (
            "Appendix D, (D.8)",
            p_sl * (p_bh * ((b_hi - s_hi) + delta * (s_hi - b_lo)) + (b_lo - s_lo))
            + p_sh * p_bh * (1 - delta + delta * q_eps) * (b_hi - s_hi),
        ),
        "D8_derivative": (
            "Appendix D, proof of Prop. 6.1",
            p_bh
            * p_sh
            * ((-1 + q_eps) + p_sl / p_sh * (s_hi - b_lo) / (b_hi - s_hi))
            * (b_hi - s_hi),
        ),
    }


_PRINTED = _printed_table()
#: Names accepted by :func:`printed`.
PRINTED_NAMES = tuple(_PRINTED)


def printed(name: str) -> Any:
    """A displayed formula of paper 004 as printed, as a sympy expression in :data:`SYMBOLS`.

    The formulas ``"D8"``, ``"D8_derivative"`` and ``"q_eps"`` also contain the symbols
    ``delta`` and ``epsilon``. Typos are transcribed faithfully (``"C8_rhs"``,
    ``"C9_rhs"``, ``"lemma52_proof_last"``, ``"lemma54_margin_printed"``): they are what the
    errata of :mod:`exactmech.claims.paper004` correct.

    >>> printed("W_FP")
    p_bh*(b_hi - s_hi) + p_sl*(b_lo - s_lo)
    >>> printed("W_XX")
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: printed(): no formula named 'W_XX'; ...
    """
    if name not in _PRINTED:
        raise InvalidProblemError(f"printed(): no formula named {name!r}; known: {PRINTED_NAMES}")
    return _PRINTED[name][1]


def location(name: str) -> str:
    """Where in paper 004 the formula ``name`` is displayed."""
    printed(name)
    return _PRINTED[name][0]


def at(expr: Any, th: TradeParams, **extra: Any) -> Fraction:
    """``expr`` evaluated exactly at θ (and ``delta=…``, ``epsilon=…`` if given).

    >>> at(printed("W_DS_b"), TradeParams(1, 2, 3, 4, "3/4", "1/2"))
    Fraction(25, 16)
    """
    subs = {sym: sympy.Rational(v.numerator, v.denominator) for sym, v in zip(SYMBOLS, _theta(th))}
    for key, v in extra.items():
        sym = {"delta": delta, "epsilon": eps}.get(key)
        if sym is None:
            raise InvalidProblemError(f"at(): unknown extra symbol {key!r}")
        fv = Fraction(v)
        subs[sym] = sympy.Rational(fv.numerator, fv.denominator)
    val = sympy.sympify(expr).subs(subs)
    if not val.is_Rational:
        raise InvalidProblemError(f"at(): {expr} is not a rational number at {th}: {val}")
    return Fraction(int(val.p), int(val.q))


def _theta(th: TradeParams) -> tuple[Fraction, ...]:
    return (th.s_lo, th.b_lo, th.s_hi, th.b_hi, th.p_b_hi, th.p_s_lo)


def derive_table1(case: str) -> dict[str, dict[tuple[str, str], Any]]:
    """Table 1's mechanism solved from its binding constraints (Lemma 2.1; App. D proof).

    Case ``"a"``: ``q(b̲,s̲) = q(b̄,s̲) = 1``, ``q(b̲,s̄) = t(b̲,s̄) = 0`` and equality in
    (D.1), ``(b̄−b̲)(1 − q(b̲,s̲)) + (s̄−s̲)(1 − q(b̄,s̄)) = s̄ − b̲``; payments from the binding
    constraints of the proof: IR of ``b̲`` at ``s̲``, IR of ``s̄`` at ``b̄``, IC of ``s̲``
    (imitating ``s̄``) at ``b̄``. Case ``"b"`` symmetrically (IC of ``b̄`` imitating ``b̲``).
    Solved by ``sympy.solve`` — no use of the printed table.

    >>> derive_table1("a")["q"][("hi", "hi")]
    (b_lo - s_lo)/(s_hi - s_lo)
    """
    q = {
        k: sympy.Symbol(f"q_{k[0]}{k[1]}")
        for k in (("lo", "lo"), ("lo", "hi"), ("hi", "lo"), ("hi", "hi"))
    }
    t = {k: sympy.Symbol(f"t_{k[0]}{k[1]}") for k in q}
    ub = {k: (b_lo if k[0] == "lo" else b_hi) * q[k] - t[k] for k in q}
    us = {k: t[k] - (s_lo if k[1] == "lo" else s_hi) * q[k] for k in q}
    d1 = (
        (b_hi - b_lo) * (1 - q[("lo", "lo")])
        + (s_hi - s_lo) * (1 - q[("hi", "hi")])
        - (s_hi - b_lo)
    )
    common = [q[("lo", "hi")], t[("lo", "hi")], q[("hi", "lo")] - 1, d1]
    if case == "a":
        eqs = [*common, q[("lo", "lo")] - 1, ub[("lo", "lo")], us[("hi", "hi")]]
        # IC of s̲ imitating s̄ at b̄ binds: u_S(b̄,s̲) = t(b̄,s̄) − s̲ q(b̄,s̄)
        eqs.append(us[("hi", "lo")] - (t[("hi", "hi")] - s_lo * q[("hi", "hi")]))
    elif case == "b":
        eqs = [*common, q[("hi", "hi")] - 1, ub[("lo", "lo")], us[("hi", "hi")]]
        # IC of b̄ imitating b̲ at s̲ binds: u_B(b̄,s̲) = b̄ q(b̲,s̲) − t(b̲,s̲)
        eqs.append(ub[("hi", "lo")] - (b_hi * q[("lo", "lo")] - t[("lo", "lo")]))
    else:
        raise InvalidProblemError(f"derive_table1(): case={case!r} must be 'a' or 'b'")
    sol = sympy.solve(eqs, [*q.values(), *t.values()], dict=True)
    if len(sol) != 1:  # pragma: no cover - the system is linear and regular
        raise InvalidProblemError(f"derive_table1(): {len(sol)} solutions")
    return {
        "q": {k: sympy.simplify(v.subs(sol[0])) for k, v in q.items()},
        "t": {k: sympy.simplify(v.subs(sol[0])) for k, v in t.items()},
    }


def welfare_symbolic(q: dict[tuple[str, str], Any]) -> Any:
    """Eq. (2.1) of paper 004 for symbolic ``q`` on the four value profiles."""
    val = {"lo": (b_lo, s_lo), "hi": (b_hi, s_hi)}
    pb = {"lo": p_bl, "hi": p_bh}
    ps = {"lo": p_sl, "hi": p_sh}
    return sympy.simplify(sum(pb[b] * ps[s] * (val[b][0] - val[s][1]) * q[(b, s)] for b, s in q))


def prop31_difference(case: str) -> tuple[Any, Any]:
    """``W_FP − W_DS`` for Lemma 2.1's case and its factorization (Proposition 3.1, App. D).

    Returns ``(difference, factored)`` where the difference uses the welfare of the derived
    Table 1 mechanism (:func:`derive_table1`) and ``factored`` is

    * case ``"a"``: ``p_b̄ (s̄ − b̲)(−p_s̲ + p_s̄ (b̄ − s̄)/(s̄ − s̲))`` (printed);
    * case ``"b"``: ``p_s̲ (s̄ − b̲)(−p_b̄ + p_b̲ (b̲ − s̲)/(b̄ − b̲))`` (the symmetric case the
      paper calls "analogous").

    ``sympy.simplify(difference − factored) == 0`` is the identity.
    """
    wfp = p_sl * (b_lo - s_lo) + p_bh * (b_hi - s_hi)
    wds = welfare_symbolic(derive_table1(case)["q"])
    if case == "a":
        factored = p_bh * (s_hi - b_lo) * (-p_sl + p_sh * (b_hi - s_hi) / (s_hi - s_lo))
    else:
        factored = p_sl * (s_hi - b_lo) * (-p_bh + p_bl * (b_lo - s_lo) / (b_hi - b_lo))
    return wfp - wds, factored


def mirror_substitution() -> dict[Any, Any]:
    """The substitution θ ↦ θ′ (buyer ↔ seller) of :func:`~.params.mirror_params`.

    ``expr.subs(mirror_substitution(), simultaneous=True)`` expresses a formula at θ′ in
    terms of θ; e.g. ``W_DS_a`` becomes ``W_DS_b``.
    """
    c = b_hi + s_lo
    return {s_lo: c - b_hi, b_lo: c - s_hi, s_hi: c - b_lo, b_hi: c - s_lo, p_bh: p_sl, p_sl: p_bh}


def threshold_from_indifference(side: str) -> Any:
    """``p*_b̄`` (``side="b"``) or ``p*_s̲`` (``"s"``) solved from footnote 5's indifference.

    Paper 004, footnote 5: ``p*_b̄`` is where a ``s̲`` seller free to name any price is
    indifferent between ``b̲`` (sold to both buyer types) and ``b̄`` (sold to ``b̄`` only):
    ``b̲ − s̲ = p (b̄ − s̲)``; ``p*_s̲`` is where a ``b̄`` buyer is indifferent between offering
    ``s̄`` (accepted by both) and ``s̲`` (accepted by ``s̲`` only): ``b̄ − s̄ = p (b̄ − s̲)``.

    >>> threshold_from_indifference("b")
    (b_lo - s_lo)/(b_hi - s_lo)
    """
    p = sympy.Symbol("p", positive=True)
    if side == "b":
        eq = sympy.Eq(b_lo - s_lo, p * (b_hi - s_lo))
    elif side == "s":
        eq = sympy.Eq(b_hi - s_hi, p * (b_hi - s_lo))
    else:
        raise InvalidProblemError(
            f"threshold_from_indifference(): side={side!r} must be 'b' or 's'"
        )
    (sol,) = sympy.solve(eq, p)
    return sol
