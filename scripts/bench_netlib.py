#!/usr/bin/env python3
"""Solve the netlib LPs in ``../shared/data/netlib/`` exactly and report per model.

For each model: status, CPU seconds of the exact solve (read + solve + certificate check),
the exact pivots needed to repair HiGHS's basis, the number of digits of the exact optimum
(numerator + denominator), and the relative difference to HiGHS's float optimum recorded in
``reference.json``. Every certificate is verified by :func:`exactmech.lp.check`. Usage::

    python scripts/bench_netlib.py [--models afiro e226] [--method float-guided]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's exactmech


def _find_data() -> Path:
    """``shared/data/netlib`` beside an ancestor of this script (main checkout or worktree)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "shared" / "data" / "netlib"
        if cand.is_dir():
            return cand
    return here.parents[2] / "shared" / "data" / "netlib"


DATA = _find_data()


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--models", nargs="*")
    ap.add_argument("--method", default="float-guided", choices=["auto", "exact", "float-guided"])
    args = ap.parse_args()
    from exactmech.lp import check, linprog, read_mps, solve_problem

    # first-call costs (imports of HiGHS, flint and numpy, HiGHS's instance) stay out of
    # the per-model times
    linprog([1, 1], A_ub=[[1, 2]], b_ub=[1], maximize=True, method=args.method)
    ref = json.loads((args.data / "reference.json").read_text())
    models = args.models or sorted(
        ref, key=lambda k: ref[k]["cols"] * (ref[k]["rows_ub"] + ref[k]["rows_eq"])
    )
    head = f"{'model':9} {'rows':>5} {'cols':>5} {'status':>10} {'seconds':>8} {'pivots':>6} {'digits':>6} {'rel. diff to HiGHS':>19}"
    print(head)
    print("-" * len(head))
    worst = 0.0
    for name in models:
        info = ref[name]
        t0 = time.process_time()
        problem = read_mps(args.data / f"{name}.mps")
        res = solve_problem(problem, method=args.method)
        check(res)
        dt = time.process_time() - t0
        worst = max(worst, dt)
        digits, diff = "—", "—"
        if res.fun is not None:
            f = res.fun
            digits = str(len(str(abs(f.numerator))) + len(str(f.denominator)))
            fl = Fraction(info["highs_float_optimum"])
            diff = f"{float(abs(f - fl) / max(abs(f), 1)):.1e}"
        rows = info["rows_ub"] + info["rows_eq"]
        print(
            f"{name:9} {rows:>5} {info['cols']:>5} {res.status:>10} {dt:>8.2f} {res.nit:>6} {digits:>6} {diff:>19}",
            flush=True,
        )
        assert res.status == info["status"], f"{name}: expected {info['status']}"
    print(f"\nslowest model: {worst:.2f} s CPU (read + solve + independent check)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
