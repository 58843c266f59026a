"""Bracketing one-dimensional solvers in mpmath (no float64 anywhere).

:func:`root_1d` (a few bisection steps, then the Illinois variant of regula falsi, which
stays inside the bracket and converges superlinearly), :func:`golden` (golden-section
search to half the working digits, enough for the *value* of a smooth maximum to the full
working precision) and :func:`argmax_1d` (a coarse scan at 20 digits, then the root of the
derivative in the bracket around the best grid point, or golden section).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mpmath

__all__ = ["argmax_1d", "golden", "root_1d"]


def root_1d(f: Callable[[Any], Any], lo: Any, hi: Any) -> Any:
    """A root of ``f`` in ``[lo, hi]`` where ``f(lo)`` and ``f(hi)`` differ in sign:
    a few bisection steps, then the Illinois method to full precision (stays bracketed)."""
    flo, fhi = f(lo), f(hi)
    if flo == 0:
        return lo
    if fhi == 0:
        return hi
    if (flo > 0) == (fhi > 0):
        raise ValueError("root_1d(): no sign change in the bracket")
    for _ in range(8):
        mid = (lo + hi) / 2
        fm = f(mid)
        if fm == 0:
            return mid
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi, fhi = mid, fm
    tol = mpmath.mpf(10) ** (-mpmath.mp.dps + 3)
    side = 0
    for _ in range(400):
        x = (lo * fhi - hi * flo) / (fhi - flo)
        fx = f(x)
        if fx == 0 or hi - lo <= tol * max(1, abs(x)):
            return x
        if (fx > 0) == (flo > 0):
            lo, flo = x, fx
            if side == -1:
                fhi /= 2
            side = -1
        else:
            hi, fhi = x, fx
            if side == 1:
                flo /= 2
            side = 1
        if hi - lo <= tol * max(1, abs(x)):
            return x
    return (lo + hi) / 2  # pragma: no cover


def argmax_1d(
    f: Callable[[Any], Any],
    df: Callable[[Any], Any] | None,
    lo: Any,
    hi: Any,
    n: int = 48,
    log_grid: bool = True,
) -> Any:
    """Maximiser of ``f`` on ``[lo, hi]``: a coarse scan, then the root of ``df`` in the
    bracket around the best grid point (or golden section when ``df`` is ``None``)."""
    if log_grid:
        grid = [lo * (hi / lo) ** (mpmath.mpf(i) / n) for i in range(n + 1)]
    else:
        grid = [lo + (hi - lo) * mpmath.mpf(i) / n for i in range(n + 1)]
    with mpmath.workdps(20):
        vals = [f(x) for x in grid]
    i = max(range(len(grid)), key=lambda j: vals[j])
    a, b = grid[max(i - 1, 0)], grid[min(i + 1, n)]
    if df is not None:
        da, db = df(a), df(b)
        if da > 0 > db:
            return root_1d(df, a, b)
    return golden(f, a, b)


def golden(f: Callable[[Any], Any], a: Any, b: Any) -> Any:
    g = (mpmath.sqrt(5) - 1) / 2
    c, d = b - g * (b - a), a + g * (b - a)
    fc, fd = f(c), f(d)
    tol = mpmath.mpf(10) ** (-(mpmath.mp.dps // 2) - 2)
    while b - a > tol:
        if fc > fd:
            b, d, fd = d, c, fc
            c = b - g * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + g * (b - a)
            fd = f(d)
    return (a + b) / 2
