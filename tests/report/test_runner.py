"""Parallel claim runs: identical results in the same order as serial; fail-fast; pickling."""

from __future__ import annotations

from fractions import Fraction

import pytest

from exactmech.claims import Claim, claims_for, run_claims
from exactmech.report.runner import default_jobs, run_claims_parallel
from exactmech.report.values import value_str


def _key(results: list) -> list[tuple[str, str, str, str]]:
    return [
        (
            r.claim.id,
            r.status,
            value_str(r.computed) if r.status != "error" else "",
            r.note.split("\n")[0],
        )
        for r in results
    ]


def test_parallel_equals_serial_on_registered_claims() -> None:
    claims = claims_for("lp") + claims_for("001")
    serial = run_claims(claims)
    par = run_claims_parallel(claims, jobs=2)
    assert par.jobs == 2 and not par.stopped_early
    assert _key(par.results) == _key(serial)
    assert [r.claim for r in par.results] == claims


def _synthetic() -> list[Claim]:
    out = []
    for k in range(9):
        expected = Fraction(k, 3) if k != 4 else Fraction(99)
        out.append(Claim(f"s.{k}", "lp", "-", f"k={k}", expected, lambda k=k: Fraction(k, 3)))
    out.append(Claim("s.err", "lp", "-", "boom", 1, lambda: 1 // 0))
    return out


def test_fail_fast_stops_at_first_failure_in_claim_order() -> None:
    claims = _synthetic()
    serial = run_claims_parallel(claims, jobs=1, fail_fast=True)
    par = run_claims_parallel(claims, jobs=2, fail_fast=True)
    assert [r.claim.id for r in serial.results] == ["s.0", "s.1", "s.2", "s.3", "s.4"]
    assert _key(par.results) == _key(serial.results)
    assert par.stopped_early and serial.stopped_early
    full = run_claims_parallel(claims, jobs=3)
    assert [r.status for r in full.results][-2:] == ["match", "error"]
    assert "ZeroDivisionError" in full.results[-1].note


def test_unpicklable_values_are_recomputed_in_the_parent() -> None:
    gen_claims = [
        Claim(f"u.{k}", "lp", "-", "a local function", True, lambda: lambda: 1) for k in range(3)
    ]
    res = run_claims_parallel(gen_claims, jobs=2)
    assert [r.status for r in res.results] == ["mismatch"] * 3
    assert all(callable(r.computed) for r in res.results)


def test_progress_callback_and_jobs_validation() -> None:
    seen: list[str] = []
    run_claims_parallel(_synthetic(), jobs=2, progress=lambda r: seen.append(r.claim.id))
    assert sorted(seen) == sorted(c.id for c in _synthetic())
    assert default_jobs() >= 1
    with pytest.raises(ValueError, match="jobs=0"):
        run_claims_parallel(_synthetic(), jobs=0)
    assert run_claims_parallel([], jobs=4).results == []
