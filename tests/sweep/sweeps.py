"""Small picklable sweeps for the tests (module-level functions, so any worker can run them)."""

from __future__ import annotations

import random
import time
from fractions import Fraction
from typing import Any

from exactmech.sweep import Judgement, Sweep


def gen_pair(rng: random.Random, index: int) -> tuple[int, int]:
    return rng.randint(-9, 9), rng.randint(1, 9)


def task_ratio(instance: tuple[int, int]) -> dict[str, Fraction]:
    a, b = instance
    return {"q": Fraction(a, b)}


def judge_every_seventh(instance: Any, result: dict[str, Fraction]) -> Judgement:
    return Judgement(counterexample=result["q"] > 8, score=result["q"])


RATIO = Sweep("test-ratio", gen_pair, task_ratio, judge_every_seventh)


def gen_index(rng: random.Random, index: int) -> int:
    return index


def task_fails_on_multiples_of_5(i: int) -> int:
    if i % 5 == 0:
        raise ZeroDivisionError(f"instance {i}")
    return i


def task_sleeps_on_3(i: int) -> int:
    if i == 3:
        time.sleep(2)
    return i


def task_float(i: int) -> float:
    return i / 2


FAILING = Sweep("test-failing", gen_index, task_fails_on_multiples_of_5)
SLEEPY = Sweep("test-sleepy", gen_index, task_sleeps_on_3, size=6)
FLOATY = Sweep("test-float", gen_index, task_float, size=3)
