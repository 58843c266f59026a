"""The :class:`Claim` record and how one claim is run and judged (STYLE.md §9: claims are data).

A claim is an explicit number (or identity) printed in a source, with the function that
recomputes it from first principles through exactmech's public API. ``expected`` is always
what the *source prints*; when the source is wrong, the claim carries an :class:`Erratum`
with our corrected value and the explanation, and a run that reproduces the corrected value
gets the status ``"paper-erratum"``.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from exactmech.report.values import value_str, values_equal

__all__ = ["STATUSES", "Claim", "ClaimResult", "Erratum"]

#: Possible outcomes of :meth:`Claim.run`.
STATUSES = ("match", "mismatch", "paper-erratum", "error")


@dataclass(frozen=True)
class Erratum:
    """A printed value that is wrong, with our value and why.

    Attributes
    ----------
    corrected
        The value exactmech computes (checked by a second, independent method in a named
        test).
    explanation
        One paragraph: what the source says, what is right, and how we know.
    """

    corrected: Any
    explanation: str


@dataclass(frozen=True)
class ClaimResult:
    """Outcome of running one claim."""

    claim: Claim
    computed: Any
    status: str
    note: str = ""
    seconds: float = 0.0

    def __repr__(self) -> str:
        computed = value_str(self.computed) if self.status != "error" else "—"
        return (
            f"ClaimResult(id={self.claim.id!r}, status={self.status!r}, "
            f"expected={value_str(self.claim.expected)}, computed={computed})"
        )

    def _repr_latex_(self) -> str:
        from exactmech.report.latex import latex_escape
        from exactmech.report.values import to_latex

        c = self.claim
        computed = to_latex(self.computed) if self.status != "error" else r"\text{error}"
        return (
            f"$\\text{{{latex_escape(c.id)} ({self.status}): expected }} {to_latex(c.expected)},"
            f"\\ \\text{{computed }} {computed}$"
        )

    def _repr_html_(self) -> str:
        import html

        rows = [(k, v) for k, v in self.to_json().items() if v]
        colour = {"match": "green", "paper-erratum": "#b58900"}.get(self.status, "red")
        body = "".join(
            f"<tr><th>{k}</th><td"
            + (f' style="color:{colour}"' if k == "status" else "")
            + f">{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table>{body}</table>"

    def to_json(self) -> dict[str, str]:
        """The JSON record of DESIGN.md: every value as a string, never a float."""
        c = self.claim
        return {
            "id": c.id,
            "paper": c.paper,
            "location": c.location,
            "statement": c.statement,
            "expected": value_str(c.expected),
            "computed": value_str(self.computed) if self.status != "error" else "",
            "status": self.status,
            "note": self.note,
        }


@dataclass(frozen=True)
class Claim:
    """One explicit number of a source, and how to recompute it.

    Attributes
    ----------
    id
        Unique, dotted (``"001.example1.revenue"``).
    paper
        Source id: ``"000"``–``"004"`` for the seed papers, ``"lp"`` for LP textbook identities.
    location
        Where in the source (``"§2.2, Example 1"``).
    statement
        What is claimed, in words.
    expected
        The value as the source prints it (Fraction, sympy expression, tuple, bool, ...).
    compute
        Zero-argument function that recomputes the value through public functions.
    erratum
        Set when the printed value is wrong (see :class:`Erratum`).
    """

    id: str
    paper: str
    location: str
    statement: str
    expected: Any
    compute: Callable[[], Any] = field(repr=False, compare=False)
    erratum: Erratum | None = None

    def run(self) -> ClaimResult:
        """Recompute and judge: ``match``, ``paper-erratum``, ``mismatch`` or ``error``."""
        t0 = time.perf_counter()
        try:
            computed = self.compute()
        except Exception as exc:  # a claim must never take the whole run down
            tb = traceback.format_exc(limit=3)
            return ClaimResult(
                self, None, "error", f"{type(exc).__name__}: {exc}\n{tb}", time.perf_counter() - t0
            )
        dt = time.perf_counter() - t0
        try:
            if self.erratum is None:
                ok = values_equal(computed, self.expected)
                return ClaimResult(self, computed, "match" if ok else "mismatch", "", dt)
            if values_equal(computed, self.erratum.corrected) and not values_equal(
                computed, self.expected
            ):
                return ClaimResult(self, computed, "paper-erratum", self.erratum.explanation, dt)
            return ClaimResult(
                self,
                computed,
                "mismatch",
                "recorded erratum does not reproduce: computed value differs from the corrected one"
                if not values_equal(computed, self.expected)
                else "recorded erratum is stale: the printed value is reproduced",
                dt,
            )
        except TypeError as exc:
            return ClaimResult(self, computed, "error", f"cannot compare: {exc}", dt)
