"""Revenue curves, monopoly prices and virtual values of one buyer (paper 001, §2.1).

A seller facing one buyer with value :math:`V \\sim \\mathcal D` posts a price :math:`p`; the
buyer buys when :math:`V \\ge p` (**tie rule: a buyer indifferent between buying and not buys**,
which is why paper 001 uses :math:`S_{\\mathcal D}(x) = \\Pr[V \\ge x]`). Revenue is
:math:`R(p) = p\\,S_{\\mathcal D}(p)`.

*Monopoly (reserve) price.* Paper 001, §2.1: "the smallest value :math:`r` in the support of
:math:`\\mathcal D_i` that maximizes :math:`r S_{\\mathcal D_i}(r)`". The smallest maximizer is
the seller's tie rule in favour of the buyer; for an equal-revenue posterior it is the lowest
support value, so the item always sells (§2.2). For a (piecewise-)uniform prior the same rule
is applied over all real prices.

*Quantile space.* The quantile of value :math:`v` is :math:`q = S(v)`. For a discrete
:math:`\\mathcal D` with support :math:`z_1 < \\dots < z_k` the revenue curve is the piecewise
linear curve through :math:`(0, 0)` and the points :math:`(S(z_\\ell), z_\\ell S(z_\\ell))`;
atom :math:`z_\\ell` occupies the quantiles :math:`[S(z_{\\ell+1}), S(z_\\ell)]`, and the slope of
the curve there is

.. math:: \\frac{z_\\ell S(z_\\ell) - z_{\\ell+1} S(z_{\\ell+1})}{f(z_\\ell)}
   = z_\\ell - (z_{\\ell+1} - z_\\ell)\\frac{S(z_{\\ell+1})}{f(z_\\ell)},

which is exactly the discrete virtual value of paper 001, eq. (1) (and :math:`z_k` at the top,
the slope from :math:`(0, 0)`). So :math:`\\varphi` is non-decreasing in value (the paper's
regularity) iff the revenue curve is concave in quantile space. For a continuous density,
:math:`\\varphi(v) = v - (1 - F(v))/f(v)`, which is :math:`2v - b` on :math:`U[a, b]` (paper 000,
Lemma 4.1). Ironing lives in :mod:`exactmech.dist.ironing`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from exactmech.dist.discrete import Discrete
from exactmech.dist.uniform import PiecewiseUniform
from exactmech.errors import DistributionError
from exactmech.numbers import Q, fraction_str, to_latex

__all__ = [
    "Distribution",
    "PricingOutcome",
    "is_regular",
    "monopoly_price",
    "monopoly_revenue",
    "posted_price_outcome",
    "quantile_revenue_curve",
    "revenue",
    "revenue_curve",
    "virtual_value",
    "virtual_values",
]

#: A one-buyer value distribution.
Distribution = Discrete | PiecewiseUniform

_ZERO = Fraction(0)


def _check_dist(func: str, dist: Any) -> None:
    if not isinstance(dist, (Discrete, PiecewiseUniform)):
        raise DistributionError(
            f"{func}(): expected a Discrete or PiecewiseUniform distribution, got "
            f"{type(dist).__name__}"
        )


def _check_discrete(func: str, dist: Any) -> None:
    if not isinstance(dist, Discrete):
        raise DistributionError(
            f"{func}(): expected a Discrete distribution, got {type(dist).__name__}"
        )


def revenue(dist: Distribution, price: Any) -> Fraction:
    """Revenue :math:`R(p) = p\\,S_{\\mathcal D}(p)` (buyer buys iff :math:`V \\ge p`).

    References
    ----------
    paper 001, §2.1 (the revenue :math:`r S_{\\mathcal D_i}(r)` of a reserve price).

    Examples
    --------
    >>> D = Discrete.uniform([1, 2, 3])
    >>> revenue(D, 2), revenue(D, "5/2")
    (Fraction(4, 3), Fraction(5, 6))
    >>> revenue(D, 2.0)
    Traceback (most recent call last):
    ...
    exactmech.errors.FloatInputError: revenue(): price=2.0 is a float; ...
    """
    _check_dist("revenue", dist)
    p = Q(price, "price", func="revenue")
    return p * dist.survival(p)


def revenue_curve(dist: Discrete) -> dict[Fraction, Fraction]:
    """``{z: z S(z)}`` for each support value ``z`` (ascending): the revenue of each price.

    References
    ----------
    paper 001, §2.1.

    Examples
    --------
    >>> from exactmech.dist import Uniform
    >>> revenue_curve(Discrete.uniform([1, 2, 3]))
    {Fraction(1, 1): Fraction(1, 1), Fraction(2, 1): Fraction(4, 3), Fraction(3, 1): Fraction(1, 1)}
    >>> revenue_curve(Uniform(0, 1))
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: revenue_curve(): expected a Discrete distribution, ...
    """
    _check_discrete("revenue_curve", dist)
    return {z: z * s for z, s in _support_survival(dist)}


def _support_survival(dist: Discrete) -> list[tuple[Fraction, Fraction]]:
    """``(z, S(z))`` for the support, ascending (one pass)."""
    out: list[tuple[Fraction, Fraction]] = []
    tail = Fraction(1)
    for v, p in dist.items():
        if p:
            out.append((v, tail))
            tail -= p
    return out


def quantile_revenue_curve(dist: Discrete) -> tuple[tuple[Fraction, Fraction], ...]:
    """The revenue curve in quantile space: points :math:`(q, R)`, :math:`q = S(z)`, ascending.

    The first point is :math:`(0, 0)` (price above every value), then
    :math:`(S(z_k), z_k S(z_k)), \\dots, (1, z_1)`. The curve is the linear interpolation of
    these points; its slopes are the virtual values of paper 001, eq. (1) (module docstring).

    References
    ----------
    paper 001, §2.1, eq. (1).

    Examples
    --------
    >>> from exactmech.dist import Uniform
    >>> quantile_revenue_curve(Discrete([1, 2], ["1/2", "1/2"]))
    ((Fraction(0, 1), Fraction(0, 1)), (Fraction(1, 2), Fraction(1, 1)),
     (Fraction(1, 1), Fraction(1, 1)))
    >>> quantile_revenue_curve(Uniform(0, 1))
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: quantile_revenue_curve(): expected a Discrete ...
    """
    _check_discrete("quantile_revenue_curve", dist)
    pts = [(s, z * s) for z, s in reversed(_support_survival(dist))]
    return ((_ZERO, _ZERO), *pts)


def _uniform_price_candidates(dist: PiecewiseUniform) -> list[Fraction]:
    # On a piece [lo, hi] with density c, R(p) = p (S(hi) + c (hi - p)) is a concave
    # quadratic maximised at (S(hi)/c + hi)/2; zero-mass pieces have R increasing in p.
    out: list[Fraction] = []
    for lo, hi, m in dist.pieces():
        if not m:
            continue
        c = m / (hi - lo)
        peak = ((1 - dist._cdf(hi)) / c + hi) / 2
        out.extend([lo, hi, min(max(peak, lo), hi)])
    return out


def monopoly_price(dist: Distribution) -> Fraction:
    """The monopoly (reserve) price: the **smallest** maximizer of :math:`p\\,S(p)`.

    Discrete: the smallest support value :math:`r` maximizing :math:`r S(r)` (paper 001,
    §2.1). Piecewise uniform: the smallest real maximizer (on each piece the revenue is a
    concave quadratic, so the candidates are the pieces' ends and peaks; the result is
    rational).

    Raises
    ------
    DistributionError
        If ``dist`` is not a distribution.

    References
    ----------
    paper 001, §2.1 (reserve price :math:`r_{\\mathcal D_i}`); paper 000, §4 (reserve 1/2 for
    :math:`U[0, 1]`).

    Examples
    --------
    >>> from exactmech.dist import Uniform
    >>> monopoly_price(Discrete.uniform([1, 2, 3])), monopoly_price(Uniform(0, 1))
    (Fraction(2, 1), Fraction(1, 2))
    >>> monopoly_price([1, 2, 3])
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: monopoly_price(): expected a Discrete or ...
    """
    _check_dist("monopoly_price", dist)
    return _monopoly(dist)[0]


def _monopoly(dist: Distribution) -> tuple[Fraction, Fraction]:
    if isinstance(dist, Discrete):
        cands = [(z * s, z) for z, s in _support_survival(dist)]
    else:
        cands = [(p * (1 - dist._cdf(p)), p) for p in _uniform_price_candidates(dist)]
    best = max(r for r, _ in cands)
    return min(p for r, p in cands if r == best), best


def monopoly_revenue(dist: Distribution) -> Fraction:
    """The monopoly revenue :math:`\\mathcal R(\\mathcal D) = r_{\\mathcal D} S(r_{\\mathcal D})`.

    For one buyer this is the revenue of Myerson's optimal auction (paper 001, §2.1: "the
    optimal auction sets a fixed price").

    References
    ----------
    paper 001, §2.1 and §2.2, Example 1 (:math:`\\mathcal R(\\mathcal D) = 4/3`).

    Examples
    --------
    >>> from exactmech.dist import Uniform
    >>> monopoly_revenue(Discrete.uniform([1, 2, 3])), monopoly_revenue(Uniform(0, 1))
    (Fraction(4, 3), Fraction(1, 4))
    >>> monopoly_revenue(None)
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: monopoly_revenue(): expected a Discrete or ...
    """
    _check_dist("monopoly_revenue", dist)
    return _monopoly(dist)[1]


def virtual_values(dist: Discrete) -> dict[Fraction, Fraction]:
    """Discrete virtual values on the support, exactly as paper 001, eq. (1).

    For support :math:`z_1 < \\dots < z_k`:
    :math:`\\varphi(z_k) = z_k` and
    :math:`\\varphi(z_\\ell) = z_\\ell - (z_{\\ell+1} - z_\\ell)\\,S(z_{\\ell+1})/f(z_\\ell)` for
    :math:`\\ell < k`. The next-higher value :math:`z_{\\ell+1}` is the next *support* value
    (zero-mass grid values are skipped). :math:`\\varphi(z_\\ell)` is the slope of the revenue
    curve over the quantiles of atom :math:`z_\\ell` (module docstring).

    References
    ----------
    paper 001, §2.1, eq. (1).

    Examples
    --------
    >>> from exactmech.dist import Uniform
    >>> virtual_values(Discrete.uniform([1, 2, 3]))
    {Fraction(1, 1): Fraction(-1, 1), Fraction(2, 1): Fraction(1, 1),
     Fraction(3, 1): Fraction(3, 1)}
    >>> virtual_values(Uniform(0, 1))
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: virtual_values(): expected a Discrete distribution, ...
    """
    _check_discrete("virtual_values", dist)
    return _eq1(dist)


def _eq1(dist: Discrete) -> dict[Fraction, Fraction]:
    zs = [(v, p) for v, p in dist.items() if p]
    out: dict[Fraction, Fraction] = {}
    tail = _ZERO  # S(z_{l+1})
    nxt: Fraction | None = None
    for z, f in reversed(zs):
        if nxt is None:
            out[z] = z  # eq. (1): φ(z_k) = z_k
        else:
            # eq. (1): φ(z_l) = z_l - (z_{l+1} - z_l) S(z_{l+1}) / f(z_l)
            out[z] = z - (nxt - z) * tail / f
        tail += f
        nxt = z
    return dict(sorted(out.items()))


def support_lookup(func: str, table: dict[Fraction, Any], x: Fraction) -> Any:
    """``table[x]`` for a support value ``x``; a clear error naming the support otherwise."""
    if x not in table:
        raise DistributionError(
            f"{func}(): v={fraction_str(x)} is not in the support "
            f"{{{', '.join(fraction_str(z) for z in table)}}}"
        )
    return table[x]


def positive_density(func: str, dist: PiecewiseUniform, x: Fraction) -> Fraction:
    """The density at ``x``; a clear error where it is 0 (virtual values live on the support)."""
    f = dist.pdf(x)
    if f == 0:
        raise DistributionError(
            f"{func}(): the density is 0 at v={fraction_str(x)}; virtual values are defined "
            "on the support"
        )
    return f


def virtual_value(dist: Distribution, v: Any) -> Fraction:
    """The virtual value of ``v``: eq. (1) if discrete, :math:`v - (1 - F(v))/f(v)` if continuous.

    Discrete: ``v`` must be a support value. Piecewise uniform: ``v`` must have positive
    (right-continuous) density; on :math:`U[a, b]` the result is :math:`2v - b`.

    Raises
    ------
    DistributionError
        ``v`` outside the support (discrete) or where the density is 0 (continuous).

    References
    ----------
    paper 001, §2.1, eq. (1); paper 000, Lemma 4.1 (:math:`\\phi(v) = 2v - b` on :math:`U[a, b]`).

    Examples
    --------
    >>> from exactmech.dist import Uniform
    >>> virtual_value(Uniform(0, 1), "3/4"), virtual_value(Discrete.uniform([1, 2, 3]), 2)
    (Fraction(1, 2), Fraction(1, 1))
    >>> virtual_value(Uniform(0, 1), 2)
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: virtual_value(): the density is 0 at v=2; ...
    """
    _check_dist("virtual_value", dist)
    x = Q(v, "v", func="virtual_value")
    if isinstance(dist, Discrete):
        phi: Fraction = support_lookup("virtual_value", _eq1(dist), x)
        return phi
    f = positive_density("virtual_value", dist, x)
    return x - (1 - dist._cdf(x)) / f  # paper 000, Lemma 4.1: φ(v) = v - (1 - F(v))/f(v)


def is_regular(dist: Distribution) -> bool:
    """Whether the virtual value is non-decreasing in value (paper 001, §2.1 "regular").

    Discrete: eq. (1) is non-decreasing on the support, equivalently the quantile revenue
    curve is concave. Piecewise uniform: within a piece :math:`\\varphi` has slope 2, and it
    does not drop at a breakpoint iff the density does not drop there; a zero-mass piece
    inside the support (a gap) makes the quantile revenue curve jump down, so a distribution
    with a gap is not regular.

    References
    ----------
    paper 001, §2.1 (regularity, footnote 1 on ironing).

    Examples
    --------
    >>> irregular = Discrete([1, 2, 3], ["1/2", "1/10", "2/5"])  # eq. (1): 0, -2, 3
    >>> is_regular(Discrete.uniform([1, 2, 3])), is_regular(irregular)
    (True, False)
    >>> is_regular("U[0,1]")
    Traceback (most recent call last):
    ...
    exactmech.errors.DistributionError: is_regular(): expected a Discrete or ...
    """
    _check_dist("is_regular", dist)
    if isinstance(dist, Discrete):
        phis = list(_eq1(dist).values())
        return all(a <= b for a, b in itertools.pairwise(phis))
    canon = dist.canonical()
    if canon.has_gap():
        return False
    dens = canon.densities
    return all(a <= b for a, b in itertools.pairwise(dens))


@dataclass(frozen=True)
class PricingOutcome:
    """What happens when the seller posts ``price`` and the buyer buys iff :math:`V \\ge p`.

    Attributes
    ----------
    price, sale_probability, revenue, consumer_surplus, welfare : Fraction
        :math:`p`, :math:`S(p)`, :math:`p S(p)`, :math:`\\mathbf E[(V - p)\\,1\\{V \\ge p\\}]`
        and :math:`\\mathbf E[V\\,1\\{V \\ge p\\}]` (= revenue + consumer surplus).
    """

    price: Fraction
    sale_probability: Fraction
    revenue: Fraction
    consumer_surplus: Fraction
    welfare: Fraction

    def __repr__(self) -> str:
        fields = ("price", "sale_probability", "revenue", "consumer_surplus", "welfare")
        body = ", ".join(f"{k}={fraction_str(getattr(self, k))}" for k in fields)
        return f"PricingOutcome({body})"

    def _repr_latex_(self) -> str:
        return (
            f"$p = {to_latex(self.price)},\\ \\mathcal R = {to_latex(self.revenue)},\\ "
            f"\\mathrm{{CS}} = {to_latex(self.consumer_surplus)},\\ "
            f"\\mathcal W = {to_latex(self.welfare)}$"
        )

    def _repr_html_(self) -> str:
        fields = ("price", "sale_probability", "revenue", "consumer_surplus", "welfare")
        head = "".join(f"<th>{k}</th>" for k in fields)
        body = "".join(f"<td>{fraction_str(getattr(self, k))}</td>" for k in fields)
        return f"<table><tr>{head}</tr><tr>{body}</tr></table>"


def posted_price_outcome(dist: Distribution, price: Any = None) -> PricingOutcome:
    """Revenue, consumer surplus and welfare of posting ``price`` (default: the monopoly price).

    The buyer buys iff :math:`V \\ge p`; with the monopoly price this is the revenue-optimal
    mechanism for one buyer, so :math:`(\\mathcal R, \\mathcal W, \\mathrm{CS})(\\mathcal D')` of
    paper 001, §2.1 with :math:`\\mathrm{CS} = \\mathcal W - \\mathcal R`.

    References
    ----------
    paper 001, §2.1
    (:math:`\\mathrm{CS}(\\mathcal D') = \\mathcal W(\\mathcal D') - \\mathcal R(\\mathcal D')`).

    Examples
    --------
    >>> from exactmech.dist import Uniform
    >>> posted_price_outcome(Discrete.uniform([1, 2, 3]))
    PricingOutcome(price=2, sale_probability=2/3, revenue=4/3, consumer_surplus=1/3, welfare=5/3)
    >>> posted_price_outcome(Uniform(0, 1), 0.5)
    Traceback (most recent call last):
    ...
    exactmech.errors.FloatInputError: posted_price_outcome(): price=0.5 is a float; ...
    """
    _check_dist("posted_price_outcome", dist)
    p = _monopoly(dist)[0] if price is None else Q(price, "price", func="posted_price_outcome")
    sale = dist.survival(p)
    rev = p * sale
    if isinstance(dist, Discrete):
        welfare = sum((v * q for v, q in dist.items() if v >= p), _ZERO)
        cs = welfare - rev
    else:
        cs = dist.expected_excess(p)
        welfare = cs + rev
    return PricingOutcome(p, sale, rev, cs, welfare)
