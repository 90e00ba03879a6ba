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
    "Store": "bilat.store:Store",
    "open_store": "bilat.store:open_store",
    "open_engine": "bilat.engines:open_engine",
    "flows": "bilat.queries:flows",
    "pair_flows": "bilat.queries:pair_flows",
    "composition": "bilat.queries:composition",
    "pair_composition": "bilat.queries:pair_composition",
    "resolve_country": "bilat.nomenclature.countries:resolve_country",
    "profile": "bilat.pair_api:profile",
    "target_status": "bilat.pair_api:target_status",
    "reconcile": "bilat.pair_api:reconcile",
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
