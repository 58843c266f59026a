"""Named sweeps: the searches and property runs that ``exactmech sweep NAME`` knows.

Like the claims registry, this module sits above the paper modules and only calls their
public, pure per-instance functions. Each entry maps a name to a factory
``factory(**options) -> Sweep``; the factories are module-level so that the sweeps they build
pickle to any worker.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from exactmech.sweep.core import Judgement, Sweep

__all__ = ["NAMED_SWEEPS", "NamedSweep", "named_sweep"]


@dataclass(frozen=True)
class NamedSweep:
    """A registry entry: the factory, what it checks, and where the statement is from."""

    factory: Callable[..., Sweep]
    description: str
    source: str


# ---------------------------------------------------------------------------------------
# myerson-lp: Myerson's auction is optimal (revenue = the optimal-mechanism LP optimum)
# ---------------------------------------------------------------------------------------


def _random_discrete(rng: random.Random, max_types: int, max_value: int) -> dict[str, Any]:
    k = rng.randint(1, max_types)
    values = sorted(rng.sample(range(1, max_value + 1), k))
    weights = [rng.randint(1, 9) for _ in values]
    total = sum(weights)
    return {"values": values, "probs": [Fraction(w, total) for w in weights]}


def _myerson_lp_instance(rng: random.Random, index: int) -> list[dict[str, Any]]:
    buyers = rng.randint(1, 2)
    return [_random_discrete(rng, 3, 8) for _ in range(buyers)]


def _myerson_lp_task(instance: list[dict[str, Any]]) -> dict[str, Fraction]:
    from exactmech.auctions import myerson_discrete, optimal_mechanism
    from exactmech.dist import Discrete

    dists = [Discrete(b["values"], b["probs"]) for b in instance]
    lp = optimal_mechanism(
        [b["values"] for b in instance], [b["probs"] for b in instance], tie=None
    )
    if lp.revenue is None:  # pragma: no cover - the LP of a valid prior is always feasible
        raise ValueError("myerson-lp: the optimal-mechanism LP has no optimum")
    return {"myerson": myerson_discrete(dists).revenue, "lp": lp.revenue}


def _myerson_lp_judge(instance: Any, result: dict[str, Fraction]) -> Judgement:
    gap = result["lp"] - result["myerson"]
    return Judgement(counterexample=gap != 0, score=gap)


def myerson_lp() -> Sweep:
    """Random independent discrete priors (1–2 buyers, ≤ 3 types, values in 1..8).

    Checks Myerson's theorem as exactmech implements it: the revenue of
    :func:`~exactmech.auctions.myerson_discrete` (ironed virtual values, paper 001
    Algorithm 1) equals the optimum of the optimal-mechanism LP of paper 000 §3.1. The score
    is the gap LP − Myerson (0 everywhere when the theorem and both codes are right).
    """
    return Sweep(
        "myerson-lp",
        _myerson_lp_instance,
        _myerson_lp_task,
        _myerson_lp_judge,
        description="Myerson revenue = optimal-mechanism LP revenue on random discrete priors",
    )


# ---------------------------------------------------------------------------------------
# regions: paper 004's main theorem on a grid of the (p_b̄, p_s̲) square
# ---------------------------------------------------------------------------------------


def _grid_point(
    grid: int, values: tuple[int, int, int, int], rng: random.Random, index: int
) -> dict[str, Any]:
    i, j = divmod(index, grid - 1)
    return {
        "values": list(values),
        "p_b_hi": Fraction(i + 1, grid),
        "p_s_lo": Fraction(j + 1, grid),
    }


def _regions_task(instance: dict[str, Any]) -> dict[str, object]:
    from exactmech.papers.information_games import TradeParams, figure5_point

    s_lo, b_lo, s_hi, b_hi = instance["values"]
    th = TradeParams(s_lo, b_lo, s_hi, b_hi, instance["p_b_hi"], instance["p_s_lo"])
    return figure5_point(th, lp=True)


def _regions_judge(instance: Any, result: dict[str, Any]) -> Judgement:
    gap = result["lp"] - result["w_star"]
    return Judgement(counterexample=gap != 0, score=result["w_star"])


def regions(grid: int = 20, values: str = "1,2,3,5") -> Sweep:
    """Paper 004 (Theorems 3.2–3.3, Figure 5) on the grid ``p ∈ {1/grid, …, (grid−1)/grid}²``.

    At each point: the region, ``W_FP``, ``W_DS``, ``W*`` in closed form and the value of the
    extortion LP on the region's list of information structures
    (:func:`exactmech.papers.information_games.figure5_point`); a counterexample is a point
    where the LP and ``W*`` differ. ``values`` are ``s̲, b̲, s̄, b̄``.
    """
    from functools import partial

    if grid < 2:
        raise ValueError(f"regions(): grid={grid} must be at least 2")
    vals = tuple(int(v) for v in str(values).split(","))
    if len(vals) != 4:
        raise ValueError(f"regions(): values={values!r} must be four integers s,b,S,B")
    return Sweep(
        "regions",
        partial(_grid_point, grid, vals),
        _regions_task,
        _regions_judge,
        description="paper 004: W*(θ) in closed form = the extortion LP, on a grid",
        size=(grid - 1) ** 2,
    )


NAMED_SWEEPS: dict[str, NamedSweep] = {
    "myerson-lp": NamedSweep(
        myerson_lp,
        "Myerson's auction attains the optimal-mechanism LP revenue (random priors)",
        "Myerson (1981); paper 001 Algorithm 1 vs paper 000 §3.1",
    ),
    "regions": NamedSweep(
        regions,
        "W*(θ) of the main theorem equals the extortion LP on a grid of (p_b̄, p_s̲) "
        "(options: grid, values)",
        "paper 004, Theorems 3.2–3.3, Figure 5",
    ),
}


def named_sweep(name: str, **options: Any) -> Sweep:
    """The registered sweep ``name`` built with ``options``.

    >>> named_sweep("myerson-lp").name
    'myerson-lp'
    >>> named_sweep("nope")
    Traceback (most recent call last):
    ...
    ValueError: named_sweep(): unknown sweep 'nope'; known: ...
    """
    try:
        entry = NAMED_SWEEPS[name]
    except KeyError:
        raise ValueError(
            f"named_sweep(): unknown sweep {name!r}; known: {', '.join(sorted(NAMED_SWEEPS))}"
        ) from None
    return entry.factory(**options)
