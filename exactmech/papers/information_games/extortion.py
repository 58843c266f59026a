"""Direct mechanisms on information structures and the extortion bound (paper 004, §4–§5, App. C).

A direct mechanism on a structure ``S`` (paper 004, §4.1) is ``(q, t)`` on every signal pair
``H_B × H_S`` — pairs of probability zero included: their entries matter for the IC
constraints — satisfying interim IC and IR for every signal. The type utilities
``u_b̲, u_b̄, u_s̲, u_s̄`` average a type's payoff over all its signals; the *total minimum
utility* of a list of mechanisms is eq. (4.2):
``TMU(L) = Σ_type p_type · min_k u_type(M^k)``.

The extortion lemma (Lemmas 4.1–4.4) bounds every mechanism's welfare guarantee by
``max_L TMU(L)`` for any (overlapping) list of structures. This module owns

* :class:`DirectMechanism` (exact IC/IR check, state and type utilities),
  :func:`tmu` and :func:`respects_overlaps` (condition (4.3));
* :func:`max_tmu`: the exact LP of §5 (variables ``q^k, t^k`` and the four minimum
  utilities; IC/IR per structure; ``u_type ≤ u_type(M^k)`` for the structures each type is
  *assigned* to — all of them by default, one of them in the "pre-assigned" variant of
  §5.1; shared entries for overlapping lists). Its value is the bound and its solution
  the certificate;
* :func:`max_weighted_utility`: the same LP with any linear objective in type and state
  utilities — the sub-bounds (C.1), (C.2), (C.5), (C.8), (C.9) of Appendix C;
* :func:`extortion_bound`: ``max TMU`` on the list of θ's region (equal to ``W*(θ)`` by
  Lemmas 5.1–5.5 and Theorems 3.2–3.3), and the mirror map of mechanisms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from exactmech.errors import InvalidProblemError
from exactmech.lp import LinearProgram, Solution
from exactmech.lp.model import LinExpr, Variable, lin_sum
from exactmech.numbers import Q, RationalLike, fraction_str
from exactmech.papers.information_games.mechanisms import ValueMechanism
from exactmech.papers.information_games.params import TradeParams, mirror_params
from exactmech.papers.information_games.structures import (
    InformationStructure,
    StructureList,
    mirror_structure,
    region_structures,
)

__all__ = [
    "TYPES",
    "DirectMechanism",
    "TMUResult",
    "extortion_bound",
    "lift_value_mechanism",
    "max_tmu",
    "max_weighted_utility",
    "mirror_mechanism",
    "respects_overlaps",
    "tmu",
]

#: The four types, in the order of eq. (4.2).
TYPES = ("b_lo", "b_hi", "s_lo", "s_hi")
_0 = Fraction(0)
Pair = tuple[str, str]


def _type_prob(th: TradeParams, typ: str) -> Fraction:
    return {"b_lo": th.p_b_lo, "b_hi": th.p_b_hi, "s_lo": th.p_s_lo, "s_hi": th.p_s_hi}[typ]


@dataclass(frozen=True)
class DirectMechanism:
    """A direct mechanism ``(q, t)`` on an information structure (paper 004, §4.1).

    Parameters
    ----------
    structure
        The structure ``S``.
    q, t
        ``{(η_B, η_S): value}`` on ``H_B × H_S``; missing pairs are ``(0, 0)``.

    Examples
    --------
    >>> from exactmech.papers.information_games.structures import no_information_structure
    >>> th = TradeParams(1, 2, 3, 4, "3/4", "1/2")
    >>> S = no_information_structure(th)
    >>> m = DirectMechanism(S, {("b_hi", "s_lo"): 1, ("b_hi", "s_hi"): 1},
    ...                        {("b_hi", "s_lo"): 3, ("b_hi", "s_hi"): 3})
    >>> m.violations(), m.type_utility("b_hi"), m.welfare()
    ([], Fraction(1, 1), Fraction(3, 2))
    """

    structure: InformationStructure
    q: Mapping[Pair, Fraction]
    t: Mapping[Pair, Fraction]

    def __init__(
        self,
        structure: InformationStructure,
        q: Mapping[Pair, RationalLike],
        t: Mapping[Pair, RationalLike],
    ) -> None:
        func = "DirectMechanism"
        pairs = set(structure.pairs)
        for name, table in (("q", q), ("t", t)):
            for key in table:
                if key not in pairs:
                    raise InvalidProblemError(
                        f"{func}(): {name}[{key!r}] is not a signal pair of {structure.name!r}"
                    )
        qq = {k: Q(q.get(k, 0), f"q[{k!r}]", func=func) for k in structure.pairs}
        tt = {k: Q(t.get(k, 0), f"t[{k!r}]", func=func) for k in structure.pairs}
        for k, v in qq.items():
            if not 0 <= v <= 1:
                raise InvalidProblemError(f"{func}(): q[{k!r}]={fraction_str(v)} is not in [0, 1]")
        object.__setattr__(self, "structure", structure)
        object.__setattr__(self, "q", qq)
        object.__setattr__(self, "t", tt)

    def _buyer(self, sig: str, report: str) -> Fraction:
        """``π(η_B) × interim payoff`` of buyer signal ``sig`` reporting ``report``."""
        S = self.structure
        b = S.value_of("B", S.b_of(sig))
        return sum(
            (
                S.prob_pair(sig, o) * (b * self.q[(report, o)] - self.t[(report, o)])
                for o in S.seller_signals
            ),
            _0,
        )

    def _seller(self, sig: str, report: str) -> Fraction:
        S = self.structure
        s = S.value_of("S", S.s_of(sig))
        return sum(
            (
                S.prob_pair(o, sig) * (self.t[(o, report)] - s * self.q[(o, report)])
                for o in S.buyer_signals
            ),
            _0,
        )

    def violations(self) -> list[str]:
        """The IC/IR constraints of §4.1 that fail (empty for a direct mechanism)."""
        S, bad = self.structure, []
        for sig in S.buyer_signals:
            own = self._buyer(sig, sig)
            if own < 0:
                bad.append(f"buyer IR at {sig!r}")
            bad += [
                f"buyer IC {sig!r} -> {r!r}" for r in S.buyer_signals if own < self._buyer(sig, r)
            ]
        for sig in S.seller_signals:
            own = self._seller(sig, sig)
            if own < 0:
                bad.append(f"seller IR at {sig!r}")
            bad += [
                f"seller IC {sig!r} -> {r!r}"
                for r in S.seller_signals
                if own < self._seller(sig, r)
            ]
        return bad

    def state_utilities(self) -> dict[str, tuple[Fraction, Fraction]]:
        """``{state label: (u_B, u_S)}``: the payoffs at each state (Tables 6, 7)."""
        S = self.structure
        out = {}
        for st in S.states:
            key = (st.signal_b, st.signal_s)
            b, s = S.value_of("B", st.b), S.value_of("S", st.s)
            out[st.label] = (b * self.q[key] - self.t[key], self.t[key] - s * self.q[key])
        return out

    def type_utility(self, typ: str) -> Fraction:
        """``u_b̲(M)``, ``u_b̄(M)``, ``u_s̲(M)`` or ``u_s̄(M)`` of §4.1 (``typ`` in :data:`TYPES`)."""
        if typ not in TYPES:
            raise InvalidProblemError(f"DirectMechanism.type_utility(): typ={typ!r} not in {TYPES}")
        side, level = typ[0], typ[2:]
        utils = self.state_utilities()
        total = sum(
            (
                st.prob * utils[st.label][0 if side == "b" else 1]
                for st in self.structure.states
                if (st.b if side == "b" else st.s) == level
            ),
            _0,
        )
        return total / _type_prob(self.structure.th, typ)

    def welfare(self) -> Fraction:
        """Expected gains from trade ``Σ_ω π(ω)(b − s) q``."""
        S = self.structure
        return sum(
            (
                st.prob
                * (S.value_of("B", st.b) - S.value_of("S", st.s))
                * self.q[(st.signal_b, st.signal_s)]
                for st in S.states
            ),
            _0,
        )


def tmu(
    mechanisms: Sequence[DirectMechanism], assignment: Mapping[str, Sequence[int]] | None = None
) -> Fraction:
    """``TMU(L)`` of eq. (4.2): ``Σ_type p_type · min_k u_type(M^k)`` (paper 004, §4.1).

    ``assignment`` optionally restricts the minimum for a type to the listed structure
    indices (0-based; the "pre-assigned" evaluation of §5.1 and Appendix E.1).
    """
    if not mechanisms:
        raise InvalidProblemError("tmu(): no mechanisms")
    th = mechanisms[0].structure.th
    total = _0
    for typ in TYPES:
        ks = (
            range(len(mechanisms))
            if assignment is None or typ not in assignment
            else assignment[typ]
        )
        total += _type_prob(th, typ) * min(mechanisms[k].type_utility(typ) for k in ks)
    return total


def respects_overlaps(L: StructureList, mechanisms: Sequence[DirectMechanism]) -> bool:
    """Condition (4.3): equal ``q``, ``t`` on every signal pair shared by two structures."""
    if len(mechanisms) != len(L):
        raise InvalidProblemError(
            f"respects_overlaps(): {len(mechanisms)} mechanisms for {len(L)} structures"
        )
    seen: dict[Pair, tuple[Fraction, Fraction]] = {}
    for m in mechanisms:
        for key in m.structure.pairs:
            val = (m.q[key], m.t[key])
            if seen.setdefault(key, val) != val:
                return False
    return True


@dataclass(frozen=True)
class TMUResult:
    """The optimum of the TMU linear program of §5.

    Attributes
    ----------
    value : Fraction
        ``max_L TMU(L)`` (or the weighted objective for :func:`max_weighted_utility`).
    mechanisms : tuple of DirectMechanism
        An optimal list (one per structure).
    utilities : dict
        The minimum utilities ``u_type(L)`` at the optimum (:func:`max_tmu` only).
    solution : Solution
        The LP solution: duals and the verified certificate of the bound.
    """

    value: Fraction
    mechanisms: tuple[DirectMechanism, ...]
    utilities: dict[str, Fraction]
    solution: Solution


class _ListLP:
    """The variables and IC/IR constraints of a list of direct mechanisms (shared by the LPs)."""

    def __init__(self, L: StructureList, name: str) -> None:
        self.L = L
        self.lp = LinearProgram(name, maximize=True)
        self.q: list[dict[Pair, Variable]] = []
        self.t: list[dict[Pair, Variable]] = []
        shared_q: dict[Pair, Variable] = {}
        shared_t: dict[Pair, Variable] = {}
        for k, S in enumerate(L.structures):
            qk: dict[Pair, Variable] = {}
            tk: dict[Pair, Variable] = {}
            for key in S.pairs:
                if L.overlapping and key in shared_q:
                    qk[key], tk[key] = shared_q[key], shared_t[key]
                    continue
                tag = f"{key[0]},{key[1]}" if L.overlapping else f"{k + 1}:{key[0]},{key[1]}"
                qk[key] = self.lp.var(f"q[{tag}]", 0, 1)
                tk[key] = self.lp.var(f"t[{tag}]", None, None)
                if L.overlapping:
                    shared_q[key], shared_t[key] = qk[key], tk[key]
            self.q.append(qk)
            self.t.append(tk)
            self._ic_ir(k, S)

    def buyer(self, k: int, sig: str, report: str) -> LinExpr:
        S, q, t = self.L.structures[k], self.q[k], self.t[k]
        b = S.value_of("B", S.b_of(sig))
        return lin_sum(
            S.prob_pair(sig, o) * (b * q[(report, o)] - t[(report, o)])
            for o in S.seller_signals
            if S.prob_pair(sig, o)
        )

    def seller(self, k: int, sig: str, report: str) -> LinExpr:
        S, q, t = self.L.structures[k], self.q[k], self.t[k]
        s = S.value_of("S", S.s_of(sig))
        return lin_sum(
            S.prob_pair(o, sig) * (t[(o, report)] - s * q[(o, report)])
            for o in S.buyer_signals
            if S.prob_pair(o, sig)
        )

    def _ic_ir(self, k: int, S: InformationStructure) -> None:
        lp = self.lp
        for sig in S.buyer_signals:
            own = self.buyer(k, sig, sig)
            lp.add(own >= 0, f"IR_B[{k + 1}:{sig}]")
            for r in S.buyer_signals:
                if r != sig:
                    lp.add(own >= self.buyer(k, sig, r), f"IC_B[{k + 1}:{sig}->{r}]")
        for sig in S.seller_signals:
            own = self.seller(k, sig, sig)
            lp.add(own >= 0, f"IR_S[{k + 1}:{sig}]")
            for r in S.seller_signals:
                if r != sig:
                    lp.add(own >= self.seller(k, sig, r), f"IC_S[{k + 1}:{sig}->{r}]")

    def state_utility(self, k: int, label: str, side: str) -> LinExpr:
        S = self.L.structures[k]
        st = next((x for x in S.states if x.label == label), None)
        if st is None:
            raise InvalidProblemError(f"no state {label!r} in structure {k + 1} ({S.name!r})")
        key = (st.signal_b, st.signal_s)
        if side == "B":
            return S.value_of("B", st.b) * self.q[k][key] - self.t[k][key]
        return self.t[k][key] - S.value_of("S", st.s) * self.q[k][key]

    def weighted_type_utility(self, k: int, typ: str) -> LinExpr:
        """``p_type · u_type(M^k)`` as a linear expression (no division)."""
        S = self.L.structures[k]
        side, level = typ[0], typ[2:]
        return lin_sum(
            st.prob * self.state_utility(k, st.label, "B" if side == "b" else "S")
            for st in S.states
            if (st.b if side == "b" else st.s) == level
        )

    def solve(self) -> tuple[Solution, tuple[DirectMechanism, ...], Fraction]:
        sol = self.lp.solve().raise_for_status()
        mechs = tuple(
            DirectMechanism(
                S,
                {key: sol.value(v) for key, v in self.q[k].items()},
                {key: sol.value(v) for key, v in self.t[k].items()},
            )
            for k, S in enumerate(self.L.structures)
        )
        obj = sol.objective
        assert isinstance(obj, Fraction)
        return sol, mechs, obj


def _check_assignment(
    L: StructureList, assignment: Mapping[str, Sequence[int]] | None
) -> dict[str, tuple[int, ...]]:
    out = {typ: tuple(range(len(L))) for typ in TYPES}
    for typ, ks in (assignment or {}).items():
        if typ not in TYPES:
            raise InvalidProblemError(f"max_tmu(): assignment key {typ!r} is not one of {TYPES}")
        ks = tuple(ks)
        if not ks or any(not (isinstance(k, int) and 0 <= k < len(L)) for k in ks):
            raise InvalidProblemError(
                f"max_tmu(): assignment[{typ!r}]={ks!r} must name structures 0..{len(L) - 1}"
            )
        out[typ] = ks
    return out


def max_tmu(L: StructureList, assignment: Mapping[str, Sequence[int]] | None = None) -> TMUResult:
    """``max_L TMU(L)`` over (overlapping) lists of direct mechanisms: the LP of §5.

    Paper 004, §5: maximise ``Σ_type p_type u_type`` over ``q^k ∈ [0,1]``, ``t^k`` and the
    minimum utilities, subject to IC/IR of every ``M^k`` on ``S^k`` (constraints
    ``"IC_B[k:η->η']"``, ``"IR_B[k:η]"``, …), ``u_type ≤ u_type(M^k)`` (``"min[type,k]"``)
    and, for an overlapping list, condition (4.3) (one variable per shared pair).
    ``assignment`` maps a type to the structure indices (0-based) whose payoff bounds its
    minimum — the "pre-assigned" variant of §5.1 (e.g. ``{"b_hi": [0], "s_hi": [0],
    "b_lo": [1], "s_lo": [1]}``); by default every structure counts. By Lemmas 4.3–4.4 the
    value bounds every mechanism's welfare guarantee.

    >>> from exactmech.papers.information_games.structures import table3_structures
    >>> max_tmu(table3_structures(TradeParams(1, 2, 3, 5, "1/10", "1/5"))).value   # = W_FP
    Fraction(2, 5)
    """
    assign = _check_assignment(L, assignment)
    m = _ListLP(L, "max_tmu")
    th = L.th
    u = {typ: m.lp.var(f"u[{typ}]", None, None) for typ in TYPES}
    for typ in TYPES:
        for k in assign[typ]:
            m.lp.add(
                _type_prob(th, typ) * u[typ] <= m.weighted_type_utility(k, typ),
                f"min[{typ},{k + 1}]",
            )
    m.lp.maximize(lin_sum(_type_prob(th, typ) * u[typ] for typ in TYPES))
    sol, mechs, value = m.solve()
    return TMUResult(value, mechs, {typ: sol.value(u[typ]) for typ in TYPES}, sol)


def max_weighted_utility(
    L: StructureList,
    type_weights: Mapping[tuple[int, str], RationalLike] | None = None,
    state_weights: Mapping[tuple[int, str, str], RationalLike] | None = None,
) -> TMUResult:
    """Maximise a linear combination of utilities over (overlapping) direct-mechanism lists.

    The objective is ``Σ w[k, type] · p_type u_type(M^k) + Σ v[k, state, side] · u_side(state)``
    (``k`` 0-based, ``side`` ``"B"``/``"S"``), subject to IC/IR of every ``M^k`` and (4.3).
    Appendix C's sub-bounds are of this form, e.g. (C.1) is
    ``type_weights={(0, "b_hi"): 1, (0, "s_hi"): 1}`` on Table 3's list.

    >>> from exactmech.papers.information_games.structures import table3_structures
    >>> th = TradeParams(1, 2, 3, 4, "1/2", "1/4")
    >>> max_weighted_utility(table3_structures(th), {(0, "b_hi"): 1, (0, "s_hi"): 1}).value
    Fraction(1, 2)
    """
    m = _ListLP(L, "max_weighted_utility")
    obj = LinExpr()
    for (k, typ), w in (type_weights or {}).items():
        if typ not in TYPES or not 0 <= k < len(L):
            raise InvalidProblemError(f"max_weighted_utility(): bad type weight key {(k, typ)!r}")
        obj = obj + Q(
            w, f"type_weights[{(k, typ)!r}]", func="max_weighted_utility"
        ) * m.weighted_type_utility(k, typ)
    for (k, label, side), w in (state_weights or {}).items():
        if side not in ("B", "S") or not 0 <= k < len(L):
            raise InvalidProblemError(
                f"max_weighted_utility(): bad state weight key {(k, label, side)!r}"
            )
        obj = obj + Q(
            w, f"state_weights[{(k, label, side)!r}]", func="max_weighted_utility"
        ) * m.state_utility(k, label, side)
    m.lp.maximize(obj)
    sol, mechs, value = m.solve()
    return TMUResult(value, mechs, {}, sol)


def extortion_bound(th: TradeParams) -> TMUResult:
    """``max TMU`` on the list of θ's Figure 5 region (paper 004, §5, Lemmas 5.1–5.5).

    By the extortion lemma this bounds every mechanism's guarantee; the lemmas say it is at
    most ``W*(θ)`` and Theorems 3.2–3.3 that ``W*(θ)`` is attained, so the value equals
    :func:`~exactmech.papers.information_games.params.w_star` — computed here
    independently, as an exact LP with a certificate. A pure function of θ, for sweeps.

    >>> extortion_bound(TradeParams(1, 2, 3, 4, "3/4", "1/2")).value
    Fraction(25, 16)
    """
    return max_tmu(region_structures(th))


def mirror_mechanism(m: DirectMechanism) -> DirectMechanism:
    """``m`` with buyer and seller exchanged: ``q'(η_S, η_B) = q``, ``t' = c·q − t``.

    With ``c = b̄ + s̲`` (see :func:`~exactmech.papers.information_games.params.mirror_params`)
    the mirrored mechanism lives on :func:`mirror_structure` and gives every mirrored type the
    original type's payoffs.
    """
    th = m.structure.th
    c = th.b_hi + th.s_lo
    S2 = mirror_structure(m.structure)
    assert S2.th == mirror_params(th)
    return DirectMechanism(
        S2,
        {(s, b): v for (b, s), v in m.q.items()},
        {(s, b): c * m.q[(b, s)] - v for (b, s), v in m.t.items()},
    )


def lift_value_mechanism(vm: ValueMechanism, S: InformationStructure) -> DirectMechanism:
    """The direct mechanism on ``S`` that applies ``vm`` to the values the signals reveal.

    ``q(η_B, η_S) = q(b(η_B), s(η_S))``, likewise ``t``. For a dominant-strategy ``vm``
    (§2.2) this is a direct mechanism on every structure and every type gets its
    ``vm``-payoff, so any list of lifts has ``TMU`` equal to ``vm``'s welfare — the reason
    ``max TMU ≥ W_DS`` for every list (paper 004, §3.2 and Lemmas 4.1–4.4).

    >>> from exactmech.papers.information_games.mechanisms import table1_mechanism
    >>> from exactmech.papers.information_games.structures import table3_structures
    >>> th = TradeParams(1, 2, 3, 4, "3/4", "1/2")
    >>> L = table3_structures(th)
    >>> tmu([lift_value_mechanism(table1_mechanism(th), S) for S in L.structures])
    Fraction(25, 16)
    """
    q = {(b, s): vm.q[(S.b_of(b), S.s_of(s))] for b, s in S.pairs}
    t = {(b, s): vm.t[(S.b_of(b), S.s_of(s))] for b, s in S.pairs}
    return DirectMechanism(S, q, t)
