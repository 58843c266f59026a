"""The claims registry: every claim runs and matches (or is a recorded, reproduced erratum)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from exactmech.claims import PAPERS, Claim, Erratum, all_claims, claims_for, run_claims

CLAIMS = all_claims()


@pytest.mark.parametrize("claim", CLAIMS, ids=[c.id for c in CLAIMS])
def test_claim_reproduces(claim: Claim) -> None:
    result = claim.run()
    assert result.status in ("match", "paper-erratum"), result.note
    if claim.erratum is not None:
        assert result.status == "paper-erratum"
        assert len(claim.erratum.explanation) > 40


def test_registry_ids_unique_and_papers_known() -> None:
    ids = [c.id for c in CLAIMS]
    assert len(ids) == len(set(ids))
    assert {c.paper for c in CLAIMS} <= set(PAPERS)
    assert all(c.paper == "lp" for c in claims_for("lp"))
    with pytest.raises(ValueError, match="unknown paper"):
        claims_for("999")


def test_statuses_of_a_claim() -> None:
    ok = Claim("t.ok", "lp", "here", "one half", Fraction(1, 2), lambda: Fraction(2, 4))
    bad = Claim("t.bad", "lp", "here", "one half", Fraction(1, 2), lambda: Fraction(1, 3))
    boom = Claim("t.err", "lp", "here", "boom", 1, lambda: 1 // 0)
    err = Claim(
        "t.erratum",
        "lp",
        "here",
        "printed 1/3",
        Fraction(1, 3),
        lambda: Fraction(1, 2),
        erratum=Erratum(Fraction(1, 2), "the source adds 1/6 twice; the correct value is 1/2"),
    )
    stale = Claim(
        "t.stale",
        "lp",
        "here",
        "printed 1/3",
        Fraction(1, 3),
        lambda: Fraction(1, 3),
        erratum=Erratum(Fraction(1, 2), "x"),
    )
    statuses = [r.status for r in run_claims([ok, bad, boom, err, stale])]
    assert statuses == ["match", "mismatch", "error", "paper-erratum", "mismatch"]
    assert "ZeroDivisionError" in boom.run().note
    record = err.run().to_json()
    assert record == {
        "id": "t.erratum",
        "paper": "lp",
        "location": "here",
        "statement": "printed 1/3",
        "expected": "1/3",
        "computed": "1/2",
        "status": "paper-erratum",
        "note": "the source adds 1/6 twice; the correct value is 1/2",
    }
