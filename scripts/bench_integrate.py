#!/usr/bin/env python3
"""Benchmark exactmech's exact integration against ``sympy.integrate`` on the same integrals.

Cases (all exact, rational data):

* ``tri-dK`` / ``pent-dK``: a dense polynomial of degree ``K`` (1..4, small rational
  coefficients) over a triangle / a pentagon with rational vertices. Ours:
  ``integrate(expr, polygon)``; sympy: ``sympy.integrate(expr, (y, lo(x), hi(x)), (x, a, b))``
  summed over the vertical slabs between consecutive vertex abscissae.
* ``fn11``: paper 003, footnote 11, ``∫₀¹∫₀^{s₁} max(s₁ + s₂/2 − 1/2, 0) ds₂ ds₁ = 13/72``.
  Both sides get the same iterated limits.
* ``myerson2``: ``∫∫_[0,1]² max(2x − 1, 2y − 1, 0)`` (= 5/12, expected revenue of Myerson's
  auction with two U[0,1] buyers). ``myerson3``: the same in 3-D (= 17/32; sympy needs
  seconds here, ``--no-sympy-3d`` skips it).

Each timing is CPU time (``time.process_time``), the median of ``--repeats`` runs, with
sympy's cache cleared before every run of either side (parsing included for ours: the
input is the sympy expression). Every pair of results must be equal exactly.

``--methods`` instead compares the two polygon formulas of
:mod:`exactmech.calculus.polygon_integral` (``green`` vs ``triangles``) on the polygon cases,
the polynomial already parsed.

Usage::

    python scripts/bench_integrate.py
    python scripts/bench_integrate.py --repeats 7 --methods
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from functools import partial
from itertools import pairwise
from typing import Any

import sympy
from sympy.core.cache import clear_cache

from exactmech.calculus import (
    Polygon,
    Polynomial,
    from_sympy,
    integrate,
    integrate_iterated,
    integrate_polygon,
)

x, y, z, s1, s2 = sympy.symbols("x y z s1 s2")
R = sympy.Rational

TRIANGLE = [(0, 0), (R(3, 2), R(1, 3)), (R(1, 2), R(5, 4))]
PENTAGON = [(0, 0), (2, R(-1, 2)), (R(7, 3), R(3, 2)), (1, R(5, 2)), (R(-1, 2), 1)]


def dense_poly(degree: int, seed: int) -> Any:
    """A dense polynomial in x, y of the given degree with coefficients p/q, |p| <= 5, q <= 4."""
    rng = random.Random(seed)
    return sympy.Add(
        *(
            R(rng.randint(-5, 5) or 1, rng.randint(1, 4)) * x**i * y ** (d - i)
            for d in range(degree + 1)
            for i in range(d + 1)
        )
    )


def sympy_polygon(expr: Any, vertices: list[tuple[Any, Any]]) -> Fraction:
    """``sympy.integrate`` over a convex polygon, by vertical slabs (independent of ours)."""
    pts = [(R(a), R(b)) for a, b in vertices]
    n = len(pts)
    edges = [(pts[i], pts[(i + 1) % n]) for i in range(n) if pts[i][0] != pts[(i + 1) % n][0]]
    xs = sorted({p[0] for p in pts})
    total = sympy.Integer(0)
    for a, b in pairwise(xs):
        mid = (a + b) / 2
        lines = []
        for (px, py), (qx, qy) in edges:
            if min(px, qx) <= a and b <= max(px, qx):
                line = py + (qy - py) * (x - px) / (qx - px)
                lines.append((line.subs(x, mid), line))
        lo, hi = min(lines, key=lambda t: t[0])[1], max(lines, key=lambda t: t[0])[1]
        total += sympy.integrate(expr, (y, lo, hi), (x, a, b))
    return Fraction(int(total.p), int(total.q))


def to_fraction(v: Any) -> Fraction:
    v = sympy.nsimplify(v) if not isinstance(v, sympy.Rational) else v
    return Fraction(int(v.p), int(v.q))


Case = tuple[str, Callable[[], Fraction], Callable[[], Fraction] | None]


def cases(sympy_3d: bool = True) -> list[Case]:
    out: list[Case] = []
    for name, verts in (("tri", TRIANGLE), ("pent", PENTAGON)):
        poly = Polygon(verts)
        for d in range(1, 5):
            e = dense_poly(d, seed=10 * d + len(verts))
            out.append(
                (
                    f"{name}-d{d}",
                    partial(integrate, e, poly, (x, y)),
                    partial(sympy_polygon, e, verts),
                )
            )
    fn11 = sympy.Max(s1 + s2 / 2 - R(1, 2), 0)
    out.append(
        (
            "fn11",
            lambda: integrate_iterated(fn11, (s2, 0, s1), (s1, 0, 1)),
            lambda: to_fraction(sympy.integrate(fn11, (s2, 0, s1), (s1, 0, 1))),
        )
    )
    my2 = sympy.Max(2 * x - 1, 2 * y - 1, 0)
    out.append(
        (
            "myerson2",
            lambda: integrate(my2, [x >= 0, x <= 1, y >= 0, y <= 1]),
            lambda: to_fraction(sympy.integrate(my2, (x, 0, 1), (y, 0, 1))),
        )
    )
    my3 = sympy.Max(2 * x - 1, 2 * y - 1, 2 * z - 1, 0)
    out.append(
        (
            "myerson3",
            lambda: integrate(my3, [x >= 0, x <= 1, y >= 0, y <= 1, z >= 0, z <= 1]),
            (lambda: to_fraction(sympy.integrate(my3, (x, 0, 1), (y, 0, 1), (z, 0, 1))))
            if sympy_3d
            else None,
        )
    )
    return out


def cpu_time(fn: Callable[[], Fraction], repeats: int) -> tuple[float, Fraction]:
    """Median CPU seconds over ``repeats`` cold-cache calls, and the result."""
    times, out = [], Fraction(0)
    for _ in range(repeats):
        clear_cache()
        t0 = time.process_time()
        out = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), out


LOOPS = 200


def _loop(p: Polynomial, poly: Polygon, method: str, loops: int) -> Fraction:
    v = Fraction(0)
    for _ in range(loops):
        v = integrate_polygon(p, poly, method=method)
    return v


def bench_methods(repeats: int) -> None:
    print(f"{'case':9} {'terms':>5} {'green ms':>9} {'triangles ms':>13} {'ratio':>7}")
    for name, verts in (("tri", TRIANGLE), ("pent", PENTAGON)):
        poly = Polygon(verts)
        for d in range(1, 5):
            p = from_sympy(dense_poly(d, seed=10 * d + len(verts)), (x, y))
            res = {}
            for method in ("green", "triangles"):
                t, v = cpu_time(partial(_loop, p, poly, method, LOOPS), repeats)
                res[method] = (t / LOOPS, v)
            assert res["green"][1] == res["triangles"][1], "methods disagree"
            tg, tt = res["green"][0], res["triangles"][0]
            print(
                f"{name}-d{d:<4} {len(p.terms):>5} {1e3 * tg:>9.3f} {1e3 * tt:>13.3f} "
                f"{tt / tg:>6.1f}x"
            )


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--methods", action="store_true", help="compare green vs triangles")
    ap.add_argument("--no-sympy-3d", action="store_true", help="skip sympy on myerson3")
    args = ap.parse_args()
    if args.methods:
        bench_methods(args.repeats)
        return 0
    header = f"{'case':9} {'value':>17} {'exactmech ms':>13} {'sympy ms':>10} {'sympy/ours':>11}"
    print(header)
    print("-" * len(header))
    ratios = []
    for name, ours, theirs in cases(not args.no_sympy_3d):
        t_o, v_o = cpu_time(ours, args.repeats)
        shown = f"{v_o.numerator}/{v_o.denominator}" if v_o.denominator != 1 else str(v_o)
        if theirs is None:
            print(f"{name:9} {shown:>17} {1e3 * t_o:>13.3f} {'—':>10} {'—':>11}", flush=True)
            continue
        t_s, v_s = cpu_time(theirs, max(1, min(args.repeats, 3)))
        assert v_s == v_o, f"{name}: sympy gives {v_s}, exactmech {v_o}"
        ratios.append(t_s / t_o)
        print(
            f"{name:9} {shown:>17} {1e3 * t_o:>13.3f} {1e3 * t_s:>10.1f} {t_s / t_o:>10.0f}x",
            flush=True,
        )
    print(
        f"\nCPU time, median, cold sympy cache; every value equal to sympy's exactly. "
        f"Speed-up: min {min(ratios):.0f}x, median {statistics.median(ratios):.0f}x."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
