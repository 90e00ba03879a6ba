"""Writing a canonical table out of the store, as one Parquet file."""

from __future__ import annotations

from pathlib import Path

from bilat.catalog.store import Store
from bilat.sql import quote_identifier, quote_literal


def export_parquet(store: Store, table: str, out: Path | str) -> Path:
    """Write ``table`` (ingested rows only, not the embedded data) to one Parquet file at ``out``."""
    from bilat.engines import open_engine
    from bilat.engines.base import check_table_name

    check_table_name(table)
    out = Path(out)
    engine = open_engine(store=store, include_embedded=False)
    try:
        engine.con.execute(f"COPY (SELECT * FROM {quote_identifier(table)}) TO {quote_literal(out)} (FORMAT parquet, COMPRESSION zstd)")
    finally:
        engine.close()
    return out
