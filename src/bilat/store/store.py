"""Kept importable for one release: the store moved to :mod:`bilat.catalog` (read) and :mod:`bilat.ingest` (write)."""

from bilat.catalog.store import CATALOG_SCHEMA, LOCK_WAIT_SECONDS  # noqa: F401
from bilat.ingest.pipeline import IngestResult, sha256_of  # noqa: F401
from bilat.store import Store, open_store  # noqa: F401
