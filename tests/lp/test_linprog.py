"""The public ``linprog`` / ``linprog_lex`` contract (DESIGN.md), errors and result objects."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from exactmech.errors import FloatInputError, InvalidProblemError, LPStatusError, ShapeError
from exactmech.lp import Certificate, check, linprog, linprog_lex

pytestmark = pytest.mark.usefixtures("default_method")

F = Fraction


def test_textbook_lp_primal_dual() -> None:
    # max 3x + 5y s.t. x <= 4, 2y <= 12, 3x + 2y <= 18 (Hillier & Lieberman's Wyndor problem)
    res = linprog([3, 5], A_ub=[[1, 0], [0, 2], [3, 2]], b_ub=[4, 12, 18], maximize=True)
    assert (res.status, res.fun, res.x) == ("optimal", F(36), (F(2), F(6)))
    assert res.dual_ub == (0, F(3, 2), F(1))
    assert res.success
    assert check(res)


def test_inputs_accept_strings_sympy_and_fractions() -> None:
    res = linprog(["-1", sympy.Rational(-1)], A_ub=[["0.5", F(1)]], b_ub=["3/2"])
    assert res.fun == F(-3)


def test_float_input_names_entry() -> None:
    with pytest.raises(FloatInputError, match=r"A_ub\[0\]\[1\]=0.1 is a float"):
        linprog([1, 1], A_ub=[[1, 0.1]], b_ub=[1])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"A_ub": [[1, 2, 3]], "b_ub": [1]}, r"A_ub\[0\] has 3 entries, expected 2"),
        ({"A_ub": [[1, 2]], "b_ub": [1, 2]}, "A_ub has 1 rows but b_ub has 2"),
        ({"A_eq": [[1, 2]]}, "must be given together"),
        ({"bounds": [(0, 1)]}, "1 bounds given for 2 variables"),
        ({"bounds": {5: (0, 1)}}, "not a variable index"),
    ],
)
def test_inconsistent_shapes(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(ShapeError, match=match):
        linprog([1, 1], **kwargs)  # type: ignore[arg-type]


def test_crossing_bounds_and_unknown_method() -> None:
    with pytest.raises(InvalidProblemError, match="lower bound above upper bound"):
        linprog([1], bounds=[(2, 1)])
    with pytest.raises(InvalidProblemError, match="method"):
        linprog([1], method="magic")


def test_infeasible_result_is_data_and_raise_for_status() -> None:
    res = linprog([1, 1], A_ub=[[-1, -1]], b_ub=[-3], bounds=(0, 1))
    assert res.status == "infeasible" and res.fun is None and res.x is None
    assert res.certificate.kind == "infeasible"
    assert check(res)
    with pytest.raises(LPStatusError, match="infeasible") as info:
        res.raise_for_status()
    assert info.value.result is res


def test_unbounded_ray() -> None:
    res = linprog([-1, 0], A_ub=[[1, -1]], b_ub=[1])
    assert res.status == "unbounded"
    cert = res.certificate
    assert cert.ray is not None and cert.x is not None
    assert -cert.ray[0] < 0  # improving
    assert cert.ray[0] - cert.ray[1] <= 0  # stays feasible


def test_repr_prints_fractions_not_floats() -> None:
    res = linprog([-1, -1], A_ub=[[1, 2], [3, 1]], b_ub=[4, 6])
    text = repr(res)
    assert text.startswith("LPResult(status='optimal', fun=-14/5, x=(8/5, 6/5)")
    assert "." not in text.split("nit")[0]
    assert (
        res._repr_latex_() == r"$\text{optimal: } -\frac{14}{5},\ x = (\frac{8}{5}, \frac{6}{5})$"
    )
    assert res.to_json()["fun"] == "-14/5"


def test_certificate_json_round_trip() -> None:
    res = linprog([-1, -1], A_ub=[[1, 2], [3, 1]], b_ub=[4, 6])
    data = res.certificate.to_json()
    assert data["x"] == ["8/5", "6/5"]
    assert Certificate.from_json(data) == res.certificate


def test_lex_breaks_ties() -> None:
    # max x + y on x + y <= 2: a whole edge is optimal; the second objective picks x = 2.
    r = linprog_lex([[1, 1], [1, 0]], A_ub=[[1, 1]], b_ub=[2], maximize=True)
    assert r.status == "optimal"
    assert r.fun == (F(2), F(2))
    assert r.x == (F(2), F(0))
    r = linprog_lex([[1, 1], [0, 1]], A_ub=[[1, 1]], b_ub=[2], maximize=True)
    assert r.x == (F(0), F(2))
    assert check(r)


def test_lex_face_problem_and_stage_duals() -> None:
    # min x + y s.t. x + y >= 1 (edge optimal), then min x - y on the face: x=0, y=1.
    r = linprog_lex([[1, 1], [1, -1]], A_ub=[[-1, -1]], b_ub=[-1])
    assert r.fun == (F(1), F(-1))
    assert r.x == (F(0), F(1))
    face = r.face_problem(1)
    assert face.A_eq[-1] == ((0, F(1)), (1, F(1)))
    stage = r.stages[1]
    assert stage.problem is not None and len(stage.problem.A_ub) == 2
    assert check(stage)


def test_lex_unbounded_second_stage() -> None:
    r = linprog_lex([[1, 0], [0, -1]], A_ub=[[-1, 0]], b_ub=[-1])
    assert r.status == "unbounded"
    assert r.fun == (F(1),)
    assert check(r)


def test_check_rejects_tampered_certificates() -> None:
    from dataclasses import replace

    from exactmech.errors import CertificateError

    res = linprog([-1, -1], A_ub=[[1, 2], [3, 1]], b_ub=[4, 6])
    bad = replace(res, certificate=replace(res.certificate, dual_ub=(F(-1, 2), F(-1, 5))))
    with pytest.raises(CertificateError, match="dual objective"):
        check(bad)
    bad = replace(res, certificate=replace(res.certificate, x=(F(2), F(1))))
    with pytest.raises(CertificateError, match="violated"):
        check(bad)
    bad = replace(res, fun=F(-3))
    with pytest.raises(CertificateError, match="fun"):
        check(bad)
    inf = linprog([1, 1], A_ub=[[-1, -1]], b_ub=[-3], bounds=(0, 1))
    bad = replace(inf, certificate=replace(inf.certificate, farkas_ub=(F(0),)))
    with pytest.raises(CertificateError, match="not negative"):
        check(bad)
    unb = linprog([-1, 0], A_ub=[[1, -1]], b_ub=[1])
    bad = replace(unb, certificate=replace(unb.certificate, ray=(F(1), F(0))))
    with pytest.raises(CertificateError, match="ray"):
        check(bad)


def test_every_method_is_exercised(default_method: str) -> None:
    """The ``default_method`` fixture really switches what ``method="auto"`` means."""
    res = linprog([3, 5], A_ub=[[1, 0], [0, 2], [3, 2]], b_ub=[4, 12, 18], maximize=True)
    assert res.method == default_method
    r = linprog_lex([[1, 1], [1, 0]], A_ub=[[1, 1]], b_ub=[2], maximize=True)
    assert {s.method for s in r.stages} == {default_method}
