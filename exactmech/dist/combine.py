"""Mixtures, products and joint distributions over valuation profiles (paper 001, §2.2).

A signaling scheme :math:`\\mathcal Z = \\{\\gamma_q, \\mathcal S_q\\}` is Bayes plausible when
:math:`\\sum_q \\gamma_q \\mathcal S_q = \\mathcal D` (paper 001, §2.2): :func:`mixture`
computes the left side. Several buyers with independent values have the product prior
:math:`\\mathcal D = \\mathcal D_1 \\times \\dots \\times \\mathcal D_n` (paper 001, §2);
:func:`product` writes it as a **joint distribution**: a ``dict`` mapping each valuation
profile (a tuple of Fractions, one per buyer) to its probability, the same form a correlated
prior takes (:func:`joint_distribution`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from itertools import pairwise
from itertools import product as _cartesian
from typing import Any, overload

from exactmech.dist.discrete import Discrete
from exactmech.dist.uniform import PiecewiseUniform
from exactmech.errors import DistributionError
from exactmech.numbers import Q, as_rational_vector, fraction_str

__all__ = ["Joint", "joint_distribution", "marginal", "mixture", "product"]

#: A joint distribution over valuation profiles: ``{(v_1, ..., v_n): probability}``.
Joint = dict[tuple[Fraction, ...], Fraction]

_ZERO = Fraction(0)


def _weights(
    func: str, components: Iterable[Any]
) -> tuple[list[Fraction], list[Discrete | PiecewiseUniform]]:
    ws: list[Fraction] = []
    ds: list[Discrete | PiecewiseUniform] = []
    for i, item in enumerate(components):
        try:
            w, d = item
        except (TypeError, ValueError):
            raise DistributionError(
                f"{func}(): components[{i}] must be a (weight, distribution) pair"
            ) from None
        w = Q(w, f"weights[{i}]", func=func)
        if w < 0:
            raise DistributionError(f"{func}(): weights[{i}]={fraction_str(w)} is negative")
        if not isinstance(d, (Discrete, PiecewiseUniform)):
            raise DistributionError(
                f"{func}(): components[{i}] holds a {type(d).__name__}, not a distribution"
            )
        ws.append(w)
        ds.append(d)
    if not ds:
        raise DistributionError(f"{func}(): no components")
    total = sum(ws, _ZERO)
    if total != 1:
        raise DistributionError(f"{func}(): weights sum to {fraction_str(total)}, expected 1")
    return ws, ds


@overload
def mixture(components: Iterable[tuple[Any, Discrete]]) -> Discrete: ...


@overload
def mixture(components: Iterable[tuple[Any, PiecewiseUniform]]) -> PiecewiseUniform: ...


def mixture(components: Iterable[tuple[Any, Any]]) -> Discrete | PiecewiseUniform:
    """The mixture :math:`\\sum_q \\gamma_q \\mathcal S_q` of distributions of one kind.

    Parameters
    ----------
    components
        ``(weight, distribution)`` pairs; weights ``>= 0`` summing to exactly 1. Either all
        :class:`Discrete` (the result's grid is the union of their grids, so posteriors on
        one grid mix back onto it) or all :class:`PiecewiseUniform`/:class:`Uniform` (the
        result's breakpoints are the union of theirs).

    Returns
    -------
    Discrete or PiecewiseUniform

    Raises
    ------
    DistributionError
        No components, a negative weight, weights not summing to 1, or mixed kinds.

    References
    ----------
    paper 001, §2.2 (Bayes plausibility :math:`\\sum_q \\gamma_q \\mathcal S_q = \\mathcal D`).

    Examples
    --------
    >>> S1 = Discrete([1, 2, 3], ["1/2", "1/6", "1/3"])
    >>> S2 = Discrete([1, 2, 3], [0, "1/3", "2/3"])
    >>> S3 = Discrete([1, 2, 3], [0, 1, 0])
    >>> mixture([("2/3", S1), ("1/6", S2), ("1/6", S3)])
    Discrete({1: 1/3, 2: 1/3, 3: 1/3})
    >>> mixture([("1/2", S1), ("1/3", S2)])
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: mixture(): weights sum to 5/6, expected 1
    """
    ws, ds = _weights("mixture", components)
    if all(isinstance(d, Discrete) for d in ds):
        masses: dict[Fraction, Fraction] = {}
        for w, d in zip(ws, ds):
            assert isinstance(d, Discrete)
            for v, p in d.items():
                masses[v] = masses.get(v, _ZERO) + w * p
        grid = tuple(sorted(masses))
        return Discrete._make(grid, tuple(masses[v] for v in grid))
    if all(isinstance(d, PiecewiseUniform) for d in ds):
        breaks = sorted({x for d in ds if isinstance(d, PiecewiseUniform) for x in d.breakpoints})
        cont = [d for d in ds if isinstance(d, PiecewiseUniform)]
        pieces = []
        for lo, hi in pairwise(breaks):
            pieces.append(sum((w * (d._cdf(hi) - d._cdf(lo)) for w, d in zip(ws, cont)), _ZERO))
        return PiecewiseUniform._make(tuple(breaks), tuple(pieces))
    kinds = ", ".join(sorted({type(d).__name__ for d in ds}))
    raise DistributionError(
        f"mixture(): cannot mix {kinds}; mix Discrete with Discrete, or (piecewise) uniforms "
        "with each other"
    )


def product(*dists: Discrete) -> Joint:
    """The product prior :math:`\\mathcal D_1 \\times \\dots \\times \\mathcal D_n` (independent).

    Every profile of grid values appears (zero-probability profiles included), in
    lexicographic order.

    Parameters
    ----------
    *dists
        One :class:`Discrete` per buyer.

    Returns
    -------
    Joint
        ``{(v_1, ..., v_n): f_1(v_1) ... f_n(v_n)}``.

    Raises
    ------
    DistributionError
        No distributions, or one that is not :class:`Discrete`.

    References
    ----------
    paper 001, §2 (independent private values, product prior).

    Examples
    --------
    >>> J = product(Discrete.uniform([1, 2]), Discrete([0, 1], ["1/3", "2/3"]))
    >>> J[(Fraction(2), Fraction(1))]
    Fraction(1, 3)
    >>> product()
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: product(): no distributions
    """
    if not dists:
        raise DistributionError("product(): no distributions")
    for i, d in enumerate(dists):
        if not isinstance(d, Discrete):
            raise DistributionError(
                f"product(): dists[{i}] is a {type(d).__name__}; expected Discrete"
            )
    out: Joint = {}
    for combo in _cartesian(*(d.items() for d in dists)):
        prob = Fraction(1)
        for _, p in combo:
            prob *= p
        out[tuple(v for v, _ in combo)] = prob
    return out


def joint_distribution(probs: Mapping[Any, Any]) -> Joint:
    """Validate a joint distribution ``{profile: probability}`` and make it exact.

    Profiles are tuples of rationals of one common length; probabilities are ``>= 0`` and
    sum to exactly 1. The result is sorted by profile.

    Raises
    ------
    DistributionError
        Empty, profiles of different lengths, a repeated profile, a negative probability, or
        probabilities not summing to 1 (the message says what they sum to).

    References
    ----------
    paper 001, §2.1 (a shared prior :math:`\\mathcal D'` "arbitrarily correlated").

    Examples
    --------
    >>> J = joint_distribution({(1, 1): "1/2", (2, 2): "1/2"})
    >>> J[(Fraction(1), Fraction(1))]
    Fraction(1, 2)
    >>> joint_distribution({(1, 1): "1/2", (2,): "1/2"})
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: joint_distribution(): profile (2,) has 1 entries; ...
    """
    func = "joint_distribution"
    out: Joint = {}
    width: int | None = None
    for key, p in probs.items():
        prof = as_rational_vector(key if isinstance(key, tuple) else (key,), "profile", func=func)
        if width is None:
            width = len(prof)
        if len(prof) != width or not prof:
            raise DistributionError(
                f"{func}(): profile {key!r} has {len(prof)} entries; expected {width} like the "
                "first profile"
            )
        if prof in out:
            raise DistributionError(f"{func}(): profile {key!r} appears more than once")
        q = Q(p, f"probs[{key!r}]", func=func)
        if q < 0:
            raise DistributionError(
                f"{func}(): probability of profile {key!r} is {fraction_str(q)}; must be >= 0"
            )
        out[prof] = q
    if not out:
        raise DistributionError(f"{func}(): no profiles")
    total = sum(out.values(), _ZERO)
    if total != 1:
        raise DistributionError(f"{func}(): probabilities sum to {fraction_str(total)}, expected 1")
    return dict(sorted(out.items()))


def marginal(joint: Mapping[tuple[Fraction, ...], Fraction], i: int) -> Discrete:
    """The marginal distribution of buyer ``i`` (0-based) under a joint distribution.

    The grid is every value buyer ``i`` takes in some profile (zero masses kept).

    Raises
    ------
    DistributionError
        If ``i`` is not a buyer of the profiles.

    References
    ----------
    paper 001, §2.1 (:math:`\\Pr[\\mathcal D'_i = q]` in the IC constraint).

    Examples
    --------
    >>> J = joint_distribution({(1, 1): "1/2", (2, 1): "1/4", (2, 2): "1/4"})
    >>> marginal(J, 0)
    Discrete({1: 1/2, 2: 1/2})
    >>> marginal(J, 2)
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: marginal(): buyer i=2 out of range for profiles ...
    """
    masses: dict[Fraction, Fraction] = {}
    for prof, p in joint.items():
        if not 0 <= i < len(prof):
            raise DistributionError(
                f"marginal(): buyer i={i} out of range for profiles of length {len(prof)}"
            )
        v = Q(prof[i], f"profile[{i}]", func="marginal")
        masses[v] = masses.get(v, _ZERO) + Q(p, "probability", func="marginal")
    if not masses:
        raise DistributionError("marginal(): empty joint distribution")
    grid = tuple(sorted(masses))
    return Discrete(grid, [masses[v] for v in grid])
