"""The store: provenance catalog (DuckDB) and canonical rows (Parquet). See :mod:`bilat.store.store`."""

from bilat.store.store import IngestResult, Store, open_store, sha256_of

__all__ = ["IngestResult", "Store", "open_store", "sha256_of"]
