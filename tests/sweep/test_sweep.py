"""Tests of :mod:`exactmech.sweep`: determinism across chunkings and executors, the store and
resuming, failures, time-outs, fail-fast, and a real Dask ``LocalCluster``."""

from __future__ import annotations

import concurrent.futures as cf
import json
import os
import signal
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path

import pytest

from exactmech.sweep import (
    StoreMismatchError,
    named_sweep,
    run_chunk,
    run_sweep,
    to_jsonable,
)
from tests.sweep.sweeps import FAILING, FLOATY, RATIO, SLEEPY

ROOT = Path(__file__).resolve().parents[2]


def _records(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted(
        (r for line in lines[1:] for r in json.loads(line)["records"]), key=lambda r: r["index"]
    )


def test_instances_depend_on_seed_and_index_only(tmp_path: Path) -> None:
    """The same (seed, index) gives the same instance in any chunking; another seed differs."""
    a = run_chunk(RATIO, 7, 0, 30)["records"]
    b = run_chunk(RATIO, 7, 10, 20)["records"]
    assert a[10:20] == b
    c = run_chunk(RATIO, 8, 0, 30)["records"]
    assert [r["instance"] for r in a] != [r["instance"] for r in c]
    s1 = run_sweep(RATIO, 50, seed=7, chunk_size=3, jobs=1, store=tmp_path / "a.jsonl")
    s2 = run_sweep(RATIO, 50, seed=7, chunk_size=11, jobs=1, store=tmp_path / "b.jsonl")
    assert _records(tmp_path / "a.jsonl") == _records(tmp_path / "b.jsonl")
    assert _records(tmp_path / "a.jsonl") == run_chunk(RATIO, 7, 0, 50)["records"]
    assert s1.best == s2.best and s1.counterexamples == s2.counterexamples


def test_summary_counts_best_and_counterexamples() -> None:
    """The best score is the maximum of a/b over the instances; counterexamples are a/b > 8."""
    s = run_sweep(RATIO, 200, seed=1, jobs=1)
    recs = run_chunk(RATIO, 1, 0, 200)["records"]
    qs = [Fraction(r["result"]["q"]) for r in recs]
    assert s.complete and s.done == s.ok == 200 and s.errors == s.timeouts == 0
    assert Fraction(s.best["score"]) == max(qs)
    assert s.best["index"] == qs.index(max(qs))
    assert [r["index"] for r in s.counterexamples] == [i for i, q in enumerate(qs) if q > 8]


def test_process_pool_and_thread_pool_match_serial() -> None:
    """Any concurrent.futures executor gives exactly the serial summary."""
    serial = run_sweep(RATIO, 120, seed=3, chunk_size=7, jobs=1)
    with cf.ThreadPoolExecutor(2) as ex:
        threaded = run_sweep(RATIO, 120, seed=3, chunk_size=7, executor=ex)
    pooled = run_sweep(RATIO, 120, seed=3, chunk_size=7, jobs=2)
    assert serial == threaded == pooled


def test_failures_are_recorded_and_do_not_stop_the_sweep() -> None:
    s = run_sweep(FAILING, 20, jobs=1, chunk_size=4)
    assert s.complete and s.ok == 16 and s.errors == 4
    assert [r["index"] for r in s.failures] == [0, 5, 10, 15]
    assert "ZeroDivisionError: instance 5" in s.failures[1]["error"]


def test_timeouts_interrupt_the_instance() -> None:
    t0 = time.perf_counter()
    s = run_sweep(SLEEPY, jobs=1, timeout=0.2)
    assert time.perf_counter() - t0 < 1.5
    assert s.timeouts == 1 and s.failures[0]["index"] == 3 and s.ok == 5


def test_floats_are_refused_by_the_store() -> None:
    s = run_sweep(FLOATY, jobs=1)
    assert s.errors == 3 and "is a float" in s.failures[0]["error"]
    with pytest.raises(TypeError, match="float"):
        to_jsonable({"x": [Fraction(1, 2), 0.5]})


def test_fail_fast_stops_at_the_first_counterexample() -> None:
    full = run_sweep(RATIO, 300, seed=1, chunk_size=5, jobs=1)
    first = full.counterexamples[0]["index"]
    fast = run_sweep(RATIO, 300, seed=1, chunk_size=5, jobs=1, fail_fast=True)
    assert fast.done == (first // 5 + 1) * 5 < 300
    assert fast.counterexamples[0] == full.counterexamples[0]
    pooled = run_sweep(RATIO, 300, seed=1, chunk_size=5, jobs=2, fail_fast=True)
    assert pooled.counterexamples and pooled.done < 300


def test_store_resumes_and_refuses_another_sweep(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    calls: list[int] = []
    run_sweep(RATIO, 40, seed=2, chunk_size=10, jobs=1, store=path)
    again = run_sweep(
        RATIO, 40, seed=2, chunk_size=10, jobs=1, store=path, progress=lambda k, n: calls.append(k)
    )
    assert calls == [] and again.complete  # nothing recomputed
    assert len(path.read_text().splitlines()) == 1 + 4
    with pytest.raises(StoreMismatchError, match="another sweep"):
        run_sweep(RATIO, 40, seed=3, chunk_size=10, jobs=1, store=path)


def test_torn_last_line_is_dropped_on_resume(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    run_sweep(RATIO, 30, seed=2, chunk_size=10, jobs=1, store=path)
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines[:3]) + lines[3][: len(lines[3]) // 2])  # killed mid-write
    s = run_sweep(RATIO, 30, seed=2, chunk_size=10, jobs=1, store=path)
    assert s.complete and [r["index"] for r in _records(path)] == list(range(30))


def test_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    """Kill `exactmech sweep` (SIGKILL) mid-run, run the same command again: every instance
    is recorded exactly once and the records equal an uninterrupted serial run."""
    path = tmp_path / "kill.jsonl"
    cmd = [
        sys.executable,
        "-m",
        "exactmech",
        "sweep",
        "myerson-lp",
        "--n",
        "80",
        "--chunk-size",
        "2",
        "--jobs",
        "1",
        "--out",
        str(path),
        "--no-progress",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        if path.exists() and len(path.read_text().splitlines()) >= 6:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = len(path.read_text().splitlines()) - 1
    assert 5 <= done_before < 40, "the run was not interrupted mid-way"
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    recs = _records(path)
    assert [r["index"] for r in recs] == list(range(80))
    chunks = [json.loads(line)["chunk"] for line in path.read_text().splitlines()[1:]]
    assert sorted(chunks) == list(range(40))
    fresh = [
        r
        for c in range(40)
        for r in run_chunk(named_sweep("myerson-lp"), 0, 2 * c, 2 * c + 2)["records"]
    ]
    assert recs == fresh


def test_local_dask_cluster_matches_serial_and_process_pool() -> None:
    """A distributed.LocalCluster with two worker processes runs the same sweep to exactly
    the same records and summary as the serial loop and the process pool."""
    distributed = pytest.importorskip("distributed")
    sweep = named_sweep("myerson-lp")
    serial = run_sweep(sweep, 40, seed=5, chunk_size=4, jobs=1)
    pooled = run_sweep(sweep, 40, seed=5, chunk_size=4, jobs=2)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        clustered = run_sweep(sweep, 40, seed=5, chunk_size=4, executor=client)
        pids = set(client.run(os.getpid).values())
    assert len(pids) == 2 and os.getpid() not in pids
    assert serial == pooled == clustered
    assert clustered.complete and not clustered.counterexamples
