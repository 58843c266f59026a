"""Indirect mechanisms, weak dominance and welfare guarantees (paper 004, §2.1, §3.2–§3.3, App. D).

An indirect mechanism (paper 004, §2.1) is ``(A_B, A_S, q, t)`` with finite action sets
containing the non-participation action ``∅`` (written ``"0"`` here), ``q(∅, ·) = 0``,
``t(∅, ·) ≤ 0``, ``q(·, ∅) = 0``, ``t(·, ∅) ≥ 0``. This module owns

* :class:`IndirectMechanism` (validated) and the mechanisms of the paper: the
  flexible-price mechanism of Table 2 (either side offering) and the modified
  dominant-strategy and flexible-price mechanisms of Table 5 (Appendix D, proof of
  Theorem 3.2), whose extra action ``"-"`` makes non-participation weakly dominated;
* weak dominance by a possibly mixed action (§3.3), decided by an exact LP
  (:func:`weakly_dominated`), and the undominated action sets (:func:`undominated_actions`);
* :func:`undominated_guarantee`: the welfare every undominated sequential equilibrium of
  every information game guarantees, by the argument of §3.2 and Appendix D (each type can
  stay inactive and play a fixed action; the opponent's type is independent of her own and
  plays an action undominated for that type). For Table 5's mechanisms this is ``W_DS``
  and ``W_FP``.

Reading chosen: Table 5 (right) labels the buyer's actions ``b̲`` and ``s̄`` (the highest
price she accepts, as in Table 2) while the proof's text calls the second one "action
``b̄``" and says the ``s̲`` seller "plays ``s̲``" (an offer of ``b̲``); we follow the table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from exactmech.errors import InvalidProblemError
from exactmech.lp import LinearProgram
from exactmech.lp.model import LinExpr, lin_sum
from exactmech.numbers import Q, RationalLike, fraction_str
from exactmech.papers.information_games.mechanisms import ValueMechanism, table1_mechanism
from exactmech.papers.information_games.params import TradeParams

__all__ = [
    "NONE",
    "IndirectMechanism",
    "flexible_price_mechanism",
    "table2_rows",
    "table5_ds_mechanism",
    "table5_fp_mechanism",
    "table5_rows",
    "undominated_actions",
    "undominated_guarantee",
    "weakly_dominated",
]

#: The non-participation action ``∅``.
NONE = "0"
_0 = Fraction(0)
Cell = tuple[str, str]


@dataclass(frozen=True)
class IndirectMechanism:
    """``(A_B, A_S, q, t)`` of paper 004, §2.1, validated.

    Parameters
    ----------
    buyer_actions, seller_actions
        Action labels; each must contain :data:`NONE` (``"0"``, the paper's ``∅``).
    q, t
        ``{(a_B, a_S): value}``; missing cells are ``0``. Non-participation must give
        ``q = 0`` and ``t ≤ 0`` (buyer out) or ``t ≥ 0`` (seller out).

    Examples
    --------
    >>> m = flexible_price_mechanism(TradeParams(1, 2, 3, 4, "1/2", "1/4"))
    >>> m.q[("s_hi", "s_hi")], m.t[("s_hi", "s_hi")], m.t[("b_lo", "s_hi")]
    (Fraction(1, 1), Fraction(3, 1), Fraction(0, 1))
    >>> IndirectMechanism(("0", "x"), ("0", "y"), {("x", "0"): 1}, {})
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: IndirectMechanism(): q[('x', '0')]=1 but a seller
        playing '0' (non-participation) must get q = 0 (paper 004, §2.1)
    """

    buyer_actions: tuple[str, ...]
    seller_actions: tuple[str, ...]
    q: Mapping[Cell, Fraction]
    t: Mapping[Cell, Fraction]

    def __init__(
        self,
        buyer_actions: Sequence[str],
        seller_actions: Sequence[str],
        q: Mapping[Cell, RationalLike],
        t: Mapping[Cell, RationalLike],
    ) -> None:
        func = "IndirectMechanism"
        ab, as_ = tuple(buyer_actions), tuple(seller_actions)
        for side, acts in (("buyer", ab), ("seller", as_)):
            if NONE not in acts:
                raise InvalidProblemError(
                    f"{func}(): the {side}'s actions {acts} lack the non-participation action "
                    f"{NONE!r} (paper 004, §2.1)"
                )
            if len(set(acts)) != len(acts):
                raise InvalidProblemError(f"{func}(): repeated {side} action in {acts}")
        for name, table in (("q", q), ("t", t)):
            for cell in table:
                if cell[0] not in ab or cell[1] not in as_:
                    raise InvalidProblemError(f"{func}(): {name}[{cell!r}] names an unknown action")
        qq: dict[Cell, Fraction] = {}
        tt: dict[Cell, Fraction] = {}
        for a in ab:
            for s in as_:
                qv = Q(q.get((a, s), 0), f"q[{(a, s)!r}]", func=func)
                tv = Q(t.get((a, s), 0), f"t[{(a, s)!r}]", func=func)
                if not 0 <= qv <= 1:
                    raise InvalidProblemError(
                        f"{func}(): q[{(a, s)!r}]={fraction_str(qv)} is not in [0, 1]"
                    )
                if (a == NONE or s == NONE) and qv != 0:
                    who = "buyer" if a == NONE else "seller"
                    raise InvalidProblemError(
                        f"{func}(): q[{(a, s)!r}]={fraction_str(qv)} but a {who} playing {NONE!r} "
                        "(non-participation) must get q = 0 (paper 004, §2.1)"
                    )
                if a == NONE and tv > 0:
                    raise InvalidProblemError(
                        f"{func}(): t[{(a, s)!r}]={fraction_str(tv)} > 0 charges a "
                        "non-participating buyer"
                    )
                if s == NONE and tv < 0:
                    raise InvalidProblemError(
                        f"{func}(): t[{(a, s)!r}]={fraction_str(tv)} < 0 charges a "
                        "non-participating seller"
                    )
                qq[(a, s)], tt[(a, s)] = qv, tv
        object.__setattr__(self, "buyer_actions", ab)
        object.__setattr__(self, "seller_actions", as_)
        object.__setattr__(self, "q", qq)
        object.__setattr__(self, "t", tt)

    def payoff(self, side: str, value: Fraction, own: str, other: str) -> Fraction:
        """Payoff of ``side`` (``"B"``/``"S"``) with ``value`` playing ``own`` against ``other``."""
        if side == "B":
            return value * self.q[(own, other)] - self.t[(own, other)]
        if side == "S":
            return self.t[(other, own)] - value * self.q[(other, own)]
        raise InvalidProblemError(f"IndirectMechanism.payoff(): side={side!r} must be 'B' or 'S'")

    def actions(self, side: str) -> tuple[str, ...]:
        """``A_B`` or ``A_S``."""
        if side == "B":
            return self.buyer_actions
        if side == "S":
            return self.seller_actions
        raise InvalidProblemError(f"IndirectMechanism.actions(): side={side!r} must be 'B' or 'S'")


def flexible_price_mechanism(th: TradeParams, offerer: str = "seller") -> IndirectMechanism:
    """The flexible-price mechanism with prices ``b̲`` and ``s̄`` (Table 2, paper 004, §3.2).

    ``offerer="seller"`` (Table 2): the seller's actions are offers ``"b_lo"``, ``"s_hi"``
    (prices ``b̲``, ``s̄``); the buyer's are the highest price she accepts; trade at the
    offer iff it is accepted. ``offerer="buyer"``: the mirror image (buyer offers, the seller
    names the lowest acceptable price). Both guarantee ``W_FP`` (§3.2).
    """
    if offerer not in ("seller", "buyer"):
        raise InvalidProblemError(
            f"flexible_price_mechanism(): offerer={offerer!r} must be 'seller' or 'buyer'"
        )
    prices = {"b_lo": th.b_lo, "s_hi": th.s_hi}
    q: dict[Cell, Fraction] = {}
    t: dict[Cell, Fraction] = {}
    for a in prices:
        for s in prices:
            offer, limit = (prices[s], prices[a]) if offerer == "seller" else (prices[a], prices[s])
            accepted = offer <= limit if offerer == "seller" else offer >= limit
            if accepted:
                q[(a, s)], t[(a, s)] = Fraction(1), offer
    acts = (NONE, "b_lo", "s_hi")
    return IndirectMechanism(acts, acts, q, t)


def table2_rows(th: TradeParams) -> list[dict[str, object]]:
    """Table 2's cells at θ with the printed entries (paper 004, §3.2).

    >>> rows = table2_rows(TradeParams(1, 2, 3, 4, "1/2", "1/2"))
    >>> [(r["a_S"], r["a_B"], str(r["q"]), str(r["t"])) for r in rows]
    [('s_hi', 'b_lo', '0', '0'), ('s_hi', 's_hi', '1', '3'), ('b_lo', 'b_lo', '1', '2'),
     ('b_lo', 's_hi', '1', '2')]
    """
    m = flexible_price_mechanism(th)
    printed = {
        ("s_hi", "b_lo"): ("0", "0", _0, _0),
        ("s_hi", "s_hi"): ("1", "s̄", Fraction(1), th.s_hi),
        ("b_lo", "b_lo"): ("1", "b̲", Fraction(1), th.b_lo),
        ("b_lo", "s_hi"): ("1", "b̲", Fraction(1), th.b_lo),
    }
    return [
        {
            "a_S": s,
            "a_B": a,
            "q": m.q[(a, s)],
            "t": m.t[(a, s)],
            "q_printed": qp,
            "t_printed": tp,
            "q_printed_value": qv,
            "t_printed_value": tv,
        }
        for (s, a), (qp, tp, qv, tv) in printed.items()
    ]


def _with_punishment(
    value_cells: dict[Cell, tuple[Fraction, Fraction]],
    ab: tuple[str, ...],
    as_: tuple[str, ...],
    x: Fraction,
) -> IndirectMechanism:
    q: dict[Cell, Fraction] = {}
    t: dict[Cell, Fraction] = {}
    for cell, (qv, tv) in value_cells.items():
        q[cell], t[cell] = qv, tv
    for a in ab:
        t[(a, "-")] = -x  # a seller playing '-' pays x to a participating buyer
    for s in as_:
        t[("-", s)] = x  # a buyer playing '-' pays x to a participating seller
    return IndirectMechanism((NONE, *ab, "-"), (NONE, *as_, "-"), q, t)


def table5_ds_mechanism(
    th: TradeParams, x: RationalLike = 1, case: str | None = None
) -> IndirectMechanism:
    """Table 5 (left): the DS mechanism of Table 1 with an extra action ``"-"`` (App. D).

    Actions ``"0"`` (``∅``), ``"b_lo"``, ``"b_hi"``, ``"-"`` for the buyer and ``"0"``,
    ``"s_lo"``, ``"s_hi"``, ``"-"`` for the seller; truthful cells as in Table 1 (case
    ``"a"`` is printed; ``"b"`` is its symmetric counterpart); a buyer playing ``"-"`` pays
    ``x`` to a participating seller and vice versa. Every type's truthful action weakly
    dominates all others (proof of Theorem 3.2).
    """
    xq = Q(x, "x", func="table5_ds_mechanism")
    if xq <= 0:
        raise InvalidProblemError(f"table5_ds_mechanism(): x={fraction_str(xq)} must be positive")
    m: ValueMechanism = table1_mechanism(th, case)
    cells = {(f"b_{b}", f"s_{s}"): (m.q[(b, s)], m.t[(b, s)]) for (b, s) in m.q}
    return _with_punishment(cells, ("b_lo", "b_hi"), ("s_lo", "s_hi"), xq)


def table5_fp_mechanism(th: TradeParams, x: RationalLike = 1) -> IndirectMechanism:
    """Table 5 (right): the flexible-price mechanism with the extra action ``"-"`` (App. D).

    Buyer actions ``"0"``, ``"b_lo"``, ``"s_hi"``, ``"-"``; seller actions ``"0"``,
    ``"b_lo"``, ``"s_hi"``, ``"-"``, otherwise as Table 2.
    """
    xq = Q(x, "x", func="table5_fp_mechanism")
    if xq <= 0:
        raise InvalidProblemError(f"table5_fp_mechanism(): x={fraction_str(xq)} must be positive")
    fp = flexible_price_mechanism(th)
    cells = {c: (fp.q[c], fp.t[c]) for c in fp.q if NONE not in c}
    return _with_punishment(cells, ("b_lo", "s_hi"), ("b_lo", "s_hi"), xq)


_TABLE5_PRINTED: dict[str, dict[Cell, tuple[str, str]]] = {
    "DS": {
        ("-", "0"): ("0", "0"), ("-", "b_lo"): ("0", "-x"), ("-", "b_hi"): ("0", "-x"),
        ("-", "-"): ("0", "0"),
        ("s_hi", "0"): ("0", "0"), ("s_hi", "b_lo"): ("0", "0"),
        ("s_hi", "b_hi"): ("(b̲−s̲)/(s̄−s̲)", "(b̲−s̲)/(s̄−s̲)·s̄"), ("s_hi", "-"): ("0", "x"),
        ("s_lo", "0"): ("0", "0"), ("s_lo", "b_lo"): ("1", "b̲"), ("s_lo", "b_hi"): ("1", "b̲"),
        ("s_lo", "-"): ("0", "x"),
    },
    "FP": {
        ("-", "0"): ("0", "0"), ("-", "b_lo"): ("0", "-x"), ("-", "s_hi"): ("0", "-x"),
        ("-", "-"): ("0", "0"),
        ("s_hi", "0"): ("0", "0"), ("s_hi", "b_lo"): ("0", "0"), ("s_hi", "s_hi"): ("1", "s̄"),
        ("s_hi", "-"): ("0", "x"), ("b_lo", "0"): ("0", "0"), ("b_lo", "b_lo"): ("1", "b̲"),
        ("b_lo", "s_hi"): ("1", "b̲"), ("b_lo", "-"): ("0", "x"),
    },
}  # fmt: skip


def table5_rows(th: TradeParams, x: RationalLike = 1) -> list[dict[str, object]]:
    """Both halves of Table 5 at θ and ``x``: one row per cell (paper 004, Appendix D).

    Rows: ``{"mechanism": "DS" | "FP", "a_S", "a_B", "q", "t", "q_printed", "t_printed"}``
    in the printed layout (seller rows ``-``, high, low, ``∅`` from the top; buyer columns
    ``∅``, low, high, ``-``); the printed entries are the table's formulas (the ``∅`` row,
    all zeros, is implied by §2.1).

    >>> rows = table5_rows(TradeParams(1, 2, 3, 4, "1/2", "1/2"), 2)
    >>> [(r["a_S"], r["a_B"], str(r["t"]), r["t_printed"]) for r in rows][1:3]
    [('-', 'b_lo', '-2', '-x'), ('-', 'b_hi', '-2', '-x')]
    """
    out: list[dict[str, object]] = []
    for name, m, brow, srow in (
        (
            "DS",
            table5_ds_mechanism(th, x, "a"),
            ("0", "b_lo", "b_hi", "-"),
            ("-", "s_hi", "s_lo", "0"),
        ),
        ("FP", table5_fp_mechanism(th, x), ("0", "b_lo", "s_hi", "-"), ("-", "s_hi", "b_lo", "0")),
    ):
        for s in srow:
            for a in brow:
                qp, tp = _TABLE5_PRINTED[name].get((s, a), ("0", "0"))
                out.append(
                    {"mechanism": name, "a_S": s, "a_B": a, "q": m.q[(a, s)], "t": m.t[(a, s)],
                     "q_printed": qp, "t_printed": tp}
                )  # fmt: skip
    return out


def weakly_dominated(
    mech: IndirectMechanism, side: str, value: RationalLike, action: str
) -> tuple[bool, dict[str, Fraction] | None]:
    """Whether ``action`` is weakly dominated given ``value``, possibly by a mixed action.

    Paper 004, §3.3: ``a`` is weakly dominated if some mixed ``α'`` does at least as well
    against every opponent action and strictly better against one. Decided exactly by the LP
    ``max Σ_{a'} slack(a')`` over ``α' ∈ Δ(A)`` with ``slack(a') = u(α', a') − u(a, a') ≥ 0``:
    dominated iff the optimum is positive (a pure dominating action is found first without
    the LP). Returns ``(dominated, α')``.

    >>> m = table5_fp_mechanism(TradeParams(1, 2, 3, 4, "1/2", "1/4"))
    >>> weakly_dominated(m, "S", 1, "0")[0], weakly_dominated(m, "S", 1, "s_hi")[0]
    (True, False)
    """
    v = Q(value, "value", func="weakly_dominated")
    own = mech.actions(side)
    other = mech.actions("S" if side == "B" else "B")
    if action not in own:
        raise InvalidProblemError(
            f"weakly_dominated(): {action!r} is not an action of side {side!r}"
        )
    for a in own:  # a pure dominating action needs no LP
        diffs = [mech.payoff(side, v, a, o) - mech.payoff(side, v, action, o) for o in other]
        if a != action and min(diffs) >= 0 and max(diffs) > 0:
            return True, {a: Fraction(1)}
    lp = LinearProgram("weak_dominance", maximize=True)
    alpha = {a: lp.var(f"alpha[{a}]", 0, 1) for a in own}
    lp.add(lin_sum(alpha.values()) == 1, "simplex")
    total = LinExpr()
    for o in other:
        slack = lin_sum(alpha[a] * mech.payoff(side, v, a, o) for a in own) - mech.payoff(
            side, v, action, o
        )
        lp.add(slack >= 0, f"weak[{o}]")
        total = total + slack
    lp.maximize(total)
    sol = lp.solve().raise_for_status()
    obj = sol.objective
    assert isinstance(obj, Fraction)
    if obj > 0:
        return True, {a: sol.value(var) for a, var in alpha.items() if sol.value(var) != 0}
    return False, None


def undominated_actions(mech: IndirectMechanism, side: str, value: RationalLike) -> tuple[str, ...]:
    """The actions of ``side`` not weakly dominated given ``value`` (paper 004, §3.3).

    >>> m = table5_fp_mechanism(TradeParams(1, 2, 3, 4, "1/2", "1/4"))
    >>> undominated_actions(m, "S", 1), undominated_actions(m, "B", 4)
    (('b_lo', 's_hi'), ('s_hi',))
    """
    return tuple(a for a in mech.actions(side) if not weakly_dominated(mech, side, value, a)[0])


def undominated_guarantee(mech: IndirectMechanism, th: TradeParams) -> dict[str, Fraction]:
    """Welfare guaranteed in every undominated sequential equilibrium of every information game.

    Paper 004, §3.2 and Appendix D (proof of Theorem 3.2): a type can stay inactive in the
    information game (payoff ``≥ 0``) and play a fixed action ``a``; the opponent's value is
    independent of hers and the opponent plays an action undominated for its value. So type
    ``v`` of a side gets at least ``max_a Σ_w p_w · min_{a' undominated for w} u_v(a, a')``.
    Returns these per type (``"b_lo"``, ``"b_hi"``, ``"s_lo"``, ``"s_hi"``) and their
    probability-weighted sum under ``"total"`` (``W_DS`` for Table 5 left, ``W_FP`` right).

    >>> th = TradeParams(1, 2, 3, 4, "1/2", "1/4")
    >>> undominated_guarantee(table5_fp_mechanism(th), th)["total"]
    Fraction(3, 4)
    """
    types = {
        "B": {"b_lo": (th.b_lo, th.p_b_lo), "b_hi": (th.b_hi, th.p_b_hi)},
        "S": {"s_lo": (th.s_lo, th.p_s_lo), "s_hi": (th.s_hi, th.p_s_hi)},
    }
    undominated = {
        side: {name: undominated_actions(mech, side, v) for name, (v, _) in tps.items()}
        for side, tps in types.items()
    }
    out: dict[str, Fraction] = {}
    total = _0
    for side, tps in types.items():
        opp = "S" if side == "B" else "B"
        for name, (v, p) in tps.items():
            best = max(
                sum(
                    (
                        pw * min(mech.payoff(side, v, a, o) for o in undominated[opp][w])
                        for w, (_, pw) in types[opp].items()
                    ),
                    _0,
                )
                for a in mech.actions(side)
            )
            out[name] = best
            total += p * best
    out["total"] = total
    return out
