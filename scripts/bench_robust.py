"""Sizes and times of paper 003's exact LPs and limit computations.

Run from the repository root: ``python scripts/bench_robust.py`` (``--quick`` for a subset).
Prints a Markdown table: the BCE LP (9) of the exponential price mechanism with and
without the symmetric reduction, the designer LP at the multipliers (17), Figure 2 and
Figure 1. Times are wall-clock seconds of one run (the machine is shared; treat them as
orders of magnitude).
"""

from __future__ import annotations

import sys
import time
from fractions import Fraction

from exactmech.papers.robust_common_value import (
    designer_lp,
    epm,
    epm_best_X,
    figure1_data,
    figure2_table,
    worst_case_revenue,
)


def grid(n: int) -> dict[Fraction, Fraction]:
    return {Fraction(j, n - 1): Fraction(1, n) for j in range(n)}


def bce(buyers: int, k: int, n: int, symmetric: bool) -> str:
    prior = grid(n)
    X, guarantee = epm_best_X(prior, buyers, k, k)
    mech = epm(buyers, k, k, X)
    t0 = time.perf_counter()
    res = worst_case_revenue(mech, prior, symmetric=symmetric)
    dt = time.perf_counter() - t0
    kind = "symmetric" if symmetric else "full"
    ok = "=" if res.revenue == guarantee else ">="
    return (
        f"| BCE LP (9), EPM, {kind} | I={buyers}, k={k}, a=k, \\|V\\|={n} | "
        f"{res.n_variables} × {res.n_constraints} | {dt:.2f} | worst BCE {ok} (23) |"
    )


def designer(buyers: int, k: int, n: int) -> str:
    prior = grid(n)
    t0 = time.perf_counter()
    res = designer_lp(prior, buyers, k, k)
    dt = time.perf_counter() - t0
    return (
        f"| designer LP at (17) | I={buyers}, k={k}, a=k, \\|V\\|={n} | "
        f"{res.n_variables} × {res.n_constraints} | {dt:.2f} | value {float(res.value):.4f} |"
    )


def main() -> None:
    quick = "--quick" in sys.argv
    print("| computation | instance | LP size (vars × rows) | seconds | note |")
    print("|---|---|---|---|---|")
    cases = [(2, 4, 5), (2, 6, 7), (3, 4, 5), (4, 3, 4)]
    if not quick:
        cases += [(2, 8, 9), (3, 6, 7), (3, 8, 9), (2, 10, 11), (2, 12, 13), (2, 16, 17), (3, 10, 11), (4, 6, 7)]
    for b, k, n in cases:
        print(bce(b, k, n, True), flush=True)
    for b, k, n in [(2, 4, 5), (3, 4, 5)] + ([] if quick else [(2, 6, 7), (3, 6, 7), (2, 10, 11)]):
        print(bce(b, k, n, False), flush=True)
    for b, k, n in [(1, 10, 11), (2, 4, 5)] + ([] if quick else [(1, 20, 21), (2, 6, 7)]):
        print(designer(b, k, n), flush=True)
    t0 = time.perf_counter()
    figure2_table()
    print(f"| Figure 2 (8 priors × 4 limits) | 45 digits | — | {time.perf_counter() - t0:.2f} | |")
    t0 = time.perf_counter()
    figure1_data(20)
    print(f"| Figure 1 (Π_I^*, I = 1..20) | 45 digits | — | {time.perf_counter() - t0:.2f} | |")


if __name__ == "__main__":
    main()
