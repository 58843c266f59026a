"""Paper 000, "Can Buyers Reveal for a Better Deal?", §4: two uniform buyers, interval disclosure.

Model (paper 000, §4): buyers A and B have values ``v_A, v_B ~ U[0, 1]`` i.i.d. for one good.
Each commits to a partition of ``[0, 1]`` into intervals and announces the element that
contains her value (the Partitional Lemma, Lemma 2.2, makes this without loss; §4 restricts
to connected elements). A *pooled* element ``[a, b]`` leaves the seller with the posterior
``U[a, b]``, whose virtual value is ``φ(v) = 2v − b`` (Lemma 4.1); a *revealed* value is its
own virtual value. The seller runs Myerson's optimal auction for the posterior profile: the
good goes to the highest nonnegative virtual value and the winner pays the smallest value in
her own message at which she would still win (the lowest type of a message gets zero).
We report expected revenue ``R``, welfare ``W``, buyer surplus ``U = E[U_A] + E[U_B]``
(``W = R + U``), exactly.

Modules:

==================  ===========================================================================
``partitions``      :class:`Segment`, :class:`IntervalPartition`, validation
``evaluator``       :func:`evaluate`, :func:`cell_outcome`, :func:`outcome_at`,
                    :func:`interim_outcome`, :func:`inefficiency`, allocation regions
``parametric``      breakpoints affine in a sympy symbol → piecewise polynomials (§4.2)
``selfsimilar``     Zeno's partition and other self-similar partitions, summed exactly (Fig. 3d)
``efficiency``      Theorem 4.4's witness of inefficiency (§4.3)
``search``          grid enumeration and local search for Conjectures 4.2 and 4.3
``figures``         the data of Figures 2 and 3
==================  ===========================================================================

Examples
--------
>>> evaluate([(0, "1/2"), ("1/2", 1)], [(0, 1)]).buyer_surplus       # Fig. 3a
Fraction(11, 64)
"""

from exactmech.papers.disclosure_continuous import (
    efficiency,
    evaluator,
    figures,
    parametric,
    partitions,
    search,
    selfsimilar,
)
from exactmech.papers.disclosure_continuous.efficiency import *  # noqa: F403
from exactmech.papers.disclosure_continuous.evaluator import *  # noqa: F403
from exactmech.papers.disclosure_continuous.figures import *  # noqa: F403
from exactmech.papers.disclosure_continuous.parametric import *  # noqa: F403
from exactmech.papers.disclosure_continuous.partitions import *  # noqa: F403
from exactmech.papers.disclosure_continuous.search import *  # noqa: F403
from exactmech.papers.disclosure_continuous.selfsimilar import *  # noqa: F403

__all__ = [
    *efficiency.__all__,
    *evaluator.__all__,
    *figures.__all__,
    *parametric.__all__,
    *partitions.__all__,
    *search.__all__,
    *selfsimilar.__all__,
]
