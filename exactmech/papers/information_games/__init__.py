"""Paper 004, "Information Games and Robust Trading Mechanisms" (Carroll, 2017), exactly.

Model (paper 004, §2): bilateral trade with two values per side, ``s̲ < b̲ < s̄ < b̄``,
independent with ``P(b̄) = p_b̄`` and ``P(s̲) = p_s̲``. Before trading, the agents may play
any *information game* (costly or free acquisition, disclosure, concealment, extortion);
a mechanism is judged by the expected welfare, net of information-game payoffs, that it
guarantees in every such game (§3). The main theorem (Theorems 3.2, 3.3) says the best
guarantee ``W*(θ)`` is ``W_FP`` (a flexible-price mechanism) in region I of Figure 5 and
``W_DS`` (the optimal dominant-strategy mechanism, Lemma 2.1) elsewhere; the upper bound
comes from the extortion lemma (§4) applied to the lists of information structures of
Tables 3 and 4, which are finite exact LPs here.

Modules (one concern each):

=================  ===============================================================
``params``         θ, thresholds, λ, ``W_DS``, ``W_FP``, regions, ``W*``, mirror
``mechanisms``     value mechanisms, Table 1, the DS and Bayesian LPs (§2)
``indirect``       indirect mechanisms, Tables 2 and 5, weak dominance, guarantees
``structures``     information structures, (overlapping) lists, Tables 3 and 4
``extortion``      direct mechanisms on structures, TMU, the extortion LP
``bounds``         Appendix C's sub-bounds as rows, one point of the Figure 5 square
``free_info``      Proposition 6.1: ``M_δ`` and lower convex envelopes
``appendix_e``     the counterexamples of Appendix E, Tables 6 and 7
``symbolic``       sympy versions of the closed forms, the paper's printed formulas
=================  ===============================================================
"""

from exactmech.papers.information_games.bounds import *  # noqa: F403
from exactmech.papers.information_games.extortion import *  # noqa: F403
from exactmech.papers.information_games.indirect import *  # noqa: F403
from exactmech.papers.information_games.mechanisms import *  # noqa: F403
from exactmech.papers.information_games.params import *  # noqa: F403
from exactmech.papers.information_games.structures import *  # noqa: F403
