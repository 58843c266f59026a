"""Paper 000, "Can Buyers Reveal for a Better Deal?" (Halpern, Kehne, Tucker-Foltz, 2021).

Verifiable disclosure: each buyer announces a set of types containing her true type; the
seller then runs the revenue-optimal mechanism for the posterior. This package covers the
discrete parts of the paper (§4, two uniform buyers with interval partitions, lives in
:mod:`exactmech.papers.disclosure_continuous`):

* :mod:`~exactmech.papers.disclosure.game` — §2–§3: :class:`DisclosureGame` (ℓ buyers, m
  goods, independent or joint prior; both ends of each optimal face; always-sell),
  :func:`set_partitions`, :func:`connected_partitions`;
* :mod:`~exactmech.papers.disclosure.face` — §3.1: the optimal face of the mechanism LP,
  uniqueness test, interim rules, symmetrisation, checking a printed mechanism;
* :mod:`~exactmech.papers.disclosure.examples` — §3.2, §3.3 and footnote 3: the paper's
  instances and every table, with the printed values alongside;
* :mod:`~exactmech.papers.disclosure.one_buyer` — §2.1 and §5.1: one buyer, one good
  (buyerUtility, Algorithm 1, BUYER-OPT by brute force, equilibria and the Efficiency
  Lemma 2.1 transform);
* :mod:`~exactmech.papers.disclosure.complexity` — §5.2, Appendices A and B: the PARTITION
  reduction, the Proposition 5.3 family with symbolic δ, the Appendix A algebra.

Type indices are 0-based throughout (the paper's type ``i`` is our ``i − 1``);
:func:`partition_label` prints partitions in the paper's 1-based notation.
"""

from exactmech.papers.disclosure.complexity import (
    AppendixIdentity,
    Proposition53,
    ReductionInstance,
    appendix_a_identities,
    partition_reduction,
    proposition_5_3,
    proposition_5_3_family,
    solve_partition,
)
from exactmech.papers.disclosure.examples import (
    EXAMPLE_1,
    EXAMPLE_2,
    FOOTNOTE_3,
    SECTION_3_3,
    TABLES,
    FootnoteRow,
    Instance,
    InterimPriceRow,
    MenuRow,
    PairRow,
    PartitionRow,
    TypeRow,
    example_1_menu,
    example_1_table,
    example_1_types,
    example_2_menu,
    example_2_table,
    example_2_types,
    footnote_3_table,
    section_3_3_interim_prices,
    section_3_3_printed_mechanism,
    section_3_3_table,
)
from exactmech.papers.disclosure.face import (
    InterimType,
    MechanismCheck,
    OptimalFace,
    check_mechanism,
    interim_rule,
    mechanism_from_solution,
    optimal_face,
    second_optimal_mechanism,
    symmetrize,
)
from exactmech.papers.disclosure.game import (
    DisclosureGame,
    DisclosureOutcome,
    MessageOutcome,
    Partition,
    check_partition,
    connected_partitions,
    partition_label,
    set_partitions,
)
from exactmech.papers.disclosure.one_buyer import (
    AlgorithmOneResult,
    Equilibrium,
    OptimalPartition,
    SellerChoice,
    algorithm_1,
    all_equilibria,
    best_connected_partition,
    buyer_opt,
    buyer_opt_decision,
    buyer_utility,
    efficiency_transform,
    equilibrium,
    partition_utility,
    price_revenue,
    seller_prices,
)

__all__ = [
    "EXAMPLE_1",
    "EXAMPLE_2",
    "FOOTNOTE_3",
    "SECTION_3_3",
    "TABLES",
    "AlgorithmOneResult",
    "AppendixIdentity",
    "DisclosureGame",
    "DisclosureOutcome",
    "Equilibrium",
    "FootnoteRow",
    "Instance",
    "InterimPriceRow",
    "InterimType",
    "MechanismCheck",
    "MenuRow",
    "MessageOutcome",
    "OptimalFace",
    "OptimalPartition",
    "PairRow",
    "Partition",
    "PartitionRow",
    "Proposition53",
    "ReductionInstance",
    "SellerChoice",
    "TypeRow",
    "algorithm_1",
    "all_equilibria",
    "appendix_a_identities",
    "best_connected_partition",
    "buyer_opt",
    "buyer_opt_decision",
    "buyer_utility",
    "check_mechanism",
    "check_partition",
    "connected_partitions",
    "efficiency_transform",
    "equilibrium",
    "example_1_menu",
    "example_1_table",
    "example_1_types",
    "example_2_menu",
    "example_2_table",
    "example_2_types",
    "footnote_3_table",
    "interim_rule",
    "mechanism_from_solution",
    "optimal_face",
    "partition_label",
    "partition_reduction",
    "partition_utility",
    "price_revenue",
    "proposition_5_3",
    "proposition_5_3_family",
    "second_optimal_mechanism",
    "section_3_3_interim_prices",
    "section_3_3_printed_mechanism",
    "section_3_3_table",
    "seller_prices",
    "set_partitions",
    "solve_partition",
    "symmetrize",
]
