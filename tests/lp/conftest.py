"""Fixtures of the LP suite: every LP test runs on every method (issue 11).

``default_method`` parametrizes a test over ``"exact"`` and ``"float-guided"`` and makes
``method="auto"`` (the default of :func:`~exactmech.lp.linprog`, :func:`~exactmech.lp.linprog_lex`,
:meth:`~exactmech.lp.LinearProgram.solve`) resolve to that method, so an unchanged test body
asserts the same exact results under both. Tests that name a method explicitly keep it.
"""

from __future__ import annotations

import pytest

from exactmech.lp import guided

LP_METHODS = ["exact", "float-guided"] if guided.available() else ["exact"]


@pytest.fixture(params=LP_METHODS)
def default_method(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The method ``"auto"`` stands for during this test."""
    from exactmech.lp import solve as solve_mod

    chosen: str = request.param
    real = solve_mod._pick_method

    def pick(method: str, problem: object) -> str:
        return real(chosen if method == "auto" else method, problem)  # type: ignore[arg-type]

    monkeypatch.setattr(solve_mod, "_pick_method", pick)
    return chosen
