"""The ``exactmech`` command.

Subcommands:

* ``verify [--paper ID] [--json FILE] [--latex FILE] [--quiet]``: recompute every claim,
  print a table and a summary line; exit status 1 on any mismatch or error.
* ``claims [--paper ID]``: list the registered claims.
* ``lp FILE [--json OUT] [--method M]``: solve an MPS or CPLEX-LP file exactly.
* ``check FILE SOLUTION``: verify a solution file written by ``lp --json`` independently.
* ``sweep NAME [...]`` / ``sweep --list``: run a named exact sweep (:mod:`exactmech.sweep`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["main"]


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    console = Console(stderr=stderr, highlight=False, soft_wrap=False)
    if not console.is_terminal:
        console = Console(stderr=stderr, highlight=False, soft_wrap=False, width=160)
    return console


def _verify(args: argparse.Namespace) -> int:
    from exactmech.claims import PAPERS, claims_for, run_claims
    from exactmech.report import Table

    try:
        claims = claims_for(args.paper)
    except ValueError as exc:
        print(f"exactmech verify: {exc}", file=sys.stderr)
        return 2
    console = _console()
    err = _console(stderr=True)
    results = []
    if err.is_terminal and not args.quiet:
        from rich.progress import Progress

        with Progress(console=err, transient=True) as progress:
            task = progress.add_task("verifying claims", total=len(claims))
            results = run_claims(claims, lambda r: progress.advance(task))
    else:
        results = run_claims(claims)
    table = Table(
        ["paper", "location", "statement", "expected", "computed", "status"],
        caption="exactmech verify: every claim recomputed exactly",
        math_columns=frozenset({"expected", "computed"}),
    )
    for r in results:
        c = r.claim
        table.add(
            c.paper,
            c.location,
            c.statement,
            c.expected,
            r.computed if r.status != "error" else "error",
            r.status,
        )
    counts = {
        s: sum(r.status == s for r in results)
        for s in ("match", "paper-erratum", "mismatch", "error")
    }
    summary = (
        f"{len(results)} claims: {counts['match']} match, {counts['paper-erratum']} paper-erratum, "
        f"{counts['mismatch']} mismatch, {counts['error']} error"
    )
    if not args.quiet:
        console.print(table.to_rich(status_column="status"))
        for r in results:
            if r.status in ("mismatch", "error", "paper-erratum") and r.note:
                colour = "yellow" if r.status == "paper-erratum" else "red"
                console.print(f"[{colour}]{r.claim.id}[/{colour}]: {r.note}")
    print(summary)
    if args.json:
        payload = {
            "claims": [r.to_json() for r in results],
            "summary": {**{k: v for k, v in counts.items()}, "total": len(results)},
            "papers": {k: v for k, v in PAPERS.items()},
        }
        Path(args.json).write_text(
            json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    if args.latex:
        Path(args.latex).write_text(table.to_latex(standalone=args.standalone), encoding="utf-8")
    return 0 if counts["mismatch"] == 0 and counts["error"] == 0 else 1


def _claims(args: argparse.Namespace) -> int:
    from exactmech.claims import claims_for
    from exactmech.report import value_str

    try:
        claims = claims_for(args.paper)
    except ValueError as exc:
        print(f"exactmech claims: {exc}", file=sys.stderr)
        return 2
    for c in claims:
        flag = " [erratum]" if c.erratum is not None else ""
        print(f"{c.id}\t{c.paper}\t{c.location}\t{c.statement}\t{value_str(c.expected)}{flag}")
    print(f"{len(claims)} claims")
    return 0


def _read_model(path: str) -> Any:
    from exactmech.lp import formats

    p = Path(path)
    if p.suffix.lower() == ".lp":
        return formats.read_lp(p)
    return formats.read_mps(p)


def _lp(args: argparse.Namespace) -> int:
    from exactmech.errors import ExactmechError
    from exactmech.lp import solve_problem
    from exactmech.numbers import fraction_str

    try:
        problem = _read_model(args.file)
    except (OSError, ExactmechError) as exc:
        print(f"exactmech lp: {args.file}: {exc}", file=sys.stderr)
        return 2
    res = solve_problem(problem, method=args.method)
    print(f"status: {res.status}")
    if res.fun is not None:
        f = res.fun
        digits = len(str(abs(f.numerator))) + len(str(f.denominator))
        print(f"objective: {fraction_str(f)}")
        print(f"decimal:   {_decimal(f, 30)}")
        print(f"digits:    {digits} (numerator + denominator)")
    print(f"method: {res.method}; pivots: {res.nit}; certificate checked: yes")
    if args.json:
        data = res.to_json()
        data["variables"] = list(problem.var_names)
        Path(args.json).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


def _decimal(f: Any, digits: int) -> str:
    from mpmath import mp, mpf, nstr

    with mp.workdps(digits + 10):
        return str(nstr(mpf(f.numerator) / f.denominator, digits))


def _check(args: argparse.Namespace) -> int:
    from exactmech.errors import ExactmechError
    from exactmech.lp import Certificate, check_certificate
    from exactmech.numbers import Q

    try:
        problem = _read_model(args.file)
        data = json.loads(Path(args.solution).read_text(encoding="utf-8"))
        cert = Certificate.from_json(data["certificate"])
        fun = Q(data["fun"]) if data.get("fun") is not None else None
        check_certificate(problem, cert, fun)
    except (OSError, KeyError, ValueError, ExactmechError) as exc:
        print(f"exactmech check: certificate REJECTED: {exc}", file=sys.stderr)
        return 1
    print(f"certificate of kind {cert.kind!r} verified exactly")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``exactmech`` command; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="exactmech",
        description="Exact mechanism design: verify papers' claims, solve LPs exactly.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("verify", help="recompute every claim and compare with the papers")
    v.add_argument("--paper", help="only this source (lp, 000, 001, 002, 003, 004)")
    v.add_argument("--json", metavar="FILE", help="write the results as JSON")
    v.add_argument("--latex", metavar="FILE", help="write the table as LaTeX (booktabs)")
    v.add_argument("--standalone", action="store_true", help="with --latex: a compilable document")
    v.add_argument("--quiet", action="store_true", help="print the summary line only")
    v.set_defaults(func=_verify)
    c = sub.add_parser("claims", help="list the registered claims")
    c.add_argument("--paper")
    c.set_defaults(func=_claims)
    lp = sub.add_parser("lp", help="solve an MPS or LP file exactly")
    lp.add_argument("file")
    lp.add_argument("--json", metavar="OUT", help="write the solution and its certificate")
    lp.add_argument("--method", default="auto", choices=["auto", "exact", "float-guided"])
    lp.set_defaults(func=_lp)
    ck = sub.add_parser("check", help="verify a solution file's certificate")
    ck.add_argument("file")
    ck.add_argument("solution")
    ck.set_defaults(func=_check)
    from exactmech.sweep.command import add_parser as add_sweep_parser

    add_sweep_parser(sub)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
