"""Running a sweep on any :class:`concurrent.futures.Executor`, locally or on a Dask cluster.

We do not write a scheduler. :func:`run_sweep` cuts ``range(n)`` into chunks and submits
:func:`~exactmech.sweep.core.run_chunk` for each chunk that the store does not hold yet to
the executor it is given: the default is a :class:`~concurrent.futures.ProcessPoolExecutor`
on all local cores; a ``distributed.Client`` (or its ``get_executor()``) runs the very same
calls on a Dask cluster; ``jobs=1`` runs them in this process. A bounded window of chunks is
in flight at a time, so that ``fail_fast`` stops quickly and memory stays flat on long runs.
Finished chunks go to the :class:`~exactmech.sweep.store.SweepStore` as they arrive; the
summary is computed from the store, so it is the same whether a run finished in one go or
was interrupted and resumed.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from exactmech.sweep.core import Sweep, run_chunk
from exactmech.sweep.store import SweepStore

__all__ = ["SweepSummary", "run_sweep", "summarize"]


@dataclass(frozen=True)
class SweepSummary:
    """What a sweep found, computed from its records.

    Attributes
    ----------
    name, seed, n
        The sweep, its seed and its number of instances.
    done
        Instances with a record (``n`` when the sweep completed).
    ok, errors, timeouts
        Instances whose task returned, raised, or ran out of time.
    counterexamples
        Records judged counterexamples (index, instance, result), in index order.
    best
        The record with the highest score (the first such index on ties), or ``None``.
    failures
        Records with an error or a time-out (index, instance, error).
    tags
        How many results the sweep's judge put in each category (``Judgement.tag``).
    cpu_seconds
        Total CPU time of the workers over the stored chunks (not part of equality: two
        runs with the same records are equal).
    """

    name: str
    seed: int
    n: int
    done: int
    ok: int
    errors: int
    timeouts: int
    counterexamples: list[dict[str, Any]] = field(default_factory=list)
    best: dict[str, Any] | None = None
    failures: list[dict[str, Any]] = field(default_factory=list)
    tags: dict[str, int] = field(default_factory=dict)
    cpu_seconds: Fraction = field(default=Fraction(0), compare=False)

    @property
    def complete(self) -> bool:
        """Whether every instance has a record."""
        return self.done == self.n

    def lines(self) -> list[str]:
        """A short human-readable report."""
        out = [
            f"sweep {self.name} (seed {self.seed}): {self.done}/{self.n} instances, "
            f"{self.ok} ok, {self.errors} errors, {self.timeouts} time-outs, "
            f"{len(self.counterexamples)} counterexamples; worker CPU "
            f"{_tenths(self.cpu_seconds)} s"
        ]
        if self.tags:
            out.append("; ".join(f"{k}: {v}" for k, v in sorted(self.tags.items())))
        if self.best is not None:
            out.append(
                f"best score {self.best['score']} at instance {self.best['index']}: "
                f"{self.best['instance']} -> {self.best['result']}"
            )
        for r in self.counterexamples[:5]:
            out.append(f"counterexample at instance {r['index']}: {r['instance']} -> {r['result']}")
        if len(self.counterexamples) > 5:
            out.append(f"... and {len(self.counterexamples) - 5} more counterexamples")
        for r in self.failures[:3]:
            out.append(f"failure at instance {r['index']}: {r['error']}")
        return out


def _tenths(x: Fraction) -> str:
    """``x`` rounded to tenths, as text (timings only; no float involved)."""
    t = round(x * 10)
    return f"{t // 10}.{t % 10}"


def summarize(name: str, seed: int, n: int, chunks: list[dict[str, Any]]) -> SweepSummary:
    """Summarise stored chunks (see :class:`SweepSummary`)."""
    records = sorted((r for c in chunks for r in c["records"]), key=lambda r: int(r["index"]))
    ok = [r for r in records if "error" not in r]
    failures = [r for r in records if "error" in r]
    timeouts = sum(str(r["error"]).startswith("timeout") for r in failures)
    best: dict[str, Any] | None = None
    best_score: Fraction | None = None
    for r in ok:
        if r.get("score") is not None:
            s = Fraction(r["score"])
            if best_score is None or s > best_score:
                best, best_score = r, s
    cpu = sum((Fraction(c["cpu_seconds"]) for c in chunks), Fraction(0))
    tags: dict[str, int] = {}
    for r in ok:
        if "tag" in r:
            tags[r["tag"]] = tags.get(r["tag"], 0) + 1
    return SweepSummary(
        name=name,
        seed=seed,
        n=n,
        done=len(records),
        ok=len(ok),
        errors=len(failures) - timeouts,
        timeouts=timeouts,
        counterexamples=[r for r in ok if r.get("counterexample")],
        best=best,
        failures=failures,
        tags=tags,
        cpu_seconds=cpu,
    )


def _as_executor(executor: Any) -> Any:
    """Accept an Executor, or a ``distributed.Client`` (whose ``get_executor()`` we use)."""
    if isinstance(executor, cf.Executor):
        return executor
    if hasattr(executor, "get_executor"):
        return executor.get_executor()
    raise TypeError(
        f"run_sweep(): executor={executor!r} is neither a concurrent.futures.Executor nor a "
        "distributed.Client"
    )


def run_sweep(
    sweep: Sweep,
    n: int | None = None,
    *,
    seed: int = 0,
    chunk_size: int | None = None,
    executor: Any = None,
    jobs: int | None = None,
    store: str | os.PathLike[str] | None = None,
    fail_fast: bool = False,
    timeout: float | None = None,
    progress: bool | Callable[[int, int], None] = False,
) -> SweepSummary:
    """Run ``sweep`` on instances ``0..n-1`` and summarise what it found.

    Parameters
    ----------
    sweep
        The :class:`~exactmech.sweep.core.Sweep`.
    n
        Number of instances (default: ``sweep.size`` for a grid sweep).
    seed
        Seed of the instance generator; instance ``i`` depends on ``(name, seed, i)`` only.
    chunk_size
        Instances per task (default: about ``n / (16 · workers)``, between 1 and 500).
    executor
        Any :class:`concurrent.futures.Executor`, or a ``distributed.Client``. Default: a
        process pool on ``jobs`` local cores (all cores when ``jobs`` is ``None``);
        ``jobs=1`` without an executor runs serially in this process.
    store
        Path of the JSON Lines store. An existing store of the same sweep is resumed: its
        chunks are not recomputed. ``None`` keeps results in memory only.
    fail_fast
        Stop submitting chunks once a counterexample is found (the summary then covers
        the chunks finished so far).
    timeout
        Seconds per instance; an instance that runs longer is recorded as a time-out and the
        sweep goes on.
    progress
        ``True`` shows a rich progress bar (chunks, instances per second, ETA) on stderr; a
        callable ``progress(done_instances, total)`` is called after each chunk instead.

    Returns
    -------
    SweepSummary

    Examples
    --------
    Myerson's auction against the optimal-mechanism LP on 6 random priors, in this process:

    >>> from exactmech.sweep import named_sweep
    >>> s = run_sweep(named_sweep("myerson-lp"), 6, jobs=1)
    >>> s.complete, s.ok, len(s.counterexamples), s.best["score"]
    (True, 6, 0, '0')
    """
    if n is None:
        if sweep.size is None:
            raise ValueError(f"run_sweep(): sweep {sweep.name!r} is random; pass n")
        n = sweep.size
    if n < 0:
        raise ValueError(f"run_sweep(): n={n} is negative")
    workers = jobs or os.cpu_count() or 1
    if chunk_size is None:
        chunk_size = max(1, min(500, n // (16 * workers) or 1))
    if chunk_size < 1:
        raise ValueError(f"run_sweep(): chunk_size={chunk_size} must be at least 1")
    n_chunks = (n + chunk_size - 1) // chunk_size
    header = {"sweep": sweep.name, "seed": seed, "n": n, "chunk_size": chunk_size}
    st = SweepStore(store, header) if store is not None else None
    chunks: list[dict[str, Any]] = list(st.chunks()) if st is not None else []
    done = {int(c["chunk"]) for c in chunks}
    todo = [c for c in range(n_chunks) if c not in done]
    finished = sum(int(c["stop"]) - int(c["start"]) for c in chunks)

    def bounds(c: int) -> tuple[int, int]:
        return c * chunk_size, min(n, (c + 1) * chunk_size)

    bar: Any = None
    report: Callable[[int], None] = lambda k: None  # noqa: E731
    if callable(progress):
        cb = progress
        report = lambda k: cb(k, n)  # noqa: E731
    elif progress:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        bar = Progress(
            TextColumn(f"sweep {sweep.name}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("instances · {task.fields[rate]} /s · ETA"),
            TimeRemainingColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
        )
        bar.start()
        task_id = bar.add_task("sweep", total=n, completed=finished, rate="—")
        t_start, k_start = time.perf_counter(), finished

        def report(k: int) -> None:
            rate = (k - k_start) / max(time.perf_counter() - t_start, 1e-9)
            bar.update(task_id, completed=k, rate=f"{rate:.1f}")

    def accept(c: int, data: dict[str, Any]) -> bool:
        nonlocal finished
        chunks.append({"chunk": c, **data})
        if st is not None:
            st.append(c, data)
        finished += int(data["stop"]) - int(data["start"])
        report(finished)
        return any(r.get("counterexample") for r in data["records"])

    try:
        stop = False
        if executor is None and jobs == 1:
            for c in todo:
                if accept(c, run_chunk(sweep, seed, *bounds(c), timeout)) and fail_fast:
                    break
        else:
            own = executor is None
            ex = cf.ProcessPoolExecutor(max_workers=workers) if own else _as_executor(executor)
            window = 4 * workers
            pending: dict[Any, int] = {}
            queue = iter(todo)
            try:
                while True:
                    while not stop and len(pending) < window:
                        nxt = next(queue, None)
                        if nxt is None:
                            break
                        pending[ex.submit(run_chunk, sweep, seed, *bounds(nxt), timeout)] = nxt
                    if not pending:
                        break
                    finished_now, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                    for fut in finished_now:
                        c = pending.pop(fut)
                        if accept(c, fut.result()) and fail_fast:
                            stop = True
                    if stop:
                        for fut in pending:
                            fut.cancel()
                        break
            finally:
                if own:
                    ex.shutdown(wait=True, cancel_futures=True)
    finally:
        if bar is not None:
            bar.stop()
    return summarize(sweep.name, seed, n, chunks)


def default_store(name: str, seed: int, n: int, folder: str | os.PathLike[str] = ".") -> Path:
    """The store path ``exactmech sweep`` uses when ``--out`` is not given."""
    return Path(folder) / "exactmech-sweeps" / f"{name}-seed{seed}-n{n}.jsonl"
