"""The fast lane's threads: the row-group writer and the batch prefetcher (:mod:`bilat.sources.baci_fast`).

Decoding and writing overlap: DuckDB parses on its threads (a reader thread pulls its batches,
:func:`prefetched`), the lane checks on the calling thread, and :class:`_RowGroupWriter` encodes
and compresses on its own, adding the file id once the store's hash of the file is known.
"""

from __future__ import annotations

import functools
import os
import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from bilat.arrow_build import numbers, strings
from bilat.sources.base import Declined

T = TypeVar("T")

#: Rows per Parquet row group: the same as the store's DuckDB writer uses.
ROW_GROUP_ROWS = 122_880
#: Row groups checked but not yet written: room for what arrives while the file is being hashed
#: (the writer waits for the file id), a few MB each.
_QUEUED_ROW_GROUPS = 32
#: Columns whose values repeat (codes, constants) are dictionary-encoded; measured values are
#: not: a dictionary attempt on ten million distinct doubles only costs time.
_PLAIN_COLUMNS = ("value_usd", "quantity_t")
#: Min/max statistics only where a reader can skip row groups by them: rows are grouped by year,
#: exporter and importer, while every row group spans most HS codes and values. Statistics on
#: those cost a sixth of the writer's time and let no query skip anything.
_STATISTICS_COLUMNS = ("year", "exporter", "importer")
_COMPRESSION = "snappy"


def _constant(value: object, rows: int, kind: pa.DataType) -> pa.Array:
    """``rows`` copies of ``value``: a zero-copy slice of one block per value (immutable, so shared).

    Why a block and slices: DuckDB's batches vary in length, so arrays cached by length were
    rebuilt for most batches; every slice also shares one dictionary, as the writer wants.
    """
    capacity = max(2 * ROW_GROUP_ROWS, 1 << max(rows - 1, 0).bit_length())
    return _constant_block(value, capacity, kind).slice(0, rows)


@functools.lru_cache(maxsize=32)
def _constant_block(value: object, rows: int, kind: pa.DataType) -> pa.Array:
    if value is None:
        return pa.nulls(rows, kind)
    if pa.types.is_string(kind):
        return pa.DictionaryArray.from_arrays(numbers(np.zeros(rows, dtype=np.int32), pa.int32()), strings([str(value)]))
    return numbers(np.full(rows, value), kind)


class _RowGroupWriter:
    """Writes tables as exact ROW_GROUP_ROWS-row groups from a thread, so compression overlaps reading.

    The tables arrive without their last column, the file id: the writer adds it, asking
    ``file_id`` when it first writes, so that reading and checking can start while the file is
    still being hashed (the queue holds what arrives meanwhile).
    """

    def __init__(self, out: Path, file_id: Callable[[], str]) -> None:
        self._out = out
        self._file_id = file_id
        self._writer: pq.ParquetWriter | None = None
        self._queue: queue.Queue[pa.Table | None] = queue.Queue(maxsize=_QUEUED_ROW_GROUPS)
        self._error: BaseException | None = None
        self._discard = False
        self._finishing = False  # finish() was called: the thread closes the file itself
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self._thread = threading.Thread(target=self._run, name="bilat-parquet-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        ended = False  # the queue's last item (None) taken: nothing more to drain
        try:
            file_id: str | None = None
            while (table := self._queue.get()) is not None:
                if self._discard:  # declined: what is still queued is thrown away, not written
                    continue
                if file_id is None:
                    file_id = self._file_id()
                ids = _constant(file_id, table.num_rows, pa.string())
                table = table.append_column(pa.field("file_id", ids.type, nullable=False), ids)
                if self._writer is None:
                    self._writer = self._open(table.schema)
                self._writer.write_table(table, row_group_size=ROW_GROUP_ROWS)
            ended = True
            if self._finishing and not self._discard and self._writer is not None:
                # The footer, and the file's bytes on disk, while the caller writes the pair
                # totals: the commit's own fsync then finds nothing left to write.
                self._writer.close()
                self._writer = None
                _sync(self._out)
        except BaseException as exc:  # noqa: BLE001 - handed to the reading thread
            self._error = exc
            while not ended and self._queue.get() is not None:  # drain so the reader never blocks
                pass

    def _open(self, schema: pa.Schema) -> pq.ParquetWriter:
        # The schema of the first table: codes arrive as dictionary arrays (no string hashing to
        # encode them), and store_schema=False makes readers see them as the plain strings they are.
        return pq.ParquetWriter(
            self._out,
            schema,
            compression=_COMPRESSION,
            use_dictionary=[f.name for f in schema if f.name not in _PLAIN_COLUMNS],
            write_statistics=list(_STATISTICS_COLUMNS),
            # Values go to the encoders 8,192 at a time instead of 1,024: a tenth less writer time
            # (most of it on the near-constant columns), the same file.
            write_batch_size=8192,
            store_schema=False,
            bloom_filter_options={"exporter": {"ndv": 256, "fpp": 0.01}, "importer": {"ndv": 256, "fpp": 0.01}},
        )

    def _put(self, table: pa.Table) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(table)

    def add(self, table: pa.Table) -> None:
        self._pending.append(table)
        self._pending_rows += table.num_rows
        if self._pending_rows >= ROW_GROUP_ROWS:
            whole = self._joined()
            cut = (self._pending_rows // ROW_GROUP_ROWS) * ROW_GROUP_ROWS
            self._put(whole.slice(0, cut))
            rest = whole.slice(cut)
            self._pending, self._pending_rows = ([rest] if rest.num_rows else []), rest.num_rows

    def _joined(self) -> pa.Table:
        """The pending tables as one, every dictionary column on one dictionary (a column chunk
        whose dictionary changes between batches would fall back to plain strings).

        A dictionary that only grew (the HS codes', :class:`bilat.sources.baci_fast.HsCodes`) is
        replaced by the newest one, whose first entries are the older one's: the indices stay
        as they are. Only dictionaries that differ otherwise are unified (hashed and remapped),
        which cost a tenth of the lane's main thread when every batch took that way.
        """
        if len(self._pending) == 1:
            return self._pending[0]
        whole = pa.concat_tables(self._pending)
        columns, unify = [], False
        for column in whole.columns:
            if pa.types.is_dictionary(column.type) and column.num_chunks > 1:
                newest = column.chunk(column.num_chunks - 1).dictionary
                chunks = []
                for chunk in column.chunks:
                    old = chunk.dictionary
                    if len(old) < len(newest) and newest.slice(0, len(old)).equals(old):
                        chunk = pa.DictionaryArray.from_arrays(chunk.indices, newest, safe=False)  # indices < len(old)
                    elif not old.equals(newest):
                        unify = True
                    chunks.append(chunk)
                column = pa.chunked_array(chunks, column.type)
            columns.append(column)
        whole = pa.Table.from_arrays(columns, schema=whole.schema)
        return whole.unify_dictionaries() if unify else whole

    def finish(self) -> None:
        """Hand over the last rows and let the thread close and sync the file, without waiting.

        Called when every row has been added and checked; :meth:`close` (``keep=True``) then waits
        for the thread. What the caller does meanwhile (the pair totals) overlaps the file's
        footer and its fsync.
        """
        if self._pending_rows:
            self._put(self._joined())
            self._pending, self._pending_rows = [], 0
        self._finishing = True
        self._queue.put(None)

    def close(self, keep: bool) -> None:
        """Finish the file (``keep``), or stop and drop what is queued (the caller deletes the file).

        The thread is always stopped and joined, whatever fails on the way; with ``keep`` the
        writer thread's error (a full disk, say) is raised here, else errors are moot.
        """
        try:
            if keep and self._pending_rows and self._error is None and not self._finishing:
                self._queue.put(self._joined())
        finally:
            self._discard = not keep
            if not self._finishing:
                self._queue.put(None)
            self._thread.join()
        try:
            if self._writer is not None:
                self._writer.close()
        except Exception:
            if keep and self._error is None:
                raise
        if keep and self._error is not None:
            raise self._error


def _sync(path: Path) -> None:
    """The file's bytes on disk (as :func:`bilat.ingest.durable.fsync_file`, which sources do not import)."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def duckdb_batches(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator[pa.RecordBatch]:
    """DuckDB's result as Arrow batches, in the order DuckDB reads them.

    An error while reading (raised by DuckDB, or by Arrow's stream around it) means the file is
    not clean: :class:`Declined`.
    """
    con.execute("SET preserve_insertion_order = true")  # the order check needs the file's order
    try:
        reader = con.sql(sql).to_arrow_reader(ROW_GROUP_ROWS)
        yield from reader
    except (duckdb.Error, pa.ArrowException, OSError) as exc:  # Arrow raises OSError for the stream
        raise Declined(f"DuckDB could not read the file as a clean BACI year: {str(exc).splitlines()[0]}") from exc


def prefetched(items: Iterator[T], depth: int = 4) -> Iterator[T]:
    """``items``, pulled on a thread up to ``depth`` ahead, so that producing the next batch
    (DuckDB turning its rows into Arrow) overlaps checking this one.

    The producer is stopped and joined however the consumer ends (finished, declined, or failed),
    and an error raised while producing is raised here, in the consumer, in order.
    """
    handoff: queue.Queue[tuple[object, BaseException | None]] = queue.Queue(maxsize=depth)
    stop = threading.Event()
    finished = object()

    def produce() -> None:
        try:
            for item in items:
                if stop.is_set():
                    break
                handoff.put((item, None))
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer
            handoff.put((finished, exc))
            return
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()
        handoff.put((finished, None))

    thread = threading.Thread(target=produce, name="bilat-batch-reader", daemon=True)
    thread.start()
    try:
        while True:
            item, error = handoff.get()
            if error is not None:
                raise error
            if item is finished:
                return
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        while thread.is_alive():  # unblock a producer waiting for room in the queue
            try:
                handoff.get(timeout=0.05)
            except queue.Empty:
                pass
        thread.join()
