"""The read side of a bilat store: its folder, its DuckDB catalog, its write lock.

Layout under ``BILAT_HOME``::

    catalog.duckdb                 provenance of every ingested file (+ targets, articles...)
    data/<table>/<file_id>.parquet the canonical rows of one ingested file, clustered for pruning
    data/pair_totals/<file_id>.parquet  the pair totals of one product file (bilat.catalog.totals)
    staging/                       work space of an ingestion in progress
    .write.lock                    held by the one process that writes

Why Parquet beside the catalog rather than everything inside DuckDB: a DuckDB file can be written
by one process only, and a writer shuts readers out. Ingesting a BACI year takes a while; keeping
the bulk data in immutable Parquet files means the catalog is locked only for the instant of the
commit, so the web service and other commands keep answering, and Spark reads the same files.

Why this package knows nothing of loaders or engines: engines read the files it lists, the
ingestion pipeline (:mod:`bilat.ingest`) writes them, and both depend on it, never the reverse
(``engines -> catalog <- ingest -> sources``), so no import cycle can form. How a file is written
atomically and idempotently is told in :mod:`bilat.ingest.pipeline`.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from bilat.errors import StoreLockedError
from bilat.schema import TABLES
from bilat.settings import bilat_home

if TYPE_CHECKING:  # pandas loads on first use
    import pandas as pd

CATALOG_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    file_id VARCHAR PRIMARY KEY,
    sha256 VARCHAR NOT NULL UNIQUE,
    name VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    bytes BIGINT NOT NULL,
    source VARCHAR NOT NULL,
    table_name VARCHAR NOT NULL,
    data_sources VARCHAR NOT NULL,
    rows BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    first_year SMALLINT,
    last_year SMALLINT,
    ingested_at TIMESTAMP NOT NULL,
    seconds DOUBLE,
    tool_version VARCHAR NOT NULL,
    note VARCHAR
);
CREATE TABLE IF NOT EXISTS pair_totals_files (
    file_id VARCHAR PRIMARY KEY,
    rows BIGINT NOT NULL,
    written_at TIMESTAMP NOT NULL
);
"""

#: The columns of the catalog's ``files`` table, in order (those of :data:`CATALOG_SCHEMA`).
FILES_COLUMNS = [line.split()[0] for line in CATALOG_SCHEMA.split("CREATE TABLE IF NOT EXISTS files (")[1].split(");")[0].strip().splitlines()]

#: The folder under ``data/`` that holds the pair totals of product files (see :mod:`bilat.catalog.totals`).
TOTALS_FOLDER = "pair_totals"

LOCK_WAIT_SECONDS = 30.0
#: Catalog writes this process has made: part of every listing's stamp (a file's mtime ticks coarsely).
_WRITES = 0


@dataclass(frozen=True)
class Listing:
    """What the catalog says about the data files, read in one connection (see :meth:`Store.listing`)."""

    files: tuple[tuple[str, str, str, int], ...]  # (file_id, table_name, data_sources, rows), by file_id
    totals: tuple[tuple[str, int], ...] | None  # (file_id, rows) of kept pair totals; None: a catalog older than them
    #: (file_id, first year, last year) of every file, by file_id (None: a year the catalog does not know)
    years: tuple[tuple[str, int | None, int | None], ...] = ()


class Store:
    """A bilat store folder (see the module docstring for its layout)."""

    def __init__(self, home: Path | str | None = None) -> None:
        self.home = Path(home) if home is not None else bilat_home()
        self.catalog_path = self.home / "catalog.duckdb"
        self.data_dir = self.home / "data"
        self.staging_dir = self.home / "staging"
        self.totals_dir = self.data_dir / TOTALS_FOLDER
        self._listing: tuple[object, Listing] | None = None

    def __repr__(self) -> str:
        return f"Store({str(self.home)!r})"

    # -- catalog access -------------------------------------------------------------------------
    @contextlib.contextmanager
    def catalog(self, read_only: bool = False, wait: float = LOCK_WAIT_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived connection to the catalog, retried while another process holds it.

        A read-only connection to a store that has no catalog yet is an empty in-memory one with
        the catalog's tables, so readers never have to special-case a fresh store.
        """
        if read_only and not self.catalog_path.exists():
            con = duckdb.connect()
            con.execute(CATALOG_SCHEMA)
            try:
                yield con
            finally:
                con.close()
            return
        if not read_only:
            self.home.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + wait
        delay = 0.02
        while True:
            try:
                con = duckdb.connect(str(self.catalog_path), read_only=read_only)
                break
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise StoreLockedError(
                        f"the store catalog {self.catalog_path} is busy (another bilat process is using it): {exc}"
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
        try:
            if not read_only:
                con.execute(CATALOG_SCHEMA)
            yield con
        finally:
            con.close()
            if not read_only:
                global _WRITES
                _WRITES += 1  # this process wrote (through any Store): every listing is read again

    @contextlib.contextmanager
    def write_lock(self, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
        """Exclusive right to change the store; a second writer waits, then fails clearly."""
        self.home.mkdir(parents=True, exist_ok=True)
        lock_path = self.home / ".write.lock"
        handle = open(lock_path, "a+")
        deadline = time.monotonic() + wait
        try:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreLockedError(
                            f"another bilat process is writing to {self.home}; try again when it has finished"
                        ) from None
                    time.sleep(0.1)
            yield
        finally:
            with contextlib.suppress(OSError):
                fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    # -- reading ----------------------------------------------------------------------------------
    def files(self) -> pd.DataFrame:
        """Provenance: one row per ingested file, newest first (none, and no catalog opened, on a fresh store)."""
        if not self.catalog_path.exists():
            import pandas as pd

            return pd.DataFrame(columns=FILES_COLUMNS)
        with self.catalog(read_only=True) as con:
            return con.execute("SELECT * FROM files ORDER BY ingested_at DESC").fetch_df()

    def listing(self) -> Listing:
        """The catalog's list of data files, read once and kept while the catalog file is unchanged.

        Why: opening the catalog costs a DuckDB connection (tens of milliseconds), and opening an
        engine asks for the files of every table, their sources and the kept totals: a dozen
        connections for the same few rows. The listing is read again when the catalog's files
        change on disk (another process ingested) or this process wrote to it.
        """
        stamp = self._stamp()
        if self._listing is not None and self._listing[0] == stamp:
            return self._listing[1]
        if stamp is None:  # no catalog yet: nothing ingested
            listing = Listing(files=(), totals=())
        else:
            with self.catalog(read_only=True) as con:
                found = con.execute(
                    "SELECT file_id, table_name, data_sources, rows, first_year, last_year FROM files ORDER BY file_id"
                ).fetchall()
                files = tuple((r[0], r[1], r[2], int(r[3])) for r in found)
                years = tuple((r[0], r[4], r[5]) for r in found)
                totals = None
                if _has_table(con, "pair_totals_files"):
                    totals = tuple(
                        (r[0], int(r[1])) for r in con.execute("SELECT file_id, rows FROM pair_totals_files ORDER BY file_id").fetchall()
                    )
            listing = Listing(files=files, totals=totals, years=years)
        self._listing = (stamp, listing)
        return listing

    def _stamp(self) -> object:
        """What changes when the catalog does: this process's writes; size, time and inode of the database and its WAL."""
        stamps = []
        for path in (self.catalog_path, self.catalog_path.with_name(self.catalog_path.name + ".wal")):
            try:
                st = os.stat(path)
            except OSError:
                stamps.append(None)
                continue
            stamps.append((st.st_size, st.st_mtime_ns, st.st_ino))
        return None if stamps[0] is None else (_WRITES, *stamps)

    def data_files(self, table: str) -> list[Path]:
        """The committed Parquet files of ``table`` (only those the catalog lists)."""
        ids = [file_id for file_id, name, _sources, _rows in self.listing().files if name == table]
        return [self.data_dir / table / f"{file_id}.parquet" for file_id in ids]

    def data_sources(self, table: str) -> set[str]:
        """The ``source`` labels present in ``table`` (used to let ingested data replace embedded data)."""
        rows = [labels for _id, name, labels, _rows in self.listing().files if name == table]
        return {label for labels in rows for label in labels.split(",") if label}

    def totals_files(self) -> list[Path]:
        """The committed pair-totals files (of product files the catalog lists; empty totals have none)."""
        listing = self.listing()
        if listing.totals is None:  # a catalog older than kept totals
            return []
        listed = {file_id for file_id, *_ in listing.files}
        ids = [file_id for file_id, rows in listing.totals if rows > 0 and file_id in listed]
        return [self.totals_dir / f"{file_id}.parquet" for file_id in ids]

    def files_without_totals(self, table: str = "product_flows") -> list[str]:
        """The file ids of ``table`` whose pair totals were never written (ingested before they were kept)."""
        listing = self.listing()
        kept = {file_id for file_id, _rows in listing.totals or ()}
        return [file_id for file_id, name, _sources, _rows in listing.files if name == table and file_id not in kept]

    def row_counts(self) -> dict[str, int]:
        """Rows stored per table."""
        counts = {table: 0 for table in TABLES}
        for _id, name, _sources, rows in self.listing().files:
            counts[name] = counts.get(name, 0) + rows
        return counts


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()[0])


def open_store(home: Path | str | None = None) -> Store:
    """The store at ``home`` (default: ``$BILAT_HOME`` or the user data directory)."""
    return Store(home)
