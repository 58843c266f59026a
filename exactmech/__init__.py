"""exactmech: exact computation of mechanism-design and information-design results.

Layers (data flows one way; nothing lower imports anything higher): numbers → exact
kernels (:mod:`exactmech.lp`, :mod:`exactmech.calculus`) → economic building blocks
(:mod:`exactmech.dist`, :mod:`exactmech.auctions`) → paper models (:mod:`exactmech.papers`)
→ claims (:mod:`exactmech.claims`) → reports (:mod:`exactmech.report`, :mod:`exactmech.cli`).
"""

from exactmech.errors import ExactmechError
from exactmech.numbers import Q, as_rational, fraction_str, to_latex

__version__ = "0.1.0"

__all__ = ["ExactmechError", "Q", "__version__", "as_rational", "fraction_str", "to_latex"]
