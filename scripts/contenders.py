#!/usr/bin/env python3
"""Adapters for the LP contenders of ``scripts/bench_lp.py``.

Every adapter solves ``max c·x, A x <= b`` with ``x >= 0`` (or ``x`` free when ``free``)
from exact data (``int`` or ``Fraction`` entries) and returns the optimum: a ``Fraction``
from the exact contenders, a ``float`` from the float ones. Install them all with
``bash scripts/install_contenders.sh``; a missing one is reported by :func:`missing`.

======================  ======  ===============================================================
name                    exact   how
======================  ======  ===============================================================
``sympy``               yes     ``sympy.solvers.simplex.linprog`` (free variables split into
                                ``x⁺ − x⁻``: sympy's own free-variable path is wrong, README)
``highs``               no      ``scipy.optimize.linprog(method="highs")``, double precision
``cdd``                 yes     pycddlib 3 ``cdd.gmp`` (GMP rationals): ``matrix_from_array`` +
                                ``linprog_solve`` (cddlib's dual simplex)
``ppl``                 yes     pplpy ``MIP_Problem`` (PPL's exact simplex);
                                ``optimal_value()`` is an ``mpq``. PPL takes integer
                                coefficients only, so each row (and ``c``) is scaled by the
                                lcm of its denominators
``qsoptex``             yes     python-qsoptex ``ExactProblem`` (QSopt_ex: double, then
                                extended precision, then rational simplex and verification)
``glpk-exact``          yes*    swiglpk ``glp_exact`` (GLPK's rational simplex) from the
                                standard basis
``glpk-float-exact``    yes*    swiglpk ``glp_simplex`` then ``glp_exact`` from its basis
``lrs``                 yes     lrslib's ``lrs`` binary on an H-representation with
                                ``lponly`` + ``maximize`` (subprocess; its ``*Obj=p/q`` line)
======================  ======  ===============================================================

\\* GLPK's API takes and returns doubles only: the data is scaled to integers row by row
(exact in a double below 2⁵³; checked), and ``glp_get_obj_val`` is a rounded double even
after ``glp_exact``. The adapters therefore read back the *final basis* GLPK's rational
simplex proved optimal and recompute the optimum exactly from it (``flint.fmpq_mat.solve``
on the basic columns and tight rows). That read-back is ours, not GLPK's work, so the
adapters record the CPU seconds of the GLPK part alone (build + solve) in ``SOLVE_CPU``,
which the benchmark uses as GLPK's time; the exact value they return is still compared
exactly with exactmech's.

Self-check (tiny LPs with known fractional optima, on every available contender)::

    python scripts/contenders.py
    python scripts/contenders.py --list
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

Num = int | Fraction
Matrix = Sequence[Sequence[Num]]

#: CPU seconds of the solver's own work in the last call, for adapters whose returned value
#: needs extra work of ours (GLPK's exact read-back). Keyed by contender name.
SOLVE_CPU: dict[str, float] = {}


def _frac(v: object) -> Fraction:
    """A Fraction from an int, Fraction, gmpy2 mpq/mpz or sympy Rational."""
    if isinstance(v, int | Fraction):
        return Fraction(v)
    num = getattr(v, "numerator", None)
    den = getattr(v, "denominator", None)
    if num is None:  # sympy Rational
        num, den = v.p, v.q  # type: ignore[attr-defined]
    return Fraction(int(num), int(den))  # type: ignore[arg-type]


def _scaled_int(row: Sequence[Num], extra: Num = 0) -> tuple[list[int], int, int]:
    """``row`` (and ``extra``) times the lcm L of their denominators: (ints, extra·L, L)."""
    L = 1
    for v in (*row, extra):
        L = math.lcm(L, Fraction(v).denominator)
    ints = [int(Fraction(v) * L) for v in row]
    return ints, int(Fraction(extra) * L), L


# --------------------------------------------------------------------------- sympy, HiGHS


def solve_sympy(c: Sequence[Num], A: Matrix, b: Sequence[Num], free: bool) -> Fraction:
    from sympy import Rational
    from sympy.solvers.simplex import linprog as sympy_linprog

    def q(v: Num) -> Rational:
        v = Fraction(v)
        return Rational(v.numerator, v.denominator)

    cc, AA = [q(v) for v in c], [[q(v) for v in row] for row in A]
    if free:  # x = x⁺ − x⁻, both >= 0
        AA = [[*row, *(-a for a in row)] for row in AA]
        cc = [*cc, *(-v for v in cc)]
    val, _ = sympy_linprog([-v for v in cc], AA, [q(v) for v in b])
    return -_frac(val)


def solve_highs(c: Sequence[Num], A: Matrix, b: Sequence[Num], free: bool) -> float:
    from scipy.optimize import linprog as scipy_linprog

    res = scipy_linprog(
        [-float(v) for v in c],
        A_ub=[[float(a) for a in row] for row in A],
        b_ub=[float(v) for v in b],
        bounds=(None, None) if free else (0, None),
        method="highs",
    )
    if res.status != 0:
        raise RuntimeError(f"HiGHS: {res.message}")
    return float(-res.fun)


# --------------------------------------------------------------------------- cddlib


def solve_cdd(c: Sequence[Num], A: Matrix, b: Sequence[Num], free: bool) -> Fraction:
    import cdd.gmp as cdd

    n = len(c)
    rows: list[list[Num]] = [[bi, *(-a for a in row)] for row, bi in zip(A, b)]
    if not free:
        rows += [[0, *(1 if k == j else 0 for k in range(n))] for j in range(n)]
    mat = cdd.matrix_from_array(
        rows, rep_type=cdd.RepType.INEQUALITY, obj_type=cdd.LPObjType.MAX, obj_func=[0, *c]
    )
    lp = cdd.linprog_from_matrix(mat)
    cdd.linprog_solve(lp)
    if lp.status != cdd.LPStatusType.OPTIMAL:
        raise RuntimeError(f"cdd: status {lp.status!r}")
    return _frac(lp.obj_value)


# --------------------------------------------------------------------------- PPL


def solve_ppl(c: Sequence[Num], A: Matrix, b: Sequence[Num], free: bool) -> Fraction:
    from ppl import Constraint_System, Linear_Expression, MIP_Problem, Variable

    n = len(c)
    cs = Constraint_System()
    for row, bi in zip(A, b):
        ints, rhs, _ = _scaled_int(row, bi)
        cs.insert(Linear_Expression({j: a for j, a in enumerate(ints) if a}, -rhs) <= 0)
    if not free:
        for j in range(n):
            cs.insert(Variable(j) >= 0)
    cints, _, L = _scaled_int(c)
    mip = MIP_Problem(n, cs, Linear_Expression({j: a for j, a in enumerate(cints) if a}, 0))
    mip.set_optimization_mode("maximization")
    status = mip.solve()
    if status.get("status") != "optimized":
        raise RuntimeError(f"ppl: {status!r}")
    return _frac(mip.optimal_value()) / L


# --------------------------------------------------------------------------- QSopt_ex


def solve_qsoptex(c: Sequence[Num], A: Matrix, b: Sequence[Num], free: bool) -> Fraction:
    import qsoptex

    p = qsoptex.ExactProblem()
    for cj in c:
        p.add_variable(objective=Fraction(cj), lower=None if free else 0, upper=None)
    for row, bi in zip(A, b):
        p.add_linear_constraint(
            qsoptex.ConstraintSense.LESS,
            [(j, Fraction(a)) for j, a in enumerate(row) if a],
            rhs=Fraction(bi),
        )
    p.set_objective_sense(qsoptex.ObjectiveSense.MAXIMIZE)
    status = p.solve()
    if status != qsoptex.SolutionStatus.OPTIMAL:
        raise RuntimeError(f"qsoptex: status {status}")
    return _frac(p.get_objective_value())


# --------------------------------------------------------------------------- GLPK


def _glpk(
    name: str, c: Sequence[Num], A: Matrix, b: Sequence[Num], free: bool, float_first: bool
) -> Fraction:
    import swiglpk as glp

    t0 = time.process_time()
    m, n = len(A), len(c)
    cints, _, _ = _scaled_int(c)  # positive scaling of c keeps the optimal basis
    scaled = [_scaled_int(row, bi) for row, bi in zip(A, b)]
    for v in (*cints, *(v for ints, rhs, _ in scaled for v in (*ints, rhs))):
        if abs(v) >= 2**53:
            raise ValueError("GLPK: data not exactly representable as doubles")
    lp = glp.glp_create_prob()
    try:
        glp.glp_set_obj_dir(lp, glp.GLP_MAX)
        glp.glp_add_rows(lp, m)
        glp.glp_add_cols(lp, n)
        for j in range(n):
            glp.glp_set_col_bnds(lp, j + 1, glp.GLP_FR if free else glp.GLP_LO, 0.0, 0.0)
            glp.glp_set_obj_coef(lp, j + 1, float(cints[j]))
        nz = [(i, j, a) for i, (ints, _, _) in enumerate(scaled) for j, a in enumerate(ints) if a]
        ia, ja, ar = glp.intArray(len(nz) + 1), glp.intArray(len(nz) + 1), glp.doubleArray(len(nz) + 1)
        for k, (i, j, a) in enumerate(nz, 1):
            ia[k], ja[k], ar[k] = i + 1, j + 1, float(a)
        for i, (_, rhs, _) in enumerate(scaled):
            glp.glp_set_row_bnds(lp, i + 1, glp.GLP_UP, 0.0, float(rhs))
        glp.glp_load_matrix(lp, len(nz), ia, ja, ar)
        parm = glp.glp_smcp()
        glp.glp_init_smcp(parm)
        parm.msg_lev = glp.GLP_MSG_OFF
        if float_first and glp.glp_simplex(lp, parm) != 0:
            raise RuntimeError("GLPK: glp_simplex failed")
        if glp.glp_exact(lp, parm) != 0:
            raise RuntimeError("GLPK: glp_exact failed")
        if glp.glp_get_status(lp) != glp.GLP_OPT:
            raise RuntimeError(f"GLPK: status {glp.glp_get_status(lp)}")
        tight = [i for i in range(m) if glp.glp_get_row_stat(lp, i + 1) != glp.GLP_BS]
        basic = [j for j in range(n) if glp.glp_get_col_stat(lp, j + 1) == glp.GLP_BS]
        approx = glp.glp_get_obj_val(lp)
    finally:
        glp.glp_delete_prob(lp)
    SOLVE_CPU[name] = time.process_time() - t0
    # Exact read-back (ours): nonbasic columns are 0, nonbasic rows tight; solve for x_B.
    if len(tight) != len(basic):
        raise RuntimeError("GLPK: basis is not square")
    if not basic:
        return Fraction(0)
    import flint

    B = flint.fmpq_mat(
        len(tight), len(basic), [flint.fmpq(Fraction(A[i][j]).numerator, Fraction(A[i][j]).denominator) for i in tight for j in basic]
    )
    rhs = flint.fmpq_mat(len(tight), 1, [flint.fmpq(Fraction(b[i]).numerator, Fraction(b[i]).denominator) for i in tight])
    xB = B.solve(rhs)
    val = sum((Fraction(c[j]) * _frac(xB[k, 0]) for k, j in enumerate(basic)), Fraction(0))
    L = math.lcm(*(Fraction(v).denominator for v in c))
    assert abs(float(val) * L - approx) <= 1e-6 * max(1.0, abs(approx)), "GLPK read-back"
    return val


def solve_glpk_exact(c: Sequence[Num], A: Matrix, b: Sequence[Num], free: bool) -> Fraction:
    return _glpk("glpk-exact", c, A, b, free, float_first=False)


def solve_glpk_float_exact(c: Sequence[Num], A: Matrix, b: Sequence[Num], free: bool) -> Fraction:
    return _glpk("glpk-float-exact", c, A, b, free, float_first=True)


# --------------------------------------------------------------------------- lrs

_LRS_OBJ = re.compile(r"^\*Obj=\s*(-?\d+(?:/\d+)?)", re.MULTILINE)


def solve_lrs(c: Sequence[Num], A: Matrix, b: Sequence[Num], free: bool) -> Fraction:
    """lrs as a subprocess; its CPU time counts as the caller's children time."""
    n = len(c)
    rows = [[bi, *(-a for a in row)] for row, bi in zip(A, b)]
    if not free:
        rows += [[0, *(1 if k == j else 0 for k in range(n))] for j in range(n)]
    text = "\n".join(
        [
            "bench",
            "H-representation",
            "begin",
            f"{len(rows)} {n + 1} rational",
            *(" ".join(str(Fraction(v)) for v in row) for row in rows),
            "end",
            "lponly",
            "maximize " + " ".join(str(Fraction(v)) for v in (0, *c)),
            "",
        ]
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "lp.ine")
        with open(path, "w") as fh:
            fh.write(text)
        out = subprocess.run(
            [shutil.which("lrs") or "lrs", path], capture_output=True, text=True, check=False
        )
    found = _LRS_OBJ.search(out.stdout)
    if not found:
        tail = (out.stdout + out.stderr).strip().splitlines()[-3:]
        raise RuntimeError(f"lrs: no optimum in output ({' | '.join(tail)})")
    return Fraction(found.group(1))


# --------------------------------------------------------------------------- registry


def _need_module(mod: str, install: str) -> Callable[[], str | None]:
    def check() -> str | None:
        try:
            __import__(mod)
        except Exception as exc:  # ImportError, or a broken build's OSError
            return f"import {mod} failed: {exc}; {install}"
        return None

    return check


def _need_lrs() -> str | None:
    return None if shutil.which("lrs") else "no lrs binary; apt-get install lrslib"


@dataclass(frozen=True)
class Contender:
    name: str
    solve: Callable[[Sequence[Num], Matrix, Sequence[Num], bool], Fraction | float]
    exact: bool
    check: Callable[[], str | None]  # None when available, else the reason


_HOW = "see scripts/install_contenders.sh"
CONTENDERS: dict[str, Contender] = {
    k.name: k
    for k in (
        Contender("sympy", solve_sympy, True, _need_module("sympy.solvers.simplex", "pip install sympy")),
        Contender("highs", solve_highs, False, _need_module("scipy.optimize", "pip install scipy")),
        Contender("cdd", solve_cdd, True, _need_module("cdd.gmp", _HOW)),
        Contender("ppl", solve_ppl, True, _need_module("ppl", _HOW)),
        Contender("qsoptex", solve_qsoptex, True, _need_module("qsoptex", _HOW)),
        Contender("glpk-exact", solve_glpk_exact, True, _need_module("swiglpk", _HOW)),
        Contender("glpk-float-exact", solve_glpk_float_exact, True, _need_module("swiglpk", _HOW)),
        Contender("lrs", solve_lrs, True, _need_lrs),
    )
}


def missing(name: str) -> str | None:
    """Why contender ``name`` cannot run here, or None when it can."""
    return CONTENDERS[name].check()


def available_sympy() -> bool:
    return missing("sympy") is None


def available_highs() -> bool:
    return missing("highs") is None


def available_cdd() -> bool:
    return missing("cdd") is None


def available_ppl() -> bool:
    return missing("ppl") is None


def available_qsoptex() -> bool:
    return missing("qsoptex") is None


def available_glpk() -> bool:
    return missing("glpk-exact") is None


def available_lrs() -> bool:
    return missing("lrs") is None


# --------------------------------------------------------------------------- self-check

F = Fraction
#: (name, c, A, b, free, exact optimum)
TINY: list[tuple[str, list[Num], list[list[Num]], list[Num], bool, Fraction]] = [
    ("x>=0", [1, 1], [[1, 2], [3, 1]], [4, 6], False, F(14, 5)),
    ("free", [1, 1], [[1, 2], [3, 1]], [4, 6], True, F(14, 5)),
    # both rows tight at x = (22/15, 8/5) (hand-checked against the other two vertices)
    ("fractions", [F(1, 3), F(1, 2)], [[F(1, 2), 1], [1, F(1, 3)]], [F(7, 3), 2], False, F(58, 45)),
    # rows 1 and 3 tight at x = (−13/8, −9/8); bounded (no recession direction improves)
    ("negative free", [-2, 1], [[-1, 1], [1, 1], [-1, -3]], [F(1, 2), 3, 5], True, F(17, 8)),
]


def check_all(names: Sequence[str] | None = None) -> dict[str, str]:
    """Solve the TINY LPs with every available contender; name -> "ok" / reason."""
    report = {}
    for name in names or CONTENDERS:
        k = CONTENDERS[name]
        why = k.check()
        if why:
            report[name] = f"skipped: {why}"
            continue
        errors = []
        for label, c, A, b, free, want in TINY:
            try:
                got = k.solve(c, A, b, free)
            except Exception as exc:
                errors.append(f"{label}: {type(exc).__name__}: {exc}")
                continue
            good = got == want if k.exact else abs(got - float(want)) <= 1e-9
            if not good or (k.exact and not isinstance(got, Fraction)):
                errors.append(f"{label}: got {got!r}, want {want}")
        report[name] = "ok" if not errors else "FAILED: " + "; ".join(errors)
    return report


def main() -> int:
    if "--list" in sys.argv[1:]:
        for name in CONTENDERS:
            why = missing(name)
            print(f"{name:18} {'available' if why is None else 'missing: ' + why}")
        return 0
    report = check_all()
    for name, verdict in report.items():
        print(f"{name:18} {verdict}")
    return 1 if any(v.startswith("FAILED") for v in report.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
