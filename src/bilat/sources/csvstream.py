"""Streaming CSV reading shared by loaders: bytes in, Arrow batches out, with line numbers.

Why not let DuckDB read the file directly? Three things a person needs on a large or damaged
file: a progress bar (bytes read), an error that names the line (bad encoding, a short row from a
truncated file), and reading a CSV *inside* a zip without unpacking it to disk. This module gives
all three for any readable binary stream, at pyarrow's multi-threaded parsing speed.
"""

from __future__ import annotations

import codecs
import gzip
import io
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from bilat import limits
from bilat.errors import Problem, ValidationError
from bilat.limits import LimitError
from bilat.sources.base import ProgressCallback

BLOCK_SIZE = 8 << 20


class _CountingReader(io.RawIOBase):
    """Wraps a binary stream: counts bytes and lines, checks UTF-8 and the caps, reports progress.

    Decoding happens incrementally, so a bad byte is located to its line without a second pass.
    The caps of :mod:`bilat.limits` are checked here, on the bytes as they stream: line length
    (``BILAT_MAX_LINE_BYTES``), NUL bytes, and for a compressed stream the decompressed size
    (``BILAT_MAX_FILE_BYTES``) and expansion ratio (``BILAT_MAX_ZIP_RATIO``), so a gzip bomb is
    stopped after at most one block instead of filling the disk.
    """

    def __init__(
        self,
        raw: IO[bytes],
        display_name: str,
        progress: ProgressCallback | None,
        total: int | None,
        position: Callable[[], int] | None = None,
        budget: limits.Budget | None = None,
    ) -> None:
        self._raw = raw
        self._budget = budget
        self._position = position
        self._display_name = display_name
        self._progress = progress
        self._total = total
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self.bytes_read = 0
        self.lines = 0
        self._first = True
        self._run = 0  # bytes since the last newline
        self._max_line = limits.limit("line_bytes")
        self._max_bytes = limits.limit("file_bytes")
        self._max_ratio = limits.limit("zip_ratio")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        try:
            chunk = self._raw.read(len(buffer))
        except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
            raise ValidationError(
                [Problem(self._display_name, self.lines + 1, None, f"the compressed file is damaged or truncated ({exc})")]
            ) from None
        if not chunk:
            try:
                self._decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                raise self._encoding_error(b"") from None
            return 0
        if self._first:
            self._first = False
            if chunk.startswith(b"\xff\xfe") or chunk.startswith(b"\xfe\xff"):
                raise ValidationError(
                    [Problem(self._display_name, 1, None, "the file is UTF-16 encoded; save it as UTF-8")]
                )
        if chunk.startswith(b"PK\x03\x04") and self._first_chunk_pending():
            raise ValidationError(
                [Problem(self._display_name, None, None,
                         "a zip archive (or .xlsx) that is truncated, damaged or not one this loader reads: not a CSV")]
            )
        nul = chunk.find(b"\x00")
        if nul >= 0:
            line = self.lines + chunk.count(b"\n", 0, nul) + 1
            raise ValidationError(
                [Problem(self._display_name, line, None, "the file contains NUL bytes: it is binary or UTF-16, not a CSV")]
            )
        self._check_line_lengths(chunk)
        try:
            self._decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            raise self._encoding_error(chunk[: exc.start]) from None
        self.lines += chunk.count(b"\n")
        self.bytes_read += len(chunk)
        self._check_expansion()
        if self._budget is not None:
            self._budget.add_bytes(len(chunk))
        if self._progress is not None:
            self._progress(self._position() if self._position else self.bytes_read, self._total)
        n = len(chunk)
        buffer[:n] = chunk
        return n

    def _first_chunk_pending(self) -> bool:
        return self.bytes_read == 0

    def _check_line_lengths(self, chunk: bytes) -> None:
        """Refuse a line longer than the cap, naming it; nearly free on ordinary files.

        Fast path: every window of half the cap holds a newline (one ``find`` each), then no line
        inside the chunk can reach the cap; only the runs at the chunk's ends need counting.
        """
        cap = self._max_line
        first = chunk.find(b"\n")
        if first < 0:
            self._run += len(chunk)
            if self._run > cap:
                self._line_too_long(self.lines + 1)
            return
        if self._run + first > cap:
            self._line_too_long(self.lines + 1)
        window = max(cap // 2, 1)
        last = chunk.rfind(b"\n")
        suspect = any(chunk.find(b"\n", start, start + window) < 0 for start in range(first, last, window))
        if suspect:
            ends = np.flatnonzero(np.frombuffer(chunk, dtype=np.uint8) == 10)
            gaps = np.diff(ends) - 1
            over = np.flatnonzero(gaps > cap)
            if len(over):
                self._line_too_long(self.lines + int(over[0]) + 2)
        self._run = len(chunk) - last - 1
        if self._run > cap:
            self._line_too_long(self.lines + chunk.count(b"\n") + 1)

    def _line_too_long(self, line: int) -> None:
        raise LimitError(
            self._display_name,
            f"a line longer than the limit of {limits.describe('line_bytes', self._max_line)}: not a CSV of records",
            line=line,
        )

    def _check_expansion(self) -> None:
        """For a compressed stream: cap the decompressed size and the expansion ratio."""
        if self._position is None:
            return
        if self.bytes_read > self._max_bytes:
            raise LimitError(
                self._display_name,
                f"decompresses to more than the input file limit of {limits.describe('file_bytes', self._max_bytes)}",
            )
        if self.bytes_read > limits.RATIO_EXEMPT_BYTES:
            compressed = max(self._position(), 1)
            if self.bytes_read / compressed > self._max_ratio:
                raise LimitError(
                    self._display_name,
                    f"expands more than {limits.describe('zip_ratio', self._max_ratio)} when decompressed:"
                    " refusing a possible gzip bomb",
                )

    def _encoding_error(self, before: bytes) -> ValidationError:
        line = self.lines + before.count(b"\n") + 1
        return ValidationError(
            [Problem(self._display_name, line, None, "the file is not valid UTF-8 (wrong encoding? save it as UTF-8)")]
        )


@dataclass
class CsvStream:
    """Arrow record batches of a CSV, all columns as strings, with each batch's first line number."""

    display_name: str
    columns: list[str]
    bad_rows: list[Problem] = field(default_factory=list)
    budget: limits.Budget | None = None
    _reader: pacsv.CSVStreamingReader | None = None
    _counting: _CountingReader | None = None

    def batches(self) -> Iterator[tuple[pa.Array, pa.RecordBatch]]:
        """Yield ``(lines, batch)``: each row's line in the file (the header is line 1).

        Rows skipped as invalid are left out of the batches, so the lines of the rows after them
        are shifted accordingly.
        """
        assert self._reader is not None
        row = 0
        shift = np.zeros(0, dtype=np.int64)
        counted = 0
        while True:
            try:
                batch = self._reader.read_next_batch()
            except StopIteration:
                if self.budget is not None:
                    self.budget.check_bad_rows()
                return
            except pa.ArrowInvalid as exc:
                if self.budget is not None:
                    self.budget.check_bad_rows()  # the handler stopped the parser at the cap
                raise ValidationError([Problem(self.display_name, None, None, f"cannot be read as CSV: {exc}")]) from None
            if self.budget is not None:
                self.budget.check_bad_rows()
                self.budget.add_rows(batch.num_rows)
            # A good row's line is its place among good rows (p, from 2) plus the bad lines before it.
            # With the bad lines sorted, b_k - (k - 1) is non-decreasing, and the count of those <= p
            # is that number: one binary search per row, linear in rows and bad rows alike (the loop
            # over bad rows per batch it replaces cost 0.7 ms a bad row on a file of short rows).
            if len(self.bad_rows) != counted:
                known = [p.line for p in self.bad_rows if p.line is not None]
                bad = np.sort(np.asarray(known, dtype=np.int64))
                shift = bad - np.arange(len(bad), dtype=np.int64)
                counted = len(self.bad_rows)
            lines = np.arange(row + 2, row + 2 + batch.num_rows, dtype=np.int64)
            if len(shift):
                lines = lines + np.searchsorted(shift, lines, side="right")
            row += batch.num_rows
            yield pa.array(lines), batch


def open_csv_stream(
    raw: IO[bytes],
    display_name: str,
    *,
    progress: ProgressCallback | None = None,
    total_bytes: int | None = None,
    position: Callable[[], int] | None = None,
    delimiter: str = ",",
    max_bad_rows_listed: int = 10,
    budget: limits.Budget | None = None,
) -> CsvStream:
    """Open a CSV stream; rows with the wrong number of fields are collected, not fatal here.

    The caller decides what to do with :attr:`CsvStream.bad_rows` once the stream is consumed
    (refuse the file, or set the rows aside with ``--skip-bad-rows``).
    """
    budget = budget if budget is not None else limits.Budget(display_name)
    counting = _CountingReader(raw, display_name, progress, total_bytes, position, budget)
    buffered = io.BufferedReader(counting, buffer_size=BLOCK_SIZE)
    head = buffered.peek(65536)[:65536]
    if not head.strip():
        raise ValidationError([Problem(display_name, 1, None, "the file is empty")])
    first_line = head.split(b"\n", 1)[0].rstrip(b"\r")
    if b"\x00" in first_line:
        raise ValidationError([Problem(display_name, 1, None, "the file contains NUL bytes: it is binary or UTF-16, not a CSV")])
    header_text = first_line.decode("utf-8", errors="replace").lstrip("\ufeff")
    columns = [c.strip().strip('"').strip() for c in header_text.split(delimiter)]
    stream = CsvStream(display_name=display_name, columns=columns, budget=budget)

    def on_invalid(row: pacsv.InvalidRow) -> str:
        if not budget.room_for_bad_row():  # over the cap: pyarrow stops at once, the stream refuses the file
            return "error"
        line = row.number if row.number is not None else None
        stream.bad_rows.append(
            Problem(
                display_name,
                line,
                None,
                f"expected {row.expected_columns} fields, found {row.actual_columns} (truncated file or wrong delimiter?)",
                row.text[:60] if row.text else None,
            )
        )
        return "skip"

    # Single-threaded parsing is what lets pyarrow report the line of an invalid row.
    read_options = pacsv.ReadOptions(
        block_size=BLOCK_SIZE, column_names=columns, skip_rows=1, encoding="utf8", use_threads=False
    )
    parse_options = pacsv.ParseOptions(delimiter=delimiter, invalid_row_handler=on_invalid, newlines_in_values=False)
    convert_options = pacsv.ConvertOptions(
        column_types={c: pa.string() for c in columns}, strings_can_be_null=False, quoted_strings_can_be_null=False
    )
    try:
        stream._reader = pacsv.open_csv(buffered, read_options, parse_options, convert_options)
    except ValidationError:
        raise
    except pa.ArrowInvalid as exc:
        budget.check_bad_rows()  # the handler stopped the parser at the cap
        raise ValidationError([Problem(display_name, None, None, f"cannot be read as CSV: {exc}")]) from None
    stream._counting = counting
    return stream


def open_path(path: Path) -> tuple[IO[bytes], int, Callable[[], int]]:
    """Open a plain or gzip-compressed file for streaming.

    Returns the stream, the size on disk and a function giving the position on disk (so that
    progress is measured in compressed bytes, against the compressed size).
    """
    size = path.stat().st_size
    handle = open(path, "rb")
    magic = handle.read(2)
    handle.seek(0)
    if magic == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=handle, mode="rb"), size, handle.tell
    return handle, size, handle.tell
