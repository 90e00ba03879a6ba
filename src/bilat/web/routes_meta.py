"""``/api/health`` and ``/api/sources``: is the service up, and where do its numbers come from."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from bilat import __version__
from bilat.settings import EMBEDDED_DIR
from bilat.web.deps import ETag, Pool, StoreDep
from bilat.web.responses import ERROR_RESPONSES, Envelope, envelope

router = APIRouter(prefix="/api", tags=["service"], responses=ERROR_RESPONSES)

#: Provenance columns shown to clients; the server-side ``path`` of each file is left out.
SOURCE_COLUMNS = [
    "file_id", "name", "source", "table_name", "data_sources", "rows", "rejected", "first_year", "last_year",
    "ingested_at", "seconds", "tool_version", "sha256", "bytes", "note",
]


@router.get("/health", response_model=Envelope, summary="Service status and rows per table")
def health(pool: Pool) -> JSONResponse:
    """Whether the service can read its store, with rows per table (never cached)."""
    counts = pool.store.row_counts()
    embedded = sorted(p.stem for p in EMBEDDED_DIR.glob("*.parquet")) if pool.include_embedded and EMBEDDED_DIR.is_dir() else []
    row = {"status": "ok", "version": __version__, "engine": pool.engine_name, "embedded_tables": embedded}
    row.update({f"rows_{table}": n for table, n in counts.items()})
    return envelope([row])


@router.get("/sources", response_model=Envelope, summary="Provenance of every ingested file")
def sources(store: StoreDep, etag: ETag) -> JSONResponse:
    """One record per ingested file: checksum, source, rows, years, when and by which bilat version."""
    frame = store.files()
    frame = frame[[c for c in SOURCE_COLUMNS if c in frame.columns]] if len(frame) else frame.iloc[0:0]
    notes = []
    if EMBEDDED_DIR.is_dir() and any(EMBEDDED_DIR.glob("*.parquet")):
        notes.append("bilat also answers from its embedded dataset (see PROVENANCE.md in bilat/data/embedded)")
    if not len(frame):
        notes.append("nothing ingested yet: load files with `bilat ingest SOURCE FILE`")
    return envelope(frame, notes, None, etag)
