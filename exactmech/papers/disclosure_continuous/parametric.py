"""Parametric interval partitions: outcomes as piecewise polynomials (paper 000, §4.2).

A *parametric* partition has breakpoints that are affine functions of one sympy symbol
``t`` (the symmetric threshold family ``{[0, t], [t, 1]}`` for both buyers, or the
one-sided family where only A uses it, §4.2). Every quantity of
:func:`~exactmech.papers.disclosure_continuous.evaluate` is then a piecewise polynomial of
degree at most 3 in ``t``.

**Why, and how the cells are found.** On a cell ``S_A × S_B`` the allocation regions are
cut by lines with *constant* normals (``x = a``, ``2x = b``, ``2x − 2y = b − d``, the
threshold switches, ...) whose offsets are affine in ``t``. Between two values of ``t`` at
which the arrangement of these lines changes combinatorially — three lines become
concurrent, two parallel lines coincide, two threshold constants cross (``a = b/2``), two
breakpoints meet — every vertex of every region is an affine function of ``t`` and every
integrand is affine in ``(x, y, t)``, so every integral is a polynomial of degree
``<= 3`` in ``t``. We compute all those critical values exactly (each is a root of an
affine equation in ``t``), evaluate the game exactly at four rational points inside each
cell, interpolate, and confirm the interpolant at a fifth point.

The same machinery sums **self-similar** partitions (Zeno's partition, Fig. 3d): see
:mod:`~exactmech.papers.disclosure_continuous.selfsimilar`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from exactmech.errors import InvalidProblemError, PartitionError
from exactmech.numbers import Q, fraction_str
from exactmech.papers.disclosure_continuous.evaluator import ContinuousOutcome, _cell
from exactmech.papers.disclosure_continuous.partitions import Segment, interval_partition

__all__ = [
    "QUANTITIES",
    "ParametricOutcome",
    "PiecewisePolynomial",
    "one_sided_threshold_family",
    "parametric_outcome",
    "symmetric_threshold_family",
]

_0, _1 = Fraction(0), Fraction(1)

#: The quantities of a :class:`ContinuousOutcome`, in order, with their degree of
#: homogeneity under scaling both values (money: 3 = 1 + area; probabilities: 2 = area).
QUANTITIES = (
    ("revenue", 3),
    ("welfare", 3),
    ("buyer_surplus", 3),
    ("U_A", 3),
    ("U_B", 3),
    ("P_A", 2),
    ("P_B", 2),
)



def _rat(x: Fraction) -> sympy.Rational:
    return sympy.Rational(x.numerator, x.denominator)


def _frac(x: Any) -> Fraction:
    if not isinstance(x, sympy.Basic):
        return Q(x, "value", func="PiecewisePolynomial")
    if not x.is_Rational:
        raise InvalidProblemError(f"expected a rational number, got {x}")
    return Fraction(int(x.p), int(x.q))


@dataclass(frozen=True)
class PiecewisePolynomial:
    """A piecewise polynomial in one symbol with rational coefficients.

    Attributes
    ----------
    symbol
        The parameter.
    pieces
        ``((lo, hi, poly), ...)`` on consecutive closed intervals ``[lo, hi]``; ``poly`` a
        sympy expression in ``symbol``. Adjacent pieces with equal polynomials are merged.

    Examples
    --------
    >>> t = sympy.Symbol("t")
    >>> f = PiecewisePolynomial(t, ((Fraction(0), Fraction(1, 2), sympy.Integer(1)),
    ...                             (Fraction(1, 2), Fraction(1), 2 * t)))
    >>> f(Fraction(3, 4)), f.constant_on(0, "1/2")
    (Fraction(3, 2), Fraction(1, 1))
    """

    symbol: sympy.Symbol
    pieces: tuple[tuple[Fraction, Fraction, Any], ...]

    def __call__(self, value: Any) -> Fraction:
        """The value at a rational point of the domain (the left piece at a breakpoint)."""
        x = Q(value, "value", func="PiecewisePolynomial")
        for lo, hi, poly in self.pieces:
            if lo <= x <= hi:
                return _frac(sympy.sympify(poly).subs(self.symbol, _rat(x)))
        raise InvalidProblemError(
            f"PiecewisePolynomial(): {fraction_str(x)} is outside the domain "
            f"[{fraction_str(self.pieces[0][0])}, {fraction_str(self.pieces[-1][1])}]"
        )

    @property
    def breakpoints(self) -> tuple[Fraction, ...]:
        """The interior breakpoints between pieces."""
        return tuple(p[1] for p in self.pieces[:-1])

    def constant_on(self, lo: Any, hi: Any) -> Fraction | None:
        """The constant value on ``[lo, hi]`` if the function is constant there, else ``None``."""
        a, b = Q(lo, "lo", func="constant_on"), Q(hi, "hi", func="constant_on")
        vals = set()
        for plo, phi, poly in self.pieces:
            if phi <= a or plo >= b:
                continue
            p = sympy.expand(poly)
            if p.free_symbols:
                return None
            vals.add(_frac(p))
        return vals.pop() if len(vals) == 1 else None

    def maximum(self) -> tuple[Any, Any]:
        """``(max value, argmax)`` over the domain, exactly (sympy; may be algebraic).

        Candidates are the piece ends and the real critical points of each cubic.
        """
        best: tuple[Any, Any] | None = None
        t = self.symbol
        for lo, hi, poly in self.pieces:
            cands = [_rat(lo), _rat(hi)]
            d = sympy.diff(poly, t)
            if d != 0:
                for r in sympy.solve(d, t):
                    if r.is_real and _rat(lo) <= r <= _rat(hi):
                        cands.append(r)
            for c in cands:
                v = sympy.radsimp(sympy.expand(poly.subs(t, c)))
                if best is None or bool(v > best[0]):
                    best = (v, c)
        assert best is not None
        return best

    def as_sympy(self) -> sympy.Piecewise:
        """A sympy ``Piecewise`` (left-closed pieces, the last one closed)."""
        t = self.symbol
        args = [(p, (t >= _rat(lo)) & (t <= _rat(hi))) for lo, hi, p in self.pieces]
        return sympy.Piecewise(*args)

    def __str__(self) -> str:
        return "; ".join(
            f"{sympy.factor(p)} on [{fraction_str(lo)}, {fraction_str(hi)}]"
            for lo, hi, p in self.pieces
        )


@dataclass(frozen=True)
class ParametricOutcome:
    """Every quantity of :class:`ContinuousOutcome` as a piecewise polynomial in ``t``.

    Attributes
    ----------
    symbol
        The parameter.
    cells
        ``((lo, hi, {quantity: polynomial}), ...)``: the cells between consecutive
        critical values (not merged), with one polynomial per quantity of
        :data:`QUANTITIES`.
    """

    symbol: sympy.Symbol
    cells: tuple[tuple[Fraction, Fraction, dict[str, Any]], ...]

    def quantity(self, name: str) -> PiecewisePolynomial:
        """One quantity (``"buyer_surplus"``, ``"U_A"``, ...) with equal pieces merged."""
        if name not in dict(QUANTITIES):
            raise InvalidProblemError(
                f"ParametricOutcome.quantity(): unknown quantity {name!r}; expected one of "
                f"{', '.join(q for q, _ in QUANTITIES)}"
            )
        pieces: list[tuple[Fraction, Fraction, Any]] = []
        for lo, hi, polys in self.cells:
            p = sympy.expand(polys[name])
            if pieces and sympy.expand(pieces[-1][2] - p) == 0:
                pieces[-1] = (pieces[-1][0], hi, pieces[-1][2])
            else:
                pieces.append((lo, hi, p))
        return PiecewisePolynomial(self.symbol, tuple(pieces))

    @property
    def buyer_surplus(self) -> PiecewisePolynomial:
        """Expected buyer surplus ``E[U]`` as a function of the parameter."""
        return self.quantity("buyer_surplus")

    @property
    def critical_values(self) -> tuple[Fraction, ...]:
        """The interior critical values of ``t`` (ends of the cells)."""
        return tuple(c[1] for c in self.cells[:-1])

    def at(self, value: Any) -> ContinuousOutcome:
        """The outcome at a rational parameter value (from the polynomials)."""
        q = {name: self.quantity(name)(value) for name, _ in QUANTITIES}
        return ContinuousOutcome(
            q["revenue"], q["welfare"], q["buyer_surplus"], (q["U_A"], q["U_B"]),
            (q["P_A"], q["P_B"]),
        )


# -- symbolic segments ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Aff:
    """An affine function ``c0 + c1·t`` of the parameter, exact."""

    c0: Fraction
    c1: Fraction = _0

    def __add__(self, o: _Aff) -> _Aff:
        return _Aff(self.c0 + o.c0, self.c1 + o.c1)

    def __sub__(self, o: _Aff) -> _Aff:
        return _Aff(self.c0 - o.c0, self.c1 - o.c1)

    def __neg__(self) -> _Aff:
        return _Aff(-self.c0, -self.c1)

    def times(self, k: Fraction) -> _Aff:
        return _Aff(self.c0 * k, self.c1 * k)

    def at(self, t: Fraction) -> Fraction:
        return self.c0 + self.c1 * t

    def root(self) -> list[Fraction]:
        """The parameter value where this vanishes (none if constant)."""
        return [-self.c0 / self.c1] if self.c1 else []


_ONE_AFF = _Aff(_1)
_ZERO_AFF = _Aff(_0)
SymSegment = tuple[_Aff, _Aff, bool]  # (lo, hi, revealed)
Line = tuple[Fraction, Fraction, _Aff]  # n_x x + n_y y = c(t)


def _affine(expr: Any, symbol: sympy.Symbol, where: str, func: str) -> _Aff:
    if isinstance(expr, (float, sympy.Float)):
        raise PartitionError(f"{func}(): {where}={expr!r} is a float; use exact numbers")
    if not isinstance(expr, sympy.Basic):
        return _Aff(Q(expr, where, func=func))
    e = sympy.expand(expr)
    if e.has(sympy.Float):
        raise PartitionError(f"{func}(): {where}={expr} contains a float; use exact numbers")
    extra = e.free_symbols - {symbol}
    if extra:
        raise PartitionError(
            f"{func}(): {where}={e} depends on {sorted(map(str, extra))}; only {symbol} is allowed"
        )
    poly = sympy.Poly(e, symbol)
    coeffs = poly.all_coeffs()
    if poly.degree() > 1 or not all(c.is_Rational for c in coeffs):
        raise PartitionError(
            f"{func}(): {where}={e} must be affine in {symbol} with rational coefficients"
        )
    if len(coeffs) == 1:
        return _Aff(_frac(coeffs[0]))
    return _Aff(_frac(coeffs[1]), _frac(coeffs[0]))


def _sym_segments(segments: Sequence[Any], symbol: sympy.Symbol, name: str,
                  func: str) -> list[SymSegment]:
    if not isinstance(segments, (list, tuple)) or not segments:
        raise PartitionError(f"{func}(): {name} must be a nonempty list of segments")
    out: list[SymSegment] = []
    for i, item in enumerate(segments):
        if isinstance(item, Segment):
            out.append((_Aff(item.lo), _Aff(item.hi), item.revealed))
            continue
        if not isinstance(item, (tuple, list)) or len(item) not in (2, 3):
            raise PartitionError(
                f"{func}(): {name}[{i}]={item!r} is not a segment (lo, hi) or (lo, hi, kind)"
            )
        kind = item[2] if len(item) == 3 else "pooled"
        if kind not in ("pooled", "revealed"):
            raise PartitionError(
                f"{func}(): {name}[{i}] has kind {kind!r}; expected 'pooled' or 'revealed'"
            )
        lo = _affine(item[0], symbol, f"{name}[{i}].lo", func)
        hi = _affine(item[1], symbol, f"{name}[{i}].hi", func)
        out.append((lo, hi, kind == "revealed"))
    return out


def _instantiate(segs: Sequence[SymSegment], t: Fraction) -> list[Segment]:
    return [Segment(lo.at(t), hi.at(t), rev) for lo, hi, rev in segs]


def _lines(sa: SymSegment, sb: SymSegment) -> tuple[list[Line], list[_Aff]]:
    """Lines ``n_x x + n_y y = c(t)`` of one cell and the constant switch conditions."""
    a, b, ra = sa
    c, d, rb = sb
    two, half = Fraction(2), Fraction(1, 2)
    alpha_a, beta_a = (_1, _ZERO_AFF) if ra else (two, -b)
    alpha_b, beta_b = (_1, _ZERO_AFF) if rb else (two, -d)
    lines: list[Line] = [
        (_1, _0, a), (_1, _0, b), (_0, _1, c), (_0, _1, d),      # the cell
        (alpha_a, _0, -beta_a), (_0, alpha_b, -beta_b),          # φ_A = 0, φ_B = 0
        (alpha_a, -alpha_b, beta_b - beta_a),                    # φ_A = φ_B
    ]
    consts: list[_Aff] = []
    if not ra:  # A's threshold switches: (φ_B + b)/2 = a, and a = b/2
        lines.append((_0, alpha_b, a.times(two) - b - beta_b))
        consts.append(a - b.times(half))
    if not rb:
        lines.append((alpha_a, _0, c.times(two) - d - beta_a))
        consts.append(c - d.times(half))
    return lines, consts


def _critical(cells_a: Sequence[SymSegment], cells_b: Sequence[SymSegment]) -> set[Fraction]:
    """Every parameter value at which the arrangement of the cells' lines may change."""
    crit: set[Fraction] = set()
    for segs in (cells_a, cells_b):
        ends = {e for lo, hi, _ in segs for e in (lo, hi)} | {_ZERO_AFF, _ONE_AFF}
        for e1, e2 in itertools.combinations(ends, 2):
            crit.update((e1 - e2).root())
    for sa in cells_a:
        for sb in cells_b:
            lines, consts = _lines(sa, sb)
            for switch in consts:
                crit.update(switch.root())
            uniq = list(dict.fromkeys(lines))
            for (n1, m1, c1), (n2, m2, c2) in itertools.combinations(uniq, 2):
                if n1 * m2 - n2 * m1 == 0:  # parallel: they coincide where c1 = k·c2
                    k = n1 / n2 if n2 != 0 else m1 / m2
                    crit.update((c1 - c2.times(k)).root())
            for (n1, m1, c1), (n2, m2, c2), (n3, m3, c3) in itertools.combinations(uniq, 3):
                det = (c1.times(n2 * m3 - n3 * m2) - c2.times(n1 * m3 - n3 * m1)
                       + c3.times(n1 * m2 - n2 * m1))          # concurrency of three lines
                crit.update(det.root())
    return crit


def _total(cells_a: Sequence[SymSegment], cells_b: Sequence[SymSegment],
           t: Fraction) -> dict[str, Fraction]:
    total = ContinuousOutcome.zero()
    for x in _instantiate(cells_a, t):
        for y in _instantiate(cells_b, t):
            if x.lo < x.hi and y.lo < y.hi:
                total = total + _cell(x, y)
    return total.as_dict()


def _interpolate(points: Sequence[tuple[Fraction, Fraction]]) -> list[Fraction]:
    """Coefficients (constant first) of the Lagrange interpolant through ``points``."""
    n = len(points)
    coeffs = [_0] * n
    for i, (xi, yi) in enumerate(points):
        basis = [_1]  # Π_{j != i} (t − x_j)/(x_i − x_j), constant first
        denom = _1
        for j, (xj, _) in enumerate(points):
            if j != i:
                basis = [(basis[k - 1] if k else _0) - xj * (basis[k] if k < len(basis) else _0)
                         for k in range(len(basis) + 1)]
                denom *= xi - xj
        for k, b in enumerate(basis):
            coeffs[k] += yi * b / denom
    return coeffs


def _poly_expr(coeffs: Sequence[Fraction], symbol: sympy.Symbol) -> Any:
    return sympy.expand(sum((_rat(c) * symbol**k for k, c in enumerate(coeffs)), sympy.Integer(0)))


def _poly_at(coeffs: Sequence[Fraction], t: Fraction) -> Fraction:
    return sum((c * t**k for k, c in enumerate(coeffs)), _0)


def _parametric(cells_a: Sequence[SymSegment], cells_b: Sequence[SymSegment],
                symbol: sympy.Symbol, lo: Fraction, hi: Fraction, crit: Sequence[Fraction],
                func: str) -> ParametricOutcome:
    cells = []
    for p, q in itertools.pairwise([lo, *crit, hi]):
        samples = [p + (q - p) * Fraction(k, 6) for k in range(1, 6)]
        values = [_total(cells_a, cells_b, s) for s in samples]
        polys = {}
        for name, _ in QUANTITIES:
            coeffs = _interpolate([(s, v[name]) for s, v in zip(samples[:4], values[:4])])
            if _poly_at(coeffs, samples[4]) != values[4][name]:
                raise InvalidProblemError(  # pragma: no cover - would contradict the theory
                    f"{func}(): {name} is not a cubic on [{fraction_str(p)}, {fraction_str(q)}]"
                )
            polys[name] = _poly_expr(coeffs, symbol)
        cells.append((p, q, polys))
    return ParametricOutcome(symbol, tuple(cells))


def parametric_outcome(
    partition_a: Sequence[Any], partition_b: Sequence[Any], symbol: sympy.Symbol,
    domain: tuple[Any, Any] = (0, 1),
) -> ParametricOutcome:
    """Outcome of a parametric pair of interval partitions, piecewise polynomial (§4.2).

    Parameters
    ----------
    partition_a, partition_b
        Lists of segments ``(lo, hi)`` / ``(lo, hi, kind)`` whose ends are rationals or
        sympy expressions affine in ``symbol``; for every parameter value in ``domain``
        they must be interval partitions of ``[0, 1]`` (checked at every sample point).
    symbol
        The parameter (a sympy Symbol).
    domain
        The closed range of the parameter.

    Returns
    -------
    ParametricOutcome
        Cells between the critical values of the parameter, each with one polynomial
        (degree ``<= 3``) per quantity.

    References
    ----------
    paper 000, §4.2: "all symmetric buyer disclosure profiles with a high/low threshold
    ``t ∈ [0, 1/2]`` realize an expected buyer welfare of 1/6".

    Examples
    --------
    >>> t = sympy.Symbol("t")
    >>> out = parametric_outcome(*symmetric_threshold_family(t), t, domain=(0, 1))
    >>> out.buyer_surplus.constant_on(0, "1/2")
    Fraction(1, 6)
    >>> parametric_outcome([(0, t), (t, 1)], [(0, 1)], t, domain=(0, 2))
    Traceback (most recent call last):
    ...
    exactmech.errors.PartitionError: parametric_outcome(): at t=7/6 partition_a is not ...
    """
    func = "parametric_outcome"
    if not isinstance(symbol, sympy.Symbol):
        raise InvalidProblemError(f"{func}(): symbol={symbol!r} is not a sympy Symbol")
    lo = Q(domain[0], "domain[0]", func=func)
    hi = Q(domain[1], "domain[1]", func=func)
    if not lo < hi:
        raise InvalidProblemError(
            f"{func}(): domain=[{fraction_str(lo)}, {fraction_str(hi)}] is empty"
        )
    ca = _sym_segments(partition_a, symbol, "partition_a", func)
    cb = _sym_segments(partition_b, symbol, "partition_b", func)

    crit = sorted(c for c in _critical(ca, cb) if lo < c < hi)
    for p, q in itertools.pairwise([lo, *crit, hi]):  # one interior point per cell
        t0 = p + (q - p) * Fraction(1, 6)
        for segs, name in ((ca, "partition_a"), (cb, "partition_b")):
            try:
                interval_partition(_instantiate(segs, t0), name=name, func=func)
            except PartitionError as exc:
                raise PartitionError(
                    f"{func}(): at {symbol}={fraction_str(t0)} {name} is not an interval "
                    f"partition of [0, 1]: {str(exc).split('(): ', 1)[-1]}"
                ) from None
    return _parametric(ca, cb, symbol, lo, hi, crit, func)


def symmetric_threshold_family(t: sympy.Symbol) -> tuple[list[Any], list[Any]]:
    """Both buyers disclose ``{[0, t], [t, 1]}`` (paper 000, §4.2, after Conjecture 4.3).

    >>> t = sympy.Symbol("t")
    >>> symmetric_threshold_family(t)
    ([(0, t), (t, 1)], [(0, t), (t, 1)])
    """
    return [(0, t), (t, 1)], [(0, t), (t, 1)]


def one_sided_threshold_family(t: sympy.Symbol) -> tuple[list[Any], list[Any]]:
    """A discloses ``{[0, t], [t, 1]}``, B nothing (paper 000, §4.2, Conjecture 4.2 at ``t = 1/2``).

    >>> t = sympy.Symbol("t")
    >>> one_sided_threshold_family(t)
    ([(0, t), (t, 1)], [(0, 1)])
    """
    return [(0, t), (t, 1)], [(0, 1)]
