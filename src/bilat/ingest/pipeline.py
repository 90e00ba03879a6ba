"""Ingestion: one file, validated, stored atomically and idempotently in a store.

Atomicity: rows are validated and written to ``staging/``, then one catalog transaction records the
file while the Parquet file is renamed into ``data/``. Readers only see files the catalog lists, so a
crash at any point leaves the store as it was (an orphan in ``data/`` or ``staging/`` is invisible
and swept by the next ingestion). Idempotence: a file is identified by its SHA-256; ingesting the
same bytes again changes nothing.

Two lanes: a loader's fast lane (``write_fast``, e.g. BACI) reads, checks and writes a clean file in
one pass; every other file takes the general path (:mod:`bilat.ingest.general`), which names every
bad row.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import hashlib
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from bilat import __version__
from bilat.catalog.store import LOCK_WAIT_SECONDS, Store
from bilat.errors import BilatError
from bilat.ingest.durable import fsync_dir, fsync_file
from bilat.ingest.general import DAMAGED_COMPRESSION, general_path, known_country_codes, work_connection
from bilat.ingest.totals import (
    PRODUCT_TABLE, StagedTotals, now, sweep_totals, totals_record_sql, write_totals,
)
from bilat.limits import check_file_size
from bilat.sources import get_source
from bilat.sources.base import Cancelled, Declined, FastWrite, ProgressCallback, StageContext, fast_lane_enabled

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
    #: Rows of pair totals written beside a product file (see :mod:`bilat.catalog.totals`).
    totals_rows: int = 0


@dataclass
class Staged:
    """A file read, checked and written to staging, waiting for its commit."""

    out: Path
    table: str
    record: dict[str, object]
    result: IngestResult
    totals: StagedTotals | None = None
    work: Path | None = field(default=None, repr=False)


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


def ingest_file(store: Store, source: str, path: Path | str, **options: object) -> IngestResult:
    """Validate ``path`` with loader ``source`` and store its rows in ``store`` (see :meth:`Ingestion.ingest`)."""
    return Ingestion(store).ingest(source, path, **options)  # type: ignore[arg-type]


class Ingestion:
    """The writing side of one store: what ``bilat ingest`` runs."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: sha256 -> table of the files stored, when a batch holds the lock (read once, kept up to
        #: date by its commits: the batch's threads never open the catalog); None: ask the catalog.
        self._known: dict[str, str] | None = None
        self._swept = False
        #: DuckDB threads and memory of one file's work connection (a batch shares them out).
        self.threads: int | None = None
        self.memory: int | None = None

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
                    known_country_codes()
                else:
                    hashing.result()  # before the lock: hashing a large file should not hold it
                with self.store.write_lock(lock_wait):
                    checked = not early
                    if checked and (stored := self._already_stored(hashing.result(), display_name, source, started)):
                        return stored
                    shutil.rmtree(self.store.staging_dir, ignore_errors=True)  # a crashed run's leftovers
                    work = self.store.staging_dir / "incoming"
                    work.mkdir(parents=True)
                    try:
                        staged = self.stage(
                            loader, path, display_name, hashing, checked, work, skip_bad_rows, options or {},
                            progress, rejects_dir, started, on_phase or (lambda _phase: None),
                        )
                        return staged if isinstance(staged, IngestResult) else self.commit(staged)
                    finally:
                        shutil.rmtree(self.store.staging_dir, ignore_errors=True)
            finally:
                hashing.cancel()

    def _already_stored(self, sha: str, display_name: str, source: str, started: float) -> IngestResult | None:
        """The result of ingesting a file whose hash the catalog holds already (nothing to do), else None."""
        if self._known is not None:
            table = self._known.get(sha)
        elif not self.store.catalog_path.exists():  # a new store holds nothing yet
            return None
        else:
            with self.store.catalog(read_only=True) as con:
                existing = con.execute("SELECT table_name FROM files WHERE sha256 = ?", [sha]).fetchall()
            table = existing[0][0] if existing else None
        if table is None:
            return None
        return IngestResult(sha[:16], display_name, source, table, 0, 0, True, seconds=time.monotonic() - started)

    def known_files(self) -> dict[str, str]:
        """sha256 -> table of every stored file (read under the write lock by a batch)."""
        if not self.store.catalog_path.exists():
            return {}
        with self.store.catalog(read_only=True) as con:
            return dict(con.execute("SELECT sha256, table_name FROM files").fetchall())

    def stage(
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
    ) -> Staged | IngestResult:
        """Read, check and write ``path`` to ``work`` (under the write lock); an IngestResult if stored already."""
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
            good, bad_count, rejects_path, note, years, data_sources = general_path(
                loader, ctx, out, work, skip_bad_rows, rejects_dir, on_phase, self.threads, self.memory,
                home=self.store.home,
            )
        on_phase("committing")  # the pair totals of a product file are part of its commit
        totals = None
        if table == PRODUCT_TABLE:
            target = out.with_name(out.stem + ".totals.parquet")  # where a fast lane writes them too
            if fast is not None and fast.totals_rows is not None:
                totals = StagedTotals(target, fast.totals_rows)
            else:
                totals = write_totals(out, target, self.threads)
        seconds = time.monotonic() - started
        record = dict(
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
        )
        result = IngestResult(
            file_id, display_name, loader.name, table, good, bad_count, False, rejects_path, seconds, note,
            lane="fast" if fast is not None else "general", declined=declined,
            totals_rows=totals.rows if totals is not None else 0,
        )
        return Staged(out, table, record, result, totals, work)

    def commit(self, staged: Staged) -> IngestResult:
        """Make a staged file visible (under the write lock), unless the store holds its bytes already."""
        sha = str(staged.record["sha256"])
        if self._known is not None and sha in self._known:  # the same bytes twice in one batch
            result = staged.result
            return IngestResult(result.file_id, result.name, result.source, self._known[sha], 0, 0, True, seconds=result.seconds)
        if not self._swept:  # only now: a file found stored already changes nothing, not even garbage
            self._sweep_orphans()
            self._swept = True
        self._commit(staged.out, staged.table, staged.record, staged.totals)
        if self._known is not None:
            self._known[sha] = staged.table
        return staged.result

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
        con = work_connection(work, threads=self.threads, memory=self.memory)
        try:
            return write_fast(con, ctx, out, set(known_country_codes())), ""
        except (Declined, *DAMAGED_COMPRESSION) as exc:  # a damaged file: the general path names the damage
            out.unlink(missing_ok=True)
            out.with_name(out.stem + ".totals.parquet").unlink(missing_ok=True)
            return None, str(exc)
        finally:
            con.close()

    def _commit(self, staged_file: Path, table: str, record: dict[str, object], totals: StagedTotals | None = None) -> None:
        """Make the file visible: one catalog transaction around the rename into ``data/``.

        A product file's pair totals are recorded and renamed into ``data/pair_totals/`` in the
        same transaction: a crash leaves both or neither visible.
        """
        final = self.store.data_dir / table / f"{record['file_id']}.parquet"
        final.parent.mkdir(parents=True, exist_ok=True)
        final_totals = self.store.totals_dir / f"{record['file_id']}.parquet"
        fsync_file(staged_file)
        if totals is not None and totals.rows:
            final_totals.parent.mkdir(parents=True, exist_ok=True)
            fsync_file(totals.path)
        with self.store.catalog() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                columns = ", ".join(record)
                marks = ", ".join("?" for _ in record)
                con.execute(f"INSERT INTO files ({columns}) VALUES ({marks})", list(record.values()))
                if totals is not None:
                    con.execute(totals_record_sql(), [record["file_id"], totals.rows, now()])
                os.replace(staged_file, final)
                fsync_dir(final.parent)
                if totals is not None and totals.rows:
                    os.replace(totals.path, final_totals)
                    fsync_dir(final_totals.parent)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                with contextlib.suppress(OSError):
                    final.unlink()
                if totals is not None and totals.rows:
                    with contextlib.suppress(OSError):
                        final_totals.unlink()
                raise

    def _sweep_orphans(self) -> None:
        """Remove data files no catalog row owns (left by a crash between rename and commit)."""
        if not self.store.data_dir.exists():
            return  # a new store: nothing to sweep
        with self.store.catalog(read_only=True) as con:
            owned = {(t, f) for f, t in con.execute("SELECT file_id, table_name FROM files").fetchall()}
        for table_dir in self.store.data_dir.iterdir():
            if table_dir == self.store.totals_dir:
                continue  # owned through pair_totals_files, swept below
            for file in table_dir.glob("*.parquet"):
                if (table_dir.name, file.stem) not in owned:
                    file.unlink()
        sweep_totals(self.store)


def _fast_lane_of(loader) -> Callable[..., FastWrite] | None:  # noqa: ANN001 - a Source
    """The loader's ``write_fast``, unless it has none or ``BILAT_FAST_INGEST=0`` turns lanes off."""
    write_fast = getattr(loader, "write_fast", None)
    return write_fast if write_fast is not None and fast_lane_enabled() else None
