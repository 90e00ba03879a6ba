"""Ingestion: loaders' rows validated and stored atomically in a store (see :mod:`bilat.ingest.pipeline`)."""

from bilat.ingest.pipeline import IngestResult, Ingestion, ingest_file, sha256_of

__all__ = ["IngestResult", "Ingestion", "ingest_file", "sha256_of"]
