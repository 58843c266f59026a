"""Sweeps at scale: exact searches and property runs over many instances.

This package owns running one exact computation over a deterministic family of instances
on any :class:`concurrent.futures.Executor` (a local process pool by default, a Dask
cluster through ``distributed.Client``), streaming results to a resumable JSON Lines store,
and summarising what was found (counts, best score, counterexamples with their seed).

* :mod:`exactmech.sweep.core`: :class:`Sweep`, the per-instance seed, one chunk's run;
* :mod:`exactmech.sweep.store`: the resumable on-disk store;
* :mod:`exactmech.sweep.runner`: :func:`run_sweep` and :class:`SweepSummary`;
* :mod:`exactmech.sweep.named`: the sweeps ``exactmech sweep NAME`` knows.
"""

from __future__ import annotations

from exactmech.sweep.core import Judgement, Sweep, instance_rng, run_chunk, to_jsonable
from exactmech.sweep.named import NAMED_SWEEPS, NamedSweep, named_sweep
from exactmech.sweep.runner import SweepSummary, default_store, run_sweep, summarize
from exactmech.sweep.store import StoreMismatchError, SweepStore

__all__ = [
    "NAMED_SWEEPS",
    "Judgement",
    "NamedSweep",
    "StoreMismatchError",
    "Sweep",
    "SweepStore",
    "SweepSummary",
    "default_store",
    "instance_rng",
    "named_sweep",
    "run_chunk",
    "run_sweep",
    "summarize",
    "to_jsonable",
]
