"""Named sweeps: the searches and property runs that ``exactmech sweep NAME`` knows.

Like the claims registry, this module sits above the paper modules and only calls their
public, pure per-instance functions. Each entry maps a name to a factory
``factory(**options) -> Sweep``; the factories are module-level so that the sweeps they build
pickle to any worker.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
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
# conj-4.2 / conj-4.3: paper 000's conjectures on interval disclosure (§4.2)
# ---------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _grid_list(grid: int) -> tuple[Any, ...]:
    from exactmech.papers.disclosure_continuous import grid_partitions

    return tuple(grid_partitions(grid))


def _random_partition(rng: random.Random, fine: int, max_cuts: int) -> Any:
    from exactmech.papers.disclosure_continuous import Segment, interval_partition

    k = rng.randint(0, min(max_cuts, fine - 1))
    cuts = sorted(rng.sample(range(1, fine), k))
    ends = [Fraction(0), *(Fraction(c, fine) for c in cuts), Fraction(1)]
    return interval_partition(
        [Segment(lo, hi, rng.random() < 0.5) for lo, hi in itertools.pairwise(ends)]
    )


def _conj_instance(
    symmetric: bool, grid: int, fine: int, restarts: int, rng: random.Random, index: int
) -> dict[str, Any]:
    parts = _grid_list(grid)
    size = len(parts) if symmetric else len(parts) ** 2
    if index < size:  # the exhaustive part: every (pair of) grid partition(s), in order
        i, j = (index, index) if symmetric else divmod(index, len(parts))
        return {
            "kind": "grid",
            "grid": grid,
            "a": str(parts[i]),
            "b": str(parts[j]),
            "ia": i,
            "ib": j,
        }
    if restarts:  # a local search from random starts on the grid (paper 000 §4.2 search)
        return {"kind": "local", "grid": grid, "seed": rng.randrange(2**32)}
    a = _random_partition(rng, fine, 4)
    b = a if symmetric else _random_partition(rng, fine, 4)
    return {"kind": "random", "fine": fine, "a": a, "b": b}


def _conj_task(symmetric: bool, instance: dict[str, Any]) -> dict[str, Any]:
    from exactmech.papers.disclosure_continuous import local_search, objective_value

    if instance["kind"] == "grid":
        parts = _grid_list(instance["grid"])
        pair = (parts[instance["ia"]], parts[instance["ib"]])
        return {"value": objective_value(pair)}
    if instance["kind"] == "local":
        res = local_search(instance["grid"], seed=instance["seed"], symmetric=symmetric, restarts=1)
        return {"value": res.value, "best": [str(p) for p in res.best]}
    return {"value": objective_value((instance["a"], instance["b"]))}


def _conj_judge(bound: Fraction, instance: Any, result: dict[str, Any]) -> Judgement:
    return Judgement(counterexample=result["value"] > bound, score=result["value"])


def _conjecture(
    symmetric: bool, bound: Fraction, name: str, grid: int, fine: int, restarts: int
) -> Sweep:
    from functools import partial

    if grid < 1 or fine < 1:
        raise ValueError(f"{name}: grid={grid} and fine={fine} must be positive")
    parts = len(_grid_list(grid))
    return Sweep(
        name,
        partial(_conj_instance, symmetric, grid, fine, restarts),
        partial(_conj_task, symmetric),
        partial(_conj_judge, bound),
        description=f"paper 000 {'Conjecture 4.3' if symmetric else 'Conjecture 4.2'}",
        size=parts if symmetric else parts**2,
    )


def conj_4_2(grid: int = 4, fine: int = 24, restarts: int = 0) -> Sweep:
    """Paper 000, Conjecture 4.2: no pair of interval partitions gives buyer surplus > 11/64.

    Instances ``0 .. P²−1`` are every pair of grid partitions (breakpoints on ``1/grid``,
    each segment pooled or revealed; ``P = 2·3^(grid−1)``), so the default ``n`` is an
    exhaustive scan; further instances are random pairs with at most four breakpoints on
    ``1/fine`` or, with ``restarts=1``, local searches on ``1/grid`` from random starts.
    A counterexample is a pair above 11/64; the score is the exact buyer surplus.
    """
    return _conjecture(False, Fraction(11, 64), "conj-4.2", grid, fine, restarts)


def conj_4_3(grid: int = 8, fine: int = 24, restarts: int = 0) -> Sweep:
    """Paper 000, Conjecture 4.3: no symmetric pair of interval partitions beats 1/6.

    Instances ``0 .. P−1`` are every grid partition used by both buyers (``P = 2·3^(grid−1)``,
    4374 for the default grid 1/8); further instances are random symmetric partitions with
    at most four breakpoints on ``1/fine`` or, with ``restarts=1``, symmetric local searches.
    """
    return _conjecture(True, Fraction(1, 6), "conj-4.3", grid, fine, restarts)


# ---------------------------------------------------------------------------------------
# lemma-3 ... lemma-7: paper 001's lemmas on random product priors
# ---------------------------------------------------------------------------------------

_LEMMAS = ("lemma3", "lemma4", "lemma5", "lemma6", "lemma7")


def _lemma_instance(options: dict[str, Any], rng: random.Random, index: int) -> dict[str, Any]:
    return {"seed": rng.randrange(2**62), **options}


def _lemma_task(name: str, instance: dict[str, Any]) -> dict[str, Any]:
    from exactmech.papers.intermediary import check_seeded

    opts = {k: v for k, v in instance.items() if k != "seed"}
    r = check_seeded(name, instance["seed"], **opts)
    return {
        "holds": r.holds,
        "lhs": r.lhs,
        "rhs": r.rhs,
        "printed_holds": r.details.get("printed_holds"),
    }


def _lemma_judge(printed: bool, instance: Any, result: dict[str, Any]) -> Judgement:
    failed = not result["holds"]
    if printed and result["printed_holds"] is not None:
        failed = failed or not result["printed_holds"]
    return Judgement(counterexample=failed, score=result["rhs"] - result["lhs"])


def _lemma_sweep(
    name: str,
    buyers: int = 3,
    support: int = 3,
    max_value: int = 6,
    regular: str = "any",
    iid: int = 0,
    printed: int = 0,
) -> Sweep:
    from functools import partial

    if regular not in ("any", "yes", "no"):
        raise ValueError(f"lemma sweeps: regular={regular!r}; expected any, yes or no")
    options: dict[str, Any] = {
        "buyers": buyers,
        "support": support,
        "max_value": max_value,
        "iid": bool(iid),
    }
    if regular != "any":
        options["regular"] = regular == "yes"
    return Sweep(
        f"lemma-{name[-1]}",
        partial(_lemma_instance, options),
        partial(_lemma_task, name),
        partial(_lemma_judge, bool(printed)),
        description=f"paper 001, Lemma {name[-1]} on random product priors",
    )


def _lemma_factory(name: str) -> Callable[..., Sweep]:
    def factory(**options: Any) -> Sweep:
        return _lemma_sweep(name, **options)

    factory.__doc__ = (
        f"Paper 001, Lemma {name[-1]}, checked by "
        f":func:`exactmech.papers.intermediary.check_seeded` on random product priors "
        "(options: buyers, support, max_value, regular=any|yes|no, iid, printed=1 to count "
        "failures of the printed constants too). The score is rhs − lhs: the best instance "
        "is the tightest one."
    )
    return factory


# ---------------------------------------------------------------------------------------
# fixed-price: paper 002, how often does signaling strictly beat the fixed price?
# ---------------------------------------------------------------------------------------


def _lower_30(x: Any) -> Fraction:
    """An exact real (Fraction or sympy number) rounded down to 30 decimals, as a Fraction."""
    if isinstance(x, Fraction):
        return x
    import sympy

    scale = 10**30
    return Fraction(int(sympy.floor(sympy.nsimplify(x) * scale)), scale)


def _fixed_price_task(options: dict[str, Any], instance: dict[str, Any]) -> dict[str, Any]:
    from exactmech.papers.fixed_price_signaling import signaling_gain_trial

    t = signaling_gain_trial(instance["seed"], **options)
    return {
        "values": t.instance.values,
        "probs": t.instance.probs,
        "fixed_price": t.fixed_price_revenue,
        "signaling": t.signaling_revenue,
        "strictly_better": t.strictly_better,
    }


def _fixed_price_judge(instance: Any, result: dict[str, Any]) -> Judgement:
    gain = _lower_30(result["signaling"] - result["fixed_price"])
    return Judgement(
        counterexample=result["signaling"] < result["fixed_price"],
        score=gain,
        tag="signaling strictly better" if result["strictly_better"] else "equal",
    )


def fixed_price(n: int = 2, K: int = 3, signals: str = "recommendation") -> Sweep:
    """Paper 002: on random discrete instances (``n`` buyers, ``K`` quality levels), how often
    does the optimal signaling mechanism strictly beat the best fixed price (ex-interim)?

    Each instance is :func:`exactmech.papers.fixed_price_signaling.signaling_gain_trial` of
    a seed drawn from the instance generator. The summary counts the two outcomes (tags);
    a counterexample would be signaling earning less than the fixed price (paper 002, §5);
    the score is the gain (rounded down to 30 decimals when it is irrational).
    ``signals="action-profiles"`` allows several buyers to be told to buy at once.
    """
    from functools import partial

    if signals not in ("recommendation", "action-profiles"):
        raise ValueError(
            f"fixed-price: signals={signals!r}; expected recommendation or action-profiles"
        )
    options = {"n": n, "K": K, "signals": signals}
    return Sweep(
        "fixed-price",
        partial(_lemma_instance, {}),
        partial(_fixed_price_task, options),
        _fixed_price_judge,
        description="paper 002: signaling vs the best fixed price on random instances",
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
    "conj-4.2": NamedSweep(
        conj_4_2,
        "no pair of interval partitions beats buyer surplus 11/64 (options: grid, fine, restarts)",
        "paper 000, §4.2, Conjecture 4.2",
    ),
    "conj-4.3": NamedSweep(
        conj_4_3,
        "no symmetric pair of interval partitions beats 1/6 (options: grid, fine, restarts)",
        "paper 000, §4.2, Conjecture 4.3",
    ),
    **{
        f"lemma-{name[-1]}": NamedSweep(
            _lemma_factory(name),
            f"Lemma {name[-1]} holds on random product priors (options: buyers, support, "
            "max_value, regular, iid, printed)",
            f"paper 001, Lemma {name[-1]}",
        )
        for name in _LEMMAS
    },
    "fixed-price": NamedSweep(
        fixed_price,
        "how often signaling strictly beats the best fixed price (options: n, K, signals)",
        "paper 002, §4–§5, programme (18) vs Proposition 3.2",
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
