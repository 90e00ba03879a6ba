"""The bilat store: a DuckDB catalog with provenance, and the flow data as Parquet files.

Layout under ``BILAT_HOME``::

    catalog.duckdb                 provenance of every ingested file (+ targets, articles...)
    data/<table>/<file_id>.parquet the canonical rows of one ingested file, clustered for pruning
    staging/                       work space of an ingestion in progress
    .write.lock                    held by the one process that writes

Why Parquet beside the catalog rather than everything inside DuckDB: a DuckDB file can be written
by one process only, and a writer shuts readers out. Ingesting a BACI year takes a while; keeping
the bulk data in immutable Parquet files means the catalog is locked only for the instant of the
commit, so the web service and other commands keep answering, and Spark reads the same files.

Atomicity: rows are validated and written to ``staging/``, then one catalog transaction records the
file while the Parquet file is renamed into ``data/``. Readers only see files the catalog lists, so a
crash at any point leaves the store as it was (an orphan in ``data/`` or ``staging/`` is invisible
and swept by the next ingestion). Idempotence: a file is identified by its SHA-256; ingesting the
same bytes again changes nothing.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import fcntl
import functools
import gzip
import hashlib
import os
import shutil
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from bilat import __version__
from bilat.errors import BilatError, Problem, StoreLockedError, ValidationError
from bilat.limits import check_file_size, limit
from bilat.schema import TABLES
from bilat.settings import bilat_home
from bilat.sources import get_source
from bilat.sources.base import Cancelled, Declined, FastWrite, ProgressCallback, StageContext, fast_lane_enabled
from bilat.store import validate

if TYPE_CHECKING:  # pandas and pyarrow load on first use: ingestion's fast lane needs no pandas
    import pandas as pd
    import pyarrow as pa

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
"""

SORT_KEYS = {
    "product_flows": "year, exporter, importer, hs_code",
    "country_flows": "year, reporter, partner",
    "indicators": "country, year",
}

MAX_PROBLEMS_SHOWN = 10
#: What Python's gzip, zlib and zipfile raise on a damaged or truncated compressed file.
_DAMAGED_COMPRESSION = (EOFError, zlib.error, gzip.BadGzipFile, zipfile.BadZipFile)
LOCK_WAIT_SECONDS = 30.0


@dataclass
class IngestResult:
    """What one ingestion did."""

    file_id: str
    name: str
    source: str
    table: str
    rows: int
    rejected: int
    already_present: bool
    rejects_path: Path | None = None
    seconds: float = 0.0
    note: str = ""
    #: "fast" when the loader's fast lane wrote a clean file in one pass, else "general".
    lane: str = "general"
    #: Why the fast lane handed the file to the general path ("" if it did not, or has none).
    declined: str = ""


def sha256_of(path: Path, progress: ProgressCallback | None = None) -> str:
    """SHA-256 of a file (the identity of an ingested file).

    Read into one reused 1 MB buffer: with fresh 8 MB blocks, copying cost as much as hashing.
    """
    digest = hashlib.sha256()
    total = path.stat().st_size
    done = 0
    buffer = bytearray(1 << 20)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as handle:
        while size := handle.readinto(buffer):
            digest.update(view[:size])
            done += size
            if progress is not None:
                progress(done, total)
    return digest.hexdigest()


class Store:
    """A bilat store folder (see the module docstring for its layout)."""

    def __init__(self, home: Path | str | None = None) -> None:
        self.home = Path(home) if home is not None else bilat_home()
        self.catalog_path = self.home / "catalog.duckdb"
        self.data_dir = self.home / "data"
        self.staging_dir = self.home / "staging"

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
        """Provenance: one row per ingested file, newest first."""
        with self.catalog(read_only=True) as con:
            return con.execute("SELECT * FROM files ORDER BY ingested_at DESC").fetch_df()

    def data_files(self, table: str) -> list[Path]:
        """The committed Parquet files of ``table`` (only those the catalog lists)."""
        with self.catalog(read_only=True) as con:
            ids = [r[0] for r in con.execute("SELECT file_id FROM files WHERE table_name = ? ORDER BY file_id", [table]).fetchall()]
        return [self.data_dir / table / f"{file_id}.parquet" for file_id in ids]

    def data_sources(self, table: str) -> set[str]:
        """The ``source`` labels present in ``table`` (used to let ingested data replace embedded data)."""
        with self.catalog(read_only=True) as con:
            rows = con.execute("SELECT data_sources FROM files WHERE table_name = ?", [table]).fetchall()
        return {label for (labels,) in rows for label in labels.split(",") if label}

    def row_counts(self) -> dict[str, int]:
        """Rows stored per table."""
        with self.catalog(read_only=True) as con:
            rows = con.execute("SELECT table_name, sum(rows) FROM files GROUP BY table_name").fetchall()
        counts = {table: 0 for table in TABLES}
        counts.update({table: int(n) for table, n in rows})
        return counts

    # -- writing ----------------------------------------------------------------------------------
    def ingest(
        self,
        source: str,
        path: Path | str,
        *,
        skip_bad_rows: bool = False,
        options: dict[str, object] | None = None,
        progress: ProgressCallback | None = None,
        rejects_dir: Path | str | None = None,
        lock_wait: float = LOCK_WAIT_SECONDS,
        on_phase: Callable[[str], None] | None = None,
    ) -> IngestResult:
        """Validate ``path`` with loader ``source`` and store its rows, atomically.

        Raises :class:`ValidationError` (nothing stored) when the file has problems, unless
        ``skip_bad_rows``: then good rows are stored and bad ones written with their reasons to
        ``<file>.rejects.csv`` beside the input (or in ``rejects_dir``). Another ingestion in
        progress is waited for up to ``lock_wait`` seconds, then :class:`StoreLockedError`.
        ``on_phase`` hears "reading", "validating", "writing" and "committing" as they start
        (``progress`` measures the reading only); a loader's fast lane (see ``BaciSource.write_fast``)
        is one phase, "reading, checking and writing", followed by "committing", or by the general
        path's phases when the lane declines the file.
        """
        started = time.monotonic()
        path = Path(path)
        display_name = path.name
        if not path.exists():
            raise BilatError(f"{path}: no such file")
        if not path.is_file():
            raise BilatError(f"{path}: not a file")
        check_file_size(path, display_name)
        # The file is hashed on a thread (hashlib releases the GIL) while this one imports the
        # loader and reads the country codes the checks need. A loader with a fast lane does not
        # wait for the hash: the lane starts at once and takes the file id when it first writes
        # (hashing a BACI year costs a tenth of storing it); it stops as soon as the hash shows
        # the file is stored already. Other loaders wait: their staging needs the id.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="bilat-sha256") as pool:
            hashing = pool.submit(sha256_of, path)
            try:
                loader = get_source(source)
                early = _fast_lane_of(loader) is not None
                if early:
                    _known_country_codes()
                else:
                    hashing.result()  # before the lock: hashing a large file should not hold it
                with self.write_lock(lock_wait):
                    checked = not early
                    if checked and (stored := self._already_stored(hashing.result(), display_name, source, started)):
                        return stored
                    shutil.rmtree(self.staging_dir, ignore_errors=True)  # a crashed run's leftovers
                    work = self.staging_dir / "incoming"
                    work.mkdir(parents=True)
                    try:
                        return self._ingest_locked(
                            loader, path, display_name, hashing, checked, work, skip_bad_rows, options or {},
                            progress, rejects_dir, started, on_phase or (lambda _phase: None),
                        )
                    finally:
                        shutil.rmtree(self.staging_dir, ignore_errors=True)
            finally:
                hashing.cancel()

    def _already_stored(self, sha: str, display_name: str, source: str, started: float) -> IngestResult | None:
        """The result of ingesting a file whose hash the catalog holds already (nothing to do), else None."""
        if not self.catalog_path.exists():  # a new store holds nothing yet
            return None
        with self.catalog(read_only=True) as con:
            existing = con.execute("SELECT table_name FROM files WHERE sha256 = ?", [sha]).fetchall()
        if not existing:
            return None
        return IngestResult(sha[:16], display_name, source, existing[0][0], 0, 0, True, seconds=time.monotonic() - started)

    def _ingest_locked(
        self,
        loader,  # noqa: ANN001 - a Source
        path: Path,
        display_name: str,
        hashing: concurrent.futures.Future[str],
        checked: bool,
        work: Path,
        skip_bad_rows: bool,
        options: dict[str, object],
        progress: ProgressCallback | None,
        rejects_dir: Path | str | None,
        started: float,
        on_phase: Callable[[str], None],
    ) -> IngestResult:
        table = loader.table
        file_ids: concurrent.futures.Future[str] = concurrent.futures.Future()
        hashing.add_done_callback(
            lambda done: file_ids.set_exception(done.exception()) if done.exception() else file_ids.set_result(done.result()[:16])
        )
        # The catalog's answer to "stored already?", asked once, when the hash is known (``checked``:
        # the caller asked already, under this same write lock).
        verdict: list[IngestResult | None] = [None] if checked else []

        def stored_already() -> bool:  # asked between batches, and once more after the lane
            if not verdict and hashing.done():
                verdict.append(self._already_stored(hashing.result(), display_name, loader.name, started))
            return bool(verdict and verdict[0] is not None)

        ctx = StageContext(
            path=path, display_name=display_name, file_id="", options=options, progress=progress,
            pending_file_id=file_ids, cancelled=stored_already,
        )
        out = work / "incoming.parquet"
        try:
            fast, declined = self._try_fast_lane(loader, ctx, out, work, on_phase)
        except Cancelled:
            fast, declined = None, ""
        except Exception:
            # The lane started before the hash was known: a file stored already is "already
            # stored" whatever the lane made of it (a country table changed beside it since, say),
            # and a file that cannot be hashed fails as it would have before the lane.
            hashing.result()
            if stored_already():
                return verdict[0]  # type: ignore[return-value]
            raise
        sha = hashing.result()
        file_id = sha[:16]
        if stored_already():  # the lane may have asked already, under this same write lock
            return verdict[0]  # type: ignore[return-value]
        if fast is not None:
            good, bad_count, rejects_path, note = fast.rows, 0, None, fast.note
            years, data_sources = (fast.first_year, fast.last_year), loader.name
        else:
            ctx = replace(ctx, file_id=file_id, pending_file_id=None, cancelled=None)
            good, bad_count, rejects_path, note, years, data_sources = self._general_path(
                loader, ctx, out, work, skip_bad_rows, rejects_dir, on_phase
            )
        seconds = time.monotonic() - started
        on_phase("committing")
        self._sweep_orphans()  # only now: a file found stored already changes nothing, not even garbage
        self._commit(
            out,
            table,
            dict(
                file_id=file_id,
                sha256=sha,
                name=display_name,
                path=str(path.resolve()),
                bytes=path.stat().st_size,
                source=loader.name,
                table_name=table,
                data_sources=data_sources,
                rows=good,
                rejected=bad_count,
                first_year=years[0],
                last_year=years[1],
                ingested_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                seconds=seconds,
                tool_version=__version__,
                note=note or None,
            ),
        )
        return IngestResult(
            file_id, display_name, loader.name, table, good, bad_count, False, rejects_path, seconds, note,
            lane="fast" if fast is not None else "general", declined=declined,
        )

    @staticmethod
    def _work_connection(work: Path) -> duckdb.DuckDBPyConnection:
        """An in-memory work database with bounded memory: DuckDB spills to ``work/tmp`` beyond it."""
        con = duckdb.connect(":memory:")
        con.execute(f"SET temp_directory = '{work / 'tmp'}'")
        con.execute("SET preserve_insertion_order = false")
        con.execute("SET enable_progress_bar = false")  # DuckDB would print "100%" into bilat's stdout
        con.execute(f"SET memory_limit = '{limit('ingest_memory')}B'")
        return con

    def _try_fast_lane(
        self,
        loader,  # noqa: ANN001 - a Source
        ctx: StageContext,
        out: Path,
        work: Path,
        on_phase: Callable[[str], None],
    ) -> tuple[FastWrite | None, str]:
        """The loader's fast lane for a clean file, if it has one, and why it declined the file if it did.

        (None, reason) sends the file down the general path. A declined file loses only the time
        spent on it: its partial output is deleted, and the general path reads it again to name
        every problem.
        """
        write_fast = _fast_lane_of(loader)
        if write_fast is None:
            return None, ""
        on_phase("reading, checking and writing")
        con = self._work_connection(work)
        try:
            return write_fast(con, ctx, out, set(_known_country_codes())), ""
        except (Declined, *_DAMAGED_COMPRESSION) as exc:  # a damaged file: the general path names the damage
            out.unlink(missing_ok=True)
            return None, str(exc)
        finally:
            con.close()

    def _general_path(
        self,
        loader,  # noqa: ANN001 - a Source
        ctx: StageContext,
        out: Path,
        work: Path,
        skip_bad_rows: bool,
        rejects_dir: Path | str | None,
        on_phase: Callable[[str], None],
    ) -> tuple[int, int, Path | None, str, tuple[int, int], str]:
        """Stage, check every row, refuse or set bad rows aside, sort and write ``out``.

        Returns (good rows, bad rows, rejects file, loader's note, (first year, last year), sources).
        """
        table = loader.table
        display_name = ctx.display_name
        con = self._work_connection(work)
        try:
            on_phase("reading")
            try:
                staged = loader.stage(con, ctx)
            except _DAMAGED_COMPRESSION as exc:
                # Loaders that only peek at a file's head (layout detection) meet a damaged gzip or
                # zip there first; the streaming readers report their own with a line number.
                raise ValidationError(
                    [Problem(display_name, None, None, f"the compressed file is damaged or truncated ({exc})")]
                ) from None
            on_phase("validating")
            con.register("known_countries", _known_countries())
            validate.mark_problems(
                con, table, staged.table, staged.raw_columns, key_columns=getattr(loader, "key_columns", None)
            )
            problems, bad_count = validate.collect_problems(con, display_name, MAX_PROBLEMS_SHOWN)
            total = con.execute("SELECT count(*) FROM checked").fetchone()[0]
            rejects_path = None
            if bad_count and not skip_bad_rows:
                raise ValidationError(problems, MAX_PROBLEMS_SHOWN, total=bad_count)
            if bad_count:
                rejects_path = self._write_rejects(con, ctx.path, rejects_dir)
            good = total - bad_count
            if good == 0:
                raise ValidationError([Problem(display_name, None, None, "no rows to store (the file has no data rows)")])
            columns = [c for c in TABLES[table] if c != "file_id"]
            select = ", ".join(f"CAST({c} AS {TABLES[table][c]}) AS {c}" for c in columns)
            on_phase("writing")
            con.execute(
                f"COPY (SELECT {select}, '{ctx.file_id}' AS file_id FROM checked WHERE _check IS NULL"
                f" ORDER BY {SORT_KEYS[table]}) TO '{out}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)"
            )
            summary = con.execute(
                "SELECT min(year), max(year), string_agg(DISTINCT source, ',' ORDER BY source)"
                " FROM checked WHERE _check IS NULL"
            ).fetchone()
        finally:
            con.close()
        return good, bad_count, rejects_path, staged.note, (summary[0], summary[1]), summary[2] or loader.name

    def _commit(self, staged_file: Path, table: str, record: dict[str, object]) -> None:
        """Make the file visible: one catalog transaction around the rename into ``data/``."""
        final = self.data_dir / table / f"{record['file_id']}.parquet"
        final.parent.mkdir(parents=True, exist_ok=True)
        _fsync(staged_file)
        with self.catalog() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                columns = ", ".join(record)
                marks = ", ".join("?" for _ in record)
                con.execute(f"INSERT INTO files ({columns}) VALUES ({marks})", list(record.values()))
                os.replace(staged_file, final)
                _fsync_dir(final.parent)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                with contextlib.suppress(OSError):
                    final.unlink()
                raise

    def _sweep_orphans(self) -> None:
        """Remove data files no catalog row owns (left by a crash between rename and commit)."""
        if not self.data_dir.exists():
            return  # a new store: nothing to sweep
        with self.catalog(read_only=True) as con:
            owned = {(t, f) for f, t in con.execute("SELECT file_id, table_name FROM files").fetchall()}
        for table_dir in self.data_dir.iterdir():
            for file in table_dir.glob("*.parquet"):
                if (table_dir.name, file.stem) not in owned:
                    file.unlink()

    @staticmethod
    def _write_rejects(con: duckdb.DuckDBPyConnection, path: Path, rejects_dir: Path | None) -> Path:
        target_dir = Path(rejects_dir) if rejects_dir is not None else path.parent
        target = target_dir / f"{path.name}.rejects.csv"
        if not os.access(target_dir, os.W_OK):
            target = bilat_home() / "rejects" / f"{path.name}.rejects.csv"
            target.parent.mkdir(parents=True, exist_ok=True)
        con.execute(
            "COPY (SELECT _line AS line, _problem_column AS column_name, _problem_message AS problem,"
            " _problem_value AS value FROM problems ORDER BY _line)"
            f" TO '{target}' (HEADER, DELIMITER ',')"
        )
        return target

    def export_parquet(self, table: str, out: Path | str) -> Path:
        """Write ``table`` (ingested rows only) to one Parquet file."""
        from bilat.engines import open_engine

        out = Path(out)
        engine = open_engine(store=self, include_embedded=False)
        try:
            engine.con.execute(f"COPY (SELECT * FROM {table}) TO '{out}' (FORMAT parquet, COMPRESSION zstd)")
        finally:
            engine.close()
        return out


def _fast_lane_of(loader) -> Callable[..., FastWrite] | None:  # noqa: ANN001 - a Source
    """The loader's ``write_fast``, unless it has none or ``BILAT_FAST_INGEST=0`` turns lanes off."""
    write_fast = getattr(loader, "write_fast", None)
    return write_fast if write_fast is not None and fast_lane_enabled() else None


@functools.cache
def _known_country_codes() -> frozenset[str]:
    """The codes a stored row may carry: bilat's ISO3 codes, WLD, and BACI's stand-ins for areas."""
    from bilat.country_codes import known_iso3_codes

    return known_iso3_codes() | {"WLD", "S19"} | {f"X{n:02d}" for n in range(100)}


def _known_countries() -> pa.Table:
    """:func:`_known_country_codes` as a one-column table (``code``) for the general path's SQL checks."""
    import pyarrow as pa

    return pa.table({"code": sorted(_known_country_codes())})


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_store(home: Path | str | None = None) -> Store:
    """The store at ``home`` (default: ``$BILAT_HOME`` or the user data directory)."""
    return Store(home)
