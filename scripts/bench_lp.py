#!/usr/bin/env python3
"""Benchmark exactmech's exact LP methods against every exact LP solver we can install.

Families (feasible, bounded, exact data):

* ``random``: ``max c·x, A x <= b, x >= 0`` with sparse A (about 20% nonzeros, entries
  1..9), b in 10..100, c in 1..9;
* ``dense``:  the same with every entry of A in 1..99;
* ``vertex``: ``max c·x, A x <= b, x free`` with dense A in −9..9, b in −9..9 and
  ``c = Aᵀy0`` for a positive ``y0``: the unique optimum is the full-rank vertex
  ``x* = A⁻¹b``, whose entries have hundreds of digits (the "dense" regime of the fast-LP
  issue);
* ``mechanism``: the optimal-auction LP of paper 000 §3.1 (:func:`build_mechanism_lp`) for
  2 buyers with ``K`` types each, values ``1..K``, uniform prior ``1/K``: size ``K`` (from
  ``--mech-sizes``) is ``2K²(K+1)`` rows × ``4K²`` columns (K = 8: 1088 × 256), ``x >= 0``,
  no equality rows, highly degenerate (most right-hand sides are 0);
* ``paper``: the three mechanism LPs of paper 000's claims (§3.2 examples 1 and 2, §3.3),
  revenue objective; tiny, so it measures per-call overhead.

Columns: CPU seconds (median of ``--repeats``; a call over ``--slow`` seconds runs once;
calls under 20 ms repeat until 0.2 s were measured or 50 calls, for every solver) of
exactmech as a user calls it, ``linprog(...)`` with the default ``method="auto"``
(``exactmech``; ``auto→`` says which method it picked: the exact simplex for tiny LPs,
float-guided otherwise), exactmech ``method="float-guided"`` (``guided``, the reference
optimum), exactmech ``method="exact"`` (``exact``, up to ``--max-exact`` /
``--max-exact-mech``, one call) and of each contender of
``scripts/contenders.py`` that is installed (``--contenders``, default all; install them with
``bash scripts/install_contenders.sh``): sympy (up to ``--max-sympy`` on the square
families), HiGHS (float, for reference), cddlib (GMP), PPL, QSopt_ex, GLPK ``glp_exact``
and ``glp_simplex`` + ``glp_exact``, lrs. Contender calls run in a forked child with a
``--timeout`` per call; a contender that times out is skipped on the larger sizes of that
family (``t/o``, then ``skip``). CPU time includes child processes (lrs). GLPK's time is
its own build + solve: the exact read-back of its optimum from its final basis is ours
and excluded (see ``contenders.py``).

Every exact answer must equal exactmech's exactly (and HiGHS's within 1e-6 relative);
``exact`` and sympy are asserted as they are measured, a contender's disagreement is
marked ``WRONG`` and fails the run at the end. ``digits`` is the longest
numerator+denominator in the exact optimal x. The last columns are the fastest exact
contender (exactmech excluded) and ``exactmech / fastest``: below 1 exactmech is faster.

Usage::

    python scripts/bench_lp.py
    python scripts/bench_lp.py --family vertex --sizes 100 200 --repeats 3
    python scripts/bench_lp.py --family mechanism --mech-sizes 4 6 8 --contenders qsoptex lrs
    python scripts/bench_lp.py --markdown > table.md
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import partial
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# the exactmech of this checkout (not an installed copy from another worktree)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from contenders import CONTENDERS, SOLVE_CPU, TINY

LP = tuple[list[Any], list[list[Any]], list[Any], bool]
SQUARE = ("random", "dense", "vertex")
FAMILIES = (*SQUARE, "mechanism", "paper")
PAPER = ("§3.2 ex1", "§3.2 ex2", "§3.3")


def make_lp(family: str, n: int, seed: int) -> LP:
    """(c, A, b, free) of the family at size n (K for mechanism, index for paper)."""
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
    if family in ("mechanism", "paper"):
        from exactmech.auctions import build_mechanism_lp

        if family == "mechanism":
            values: Any = [list(range(1, n + 1))] * 2
            prior: Any = [[Fraction(1, n)] * n] * 2
        else:
            from exactmech.papers.disclosure import EXAMPLE_1, EXAMPLE_2, SECTION_3_3

            inst = (EXAMPLE_1, EXAMPLE_2, SECTION_3_3)[n]
            values, prior = [list(v) for v in inst.values], [list(p) for p in inst.priors]
        prob = build_mechanism_lp(values, prior).problem
        A_ub, A_eq = prob.dense()
        assert prob.maximize and not A_eq and not prob.c0
        assert all(bd == (0, None) for bd in prob.bounds)
        return list(prob.c), [list(r) for r in A_ub], list(prob.b_ub), False
    raise SystemExit(f"unknown family {family!r}")


# --------------------------------------------------------------------------- timing


def cpu_now() -> float:
    """CPU seconds of this process and its waited-for children (lrs)."""
    t = os.times()
    return time.process_time() + t.children_user + t.children_system


def timed_call(fn: Callable[[], Any], name: str | None) -> tuple[float, Any]:
    SOLVE_CPU.pop(name or "", None)
    t0 = cpu_now()
    out = fn()
    t = cpu_now() - t0
    return SOLVE_CPU.pop(name or "", t), out


FAST = 0.02  # a call under this many CPU seconds is repeated ...
FAST_BUDGET = 0.2  # ... until this many seconds were measured (or FAST_CALLS calls)
FAST_CALLS = 50


def enough(times: list[float], repeats: int, slow: float) -> bool:
    """Stop measuring? After ``repeats`` calls, or one call over ``slow``; calls under
    :data:`FAST` repeat until :data:`FAST_BUDGET` seconds or :data:`FAST_CALLS` calls, so a
    millisecond solver's median is its steady state, not its first calls in a fresh child
    (copy-on-write page faults after the fork, caches), for every solver alike."""
    if times[-1] > slow:
        return True
    if len(times) < repeats:
        return False
    return not (max(times) < FAST and sum(times) < FAST_BUDGET and len(times) < FAST_CALLS)


def cpu_time(fn: Callable[[], Any], repeats: int, slow: float, name: str | None = None) -> tuple[float, Any]:
    """Median CPU seconds over ``repeats`` calls (see :func:`enough`)."""
    times: list[float] = []
    out = None
    while not times or not enough(times, repeats, slow):
        t, out = timed_call(fn, name)
        times.append(t)
    return statistics.median(times), out


def _child(conn: Any, fn: Callable[[], Any], repeats: int, slow: float, name: str) -> None:
    try:
        times: list[float] = []
        while not times or not enough(times, repeats, slow):
            t, out = timed_call(fn, name)
            times.append(t)
            conn.send(("ok", t, out))
        conn.send(("done", 0.0, None))
    except BaseException as exc:
        conn.send(("err", 0.0, f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


@dataclass
class Outcome:
    status: str  # "ok", "timeout", "error"
    time: float | None = None
    value: Any = None
    message: str = ""


def measure(fn: Callable[[], Any], repeats: int, slow: float, timeout: float | None, name: str) -> Outcome:
    """Median CPU time of ``fn`` in a forked child, each call limited to ``timeout`` s."""
    if timeout is None or not hasattr(os, "fork"):
        try:
            t, out = cpu_time(fn, repeats, slow, name)
        except Exception as exc:
            return Outcome("error", message=f"{type(exc).__name__}: {exc}")
        return Outcome("ok", t, out)
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, repeats, slow, name), daemon=True)
    proc.start()
    child.close()
    times, value, result = [], None, None
    while result is None:
        # The wall-clock limit is generous (the machine is shared); the cell shows CPU time.
        if not parent.poll(timeout * 1.5 + 5):
            proc.kill()
            result = Outcome("timeout", message=f"> {timeout:g} s")
            break
        try:
            kind, t, payload = parent.recv()
        except EOFError:
            result = Outcome("error", message=f"child died (exit {proc.exitcode})")
            break
        if kind == "ok":
            times.append(t)
            value = payload
            if t > timeout:
                result = Outcome("timeout", message=f"> {timeout:g} s")
        elif kind == "err":
            result = Outcome("error", message=payload)
        else:
            result = Outcome("ok", statistics.median(times), value)
    proc.join(5)
    if proc.is_alive():
        proc.kill()
        proc.join()
    parent.close()
    return result


# --------------------------------------------------------------------------- solvers


def run_exactmech(lp: LP, method: str) -> tuple[Fraction, tuple[Fraction, ...]]:
    """exactmech's optimum and optimal x (a plain tuple, to cross the process boundary)."""
    from exactmech.lp import linprog

    c, A, b, free = lp
    res = linprog(c, A, b, bounds=(None, None) if free else None, maximize=True, method=method)
    return res.fun, tuple(res.x)


def auto_method(lp: LP) -> str:
    """The method ``linprog(..., method="auto")`` picks for ``lp``."""
    from exactmech.lp import make_problem
    from exactmech.lp.solve import _pick_method

    c, A, b, free = lp
    return _pick_method("auto", make_problem(c, A, b, bounds=(None, None) if free else None))


def run_contender(name: str, lp: LP) -> Any:
    c, A, b, free = lp
    return CONTENDERS[name].solve(c, A, b, free)


def warm_up(names: list[str]) -> dict[str, str]:
    """Import and exercise every solver once (first-call costs stay out of the timings)."""
    bad = {}
    run_exactmech(tuple(TINY[0][1:5]), "float-guided")  # type: ignore[arg-type]
    run_exactmech(tuple(TINY[0][1:5]), "exact")  # type: ignore[arg-type]
    for name in names:
        try:
            run_contender(name, tuple(TINY[0][1:5]))  # type: ignore[arg-type]
        except Exception as exc:
            bad[name] = f"warm-up failed: {type(exc).__name__}: {exc}"
    return bad


# --------------------------------------------------------------------------- table


@dataclass
class Row:
    family: str
    size: str
    shape: str
    digits: int
    cells: dict[str, str] = field(default_factory=dict)
    times: dict[str, float] = field(default_factory=dict)


def fmt(t: float | None) -> str:
    if t is None:
        return "—"
    return f"{t:.4f}" if t < 10 else f"{t:.1f}"


def bench_optimal_mechanism(sizes: list[int], repeats: int, max_exact: int) -> int:
    """The paper LP as users run it: ``optimal_mechanism`` (build the LP of paper 000 §3.1,
    maximise revenue, then buyer surplus on the revenue-optimal face, certify both stages)."""
    from exactmech.auctions import build_mechanism_lp, optimal_mechanism

    print("| K | rows×cols | revenue | buyer surplus | float-guided | exact | build only |")
    print("|---|---|---|---|---|---|---|")
    for k in sizes:
        values: Any = [list(range(1, k + 1))] * 2
        prior: Any = [[Fraction(1, k)] * k] * 2
        prob = build_mechanism_lp(values, prior).problem
        shape = f"{len(prob.A_ub) + len(prob.A_eq)}×{prob.n}"
        t_b, _ = cpu_time(partial(build_mechanism_lp, values, prior), repeats, 5.0)
        t_g, mech = cpu_time(
            partial(optimal_mechanism, values, prior, method="float-guided"), repeats, 5.0
        )
        cell = "—"
        if k <= max_exact:
            t_e, ex = cpu_time(partial(optimal_mechanism, values, prior, method="exact"), 1, 5.0)
            assert (ex.revenue, ex.buyer_surplus) == (mech.revenue, mech.buyer_surplus)
            cell = fmt(t_e)
        print(f"| {k} | {shape} | {mech.revenue} | {mech.buyer_surplus} | {fmt(t_g)} | {cell} | {fmt(t_b)} |")
    print("\nCPU seconds, median of up to", repeats, "(exact: one call); same revenue and surplus.")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 30, 60, 100, 200])
    ap.add_argument("--mech-sizes", type=int, nargs="+", default=[4, 6, 8], help="K of the mechanism family")
    ap.add_argument("--family", nargs="+", choices=[*FAMILIES, "all"], default=["all"])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--slow", type=float, default=5.0, help="calls over this many CPU s run once")
    ap.add_argument("--max-exact", type=int, default=100, help="largest size for method='exact'")
    ap.add_argument("--max-exact-mech", type=int, default=6, help="largest K for method='exact'")
    ap.add_argument("--max-sympy", type=int, default=100, help="largest square size for sympy")
    ap.add_argument(
        "--contenders",
        nargs="*",
        default=None,
        metavar="NAME",
        help=f"subset of {', '.join(CONTENDERS)} (default: all available; none: no argument)",
    )
    ap.add_argument("--timeout", type=float, default=60.0, help="CPU s per contender call (0: none)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--markdown", action="store_true", help="print a markdown table")
    ap.add_argument(
        "--optimal-mechanism",
        type=int,
        nargs="+",
        metavar="K",
        help="only time exactmech.auctions.optimal_mechanism (lexicographic: revenue, then "
        "buyer surplus) for 2 buyers with K types, per method, and exit",
    )
    args = ap.parse_args()
    if args.optimal_mechanism:
        return bench_optimal_mechanism(args.optimal_mechanism, args.repeats, args.max_exact_mech)

    families = list(FAMILIES) if "all" in args.family else args.family
    wanted = list(CONTENDERS) if args.contenders is None else args.contenders
    for name in wanted:
        if name not in CONTENDERS:
            raise SystemExit(f"unknown contender {name!r}; known: {', '.join(CONTENDERS)}")
    names, skipped = [], {}
    for name in wanted:
        why = CONTENDERS[name].check()
        if why:
            skipped[name] = why
        else:
            names.append(name)
    skipped.update(warm_up(names))
    names = [n for n in names if n not in skipped]
    for name, why in skipped.items():
        print(f"skipped: {name} ({why})", flush=True)
    exact_names = [n for n in names if CONTENDERS[n].exact]
    timeout = args.timeout or None

    cols = ["exactmech", "guided", "exact", *names]
    heads = ["family", "size", "rows×cols", "digits", "auto→", *cols, "sympy/exactmech", "exactmech/HiGHS", "fastest exact", "exactmech/fastest"]
    widths = [9, 8, 9, 6, 6, *(max(9, len(c)) for c in cols), 15, 15, 16, 17]
    if args.markdown:
        print("| " + " | ".join(heads) + " |")
        print("|" + "---|" * len(heads))
    else:
        line = " ".join(f"{h:>{w}}" if i > 1 else f"{h:{w}}" for i, (h, w) in enumerate(zip(heads, widths)))
        print(line)
        print("-" * len(line))

    failures: list[str] = []
    notes: list[str] = []
    summary: list[tuple[str, str, str, float | None]] = []
    for family in families:
        sizes = args.sizes if family in SQUARE else args.mech_sizes if family == "mechanism" else range(len(PAPER))
        dead: dict[str, str] = {}  # contender -> reason, for the rest of this family
        for n in sizes:
            lp = make_lp(family, n, args.seed + n)
            label = f"{n}x{n}" if family in SQUARE else f"K={n}" if family == "mechanism" else PAPER[n]
            shape = f"{len(lp[1])}×{len(lp[0])}"
            # Every solver, exactmech included, is timed the same way (a forked child when
            # --timeout is set), so fork and copy-on-write costs fall on all alike.
            og = measure(partial(run_exactmech, lp, "float-guided"), args.repeats, args.slow, None if timeout is None else 10 * timeout, "guided")
            if og.status != "ok":
                raise SystemExit(f"exactmech float-guided failed on {family} {n}: {og.message}")
            t_g, (opt, x_opt) = og.time, og.value
            digits = max(len(str(abs(v.numerator))) + len(str(v.denominator)) for v in x_opt)
            row = Row(family, label, shape, digits)
            row.cells["guided"], row.times["guided"] = fmt(t_g), t_g
            # what a user gets by default: method="auto" (exact below the size cut-off)
            auto = auto_method(lp)
            if auto == "exact":
                oa = measure(partial(run_exactmech, lp, "exact"), args.repeats, args.slow, timeout, "exact")
                if oa.status != "ok":
                    raise SystemExit(f"exactmech auto (exact) failed on {family} {n}: {oa.message}")
                assert oa.value[0] == opt, "exact and float-guided disagree"
                t_a = oa.time
            else:
                t_a = t_g
            row.cells["exactmech"], row.times["exactmech"] = fmt(t_a), t_a
            row.cells["auto→"] = "exact" if auto == "exact" else "guided"
            limit = args.max_exact if family in SQUARE else args.max_exact_mech if family == "mechanism" else 10**9
            if auto == "exact":
                row.cells["exact"], row.times["exact"] = fmt(t_a), t_a
            elif n <= limit:
                oe = measure(partial(run_exactmech, lp, "exact"), 1, args.slow, timeout, "exact")
                if oe.status == "ok":
                    assert oe.value[0] == opt, "exact and float-guided disagree"
                    row.cells["exact"], row.times["exact"] = fmt(oe.time), oe.time
                else:
                    row.cells["exact"] = "t/o" if oe.status == "timeout" else "err"
                    notes.append(f"exact: {family} {label}: {oe.message}")
            else:
                row.cells["exact"] = "—"
            for name in names:
                if name in dead:
                    row.cells[name] = "skip"
                    continue
                if name == "sympy" and family in SQUARE and n > args.max_sympy:
                    row.cells[name] = "—"
                    continue
                out = measure(partial(run_contender, name, lp), args.repeats, args.slow, timeout, name)
                if out.status == "timeout":
                    row.cells[name] = "t/o"
                    dead[name] = f"timed out at {label}"
                    notes.append(f"{name}: {family} {label}: {out.message}; larger sizes skipped")
                    continue
                if out.status == "error":
                    row.cells[name] = "err"
                    notes.append(f"{name}: {family} {label}: {out.message}")
                    continue
                v = out.value
                if CONTENDERS[name].exact:
                    good = isinstance(v, Fraction) and v == opt
                else:
                    good = abs(v - float(opt)) <= 1e-6 * max(1.0, abs(float(opt)))
                if not good:
                    row.cells[name] = "WRONG"
                    failures.append(f"{name}: {family} {label}: returned {v}, exactmech {opt}")
                    if name == "sympy":
                        raise AssertionError(f"sympy disagrees: {v} != {opt}")
                    continue
                row.cells[name], row.times[name] = fmt(out.time), out.time
            t_s, t_h = row.times.get("sympy"), row.times.get("highs")
            r_s = f"{t_s / t_a:.0f}×" if t_s else "—"
            r_h = f"{t_a / t_h:.1f}×" if t_h else "—"
            done = [(row.times[k], k) for k in exact_names if k in row.times]
            if done:
                t_b, best = min(done)
                ratio: float | None = t_a / t_b
                r_b = f"{ratio:.2f}×"
            else:
                best, ratio, r_b = "—", None, "—"
            summary.append((family, label, best, ratio))
            vals = [family, label, shape, str(digits), row.cells["auto→"], *(row.cells[c] for c in cols), r_s, r_h, best, r_b]
            if args.markdown:
                print("| " + " | ".join(vals) + " |", flush=True)
            else:
                print(
                    " ".join(f"{v:>{w}}" if i > 1 else f"{v:{w}}" for i, (v, w) in enumerate(zip(vals, widths))),
                    flush=True,
                )
    print(
        "\nCPU seconds, median of up to "
        f"{args.repeats} (calls over {args.slow:g} s once); ratios from the same run; "
        "'—' not run (size limit), 't/o' over the per-call timeout, 'skip' after a timeout."
    )
    for note in notes:
        print(f"note: {note}")
    if failures:
        print("\nDISAGREEMENTS with exactmech's certified optimum:")
        for f in failures:
            print(f"  {f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
