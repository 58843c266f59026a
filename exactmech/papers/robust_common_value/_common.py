"""Shared helpers of the paper-003 package: error types, prior coercion, harmonic sums.

Owns the input gates of the package: :func:`as_prior` turns a user's discrete prior into a
validated :class:`~exactmech.dist.Discrete` on values in ``[0, 1]`` (paper 003, §2: the
common value lies in ``V ⊂ [0, 1]``), and the error classes every module raises.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from functools import cache
from typing import Any

from exactmech.dist import Discrete
from exactmech.errors import DistributionError, InvalidProblemError
from exactmech.numbers import Q, fraction_str

__all__ = [
    "LPSizeError",
    "MechanismError",
    "PriorLike",
    "as_positive",
    "as_prior",
    "harmonic_tail",
]

#: What :func:`as_prior` accepts: a :class:`~exactmech.dist.Discrete`, a mapping
#: ``{value: probability}`` or a pair ``(values, probabilities)``.
PriorLike = Discrete | Mapping[Any, Any] | tuple[Sequence[Any], Sequence[Any]]


class MechanismError(InvalidProblemError):
    """A mechanism that violates the model of paper 003, §2 (feasibility, opt-out, shape)."""


class LPSizeError(InvalidProblemError):
    """An LP above the stated size limit (the message says how large and what to do)."""


def as_prior(prior: PriorLike, func: str) -> Discrete:
    """Validate a discrete prior of the common value (paper 003, §2: ``p ∈ Δ(V)``, ``V ⊂ [0,1]``).

    Zero-mass values are dropped. Probabilities must be exact, non-negative and sum to 1.

    >>> as_prior({0: "1/2", 1: "1/2"}, "f").support
    (Fraction(0, 1), Fraction(1, 1))
    >>> as_prior({2: 1}, "f")
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: f(): value 2 is outside [0, 1]; paper 003 normalises \
the common value to [0, 1]
    """
    if isinstance(prior, Discrete):
        dist = prior
    elif isinstance(prior, Mapping):
        dist = Discrete(list(prior.keys()), list(prior.values()))
    elif isinstance(prior, tuple) and len(prior) == 2:
        dist = Discrete(prior[0], prior[1])
    else:
        raise DistributionError(
            f"{func}(): prior must be a Discrete, a {{value: probability}} mapping or a "
            f"(values, probabilities) pair, not {type(prior).__name__}"
        )
    for v in dist.values:
        if not 0 <= v <= 1:
            raise DistributionError(
                f"{func}(): value {fraction_str(v)} is outside [0, 1]; paper 003 normalises "
                "the common value to [0, 1]"
            )
    return dist.trim()


def as_positive(x: Any, name: str, func: str, *, strict: bool = True) -> Fraction:
    """``x`` as a Fraction that is ``> 0`` (``>= 0`` if not ``strict``); errors name ``name``."""
    q = Q(x, name, func=func)
    if q < 0 or (strict and q == 0):
        raise InvalidProblemError(
            f"{func}(): {name}={fraction_str(q)} must be {'> 0' if strict else '>= 0'}"
        )
    return q


@cache
def harmonic_tail(n: int, total: int) -> Fraction:
    """``Σ_{j=n+1}^{I} 1/j`` with ``I = total`` (paper 003, eqs. (20), (22), (34)).

    >>> harmonic_tail(0, 2), harmonic_tail(1, 2), harmonic_tail(2, 2)
    (Fraction(3, 2), Fraction(1, 2), Fraction(0, 1))
    """
    return sum((Fraction(1, j) for j in range(n + 1, total + 1)), Fraction(0))
