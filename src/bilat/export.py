"""Writing a canonical table out of the store, as one Parquet file."""

from __future__ import annotations

import os
from pathlib import Path

from bilat.catalog.store import Store
from bilat.errors import BilatError
from bilat.sql import quote_identifier, quote_literal


def export_parquet(store: Store, table: str, out: Path | str) -> Path:
    """Write ``table`` (ingested rows only, not the embedded data) to one Parquet file at ``out``.

    The path reaches DuckDB's ``COPY`` through :func:`bilat.sql.quote_literal` (any name is a
    name, never SQL); the file is written beside ``out`` and renamed into place, so a failed
    export leaves no partial file. A folder that does not exist, or ``out`` being a folder, is
    one clear error.
    """
    import duckdb

    from bilat.engines import open_engine
    from bilat.engines.base import check_table_name

    check_table_name(table)
    out = Path(out)
    if out.is_dir():
        raise BilatError(f"{out}: is a folder; give the Parquet file to write")
    if not out.parent.is_dir():
        raise BilatError(f"{out.parent}: no such folder to write {out.name} into")
    partial = out.with_name(out.name + ".partial")
    engine = open_engine(store=store, include_embedded=False)
    try:
        engine.con.execute(
            f"COPY (SELECT * FROM {quote_identifier(table)}) TO {quote_literal(partial)} (FORMAT parquet, COMPRESSION zstd)"
        )
        os.replace(partial, out)
    except (duckdb.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BilatError(f"{out}: cannot write the export ({str(exc).splitlines()[0]})") from None
    finally:
        engine.close()
    return out
