"""bilat: monitor trade and cooperation between two countries, from official statistics.

The public API is short (see ``__all__``); everything returns pandas DataFrames::

    import bilat
    bilat.flows("Israel", "Japan", years="2013-2016")

Names are imported on first use, so ``import bilat`` stays fast for the CLI.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Session": "bilat.session:Session",
    "Store": "bilat.store:Store",
    "open_store": "bilat.store:open_store",
    "open_engine": "bilat.engines:open_engine",
    "ingest_file": "bilat.ingest:ingest_file",
    "flows": "bilat.questions.yearly:flows",
    "pair_flows": "bilat.questions.yearly:pair_flows",
    "composition": "bilat.questions.products:composition",
    "pair_composition": "bilat.questions.products:pair_composition",
    "resolve_country": "bilat.nomenclature.countries:resolve_country",
    "profile": "bilat.questions.overview:profile",
    "target_status": "bilat.questions.targets:target_status",
    "add_target": "bilat.questions.targets:add_target",
    "reconcile": "bilat.questions.side_by_side:reconcile",
    "untapped_potential": "bilat.questions.potential:untapped_potential",
    "SourceTraits": "bilat.sources.traits:SourceTraits",
    "BilatError": "bilat.errors:BilatError",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'bilat' has no attribute {name!r}")
    module_name, attribute = target.split(":")
    value = getattr(importlib.import_module(module_name), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
