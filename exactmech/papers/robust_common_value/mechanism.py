"""Finite mechanisms of paper 003, §2, and their virtual revenue (eq. (13)).

A mechanism for ``I`` buyers has finite message sets ``M_i = {0, 1, ..., K_i - 1}``,
allocations ``q_i(m) ∈ [0, 1]`` with ``Σ_i q_i(m) <= 1`` and payments ``P_i(m) ∈ ℝ``;
message ``0`` is the opt-out: ``q_i(0, m_-i) = P_i(0, m_-i) = 0`` (paper 003, §2). A buyer's
utility at common value ``v`` is ``U_i(v, m) = v q_i(m) - P_i(m)`` (eq. (2)).

Two representations:

* :class:`FiniteMechanism` stores ``(q_i(m), P_i(m))_i`` for every profile ``m``;
* :class:`SymmetricMechanism` (eq. (3)) stores ``q(j, O)`` and ``P(j, O)`` for an own
  message ``j`` and the *multiset* ``O`` of the others' messages (a sorted tuple), which is
  ``(K + 1)·C(K + I - 1, I - 1)`` entries instead of ``I·(K + 1)^I``.

Multipliers ``α_i(m'_i | m_i) >= 0`` (the dual variables of the obedience constraints of
(9)) are given as a mapping ``{(i, m_i, m'_i): α}`` or, for symmetric multipliers,
``{(m_i, m'_i): α}``. The virtual revenue (eq. (13))

    Rev(v, m) = Σ_i ( P_i(m) + Σ_{m'_i} (U_i(v, m'_i, m_-i) - U_i(v, m)) α_i(m'_i | m_i) )

is affine in ``v``; :func:`virtual_revenue_lines` returns its slope and intercept for every
profile (or multiset), from which :func:`dual_bound` computes the weak-duality bound
``Σ_v p(v) min_m Rev(v, m)`` of (10)/(12): for *any* ``α >= 0`` it is a lower bound on the
revenue of every BCE of the mechanism.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from math import factorial
from typing import Any

from exactmech.numbers import Q, fraction_str
from exactmech.papers.robust_common_value._common import MechanismError, PriorLike, as_prior

__all__ = [
    "FiniteMechanism",
    "Mechanism",
    "Multipliers",
    "Profile",
    "SymmetricMechanism",
    "as_multipliers",
    "dual_bound",
    "multiset_minus",
    "multisets",
    "virtual_revenue",
    "virtual_revenue_lines",
]

Profile = tuple[int, ...]
#: ``{(i, m_i, m'_i): α}`` (per buyer) or ``{(m_i, m'_i): α}`` (symmetric).
Multipliers = Mapping[tuple[int, ...], Any]

_0 = Fraction(0)
_1 = Fraction(1)


def multisets(n_messages: int, size: int) -> list[Profile]:
    """Every multiset of ``size`` messages from ``0..n_messages-1``, as sorted tuples.

    >>> multisets(3, 2)
    [(0, 0), (0, 1), (0, 2), (1, 1), (1, 2), (2, 2)]
    """
    return list(itertools.combinations_with_replacement(range(n_messages), size))


def multiset_minus(s: Profile, j: int) -> Profile:
    """The sorted multiset ``s`` with one copy of ``j`` removed.

    >>> multiset_minus((0, 1, 1, 3), 1)
    (0, 1, 3)
    """
    k = s.index(j)
    return s[:k] + s[k + 1 :]


def _value(x: Any, name: str, func: str) -> Fraction:
    return Q(x, name, func=func)


class FiniteMechanism:
    """A finite mechanism ``(q_i, P_i)_i`` with opt-out (paper 003, §2).

    Parameters
    ----------
    n_messages
        ``(|M_1|, ..., |M_I|)``; buyer ``i`` sends a message in ``0..|M_i| - 1``, ``0`` being
        the opt-out.
    allocation, payment
        Either mappings ``{m: (x_1, ..., x_I)}`` over every profile ``m``, or functions
        ``f(i, m)`` returning buyer ``i``'s allocation (payment) at profile ``m``.

    Raises
    ------
    MechanismError
        If a profile is missing, ``q_i(m) < 0``, ``Σ_i q_i(m) > 1``, or the opt-out message
        gives a nonzero allocation or payment.

    Examples
    --------
    A posted price of 1/2 to one buyer (message 1 buys):

    >>> mech = FiniteMechanism((2,), lambda i, m: m[0], lambda i, m: Fraction(m[0], 2))
    >>> mech.utility(0, Fraction(3, 4), (1,))
    Fraction(1, 4)
    >>> FiniteMechanism((2,), lambda i, m: 1, lambda i, m: 0)
    Traceback (most recent call last):
    ...
    exactmech.papers.robust_common_value._common.MechanismError: FiniteMechanism(): the \
opt-out message 0 of buyer 0 must give q = P = 0, but at m=(0,) q=1, P=0
    """

    __slots__ = ("_P", "_q", "n_messages")

    def __init__(
        self,
        n_messages: Sequence[int],
        allocation: Mapping[Profile, Sequence[Any]] | Callable[[int, Profile], Any],
        payment: Mapping[Profile, Sequence[Any]] | Callable[[int, Profile], Any],
    ) -> None:
        func = "FiniteMechanism"
        sizes = tuple(int(k) for k in n_messages)
        if not sizes or any(k < 1 for k in sizes):
            raise MechanismError(
                f"{func}(): n_messages={tuple(n_messages)} needs at least one buyer and at "
                "least one message (the opt-out 0) per buyer"
            )
        self.n_messages = sizes
        self._q: dict[Profile, tuple[Fraction, ...]] = {}
        self._P: dict[Profile, tuple[Fraction, ...]] = {}
        n = len(sizes)
        for m in itertools.product(*(range(k) for k in sizes)):
            self._q[m] = self._read(allocation, m, n, "allocation", func)
            self._P[m] = self._read(payment, m, n, "payment", func)
        self._validate(func)

    @staticmethod
    def _read(
        src: Mapping[Profile, Sequence[Any]] | Callable[[int, Profile], Any],
        m: Profile,
        n: int,
        what: str,
        func: str,
    ) -> tuple[Fraction, ...]:
        if callable(src):
            return tuple(_value(src(i, m), f"{what}({i}, {m})", func) for i in range(n))
        if m not in src:
            raise MechanismError(f"{func}(): {what} has no entry for the profile m={m}")
        row = tuple(src[m])
        if len(row) != n:
            raise MechanismError(
                f"{func}(): {what}[{m}] has {len(row)} entries, expected one per buyer ({n})"
            )
        return tuple(_value(x, f"{what}[{m}][{i}]", func) for i, x in enumerate(row))

    def _validate(self, func: str) -> None:
        for m, qs in self._q.items():
            for i, x in enumerate(qs):
                if x < 0:
                    raise MechanismError(f"{func}(): q_{i}({m}) = {fraction_str(x)} is negative")
            total = sum(qs, _0)
            if total > 1:
                raise MechanismError(
                    f"{func}(): allocations at m={m} sum to {fraction_str(total)} > 1 "
                    "(feasibility Σ_i q_i(m) <= 1, paper 003, §2)"
                )
            for i in range(len(qs)):
                if m[i] == 0 and (qs[i] != 0 or self._P[m][i] != 0):
                    raise MechanismError(
                        f"{func}(): the opt-out message 0 of buyer {i} must give q = P = 0, "
                        f"but at m={m} q={fraction_str(qs[i])}, P={fraction_str(self._P[m][i])}"
                    )

    @property
    def buyers(self) -> int:
        """The number ``I`` of buyers."""
        return len(self.n_messages)

    def profiles(self) -> Iterator[Profile]:
        """Every message profile ``m ∈ M``, in lexicographic order."""
        return iter(self._q)

    def q(self, i: int, m: Profile) -> Fraction:
        """Buyer ``i``'s allocation ``q_i(m)``."""
        return self._q[m][i]

    def P(self, i: int, m: Profile) -> Fraction:
        """Buyer ``i``'s payment ``P_i(m)``."""
        return self._P[m][i]

    def utility(self, i: int, v: Any, m: Profile) -> Fraction:
        """``U_i(v, m) = v q_i(m) - P_i(m)`` (paper 003, eq. (2))."""
        return Q(v, "v", func="FiniteMechanism.utility") * self._q[m][i] - self._P[m][i]

    def revenue(self, m: Profile) -> Fraction:
        """``Σ_i P_i(m)``, the seller's revenue at profile ``m``."""
        return sum(self._P[m], _0)

    def is_symmetric(self) -> bool:
        """Whether eq. (3) holds: equal message sets and ``q_i``, ``P_i`` depend only on the
        own message and the multiset of the others'."""
        if len(set(self.n_messages)) != 1:
            return False
        seen: dict[tuple[int, Profile], tuple[Fraction, Fraction]] = {}
        for m in self._q:
            for i in range(self.buyers):
                key = (m[i], tuple(sorted(m[:i] + m[i + 1 :])))
                val = (self._q[m][i], self._P[m][i])
                if seen.setdefault(key, val) != val:
                    return False
        return True

    def symmetrize(self) -> SymmetricMechanism:
        """The symmetrised mechanism of paper 003, §5.1, eq. (43) (average over permutations).

        Requires equal message sets. Under symmetric multipliers its virtual revenue at ``m``
        is the average of ``Rev(v, σm)`` over permutations ``σ`` (§5.1).
        """
        if len(set(self.n_messages)) != 1:
            raise MechanismError(
                f"symmetrize(): message sets differ ({self.n_messages}); eq. (43) needs equal ones"
            )
        n, k = self.buyers, self.n_messages[0]
        perms = list(itertools.permutations(range(n)))

        def rule(own: int, others: Profile) -> tuple[Fraction, Fraction]:
            prof = (own, *others)
            qs, ps = _0, _0
            for sigma in perms:
                m = [0] * n
                for pos, buyer in enumerate(sigma):
                    m[buyer] = prof[pos]
                mt = tuple(m)
                qs += self._q[mt][sigma[0]]
                ps += self._P[mt][sigma[0]]
            return qs / len(perms), ps / len(perms)

        return SymmetricMechanism(n, k, rule)

    def __repr__(self) -> str:
        return f"FiniteMechanism(buyers={self.buyers}, n_messages={self.n_messages})"


class SymmetricMechanism:
    """A symmetric mechanism (paper 003, eq. (3)) stored by own message and others' multiset.

    Parameters
    ----------
    buyers
        ``I >= 1``.
    n_messages
        ``|M_i| = K + 1`` (messages ``0..K``, ``0`` the opt-out).
    rule
        A function ``rule(own, others) -> (q, P)`` where ``others`` is the sorted tuple of
        the other ``I - 1`` messages, or a mapping with those keys.

    Raises
    ------
    MechanismError
        On a negative allocation, a violated feasibility ``Σ_i q_i(m) <= 1`` at some
        multiset, or an opt-out message with nonzero allocation or payment.

    Examples
    --------
    Two buyers, a posted price 1/2 with the good split equally among those who buy:

    >>> def rule(own, others):
    ...     share = Fraction(own, 1 + others[0])
    ...     return share, share / 2
    >>> mech = SymmetricMechanism(2, 2, rule)
    >>> mech.q(1, (1,)), mech.P(1, (0,))
    (Fraction(1, 2), Fraction(1, 2))
    >>> SymmetricMechanism(2, 2, lambda own, others: (own, 0))
    Traceback (most recent call last):
    ...
    exactmech.papers.robust_common_value._common.MechanismError: SymmetricMechanism(): \
allocations at the profile (1, 1) sum to 2 > 1 (feasibility Σ_i q_i(m) <= 1, paper 003, §2)
    """

    __slots__ = ("_table", "buyers", "n_messages")

    def __init__(
        self,
        buyers: int,
        n_messages: int,
        rule: Callable[[int, Profile], tuple[Any, Any]] | Mapping[tuple[int, Profile], Any],
    ) -> None:
        func = "SymmetricMechanism"
        if int(buyers) < 1 or int(n_messages) < 1:
            raise MechanismError(
                f"{func}(): buyers={buyers} and n_messages={n_messages} must be >= 1"
            )
        self.buyers = int(buyers)
        self.n_messages = int(n_messages)
        self._table: dict[tuple[int, Profile], tuple[Fraction, Fraction]] = {}
        for own in range(self.n_messages):
            for others in multisets(self.n_messages, self.buyers - 1):
                if callable(rule):
                    val = rule(own, others)
                else:
                    if (own, others) not in rule:
                        raise MechanismError(f"{func}(): rule has no entry for {(own, others)}")
                    val = rule[(own, others)]
                q, p = val
                self._table[(own, others)] = (
                    _value(q, f"q({own}, {others})", func),
                    _value(p, f"P({own}, {others})", func),
                )
        self._validate(func)

    def _validate(self, func: str) -> None:
        for (own, others), (q, p) in self._table.items():
            if q < 0:
                raise MechanismError(f"{func}(): q({own}, {others}) = {fraction_str(q)} < 0")
            if own == 0 and (q != 0 or p != 0):
                raise MechanismError(
                    f"{func}(): the opt-out message 0 must give q = P = 0, but "
                    f"q(0, {others}) = {fraction_str(q)}, P(0, {others}) = {fraction_str(p)}"
                )
        for s in multisets(self.n_messages, self.buyers):
            total = self.total_allocation(s)
            if total > 1:
                raise MechanismError(
                    f"{func}(): allocations at the profile {s} sum to {fraction_str(total)} > 1 "
                    "(feasibility Σ_i q_i(m) <= 1, paper 003, §2)"
                )

    def _key(self, own: int, others: Iterable[int]) -> tuple[int, Profile]:
        return own, tuple(sorted(others))

    def q(self, own: int, others: Iterable[int]) -> Fraction:
        """``q(m_i, m_-i)`` (others in any order)."""
        return self._table[self._key(own, others)][0]

    def P(self, own: int, others: Iterable[int]) -> Fraction:
        """``P(m_i, m_-i)`` (others in any order)."""
        return self._table[self._key(own, others)][1]

    def utility(self, v: Fraction, own: int, others: Iterable[int]) -> Fraction:
        """``U(v, m_i, m_-i) = v q - P`` (paper 003, eq. (2))."""
        q, p = self._table[self._key(own, others)]
        return v * q - p

    def entries(self) -> Iterator[tuple[tuple[int, Profile], tuple[Fraction, Fraction]]]:
        """``((own, others), (q, P))`` for every stored entry."""
        return iter(self._table.items())

    def multisets(self) -> list[Profile]:
        """Every profile up to permutation (sorted ``I``-tuples)."""
        return multisets(self.n_messages, self.buyers)

    def total_allocation(self, s: Profile) -> Fraction:
        """``Σ_i q_i(m)`` at any profile ``m`` with multiset ``s``."""
        return sum(
            (c * self._table[(j, multiset_minus(s, j))][0] for j, c in Counter(s).items()), _0
        )

    def revenue(self, s: Sequence[int]) -> Fraction:
        """``Σ_i P_i(m)`` at any profile ``m`` with multiset ``s``."""
        st = tuple(sorted(s))
        return sum(
            (c * self._table[(j, multiset_minus(st, j))][1] for j, c in Counter(st).items()), _0
        )

    @staticmethod
    def orbit_size(s: Profile) -> int:
        """The number of profiles with multiset ``s``: ``I! / Π_j c_j(s)!``."""
        out = factorial(len(s))
        for c in Counter(s).values():
            out //= factorial(c)
        return out

    def to_finite(self) -> FiniteMechanism:
        """The same mechanism with every profile listed (``I·(K + 1)^I`` entries)."""
        n = self.buyers

        def get(idx: int) -> Callable[[int, Profile], Fraction]:
            return lambda i, m: self._table[(m[i], tuple(sorted(m[:i] + m[i + 1 :])))][idx]

        return FiniteMechanism((self.n_messages,) * n, get(0), get(1))

    def __repr__(self) -> str:
        return f"SymmetricMechanism(buyers={self.buyers}, n_messages={self.n_messages})"


Mechanism = FiniteMechanism | SymmetricMechanism


def as_multipliers(
    mech: Mechanism, alpha: Multipliers, func: str = "as_multipliers"
) -> dict[tuple[int, ...], Fraction]:
    """Validate multipliers ``α >= 0`` against a mechanism's message sets.

    Returns ``{(j, j'): α}`` for symmetric keys or ``{(i, j, j'): α}`` for per-buyer keys
    (zero entries and ``j == j'`` entries dropped: they do not enter eq. (13)).

    >>> mech = SymmetricMechanism(1, 3, lambda own, o: (Fraction(own, 2), own))
    >>> as_multipliers(mech, {(0, 1): "1/2", (1, 2): 0})
    {(0, 1): Fraction(1, 2)}
    >>> as_multipliers(mech, {(0, 1): -1})
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: as_multipliers(): alpha[(0, 1)] = -1 is negative; \
the multipliers of the obedience constraints (paper 003, eq. (10)) are >= 0
    """
    from exactmech.errors import InvalidProblemError

    out: dict[tuple[int, ...], Fraction] = {}
    arity = None
    for key, raw in alpha.items():
        key = tuple(int(x) for x in key)
        if arity is None:
            arity = len(key)
        if len(key) != arity or arity not in (2, 3):
            raise InvalidProblemError(
                f"{func}(): alpha keys must all be (m_i, m'_i) or all (i, m_i, m'_i), got {key}"
            )
        val = Q(raw, f"alpha[{key}]", func=func)
        if val < 0:
            raise InvalidProblemError(
                f"{func}(): alpha[{key}] = {fraction_str(val)} is negative; the multipliers of "
                "the obedience constraints (paper 003, eq. (10)) are >= 0"
            )
        if arity == 3:
            i, j, jp = key
            if not 0 <= i < _buyers(mech):
                raise InvalidProblemError(f"{func}(): alpha key {key}: no buyer {i}")
            size = _sizes(mech)[i]
        else:
            j, jp = key
            size = min(_sizes(mech))
        if not (0 <= j < size and 0 <= jp < size):
            raise InvalidProblemError(
                f"{func}(): alpha key {key} names a message outside 0..{size - 1}"
            )
        if val and j != jp:
            out[key] = val
    return out


def _buyers(mech: Mechanism) -> int:
    return mech.buyers


def _sizes(mech: Mechanism) -> tuple[int, ...]:
    if isinstance(mech, SymmetricMechanism):
        return (mech.n_messages,) * mech.buyers
    return mech.n_messages


def _per_buyer(alpha: dict[tuple[int, ...], Fraction], n: int) -> dict[tuple[int, ...], Fraction]:
    if alpha and len(next(iter(alpha))) == 2:
        return {(i, j, jp): a for (j, jp), a in alpha.items() for i in range(n)}
    return alpha


def virtual_revenue_lines(
    mech: Mechanism, alpha: Multipliers
) -> dict[Profile, tuple[Fraction, Fraction]]:
    """Slope and intercept of ``v ↦ Rev(v, m)`` for every profile (paper 003, eq. (13)).

    For a :class:`SymmetricMechanism` with symmetric multipliers the keys are multisets
    (``Rev`` is then constant on permutations); otherwise they are profiles.

    >>> mech = SymmetricMechanism(1, 2, lambda own, o: (own, Fraction(own, 2)))
    >>> virtual_revenue_lines(mech, {(0, 1): 1})      # Rev(v, 0) = v - 1/2, Rev(v, 1) = 1/2
    {(0,): (Fraction(1, 1), Fraction(-1, 2)), (1,): (Fraction(0, 1), Fraction(1, 2))}
    """
    a = as_multipliers(mech, alpha, "virtual_revenue_lines")
    symmetric_alpha = not a or len(next(iter(a))) == 2
    if isinstance(mech, SymmetricMechanism) and symmetric_alpha:
        return _lines_symmetric(mech, a)
    fm = mech.to_finite() if isinstance(mech, SymmetricMechanism) else mech
    return _lines_finite(fm, _per_buyer(a, fm.buyers))


def _lines_symmetric(
    mech: SymmetricMechanism, alpha: dict[tuple[int, ...], Fraction]
) -> dict[Profile, tuple[Fraction, Fraction]]:
    by_own: dict[int, list[tuple[int, Fraction]]] = {}
    for (j, jp), val in alpha.items():
        by_own.setdefault(j, []).append((jp, val))
    out: dict[Profile, tuple[Fraction, Fraction]] = {}
    for s in mech.multisets():
        slope, icpt = _0, _0
        for j, c in Counter(s).items():
            others = multiset_minus(s, j)
            q, p = mech._table[(j, others)]
            sl, ic = _0, p
            for jp, val in by_own.get(j, ()):
                q2, p2 = mech._table[(jp, others)]
                sl += val * (q2 - q)
                ic -= val * (p2 - p)
            slope += c * sl
            icpt += c * ic
        out[s] = (slope, icpt)
    return out


def _lines_finite(
    mech: FiniteMechanism, alpha: dict[tuple[int, ...], Fraction]
) -> dict[Profile, tuple[Fraction, Fraction]]:
    by_own: dict[tuple[int, int], list[tuple[int, Fraction]]] = {}
    for (i, j, jp), val in alpha.items():
        by_own.setdefault((i, j), []).append((jp, val))
    out: dict[Profile, tuple[Fraction, Fraction]] = {}
    for m in mech.profiles():
        slope, icpt = _0, mech.revenue(m)
        for i in range(mech.buyers):
            q, p = mech._q[m][i], mech._P[m][i]
            for jp, val in by_own.get((i, m[i]), ()):
                m2 = (*m[:i], jp, *m[i + 1 :])
                slope += val * (mech._q[m2][i] - q)
                icpt -= val * (mech._P[m2][i] - p)
        out[m] = (slope, icpt)
    return out


def virtual_revenue(mech: Mechanism, alpha: Multipliers, v: Any, m: Sequence[int]) -> Fraction:
    """The virtual revenue ``Rev(v, m)`` of paper 003, eq. (13).

    >>> mech = SymmetricMechanism(1, 2, lambda own, o: (own, Fraction(own, 2)))
    >>> virtual_revenue(mech, {(0, 1): 1}, Fraction(3, 4), (0,))
    Fraction(1, 4)
    """
    vq = Q(v, "v", func="virtual_revenue")
    lines = virtual_revenue_lines(mech, alpha)
    key = tuple(m)
    if key not in lines:
        key = tuple(sorted(m))
    slope, icpt = lines[key]
    return slope * vq + icpt


def dual_bound(mech: Mechanism, prior: PriorLike, alpha: Multipliers) -> Fraction:
    """Weak duality (paper 003, (10)–(12)): ``Σ_v p(v) min_m Rev(v, m)`` for any ``α >= 0``.

    Every BCE of ``mech`` has expected revenue at least this number; at the optimal
    multipliers of the dual LP (10) it equals the worst BCE revenue (9).

    A posted price of 1/4 (message 1 buys) and a value 0 or 1 with equal probability; the
    multiplier 1/3 on "buy instead of opt out" certifies the guarantee 1/12 (the buyer who
    pools all of v = 0 with a sixth of v = 1 is indifferent and may not buy):

    >>> mech = SymmetricMechanism(1, 2, lambda own, o: (own, Fraction(own, 4)))
    >>> dual_bound(mech, {0: "1/2", 1: "1/2"}, {(0, 1): "1/3"})
    Fraction(1, 12)
    """
    dist = as_prior(prior, "dual_bound")
    lines = list(virtual_revenue_lines(mech, alpha).values())
    return sum((p * min(s * v + c for s, c in lines) for v, p in dist.items()), _0)
