"""The ``exactmech`` command.

Subcommands:

* ``verify [--paper ID] [--claim ID] [--jobs N] [--fail-fast] [--json FILE] [--latex FILE]
  [--quiet]``: recompute every claim (in parallel processes, with a progress bar on a
  terminal), print a table and a summary line with counts and time; exit status 1 on any
  mismatch or error.
* ``tables [--paper ID] [--out DIR] [--style frac|slash] [--markdown]``: write every table of
  the papers as a standalone ``.tex`` plus a master document that inputs them all.
* ``figures [--paper ID] [--out DIR] [--format pdf|png|svg]``: draw every figure of the papers
  from exact data (matplotlib, the ``[plot]`` extra).
* ``report [--paper ID] [--out DIR] [--format pdf|html]``: ``verify``, ``tables`` and
  ``figures`` assembled into one PDF (through pdflatex) or one self-contained HTML file.
* ``claims [--paper ID]``: list the registered claims.
* ``lp FILE [--json OUT] [--method M]``: solve an MPS or CPLEX-LP file exactly.
* ``check FILE SOLUTION``: verify a solution file written by ``lp --json`` independently.
* ``sweep NAME [...]`` / ``sweep --list``: run a named exact sweep (:mod:`exactmech.sweep`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["main"]


def _escape(text: str) -> str:
    """Escape rich markup in plain text."""
    from rich.markup import escape as rich_escape

    return str(rich_escape(text))


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    console = Console(stderr=stderr, highlight=False, soft_wrap=False)
    if not console.is_terminal:
        console = Console(stderr=stderr, highlight=False, soft_wrap=False, width=160)
    return console


def _select(args: argparse.Namespace) -> list[Any]:
    """The claims ``verify`` runs: ``--paper`` and ``--claim`` filters (ValueError if unknown)."""
    import difflib

    from exactmech.claims import claims_for

    claims = claims_for(args.paper)
    if not args.claim:
        return claims
    by_id = {c.id: c for c in claims}
    out = []
    for cid in args.claim:
        if cid not in by_id:
            close = difflib.get_close_matches(cid, list(by_id), n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise ValueError(f"unknown claim id {cid!r}{hint}")
        out.append(by_id[cid])
    return out


def _verify(args: argparse.Namespace) -> int:
    from exactmech.report.runner import run_claims_parallel
    from exactmech.report.verify import claims_table, counts, json_payload, summary_line

    try:
        claims = _select(args)
    except ValueError as exc:
        print(f"exactmech verify: {exc}", file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print(f"exactmech verify: --jobs {args.jobs}: expected at least 1", file=sys.stderr)
        return 2
    console = _console()
    err = _console(stderr=True)
    if err.is_terminal and not args.quiet:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        with Progress(
            TextColumn("verifying claims"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("", total=len(claims))

            def advance(r: Any) -> None:
                progress.update(task, advance=1, description=r.claim.id)

            run = run_claims_parallel(
                claims, jobs=args.jobs, fail_fast=args.fail_fast, progress=advance
            )
    else:
        run = run_claims_parallel(claims, jobs=args.jobs, fail_fast=args.fail_fast)
    results = run.results
    table = claims_table(results)
    n = counts(results)
    if not args.quiet:
        console.print(table.to_rich())
        for r in results:
            if r.status in ("mismatch", "error", "paper-erratum") and r.note:
                colour = "yellow" if r.status == "paper-erratum" else "red"
                console.print(f"[{colour}]{r.claim.id}[/{colour}]: {_escape(r.note)}")
    line = summary_line(results, run.seconds)
    line += f" ({run.jobs} process{'es' if run.jobs > 1 else ''})"
    if run.stopped_early:
        line += f"; --fail-fast stopped after {len(results)} of {len(claims)}"
    print(line)
    if args.json:
        Path(args.json).write_text(
            json.dumps(json_payload(results), indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    if args.latex:
        Path(args.latex).write_text(
            table.to_latex(standalone=args.standalone, style=args.style), encoding="utf-8"
        )
    return 0 if n["mismatch"] == 0 and n["error"] == 0 else 1


def _tables(args: argparse.Namespace) -> int:
    from exactmech.report.tables import TableContext, write_tables

    try:
        written = write_tables(
            Path(args.out),
            paper=args.paper,
            style=args.style,
            ctx=TableContext(paper=args.paper, jobs=args.jobs),
            markdown=args.markdown,
        )
    except ValueError as exc:
        print(f"exactmech tables: {exc}", file=sys.stderr)
        return 2
    for tid, path in written.files.items():
        diffs = written.tables[tid].differences()
        flag = f"  ({len(diffs)} value(s) differ from the paper)" if diffs else ""
        print(f"wrote {path}{flag}")
    print(f"wrote {written.master} (\\input's {len(written.files)} tables)")
    for spec in written.pending:
        print(f"pending: paper {spec.paper} {spec.location} ({spec.title}): needs {spec.requires}")
    return 0


def _figures(args: argparse.Namespace) -> int:
    from exactmech.report.figures import write_figures
    from exactmech.report.plot import PlotMissingError

    try:
        written = write_figures(Path(args.out), paper=args.paper, formats=tuple(args.format))
    except PlotMissingError as exc:
        print(f"exactmech figures: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"exactmech figures: {exc}", file=sys.stderr)
        return 2
    for paths in written.files.values():
        for path in paths:
            print(f"wrote {path}")
    for spec in written.pending:
        print(f"pending: paper {spec.paper} {spec.location} ({spec.title}): needs {spec.requires}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from exactmech.errors import ExactmechError
    from exactmech.report.build import build_report
    from exactmech.report.verify import counts, summary_line

    err = _console(stderr=True)
    try:
        if err.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            with Progress(
                TextColumn("verifying claims"),
                BarColumn(),
                MofNCompleteColumn(),
                console=err,
                transient=True,
            ) as progress:
                task = progress.add_task("", total=None)

                def advance(r: Any) -> None:
                    progress.update(task, advance=1)

                outcome = build_report(
                    Path(args.out),
                    paper=args.paper,
                    fmt=args.format,
                    jobs=args.jobs,
                    style=args.style,
                    progress=advance,
                )
        else:
            outcome = build_report(
                Path(args.out), paper=args.paper, fmt=args.format, jobs=args.jobs, style=args.style
            )
    except (ExactmechError, ValueError) as exc:
        print(f"exactmech report: {exc}", file=sys.stderr)
        if "pdflatex is not installed" in str(exc):
            print("exactmech report: or write HTML instead: --format html", file=sys.stderr)
        return 2
    print(summary_line(outcome.results))
    for note in outcome.notes:
        print(f"note: {note}")
    for p in outcome.pending:
        print(f"pending: {p}")
    s = outcome.seconds
    print(
        f"wrote {outcome.path} ({len(outcome.tables.files)} tables, {len(outcome.figures)} "
        f"figures) in {s['total']:.1f} s: verify {s['verify']:.1f} s, tables {s['tables']:.1f} s, "
        f"figures {s['figures']:.1f} s, {args.format} {s['assemble']:.1f} s"
    )
    n = counts(outcome.results)
    return 0 if n["mismatch"] == 0 and n["error"] == 0 else 1


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
    from exactmech.report.values import decimal_str

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
        print(f"decimal:   {decimal_str(f, 30)}")
        print(f"digits:    {digits} (numerator + denominator)")
    print(f"method: {res.method}; pivots: {res.nit}; certificate checked: yes")
    if args.json:
        data = res.to_json()
        data["variables"] = list(problem.var_names)
        Path(args.json).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


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
    v.add_argument(
        "--style",
        default="frac",
        choices=["frac", "slash"],
        help="with --latex: fractions as \\frac{a}{b} (default) or a/b",
    )
    v.add_argument("--quiet", action="store_true", help="print the summary line only")
    v.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="run claims in N processes (default: all cores); results identical to serial",
    )
    v.add_argument(
        "--claim",
        action="append",
        metavar="ID",
        help="run only this claim (repeatable; ids from `exactmech claims`)",
    )
    v.add_argument("--fail-fast", action="store_true", help="stop at the first mismatch or error")
    v.set_defaults(func=_verify)
    t = sub.add_parser("tables", help="write the papers' tables as LaTeX (+ a master document)")
    t.add_argument("--paper", help="only this paper's tables (000, 001, 002, 003, 004)")
    t.add_argument("--out", default="exactmech-tables", metavar="DIR", help="output folder")
    t.add_argument("--style", default="frac", choices=["frac", "slash"])
    t.add_argument("--markdown", action="store_true", help="also write each table as Markdown")
    t.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help="for the claims")
    t.set_defaults(func=_tables)
    fg = sub.add_parser("figures", help="draw the papers' figures (needs the [plot] extra)")
    fg.add_argument("--paper", help="only this paper's figures (000, 001, 002, 003, 004)")
    fg.add_argument("--out", default="exactmech-figures", metavar="DIR", help="output folder")
    fg.add_argument(
        "--format",
        action="append",
        choices=["pdf", "png", "svg"],
        help="file format (repeatable; default: pdf and png)",
    )
    fg.set_defaults(func=_figures)
    rp = sub.add_parser("report", help="verify + tables + figures in one PDF or HTML report")
    rp.add_argument("--paper", help="only this paper (000, 001, 002, 003, 004)")
    rp.add_argument("--out", default="exactmech-report", metavar="DIR", help="output folder")
    rp.add_argument("--format", default="pdf", choices=["pdf", "html"])
    rp.add_argument("--style", default="frac", choices=["frac", "slash"])
    rp.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help="for the claims")
    rp.set_defaults(func=_report)
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
    if args.func is _figures and args.format is None:
        args.format = ["pdf", "png"]
    try:
        return int(args.func(args))
    except BrokenPipeError:
        # the reader closed the pipe (`exactmech claims | head`): stop quietly, as a shell
        # tool killed by SIGPIPE would (status 128 + 13); further writes go to /dev/null
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
