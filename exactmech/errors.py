"""Errors raised by exactmech.

One module owns every exception type (STYLE.md §6). Each class subclasses both
:class:`ExactmechError` and the matching builtin (:class:`TypeError` or
:class:`ValueError`), so callers may catch either. Messages start with the name of
the function that raised them and name the offending input, e.g.
``"linprog(): c[2]=0.1 is a float; pass Fraction(1, 10) or '1/10'"``.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CertificateError",
    "DistributionError",
    "ExactmechError",
    "FileFormatError",
    "FloatInputError",
    "InvalidNumberError",
    "InvalidProblemError",
    "LPStatusError",
    "ModelError",
    "PartitionError",
    "ShapeError",
]


class ExactmechError(Exception):
    """Base class of every error raised by exactmech."""


class FloatInputError(ExactmechError, TypeError):
    """A binary float reached an exact computation without an explicit opt-in."""


class InvalidNumberError(ExactmechError, TypeError):
    """A value that cannot be read as an exact rational (wrong type or bad string)."""


class ShapeError(ExactmechError, ValueError):
    """Inconsistent dimensions of vectors or matrices."""


class InvalidProblemError(ExactmechError, ValueError):
    """An ill-posed optimisation problem (bad bounds, unknown variable, ...)."""


class LPStatusError(ExactmechError, ValueError):
    """Raised by :meth:`LPResult.raise_for_status` when an LP is not optimal.

    The result (with its infeasibility or unboundedness certificate) is kept in
    :attr:`result`.
    """

    def __init__(self, message: str, result: Any = None) -> None:
        super().__init__(message)
        self.result = result


class CertificateError(ExactmechError, ValueError):
    """A certificate failed independent verification."""


class FileFormatError(ExactmechError, ValueError):
    """A malformed LP or MPS file; the message names the line number."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message if line is None else f"line {line}: {message}")
        self.line = line


class DistributionError(ExactmechError, ValueError):
    """An invalid probability distribution (negative mass, masses not summing to 1, ...)."""


class PartitionError(InvalidProblemError):
    """A partition of a type space that does not cover it, overlaps, or is malformed."""


class ModelError(ExactmechError, ValueError):
    """An invalid economic model input: a decreasing or negative valuation, a price outside
    the value range, a signaling scheme that is not a probability distribution, ...
    """
