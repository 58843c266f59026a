"""Reading and writing linear programs in MPS and CPLEX LP format, exactly.

This module owns exactmech's LP file formats: :func:`read_mps` / :func:`parse_mps` /
:func:`write_mps` (free and fixed MPS), :func:`read_lp` / :func:`parse_lp` / :func:`write_lp`
(CPLEX LP format), and :class:`MPSModel` (from :func:`read_mps_model`), which records the MPS
row that each row of the resulting :class:`~exactmech.lp.problem.LPProblem` came from.

Every number is read through :func:`exactmech.Q`, so ``0.15`` is exactly ``3/20``; numbers may
also be written ``p/q``, which is how the writers write every non-integer (never a float).

Conventions shared by both readers:

* ``<=`` rows (MPS ``L``) become ``A_ub`` rows named by the file's row name; ``>=`` rows
  (``G``) are stored negated, ``(-a)·x <= -b``, under the same name; ``=`` rows (``E``)
  become ``A_eq`` rows.
* A row with two finite sides ``l <= a·x <= u`` (MPS ``RANGES``, LP ``l <= a·x <= u``) becomes
  two ``A_ub`` rows, ``NAME.lo`` (``-a·x <= -l``) followed by ``NAME.hi`` (``a·x <= u``); an
  MPS ``E`` row with range ``0`` stays an equality.
* Variables are numbered in order of first appearance; default bounds are ``[0, +inf)``.
* Integrality (MPS ``MARKER`` lines, LP ``Generals`` / ``Integers`` / ``Binaries``) is
  accepted and ignored: exactmech solves the LP relaxation (binaries get bounds ``[0, 1]``).
* Row entries are stored sorted by column with zeros dropped, so ``read(write(p)) == p`` for
  every problem in that canonical form (the one :func:`~exactmech.lp.make_problem` builds).
* Malformed input raises :class:`~exactmech.errors.FileFormatError` naming the line.
"""

from __future__ import annotations

from exactmech.lp._fileio import MPSModel, RowOrigin
from exactmech.lp._lpformat import parse_lp, read_lp, write_lp
from exactmech.lp._mps import parse_mps, parse_mps_model, read_mps, read_mps_model, write_mps

__all__ = [
    "MPSModel", "RowOrigin", "parse_lp", "parse_mps", "parse_mps_model", "read_lp", "read_mps",
    "read_mps_model", "write_lp", "write_mps",
]
