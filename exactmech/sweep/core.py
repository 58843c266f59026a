"""What a sweep is, and how one chunk of it runs (on any worker).

A :class:`Sweep` names three pure functions: ``generate(rng, index)`` builds instance number
``index`` from a random generator seeded by ``(name, seed, index)`` alone, so that the same
seed gives the same instances on any machine and in any chunking; ``task(instance)``
computes an exact result record; ``judge(instance, result)`` says whether the result is a
counterexample and what its score is (the sweep's summary keeps the best score).

Workers receive ``(sweep, seed, start, stop)``, generate their instances themselves and
return JSON-ready records: instances are never shipped one by one, and every exact value
travels as a string (``"3/7"``), never as a float (DESIGN.md, JSON contract).
"""

from __future__ import annotations

import random
import signal
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from exactmech.numbers import fraction_str

__all__ = ["Judgement", "Sweep", "instance_rng", "run_chunk", "to_jsonable"]


@dataclass(frozen=True)
class Judgement:
    """The verdict on one result: is it a counterexample, and how good is it.

    Attributes
    ----------
    counterexample
        ``True`` when the instance refutes the statement the sweep checks.
    score
        An exact number to maximise over the sweep (``None``: not scored).
    tag
        A category to count in the summary (``"strict gain"``, ``"equal"``, ...), or ``None``.
    """

    counterexample: bool = False
    score: Fraction | None = None
    tag: str | None = None


def _no_judgement(instance: Any, result: Any) -> Judgement:
    return Judgement()


@dataclass(frozen=True)
class Sweep:
    """A family of instances and the exact computation to run on each.

    The three functions must be picklable (module-level functions or
    :func:`functools.partial` of them) because they run in worker processes.

    Attributes
    ----------
    name
        Identifier (``"conj-4.3"``); part of the per-instance seed.
    generate
        ``generate(rng, index) -> instance``; ``rng`` is a :class:`random.Random` seeded by
        ``(name, seed, index)`` (see :func:`instance_rng`). A grid sweep ignores ``rng`` and
        maps ``index`` to a grid point.
    task
        ``task(instance) -> result``: the exact computation (Fractions, tuples, dicts).
    judge
        ``judge(instance, result) -> Judgement``; default: nothing is a counterexample.
    description
        One line for ``exactmech sweep --list``.
    size
        For grid sweeps, the number of grid points (the default ``n``); ``None`` for random
        sweeps, whose ``n`` the caller chooses.
    """

    name: str
    generate: Callable[[random.Random, int], Any]
    task: Callable[[Any], Any]
    judge: Callable[[Any, Any], Judgement] = field(default=_no_judgement)
    description: str = ""
    size: int | None = None


def instance_rng(name: str, seed: int, index: int) -> random.Random:
    """The generator of instance ``index``: a function of ``(name, seed, index)`` only.

    Python seeds :class:`random.Random` from a string through SHA-512, so the stream is the
    same on every platform and in every process, whatever the chunking.

    >>> instance_rng("demo", 0, 5).random() == instance_rng("demo", 0, 5).random()
    True
    >>> instance_rng("demo", 0, 5).random() == instance_rng("demo", 1, 5).random()
    False
    """
    return random.Random(f"exactmech-sweep:{name}:{seed}:{index}")


def to_jsonable(value: Any) -> Any:
    """An exact value as JSON data: Fractions as ``"a/b"`` strings, tuples as lists.

    Floats are refused: an exact sweep must never produce one.

    >>> to_jsonable({"x": Fraction(3, 7), "pair": (1, Fraction(1, 2)), "ok": True})
    {'x': '3/7', 'pair': [1, '1/2'], 'ok': True}
    >>> to_jsonable(0.5)
    Traceback (most recent call last):
    ...
    TypeError: to_jsonable(): 0.5 is a float; sweeps store exact values only
    """
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Fraction):
        return fraction_str(value)
    if isinstance(value, float):
        raise TypeError(f"to_jsonable(): {value!r} is a float; sweeps store exact values only")
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if type(value).__module__.startswith("sympy"):
        if getattr(value, "is_Rational", False):
            return fraction_str(Fraction(int(value.p), int(value.q)))
        return str(value)
    if hasattr(value, "to_json"):
        return to_jsonable(value.to_json())
    return repr(value)


class _TimeoutError(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _TimeoutError


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def run_one(sweep: Sweep, seed: int, index: int, timeout: float | None = None) -> dict[str, Any]:
    """Generate, compute and judge instance ``index``; never raises.

    The record has ``index``, ``instance`` and either ``result`` (with ``counterexample``
    and ``score``) or ``error`` (an exception's type and message, or ``"timeout"``).
    ``timeout`` (seconds) interrupts the task through ``SIGALRM`` where the task runs on a
    process's main thread (serial runs and process pools); on worker threads (a Dask worker)
    an instance that overruns is recorded as a time-out after it finishes.
    """
    record: dict[str, Any] = {"index": index}
    try:
        instance = sweep.generate(instance_rng(sweep.name, seed, index), index)
        record["instance"] = to_jsonable(instance)
    except Exception as exc:
        record["error"] = f"generate: {type(exc).__name__}: {exc}"
        return record
    use_alarm = timeout is not None and _can_alarm()
    t0 = time.perf_counter()
    previous: Any = None
    try:
        if use_alarm:
            previous = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, float(timeout))  # type: ignore[arg-type]
        try:
            result = sweep.task(instance)
        finally:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        if timeout is not None and time.perf_counter() - t0 > timeout:
            raise _TimeoutError
        verdict = sweep.judge(instance, result)
        record["result"] = to_jsonable(result)
        record["counterexample"] = bool(verdict.counterexample)
        record["score"] = None if verdict.score is None else fraction_str(verdict.score)
        if verdict.tag is not None:
            record["tag"] = verdict.tag
    except _TimeoutError:
        record["error"] = f"timeout after {timeout} s"
    except Exception as exc:
        tb = traceback.format_exc(limit=2).strip().splitlines()[-1]
        record["error"] = f"{type(exc).__name__}: {exc} ({tb})"
    return record


def run_chunk(
    sweep: Sweep, seed: int, start: int, stop: int, timeout: float | None = None
) -> dict[str, Any]:
    """Run instances ``start <= i < stop`` in order; the chunk's store record.

    This is the function every executor runs: a process pool, a Dask worker or the serial
    loop all call it with the same arguments and get the same records.
    """
    t0 = time.process_time()
    records = [run_one(sweep, seed, i, timeout) for i in range(start, stop)]
    return {
        "start": start,
        "stop": stop,
        "cpu_seconds": f"{time.process_time() - t0:.6f}",
        "records": records,
    }
