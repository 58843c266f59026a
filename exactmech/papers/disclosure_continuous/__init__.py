"""Paper 000, §4: two uniform buyers disclosing by interval partitions (placeholder)."""

from exactmech.papers.disclosure_continuous.efficiency import *  # noqa: F403
from exactmech.papers.disclosure_continuous.evaluator import *  # noqa: F403
from exactmech.papers.disclosure_continuous.parametric import *  # noqa: F403
from exactmech.papers.disclosure_continuous.partitions import *  # noqa: F403
from exactmech.papers.disclosure_continuous.search import *  # noqa: F403
from exactmech.papers.disclosure_continuous.selfsimilar import *  # noqa: F403
