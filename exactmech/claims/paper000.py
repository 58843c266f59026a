"""Claims of paper 000, "Can Buyers Reveal for a Better Deal?" (§2, §3, §5, appendices, §4.1).

Every value is recomputed through :mod:`exactmech.papers.disclosure` (the §3.1 LP with
ex-post IC/IR and the paper's max-buyer-surplus tie rule; one buyer and one good for §5).
``expected`` is what the paper prints; numbers the paper gets wrong carry an
:class:`~exactmech.claims.Erratum` and a named test in ``tests/papers/test_disclosure_claims.py``
that recomputes them independently. The §4.2–§4.3 claims live in ``paper000_continuous``.
"""

from __future__ import annotations

from exactmech.claims._paper000_s3 import CLAIMS as _S3
from exactmech.claims._paper000_s5 import CLAIMS as _S5
from exactmech.claims.core import Claim

__all__ = ["CLAIMS"]

#: §3.2, §3.3, footnote 3 (``_paper000_s3``); §5, Appendices A–B and §4.1 (``_paper000_s5``).
CLAIMS: list[Claim] = [*_S3, *_S5]
