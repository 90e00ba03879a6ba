"""The store as one object, for code written against bilat 0.1: reading and writing in one class.

Since the one-session layer, the read side lives in :mod:`bilat.catalog` and ingestion in
:mod:`bilat.ingest`; nothing inside bilat imports this package (it is kept importable for one
release). ``Store(home).ingest(...)`` and ``.export_parquet(...)`` still work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bilat.catalog.store import Store as _CatalogStore
from bilat.ingest.pipeline import IngestResult, Ingestion, sha256_of


class Store(_CatalogStore):
    """A :class:`bilat.catalog.Store` that can also ingest and export (the 0.1 interface)."""

    def ingest(self, source: str, path: Path | str, **options: Any) -> IngestResult:
        """Validate and store one file (see :meth:`bilat.ingest.Ingestion.ingest`)."""
        return Ingestion(self).ingest(source, path, **options)

    def export_parquet(self, table: str, out: Path | str) -> Path:
        """Write ``table`` (ingested rows only) to one Parquet file (see :func:`bilat.export.export_parquet`)."""
        from bilat.export import export_parquet

        return export_parquet(self, table, out)


def open_store(home: Path | str | None = None) -> Store:
    """The store at ``home`` (default: ``$BILAT_HOME`` or the user data directory)."""
    return Store(home)


__all__ = ["IngestResult", "Store", "open_store", "sha256_of"]
