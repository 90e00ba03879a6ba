"""Writing pair totals: beside each product file at ingestion, and again on ``bilat rebuild-totals``.

The rule is :func:`bilat.catalog.totals.kept_totals_sql` (the pair totals and the world rows); this module runs it over one staged or
stored Parquet file and writes ``<file_id>.parquet`` in the layout readers prune best (the
all-products totals first, sorted by year, exporter and importer; then the sections). How the
file is committed with its data file, in one catalog transaction: :mod:`bilat.ingest.pipeline`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from bilat.catalog.store import LOCK_WAIT_SECONDS, Store
from bilat.catalog.totals import TOTALS_ROW_GROUP, kept_totals_sql
from bilat.ingest.durable import fsync_dir, fsync_file
from bilat.limits import limit
from bilat.sql import quote_literal, quote_read_path

#: Product files only: the other tables hold no product rows to total.
PRODUCT_TABLE = "product_flows"


@dataclass
class StagedTotals:
    """A totals file written to staging, and how many rows it holds (0: no file, nothing to total)."""

    path: Path
    rows: int


def write_totals(data_file: Path, out: Path, threads: int | None = None) -> StagedTotals:
    """Compute the pair totals of one product Parquet file into ``out`` (no file when there are none)."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET enable_progress_bar = false")
        con.execute("SET preserve_insertion_order = false")
        con.execute(f"SET memory_limit = '{int(limit('ingest_memory'))}B'")
        con.execute(f"SET temp_directory = {quote_literal(out.parent / 'tmp_totals')}")
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        source = f"(SELECT * FROM read_parquet({quote_read_path(data_file)}))"
        con.execute(
            f"COPY (SELECT * FROM ({kept_totals_sql(source)}) ORDER BY hs_section, year, exporter, importer, hs_code)"
            f" TO {quote_literal(out)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {TOTALS_ROW_GROUP})"
        )
        rows = con.execute(f"SELECT count(*) FROM read_parquet({quote_read_path(out)})").fetchone()[0]
    finally:
        con.close()
    if rows == 0:
        out.unlink(missing_ok=True)
    return StagedTotals(out, int(rows))


def totals_record_sql() -> str:
    """The catalog statement that records a file's totals (replacing an earlier record)."""
    return "INSERT OR REPLACE INTO pair_totals_files (file_id, rows, written_at) VALUES (?, ?, ?)"


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


@dataclass
class Rebuilt:
    """One product file whose totals ``rebuild_totals`` wrote."""

    file_id: str
    name: str
    rows: int


def rebuild_totals(store: Store, every: bool = False, lock_wait: float = LOCK_WAIT_SECONDS) -> list[Rebuilt]:
    """Write the pair totals of product files that have none (``every``: of all product files).

    Each file's totals are committed on their own (a crash keeps those done); the store's write
    lock is held throughout, as by an ingestion.
    """
    done: list[Rebuilt] = []
    if not store.catalog_path.exists():
        return done
    with store.write_lock(lock_wait):
        with store.catalog(read_only=True) as con:
            listed = con.execute(
                "SELECT file_id, name FROM files WHERE table_name = ? ORDER BY file_id", [PRODUCT_TABLE]
            ).fetchall()
        wanted = set(store.files_without_totals(PRODUCT_TABLE)) if not every else {f for f, _ in listed}
        work = store.staging_dir / "totals"
        shutil.rmtree(store.staging_dir, ignore_errors=True)
        work.mkdir(parents=True)
        try:
            for file_id, name in listed:
                if file_id not in wanted:
                    continue
                staged = write_totals(store.data_dir / PRODUCT_TABLE / f"{file_id}.parquet", work / f"{file_id}.parquet")
                final = store.totals_dir / f"{file_id}.parquet"
                final.parent.mkdir(parents=True, exist_ok=True)
                if staged.rows:
                    fsync_file(staged.path)
                with store.catalog() as con:
                    con.execute("BEGIN TRANSACTION")
                    try:
                        con.execute(totals_record_sql(), [file_id, staged.rows, now()])
                        if staged.rows:
                            os.replace(staged.path, final)
                            fsync_dir(final.parent)
                        con.execute("COMMIT")
                    except BaseException:
                        con.execute("ROLLBACK")
                        raise
                if not staged.rows:  # only once the catalog no longer lists it
                    final.unlink(missing_ok=True)
                done.append(Rebuilt(file_id, name, staged.rows))
        finally:
            shutil.rmtree(store.staging_dir, ignore_errors=True)
    return done


def sweep_totals(store: Store) -> None:
    """Remove totals files no catalog record owns (left by a crash between rename and commit)."""
    if not store.totals_dir.exists():
        return
    owned = {p.name for p in store.totals_files()}
    for file in store.totals_dir.glob("*.parquet"):
        if file.name not in owned:
            with contextlib.suppress(OSError):
                file.unlink()
