"""Result and certificate objects returned by every LP method.

STYLE.md §3: frozen dataclasses with scipy's field names, ``status, fun, x`` first in the
repr, Fractions printed as ``13/36`` (never ``float``), the certificate and the basis on the
object, ``_repr_latex_`` for notebooks, and runtime outcomes (infeasible, unbounded) as data
with an opt-in :meth:`LPResult.raise_for_status`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from exactmech.errors import LPStatusError
from exactmech.lp.problem import LPProblem
from exactmech.numbers import fraction_str, to_latex

__all__ = ["STATUSES", "Certificate", "LPResult"]

STATUSES = ("optimal", "infeasible", "unbounded")


def _vec(v: Sequence[Fraction] | None) -> str:
    if v is None:
        return "None"
    return "(" + ", ".join(fraction_str(x) for x in v) + ("," if len(v) == 1 else "") + ")"


@dataclass(frozen=True)
class Certificate:
    """Proof of an LP outcome, verifiable by :func:`exactmech.lp.check` alone.

    * ``kind == "optimal"``: primal ``x`` and duals ``dual_ub``, ``dual_eq`` (marginals of the
      objective: ``dual_ub <= 0`` when minimising, ``>= 0`` when maximising) whose dual
      objective equals ``c·x``.
    * ``kind == "infeasible"``: a Farkas vector ``farkas_ub >= 0``, ``farkas_eq`` such that
      ``yᵀA`` is balanced by finite bounds and ``yᵀb`` falls short (see
      :mod:`exactmech.lp.certificate`).
    * ``kind == "unbounded"``: a feasible ``x`` and a ray ``ray`` along which the objective
      improves without limit.
    """

    kind: str
    x: tuple[Fraction, ...] | None = None
    dual_ub: tuple[Fraction, ...] | None = None
    dual_eq: tuple[Fraction, ...] | None = None
    farkas_ub: tuple[Fraction, ...] | None = None
    farkas_eq: tuple[Fraction, ...] | None = None
    ray: tuple[Fraction, ...] | None = None

    def __repr__(self) -> str:
        parts = [f"kind={self.kind!r}"]
        for name in ("x", "dual_ub", "dual_eq", "farkas_ub", "farkas_eq", "ray"):
            v = getattr(self, name)
            if v is not None:
                parts.append(f"{name}={_vec(v)}")
        return "Certificate(" + ", ".join(parts) + ")"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with every number as an ``"a/b"`` string."""
        out: dict[str, Any] = {"kind": self.kind}
        for name in ("x", "dual_ub", "dual_eq", "farkas_ub", "farkas_eq", "ray"):
            v = getattr(self, name)
            if v is not None:
                out[name] = [fraction_str(x) for x in v]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Certificate:
        """Inverse of :meth:`to_json` (numbers are parsed exactly)."""
        from exactmech.numbers import Q

        kw: dict[str, Any] = {"kind": str(data["kind"])}
        for name in ("x", "dual_ub", "dual_eq", "farkas_ub", "farkas_eq", "ray"):
            if name in data and data[name] is not None:
                kw[name] = tuple(Q(v, f"{name}[{i}]") for i, v in enumerate(data[name]))
        return cls(**kw)


@dataclass(frozen=True)
class LPResult:
    """The exact outcome of an LP solve.

    Attributes
    ----------
    status : str
        ``"optimal"``, ``"infeasible"`` or ``"unbounded"``.
    fun : Fraction or None
        Optimal objective value (including any constant); ``None`` unless optimal.
    x : tuple of Fraction or None
        An optimal (unbounded: a feasible) point; ``None`` when infeasible.
    dual_ub, dual_eq : tuple of Fraction or None
        Marginals ``∂fun/∂b`` of the rows (scipy's ``ineqlin.marginals`` convention).
    reduced_costs : tuple of Fraction or None
        ``c − A_ubᵀ dual_ub − A_eqᵀ dual_eq``.
    basis : tuple of str
        Names of the basic columns of the standard form (``x3``, ``s_ub0``, ...).
    certificate : Certificate
        The proof of ``status``; :func:`exactmech.lp.check` verifies it.
    nit : int
        Simplex pivots (exact pivots, for float-guided: repair pivots).
    method : str
        The method that produced the answer (``"exact"`` or ``"float-guided"``).
    message : str
        Human-readable summary.
    """

    status: str
    fun: Fraction | None
    x: tuple[Fraction, ...] | None
    dual_ub: tuple[Fraction, ...] | None = None
    dual_eq: tuple[Fraction, ...] | None = None
    reduced_costs: tuple[Fraction, ...] | None = None
    basis: tuple[str, ...] = ()
    certificate: Certificate = field(default_factory=lambda: Certificate("optimal"))
    nit: int = 0
    method: str = "exact"
    message: str = ""
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    problem: LPProblem | None = field(default=None, repr=False, compare=False)
    std_basis: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def success(self) -> bool:
        """True when ``status == "optimal"`` (scipy's name)."""
        return self.status == "optimal"

    def raise_for_status(self) -> LPResult:
        """Return ``self`` if optimal, else raise :class:`~exactmech.errors.LPStatusError`."""
        if self.status != "optimal":
            raise LPStatusError(f"linprog(): the problem is {self.status}: {self.message}", self)
        return self

    def __repr__(self) -> str:
        fun = "None" if self.fun is None else fraction_str(self.fun)
        return (
            f"LPResult(status={self.status!r}, fun={fun}, x={_vec(self.x)}, "
            f"dual_ub={_vec(self.dual_ub)}, dual_eq={_vec(self.dual_eq)}, nit={self.nit}, "
            f"method={self.method!r})"
        )

    def _repr_latex_(self) -> str:
        if self.fun is None:
            return f"$\\text{{{self.status}}}$"
        xs = ", ".join(to_latex(v) for v in (self.x or ()))
        return f"$\\text{{optimal: }} {to_latex(self.fun)},\\ x = ({xs})$"

    def _repr_html_(self) -> str:
        rows = [("status", self.status)]
        if self.fun is not None:
            rows.append(("fun", fraction_str(self.fun)))
        for name in ("x", "dual_ub", "dual_eq"):
            v = getattr(self, name)
            if v is not None:
                rows.append((name, _vec(v)))
        kind = self.certificate.kind
        rows.append(("method", f"{self.method}, {self.nit} pivots, certificate {kind}"))
        body = "".join(f"<tr><th>{k}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
        return f"<table><caption>LPResult</caption>{body}</table>"

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict: numbers as ``"a/b"`` strings, never floats."""

        def vec(v: Sequence[Fraction] | None) -> list[str] | None:
            return None if v is None else [fraction_str(t) for t in v]

        return {
            "status": self.status,
            "fun": None if self.fun is None else fraction_str(self.fun),
            "x": vec(self.x),
            "dual_ub": vec(self.dual_ub),
            "dual_eq": vec(self.dual_eq),
            "reduced_costs": vec(self.reduced_costs),
            "basis": list(self.basis),
            "certificate": self.certificate.to_json(),
            "nit": self.nit,
            "method": self.method,
        }
