#!/usr/bin/env python3
"""Benchmark exactmech's exact LP methods against sympy and HiGHS (float), in one run.

Families (feasible, bounded, small integer data):

* ``random``: ``max c·x, A x <= b, x >= 0`` with sparse A (about 20% nonzeros, entries
  1..9), b in 10..100, c in 1..9;
* ``dense``:  the same with every entry of A in 1..99;
* ``vertex``: ``max c·x, A x <= b, x free`` with dense A in −9..9, b in −9..9 and
  ``c = Aᵀy0`` for a positive ``y0``: the unique optimum is the full-rank vertex
  ``x* = A⁻¹b``, whose entries have hundreds of digits (the "dense" regime of the fast-LP
  issue).

Per size: CPU seconds (median of ``--repeats``) of exactmech ``method="float-guided"``,
exactmech ``method="exact"`` (up to ``--max-exact``), ``sympy.solvers.simplex.linprog``
(up to ``--max-sympy``; on ``vertex`` its free variables are split, as sympy's own
free-variable path is wrong, see the README) and ``scipy.optimize.linprog`` (HiGHS, double
precision). Every exact solver must return the same optimum exactly; ratios come from the
same run. ``digits`` is the longest numerator+denominator in the exact optimal x.

Usage::

    python scripts/bench_lp.py
    python scripts/bench_lp.py --family vertex --sizes 100 200 --repeats 3
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
from typing import Any

LP = tuple[list[int], list[list[int]], list[int], bool]


def make_lp(family: str, n: int, seed: int) -> LP:
    """(c, A, b, free) of the family at size n."""
    rng = random.Random(seed)
    if family == "random":
        A = [[rng.randint(1, 9) if rng.random() < 0.2 else 0 for _ in range(n)] for _ in range(n)]
        for j in range(n):
            if not any(A[i][j] for i in range(n)):
                A[rng.randrange(n)][j] = rng.randint(1, 9)
        return (
            [rng.randint(1, 9) for _ in range(n)],
            A,
            [rng.randint(10, 100) for _ in range(n)],
            False,
        )
    if family == "dense":
        A = [[rng.randint(1, 99) for _ in range(n)] for _ in range(n)]
        return (
            [rng.randint(1, 99) for _ in range(n)],
            A,
            [rng.randint(100, 999) for _ in range(n)],
            False,
        )
    if family == "vertex":
        A = [[rng.randint(-9, 9) for _ in range(n)] for _ in range(n)]
        y0 = [rng.randint(1, 9) for _ in range(n)]
        c = [sum(A[i][j] * y0[i] for i in range(n)) for j in range(n)]
        return c, A, [rng.randint(-9, 9) for _ in range(n)], True
    raise SystemExit(f"unknown family {family!r}")


def cpu_time(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """Median CPU seconds over ``repeats`` calls, and the last result."""
    times, out = [], None
    for _ in range(repeats):
        t0 = time.process_time()
        out = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), out


def run_exactmech(lp: LP, method: str) -> Any:
    from exactmech.lp import linprog

    c, A, b, free = lp
    return linprog(c, A, b, bounds=(None, None) if free else None, maximize=True, method=method)


def run_sympy(lp: LP) -> Fraction:
    from sympy.solvers.simplex import linprog as sympy_linprog

    c, A, b, free = lp
    if free:  # x = x⁺ − x⁻, both >= 0
        A = [[*row, *(-a for a in row)] for row in A]
        c = [*c, *(-v for v in c)]
    val, _ = sympy_linprog([-v for v in c], A, b)
    return -Fraction(int(val.p), int(val.q))


def run_highs(lp: LP) -> float:
    from scipy.optimize import linprog as scipy_linprog

    c, A, b, free = lp
    res = scipy_linprog(
        [-v for v in c], A_ub=A, b_ub=b, bounds=(None, None) if free else (0, None), method="highs"
    )
    return float(-res.fun)


def fmt(t: float | None) -> str:
    return "—" if t is None else f"{t:.4f}"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 30, 60, 100, 200])
    ap.add_argument("--family", choices=["random", "dense", "vertex", "all"], default="all")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--max-exact", type=int, default=100, help="largest size for method='exact'")
    ap.add_argument("--max-sympy", type=int, default=100, help="largest size for sympy")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    families = ["random", "dense", "vertex"] if args.family == "all" else [args.family]
    header = (
        f"{'family':7} {'size':>8} {'digits':>6} {'guided':>9} {'exact':>9} {'sympy':>9} {'HiGHS':>9}"
        f" {'sympy/guided':>12} {'guided/HiGHS':>12}"
    )
    print(header)
    print("-" * len(header))
    for family in families:
        for n in args.sizes:
            lp = make_lp(family, n, args.seed + n)
            t_g, rg = cpu_time(partial(run_exactmech, lp, "float-guided"), args.repeats)
            t_e = t_s = None
            if n <= args.max_exact:
                t_e, re_ = cpu_time(partial(run_exactmech, lp, "exact"), 1)
                assert re_.fun == rg.fun, "exact and float-guided disagree"
            if n <= args.max_sympy:
                t_s, vs = cpu_time(partial(run_sympy, lp), 1)
                assert vs == rg.fun, "sympy disagrees"
            t_h, vh = cpu_time(partial(run_highs, lp), args.repeats)
            assert abs(vh - float(rg.fun)) <= 1e-6 * max(1.0, abs(float(rg.fun))), "HiGHS disagrees"
            digits = max(len(str(abs(v.numerator))) + len(str(v.denominator)) for v in rg.x)
            r_s = f"{t_s / t_g:.0f}x" if t_s else "—"
            print(
                f"{family:7} {f'{n}x{n}':>8} {digits:>6} {fmt(t_g):>9} {fmt(t_e):>9} {fmt(t_s):>9}"
                f" {fmt(t_h):>9} {r_s:>12} {t_g / t_h:>11.1f}x",
                flush=True,
            )
    print(
        "\nCPU seconds, median; ratios from the same run; every exact answer certified and equal."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
