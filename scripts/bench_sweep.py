"""Throughput of one named sweep: serial, local process pool, Dask LocalCluster (one run).

    python scripts/bench_sweep.py [--sweep myerson-lp] [--n 600] [--workers 2]

Prints instances per second (wall clock) for each engine, the speed-up over serial, and the
per-task overhead of each engine (measured with a trivial sweep: the wall time per task when
every task holds one instance, minus the time of the same work in large chunks). Every
engine's summary is checked to be identical to the serial one.
"""

from __future__ import annotations

import argparse
import random
import time
from fractions import Fraction

from exactmech.sweep import Sweep, named_sweep, run_sweep


def _gen(rng: random.Random, index: int) -> int:
    return rng.randint(1, 10**6)


def _task(x: int) -> Fraction:
    return Fraction(x, 7)


TRIVIAL = Sweep("bench-trivial", _gen, _task)


def _time(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sweep", default="myerson-lp")
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    import distributed

    sweep = named_sweep(args.sweep)
    w = args.workers
    chunk = max(1, args.n // (8 * w))
    rows = []
    run_sweep(sweep, 8, jobs=1)  # warm this process's imports (the pool forks from it)
    t_serial, ref = _time(lambda: run_sweep(sweep, args.n, chunk_size=chunk, jobs=1))
    rows.append(("serial", t_serial))
    t_pool, pooled = _time(lambda: run_sweep(sweep, args.n, chunk_size=chunk, jobs=w))
    assert pooled == ref
    rows.append((f"process pool ({w})", t_pool))
    with distributed.LocalCluster(
        n_workers=w, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        client.run(lambda: __import__("exactmech.auctions"))  # warm the workers' imports
        t_dask, clustered = _time(
            lambda: run_sweep(sweep, args.n, chunk_size=chunk, executor=client)
        )
        assert clustered == ref
        rows.append((f"Dask LocalCluster ({w} workers)", t_dask))
        # per-task overhead: 2000 one-instance tasks vs 20 hundred-instance tasks
        m = 2000
        t1, _ = _time(lambda: run_sweep(TRIVIAL, m, chunk_size=1, executor=client))
        t100, _ = _time(lambda: run_sweep(TRIVIAL, m, chunk_size=100, executor=client))
        dask_overhead = (t1 - t100) / (m - m // 100)
    m = 2000
    t1, _ = _time(lambda: run_sweep(TRIVIAL, m, chunk_size=1, jobs=w))
    t100, _ = _time(lambda: run_sweep(TRIVIAL, m, chunk_size=100, jobs=w))
    pool_overhead = (t1 - t100) / (m - m // 100)

    print(f"sweep {args.sweep}, n = {args.n}, chunk size {chunk}, wall-clock seconds")
    print("| engine | seconds | instances/s | speed-up vs serial |")
    print("|---|---|---|---|")
    for name, t in rows:
        print(f"| {name} | {t:.2f} | {args.n / t:.0f} | {t_serial / t:.2f}× |")
    print(
        f"per-task overhead: process pool {pool_overhead * 1e3:.2f} ms, "
        f"Dask LocalCluster {dask_overhead * 1e3:.2f} ms"
    )


if __name__ == "__main__":
    main()
