"""The netlib LPs of ../shared/data/netlib: every one solved exactly with a checked certificate."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from exactmech.lp import check, read_mps, solve_problem
from tests.lp.netlib_data import NETLIB

DATA = NETLIB
REF = json.loads((DATA / "reference.json").read_text()) if DATA.exists() else {}

pytestmark = pytest.mark.skipif(not DATA.exists(), reason=f"netlib data not found at {DATA}")


@pytest.mark.parametrize("name", sorted(REF))
def test_netlib_exact(name: str) -> None:
    info = REF[name]
    res = solve_problem(read_mps(DATA / f"{name}.mps"), method="float-guided")
    assert res.status == info["status"]
    assert check(res)
    if res.status == "optimal":
        assert res.fun is not None
        float_opt = Fraction(info["highs_float_optimum"])
        assert abs(res.fun - float_opt) <= Fraction(1, 10**9) * max(abs(res.fun), Fraction(1))


def test_afiro_exact_optimum() -> None:
    res = solve_problem(read_mps(DATA / "afiro.mps"), method="exact")
    assert res.fun == Fraction(-406659, 875)
