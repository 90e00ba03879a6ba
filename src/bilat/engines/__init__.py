"""Query engines. DuckDB is the default; Spark runs the same Ibis expressions on larger data.

Example::

    from bilat.engines import open_engine
    with open_engine() as engine:
        flows = engine.table("country_flows")
        engine.execute(flows.filter(flows.reporter == "ISR").limit(5))
"""

from __future__ import annotations

from pathlib import Path

from bilat.engines.base import Engine
from bilat.errors import BilatError
from bilat.catalog.store import Store

ENGINES = ("duckdb", "spark")

def open_engine(
    engine: str = "duckdb",
    *,
    store: Store | None = None,
    home: Path | str | None = None,
    include_embedded: bool = True,
) -> Engine:
    """Connect ``engine`` to the store (default store: ``$BILAT_HOME``) plus the embedded data."""
    store = store or Store(home)
    if engine == "duckdb":
        from bilat.engines.duckdb import DuckDBEngine

        return DuckDBEngine(store, include_embedded=include_embedded)
    if engine == "spark":
        from bilat.engines.spark import SparkEngine

        return SparkEngine(store, include_embedded=include_embedded)
    raise BilatError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")


__all__ = ["ENGINES", "Engine", "open_engine"]
