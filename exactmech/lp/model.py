"""The modeling layer: named variables, exact linear expressions, constraints, solutions.

This module owns the user-facing way to *write* an LP: :class:`LinearProgram` collects
:class:`Variable` objects, :class:`Constraint` objects (comparisons of :class:`LinExpr`
expressions) and an objective or lexicographic objectives, translates them into an
:class:`~exactmech.lp.problem.LPProblem`, and wraps the solver's answer in a
:class:`Solution` that speaks in the user's names and orientation. Arithmetic is exact:
numbers go through :func:`exactmech.Q` (floats raise
:class:`~exactmech.errors.FloatInputError`) and a product of variables raises TypeError.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from fractions import Fraction
from typing import TypeVar

from exactmech._arith import Ring
from exactmech.errors import FloatInputError, InvalidNumberError, InvalidProblemError, LPStatusError
from exactmech.lp.problem import LPProblem, SparseRow
from exactmech.lp.result import LPResult
from exactmech.lp.solve import LexResult, solve_lex, solve_problem
from exactmech.numbers import Q, RationalLike, fraction_str

__all__ = ["Constraint", "LinExpr", "LinearProgram", "Solution", "Variable", "lin_sum"]

K = TypeVar("K", bound=Hashable)
_ZERO = Fraction(0)


def _operand(value: object, op: str) -> LinExpr | None:
    """``value`` as a :class:`LinExpr`; ``None`` if it is neither an expression nor a number."""
    if isinstance(value, _Linear):
        return value._expr()
    try:
        return LinExpr._make({}, Q(value))
    except FloatInputError as err:
        msg = str(err).split(" (or opt in")[0]
        raise FloatInputError(f"linear expression {op!r}: {msg}") from None
    except InvalidNumberError as err:
        if isinstance(value, str):
            raise InvalidNumberError(f"linear expression {op!r}: {err}") from None
        return None


def _require(value: object, op: str) -> LinExpr:
    e = _operand(value, op)
    if e is None:
        raise TypeError(f"linear expression {op!r}: {value!r} is not a variable or number")
    return e


class _Linear:
    """Operators shared by :class:`Variable` and :class:`LinExpr` (both are affine)."""

    __slots__ = ()

    def _expr(self) -> LinExpr:
        raise NotImplementedError

    def __add__(self, other: object) -> LinExpr:
        o = _operand(other, "+")
        return NotImplemented if o is None else self._expr()._combine(o, 1)

    __radd__ = __add__

    def __sub__(self, other: object) -> LinExpr:
        o = _operand(other, "-")
        return NotImplemented if o is None else self._expr()._combine(o, -1)

    def __rsub__(self, other: object) -> LinExpr:
        o = _operand(other, "-")
        return NotImplemented if o is None else o._combine(self._expr(), -1)

    def __neg__(self) -> LinExpr:
        return self._expr()._scale(Fraction(-1))

    def __pos__(self) -> LinExpr:
        return self._expr()

    def __mul__(self, other: object) -> LinExpr:
        o = _operand(other, "*")
        if o is None:
            return NotImplemented
        e = self._expr()
        if not o._terms:
            return e._scale(o._constant)
        if not e._terms:
            return o._scale(e._constant)
        raise TypeError(f"nonlinear product ({e}) * ({o}): an LP allows only number * expression")

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> LinExpr:
        o = _operand(other, "/")
        if o is None:
            return NotImplemented
        if o._terms:
            raise TypeError(f"nonlinear division ({self._expr()}) / ({o}): divide by numbers only")
        if not o._constant:
            raise ZeroDivisionError(f"linear expression '/': ({self._expr()}) / 0")
        return self._expr()._scale(1 / o._constant)

    def __rtruediv__(self, other: object) -> LinExpr:
        raise TypeError(f"nonlinear division {other!r} / ({self._expr()}): divide by numbers only")

    def __le__(self, other: object) -> Constraint:
        return Constraint(self, "<=", other)

    def __ge__(self, other: object) -> Constraint:
        return Constraint(self, ">=", other)

    def __eq__(self, other: object) -> Constraint:  # type: ignore[override]
        o = _operand(other, "==")
        return NotImplemented if o is None else Constraint(self, "==", o)

    def __ne__(self, other: object) -> bool:
        raise TypeError("'!=' is not a linear constraint; use <=, >= or ==")

    def __lt__(self, other: object) -> bool:
        raise TypeError("strict inequalities are not LP constraints; use <= or >=")

    __gt__ = __lt__


class Variable(_Linear):
    """A decision variable of one :class:`LinearProgram` (made by :meth:`~LinearProgram.var`).

    Hashed by identity, so variables can be dictionary keys although ``==`` builds a
    :class:`Constraint`. Arithmetic with numbers gives a :class:`LinExpr`.

    Attributes
    ----------
    name : str
    lb, ub : Fraction or None
        Bounds (``None`` is infinite).
    index : int
        Column in :meth:`LinearProgram.to_problem`.

    Examples
    --------
    >>> lp = LinearProgram()
    >>> x = lp.var("x", lb="-1/2")
    >>> x.lb, 3 * x + 1
    (Fraction(-1, 2), 3*x + 1)
    >>> x * 0.5
    Traceback (most recent call last):
    ...
    exactmech.errors.FloatInputError: linear expression '*': 0.5 is a float;
        pass Fraction(1, 2) or '1/2'
    """

    __slots__ = ("_lp", "index", "lb", "name", "ub")

    def __init__(
        self, name: str, lb: Fraction | None, ub: Fraction | None, index: int, lp: LinearProgram
    ) -> None:
        self.name, self.lb, self.ub, self.index, self._lp = name, lb, ub, index, lp

    def _expr(self) -> LinExpr:
        return LinExpr._make({self: Fraction(1)}, _ZERO)

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return self.name


class LinExpr(_Linear):
    """An exact affine expression ``Σ a_v·v + constant`` with :class:`~fractions.Fraction` data.

    Built by arithmetic on variables (``2*x + "1/2"*y - 3``), by :func:`lin_sum` or by
    ``sum(...)``. Immutable; zero coefficients are dropped; ``str`` and ``repr`` agree.

    Parameters
    ----------
    terms
        Mapping from :class:`Variable` to coefficient.
    constant
        The constant term.

    Examples
    --------
    >>> lp = LinearProgram()
    >>> x, y = lp.var("x"), lp.var("y")
    >>> e = LinExpr({x: 2, y: "1/2"}, -3)
    >>> e, e.coefficient(y), (e / 4).constant
    (2*x + 1/2*y - 3, Fraction(1, 2), Fraction(-3, 4))
    >>> x * y
    Traceback (most recent call last):
    ...
    TypeError: nonlinear product (x) * (y): an LP allows only number * expression
    """

    __slots__ = ("_constant", "_terms")

    def __init__(
        self, terms: Mapping[Variable, RationalLike] | None = None, constant: RationalLike = 0
    ) -> None:
        coef: dict[Variable, Fraction] = {}
        for v, a in (terms or {}).items():
            if not isinstance(v, Variable):
                raise TypeError(f"LinExpr(): {v!r} is not a Variable")
            coef[v] = Q(a, f"coefficient of {v.name}", func="LinExpr")
        self._terms = {v: a for v, a in coef.items() if a}
        self._constant = Q(constant, "constant", func="LinExpr")

    @classmethod
    def _make(cls, terms: dict[Variable, Fraction], constant: Fraction) -> LinExpr:
        e = cls.__new__(cls)
        e._terms, e._constant = terms, constant
        return e

    def _expr(self) -> LinExpr:
        return self

    def _combine(self, other: LinExpr, sign: int) -> LinExpr:
        terms = dict(self._terms)
        for v, a in other._terms.items():
            s = terms.get(v, _ZERO) + sign * a
            if s:
                terms[v] = s
            else:
                terms.pop(v, None)
        return LinExpr._make(terms, self._constant + sign * other._constant)

    def _scale(self, q: Fraction) -> LinExpr:
        if not q:
            return LinExpr._make({}, _ZERO)
        return LinExpr._make({v: q * a for v, a in self._terms.items()}, q * self._constant)

    @property
    def terms(self) -> dict[Variable, Fraction]:
        """A copy of the nonzero coefficients, in the order the variables first appeared."""
        return dict(self._terms)

    @property
    def constant(self) -> Fraction:
        """The constant term."""
        return self._constant

    def coefficient(self, var: Variable) -> Fraction:
        """Coefficient of ``var`` (``0`` if absent)."""
        return self._terms.get(var, _ZERO)

    def __str__(self) -> str:
        items = [(a, v.name) for v, a in self._terms.items()]
        if self._constant or not items:
            items.append((self._constant, ""))
        out = ""
        for a, name in items:
            m = fraction_str(abs(a))
            body = m if not name else name if abs(a) == 1 else f"{m}*{name}"
            sign = "-" if a < 0 else "+"
            out = (f"{out} {sign} " if out else "-" if a < 0 else "") + body
        return out

    __repr__ = __str__


def lin_sum(items: Iterable[object]) -> LinExpr:
    """Sum variables, expressions and numbers in linear time (``sum`` copies at every step).

    Parameters
    ----------
    items
        Variables, :class:`LinExpr` objects and numbers accepted by :func:`exactmech.Q`.

    Examples
    --------
    >>> lp = LinearProgram()
    >>> q = lp.vars("q", range(3))
    >>> e = lin_sum([q[0], 2 * q[1], q[0], "1/3"])
    >>> e, e.constant
    (2*q[0] + 2*q[1] + 1/3, Fraction(1, 3))
    >>> lin_sum([q[0], 0.25])
    Traceback (most recent call last):
    ...
    exactmech.errors.FloatInputError: linear expression 'lin_sum': 0.25 is a float;
        pass Fraction(1, 4) or '1/4'
    """
    terms: dict[Variable, Fraction] = {}
    const = _ZERO
    for item in items:
        e = _require(item, "lin_sum")
        const += e._constant
        for v, a in e._terms.items():
            terms[v] = terms.get(v, _ZERO) + a
    return LinExpr._make({v: a for v, a in terms.items() if a}, const)


class Constraint:
    """A linear constraint ``lhs <sense> rhs``, kept as ``body <sense> rhs`` with constant rhs.

    Comparisons build constraints: ``x + 1 <= y + 4`` is stored as ``x - y <= 3``. Python
    reflects a number on the left, so ``3 <= x`` becomes ``x >= 3``. A constraint has no
    truth value, so the chained ``0 <= x <= 1`` raises: add two constraints or use bounds.

    Parameters
    ----------
    lhs, rhs
        Variables, expressions or numbers.
    sense
        ``"<="``, ``">="`` or ``"=="``.

    Examples
    --------
    >>> lp = LinearProgram()
    >>> x, y = lp.var("x"), lp.var("y")
    >>> con = x + 1 <= y + "9/2"
    >>> con, con.rhs
    (x - y <= 7/2, Fraction(7, 2))
    >>> bool(x == y)
    Traceback (most recent call last):
    ...
    TypeError: a Constraint has no truth value (is this a chained comparison such as
        0 <= x <= 1? add two constraints or use bounds)
    """

    __slots__ = ("expr", "sense")

    def __init__(self, lhs: object, sense: str, rhs: object = 0) -> None:
        if sense not in ("<=", ">=", "=="):
            raise ValueError(f"Constraint(): sense={sense!r}; expected '<=', '>=' or '=='")
        #: ``lhs - rhs``; the constraint is ``expr <sense> 0``.
        self.expr: LinExpr = _require(lhs, sense)._combine(_require(rhs, sense), -1)
        self.sense: str = sense

    @property
    def body(self) -> LinExpr:
        """The variable part of ``lhs - rhs`` (no constant)."""
        return LinExpr._make(dict(self.expr._terms), _ZERO)

    @property
    def rhs(self) -> Fraction:
        """The constant right-hand side once every variable is moved to the left."""
        return -self.expr._constant

    def __bool__(self) -> bool:
        raise TypeError(
            "a Constraint has no truth value (is this a chained comparison such as "
            "0 <= x <= 1? add two constraints or use bounds)"
        )

    def __str__(self) -> str:
        return f"{self.body} {self.sense} {fraction_str(self.rhs)}"

    __repr__ = __str__


class LinearProgram:
    """An LP with named variables and constraints, solved exactly.

    Parameters
    ----------
    name
        A label used in messages.
    maximize
        The sense used by :meth:`lex_objectives` and :meth:`solve` until :meth:`minimize`
        or :meth:`maximize` sets it.

    Examples
    --------
    >>> lp = LinearProgram("toy")
    >>> x, y = lp.var("x"), lp.var("y", ub=3)
    >>> lp.add(x + 2 * y >= 4, name="demand")
    'demand'
    >>> lp.minimize(3 * x + y)
    >>> sol = lp.solve()
    >>> sol.objective, sol.value(y), sol.dual("demand")
    (Fraction(2, 1), Fraction(2, 1), Fraction(1, 2))
    >>> lp.vars("q", [(1, 2), (2, 1)], lb=None, ub="1/2")[1, 2].ub
    Fraction(1, 2)
    >>> lp.var("x")
    Traceback (most recent call last):
    ...
    exactmech.errors.InvalidProblemError: LinearProgram.var(): a variable named 'x'
        already exists in 'toy'
    """

    def __init__(self, name: str = "lp", *, maximize: bool = False) -> None:
        self.name = name
        self._maximize = bool(maximize)
        self._vars: list[Variable] = []
        self._var_names: set[str] = set()
        self._cons: dict[str, Constraint] = {}
        self._objectives: list[LinExpr] = []
        self._lex = False
        self._auto = 0

    def _check_name(self, name: object, taken: Iterable[str], func: str, what: str) -> str:
        if not isinstance(name, str) or not name:
            raise InvalidProblemError(f"{func}(): a name must be a non-empty string, not {name!r}")
        if name in taken:
            raise InvalidProblemError(
                f"{func}(): a {what} named {name!r} already exists in {self.name!r}"
            )
        return name

    def _bounds(self, lb: object, ub: object, func: str) -> tuple[Fraction | None, Fraction | None]:
        lo = None if lb is None else Q(lb, "lb", func=func)
        hi = None if ub is None else Q(ub, "ub", func=func)
        if lo is not None and hi is not None and lo > hi:
            raise InvalidProblemError(f"{func}(): lb={lo} is above ub={hi}")
        return lo, hi

    def _new(self, name: str, lo: Fraction | None, hi: Fraction | None) -> Variable:
        v = Variable(name, lo, hi, len(self._vars), self)
        self._vars.append(v)
        self._var_names.add(name)
        return v

    def var(self, name: str, lb: RationalLike = 0, ub: RationalLike = None) -> Variable:
        """Add a variable with ``lb <= v <= ub`` (``None`` is infinite; default ``v >= 0``).

        Names are unique; ``lb > ub`` and floats are rejected.
        """
        func = "LinearProgram.var"
        self._check_name(name, self._var_names, func, "variable")
        return self._new(name, *self._bounds(lb, ub, func))

    def vars(
        self, prefix: str, keys: Iterable[K], lb: RationalLike = 0, ub: RationalLike = None
    ) -> dict[K, Variable]:
        """Add a family ``prefix[key]`` (tuple keys are named ``q[1,2]``); all or nothing."""
        func = "LinearProgram.vars"
        lo, hi = self._bounds(lb, ub, func)
        names: dict[K, str] = {}
        seen = set(self._var_names)
        for key in keys:
            label = ",".join(map(str, key)) if isinstance(key, tuple) else str(key)
            names[key] = self._check_name(f"{prefix}[{label}]", seen, func, "variable")
            seen.add(names[key])
        return {key: self._new(name, lo, hi) for key, name in names.items()}

    @property
    def variables(self) -> tuple[Variable, ...]:
        """The variables, in column order."""
        return tuple(self._vars)

    @property
    def constraints(self) -> dict[str, Constraint]:
        """A copy of the constraints by name, in insertion order."""
        return dict(self._cons)

    @property
    def sense(self) -> str:
        """``"maximize"`` or ``"minimize"``."""
        return "maximize" if self._maximize else "minimize"

    def _own(self, e: LinExpr, func: str) -> LinExpr:
        for v in e._terms:
            if v._lp is not self:
                raise InvalidProblemError(
                    f"{func}(): variable {v.name!r} belongs to {v._lp.name!r}, not {self.name!r}"
                )
        return e

    def add(self, constraint: Constraint, name: str | None = None) -> str:
        """Add a constraint and return its name (``c0``, ``c1``, ... unless given; unique).

        ``lp += constraint`` does the same with an automatic name.
        """
        func = "LinearProgram.add"
        if not isinstance(constraint, Constraint):
            hint = " (a comparison of plain numbers?)" if isinstance(constraint, bool) else ""
            raise TypeError(f"{func}(): expected a Constraint, got {constraint!r}{hint}")
        self._own(constraint.expr, func)
        if name is None:
            while f"c{self._auto}" in self._cons:
                self._auto += 1
            name = f"c{self._auto}"
        self._cons[self._check_name(name, self._cons, func, "constraint")] = constraint
        return name

    def __iadd__(self, constraint: Constraint) -> LinearProgram:
        self.add(constraint)
        return self

    def minimize(self, expr: object) -> None:
        """Minimise ``expr`` (a variable, expression or number)."""
        self._objectives = [self._own(_require(expr, "minimize"), "minimize")]
        self._lex, self._maximize = False, False

    def maximize(self, expr: object) -> None:
        """Maximise ``expr`` (a variable, expression or number)."""
        self._objectives = [self._own(_require(expr, "maximize"), "maximize")]
        self._lex, self._maximize = False, True

    def lex_objectives(self, exprs: Iterable[object]) -> None:
        """Optimise ``exprs[0]``, then ``exprs[1]`` among its optimisers, ... (program's sense).

        The solution's :attr:`~Solution.objective` is then the tuple of stage values.
        """
        objs = [self._own(_require(e, "lex_objectives"), "lex_objectives") for e in exprs]
        if not objs:
            raise InvalidProblemError("LinearProgram.lex_objectives(): no objective given")
        self._objectives, self._lex = objs, True

    def _vector(self, e: LinExpr) -> tuple[Fraction, ...]:
        c = [_ZERO] * len(self._vars)
        for v, a in e._terms.items():
            c[v.index] = a
        return tuple(c)

    def _rows(self) -> dict[str, tuple[str, int, int]]:
        """Constraint name -> (``"ub"`` or ``"eq"``, row index, sign of the stored row)."""
        out: dict[str, tuple[str, int, int]] = {}
        count = {"ub": 0, "eq": 0}
        for name, con in self._cons.items():
            kind = "eq" if con.sense == "==" else "ub"
            out[name] = (kind, count[kind], -1 if con.sense == ">=" else 1)
            count[kind] += 1
        return out

    def to_problem(self) -> LPProblem:
        """The :class:`LPProblem`: ``>=`` rows negated into ``<=`` rows, constants moved right.

        Names carry over; the objective (the first lexicographic one; ``0`` if unset) keeps
        its constant in ``c0``.

        Examples
        --------
        >>> lp = LinearProgram()
        >>> x = lp.var("x", lb=None)
        >>> lp.add(2 * x + 1 >= 4, name="g")
        'g'
        >>> lp.maximize(x + "1/2")
        >>> p = lp.to_problem()
        >>> p.A_ub, p.b_ub, p.c0
        ((((0, Fraction(-2, 1)),),), (Fraction(-3, 1),), Fraction(1, 2))
        >>> lp.add(x <= 0.5)
        Traceback (most recent call last):
        ...
        exactmech.errors.FloatInputError: linear expression '<=': 0.5 is a float;
            pass Fraction(1, 2) or '1/2'
        """
        rows: dict[str, list[SparseRow]] = {"ub": [], "eq": []}
        rhs: dict[str, list[Fraction]] = {"ub": [], "eq": []}
        names: dict[str, list[str]] = {"ub": [], "eq": []}
        for name, (kind, _, sign) in self._rows().items():
            e = self._cons[name].expr
            rows[kind].append(tuple(sorted((v.index, sign * a) for v, a in e._terms.items())))
            rhs[kind].append(-sign * e.constant)
            names[kind].append(name)
        obj = self._objectives[0] if self._objectives else LinExpr()
        return LPProblem(
            c=self._vector(obj), c0=obj.constant, maximize=self._maximize,
            A_ub=tuple(rows["ub"]), b_ub=tuple(rhs["ub"]), ub_names=tuple(names["ub"]),
            A_eq=tuple(rows["eq"]), b_eq=tuple(rhs["eq"]), eq_names=tuple(names["eq"]),
            bounds=tuple((v.lb, v.ub) for v in self._vars),
            var_names=tuple(v.name for v in self._vars),
        )

    def solve(
        self, method: str = "auto", *, backend: str | Ring | None = None,
        max_iter: int | None = None, verify: bool = True,
    ) -> Solution:
        """Solve exactly; the keywords are those of :func:`~exactmech.lp.solve_problem`.

        Infeasible and unbounded programs give a :class:`Solution` with that ``status``.
        """
        problem = self.to_problem()
        objs = tuple(self._objectives) or (LinExpr(),)
        lex: LexResult | None = None
        if self._lex:
            lex = solve_lex(
                problem, [self._vector(e) for e in objs],
                method=method, backend=backend, max_iter=max_iter, verify=verify,
            )
            res = lex.stages[-1]
        else:
            res = solve_problem(
                problem, method=method, backend=backend, max_iter=max_iter, verify=verify
            )
        return Solution(self, res, lex, objs)

    def __repr__(self) -> str:
        return (
            f"LinearProgram({self.name!r}, {self.sense}, {len(self._vars)} variables, "
            f"{len(self._cons)} constraints)"
        )


class Solution:
    """The exact answer of :meth:`LinearProgram.solve`, in the program's names.

    :meth:`dual` is the marginal ``∂objective/∂rhs`` of a constraint as written, i.e. the
    rate of change of the optimum when ``lhs <sense> rhs`` becomes ``lhs <sense> rhs + δ``
    (minimising: ``<= 0`` for ``<=``, ``>= 0`` for ``>=``). With lexicographic objectives,
    :attr:`objective` is the tuple of stage values and duals and reduced costs are the last
    stage's. Accessors other than :attr:`status` raise
    :class:`~exactmech.errors.LPStatusError` unless the status is ``"optimal"``.

    Attributes
    ----------
    result : LPResult
        The solver's result, with its certificate (lexicographic: the last stage).
    lex_result : LexResult or None
        The whole lexicographic result, if any.

    Examples
    --------
    >>> lp = LinearProgram()
    >>> x = lp.var("x")
    >>> lp += x >= "1/3"
    >>> lp.minimize(x)
    >>> sol = lp.solve()
    >>> sol.status, sol.values(), sol.dual("c0")
    ('optimal', {'x': Fraction(1, 3)}, Fraction(1, 1))
    >>> lp += x <= 0
    >>> lp.solve().value(x)
    Traceback (most recent call last):
    ...
    exactmech.errors.LPStatusError: Solution.value(): the LP 'lp' is infeasible, so it has
        no optimal value
    """

    def __init__(
        self, lp: LinearProgram, result: LPResult, lex_result: LexResult | None,
        objectives: tuple[LinExpr, ...],
    ) -> None:
        self.result = result
        self.lex_result = lex_result
        self._lp = lp
        self._vars = tuple(lp._vars)
        self._rows = lp._rows()
        self._objectives = objectives

    @property
    def status(self) -> str:
        """``"optimal"``, ``"infeasible"`` or ``"unbounded"``."""
        return self.lex_result.status if self.lex_result is not None else self.result.status

    def _x(self, func: str, what: str) -> tuple[Fraction, ...]:
        x = self.result.x
        if self.status != "optimal" or x is None:
            raise LPStatusError(
                f"Solution.{func}(): the LP {self._lp.name!r} is {self.status}, "
                f"so it has no optimal {what}",
                self.lex_result if self.lex_result is not None else self.result,
            )
        return x

    def raise_for_status(self) -> Solution:
        """Return ``self`` if optimal, else raise :class:`~exactmech.errors.LPStatusError`."""
        self._x("raise_for_status", "solution")
        return self

    def _eval(self, e: LinExpr, x: tuple[Fraction, ...], func: str) -> Fraction:
        for v in e._terms:
            if v._lp is not self._lp or v.index >= len(x):
                raise InvalidProblemError(f"Solution.{func}(): {v.name!r} is not in the LP")
        return sum((a * x[v.index] for v, a in e._terms.items()), e._constant)

    @property
    def objective(self) -> Fraction | tuple[Fraction, ...]:
        """The optimal value (the tuple of stage values for lexicographic objectives)."""
        x = self._x("objective", "objective")
        if self.lex_result is None and self.result.fun is not None:
            return self.result.fun
        return tuple(self._eval(e, x, "objective") for e in self._objectives)

    def value(self, item: Variable | LinExpr) -> Fraction:
        """Exact value of a variable or expression at the optimum."""
        x = self._x("value", "value")
        if not isinstance(item, _Linear):
            raise TypeError(f"Solution.value(): expected a Variable or LinExpr, got {item!r}")
        return self._eval(item._expr(), x, "value")

    def values(self) -> dict[str, Fraction]:
        """Every variable's value, by name."""
        x = self._x("values", "values")
        return {v.name: x[v.index] for v in self._vars}

    def dual(self, name: str) -> Fraction:
        """The marginal ``∂objective/∂rhs`` of the named constraint, as written."""
        self._x("dual", "dual")
        if name not in self._rows:
            raise InvalidProblemError(f"Solution.dual(): no constraint named {name!r}")
        kind, i, sign = self._rows[name]
        duals = self.result.dual_ub if kind == "ub" else self.result.dual_eq
        assert duals is not None
        return sign * duals[i]

    def duals(self) -> dict[str, Fraction]:
        """Every constraint's dual, by name (see :meth:`dual`)."""
        return {name: self.dual(name) for name in self._rows}

    def reduced_cost(self, var: Variable) -> Fraction:
        """``c_j − (Aᵀy)_j`` for ``var``: the objective's marginal w.r.t. its active bound."""
        self._x("reduced_cost", "reduced cost")
        rc = self.result.reduced_costs
        assert rc is not None
        if var._lp is not self._lp or var.index >= len(rc):
            raise InvalidProblemError(f"Solution.reduced_cost(): {var.name!r} is not in the LP")
        return rc[var.index]

    def __repr__(self) -> str:
        if self.status != "optimal":
            return f"Solution(status={self.status!r})"
        obj = self.objective
        if isinstance(obj, Fraction):
            return f"Solution(status='optimal', objective={fraction_str(obj)})"
        shown = ", ".join(map(fraction_str, obj))
        return f"Solution(status='optimal', objective=({shown}))"
