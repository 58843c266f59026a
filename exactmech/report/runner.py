"""Running claims: serially or in parallel processes, in order, with progress and fail-fast.

:func:`run_claims_parallel` is what ``exactmech verify --jobs N`` calls. Results are
*identical and in the same order* as a serial run (:func:`exactmech.claims.run_claims`):
every claim is computed by the same ``claim.run()`` in a worker process and the parent
reassembles the results by index.

Why processes and how they are fed: claims are CPU-bound exact arithmetic (the GIL rules
out threads), and a claim's ``compute`` is usually a lambda, which cannot be pickled. On
Linux the workers are *forked* after the claim list exists, so they inherit it (and every
cache the parent has already filled) and receive only indices; elsewhere they are spawned
and look claims up by id in the registry. Consecutive claims go to a worker in chunks,
because the claims of one paper share cached models (``functools.cache``). A computed value
that cannot be pickled back is recomputed in the parent.

``fail_fast`` stops at the first ``mismatch`` or ``error`` *in claim order* (so the
results are exactly those a serial fail-fast run reports) and terminates the workers.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from exactmech.claims import Claim, ClaimResult

__all__ = ["RunOutcome", "default_jobs", "run_claims_parallel"]

FAILED = ("mismatch", "error")

# Set in the parent just before forking: the workers read claims from here by index.
_FORKED: Sequence[Claim] = ()
_BY_ID: dict[str, Claim] = {}


@dataclass(frozen=True)
class RunOutcome:
    """Results of a run, in claim order, with the wall time and whether it stopped early."""

    results: list[ClaimResult]
    seconds: float
    jobs: int
    stopped_early: bool = False


def default_jobs() -> int:
    """All cores available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _claim(index: int, claim_id: str) -> Claim:
    if _FORKED:
        return _FORKED[index]
    if not _BY_ID:  # spawned worker: rebuild the registry
        from exactmech.claims import all_claims

        _BY_ID.update({c.id: c for c in all_claims()})
    return _BY_ID[claim_id]


def _work(item: tuple[int, str]) -> tuple[int, Any, str, str, float, bool]:
    index, claim_id = item
    r = _claim(index, claim_id).run()
    try:
        pickle.dumps(r.computed)
    except Exception:  # an unpicklable value: the parent recomputes it
        return index, None, r.status, r.note, r.seconds, False
    return index, r.computed, r.status, r.note, r.seconds, True


def _serial(
    claims: Sequence[Claim],
    fail_fast: bool,
    progress: Callable[[ClaimResult], None] | None,
) -> tuple[list[ClaimResult], bool]:
    out = []
    for claim in claims:
        r = claim.run()
        out.append(r)
        if progress is not None:
            progress(r)
        if fail_fast and r.status in FAILED:
            return out, len(out) < len(claims)
    return out, False


def run_claims_parallel(
    claims: Sequence[Claim],
    *,
    jobs: int | None = None,
    fail_fast: bool = False,
    progress: Callable[[ClaimResult], None] | None = None,
) -> RunOutcome:
    """Run ``claims`` in ``jobs`` processes (default: all cores); results in claim order.

    Parameters
    ----------
    claims
        The claims to run.
    jobs
        Number of worker processes; ``1`` (or a single claim) runs in this process.
    fail_fast
        Stop after the first ``mismatch`` or ``error`` in claim order.
    progress
        Called with each result as it arrives (in completion order).

    Returns
    -------
    RunOutcome

    Examples
    --------
    >>> from fractions import Fraction
    >>> from exactmech.claims import Claim
    >>> cs = [Claim(f"t.{k}", "lp", "-", "k/2", Fraction(k, 2), lambda k=k: Fraction(k, 2))
    ...       for k in range(4)]
    >>> [r.status for r in run_claims_parallel(cs, jobs=2).results]
    ['match', 'match', 'match', 'match']
    >>> run_claims_parallel(cs, jobs=0)
    Traceback (most recent call last):
    ...
    ValueError: run_claims_parallel(): jobs=0; expected a positive number of processes
    """
    if jobs is None:
        jobs = default_jobs()
    if jobs < 1:
        raise ValueError(
            f"run_claims_parallel(): jobs={jobs}; expected a positive number of processes"
        )
    claims = list(claims)
    jobs = min(jobs, len(claims)) if claims else 1
    t0 = time.perf_counter()
    if jobs == 1:
        results, stopped = _serial(claims, fail_fast, progress)
        return RunOutcome(results, time.perf_counter() - t0, 1, stopped)

    global _FORKED
    methods = mp.get_all_start_methods()
    use_fork = sys.platform.startswith("linux") and "fork" in methods
    ctx = mp.get_context("fork" if use_fork else "spawn")
    if use_fork:
        _FORKED = claims
    done: dict[int, ClaimResult] = {}
    ordered: list[ClaimResult] = []
    stopped = False
    chunk = max(1, len(claims) // (jobs * 4))
    pool = ctx.Pool(jobs)
    try:
        items = [(i, c.id) for i, c in enumerate(claims)]
        for index, computed, status, note, seconds, ok in pool.imap_unordered(
            _work, items, chunksize=chunk
        ):
            claim = claims[index]
            r = ClaimResult(claim, computed, status, note, seconds) if ok else claim.run()
            done[index] = r
            if progress is not None:
                progress(r)
            while len(ordered) in done:
                nxt = done[len(ordered)]
                ordered.append(nxt)
                if fail_fast and nxt.status in FAILED:
                    stopped = len(ordered) < len(claims)
                    break
            else:
                continue
            break
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        _FORKED = ()
    return RunOutcome(ordered, time.perf_counter() - t0, jobs, stopped)
