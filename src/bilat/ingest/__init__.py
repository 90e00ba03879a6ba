"""Ingestion: loaders' rows validated and stored atomically in a store (see :mod:`bilat.ingest.pipeline`)."""

from bilat.ingest.batch import ingest_files
from bilat.ingest.pipeline import IngestResult, Ingestion, ingest_file, sha256_of
from bilat.ingest.totals import rebuild_totals

__all__ = ["IngestResult", "Ingestion", "ingest_file", "ingest_files", "rebuild_totals", "sha256_of"]
