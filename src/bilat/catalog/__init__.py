"""The store's read side: its folder, catalog, write lock and the small records kept in it.

See :mod:`bilat.catalog.store`; the writing side is :mod:`bilat.ingest`.
"""

from bilat.catalog.store import CATALOG_SCHEMA, LOCK_WAIT_SECONDS, Store, open_store

__all__ = ["CATALOG_SCHEMA", "LOCK_WAIT_SECONDS", "Store", "open_store"]
