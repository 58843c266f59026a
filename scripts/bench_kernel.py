#!/usr/bin/env python3
"""Time the exact simplex (``method="exact"``) over each integer backend, in one run.

The kernel (:mod:`exactmech.lp._kernel`) is generic over ``int``, ``gmpy2.mpz`` and
``flint.fmpz``; this script decides the default (:func:`exactmech._arith.default_ring`).
It also times a textbook rational tableau over ``fractions.Fraction`` (the representation
the fraction-free kernel replaces) for reference. Usage::

    python scripts/bench_kernel.py [--sizes 30 60] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from fractions import Fraction
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's exactmech

from bench_lp import LP, make_lp


def textbook_tableau(lp: LP) -> Fraction:
    """Dense Dantzig tableau over Fractions for max c·x, Ax <= b, x >= 0, b >= 0."""
    c, A, b, _ = lp
    m, n = len(A), len(c)
    T = [
        [Fraction(v) for v in row] + [Fraction(int(i == k)) for k in range(m)] + [Fraction(b[i])]
        for i, row in enumerate(A)
    ]
    z = [Fraction(-v) for v in c] + [Fraction(0)] * (m + 1)
    basis = list(range(n, n + m))
    while True:
        q = min(range(n + m), key=lambda j: z[j])
        if z[q] >= 0:
            return z[-1]
        rows = [i for i in range(m) if T[i][q] > 0]
        r = min(rows, key=lambda i: (T[i][-1] / T[i][q], basis[i]))
        p = T[r][q]
        T[r] = [v / p for v in T[r]]
        for i in range(m):
            if i != r and T[i][q]:
                f = T[i][q]
                T[i] = [a - f * b_ for a, b_ in zip(T[i], T[r])]
        f = z[q]
        z = [a - f * b_ for a, b_ in zip(z, T[r])]
        basis[r] = q


def timed(fn, repeats):  # type: ignore[no-untyped-def]
    ts, out = [], None
    for _ in range(repeats):
        t0 = time.process_time()
        out = fn()
        ts.append(time.process_time() - t0)
    return statistics.median(ts), out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[30, 60, 100])
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    from exactmech._arith import available_rings
    from exactmech.lp import linprog

    rings = available_rings()
    print(
        f"{'family':7} {'size':>8} "
        + " ".join(f"{r.name:>9}" for r in rings)
        + f" {'Fraction tableau':>17}"
    )
    for family in ("random", "dense"):
        for n in args.sizes:
            lp = make_lp(family, n, 1 + n)
            c, A, b, _ = lp
            row = []
            value = None
            for ring in rings:
                t, res = timed(
                    partial(linprog, c, A, b, maximize=True, method="exact", backend=ring.name),
                    args.repeats,
                )
                assert value is None or res.fun == value
                value = res.fun
                row.append(f"{t:9.4f}")
            t_tab = "—"
            if n <= 60:
                tt, v = timed(partial(textbook_tableau, lp), 1)
                assert v == value
                t_tab = f"{tt:.4f}"
            print(f"{family:7} {f'{n}x{n}':>8} " + " ".join(row) + f" {t_tab:>17}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
