"""Ibis's SQL compilers loaded one by one, as an engine asks for its own.

Why: ``ibis.backends.sql.compilers`` imports the compilers of all twenty Ibis backends (Athena,
BigQuery, ClickHouse, Trino...) the first time any one is needed; opening bilat's DuckDB engine
paid about 0.18 s of CPU for the nineteen it never uses, in every process that answers a question.

:func:`install` puts in its place a package object with the same path, whose names (``sc.duckdb``,
``sc.DuckDBCompiler``) import the one submodule they live in on first use. It does so only if the
real package is not imported yet and its ``__init__`` is exactly what this expects: ``from
.<module> import <Name>`` lines and ``__all__`` (read with ``ast``, nothing executed); any other
Ibis version keeps its own package untouched.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import sys
from typing import Any

PACKAGE = "ibis.backends.sql.compilers"


def install() -> bool:
    """Make the compilers package lazy; False when it is already loaded or not as expected."""
    if PACKAGE in sys.modules:
        return False
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        return False
    if spec is None or not spec.origin or not spec.submodule_search_locations:
        return False
    names = _names(spec.origin)
    if not names:
        return False
    module = importlib.util.module_from_spec(spec)  # the real package's spec and path, not executed

    def __getattr__(attr: str) -> Any:  # noqa: N807 - a module's attribute hook
        if attr in names:
            submodule, original = names[attr]
            value = getattr(importlib.import_module(f"{PACKAGE}.{submodule}"), original)
            setattr(module, attr, value)
            return value
        if not attr.startswith("__") and importlib.util.find_spec(f"{PACKAGE}.{attr}") is not None:
            return importlib.import_module(f"{PACKAGE}.{attr}")  # a submodule: sc.duckdb.compiler
        raise AttributeError(f"module {PACKAGE!r} has no attribute {attr!r}")

    module.__getattr__ = __getattr__  # type: ignore[attr-defined]
    module.__all__ = sorted(names)  # type: ignore[attr-defined]
    sys.modules[PACKAGE] = module
    parent = sys.modules.get(PACKAGE.rsplit(".", 1)[0])
    if parent is not None:
        parent.compilers = module  # type: ignore[attr-defined]
    return True


def _names(origin: str) -> dict[str, tuple[str, str]]:
    """Exported name -> (submodule, its name there), if the ``__init__`` holds only those imports and ``__all__``."""
    try:
        with open(origin, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError):
        return {}
    names: dict[str, tuple[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["__all__"]:
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):  # a docstring
            continue
        if (isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                and node.module.startswith(PACKAGE + ".") and node.module.count(".") == PACKAGE.count(".") + 1):
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module.rsplit(".", 1)[1], alias.name)
            continue
        return {}
    return names


__all__ = ["install"]
