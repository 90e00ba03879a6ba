"""Source loaders: one module per input format, all meeting :class:`bilat.sources.base.Source`.

Built-in loaders and third-party ones (entry-point group ``bilat.sources``) share one registry.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points

from bilat.errors import BilatError
from bilat.sources.base import Source, StageContext, Staged

#: name -> "module:Class" of the built-in loaders; imported on first use to keep start-up fast.
BUILTIN_SOURCES: dict[str, str] = {
    "baci": "bilat.sources.baci:BaciSource",
    "comtrade": "bilat.sources.comtrade:ComtradeSource",
    "imf_dots": "bilat.sources.imf_dots:ImfDotsSource",
    "ots": "bilat.sources.ots:OtsSource",
    "worldbank": "bilat.sources.worldbank:WorldBankSource",
    "cow": "bilat.sources.cow:CowSource",
    "comtrade_world": "bilat.sources.comtrade_world:ComtradeWorldSource",
}


def source_names() -> list[str]:
    """Every loader name bilat knows, built-in and installed plug-ins."""
    names = set(BUILTIN_SOURCES)
    names.update(ep.name for ep in entry_points(group="bilat.sources"))
    return sorted(names)


def get_source(name: str) -> Source:
    """The loader called ``name``; a clear error lists the known names."""
    spec = BUILTIN_SOURCES.get(name)
    if spec is not None:
        module_name, class_name = spec.split(":")
        return getattr(importlib.import_module(module_name), class_name)()
    for ep in entry_points(group="bilat.sources"):
        if ep.name == name:
            return ep.load()()
    raise BilatError(f"unknown source {name!r}; known sources: {', '.join(source_names())}")


__all__ = ["Source", "StageContext", "Staged", "get_source", "source_names", "BUILTIN_SOURCES"]
