"""The fast lane for a clean BACI year: from CSV to the store's Parquet file in one streaming pass.

Why a second lane: a BACI year holds about ten million rows, and the general path (stage every
row in a table, mark each row's problems, look for duplicated keys with a hash aggregate, sort,
write) costs several times what DuckDB alone needs to turn the CSV into Parquet. Yet a file as
CEPII publishes it is clean and already in key order, ``(t, i, j, k)``. For such a file every
check of the general path can be made while the rows stream past:

* DuckDB's reader parses t, i and j as numbers and v as a DECIMAL(18, 3); the lane keeps t, i
  and j only when whole and takes the dollars from the decimal's integer (:func:`_dollars`: the
  same double as the general path's SQL gives, which a test holds), so a stored row is the same
  in either lane, without a CASE expression or 128-bit arithmetic per row in SQL;
* year, country codes, HS codes, values and quantities are checked batch by batch in NumPy;
* the key ``(t, i, j, k)``, packed into one integer, must rise strictly from row to row: that
  proves at once that no row repeats another's key (BACI's duplicate check) and that the rows are
  grouped by exporter and importer, which is what lets a pair's query skip the rest of the file;
  it proves it for ISO3 codes because a file that uses two BACI codes for one country (BACI
  renumbered a few) is declined.

The rows are written in the file's order (BACI's numeric country codes) rather than re-sorted by
ISO3 code. Row groups still hold one exporter, or a few neighbours, each; a Bloom filter on
``exporter`` and ``importer`` lets readers skip a row group whose min/max range spans the code
they look for without holding it.

The first thing out of place (a value that does not parse, a row that fails a check, two rows
out of order) ends the lane with :class:`Declined`; the caller deletes the partial file and takes
the general path, whose errors name each bad row's line and column. Decoding and writing overlap:
DuckDB parses on its threads (a reader thread pulls its batches, :func:`prefetched`), NumPy
checks on this one, and a writer thread encodes and compresses, adding the file id once the
store's hash of the file is known (the lane starts before). Arrays are built and read through
their buffers (:mod:`bilat.arrow_build`): the lane imports no pandas. Why each choice, with
the time it saved on a 10-million-row year: BENCHMARKS.md and docs/store.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa

try:  # the cast kernel without pyarrow.compute's Python wrappers, whose import cost 30-60 ms of start-up
    from pyarrow._compute import CastOptions, call_function
except ImportError:  # pragma: no cover - a pyarrow that moved its private module
    from pyarrow.compute import CastOptions, call_function

from bilat.arrow_build import any_negative, any_not_finite_or_above, any_true, distinct, numbers, strings, view
from bilat.limits import MAX_QUANTITY_T, MAX_VALUE_USD, Budget
from bilat.schema import TABLES
from bilat.sources.baci_totals import PairTotals, totals_path_of
from bilat.sources.base import Cancelled, Declined, FastWrite
from bilat.sources.baci_fast_io import ROW_GROUP_ROWS, _constant, _RowGroupWriter, duckdb_batches, prefetched

__all__ = [
    "ROW_GROUP_ROWS", "CountryLookup", "HsCodes", "_RowGroupWriter", "arrow_schema", "duckdb_batches",
    "hs6_integers", "prefetched", "write_clean_year",
]

#: Packed key layout: year << 50 | exporter code << 30 | importer code << 20 | HS6 code.
_MAX_COUNTRY_CODE = 1 << 10
_MAX_HS6 = 1_000_000
_TO_INT32 = CastOptions.safe(pa.int32())

_ARROW_TYPES = {
    "SMALLINT": pa.int16(),
    "TINYINT": pa.int8(),
    "DOUBLE": pa.float64(),
    "VARCHAR": pa.string(),
}


def arrow_schema(table: str = "product_flows") -> pa.Schema:
    """The Arrow schema of a canonical table, as the store's Parquet files hold it."""
    return pa.schema([(name, _ARROW_TYPES[sql]) for name, sql in TABLES[table].items()])


class CountryLookup:
    """BACI's numeric country codes as ISO3 codes, for the codes bilat knows (others decline).

    Every batch is decoded against one dictionary, the sorted ISO3 codes of the release: a column
    chunk whose dictionary changes from one batch to the next makes pyarrow fall back to plain
    strings, which readers then scan several times slower than dictionary pages.
    """

    def __init__(self, codes: pa.Table, known: set[str]) -> None:
        iso3_of: dict[int, str] = {}
        for code, iso3 in zip(codes.column("code").to_pylist(), codes.column("iso3").to_pylist()):
            if code is not None and 0 <= code < _MAX_COUNTRY_CODE and iso3 in known:
                iso3_of.setdefault(int(code), str(iso3))
        names = sorted(set(iso3_of.values()))
        self.dictionary = strings(names)
        position = {name: n for n, name in enumerate(names)}
        self.index = np.full(_MAX_COUNTRY_CODE, -1, dtype=np.int32)
        for code, iso3 in iso3_of.items():
            self.index[code] = position[iso3]
        # Per code: 0 unknown, 1 known, 2 known but its country has another code too (one
        # lookup per batch answers both questions; only codes marked 2 need to be tracked).
        self.status = np.zeros(_MAX_COUNTRY_CODE, dtype=np.int8)
        self.status[self.index >= 0] = 1
        shared = np.bincount(self.index[self.index >= 0], minlength=max(len(names), 1)) > 1
        self.status[(self.index >= 0) & shared[np.maximum(self.index, 0)]] = 2

    def decode(self, codes: np.ndarray) -> pa.DictionaryArray:
        """ISO3 codes (checked valid) as a dictionary array over the release's codes."""
        # safe=False: the indices come from this lookup's own table (checked known: no -1).
        return pa.DictionaryArray.from_arrays(numbers(self.index[codes], pa.int32()), self.dictionary, safe=False)

    def note_used(self, seen: np.ndarray, codes: np.ndarray) -> None:
        """Add ``codes`` to ``seen``; decline once two codes used by the file mean one country.

        BACI renumbered some countries (France 250/251, Italy 380/381, USA 840/842, a former
        Belgium-Luxembourg 58 beside Belgium 56...). Rows under both codes would be one country's
        rows in two places, possibly with the same key: the numeric order check proves nothing
        then, and the general path must compare them by ISO3 code.
        """
        before = int(seen.sum())
        seen[np.flatnonzero(np.bincount(codes, minlength=_MAX_COUNTRY_CODE))] = True
        if int(seen.sum()) != before:
            used = self.index[seen]
            if len(distinct(used)) != len(used):
                raise Declined("two BACI codes for one country")


class HsCodes:
    """Six-digit, zero-padded HS codes from integers, as a dictionary array over the codes seen so far.

    A few thousand codes occur in a year: a batch costs one look-up of positions, and the Parquet
    writer takes the positions as they are instead of hashing ten million strings. The dictionary
    only grows (a new code is appended), so batches of one row group are brought onto one
    dictionary before they are written (:meth:`_RowGroupWriter.add`); hs_code has no statistics
    (they would cost twice the encoding and prune nothing, see ``_STATISTICS_COLUMNS``).
    """

    def __init__(self) -> None:
        self._position = np.full(_MAX_HS6, -1, dtype=np.int32)
        self._codes: list[str] = []
        self._strings = strings([])

    def decode(self, k: np.ndarray) -> pa.DictionaryArray:
        positions = self._position[k]
        if (positions < 0).any():
            new = distinct(k[positions < 0])
            self._position[new] = np.arange(len(self._codes), len(self._codes) + len(new), dtype=np.int32)
            self._codes.extend(f"{code:06d}" for code in new)
            self._strings = strings(self._codes)
            positions = self._position[k]
        return pa.DictionaryArray.from_arrays(numbers(positions, pa.int32()), self._strings, safe=False)


def hs6_integers(column: pa.Array) -> np.ndarray:
    """HS codes written as five or six ASCII digits (BACI drops a leading zero), as integers.

    Checked on the Arrow string buffers (lengths from the offsets, then every byte at once): a
    regular expression in SQL over ten million codes cost as much as parsing them. Anything else
    (a sign, a space, four digits, a missing code) raises :class:`Declined`, as ``[0-9]{5,6}``
    would refuse it.
    """
    if column.null_count:
        raise Declined("a missing or unreadable k")
    if pa.types.is_large_string(column.type):
        offset_type = np.int64
    elif pa.types.is_string(column.type):
        offset_type = np.int32
    else:
        raise Declined(f"HS codes read as {column.type}, not text")
    _validity, offsets_buffer, data_buffer = column.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=offset_type)[column.offset : column.offset + len(column) + 1]
    lengths = np.diff(offsets)
    if len(lengths) == 0:
        return np.zeros(0, dtype=np.int32)
    if lengths.min() < 5 or lengths.max() > 6:
        raise Declined("an HS code that is not five or six digits")
    data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer is not None else np.zeros(0, np.uint8)
    text = data[offsets[0] : offsets[-1]]  # every code has five bytes at least: not empty
    if text.min() < 48 or text.max() > 57:  # a byte that is not "0"-"9": two reductions, no copy
        raise Declined("an HS code that is not five or six digits")
    # Every byte a digit: Arrow's cast (which would also take a sign or "0x") reads plain decimals.
    return view(call_function("cast", [column], _TO_INT32))


def _whole_numbers(column: pa.Array, name: str) -> np.ndarray:
    """A column of whole numbers as integers; :class:`Declined` unless every value is whole.

    The plain-CSV lane reads t, i and j as DOUBLE (DuckDB's integer reader would round 2020.5 to
    2021) and they are checked here, one cast and one comparison per column: the SQL it replaces,
    ``CASE WHEN x = trunc(x) THEN TRY_CAST(x AS ...) END``, cost DuckDB's threads more than the
    cast costs here (BENCHMARKS.md). NaN, infinities and 2020.5 fail the comparison; the ranges
    are checked by the caller. Integer columns (the zip lane's SQL typed them) are taken as they are.
    """
    values = view(column)
    if values.dtype != np.float64:
        return values
    with np.errstate(invalid="ignore"):  # NaN and infinities cast to garbage, then fail the comparison
        whole = values.astype(np.int64)
    if not (whole == values).all():
        raise Declined(f"a missing or unreadable {name}")
    return whole


def _dollars(column: pa.Array) -> tuple[np.ndarray, pa.Array]:
    """value_usd as float64 dollars (NumPy and Arrow); :class:`Declined` unless 0 <= value <= MAX_VALUE_USD.

    The plain-CSV lane reads v as DECIMAL(18, 3) thousands of dollars, so the decimal's unscaled
    integer is the dollars, exactly; up to MAX_VALUE_USD (1e15, below 2**53) a double holds it
    exactly, which is also what the general path's ``CAST(DECIMAL(38, 3) * 1000 AS DOUBLE)`` gives
    (a test holds the two equal). Here it costs one conversion instead of DuckDB's 128-bit
    arithmetic on every value. A double column (the zip lane's SQL computed it) is checked as it is.
    """
    if pa.types.is_decimal(column.type):
        if column.type.bit_width != 128 or column.type.scale != 3 or column.type.precision > 18:
            raise Declined(f"values read as {column.type}")
        # Little-endian 128-bit integers whose values fit 64 bits: the low word of each is the value.
        words = np.frombuffer(column.buffers()[1], dtype=np.int64)
        unscaled = words[2 * column.offset : 2 * (column.offset + len(column)) : 2]
        if unscaled.min() < 0 or unscaled.max() > MAX_VALUE_USD:
            raise Declined("a negative, non-finite or absurd value")
        dollars = unscaled.astype(np.float64)
        return dollars, numbers(dollars, pa.float64())
    value = view(column)
    if not np.isfinite(value).all() or (value < 0).any() or (value > MAX_VALUE_USD).any():
        raise Declined("a negative, non-finite or absurd value")
    return value, column


class _Checked(NamedTuple):
    """One checked batch: what the totals and the written columns need."""

    year: pa.Array  # int16
    i: np.ndarray  # BACI country codes
    j: np.ndarray
    k: np.ndarray  # HS6 codes as integers
    value: np.ndarray  # dollars
    value_array: pa.Array  # the same, as the float64 column written


class _Checker:
    """Checks batch after batch, carrying the last key across batches."""

    def __init__(self, countries: CountryLookup, first_year: int, last_year: int) -> None:
        self.countries = countries
        self.first_year, self.last_year = first_year, last_year
        self.last_key = -1
        self.rows = 0
        self.seen_codes = np.zeros(_MAX_COUNTRY_CODE, dtype=bool)
        self.min_year, self.max_year = last_year + 1, first_year - 1

    def check(self, batch: pa.RecordBatch) -> _Checked:
        """The batch's columns, checked; raises :class:`Declined` at the first problem."""
        for name in ("t", "i", "j", "value_usd"):
            if batch.column(name).null_count:
                raise Declined(f"a missing or unreadable {name}")
        if any_true(batch.column("q_unreadable")):
            raise Declined("an unreadable quantity")
        t = _whole_numbers(batch.column("t"), "t")
        i = _whole_numbers(batch.column("i"), "i")
        j = _whole_numbers(batch.column("j"), "j")
        k = hs6_integers(batch.column("k"))
        low, high = int(t.min()), int(t.max())
        if low < self.first_year or high > self.last_year:
            raise Declined("a year out of range")
        for codes in (i, j):
            if codes.min() < 0 or codes.max() >= _MAX_COUNTRY_CODE:
                raise Declined("a country code bilat does not know")
            status = self.countries.status[codes]
            if status.min() == 0:
                raise Declined("a country code bilat does not know")
            if status.max() == 2:
                self.countries.note_used(self.seen_codes, codes[status == 2])
        value, value_array = _dollars(batch.column("value_usd"))
        if any_negative(batch.column("quantity_t")):
            raise Declined("a negative quantity")
        if any_not_finite_or_above(batch.column("quantity_t"), MAX_QUANTITY_T):
            raise Declined("a non-finite or absurd quantity")
        key = (t.astype(np.int64, copy=False) << 50) | (i.astype(np.int64, copy=False) << 30)
        key |= (j.astype(np.int64, copy=False) << 20) | k
        if key[0] <= self.last_key or (len(key) > 1 and not (key[1:] > key[:-1]).all()):
            raise Declined("rows not in BACI's order (t, i, j, k), or a repeated key")
        self.last_key = int(key[-1])
        self.keys = key  # the batch's packed keys, for the pair totals
        self.rows += len(key)
        self.min_year, self.max_year = min(self.min_year, low), max(self.max_year, high)
        column = batch.column("t")
        year = column if column.type == pa.int16() else numbers(t.astype(np.int16), pa.int16())  # in range: checked
        return _Checked(year, i, j, k, value, value_array)


def write_clean_year(
    batches: Iterable[pa.RecordBatch],
    out: Path,
    *,
    countries: CountryLookup,
    years: tuple[int, int],
    hs_revision: int | None,
    file_id: Callable[[], str],
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
    budget: Budget | None = None,
) -> FastWrite:
    """Check ``batches`` (columns t, i, j, k, value_usd, quantity_t, q_unreadable) and write them to ``out``.

    Raises :class:`Declined` at the first problem, :class:`Cancelled` as soon as ``cancelled()``
    says so; ``out`` may then hold a partial file, which the caller deletes. ``file_id`` is asked
    (and may block) when the first rows are written. ``progress`` hears the rows read so far.
    """
    schema = pa.schema([f for f in arrow_schema() if f.name != "file_id"])  # the writer adds file_id
    checker = _Checker(countries, *years)
    hs_codes = HsCodes()
    totals = PairTotals()  # kept beside the file (bilat.catalog.totals), summed as the rows pass
    writer = _RowGroupWriter(out, file_id)
    # Columns that are never NULL here are written as REQUIRED: no definition levels to encode
    # (a sixth of the writer's time); readers see the same types.
    nullable = {"reporter", "flow", "quantity_t"} | ({"hs_revision"} if hs_revision is None else set())
    kept = False
    try:
        for batch in prefetched(iter(batches)):
            if cancelled is not None and cancelled():
                raise Cancelled("the file is stored already")
            if batch.num_rows == 0:
                continue
            if budget is not None:  # rows and wall time, as the streaming reader counts them
                budget.add_rows(batch.num_rows)
            checked = checker.check(batch)
            totals.add(checker.keys, checked.k, checked.value, checked.i, checked.j)
            rows = batch.num_rows
            columns = {
                "year": checked.year,
                "exporter": countries.decode(checked.i),
                "importer": countries.decode(checked.j),
                "reporter": _constant(None, rows, pa.string()),
                "flow": _constant(None, rows, pa.string()),
                "hs_revision": _constant(hs_revision, rows, pa.int16()),
                "hs_code": hs_codes.decode(checked.k),
                "hs_level": _constant(6, rows, pa.int8()),
                "value_usd": checked.value_array,
                "quantity_t": batch.column("quantity_t"),
                "valuation": _constant("reconciled", rows, pa.string()),
                "source": _constant("baci", rows, pa.string()),
            }
            arrays = [columns[f.name] for f in schema]
            fields = [pa.field(f.name, a.type, nullable=f.name in nullable) for f, a in zip(schema, arrays)]
            writer.add(pa.Table.from_arrays(arrays, schema=pa.schema(fields)))
            if progress is not None:
                progress(checker.rows)
        if checker.rows == 0:
            raise Declined("no data rows")
        writer.finish()
        # While the writer thread drains its queue, closes and syncs ``out``: the totals file beside it.
        totals_rows = totals.write(totals_path_of(out), countries.decode, file_id())
        kept = True
    finally:
        writer.close(keep=kept)
    return FastWrite(checker.rows, checker.min_year, checker.max_year, totals_rows=totals_rows)
