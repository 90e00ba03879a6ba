"""Writing a canonical table out of the store, as one Parquet file."""

from __future__ import annotations

from pathlib import Path

from bilat.catalog.store import Store


def export_parquet(store: Store, table: str, out: Path | str) -> Path:
    """Write ``table`` (ingested rows only, not the embedded data) to one Parquet file at ``out``."""
    from bilat.engines import open_engine

    out = Path(out)
    engine = open_engine(store=store, include_embedded=False)
    try:
        engine.con.execute(f"COPY (SELECT * FROM {table}) TO '{out}' (FORMAT parquet, COMPRESSION zstd)")
    finally:
        engine.close()
    return out
