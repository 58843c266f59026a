"""The ``exactmech sweep`` subcommand (registered by :mod:`exactmech.cli`).

``exactmech sweep --list`` lists the named sweeps; ``exactmech sweep NAME [--n N] [--seed S]
[--jobs J | --scheduler ADDRESS] [--out PATH] [--chunk-size K] [--fail-fast] [--timeout T]``
runs one with a progress bar and a resumable store (by default
``./exactmech-sweeps/NAME-seedS-nN.jsonl``: running the same command again resumes it).
Exit status: 0 when every instance ran and none is a counterexample, 1 otherwise, 2 on bad
arguments.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Add the ``sweep`` subcommand to the CLI's subparsers."""
    p = sub.add_parser(
        "sweep",
        help="run a named exact sweep over many instances (locally or on a Dask cluster)",
        description="Run a named sweep; results stream to a resumable JSON Lines store.",
    )
    p.add_argument("name", nargs="?", help="the sweep (see --list)")
    p.add_argument("--list", action="store_true", help="list the named sweeps")
    p.add_argument("--n", type=int, help="number of instances (grid sweeps: default grid size)")
    p.add_argument("--seed", type=int, default=0, help="seed of the instance generator")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--jobs", type=int, help="local worker processes (default: all cores)")
    where.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://host:8786"
    )
    p.add_argument("--out", metavar="PATH", help="store file (default: ./exactmech-sweeps/...)")
    p.add_argument("--chunk-size", type=int, help="instances per task")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first counterexample")
    p.add_argument("--timeout", type=float, help="seconds per instance before a time-out")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an option of the named sweep (integer values), e.g. --option grid=16",
    )
    p.set_defaults(func=run)


def _options(pairs: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"--option {pair!r}: expected KEY=VALUE")
        out[key] = int(value) if value.lstrip("-").isdigit() else value
    return out


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; returns the exit status."""
    from exactmech.sweep import NAMED_SWEEPS, default_store, named_sweep, run_sweep

    if args.list or not args.name:
        width = max(len(k) for k in NAMED_SWEEPS)
        for name, entry in NAMED_SWEEPS.items():
            print(f"{name.ljust(width)}  {entry.description}  [{entry.source}]")
        return 0 if args.list else 2
    try:
        sweep = named_sweep(args.name, **_options(args.option))
    except (ValueError, TypeError) as exc:
        print(f"exactmech sweep: {exc}", file=sys.stderr)
        return 2
    n = args.n if args.n is not None else sweep.size
    if n is None:
        print(f"exactmech sweep: {args.name} is a random sweep; pass --n", file=sys.stderr)
        return 2
    out = args.out or str(default_store(args.name, args.seed, n))
    executor: Any = None
    client: Any = None
    if args.scheduler:
        try:
            from distributed import Client
        except ImportError:
            print(
                "exactmech sweep: --scheduler needs Dask distributed: "
                'pip install "exactmech[cluster]"',
                file=sys.stderr,
            )
            return 2
        client = Client(args.scheduler)  # type: ignore[no-untyped-call]
        executor = client
    print(f"store: {out}", file=sys.stderr)
    try:
        summary = run_sweep(
            sweep,
            n,
            seed=args.seed,
            chunk_size=args.chunk_size,
            executor=executor,
            jobs=args.jobs,
            store=out,
            fail_fast=args.fail_fast,
            timeout=args.timeout,
            progress=not args.no_progress,
        )
    except ValueError as exc:
        print(f"exactmech sweep: {exc}", file=sys.stderr)
        return 2
    finally:
        if client is not None:
            client.close()
    for line in summary.lines():
        print(line)
    bad = summary.counterexamples or summary.failures or not summary.complete
    return 1 if bad else 0
