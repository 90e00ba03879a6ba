"""The question layer: one module per question, each taking a :class:`bilat.session.Session`.

The CLI, the web service and the report import answers from here and nowhere else; every answer
has one ``to_dict()`` they all print. Names load on first use (``import bilat.questions`` stays
cheap for commands that need none of them).

========================= ====================================================================
module                    question
========================= ====================================================================
``yearly``                what A and B trade each way, year by year
``products``              ... in which products
``overview``              ... with growth, shares and ranks, composition, a sector lens
``targets``, ``goals``    are they on track for the goal they declared
``potential``             where is untapped potential
``side_by_side``          do the sources agree on the same flow
``probe``                 which source holds what (the one coverage probe)
``extent``                how far a figure reaches: each direction's latest year, a slice's share
``pair_indices``          complementarity, intra-industry trade, concentration of the pair
``complexity``            ECI and PCI, with the Atlas's filters for small exporters
========================= ====================================================================
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Answer": "answer", "records": "answer",
    "pair_flows": "yearly", "flows": "yearly", "pair_series": "yearly",
    "pair_composition": "products", "composition": "products",
    "PairProfile": "overview", "profile": "overview", "cagr_table": "overview",
    "world_exports": "profile_parts",
    "Reconciliation": "side_by_side", "reconcile": "side_by_side",
    "PotentialAnswer": "potential", "untapped_potential": "potential", "rca_table": "potential",
    "Coverage": "probe", "coverage": "probe", "FULL_BASKET_CHAPTERS": "probe",
    "make_target": "targets", "add_target": "targets", "list_targets": "targets", "remove_target": "targets",
    "target_status": "targets", "evaluate_target": "targets", "seed_targets": "targets", "same_goal": "targets",
    "SEED_TARGETS": "targets", "parse_goal": "goals",
    "economic_complexity": "complexity", "ComplexityAnswer": "complexity",
    "LOAD_HINT": "hints", "BACI_HINT": "hints", "LOAD_BACI": "hints",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'bilat.questions' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"bilat.questions.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
