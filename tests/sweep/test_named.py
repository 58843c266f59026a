"""The named sweeps: each runs its paper's public functions and reports what it checks."""

from __future__ import annotations

from fractions import Fraction

import pytest

from exactmech.papers.information_games import TradeParams, w_star
from exactmech.sweep import NAMED_SWEEPS, named_sweep, run_sweep


def test_every_named_sweep_builds_and_names_its_source() -> None:
    for name, entry in NAMED_SWEEPS.items():
        assert named_sweep(name).name == name
        assert entry.source and entry.description


def test_regions_grid_is_the_figure5_square() -> None:
    """Paper 004, Theorems 3.2-3.3: on a 5x5 grid the extortion LP equals W*(θ) everywhere,
    and the best score is the largest W* over the grid."""
    s = run_sweep(named_sweep("regions", grid=6), jobs=1)
    assert s.complete and s.n == 25 and not s.counterexamples and not s.failures
    best = max(
        w_star(TradeParams(1, 2, 3, 5, Fraction(i, 6), Fraction(j, 6)))
        for i in range(1, 6)
        for j in range(1, 6)
    )
    assert Fraction(s.best["score"]) == best


def test_named_sweep_option_errors() -> None:
    with pytest.raises(ValueError, match="grid=1"):
        named_sweep("regions", grid=1)
    with pytest.raises(ValueError, match="four integers"):
        named_sweep("regions", values="1,2,3")
    with pytest.raises(ValueError, match="unknown sweep 'nope'"):
        named_sweep("nope")


def test_conj_4_2_sweep_finds_the_counterexample_on_the_quarter_grid() -> None:
    """Paper 000, §4.2, Conjecture 4.2 is false: the exhaustive scan of the 54² pairs of
    quarter-grid partitions finds exactly the two mirror pairs at 265/1536 > 11/64, and the
    best score equals the paper module's own exhaustive search."""
    from exactmech.papers.disclosure_continuous import exhaustive_search

    s = run_sweep(named_sweep("conj-4.2"), jobs=1)
    assert s.complete and s.n == 54**2 and not s.failures
    assert [Fraction(r["result"]["value"]) for r in s.counterexamples] == [Fraction(265, 1536)] * 2
    assert {(r["instance"]["a"], r["instance"]["b"]) for r in s.counterexamples} == {
        ("{[0, 1]}", "{[0, 1/4], [1/4, 1/2], [1/2, 1]}"),
        ("{[0, 1/4], [1/4, 1/2], [1/2, 1]}", "{[0, 1]}"),
    }
    assert Fraction(s.best["score"]) == exhaustive_search(4).value


def test_conj_4_3_sweep_exhaustive_then_random() -> None:
    """Paper 000, §4.2, Conjecture 4.3 on the grid 1/3 (18 symmetric partitions) plus random
    fine-grid partitions: nothing beats 1/6, and no disclosure attains it."""
    sweep = named_sweep("conj-4.3", grid=3, fine=12)
    assert sweep.size == 18
    s = run_sweep(sweep, 40, jobs=1)
    assert s.complete and not s.counterexamples and not s.failures
    assert s.best["score"] == "1/6" and s.best["index"] == 0
    kinds = [r["instance"]["kind"] for r in run_sweep_records(sweep, 40)]
    assert kinds == ["grid"] * 18 + ["random"] * 22


def test_conj_local_search_restarts() -> None:
    """With restarts=1 the instances past the grid are local searches (paper 000 §4.2)."""
    s = run_sweep(named_sweep("conj-4.2", grid=2, restarts=1), 6**2 + 2, jobs=1)
    local = [
        r
        for r in run_sweep_records(named_sweep("conj-4.2", grid=2, restarts=1), 38)
        if r["instance"]["kind"] == "local"
    ]
    assert len(local) == 2 and all("best" in r["result"] for r in local)
    assert s.complete and not s.failures


def run_sweep_records(sweep, n):  # type: ignore[no-untyped-def]
    from exactmech.sweep import run_chunk

    return run_chunk(sweep, 0, 0, n)["records"]


@pytest.mark.parametrize("lemma", ["3", "4", "5", "6", "7"])
def test_lemma_sweeps_match_check_seeded(lemma: str) -> None:
    """Paper 001, Lemmas 3-7: each sweep record is exactly the paper module's check on the
    seeded prior, and the proved statements hold on these instances."""
    from exactmech.papers.intermediary import check_seeded

    sweep = named_sweep(f"lemma-{lemma}", buyers=2)
    recs = run_sweep_records(sweep, 6)
    for r in recs:
        check = check_seeded(
            f"lemma{lemma}", r["instance"]["seed"], buyers=2, support=3, max_value=6, iid=False
        )
        assert r["result"]["holds"] is check.holds is True
        assert (Fraction(r["result"]["lhs"]), Fraction(r["result"]["rhs"])) == (
            check.lhs,
            check.rhs,
        )


def test_lemma5_printed_constant_fails_on_some_two_buyer_prior() -> None:
    """Paper 001, end of Lemma 5's proof: the printed constant 1/(1 + ln n) fails on some
    two-buyer priors (an erratum), while the proved 1/(1 + H_{n-1}) holds."""
    s = run_sweep(named_sweep("lemma-5", buyers=2, printed=1), 100, jobs=1)
    assert s.counterexamples and all(r["result"]["holds"] for r in s.counterexamples)
    assert all(r["result"]["printed_holds"] is False for r in s.counterexamples)
    with pytest.raises(ValueError, match="regular='maybe'"):
        named_sweep("lemma-3", regular="maybe")


def test_fixed_price_sweep_counts_strict_gains() -> None:
    """Paper 002, §5: signaling never earns less than the best fixed price; the sweep's tags
    count the instances where it earns strictly more, each equal to the paper module's own
    `signaling_gain_trial` verdict."""
    from exactmech.papers.fixed_price_signaling import signaling_gain_trial

    s = run_sweep(named_sweep("fixed-price"), 30, jobs=1)
    assert s.complete and not s.counterexamples and not s.failures
    recs = run_sweep_records(named_sweep("fixed-price"), 30)
    strict = sum(signaling_gain_trial(r["instance"]["seed"]).strictly_better for r in recs)
    assert s.tags.get("signaling strictly better", 0) == strict
    assert sum(s.tags.values()) == 30
    with pytest.raises(ValueError, match="signals='x'"):
        named_sweep("fixed-price", signals="x")
