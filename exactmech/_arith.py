"""Exact integer backends for the hot loops (the one small module DESIGN.md asks for).

The fraction-free simplex kernel (:mod:`exactmech.lp._kernel`) works over integers only:
every tableau entry is a minor of the (row-scaled, integer) constraint matrix, so no gcd is
ever taken. Python's ``int`` is always available; ``gmpy2.mpz`` (GMP) and python-flint's
``fmpz`` are used when installed. A :class:`Ring` names the backend and converts to and
from Python ints at the boundary; results are identical on every backend (the tests run
the kernel over each of them).

Choice of the default (``scripts/bench_kernel.py``, CPU seconds of ``method="exact"`` on
the 2-core development machine):

=================  ======  ======  ======
LP                 int     mpz     fmpz
=================  ======  ======  ======
random 60×60       0.070   0.065   0.080
random 100×100     0.097   0.224   0.328
dense 100×100      0.180   0.268   0.399
vertex 60×60       0.795   0.811   1.009
vertex 100×100     6.38    5.90    6.78
=================  ======  ======  ======

CPython's ``int`` has fast paths for the one- and two-digit integers that dominate a
simplex tableau, and avoids the per-object overhead of the wrappers; gmpy2 only wins
(by ~8%) once entries have hundreds of digits. So the default is ``python``.
(The float-guided method does its heavy exact linear algebra in python-flint's C code
instead, where flint is far faster.) Set ``EXACTMECH_BACKEND=python|gmpy2|flint`` to force
one; a forced backend that is not installed raises
:class:`~exactmech.errors.ExactmechError` rather than silently falling back.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from exactmech.errors import ExactmechError

__all__ = ["Ring", "available_rings", "default_ring", "get_ring"]


@dataclass(frozen=True)
class Ring:
    """An exact integer backend.

    Attributes
    ----------
    name : str
        ``"python"``, ``"gmpy2"`` or ``"flint"``.
    make : callable
        Converts a Python ``int`` to the backend's integer type.
    """

    name: str
    make: Callable[[int], Any]

    def __repr__(self) -> str:
        return f"Ring({self.name!r})"


def _python() -> Ring:
    return Ring("python", int)


def _gmpy2() -> Ring:
    import gmpy2

    return Ring("gmpy2", gmpy2.mpz)


def _flint() -> Ring:
    import flint

    return Ring("flint", flint.fmpz)


_FACTORIES: dict[str, Callable[[], Ring]] = {"python": _python, "gmpy2": _gmpy2, "flint": _flint}


def get_ring(name: str) -> Ring:
    """Return the backend called ``name``; raise a clear error if it is not installed.

    >>> get_ring("python").make(3)
    3
    >>> get_ring("fortran")
    Traceback (most recent call last):
    ...
    exactmech.errors.ExactmechError: get_ring(): unknown backend 'fortran'; expected one of ...
    """
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise ExactmechError(
            f"get_ring(): unknown backend {name!r}; expected one of {', '.join(_FACTORIES)}"
        ) from None
    try:
        return factory()
    except ImportError:
        raise ExactmechError(
            f"get_ring(): backend {name!r} was requested but its package is not installed"
        ) from None


def available_rings() -> list[Ring]:
    """Every backend that imports on this machine (``python`` always)."""
    out = []
    for name in _FACTORIES:
        try:
            out.append(get_ring(name))
        except ExactmechError:
            continue
    return out


def default_ring() -> Ring:
    """The backend used when none is named: ``$EXACTMECH_BACKEND`` if set, else ``python``."""
    forced = os.environ.get("EXACTMECH_BACKEND", "").strip()
    if forced and forced != "auto":
        return get_ring(forced)
    return _python()
